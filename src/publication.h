// Pure: what a publication's front matter says, as BibTeX, Highwire (Google Scholar) tags and
// an author list with the site owner marked.
#pragma once
#include <string>
#include <vector>

#include "page.h"

namespace folio {

// authors: a YAML list, or one string "A, B and C". Equal-contribution marks stay as written.
std::vector<std::string> authors_of(const Page& page);

// True when an author entry names the owner: compared without marks (*, †, ‡, digits), spaces
// and case, against the owner's name and aliases.
bool is_owner(const std::string& author, const std::vector<std::string>& owner_names);

// The publication kind from `type` or `category`: "journal", "conference", "preprint", ...
std::string publication_kind(const Page& page);

// True for a collection item that describes a publication (it has authors or a bibtex entry).
bool is_publication(const Page& page);

struct Citation {
    std::string title;
    std::vector<std::string> authors;  // marks removed
    std::string date;                  // YYYY/MM/DD or YYYY
    std::string conference, journal;   // at most one set
    std::string pdf_url, doi, arxiv;
};
Citation citation_of(const Page& page);

// The page's own `bibtex` when it has one, else an entry generated from the front matter.
// url: the page's public URL.
std::string bibtex_of(const Page& page, const std::string& url);

// "Xuanlei Zhao*" -> "Xuanlei Zhao".
std::string strip_marks(const std::string& author);

}  // namespace folio
