// publication: what a publication's front matter says, as BibTeX, citation fields and authors.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "page.h"
#include "publication.h"

namespace {

folio::Page paper(const std::string& front, const std::string& rel = "_publications/2024-paper.md") {
    return folio::parse_page("---\n" + front + "---\nAbstract.\n", "content/" + rel, rel);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(publication)

BOOST_AUTO_TEST_CASE(authors_from_a_list_or_one_string) {
    using V = std::vector<std::string>;
    BOOST_TEST(folio::authors_of(paper("title: T\nauthors: [Ada Lovelace*, ' Charles Babbage ', '']\n")) ==
               (V{"Ada Lovelace*", "Charles Babbage"}));
    BOOST_TEST(folio::authors_of(paper("title: T\nauthors: A One, B Two and C Three\n")) == (V{"A One", "B Two", "C Three"}));
    BOOST_TEST(folio::authors_of(paper("title: T\n")).empty());
    BOOST_TEST(folio::authors_of(paper("title: T\nauthors: {a: 1}\n")).empty());  // neither list nor text
}

BOOST_AUTO_TEST_CASE(marks_are_stripped_and_the_owner_found) {
    BOOST_TEST(folio::strip_marks("Xuanlei Zhao*") == "Xuanlei Zhao");
    BOOST_TEST(folio::strip_marks(" Ada Lovelace\xE2\x80\xA0" "2") == "Ada Lovelace");
    BOOST_TEST(folio::strip_marks("#Alan Turing\xE2\x80\xA1") == "Alan Turing");
    const std::vector<std::string> owner = {"Xuanlei Zhao", "X. Zhao"};
    BOOST_TEST(folio::is_owner("xuanlei  zhao*", owner));
    BOOST_TEST(folio::is_owner("X Zhao", owner));  // dots and spaces do not count
    BOOST_TEST(!folio::is_owner("Xuanlei Zhang", owner));
    BOOST_TEST(!folio::is_owner("*", owner));  // nothing left after the marks is nobody
}

BOOST_AUTO_TEST_CASE(kind_from_type_or_category) {
    BOOST_TEST(folio::publication_kind(paper("title: T\ncategory: manuscripts\n")) == "journal");
    BOOST_TEST(folio::publication_kind(paper("title: T\ntype: Proceedings\ncategory: manuscripts\n")) == "conference");
    BOOST_TEST(folio::publication_kind(paper("title: T\ncategory: preprints\n")) == "preprint");
    BOOST_TEST(folio::publication_kind(paper("title: T\ncategory: Thesis\n")) == "thesis");
    BOOST_TEST(folio::publication_kind(paper("title: T\n")) == "");
}

BOOST_AUTO_TEST_CASE(a_publication_is_a_collection_item_with_authors_or_bibtex) {
    BOOST_TEST(folio::is_publication(paper("title: T\nauthors: [A]\n")));
    BOOST_TEST(folio::is_publication(paper("title: T\nbibtex: '@misc{x}'\n")));
    BOOST_TEST(!folio::is_publication(paper("title: T\n")));
    BOOST_TEST(!folio::is_publication(paper("title: T\nauthors: [A]\n", "about.md")));  // a page, not an item
}

BOOST_AUTO_TEST_CASE(citation_fields) {
    folio::Citation c = folio::citation_of(paper("title: Fast Things\nauthors: [A One*, B Two]\ndate: 2024-03-05\n"
                                                 "venue: Journal of Speed\ncategory: manuscripts\n"
                                                 "paperurl: https://arxiv.org/abs/2401.00001\n"));
    BOOST_TEST(c.title == "Fast Things");
    BOOST_TEST(c.authors == (std::vector<std::string>{"A One", "B Two"}));
    BOOST_TEST(c.date == "2024/03/05");
    BOOST_TEST(c.journal == "Journal of Speed");
    BOOST_TEST(c.conference == "");
    BOOST_TEST(c.arxiv == "2401.00001");
    BOOST_TEST(c.pdf_url == "https://arxiv.org/pdf/2401.00001");
    // A paper URL ending in .pdf is the PDF; a venue of another kind is a conference.
    c = folio::citation_of(paper("title: T\nyear: 2019\nvenue: Conf\npaperurl: /files/t.pdf\n"));
    BOOST_TEST(c.date == "2019");
    BOOST_TEST(c.conference == "Conf");
    BOOST_TEST(c.pdf_url == "/files/t.pdf");
}

BOOST_AUTO_TEST_CASE(generated_bibtex) {
    const folio::Page p = paper("title: 'Fast: Things & 50% {more}'\nauthors: [Ada Lovelace*, Bob O_Brien]\n"
                                "date: 2024-03-05\nvenue: NeurIPS\ntype: conference\ndoi: 10.1/x\n");
    BOOST_TEST(folio::bibtex_of(p, "https://example.org/publications/fast/") ==
               "@inproceedings{lovelace2024fast,\n"
               "  title = {Fast: Things \\& 50\\% more},\n"
               "  author = {Ada Lovelace and Bob O\\_Brien},\n"
               "  booktitle = {NeurIPS},\n"
               "  year = {2024},\n"
               "  doi = {10.1/x},\n"
               "  url = {https://example.org/publications/fast/},\n"
               "}\n");
    // No authors, no venue, no kind: a misc entry keyed "anon".
    BOOST_TEST(folio::bibtex_of(paper("title: Notes\nyear: 2020\n"), "u") ==
               "@misc{anon2020notes,\n  title = {Notes},\n  year = {2020},\n  url = {u},\n}\n");
}

BOOST_AUTO_TEST_CASE(own_bibtex_wins_and_ends_with_a_newline) {
    const folio::Page p = paper("title: T\nauthors: [A]\nbibtex: '@article{mine, title={T}}'\n");
    BOOST_TEST(folio::bibtex_of(p, "u") == "@article{mine, title={T}}\n");
}

BOOST_AUTO_TEST_SUITE_END()
