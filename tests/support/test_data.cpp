#include "support/test_data.h"

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace nocode::testing {

std::string source_dir() {
  if (const char* env = std::getenv("NOCODE_SOURCE_DIR")) return env;
  return NOCODE_SOURCE_DIR;
}

std::string shared_data_dir() {
  if (const char* env = std::getenv("NOCODE_SHARED_DIR")) return std::string(env) + "/data";
  return source_dir() + "/../shared/data";
}

Ohlcv shared_series(const std::string& file) {
  std::ifstream in(shared_data_dir() + "/" + file);
  if (!in) throw std::runtime_error("cannot open shared data " + file);
  std::string line;
  std::getline(in, line);
  // Header: find columns by lowercase name.
  std::vector<std::string> header;
  {
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, ',')) {
      for (char& c : cell) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      header.push_back(cell);
    }
  }
  auto col = [&](const std::string& name) {
    for (size_t i = 0; i < header.size(); ++i)
      if (header[i] == name) return i;
    throw std::runtime_error("no column " + name + " in " + file);
  };
  const size_t o = col("open"), h = col("high"), l = col("low"), c = col("close"),
               v = col("volume");
  Ohlcv s;
  s.name = file;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::vector<std::string> cells;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, ',')) cells.push_back(cell);
    s.open.push_back(std::strtod(cells[o].c_str(), nullptr));
    s.high.push_back(std::strtod(cells[h].c_str(), nullptr));
    s.low.push_back(std::strtod(cells[l].c_str(), nullptr));
    s.close.push_back(std::strtod(cells[c].c_str(), nullptr));
    s.volume.push_back(std::strtod(cells[v].c_str(), nullptr));
  }
  return s;
}

std::vector<Ohlcv> market_series() {
  return {shared_series("GOOG.csv"), shared_series("orcl-1995-2014.txt"),
          shared_series("EURUSD.csv"), shared_series("2006-day-001.txt")};
}

Ohlcv random_walk(size_t n, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> noise(0.0, 0.01);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  Ohlcv s;
  s.name = "random_walk_" + std::to_string(n);
  double logp = std::log(100.0);
  for (size_t i = 0; i < n; ++i) {
    const double prev = std::exp(logp);
    logp += -0.002 * (logp - std::log(100.0)) + noise(rng);
    const double close = std::exp(logp);
    const double open = prev;
    const double hi = std::max(open, close) * (1 + 0.005 * unit(rng));
    const double lo = std::min(open, close) * (1 - 0.005 * unit(rng));
    s.open.push_back(open);
    s.high.push_back(hi);
    s.low.push_back(lo);
    s.close.push_back(close);
    s.volume.push_back(std::floor(1000 + 9000 * unit(rng)));
  }
  return s;
}

namespace {

Ohlcv from_close(std::string name, const std::vector<double>& close, double spread = 0.5) {
  Ohlcv s;
  s.name = std::move(name);
  for (size_t i = 0; i < close.size(); ++i) {
    const double c = close[i];
    const double o = i == 0 ? c : close[i - 1];
    s.open.push_back(o);
    s.high.push_back(std::max(o, c) + spread);
    s.low.push_back(std::min(o, c) - spread);
    s.close.push_back(c);
    s.volume.push_back(1000.0 + double(i % 7) * 100.0);
  }
  return s;
}

}  // namespace

std::vector<Ohlcv> synthetic_series() {
  std::vector<Ohlcv> out;
  // A trend, then a perfectly flat run (H == L == O == C), then a trend again.
  {
    std::vector<double> c;
    for (int i = 0; i < 60; ++i) c.push_back(100 + i * 0.5);
    for (int i = 0; i < 80; ++i) c.push_back(130);
    for (int i = 0; i < 60; ++i) c.push_back(130 - i * 0.25);
    Ohlcv s = from_close("flat_run", c);
    for (size_t i = 60; i < 140; ++i) s.open[i] = s.high[i] = s.low[i] = s.close[i] = 130;
    out.push_back(s);
  }
  // Alternating up/down closes with zero volume.
  {
    std::vector<double> c;
    for (int i = 0; i < 200; ++i) c.push_back(i % 2 ? 101.0 : 99.0);
    Ohlcv s = from_close("alternating_zero_volume", c, 0.25);
    for (auto& v : s.volume) v = 0;
    out.push_back(s);
  }
  // Gaps: jumps of 20% between calm stretches.
  {
    std::vector<double> c;
    double p = 50;
    for (int i = 0; i < 240; ++i) {
      if (i % 40 == 39) p *= (i % 80 == 39) ? 1.2 : 0.8;
      p += (i % 3 == 0 ? 0.1 : -0.05);
      c.push_back(p);
    }
    out.push_back(from_close("gaps", c, 0.3));
  }
  // Tiny prices (TA_IS_ZERO's absolute epsilon matters here).
  {
    Ohlcv s = random_walk(300, 7);
    s.name = "tiny_prices";
    for (auto* v : {&s.open, &s.high, &s.low, &s.close})
      for (double& x : *v) x *= 1e-7;
    out.push_back(s);
  }
  // Shorter than most lookbacks.
  {
    Ohlcv s = random_walk(12, 3);
    s.name = "short_12";
    out.push_back(s);
  }
  // A random walk with NaN holes.
  {
    Ohlcv s = random_walk(400, 11);
    s.name = "nan_holes";
    for (size_t i : {150u, 151u, 300u}) {
      s.open[i] = s.high[i] = s.low[i] = s.close[i] = std::nan("");
    }
    out.push_back(s);
  }
  // A long exactly-flat run (300 bars, H == L == O == C, volume still
  // trading) between two random walks.
  {
    Ohlcv a = random_walk(150, 17), b = random_walk(150, 19);
    Ohlcv s;
    s.name = "flat_300";
    auto append = [&](const Ohlcv& x, double scale) {
      for (size_t i = 0; i < x.size(); ++i) {
        s.open.push_back(x.open[i] * scale), s.high.push_back(x.high[i] * scale);
        s.low.push_back(x.low[i] * scale), s.close.push_back(x.close[i] * scale);
        s.volume.push_back(x.volume[i]);
      }
    };
    append(a, 1.0);
    const double last = s.close.back();
    for (int i = 0; i < 300; ++i) {
      s.open.push_back(last), s.high.push_back(last), s.low.push_back(last), s.close.push_back(last);
      s.volume.push_back(500.0 + double(i % 5) * 10.0);
    }
    append(b, last / b.open[0]);
    out.push_back(s);
  }
  // Prices on a coarse tick grid (0.25 around 100): many exact ties between
  // highs, lows, closes and typical prices (DM ties, MFI ties, equal extremes
  // in AROON/MAXINDEX windows, zero-range bars).
  {
    Ohlcv s = random_walk(1200, 29);
    s.name = "coarse_ticks";
    for (auto* v : {&s.open, &s.high, &s.low, &s.close})
      for (double& x : *v) x = std::round(x * 4.0) / 4.0;
    out.push_back(s);
  }
  // A longer random walk (1500 bars).
  out.push_back(random_walk(1500, 5));
  return out;
}

std::vector<std::vector<std::string>> read_csv_cells(const std::string& path, bool with_header) {
  std::ifstream in(path);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  if (!with_header) std::getline(in, line);
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, ',')) cells.push_back(cell);
    if (!line.empty() && line.back() == ',') cells.push_back("");
    rows.push_back(cells);
  }
  return rows;
}

}  // namespace nocode::testing
