// Handle canonicalisation and inference.
//
// Legacy named handles -> editor ids (EDITOR_FORMAT.md 1.6, 2.3):
//   technicalIndicator outputs (suffix "-output"/"_output" optional, any case):
//     value, main, output, result, <indicator name> (seed: "sma")   -> output-1
//     upper 1, middle 2, lower 3, width 4 (BB, KC, DC)
//     macd 1, signal 2, histogram/hist 3 (MACD, PPO; "signal" is output-2 for any indicator)
//     k 1, d 2, j 3 (STOCH, STOCHRSI, KDJ)
//     adx 1, di_plus/plus_di 2, di_minus/minus_di 3 (ADX); on DMI: dmi_plus 1, dmi_minus 2, adx 3
//     aroon_up 1, aroon_down 2; ppo 1; tsi 1; vi_plus 1, vi_minus 2
//     tenkan 1, kijun 2, senkou_a 3, senkou_b 4, chikou 5 (Ichimoku)
//     poc 1, vah 2, val 3 (VolumeProfile); higher_high 1, lower_low 2, support 3, resistance 4
//   any output: "<name>" -> "<name>-output" when that exists (signal -> signal-output)
//   any input:  "<name>" -> "<name>-input"; trigger-input -> signal-input;
//               "input" (logic: next free input-k; elsewhere: inferred as if absent)
//   condition inputs (seed dialect): current_price, price, left, signal-input -> data-input;
//               indicator_value, value, threshold, right, reference -> value-input
//   legacy seed node types with a single output / input: any name -> that handle.
//
// Inference when a handle is absent (1.4): single-output source -> its output;
// technicalIndicator source -> output-1; otherwise the one output whose type
// fits the target's input(s). Condition target -> first free of data-input,
// value-input; logic target -> next free input-k; otherwise the inputs whose
// type fits the source output (all inputs if none fits): the only one, else
// the first free one, else the first that takes several edges. Anything else
// is ambiguous and an error.
#include "workflow/handles.h"

#include <array>
#include <map>
#include <set>

#include "common/strings.h"
#include "workflow/dialects.h"
#include "workflow/json_pointer.h"
#include "workflow/node_types.h"
#include "workflow/suggest.h"

namespace nocode::workflow::handles {
namespace {

struct NamedOutput {
  std::string_view name;
  int index;
};

constexpr std::array<NamedOutput, 40> kNamedOutputs = {{
    {"value", 1},     {"main", 1},        {"output", 1},    {"result", 1},     {"upper", 1},
    {"middle", 2},    {"lower", 3},       {"width", 4},     {"macd", 1},       {"signal", 2},
    {"histogram", 3}, {"hist", 3},        {"k", 1},         {"d", 2},          {"j", 3},
    {"adx", 1},       {"di_plus", 2},     {"plus_di", 2},   {"di_minus", 3},   {"minus_di", 3},
    {"dmi_plus", 1},  {"dmi_minus", 2},   {"aroon_up", 1},  {"aroon_down", 2}, {"ppo", 1},
    {"tsi", 1},       {"vi_plus", 1},     {"vi_minus", 2},  {"tenkan", 1},     {"kijun", 2},
    {"senkou_a", 3},  {"senkou_b", 4},    {"chikou", 5},    {"poc", 1},        {"vah", 2},
    {"val", 3},       {"higher_high", 1}, {"lower_low", 2}, {"support", 3},    {"resistance", 4},
}};

struct NamedInput {
  std::string_view name;
  std::string_view id;
};

constexpr std::array<NamedInput, 9> kConditionInputs = {{
    {"current_price", "data-input"},
    {"price", "data-input"},
    {"left", "data-input"},
    {"signal-input", "data-input"},
    {"indicator_value", "value-input"},
    {"value", "value-input"},
    {"threshold", "value-input"},
    {"right", "value-input"},
    {"reference", "value-input"},
}};

std::string strip_output_suffix(std::string s) {
  for (std::string_view suffix : {std::string_view("-output"), std::string_view("_output")}) {
    if (s.size() > suffix.size() &&
        s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0) {
      s.resize(s.size() - suffix.size());
      break;
    }
  }
  for (char& c : s) {
    if (c == '-') c = '_';
  }
  return s;
}

bool compatible(DataType a, DataType b) {
  return a == b || a == DataType::kAny || b == DataType::kAny;
}

}  // namespace

int indicator_output_index(std::string_view indicator, std::string_view handle) {
  const std::string name = strip_output_suffix(to_lower(handle));
  const std::string ind = to_lower(indicator);
  if (ind == "dmi" && name == "adx") return 3;
  for (const NamedOutput& n : kNamedOutputs) {
    if (n.name == name) return n.index;
  }
  if (!ind.empty() && name == ind) return 1;
  return 0;
}

namespace {

struct Mapped {
  std::string id;
  bool infer = false;
  bool failed = false;
};

class Resolver {
 public:
  Resolver(Document& doc, Diagnostics& diags) : doc_(doc), diags_(diags) {}

  int run() {
    std::vector<Mapped> src(doc_.edges.size()), dst(doc_.edges.size());
    for (size_t i = 0; i < doc_.edges.size(); ++i) {
      src[i] = map_source(doc_.edges[i]);
      dst[i] = map_target(doc_.edges[i]);
      if (!dst[i].infer && !dst[i].failed) occupied_[doc_.edges[i].target].insert(dst[i].id);
    }
    for (size_t i = 0; i < doc_.edges.size(); ++i) {
      Edge& e = doc_.edges[i];
      if (src[i].infer) src[i] = infer_source(e, dst[i]);
      if (dst[i].infer) {
        dst[i] = infer_target(e, src[i]);
        if (!dst[i].failed) occupied_[e.target].insert(dst[i].id);
      }
      e.source_handle = src[i].failed ? "" : src[i].id;
      e.target_handle = dst[i].failed ? "" : dst[i].id;
    }
    return legacy_mapped_;
  }

 private:
  const Node& node(const std::string& id) const { return *doc_.find_node(id); }
  static const NodeTypeSpec* spec(const Node& n) { return find_node_type(n.type); }

  static std::string indicator_of(const Node& n) {
    auto it = n.params.find("indicator");
    return it != n.params.end() && it->is_string() ? it->get<std::string>() : "SMA";
  }

  std::string legacy_source(const Node& n, const NodeTypeSpec& s, const std::string& raw) const {
    if (s.type == "technicalIndicator") {
      int k = indicator_output_index(indicator_of(n), raw);
      if (k > 0) return "output-" + std::to_string(k);
    }
    if (find_output_handle(s, raw + "-output") != nullptr) return raw + "-output";
    if (dialects::is_legacy_type(n.raw_type) && s.outputs.size() == 1) return s.outputs[0].id;
    return "";
  }

  std::string legacy_target(const Node& n, const NodeTypeSpec& s, const std::string& raw) const {
    if (raw == "trigger-input" && find_input_handle(s, "signal-input") != nullptr) {
      return "signal-input";
    }
    if (s.type == "condition") {
      for (const NamedInput& in : kConditionInputs) {
        if (in.name == raw) return std::string(in.id);
      }
    }
    if (find_input_handle(s, raw + "-input") != nullptr) return raw + "-input";
    if (dialects::is_legacy_type(n.raw_type) && s.inputs.size() == 1) return s.inputs[0].id;
    return "";
  }

  Mapped map_source(const Edge& e) {
    if (e.raw_source_handle.empty()) return {"", true, false};
    const Node& n = node(e.source);
    const NodeTypeSpec* s = spec(n);
    if (s == nullptr || find_output_handle(*s, e.raw_source_handle) != nullptr) {
      return {e.raw_source_handle};
    }
    std::string id = legacy_source(n, *s, e.raw_source_handle);
    if (!id.empty()) {
      ++legacy_mapped_;
      return {id};
    }
    unknown_handle(e, n, *s, /*output=*/true);
    return {"", false, true};
  }

  Mapped map_target(const Edge& e) {
    if (e.raw_target_handle.empty()) return {"", true, false};
    if (e.raw_target_handle == "input") {
      ++legacy_mapped_;
      return {"", true, false};
    }
    const Node& n = node(e.target);
    const NodeTypeSpec* s = spec(n);
    if (s == nullptr || find_input_handle(*s, e.raw_target_handle) != nullptr) {
      return {e.raw_target_handle};
    }
    std::string id = legacy_target(n, *s, e.raw_target_handle);
    if (!id.empty()) {
      ++legacy_mapped_;
      return {id};
    }
    unknown_handle(e, n, *s, /*output=*/false);
    return {"", false, true};
  }

  void unknown_handle(const Edge& e, const Node& n, const NodeTypeSpec& s, bool output) {
    const std::string& raw = output ? e.raw_source_handle : e.raw_target_handle;
    std::vector<std::string> ids = output ? output_handle_ids(s) : input_handle_ids(s);
    std::string kind = output ? "output" : "input";
    std::string msg = "edge '" + e.id + "': node '" + n.id + "' (" + s.type + ") has no " + kind +
                      " handle '" + raw + "'; " +
                      (ids.empty() ? "it has no " + kind + " handles"
                                   : "its " + kind + "s are " + quoted_list(ids, ", "));
    diags_.error("unknown_handle", n.id, output ? e.source_handle_pointer : e.target_handle_pointer,
                 msg, did_you_mean(raw, ids));
  }

  void ambiguous(const Edge& e, const Node& n, const std::string& why, bool output) {
    std::string which = output ? "sourceHandle" : "targetHandle";
    diags_.error("ambiguous_handle", n.id, e.pointer,
                 "edge '" + e.id + "': cannot infer the " + (output ? "source" : "target") +
                     " handle on node '" + n.id + "' (" + n.type + "): " + why + "; set " + which);
  }

  // Types the target side can take: its resolved handle's, else all of its inputs'.
  std::vector<DataType> wanted_types(const Edge& e, const Mapped& dst) const {
    const NodeTypeSpec* t = spec(node(e.target));
    if (t == nullptr) return {DataType::kAny};
    if (!dst.infer && !dst.failed) {
      if (const HandleSpec* h = find_input_handle(*t, dst.id)) return {h->type};
    }
    std::vector<DataType> out;
    for (const HandleSpec& h : t->inputs) out.push_back(h.type);
    return out;
  }

  Mapped infer_source(Edge& e, const Mapped& dst) {
    const Node& n = node(e.source);
    const NodeTypeSpec* s = spec(n);
    if (e.raw_source_handle.empty()) e.source_handle_pointer = e.pointer;
    if (s == nullptr) return {"", false, true};  // unknown type: warned already, pass through
    if (s->outputs.empty()) {
      diags_.error("no_output_handle", n.id, e.pointer,
                   "edge '" + e.id + "' starts at node '" + n.id + "' (" + s->type +
                       "), which has no output handles");
      return {"", false, true};
    }
    if (s->outputs.size() == 1) return {s->outputs[0].id};
    if (s->type == "technicalIndicator") return {"output-1"};
    std::vector<std::string> fits;
    for (const HandleSpec& h : s->outputs) {
      for (DataType t : wanted_types(e, dst)) {
        if (compatible(h.type, t)) {
          fits.push_back(h.id);
          break;
        }
      }
    }
    if (fits.size() == 1) return {fits[0]};
    ambiguous(e, n, "its outputs are " + quoted_list(output_handle_ids(*s), ", "), true);
    return {"", false, true};
  }

  Mapped first_free(const std::string& node_id, const std::vector<std::string>& ids) const {
    auto it = occupied_.find(node_id);
    for (const std::string& id : ids) {
      if (it == occupied_.end() || it->second.count(id) == 0) return {id};
    }
    return {"", false, true};
  }

  DataType source_type(const Edge& e, const Mapped& src) const {
    const NodeTypeSpec* s = spec(node(e.source));
    if (s == nullptr || src.failed) return DataType::kAny;
    const HandleSpec* h = find_output_handle(*s, src.id);
    return h != nullptr ? h->type : DataType::kAny;
  }

  Mapped infer_typed_target(const Edge& e, const NodeTypeSpec& s, DataType from) const {
    std::vector<const HandleSpec*> fits;
    for (const HandleSpec& h : s.inputs) {
      if (compatible(from, h.type)) fits.push_back(&h);
    }
    if (fits.empty()) {
      for (const HandleSpec& h : s.inputs) fits.push_back(&h);
    }
    if (fits.size() == 1) return {fits[0]->id};
    std::vector<std::string> ids;
    for (const HandleSpec* h : fits) ids.push_back(h->id);
    Mapped free = first_free(e.target, ids);
    if (!free.failed) return free;
    for (const HandleSpec* h : fits) {
      if (h->multiple) return {h->id};
    }
    return {"", false, true};
  }

  Mapped infer_target(Edge& e, const Mapped& src) {
    const Node& n = node(e.target);
    const NodeTypeSpec* s = spec(n);
    if (e.raw_target_handle.empty()) e.target_handle_pointer = e.pointer;
    if (s == nullptr) return {"", false, true};
    if (s->inputs.empty()) {
      diags_.error("no_input_handle", n.id, e.pointer,
                   "edge '" + e.id + "' ends at node '" + n.id + "' (" + s->type +
                       "), which has no input handles");
      return {"", false, true};
    }
    Mapped m;
    if (s->type == "condition") {
      m = first_free(n.id, {"data-input", "value-input"});
    } else if (s->type == "logic") {
      m = first_free(n.id, input_handle_ids(*s));
    } else {
      m = infer_typed_target(e, *s, source_type(e, src));
    }
    if (m.failed) {
      ambiguous(
          e, n,
          "its inputs " + quoted_list(input_handle_ids(*s), ", ") + " are all taken or none fits",
          false);
    }
    return m;
  }

  Document& doc_;
  Diagnostics& diags_;
  std::map<std::string, std::set<std::string>> occupied_;
  int legacy_mapped_ = 0;
};

}  // namespace

int resolve_handles(Document& doc, Diagnostics& diags) { return Resolver(doc, diags).run(); }

}  // namespace nocode::workflow::handles
