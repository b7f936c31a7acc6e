// What a request or a render reads: the loaded configuration, index and templates, passed
// explicitly (no globals). A header of its own so that the router, the feeds, --export and
// --check can take one without depending on the renderer (or the Mustache headers).
#pragma once

namespace folio {

struct Config;
struct Site;
class Templates;
class ResponseCache;
class GzipStore;
class LiquidCache;
struct SassMemo;

struct SiteView {
    const Config& config;
    const Site& site;
    const Templates& templates;
    long long last_modified = 0;     // newest modification time of every input file
    ResponseCache* cache = nullptr;  // a FastCGI process's rendered responses; none in CGI mode
    const GzipStore* gzip = nullptr;  // kept gzip variants of large static files (both modes); none: sent plain
    LiquidCache* liquid = nullptr;    // parsed Liquid of this loaded site (jekyll/liquid.h); none: parsed each render
    int paginator_page = 1;           // the page of jekyll-paginate's paginator a render shows
    SassMemo* sass = nullptr;         // the last Sass compile of this loaded site (jekyll/stylesheet.h); none: compiled each time
};

}  // namespace folio
