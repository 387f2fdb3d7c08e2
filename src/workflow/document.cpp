// Parsing a workflow document: JSON text -> envelope -> nodes -> edges ->
// handles. Each step reports structural problems as diagnostics naming the
// JSON pointer; only an unusable text (not JSON, not an object, no nodes
// array) yields an error Result.
#include "workflow/document.h"

#include <algorithm>

#include <fstream>
#include <map>
#include <sstream>
#include <utility>

#include "common/strings.h"
#include "workflow/dialects.h"
#include "workflow/edge_reader.h"
#include "workflow/handles.h"
#include "workflow/json_pointer.h"
#include "workflow/node_types.h"
#include "workflow/suggest.h"

namespace nocode::workflow {

const Node* Document::find_node(std::string_view id) const {
  for (const Node& n : nodes) {
    if (n.id == id) return &n;
  }
  return nullptr;
}

namespace {

using json = nlohmann::json;

// Keys under which envelopes carry the {nodes, edges} graph (1.2).
constexpr std::string_view kGraphKeys[] = {"workflow_data", "workflow_definition", "template_data"};

const char* type_name(const json& j) { return j.type_name(); }

std::string string_at(const json& obj, const char* key) {
  auto it = obj.find(key);
  return it != obj.end() && it->is_string() ? it->get<std::string>() : "";
}

const json* object_at(const json& obj, std::string_view key) {
  auto it = obj.find(key);
  return it != obj.end() && it->is_object() ? &*it : nullptr;
}

struct Graph {
  const json* object = nullptr;
  std::string pointer;
};

Graph locate_graph(const json& root) {
  if (root.contains("nodes")) return {&root, ""};
  for (std::string_view key : kGraphKeys) {
    if (const json* g = object_at(root, key)) return {g, pointer_append("", key)};
  }
  return {};
}

void read_envelope(const json& root, const Graph& g, Document& doc) {
  doc.graph_pointer = g.pointer;
  doc.name = string_at(root, "name");
  if (doc.name.empty()) doc.name = string_at(root, "workflow_name");
  doc.description = string_at(root, "description");
  for (const json* holder : {g.object, &root}) {
    if (const json* p = object_at(*holder, "parameters"); p && doc.parameters.empty()) {
      doc.parameters = *p;
    }
    if (const json* c = object_at(*holder, "config"); c && doc.config.empty()) doc.config = *c;
  }
}

bool is_legacy_document(const json& nodes) {
  for (const json& n : nodes) {
    if (n.is_object() && n.contains("type") && n["type"].is_string() &&
        dialects::is_legacy_type(n["type"].get<std::string>())) {
      return true;
    }
  }
  return false;
}

std::vector<std::string> known_type_names() {
  std::vector<std::string> out;
  for (const NodeTypeSpec& s : node_types()) {
    out.push_back(s.type);
    for (const std::string& a : s.aliases) out.push_back(a);
  }
  return out;
}

class NodeReader {
 public:
  NodeReader(Document& doc, Diagnostics& diags, bool legacy_document)
      : doc_(doc), diags_(diags), legacy_document_(legacy_document) {}

  bool flat_seen() const { return flat_seen_; }

  void read(const json& n, const std::string& ptr, size_t index) {
    if (!n.is_object()) {
      diags_.error("node_not_object", "", ptr,
                   std::string("expected a node object {id, type, data}, got ") + type_name(n));
      return;
    }
    Node node;
    node.pointer = ptr;
    if (!read_id(n, ptr, index, node)) return;
    const json empty = json::object();
    const json* data = &empty;
    if (auto it = n.find("data"); it != n.end() && !it->is_null()) {
      if (it->is_object()) {
        data = &*it;
      } else {
        diags_.error("invalid_node_data", node.id, pointer_append(ptr, "data"),
                     std::string("expected an object, got ") + type_name(*it));
      }
    }
    node.label = string_at(*data, "label");
    read_params(*data, pointer_append(ptr, "data"), node);
    read_type(n, *data, node);
    seen_[node.id] = ptr;
    doc_.nodes.push_back(std::move(node));
  }

 private:
  bool read_id(const json& n, const std::string& ptr, size_t index, Node& node) {
    auto it = n.find("id");
    if (it == n.end() || it->is_null()) {
      node.id = "node-" + std::to_string(index);
    } else {
      node.id = id_text(*it);
      if (node.id.empty()) {
        node.id = "node-" + std::to_string(index);
        diags_.error("invalid_node_id", node.id, pointer_append(ptr, "id"),
                     std::string("expected a non-empty string id, got ") + type_name(*it));
      }
    }
    auto dup = seen_.find(node.id);
    if (dup == seen_.end()) return true;
    diags_.error("duplicate_node_id", node.id, pointer_append(ptr, "id"),
                 "node id '" + node.id + "' is already used by the node at " + dup->second +
                     "; ids must be unique (this node is ignored)");
    return false;
  }

  // The flat (AI-ML service) dialect writes stop_loss / take_profit as
  // fractions of the entry price (0.02); the editor's form takes percent (2).
  // A flat value below 1 is read as a fraction.
  void fractions_to_percent(Node& node) {
    for (const char* key : {"stop_loss", "take_profit"}) {
      auto it = node.params.find(key);
      if (it == node.params.end() || !it->is_number()) continue;
      const double v = it->get<double>();
      if (!(v > 0 && v < 1)) continue;
      *it = v * 100;
      diags_.info("flat_fraction_as_percent", node.id, pointer_append(node.params_pointer, key),
                  std::string(key) + " " + format_double(v) + " is a fraction in the flat dialect; "
                  "read as " + format_double(v * 100) + "%");
    }
  }

  void read_params(const json& data, const std::string& data_ptr, Node& node) {
    auto it = data.find("parameters");
    if (it == data.end()) {
      node.params = dialects::flat_params(data);
      node.params_pointer = data_ptr;
      flat_seen_ = flat_seen_ || !node.params.empty();
      fractions_to_percent(node);
      return;
    }
    node.params_pointer = pointer_append(data_ptr, "parameters");
    if (it->is_object()) {
      node.params = *it;
    } else if (!it->is_null()) {
      diags_.error("invalid_parameters", node.id, node.params_pointer,
                   std::string("expected an object of parameters, got ") + type_name(*it));
    }
  }

  void read_type(const json& n, const json& data, Node& node) {
    const std::string ptr = pointer_append(node.pointer, "type");
    auto it = n.find("type");
    if (it == n.end() || !it->is_string() || it->get<std::string>().empty()) {
      diags_.error("missing_node_type", node.id, ptr,
                   "expected a node type string such as 'dataSource' or 'technicalIndicator'");
      return;
    }
    node.raw_type = it->get<std::string>();
    dialects::MappedType mapped =
        dialects::map_type(node.raw_type, data, node.params, legacy_document_);
    const NodeTypeSpec* spec = find_node_type(mapped.type);
    if (spec == nullptr) {
      node.type = node.raw_type;
      diags_.warning("unknown_node_type", node.id, ptr,
                     "unknown node type '" + node.raw_type + "'; it is passed through unchecked",
                     did_you_mean(node.raw_type, known_type_names()));
      return;
    }
    node.type = spec->type;
    if (mapped.type != node.raw_type && spec->type == mapped.type) {
      diags_.info("legacy_node_type", node.id, ptr,
                  "legacy node type '" + node.raw_type + "' read as '" + spec->type + "'");
    }
    dialects::rename_legacy_params(*spec, node, diags_);
    for (auto p = mapped.implied.begin(); p != mapped.implied.end(); ++p) {
      if (!node.params.contains(p.key())) node.params[p.key()] = p.value();
    }
  }

  Document& doc_;
  Diagnostics& diags_;
  bool legacy_document_;
  bool flat_seen_ = false;
  std::map<std::string, std::string> seen_;  // id -> pointer of its node
};

}  // namespace

namespace {

std::string detect_dialect(const json& root, bool legacy, bool flat, int legacy_handles) {
  if (legacy) return "legacy";
  if (flat) return "flat";
  bool template_envelope = root.contains("nodes") && root.contains("id") && root.contains("name");
  if (template_envelope || legacy_handles > 0) return "template";
  return "editor";
}

}  // namespace

Result<Document> parse_document(const nlohmann::json& root, Diagnostics& diags) {
  if (!root.is_object()) {
    std::string msg = std::string(
                          "expected a workflow object {nodes, edges} or an envelope "
                          "around it, got ") +
                      type_name(root);
    diags.error("not_an_object", "", "", msg);
    return Status::invalid_argument(msg);
  }
  Graph g = locate_graph(root);
  const std::string nodes_ptr = pointer_append(g.pointer, "nodes");
  const json* nodes_json = nullptr;
  if (g.object != nullptr) {
    auto it = g.object->find("nodes");
    if (it != g.object->end()) nodes_json = &*it;
  }
  if (nodes_json == nullptr || !nodes_json->is_array()) {
    std::string msg =
        nodes_json == nullptr
            ? "no 'nodes' array: expected {nodes, edges} at the top level or "
              "inside 'workflow_data' / 'workflow_definition'"
            : std::string("expected 'nodes' to be an array, got ") + type_name(*nodes_json);
    diags.error("no_nodes", "", nodes_ptr, msg);
    return Status::invalid_argument(msg);
  }
  Document doc;
  read_envelope(root, g, doc);
  const json& nodes = *nodes_json;
  const bool legacy = is_legacy_document(nodes);
  NodeReader reader(doc, diags, legacy);
  for (size_t i = 0; i < nodes.size(); ++i) reader.read(nodes[i], pointer_append(nodes_ptr, i), i);
  read_edges(*g.object, g.pointer, doc, diags);
  int legacy_handles = handles::resolve_handles(doc, diags);
  doc.dialect = detect_dialect(root, legacy, reader.flat_seen(), legacy_handles);
  return doc;
}

namespace {

// Deepest nesting of arrays/objects outside strings; the parser recurses per
// level, so absurd depths are refused before parsing (no stack overflow).
constexpr size_t kMaxJsonDepth = 256;

size_t json_depth(std::string_view text) {
  size_t depth = 0, deepest = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '[' || c == '{') deepest = std::max(deepest, ++depth);
    else if ((c == ']' || c == '}') && depth > 0) --depth;
  }
  return deepest;
}

Status json_error(Diagnostics& diags, const std::string& what) {
  // what() reads "[json.exception.parse_error.101] parse error at line L, column C: ...".
  const size_t at = what.find("] ");
  const std::string msg =
      "not valid JSON: " + (at == std::string::npos ? what : what.substr(at + 2));
  diags.error("invalid_json", "", "", msg);
  return Status::parse_error(sanitize_utf8(msg));
}

}  // namespace

Result<Document> parse_document(std::string_view json_text, Diagnostics& diags) {
  if (json_depth(json_text) > kMaxJsonDepth)
    return json_error(diags, "nesting deeper than " + std::to_string(kMaxJsonDepth) +
                                 " levels of arrays/objects");
  json root;
  try {
    root = json::parse(json_text.begin(), json_text.end());
  } catch (const json::exception& e) {  // parse errors, and numbers out of range (1e400)
    return json_error(diags, e.what());
  }
  return parse_document(root, diags);
}

Result<Document> parse_document(const std::string& json_text, Diagnostics& diags) {
  return parse_document(std::string_view(json_text), diags);
}

Result<Document> parse_document(const char* json_text, Diagnostics& diags) {
  return parse_document(std::string_view(json_text == nullptr ? "" : json_text), diags);
}

Result<Document> load_document(const std::string& path, Diagnostics& diags) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::string msg = "cannot open workflow file '" + path + "'";
    diags.error("io_error", "", "", msg);
    return Status::io_error(msg);
  }
  std::ostringstream text;
  text << in.rdbuf();
  const std::string content = text.str();
  Result<Document> doc = parse_document(std::string_view(content), diags);
  if (!doc.is_ok()) return doc.status().with_context(path);
  return doc;
}

}  // namespace nocode::workflow
