// A publication's template data: its author list with the owner marked, its BibTeX link and
// kind, and the citation (Highwire) tags of its own page.
#pragma once
#include "site_view.h"
#include "templates.h"

namespace folio {

struct Page;

// Sets author_list (every page), bibtex_url and kind (publications) in d: shared by a listing
// entry and the publication's own page.
void add_publication(const SiteView& view, const Page& page, TemplateData& d);

// citation.* for the Highwire meta tags Google Scholar reads.
TemplateData citation_data(const Page& page);

}  // namespace folio
