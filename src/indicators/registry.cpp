#include "indicators/registry.h"

#include <charconv>
#include <cmath>
#include <mutex>

#include "common/strings.h"
#include "data/frame.h"

namespace nocode::indicators {

const char* input_kind_name(InputKind kind) {
  switch (kind) {
    case InputKind::kOpen: return "open";
    case InputKind::kHigh: return "high";
    case InputKind::kLow: return "low";
    case InputKind::kClose: return "close";
    case InputKind::kVolume: return "volume";
    case InputKind::kReal: return "real";
    case InputKind::kReal0: return "real0";
    case InputKind::kReal1: return "real1";
  }
  return "?";
}

namespace {

constexpr const char* kMaTypeNames[] = {"sma", "ema", "wma", "dema", "tema",
                                        "trima", "kama", "mama", "t3"};

Status check_spec(const IndicatorSpec& spec) {
  if (spec.name.empty() || spec.name != to_lower(spec.name))
    return Status::internal("indicator name must be non-empty lowercase: '" + spec.name + "'");
  if (!spec.lookback || !spec.batch || !spec.stream)
    return Status::internal("indicator '" + spec.name + "' lacks a lookback, batch or stream");
  if (spec.inputs.empty() || spec.outputs.empty())
    return Status::internal("indicator '" + spec.name + "' declares no inputs or outputs");
  for (const auto& p : spec.params) {
    if (p.min > p.max || p.default_value < p.min || p.default_value > p.max)
      return Status::internal("indicator '" + spec.name + "' parameter '" + p.name +
                              "' has a default outside its range");
  }
  return Status::ok();
}

std::string range_text(const ParamSpec& p) {
  std::string out = "[";
  out.append(format_double(p.min)).append(", ").append(format_double(p.max)).append("]");
  return out;
}

Result<double> check_value(const IndicatorSpec& spec, const ParamSpec& p, double v) {
  const std::string where = spec.name + " parameter '" + p.name + "'";
  if (std::isnan(v)) return Status::invalid_argument(where + ": expected a number, got NaN");
  if (p.type != ParamType::kReal && v != std::floor(v))
    return Status::invalid_argument(where + ": expected an integer in " + range_text(p) +
                                    ", got " + format_double(v));
  if (v < p.min || v > p.max)
    return Status::invalid_argument(where + ": " + format_double(v) + " is out of range; valid " +
                                    (p.type == ParamType::kReal ? "range is " : "integers are ") +
                                    range_text(p));
  return v;
}

// Finds the parameter named `key` (name, alias or TA-Lib name, any case).
const ParamSpec* find_param(const IndicatorSpec& spec, std::string_view key, size_t* index) {
  for (size_t i = 0; i < spec.params.size(); ++i) {
    const ParamSpec& p = spec.params[i];
    bool match = iequals(p.name, key) || (!p.talib.empty() && iequals(p.talib, key));
    for (const auto& a : p.aliases) match = match || iequals(a, key);
    if (match) {
      *index = i;
      return &p;
    }
  }
  return nullptr;
}

Status unknown_param(const IndicatorSpec& spec, std::string_view key) {
  std::vector<std::string> names;
  for (const auto& p : spec.params) {
    names.push_back(p.name);
    for (const auto& a : p.aliases) names.push_back(a);
  }
  if (spec.params.empty())
    return Status::invalid_argument(spec.name + " has no parameters; got '" + std::string(key) +
                                    "'");
  std::vector<std::string> own;
  for (const auto& p : spec.params) own.push_back(p.name);
  std::string msg = "unknown parameter '" + std::string(key) + "' for " + spec.name;
  auto near = nearest_names(key, names);
  if (!near.empty()) msg += "; did you mean " + quoted_list(near) + "?";
  msg += " (parameters: " + quoted_list(own, ", ") + ")";
  return Status::invalid_argument(msg);
}

}  // namespace

Result<int> parse_ma_type(std::string_view text) {
  const std::string t = to_lower(trim(text));
  for (int i = 0; i < 9; ++i)
    if (t == kMaTypeNames[i]) return i;
  int v = -1;
  auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (ec == std::errc() && ptr == t.data() + t.size() && v >= 0 && v <= 8) return v;
  return Status::invalid_argument("moving-average type '" + std::string(text) +
                                  "': expected 0..8 or one of sma, ema, wma, dema, tema, trima, "
                                  "kama, mama, t3");
}

const char* ma_type_name(int ma_type) {
  return ma_type >= 0 && ma_type < 9 ? kMaTypeNames[ma_type] : "?";
}

Status Registry::add(IndicatorSpec spec) {
  NOCODE_RETURN_IF_ERROR(check_spec(spec));
  std::vector<std::string> keys = {spec.name};
  if (!spec.talib_name.empty()) keys.push_back(to_lower(spec.talib_name));
  for (const auto& a : spec.aliases) keys.push_back(to_lower(a));
  for (const auto& k : keys) {
    auto it = index_.find(k);
    if (it != index_.end() && specs_[it->second].name != spec.name)
      return Status::internal("indicator key '" + k + "' of '" + spec.name +
                              "' is already taken by '" + specs_[it->second].name + "'");
    if (it != index_.end()) return Status::internal("indicator '" + spec.name + "' added twice");
  }
  const size_t pos = specs_.size();
  for (const auto& k : keys) index_.emplace(k, pos);
  specs_.push_back(std::move(spec));
  return Status::ok();
}

const IndicatorSpec* Registry::find(std::string_view name) const {
  auto it = index_.find(to_lower(trim(name)));
  return it == index_.end() ? nullptr : &specs_[it->second];
}

Result<const IndicatorSpec*> Registry::lookup(std::string_view name) const {
  if (const IndicatorSpec* spec = find(name)) return spec;
  std::vector<std::string> keys;
  for (const auto& [k, _] : index_) keys.push_back(k);
  std::string msg = "unknown indicator '" + std::string(name) + "'";
  auto near = nearest_names(name, keys);
  if (!near.empty()) msg += "; did you mean " + quoted_list(near) + "?";
  msg += " ('nocode indicators list' shows all " + std::to_string(specs_.size()) + ")";
  return Status::not_found(msg);
}

const Registry& builtin_registry() {
  static const Registry registry = [] {
    Registry r;
    Status s = register_builtin_indicators(r);
    if (!s.is_ok()) {
      // A registration error is a programming error in this codebase.
      std::fprintf(stderr, "fatal: %s\n", s.to_string().c_str());
      std::abort();
    }
    return r;
  }();
  return registry;
}

Params default_params(const IndicatorSpec& spec) {
  Params p;
  for (const auto& ps : spec.params) p.values.push_back(ps.default_value);
  return p;
}

Result<Params> resolve_params(const IndicatorSpec& spec,
                              const std::vector<std::pair<std::string, double>>& given) {
  Params p = default_params(spec);
  std::vector<bool> seen(spec.params.size(), false);
  for (const auto& [key, value] : given) {
    size_t i = 0;
    const ParamSpec* ps = find_param(spec, key, &i);
    if (!ps) return unknown_param(spec, key);
    if (seen[i])
      return Status::invalid_argument(spec.name + " parameter '" + ps->name +
                                      "' is given twice (as '" + key + "' and another name)");
    seen[i] = true;
    auto v = check_value(spec, *ps, value);
    if (!v) return v.status();
    p.values[i] = *v;
  }
  return p;
}

Result<Params> resolve_params_text(const IndicatorSpec& spec,
                                   const std::vector<std::pair<std::string, std::string>>& given) {
  std::vector<std::pair<std::string, double>> numeric;
  for (const auto& [key, text] : given) {
    size_t i = 0;
    const ParamSpec* ps = find_param(spec, key, &i);
    if (!ps) return unknown_param(spec, key);
    const std::string_view t = trim(text);
    if (ps->type == ParamType::kMaType) {
      auto m = parse_ma_type(t);
      if (!m) return m.status().with_context(spec.name + " parameter '" + ps->name + "'");
      numeric.emplace_back(key, *m);
      continue;
    }
    double v = 0;
    auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (ec != std::errc() || ptr != t.data() + t.size())
      return Status::invalid_argument(spec.name + " parameter '" + ps->name + "': expected " +
                                      (ps->type == ParamType::kReal ? "a number" : "an integer") +
                                      " in " + range_text(*ps) + ", got '" + text + "'");
    numeric.emplace_back(key, v);
  }
  return resolve_params(spec, numeric);
}

std::vector<std::vector<double>> compute(const IndicatorSpec& spec, const Params& params,
                                         const std::vector<const double*>& inputs, size_t n) {
  std::vector<std::vector<double>> out(spec.outputs.size(), std::vector<double>(n));
  std::vector<double*> out_ptrs;
  for (auto& o : out) out_ptrs.push_back(o.data());
  if (n > 0) spec.batch(inputs.data(), n, params, out_ptrs.data());
  return out;
}

Result<std::vector<std::vector<double>>> compute_on_frame(const IndicatorSpec& spec,
                                                          const Params& params,
                                                          const Frame& frame,
                                                          const InputBinding& binding) {
  std::vector<const double*> inputs;
  for (InputKind kind : spec.inputs) {
    std::string column;
    switch (kind) {
      case InputKind::kReal: column = binding.real; break;
      case InputKind::kReal0: column = binding.real0; break;
      case InputKind::kReal1: column = binding.real1; break;
      default: column = input_kind_name(kind);
    }
    auto col = frame.require(column);
    if (!col) return col.status().with_context(spec.name + " input '" + input_kind_name(kind) + "'");
    inputs.push_back((*col)->data());
  }
  return compute(spec, params, inputs, frame.rows());
}

}  // namespace nocode::indicators
