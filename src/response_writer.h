// Writing a response out: the head, then the body from memory or streamed from its file.
#pragma once
#include <cstddef>
#include <functional>
#include <string>

#include "http.h"

namespace folio {

// Takes the next bytes of the response; false when they cannot be delivered (the client left).
using ByteSink = std::function<bool(const char* bytes, std::size_t n)>;

// Writes the head (serialize_head) and, unless head_only or a 304, the body: a file body in
// BodyFile::kChunkBytes chunks, so memory stays the same whatever the file's size, and nothing
// of the file is read for HEAD. False with reason when the body could not be sent whole (the
// file shrank or failed to read: the Content-Length already sent is then short of bytes, which
// the web server reports to its client as a cut response rather than a wrong one).
bool write_response(const Response& response, bool head_only, const ByteSink& sink, std::string& reason);

}  // namespace folio
