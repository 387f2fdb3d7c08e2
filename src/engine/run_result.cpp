#include "engine/run_result.h"

namespace nocode::engine {

nlohmann::json summary_json(const RunResult& r) {
  using nlohmann::json;
  const auto& ts = r.features.timestamps();
  json j;
  j["workflow"] = r.workflow;
  j["rows"] = ts.size();
  j["first_date"] = ts.empty() ? json(nullptr) : json(format_timestamp(ts.front()));
  j["last_date"] = ts.empty() ? json(nullptr) : json(format_timestamp(ts.back()));
  j["nodes_run"] = r.counters.computed;
  j["cache_hits"] = r.counters.cache_hits;
  j["disk_cache_hits"] = r.counters.disk_hits;
  j["kernel_executions"] = r.counters.kernel_executions;
  json nodes = json::array();
  for (const auto& s : r.steps) {
    nodes.push_back({{"node", s.node_id}, {"type", s.type}, {"cached", s.cached},
                     {"kernels", s.kernels}, {"cache_key", s.cache_key}});
  }
  j["nodes"] = std::move(nodes);
  json signals = json::object();
  for (size_t c = 0; c < r.signals.columns(); ++c) {
    size_t count = 0;
    for (double v : r.signals.column_at(c)) count += v != 0;
    signals[r.signals.names()[c]] = count;
  }
  j["signals"] = std::move(signals);
  json actions = json::array();
  for (const auto& a : r.actions) {
    actions.push_back({{"node", a.node_id},
                       {"action", a.action},
                       {"decision", a.decision},
                       {"fires", a.bars.size()},
                       {"first_fire", a.timestamps.empty()
                                          ? json(nullptr)
                                          : json(format_timestamp(a.timestamps.front()))},
                       {"last_fire", a.timestamps.empty()
                                         ? json(nullptr)
                                         : json(format_timestamp(a.timestamps.back()))}});
  }
  j["actions"] = std::move(actions);
  j["notes"] = r.notes;
  json models = json::array();
  for (const auto& m : r.models) {
    json importance = json::array();
    for (const auto& [name, value] : m.importance) importance.push_back({{"feature", name}, {"value", value}});
    models.push_back({{"node", m.node_id}, {"algorithm", m.algorithm}, {"task", m.task},
                      {"features", m.features}, {"label", m.label}, {"validation", m.validation},
                      {"test", m.test}, {"ic", m.ic}, {"importance", std::move(importance)},
                      {"best_iteration", m.best_iteration > 0 ? json(m.best_iteration) : json(nullptr)}});
  }
  j["models"] = std::move(models);
  j["diagnostics"] = json::array();
  return j;
}

}  // namespace nocode::engine
