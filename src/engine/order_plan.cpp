// OrderPlan: reading action / backtest nodes into rules, and replaying fires
// through the broker.
#include "engine/order_plan.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

#include "backtest/broker.h"
#include "common/strings.h"

namespace nocode::engine {
namespace {

using backtest::kAllIn;
using backtest::OrderRequest;
using workflow::Step;

Status param_error(const Step& step, const std::string& name, const std::string& what) {
  return Status::invalid_argument("node '" + step.node_id + "' (" + step.type + "), parameter '" +
                                  name + "': " + what);
}

// A number parameter; null / absent = `fallback`. Strings holding numbers are
// accepted (editor forms store some numbers as text).
Result<double> number_of(const Step& step, const char* name, double fallback) {
  auto it = step.params.find(name);
  if (it == step.params.end() || it->is_null()) return fallback;
  if (it->is_number()) return it->get<double>();
  if (it->is_string()) {
    const std::string s(trim(it->get<std::string>()));
    if (s.empty()) return fallback;
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (end && *end == '\0') return v;
  }
  return param_error(step, name, "expected a number, got " + it->dump());
}

std::string text_of(const Step& step, const char* name, const std::string& fallback) {
  auto it = step.params.find(name);
  if (it == step.params.end() || !it->is_string()) return fallback;
  return to_lower(std::string(trim(it->get<std::string>())));
}

// Fraction of equity or units from the editor's positionSizing + quantity.
Result<double> size_of(const Step& step, double sl_pct) {
  const std::string sizing = text_of(step, "positionSizing", "percentage");
  Result<double> q = number_of(step, "quantity", 10);
  if (!q) return q.status();
  if (!(*q > 0) || !std::isfinite(*q)) return param_error(step, "quantity", "must be > 0");
  if (sizing == "percentage") return *q >= 100 ? kAllIn : *q / 100;
  if (sizing == "equal_weight") return kAllIn;
  if (sizing == "fixed_amount" || sizing == "fixed") {
    if (*q < 1 || std::floor(*q) != *q)
      return param_error(step, "quantity", "fixed_amount sizing needs a whole number of units >= 1");
    return *q;
  }
  if (sizing == "fixed_risk") {  // risk quantity% of equity over a stop sl_pct away
    if (!(sl_pct > 0))
      return param_error(step, "positionSizing", "fixed_risk needs stop_loss > 0");
    const double f = (*q / 100) / sl_pct;
    return f >= 1 ? kAllIn : f;
  }
  return param_error(step, "positionSizing",
                     "'" + sizing + "' is not supported by the backtester (use percentage, "
                     "fixed_amount, fixed_risk or equal_weight)");
}

Status read_order_type(const Step& step, const std::string& action, OrderRule& r) {
  std::string type = text_of(step, "order_type", "market");
  if (action.ends_with("_limit")) type = "limit";
  if (action.ends_with("_stop") && action != "trailing_stop") type = "stop";
  Result<double> off = number_of(step, "price_offset", 0);
  if (!off) return off.status();
  const double o = *off / 100;
  if (type == "limit") r.limit_offset = o;
  else if (type == "stop") r.stop_offset = o;
  else if (type == "stop_limit") r.stop_offset = r.limit_offset = o;
  else if (type != "market" && type != "bracket" && type != "iceberg" && type != "twap" &&
           type != "vwap")
    return param_error(step, "order_type", "'" + type + "' is not supported by the backtester");
  return Status::ok();
}

Result<Intent> intent_of(const Step& step, const std::string& a) {
  if (a == "buy" || a == "long" || a == "buy_limit" || a == "buy_stop") return Intent::kLong;
  if (a == "sell" || a == "short" || a == "sell_limit" || a == "sell_stop") return Intent::kShort;
  if (a == "close_long") return Intent::kCloseLong;
  if (a == "close_short") return Intent::kCloseShort;
  if (a == "close_all" || a == "take_profit" || a == "stop_loss" || a == "trailing_stop" ||
      a == "risk_off" || a == "emergency_exit")
    return Intent::kFlat;
  if (a == "scale_in") return Intent::kScaleIn;
  if (a == "scale_out") return Intent::kScaleOut;
  if (a == "modify_stop" || a == "modify_target") return Intent::kModify;
  return param_error(step, "action", "'" + a + "' is not supported by the single-symbol backtester");
}

Status read_sl_tp(const Step& step, const char* sl, const char* tp, OrderRule& r) {
  Result<double> s = number_of(step, sl, 0), t = number_of(step, tp, 0);
  if (!s) return s.status();
  if (!t) return t.status();
  if (*s < 0 || *s >= 100) return param_error(step, sl, "expected a percentage in [0, 100)");
  if (*t < 0) return param_error(step, tp, "expected a percentage >= 0");
  r.sl_pct = *s / 100;
  r.tp_pct = *t / 100;
  return Status::ok();
}

}  // namespace

bool is_entry(Intent intent) {
  return intent == Intent::kLong || intent == Intent::kShort || intent == Intent::kScaleIn;
}

Result<OrderRule> action_rule(const Step& step) {
  OrderRule r;
  r.node_id = step.node_id;
  const std::string action = text_of(step, "action", "buy");
  Result<Intent> intent = intent_of(step, action);
  if (!intent) return intent.status();
  r.intent = *intent;
  NOCODE_RETURN_IF_ERROR(read_sl_tp(step, "stop_loss", "take_profit", r));
  if (is_entry(r.intent)) {
    Result<double> size = size_of(step, r.sl_pct);
    if (!size) return size.status();
    r.size = *size;
    NOCODE_RETURN_IF_ERROR(read_order_type(step, action, r));
  }
  if (r.intent == Intent::kScaleOut) {
    Result<double> q = number_of(step, "quantity", 50);
    if (!q) return q.status();
    if (!(*q > 0)) return param_error(step, "quantity", "scale_out needs a percentage > 0");
    r.portion = std::min(1.0, *q / 100);
  }
  if (r.intent == Intent::kModify) {
    r.modify_sl = action == "modify_stop";
    r.modify_tp = action == "modify_target";
  }
  return r;
}

Result<OrderRule> backtest_rule(const Step& step) {
  OrderRule r;
  r.node_id = step.node_id;
  Result<double> size = number_of(step, "size", kAllIn);
  if (!size) return size.status();
  if (!(*size > 0) || !std::isfinite(*size) || (*size >= 1 && std::floor(*size) != *size))
    return param_error(step, "size", "expected a fraction in (0, 1) or whole units >= 1");
  r.size = *size;
  NOCODE_RETURN_IF_ERROR(read_sl_tp(step, "slPct", "tpPct", r));
  return r;
}

void PlanStrategy::next(size_t i, const backtest::MarketData& data, backtest::Broker& broker) {
  const auto& fires = plan_.fires;
  while (cursor_ < fires.size() && fires[cursor_].bar < i) ++cursor_;
  size_t end = cursor_;
  while (end < fires.size() && fires[end].bar == i) ++end;
  if (end == cursor_) return;
  const double close = data.close[i];
  // The bar's first entry decides; exits run only when it placed no order.
  for (size_t k = cursor_; k < end; ++k) {
    if (!is_entry(fires[k].intent)) continue;
    if (enter(plan_.rules[fires[k].rule], fires[k], close, broker)) return;
    break;
  }
  for (size_t k = cursor_; k < end; ++k) {  // once the position is closed, later exits are moot
    if (!is_entry(fires[k].intent) && leave(plan_.rules[fires[k].rule], fires[k].intent, close, broker))
      return;
  }
}

size_t PlanStrategy::next_action_bar(size_t i, const backtest::Broker& broker) const {
  (void)broker;
  // A short walk from the cursor (next() keeps it at the current bar's
  // fires), then a binary search if the walk runs long.
  const auto& fires = plan_.fires;
  size_t k = cursor_;
  for (const size_t stop = std::min(fires.size(), cursor_ + 8); k < stop; ++k)
    if (fires[k].bar >= i) return fires[k].bar;
  const auto it = std::lower_bound(fires.begin() + static_cast<std::ptrdiff_t>(k), fires.end(), i,
                                   [](const Fire& f, size_t bar) { return f.bar < bar; });
  return it == fires.end() ? SIZE_MAX : it->bar;
}

bool PlanStrategy::enter(const OrderRule& rule, const Fire& fire, double close,
                         backtest::Broker& broker) {
  const Intent intent = fire.intent;
  const double pos = broker.position_size();
  bool is_long = intent == Intent::kLong;
  if (intent == Intent::kScaleIn) {
    if (pos == 0) return false;
    is_long = pos > 0;
  } else {
    if (!fire.fresh) {  // a continuing trigger holds its side
      if (is_long ? pos > 0 : pos < 0) return false;
      for (const auto& o : broker.orders()) {  // an entry that side still pending
        if (o.role == backtest::OrderRole::kEntry && (o.size > 0) == is_long) return false;
      }
    }
    if (pos != 0) broker.close_position();
  }
  const double dir = is_long ? 1.0 : -1.0;
  OrderRequest r;
  r.size = rule.size;
  if (rule.sl_pct > 0) r.sl = close * (1 - dir * rule.sl_pct);
  if (rule.tp_pct > 0) r.tp = close * (1 + dir * rule.tp_pct);
  if (!std::isnan(rule.limit_offset)) r.limit = close * (1 + rule.limit_offset);
  if (!std::isnan(rule.stop_offset)) r.stop = close * (1 + rule.stop_offset);
  if (is_long)
    broker.buy(r);
  else
    broker.sell(r);
  return true;
}

bool PlanStrategy::leave(const OrderRule& rule, Intent intent, double close,
                         backtest::Broker& broker) {
  const double pos = broker.position_size();
  if (pos == 0) return false;
  switch (intent) {
    case Intent::kFlat: broker.close_position(); return true;
    case Intent::kCloseLong:
      if (pos > 0) broker.close_position();
      return pos > 0;
    case Intent::kCloseShort:
      if (pos < 0) broker.close_position();
      return pos < 0;
    case Intent::kScaleOut: broker.close_position(rule.portion); return rule.portion >= 1;
    case Intent::kModify: {
      std::vector<std::pair<backtest::TradeId, double>> open;  // setters may touch the book
      for (const auto& t : broker.trades()) open.emplace_back(t.id, t.is_long() ? 1.0 : -1.0);
      for (const auto& [id, dir] : open) {
        if (rule.modify_sl && rule.sl_pct > 0) broker.set_stop_loss(id, close * (1 - dir * rule.sl_pct));
        if (rule.modify_tp && rule.tp_pct > 0) broker.set_take_profit(id, close * (1 + dir * rule.tp_pct));
      }
      return false;
    }
    default: return false;
  }
}

}  // namespace nocode::engine
