// Running a piece of work that cannot be interrupted (a library call on site files: libsass) in
// a forked child with CPU, memory, output and time bounds, so that a loop, a runaway allocation,
// a file that blocks or a crash in it costs one failed answer, never the serving process.
#pragma once
#include <cstddef>
#include <functional>
#include <optional>
#include <string>

namespace folio {

struct ChildLimits {
    int cpu_seconds = 10;                  // the kernel stops the child past this (RLIMIT_CPU)
    std::size_t memory_bytes = 512 << 20;  // address space the child may add to what it inherits
    std::size_t output_bytes = 16 << 20;   // what the child may send back
    // Wall-clock wait: a child blocked on I/O (a FIFO named like a source file) uses no CPU.
    int wall_seconds() const { return 2 * cpu_seconds + 1; }
};

// Runs work in a forked child and returns the bytes it returned, or nullopt with `reason`
// ("used more than 10 seconds of CPU", "gave no answer within 21 seconds", "crashed (signal
// 11)", "could not start: ..."). The child shares nothing back but those bytes: whatever work
// changes in memory is lost. The caller must be single-threaded (folio is), as for any fork.
std::optional<std::string> run_in_child(const std::function<std::string()>& work, const ChildLimits& limits,
                                        std::string& reason);

}  // namespace folio
