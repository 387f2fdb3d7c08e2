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
    "usage: bench_ml [--rows=200k] [--cols=30] [--rounds=100] [--nthread=1,2] [--reps=3]\n"
    "                [--dir=DIR] [--results=PATH] [--note=TEXT]\n"
    "  trains nocode's xgboost and python3-xgboost (bench/ml/xgb_train_reference.py)\n"
    "  on the same generated matrix; --results rewrites the ml section of bench/RESULTS.md\n";

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

// User + system CPU seconds of this process (all its threads).
double cpu_seconds() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
         static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1e-6;
}

struct Config {
  size_t rows = 0, cols = 0;
  int rounds = 100, reps = 3;
  uint64_t seed = 7;
  std::string data, preds;  // the matrix file for Python, its predictions
};

struct Measurement {
  int nthread = 0;
  std::vector<double> ours, theirs, our_cpu, their_cpu;  // seconds per rep
  long py_rss = 0, py_base = 0;
  size_t differ = 0;
  bool same = false;
};

// Interleaved reps of nocode's fit and the Python reference; then compares
// the last models' training-set predictions bit for bit.
bool measure(const Config& c, const ml::TrainingData& td, Measurement& m) {
  const nlohmann::json hp = {{"n_estimators", c.rounds}, {"nthread", m.nthread}};
  char cmd[2048];
  std::snprintf(cmd, sizeof cmd,
                "/usr/bin/python3 '%s/bench/ml/xgb_train_reference.py' --data '%s' --rows %zu "
                "--cols %zu --rounds %d --nthread %d --seed %llu --reps 1 --preds '%s'",
                NOCODE_BENCH_SOURCE_DIR, c.data.c_str(), c.rows, c.cols, c.rounds, m.nthread,
                static_cast<unsigned long long>(c.seed), c.preds.c_str());
  std::unique_ptr<ml::Model> model;
  for (int r = 0; r < c.reps; ++r) {
    auto created = ml::builtin_models().create("xgboost", hp, ml::Task::kBinary);
    if (!created) return std::cerr << created.status().to_string() << "\n", false;
    const double t0 = now_ns(), c0 = cpu_seconds();
    Status s = (*created)->fit(td);
    m.ours.push_back((now_ns() - t0) * 1e-9);
    m.our_cpu.push_back(cpu_seconds() - c0);
    if (!s) return std::cerr << s.to_string() << "\n", false;
    model = std::move(*created);
    auto j = nlohmann::json::parse(run_capture(cmd), nullptr, false);
    if (j.is_discarded() || !j.contains("seconds"))
      return std::cerr << "python reference failed: " << cmd << "\n", false;
    m.theirs.push_back(j["seconds"][0].get<double>());
    m.their_cpu.push_back(j["cpu_seconds"][0].get<double>());
    m.py_rss = std::max(m.py_rss, j["maxrss_kb"].get<long>());
    m.py_base = j["base_maxrss_kb"].get<long>();
    std::printf("nthread %d rep %d: nocode %.3f s (cpu %.3f), python %.3f s (cpu %.3f)\n",
                m.nthread, r + 1, m.ours.back(), m.our_cpu.back(), m.theirs.back(),
                m.their_cpu.back());
    std::fflush(stdout);
  }
  auto p = model->predict(td.features);
  std::ifstream pf(c.preds, std::ios::binary);
  std::vector<float> py(c.rows);
  pf.read(reinterpret_cast<char*>(py.data()), static_cast<std::streamsize>(c.rows * 4));
  for (size_t i = 0; p && pf && i < c.rows; ++i) m.differ += static_cast<float>((*p)[i]) != py[i];
  m.same = p && pf && m.differ == 0;
  return true;
}

std::string headline(const Config& c, const Measurement& m) {
  const double a = median(m.ours), b = median(m.theirs);
  return "xgb_train_" + size_label(c.rows) +
         (m.nthread == 2 ? "" : "_t" + std::to_string(m.nthread)) + ": nocode " + fmt(a, 3) +
         " s, python " + fmt(b, 3) + " s, ratio " + fmt(a / b, 3);
}

std::string mb(long kb) { return fmt(static_cast<double>(kb) / 1024.0, 0) + " MB"; }

}  // namespace

int main(int argc, char** argv) {
  const Flags flags = parse_flags(
      argc, argv, {"rows", "cols", "rounds", "nthread", "reps", "dir", "results", "note"}, kUsage);
  Config c;
  c.rows = parse_sizes(flags.get("rows", "200k")).at(0);
  c.cols = std::stoul(flags.get("cols", "30"));
  c.rounds = std::stoi(flags.get("rounds", "100"));
  c.reps = std::max(1, std::stoi(flags.get("reps", env_or("NOCODE_BENCH_REPS", "3"))));
  const std::string dir = flags.get("dir", ".");
  c.data = dir + "/ml_bench_matrix.bin";
  c.preds = dir + "/ml_bench_preds.f32";
  const long base_rss = maxrss_kb();  // libraries loaded, no data yet

  ml::TrainingData td;  // the one copy of the matrix, as in Python
  generate(c.rows, c.cols, td.features, td.label);
  td.task = ml::Task::kBinary;
  td.seed = c.seed;
  if (!write_raw(c.data, td.features.values, td.label)) {
    std::cerr << "cannot write " << c.data << "\n";
    return 1;
  }
  std::cout << "nocode model-training benchmark\nmachine: " << machine_description() << "\n"
            << "matrix: " << size_label(c.rows) << " rows x " << c.cols << " features, " << c.rounds
            << " rounds, hist, max_depth 6, median of " << c.reps << std::endl;
  std::vector<Measurement> runs;
  for (const auto& t : split_list(flags.get("nthread", "1,2"))) {
    runs.emplace_back();
    runs.back().nthread = std::stoi(t);
    if (!measure(c, td, runs.back())) return 1;
  }
  std::remove(c.data.c_str());
  std::remove(c.preds.c_str());
  const long our_rss = maxrss_kb();
  long py_rss = 0, py_base = 0;
  bool same = true;
  std::ostringstream table;
  table << "| nthread | nocode s | python s | time / python's | nocode CPU s | python CPU s |\n"
        << "|---:|---:|---:|---:|---:|---:|\n";
  for (const auto& m : runs) {
    py_rss = std::max(py_rss, m.py_rss);
    py_base = m.py_base;
    same = same && m.same;
    const double a = median(m.ours), b = median(m.theirs);
    table << "| " << m.nthread << " | " << fmt(a, 3) << " | " << fmt(b, 3) << " | " << fmt(a / b, 3)
          << " | " << fmt(median(m.our_cpu), 3) << " | " << fmt(median(m.their_cpu), 3) << " |\n";
  }
  const std::string memory = "nocode " + mb(our_rss) + " (+" + mb(our_rss - base_rss) +
                             "), python " + mb(py_rss) + " (+" + mb(py_rss - py_base) + ")";
  std::cout << "peak memory (ru_maxrss; growth over the process before the data): " << memory
            << "\nsame model (bitwise-equal predictions): " << (same ? "yes" : "NO") << "\n";
  if (!flags.get("results").empty()) {
    std::ostringstream md;
    md << "## Model training\n\n- date: " << utc_now() << "\n- machine: " << machine_description()
       << "\n";
    if (!env_or("NOCODE_BENCH_REVISION", "").empty())
      md << "- source: " << env_or("NOCODE_BENCH_REVISION", "") << "\n";
    md << "- task: binary, " << size_label(c.rows) << " rows x " << c.cols
       << " features (2% NaN), xgboost defaults (hist, max_depth 6, eta 0.3), " << c.rounds
       << " rounds; timed: DMatrix + training (wall and process CPU); median of " << c.reps
       << ", nocode and python interleaved rep by rep\n"
       << "- reference: python3-xgboost `xgb.train` (bench/ml/xgb_train_reference.py), same "
          "parameters\n- same model (bitwise-equal predictions): "
       << (same ? "yes" : "no")
       << "\n- peak memory (ru_maxrss; in brackets the growth over the process before the data: "
          "nocode after start-up, python after its imports): "
       << memory << "\n";
    if (!flags.get("note").empty()) md << "- note: " << flags.get("note") << "\n";
    md << "\n" << table.str() << "\n";
    for (const auto& m : runs) md << headline(c, m) << "\n";
    if (write_results_section(flags.get("results"), "ml", md.str()))
      std::cout << "wrote " << flags.get("results") << "\n";
  }
  for (const auto& m : runs) std::cout << headline(c, m) << "\n";
  std::cout.flush();
  return same ? 0 : 1;
}
