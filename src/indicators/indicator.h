// What an indicator is: its declaration (inputs, parameters, outputs,
// lookback), a batch kernel over arrays and a streaming state.
//
// Every indicator is declared once as an IndicatorSpec and added to the
// Registry (registry.h). Validation, the CLI/API catalogue, the docs and the
// TA-Lib parity tests are all generated from that declaration.
//
// Contracts every indicator keeps:
//  * batch(in, n, params, out) writes all n rows of every output: NaN for rows
//    before lookback(params) (TA-Lib with startIdx 0 has no value there), the
//    indicator value from row lookback(params) on. n may be smaller than the
//    lookback (then everything is NaN) or zero.
//  * A stream fed the same rows one at a time gives bit-identical numbers to
//    the batch kernel, and NaN until ready().
//  * NaN inputs propagate the way TA-Lib's arithmetic propagates them.
//  * Kernels are pure: no globals, safe to call from many threads at once.
#pragma once

#include <cmath>
#include <cstddef>
#include <limits>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace nocode::indicators {

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The series an indicator reads. kReal is "any one series" (close by default);
// kReal0/kReal1 are the two series of two-input statistics (BETA, CORREL).
enum class InputKind { kOpen, kHigh, kLow, kClose, kVolume, kReal, kReal0, kReal1 };

// "open", "high", ..., "real", "real0", "real1"
const char* input_kind_name(InputKind kind);

enum class ParamType {
  kInteger,  // whole number
  kReal,     // any double in range
  kMaType,   // moving-average type 0..8 (also accepts names: sma, ema, wma, dema, tema,
             // trima, kama, mama, t3)
};

struct ParamSpec {
  std::string name;                  // our name, e.g. "period"
  std::vector<std::string> aliases;  // TA-Lib Python names etc., e.g. {"timeperiod"}
  std::string talib;                 // TA-Lib C optional-input name, e.g. "optInTimePeriod"; "" if none
  ParamType type = ParamType::kInteger;
  double default_value = 0;
  double min = 0;  // inclusive
  double max = 0;  // inclusive
  std::string description;
};

// Resolved parameter values, in ParamSpec order. Built by resolve_params(), so
// every value is in range and integer parameters hold whole numbers.
struct Params {
  std::vector<double> values;
  int integer(size_t i) const { return static_cast<int>(values[i]); }
  double real(size_t i) const { return values[i]; }
};

// One bar at a time. update() takes one value per declared input, in order.
class Stream {
 public:
  virtual ~Stream() = default;
  virtual void update(std::span<const double> bar) = 0;
  // True once the outputs hold values (after lookback() bars).
  virtual bool ready() const = 0;
  // Back to the state before the first update().
  virtual void reset() = 0;
  // Current value of output `k` (NaN while not ready).
  virtual double value(size_t k = 0) const = 0;
};

using LookbackFn = int (*)(const Params& params);
// in: one pointer per declared input; out: one pointer per declared output;
// each array has n elements.
using BatchFn = void (*)(const double* const* in, size_t n, const Params& params,
                         double* const* out);
using StreamFn = std::unique_ptr<Stream> (*)(const Params& params);

struct IndicatorSpec {
  std::string name;                  // canonical lowercase id, e.g. "rsi"
  std::string talib_name;            // TA-Lib function name, e.g. "RSI"; "" if TA-Lib lacks it
  std::vector<std::string> aliases;  // other accepted names, e.g. {"williams", "williams_r"}
  std::string group;  // overlap, momentum, volume, volatility, price, cycle, statistic, math,
                      // pattern
  std::string title;  // "Relative Strength Index"
  std::vector<InputKind> inputs;
  std::vector<ParamSpec> params;
  std::vector<std::string> outputs;  // in TA-Lib's order, e.g. {"macd", "signal", "hist"}
  LookbackFn lookback = nullptr;
  BatchFn batch = nullptr;
  StreamFn stream = nullptr;
  std::string definition;  // how it is computed, for the docs (Markdown, a few sentences)
  std::string source;      // citation: who defined it / the reference implementation
  bool core = false;       // one of TA-Lib's core 52 (bench/RESULTS.md and the list)
};

}  // namespace nocode::indicators
