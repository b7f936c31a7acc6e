// Reading a whole file into memory, with a byte limit: the one way folio does it.
#pragma once
#include <cstddef>
#include <optional>
#include <string>

namespace folio {

// The contract, for every function here: the file's bytes, or nullopt with `reason` saying why
// in a few words ("No such file or directory", "not a regular file", "larger than N bytes"), so
// that each caller words its own message (a missing template is an error; a missing cache entry
// is not). Only regular files are read: a folder, a FIFO or a device is refused, so a FIFO put in
// a file's place cannot hang the reader. A file that grows past `limit` while it is read is
// refused too, so memory stays bounded whatever happens on disk. On failure errno is set as well
// (ENOENT for a missing file; EISDIR, EINVAL or EFBIG for a folder, another kind of file, a file
// over the limit), for callers to whom a missing file is fine.

// Reads the open descriptor fd from byte `offset` to its end. The limit applies to the whole
// file (offset included), as a file's size on disk is what callers limit. A file shorter than
// offset is refused.
std::optional<std::string> read_open_file(int fd, std::size_t limit, std::string& reason, std::size_t offset = 0);

// Opens path (O_NONBLOCK, O_CLOEXEC; with follow_links false also O_NOFOLLOW, for folders where a
// planted link must not lead elsewhere) and reads it as read_open_file does.
std::optional<std::string> read_file(const std::string& path, std::size_t limit, std::string& reason,
                                     bool follow_links = true);

}  // namespace folio
