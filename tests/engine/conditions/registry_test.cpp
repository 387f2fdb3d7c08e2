// The condition registry as a whole: the 98 editor kinds and synonyms, every
// kind running on real bars with random-ish wiring, no look-ahead, lookup
// errors, wiring errors, and docs/conditions.md generated from the registry.
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include "fixture.h"

namespace nocode::engine::testing {
namespace {

const std::vector<std::string> kEditorKinds = {"greater_than",
                                               "less_than",
                                               "equal_to",
                                               "not_equal",
                                               "greater_equal",
                                               "less_equal",
                                               "range",
                                               "outside_range",
                                               "percentage_change",
                                               "rate_of_change",
                                               "absolute_change",
                                               "z_score",
                                               "percentile_rank",
                                               "moving_average_deviation",
                                               "standard_deviation_multiple",
                                               "bollinger_position",
                                               "keltner_position",
                                               "crossover",
                                               "crossunder",
                                               "golden_cross",
                                               "death_cross",
                                               "bullish_divergence",
                                               "bearish_divergence",
                                               "macd_signal_cross",
                                               "rsi_level_cross",
                                               "stoch_level_cross",
                                               "cci_level_cross",
                                               "williams_r_cross",
                                               "triple_ma_cross",
                                               "ichimoku_cross",
                                               "price_envelope_cross",
                                               "rising",
                                               "falling",
                                               "sideways",
                                               "trend_strength",
                                               "momentum_change",
                                               "adx_trend",
                                               "parabolic_sar",
                                               "aroon_trend",
                                               "linear_regression_slope",
                                               "polynomial_trend",
                                               "trend_acceleration",
                                               "trend_exhaustion",
                                               "elliott_wave_count",
                                               "wyckoff_phase",
                                               "support_level",
                                               "resistance_level",
                                               "breakout_up",
                                               "breakout_down",
                                               "oversold",
                                               "overbought",
                                               "double_top",
                                               "double_bottom",
                                               "head_shoulders",
                                               "inverse_head_shoulders",
                                               "triangle_pattern",
                                               "flag_pattern",
                                               "pennant_pattern",
                                               "wedge_pattern",
                                               "hammer",
                                               "doji",
                                               "engulfing_bullish",
                                               "engulfing_bearish",
                                               "morning_star",
                                               "evening_star",
                                               "three_white_soldiers",
                                               "three_black_crows",
                                               "higher_timeframe_trend",
                                               "multi_tf_alignment",
                                               "weekly_monthly_bias",
                                               "fractal_alignment",
                                               "seasonal_pattern",
                                               "time_cycle_confluence",
                                               "volume_spike",
                                               "volume_dry_up",
                                               "on_balance_volume",
                                               "accumulation_distribution",
                                               "money_flow_index",
                                               "volume_price_trend",
                                               "chaikin_oscillator",
                                               "ease_of_movement",
                                               "higher_high",
                                               "lower_low",
                                               "structure_break",
                                               "liquidity_sweep",
                                               "fair_value_gap",
                                               "order_block",
                                               "market_maker_move",
                                               "volatility_expansion",
                                               "volatility_contraction",
                                               "atr_multiple",
                                               "vix_level",
                                               "bollinger_squeeze",
                                               "keltner_squeeze",
                                               "correlation_strength",
                                               "correlation_divergence",
                                               "sector_rotation",
                                               "market_regime_change"};

TEST(ConditionRegistry, HasExactlyTheEditorKinds) {
  ASSERT_EQ(kEditorKinds.size(), 98u);
  std::set<std::string> names;
  for (const auto& s : condition_specs()) names.insert(s.name);
  EXPECT_EQ(names, std::set<std::string>(kEditorKinds.begin(), kEditorKinds.end()));
  EXPECT_EQ(condition_specs().size(), 98u);
}

TEST(ConditionRegistry, NamesAndSynonymsAreUniqueAndSpecsComplete) {
  std::set<std::string> keys;
  const std::set<std::string> groups = {"comparison", "crossover",  "trend",
                                        "pattern",    "timeframe",  "volume",
                                        "structure",  "volatility", "correlation"};
  for (const auto& s : condition_specs()) {
    EXPECT_TRUE(keys.insert(s.name).second) << s.name;
    for (const auto& syn : s.synonyms) EXPECT_TRUE(keys.insert(syn).second) << syn;
    EXPECT_TRUE(groups.count(s.group)) << s.name;
    EXPECT_NE(s.kernel, nullptr) << s.name;
    EXPECT_FALSE(s.definition.empty()) << s.name;
    EXPECT_FALSE(s.reads.empty()) << s.name;
  }
}

TEST(ConditionRegistry, SynonymsMapToTheirKinds) {
  const std::vector<std::pair<std::string, std::string>> table = {
      {"cross_above", "crossover"},
      {"crosses_above", "crossover"},
      {"cross_over", "crossover"},
      {"cross_below", "crossunder"},
      {"crosses_below", "crossunder"},
      {"greater_than_equal", "greater_equal"},
      {"greater_or_equal", "greater_equal"},
      {">=", "greater_equal"},
      {"less_than_equal", "less_equal"},
      {"less_or_equal", "less_equal"},
      {"<=", "less_equal"},
      {"gt", "greater_than"},
      {">", "greater_than"},
      {"lt", "less_than"},
      {"<", "less_than"},
      {"==", "equal_to"},
      {"equal", "equal_to"},
      {"equals", "equal_to"},
      {"!=", "not_equal"},
      {"between", "range"},
      {"CrossOver", "crossover"},
      {" GREATER_THAN ", "greater_than"}};
  for (const auto& [given, kind] : table) {
    auto spec = find_condition(given);
    ASSERT_TRUE(spec.is_ok()) << given;
    EXPECT_EQ(spec.value()->name, kind) << given;
  }
}

TEST(ConditionRegistry, UnknownNameSuggestsNearest) {
  auto spec = find_condition("crosover");
  ASSERT_FALSE(spec.is_ok());
  EXPECT_EQ(spec.status().kind(), ErrorKind::kNotFound);
  EXPECT_NE(spec.status().message().find("did you mean"), std::string::npos);
  EXPECT_NE(spec.status().message().find("'crossover'"), std::string::npos);
}

// Deterministic wiring for kind number `k`: series and parameters vary by k.
struct Wiring {
  std::vector<double> left, right, aux;
  bool use_left = true, use_right = false;
  ConditionParams params;
};

Wiring wiring_for(const ConditionSpec& spec, size_t k, const Frame& bars) {
  Wiring w;
  const auto& c = bars.close();
  const size_t n = c.size();
  uint32_t seed = 2654435761u * static_cast<uint32_t>(k + 1);
  auto next = [&] {
    seed = seed * 1664525u + 1013904223u;
    return seed >> 8;
  };
  w.left = c;
  if (next() % 2)
    for (size_t i = 1; i < n; ++i) w.left[i] = 0.5 * (c[i] + c[i - 1]);
  w.use_left = (spec.needs & kNeedsLeft) && next() % 4 != 0;
  w.right.assign(n, 0);
  for (size_t i = 0; i < n; ++i) w.right[i] = c[i] * (1 + 0.02 * std::sin(i * 0.1));
  w.use_right = (spec.needs & kNeedsRight) || next() % 3 == 0;
  w.aux.assign(n, 0);
  for (size_t i = 0; i < n; ++i) w.aux[i] = 100 + 0.3 * c[i] + 5 * std::sin(i * 0.05 + k);
  ConditionParams& p = w.params;
  const int lookbacks[] = {1, 3, 14};
  p.lookback = lookbacks[next() % 3];
  const double values[] = {0, -1, 30, 70};
  p.value = values[next() % 4];
  p.percentage_threshold = next() % 2 ? 5.0 : 1.0;
  p.confirmation_bars = static_cast<int>(next() % 3);
  p.higher_timeframe = next() % 2 ? "1w" : "1M";
  p.pattern_min_bars = next() % 2 ? 10 : 4;
  return w;
}

Result<Signal> run(const ConditionSpec& spec, Wiring& w, const Frame& bars, size_t n) {
  ConditionInputs in;
  in.n = n;
  in.left = w.use_left ? w.left.data() : nullptr;
  in.right = w.use_right ? w.right.data() : nullptr;
  in.aux = w.aux.data();
  in.bars = &bars;
  return evaluate_condition(spec, in, w.params);
}

TEST(ConditionRegistry, EveryKindRunsOnGoogBars) {
  const Frame bars = goog_frame();
  const size_t n = bars.rows();
  ASSERT_GT(n, 1000u);
  for (size_t k = 0; k < condition_specs().size(); ++k) {
    const ConditionSpec& spec = condition_specs()[k];
    if (!spec.unavailable_reason.empty()) continue;
    Wiring w = wiring_for(spec, k, bars);
    auto out = run(spec, w, bars, n);
    ASSERT_TRUE(out.is_ok()) << spec.name << ": " << out.status().to_string();
    EXPECT_EQ(out.value().size(), n) << spec.name;
    for (uint8_t b : out.value()) ASSERT_LE(b, 1) << spec.name;
  }
}

TEST(ConditionRegistry, NoKindLooksAhead) {
  const Frame all = goog_frame();
  const size_t n = all.rows();
  for (size_t k = 0; k < condition_specs().size(); ++k) {
    const ConditionSpec& spec = condition_specs()[k];
    if (!spec.unavailable_reason.empty()) continue;
    Wiring w = wiring_for(spec, k, all);
    auto full = run(spec, w, all, n);
    ASSERT_TRUE(full.is_ok()) << spec.name;
    for (size_t cut : {size_t{30}, size_t{250}, size_t{777}, n - 1}) {
      const Frame part = all.slice(0, cut);
      auto head = run(spec, w, part, cut);
      ASSERT_TRUE(head.is_ok()) << spec.name;
      for (size_t t = 0; t < cut; ++t)
        ASSERT_EQ(head.value()[t], full.value()[t]) << spec.name << " cut " << cut << " bar " << t;
    }
  }
}

TEST(ConditionRegistry, MissingWiringIsAClearError) {
  const std::vector<double> l = {1, 2, 3};
  ConditionInputs in = inputs(l);
  auto spec = find_condition("vix_level");
  ASSERT_TRUE(spec.is_ok());
  auto out = evaluate_condition(*spec.value(), in, {});
  ASSERT_FALSE(out.is_ok());
  EXPECT_NE(out.status().message().find("aux-input"), std::string::npos);
  auto hammer = find_condition("hammer");
  out = evaluate_condition(*hammer.value(), in, {});
  ASSERT_FALSE(out.is_ok());
  EXPECT_NE(out.status().message().find("bars"), std::string::npos);
  ConditionInputs nothing;
  nothing.n = 3;
  out = evaluate_condition(*find_condition("gt").value(), nothing, {});
  EXPECT_FALSE(out.is_ok());
}

TEST(ConditionRegistry, BadParametersNameTheEditorParameter) {
  const std::vector<double> l = {1, 2, 3};
  ConditionParams p;
  p.lookback = 0;
  auto out = evaluate_condition(*find_condition("rising").value(), inputs(l), p);
  ASSERT_FALSE(out.is_ok());
  EXPECT_NE(out.status().message().find("lookback"), std::string::npos);
  p = {};
  p.trend_strength = "strnog";
  out = evaluate_condition(*find_condition("rising").value(), inputs(l), p);
  ASSERT_FALSE(out.is_ok());
  EXPECT_NE(out.status().message().find("did you mean 'strong'"), std::string::npos);
  p = {};
  p.higher_timeframe = "2h";
  out = evaluate_condition(*find_condition("rising").value(), inputs(l), p);
  ASSERT_FALSE(out.is_ok());
  EXPECT_NE(out.status().message().find("higherTimeframe"), std::string::npos);
}

TEST(ConditionRegistry, UnavailableKindsFailWithTheirReason) {
  for (const auto& s : condition_specs()) {
    if (s.unavailable_reason.empty()) continue;
    const std::vector<double> l = {1, 2, 3};
    auto out = evaluate_condition(s, inputs(l), {});
    ASSERT_FALSE(out.is_ok());
    EXPECT_NE(out.status().message().find(s.unavailable_reason), std::string::npos);
  }
}

// NOCODE_UPDATE_DOCS=1 rewrites docs/conditions.md from the registry first.
TEST(ConditionRegistry, DocsMatchTheRegistry) {
  const std::string path = nocode::testing::source_dir() + "/docs/conditions.md";
  if (std::getenv("NOCODE_UPDATE_DOCS")) std::ofstream(path) << conditions_markdown();
  std::ifstream f(path);
  ASSERT_TRUE(f.good()) << "docs/conditions.md missing; write conditions_markdown() to it";
  std::stringstream ss;
  ss << f.rdbuf();
  EXPECT_TRUE(ss.str() == conditions_markdown())
      << "docs/conditions.md is stale: rerun this test with NOCODE_UPDATE_DOCS=1";
  for (const auto& s : condition_specs())
    EXPECT_NE(ss.str().find("| `" + s.name + "` |"), std::string::npos) << s.name;
}

}  // namespace
}  // namespace nocode::engine::testing

namespace nocode::engine::testing {
namespace {

// Edge inputs: empty, one bar, all NaN, constant, zero prices, and extreme
// parameters. Every kind must answer (signal of n bars or an error), never crash.
TEST(ConditionRegistry, EdgeInputsNeverCrash) {
  std::vector<std::vector<double>> series = {{},
                                             {5},
                                             {5, 6},
                                             std::vector<double>(50, kNaN),
                                             std::vector<double>(50, 7),
                                             std::vector<double>(50, 0)};
  std::vector<double> walk(300);
  for (size_t i = 0; i < walk.size(); ++i) walk[i] = (i % 7 == 3) ? kNaN : 50 + (i * 37 % 11);
  series.push_back(walk);
  std::vector<ConditionParams> params(4);
  params[1].lookback = 200, params[1].structure_lookback = 500, params[1].pattern_min_bars = 50;
  params[1].volatility_period = 100, params[1].correlation_period = 200;
  params[2].percentage_threshold = 0, params[2].volume_threshold = 0, params[2].value = -1e300;
  params[2].volatility_multiplier = 0, params[2].level_spacing = 0, params[2].sensitivity = 0;
  params[3].correlation_threshold = -1, params[3].value = kNaN, params[3].confirmation_bars = 20;
  for (const auto& x : series) {
    const Frame bars = make_bars(x, kHourNs * 5);
    for (const auto& spec : condition_specs()) {
      for (const auto& p : params) {
        ConditionInputs in = inputs(x, &x, &x, &bars);
        auto out = evaluate_condition(spec, in, p);
        if (out.is_ok()) {
          EXPECT_EQ(out.value().size(), x.size()) << spec.name;
        }
        in.left = in.right = in.aux = nullptr;
        out = evaluate_condition(spec, in, p);
        if (out.is_ok()) {
          EXPECT_EQ(out.value().size(), x.size()) << spec.name;
        }
      }
    }
  }
}

}  // namespace
}  // namespace nocode::engine::testing
