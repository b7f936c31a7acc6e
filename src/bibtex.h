// Reading a .bib file: its entries with their fields (macros expanded, `#` pasted, crossref
// resolved, LaTeX as Unicode), each entry's original text, and the entries that could not be read.
// The only user of btparse.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace folio {

// btparse keeps its parser's stacks in fixed arrays: an entry of more than about 90 fields
// overflows them (its manual says so). Entries are refused before btparse sees them past these.
inline constexpr std::size_t kMaxBibFields = 64;          // fields of one entry
inline constexpr std::size_t kMaxBibParts = 256;          // fields plus `#` joins in one entry
inline constexpr std::size_t kMaxBibEntryBytes = 2 * 1024 * 1024;  // one entry's text
inline constexpr std::size_t kMaxBibEntries = 20000;      // entries of one file
inline constexpr std::size_t kMaxBibNames = 1024;         // names outside braces in one entry

struct BibEntry {
    std::string type;  // lower case: "inproceedings"
    std::string key;   // as written: "DSP"
    // Field names in lower case, in file order; values with macros expanded, `#` pasted,
    // whitespace collapsed, LaTeX turned into Unicode (latex_text.h). Fields taken from a
    // crossref'd entry come after the entry's own.
    std::vector<std::pair<std::string, std::string>> fields;
    // The `author` field split into names in display order, "Zhao, Xuanlei" -> "Xuanlei Zhao",
    // braces respected ({Barnes and Noble} is one name), LaTeX as Unicode.
    std::vector<std::string> authors;
    std::string raw;   // the entry exactly as in the file, from '@' to its closing brace and the
                       // end of that line: what `<page>.bib` serves
    int line = 0;      // line of its '@' in the file

    // The value of a field ("" when missing).
    std::string field(std::string_view name) const;
};

struct BibProblem {
    int line = 0;
    std::string reason;
};

struct BibFile {
    std::vector<BibEntry> entries;    // the regular entries that were read, in file order
    std::vector<BibProblem> problems; // entries left out, with why
};

// A BibTeX name list ("A and B and C", braces protect) as names in display order:
// "Last, First" and "Last, Jr., First" become "First Last" and "First Last Jr.". LaTeX stays.
std::vector<std::string> split_bibtex_names(std::string_view list);

// Parses a .bib file's text. Never throws for bad input: a malformed entry is left out with a
// problem naming its line, and the rest are read. name: the file as named in btparse's messages.
// btparse keeps global state (its macro table, its lexer): calls must not overlap; folio parses
// in one thread.
BibFile parse_bibtex(std::string_view text, const std::string& name);

}  // namespace folio
