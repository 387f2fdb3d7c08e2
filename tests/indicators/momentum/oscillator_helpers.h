// Helpers shared by the oscillator, volume and volatility convention tests:
// run one of our indicators, run TA-Lib on the same series, compare.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "indicators/registry.h"
#include "support/param_sets.h"
#include "support/talib_oracle.h"
#include "support/test_data.h"

namespace nocode::testing::osc {

using indicators::IndicatorSpec;
using indicators::InputKind;

inline const IndicatorSpec& spec_of(const std::string& name) {
  const IndicatorSpec* s = indicators::builtin_registry().find(name);
  if (!s) throw std::runtime_error("no indicator " + name);
  return *s;
}

inline const std::vector<double>& column(const Ohlcv& s, InputKind k) {
  switch (k) {
    case InputKind::kOpen:
      return s.open;
    case InputKind::kHigh:
      return s.high;
    case InputKind::kLow:
      return s.low;
    case InputKind::kVolume:
      return s.volume;
    default:
      return s.close;
  }
}

inline indicators::Params params_of(const IndicatorSpec& spec,
                                    const std::map<std::string, double>& p) {
  std::vector<std::pair<std::string, double>> given(p.begin(), p.end());
  auto r = indicators::resolve_params(spec, given);
  if (!r.is_ok()) throw std::runtime_error(r.status().to_string());
  return r.value();
}

inline std::vector<std::vector<double>> ours(const std::string& name, const Ohlcv& s,
                                             const std::map<std::string, double>& p = {}) {
  const IndicatorSpec& spec = spec_of(name);
  std::vector<const double*> in;
  for (InputKind k : spec.inputs) in.push_back(column(s, k).data());
  return indicators::compute(spec, params_of(spec, p), in, s.size());
}

inline bool bit_equal(double a, double b) {
  if (std::isnan(a) && std::isnan(b)) return true;
  return std::memcmp(&a, &b, sizeof a) == 0;
}

// Stream fed bar by bar equals the batch kernel bit for bit.
inline void expect_stream_matches(const std::string& name, const Ohlcv& s,
                                  const std::map<std::string, double>& p = {}) {
  const IndicatorSpec& spec = spec_of(name);
  const auto params = params_of(spec, p);
  const auto batch = ours(name, s, p);
  auto stream = spec.stream(params);
  std::vector<double> bar(spec.inputs.size());
  size_t bad = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    for (size_t k = 0; k < spec.inputs.size(); ++k) bar[k] = column(s, spec.inputs[k])[i];
    stream->update(bar);
    for (size_t k = 0; k < spec.outputs.size(); ++k)
      if (!bit_equal(stream->value(k), batch[k][i]) && ++bad <= 3)
        ADD_FAILURE() << name << " on " << s.name << " row " << i << " output " << k << ": stream "
                      << stream->value(k) << " batch " << batch[k][i];
  }
  EXPECT_EQ(bad, 0u) << name << " on " << s.name;
}

// Largest |ours − TA-Lib| / max(|ref|, floor) over all outputs and rows
// (floor = 1e-3 · RMS, as in the parity test); +inf on a NaN mismatch.
inline double worst_error(const std::string& name, const Ohlcv& s,
                          const std::map<std::string, double>& p = {}, size_t first_row = 0) {
  const IndicatorSpec& spec = spec_of(name);
  OracleCase c{spec.talib_name, {}};
  const auto params = params_of(spec, p);
  for (size_t i = 0; i < spec.params.size(); ++i) c.opt_in[spec.params[i].talib] = params.values[i];
  const auto refs = run_talib(s, {c});
  if (!refs[0].error.empty()) throw std::runtime_error(refs[0].error);
  const auto got = ours(name, s, p);
  double worst = 0;
  for (size_t k = 0; k < got.size(); ++k) {
    const auto& ref = refs[0].outputs[k];
    double sumsq = 0;
    size_t count = 0;
    for (double v : ref)
      if (std::isfinite(v)) sumsq += v * v, ++count;
    const double floor = count ? 1e-3 * std::sqrt(sumsq / double(count)) : 0.0;
    for (size_t i = first_row; i < s.size(); ++i) {
      if (std::isnan(ref[i]) || std::isnan(got[k][i])) {
        if (std::isnan(ref[i]) != std::isnan(got[k][i])) return HUGE_VAL;
        continue;
      }
      const double scale = std::max({std::fabs(ref[i]), floor, 1e-300});
      worst = std::max(worst, std::fabs(got[k][i] - ref[i]) / scale);
    }
  }
  return worst;
}

}  // namespace nocode::testing::osc
