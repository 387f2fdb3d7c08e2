// PVI: Fosback's Positive Volume Index.
#include "indicators/extended_common.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"
#include "indicators/volume/volume_common.h"

namespace nocode::indicators {

Status register_pvi(Registry& r) {
  using State = vol::VolumeIndexState<true>;
  IndicatorSpec s;
  s.name = "pvi";
  s.aliases = {"positive_volume_index"};
  s.group = "volume";
  s.title = "Positive Volume Index";
  s.inputs = {InputKind::kClose, InputKind::kVolume};
  s.params = {ext::ext_param("start", {"start_value", "initial", "base"}, ParamType::kReal, 1000,
                             1e-9, 1e15, "value of the index on the first bar")};
  s.outputs = {"pvi"};
  s.lookback = vol::volume_index_lookback;
  s.batch = batch_by_state<State>;
  s.stream = make_state_stream<State>;
  s.definition =
      "Starts at `start` (1000) on row 0. On each later bar whose volume is higher than the "
      "previous bar's, `index = index + (close − prev close)/prev close · index`; otherwise the "
      "index is unchanged. A NaN close on an active bar makes the index NaN from then on.";
  s.source =
      "Norman G. Fosback, *Stock Market Logic* (1976), Positive Volume Index (after Paul Dysart, "
      "1936); StockCharts ChartSchool \"Positive Volume Index\".";
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
