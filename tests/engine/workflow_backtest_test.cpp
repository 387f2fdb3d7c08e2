// backtest_plan: the workflow path (editor nodes -> engine -> OrderPlan ->
// simulator) against backtesting.py's reference run and against the direct
// src/backtest path (SmaCrossStrategy / SignalStrategy on pandas-exact SMAs).
#include "engine/workflow_backtest.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "backtest/rolling_mean.h"
#include "backtest/sma_cross.h"
#include "backtest/strategy.h"
#include "data/csv_loader.h"
#include "support/run_command.h"
#include "support/test_data.h"
#include "workflow/compiler.h"

namespace nocode::engine {
namespace {

using backtest::BacktestOptions;
using backtest::BacktestResult;
using backtest::MarketData;
using nlohmann::json;

std::string goog() { return testing::shared_data_dir() + "/GOOG.csv"; }
std::string reference(const std::string& what) {
  return testing::shared_data_dir() +
         "/../reference/backtest/backtestingpy_testsuite_sma10_30_nocomm_" + what;
}

json sma_cross_doc() {
  std::ifstream in(testing::source_dir() + "/examples/workflows/sma_cross.json");
  return json::parse(in);
}

json& node(json& doc, const std::string& id) {
  for (auto& n : doc["workflow_data"]["nodes"])
    if (n["id"] == id) return n["data"]["parameters"];
  throw std::runtime_error("no node " + id);
}

Result<WorkflowBacktest> run_doc(const json& doc, int fast, int slow,
                                 WorkflowBacktestOptions opts = {}) {
  workflow::CompileOptions c;
  c.overrides = {"fast=" + std::to_string(fast), "slow=" + std::to_string(slow)};
  const workflow::Plan plan = workflow::compile_json(doc.dump(), c);
  NodeCache cache;
  const Engine engine(cache);
  opts.run.data.data_file = goog();
  return backtest_plan(engine, plan, opts);
}

// The direct path on the same bars.
struct Direct {
  Frame frame;
  MarketData data;
  Direct() {
    auto f = load_csv(goog());
    EXPECT_TRUE(f.is_ok());
    frame = std::move(*f);
    data = *MarketData::from_frame(frame);
  }
  BacktestResult run(backtest::Strategy& s, const BacktestOptions& o) const {
    auto r = backtest::run_backtest(data, s, o);
    EXPECT_TRUE(r.is_ok()) << r.status().to_string();
    return *r;
  }
};

void expect_same(const BacktestResult& want, const BacktestResult& got, const std::string& what) {
  SCOPED_TRACE(what);
  ASSERT_EQ(want.equity.size(), got.equity.size());
  for (size_t i = 0; i < want.equity.size(); ++i) {
    ASSERT_EQ(want.equity[i], got.equity[i]) << i;
  }
  ASSERT_EQ(want.trades.size(), got.trades.size());
  ASSERT_EQ(want.open_trades.size(), got.open_trades.size());
  for (size_t i = 0; i < want.trades.size(); ++i) {
    const auto &a = want.trades[i], &b = got.trades[i];
    EXPECT_EQ(a.size, b.size) << i;
    EXPECT_EQ(a.entry_bar, b.entry_bar) << i;
    EXPECT_EQ(a.exit_bar, b.exit_bar) << i;
    EXPECT_EQ(a.entry_price, b.entry_price) << i;
    EXPECT_EQ(a.exit_price, b.exit_price) << i;
    EXPECT_EQ(std::isnan(a.sl), std::isnan(b.sl)) << i;
    EXPECT_EQ(std::isnan(a.tp), std::isnan(b.tp)) << i;
    if (!std::isnan(a.sl)) {
      EXPECT_EQ(a.sl, b.sl) << i;
    }
    if (!std::isnan(a.tp)) {
      EXPECT_EQ(a.tp, b.tp) << i;
    }
    EXPECT_EQ(a.commissions, b.commissions) << i;
  }
}

std::vector<std::vector<std::string>> csv_rows(const std::string& path) {
  EXPECT_TRUE(std::ifstream(path).good()) << path;
  return nocode::testing::read_csv_cells(path);
}
double num(const std::string& s) { return s.empty() ? std::nan("") : std::strtod(s.c_str(), nullptr); }

TEST(WorkflowBacktest, ReproducesTheReferenceRunThroughTheWorkflow) {
  WorkflowBacktestOptions o;
  o.finalize_trades = true;
  auto bt = run_doc(sma_cross_doc(), 10, 30, o);
  ASSERT_TRUE(bt.is_ok()) << bt.status().to_string();
  const auto eq = csv_rows(reference("equity.csv"));
  ASSERT_EQ(eq.size(), bt->result.equity.size());
  for (size_t i = 0; i < eq.size(); ++i) ASSERT_EQ(num(eq[i][1]), bt->result.equity[i]) << i;
  const auto tr = csv_rows(reference("trades.csv"));
  ASSERT_EQ(tr.size(), bt->result.trades.size());
  for (size_t i = 0; i < tr.size(); ++i) {
    const auto& t = bt->result.trades[i];
    SCOPED_TRACE("trade " + std::to_string(i));
    EXPECT_EQ(num(tr[i][0]), t.size);
    EXPECT_EQ(num(tr[i][1]), t.entry_bar);
    EXPECT_EQ(num(tr[i][2]), t.exit_bar);
    EXPECT_EQ(num(tr[i][3]), t.entry_price);
    EXPECT_EQ(num(tr[i][4]), t.exit_price);
    EXPECT_EQ(num(tr[i][7]), t.pnl());
    EXPECT_EQ(num(tr[i][9]), t.return_pct());
  }
  std::ifstream in(reference("stats.json"));
  const json want = json::parse(in)["stats"];
  const json got = bt->statistics.to_json();
  size_t compared = 0;
  for (auto it = want.begin(); it != want.end(); ++it) {
    if (it.key().starts_with("_")) continue;
    ASSERT_TRUE(got.contains(it.key())) << it.key();
    ++compared;
    if (it->is_number()) {
      const double w = it->get<double>(), g = got[it.key()].get<double>();
      EXPECT_LE(std::fabs(w - g), 1e-12 * std::max(1.0, std::fabs(w))) << it.key();
    } else {
      EXPECT_EQ(*it, got[it.key()]) << it.key();
    }
  }
  EXPECT_GE(compared, 30u);
}

// SmaCross over backtesting.py's optimisation grid and broker settings: the
// workflow path and SmaCrossStrategy agree exactly.
TEST(WorkflowBacktest, SmaCrossGridMatchesTheDirectPath) {
  const Direct d;
  const json doc = sma_cross_doc();
  struct Case {
    double commission;
    bool exclusive, finalize;
  };
  const Case cases[] = {{0, false, false}, {0.002, false, true}, {0, true, true}, {0.001, true, false}};
  int runs = 0;
  for (int fast = 5; fast <= 25; fast += 5) {
    for (int slow = 10; slow <= 65; slow += 5) {
      if (fast >= slow) continue;
      const Case& c = cases[runs++ % 4];
      BacktestOptions bo;
      bo.commission = c.commission;
      bo.exclusive_orders = c.exclusive;
      bo.finalize_trades = c.finalize;
      backtest::SmaCrossStrategy s(d.frame.close(), fast, slow);
      const BacktestResult want = d.run(s, bo);
      WorkflowBacktestOptions o;
      o.commission = c.commission;
      o.exclusive_orders = c.exclusive;
      o.finalize_trades = c.finalize;
      auto bt = run_doc(doc, fast, slow, o);
      ASSERT_TRUE(bt.is_ok()) << bt.status().to_string();
      EXPECT_EQ(bt->result.warmup, s.warmup_bars());
      expect_same(want, bt->result, "fast " + std::to_string(fast) + " slow " + std::to_string(slow));
    }
  }
  EXPECT_EQ(runs, 50);
}

// Cross decisions of the direct path (pandas-exact SMAs).
struct Crosses {
  std::vector<uint8_t> up, down;
  size_t warmup;
  Crosses(const Frame& f, size_t fast, size_t slow) {
    backtest::SmaCrossStrategy s(f.close(), fast, slow);
    for (int8_t c : s.crosses()) {
      up.push_back(c > 0);
      down.push_back(c < 0);
    }
    warmup = s.warmup_bars();
  }
};

TEST(WorkflowBacktest, ShortOnlyWorkflowMatchesSignalStrategy) {
  const Direct d;
  json doc = sma_cross_doc();
  node(doc, "buy")["action"] = "close_short";
  node(doc, "sell")["quantity"] = 50;  // 50% of equity
  const Crosses c(d.frame, 10, 30);
  backtest::SignalOptions so;
  so.order.size = 0.5;
  so.warmup = c.warmup;
  backtest::SignalStrategy s({{}, c.down, {}, c.up}, so);
  BacktestOptions bo;
  bo.commission = 0.001;
  const BacktestResult want = d.run(s, bo);
  WorkflowBacktestOptions o;
  o.commission = 0.001;
  auto bt = run_doc(doc, 10, 30, o);
  ASSERT_TRUE(bt.is_ok()) << bt.status().to_string();
  ASSERT_GT(want.trades.size(), 10u);
  for (const auto& t : bt->result.trades) EXPECT_LT(t.size, 0);
  expect_same(want, bt->result, "short only");
}

TEST(WorkflowBacktest, StopLossTakeProfitAndUnitsMatchSignalStrategy) {
  const Direct d;
  json doc = sma_cross_doc();
  auto& buy = node(doc, "buy");
  buy["stop_loss"] = 5;
  buy["take_profit"] = 8;
  buy["positionSizing"] = "fixed_amount";
  buy["quantity"] = 20;
  node(doc, "sell")["action"] = "close_long";
  const Crosses c(d.frame, 10, 20);
  backtest::SignalOptions so;
  so.order.size = 20;
  so.sl_pct = 0.05;
  so.tp_pct = 0.08;
  so.warmup = c.warmup;
  backtest::SignalStrategy s({c.up, {}, c.down, {}}, so);
  const BacktestResult want = d.run(s, BacktestOptions{});
  auto bt = run_doc(doc, 10, 20);
  ASSERT_TRUE(bt.is_ok()) << bt.status().to_string();
  size_t with_sl = 0;
  for (const auto& t : bt->result.trades) with_sl += !std::isnan(t.sl) && t.size == 20;
  EXPECT_GT(with_sl, 5u);
  expect_same(want, bt->result, "sl/tp");
}

// A backtest node fed by a level signal (fast > slow): long while true, flat
// while false; its parameters set the broker.
TEST(WorkflowBacktest, BacktestNodeSignalInputIsATargetPosition) {
  const Direct d;
  json doc = sma_cross_doc();
  auto& nodes = doc["workflow_data"]["nodes"];
  auto& edges = doc["workflow_data"]["edges"];
  nodes[3]["data"]["parameters"]["condition"] = "greater_than";
  json kept = json::array();
  for (auto& n : nodes)
    if (n["type"] != "action") kept.push_back(n);
  kept.push_back({{"id", "bt"}, {"type", "backtest"},
                  {"data", {{"parameters", {{"cash", 50000}, {"commission", 0.002},
                                            {"size", 0.5}}}}}});
  nodes = kept;
  json kept_edges = json::array();
  for (auto& e : edges)
    if (e["target"] != "buy" && e["target"] != "sell") kept_edges.push_back(e);
  kept_edges.push_back({{"id", "e9"}, {"source", "cross-up"}, {"target", "bt"},
                        {"sourceHandle", "signal-output"}, {"targetHandle", "signal-input"}});
  edges = kept_edges;
  auto bt = run_doc(doc, 10, 30);
  ASSERT_TRUE(bt.is_ok()) << bt.status().to_string();
  EXPECT_EQ(bt->options.cash, 50000);
  EXPECT_EQ(bt->options.commission, 0.002);
  // Direct: the level from pandas-exact SMAs; enter on its rising edge (or
  // the first decision bar), exit while it is false.
  const auto f = backtest::rolling_mean(d.frame.close(), 10), s = backtest::rolling_mean(d.frame.close(), 30);
  const size_t w = backtest::rolling_mean_warmup(d.frame.close(), 30);
  std::vector<uint8_t> level(f.size()), enter(f.size()), exit(f.size());
  for (size_t i = 0; i < f.size(); ++i) level[i] = f[i] > s[i];
  for (size_t i = w + 1; i < f.size(); ++i) {
    enter[i] = level[i] && (i == w + 1 || !level[i - 1]);
    exit[i] = !level[i];
  }
  backtest::SignalOptions so;
  so.order.size = 0.5;
  so.warmup = w;
  backtest::SignalStrategy strat({enter, {}, exit, {}}, so);
  BacktestOptions bo;
  bo.cash = 50000;
  bo.commission = 0.002;
  const BacktestResult want = d.run(strat, bo);
  ASSERT_GT(want.trades.size(), 10u);
  expect_same(want, bt->result, "backtest node");
}

// fixed_risk sizing: risk quantity% of equity over a stop_loss% stop =
// fraction quantity / stop_loss of equity, with that stop attached.
TEST(WorkflowBacktest, FixedRiskSizingIsRiskOverStopDistance) {
  const Direct d;
  json doc = sma_cross_doc();
  auto& buy = node(doc, "buy");
  buy["positionSizing"] = "fixed_risk";
  buy["quantity"] = 1;  // risk 1% of equity
  buy["stop_loss"] = 4;  // 4% stop: 25% of equity
  node(doc, "sell")["action"] = "close_all";
  const Crosses c(d.frame, 10, 30);
  backtest::SignalOptions so;
  so.order.size = 0.25;
  so.sl_pct = 0.04;
  so.warmup = c.warmup;
  backtest::SignalStrategy s({c.up, {}, c.down, {}}, so);
  const BacktestResult want = d.run(s, BacktestOptions{});
  auto bt = run_doc(doc, 10, 30);
  ASSERT_TRUE(bt.is_ok()) << bt.status().to_string();
  ASSERT_GT(want.trades.size(), 5u);
  expect_same(want, bt->result, "fixed_risk");
}

// A level-triggered buy (fires on every bar fast > slow) enters once and
// holds; close_all on fast < slow exits. The levels are the engine's own
// columns (TA-Lib SMAs), since level conditions are not re-evaluated.
TEST(WorkflowBacktest, LevelTriggeredBuyHoldsInsteadOfReentering) {
  const Direct d;
  json doc = sma_cross_doc();
  node(doc, "cross-up")["condition"] = "greater_than";
  node(doc, "cross-down")["condition"] = "less_than";
  node(doc, "sell")["action"] = "close_all";
  auto bt = run_doc(doc, 10, 30);
  ASSERT_TRUE(bt.is_ok()) << bt.status().to_string();
  const auto& f = *bt->run.features.column("sma-fast.sma");
  const auto& s = *bt->run.features.column("sma-slow.sma");
  const size_t w = 29;
  std::vector<uint8_t> enter(f.size()), exit(f.size());
  for (size_t i = w + 1; i < f.size(); ++i) {
    enter[i] = f[i] > s[i] && (i == w + 1 || !(f[i - 1] > s[i - 1]));
    exit[i] = f[i] < s[i];
  }
  backtest::SignalOptions so;
  so.warmup = w;
  backtest::SignalStrategy strat({enter, {}, exit, {}}, so);
  const BacktestResult want = d.run(strat, BacktestOptions{});
  ASSERT_GT(want.trades.size(), 10u);
  expect_same(want, bt->result, "level buy");
}

// A risk node on the action's risk-input gates it: the cross only trades
// where |close[t] / close[t-1] - 1| * 100 <= maxLoss.
TEST(WorkflowBacktest, RiskInputGatesTheAction) {
  const Direct d;
  json doc = sma_cross_doc();
  doc["workflow_data"]["nodes"].push_back(
      {{"id", "risk-1"}, {"type", "riskManagement"},
       {"data", {{"parameters", {{"maxLoss", 1.0}}}}}});
  doc["workflow_data"]["edges"].push_back({{"id", "r1"}, {"source", "data-1"}, {"target", "risk-1"},
                                           {"sourceHandle", "data-output"},
                                           {"targetHandle", "data-input"}});
  doc["workflow_data"]["edges"].push_back({{"id", "r2"}, {"source", "risk-1"}, {"target", "buy"},
                                           {"sourceHandle", "risk-output"},
                                           {"targetHandle", "risk-input"}});
  auto bt = run_doc(doc, 10, 30);
  ASSERT_TRUE(bt.is_ok()) << bt.status().to_string();
  const auto& close = d.frame.close();
  Crosses c(d.frame, 10, 30);
  size_t blocked = 0;
  for (size_t i = 1; i < close.size(); ++i) {
    if (c.up[i] && !(std::fabs(close[i] / close[i - 1] - 1) * 100 <= 1.0)) {
      c.up[i] = 0;
      ++blocked;
    }
  }
  ASSERT_GT(blocked, 0u);
  backtest::SignalOptions so;
  so.warmup = c.warmup;
  backtest::SignalStrategy s({c.up, c.down, {}, {}}, so);
  expect_same(d.run(s, BacktestOptions{}), bt->result, "risk gate");
}

// The documented broker calls of scale_out and modify_stop, written directly
// against the Broker API.
class ManagementStrategy final : public backtest::Strategy {
 public:
  ManagementStrategy(const Crosses& c, bool scale_out) : c_(c), scale_out_(scale_out) {}
  size_t warmup_bars() const override { return c_.warmup; }
  void next(size_t i, const MarketData& data, backtest::Broker& broker) override {
    if (c_.up[i]) {
      broker.close_position();
      backtest::OrderRequest r;
      r.size = 100;
      broker.buy(r);
    } else if (c_.down[i] && broker.position_size() != 0) {
      if (scale_out_) {
        broker.close_position(0.5);
      } else {
        std::vector<backtest::TradeId> ids;
        for (const auto& t : broker.trades()) ids.push_back(t.id);
        for (auto id : ids) broker.set_stop_loss(id, data.close[i] * (1 - 0.03));
      }
    }
  }

 private:
  const Crosses& c_;
  bool scale_out_;
};

TEST(WorkflowBacktest, ScaleOutAndModifyStopMatchTheirBrokerCalls) {
  const Direct d;
  const Crosses c(d.frame, 10, 30);
  for (bool scale_out : {true, false}) {
    json doc = sma_cross_doc();
    auto& buy = node(doc, "buy");
    buy["positionSizing"] = "fixed_amount";
    buy["quantity"] = 100;
    auto& sell = node(doc, "sell");
    sell["action"] = scale_out ? "scale_out" : "modify_stop";
    sell["quantity"] = 50;
    sell["stop_loss"] = 3;
    ManagementStrategy s(c, scale_out);
    BacktestOptions bo;
    bo.cash = 100000;  // 100 units of GOOG at up to ~$800
    const BacktestResult want = d.run(s, bo);
    WorkflowBacktestOptions o;
    o.cash = 100000;
    auto bt = run_doc(doc, 10, 30, o);
    ASSERT_TRUE(bt.is_ok()) << bt.status().to_string();
    ASSERT_GT(want.trades.size(), 20u);
    if (scale_out) {
      EXPECT_TRUE(std::any_of(want.trades.begin(), want.trades.end(),
                              [](const auto& t) { return t.size == 50; }));
    }
    expect_same(want, bt->result, scale_out ? "scale_out" : "modify_stop");
  }
}

TEST(WorkflowBacktest, ErrorsNameTheProblem) {
  json doc = sma_cross_doc();
  json nodes = json::array();
  for (auto& n : doc["workflow_data"]["nodes"])
    if (n["type"] != "action") nodes.push_back(n);
  doc["workflow_data"]["nodes"] = nodes;
  json edges = json::array();
  for (auto& e : doc["workflow_data"]["edges"])
    if (e["target"] != "buy" && e["target"] != "sell") edges.push_back(e);
  doc["workflow_data"]["edges"] = edges;
  auto none = run_doc(doc, 10, 30);
  ASSERT_FALSE(none.is_ok());
  EXPECT_NE(none.status().message().find("nothing to trade"), std::string::npos);

  json kelly = sma_cross_doc();
  node(kelly, "buy")["positionSizing"] = "kelly_criterion";
  auto k = run_doc(kelly, 10, 30);
  ASSERT_FALSE(k.is_ok());
  EXPECT_NE(k.status().message().find("'buy'"), std::string::npos) << k.status().message();

  WorkflowBacktestOptions o;
  o.cash = -1;
  auto c = run_doc(sma_cross_doc(), 10, 30, o);
  ASSERT_FALSE(c.is_ok());
  EXPECT_NE(c.status().message().find("cash"), std::string::npos) << c.status().message();
}

// One-minute bars from a deterministic walk; row `bad_row` (if any) has
// every price set to `bad`.
void write_minute_bars(const std::string& path, int rows, int bad_row = -1, const char* bad = "") {
  std::ofstream out(path);
  out << "timestamp,open,high,low,close,volume\n";
  double p = 100;
  for (int i = 0; i < rows; ++i) {
    p += ((i * 7919) % 13 - 6) * 0.01 + ((i / 977) % 2 ? 0.013 : -0.011);
    const int64_t t = 1'600'000'000 + 60LL * i;
    if (i == bad_row)
      out << t << "," << bad << "," << bad << "," << bad << "," << bad << ",1000\n";
    else
      out << t << "," << p << "," << p + 0.5 << "," << p - 0.5 << "," << p << ",1000\n";
  }
}

json custom_data_doc() {
  json doc = sma_cross_doc();
  for (auto& n : doc["workflow_data"]["nodes"]) {
    if (n["type"] == "dataSource") {
      n["type"] = "customDataset";
      n["data"]["parameters"] = {{"fileName", "bars.csv"}};
    }
  }
  return doc;
}

// Long series are checked on a second core while the simulation runs on the
// unchecked bars: a bad price still ends the backtest with the check's
// error (naming the row), never a result, on both paths.
TEST(WorkflowBacktest, LongSeriesWithABadPriceIsRefused) {
  const std::string dir = testing::make_temp_dir();
  for (const char* bad : {"0", "0.0"}) {  // the loader rejects negatives, fills NaN
    SCOPED_TRACE(bad);
    const std::string path = dir + "/bars.csv";
    write_minute_bars(path, 150'000, 120'000, bad);
    for (bool statistics_only : {true, false}) {
      WorkflowBacktestOptions opts;
      opts.statistics_only = statistics_only;
      const workflow::Plan plan = workflow::compile_json(custom_data_doc().dump(), {});
      ASSERT_TRUE(plan.ok());
      NodeCache cache;
      opts.run.data.data_file = path;
      auto r = backtest_plan(Engine(cache), plan, opts);
      ASSERT_FALSE(r.is_ok()) << statistics_only;
      EXPECT_NE(r.status().message().find("row 120000: open"), std::string::npos) << r.status().message();
    }
  }
}

// From 100k bars the workflow path runs its checks and Beta's benchmark half
// beside the simulation, and the crossings through the two-core filter: the
// run still equals the direct path (pandas-exact SmaCross, statistics
// computed in one piece) bit for bit.
TEST(WorkflowBacktest, LongSeriesEqualsTheDirectPath) {
  const std::string path = testing::make_temp_dir() + "/bars.csv";
  write_minute_bars(path, 250'000);
  auto frame = load_csv(path);
  ASSERT_TRUE(frame.is_ok());
  const MarketData data = *MarketData::from_frame(*frame);
  backtest::SmaCrossStrategy direct_strategy({data.close, data.size}, 10, 20);
  auto direct = backtest::run_backtest(data, direct_strategy, BacktestOptions{});
  ASSERT_TRUE(direct.is_ok());
  ASSERT_GT(direct->trades.size(), 100u);
  const std::string want = backtest::compute_statistics(data, *direct).to_json().dump();
  for (bool statistics_only : {true, false}) {
    SCOPED_TRACE(statistics_only);
    workflow::CompileOptions c;
    c.overrides = {"fast=10", "slow=20"};
    const workflow::Plan plan = workflow::compile_json(custom_data_doc().dump(), c);
    ASSERT_TRUE(plan.ok());
    NodeCache cache;
    WorkflowBacktestOptions opts;
    opts.statistics_only = statistics_only;
    opts.run.data.data_file = path;
    auto r = backtest_plan(Engine(cache), plan, opts);
    ASSERT_TRUE(r.is_ok()) << r.status().to_string();
    expect_same(*direct, r->result, "250k bars");
    EXPECT_EQ(r->statistics.to_json().dump(), want);
  }
}

}  // namespace
}  // namespace nocode::engine
