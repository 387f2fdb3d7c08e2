#include "bench_common.h"

#include <sys/utsname.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>

#ifndef NOCODE_BENCH_COMPILER
#define NOCODE_BENCH_COMPILER "unknown compiler"
#endif

namespace nocode::bench {

double median(std::vector<double> v) {
  if (v.empty()) return NAN;
  std::sort(v.begin(), v.end());
  const size_t m = v.size() / 2;
  return v.size() % 2 ? v[m] : 0.5 * (v[m - 1] + v[m]);
}

bool Flags::has(const std::string& name) const {
  for (const auto& [k, v] : values)
    if (k == name) return true;
  return false;
}

std::string Flags::get(const std::string& name, const std::string& fallback) const {
  std::string result = fallback;
  for (const auto& [k, v] : values)
    if (k == name) result = v;  // last one wins
  return result;
}

Flags parse_flags(int argc, char** argv, const std::vector<std::string>& allowed,
                  const char* usage) {
  Flags flags;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "-h" || arg == "--help") {
      std::cout << usage;
      std::exit(0);
    }
    if (arg.rfind("--", 0) != 0) {
      std::cerr << "unexpected argument '" << arg << "'\n" << usage;
      std::exit(2);
    }
    arg = arg.substr(2);
    std::string value;
    const size_t eq = arg.find('=');
    if (eq != std::string::npos) {
      value = arg.substr(eq + 1);
      arg = arg.substr(0, eq);
    } else if (i + 1 < argc && std::string(argv[i + 1]).rfind("--", 0) != 0) {
      value = argv[++i];
    }
    if (std::find(allowed.begin(), allowed.end(), arg) == allowed.end()) {
      std::cerr << "unknown flag --" << arg << "\n" << usage;
      std::exit(2);
    }
    flags.values.emplace_back(arg, value);
  }
  return flags;
}

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream ss(text);
  std::string item;
  while (std::getline(ss, item, ','))
    if (!item.empty()) out.push_back(item);
  return out;
}

std::vector<size_t> parse_sizes(const std::string& text) {
  std::vector<size_t> out;
  for (std::string item : split_list(text)) {
    double mult = 1;
    const char last = item.back();
    if (last == 'k' || last == 'K') mult = 1e3;
    if (last == 'm' || last == 'M') mult = 1e6;
    if (mult != 1) item.pop_back();
    char* end = nullptr;
    const double v = std::strtod(item.c_str(), &end);
    if (end == item.c_str() || *end != '\0' || !(v * mult >= 1)) {
      std::cerr << "bad size '" << item << "'\n";
      std::exit(2);
    }
    out.push_back(static_cast<size_t>(std::llround(v * mult)));
  }
  return out;
}

std::string machine_description() {
  std::string cpu = "unknown CPU";
  std::ifstream info("/proc/cpuinfo");
  std::string line;
  while (std::getline(info, line)) {
    if (line.rfind("model name", 0) == 0) {
      const size_t colon = line.find(':');
      if (colon != std::string::npos) cpu = line.substr(colon + 2);
      break;
    }
  }
  const long cpus = sysconf(_SC_NPROCESSORS_ONLN);
  struct utsname u {};
  std::string os = "unknown OS";
  if (uname(&u) == 0) os = std::string(u.sysname) + " " + u.release;
  std::ostringstream out;
  out << cpu << " (" << cpus << " cpus), " << os << ", " << NOCODE_BENCH_COMPILER;
  return out.str();
}

std::string env_or(const char* name, const std::string& fallback) {
  const char* v = std::getenv(name);
  return v && *v ? v : fallback;
}

std::string loadavg() {
  std::ifstream in("/proc/loadavg");
  std::string a, b, c;
  in >> a >> b >> c;
  return a + " " + b + " " + c;
}

std::string utc_now() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", &tm);
  return buf;
}

std::string size_label(size_t n) {
  if (n % 1000000 == 0) return std::to_string(n / 1000000) + "M";
  if (n % 1000 == 0) return std::to_string(n / 1000) + "k";
  return std::to_string(n);
}

std::string fmt(double v, int digits) {
  if (std::isnan(v)) return "–";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

bool write_results_section(const std::string& path, const std::string& name,
                           const std::string& body) {
  std::string text;
  {
    std::ifstream in(path);
    if (in) {
      std::stringstream ss;
      ss << in.rdbuf();
      text = ss.str();
    }
  }
  if (text.empty()) {
    text =
        "# Benchmark results\n\n"
        "Written by `bench/run` (`bench/run --help`); each section below is rewritten by\n"
        "the benchmark that produced it. Lower ns/bar is better; a ratio < 1 means nocode\n"
        "is faster.\n";
  }
  const std::string begin = "<!-- " + name + ":begin -->";
  const std::string end = "<!-- " + name + ":end -->";
  const std::string section = begin + "\n" + body + end;
  const size_t b = text.find(begin);
  const size_t e = b == std::string::npos ? std::string::npos : text.find(end, b);
  if (b != std::string::npos && e != std::string::npos) {
    text.replace(b, e + end.size() - b, section);
  } else {
    if (text.back() != '\n') text += '\n';
    text += "\n" + section + "\n";
  }
  std::ofstream out(path, std::ios::trunc);
  out << text;
  return static_cast<bool>(out);
}

}  // namespace nocode::bench
