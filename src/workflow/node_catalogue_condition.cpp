// Catalogue entries for the condition, action and risk node types (the three
// editor forms with many parameters; EDITOR_FORMAT.md 2.4, 2.6, 2.9).
#include <nlohmann/json.hpp>

#include "workflow/node_catalogue_build.h"

namespace nocode::workflow::catalogue {
namespace {

using T = DataType;

const std::vector<std::string> kStrengths = {"weak", "moderate", "strong", "very_strong"};

// The 98 `condition` values of the form, grouped by conditionType.
std::vector<std::string> condition_values() {
  return {// comparison
          "greater_than", "less_than", "equal_to", "not_equal", "greater_equal", "less_equal",
          "range", "outside_range", "percentage_change", "rate_of_change", "absolute_change",
          "z_score", "percentile_rank", "moving_average_deviation", "standard_deviation_multiple",
          "bollinger_position", "keltner_position",
          // crossover
          "crossover", "crossunder", "golden_cross", "death_cross", "bullish_divergence",
          "bearish_divergence", "macd_signal_cross", "rsi_level_cross", "stoch_level_cross",
          "cci_level_cross", "williams_r_cross", "triple_ma_cross", "ichimoku_cross",
          "price_envelope_cross",
          // trend
          "rising", "falling", "sideways", "trend_strength", "momentum_change", "adx_trend",
          "parabolic_sar", "aroon_trend", "linear_regression_slope", "polynomial_trend",
          "trend_acceleration", "trend_exhaustion", "elliott_wave_count", "wyckoff_phase",
          // pattern
          "support_level", "resistance_level", "breakout_up", "breakout_down", "oversold",
          "overbought", "double_top", "double_bottom", "head_shoulders", "inverse_head_shoulders",
          "triangle_pattern", "flag_pattern", "pennant_pattern", "wedge_pattern", "hammer", "doji",
          "engulfing_bullish", "engulfing_bearish", "morning_star", "evening_star",
          "three_white_soldiers", "three_black_crows",
          // timeframe
          "higher_timeframe_trend", "multi_tf_alignment", "weekly_monthly_bias",
          "fractal_alignment", "seasonal_pattern", "time_cycle_confluence",
          // volume
          "volume_spike", "volume_dry_up", "on_balance_volume", "accumulation_distribution",
          "money_flow_index", "volume_price_trend", "chaikin_oscillator", "ease_of_movement",
          // structure
          "higher_high", "lower_low", "structure_break", "liquidity_sweep", "fair_value_gap",
          "order_block", "market_maker_move",
          // volatility
          "volatility_expansion", "volatility_contraction", "atr_multiple", "vix_level",
          "bollinger_squeeze", "keltner_squeeze",
          // correlation
          "correlation_strength", "correlation_divergence", "sector_rotation",
          "market_regime_change"};
}

}  // namespace

NodeTypeSpec condition_node_type() {
  NodeTypeSpec s{"condition", {}, "condition", "Condition", {}, {}, {}, ""};
  s.description = "Per-bar test of L (data-input) against R (value-input, else `value`).";
  s.inputs = {
      handle("data-input", T::kNumeric, true, true, "left operand L"),
      handle("value-input", T::kNumeric, false, false, "right operand R (threshold / reference)"),
      handle("aux-input", T::kNumeric, false, false,
             "third series (correlation, structure, volatility conditions)")};
  s.outputs = {handle("signal-output", T::kSignal, false, true, "true on bars that pass")};
  s.params = {
      choice("conditionType", "comparison",
             {"comparison", "crossover", "trend", "pattern", "timeframe", "volume", "structure",
              "volatility", "correlation"},
             "group of `condition` (palette filter)"),
      choice("complexityLevel", "all", {"all", "simple", "medium", "advanced", "expert"},
             "UI filter only"),
      text("condition", "greater_than",
           "condition kind; synonyms (cross_above, >, ...) are mapped by the conditions module",
           condition_values(), {"operator"}),
      number("value", 0, -kInf, kInf, "threshold value (R when value-input is not wired)",
             {"threshold"}),
      number("value2", 100, -kInf, kInf, "upper bound for range / outside_range"),
      integer("lookback", 1, 1, 200, "look-back in bars"),
      number("sensitivity", 1.0, 0.1, 5.0, "unused by every backend"),
      integer("confirmationBars", 0, 0, 20, "N > 0: require N+1 consecutive true bars"),
      number("percentageThreshold", 5.0, 0.1, 50, "percent for change / breakout conditions"),
      choice("higherTimeframe", "1h", {"15m", "1h", "4h", "1d", "1w", "1M"},
             "timeframe conditions"),
      choice("trendStrength", "moderate", kStrengths, "trend conditions"),
      choice("divergenceType", "regular", {"regular", "hidden", "exaggerated"},
             "divergence conditions"),
      number("volumeThreshold", 2.0, 0.1, 10, "x average volume"),
      integer("volumePeriod", 20, 5, 200, "volume average period"),
      choice("patternStrength", "moderate", kStrengths, "pattern conditions"),
      integer("patternMinBars", 10, 3, 50, "pattern minimum bars"),
      integer("structureLookback", 50, 10, 500, "structure look-back"),
      number("levelSpacing", 20, 1, 1000, "structure level spacing"),
      integer("volatilityPeriod", 20, 5, 100, "volatility period"),
      number("volatilityMultiplier", 1.5, 0.5, 5.0, "volatility multiple"),
      integer("correlationPeriod", 50, 10, 200, "correlation period"),
      number("correlationThreshold", 0.7, -1, 1, "correlation threshold"),
      text("referenceSymbol", "SPY", "correlation reference symbol"),
      flag("invertCondition", false, "index-era: negate the result"),
  };
  return s;
}

NodeTypeSpec action_node_type() {
  NodeTypeSpec s{"action", {}, "action", "Action", {}, {}, {}, ""};
  s.description = "Places orders while its signal is true (level-triggered).";
  s.inputs = {handle("signal-input", T::kSignal, true, true, "trigger"),
              handle("risk-input", T::kRisk, false, true,
                     "template dialect: risk gate from a risk node's risk-output")};
  s.params = {
      choice("actionCategory", "entry", {"entry", "exit", "management", "portfolio"},
             "palette filter for `action`"),
      choice("action", "buy",
             {"buy",           "sell",           "buy_limit",   "sell_limit", "buy_stop",
              "sell_stop",     "close_long",     "close_short", "close_all",  "take_profit",
              "stop_loss",     "trailing_stop",  "scale_in",    "scale_out",  "modify_stop",
              "modify_target", "hedge_position", "rebalance",   "risk_off",   "emergency_exit"},
             "what to do", {"action_type", "signal_type"}),
      choice("order_type", "market",
             {"market", "limit", "stop", "stop_limit", "trailing_stop", "iceberg", "twap", "vwap",
              "bracket", "oco"},
             "order type"),
      choice("positionSizing", "percentage",
             {"fixed_amount", "percentage", "fixed_risk", "kelly_criterion", "volatility_based",
              "equal_weight"},
             "how `quantity` is read"),
      number("quantity", 10, 0, kInf, "quantity / amount (depends on positionSizing)",
             {"positionSize"}),
      number("price_offset", 0, -50, 50, "percent from current price (limit-type orders)"),
      number("stop_loss", 2.0, 0.1, 50, "percent from entry", {"stopLoss"}),
      number("take_profit", 4.0, 0.1, 100, "percent from entry", {"takeProfit"}),
      number("trailing_distance", 1.0, 0.1, 20, "percent (trailing stops)"),
      choice("time_in_force", "GTC", {"GTC", "DAY", "IOC", "FOK", "GTD", "ATC", "ATO"},
             "time in force"),
      choice("execution_algorithm", "standard",
             {"standard", "stealth", "aggressive", "passive", "smart_routing"},
             "execution algorithm"),
      number("slippage_tolerance", 0.1, 0.01, 5.0, "percent"),
      flag("conditional_execution", false, "conditional execution"),
  };
  return s;
}

NodeTypeSpec risk_node_type() {
  NodeTypeSpec s{"risk", {"riskManagement"}, "risk", "Risk Management", {}, {}, {}, ""};
  s.description = "Risk rule; its risk-output gates actions. One input should be connected.";
  s.inputs = {handle("data-input", T::kOhlcv, false, false, "OHLCV bars"),
              handle("signal-input", T::kSignal, false, false, "signal to gate")};
  s.outputs = {handle("risk-output", T::kRisk, false, true, "risk gate / metrics")};
  s.params = {
      choice("riskCategory", "position",
             {"position", "portfolio", "market", "drawdown", "exposure", "protection"},
             "palette filter (`protection`: templates)"),
      choice(
          "riskType", "position_size",
          {"position_size",       "stop_loss",           "take_profit",         "position_time",
           "portfolio_heat",      "correlation_limit",   "concentration_limit", "diversification",
           "volatility_filter",   "liquidity_check",     "news_filter",         "market_hours",
           "daily_drawdown",      "weekly_drawdown",     "monthly_drawdown",    "max_drawdown",
           "sector_exposure",     "currency_exposure",   "leverage_limit",      "var_limit",
           "correlation_control", "drawdown_protection", "kelly_criterion",     "drawdown_limit"},
          "rule (the last four: templates and backend tests)"),
      integer("riskLevel", 2, 1, 5, "risk level"),
      number("maxLoss", 2.0, 0.1, 50, "percent per trade"),
      number("positionSize", 5.0, 0.1, 100, "percent of portfolio"),
      number("portfolioHeat", 20, 1, 50, "percent"),
      integer("maxPositions", 10, 1, 50, "maximum open positions"),
      number("correlationThreshold", 0.7, 0.1, 1.0, "maximum correlation", {"maxCorrelation"}),
      number("volatilityThreshold", 30, 1, 100, "percent"),
      number("timeLimit", 168, 1, 720, "hours"),
      number("drawdownLimit", 10, 1, 50, "percent", {"maxDrawdown"}),
      number("leverageLimit", 2.0, 1, 10, "maximum leverage"),
      number("varConfidence", 95, 90, 99.9, "percent"),
      choice("emergencyAction", "alert_only",
             {"alert_only", "stop_new_trades", "reduce_positions", "close_all", "hedge_portfolio"},
             "what to do when the rule trips"),
      number("winRate", nullptr, 0, 100, "template: win rate percent (kelly_criterion)"),
  };
  return s;
}

}  // namespace nocode::workflow::catalogue
