// Helpers shared by the split functions (split.cpp, split_folds.cpp):
// the "needs at least N rows" search. Internal to src/ml/.
#pragma once

#include <cstddef>
#include <optional>

namespace nocode::ml::detail {

// Smallest row count >= from for which fits(rows) holds, searching at most
// `limit` counts; nullopt if none was found within the limit.
template <typename Fits>
std::optional<size_t> smallest_rows(size_t from, Fits fits, size_t limit = 10'000'000) {
  for (size_t r = from; r < from + limit; ++r)
    if (fits(r)) return r;
  return std::nullopt;
}

}  // namespace nocode::ml::detail
