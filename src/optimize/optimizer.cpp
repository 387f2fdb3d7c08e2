// Candidate generation, the parallel evaluation pool and ranking.
#include "optimize/optimizer.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <set>
#include <thread>

#include "common/strings.h"

namespace nocode::optimize {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr size_t kEnumerateLimit = 5'000'000;  // grid points enumerated for sampling

double draw(const Dimension& d, SplitMix64& rng) {
  if (!d.continuous) return d.values[rng.below(d.values.size())];
  if (d.integer) return std::floor(d.lo + rng.uniform() * (d.hi - d.lo + 1));
  return d.lo + rng.uniform() * (d.hi - d.lo);
}

// Distinct admissible grid points, drawn without replacement.
std::vector<ParamSet> sample_grid(const ParameterSpace& space,
                                  const std::vector<Constraint>& constraints, size_t samples,
                                  SplitMix64& rng, size_t* rejected) {
  std::vector<size_t> admissible;
  const size_t n = space.grid_size();
  for (size_t i = 0; i < n; ++i) {
    if (admitted(constraints, space.grid_point(i))) admissible.push_back(i);
  }
  if (rejected) *rejected = n - admissible.size();
  const size_t take = std::min(samples, admissible.size());
  std::vector<ParamSet> out;
  for (size_t k = 0; k < take; ++k) {  // partial Fisher-Yates
    const size_t j = k + rng.below(admissible.size() - k);
    std::swap(admissible[k], admissible[j]);
    out.push_back(space.grid_point(admissible[k]));
  }
  return out;
}

// Independent draws (a continuous or a very large space); duplicates dropped.
std::vector<ParamSet> sample_free(const ParameterSpace& space,
                                  const std::vector<Constraint>& constraints, size_t samples,
                                  SplitMix64& rng, size_t* rejected) {
  std::vector<ParamSet> out;
  std::set<ParamSet> seen;
  size_t rejects = 0;
  for (size_t tries = 0; out.size() < samples && tries < samples * 100; ++tries) {
    ParamSet set;
    for (const Dimension& d : space.dims) set.push_back(draw(d, rng));
    if (!admitted(constraints, set)) {
      ++rejects;
      continue;
    }
    if (seen.insert(set).second) out.push_back(std::move(set));
  }
  if (rejected) *rejected = rejects;
  return out;
}

}  // namespace

const std::vector<std::string>& statistic_names() {
  static const std::vector<std::string> kNames = {
      "Start", "End", "Duration", "Exposure Time [%]", "Equity Final [$]", "Equity Peak [$]",
      "Commissions [$]", "Return [%]", "Buy & Hold Return [%]", "Return (Ann.) [%]",
      "Volatility (Ann.) [%]", "CAGR [%]", "Sharpe Ratio", "Sortino Ratio", "Calmar Ratio",
      "Alpha [%]", "Beta", "Max. Drawdown [%]", "Avg. Drawdown [%]", "Max. Drawdown Duration",
      "Avg. Drawdown Duration", "# Trades", "Win Rate [%]", "Best Trade [%]", "Worst Trade [%]",
      "Avg. Trade [%]", "Max. Trade Duration", "Avg. Trade Duration", "Profit Factor",
      "Expectancy [%]", "SQN", "Kelly Criterion"};
  return kNames;
}

Status OptimizeOptions::validate() const {
  const auto& names = statistic_names();
  if (std::find(names.begin(), names.end(), objective) == names.end()) {
    std::string msg = "unknown statistic '" + objective + "'";
    const std::vector<std::string> near = nearest_names(objective, names, 2);
    if (!near.empty()) msg += "; did you mean " + quoted_list(near) + "?";
    return Status::invalid_argument(msg + " (see docs/optimize.md for the list)");
  }
  if (objective == "Start" || objective == "End") {
    return Status::invalid_argument("statistic '" + objective +
                                    "' is a timestamp and cannot be optimized");
  }
  if (method == Method::kRandom && samples == 0) {
    return Status::invalid_argument("random search needs a number of samples > 0");
  }
  if (max_sets == 0) return Status::invalid_argument("max_sets must be > 0");
  return Status::ok();
}

Result<std::vector<ParamSet>> candidates(const ParameterSpace& space,
                                         const std::vector<Constraint>& constraints,
                                         const OptimizeOptions& options, size_t* rejected) {
  NOCODE_RETURN_IF_ERROR(space.validate());
  NOCODE_RETURN_IF_ERROR(options.validate());
  const size_t n = space.grid_size();
  if (options.method == Method::kRandom) {
    SplitMix64 rng(options.seed);
    if (n > 0 && n <= kEnumerateLimit) {
      return sample_grid(space, constraints, options.samples, rng, rejected);
    }
    return sample_free(space, constraints, options.samples, rng, rejected);
  }
  for (const Dimension& d : space.dims) {
    if (d.continuous) {
      return Status::invalid_argument("parameter '" + d.name +
                                      "' is a continuous range: use --random N with it, or give "
                                      "a grid START:STOP:STEP");
    }
  }
  if (n > options.max_sets) {
    return Status::invalid_argument("the grid has " + std::to_string(n) + " points, more than " +
                                    std::to_string(options.max_sets) +
                                    "; narrow it or use random search");
  }
  std::vector<ParamSet> out;
  for (size_t i = 0; i < n; ++i) {
    ParamSet set = space.grid_point(i);
    if (admitted(constraints, set)) out.push_back(std::move(set));
  }
  if (rejected) *rejected = n - out.size();
  return out;
}

double objective_value(const backtest::Statistics& stats, const std::string& name) {
  const backtest::StatValue* v = stats.find(name);
  if (v == nullptr) return name == "Commissions [$]" ? 0.0 : kNaN;  // absent = none paid
  switch (v->kind) {
    case backtest::StatValue::Kind::kNumber:
    case backtest::StatValue::Kind::kCount: return v->number;
    case backtest::StatValue::Kind::kDuration:
      return v->ns == backtest::kNaT ? kNaN : static_cast<double>(v->ns) / 86400e9;
    case backtest::StatValue::Kind::kTimestamp: return kNaN;
  }
  return kNaN;
}

size_t resolve_threads(const OptimizeOptions& options, size_t jobs) {
  size_t t = options.threads;
  if (t == 0) t = std::max<size_t>(1, std::thread::hardware_concurrency());
  return std::max<size_t>(1, std::min(t, jobs));
}

OptimizeResult evaluate_sets(const std::vector<std::string>& names, std::vector<ParamSet> sets,
                             const OptimizeOptions& options, const Objective& evaluate) {
  OptimizeResult out;
  out.param_names = names;
  out.sets.resize(sets.size());
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next.fetch_add(1); i < sets.size(); i = next.fetch_add(1)) {
      SetResult& r = out.sets[i];
      r.params = std::move(sets[i]);
      Result<backtest::Statistics> stats = evaluate(r.params);
      if (stats) {
        r.statistics = std::move(*stats);
        r.objective = objective_value(r.statistics, options.objective);
      } else {
        r.status = stats.status();
        r.objective = kNaN;
      }
    }
  };
  const size_t threads = resolve_threads(options, sets.size());
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();
  for (size_t i = 0; i < out.sets.size(); ++i) {
    const SetResult& r = out.sets[i];
    if (!r.status.is_ok()) ++out.failed;
    if (std::isnan(r.objective)) continue;
    const bool better = !out.has_best() || (options.maximize ? r.objective > out.sets[out.best].objective
                                                             : r.objective < out.sets[out.best].objective);
    if (better) out.best = i;
  }
  return out;
}

Result<OptimizeResult> optimize(const ParameterSpace& space,
                                const std::vector<Constraint>& constraints,
                                const OptimizeOptions& options, const Objective& evaluate) {
  size_t rejected = 0;
  Result<std::vector<ParamSet>> sets = candidates(space, constraints, options, &rejected);
  if (!sets) return sets.status();
  if (sets->empty()) {
    return Status::invalid_argument("no parameter set satisfies the constraints (" +
                                    std::to_string(rejected) + " rejected)");
  }
  OptimizeResult out = evaluate_sets(space.names(), std::move(*sets), options, evaluate);
  out.rejected = rejected;
  return out;
}

}  // namespace nocode::optimize
