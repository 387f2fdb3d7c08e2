// MarketData construction and checks.
#include "backtest/market_data.h"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>

#include "common/value_scan.h"

namespace nocode::backtest {

Result<MarketData> MarketData::from_frame(const Frame& frame) {
  MarketData d;
  const char* names[] = {"open", "high", "low", "close"};
  const double** slots[] = {&d.open, &d.high, &d.low, &d.close};
  for (int k = 0; k < 4; ++k) {
    auto col = frame.require(names[k]);
    if (!col) return col.status().with_context("backtest data");
    *slots[k] = (*col)->data();
  }
  d.timestamps = frame.timestamps().data();
  d.size = frame.rows();
  NOCODE_RETURN_IF_ERROR(d.check());
  d.checked = true;
  return d;
}

Result<MarketData> MarketData::make(const int64_t* timestamps, const double* open,
                                    const double* high, const double* low, const double* close,
                                    size_t size) {
  MarketData d{timestamps, open, high, low, close, size, false};
  if (size > 0 && (!timestamps || !open || !high || !low || !close))
    return Status::invalid_argument("backtest data: null column");
  NOCODE_RETURN_IF_ERROR(d.check());
  d.checked = true;
  return d;
}

// Vectorized scans first (scan_values; the timestamps 8 pairs at a time);
// the row is located only on failure.
static bool all_valid(const MarketData& d) {
  bool ok = true;
  for (const double* c : {d.open, d.high, d.low, d.close}) {
    const ValueScan r = scan_values({c, d.size});
    ok &= !r.has_nan && r.min > 0 && r.max < HUGE_VAL;
  }
  typedef int64_t V8i __attribute__((vector_size(64)));
  V8i unordered{};
  size_t i = 1;
  for (; i + 8 <= d.size; i += 8) {
    V8i now, before;
    std::memcpy(&now, d.timestamps + i, sizeof now);
    std::memcpy(&before, d.timestamps + i - 1, sizeof before);
    unordered |= now <= before;
  }
  for (int k = 0; k < 8; ++k) ok &= unordered[k] == 0;
  for (; i < d.size; ++i) ok &= d.timestamps[i] > d.timestamps[i - 1];
  return ok;
}

Status MarketData::check() const {
  if (size == 0) return Status::invalid_argument("backtest data: no bars");
  if (all_valid(*this)) return Status::ok();
  const double* cols[] = {open, high, low, close};
  const char* names[] = {"open", "high", "low", "close"};
  for (size_t i = 0; i < size; ++i) {
    for (int k = 0; k < 4; ++k) {
      if (!std::isfinite(cols[k][i]) || !(cols[k][i] > 0))
        return Status::invalid_argument("backtest data: row " + std::to_string(i) + ": " +
                                        names[k] + " must be a finite price > 0");
    }
    if (i > 0 && timestamps[i] <= timestamps[i - 1])
      return Status::invalid_argument("backtest data: row " + std::to_string(i) +
                                      ": timestamps must increase strictly");
  }
  return Status::ok();
}

}  // namespace nocode::backtest
