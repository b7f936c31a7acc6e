// .bib entries as collection items: each entry of a .bib file in a collection folder becomes a
// Page as a Markdown item would, and a Markdown item with the same key adds to it.
#pragma once
#include <string>
#include <vector>

#include "bibtex.h"
#include "page.h"
#include "problem.h"

namespace YAML {
class Node;
}

namespace folio {

// A .bib file the site walk found in a collection folder.
struct BibSource {
    std::string rel;         // below the content folder: "_publications/papers.bib"
    std::string collection;  // "publications"
};

// The front matter an entry stands for, as YAML: title, id (the key), authors, venue, year,
// date, category, paperurl, codeurl, pdfurl, slidesurl, doi, arxiv, bibtex (the entry as
// written), permalink (from pattern), abstract, and every other field under its own name.
YAML::Node bib_front_matter(const BibEntry& entry, const std::string& collection, const std::string& permalink_pattern);

// An entry as a collection item; its body is its abstract (page_body).
Page bib_page(const BibEntry& entry, const std::string& source, const BibSource& file, const std::string& permalink_pattern,
              const YAML::Node& defaults);

// Reads each file (below root) and appends its entries to pages. A Markdown item of the same
// collection whose `id` is an entry's key takes the entry's front matter under its own (its keys
// win; its body, unless blank, replaces the abstract) and the entry adds no page of its own.
// Malformed entries go to errors with the file and the line of their '@'.
void add_bib_items(const std::string& root, const std::vector<BibSource>& files, const std::string& permalink_pattern,
                   std::vector<Page>& pages, std::vector<Problem>& errors);

}  // namespace folio
