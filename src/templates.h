// Loads Mustache layouts and partials from templates/ and renders a page's data with them.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "problem.h"

namespace kainjow::mustache {
template <typename string_type>
class basic_data;
}

namespace folio {

// Mustache data (kainjow's mustache::data), declared here so that this header does not bring
// the whole Mustache library into every file that only passes templates along.
using TemplateData = kainjow::mustache::basic_data<std::string>;

class Templates {
public:
    // Reads dir/layouts/*.mustache and dir/partials/*.mustache. A file that does not parse is
    // kept as an error (file:line), reported when used and by problems(); it never throws for
    // a bad template, only for an unreadable folder.
    static Templates load(const std::string& dir);

    // Renders layout (falling back to "page" when there is no such layout). Throws folio::Error
    // "templates/layouts/x.mustache:LINE: reason" for a broken layout or partial.
    std::string render(const std::string& layout, const TemplateData& data) const;

    // Renders one partial on its own (an include inside content, the toc). "" when it is missing;
    // throws folio::Error when it is broken.
    std::string render_partial(const std::string& name, const TemplateData& data) const;

    bool has_layout(const std::string& name) const;
    // The layout a name renders with: itself, else the theme's stand-in for a Jekyll layout name
    // (single, talk -> single; archive, splash, default -> page), else "page".
    std::string resolve_layout(const std::string& name) const;
    // Every broken template, with its file and line.
    std::vector<Problem> problems() const;

    Templates();

private:
    // The parsed layouts and partials (templates.cpp), shared by copies: read-only once loaded.
    struct State;
    std::shared_ptr<const State> state_;
};

// The folio layout that stands in for an academicpages (minimal-mistakes) layout name, or "".
std::string jekyll_layout_alias(const std::string& name);

// Turns a kainjow error ("Unclosed section \"x\" at 12") into a problem at file:LINE.
Problem template_error(const std::string& file, const std::string& text, const std::string& message);

}  // namespace folio
