// The parameter space of an optimization: one Dimension per workflow
// parameter, parsed from the CLI's specs, and the candidate sets drawn from
// it (grid: cartesian product; random: seeded samples).
//
// Spec grammar (the text after NAME=):
//   START:STOP:STEP   inclusive arithmetic range, e.g. fast=5:30:5 -> 5,10,...,30
//   a,b,c             an explicit list
//   v                 a single value
//   LO:HI             (range specs of --random) uniform in [LO, HI]; integers
//                     when both ends are integers, else continuous
// A dimension is integer when every number in its spec is an integer.
//
// Plain values and pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace nocode::optimize {

struct Dimension {
  std::string name;
  bool integer = true;        // every value is an integer
  std::vector<double> values; // discrete values (grid, list, single); empty when continuous
  bool continuous = false;    // a LO:HI range of floats (random search only)
  double lo = 0, hi = 0;      // bounds of a LO:HI range (continuous or integer)
  bool is_range = false;      // given as LO:HI (random search samples inside it)
};

// One candidate: a value per dimension, in the space's dimension order.
using ParamSet = std::vector<double>;

struct ParameterSpace {
  std::vector<Dimension> dims;

  std::vector<std::string> names() const;
  // Product of the discrete value counts; 0 when a dimension is continuous.
  size_t grid_size() const;
  // The i-th grid point; the last dimension varies fastest.
  ParamSet grid_point(size_t i) const;
  // "fast=10" overrides for `set` (integers without a decimal point).
  std::vector<std::string> overrides(const ParamSet& set) const;
  // Errors when a name repeats (names both flags).
  Status validate() const;
};

// Parses "NAME=SPEC" of a --grid flag (START:STOP:STEP, list or single value).
// `flag` names the flag in errors, e.g. "--grid".
Result<Dimension> parse_grid_spec(std::string_view text, std::string_view flag = "--grid");
// Parses "NAME=LO:HI" (or a grid spec) of a --range flag.
Result<Dimension> parse_range_spec(std::string_view text, std::string_view flag = "--range");

// A value as the workflow sees it: "10", "0.25".
std::string format_param(const Dimension& dim, double value);

// Deterministic 64-bit generator (splitmix64) so seeds give the same samples
// on every platform and standard library.
class SplitMix64 {
 public:
  explicit SplitMix64(uint64_t seed) : state_(seed) {}
  uint64_t next();
  double uniform();                  // [0, 1)
  uint64_t below(uint64_t n);        // [0, n), unbiased; n > 0

 private:
  uint64_t state_;
};

}  // namespace nocode::optimize
