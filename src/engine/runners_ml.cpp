// ML data steps: feature transforms and labels (transform registry), splits
// (ml/split.h) and the score-to-signal step. The model step itself is in
// runners_model.cpp.

#include "common/strings.h"
#include "common/numeric.h"
#include "engine/step_runner.h"
#include "ml/split.h"
#include "ml/training_set.h"

namespace nocode::engine {
namespace {

bool is_bar_field(const std::string& name) {
  return name == "open" || name == "high" || name == "low" || name == "close" || name == "volume";
}

}  // namespace

// Series inputs named x / a / b take the data-input edges in order (a bars
// input gives its `column`, default close); inputs named after a bar field
// (close, high, low) read that column of the first input's bars.
Result<StepOutput> run_transform(const workflow::Step& step, const StepContext& ctx) {
  if (!step.transform) return step_error(step, "transform not resolved");
  const transforms::TransformSpec& spec = *step.transform;
  auto in = ctx.values(step, "data-input");
  if (!in) return in.status();
  const auto timeline = in->empty() ? ctx.base : in->front()->bars;
  if (!timeline) return step_error(step, "nothing on data-input and no data source");
  const std::string column = text_param(step, "column", "close");
  std::vector<std::vector<double>> arrays;
  std::vector<const double*> series;
  arrays.reserve(spec.inputs.size());
  size_t next_edge = 0;
  for (const auto& input : spec.inputs) {
    if (input.type == transforms::InputType::kTimestamps) continue;
    Result<std::vector<double>> s = Status::internal("unset");
    if (is_bar_field(input.name)) {
      s = bar_column(*timeline, input.name);
      if (!s && input.optional) {
        series.push_back(nullptr);
        continue;
      }
    } else if (next_edge < in->size()) {
      const Value& v = *(*in)[next_edge++];
      s = v.kind == ValueKind::kBars ? bar_column(*v.bars, column) : numbers_of(v);
      if (s && !same_timeline(*v.bars, *timeline)) s = numbers_on(series_value(v.bars, *s), *timeline);
    } else if (in->empty() && next_edge++ == 0) {
      s = bar_column(*timeline, column);
    } else if (input.optional) {
      series.push_back(nullptr);
      continue;
    } else {
      return step_error(step, "transform '" + spec.name + "' needs " +
                                  std::to_string(spec.inputs.size()) +
                                  " inputs on data-input (in edge order), got " +
                                  std::to_string(in->size()));
    }
    if (!s) return step_error(step, "input '" + input.name + "': " + s.status().message());
    arrays.push_back(std::move(*s));
    series.push_back(arrays.back().data());
  }
  auto result = transforms::compute(spec, step.transform_params, series,
                                    timeline->timestamps().data(), timeline->rows());
  if (!result) return step_error(step, result.status().message());
  StepOutput out;
  put_all(step, series_value(timeline, std::move(result->front())), out);
  out.kernels = 1;
  return out;
}

namespace {

Result<std::vector<ml::Part>> split_parts(const workflow::Step& step, const Frame& bars) {
  const std::string method = to_lower(text_param(step, "method", "ratio"));
  const auto gap = saturating_size(number_param(step, "gap", 0));
  const size_t rows = bars.rows();
  if (method == "ratio") {
    ml::RatioSplitOptions o;
    o.train = number_param(step, "trainRatio", 0.7);
    o.validation = number_param(step, "validationRatio", 0.15);
    o.test = number_param(step, "testRatio", 0.15);
    o.gap = gap;
    auto s = ml::split_by_ratio(rows, o);
    if (!s) return s.status();
    return ml::assign_rows(*s, rows);
  }
  if (method == "date") {
    ml::DateSplitOptions o;
    o.gap = gap;
    auto train_end = ml::parse_split_boundary(text_param(step, "trainEnd", ""));
    if (!train_end) return Status::invalid_argument("trainEnd: " + train_end.status().message());
    o.train_end = *train_end;
    const std::string v = text_param(step, "validationEnd", "");
    if (!v.empty()) {
      auto ve = ml::parse_split_boundary(v);
      if (!ve) return Status::invalid_argument("validationEnd: " + ve.status().message());
      o.validation_end = *ve;
    }
    auto s = ml::split_by_date(bars.timestamps(), o);
    if (!s) return s.status();
    return ml::assign_rows(*s, rows);
  }
  if (method == "walk_forward") {
    ml::WalkForwardOptions o;
    o.folds = saturating_size(std::max(1.0, number_param(step, "folds", 5)));
    o.gap = gap;
    o.embargo = saturating_size(number_param(step, "embargo", 0));
    auto folds = ml::walk_forward(rows, o);
    if (!folds) return folds.status();
    // One column cannot hold every fold: it shows the last fold.
    std::vector<ml::Part> parts(rows, ml::Part::kNone);
    const ml::Fold& last = folds->back();
    for (const auto& r : last.train)
      for (size_t i = r.begin; i < r.end; ++i) parts[i] = ml::Part::kTrain;
    for (size_t i = last.test.begin; i < last.test.end; ++i) parts[i] = ml::Part::kTest;
    return parts;
  }
  return Status::invalid_argument("method '" + method + "': expected ratio, date or walk_forward");
}

}  // namespace

Result<StepOutput> run_split(const workflow::Step& step, const StepContext& ctx) {
  auto in = ctx.values(step, "data-input");
  if (!in) return in.status();
  const auto timeline = in->empty() ? ctx.base : in->front()->bars;
  if (!timeline) return step_error(step, "nothing on data-input and no data source");
  auto parts = split_parts(step, *timeline);
  if (!parts) return step_error(step, parts.status().message());
  std::vector<double> codes(parts->size());
  for (size_t i = 0; i < codes.size(); ++i) codes[i] = static_cast<double>((*parts)[i]);
  Value v = series_value(timeline, std::move(codes));
  v.kind = ValueKind::kSplit;
  StepOutput out;
  put_all(step, v, out);
  out.kernels = 1;
  return out;
}

// Score -> target position per bar: long_only +1 when score > longThreshold
// else 0; long_short also -1 when score < shortThreshold; NaN score -> 0.
Result<StepOutput> run_score_signal(const workflow::Step& step, const StepContext& ctx) {
  auto in = ctx.values(step, "score-input");
  if (!in) return in.status();
  if (in->empty()) return step_error(step, "nothing on score-input");
  const double long_th = number_param(step, "longThreshold", 0.55);
  const double short_th = number_param(step, "shortThreshold", 0.45);
  const std::string mode = to_lower(text_param(step, "mode", "long_only"));
  if (mode != "long_only" && mode != "long_short")
    return step_error(step, "mode '" + mode + "': expected long_only or long_short");
  if (mode == "long_short" && !(short_th <= long_th))
    return step_error(step, "long_short needs shortThreshold <= longThreshold");
  ml::SignalRule rule;
  rule.long_short = mode == "long_short";
  rule.long_threshold = long_th;
  rule.short_threshold = short_th;
  const std::vector<double> score = numbers_of(*in->front());
  std::vector<double> position(score.size(), 0.0);
  for (size_t i = 0; i < score.size(); ++i) position[i] = rule.position(score[i]);
  StepOutput out;
  put_all(step, series_value(in->front()->bars, std::move(position)), out);
  out.kernels = 1;
  return out;
}

}  // namespace nocode::engine
