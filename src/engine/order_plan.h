// OrderPlan: a workflow's trading decisions as a backtest strategy. The rules
// (one per action node, or one for a `backtest` node's signal inputs) say how
// a decision becomes broker calls; the fires say on which bars which rule
// decided what. PlanStrategy replays them through backtesting.py's API
// (buy / sell / position.close). Semantics: docs/backtest.md, "Backtesting a
// workflow".
//
// Rules and plans are plain values; a PlanStrategy belongs to one run on one
// thread (it keeps a cursor into the plan).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "backtest/strategy.h"
#include "common/status.h"
#include "workflow/plan.h"

namespace nocode::engine {

// What one decision asks for.
enum class Intent : uint8_t {
  kLong,        // close the position and buy (a continuing fire: hold if long already)
  kShort,       // be short: mirrored
  kFlat,        // close the whole position (any side)
  kCloseLong,   // close the position if it is long
  kCloseShort,  // close the position if it is short
  kScaleIn,     // add to the position in its direction (nothing when flat)
  kScaleOut,    // close `portion` of every open trade
  kModify,      // move SL / TP of every open trade to the rule's percentages
};

// How one action node (or the backtest node) trades.
struct OrderRule {
  std::string node_id;
  Intent intent = Intent::kLong;  // action nodes: fixed; backtest node: per fire
  double size = backtest::kAllIn;  // fraction of equity in (0, 1) or whole units >= 1
  double sl_pct = 0;               // fraction of Close[i], 0 = none
  double tp_pct = 0;
  double limit_offset = backtest::kNone;  // limit price = Close[i] * (1 + offset)
  double stop_offset = backtest::kNone;   // stop price = Close[i] * (1 + offset)
  double portion = 1.0;                   // kScaleOut
  bool modify_sl = false, modify_tp = false;  // kModify
};

// One decision: rule `rule` fired at `bar` asking for `intent`. `fresh`: the
// rule did not fire on the previous bar (a new trigger, e.g. a crossover);
// a fresh entry always closes and re-enters (backtesting.py's
// `position.close(); self.buy()`), a continuing one holds a position or a
// pending entry already on its side.
struct Fire {
  uint32_t bar = 0;
  uint32_t rule = 0;
  Intent intent = Intent::kLong;
  bool fresh = false;
};

struct OrderPlan {
  std::vector<OrderRule> rules;
  std::vector<Fire> fires;  // sorted by bar, then rule (plan order)
  size_t warmup = 0;        // Strategy::warmup_bars
};

// The rule of an action step; errors name the node and parameter (an action
// or sizing the backtester cannot model, a size that is not a whole number).
Result<OrderRule> action_rule(const workflow::Step& step);
// The rule of a backtest step (sizing from size / slPct / tpPct).
Result<OrderRule> backtest_rule(const workflow::Step& step);
// True for action names that open positions (entries), which suppress the
// same bar's exits.
bool is_entry(Intent intent);

class PlanStrategy final : public backtest::Strategy {
 public:
  explicit PlanStrategy(const OrderPlan& plan) : plan_(plan) {}
  size_t warmup_bars() const override { return plan_.warmup; }
  void next(size_t i, const backtest::MarketData& data, backtest::Broker& broker) override;
  // next() acts only on bars with fires: the first fire's bar >= i.
  size_t next_action_bar(size_t i, const backtest::Broker& broker) const override;

 private:
  bool enter(const OrderRule& rule, const Fire& fire, double close, backtest::Broker& broker);
  // True when it queued closing the whole position.
  bool leave(const OrderRule& rule, Intent intent, double close, backtest::Broker& broker);
  const OrderPlan& plan_;
  size_t cursor_ = 0;
};

}  // namespace nocode::engine
