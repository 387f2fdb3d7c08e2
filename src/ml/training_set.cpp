// Training set assembly: row filtering in one pass over the bars, train
// medians for imputation, label encoding, and scoring / evaluation helpers.
#include "ml/training_set.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "common/strings.h"
#include "ml/metrics.h"

namespace nocode::ml {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

double median(std::vector<double> v) {
  if (v.empty()) return kNaN;
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

bool row_complete(const std::vector<std::vector<double>>& f, size_t row) {
  for (const auto& c : f)
    if (std::isnan(c[row])) return false;
  return true;
}

void push_row(RowSet& set, const std::vector<std::vector<double>>& f, const std::vector<double>& fill,
              size_t row) {
  for (size_t c = 0; c < f.size(); ++c) {
    const double v = f[c][row];
    set.features.values.push_back(std::isnan(v) && !fill.empty() ? fill[c] : v);
  }
  ++set.features.rows;
  set.rows.push_back(row);
}

}  // namespace

Result<NanPolicy> parse_nan_policy(std::string_view text) {
  const std::string t = to_lower(trim(text));
  if (t.empty() || t == "drop") return NanPolicy::kDrop;
  if (t == "impute") return NanPolicy::kImpute;
  return Status::invalid_argument("nanPolicy '" + std::string(text) + "': expected drop or impute");
}

Result<Task> parse_task(std::string_view text) {
  const std::string t = to_lower(trim(text));
  if (t == "regression") return Task::kRegression;
  if (t == "binary" || t == "classification") return Task::kBinary;
  if (t == "multiclass") return Task::kMulticlass;
  return Status::invalid_argument("task '" + std::string(text) +
                                  "': expected regression, binary or multiclass");
}

LabelKind label_kind_of_column(std::string_view column) {
  if (ends_with(column, ".forward_return")) return LabelKind::kForwardReturn;
  if (ends_with(column, ".direction")) return LabelKind::kDirection;
  if (ends_with(column, ".triple_barrier")) return LabelKind::kTripleBarrier;
  return LabelKind::kOther;
}

double LabelEncoding::encode(double value) const {
  if (std::isnan(value)) return kNaN;
  switch (task) {
    case Task::kRegression: return value;
    case Task::kBinary: return value > 0 ? 1.0 : 0.0;
    case Task::kMulticlass: {
      auto it = std::lower_bound(class_values.begin(), class_values.end(), value);
      return it != class_values.end() && *it == value ? static_cast<double>(it - class_values.begin()) : kNaN;
    }
  }
  return kNaN;
}

double LabelEncoding::decode_score(double score) const {
  if (task != Task::kMulticlass || std::isnan(score)) return score;
  if (!(score >= 0 && score < static_cast<double>(class_values.size()))) return kNaN;
  return class_values[static_cast<size_t>(score)];
}

Result<LabelEncoding> infer_label_encoding(LabelKind kind, const std::vector<double>& label,
                                           std::optional<Task> task) {
  std::set<double> distinct;
  bool integral = true;
  for (double v : label) {
    if (std::isnan(v)) continue;
    if (distinct.size() <= 21) distinct.insert(v);
    integral = integral && v == std::floor(v);
  }
  LabelEncoding e;
  if (!task) {
    if (kind == LabelKind::kForwardReturn || !integral || distinct.size() > 20) task = Task::kRegression;
    else if (distinct.size() <= 2) task = Task::kBinary;
    else task = Task::kMulticlass;
  }
  e.task = *task;
  if (e.task == Task::kMulticlass) {
    if (!integral || distinct.size() > 20)
      return Status::invalid_argument("task multiclass needs a label with at most 20 integer values");
    if (distinct.size() < 2)
      return Status::invalid_argument("task multiclass needs at least 2 label values, got " +
                                      std::to_string(distinct.size()));
    e.class_values.assign(distinct.begin(), distinct.end());
    e.classes = e.class_values.size();
  }
  return e;
}

Result<TrainingSet> assemble_training_set(const std::vector<std::string>& names,
                                          const std::vector<std::vector<double>>& features,
                                          const std::vector<double>& label,
                                          const std::vector<Part>& parts, LabelKind kind,
                                          const TrainingSetOptions& options) {
  if (names.empty() || features.size() != names.size())
    return Status::invalid_argument("the model needs at least one feature on features-input");
  const size_t n = label.size();
  for (size_t c = 0; c < features.size(); ++c)
    if (features[c].size() != n)
      return Status::invalid_argument("feature '" + names[c] + "' has " +
                                      std::to_string(features[c].size()) + " rows, the label " +
                                      std::to_string(n));
  if (parts.size() != n) return Status::invalid_argument("the split and the label differ in length");
  TrainingSet set;
  auto enc = infer_label_encoding(kind, label, options.task);
  if (!enc) return enc.status();
  set.encoding = std::move(*enc);
  size_t first = 0;
  while (first < n && !row_complete(features, first)) ++first;
  set.warmup_rows = first;
  if (options.nan_policy == NanPolicy::kImpute) {
    set.fill.resize(features.size());
    for (size_t c = 0; c < features.size(); ++c) {
      std::vector<double> train_values;
      for (size_t i = first; i < n; ++i)
        if (parts[i] == Part::kTrain && !std::isnan(label[i]) && !std::isnan(features[c][i]))
          train_values.push_back(features[c][i]);
      set.fill[c] = median(std::move(train_values));
    }
  }
  for (RowSet* s : {&set.train, &set.validation, &set.test}) s->features.names = names;
  for (size_t i = first; i < n; ++i) {
    if (parts[i] == Part::kNone) continue;
    if (std::isnan(label[i])) {
      ++set.unlabeled_rows;
      continue;
    }
    if (set.fill.empty() && !row_complete(features, i)) {
      ++set.dropped_nan_rows;
      continue;
    }
    RowSet& s = parts[i] == Part::kTrain ? set.train : parts[i] == Part::kValidation ? set.validation : set.test;
    push_row(s, features, set.fill, i);
    s.label.push_back(set.encoding.encode(label[i]));
  }
  if (set.train.size() == 0)
    return Status::invalid_argument("no training rows left after dropping " + std::to_string(first) +
                                    " warm-up rows, " + std::to_string(set.unlabeled_rows) +
                                    " unlabeled rows and " + std::to_string(set.dropped_nan_rows) +
                                    " rows with missing features");
  return set;
}

RowSet scoring_rows(const std::vector<std::string>& names,
                    const std::vector<std::vector<double>>& features, const std::vector<double>& fill) {
  RowSet s;
  s.features.names = names;
  const size_t n = features.empty() ? 0 : features.front().size();
  size_t first = 0;
  while (first < n && !row_complete(features, first)) ++first;
  for (size_t i = first; i < n; ++i)
    if (!fill.empty() || row_complete(features, i)) push_row(s, features, fill, i);
  return s;
}

Result<std::vector<double>> score_bars(const Model& model, const RowSet& rows,
                                       const LabelEncoding& encoding, size_t bars) {
  std::vector<double> out(bars, kNaN);
  if (rows.size() == 0) return out;
  auto scores = model.predict(rows.features);
  if (!scores) return scores.status();
  if (scores->size() != rows.size())
    return Status::internal("the model returned " + std::to_string(scores->size()) + " scores for " +
                            std::to_string(rows.size()) + " rows");
  for (size_t i = 0; i < rows.size(); ++i)
    if (rows.rows[i] < bars) out[rows.rows[i]] = encoding.decode_score((*scores)[i]);
  return out;
}

Result<nlohmann::json> evaluate(const Model& model, const RowSet& rows, const LabelEncoding& encoding) {
  if (rows.size() == 0) return nlohmann::json(nullptr);
  // Sequence models give NaN to rows without a full window: left out.
  if (encoding.task == Task::kRegression) {
    auto pred = model.predict(rows.features);
    if (!pred) return pred.status();
    std::vector<double> y, p;
    for (size_t i = 0; i < pred->size() && i < rows.size(); ++i)
      if (!std::isnan((*pred)[i])) y.push_back(rows.label[i]), p.push_back((*pred)[i]);
    if (y.empty()) return nlohmann::json(nullptr);
    auto m = regression_metrics(y, p);
    if (!m) return m.status();
    return to_json(*m);
  }
  auto proba = model.predict_proba(rows.features);
  if (!proba) return proba.status();
  const size_t k = encoding.classes;
  if (proba->size() != rows.size() * k)
    return Status::internal("predict_proba returned " + std::to_string(proba->size()) +
                            " values, expected rows x classes");
  std::vector<double> y, p;
  for (size_t i = 0; i < rows.size(); ++i) {
    if (std::isnan((*proba)[i * k])) continue;
    y.push_back(rows.label[i]);
    p.insert(p.end(), proba->begin() + static_cast<long>(i * k), proba->begin() + static_cast<long>((i + 1) * k));
  }
  if (y.empty()) return nlohmann::json(nullptr);
  auto m = classification_metrics(y, p, k);
  if (!m) return m.status();
  return to_json(*m);
}

}  // namespace nocode::ml
