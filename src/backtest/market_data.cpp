// MarketData construction and checks.
#include "backtest/market_data.h"

#include <cmath>
#include <string>

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

// Branch-free scan first (vectorizes); the row is located only on failure.
static bool all_valid(const MarketData& d) {
  bool ok = true;
  const double* cols[] = {d.open, d.high, d.low, d.close};
  for (const double* c : cols)
    for (size_t i = 0; i < d.size; ++i) ok &= (c[i] > 0) & (c[i] < HUGE_VAL);
  for (size_t i = 1; i < d.size; ++i) ok &= d.timestamps[i] > d.timestamps[i - 1];
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
