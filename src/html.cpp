// HTML escaping, and the entities of titles decoded.
#include "html.h"

#include "text.h"

namespace folio {

const ByteEscaper& html_escaper() {
    static const ByteEscaper kHtml{{'&', "&amp;"}, {'<', "&lt;"}, {'>', "&gt;"}, {'"', "&quot;"}, {'\'', "&#39;"}};
    return kHtml;
}

std::string escape_html(std::string_view text) { return html_escaper()(text); }

namespace {

// The code point an entity's name (between '&' and ';') stands for; 0 for none folio knows.
unsigned long entity_code_point(std::string_view name) {
    static const std::pair<std::string_view, unsigned long> kNamed[] = {
        {"amp", '&'},      {"lt", '<'},        {"gt", '>'},        {"quot", '"'},      {"apos", '\''},
        {"nbsp", 0xA0},    {"lsquo", 0x2018},  {"rsquo", 0x2019},  {"ldquo", 0x201C},  {"rdquo", 0x201D},
        {"ndash", 0x2013}, {"mdash", 0x2014},  {"hellip", 0x2026}, {"copy", 0xA9},     {"reg", 0xAE},
        {"trade", 0x2122}};
    if (name.size() >= 2 && name[0] == '#') {
        const bool hex = name[1] == 'x' || name[1] == 'X';
        const std::string_view digits = name.substr(hex ? 2 : 1);
        if (digits.empty() || digits.size() > 7) return 0;
        unsigned long cp = 0;
        for (char c : digits) {
            const int d = c >= '0' && c <= '9' ? c - '0' : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10 : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0) return 0;
            cp = cp * (hex ? 16 : 10) + static_cast<unsigned long>(d);
        }
        // Not NUL, not a surrogate, not past Unicode: those stay as written.
        return cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF ? 0 : cp;
    }
    for (const auto& [n, cp] : kNamed)
        if (n == name) return cp;
    return 0;
}

}  // namespace

std::string decode_html_entities(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const std::size_t semi = text[i] == '&' ? text.find(';', i + 1) : std::string_view::npos;
        const unsigned long cp = semi != std::string_view::npos && semi - i <= 10 ? entity_code_point(text.substr(i + 1, semi - i - 1)) : 0;
        if (cp == 0) {
            out += text[i];
            continue;
        }
        append_utf8(out, static_cast<char32_t>(cp));
        i = semi;
    }
    return out;
}

}  // namespace folio
