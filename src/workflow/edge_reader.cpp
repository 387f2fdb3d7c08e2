// Edge reading: ids, endpoints and where each handle was written.
#include "workflow/edge_reader.h"

#include <set>
#include <utility>
#include <vector>

#include "workflow/json_pointer.h"
#include "workflow/suggest.h"

namespace nocode::workflow {
namespace {

using json = nlohmann::json;

class EdgeReader {
 public:
  EdgeReader(Document& doc, Diagnostics& diags) : doc_(doc), diags_(diags) {
    for (const Node& n : doc.nodes) node_ids_.push_back(n.id);
  }

  void read(const json& e, const std::string& ptr, size_t index) {
    if (!e.is_object()) {
      diags_.error("edge_not_object", "", ptr,
                   std::string("expected an edge object {source, target}, got ") + e.type_name());
      return;
    }
    Edge edge;
    edge.pointer = ptr;
    edge.id = e.contains("id") ? id_text(e["id"]) : "";
    if (edge.id.empty()) edge.id = "edge-" + std::to_string(index);
    if (!ids_.insert(edge.id).second) {
      diags_.warning("duplicate_edge_id", "", pointer_append(ptr, "id"),
                     "edge id '" + edge.id + "' is used by an earlier edge too");
    }
    bool ok = endpoint(e, edge, "source", edge.source);
    ok = endpoint(e, edge, "target", edge.target) && ok;
    if (!ok) return;
    handle(e, ptr, "sourceHandle", edge.raw_source_handle, edge.source_handle_pointer);
    handle(e, ptr, "targetHandle", edge.raw_target_handle, edge.target_handle_pointer);
    doc_.edges.push_back(std::move(edge));
  }

 private:
  bool endpoint(const json& e, const Edge& edge, const char* key, std::string& out) {
    const std::string ptr = pointer_append(edge.pointer, key);
    auto it = e.find(key);
    out = it == e.end() ? "" : id_text(*it);
    if (out.empty()) {
      diags_.error("missing_edge_endpoint", "", ptr,
                   "edge '" + edge.id + "' has no " + key + ": expected the id of a node");
      return false;
    }
    if (doc_.find_node(out) != nullptr) return true;
    diags_.error("unknown_edge_endpoint", "", ptr,
                 "edge '" + edge.id + "' " + key + " '" + out + "' is not the id of any node",
                 did_you_mean(out, node_ids_));
    return false;
  }

  // First non-empty string among e[key], e.data[key], e.data.rule[key].
  void handle(const json& e, const std::string& ptr, const char* key, std::string& out,
              std::string& out_ptr) {
    std::vector<std::pair<const json*, std::string>> places = {{&e, ptr}};
    auto data = e.find("data");
    if (data != e.end() && data->is_object()) {
      places.emplace_back(&*data, pointer_append(ptr, "data"));
      auto rule = data->find("rule");
      if (rule != data->end() && rule->is_object()) {
        places.emplace_back(&*rule, pointer_append(places.back().second, "rule"));
      }
    }
    for (const auto& [obj, base] : places) {
      auto it = obj->find(key);
      if (it == obj->end() || it->is_null()) continue;
      std::string where = pointer_append(base, key);
      if (!it->is_string()) {
        diags_.warning(
            "invalid_handle", "", where,
            std::string("expected a handle id string, got ") + it->type_name() + "; ignored");
        continue;
      }
      if (it->get<std::string>().empty()) continue;
      out = it->get<std::string>();
      out_ptr = where;
      return;
    }
    out_ptr = ptr;
  }

  Document& doc_;
  Diagnostics& diags_;
  std::vector<std::string> node_ids_;
  std::set<std::string> ids_;
};

}  // namespace

void read_edges(const json& graph, const std::string& graph_pointer, Document& doc,
                Diagnostics& diags) {
  auto it = graph.find("edges");
  if (it == graph.end() || it->is_null()) return;
  const std::string ptr = pointer_append(graph_pointer, "edges");
  if (!it->is_array()) {
    diags.error("edges_not_array", "", ptr,
                std::string("expected 'edges' to be an array, got ") + it->type_name());
    return;
  }
  EdgeReader reader(doc, diags);
  for (size_t i = 0; i < it->size(); ++i) reader.read((*it)[i], pointer_append(ptr, i), i);
}

}  // namespace nocode::workflow
