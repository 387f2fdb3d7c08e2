// Data for tests: the shared real market data and synthetic edge-case series.
#pragma once

#include <string>
#include <vector>

#include "data/frame.h"

namespace nocode::testing {

// The project's source directory (for examples/ and tests/ files).
std::string source_dir();
// ../shared/data next to the repository (tests may read it directly).
std::string shared_data_dir();

// OHLCV arrays of one series.
struct Ohlcv {
  std::string name;
  std::vector<double> open, high, low, close, volume;
  size_t size() const { return close.size(); }
};

// GOOG.csv and orcl-1995-2014.txt from ../shared/data, read with a minimal
// independent parser (not the project's loader, so a loader bug cannot hide
// an indicator bug).
Ohlcv shared_series(const std::string& file);

// All shared real series: GOOG (daily stock), ORCL (daily stock, 1995-2014),
// EURUSD (hourly forex, prices ~1.07, tiny ranges; its date column is
// unnamed) and 2006-day-001 (daily index, volume always 0; extra
// OpenInterest column).
std::vector<Ohlcv> market_series();

// Synthetic edge cases: flat runs, zero volume, alternating values, gaps,
// tiny prices, a short series, a random walk with NaN holes, ...
std::vector<Ohlcv> synthetic_series();

// Deterministic OHLCV random walk (Ornstein-Uhlenbeck log price, like the
// benchmark input), n bars.
Ohlcv random_walk(size_t n, unsigned seed = 42);

// The cells of a CSV file without quoted cells, split on commas (a trailing
// comma gives a last empty cell); the header row is dropped unless asked for.
// A file that cannot be read gives no rows.
std::vector<std::vector<std::string>> read_csv_cells(const std::string& path,
                                                     bool with_header = false);

}  // namespace nocode::testing
