// Workflow benchmark inputs: document generators and the bars CSV writer.
#include "workflow_docs.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <random>

#include "data/frame.h"

namespace nocode::bench {
namespace {

using nlohmann::json;

// Indicator kinds the generators cycle through: editor name, parameters
// before variation. "period" (when present) is varied per occurrence.
struct IndicatorKind {
  const char* name;
  const char* params;  // JSON object text
};
const IndicatorKind kKinds[] = {
    {"SMA", R"({"period":20})"},
    {"EMA", R"({"period":20})"},
    {"RSI", R"({"period":14})"},
    {"MACD", R"({"fastPeriod":12,"slowPeriod":26,"signalPeriod":9})"},
    {"BB", R"({"period":20,"multiplier":2.0})"},
    {"ATR", R"({"period":14})"},
    {"WMA", R"({"period":30})"},
    {"STOCH", R"({"kPeriod":14,"dPeriod":3,"slowing":3})"},
    {"CCI", R"({"period":20})"},
    {"ROC", R"({"period":10})"},
    {"DEMA", R"({"period":30})"},
    {"WILLIAMS", R"({"period":14})"},
    {"MOM", R"({"period":10})"},
    {"TEMA", R"({"period":30})"},
    {"OBV", R"({})"},
    {"STDDEV", R"({"period":20})"},
    {"MFI", R"({"period":14})"},
    {"KAMA", R"({"period":30})"},
    {"AROON", R"({"period":14})"},
    {"NATR", R"({"period":14})"},
    {"TRIMA", R"({"period":30})"},
    {"PPO", R"({"fastPeriod":12,"slowPeriod":26,"signalPeriod":9})"},
    {"AD", R"({})"},
    {"VAR", R"({"period":20})"},
    {"BOP", R"({})"},
    {"T3", R"({"period":5})"},
    {"TRANGE", R"({})"},
    {"PSAR", R"({"acceleration":0.02,"maximum":0.2})"},
    {"ADX", R"({"period":14})"},
    {"STOCHRSI", R"({"period":14,"kPeriod":5,"dPeriod":3})"},
};
constexpr size_t kKindCount = sizeof kKinds / sizeof kKinds[0];

json node(const std::string& id, const std::string& type, json params) {
  return {{"id", id},
          {"type", type},
          {"position", {{"x", 0}, {"y", 0}}},
          {"data", {{"label", id}, {"parameters", std::move(params)}}}};
}

json edge(const std::string& src, const std::string& sh, const std::string& dst,
          const std::string& th) {
  return {{"id", src + "->" + dst + ":" + th},
          {"source", src},
          {"target", dst},
          {"sourceHandle", sh},
          {"targetHandle", th},
          {"type", "smart"}};
}

json data_source() {
  return node("ds", "dataSource",
              {{"symbol", "SYN"}, {"timeframe", "1d"}, {"bars", 50000}, {"dataSource", "system"},
               {"assetClass", "stocks"}});
}

// The k-th indicator: kind k mod 30, periods stretched by the round so
// repeats of a kind differ (and are not merged by the optimizer).
json indicator_node(size_t k) {
  const IndicatorKind& kind = kKinds[k % kKindCount];
  json p = json::parse(kind.params);
  const size_t round = k / kKindCount;
  if (p.contains("period")) p["period"] = p["period"].get<int>() + static_cast<int>(3 * round);
  if (p.contains("slowPeriod")) p["slowPeriod"] = p["slowPeriod"].get<int>() + static_cast<int>(round);
  if (!p.contains("period") && !p.contains("slowPeriod") && round > 0 && k % 2 == 0)
    p["source"] = "close";  // parameterless kinds repeat identically: shared by the optimizer
  p["indicator"] = kind.name;
  return node("ind-" + std::to_string(k), "technicalIndicator", std::move(p));
}

}  // namespace

OhlcvArrays make_ou_bars(size_t n, uint64_t seed) {
  OhlcvArrays d;
  for (auto* v : {&d.open, &d.high, &d.low, &d.close, &d.volume}) v->resize(n);
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> z(0.0, 1.0);
  const double sigma = 0.01, sd = 0.22;
  const double theta = 1.0 - std::sqrt(1.0 - sigma * sigma / (sd * sd));
  const double mu = std::log(100.0);
  double x = mu, prev_close = 100.0;
  for (size_t i = 0; i < n; ++i) {
    x += theta * (mu - x) + sigma * z(rng);
    const double c = std::exp(x);
    const double o = prev_close * std::exp(0.002 * z(rng));
    d.open[i] = o;
    d.close[i] = c;
    d.high[i] = std::max(o, c) * std::exp(0.005 * std::abs(z(rng)));
    d.low[i] = std::min(o, c) * std::exp(-0.005 * std::abs(z(rng)));
    d.volume[i] = std::round(1e5 * std::exp(0.5 * z(rng)));
    prev_close = c;
  }
  return d;
}

bool write_bars_csv(const std::string& path, const OhlcvArrays& bars, int64_t start_ns, int64_t step_ns) {
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "w"), &std::fclose);
  if (!f) return false;
  std::fputs("date,open,high,low,close,volume\n", f.get());
  for (size_t i = 0; i < bars.close.size(); ++i) {
    const std::string ts = format_timestamp(start_ns + static_cast<int64_t>(i) * step_ns);
    std::fprintf(f.get(), "%s,%.10g,%.10g,%.10g,%.10g,%.0f\n", ts.c_str(), bars.open[i],
                 bars.high[i], bars.low[i], bars.close[i], bars.volume[i]);
  }
  return std::ferror(f.get()) == 0;
}

json feature_workflow(size_t indicators) {
  json nodes = json::array({data_source()});
  json edges = json::array();
  for (size_t k = 0; k < indicators; ++k) {
    json ind = indicator_node(k);
    const std::string id = ind["id"];
    nodes.push_back(std::move(ind));
    edges.push_back(edge("ds", "data-output", id, "data-input"));
    edges.push_back(edge(id, "output-1", "out", "data-input"));
  }
  nodes.push_back(node("out", "output", json::object()));
  return {{"name", "bench-features-" + std::to_string(indicators)},
          {"nodes", std::move(nodes)},
          {"edges", std::move(edges)}};
}

json large_workflow() {
  constexpr size_t kIndicators = 99, kConditions = 60, kGates = 30, kActions = 9;
  static const char* kCompare[] = {"greater_than", "less_than"};
  static const char* kActionNames[] = {"buy", "sell"};
  json nodes = json::array({data_source()});
  json edges = json::array();
  for (size_t k = 0; k < kIndicators; ++k) {
    json ind = indicator_node(k);
    const std::string id = ind["id"];
    nodes.push_back(std::move(ind));
    edges.push_back(edge("ds", "data-output", id, "data-input"));
    if (k >= kConditions) edges.push_back(edge(id, "output-1", "out", "data-input"));
  }
  for (size_t c = 0; c < kConditions; ++c) {
    const std::string id = "cond-" + std::to_string(c);
    nodes.push_back(node(id, "condition",
                         {{"conditionType", "comparison"},
                          {"condition", kCompare[c % 2]},
                          {"value", 10.0 + static_cast<double>(c)},
                          {"confirmationBars", 0}}));
    edges.push_back(edge("ind-" + std::to_string(c), "output-1", id, "data-input"));
  }
  for (size_t g = 0; g < kGates; ++g) {
    const std::string id = "gate-" + std::to_string(g);
    nodes.push_back(node(id, "logic", {{"operation", g % 3 == 2 ? "OR" : "AND"}, {"inputs", 2}}));
    edges.push_back(edge("cond-" + std::to_string(2 * g), "signal-output", id, "input-0"));
    edges.push_back(edge("cond-" + std::to_string(2 * g + 1), "signal-output", id, "input-1"));
  }
  for (size_t a = 0; a < kActions; ++a) {
    const std::string id = "act-" + std::to_string(a);
    nodes.push_back(node(id, "action",
                         {{"actionCategory", "entry"}, {"action", kActionNames[a % 2]},
                          {"quantity", 10}, {"order_type", "market"}}));
    // Actions on gates 0..8; the other gates feed the output node.
    edges.push_back(edge("gate-" + std::to_string(a), "output", id, "signal-input"));
  }
  for (size_t g = kActions; g < kGates; ++g)
    edges.push_back(edge("gate-" + std::to_string(g), "output", "out", "signal-input"));
  nodes.push_back(node("out", "output", json::object()));
  return {{"name", "bench-200-nodes"}, {"nodes", std::move(nodes)}, {"edges", std::move(edges)}};
}

}  // namespace nocode::bench
