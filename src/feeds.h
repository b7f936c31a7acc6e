// Files folio generates from the index: sitemap.xml, robots.txt, the Atom feed, BibTeX.
#pragma once
#include <string>
#include <string_view>

#include "site_view.h"

namespace folio {


// sitemaps.org protocol: every served page with lastmod; no redirects, no 404 page, none with
// `sitemap: false`.
std::string sitemap_xml(const SiteView& view);

// Allows everything and points at the sitemap.
std::string robots_txt(const SiteView& view);

// RFC 4287 Atom feed of the `posts` collection, newest first.
std::string atom_feed(const SiteView& view);

// XML 1.0 cannot hold some characters at all, not even as a character reference: the C0 controls
// other than tab, LF and CR, U+FFFE and U+FFFF; and a UTF-8 document cannot hold bytes that are
// not UTF-8. The byte offset of the first of them in text, or npos when there is none.
std::size_t find_non_xml(std::string_view text);

// Text for XML element content and quoted attribute values: escaped like HTML, with every
// character XML cannot hold left out (bytes that are not UTF-8 become U+FFFD), so the document
// is well-formed whatever the site's files hold.
std::string escape_xml(std::string_view text);

// The same characters left out (or made U+FFFD), without escaping: text for a CDATA section or
// for an escaper of another table (Jekyll's xml_escape).
std::string xml_chars(std::string_view text);

// "2025-07-13" or "2025-07-13 10:00:00 +0800" -> RFC 3339; else the mtime, in UTC.
std::string rfc3339(const std::string& date, long long mtime);

}  // namespace folio
