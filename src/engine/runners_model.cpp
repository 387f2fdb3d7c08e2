// The model step (docs/ml-pipeline.md): training set assembly
// (ml/training_set.h), fit through the model registry, scores on every bar,
// metrics per part, optional cross-validation, IC of the out-of-sample scores.
#include <cmath>
#include <cstdlib>
#include <functional>
#include <limits>

#include "common/numeric.h"
#include "common/strings.h"
#include "engine/step_runner.h"
#include "ml/artifact.h"
#include "ml/metrics.h"
#include "ml/split.h"
#include "ml/training_set.h"

namespace nocode::engine {

namespace {

struct ModelInputs {
  std::shared_ptr<const Frame> timeline;
  std::vector<std::string> names, nodes;  // feature column names and their producing nodes
  std::vector<std::vector<double>> features;
  std::vector<double> label;
  std::string label_column;
  std::vector<ml::Part> parts;
};

struct ModelSettings {
  std::string algorithm;
  nlohmann::json hyperparameters = nlohmann::json::object();
  ml::TrainingSetOptions set;
  uint64_t seed = 42;
  bool score_all_rows = false;
  std::string cross_validation = "none";
  size_t folds = 5, embargo = 0, gap = 0;
};

std::string node_of_column(const std::string& column) {
  const size_t dot = column.find('.');
  return dot == std::string::npos ? column : column.substr(0, dot);
}

Result<std::vector<ml::Part>> parts_of(const StepContext& ctx, const workflow::Step& step,
                                       const Frame& timeline) {
  auto split = ctx.values(step, "split-input");
  if (!split) return split.status();
  std::vector<ml::Part> parts(timeline.rows(), ml::Part::kNone);
  if (split->empty()) {  // no split node: the split node's defaults (ratio 0.7/0.15/0.15)
    auto s = ml::split_by_ratio(timeline.rows(), ml::RatioSplitOptions{});
    if (!s) return s.status();
    return ml::assign_rows(*s, timeline.rows());
  }
  const std::vector<double> codes = numbers_on(*split->front(), timeline);
  for (size_t i = 0; i < codes.size(); ++i)
    if (codes[i] >= 1 && codes[i] <= 3) parts[i] = static_cast<ml::Part>(static_cast<int>(codes[i]));
  return parts;
}

Result<ModelInputs> model_inputs(const workflow::Step& step, const StepContext& ctx) {
  ModelInputs in;
  auto labels = ctx.values(step, "label-input");
  if (!labels) return labels.status();
  if (labels->empty()) return step_error(step, "nothing on label-input: connect a label node");
  in.timeline = labels->front()->bars ? labels->front()->bars : ctx.base;
  if (!in.timeline) return step_error(step, "the label has no timeline");
  for (const auto& b : step.inputs) {
    if (b.handle == "label-input" && in.label_column.empty()) in.label_column = b.column;
    if (b.handle != "features-input") continue;
    auto v = ctx.value(step, b);
    if (!v) return v.status();
    in.names.push_back(b.column);
    in.nodes.push_back(node_of_column(b.column));
    in.features.push_back(numbers_on(**v, *in.timeline));
  }
  if (in.features.empty()) return step_error(step, "nothing on features-input: connect features");
  in.label = numbers_on(*labels->front(), *in.timeline);
  auto parts = parts_of(ctx, step, *in.timeline);
  if (!parts) return step_error(step, parts.status().message());
  in.parts = std::move(*parts);
  return in;
}

Result<ModelSettings> model_settings(const workflow::Step& step) {
  ModelSettings s;
  s.algorithm = text_param(step, "algorithm", "xgboost");
  auto hp = step.params.find("hyperparameters");
  if (hp != step.params.end() && !hp->is_null()) s.hyperparameters = *hp;
  auto nan = ml::parse_nan_policy(text_param(step, "nanPolicy", "drop"));
  if (!nan) return step_error(step, nan.status().message());
  s.set.nan_policy = *nan;
  const std::string task = text_param(step, "task", "auto");
  if (!task.empty() && to_lower(task) != "auto") {
    auto t = ml::parse_task(task);
    if (!t) return step_error(step, t.status().message());
    s.set.task = *t;
  }
  s.seed = static_cast<uint64_t>(saturating_ll(number_param(step, "seed", 42)));
  const std::string rows = to_lower(text_param(step, "scoreRows", "out_of_sample"));
  if (rows != "out_of_sample" && rows != "all")
    return step_error(step, "scoreRows '" + rows + "': expected out_of_sample or all");
  s.score_all_rows = rows == "all";
  s.cross_validation = to_lower(text_param(step, "crossValidation", "none"));
  if (s.cross_validation != "none" && s.cross_validation != "walk_forward" &&
      s.cross_validation != "purged_kfold")
    return step_error(step, "crossValidation '" + s.cross_validation +
                                "': expected none, walk_forward or purged_kfold");
  s.folds = saturating_size(number_param(step, "folds", 5));
  s.embargo = saturating_size(number_param(step, "embargo", 0));
  s.gap = saturating_size(number_param(step, "gap", 0));
  return s;
}

// Training progress of one fit: forwarded to RunOptions::training, and the
// round / epoch with the lowest validation loss kept (the model report's
// best_iteration).
struct FitWatch {
  const workflow::Step* step = nullptr;
  const std::function<void(const workflow::Step&, const ml::TrainingProgress&)>* training = nullptr;
  double best_loss = std::numeric_limits<double>::infinity();
  size_t best_step = 0;

  std::function<void(const ml::TrainingProgress&)> callback() {
    return [this](const ml::TrainingProgress& p) {
      if (!std::isnan(p.validation_loss) && p.validation_loss < best_loss) {
        best_loss = p.validation_loss;
        best_step = p.step;
      }
      if (training && *training) (*training)(*step, p);
    };
  }
};

Result<std::shared_ptr<const ml::Model>> fit_one(const ModelRegistry& models, const ModelSettings& s,
                                                 const ml::RowSet& train, const ml::RowSet* validation,
                                                 const ml::LabelEncoding& enc, FitWatch& watch) {
  auto m = models.create(s.algorithm, s.hyperparameters, enc.task, enc.classes);
  if (!m) return m.status();
  ml::TrainingData d;
  d.progress = watch.callback();
  d.features = train.features;
  d.label = train.label;
  if (validation && validation->size() > 0) {
    d.validation = &validation->features;
    d.validation_label = &validation->label;
  }
  d.task = enc.task;
  d.classes = enc.classes;
  d.seed = s.seed;
  NOCODE_RETURN_IF_ERROR((*m)->fit(d));
  return std::shared_ptr<const ml::Model>(std::move(*m));
}

// Rows at the end without a label: the label's horizon (close[t + h] unknown).
size_t trailing_nan(const std::vector<double>& v) {
  size_t n = 0;
  while (n < v.size() && std::isnan(v[v.size() - 1 - n])) ++n;
  return n;
}

// The forward return the label looks at: the label itself for
// forward_return, else close[t + h] / close[t] - 1 with h = the label's
// trailing NaN rows. Empty when neither is known.
std::vector<double> forward_return_of(const ModelInputs& in, ml::LabelKind kind) {
  if (kind == ml::LabelKind::kForwardReturn) return in.label;
  const size_t h = trailing_nan(in.label);
  auto close = bar_column(*in.timeline, "close");
  if (!close || h == 0) return {};
  std::vector<double> fr(close->size(), std::nan(""));
  for (size_t t = 0; t + h < fr.size(); ++t)
    if ((*close)[t] != 0) fr[t] = (*close)[t + h] / (*close)[t] - 1.0;
  return fr;
}

nlohmann::json ic_json(const ModelInputs& in, ml::LabelKind kind, const std::vector<double>& oos) {
  const std::vector<double> fr = forward_return_of(in, kind);
  if (fr.empty()) return nullptr;
  auto ic = ml::information_coefficient(in.timeline->timestamps(), oos, fr);
  return ic ? ml::to_json(*ic) : nlohmann::json(nullptr);
}

// Walk-forward / purged k-fold over the usable (train + validation + test)
// rows in time order: one model per fold, out-of-sample scores of every test
// fold; metrics per fold and pooled.
Status cross_validate(const ModelRegistry& models, const ModelSettings& s, const ModelInputs& in,
                      const ml::TrainingSet& set, FitWatch watch, std::vector<double>& oos,
                      nlohmann::json& out) {
  ml::RowSet all;
  all.features.names = set.train.features.names;
  for (const ml::RowSet* p : {&set.train, &set.validation, &set.test}) {
    all.features.values.insert(all.features.values.end(), p->features.values.begin(), p->features.values.end());
    all.features.rows += p->features.rows;
    all.label.insert(all.label.end(), p->label.begin(), p->label.end());
    all.rows.insert(all.rows.end(), p->rows.begin(), p->rows.end());
  }
  Result<std::vector<ml::Fold>> folds = Status::internal("unset");
  if (s.cross_validation == "walk_forward") {
    ml::WalkForwardOptions o;
    o.folds = s.folds, o.gap = s.gap, o.embargo = s.embargo;
    folds = ml::walk_forward(all.size(), o);
  } else {
    ml::PurgedKFoldOptions o;
    o.folds = s.folds, o.embargo = s.embargo, o.horizon = trailing_nan(in.label);
    folds = ml::purged_kfold(all.size(), o);
  }
  if (!folds) return folds.status();
  auto take = [&](const std::vector<ml::Range>& ranges) {
    ml::RowSet r;
    r.features.names = all.features.names;
    const size_t c = all.features.cols();
    for (const auto& g : ranges)
      for (size_t i = g.begin; i < g.end; ++i) {
        r.features.values.insert(r.features.values.end(), all.features.values.begin() + static_cast<long>(i * c),
                                 all.features.values.begin() + static_cast<long>((i + 1) * c));
        ++r.features.rows;
        r.label.push_back(all.label[i]);
        r.rows.push_back(all.rows[i]);
      }
    return r;
  };
  out = nlohmann::json::array();
  ml::RowSet pooled;
  pooled.features.names = all.features.names;
  std::vector<double> pooled_scores;
  for (size_t f = 0; f < folds->size(); ++f) {
    const ml::RowSet train = take((*folds)[f].train), test = take({(*folds)[f].test});
    auto model = fit_one(models, s, train, nullptr, set.encoding, watch);
    if (!model) return model.status().with_context("fold " + std::to_string(f + 1));
    auto metrics = ml::evaluate(**model, test, set.encoding);
    if (!metrics) return metrics.status();
    auto scores = ml::score_bars(**model, test, set.encoding, oos.size());
    if (!scores) return scores.status();
    for (size_t r : test.rows) oos[r] = (*scores)[r];
    out.push_back({{"fold", f + 1}, {"train_rows", train.size()}, {"test_rows", test.size()},
                   {"metrics", *metrics}});
  }
  return Status::ok();
}

}  // namespace

// Assemble (ml/training_set.h), fit on train (validation for early
// stopping), score every bar, evaluate on train / validation / test.
// score-output: scores on validation and test rows only (scoreRows=all: on
// every bar); model-output: the FittedModel, its series = every bar's score.
Result<StepOutput> run_model(const workflow::Step& step, const StepContext& ctx) {
  const ModelRegistry& models = ctx.models ? *ctx.models : builtin_models();
  auto settings = model_settings(step);
  if (!settings) return settings.status();
  if (auto found = models.lookup(settings->algorithm); !found) return step_error(step, found.status().message());
  auto in = model_inputs(step, ctx);
  if (!in) return in.status();
  const ml::LabelKind kind = ml::label_kind_of_column(in->label_column);
  auto set = ml::assemble_training_set(in->names, in->features, in->label, in->parts, kind, settings->set);
  if (!set) return step_error(step, set.status().message());
  FitWatch watch;
  watch.step = &step;
  watch.training = ctx.training;
  auto model = fit_one(models, *settings, set->train, &set->validation, set->encoding, watch);
  if (!model) return step_error(step, model.status().message());
  const size_t bars = in->timeline->rows();
  auto all = ml::score_bars(**model, ml::scoring_rows(in->names, in->features, set->fill), set->encoding, bars);
  if (!all) return step_error(step, all.status().message());
  std::vector<double> oos(bars, std::nan(""));
  for (size_t i = 0; i < bars; ++i)
    if (settings->score_all_rows || in->parts[i] == ml::Part::kValidation || in->parts[i] == ml::Part::kTest)
      oos[i] = (*all)[i];
  auto fit = std::make_shared<ml::FittedModel>();
  fit->metrics = {{"task", ml::task_name(set->encoding.task)},
                  {"classes", set->encoding.classes},
                  {"rows", {{"train", set->train.size()}, {"validation", set->validation.size()},
                            {"test", set->test.size()}, {"warmup", set->warmup_rows},
                            {"unlabeled", set->unlabeled_rows}, {"dropped_nan", set->dropped_nan_rows}}}};
  for (const auto& [name, part] : {std::pair{"train", &set->train}, {"validation", &set->validation}, {"test", &set->test}}) {
    auto m = ml::evaluate(**model, *part, set->encoding);
    if (!m) return step_error(step, m.status().message());
    fit->metrics[name] = *m;
  }
  if (settings->cross_validation != "none") {
    std::fill(oos.begin(), oos.end(), std::nan(""));
    nlohmann::json folds;
    FitWatch fold_watch;
    fold_watch.step = &step;
    fold_watch.training = ctx.training;
    if (Status st = cross_validate(models, *settings, *in, *set, fold_watch, oos, folds); !st.is_ok())
      return step_error(step, "crossValidation: " + st.message());
    fit->metrics["folds"] = folds;
  }
  fit->metrics["ic"] = ic_json(*in, kind, oos);
  if (watch.best_step > 0) fit->metrics["best_iteration"] = watch.best_step;
  fit->model = *model;
  fit->node_id = step.node_id;
  fit->algorithm = settings->algorithm;
  auto resolved = models.find(settings->algorithm)->resolve(settings->hyperparameters);
  fit->hyperparameters = resolved ? *resolved : settings->hyperparameters;
  fit->encoding = set->encoding;
  fit->feature_names = in->names;
  fit->feature_nodes = in->nodes;
  fit->nan_policy = settings->set.nan_policy;
  fit->fill = set->fill;
  fit->seed = settings->seed;
  fit->label_column = in->label_column;
  fit->train_rows = set->train.size();
  fit->training_data_hash = ml::training_data_hash(set->train.features, set->train.label);
  fit->all_scores = *all;
  StepOutput out;
  for (const auto& o : step.outputs) {
    if (o.handle == "model-output") {
      Value v = series_value(in->timeline, *all);
      v.model = fit;
      out.by_handle[o.handle] = v;
    } else {
      out.by_handle[o.handle] = series_value(in->timeline, oos);
    }
  }
  out.kernels = 1;
  return out;
}

}  // namespace nocode::engine
