// The editor's node types (EDITOR_FORMAT.md 2.2-2.11): handles with their
// data types and every parameter with the form's default, range and choices.
// Parameter aliases are the older spellings found in the repository's other
// dialects (1.6, 2.3-2.9); the document layer renames them.
#include <nlohmann/json.hpp>

#include "workflow/node_catalogue_build.h"

namespace nocode::workflow::catalogue {
namespace {

using K = ParamKind;
using T = DataType;

NodeTypeSpec data_source() {
  NodeTypeSpec s{"dataSource", {}, "data", "Market Data", {}, {}, {}, ""};
  s.description = "OHLCV bars of one symbol from the system's market data.";
  s.outputs = {handle("data-output", T::kOhlcv, false, true, "OHLCV bars")};
  s.params = {
      choice("assetClass", "stocks", {"stocks", "crypto", "forex"}, "asset class"),
      text("symbol", "AAPL", "instrument (free text in practice: BTC/USD, BTC-USD, ...)",
           {"AAPL", "GOOGL", "MSFT", "AMZN", "TSLA", "META", "NVDA", "SPY", "QQQ", "BTCUSD",
            "ETHUSD", "ADAUSD", "SOLUSD", "DOTUSD", "EURUSD", "GBPUSD", "USDJPY", "AUDUSD",
            "USDCAD"}),
      choice("timeframe", "1h", {"1m", "5m", "15m", "30m", "1h", "4h", "1d", "1w", "1M"},
             "bar size"),
      choice("dataSource", "system", {"system", "upload"}, "where bars come from"),
      integer("bars", 1000, 100, 50000, "number of most recent bars",
              {"lookback_periods", "lookback"}),
      text("startDate", nullptr, "optional first date YYYY-MM-DD (before endDate)"),
      text("endDate", nullptr, "optional last date YYYY-MM-DD"),
      param("inlineData", K::kList, nullptr, "index-era: OHLCV rows given inline"),
      text("timezone", nullptr, "index-era: timezone of the bars"),
  };
  return s;
}

NodeTypeSpec custom_dataset() {
  NodeTypeSpec s{"customDataset", {}, "data", "Custom Dataset", {}, {}, {}, ""};
  s.description = "An uploaded CSV file with a column mapping (no upload back end: a path).";
  s.outputs = {handle("data-output", T::kOhlcv, false, true, "OHLCV bars from the file")};
  const std::vector<std::string> date_cols = {"Date", "Timestamp", "DateTime", "Time"};
  s.params = {
      text("fileName", "No file uploaded", "CSV file name (the default means none = invalid)"),
      text("fileUpload", nullptr, "form placeholder; unused"),
      text("dateColumn", "Date", "timestamp column", date_cols),
      text("openColumn", "Open", "open column"),
      text("highColumn", "High", "high column"),
      text("lowColumn", "Low", "low column"),
      text("closeColumn", "Close", "close column"),
      text("volumeColumn", "Volume", "volume column"),
      choice("normalization", "none", {"none", "minmax", "zscore", "percentage"},
             "normalisation applied to the columns"),
      choice("missingValues", "forward_fill",
             {"drop", "forward_fill", "backward_fill", "interpolate", "zero"},
             "missing-value policy"),
      flag("validateData", true, "check the data when loading"),
      param("columns", K::kList, nullptr, "column names of the file (node interface)"),
  };
  return s;
}

NodeTypeSpec technical_indicator() {
  NodeTypeSpec s{"technicalIndicator", {}, "indicator", "Technical Indicator", {}, {}, {}, ""};
  s.description =
      "One indicator; output-N meaning depends on the indicator (EDITOR_FORMAT.md 2.3).";
  s.inputs = {handle("data-input", T::kAny, true, false,
                     "OHLCV, or a numeric series from another indicator output")};
  for (int k = 1; k <= 5; ++k) {
    s.outputs.push_back(handle("output-" + std::to_string(k), T::kNumeric, false, true,
                               k == 1 ? "main value (upper band, MACD line, %K, ...)"
                                      : "secondary line " + std::to_string(k)));
  }
  s.params = {
      choice("indicatorCategory", "trend",
             {"trend", "momentum", "volatility", "volume", "oscillators", "market_structure"},
             "palette filter for `indicator` (not authoritative)"),
      text("indicator", "SMA",
           "indicator name, case-insensitive; any name the indicator registry knows",
           {"SMA",
            "EMA",
            "WMA",
            "VWMA",
            "HMA",
            "DEMA",
            "TEMA",
            "ZLEMA",
            "ALMA",
            "KAMA",
            "MAMA",
            "T3",
            "FRAMA",
            "TRIMA",
            "VIDYA",
            "Ichimoku",
            "RSI",
            "STOCH",
            "STOCHRSI",
            "WILLIAMS",
            "CCI",
            "ROC",
            "MOM",
            "TSI",
            "UO",
            "PPO",
            "PMO",
            "QQE",
            "RMI",
            "IFT_RSI",
            "LSMA",
            "BB",
            "ATR",
            "KC",
            "DC",
            "STDDEV",
            "VAR",
            "NATR",
            "TRANGE",
            "BBWIDTH",
            "SQUEEZE",
            "UI",
            "THERMO",
            "CHOP",
            "OBV",
            "VWAP",
            "AD",
            "CMF",
            "EMV",
            "FI",
            "NVI",
            "PVI",
            "PVT",
            "VROC",
            "MFI",
            "VORTEX",
            "KVO",
            "VolumeProfile",
            "MACD",
            "AO",
            "AC",
            "AROON",
            "BOP",
            "FISHER",
            "INERTIA",
            "KDJ",
            "PSAR",
            "ADX",
            "DMI",
            "DPO",
            "MarketStructure"},
           {"indicator_type"}),
      integer("period", 20, 1, 500, "look-back period (form 1-200, validator 1-500)",
              {"timeperiod"}),
      choice("source", "close", {"close", "open", "high", "low", "hl2", "hlc3", "ohlc4", "volume"},
             "input series"),
      number("smoothing", 0.2, 0.1, 1.0, "smoothing factor (EMA family, MACD)"),
      number("multiplier", 2.0, 0.1, 5.0, "band width in standard deviations (BB, KC, SQUEEZE)",
             {"std_dev"}),
      integer("fastPeriod", 12, 1, 100, "fast period (MACD, PPO, AROON, STOCHRSI, TSI)",
              {"fast_period"}),
      integer("slowPeriod", 26, 1, 200, "slow period, > fastPeriod", {"slow_period"}),
      integer("signalPeriod", 9, 1, 50, "signal-line period (MACD, PPO, TSI)", {"signal_period"}),
      integer("kPeriod", 14, 1, 100, "%K period (STOCH, STOCHRSI, KDJ)"),
      integer("dPeriod", 3, 1, 50, "%D period"),
      integer("slowing", 3, 1, 10, "%K slowing"),
      integer("smoothingPeriod", nullptr, 1, 100, "Stochastic template: %K slowing"),
      number("acceleration", 0.02, 0.01, 1.0, "PSAR acceleration"),
      number("maximum", 0.2, 0.1, 1.0, "PSAR maximum acceleration"),
      choice("outputType", "main", {"main", "signal", "histogram", "upper", "lower", "middle"},
             "cosmetic badge; outputs are chosen by handle"),
  };
  return s;
}

}  // namespace

NodeTypeSpec condition_node_type();  // node_catalogue_condition.cpp
NodeTypeSpec action_node_type();     // node_catalogue_condition.cpp
NodeTypeSpec risk_node_type();       // node_catalogue_condition.cpp

namespace {

NodeTypeSpec logic() {
  NodeTypeSpec s{"logic", {}, "logic", "Logic Gate", {}, {}, {}, ""};
  s.description = "Combines signals on input-0 .. input-{inputs-1}, in handle order.";
  s.inputs = {handle("input-{k}", T::kSignal, true, false, "k = 0 .. inputs-1")};
  s.outputs = {handle("output", T::kSignal, false, true, "combined signal")};
  s.params = {
      choice("operation", "AND", {"AND", "OR", "NOT", "XOR", "MAJORITY"},
             "gate (MAJORITY: index-era)", {"logic"}),
      integer("inputs", 2, 1, 8, "number of inputs (NOT: 1)"),
  };
  return s;
}

NodeTypeSpec output() {
  NodeTypeSpec s{"output", {}, "output", "Output", {}, {}, {}, ""};
  s.description = "Sink: records what reaches it. At least one input should be connected.";
  s.inputs = {handle("data-input", T::kAny, false, true, "any series"),
              handle("signal-input", T::kAny, false, true, "any signal")};
  s.params = {text("output_type", "signals", "what the card shows"),
              text("format", nullptr, "display format")};
  return s;
}

}  // namespace

void add_editor_node_types(std::vector<NodeTypeSpec>& out) {
  out.push_back(data_source());
  out.push_back(custom_dataset());
  out.push_back(technical_indicator());
  out.push_back(condition_node_type());
  out.push_back(logic());
  out.push_back(action_node_type());
  out.push_back(risk_node_type());
  out.push_back(output());
}

void add_analysis_node_types(std::vector<NodeTypeSpec>& out) {
  NodeTypeSpec regime{"marketRegimeDetection", {}, "analysis", "Market Regime", {}, {}, {}, ""};
  regime.description = "Classifies each bar as trending, sideways or volatile.";
  regime.inputs = {handle("data-input", T::kOhlcv, true, false, "OHLCV bars")};
  regime.outputs = {handle("trend-output", T::kSignal, false, true, "trending regime"),
                    handle("sideways-output", T::kSignal, false, true, "sideways regime"),
                    handle("volatile-output", T::kSignal, false, true, "volatile regime")};
  regime.params = {
      integer("trendWindow", 50, 2, 10000, "trend window in bars", {"lookback"}),
      integer("volatilityWindow", nullptr, 2, 10000, "volatility window (max(10, trendWindow/2))"),
      number("volatilityMultiplier", 1.5, 0.1, 10, "volatile when vol > multiplier x average"),
      number("trendThreshold", 0.0, -kInf, kInf, "minimum trend slope"),
  };
  out.push_back(regime);

  NodeTypeSpec mtf{"multiTimeframeAnalysis", {}, "analysis", "Multi-Timeframe", {}, {}, {}, ""};
  mtf.description = "Resamples the bars to higher timeframes.";
  mtf.inputs = {handle("data-input", T::kOhlcv, true, false, "OHLCV bars")};
  mtf.outputs = {handle("output", T::kOhlcv, false, true, "higher-timeframe bars")};
  mtf.params = {
      param("timeframes", K::kList, {"4H", "1D"}, "list or comma-separated string",
            {"higherTimeframes"}),
      text("primaryTimeframe", nullptr, "fixture: base timeframe"),
      text("higherTimeframe", nullptr, "fixture: one higher timeframe"),
  };
  out.push_back(mtf);

  NodeTypeSpec corr{"correlationAnalysis", {}, "analysis", "Correlation", {}, {}, {}, ""};
  corr.description = "Rolling correlation of two series' closes.";
  corr.inputs = {handle("data-input-1", T::kOhlcv, true, false, "first series"),
                 handle("data-input-2", T::kOhlcv, true, false, "second series")};
  corr.outputs = {handle("output", T::kNumeric, false, true, "rolling correlation")};
  corr.params = {integer("window", 30, 2, 10000, "rolling window in bars", {"lookback"})};
  out.push_back(corr);

  NodeTypeSpec sent{"sentimentAnalysis", {}, "analysis", "Sentiment", {}, {}, {}, ""};
  sent.description = "Price-derived sentiment split into positive / neutral / negative.";
  sent.inputs = {handle("data-input", T::kAny, true, false, "OHLCV bars")};
  sent.outputs = {handle("positive-output", T::kSignal, false, true, "positive sentiment"),
                  handle("neutral-output", T::kSignal, false, true, "neutral sentiment"),
                  handle("negative-output", T::kSignal, false, true, "negative sentiment")};
  sent.params = {
      integer("smoothing", 14, 1, 10000, "smoothing window in bars", {"window"}),
      number("threshold", 0.05, 0, 1, "neutral band half-width"),
      param("sources", K::kList, nullptr, "fixture: sentiment sources"),
      integer("lookback", nullptr, 1, 10000, "fixture: look-back"),
  };
  out.push_back(sent);
}

}  // namespace nocode::workflow::catalogue
