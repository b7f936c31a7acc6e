// Opening a file below a folder without following any symbolic link on the way.
#pragma once
#include <string>
#include <string_view>

namespace folio {

// Opens relative_path ("a/b/c.txt") below the open folder root_fd for reading, one component at
// a time: each folder with O_NOFOLLOW | O_DIRECTORY, the file itself with O_NOFOLLOW (and
// O_NONBLOCK, so that a FIFO put in its place cannot hang the caller; check S_ISREG after).
// O_NOFOLLOW alone guards only the last component: a folder swapped for a link to elsewhere
// would still be followed. Refuses empty, "." and ".." components. Returns the descriptor, or -1
// with errno (ELOOP when a component is a link).
int open_below(int root_fd, std::string_view relative_path);

// The same from a folder's path: root itself is opened as named, links included (it is the
// configured content or assets folder); only what lies below it is resolved without links.
int open_below(const std::string& root, std::string_view relative_path);

// A path split where the folder it must stay below ends: file = root + "/" + rest.
// below: the length of root in file (as Route::below holds it).
int open_below(const std::string& file, std::size_t below);

// For a page below the content folder, which may be reached through links that stay inside it
// (the site walk allows those): first open_below(root, relative_path); when a link is on the
// way, the path is resolved (realpath) and opened only if it is still inside root, by its
// resolved path, again without following links, so a link swapped in meanwhile is refused.
int open_within(const std::string& root, std::string_view relative_path);

}  // namespace folio
