// Synthetic training sets with known relations for the model tests, CSV
// output for the Python oracles, and small helpers. Header-only, test-only.
#pragma once

#include <cmath>
#include <cstdio>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "ml/model.h"

namespace nocode::testing {

struct Dataset {
  ml::FeatureMatrix x;
  std::vector<double> y;
};

// x0..x{cols-1} ~ N(0,1); the relation uses x0 and x1 only.
//   regression: y = 3 x0 - 2 x1 + 0.1 e
//   binary:     y = [x0 + 0.5 x1 + 0.3 e > 0]
//   multiclass: y = 0 / 1 / 2 for x0 + 0.3 e below -0.5 / between / above 0.5
inline Dataset make_dataset(ml::Task task, size_t rows, size_t cols, unsigned seed,
                            double nan_fraction = 0.0) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> n01(0.0, 1.0);
  std::uniform_real_distribution<double> u01(0.0, 1.0);
  Dataset d;
  for (size_t c = 0; c < cols; ++c) d.x.names.push_back("x" + std::to_string(c));
  d.x.rows = rows;
  for (size_t r = 0; r < rows; ++r) {
    std::vector<double> row(cols);
    for (double& v : row) v = n01(rng);
    const double e = n01(rng);
    double y = 0;
    switch (task) {
      case ml::Task::kRegression:
        y = 3 * row[0] - 2 * row[1] + 0.1 * e;
        break;
      case ml::Task::kBinary:
        y = row[0] + 0.5 * row[1] + 0.3 * e > 0 ? 1 : 0;
        break;
      case ml::Task::kMulticlass: {
        const double s = row[0] + 0.3 * e;
        y = s < -0.5 ? 0 : (s > 0.5 ? 2 : 1);
        break;
      }
    }
    // Missing values only in the uninformative columns (c >= 2).
    for (size_t c = 2; c < cols; ++c)
      if (u01(rng) < nan_fraction) row[c] = std::nan("");
    d.x.values.insert(d.x.values.end(), row.begin(), row.end());
    d.y.push_back(y);
  }
  return d;
}

inline double accuracy(const std::vector<double>& pred, const std::vector<double>& y,
                       bool probabilities) {
  size_t hit = 0;
  for (size_t i = 0; i < y.size(); ++i) {
    const double cls = probabilities ? (pred[i] > 0.5 ? 1.0 : 0.0) : pred[i];
    hit += cls == y[i];
  }
  return static_cast<double>(hit) / static_cast<double>(y.size());
}

inline double r_squared(const std::vector<double>& pred, const std::vector<double>& y) {
  double mean = 0;
  for (double v : y) mean += v;
  mean /= static_cast<double>(y.size());
  double ss_res = 0, ss_tot = 0;
  for (size_t i = 0; i < y.size(); ++i) {
    ss_res += (y[i] - pred[i]) * (y[i] - pred[i]);
    ss_tot += (y[i] - mean) * (y[i] - mean);
  }
  return 1 - ss_res / ss_tot;
}

// Header of names, then one row a line, values at full precision ("nan" when missing).
inline void write_csv(const std::string& path, const ml::FeatureMatrix& x,
                      const std::vector<double>* y = nullptr) {
  std::ofstream out(path);
  for (size_t c = 0; c < x.cols(); ++c) out << (c ? "," : "") << x.names[c];
  if (y) out << ",label";
  out << "\n";
  char buf[64];
  for (size_t r = 0; r < x.rows; ++r) {
    for (size_t c = 0; c < x.cols(); ++c) {
      std::snprintf(buf, sizeof buf, "%.17g", x.at(r, c));
      out << (c ? "," : "") << buf;
    }
    if (y) {
      std::snprintf(buf, sizeof buf, "%.17g", (*y)[r]);
      out << "," << buf;
    }
    out << "\n";
  }
}

// Each value with %.9g (exact for float32), one row per line, space-separated.
inline std::string format_rows(const std::vector<double>& v, size_t per_row) {
  std::string out;
  char buf[64];
  for (size_t i = 0; i < v.size(); ++i) {
    std::snprintf(buf, sizeof buf, "%.9g", static_cast<double>(static_cast<float>(v[i])));
    out += buf;
    out += (i + 1) % per_row == 0 ? "\n" : " ";
  }
  return out;
}

}  // namespace nocode::testing
