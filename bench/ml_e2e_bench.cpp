// End to end (features, label, split, training, prediction, backtest) on GOOG:
// `nocode run examples/workflows/ml_xgboost.json` against the Python
// reference bench/ml/e2e_reference.py (pandas + numpy + xgboost, same
// formulas), whole processes timed wall-clock, interleaved rep by rep (the
// machine may be shared), peak memory (ru_maxrss) of each process. The model
// metrics of `nocode train` on the same workflow are compared with the
// reference's (equal within 1e-9 relative: summation order only).
//
// Prints "ml_e2e_goog: nocode X ms, python Y ms, ratio R; metrics equal: yes|no".
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "bench_common.h"

using namespace nocode::bench;

namespace {

const char* kUsage =
    "usage: bench_ml_e2e [--nocode=PATH] [--data=GOOG.csv] [--reps=5] [--results=PATH] [--note=TEXT]\n"
    "  times `nocode run examples/workflows/ml_xgboost.json` against bench/ml/e2e_reference.py\n";

struct Child {
  double ms = 0;
  long maxrss_kb = 0;
  std::string out;
  int status = -1;
};

// Runs argv as a child with stdout captured; wall time and the child's peak RSS.
Child run(const std::vector<std::string>& args) {
  Child c;
  int pipefd[2];
  if (pipe(pipefd) != 0) return c;
  const double t0 = now_ns();
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(pipefd[1], 1);
    close(pipefd[0]);
    close(pipefd[1]);
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(pipefd[1]);
  char buf[4096];
  ssize_t n;
  while ((n = read(pipefd[0], buf, sizeof buf)) > 0) c.out.append(buf, static_cast<size_t>(n));
  close(pipefd[0]);
  rusage ru{};
  wait4(pid, &c.status, 0, &ru);
  c.ms = (now_ns() - t0) * 1e-6;
  c.maxrss_kb = ru.ru_maxrss;
  return c;
}

bool metrics_equal(const nlohmann::json& ours, const nlohmann::json& ref) {
  for (const char* part : {"train", "validation", "test"})
    for (const char* k : {"rows", "accuracy", "precision", "recall", "f1", "roc_auc", "log_loss"}) {
      if (!ours[part][k].is_number() || !ref[part][k].is_number()) return false;
      const double a = ours[part][k].get<double>(), b = ref[part][k].get<double>();
      if (std::fabs(a - b) > 1e-9 * std::max(1.0, std::fabs(b))) {
        std::cerr << part << "." << k << ": nocode " << a << ", python " << b << "\n";
        return false;
      }
    }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  const Flags flags = parse_flags(argc, argv, {"nocode", "data", "reps", "results", "note"}, kUsage);
  const std::string src = NOCODE_BENCH_SOURCE_DIR;
  std::string self = argv[0];
  const std::string nocode = flags.get("nocode", self.substr(0, self.rfind('/') + 1) + "../nocode");
  const std::string data = flags.get("data", src + "/../shared/data/GOOG.csv");
  const std::string wf = src + "/examples/workflows/ml_xgboost.json";
  const int reps = std::max(1, std::stoi(flags.get("reps", "5")));
  const std::vector<std::string> ours_cmd = {nocode, "run", wf, "--data", data};
  const std::vector<std::string> ref_cmd = {"/usr/bin/python3", src + "/bench/ml/e2e_reference.py", data};
  std::vector<double> ours, theirs;
  long our_rss = 0, py_rss = 0;
  nlohmann::json ref;
  std::cout << "nocode end-to-end ML benchmark\nmachine: " << machine_description() << "\n";
  for (int r = 0; r < reps; ++r) {
    const Child a = run(ours_cmd), b = run(ref_cmd);
    if (a.status != 0 || b.status != 0) {
      std::cerr << "a run failed (nocode status " << a.status << ", python " << b.status << ")\n";
      return 1;
    }
    ours.push_back(a.ms);
    theirs.push_back(b.ms);
    our_rss = std::max(our_rss, a.maxrss_kb);
    py_rss = std::max(py_rss, b.maxrss_kb);
    ref = nlohmann::json::parse(b.out);
    std::printf("rep %d: nocode %.0f ms, python %.0f ms\n", r + 1, a.ms, b.ms);
  }
  // Process start-up alone (shared libraries, LibTorch included): `nocode --version`.
  std::vector<double> startup;
  for (int r = 0; r < reps; ++r) startup.push_back(run({nocode, "--version"}).ms);
  std::cout << "nocode start-up (--version): " << fmt(median(startup), 0) << " ms of every run\n";
  char dir[] = "/tmp/nocode_e2e_XXXXXX";
  if (!mkdtemp(dir)) return 1;
  const Child t = run({nocode, "train", wf, "--data", data, "--out", std::string(dir) + "/art"});
  std::system(("rm -rf '" + std::string(dir) + "'").c_str());
  const bool equal = t.status == 0 && metrics_equal(nlohmann::json::parse(t.out)["metrics"], ref["metrics"]);
  const double a = median(ours), b = median(theirs);
  const std::string line = "ml_e2e_goog: nocode " + fmt(a, 0) + " ms, python " + fmt(b, 0) +
                           " ms, ratio " + fmt(b / a, 2) + "x faster; metrics equal: " +
                           (equal ? "yes" : "no");
  std::cout << "peak memory (ru_maxrss): nocode " << fmt(our_rss / 1024.0, 0) << " MB, python "
            << fmt(py_rss / 1024.0, 0) << " MB\n";
  if (!flags.get("results").empty()) {
    std::string md = "## End-to-end ML (GOOG, ml_xgboost.json)\n\n- date: " + utc_now() +
                     "\n- machine: " + machine_description() +
                     "\n- nocode: `nocode run examples/workflows/ml_xgboost.json --data GOOG.csv` "
                     "(features, label, split, xgboost training, prediction, backtest), whole process"
                     "\n- reference: `bench/ml/e2e_reference.py` (pandas, numpy, xgboost; same "
                     "formulas and parameters), whole process incl. imports\n- median of " +
                     std::to_string(reps) + ", interleaved\n";
    if (!flags.get("note").empty()) md += "- note: " + flags.get("note") + "\n";
    md += "\n| | ms | peak memory |\n|---|---:|---:|\n| nocode | " + fmt(a, 0) + " | " +
          fmt(our_rss / 1024.0, 0) + " MB |\n| python | " + fmt(b, 0) + " | " +
          fmt(py_rss / 1024.0, 0) + " MB |\n| nocode start-up only (`--version`) | " +
          fmt(median(startup), 0) + " | |\n\n" + line + "\n";
    if (write_results_section(flags.get("results"), "ml_e2e", md))
      std::cout << "wrote " << flags.get("results") << "\n";
  }
  std::cout << line << std::endl;
  return equal ? 0 : 1;
}
