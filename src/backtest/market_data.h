// MarketData: a read-only view of OHLC bars (UTC ns timestamps) for the
// backtester. Does not own memory; the arrays must outlive the view.
// Safe to share between threads (read-only).
#pragma once

#include <cstddef>
#include <cstdint>

#include "common/status.h"
#include "data/frame.h"

namespace nocode::backtest {

struct MarketData {
  const int64_t* timestamps = nullptr;  // strictly increasing
  const double* open = nullptr;
  const double* high = nullptr;
  const double* low = nullptr;
  const double* close = nullptr;
  size_t size = 0;
  // Set by from_frame / make after check() passed, so runs skip re-checking
  // (a 1M-bar check reads 40 MB). Set it yourself only for checked data.
  bool checked = false;

  // View of a Frame's timestamps and open/high/low/close columns. Errors when
  // a column is missing, the frame is empty, or a price is NaN/<= 0 (names the
  // row).
  static Result<MarketData> from_frame(const Frame& frame);
  // View of raw arrays of `size` bars, checked.
  static Result<MarketData> make(const int64_t* timestamps, const double* open, const double* high,
                                 const double* low, const double* close, size_t size);
  // Checks prices are finite and > 0 and timestamps increase; names the row.
  Status check() const;
};

}  // namespace nocode::backtest
