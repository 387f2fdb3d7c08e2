// Order types and intrabar rules on hand-made bars, each expectation worked
// out by hand from backtesting.py's documented rules (docs/backtest.md):
// market orders fill at the next Open; limits at the limit or a better gap
// Open; stops at the stop or a worse gap Open; SL is checked before TP; an
// SL/TP attached to a market entry is checked on the entry bar already.
#include <gtest/gtest.h>

#include "backtest/simulator.h"
#include "backtest_test_util.h"

namespace nocode::backtest {
namespace {

using test::Bars;
using test::Script;
using test::units;

BacktestResult run(const Bars& bars, Script& s, BacktestOptions o = {}) {
  auto r = run_backtest(bars.view(), s, o);
  EXPECT_TRUE(r.is_ok()) << r.status().to_string();
  return r.is_ok() ? std::move(*r) : BacktestResult{};
}

TEST(Orders, MarketOrderFillsAtNextOpen) {
  Bars b;
  b.flat(100).flat(100).add(101, 103, 100, 102).add(104, 106, 103, 105).add(107, 107, 107, 107);
  Script s([](size_t i, Broker& br) {
    if (i == 1) br.buy(units(10));
    if (i == 3) br.close_position();
  });
  const auto r = run(b, s);
  ASSERT_EQ(r.trades.size(), 1u);
  EXPECT_EQ(r.trades[0].entry_bar, 2);
  EXPECT_EQ(r.trades[0].entry_price, 101.0);
  EXPECT_EQ(r.trades[0].exit_bar, 4);
  EXPECT_EQ(r.trades[0].exit_price, 107.0);
  EXPECT_DOUBLE_EQ(r.trades[0].pnl(), 10 * (107.0 - 101.0));
  // Equity marks the open trade at each Close: cash + 10 * (Close - 101).
  EXPECT_EQ(r.equity[2], 10000 + 10 * (102.0 - 101.0));
  EXPECT_EQ(r.equity[3], 10000 + 10 * (105.0 - 101.0));
  EXPECT_EQ(r.equity[4], 10000 + 60.0);
}

TEST(Orders, TradeOnCloseFillsAtDecisionBarClose) {
  Bars b;
  b.flat(100).add(100, 101, 99, 100.5).add(101, 103, 100, 102).flat(103, 2);
  Script s([](size_t i, Broker& br) {
    if (i == 1) br.buy(units(1));
  });
  BacktestOptions o;
  o.trade_on_close = true;
  o.finalize_trades = true;
  const auto r = run(b, s, o);
  ASSERT_EQ(r.trades.size(), 1u);
  EXPECT_EQ(r.trades[0].entry_bar, 1);
  EXPECT_EQ(r.trades[0].entry_price, 100.5);
  // Finalize: the close order is a market order too -> Close of bar n-2.
  EXPECT_EQ(r.trades[0].exit_bar, 3);
  EXPECT_EQ(r.trades[0].exit_price, 103.0);
}

TEST(Orders, LimitBuyFillsAtLimitOrAtBetterGapOpen) {
  Bars b;
  b.flat(100).flat(100);
  b.add(100, 101, 99, 100);   // bar 2: low 99 > 98, limit 98 not reached
  b.add(99, 100, 97, 98);     // bar 3: low 97 <= 98 -> fill at 98
  b.add(96, 97, 95, 96);      // bar 4
  b.add(95, 99, 94, 98);      // bar 5: second limit 97 placed at 4; open 95 < 97 -> 95
  b.flat(98, 2);
  OrderRequest first = units(1);
  first.limit = 98;
  OrderRequest second = units(1);
  second.limit = 97;
  Script s([&](size_t i, Broker& br) {
    if (i == 1) br.buy(first);
    if (i == 4) br.buy(second);
  });
  const auto r = run(b, s);
  ASSERT_EQ(r.open_trades.size(), 2u);
  EXPECT_EQ(r.open_trades[0].entry_bar, 3);
  EXPECT_EQ(r.open_trades[0].entry_price, 98.0);
  EXPECT_EQ(r.open_trades[1].entry_bar, 5);
  EXPECT_EQ(r.open_trades[1].entry_price, 95.0);
  EXPECT_TRUE(r.trades.empty());  // finalize off: nothing closed
}

TEST(Orders, StopBuyFillsAtStopOrAtWorseGapOpen) {
  Bars b;
  b.flat(100).flat(100);
  b.add(101, 104, 100, 103);  // bar 2: high 104 < 105
  b.add(103, 107, 102, 106);  // bar 3: high 107 >= 105 -> max(open 103, 105) = 105
  b.add(110, 111, 109, 110);  // bar 4: second stop 108 (placed at 3) gaps -> open 110
  b.flat(110);
  OrderRequest a = units(1);
  a.stop = 105;
  OrderRequest c = units(1);
  c.stop = 108;
  Script s([&](size_t i, Broker& br) {
    if (i == 1) br.buy(a);
    if (i == 3) br.buy(c);
  });
  const auto r = run(b, s);
  ASSERT_EQ(r.open_trades.size(), 2u);
  EXPECT_EQ(r.open_trades[0].entry_bar, 3);
  EXPECT_EQ(r.open_trades[0].entry_price, 105.0);
  EXPECT_EQ(r.open_trades[1].entry_bar, 4);
  EXPECT_EQ(r.open_trades[1].entry_price, 110.0);
}

// Long entry at Open[2] = 100 with SL 95 and TP 110; `exit_bar` decides.
Trade bracket_exit(double o, double h, double l, double c) {
  Bars b;
  b.flat(100).flat(100).add(100, 101, 99, 100).add(o, h, l, c).flat(c);
  OrderRequest r = units(10);
  r.sl = 95;
  r.tp = 110;
  Script s([&](size_t i, Broker& br) {
    if (i == 1) br.buy(r);
  });
  const auto res = run(b, s);
  EXPECT_EQ(res.trades.size(), 1u);
  EXPECT_TRUE(res.open_trades.empty());
  return res.trades.empty() ? Trade{} : res.trades[0];
}

TEST(Orders, TakeProfitFillsAtTp) {
  const Trade t = bracket_exit(101, 111, 99, 108);
  EXPECT_EQ(t.exit_bar, 3);
  EXPECT_EQ(t.exit_price, 110.0);
  EXPECT_EQ(t.sl, 95.0);
  EXPECT_EQ(t.tp, 110.0);
  EXPECT_DOUBLE_EQ(t.pnl(), 10 * 10.0);
}

TEST(Orders, TakeProfitGapFillsAtBetterOpen) {
  const Trade t = bracket_exit(112, 113, 111, 112);
  EXPECT_EQ(t.exit_price, 112.0);
}

TEST(Orders, StopLossFillsAtSlOrWorseGapOpen) {
  EXPECT_EQ(bracket_exit(99, 100, 94, 96).exit_price, 95.0);
  EXPECT_EQ(bracket_exit(90, 92, 89, 91).exit_price, 90.0);
}

TEST(Orders, SameBarSlAndTpResolveAsStopLoss) {
  const Trade t = bracket_exit(100, 112, 94, 100);
  EXPECT_EQ(t.exit_bar, 3);
  EXPECT_EQ(t.exit_price, 95.0);
  EXPECT_DOUBLE_EQ(t.pnl(), 10 * (95.0 - 100.0));
}

TEST(Orders, SlOnMarketEntryIsCheckedOnTheEntryBar) {
  Bars b;
  b.flat(100).flat(100).add(100, 101, 93, 96).flat(96);
  OrderRequest r = units(1);
  r.sl = 95;
  Script s([&](size_t i, Broker& br) {
    if (i == 1) br.buy(r);
  });
  const auto res = run(b, s);
  ASSERT_EQ(res.trades.size(), 1u);
  EXPECT_EQ(res.trades[0].entry_bar, 2);
  EXPECT_EQ(res.trades[0].exit_bar, 2);
  EXPECT_EQ(res.trades[0].exit_price, 95.0);
}

TEST(Orders, ShortTradePnlAndReturn) {
  Bars b;
  b.flat(100).flat(100).add(100, 100, 100, 100).flat(95).add(90, 91, 89, 90).flat(90);
  Script s([](size_t i, Broker& br) {
    if (i == 1) br.sell(units(10));
    if (i == 3) br.close_position();
  });
  const auto r = run(b, s);
  ASSERT_EQ(r.trades.size(), 1u);
  const Trade& t = r.trades[0];
  EXPECT_EQ(t.size, -10.0);
  EXPECT_EQ(t.entry_price, 100.0);
  EXPECT_EQ(t.exit_price, 90.0);
  EXPECT_EQ(t.pnl(), 100.0);                  // -10 * (90 - 100)
  EXPECT_EQ(t.return_pct(), -(0.9 - 1.0));    // short gains when price falls
  EXPECT_EQ(r.equity[3], 10000 + -10 * (95.0 - 100.0));
}

TEST(Orders, OppositeOrderReducesFifoWithoutHedging) {
  Bars b;
  b.flat(100, 3).flat(102, 2).flat(104, 2);
  Script s([](size_t i, Broker& br) {
    if (i == 1) br.buy(units(10));
    if (i == 3) br.sell(units(4));
  });
  const auto r = run(b, s);
  ASSERT_EQ(r.trades.size(), 1u);           // the closed piece of 4
  EXPECT_EQ(r.trades[0].size, 4.0);
  EXPECT_EQ(r.trades[0].exit_price, 102.0);
  ASSERT_EQ(r.open_trades.size(), 1u);      // 6 remain long
  EXPECT_EQ(r.open_trades[0].size, 6.0);
}

TEST(Orders, ExclusiveOrdersCloseThePositionFirst) {
  Bars b;
  b.flat(100, 3).flat(102, 2).flat(104, 2);
  Script s([](size_t i, Broker& br) {
    if (i == 1) br.buy(units(10));
    if (i == 3) br.sell(units(4));
  });
  BacktestOptions o;
  o.exclusive_orders = true;
  const auto r = run(b, s, o);
  ASSERT_EQ(r.trades.size(), 1u);
  EXPECT_EQ(r.trades[0].size, 10.0);        // the whole long closed
  EXPECT_EQ(r.trades[0].exit_bar, 4);
  ASSERT_EQ(r.open_trades.size(), 1u);
  EXPECT_EQ(r.open_trades[0].size, -4.0);   // then the short opened
  EXPECT_EQ(r.open_trades[0].entry_bar, 4);
}

TEST(Orders, ExclusiveOrdersCancelPendingOrders) {
  Bars b;
  b.flat(100, 6);
  OrderRequest far = units(1);
  far.limit = 50;  // never fills
  Script s([&](size_t i, Broker& br) {
    if (i == 1) br.buy(far);
    if (i == 2) {
      EXPECT_EQ(br.orders().size(), 1u);
      br.buy(units(2));
      EXPECT_EQ(br.orders().size(), 1u);  // the limit was cancelled
    }
  });
  BacktestOptions o;
  o.exclusive_orders = true;
  const auto r = run(b, s, o);
  ASSERT_EQ(r.open_trades.size(), 1u);
  EXPECT_EQ(r.open_trades[0].size, 2.0);
}

TEST(Orders, InsufficientMarginCancels) {
  Bars b;
  b.flat(100, 5);
  Script s([](size_t i, Broker& br) {
    if (i == 1) br.buy(units(101));  // 101 * 100 > 10,000
  });
  const auto r = run(b, s);
  EXPECT_TRUE(r.open_trades.empty());
  EXPECT_TRUE(r.trades.empty());
}

TEST(Orders, InvalidBracketIsAnErrorNamingTheBar) {
  Bars b;
  b.flat(100, 5);
  OrderRequest bad = units(1);
  bad.sl = 105;  // above the price for a long
  Script s([&](size_t i, Broker& br) {
    if (i == 2) br.buy(bad);
  });
  auto r = run_backtest(b.view(), s, {});
  ASSERT_FALSE(r.is_ok());
  EXPECT_NE(r.status().message().find("bar 2"), std::string::npos) << r.status().message();
  EXPECT_NE(r.status().message().find("SL < price < TP"), std::string::npos);
}

TEST(Orders, BadSizeIsAnError) {
  Bars b;
  b.flat(100, 5);
  Script s([](size_t i, Broker& br) {
    if (i == 1) br.buy(units(2.5));
  });
  EXPECT_FALSE(run_backtest(b.view(), s, {}).is_ok());
}

}  // namespace
}  // namespace nocode::backtest
