// Sizing, commission, margin, finalize and out-of-money rules, with
// expectations computed by hand (constants) or from the definitions in
// docs/backtest.md with naive code.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "backtest/simulator.h"
#include "backtest/sma_cross.h"
#include "backtest/statistics.h"
#include "backtest_test_util.h"
#include "data/csv_loader.h"
#include "support/test_data.h"

namespace nocode::backtest {
namespace {

using test::Bars;
using test::Script;
using test::units;

BacktestResult run(const MarketData& data, Strategy& s, BacktestOptions o = {}) {
  auto r = run_backtest(data, s, o);
  EXPECT_TRUE(r.is_ok()) << r.status().to_string();
  return r.is_ok() ? std::move(*r) : BacktestResult{};
}

// Entry at Open[2] = 100, exit at Open[4] = 110.
Bars up_move() {
  Bars b;
  b.flat(100, 3).flat(105).add(110, 111, 109, 110).flat(110);
  return b;
}

TEST(Sizing, AllInWithCommissionByHand) {
  const Bars b = up_move();
  Script s([](size_t i, Broker& br) {
    if (i == 1) br.buy(OrderRequest{});
    if (i == 3) br.close_position();
  });
  BacktestOptions o;
  o.commission = 0.002;
  const auto r = run(b.view(), s, o);
  ASSERT_EQ(r.trades.size(), 1u);
  const Trade& t = r.trades[0];
  // 10,000 / (100 + 100 * 0.2%) = 99.8 -> 99 units.
  EXPECT_EQ(t.size, 99.0);
  // Commission 99*100*0.002 = 19.8 in, 99*110*0.002 = 21.78 out.
  EXPECT_NEAR(t.commissions, 41.58, 1e-9);
  EXPECT_NEAR(t.pnl(), 990 - 41.58, 1e-9);
  EXPECT_NEAR(t.return_pct(), 0.1 - 41.58 / 9900, 1e-12);
  EXPECT_NEAR(r.equity[2], 10000 - 19.8, 1e-9);
  EXPECT_NEAR(r.equity[3], 10000 - 19.8 + 99 * 5, 1e-9);
  EXPECT_NEAR(r.equity[5], 10000 + 990 - 41.58, 1e-9);
}

TEST(Sizing, FractionLeverageSpreadAndFixedCommission) {
  const Bars b = up_move();
  auto size_of = [&](OrderRequest req, BacktestOptions o) {
    Script s([&](size_t i, Broker& br) {
      if (i == 1) br.buy(req);
    });
    const auto r = run(b.view(), s, o);
    return r.open_trades.empty() ? 0.0 : r.open_trades[0].size;
  };
  OrderRequest half;
  half.size = 0.5;
  EXPECT_EQ(size_of(half, {}), 50.0);          // 5,000 / 100
  BacktestOptions lev;
  lev.margin = 0.5;
  EXPECT_EQ(size_of(OrderRequest{}, lev), 199.0);  // 20,000*(1-eps) / 100
  BacktestOptions spread;
  spread.spread_bps = 10;                      // entry at 100.1
  EXPECT_EQ(size_of(OrderRequest{}, spread), 99.0);
  BacktestOptions fixed;
  fixed.commission_fixed = 50;                 // 50 / ~1 unit: 10,000 / 150
  EXPECT_EQ(size_of(OrderRequest{}, fixed), 66.0);
}

// The same run skipping quiet bars (SignalStrategy's next_action_bar: the
// equity of a long stretch is filled 8 bars at a time) and bar by bar: equity
// going <= 0 in the middle of the stretch, at any lane of a vector, ends both
// runs on the same bar with the same equity.
TEST(Sizing, OutOfMoneyInAQuietStretchEqualsBarByBar) {
  for (size_t fall_at = 5; fall_at < 30; ++fall_at) {
    SCOPED_TRACE(fall_at);
    Bars b;
    b.flat(100, 3);
    for (size_t k = 0; k < 40; ++k) b.flat(k < fall_at ? 100.0 - 0.1 * static_cast<double>(k) : 85.0);
    std::vector<uint8_t> enter(b.ts.size(), 0);
    enter[1] = 1;
    SignalOptions so;
    SignalStrategy quiet(Signals{enter, {}, {}, {}}, so);
    Script stepwise([&](size_t i, Broker& br) {
      if (i == 1) br.buy(OrderRequest{});
    });
    BacktestOptions o;
    o.margin = 0.1;  // 10x: a 10% fall takes everything
    const auto a = run(b.view(), quiet, o), c = run(b.view(), stepwise, o);
    EXPECT_TRUE(a.out_of_money);
    EXPECT_EQ(a.out_of_money, c.out_of_money);
    ASSERT_EQ(a.equity.size(), c.equity.size());
    for (size_t i = 0; i < a.equity.size(); ++i) ASSERT_EQ(a.equity[i], c.equity[i]) << i;
    ASSERT_EQ(a.trades.size(), c.trades.size());
    EXPECT_EQ(a.trades[0].exit_bar, c.trades[0].exit_bar);
  }
}

TEST(Sizing, OutOfMoneyClosesAtCloseAndStops) {
  Bars b;
  b.flat(100, 3).add(100, 100, 80, 80).flat(80, 3);
  size_t last_call = 0;
  Script s([&](size_t i, Broker& br) {
    last_call = i;
    if (i == 1) br.buy(OrderRequest{});
  });
  BacktestOptions o;
  o.margin = 0.1;  // 10x: 999 units at 100
  o.finalize_trades = true;
  const auto r = run(b.view(), s, o);
  EXPECT_TRUE(r.out_of_money);
  EXPECT_EQ(last_call, 2u);
  ASSERT_EQ(r.trades.size(), 1u);
  EXPECT_EQ(r.trades[0].size, 999.0);
  EXPECT_EQ(r.trades[0].exit_bar, 3);
  EXPECT_EQ(r.trades[0].exit_price, 80.0);
  EXPECT_EQ(r.equity[2], 10000.0);
  for (size_t i = 3; i < r.equity.size(); ++i) EXPECT_EQ(r.equity[i], 0.0) << i;
  EXPECT_EQ(r.final_cash, 0.0);
}

class GoogSmaCross : public ::testing::Test {
 protected:
  void SetUp() override {
    auto f = load_csv(testing::shared_data_dir() + "/GOOG.csv");
    ASSERT_TRUE(f.is_ok());
    frame_ = std::move(*f);
    data_ = *MarketData::from_frame(frame_);
  }
  BacktestResult run_with(BacktestOptions o) {
    SmaCrossStrategy s(frame_.close(), 10, 30);
    return run(data_, s, o);
  }
  Frame frame_;
  MarketData data_;
};

// Every entry is all-in on the cash left after the previous trade closed at
// the same Open: size = floor(cash * (1 - eps) / (P + P*c)).
TEST_F(GoogSmaCross, CommissionSizesAndPnlFollowTheRules) {
  const double c = 0.002, eps = std::numeric_limits<double>::epsilon();
  BacktestOptions o;
  o.commission = c;
  o.finalize_trades = true;
  const auto r = run_with(o);
  ASSERT_GT(r.trades.size(), 50u);
  double cash = 10000;
  for (size_t k = 0; k < r.trades.size(); ++k) {
    const Trade& t = r.trades[k];
    SCOPED_TRACE(k);
    const double units = cash * (1 - eps) / (t.entry_price + t.entry_price * c);
    if (std::fabs(units - std::round(units)) > 1e-6) {
      EXPECT_EQ(std::fabs(t.size), std::floor(units));
    }
    EXPECT_EQ(t.size > 0, k % 2 == 1);  // the first cross is down (short)
    if (k > 0) {
      EXPECT_EQ(t.entry_bar, r.trades[k - 1].exit_bar);
    }
    const double fees = c * std::fabs(t.size) * (t.entry_price + t.exit_price);
    const double pnl = t.size * (t.exit_price - t.entry_price) - fees;
    EXPECT_NEAR(t.pnl(), pnl, 1e-9 * std::fabs(cash));
    EXPECT_NEAR(t.commissions, fees, 1e-9 * fees);
    cash += pnl;
  }
  EXPECT_NEAR(r.equity.back(), cash, 1e-8 * cash);
  EXPECT_NEAR(r.final_cash, cash, 1e-8 * cash);
}

TEST_F(GoogSmaCross, WithoutFinalizeTheLastTradeStaysOpen) {
  BacktestOptions fin;
  fin.finalize_trades = true;
  const auto closed = run_with(fin);
  const auto open = run_with({});
  ASSERT_EQ(open.trades.size() + 1, closed.trades.size());
  ASSERT_EQ(open.open_trades.size(), 1u);
  const Trade& last = open.open_trades[0];
  const size_t n = data_.size;
  EXPECT_EQ(closed.trades.back().exit_bar, static_cast<int64_t>(n - 1));
  EXPECT_EQ(closed.trades.back().exit_price, data_.open[n - 1]);  // one more pass at Open
  // Equity marks the open trade at the last Close.
  EXPECT_DOUBLE_EQ(open.equity[n - 1],
                   open.final_cash + last.size * (data_.close[n - 1] - last.entry_price));
  const Statistics stats = compute_statistics(data_, open);
  EXPECT_EQ(stats.find("# Trades")->number, static_cast<double>(open.trades.size()));
}

// The signal-array convenience reproduces the SMA cross from its decisions.
TEST_F(GoogSmaCross, SignalStrategyReproducesSmaCross) {
  SmaCrossStrategy sma(frame_.close(), 10, 30);
  std::vector<uint8_t> up(data_.size), down(data_.size);
  for (size_t i = 0; i < data_.size; ++i) {
    up[i] = sma.crosses()[i] > 0;
    down[i] = sma.crosses()[i] < 0;
  }
  SignalOptions so;
  so.warmup = sma.warmup_bars();
  SignalStrategy sig(Signals{up, down, {}, {}}, so);
  BacktestOptions o;
  o.finalize_trades = true;
  const auto a = run(data_, sma, o);
  const auto b = run(data_, sig, o);
  ASSERT_EQ(a.trades.size(), b.trades.size());
  EXPECT_EQ(a.equity, b.equity);
  for (size_t k = 0; k < a.trades.size(); ++k) {
    EXPECT_EQ(a.trades[k].entry_bar, b.trades[k].entry_bar);
    EXPECT_EQ(a.trades[k].size, b.trades[k].size);
  }
}

TEST(Options, ValidationNamesTheField) {
  BacktestOptions o;
  o.margin = 0;
  Status s = validate(o);
  EXPECT_FALSE(s.is_ok());
  EXPECT_NE(s.message().find("margin"), std::string::npos);
  o = {};
  o.commission = 0.5;
  EXPECT_NE(validate(o).message().find("commission"), std::string::npos);
  o = {};
  o.cash = -1;
  EXPECT_NE(validate(o).message().find("cash"), std::string::npos);
  EXPECT_TRUE(validate(BacktestOptions{}).is_ok());
}

}  // namespace
}  // namespace nocode::backtest
