// Shared by the unit tests of whole-site modules (feeds, render, export, check): a site on disk
// (folio.ini, content/, the project's own templates/) loaded by load_site, as folio loads it.
#pragma once
#include <limits.h>
#include <stdlib.h>

#include <memory>
#include <stdexcept>
#include <string>

#include "app.h"
#include "helpers.h"

namespace testing {

class SiteOnDisk {
public:
    // ini_extra: lines added to folio.ini's [site] section (title, url and description are set).
    explicit SiteOnDisk(const std::string& ini_extra = "") : ini_extra_(ini_extra) {}

    // Writes a file below content/.
    void content(const std::string& rel, const std::string& text) const { dir_.write("content/" + rel, text); }

    // Loads the site as it is on disk now; the repository's templates/ (tests run from the top).
    const folio::Loaded& load() {
        char templates[PATH_MAX];
        if (!realpath("templates", templates)) throw std::runtime_error("run the unit tests from the top of the tree");
        dir_.mkdirs("content");
        dir_.write("cgi-bin/folio.ini", "[site]\ntitle = Ada's Site\nurl = https://example.org\n"
                                        "description = Engines & notes\n" + ini_extra_ +
                                        "\n[author]\nname = Ada Lovelace\n[paths]\ncontent = ../content\ntemplates = " +
                                        std::string(templates) + "\ncache = off\n");
        loaded_ = folio::load_site(dir_ / "cgi-bin/folio.ini");
        return *loaded_;
    }

    const TempDir& dir() const { return dir_; }

private:
    TempDir dir_;
    std::string ini_extra_;
    std::unique_ptr<folio::Loaded> loaded_;
};

// The Jekyll site in d/site loaded as folio loads it (no folio.ini: the defaults; the project's
// templates), and its page
// at rel below the site (page null when there is none).
struct JekyllPage {
    std::unique_ptr<folio::Loaded> loaded;
    const folio::Page* page = nullptr;
};
inline JekyllPage load_jekyll_page(const TempDir& d, const std::string& rel) {
    folio::Config c;
    c.file = "folio.ini";
    c.dir = d.path();
    c.content_dir = d / "site";
    char templates[PATH_MAX];  // the repository's own templates/ (unit tests run from the top)
    c.templates_dir = realpath("templates", templates) ? std::string(templates) : d / "templates";
    JekyllPage out{folio::load_site(std::move(c), folio::Fingerprint{})};
    for (const auto& p : out.loaded->site.pages)
        if (p.rel == rel) out.page = &p;
    return out;
}

}  // namespace testing
