// A `list:` page's items: a collection's pages sorted by the page's `sort` and `order` and
// grouped by its `group_by`, as template data.
#pragma once
#include "site_view.h"
#include "templates.h"

namespace YAML {
class Node;
}

namespace folio {

struct Page;

// One listing entry: the item's front matter, title, url, anchor and publication extras. Not
// its rendered body: a listing of hundreds of items would render every one of them for a
// partial that shows none (and an item could hold the very listing again).
TemplateData item_data(const SiteView& view, const Page& item);
// The same with the item's front matter at hand (a Liquid loop's document), not unpacked again.
TemplateData item_data(const SiteView& view, const Page& item, const YAML::Node& front);

// Sets items, has_items and, with group_by, groups and has_groups in d for page's `list:`.
void add_listing(const SiteView& view, const Page& page, TemplateData& d);

}  // namespace folio
