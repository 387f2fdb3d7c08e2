// Parsing of parameter specs and enumeration of grid points.
#include "optimize/parameter_space.h"

#include <charconv>
#include <cmath>
#include <set>

#include "common/strings.h"

namespace nocode::optimize {
namespace {

constexpr size_t kMaxValues = 1'000'000;

struct Number {
  double value = 0;
  bool integer = false;
};

Result<Number> parse_number(std::string_view text, std::string_view where) {
  const std::string_view t = trim(text);
  Number n;
  const char* end = t.data() + t.size();
  auto [ptr, ec] = std::from_chars(t.data(), end, n.value);
  if (t.empty() || ec != std::errc() || ptr != end || !std::isfinite(n.value)) {
    return Status::invalid_argument(std::string(where) + ": expected a number, got '" +
                                    std::string(t) + "'");
  }
  n.integer = t.find_first_of(".eE") == std::string_view::npos && n.value == std::floor(n.value);
  return n;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      parts.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

// Splits "NAME=SPEC"; checks the name.
Status split_assignment(std::string_view text, std::string_view flag, std::string& name,
                        std::string_view& spec) {
  const size_t eq = text.find('=');
  if (eq == std::string_view::npos) {
    return Status::invalid_argument(std::string(flag) + " '" + std::string(text) +
                                    "': expected NAME=SPEC, e.g. fast=5:30:5, fast=5,10,20 or fast=10");
  }
  name = std::string(trim(text.substr(0, eq)));
  spec = trim(text.substr(eq + 1));
  if (name.empty()) {
    return Status::invalid_argument(std::string(flag) + " '" + std::string(text) +
                                    "': the parameter name before '=' is empty");
  }
  if (spec.empty()) {
    return Status::invalid_argument(std::string(flag) + " '" + std::string(text) +
                                    "': the value after '=' is empty");
  }
  return Status::ok();
}

Status arithmetic_range(const Number& start, const Number& stop, const Number& step,
                        const std::string& where, Dimension& dim) {
  if (step.value == 0 || (stop.value - start.value) * step.value < 0) {
    return Status::invalid_argument(where + ": STEP must be non-zero and lead from START to STOP");
  }
  const double count = std::floor((stop.value - start.value) / step.value + 1e-9) + 1;
  if (count > static_cast<double>(kMaxValues)) {
    return Status::invalid_argument(where + ": more than 1000000 values");
  }
  dim.integer = start.integer && stop.integer && step.integer;
  for (size_t k = 0; k < static_cast<size_t>(count); ++k) {
    dim.values.push_back(start.value + static_cast<double>(k) * step.value);
  }
  return Status::ok();
}

Result<Dimension> parse_discrete(std::string_view text, std::string_view flag) {
  Dimension dim;
  std::string_view spec;
  NOCODE_RETURN_IF_ERROR(split_assignment(text, flag, dim.name, spec));
  const std::string where = std::string(flag) + " " + dim.name;
  const std::vector<std::string_view> colon = split(spec, ':');
  if (colon.size() == 3) {
    std::vector<Number> n;
    for (std::string_view part : colon) {
      Result<Number> r = parse_number(part, where + " (START:STOP:STEP)");
      if (!r) return r.status();
      n.push_back(*r);
    }
    NOCODE_RETURN_IF_ERROR(arithmetic_range(n[0], n[1], n[2], where, dim));
    return dim;
  }
  if (colon.size() != 1) {
    return Status::invalid_argument(where + ": expected START:STOP:STEP, a list a,b,c or one value, got '" +
                                    std::string(spec) + "'");
  }
  std::set<double> seen;
  for (std::string_view part : split(spec, ',')) {
    Result<Number> r = parse_number(part, where + " (list a,b,c)");
    if (!r) return r.status();
    if (!seen.insert(r->value).second) {
      return Status::invalid_argument(where + ": value " + std::string(trim(part)) + " is listed twice");
    }
    dim.integer = dim.integer && r->integer;
    dim.values.push_back(r->value);
  }
  return dim;
}

}  // namespace

std::vector<std::string> ParameterSpace::names() const {
  std::vector<std::string> out;
  for (const Dimension& d : dims) out.push_back(d.name);
  return out;
}

size_t ParameterSpace::grid_size() const {
  if (dims.empty()) return 0;
  size_t n = 1;
  for (const Dimension& d : dims) {
    if (d.continuous || d.values.empty()) return 0;
    n *= d.values.size();
  }
  return n;
}

ParamSet ParameterSpace::grid_point(size_t i) const {
  ParamSet set(dims.size());
  for (size_t k = dims.size(); k-- > 0;) {
    const size_t m = dims[k].values.size();
    set[k] = dims[k].values[i % m];
    i /= m;
  }
  return set;
}

std::vector<std::string> ParameterSpace::overrides(const ParamSet& set) const {
  std::vector<std::string> out;
  for (size_t k = 0; k < dims.size() && k < set.size(); ++k) {
    out.push_back(dims[k].name + "=" + format_param(dims[k], set[k]));
  }
  return out;
}

Status ParameterSpace::validate() const {
  if (dims.empty()) return Status::invalid_argument("no parameter to optimize (give --grid or --range)");
  std::set<std::string> seen;
  for (const Dimension& d : dims) {
    if (!seen.insert(d.name).second) {
      return Status::invalid_argument("parameter '" + d.name + "' is given twice");
    }
  }
  return Status::ok();
}

Result<Dimension> parse_grid_spec(std::string_view text, std::string_view flag) {
  return parse_discrete(text, flag);
}

Result<Dimension> parse_range_spec(std::string_view text, std::string_view flag) {
  Dimension dim;
  std::string_view spec;
  NOCODE_RETURN_IF_ERROR(split_assignment(text, flag, dim.name, spec));
  const std::vector<std::string_view> colon = split(spec, ':');
  if (colon.size() != 2) return parse_discrete(text, flag);
  const std::string where = std::string(flag) + " " + dim.name + " (LO:HI)";
  Result<Number> lo = parse_number(colon[0], where);
  if (!lo) return lo.status();
  Result<Number> hi = parse_number(colon[1], where);
  if (!hi) return hi.status();
  if (hi->value < lo->value) return Status::invalid_argument(where + ": HI is below LO");
  dim.is_range = true;
  dim.lo = lo->value;
  dim.hi = hi->value;
  dim.integer = lo->integer && hi->integer;
  dim.continuous = !dim.integer;
  if (dim.integer && hi->value - lo->value < static_cast<double>(kMaxValues)) {
    for (double v = lo->value; v <= hi->value; v += 1) dim.values.push_back(v);
  } else if (dim.integer) {
    dim.continuous = true;  // too many integers to list: sample, then round
  }
  return dim;
}

std::string format_param(const Dimension& dim, double value) {
  if (dim.integer && std::fabs(value) < 9e15) {
    return std::to_string(static_cast<long long>(std::llround(value)));
  }
  return format_double(value);
}

uint64_t SplitMix64::next() {
  uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

double SplitMix64::uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

uint64_t SplitMix64::below(uint64_t n) {
  const uint64_t limit = UINT64_MAX - UINT64_MAX % n;
  uint64_t x = next();
  while (x >= limit) x = next();
  return x % n;
}

}  // namespace nocode::optimize
