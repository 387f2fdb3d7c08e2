// Catalogue entries for the ML node types the issue adds (feature, label,
// split, model, signal, backtest). Declared here; their evaluation lives in
// the ML and backtest stages.
#include <nlohmann/json.hpp>

#include "workflow/node_catalogue_build.h"

namespace nocode::workflow::catalogue {
namespace {

using K = ParamKind;
using T = DataType;

NodeTypeSpec feature() {
  NodeTypeSpec s{"feature", {}, "ml", "Feature", {}, {}, {}, ""};
  s.description =
      "One model feature: a transform of its input series (binary transforms "
      "take two inputs in edge order).";
  s.inputs = {handle("data-input", T::kAny, true, true, "numeric series or OHLCV bars")};
  s.outputs = {handle("output", T::kNumeric, false, true, "feature series")};
  s.params = {
      choice("transform", "returns",
             {"identity",     "lag",         "diff",        "returns",     "log_returns",
              "rolling_mean", "rolling_std", "rolling_min", "rolling_max", "zscore",
              "rank",         "add",         "sub",         "mul",         "div",
              "ratio",        "crossover",   "hour",        "day_of_week", "month"},
             "transform applied to the input"),
      integer("period", 14, 1, 100000, "window for rolling transforms"),
      integer("lag", 1, 0, 100000, "shift in bars for lag / diff / returns"),
      text("column", "close", "column of an OHLCV input",
           {"open", "high", "low", "close", "volume"}),
  };
  return s;
}

NodeTypeSpec label() {
  NodeTypeSpec s{"label", {}, "ml", "Label", {}, {}, {}, ""};
  s.description = "Training target computed from future bars (never used as a feature).";
  s.inputs = {handle("data-input", T::kOhlcv, true, false, "OHLCV bars")};
  s.outputs = {handle("label-output", T::kLabel, false, true, "label per bar")};
  s.params = {
      choice("labelType", "direction", {"forward_return", "direction", "triple_barrier"},
             "what is predicted"),
      integer("horizon", 5, 1, 100000, "bars ahead"),
      number("threshold", 0, -kInf, kInf, "direction: up when forward return (%) > threshold"),
      number("takeProfit", 2, 0.01, 100, "triple_barrier upper barrier, percent"),
      number("stopLoss", 1, 0.01, 100, "triple_barrier lower barrier, percent"),
  };
  return s;
}

NodeTypeSpec split() {
  NodeTypeSpec s{"split", {}, "ml", "Train/Test Split", {}, {}, {}, ""};
  s.description = "Assigns bars to train / validation / test (chronological, no shuffling).";
  s.inputs = {handle("data-input", T::kAny, false, false, "series whose bars are split")};
  s.outputs = {handle("split-output", T::kSplit, false, true, "bar assignment")};
  s.params = {
      choice("method", "ratio", {"ratio", "date", "walk_forward"}, "how to split"),
      number("trainRatio", 0.7, 0, 1, "ratio: share of bars for training"),
      number("validationRatio", 0.15, 0, 1, "ratio: share for validation"),
      number("testRatio", 0.15, 0, 1, "ratio: share for testing"),
      text("trainEnd", nullptr, "date: last training date YYYY-MM-DD"),
      text("validationEnd", nullptr, "date: last validation date YYYY-MM-DD"),
      integer("folds", 5, 1, 1000, "walk_forward: number of folds"),
      integer("gap", 0, 0, 100000, "bars dropped between train and the next segment"),
      integer("embargo", 0, 0, 100000, "bars dropped after each test segment"),
  };
  return s;
}

NodeTypeSpec model() {
  NodeTypeSpec s{"model", {}, "ml", "Model", {}, {}, {}, ""};
  s.description =
      "Fits on the train split and scores every bar; score-output carries the validation and "
      "test scores (binary: P(up), multiclass: the label value of the most probable class).";
  s.inputs = {handle("features-input", T::kNumeric, true, true, "feature series"),
              handle("label-input", T::kLabel, true, false, "training target"),
              handle("split-input", T::kSplit, false, false, "train/validation/test split")};
  s.outputs = {handle("score-output", T::kNumeric, false, true, "prediction per bar"),
               handle("model-output", T::kModel, false, true, "the fitted model")};
  s.params = {
      choice("algorithm", "xgboost",
             {"xgboost", "random_forest", "linear", "logistic", "mlp", "lstm", "transformer"},
             "learning algorithm"),
      param("hyperparameters", K::kObject, nlohmann::json::object(), "algorithm-specific settings"),
      choice("nanPolicy", "drop", {"drop", "impute"},
             "rows with a missing feature: dropped, or filled with the train median"),
      choice("task", "auto", {"auto", "regression", "binary", "multiclass"},
             "what is learned; auto infers it from the label"),
      integer("seed", 42, 0, 2147483647, "seed of every random choice in training"),
      choice("scoreRows", "out_of_sample", {"out_of_sample", "all"},
             "bars that get a score on score-output (out_of_sample: validation and test)"),
      choice("crossValidation", "none", {"none", "walk_forward", "purged_kfold"},
             "score-output from one model per fold (out-of-sample fold scores)"),
      integer("folds", 5, 2, 1000, "crossValidation: number of folds"),
      integer("embargo", 0, 0, 100000, "crossValidation: rows left out after each test fold"),
      integer("gap", 0, 0, 100000, "crossValidation walk_forward: rows between train and test"),
  };
  return s;
}

NodeTypeSpec signal() {
  NodeTypeSpec s{"signal", {}, "ml", "Score to Signal", {}, {}, {}, ""};
  s.description =
      "Turns model scores into a target position per bar: +1 long, -1 short (long_short), 0 "
      "flat (also where the score is missing).";
  s.inputs = {handle("score-input", T::kNumeric, true, false, "model score")};
  s.outputs = {handle("signal-output", T::kSignal, false, true, "trading signal")};
  s.params = {
      number("longThreshold", 0.55, -kInf, kInf, "long when score > longThreshold"),
      number("shortThreshold", 0.45, -kInf, kInf, "short when score < shortThreshold"),
      choice("mode", "long_only", {"long_only", "long_short"}, "which sides are traded"),
  };
  return s;
}

NodeTypeSpec backtest() {
  NodeTypeSpec s{"backtest", {}, "ml", "Backtest", {}, {}, {}, ""};
  s.description =
      "Simulates trading with backtesting.py's rules. Its signal inputs are target positions "
      "per bar (> 0 long, < 0 short, 0 flat, summed over the edges); without signal inputs the "
      "workflow's action nodes trade. Defaults are backtesting.py's.";
  s.inputs = {handle("signal-input", T::kSignal, false, true, "target position per bar")};
  s.params = {
      number("cash", 10000, 0.01, kInf, "starting cash"),
      number("commission", 0, -0.1, 0.1, "commission rate per fill, fraction of traded value"),
      number("commissionFixed", 0, 0, kInf, "fixed commission per fill, in cash"),
      number("spreadBps", 0, 0, 10000, "bid-ask spread / slippage in basis points"),
      number("margin", 1, 0.0001, 1, "required margin ratio (leverage = 1 / margin)"),
      flag("tradeOnClose", false, "market orders fill at the signal bar's close"),
      flag("hedging", false, "allow long and short trades at the same time"),
      flag("exclusiveOrders", false, "each order first closes the open position"),
      flag("finalizeTrades", false, "close trades still open at the end of the data"),
      number("size", nullptr, 0, kInf,
             "signal inputs: fraction of equity in (0, 1) or whole units; empty = all-in"),
      number("slPct", 0, 0, 99.99, "signal inputs: stop-loss, percent from the signal bar's close"),
      number("tpPct", 0, 0, kInf, "signal inputs: take-profit, percent from the signal bar's close"),
  };
  return s;
}

}  // namespace

void add_ml_node_types(std::vector<NodeTypeSpec>& out) {
  out.push_back(feature());
  out.push_back(label());
  out.push_back(split());
  out.push_back(model());
  out.push_back(signal());
  out.push_back(backtest());
}

}  // namespace nocode::workflow::catalogue
