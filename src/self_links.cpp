// Links to the site itself -> local links. A small tag scanner, not an HTML parser: it reads
// tags, their attribute names and values (quoted or not), skips comments and the bodies of
// script and style, and copies every byte it does not rewrite. Linear in the HTML.
#include "self_links.h"

#include <cctype>
#include <strings.h>

namespace folio {
namespace {

bool iequal(std::string_view a, std::string_view b) {
    return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

std::string_view without_scheme(std::string_view url) {
    for (std::string_view scheme : {"https://", "http://"})
        if (url.size() >= scheme.size() && iequal(url.substr(0, scheme.size()), scheme)) return url.substr(scheme.size());
    return {};
}

// The rest of url after the site's address ("/publications/#DSP"), or nullopt-like npos when url
// is elsewhere. Either scheme; the host in any case; the path (baseurl) exactly.
std::size_t after_own_address(std::string_view url, std::string_view public_url) {
    std::string_view u = without_scheme(url), own = without_scheme(public_url);
    if (u.empty() || own.empty() || u.size() < own.size()) return std::string_view::npos;
    const std::size_t host_end = std::min(own.find('/'), own.size());
    if (!iequal(u.substr(0, host_end), own.substr(0, host_end)) || u.substr(host_end, own.size() - host_end) != own.substr(host_end))
        return std::string_view::npos;
    // Only a whole address: "https://host.example" must not match "https://host.example.evil".
    if (u.size() > own.size() && u[own.size()] != '/' && u[own.size()] != '?' && u[own.size()] != '#') return std::string_view::npos;
    return url.size() - (u.size() - own.size());
}

class Rewriter {
public:
    Rewriter(std::string_view html, std::string_view public_url, std::string_view base_path)
        : h_(html), own_(public_url), base_(base_path), own_with_base_(std::string(public_url) + std::string(base_path)) {}

    std::string run() {
        out_.reserve(h_.size());
        while (pos_ < h_.size()) {
            const std::size_t lt = h_.find('<', pos_);
            if (lt == std::string_view::npos) break;
            copy_to(lt);
            if (h_.compare(pos_, 4, "<!--") == 0) {
                skip_past("-->");
            } else if (pos_ + 1 < h_.size() && std::isalpha(static_cast<unsigned char>(h_[pos_ + 1]))) {
                tag();
            } else {
                copy_to(pos_ + 1);
            }
        }
        copy_to(h_.size());
        return std::move(out_);
    }

private:
    void copy_to(std::size_t end) {
        out_.append(h_.substr(pos_, end - pos_));
        pos_ = end;
    }
    void skip_past(std::string_view end) {
        const std::size_t at = h_.find(end, pos_);
        copy_to(at == std::string_view::npos ? h_.size() : at + end.size());
    }
    void skip_space(std::size_t& p) const {
        while (p < h_.size() && std::isspace(static_cast<unsigned char>(h_[p]))) ++p;
    }

    // From '<' to '>': the name, then each attribute; href and src values may be rewritten.
    void tag() {
        std::size_t p = pos_ + 1;
        const std::size_t name_begin = p;
        while (p < h_.size() && !std::isspace(static_cast<unsigned char>(h_[p])) && h_[p] != '>' && h_[p] != '/') ++p;
        const std::string_view name = h_.substr(name_begin, p - name_begin);
        copy_to(p);
        while (pos_ < h_.size()) {
            p = pos_;
            skip_space(p);
            if (p >= h_.size()) return copy_to(h_.size());
            if (h_[p] == '>') {
                copy_to(p + 1);
                break;
            }
            const std::size_t attr_begin = p;
            while (p < h_.size() && !std::isspace(static_cast<unsigned char>(h_[p])) && h_[p] != '=' && h_[p] != '>') ++p;
            const std::string_view attr = h_.substr(attr_begin, p == attr_begin ? 1 : p - attr_begin);
            if (p == attr_begin) ++p;  // a stray '/' or '=': copied as it is
            std::size_t q = p;
            skip_space(q);
            if (q >= h_.size() || h_[q] != '=') {
                copy_to(p);
                continue;
            }
            ++q;
            skip_space(q);
            copy_to(q);
            value(iequal(attr, "href") || iequal(attr, "src"));
        }
        // A script or style body holds no tags: what looks like one there is text.
        if (iequal(name, "script") || iequal(name, "style")) {
            const std::size_t end = find_close(name);
            copy_to(end);
        }
    }

    std::size_t find_close(std::string_view name) const {
        for (std::size_t p = h_.find("</", pos_); p != std::string_view::npos; p = h_.find("</", p + 2))
            if (iequal(h_.substr(p + 2, name.size()), name)) return p;
        return h_.size();
    }

    // An attribute value at pos_: "..." or '...' or unquoted up to a blank or '>'.
    void value(bool link) {
        if (pos_ >= h_.size()) return;
        const char quote = h_[pos_] == '"' || h_[pos_] == '\'' ? h_[pos_] : '\0';
        std::size_t begin = pos_ + (quote ? 1 : 0), end = begin;
        if (quote) {
            end = h_.find(quote, begin);
            if (end == std::string_view::npos) return copy_to(h_.size());  // never closed: left alone
        } else {
            while (end < h_.size() && !std::isspace(static_cast<unsigned char>(h_[end])) && h_[end] != '>') ++end;
        }
        copy_to(begin);
        const std::string_view url = h_.substr(begin, end - begin);
        // The address with the prefix first (folio's own canonical URLs are url + base_path),
        // so that a link that already carries the prefix does not get it twice.
        std::size_t rest = link && !base_.empty() ? after_own_address(url, own_with_base_) : std::string_view::npos;
        if (link && rest == std::string_view::npos) rest = after_own_address(url, own_);
        if (rest == std::string_view::npos) {
            copy_to(end + (quote ? 1 : 0));
            return;
        }
        std::string_view tail = url.substr(rest);
        out_.append(base_);
        if (tail.empty() || tail[0] != '/') out_ += '/';
        out_.append(tail);
        pos_ = end;
        copy_to(end + (quote ? 1 : 0));
    }

    std::string_view h_, own_, base_;
    std::string own_with_base_;
    std::size_t pos_ = 0;
    std::string out_;
};

}  // namespace

std::string localize_self_links(std::string_view html, std::string_view public_url, std::string_view base_path) {
    while (!public_url.empty() && public_url.back() == '/') public_url.remove_suffix(1);  // Jekyll's "baseurl: /site/"
    if (public_url.empty()) return std::string(html);
    return Rewriter(html, public_url, base_path).run();
}

}  // namespace folio
