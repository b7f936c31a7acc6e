// LaTeX in BibTeX fields -> Unicode. A small, bounded subset: what reference managers, Google
// Scholar and DBLP write, not TeX; every step consumes input, so the work is linear.
#include "latex_text.h"

#include <cctype>
#include <cstdint>
#include <cstring>

#include "text.h"

namespace folio {
namespace {

// An accent command, the letters it has a precomposed character for (in the order of
// `composed`), and the combining mark used for any other letter.
struct Accent {
    char command;
    const char* letters;
    const char16_t* composed;
    std::uint32_t combining;
};

const Accent kAccents[] = {
    {'"', "AEIOUaeiouy", u"ÄËÏÖÜäëïöüÿ", 0x308},
    {'\'', "AEIOUYaeiouycnszCNSZ", u"ÁÉÍÓÚÝáéíóúýćńśźĆŃŚŹ", 0x301},
    {'`', "AEIOUaeiou", u"ÀÈÌÒÙàèìòù", 0x300},
    {'^', "AEIOUaeiou", u"ÂÊÎÔÛâêîôû", 0x302},
    {'~', "ANOano", u"ÃÑÕãñõ", 0x303},
    {'=', "AEIOUaeiou", u"ĀĒĪŌŪāēīōū", 0x304},
    {'.', "zZeEI", u"żŻėĖİ", 0x307},
    {'u', "aAgG", u"ăĂğĞ", 0x306},
    {'v', "cCsSzZrRnNeE", u"čČšŠžŽřŘňŇěĚ", 0x30C},
    {'H', "oOuU", u"őŐűŰ", 0x30B},
    {'c', "cCsStT", u"çÇşŞţŢ", 0x327},
    {'k', "aAeE", u"ąĄęĘ", 0x328},
    {'r', "aAuU", u"åÅůŮ", 0x30A},
    {'d', "", u"", 0x323},
    {'b', "", u"", 0x331},
};

const Accent* accent_for(char c) {
    for (const auto& a : kAccents)
        if (a.command == c) return &a;
    return nullptr;
}

// Commands that stand for one character.
struct Symbol {
    const char* name;
    const char* text;
};
const Symbol kSymbols[] = {
    {"ss", "ß"}, {"o", "ø"},  {"O", "Ø"},  {"ae", "æ"}, {"AE", "Æ"}, {"oe", "œ"}, {"OE", "Œ"},
    {"aa", "å"}, {"AA", "Å"}, {"l", "ł"},  {"L", "Ł"},  {"i", "ı"},  {"j", "ȷ"},  {"dh", "ð"},
    {"DH", "Ð"}, {"th", "þ"}, {"TH", "Þ"}, {"dag", "†"}, {"ddag", "‡"}, {"S", "§"}, {"P", "¶"},
    {"copyright", "©"}, {"textregistered", "®"}, {"texttrademark", "™"}, {"ldots", "…"},
    {"dots", "…"}, {"textendash", "–"}, {"textemdash", "—"}, {"textasciitilde", "~"},
    {"textbackslash", "\\"}, {"LaTeX", "LaTeX"}, {"TeX", "TeX"}, {"relax", ""}, {"textdagger", "†"},
    {"textdaggerdbl", "‡"}, {"textbullet", "•"}, {"quad", " "}, {"qquad", " "}, {"space", " "},
};

class Converter {
public:
    explicit Converter(std::string_view in) : in_(in) {}

    std::string run() {
        while (pos_ < in_.size()) step();
        return to_valid_utf8(out_);
    }

private:
    bool more() const { return pos_ < in_.size(); }
    char peek(std::size_t ahead = 0) const { return pos_ + ahead < in_.size() ? in_[pos_ + ahead] : '\0'; }

    void step() {
        const char c = in_[pos_];
        if (c == '\\') return command();
        if (c == '{' || c == '}' || c == '$') {
            ++pos_;
            return;
        }
        if (c == '~') {
            ++pos_;
            out_ += "\xC2\xA0";
            return;
        }
        if (c == '-' && peek(1) == '-') {
            const bool em = peek(2) == '-';
            pos_ += em ? 3 : 2;
            out_ += em ? "—" : "–";
            return;
        }
        if (c == '`' && peek(1) == '`') {
            pos_ += 2;
            out_ += "“";
            return;
        }
        if (c == '\'' && peek(1) == '\'') {
            pos_ += 2;
            out_ += "”";
            return;
        }
        out_ += c;
        ++pos_;
    }

    // After a backslash: an escaped special, an accent, a symbol or another command.
    void command() {
        ++pos_;  // the backslash
        if (!more()) return;
        const char c = in_[pos_];
        if (std::strchr("&%$#_{}", c)) {
            out_ += c;
            ++pos_;
            return;
        }
        if (c == '\\') {  // a line break
            ++pos_;
            out_ += ' ';
            return;
        }
        if (c == ' ') {
            ++pos_;
            out_ += ' ';
            return;
        }
        const Accent* accent = accent_for(c);
        const bool letter_command = std::isalpha(static_cast<unsigned char>(c));
        // \u, \v, \H, \c ... are accents only when not followed by more letters (\url, \cite).
        if (accent && (!letter_command || !std::isalpha(static_cast<unsigned char>(peek(1))))) {
            ++pos_;
            return accented(*accent);
        }
        if (!letter_command) {  // \, \; \! \- and the like: spacing or hyphenation hints
            ++pos_;
            if (c == ',' || c == ';') out_ += ' ';
            return;
        }
        std::size_t end = pos_;
        while (end < in_.size() && std::isalpha(static_cast<unsigned char>(in_[end]))) ++end;
        const std::string_view name = in_.substr(pos_, end - pos_);
        pos_ = end;
        for (const auto& s : kSymbols)
            if (name == s.name) {
                out_ += s.text;
                // TeX eats the space after a control word; "{}" after one is an empty group.
                if (peek() == ' ') ++pos_;
                return;
            }
        // Any other command: dropped, its arguments kept as text ({} are dropped by step).
        if (peek() == ' ') ++pos_;
    }

    // The letter an accent applies to: "o", "{o}", " o", "{\i}".
    void accented(const Accent& a) {
        while (peek() == ' ') ++pos_;
        bool braced = false;
        if (peek() == '{') {
            braced = true;
            ++pos_;
        }
        char base = peek();
        if (base == '\\' && (peek(1) == 'i' || peek(1) == 'j')) {  // dotless i/j under an accent
            base = peek(1);
            pos_ += 2;
            while (peek() == ' ') ++pos_;
        } else if (std::isalpha(static_cast<unsigned char>(base))) {
            ++pos_;
        } else {
            base = '\0';
        }
        if (braced && peek() == '}') ++pos_;
        if (!base) {  // nothing to put it on: the accent alone
            append_utf8(out_, a.combining);
            return;
        }
        if (const char* at = std::strchr(a.letters, base); at && *at) {
            append_utf8(out_, a.composed[at - a.letters]);
            return;
        }
        out_ += base;
        append_utf8(out_, a.combining);
    }

    std::string_view in_;
    std::size_t pos_ = 0;
    std::string out_;
};

}  // namespace

std::string to_valid_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        bool ok = n > 0 && i + n <= s.size();
        std::uint32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
        for (std::size_t k = 1; ok && k < n; ++k) {
            const unsigned char cc = static_cast<unsigned char>(s[i + k]);
            ok = (cc & 0xC0) == 0x80;
            cp = (cp << 6) | (cc & 0x3F);
        }
        // Overlong forms, surrogates and values past U+10FFFF are not UTF-8 either.
        if (ok && ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
                   (cp >= 0xD800 && cp <= 0xDFFF)))
            ok = false;
        if (ok) {
            out.append(s.data() + i, n);
            i += n;
        } else {
            out += "\xEF\xBF\xBD";
            ++i;
        }
    }
    return out;
}

std::string latex_to_unicode(std::string_view latex) { return Converter(latex).run(); }

}  // namespace folio
