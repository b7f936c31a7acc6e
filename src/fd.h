// RAII for the C resources folio opens: a file descriptor (Fd) and a folder stream (Dir), each
// with one owner and closed when the owner goes.
#pragma once
#include <dirent.h>
#include <errno.h>
#include <unistd.h>

#include <memory>
#include <utility>

namespace folio {

class Fd {
public:
    Fd() = default;
    explicit Fd(int fd) : fd_(fd) {}
    ~Fd() { reset(); }
    Fd(Fd&& other) noexcept : fd_(other.release()) {}
    Fd& operator=(Fd&& other) noexcept {
        if (this != &other) reset(other.release());
        return *this;
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;

    int get() const { return fd_; }
    explicit operator bool() const { return fd_ >= 0; }
    // Gives the descriptor up to a new owner (libfcgi, for one request).
    int release() { return std::exchange(fd_, -1); }
    // Closes the descriptor held (keeping errno: callers report the error that came before) and
    // holds fd instead.
    void reset(int fd = -1) {
        if (fd_ >= 0) {
            const int saved = errno;
            ::close(fd_);
            errno = saved;
        }
        fd_ = fd;
    }

private:
    int fd_ = -1;
};

struct DirCloser {
    void operator()(DIR* d) const { closedir(d); }
};
// An open folder stream; null when opendir failed (errno says why).
using Dir = std::unique_ptr<DIR, DirCloser>;
inline Dir open_dir(const char* path) { return Dir(opendir(path)); }

}  // namespace folio
