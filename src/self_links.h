// Pure: links in a page's HTML that point at the site's own public address, made local.
#pragma once
#include <string>
#include <string_view>

namespace folio {

// Rewrites the href and src attributes of html's tags whose URL starts with public_url (the
// site's `url` plus, on a Jekyll site, its `baseurl`; either scheme, host in any case) followed
// (or with base_path after it, as folio's own canonical URLs are) followed by '/', '?', '#' or
// the end: that prefix becomes base_path ("" or "/~user"), so
// "https://oahzxl.github.io/publications/#DSP" is served as "/~user/publications/#DSP" and the
// reader stays on this host. Everything else, the text, comments, script and style bodies, is
// copied unchanged. public_url "" changes nothing.
std::string localize_self_links(std::string_view html, std::string_view public_url, std::string_view base_path);

}  // namespace folio
