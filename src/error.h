// The exceptions folio throws for bad input. Every one derives from Error (so from
// std::exception), so the one top-level catch sees them all.
#pragma once
#include <stdexcept>
#include <string>
#include <utility>

#include "problem.h"

namespace folio {

// Its message starts with "file:line: " (at() in problem.h), or names what failed. Where it is
// caught and collected rather than answered, problem() gives it as a Problem.
struct Error : std::runtime_error {
    explicit Error(const std::string& what_failed) : std::runtime_error(what_failed), problem_{"", 0, what_failed} {}
    explicit Error(const char* what_failed) : Error(std::string(what_failed)) {}
    explicit Error(Problem p) : std::runtime_error(p.text()), problem_(std::move(p)) {}
    // The file and line when it was thrown with them (Error(Problem)); otherwise the whole
    // message, with no file, so that its text() is what() all the same.
    const Problem& problem() const { return problem_; }

private:
    Problem problem_;
};

// A problem inside a text whose file the thrower does not know (front matter, a Liquid
// template): its 1-based line in that text. The catcher names the file: in(file).
struct LineError : Error {
    LineError(int line_in_text, std::string what_failed)
        : Error(what_failed), line(line_in_text), message(std::move(what_failed)) {}
    // The problem in file, whose line `first_line` is the text's line 1 (a page's body starts
    // below its front matter).
    Problem in(std::string file, int first_line = 1) const { return {std::move(file), line + first_line - 1, message}; }
    int line;
    std::string message;
};

}  // namespace folio
