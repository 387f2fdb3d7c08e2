// Pass "typecheck": the data type on every edge fits the target handle, and
// indicator output handles exist for the bound indicator.
//
// Allowed besides equal types and "any": ohlcv -> numeric (the bars' close),
// signal -> numeric (1/0), risk -> signal/numeric (the risk gate is a
// boolean per bar), label -> numeric/any (the leakage pass decides).
#include <string>

#include "common/strings.h"
#include "indicators/indicator.h"
#include "workflow/passes/pass.h"

namespace nocode::workflow::passes {
namespace {

bool compatible(DataType from, DataType to) {
  if (from == to || from == DataType::kAny || to == DataType::kAny) return true;
  if (to == DataType::kNumeric) {
    return from == DataType::kOhlcv || from == DataType::kSignal || from == DataType::kLabel ||
           from == DataType::kRisk;
  }
  return to == DataType::kSignal && from == DataType::kRisk;  // the risk gate is boolean
}

std::string hint(DataType from, DataType to) {
  if (from == DataType::kNumeric && to == DataType::kSignal) {
    return "put a condition between them to turn the series into a signal";
  }
  if (to == DataType::kOhlcv) return "connect a data source's data-output";
  return "";
}

std::string outputs_text(const IndicatorBinding& b) {
  std::vector<std::string> items;
  for (const IndicatorOutput& o : b.outputs) {
    items.push_back(o.handle + " = " + o.spec->outputs[o.output_index]);
  }
  return join(items);
}

bool check_indicator_output(State& s, const Edge& e, const NodeState& src) {
  if (src.kind != StepKind::kIndicator || !src.indicator) return true;
  for (const IndicatorOutput& o : src.indicator->outputs) {
    if (o.handle == e.source_handle) return true;
  }
  s.diags->error("missing_indicator_output", src.node->id, e.source_handle_pointer,
                 src.indicator->spec->name + " has no " + e.source_handle +
                     " (its outputs: " + outputs_text(*src.indicator) + ")");
  return false;
}

// An indicator reading high/low/volume needs bars, not a single series.
void check_indicator_input(State& s, const Edge& e, const NodeState& dst, DataType from) {
  if (dst.kind != StepKind::kIndicator || !dst.indicator) return;
  if (from == DataType::kOhlcv || from == DataType::kAny) return;
  std::vector<std::string> needs;
  for (auto k : dst.indicator->spec->inputs) {
    using indicators::InputKind;
    if (k != InputKind::kReal && k != InputKind::kReal0 && k != InputKind::kReal1) {
      needs.push_back(indicators::input_kind_name(k));
    }
  }
  if (needs.empty()) return;
  s.diags->error("indicator_needs_bars", dst.node->id, e.pointer,
                 dst.indicator->spec->name + " reads " + join(needs) + " (OHLCV bars) but edge '" +
                     e.id + "' brings a " + data_type_name(from) + " series",
                 "connect a data source's data-output to its data-input");
}

void check_edge(State& s, const Edge& e) {
  const NodeState& src = s.at(e.source);
  const NodeState& dst = s.at(e.target);
  if (src.type == nullptr || dst.type == nullptr) return;  // reported by resolve
  const HandleSpec* out = find_output_handle(*src.type, e.source_handle);
  const HandleSpec* in = find_input_handle(*dst.type, e.target_handle);
  if (out == nullptr || in == nullptr) return;  // reported by parse_document
  if (!check_indicator_output(s, e, src)) return;
  if (!compatible(out->type, in->type)) {
    s.diags->error("type_mismatch", dst.node->id, e.pointer,
                   "edge '" + e.id + "' carries " + data_type_name(out->type) + " from '" +
                       src.node->id + "'." + e.source_handle + " but '" + dst.node->id + "'." +
                       e.target_handle + " expects " + data_type_name(in->type),
                   hint(out->type, in->type));
    return;
  }
  check_indicator_input(s, e, dst, out->type);
}

}  // namespace

void typecheck(State& s) {
  for (const Edge& e : s.doc->edges) {
    if (s.usable(e)) check_edge(s, e);
  }
}

}  // namespace nocode::workflow::passes
