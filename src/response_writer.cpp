// The head, then the body, through one sink (FastCGI stream, stdout, or a file when exporting).
#include "response_writer.h"

namespace folio {

bool write_response(const Response& response, bool head_only, const ByteSink& sink, std::string& reason) {
    const std::string head = serialize_head(response);
    if (!sink(head.data(), head.size())) return true;  // the client left: nothing to report
    if (!has_body(response, head_only)) return true;
    if (!response.file) {
        if (!response.body.empty()) sink(response.body.data(), response.body.size());
        return true;
    }
    return response.file->for_each_chunk(sink, reason);
}

}  // namespace folio
