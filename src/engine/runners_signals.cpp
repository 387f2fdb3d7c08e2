// Conditions, logic gates, actions (fire recording) and the risk gate.
#include <algorithm>
#include <cmath>

#include "common/strings.h"
#include "engine/step_runner.h"

namespace nocode::engine {
namespace {

std::shared_ptr<const Frame> timeline_of(const std::vector<const Value*>& values,
                                         const StepContext& ctx) {
  return values.empty() ? ctx.base : values.front()->bars;
}

// "input-3" -> 3; anything else sorts last.
int input_number(const std::string& handle) {
  if (handle.rfind("input-", 0) != 0) return 1 << 20;
  try {
    return std::stoi(handle.substr(6));
  } catch (...) {
    return 1 << 20;
  }
}

}  // namespace

Result<StepOutput> run_condition(const workflow::Step& step, const StepContext& ctx) {
  if (!step.condition) return step_error(step, "condition not resolved");
  auto data = ctx.values(step, "data-input");
  auto value = ctx.values(step, "value-input");
  auto aux = ctx.values(step, "aux-input");
  if (!data) return data.status();
  if (!value) return value.status();
  if (!aux) return aux.status();
  const auto timeline = timeline_of(*data, ctx);
  if (!timeline) return step_error(step, "nothing on data-input and no data source");
  std::vector<double> left, right, third;
  ConditionInputs in;
  in.n = timeline->rows();
  in.bars = timeline->has_ohlc() ? timeline.get() : nullptr;
  if (!data->empty()) {
    left = numbers_on(*data->front(), *timeline);
    in.left = left.data();
  }
  // R: value-input, else a second edge on data-input, else the constant.
  const Value* r = !value->empty() ? value->front() : data->size() > 1 ? (*data)[1] : nullptr;
  if (r) {
    right = numbers_on(*r, *timeline);
    in.right = right.data();
  }
  if (!aux->empty()) {
    third = numbers_on(*aux->front(), *timeline);
    in.aux = third.data();
  }
  Result<Signal> s = evaluate_condition(*step.condition, in, step.condition_params);
  if (!s) return step_error(step, s.status().message());
  StepOutput out;
  put_all(step, signal_value(timeline, std::move(*s)), out);
  out.kernels = 1;
  return out;
}

Result<StepOutput> run_logic(const workflow::Step& step, const StepContext& ctx) {
  std::vector<const workflow::InputBinding*> bindings;
  for (const auto& b : step.inputs) bindings.push_back(&b);
  std::stable_sort(bindings.begin(), bindings.end(), [](const auto* a, const auto* b) {
    return input_number(a->handle) < input_number(b->handle);
  });
  std::vector<const Value*> values;
  for (const auto* b : bindings) {
    auto v = ctx.value(step, *b);
    if (!v) return v.status();
    values.push_back(*v);
  }
  const auto timeline = timeline_of(values, ctx);
  if (!timeline) return step_error(step, "no inputs and no data source");
  std::vector<Signal> signals;
  for (const Value* v : values) signals.push_back(truth_on(*v, *timeline));
  std::vector<const Signal*> ptrs;
  for (const auto& s : signals) ptrs.push_back(&s);
  const std::string op = text_param(step, "operation", "AND");
  Result<Signal> s = evaluate_logic(op, ptrs, timeline->rows());
  if (!s) return step_error(step, s.status().message());
  StepOutput out;
  put_all(step, signal_value(timeline, std::move(*s)), out);
  out.kernels = 1;
  return out;
}

std::string decision_of(const std::string& action) {
  const std::string a = to_lower(action);
  if (a == "buy" || a == "buy_limit" || a == "buy_stop" || a == "long") return "BUY";
  if (a == "sell" || a == "sell_limit" || a == "sell_stop" || a == "short") return "SELL";
  return to_upper(action);
}

Result<StepOutput> run_action(const workflow::Step& step, const StepContext& ctx) {
  auto in = ctx.values(step, "signal-input");
  if (!in) return in.status();
  const auto timeline = timeline_of(*in, ctx);
  ActionFires fires;
  fires.node_id = step.node_id;
  fires.action = text_param(step, "action", "buy");
  fires.decision = decision_of(fires.action);
  StepOutput out;
  if (timeline) {
    // Several edges on signal-input fire on any of them (OR).
    Signal any(timeline->rows(), 0);
    for (const Value* v : *in) {
      const Signal s = truth_on(*v, *timeline);
      for (size_t i = 0; i < any.size(); ++i) any[i] |= s[i];
    }
    for (size_t i = 0; i < any.size(); ++i) {
      if (!any[i]) continue;
      fires.bars.push_back(i);
      fires.timestamps.push_back(timeline->timestamps()[i]);
    }
    out.kernels = 1;
  }
  out.fires = std::move(fires);
  return out;
}

// subithan's gate: |close[t] / close[t-1] - 1| * 100 <= maxLoss (true where
// undefined), ANDed with signal-input when wired.
Result<StepOutput> run_risk(const workflow::Step& step, const StepContext& ctx) {
  auto data = ctx.values(step, "data-input");
  auto sig = ctx.values(step, "signal-input");
  if (!data) return data.status();
  if (!sig) return sig.status();
  std::shared_ptr<const Frame> timeline = !data->empty() ? data->front()->bars : ctx.base;
  if (!timeline && !sig->empty()) timeline = sig->front()->bars;
  if (!timeline) return step_error(step, "no input and no data source");
  const double max_loss = number_param(step, "maxLoss", 2.0);
  std::vector<double> close;
  if (!data->empty()) {
    close = numbers_on(*data->front(), *timeline);
  } else {
    Result<std::vector<double>> c = bar_column(*timeline, "close");
    if (!c) return step_error(step, c.status().message());
    close = std::move(*c);
  }
  Signal gate(timeline->rows(), 1);
  for (size_t t = 1; t < gate.size(); ++t) {
    const double change = std::fabs(close[t] / close[t - 1] - 1.0) * 100.0;
    if (!std::isnan(change) && !(change <= max_loss)) gate[t] = 0;
  }
  for (const Value* v : *sig) {
    const Signal s = truth_on(*v, *timeline);
    for (size_t i = 0; i < gate.size(); ++i) gate[i] &= s[i];
  }
  StepOutput out;
  put_all(step, signal_value(timeline, std::move(gate)), out);
  out.kernels = 1;
  return out;
}

}  // namespace nocode::engine
