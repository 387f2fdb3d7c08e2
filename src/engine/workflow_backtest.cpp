// backtest_plan: engine run -> OrderPlan (order_plan.h) -> simulator ->
// statistics. Semantics: docs/backtest.md, "Backtesting a workflow".
#include "engine/workflow_backtest.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <optional>
#include <unordered_map>

#include "common/side_thread.h"
#include "engine/exact_crosses.h"
#include "engine/order_plan.h"

namespace nocode::engine {
namespace {

using workflow::Plan;
using workflow::Step;
using workflow::StepKind;

bool is_data_step(const Step& s) {
  return s.kind == StepKind::kDataSource || s.kind == StepKind::kCustomDataset;
}

const Step* find_backtest_step(const Plan& plan) {
  for (const auto& s : plan.steps)
    if (s.kind == StepKind::kBacktest) return &s;
  return nullptr;
}

// The traded bars: the first data step's OHLCV columns on the base timeline.
Result<std::shared_ptr<const Frame>> traded_bars(const Plan& plan, const RunResult& r) {
  for (const auto& s : plan.steps) {
    if (!is_data_step(s) || s.outputs.empty()) continue;
    auto bars = std::make_shared<Frame>(r.features.shared_timestamps());  // shared, not copied
    for (const char* f : {"open", "high", "low", "close", "volume"}) {
      Frame::ColumnPtr c = r.features.shared_column(s.outputs.front().column + "." + f);
      if (c) (void)bars->set_column(f, std::move(c));
    }
    if (!bars->has_ohlc())
      return Status::invalid_argument("node '" + s.node_id +
                                      "': the data has no open/high/low/close columns to trade");
    return std::shared_ptr<const Frame>(std::move(bars));
  }
  return Status::invalid_argument("the workflow has no data source to trade");
}

// A column produced for a binding: signals first (0/1), then numeric series.
const std::vector<double>* column_of(const RunResult& r, const std::string& name) {
  if (const auto* c = r.signals.column(name)) return c;
  return r.features.column(name);
}

// Broker settings: the backtest node's parameters, then the overrides.
Result<backtest::BacktestOptions> broker_options(const Step* node,
                                                 const WorkflowBacktestOptions& o) {
  backtest::BacktestOptions b;
  if (node) {
    const auto& p = node->params;
    auto num = [&](const char* k, double& v) {
      auto it = p.find(k);
      if (it != p.end() && it->is_number()) v = it->get<double>();
    };
    auto flag = [&](const char* k, bool& v) {
      auto it = p.find(k);
      if (it != p.end() && it->is_boolean()) v = it->get<bool>();
    };
    num("cash", b.cash);
    num("commission", b.commission);
    num("commissionFixed", b.commission_fixed);
    num("spreadBps", b.spread_bps);
    num("margin", b.margin);
    flag("tradeOnClose", b.trade_on_close);
    flag("hedging", b.hedging);
    flag("exclusiveOrders", b.exclusive_orders);
    flag("finalizeTrades", b.finalize_trades);
    if (Status s = backtest::validate(b); !s.is_ok())
      return Status::invalid_argument("node '" + node->node_id + "' (backtest): " + s.message());
  }
  if (o.cash) b.cash = *o.cash;
  if (o.commission) b.commission = *o.commission;
  if (o.exclusive_orders) b.exclusive_orders = *o.exclusive_orders;
  if (o.finalize_trades) b.finalize_trades = *o.finalize_trades;
  if (Status s = backtest::validate(b); !s.is_ok())
    return Status::invalid_argument("broker settings: " + s.message());
  return b;
}

// The backtest node's signal inputs: per bar the sum of the inputs' values;
// > 0 long, < 0 short, 0 flat, NaN no decision.
Status signal_fires(const Step& node, const RunResult& r, OrderPlan& plan) {
  Result<OrderRule> rule = backtest_rule(node);
  if (!rule) return rule.status();
  plan.rules.push_back(std::move(*rule));
  std::vector<double> target(r.features.rows(), 0.0);
  for (const auto& b : node.inputs) {
    if (b.handle != "signal-input") continue;
    const std::vector<double>* c = column_of(r, b.column);
    if (!c) {
      return Status::invalid_argument("node '" + node.node_id + "' (backtest): input '" +
                                      b.column + "' is not a signal or numeric series");
    }
    for (size_t i = 0; i < target.size(); ++i) target[i] += (*c)[i];
  }
  for (size_t i = 0; i < target.size(); ++i) {
    const double t = target[i];
    if (std::isnan(t)) continue;
    const Intent in = t > 0 ? Intent::kLong : t < 0 ? Intent::kShort : Intent::kFlat;
    plan.fires.push_back(Fire{static_cast<uint32_t>(i), 0, in});
  }
  return Status::ok();
}

// The conditions feeding the actions' signal inputs that exact_crosses()
// re-evaluates, each once, in plan order.
std::vector<const Step*> exact_conditions(const Plan& p, const std::string& bars_column) {
  std::vector<bool> seen(p.steps.size(), false);
  std::vector<const Step*> out;
  for (const auto& step : p.steps) {
    if (step.kind != StepKind::kAction) continue;
    for (const auto& b : step.inputs) {
      if (b.handle != "signal-input" || seen[b.step]) continue;
      seen[b.step] = true;
      if (is_exact_cross(p, p.steps[b.step], bars_column)) out.push_back(&p.steps[b.step]);
    }
  }
  return out;
}

// The bars where exact_conditions() are true, by step index.
using ExactBars = std::unordered_map<size_t, std::vector<size_t>>;
ExactBars exact_bars(const Plan& p, const std::vector<const Step*>& conds, const Frame& bars,
                     const std::string& bars_column) {
  ExactBars out;
  std::optional<std::vector<std::vector<size_t>>> s = exact_crosses(p, conds, bars, bars_column);
  if (!s) return out;
  for (size_t k = 0; k < conds.size(); ++k)
    out.emplace(static_cast<size_t>(conds[k] - p.steps.data()), std::move((*s)[k]));
  return out;
}

// An action fed only by SMA crossover / crossunder conditions: the bars its
// trigger fires on, re-evaluated the way backtesting.py computes it
// (exact_crosses.h; any of its inputs true). nullopt for other actions.
std::optional<std::vector<size_t>> exact_trigger(const Step& action, const ExactBars& exact) {
  std::optional<std::vector<size_t>> bars;
  for (const auto& b : action.inputs) {
    if (b.handle != "signal-input") continue;
    auto it = exact.find(b.step);
    if (it == exact.end()) return {};
    if (!bars) {
      bars = it->second;
      continue;
    }
    std::vector<size_t> merged;  // any input true
    merged.reserve(bars->size() + it->second.size());
    std::set_union(bars->begin(), bars->end(), it->second.begin(), it->second.end(),
                   std::back_inserter(merged));
    *bars = std::move(merged);
  }
  return bars;
}

// Sorts `fires` by bar, stably, given that it is the concatenation of runs
// starting at `starts` that are each already in bar order (a merge per run
// instead of a sort).
void merge_runs(std::vector<Fire>& fires, const std::vector<size_t>& starts) {
  auto by_bar = [](const Fire& a, const Fire& b) { return a.bar < b.bar; };
  size_t merged_to = 0;
  for (size_t k = 0; k < starts.size(); ++k) {
    const size_t end = k + 1 < starts.size() ? starts[k + 1] : fires.size();
    const auto begin = fires.begin();
    if (!std::is_sorted(begin + starts[k], begin + end, by_bar)) {
      std::stable_sort(fires.begin(), fires.end(), by_bar);
      return;
    }
    std::inplace_merge(begin, begin + merged_to, begin + end, by_bar);
    merged_to = end;
  }
}

// Every action step's fires on the base timeline, gated by its risk-input
// gates (all must be true on the bar).
Status action_fires(const Plan& p, const RunResult& r, const Frame& bars,
                    const std::vector<const Step*>& exact_conds, const std::string& bars_column,
                    OrderPlan& plan) {
  const auto& ts = r.features.timestamps();
  const ExactBars exact_by_step = exact_bars(p, exact_conds, bars, bars_column);
  std::vector<size_t> run_starts;  // each action appends its fires in bar order
  for (const auto& step : p.steps) {
    if (step.kind != StepKind::kAction) continue;
    run_starts.push_back(plan.fires.size());
    Result<OrderRule> rule = action_rule(step);
    if (!rule) return rule.status();
    const auto idx = static_cast<uint32_t>(plan.rules.size());
    const Intent intent = rule->intent;
    plan.rules.push_back(std::move(*rule));
    std::vector<const std::vector<double>*> gates;
    for (const auto& b : step.inputs)
      if (b.handle == "risk-input")
        if (const auto* g = r.signals.column(b.column)) gates.push_back(g);
    std::vector<size_t> bars_fired;
    if (std::optional<std::vector<size_t>> exact = exact_trigger(step, exact_by_step)) {
      bars_fired = std::move(*exact);
    } else {
      auto it = std::find_if(r.actions.begin(), r.actions.end(),
                             [&](const ActionFires& a) { return a.node_id == step.node_id; });
      if (it == r.actions.end()) continue;
      for (int64_t t : it->timestamps) {  // first base bar at or after the fire
        const size_t i = std::lower_bound(ts.begin(), ts.end(), t) - ts.begin();
        if (i < ts.size()) bars_fired.push_back(i);
      }
    }
    bars_fired.erase(std::unique(bars_fired.begin(), bars_fired.end()), bars_fired.end());
    size_t prev = SIZE_MAX;  // the rule's previous (gated) fire
    for (size_t i : bars_fired) {
      bool open = true;
      for (const auto* g : gates) open = open && (*g)[i] != 0 && !std::isnan((*g)[i]);
      if (!open) continue;
      plan.fires.push_back(Fire{static_cast<uint32_t>(i), idx, intent, prev + 1 != i});
      prev = i;
    }
  }
  merge_runs(plan.fires, run_starts);
  return Status::ok();
}

size_t leading_nans(const std::vector<double>& v) {
  size_t n = 0;
  while (n < v.size() && std::isnan(v[n])) ++n;
  return n;
}

// backtesting.py's warm-up: the most leading NaNs over the numeric series
// the decisions depend on (every output of every non-data ancestor step).
size_t warmup_of(const Plan& p, const std::vector<size_t>& roots, const RunResult& r) {
  std::vector<bool> seen(p.steps.size(), false);
  std::vector<size_t> stack = roots;
  size_t w = 0;
  while (!stack.empty()) {
    const size_t k = stack.back();
    stack.pop_back();
    if (seen[k]) continue;
    seen[k] = true;
    const Step& s = p.steps[k];
    if (is_data_step(s)) continue;
    for (const auto& o : s.outputs)
      if (const auto* c = r.features.column(o.column)) w = std::max(w, leading_nans(*c));
    for (const auto& b : s.inputs) stack.push_back(b.step);
  }
  return w;
}

// The column name of the traded data step's bars ("data-1").
std::string bars_column_of(const Plan& plan) {
  for (const auto& s : plan.steps)
    if (is_data_step(s) && !s.outputs.empty()) return s.outputs.front().column;
  return "";
}

bool has_signal_inputs(const Step* node) {
  if (!node) return false;
  return std::any_of(node->inputs.begin(), node->inputs.end(),
                     [](const auto& b) { return b.handle == "signal-input"; });
}

// The lean path applies when every action is triggered only by exact SMA
// crosses (re-evaluated from the bars anyway, so the engine's indicator,
// condition and fire columns would go unused) and has no other input, and
// the plan has one data step.
bool lean_eligible(const Plan& p, const std::string& bars_column) {
  size_t data_steps = 0;
  for (const auto& step : p.steps) {
    if (is_data_step(step)) ++data_steps;
    if (step.kind != StepKind::kAction) continue;
    if (step.inputs.empty()) return false;
    for (const auto& b : step.inputs)
      if (b.handle != "signal-input" || !is_exact_cross(p, p.steps[b.step], bars_column)) return false;
  }
  return data_steps == 1;
}

// The traded bars as the simulator reads them, not yet checked.
backtest::MarketData unchecked_view(const Frame& bars) {
  backtest::MarketData md;
  md.timestamps = bars.timestamps().data();
  md.open = bars.column("open")->data();  // traded_bars() requires OHLC
  md.high = bars.column("high")->data();
  md.low = bars.column("low")->data();
  md.close = bars.column("close")->data();
  md.size = bars.rows();
  return md;
}

// Below this many bars a second thread costs more than it saves.
constexpr size_t kParallelBars = 100'000;

// Statistics-only backtests of such plans: the engine runs the data step
// alone, the decisions and the warm-up come from the exact means (whose
// warm-up equals the engine's SMAs' when exact_warmup() says so). nullopt:
// the path does not apply, run the whole plan.
std::optional<Status> lean_decide(const Engine& engine, const Plan& plan,
                                  const WorkflowBacktestOptions& options, WorkflowBacktest& out,
                                  OrderPlan& orders) {
  const std::string column = bars_column_of(plan);
  if (!lean_eligible(plan, column)) return std::nullopt;
  workflow::Plan lean;
  lean.name = plan.name;
  for (const auto& s : plan.steps)
    if (is_data_step(s)) lean.steps.push_back(s);
  Result<RunResult> run = engine.run(lean, options.run);
  if (!run) return run.status();
  Result<std::shared_ptr<const Frame>> bars = traded_bars(lean, *run);
  if (!bars) return bars.status();
  const std::vector<const Step*> conds = exact_conditions(plan, column);
  std::optional<size_t> warmup = exact_warmup(plan, conds, **bars, column);
  if (!warmup) return std::nullopt;
  OrderPlan o;
  NOCODE_RETURN_IF_ERROR(action_fires(plan, *run, **bars, conds, column, o));
  o.warmup = *warmup;
  out.run = std::move(*run);
  out.bars = std::move(*bars);
  orders = std::move(o);
  return Status::ok();
}

// The whole plan through the engine, then the decisions.
Status full_decide(const Engine& engine, const Plan& plan, const Step* node, bool by_signal,
                   const std::vector<size_t>& roots, const WorkflowBacktestOptions& options,
                   WorkflowBacktest& out, OrderPlan& orders) {
  Result<RunResult> run = engine.run(plan, options.run);
  if (!run) return run.status();
  out.run = std::move(*run);
  Result<std::shared_ptr<const Frame>> bars = traded_bars(plan, out.run);
  if (!bars) return bars.status();
  out.bars = *bars;
  if (by_signal) {
    NOCODE_RETURN_IF_ERROR(signal_fires(*node, out.run, orders));
    for (const auto& s : plan.steps)
      if (s.kind == StepKind::kAction)
        out.run.notes.push_back("action node '" + s.node_id +
                                "' is not traded: the backtest node's signal inputs decide");
  } else {
    const std::string column = bars_column_of(plan);
    NOCODE_RETURN_IF_ERROR(
        action_fires(plan, out.run, *out.bars, exact_conditions(plan, column), column, orders));
  }
  orders.warmup = warmup_of(plan, roots, out.run);
  return Status::ok();
}

}  // namespace

Result<WorkflowBacktest> backtest_plan(const Engine& engine, const Plan& plan,
                                       const WorkflowBacktestOptions& options) {
  const Step* node = find_backtest_step(plan);
  const bool by_signal = has_signal_inputs(node);
  std::vector<size_t> roots;
  for (size_t k = 0; k < plan.steps.size(); ++k) {
    const auto kind = plan.steps[k].kind;
    if (by_signal ? kind == StepKind::kBacktest : kind == StepKind::kAction) roots.push_back(k);
  }
  if (roots.empty()) {
    return Status::invalid_argument(
        "nothing to trade: the workflow has no action node and no backtest node with a "
        "signal-input edge");
  }
  WorkflowBacktest out;
  Result<backtest::BacktestOptions> bopts = broker_options(node, options);
  if (!bopts) return bopts.status();
  out.options = *bopts;
  OrderPlan orders;
  std::optional<Status> lean;
  if (options.statistics_only && !by_signal)
    lean = lean_decide(engine, plan, options, out, orders);
  if (lean) {
    NOCODE_RETURN_IF_ERROR(*lean);
  } else {
    NOCODE_RETURN_IF_ERROR(full_decide(engine, plan, node, by_signal, roots, options, out, orders));
  }
  // The bars' checks (a 1M-bar check reads 40 MB), then Beta's benchmark
  // half, run on a second core while this one simulates on the unchecked
  // view; nothing is returned before the checks pass. The simulator only
  // does arithmetic on prices, so bad ones cannot derail it beyond a result
  // that is then discarded.
  backtest::MarketData md = unchecked_view(*out.bars);
  std::optional<Result<backtest::MarketData>> checked;
  backtest::BenchmarkReturns returns;
  std::optional<SideJob> side;  // declared last: waits before the above go
  if (md.size >= kParallelBars) {
    const std::span<const double> close(md.close, md.size);
    side = SideJob::start([&checked, &returns, close, &bars = *out.bars] {
      checked = backtest::MarketData::from_frame(bars);
      if (*checked) returns = backtest::benchmark_returns(close);
    });
  }
  auto checks_passed = [&]() -> Status {
    side->get();
    return checked->status();
  };
  if (side) {
    md.checked = true;  // being checked; see above
  } else {
    Result<backtest::MarketData> m = backtest::MarketData::from_frame(*out.bars);
    if (!m) return m.status();
    md = *m;
  }
  if (orders.warmup + 1 >= md.size) {
    if (side) NOCODE_RETURN_IF_ERROR(checks_passed());
    return Status::invalid_argument("the decisions' inputs are undefined (NaN) for " +
                                    std::to_string(orders.warmup) + " of " +
                                    std::to_string(md.size) + " bars: nothing left to trade");
  }
  PlanStrategy strategy(orders);
  Result<backtest::BacktestResult> res = backtest::run_backtest(md, strategy, out.options);
  if (side) NOCODE_RETURN_IF_ERROR(checks_passed());
  if (!res) return res.status();
  out.result = std::move(*res);
  out.statistics = backtest::compute_statistics(md, out.result, side ? &returns : nullptr);
  if (options.statistics_only) {
    out.run.features = Frame();
    out.run.signals = Frame();
  }
  return out;
}

}  // namespace nocode::engine
