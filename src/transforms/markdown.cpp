// transforms_markdown(): the transform and label reference of
// docs/ml-data.md, generated from the registry (a test keeps the doc current).
#include <sstream>

#include "common/strings.h"
#include "transforms/transform.h"

namespace nocode::transforms {
namespace {

std::string param_type_text(const ParamSpec& p) {
  switch (p.type) {
    case ParamType::kInteger: return "integer";
    case ParamType::kReal: return "number";
    case ParamType::kChoice: return "choice";
  }
  return "?";
}

std::string default_text(const ParamSpec& p) {
  if (p.type == ParamType::kChoice) return p.choices[static_cast<size_t>(p.default_value)];
  return format_double(p.default_value);
}

std::string range_text(const ParamSpec& p) {
  if (p.type == ParamType::kChoice) {
    std::string out;
    for (const auto& c : p.choices) out += (out.empty() ? "" : " \\| ") + c;
    return out;
  }
  std::string out = "[";  // built by appends: GCC 12 warns falsely on "[" + string
  out.append(format_double(p.min)).append(", ").append(format_double(p.max)).append("]");
  return out;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "`" : ", `") + i + "`";
  return out.empty() ? "-" : out;
}

void write_spec(std::ostringstream& md, const TransformSpec& s) {
  md << "#### `" << s.name << "` - " << s.title << "\n\n";
  if (!s.aliases.empty()) md << "Aliases: " << joined(s.aliases) << ".  \n";
  std::vector<std::string> inputs;
  for (const auto& in : s.inputs) inputs.push_back(in.optional ? in.name + " (optional)" : in.name);
  md << "Inputs: " << joined(inputs) << ". Outputs: " << joined(s.outputs) << ".  \n";
  const Params defaults = default_params(s);
  if (s.reads_future)
    md << "Reads the future: **yes** (a label; never a feature). Rows without a value at "
          "default parameters: the last " << lookahead_of(s, defaults) << ".\n\n";
  else
    md << "Causal: row t reads rows <= t. Warm-up rows (NaN) at default parameters: "
       << lookback_of(s, defaults) << ".\n\n";
  md << s.definition << "\n\n";
  md << "NaN: " << s.nan_rule << "\n\n";
  if (s.params.empty()) return;
  md << "| parameter | aliases | type | default | valid | description |\n";
  md << "|---|---|---|---|---|---|\n";
  for (const auto& p : s.params)
    md << "| `" << p.name << "` | " << joined(p.aliases) << " | " << param_type_text(p) << " | "
       << default_text(p) << " | " << range_text(p) << " | " << p.description << " |\n";
  md << "\n";
}

}  // namespace

std::string transforms_markdown(const Registry& registry) {
  std::ostringstream md;
  md << "<!-- Generated from the transform registry (src/transforms/); do not edit by hand. -->\n\n";
  md << "### Feature transforms\n\n";
  std::string group;
  for (const auto& s : registry.all()) {
    if (s.reads_future) continue;
    if (s.group != group) {
      group = s.group;
      md << "Group **" << group << "**\n\n";
    }
    write_spec(md, s);
  }
  md << "### Labels\n\n";
  for (const auto& s : registry.all())
    if (s.reads_future) write_spec(md, s);
  return md.str();
}

}  // namespace nocode::transforms
