// Formatting optimization and walk-forward results.
#include "optimize/results_output.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <sstream>

#include "common/strings.h"
#include "data/frame.h"
#include "report/backtest_tables.h"

namespace nocode::optimize {
namespace {

std::string csv_cell(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string stat_text(const backtest::StatValue& v) {
  using K = backtest::StatValue::Kind;
  if (v.kind == K::kNumber || v.kind == K::kCount) return format_double(v.number);
  return report::format_statistic(v);
}

nlohmann::ordered_json params_json(const ParameterSpace& space, const ParamSet& set) {
  nlohmann::ordered_json p = nlohmann::ordered_json::object();
  for (size_t k = 0; k < space.dims.size() && k < set.size(); ++k) {
    if (space.dims[k].integer) {
      p[space.dims[k].name] = static_cast<long long>(std::llround(set[k]));
    } else {
      p[space.dims[k].name] = set[k];
    }
  }
  return p;
}

nlohmann::ordered_json number_json(double v) {
  return std::isfinite(v) ? nlohmann::ordered_json(v) : nlohmann::ordered_json(nullptr);
}

std::string params_text(const ParameterSpace& space, const ParamSet& set) {
  std::string out;
  for (const std::string& o : space.overrides(set)) out += (out.empty() ? "" : " ") + o;
  return out;
}

// Indices of the sets with a defined objective, best first (stable).
std::vector<size_t> ranking(const OptimizeResult& r, bool maximize) {
  std::vector<size_t> idx;
  for (size_t i = 0; i < r.sets.size(); ++i)
    if (!std::isnan(r.sets[i].objective)) idx.push_back(i);
  std::stable_sort(idx.begin(), idx.end(), [&](size_t a, size_t b) {
    return maximize ? r.sets[a].objective > r.sets[b].objective
                    : r.sets[a].objective < r.sets[b].objective;
  });
  return idx;
}

std::string date_of(const std::vector<int64_t>& ts, size_t row) {
  return row < ts.size() ? format_timestamp(ts[row]) : "";
}

}  // namespace

std::string results_csv(const OptimizeResult& result, const ParameterSpace& space) {
  std::ostringstream out;
  for (const Dimension& d : space.dims) out << csv_cell(d.name) << ",";
  for (const std::string& s : statistic_names()) out << csv_cell(s) << ",";
  out << "error\n";
  for (const SetResult& r : result.sets) {
    for (size_t k = 0; k < space.dims.size(); ++k) out << format_param(space.dims[k], r.params[k]) << ",";
    for (const std::string& s : statistic_names()) {
      const backtest::StatValue* v = r.statistics.find(s);
      out << (v ? csv_cell(stat_text(*v)) : "") << ",";
    }
    out << csv_cell(r.status.is_ok() ? "" : r.status.message()) << "\n";
  }
  return out.str();
}

nlohmann::ordered_json results_json(const OptimizeResult& result, const ParameterSpace& space,
                                    const OptimizeOptions& options) {
  nlohmann::ordered_json j;
  j["objective"] = options.objective;
  j["maximize"] = options.maximize;
  j["parameters"] = space.names();
  j["sets_run"] = result.sets.size();
  j["rejected"] = result.rejected;
  j["failed"] = result.failed;
  if (result.has_best()) {
    const SetResult& b = result.sets[result.best];
    j["best"] = {{"params", params_json(space, b.params)},
                 {"objective", number_json(b.objective)},
                 {"statistics", b.statistics.to_json()}};
  } else {
    j["best"] = nullptr;
  }
  nlohmann::ordered_json sets = nlohmann::ordered_json::array();
  for (const SetResult& r : result.sets) {
    nlohmann::ordered_json s;
    s["params"] = params_json(space, r.params);
    s["objective"] = number_json(r.objective);
    if (r.status.is_ok()) {
      s["statistics"] = r.statistics.to_json();
    } else {
      s["error"] = r.status.message();
    }
    sets.push_back(std::move(s));
  }
  j["sets"] = std::move(sets);
  return j;
}

std::string results_table(const OptimizeResult& result, const ParameterSpace& space,
                          const OptimizeOptions& options, size_t top) {
  std::ostringstream out;
  out << result.sets.size() << " parameter sets run (" << result.rejected
      << " rejected by constraints, " << result.failed << " failed); "
      << (options.maximize ? "maximizing" : "minimizing") << " '" << options.objective << "'\n";
  const std::vector<size_t> rank = ranking(result, options.maximize);
  const size_t shown = std::min(top, rank.size());
  if (shown > 0) out << "\ntop " << shown << ":\n";
  for (size_t k = 0; k < shown; ++k) {
    const SetResult& r = result.sets[rank[k]];
    out << "  " << (k + 1) << ". " << params_text(space, r.params) << "  " << options.objective
        << " = " << format_double(r.objective) << "\n";
  }
  for (const SetResult& r : result.sets) {
    if (!r.status.is_ok()) {
      out << "\nfirst failure: " << params_text(space, r.params) << ": " << r.status.message() << "\n";
      break;
    }
  }
  if (!result.has_best()) {
    out << "\nno set has a defined '" << options.objective << "'\n";
    return out.str();
  }
  const SetResult& b = result.sets[result.best];
  out << "\nbest: " << params_text(space, b.params) << "\n\n"
      << report::statistics_table(b.statistics);
  return out.str();
}

report::Heatmap objective_heatmap(const OptimizeResult& result, const ParameterSpace& space,
                                  const OptimizeOptions& options) {
  report::Heatmap h;
  h.metric = options.objective;
  h.higher_is_better = options.maximize;
  if (space.dims.empty()) return h;
  std::map<double, size_t> xs, ys;
  for (const SetResult& r : result.sets) {
    xs[r.params[0]] = 0;
    ys[space.dims.size() > 1 ? r.params[1] : 0.0] = 0;
  }
  h.x_name = space.dims[0].name;
  h.y_name = space.dims.size() > 1 ? space.dims[1].name : "";
  for (auto& [v, i] : xs) i = h.x_values.size(), h.x_values.push_back(v);
  for (auto& [v, i] : ys) i = h.y_values.size(), h.y_values.push_back(v);
  h.cells.assign(h.y_values.size(), std::vector<double>(h.x_values.size(), NAN));
  for (const SetResult& r : result.sets) {
    if (std::isnan(r.objective)) continue;
    double& cell = h.cells[ys[space.dims.size() > 1 ? r.params[1] : 0.0]][xs[r.params[0]]];
    const bool better = options.maximize ? r.objective > cell : r.objective < cell;
    if (std::isnan(cell) || better) cell = r.objective;
  }
  return h;
}

std::string walk_forward_csv(const WalkForwardResult& result, const ParameterSpace& space,
                             const std::vector<int64_t>& ts) {
  std::ostringstream out;
  out << "window,train_begin,train_end,test_begin,test_end,train_start,train_last,test_start,"
         "test_last,";
  for (const Dimension& d : space.dims) out << csv_cell(d.name) << ",";
  out << "in_sample,out_of_sample,sets,failed,error\n";
  for (size_t k = 0; k < result.windows.size(); ++k) {
    const WindowResult& w = result.windows[k];
    const Window& win = w.window;
    out << k << "," << win.train_begin << "," << win.train_end << "," << win.test_begin << ","
        << win.test_end << "," << date_of(ts, win.train_begin) << ","
        << date_of(ts, win.train_end - 1) << "," << date_of(ts, win.test_begin) << ","
        << date_of(ts, win.test_end - 1) << ",";
    for (size_t d = 0; d < space.dims.size(); ++d) {
      out << (d < w.best.size() ? format_param(space.dims[d], w.best[d]) : "") << ",";
    }
    out << (w.best.empty() ? "" : format_double(w.in_sample)) << ","
        << format_double(w.out_of_sample) << "," << w.sets << "," << w.failed << ","
        << csv_cell(w.status.is_ok() ? "" : w.status.message()) << "\n";
  }
  return out.str();
}

nlohmann::ordered_json walk_forward_json(const WalkForwardResult& result,
                                         const ParameterSpace& space,
                                         const OptimizeOptions& options,
                                         const std::vector<int64_t>& ts) {
  nlohmann::ordered_json j;
  j["objective"] = options.objective;
  j["maximize"] = options.maximize;
  j["parameters"] = space.names();
  nlohmann::ordered_json windows = nlohmann::ordered_json::array();
  for (const WindowResult& w : result.windows) {
    nlohmann::ordered_json o;
    o["train"] = {w.window.train_begin, w.window.train_end};
    o["test"] = {w.window.test_begin, w.window.test_end};
    o["train_dates"] = {date_of(ts, w.window.train_begin), date_of(ts, w.window.train_end - 1)};
    o["test_dates"] = {date_of(ts, w.window.test_begin), date_of(ts, w.window.test_end - 1)};
    o["best"] = w.best.empty() ? nlohmann::ordered_json(nullptr) : params_json(space, w.best);
    o["in_sample"] = w.best.empty() ? nlohmann::ordered_json(nullptr) : number_json(w.in_sample);
    o["out_of_sample"] = number_json(w.out_of_sample);
    o["sets"] = w.sets;
    o["failed"] = w.failed;
    if (!w.status.is_ok()) o["error"] = w.status.message();
    windows.push_back(std::move(o));
  }
  j["windows"] = std::move(windows);
  j["final_equity"] = result.equity.empty() ? nlohmann::ordered_json(nullptr)
                                            : number_json(result.equity.back());
  j["out_of_sample_bars"] = result.equity.size();
  return j;
}

std::string walk_forward_table(const WalkForwardResult& result, const ParameterSpace& space,
                               const OptimizeOptions& options, const std::vector<int64_t>& ts) {
  std::ostringstream out;
  out << result.windows.size() << " walk-forward windows; "
      << (options.maximize ? "maximizing" : "minimizing") << " '" << options.objective << "'\n\n";
  for (size_t k = 0; k < result.windows.size(); ++k) {
    const WindowResult& w = result.windows[k];
    out << "  " << k << ". train " << date_of(ts, w.window.train_begin) << " .. "
        << date_of(ts, w.window.train_end - 1) << ", test " << date_of(ts, w.window.test_begin)
        << " .. " << date_of(ts, w.window.test_end - 1) << ": ";
    if (w.best.empty()) {
      out << w.status.message() << "\n";
      continue;
    }
    out << params_text(space, w.best) << "  in-sample " << format_double(w.in_sample)
        << ", out-of-sample " << format_double(w.out_of_sample);
    if (!w.status.is_ok()) out << " (" << w.status.message() << ")";
    out << "\n";
  }
  if (!result.equity.empty()) {
    out << "\nstitched out-of-sample equity: " << format_double(result.equity.front()) << " -> "
        << format_double(result.equity.back()) << " over " << result.equity.size() << " bars\n";
  }
  return out.str();
}

}  // namespace nocode::optimize
