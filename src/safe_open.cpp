// Component-by-component opening with openat(2), never following a link.
#include "safe_open.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fd.h"

namespace folio {

int open_below(int root_fd, std::string_view relative_path) {
    Fd folder;  // the folder reached so far, once below root_fd
    int at = root_fd;
    std::size_t start = 0;
    while (true) {
        const std::size_t slash = relative_path.find('/', start);
        const std::string name(relative_path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start));
        if (name.empty() || name == "." || name == "..") {
            errno = EINVAL;
            return -1;
        }
        if (slash == std::string_view::npos)
            return openat(at, name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
        // O_PATH: a folder needs search permission only, as in a plain open() of the whole path.
        // O_NOFOLLOW with O_PATH would give the link itself: O_DIRECTORY refuses it (ENOTDIR),
        // and the fstat below makes sure.
        const int next = openat(at, name.c_str(), O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (next < 0) return -1;
        folder.reset(next);
        struct stat st;
        if (fstat(next, &st) != 0 || !S_ISDIR(st.st_mode)) {
            errno = ELOOP;
            return -1;
        }
        at = next;
        start = slash + 1;
    }
}

int open_below(const std::string& root, std::string_view relative_path) {
    Fd folder(open(root.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    if (folder.get() < 0) return -1;
    return open_below(folder.get(), relative_path);
}

int open_below(const std::string& file, std::size_t below) {
    if (below == 0 || below + 1 >= file.size() || file[below] != '/') {
        errno = EINVAL;
        return -1;
    }
    return open_below(file.substr(0, below), std::string_view(file).substr(below + 1));
}

int open_within(const std::string& root, std::string_view relative_path) {
    const int fd = open_below(root, relative_path);
    if (fd >= 0 || (errno != ELOOP && errno != ENOTDIR)) return fd;
    char real_root[PATH_MAX], real_file[PATH_MAX];
    const std::string path = root + "/" + std::string(relative_path);
    if (!realpath(root.c_str(), real_root) || !realpath(path.c_str(), real_file)) return -1;
    const std::string inside = std::string(real_root) + "/";
    if (std::string(real_file).rfind(inside, 0) != 0) {
        errno = ELOOP;
        return -1;
    }
    return open_below(std::string(real_root), std::string_view(real_file).substr(inside.size()));
}

}  // namespace folio
