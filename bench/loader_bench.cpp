// CSV loader benchmark: nocode::load_csv in MB/s on a generated OHLCV file
// (~100 MB of one-minute bars, "YYYY-MM-DD HH:MM:SS" timestamps), next to a
// plain read of the same file (the I/O floor) and pandas.read_csv when
// python3 with pandas is installed (skipped otherwise).
#include <sys/stat.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "bench_common.h"
#include "data/csv_loader.h"

namespace nocode::bench {
namespace {

const char* kUsage =
    "usage: bench_loader [--mb=100] [--reps=3] [--dir=DIR] [--results=PATH] [--note=TEXT]\n"
    "  --mb       size of the generated CSV (env NOCODE_BENCH_CSV_MB)\n"
    "  --reps     runs per measurement, median reported (env NOCODE_BENCH_LOADER_REPS)\n"
    "  --dir      where the CSV is generated and kept (default: current directory)\n"
    "  --results  rewrite the loader section of this Markdown file (bench/RESULTS.md)\n";

long long file_size(const std::string& path) {
  struct stat st {};
  return stat(path.c_str(), &st) == 0 ? static_cast<long long>(st.st_size) : -1;
}

// Writes about `target_bytes` of OHLCV CSV; returns the number of rows.
size_t generate_csv(const std::string& path, long long target_bytes) {
  std::ofstream out(path, std::ios::trunc | std::ios::binary);
  out << "Date,Open,High,Low,Close,Volume\n";
  std::mt19937_64 rng(7);
  std::normal_distribution<double> z(0.0, 1.0);
  const double mu = std::log(100.0), theta = 0.001034, sigma = 0.001;
  double x = mu, prev = 100.0;
  std::time_t t = 1420070400;  // 2015-01-01 00:00:00 UTC
  long long written = 0;
  size_t rows = 0;
  char line[160], date[32];
  while (written < target_bytes) {
    x += theta * (mu - x) + sigma * z(rng);
    const double c = std::exp(x);
    const double o = prev;
    const double h = std::max(o, c) * std::exp(0.0005 * std::abs(z(rng)));
    const double l = std::min(o, c) * std::exp(-0.0005 * std::abs(z(rng)));
    const long long v = std::llround(1e4 * std::exp(0.5 * z(rng)));
    std::tm tm{};
    gmtime_r(&t, &tm);
    std::strftime(date, sizeof date, "%Y-%m-%d %H:%M:%S", &tm);
    const int len =
        std::snprintf(line, sizeof line, "%s,%.4f,%.4f,%.4f,%.4f,%lld\n", date, o, h, l, c, v);
    out.write(line, len);
    written += len;
    prev = c;
    t += 60;
    ++rows;
  }
  return rows;
}

bool has_pandas() {
  return std::system("python3 -c 'import pandas' >/dev/null 2>&1") == 0;
}

// Median seconds of pandas.read_csv over `reps` runs, NaN on failure.
double pandas_seconds(const std::string& path, int reps, bool parse_dates) {
  std::ostringstream cmd;
  cmd << "python3 -c \"import sys,time,statistics,pandas as pd\n"
         "ts=[]\n"
         "for _ in range("
      << reps
      << "):\n"
         "    t=time.perf_counter(); df=pd.read_csv(sys.argv[1]"
      << (parse_dates ? ", parse_dates=['Date']" : "")
      << "); ts.append(time.perf_counter()-t)\n"
         "print(statistics.median(ts))\" '"
      << path << "' 2>/dev/null";
  FILE* p = popen(cmd.str().c_str(), "r");
  if (!p) return NAN;
  double s = NAN;
  if (std::fscanf(p, "%lf", &s) != 1) s = NAN;
  pclose(p);
  return s;
}

int run(int argc, char** argv) {
  const Flags flags = parse_flags(argc, argv, {"mb", "reps", "dir", "results", "note"}, kUsage);
  const double mb = std::atof(flags.get("mb", env_or("NOCODE_BENCH_CSV_MB", "100")).c_str());
  const int reps = std::max(
      1, std::atoi(flags.get("reps", env_or("NOCODE_BENCH_LOADER_REPS", "3")).c_str()));
  const std::string dir = flags.get("dir", ".");
  const long long target = static_cast<long long>(mb * 1e6);
  const std::string path = dir + "/loader_bench_" + std::to_string(static_cast<long long>(mb)) +
                           "mb.csv";

  std::cout << "nocode loader benchmark\nmachine: " << machine_description() << "\n";
  if (file_size(path) < target) {
    std::cout << "generating " << path << " ..." << std::flush;
    const size_t rows = generate_csv(path, target);
    std::cout << " " << rows << " rows\n";
  }
  const double bytes = static_cast<double>(file_size(path));
  const double file_mb = bytes / 1e6;
  std::cout << "file: " << path << " (" << fmt(file_mb, 1) << " MB), median of " << reps
            << "\n";

  // I/O floor: read the whole file into memory.
  std::vector<double> t_read;
  std::string buffer;
  for (int r = 0; r < reps; ++r) {
    const double t0 = now_ns();
    std::ifstream in(path, std::ios::binary);
    buffer.assign(static_cast<size_t>(bytes), '\0');
    in.read(buffer.data(), static_cast<std::streamsize>(bytes));
    t_read.push_back(now_ns() - t0);
  }
  buffer.clear();
  buffer.shrink_to_fit();
  const double read_mbs = file_mb / (median(t_read) * 1e-9);

  // nocode::load_csv
  std::vector<double> t_load;
  std::string load_status = "ok";
  size_t rows = 0;
  for (int r = 0; r < reps; ++r) {
    const double t0 = now_ns();
    Result<Frame> frame = load_csv(path);
    const double dt = now_ns() - t0;
    if (!frame.is_ok()) {
      load_status = frame.status().to_string();
      t_load.clear();
      break;
    }
    rows = frame->rows();
    t_load.push_back(dt);
  }
  const double load_s = t_load.empty() ? NAN : median(t_load) * 1e-9;
  const double load_mbs = file_mb / load_s;

  // pandas
  const bool pandas = has_pandas();
  double pd_s = NAN, pd_dates_s = NAN;
  if (pandas) {
    pd_s = pandas_seconds(path, reps, false);
    pd_dates_s = pandas_seconds(path, reps, true);
  }

  std::ostringstream table;
  table << "| reader | seconds | MB/s | time / nocode's |\n|---|---:|---:|---:|\n";
  auto row = [&](const std::string& name, double s) {
    table << "| " << name << " | " << fmt(s, 3) << " | " << fmt(file_mb / s, 1) << " | "
          << fmt(s / load_s, 2) << " |\n";
    std::printf("%-40s %8s s %9s MB/s %8s x\n", name.c_str(), fmt(s, 3).c_str(),
                fmt(file_mb / s, 1).c_str(), fmt(s / load_s, 2).c_str());
  };
  row("read file into memory (I/O floor)", median(t_read) * 1e-9);
  row("nocode::load_csv", load_s);
  if (pandas) {
    row("pandas.read_csv", pd_s);
    row("pandas.read_csv(parse_dates=['Date'])", pd_dates_s);
  }
  if (load_status != "ok") std::cout << "nocode::load_csv: " << load_status << "\n";
  if (!pandas) std::cout << "pandas: not installed (python3-pandas), skipped\n";
  if (rows) std::cout << "rows loaded: " << rows << "\n";

  if (!flags.get("results").empty()) {
    std::ostringstream md;
    md << "## CSV loader\n\n"
       << "- date: " << utc_now() << "\n"
       << "- machine: " << machine_description() << "\n";
    if (!env_or("NOCODE_BENCH_REVISION", "").empty())
      md << "- source: " << env_or("NOCODE_BENCH_REVISION", "") << "\n";
    md << "- file: generated OHLCV, " << fmt(file_mb, 1)
       << " MB, one-minute bars, `YYYY-MM-DD HH:MM:SS` timestamps; median of " << reps << "\n";
    if (load_status != "ok") md << "- nocode::load_csv: " << load_status << "\n";
    if (!pandas) md << "- pandas: not installed (python3-pandas), skipped\n";
    if (!flags.get("note").empty()) md << "- note: " << flags.get("note") << "\n";
    md << "\n" << table.str() << "\nnocode::load_csv: " << fmt(load_mbs, 1) << " MB/s\n";
    if (write_results_section(flags.get("results"), "loader", md.str()))
      std::cout << "wrote " << flags.get("results") << "\n";
  }
  std::cout << "loader: nocode " << fmt(load_mbs, 1) << " MB/s"
            << (pandas ? ", pandas " + fmt(file_mb / pd_s, 1) + " MB/s" : std::string())
            << ", file read " << fmt(read_mbs, 1) << " MB/s" << std::endl;
  return 0;
}

}  // namespace
}  // namespace nocode::bench

int main(int argc, char** argv) { return nocode::bench::run(argc, argv); }
