// Small string helpers shared by parsers, registries and the CLI. Pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace nocode {

std::string to_lower(std::string_view s);
std::string to_upper(std::string_view s);
bool iequals(std::string_view a, std::string_view b);
std::string_view trim(std::string_view s);

// Levenshtein distance, case-insensitive.
size_t edit_distance(std::string_view a, std::string_view b);

// Up to `limit` candidates closest to `name` (by edit distance, then prefix
// match), for "did you mean" messages.
std::vector<std::string> nearest_names(std::string_view name,
                                       const std::vector<std::string>& candidates,
                                       size_t limit = 3);

// "'a', 'b' or 'c'"
std::string quoted_list(const std::vector<std::string>& items, std::string_view last_sep = " or ");

// `s` with every byte that is not part of a well-formed UTF-8 sequence
// replaced by the text "\xNN", so messages quoting raw input stay valid UTF-8.
std::string sanitize_utf8(std::string_view s);

// Shortest decimal text that parses back to the same double; "NaN" for NaN.
std::string format_double(double v);

}  // namespace nocode
