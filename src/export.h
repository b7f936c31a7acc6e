// --export DIR: the whole site as static files, for a site that outgrows its host.
#pragma once
#include <ostream>
#include <string>

namespace folio {

struct Loaded;  // app.h

// Writes every page (DIR/<url>/index.html, or its .html name), static file, generated file and
// .bib, plus every redirect three ways: a small HTML stub at its URL, a line of an Apache
// .htaccess ("Redirect 301"), and a line of a _redirects file (Netlify/Cloudflare Pages).
// Progress goes to `progress` when the site is large. Returns the exit status.
int run_export(const Loaded& loaded, const std::string& dir, std::ostream& progress);

}  // namespace folio
