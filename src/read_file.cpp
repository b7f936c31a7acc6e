// Reading a whole file into memory, with a byte limit (read_file.h).
#include "read_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "fd.h"

namespace folio {

std::optional<std::string> read_open_file(int fd, std::size_t limit, std::string& reason, std::size_t offset) {
    struct stat st;
    if (fstat(fd, &st) != 0) {
        reason = std::strerror(errno);
        return std::nullopt;
    }
    if (!S_ISREG(st.st_mode)) {
        reason = S_ISDIR(st.st_mode) ? "a folder, not a file" : "not a regular file";
        errno = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
        return std::nullopt;
    }
    const auto size = static_cast<std::uintmax_t>(st.st_size);
    if (size > limit) {
        reason = "larger than " + std::to_string(limit) + " bytes";
        errno = EFBIG;
        return std::nullopt;
    }
    if (size < offset) {
        reason = "shorter than it was";
        errno = EINVAL;
        return std::nullopt;
    }
    // Sized from fstat, so a small file costs one small allocation; one byte more than the size
    // shows whether the file grew since.
    std::string bytes(static_cast<std::size_t>(size) - offset + 1, '\0');
    std::size_t got = 0;
    for (;;) {
        if (got == bytes.size()) {
            if (offset + got > limit) {
                reason = "larger than " + std::to_string(limit) + " bytes";
                errno = EFBIG;
                return std::nullopt;
            }
            bytes.resize(std::min(bytes.size() * 2, limit - offset + 1));
        }
        const ssize_t n = pread(fd, bytes.data() + got, bytes.size() - got, static_cast<off_t>(offset + got));
        if (n == 0) break;
        if (n < 0) {
            if (errno == EINTR) continue;
            reason = std::strerror(errno);
            return std::nullopt;
        }
        got += static_cast<std::size_t>(n);
    }
    bytes.resize(got);
    return bytes;
}

std::optional<std::string> read_file(const std::string& path, std::size_t limit, std::string& reason, bool follow_links) {
    const Fd fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | (follow_links ? 0 : O_NOFOLLOW)));
    if (!fd) {
        reason = std::strerror(errno);  // Fd keeps errno as open left it
        return std::nullopt;
    }
    return read_open_file(fd.get(), limit, reason);
}

}  // namespace folio
