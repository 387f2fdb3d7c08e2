// Indicator benchmark: ns/bar of nocode's batch kernels next to TA-Lib C and
// Tulip Indicators C, measured in the same process on the same data.
//
// Rows: every registry spec with core == true (matched to the reference table
// by TA-Lib name), plus reference-only rows for core TA-Lib functions nocode
// has not registered yet. Input: synthetic OHLCV whose log price is an
// Ornstein-Uhlenbeck walk (sigma 1 %/bar, mean reversion to 100, stationary sd
// 0.22), as in shared/reference/ta/README.md "Speed to beat". Outputs are
// preallocated and pre-touched; each measurement is the median of --reps runs,
// the three implementations interleaved run by run so drift hits them alike.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "bench_common.h"
#include "indicators/registry.h"
#include "reference_table.h"

#ifdef NOCODE_BENCH_TULIP
#include "indicators.h"
#endif

namespace nocode::bench {
namespace {

namespace ind = nocode::indicators;

const char* kUsage =
    "usage: bench_indicators [--sizes=1M,10M] [--reps=5] [--reps-large=N]\n"
    "                        [--only=RSI,macd,...] [--results=PATH] [--note=TEXT]\n"
    "  --sizes       bar counts (k/M suffixes); env NOCODE_BENCH_SIZES\n"
    "  --reps        runs per measurement, median reported; env NOCODE_BENCH_REPS (default 5)\n"
    "  --reps-large  runs for sizes >= 5M; env NOCODE_BENCH_REPS_LARGE (default = reps)\n"
    "  --only        indicator names (nocode or TA-Lib, case-insensitive)\n"
    "  --results     rewrite the indicators section of this Markdown file (bench/RESULTS.md)\n"
    "  --note        a remark for the Markdown section (e.g. machine was busy)\n";

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Synthetic OHLCV, deterministic (fixed seed).
struct Data {
  std::vector<double> open, high, low, close, volume;
};

Data make_data(size_t n) {
  Data d;
  d.open.resize(n);
  d.high.resize(n);
  d.low.resize(n);
  d.close.resize(n);
  d.volume.resize(n);
  std::mt19937_64 rng(20240501);
  std::normal_distribution<double> z(0.0, 1.0);
  const double sigma = 0.01, sd = 0.22;
  const double theta = 1.0 - std::sqrt(1.0 - sigma * sigma / (sd * sd));  // AR(1) reversion
  const double mu = std::log(100.0);
  double x = mu;
  double prev_close = 100.0;
  for (size_t i = 0; i < n; ++i) {
    x += theta * (mu - x) + sigma * z(rng);
    const double c = std::exp(x);
    const double o = prev_close * std::exp(0.002 * z(rng));
    const double hi = std::max(o, c) * std::exp(0.005 * std::abs(z(rng)));
    const double lo = std::min(o, c) * std::exp(-0.005 * std::abs(z(rng)));
    d.open[i] = o;
    d.high[i] = hi;
    d.low[i] = lo;
    d.close[i] = c;
    d.volume[i] = std::round(1e5 * std::exp(0.5 * z(rng)));
    prev_close = c;
  }
  return d;
}

struct Row {
  const ind::IndicatorSpec* spec = nullptr;   // nullptr: nocode lacks it
  const ReferenceIndicator* ref = nullptr;    // nullptr: not a TA-Lib core function
  std::string name() const {
    return ref ? ref->talib_name : (spec->talib_name.empty() ? spec->name : spec->talib_name);
  }
};

struct Timing {
  double nocode = NAN, talib = NAN, tulip = NAN;  // ns/bar
  std::string check;                              // nocode vs TA-Lib
};

double ratio(double a, double b) { return (std::isnan(a) || std::isnan(b) || b <= 0) ? NAN : a / b; }
double min_ref(const Timing& r) {
  if (std::isnan(r.talib)) return r.tulip;
  if (std::isnan(r.tulip)) return r.talib;
  return std::min(r.talib, r.tulip);
}

// The nocode input array for one declared input.
const double* input_for(ind::InputKind kind, const Bars& b) {
  switch (kind) {
    case ind::InputKind::kOpen: return b.open;
    case ind::InputKind::kHigh: return b.high;
    case ind::InputKind::kLow: return b.low;
    case ind::InputKind::kClose: return b.close;
    case ind::InputKind::kVolume: return b.volume;
    case ind::InputKind::kReal: return b.close;
    case ind::InputKind::kReal0: return b.close;
    case ind::InputKind::kReal1: return b.open;
  }
  return b.close;
}

// nocode parameters: the reference row's values matched by TA-Lib optIn name
// (ParamSpec::talib), defaults for anything else.
ind::Params nocode_params(const ind::IndicatorSpec& spec, const ReferenceIndicator* ref) {
  std::vector<std::pair<std::string, double>> given;
  if (ref) {
    for (const ind::ParamSpec& ps : spec.params)
      for (const auto& [optin, value] : ref->optins)
        if (!ps.talib.empty() && lower(ps.talib) == lower(optin)) given.emplace_back(ps.name, value);
  }
  auto resolved = ind::resolve_params(spec, given);
  if (!resolved.is_ok()) {
    std::cerr << spec.name << ": " << resolved.status().to_string() << " (using defaults)\n";
    return ind::default_params(spec);
  }
  return *resolved;
}

std::string params_label(const ind::IndicatorSpec& spec, const ind::Params& p) {
  std::ostringstream out;
  for (size_t i = 0; i < p.values.size(); ++i) {
    if (i) out << ",";
    if (spec.params[i].type == ind::ParamType::kMaType)
      out << lower(ind::ma_type_name(p.integer(i)));
    else
      out << p.values[i];
  }
  return out.str();
}

// Compares nocode's outputs with TA-Lib's on the last bars (both start at 0):
// "ok" within 1e-9 (relative, absolute below 1), else the worst difference.
std::string compare(const std::vector<double*>& noc, const std::vector<double*>& ta, int outputs,
                    size_t n, int lookback, int beg, int nb) {
  if (lookback != beg)
    return "lookback " + std::to_string(lookback) + " vs TA-Lib " + std::to_string(beg);
  if (nb <= 0) return "no output";
  double worst = 0;
  const size_t tail = std::min<size_t>(static_cast<size_t>(nb), 4096);
  for (int k = 0; k < outputs; ++k) {
    for (size_t j = static_cast<size_t>(nb) - tail; j < static_cast<size_t>(nb); ++j) {
      const double a = noc[k][beg + j], b = ta[k][j];
      if (std::isnan(a) && std::isnan(b)) continue;
      const double d = std::abs(a - b) / std::max({1.0, std::abs(a), std::abs(b)});
      if (!(d <= worst)) worst = std::isnan(d) ? INFINITY : d;
    }
  }
  (void)n;
  if (worst <= 1e-9) return "ok";
  char buf[48];
  std::snprintf(buf, sizeof buf, "differs %.1e", worst);
  return buf;
}

int run(int argc, char** argv) {
  const Flags flags =
      parse_flags(argc, argv, {"sizes", "reps", "reps-large", "only", "results", "note"}, kUsage);
  const std::vector<size_t> sizes =
      parse_sizes(flags.get("sizes", env_or("NOCODE_BENCH_SIZES", "1M,10M")));
  const int reps = std::max(1, std::atoi(flags.get("reps", env_or("NOCODE_BENCH_REPS", "5")).c_str()));
  const int reps_large = std::max(
      1, std::atoi(flags.get("reps-large", env_or("NOCODE_BENCH_REPS_LARGE", std::to_string(reps)))
                       .c_str()));
  std::vector<std::string> only;
  for (const std::string& s : split_list(flags.get("only"))) only.push_back(lower(s));

  const bool have_talib = talib_init();
#ifdef NOCODE_BENCH_TULIP
  const bool have_tulip = true;
#else
  const bool have_tulip = false;
#endif

  // Rows: reference order for the 52, registry specs matched by TA-Lib name.
  const auto& refs = reference_indicators();
  const ind::Registry& registry = ind::builtin_registry();
  std::vector<Row> rows;
  for (const ReferenceIndicator& ref : refs) rows.push_back({nullptr, &ref});
  size_t core_specs = 0;
  std::vector<Row> unmatched;
  for (const ind::IndicatorSpec& spec : registry.all()) {
    if (!spec.core) {
      // The README's extra rows (MAX, MAMA, CDLENGULFING, ...): shown, never totalled.
      for (Row& row : rows)
        if (!row.spec && !row.ref->core52 && lower(row.ref->talib_name) == lower(spec.talib_name))
          row.spec = &spec;
      continue;
    }
    ++core_specs;
    bool matched = false;
    for (Row& row : rows)
      if (!row.spec && lower(row.ref->talib_name) == lower(spec.talib_name)) {
        row.spec = &spec;
        matched = true;
        break;
      }
    if (!matched) unmatched.push_back({&spec, nullptr});  // outside the table: nocode only
  }
  // Extra README rows appear only when the registry has them.
  std::erase_if(rows, [](const Row& row) { return !row.ref->core52 && !row.spec; });
  rows.insert(rows.end(), unmatched.begin(), unmatched.end());
  if (!only.empty()) {
    std::vector<Row> kept;
    for (const Row& row : rows) {
      bool keep = false;
      for (const std::string& o : only)
        keep = keep || o == lower(row.name()) || (row.spec && o == lower(row.spec->name));
      if (keep) kept.push_back(row);
    }
    rows = kept;
  }
  size_t registered = 0, registered52 = 0;
  std::string extra_core;  // registry core specs outside INVENTORY's 52
  for (const Row& row : rows) {
    registered += row.spec != nullptr;
    if (row.spec && row.ref && row.ref->core52) ++registered52;
    if (row.spec && !(row.ref && row.ref->core52))
      extra_core += (extra_core.empty() ? "" : ", ") + row.name();
  }

  const size_t max_n = *std::max_element(sizes.begin(), sizes.end());
  const std::string load_start = loadavg();
  std::cout << "nocode indicator benchmark: " << rows.size() << " rows (" << registered
            << " with a nocode core spec, " << registered52 << " of the 52; registry has "
            << core_specs << " core specs), sizes";
  for (size_t n : sizes) std::cout << " " << size_label(n);
  std::cout << ", median of " << reps;
  if (reps_large != reps) std::cout << " (" << reps_large << " at >=5M)";
  std::cout << "\nreferences: TA-Lib C " << (have_talib ? "yes" : "NOT BUILT") << ", Tulip C "
            << (have_tulip ? "yes" : "NOT BUILT") << "\nmachine: " << machine_description()
            << "\nload average at start: " << load_start << "\n" << std::flush;

  const Data data = make_data(max_n);
  const Bars bars{data.open.data(), data.high.data(), data.low.data(), data.close.data(),
                  data.volume.data()};
  // Outputs: pre-touched once (value-initialised), reused by every row.
  size_t max_outputs = 3;  // TA-Lib's and Tulip's most for these functions
  for (const Row& row : rows)
    if (row.spec) max_outputs = std::max(max_outputs, row.spec->outputs.size());
  std::vector<std::vector<double>> noc_store(max_outputs, std::vector<double>(max_n, 0.0));
  std::vector<std::vector<double>> ref_store(max_outputs, std::vector<double>(max_n, 0.0));
  std::vector<double*> noc_out, ref_out;
  for (auto& v : noc_store) noc_out.push_back(v.data());
  for (auto& v : ref_store) ref_out.push_back(v.data());

  std::map<size_t, std::vector<Timing>> results;
  std::ostringstream md_tables;
  for (size_t n : sizes) {
    const int r_count = n >= 5000000 ? reps_large : reps;
    std::vector<Timing>& res = results[n];
    res.resize(rows.size());
    char line[256];
    std::printf("\n== %s bars (median of %d) ==\n", size_label(n).c_str(), r_count);
    std::printf("%-16s %-12s %9s %9s %9s %8s %8s  %s\n", "indicator", "params", "nocode",
                "TA-Lib", "Tulip", "noc/TA", "noc/min", "check");
    md_tables << "\n### " << size_label(n) << " bars (ns/bar, median of " << r_count << ")\n\n"
              << "| indicator | params | nocode | TA-Lib | Tulip | nocode/TA-Lib | "
                 "nocode/min | check vs TA-Lib | Tulip note |\n"
              << "|---|---|---:|---:|---:|---:|---:|---|---|\n";
    for (size_t ri = 0; ri < rows.size(); ++ri) {
      const Row& row = rows[ri];
      Timing& r = res[ri];
      // nocode
      ind::Params params;
      std::vector<const double*> noc_in;
      if (row.spec) {
        params = nocode_params(*row.spec, row.ref);
        for (ind::InputKind k : row.spec->inputs) noc_in.push_back(input_for(k, bars));
      }
      // TA-Lib
      std::vector<double> optins;
      if (row.ref)
        for (const auto& [name, value] : row.ref->optins) optins.push_back(value);
      const bool run_talib = have_talib && row.ref && row.ref->talib;
      // Tulip
      std::vector<const double*> tu_in;
      bool run_tulip = false;
#ifdef NOCODE_BENCH_TULIP
      const ti_indicator_info* ti =
          row.ref && *row.ref->tulip_name ? ti_find_indicator(row.ref->tulip_name) : nullptr;
      if (ti) {
        run_tulip = true;
        for (int k = 0; k < ti->inputs; ++k) {
          const std::string in = ti->input_names[k];
          tu_in.push_back(in == "open"     ? bars.open
                          : in == "high"   ? bars.high
                          : in == "low"    ? bars.low
                          : in == "volume" ? bars.volume
                                           : bars.close);
        }
        if (ti->outputs > static_cast<int>(ref_out.size()) ||
            ti->start(row.ref->tulip_options.data()) < 0)
          run_tulip = false;
      }
#endif
      std::vector<double> t_noc, t_ta, t_tu;
      int beg = 0, nb = 0;
      for (int rep = 0; rep < r_count; ++rep) {
        if (row.spec) {
          const double t0 = now_ns();
          row.spec->batch(noc_in.data(), n, params, noc_out.data());
          t_noc.push_back(now_ns() - t0);
        }
        if (run_talib) {
          const double t0 = now_ns();
          const int rc = row.ref->talib(bars, static_cast<int>(n) - 1, optins.data(),
                                        ref_out.data(), &beg, &nb);
          t_ta.push_back(now_ns() - t0);
          if (rc != 0) {
            std::cerr << row.name() << ": TA-Lib returned " << rc << "\n";
            t_ta.clear();
            break;
          }
        }
#ifdef NOCODE_BENCH_TULIP
        if (run_tulip) {
          const double t0 = now_ns();
          const int rc = ti->indicator(static_cast<int>(n), tu_in.data(),
                                       row.ref->tulip_options.data(), ref_out.data());
          t_tu.push_back(now_ns() - t0);
          if (rc != TI_OKAY) {
            std::cerr << row.name() << ": Tulip returned " << rc << "\n";
            run_tulip = false;
            t_tu.clear();
          }
        }
#endif
      }
      const double dn = static_cast<double>(n);
      if (!t_noc.empty()) r.nocode = median(t_noc) / dn;
      if (!t_ta.empty()) r.talib = median(t_ta) / dn;
      if (!t_tu.empty()) r.tulip = median(t_tu) / dn;
      (void)run_tulip;
      // Check nocode against TA-Lib (rerun TA-Lib: Tulip wrote over its buffers).
      if (row.spec && run_talib && !t_ta.empty()) {
        row.ref->talib(bars, static_cast<int>(n) - 1, optins.data(), ref_out.data(), &beg, &nb);
        if (row.ref->int_outputs) widen_int_outputs(ref_out.data(), row.ref->talib_outputs, nb);
        const int outs = std::min<int>(static_cast<int>(row.spec->outputs.size()),
                                       row.ref->talib_outputs);
        r.check = compare(noc_out, ref_out, outs, n, row.spec->lookback(params), beg, nb);
      } else if (row.spec && !row.ref) {
        r.check = "not a TA-Lib core function";
      } else if (!row.spec) {
        r.check = "not in nocode yet";
      }
      const std::string plabel =
          row.spec ? params_label(*row.spec, params) : (row.ref ? row.ref->params : "");
      // Plain "-" in the terminal so printf's byte widths keep the columns aligned.
      auto txt = [](double v) { return std::isnan(v) ? std::string("-") : fmt(v); };
      std::snprintf(line, sizeof line, "%-16s %-12s %9s %9s %9s %8s %8s  %s\n",
                    row.name().c_str(), plabel.c_str(), txt(r.nocode).c_str(),
                    txt(r.talib).c_str(), txt(r.tulip).c_str(),
                    txt(ratio(r.nocode, r.talib)).c_str(),
                    txt(ratio(r.nocode, min_ref(r))).c_str(), r.check.c_str());
      std::fputs(line, stdout);
      std::fflush(stdout);
      md_tables << "| " << row.name() << " | " << plabel << " | " << fmt(r.nocode) << " | "
                << fmt(r.talib) << " | " << fmt(r.tulip) << " | "
                << fmt(ratio(r.nocode, r.talib)) << " | " << fmt(ratio(r.nocode, min_ref(r)))
                << " | " << r.check << " | "
                << (row.ref && *row.ref->tulip_name ? std::string("ti_") + row.ref->tulip_name +
                                                          (*row.ref->note ? ": " : "") +
                                                          row.ref->note
                                                    : std::string())
                << " |\n";
    }
  }

  // Totals. "core total" compares like with like: the rows nocode has and
  // TA-Lib ran, summed at the largest size.
  std::ostringstream summary;
  std::string last_line;
  for (size_t n : sizes) {
    const std::vector<Timing>& res = results[n];
    double noc = 0, ta_same = 0, ta_all = 0, tu_all = 0, ta_tu = 0, noc_tu = 0, tu_same = 0;
    double noc_all = 0;
    int same = 0, ta_n = 0, tu_n = 0, noc_tu_n = 0, noc_n = 0;
    for (size_t i = 0; i < rows.size(); ++i) {
      const Timing& r = res[i];
      if (rows[i].ref && !rows[i].ref->core52) continue;  // extra rows are not in the totals
      if (!std::isnan(r.talib) && rows[i].ref && rows[i].ref->core52) ta_all += r.talib, ++ta_n;
      if (!std::isnan(r.tulip) && rows[i].ref && rows[i].ref->core52) tu_all += r.tulip, ta_tu += std::isnan(r.talib) ? 0 : r.talib, ++tu_n;
      if (!std::isnan(r.nocode)) noc_all += r.nocode, ++noc_n;
      if (!std::isnan(r.nocode) && (!have_talib || !std::isnan(r.talib))) {
        noc += r.nocode, ++same;
        if (!std::isnan(r.talib)) ta_same += r.talib;
      }
      if (!std::isnan(r.nocode) && !std::isnan(r.tulip))
        noc_tu += r.nocode, tu_same += r.tulip, ++noc_tu_n;
    }
    summary << size_label(n) << ": nocode " << fmt(noc_all) << " ns/bar over its " << noc_n
            << " core indicators\n";
    summary << size_label(n) << ": nocode " << fmt(noc) << " vs TA-Lib " << fmt(ta_same)
            << " ns/bar over the " << same << " core indicators both have; TA-Lib on the 52 core functions ("
            << ta_n << " timed): " << fmt(ta_all) << "; Tulip on its " << tu_n << " counterparts among them: " << fmt(tu_all)
            << " (TA-Lib on those: " << fmt(ta_tu) << "); nocode vs Tulip on " << noc_tu_n
            << " shared: " << fmt(noc_tu) << " vs " << fmt(tu_same) << "\n";
    if (n == max_n) {
      char buf[256];
      std::snprintf(buf, sizeof buf, "core total: nocode %s ns/bar, TA-Lib %s ns/bar, ratio %s",
                    fmt(same ? noc : NAN).c_str(), fmt(same && have_talib ? ta_same : NAN).c_str(),
                    fmt(ratio(noc, ta_same), 3).c_str());
      last_line = buf;
    }
  }
  const std::string load_end = loadavg();
  std::cout << "\nload average at end: " << load_end << "\n" << summary.str();

  if (flags.has("results") && !flags.get("results").empty()) {
    std::ostringstream md;
    md << "## Indicators\n\n"
       << "- date: " << utc_now() << "\n"
       << "- machine: " << machine_description() << "\n"
       << "- load average (1/5/15 min): " << load_start << " at start, " << load_end
       << " at end\n";
    if (!env_or("NOCODE_BENCH_REVISION", "").empty())
      md << "- source: " << env_or("NOCODE_BENCH_REVISION", "") << "\n";
    md
       << "- nocode: " << registered52 << " of the 52 core TA-Lib functions registered; the "
       << "registry marks " << core_specs << " specs core"
       << (extra_core.empty() ? std::string() : " (beyond the 52: " + extra_core + ")") << "\n"
       << "- references: TA-Lib C 0.6.0-dev (npm talib 1.1.6 sources) "
       << (have_talib ? "" : "NOT BUILT ") << "and Tulip Indicators 0.8.4 (npm tulind sources) "
       << (have_tulip ? "" : "NOT BUILT ")
       << "compiled with -O3 -march=native; nocode with -O3 -march=native -ffp-contract=off\n"
       << "- input: synthetic OHLCV, log price Ornstein-Uhlenbeck (sigma 1 %/bar, reverts to "
          "100, stationary sd 0.22); inReal = close, inReal0/inReal1 = close/open\n"
       << "- each cell: median of the runs, nocode/TA-Lib/Tulip interleaved; outputs "
          "preallocated and pre-touched; TA-Lib via TA_XXX(startIdx 0), Tulip via ti_xxx\n"
       << "- check: nocode vs TA-Lib on the last 4096 bars of every output (1e-9) and "
          "lookback == TA-Lib begIdx\n";
    if (!flags.get("note").empty()) md << "- note: " << flags.get("note") << "\n";
    md << md_tables.str() << "\n### Totals\n\n";
    std::istringstream lines(summary.str());
    std::string l;
    while (std::getline(lines, l)) md << "- " << l << "\n";
    md << "\n```\n" << last_line << "\n```\n";
    const std::string path = flags.get("results");
    if (write_results_section(path, "indicators", md.str()))
      std::cout << "wrote " << path << "\n";
    else
      std::cerr << "could not write " << path << "\n";
  }
  std::cout << last_line << std::endl;
  return 0;
}

}  // namespace
}  // namespace nocode::bench

int main(int argc, char** argv) { return nocode::bench::run(argc, argv); }
