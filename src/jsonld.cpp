// JSON-LD for the home page: the site owner as a schema.org Person.
#include "jsonld.h"

#include <cstdio>

#include "config.h"
#include "escape.h"
#include "site_url.h"

namespace folio {
namespace {

// A JSON string literal in which '<', '>' and '&' are escaped too, so the text can never close
// the script element it stands in.
std::string json_string(const std::string& s) {
    static const ByteEscaper kJson = [] {
        ByteEscaper e{{'"', "\\\""}, {'\\', "\\\\"}, {'<', "\\u003c"}, {'>', "\\u003e"}, {'&', "\\u0026"}};
        for (unsigned char c = 0; c < 0x20; ++c) {  // JSON allows no raw control character
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            e.set(c, buf);
        }
        return e;
    }();
    return "\"" + kJson(s) + "\"";
}

}  // namespace

std::string person_jsonld(const Config& c) {
    const auto& a = c.author;
    std::string j = "{\"@context\":\"https://schema.org\",\"@type\":\"Person\",\"name\":" + json_string(a.name);
    if (!c.site.url.empty()) j += ",\"url\":" + json_string(absolute_url(c, "/"));
    if (!a.bio.empty()) j += ",\"description\":" + json_string(a.bio);
    if (!a.employer.empty()) j += ",\"affiliation\":{\"@type\":\"Organization\",\"name\":" + json_string(a.employer) + "}";
    if (!a.email.empty()) j += ",\"email\":" + json_string("mailto:" + a.email);
    if (!a.avatar.empty() && !c.site.url.empty()) j += ",\"image\":" + json_string(c.site.url + link_to(c, a.avatar));
    if (!a.links.empty()) {
        j += ",\"sameAs\":[";
        for (std::size_t i = 0; i < a.links.size(); ++i) j += (i ? "," : "") + json_string(a.links[i].url);
        j += "]";
    }
    return j + "}";
}

}  // namespace folio
