// Shared by the unit and end-to-end tests: the tests' own gunzip (zlib directly, independent of
// folio's code), to check that a gzip body decompresses to the plain one.
#pragma once
#include <zlib.h>

#include <string>
#include <vector>

namespace testing {

// The bytes a gzip stream in memory holds, or "<inflate failed>" when it is not a whole one.
inline std::string gunzip(const std::string& in) {
    z_stream zs{};
    if (inflateInit2(&zs, 15 + 16) != Z_OK) return "<inflateInit failed>";
    std::string out;
    std::vector<char> buf(1 << 16);
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    zs.avail_in = static_cast<uInt>(in.size());
    int rc = Z_OK;
    while (rc == Z_OK) {
        zs.next_out = reinterpret_cast<Bytef*>(buf.data());
        zs.avail_out = static_cast<uInt>(buf.size());
        rc = inflate(&zs, Z_NO_FLUSH);
        out.append(buf.data(), buf.size() - zs.avail_out);
    }
    inflateEnd(&zs);
    return rc == Z_STREAM_END ? out : "<inflate failed>";
}

}  // namespace testing
