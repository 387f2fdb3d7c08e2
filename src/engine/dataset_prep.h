// customDataset preparation: the editor's `missingValues` and
// `normalization` parameters (EDITOR_FORMAT.md 2.8), applied to the loaded
// bars. Semantics (docs/engine.md, "customDataset preparation"):
//
//   missingValues  drop | forward_fill (default) | backward_fill | interpolate | zero
//                  per column; NaN cells are the missing ones.
//   normalization  none (default) | minmax | zscore | percentage
//                  causal: bar t uses statistics of rows 0..t only (an
//                  expanding window), never of the whole series. open, high,
//                  low and close all use the statistics of close (one affine
//                  map per bar, so high >= low survives); every other column
//                  uses its own.
//
// Pure functions; safe from any thread.
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"
#include "data/frame.h"

namespace nocode::engine {

enum class MissingValues { kDrop, kForwardFill, kBackwardFill, kInterpolate, kZero };
enum class Normalization { kNone, kMinMax, kZScore, kPercentage };

// Editor names, case-insensitive; an error lists the allowed values.
Result<MissingValues> parse_missing_values(std::string_view text);
Result<Normalization> parse_normalization(std::string_view text);
// True for the methods whose bar t reads later bars (backward_fill, interpolate).
bool reads_later_bars(MissingValues m);

// drop: rows with a NaN in any column removed. forward_fill: a NaN takes the
// last earlier value of its column (leading NaN stay). backward_fill: the
// next later value (trailing NaN stay). interpolate: linear in row position
// between the nearest values before and after (leading / trailing NaN stay).
// zero: NaN becomes 0.
Frame fill_missing(const Frame& bars, MissingValues method);

// minmax: (x - min) / (max - min); zscore: (x - mean) / sd with the sample
// standard deviation (n - 1); both over the non-NaN reference values of rows
// 0..t, and 0 where the denominator is 0 (or fewer than 2 values for zscore).
// percentage: (x / first - 1) * 100 with `first` the reference column's first
// non-NaN value (NaN before it or when it is 0). NaN stays NaN.
Frame normalize(const Frame& bars, Normalization method);

}  // namespace nocode::engine
