// One date formatter: a time in seconds since the epoch, in UTC, through strftime.
#pragma once
#include <ctime>
#include <string>

namespace folio {

// format: strftime's, for a result shorter than 64 bytes ("%Y-%m-%dT%H:%M:%SZ").
inline std::string utc_time(long long seconds, const char* format) {
    const std::time_t t = static_cast<std::time_t>(seconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[64];
    const std::size_t n = std::strftime(buf, sizeof buf, format, &tm);
    return std::string(buf, n);
}

}  // namespace folio
