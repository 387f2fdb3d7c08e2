// NVI: Fosback's Negative Volume Index.
#include "indicators/extended_common.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"
#include "indicators/volume/volume_common.h"

namespace nocode::indicators {

Status register_nvi(Registry& r) {
  using State = vol::VolumeIndexState<false>;
  IndicatorSpec s;
  s.name = "nvi";
  s.aliases = {"negative_volume_index"};
  s.group = "volume";
  s.title = "Negative Volume Index";
  s.inputs = {InputKind::kClose, InputKind::kVolume};
  s.params = {ext::ext_param("start", {"start_value", "initial", "base"}, ParamType::kReal, 1000,
                             1e-9, 1e15, "value of the index on the first bar")};
  s.outputs = {"nvi"};
  s.lookback = vol::volume_index_lookback;
  s.batch = batch_by_state<State>;
  s.stream = make_state_stream<State>;
  s.definition =
      "Starts at `start` (1000) on row 0. On each later bar whose volume is lower than the "
      "previous bar's, `index = index + (close − prev close)/prev close · index`; otherwise the "
      "index is unchanged. A NaN close on an active bar makes the index NaN from then on.";
  s.source =
      "Norman G. Fosback, *Stock Market Logic* (1976), Negative Volume Index (after Paul Dysart, "
      "1936); StockCharts ChartSchool \"Negative Volume Index\".";
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
