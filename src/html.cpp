// HTML escaping.
#include "html.h"

namespace folio {

const ByteEscaper& html_escaper() {
    static const ByteEscaper kHtml{{'&', "&amp;"}, {'<', "&lt;"}, {'>', "&gt;"}, {'"', "&quot;"}, {'\'', "&#39;"}};
    return kHtml;
}

std::string escape_html(std::string_view text) { return html_escaper()(text); }

}  // namespace folio
