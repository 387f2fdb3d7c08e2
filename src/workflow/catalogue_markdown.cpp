// Markdown tables generated from the node catalogue (node_types.h).
#include "workflow/catalogue_markdown.h"

#include <cmath>

#include "common/strings.h"
#include "workflow/node_types.h"

namespace nocode::workflow {
namespace {

std::string cell(std::string s) {
  std::string out;
  for (char c : s) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n')
      out += ' ';
    else
      out += c;
  }
  return out;
}

std::string handles(const std::vector<HandleSpec>& hs) {
  if (hs.empty()) return "-";
  std::string out;
  for (size_t i = 0; i < hs.size(); ++i) {
    out += (i ? ", " : "") + std::string("`") + hs[i].id + "`: " + data_type_name(hs[i].type);
    if (hs[i].required) out += " (required)";
  }
  return out;
}

std::string range(const NodeParamSpec& p) {
  if (p.kind == ParamKind::kEnum) {
    std::string out;
    for (size_t i = 0; i < p.choices.size(); ++i) out += (i ? ", " : "") + p.choices[i];
    return out;
  }
  if (p.min < p.max) {
    return format_double(p.min) + " .. " + (std::isinf(p.max) ? "∞" : format_double(p.max));
  }
  return "";
}

std::string params_table(const NodeTypeSpec& t) {
  if (t.params.empty()) return "No parameters.\n";
  std::string out =
      "| parameter | kind | default | range / choices | description |\n"
      "| --- | --- | --- | --- | --- |\n";
  for (const NodeParamSpec& p : t.params) {
    std::string name = "`" + p.name + "`";
    for (const auto& a : p.aliases) name += " (`" + a + "`)";
    const std::string def = p.default_value.is_null() ? "-" : "`" + p.default_value.dump() + "`";
    out += "| " + name + " | " + param_kind_name(p.kind) + " | " + cell(def) + " | " +
           cell(range(p)) + " | " + cell(p.description) + " |\n";
  }
  return out;
}

}  // namespace

std::string node_catalogue_markdown() {
  std::string out =
      "| type | category | inputs | outputs | description |\n"
      "| --- | --- | --- | --- | --- |\n";
  for (const NodeTypeSpec& t : node_types()) {
    std::string name = "`" + t.type + "`";
    for (const auto& a : t.aliases) name += " (`" + a + "`)";
    out += "| " + name + " | " + t.category + " | " + cell(handles(t.inputs)) + " | " +
           cell(handles(t.outputs)) + " | " + cell(t.description) + " |\n";
  }
  for (const NodeTypeSpec& t : node_types()) {
    out += "\n### " + t.type + " — " + t.title + "\n\n" + t.description + "\n\n" + params_table(t);
  }
  return out;
}

}  // namespace nocode::workflow
