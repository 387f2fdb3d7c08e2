// MarketData's checks: every bad price (each column, in the vectorized body
// and in the tail) and every out-of-order timestamp is found and named by
// row; good data passes.
#include "backtest/market_data.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

namespace nocode::backtest {
namespace {

struct Columns {
  std::vector<int64_t> ts;
  std::vector<double> o, h, l, c;
  explicit Columns(size_t n) : ts(n), o(n, 10), h(n, 11), l(n, 9), c(n, 10) {
    for (size_t i = 0; i < n; ++i) ts[i] = static_cast<int64_t>(i) * 60;
  }
  Result<MarketData> make() const {
    return MarketData::make(ts.data(), o.data(), h.data(), l.data(), c.data(), ts.size());
  }
};

TEST(MarketData, EveryBadPriceIsNamedByRowAndColumn) {
  const size_t n = 37;  // 4 vectors of 8 and a tail of 5
  ASSERT_TRUE(Columns(n).make().is_ok());
  const char* names[] = {"open", "high", "low", "close"};
  for (double bad : {0.0, -1.0, std::nan(""), HUGE_VAL}) {
    for (int col = 0; col < 4; ++col) {
      for (size_t row : {0u, 9u, 31u, 32u, 36u}) {
        Columns c(n);
        std::vector<double>* cols[] = {&c.o, &c.h, &c.l, &c.c};
        (*cols[col])[row] = bad;
        auto r = c.make();
        ASSERT_FALSE(r.is_ok()) << bad << " " << names[col] << " " << row;
        EXPECT_NE(r.status().message().find("row " + std::to_string(row) + ": " + names[col]),
                  std::string::npos)
            << r.status().message();
      }
    }
  }
}

TEST(MarketData, TimestampsMustIncrease) {
  for (size_t row : {1u, 8u, 9u, 33u, 36u}) {
    Columns c(37);
    c.ts[row] = c.ts[row - 1];
    auto r = c.make();
    ASSERT_FALSE(r.is_ok()) << row;
    EXPECT_NE(r.status().message().find("row " + std::to_string(row) + ": timestamps"),
              std::string::npos)
        << r.status().message();
  }
}

}  // namespace
}  // namespace nocode::backtest
