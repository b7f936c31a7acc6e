// Listing pages: sort, group and entry data. Groups keep the order in which their first item
// appears.
#include "listing.h"

#include <yaml-cpp/yaml.h>

#include <kainjow/mustache.hpp>

#include <algorithm>
#include <cctype>
#include <map>

#include "html.h"
#include "markdown.h"
#include "publication.h"
#include "publication_data.h"
#include "site.h"
#include "site_url.h"
#include "template_data.h"

namespace folio {
namespace {

namespace mu = kainjow::mustache;

// A listing's sort value: `date` falls back to `year` (and the other way round).
std::string sort_value(const Page& p, const std::string& key) {
    std::string s = front_text(p, key.c_str());
    if (s.empty() && key == "date") return sort_value(p, "year");
    if (s.empty() && key == "year" && p.date.size() >= 4) return p.date.substr(0, 4);
    if (key == "title" && s.empty()) return p.title;
    return s;
}

std::string group_label(const std::string& key, const std::string& value) {
    static const std::map<std::string, std::string> kLabels = {
        {"journal", "Journal articles"}, {"conference", "Conference papers"}, {"preprint", "Preprints"},
        {"workshop", "Workshop papers"},  {"book", "Books"},                 {"chapter", "Book chapters"},
        {"thesis", "Theses"},             {"patent", "Patents"},             {"talk", "Talks"}};
    if (key == "category" || key == "type") {
        auto it = kLabels.find(value);
        if (it != kLabels.end()) return it->second;
    }
    if (value.empty()) return "Other";
    std::string out = value;
    out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    return out;
}

}  // namespace

TemplateData item_data(const SiteView& v, const Page& p) { return item_data(v, p, front_of(p)); }

TemplateData item_data(const SiteView& v, const Page& p, const YAML::Node& front) {
    mu::data item = yaml_data(front);
    item.set("title", decode_html_entities(p.title));  // the template escapes it once
    item.set("url", link_to(v.config, p.url));
    item.set("anchor", page_anchor(p));
    add_publication(v, p, item);
    return item;
}

void add_listing(const SiteView& v, const Page& page, TemplateData& d) {
    std::vector<std::size_t> order;
    if (auto it = v.site.collections.find(page.list); it != v.site.collections.end()) order = it->second;
    std::string sort_key = front_text(page, "sort");
    if (sort_key.empty()) sort_key = "date";
    std::string dir = front_text(page, "order");
    if (dir.empty()) dir = sort_key == "title" ? "asc" : "desc";
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const std::string x = sort_value(v.site.pages[a], sort_key), y = sort_value(v.site.pages[b], sort_key);
        return dir == "asc" ? x < y : x > y;
    });
    mu::data items{mu::data::type::list};
    std::vector<std::pair<std::string, mu::data>> groups;
    const std::string group_by = front_text(page, "group_by");
    for (std::size_t i : order) {
        const Page& item = v.site.pages[i];
        mu::data entry = item_data(v, item);
        if (group_by.empty()) {
            push_moved(items, std::move(entry));
            continue;
        }
        items.push_back(entry);
        std::string value = group_by == "category" || group_by == "type" ? publication_kind(item) : sort_value(item, group_by);
        auto g = std::find_if(groups.begin(), groups.end(), [&](const auto& e) { return e.first == value; });
        if (g == groups.end()) {
            groups.emplace_back(value, mu::data{mu::data::type::list});
            g = groups.end() - 1;
        }
        push_moved(g->second, std::move(entry));
    }
    d.set("has_items", !items.is_empty_list());
    set_moved(d, "items", std::move(items));
    if (group_by.empty()) return;
    mu::data glist{mu::data::type::list};
    for (auto& [value, list] : groups) {
        mu::data g{mu::data::type::object};
        g.set("name", group_label(group_by, value));
        g.set("id", heading_slug(group_label(group_by, value)));
        set_moved(g, "items", std::move(list));
        push_moved(glist, std::move(g));
    }
    d.set("has_groups", true);
    set_moved(d, "groups", std::move(glist));
}

}  // namespace folio
