// Small helpers shared by the benchmark programs: timing, medians, command-line
// flags, machine description and the sectioned bench/RESULTS.md file.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

namespace nocode::bench {

inline double now_ns() {
  return static_cast<double>(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                 std::chrono::steady_clock::now().time_since_epoch())
                                 .count());
}

double median(std::vector<double> v);

// "--name=value" flags (also "--name value"); unknown flags are an error.
struct Flags {
  std::vector<std::pair<std::string, std::string>> values;
  bool has(const std::string& name) const;
  std::string get(const std::string& name, const std::string& fallback = "") const;
};
// Parses argv against the allowed flag names; on error prints usage and exits.
Flags parse_flags(int argc, char** argv, const std::vector<std::string>& allowed,
                  const char* usage);

// Comma-separated sizes with optional k/M suffix or exponent ("1M,1e7").
std::vector<size_t> parse_sizes(const std::string& text);
std::vector<std::string> split_list(const std::string& text);

// "AMD EPYC 9R14 (2 cpus), Linux 6.1, GCC 12.2.0"
std::string machine_description();
// "2026-11-26 08:30 UTC"
std::string utc_now();
// /proc/loadavg's 1, 5 and 15 minute load averages: "2.39 2.70 3.91".
std::string loadavg();
// The environment variable `name`, or `fallback` when unset or empty.
std::string env_or(const char* name, const std::string& fallback);

// "1M", "10M", "1500k"
std::string size_label(size_t n);
// Fixed-point with `digits` decimals; "–" for NaN.
std::string fmt(double v, int digits = 2);

// Replaces the section between "<!-- name:begin -->" and "<!-- name:end -->"
// in `path` with `body` (appending the section if absent, creating the file
// with a title if missing).
bool write_results_section(const std::string& path, const std::string& name,
                           const std::string& body);

}  // namespace nocode::bench
