// UI: Ulcer index (Peter Martin).
#include "indicators/extended_common.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

struct UiState {
  static constexpr size_t kInputs = 1, kOutputs = 1;
  explicit UiState(const Params& p) : n(p.integer(0)), peak(n, true), sq(n) {}
  bool step(const double* bar, double* out) {
    const double c = bar[0];
    peak.push(c);
    if (!peak.full()) return false;
    const double m = peak.value();
    const double dd = 100.0 * (c - m) / m;
    if (!sq.push(dd * dd)) return false;
    const double mean = sq.sum() / double(n);
    out[0] = std::sqrt(mean > 0 ? mean : (mean == mean ? 0.0 : mean));
    return true;
  }
  int n;
  ext::RollingExtreme peak;
  ext::WindowSum sq;
};

int ui_lookback(const Params& p) { return 2 * (p.integer(0) - 1); }

}  // namespace

Status register_ui(Registry& r) {
  IndicatorSpec s;
  s.name = "ui";
  s.aliases = {"ulcer", "ulcer_index", "ulcerindex"};
  s.group = "volatility";
  s.title = "Ulcer Index";
  s.inputs = {InputKind::kReal};
  s.params = {ext::ext_int("period", {"timeperiod", "length", "window"}, 14, 1,
                           "bars of the peak window and of the mean of squared drawdowns")};
  s.outputs = {"ui"};
  s.lookback = ui_lookback;
  s.batch = batch_by_state<UiState>;
  s.stream = make_state_stream<UiState>;
  s.definition =
      "Percent drawdown `R = 100·(x − max(x, n))/max(x, n)` from the highest value of the last n "
      "bars, then `UI = sqrt(Σ R²(n) / n)` over the last n drawdowns (a negative rounding residue "
      "counts as 0). First value at row `2(n − 1)`.";
  s.source =
      "Peter G. Martin and Byron B. McCann, *The Investor's Guide to Fidelity Funds* "
      "(1989; index published by Martin 1987); rolling form as in StockCharts ChartSchool "
      "\"Ulcer Index\".";
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
