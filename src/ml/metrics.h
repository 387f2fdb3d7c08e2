// Evaluation metrics of a fitted model: classification (accuracy, precision,
// recall, F1, ROC AUC, log loss, confusion matrix), regression (RMSE, MAE, R²,
// directional accuracy) and the quant ones (IC and Rank IC of a score against
// the forward return, overall and per calendar period, with ICIR).
//
// Definitions follow scikit-learn 1.2 / scipy / pandas so the numbers can be
// checked against them (tests/ml/metrics_test.cpp runs them as oracles);
// where those raise (one class only, constant inputs) the value here is NaN
// and documented in docs/ml-pipeline.md. Pure functions; safe from any thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common/status.h"

namespace nocode::ml {

// counts[true_class * classes + predicted_class].
struct ConfusionMatrix {
  size_t classes = 0;
  std::vector<size_t> counts;
  size_t at(size_t truth, size_t predicted) const { return counts[truth * classes + predicted]; }
};

struct ClassificationMetrics {
  size_t rows = 0;
  size_t classes = 2;
  double accuracy = 0;
  // Binary: of the positive class 1. Multiclass: macro average over the
  // classes present in the labels or the predictions (sklearn's default);
  // a zero denominator counts as 0 (sklearn's zero_division=0 value).
  double precision = 0, recall = 0, f1 = 0;
  // Binary: AUC of P(1), ties counted half. Multiclass: one-vs-rest macro
  // average. NaN when a needed class is absent from the labels.
  double roc_auc = 0;
  // Mean -log p(true class); probabilities clipped to [eps, 1 - eps]
  // (eps = 2^-52) and renormalised per row, as sklearn's eps="auto".
  double log_loss = 0;
  ConfusionMatrix confusion;
};

// `label`: class per row in 0..classes-1. `probability`: rows x classes,
// row-major (for classes == 2 a row may also give only P(1): size == rows).
// Predicted class: binary P(1) > 0.5; multiclass the first most probable.
Result<ClassificationMetrics> classification_metrics(const std::vector<double>& label,
                                                     const std::vector<double>& probability,
                                                     size_t classes);

struct RegressionMetrics {
  size_t rows = 0;
  double rmse = 0, mae = 0;
  // 1 - SS_res / SS_tot; a constant label gives 1 when predicted exactly,
  // else 0 (sklearn's force_finite).
  double r2 = 0;
  // Share of rows with a non-zero label whose prediction has the same sign
  // (a zero prediction never agrees); rows with label 0 are left out. NaN
  // when every label is 0.
  double directional_accuracy = 0;
};

Result<RegressionMetrics> regression_metrics(const std::vector<double>& label,
                                             const std::vector<double>& prediction);

// Pearson correlation; NaN when fewer than 2 points or either side is
// constant (scipy warns and returns NaN there too).
double pearson(const std::vector<double>& x, const std::vector<double>& y);
// Average ranks (1-based; ties share the mean of their ranks), as
// scipy.stats.rankdata(method="average"); a NaN value gets a NaN rank and
// is not counted. Pearson / Spearman of inputs holding NaN are NaN.
std::vector<double> average_ranks(const std::vector<double>& x);
// Spearman correlation: Pearson of the average ranks.
double spearman(const std::vector<double>& x, const std::vector<double>& y);

enum class IcPeriod { kMonth, kQuarter, kYear };

struct PeriodIc {
  std::string period;  // "2020-01", "2020-Q1" or "2020"
  size_t rows = 0;
  double ic = 0, rank_ic = 0;
};

struct IcOptions {
  IcPeriod period = IcPeriod::kMonth;
  size_t min_rows = 3;  // periods with fewer (paired, non-NaN) points are skipped
  Status validate() const;
};

struct InformationCoefficient {
  size_t rows = 0;          // paired points (score and return both not NaN)
  double ic = 0, rank_ic = 0;
  std::vector<PeriodIc> periods;  // in time order, skipped periods left out
  // Over the periods whose IC is not NaN: mean, sample std (ddof 1) and
  // mean / std (NaN with fewer than 2 such periods or a zero std).
  double ic_mean = 0, ic_std = 0, icir = 0;
  double rank_ic_mean = 0, rank_ic_std = 0, rank_icir = 0;
};

// IC of `score` against `forward_return`, rows paired by index with UTC-ns
// `timestamps` (increasing); rows where either value is NaN are dropped.
Result<InformationCoefficient> information_coefficient(const std::vector<int64_t>& timestamps,
                                                       const std::vector<double>& score,
                                                       const std::vector<double>& forward_return,
                                                       const IcOptions& options = {});

// JSON forms (non-finite numbers as null).
nlohmann::json to_json(const ClassificationMetrics& m);
nlohmann::json to_json(const RegressionMetrics& m);
nlohmann::json to_json(const InformationCoefficient& m, bool with_periods = true);
// A number, or null when not finite.
nlohmann::json json_number(double v);

}  // namespace nocode::ml
