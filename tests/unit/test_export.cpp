// export: a site on disk written out as static files, with its redirects three ways.
#include <boost/test/unit_test.hpp>

#include <sstream>
#include <string>

#include "export.h"
#include "site_fixture.h"

using testing::contains;
using testing::SiteOnDisk;

namespace {

struct Exported {
    SiteOnDisk site{"base_path = /~ada"};
    std::string out;
    std::ostringstream progress;
    int status = -1;

    Exported() {
        site.content("index.md", "---\ntitle: Home\n---\n[Notes](/notes/)\n");
        site.content("notes.md", "---\ntitle: Notes\nredirect_from: [/old-notes/, '/legacy/?p=12']\n---\nSome notes.\n");
        site.content("404.md", "---\ntitle: Lost\npermalink: /404.html\n---\nNothing here.\n");
        site.content("files/data.csv", "a,b\n1,2\n");
        out = site.dir() / "export";
        status = folio::run_export(site.load(), out, progress);
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(export_site)

BOOST_AUTO_TEST_CASE(pages_files_and_generated_files_are_written) {
    Exported e;
    BOOST_TEST(e.status == 0, e.progress.str());
    BOOST_TEST(contains(testing::read_file(e.out + "/index.html"), "<a href=\"/~ada/notes/\">Notes</a>"));
    BOOST_TEST(contains(testing::read_file(e.out + "/notes/index.html"), "Some notes."));
    BOOST_TEST(testing::read_file(e.out + "/files/data.csv") == "a,b\n1,2\n");
    BOOST_TEST(contains(testing::read_file(e.out + "/sitemap.xml"), "<loc>https://example.org/~ada/notes/</loc>"));
    BOOST_TEST(contains(testing::read_file(e.out + "/404.html"), "Nothing here."));
    BOOST_TEST(contains(e.progress.str(), "folio: exported "), e.progress.str());
}

BOOST_AUTO_TEST_CASE(redirects_as_stubs_htaccess_and_redirects_file) {
    Exported e;
    BOOST_TEST(contains(testing::read_file(e.out + "/old-notes/index.html"), "/~ada/notes/"));
    const std::string htaccess = testing::read_file(e.out + "/.htaccess");
    BOOST_TEST(contains(htaccess, "RedirectMatch 301 ^/~ada/old-notes/$ /~ada/notes/\n"), htaccess);
    BOOST_TEST(contains(htaccess, "ErrorDocument 404 /~ada/404.html\n"), htaccess);
    // A redirect with a query needs mod_rewrite, and no stub file (a file cannot match a query).
    BOOST_TEST(contains(htaccess, "RewriteCond %{QUERY_STRING} =p=12\n"), htaccess);
    const std::string redirects = testing::read_file(e.out + "/_redirects");
    BOOST_TEST(contains(redirects, "/~ada/old-notes/ /~ada/notes/ 301\n"), redirects);
    BOOST_TEST(contains(redirects, "/~ada/legacy/?p=12 /~ada/notes/ 301\n"), redirects);
    BOOST_TEST(!testing::exists(e.out + "/legacy/index.html"));
}

BOOST_AUTO_TEST_CASE(a_page_that_fails_is_reported_and_the_status_is_1) {
    SiteOnDisk s;
    s.content("index.md", "---\ntitle: Home\n---\nHi\n");
    s.content("broken.md", "---\ntitle: ok\nbad: a: b\n---\nbody\n");
    std::ostringstream progress;
    const std::string out = s.dir() / "export";
    BOOST_TEST(folio::run_export(s.load(), out, progress) == 1);
    BOOST_TEST(contains(progress.str(), "/broken/: answered 500, not exported"), progress.str());
    BOOST_TEST(contains(testing::read_file(out + "/index.html"), "Hi"));  // the rest is still written
}

BOOST_AUTO_TEST_SUITE_END()
