// Pure: whether the bytes waiting on a FastCGI connection hold one whole request head.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace folio {

// The largest request head (FCGI_BEGIN_REQUEST and the FCGI_PARAMS records up to the empty
// one) folio takes. libfcgi has no bound: it keeps every parameter in memory. Web servers send
// a few KiB (nginx's largest request headers are 4 x 8 KiB by default, lighttpd's 8 KiB), and a
// connection's socket buffer holds 64 KiB without tuning, which folio needs in order to see the
// whole head before libfcgi reads it.
constexpr std::size_t kMaxRequestHeadBytes = 64 * 1024;

enum class HeadState { incomplete, complete, bad };

struct HeadCheck {
    HeadState state = HeadState::incomplete;
    std::string reason;  // why a head is bad
};

// Checks the first bytes of a connection (at most kMaxRequestHeadBytes of them):
//   complete    a FCGI_BEGIN_REQUEST for the responder role, then FCGI_PARAMS records of that
//               request up to the empty one, every name-value length inside the bytes sent;
//               libfcgi then reads the head without waiting for anything;
//   incomplete  a prefix of such a head, shorter than the bound;
//   bad         anything else: another record first or in between, an unknown version or role,
//               a length beyond the parameters sent, a head over the bound.
// Stricter than libfcgi, which also takes management records and skips other requests' records:
// no web server sends those before a request's parameters.
HeadCheck check_request_head(std::string_view bytes);

}  // namespace folio
