#include "support/param_sets.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>

#include "common/strings.h"
#include "indicators/registry.h"

namespace nocode::testing {

using indicators::ParamType;

namespace {

double clamp_to(const indicators::ParamSpec& p, double v) {
  v = std::clamp(v, p.min, p.max);
  if (p.type != ParamType::kReal) v = std::round(v);
  return std::clamp(v, p.min, p.max);
}

bool is_period(const indicators::ParamSpec& p) { return p.type == ParamType::kInteger; }

// Index of the parameter called `name`, or -1.
int index_of(const indicators::IndicatorSpec& spec, const std::string& name) {
  for (size_t i = 0; i < spec.params.size(); ++i)
    if (spec.params[i].name == name) return int(i);
  return -1;
}

// Adds `p` under `label` unless an identical setting is already in `out`.
void add_unique(std::vector<NamedParams>& out, std::string label, const indicators::Params& p) {
  for (const auto& e : out)
    if (e.params.values == p.values) return;
  out.push_back({std::move(label), p});
}

}  // namespace

std::vector<NamedParams> param_sets(const indicators::IndicatorSpec& spec) {
  std::vector<NamedParams> out;
  indicators::Params defaults = indicators::default_params(spec);
  out.push_back({"defaults", defaults});
  if (spec.params.empty()) return out;
  indicators::Params larger = defaults, smaller = defaults;
  bool has_scalar = false;
  for (size_t i = 0; i < spec.params.size(); ++i) {
    const auto& p = spec.params[i];
    if (p.type == ParamType::kMaType) continue;
    has_scalar = true;
    const double d = p.default_value;
    if (p.type == ParamType::kInteger) {
      larger.values[i] = clamp_to(p, d + std::max(1.0, std::floor(d / 2)) + double(i));
      smaller.values[i] = clamp_to(p, std::floor(d / 2) + double(i % 2));
    } else {
      larger.values[i] = clamp_to(p, d == 0 ? p.min + (p.max - p.min) * 0.1 : d * 1.5);
      smaller.values[i] = clamp_to(p, d == 0 ? p.min + (p.max - p.min) * 0.05 : d * 0.6);
    }
  }
  if (has_scalar) {
    out.push_back({"larger", larger});
    if (smaller.values != defaults.values && smaller.values != larger.values)
      out.push_back({"smaller", smaller});
  }
  for (size_t i = 0; i < spec.params.size(); ++i) {
    if (spec.params[i].type != ParamType::kMaType) continue;
    for (int t = 0; t < 9; ++t) {
      if (t == spec.params[i].default_value) continue;
      indicators::Params p = defaults;
      p.values[i] = t;
      out.push_back({spec.params[i].name + "=" + indicators::ma_type_name(t), p});
    }
  }

  // Period-type parameters at their minimum: all together, then one at a time.
  size_t periods = 0;
  indicators::Params minimum = defaults;
  for (size_t i = 0; i < spec.params.size(); ++i)
    if (is_period(spec.params[i])) minimum.values[i] = spec.params[i].min, ++periods;
  if (periods > 0) add_unique(out, "minimum", minimum);
  if (periods > 1) {
    for (size_t i = 0; i < spec.params.size(); ++i) {
      if (!is_period(spec.params[i])) continue;
      indicators::Params p = defaults;
      p.values[i] = spec.params[i].min;
      add_unique(out, spec.params[i].name + "=min", p);
    }
  }
  // Every MA type with the periods at their minimum (period 1 or 2 exercises
  // each MA's degenerate seeding).
  for (int t = 0; t < 9 && periods > 0; ++t) {
    indicators::Params p = minimum;
    bool any = false;
    for (size_t i = 0; i < spec.params.size(); ++i)
      if (spec.params[i].type == ParamType::kMaType) p.values[i] = t, any = true;
    if (any) add_unique(out, std::string("minimum ma_type=") + indicators::ma_type_name(t), p);
  }
  // Large periods: 200 for one period; distinct 100, 150, 200, ... for several.
  if (periods > 0) {
    indicators::Params p = defaults;
    size_t k = 0;
    for (size_t i = 0; i < spec.params.size(); ++i)
      if (is_period(spec.params[i]))
        p.values[i] = clamp_to(spec.params[i], periods == 1 ? 200.0 : 100.0 + 50.0 * double(k++));
    add_unique(out, "large", p);
  }
  // fast/slow pairs swapped (TA-Lib swaps MACD's, not ADOSC's or APO's).
  for (const char* stem : {"period", "ma_type", "limit"}) {
    const int f = index_of(spec, std::string("fast_") + stem);
    const int s = index_of(spec, std::string("slow_") + stem);
    if (f < 0 || s < 0) continue;
    indicators::Params p = defaults;
    std::swap(p.values[size_t(f)], p.values[size_t(s)]);
    p.values[size_t(f)] = clamp_to(spec.params[size_t(f)], p.values[size_t(f)]);
    p.values[size_t(s)] = clamp_to(spec.params[size_t(s)], p.values[size_t(s)]);
    add_unique(out, std::string("swapped fast/slow ") + stem, p);
    // Equal fast and slow.
    indicators::Params q = defaults;
    q.values[size_t(s)] = clamp_to(spec.params[size_t(s)], q.values[size_t(f)]);
    add_unique(out, std::string("equal fast/slow ") + stem, q);
  }
  // period1..period3 (ULTOSC): every order of the defaults.
  {
    const int a = index_of(spec, "period1"), b = index_of(spec, "period2"),
              c = index_of(spec, "period3");
    if (a >= 0 && b >= 0 && c >= 0) {
      std::vector<double> v = {defaults.values[size_t(a)], defaults.values[size_t(b)],
                               defaults.values[size_t(c)]};
      std::sort(v.begin(), v.end());
      do {
        indicators::Params p = defaults;
        p.values[size_t(a)] = v[0], p.values[size_t(b)] = v[1], p.values[size_t(c)] = v[2];
        add_unique(out, "order " + format_double(v[0]) + "," + format_double(v[1]) + "," +
                            format_double(v[2]), p);
      } while (std::next_permutation(v.begin(), v.end()));
    }
  }
  // Real parameters (nbdev, acceleration, vfactor, penetration, ...): zero,
  // negated, a tenth and fifteen times the default, one at a time.
  for (size_t i = 0; i < spec.params.size(); ++i) {
    const auto& ps = spec.params[i];
    if (ps.type != ParamType::kReal) continue;
    const double d = ps.default_value;
    std::vector<double> values = {0.0, -d, d * 0.1, d * 15, 1.0, -1.0, 0.5};
    if (d == 0) values = {0.01, 1.0, -1.0, 100.0, -100.0};
    for (double v : values) {
      if (v < ps.min || v > ps.max) continue;
      indicators::Params p = defaults;
      p.values[i] = clamp_to(ps, v);
      add_unique(out, ps.name + "=" + format_double(p.values[i]), p);
    }
  }
  // Two pseudo-random settings (deterministic per indicator): periods in
  // [min, 60], reals between 0.2x and 3x their default, random MA types.
  uint32_t seed = 2166136261u;  // FNV-1a of the name: the same sets on every platform
  for (unsigned char ch : spec.name) seed = (seed ^ ch) * 16777619u;
  std::mt19937 rng(seed);
  for (int r = 0; r < 2; ++r) {
    indicators::Params p = defaults;
    for (size_t i = 0; i < spec.params.size(); ++i) {
      const auto& ps = spec.params[i];
      if (ps.type == ParamType::kMaType) {
        p.values[i] = double(std::uniform_int_distribution<int>(0, 8)(rng));
      } else if (ps.type == ParamType::kInteger) {
        const int hi = int(std::min(ps.max, std::max(ps.min, 60.0)));
        p.values[i] = double(std::uniform_int_distribution<int>(int(ps.min), hi)(rng));
      } else {
        const double d = ps.default_value == 0 ? 1.0 : ps.default_value;
        p.values[i] = clamp_to(ps, d * std::uniform_real_distribution<double>(0.2, 3.0)(rng));
      }
    }
    add_unique(out, "random" + std::to_string(r + 1), p);
  }
  return out;
}
std::string describe(const indicators::IndicatorSpec& spec, const indicators::Params& params) {
  std::string s;
  for (size_t i = 0; i < spec.params.size(); ++i) {
    if (!s.empty()) s += " ";
    s += spec.params[i].name + "=" + format_double(params.values[i]);
  }
  return s.empty() ? "(no parameters)" : s;
}

bool close_enough(double ours, double ref, double floor) {
  if (std::isnan(ours) || std::isnan(ref)) return std::isnan(ours) && std::isnan(ref);
  const double scale = std::max({std::fabs(ours), std::fabs(ref), floor});
  return std::fabs(ours - ref) <= 1e-9 * scale;
}

}  // namespace nocode::testing
