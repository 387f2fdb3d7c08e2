// Model-training throughput: nocode's `xgboost` model (XGBoost's C API behind
// nocode::ml::Model) against python3-xgboost with the same parameters on the
// same matrix, measured in the same run, interleaved rep by rep (the machine
// may be shared). Also peak memory (ru_maxrss) of each process, and a check
// that both sides built the same model (bitwise-equal predictions).
//
// The Python side is bench/ml/xgb_train_reference.py run by /usr/bin/python3.
#include <sys/resource.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "bench_common.h"
#include "ml/model.h"

using namespace nocode;
using namespace nocode::bench;

namespace {

const char* kUsage =
    "usage: bench_ml [--rows=200k] [--cols=30] [--rounds=100] [--nthread=2] [--reps=3]\n"
    "                [--dir=DIR] [--results=PATH] [--note=TEXT]\n"
    "  trains nocode's xgboost and python3-xgboost (bench/ml/xgb_train_reference.py)\n"
    "  on the same generated matrix; --results rewrites the ml section of bench/RESULTS.md\n";

std::string env_or(const char* name, const std::string& fallback) {
  const char* v = std::getenv(name);
  return v && *v ? v : fallback;
}

// x ~ N(0,1); y = [x0 + 0.5 x1 - 0.25 x2 + 0.5 e > 0]; 2% of values missing.
void generate(size_t rows, size_t cols, ml::FeatureMatrix& x, std::vector<double>& y) {
  std::mt19937_64 rng(2026);
  std::normal_distribution<double> n01(0, 1);
  std::uniform_real_distribution<double> u01(0, 1);
  x.rows = rows;
  x.names.clear();
  for (size_t c = 0; c < cols; ++c) x.names.push_back("f" + std::to_string(c));
  x.values.resize(rows * cols);
  y.resize(rows);
  for (size_t r = 0; r < rows; ++r) {
    double* row = &x.values[r * cols];
    for (size_t c = 0; c < cols; ++c) row[c] = n01(rng);
    const double s = row[0] + 0.5 * row[1] - 0.25 * row[2] + 0.5 * n01(rng);
    y[r] = s > 0 ? 1 : 0;
    for (size_t c = 3; c < cols; ++c)
      if (u01(rng) < 0.02) row[c] = NAN;
  }
}

bool write_raw(const std::string& path, const std::vector<double>& a,
               const std::vector<double>& b) {
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(a.data()), static_cast<std::streamsize>(a.size() * 8));
  out.write(reinterpret_cast<const char*>(b.data()), static_cast<std::streamsize>(b.size() * 8));
  return static_cast<bool>(out);
}

std::string run_capture(const std::string& cmd) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  pclose(p);
  return out;
}

long maxrss_kb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

std::string mb(long kb) { return fmt(static_cast<double>(kb) / 1024.0, 0) + " MB"; }

}  // namespace

int main(int argc, char** argv) {
  const Flags flags = parse_flags(
      argc, argv, {"rows", "cols", "rounds", "nthread", "reps", "dir", "results", "note"}, kUsage);
  const size_t rows = parse_sizes(flags.get("rows", "200k")).at(0);
  const size_t cols = std::stoul(flags.get("cols", "30"));
  const int rounds = std::stoi(flags.get("rounds", "100"));
  const int nthread = std::stoi(flags.get("nthread", "2"));
  const int reps = std::max(1, std::stoi(flags.get("reps", env_or("NOCODE_BENCH_REPS", "3"))));
  const std::string dir = flags.get("dir", ".");
  const uint64_t seed = 7;
  const long base_rss = maxrss_kb();  // libraries loaded, no data yet

  ml::TrainingData td;
  generate(rows, cols, td.features, td.label);
  const ml::FeatureMatrix& x = td.features;  // one copy of the matrix, as in Python
  const std::vector<double>& y = td.label;
  const std::string data = dir + "/ml_bench_matrix.bin", preds = dir + "/ml_bench_preds.f32";
  if (!write_raw(data, x.values, y)) {
    std::cerr << "cannot write " << data << "\n";
    return 1;
  }
  std::cout << "nocode model-training benchmark\nmachine: " << machine_description() << "\n"
            << "matrix: " << size_label(rows) << " rows x " << cols << " features, " << rounds
            << " rounds, hist, max_depth 6, nthread " << nthread << ", median of " << reps << "\n";

  td.task = ml::Task::kBinary;
  td.seed = seed;
  const nlohmann::json hp = {{"n_estimators", rounds}, {"nthread", nthread}};
  std::vector<double> ours, theirs;
  long py_rss = 0, py_base = 0;
  std::unique_ptr<ml::Model> model;
  char cmd[2048];
  std::snprintf(cmd, sizeof cmd,
                "/usr/bin/python3 '%s/bench/ml/xgb_train_reference.py' --data '%s' --rows %zu "
                "--cols %zu --rounds %d --nthread %d --seed %llu --reps 1 --preds '%s'",
                NOCODE_BENCH_SOURCE_DIR, data.c_str(), rows, cols, rounds, nthread,
                static_cast<unsigned long long>(seed), preds.c_str());
  for (int r = 0; r < reps; ++r) {
    auto m = ml::builtin_models().create("xgboost", hp, ml::Task::kBinary);
    if (!m) {
      std::cerr << m.status().to_string() << "\n";
      return 1;
    }
    const double t0 = now_ns();
    Status s = (*m)->fit(td);
    ours.push_back((now_ns() - t0) * 1e-9);
    if (!s) {
      std::cerr << s.to_string() << "\n";
      return 1;
    }
    model = std::move(*m);
    auto j = nlohmann::json::parse(run_capture(cmd), nullptr, false);
    if (j.is_discarded() || !j.contains("seconds")) {
      std::cerr << "python reference failed: " << cmd << "\n";
      return 1;
    }
    theirs.push_back(j["seconds"][0].get<double>());
    py_rss = std::max(py_rss, j["maxrss_kb"].get<long>());
    py_base = j["base_maxrss_kb"].get<long>();
    std::printf("rep %d: nocode %.3f s, python %.3f s\n", r + 1, ours.back(), theirs.back());
  }
  const long our_rss = maxrss_kb();

  // Same model? Compare the training-set predictions bit for bit.
  auto p = model->predict(x);
  std::ifstream pf(preds, std::ios::binary);
  std::vector<float> py(rows);
  pf.read(reinterpret_cast<char*>(py.data()), static_cast<std::streamsize>(rows * 4));
  size_t differ = 0;
  for (size_t i = 0; p && pf && i < rows; ++i) differ += static_cast<float>((*p)[i]) != py[i];
  const bool same = p && pf && differ == 0;
  std::remove(data.c_str());
  std::remove(preds.c_str());

  const double a = median(ours), b = median(theirs);
  const std::string line = "xgb_train_" + size_label(rows) + ": nocode " + fmt(a, 3) +
                           " s, python " + fmt(b, 3) + " s, ratio " + fmt(a / b, 3);
  std::cout << "peak memory (ru_maxrss): nocode " << mb(our_rss) << " (+" << mb(our_rss - base_rss)
            << " over the process before the data), python " << mb(py_rss) << " (+"
            << mb(py_rss - py_base) << " over the interpreter after imports)"
            << "\nsame model (bitwise-equal predictions): "
            << (same ? "yes" : "NO (" + std::to_string(differ) + " differ)") << "\n";
  if (!flags.get("results").empty()) {
    std::ostringstream md;
    md << "## Model training\n\n"
       << "- date: " << utc_now() << "\n- machine: " << machine_description() << "\n";
    if (!env_or("NOCODE_BENCH_REVISION", "").empty())
      md << "- source: " << env_or("NOCODE_BENCH_REVISION", "") << "\n";
    md << "- task: binary, " << size_label(rows) << " rows x " << cols
       << " features (2% NaN), xgboost defaults (hist, max_depth 6, eta 0.3), " << rounds
       << " rounds, nthread " << nthread << "; timed: DMatrix + training; median of " << reps
       << ", nocode and python interleaved\n"
       << "- reference: python3-xgboost "
       << "(bench/ml/xgb_train_reference.py), same parameters\n"
       << "- same model (bitwise-equal predictions): " << (same ? "yes" : "no") << "\n";
    if (!flags.get("note").empty()) md << "- note: " << flags.get("note") << "\n";
    md << "- memory: peak ru_maxrss of the process; in brackets its growth over the process "
          "before the data (nocode: after start-up, LibTorch included; python: after imports)\n"
       << "\n| trainer | seconds | peak memory | time / python's |\n|---|---:|---:|---:|\n"
       << "| nocode `xgboost` (C API) | " << fmt(a, 3) << " | " << mb(our_rss) << " (+"
       << mb(our_rss - base_rss) << ") | " << fmt(a / b, 3) << " |\n"
       << "| python3-xgboost `xgb.train` | " << fmt(b, 3) << " | " << mb(py_rss) << " (+"
       << mb(py_rss - py_base) << ") | 1.000 |\n"
       << "\n"
       << line << "\n";
    if (write_results_section(flags.get("results"), "ml", md.str()))
      std::cout << "wrote " << flags.get("results") << "\n";
  }
  std::cout << line << std::endl;
  return same ? 0 : 1;
}
