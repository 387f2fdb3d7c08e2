// Workflow parameters: reading the map, overrides, tune ranges and "$name"
// substitution into node parameters.
#include "workflow/parameters.h"
#include "common/numeric.h"

#include <cctype>
#include <cmath>
#include <utility>

#include "common/strings.h"
#include "workflow/json_pointer.h"
#include "workflow/suggest.h"

namespace nocode::workflow {
namespace {

using nlohmann::json;

bool whole(double v) { return std::isfinite(v) && std::floor(v) == v; }

double midpoint(const SearchDimension& d) {
  double v = d.scale == "log" ? std::sqrt(d.min * d.max) : (d.min + d.max) / 2;
  return d.integer ? std::round(v) : v;
}

std::vector<std::string> keys_of(const json& object) {
  std::vector<std::string> out;
  for (auto it = object.begin(); it != object.end(); ++it) out.push_back(it.key());
  return out;
}

bool read_bound(const json& tune, const char* key, const std::string& pointer,
                const std::string& node_id, Diagnostics& diags, double* out) {
  auto it = tune.find(key);
  if (it == tune.end() || !it->is_number()) {
    diags.error("invalid_tune", node_id, pointer_append(pointer, key),
                std::string("tune range needs a number '") + key + "'");
    return false;
  }
  *out = it->get<double>();
  return true;
}

// The value an entry {"value": v, "tune": {...}} or a tune-only entry stands for.
json value_of_tuned(const json& entry, const SearchDimension& dim, const std::string& pointer,
                    const std::string& node_id, Diagnostics& diags) {
  auto it = entry.find("value");
  if (it == entry.end())
    return dim.integer ? json(saturating_ll(midpoint(dim))) : json(midpoint(dim));
  if (!it->is_number()) {
    diags.error("invalid_parameter_value", node_id, pointer_append(pointer, "value"),
                "a tuned parameter's value must be a number, got " + it->dump());
    return *it;
  }
  const double v = it->get<double>();
  if (v < dim.min || v > dim.max) {
    diags.error("value_outside_tune_range", node_id, pointer_append(pointer, "value"),
                "value " + format_double(v) + " lies outside its tune range [" +
                    format_double(dim.min) + ", " + format_double(dim.max) + "]");
  }
  return *it;
}

bool is_tune_object(const json& v) { return v.is_object() && v.contains("tune"); }

json parse_override_value(const std::string& text) {
  json v = json::parse(text, nullptr, false);
  if (v.is_discarded() || v.is_object() || v.is_array()) return json(text);
  return v;
}

}  // namespace

std::optional<SearchDimension> read_tune(const json& tune, const std::string& name,
                                         const std::string& pointer, const std::string& node_id,
                                         Diagnostics& diags) {
  if (!tune.is_object()) {
    diags.error("invalid_tune", node_id, pointer,
                "expected a tune object {\"min\": a, \"max\": b, \"scale\": \"linear\"|\"log\"}");
    return std::nullopt;
  }
  SearchDimension d;
  d.name = name;
  d.pointer = pointer;
  bool ok = read_bound(tune, "min", pointer, node_id, diags, &d.min);
  ok = read_bound(tune, "max", pointer, node_id, diags, &d.max) && ok;
  if (auto s = tune.find("scale"); s != tune.end()) {
    if (!s->is_string() || (*s != "linear" && *s != "log")) {
      diags.error("invalid_tune", node_id, pointer_append(pointer, "scale"),
                  "scale must be \"linear\" or \"log\", got " + s->dump());
      ok = false;
    } else {
      d.scale = s->get<std::string>();
    }
  }
  d.integer = whole(d.min) && whole(d.max);
  if (auto t = tune.find("type"); t != tune.end()) {
    if (*t == "int" || *t == "integer") {
      d.integer = true;
    } else if (*t == "float" || *t == "real") {
      d.integer = false;
    } else {
      diags.error("invalid_tune", node_id, pointer_append(pointer, "type"),
                  "type must be \"int\" or \"float\", got " + t->dump());
      ok = false;
    }
  }
  for (const std::string& k : keys_of(tune)) {
    if (k != "min" && k != "max" && k != "scale" && k != "type") {
      diags.warning("unknown_tune_key", node_id, pointer_append(pointer, k),
                    "unknown tune key '" + k + "' ignored (known: min, max, scale, type)");
    }
  }
  if (!ok) return std::nullopt;
  if (!(d.min < d.max)) {
    diags.error("invalid_tune", node_id, pointer,
                "tune range needs min < max, got min " + format_double(d.min) + ", max " +
                    format_double(d.max));
    return std::nullopt;
  }
  if (d.scale == "log" && d.min <= 0) {
    diags.error("invalid_tune", node_id, pointer_append(pointer, "min"),
                "a log-scale range needs min > 0, got " + format_double(d.min),
                "use \"scale\": \"linear\" or a positive min");
    return std::nullopt;
  }
  d.value = midpoint(d);
  return d;
}

bool is_reference(const json& value) {
  if (!value.is_string()) return false;
  const std::string& s = value.get_ref<const std::string&>();
  if (s.size() < 2 || s[0] != '$') return false;
  for (size_t i = 1; i < s.size(); ++i) {
    const char c = s[i];
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.'))
      return false;
  }
  return true;
}

namespace {

void read_entry(const std::string& name, const json& entry, const std::string& pointer,
                ParameterSet& set, Diagnostics& diags) {
  set.pointers[name] = pointer;
  if (!is_tune_object(entry)) {
    if (entry.is_object() && entry.contains("value")) {
      set.values[name] = entry["value"];
    } else if (entry.is_object() || entry.is_array() || entry.is_null()) {
      diags.error("invalid_parameter_value", "", pointer,
                  "workflow parameter '" + name +
                      "' must be a number, string, bool or {\"value\": v, \"tune\": {...}}");
    } else {
      set.values[name] = entry;
    }
    return;
  }
  const std::string tune_ptr = pointer_append(pointer, "tune");
  std::optional<SearchDimension> dim = read_tune(entry["tune"], name, tune_ptr, "", diags);
  if (!dim) return;
  set.values[name] = value_of_tuned(entry, *dim, pointer, "", diags);
  if (set.values[name].is_number()) dim->value = set.values[name].get<double>();
  set.dimension_of[name] = set.dimensions.size();
  set.dimensions.push_back(std::move(*dim));
}

void apply_override(const std::string& item, ParameterSet& set, Diagnostics& diags) {
  const size_t eq = item.find('=');
  if (eq == std::string::npos || eq == 0) {
    diags.error("invalid_override", "", "", "--set '" + item + "': expected NAME=VALUE");
    return;
  }
  const std::string name = item.substr(0, eq);
  if (!set.values.contains(name)) {
    const std::vector<std::string> known = keys_of(set.values);
    diags.error("unknown_parameter", "", "",
                "--set " + name + ": the workflow has no parameter '" + name + "' (known: " +
                    (known.empty() ? std::string("none") : quoted_list(known, " and ")) + ")",
                did_you_mean(name, known));
    return;
  }
  const std::string text = item.substr(eq + 1);
  if (sanitize_utf8(text) != text) {  // a workflow's JSON could not hold it
    diags.error("invalid_override", "", "", "--set " + name + ": the value is not valid UTF-8");
    return;
  }
  json value = parse_override_value(text);
  if (auto d = set.dimension_of.find(name); d != set.dimension_of.end()) {
    SearchDimension& dim = set.dimensions[d->second];
    if (!value.is_number()) {
      diags.error("invalid_override", "", "",
                  "--set " + name + ": a tuned parameter needs a number, got " + value.dump());
      return;
    }
    dim.value = value.get<double>();
    if (dim.value < dim.min || dim.value > dim.max) {
      diags.warning("override_outside_tune_range", "", set.pointers[name],
                    "--set " + name + "=" + format_double(dim.value) +
                        " lies outside the tune range [" + format_double(dim.min) + ", " +
                        format_double(dim.max) + "]");
    }
  }
  set.values[name] = std::move(value);
}

}  // namespace

ParameterSet read_parameters(const json& map, const std::string& pointer,
                             const std::vector<std::string>& overrides, Diagnostics& diags) {
  ParameterSet set;
  if (!map.is_null() && !map.is_object()) {
    diags.error(
        "invalid_parameters", "", pointer,
        "workflow parameters must be an object {name: value}, got " + std::string(map.type_name()));
  } else if (map.is_object()) {
    for (auto it = map.begin(); it != map.end(); ++it) {
      read_entry(it.key(), it.value(), pointer_append(pointer, it.key()), set, diags);
    }
  }
  for (const std::string& item : overrides) apply_override(item, set, diags);
  return set;
}

Substituted substitute_parameters(const Node& node, ParameterSet& set, Diagnostics& diags) {
  Substituted out;
  if (!node.params.is_object()) return out;
  for (auto it = node.params.begin(); it != node.params.end(); ++it) {
    const std::string& key = it.key();
    if (!is_reference(it.value()) && !is_tune_object(it.value())) {  // a plain value
      out.params[key] = it.value();
      continue;
    }
    const std::string ptr = pointer_append(node.params_pointer, key);
    const std::string use = node.id + "." + key;
    if (is_reference(it.value())) {
      const std::string name = it.value().get<std::string>().substr(1);
      if (!set.values.contains(name)) {
        const std::vector<std::string> known = keys_of(set.values);
        diags.error("unknown_parameter_reference", node.id, ptr,
                    "parameter '" + key + "' references '$" + name +
                        "', which the workflow's parameters map does not define (known: " +
                        (known.empty() ? std::string("none") : quoted_list(known, " and ")) + ")",
                    did_you_mean(name, known));
        continue;
      }
      out.params[key] = set.values[name];
      if (auto d = set.dimension_of.find(name); d != set.dimension_of.end()) {
        out.tuned[key] = d->second;
        set.dimensions[d->second].used_by.push_back(use);
      }
    } else if (is_tune_object(it.value())) {
      std::optional<SearchDimension> dim =
          read_tune(it.value()["tune"], use, pointer_append(ptr, "tune"), node.id, diags);
      if (!dim) continue;
      out.params[key] = value_of_tuned(it.value(), *dim, ptr, node.id, diags);
      if (out.params[key].is_number()) dim->value = out.params[key].get<double>();
      dim->used_by.push_back(use);
      out.tuned[key] = set.dimensions.size();
      set.dimensions.push_back(std::move(*dim));
    }
  }
  return out;
}

}  // namespace nocode::workflow
