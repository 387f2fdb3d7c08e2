// SAREXT: Parabolic SAR with separate long/short acceleration settings, a
// start value and an offset on reverse (TA_SAREXT; sar_core.h).
#include "indicators/overlap/sar_core.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

ma::SarSettings settings(const Params& p) {
  ma::SarSettings s;
  s.start = p.real(0);
  s.offset = p.real(1);
  s.init_long = p.real(2);
  s.step_long = p.real(3);
  s.max_long = p.real(4);
  s.init_short = p.real(5);
  s.step_short = p.real(6);
  s.max_short = p.real(7);
  s.signed_output = true;
  return s;
}

struct SarextState {
  static constexpr size_t kInputs = 2, kOutputs = 1;
  explicit SarextState(const Params& p) : core(settings(p)) {}
  bool step(const double* bar, double* out) { return core.step(bar[0], bar[1], out); }
  ma::SarCore core;
};

int sarext_lookback(const Params&) { return 1; }

void sarext_batch(const double* const* in, size_t n, const Params& p, double* const* out) {
  ma::SarCore core(settings(p));
  core.run(in[0], in[1], n, out[0]);
}

ParamSpec real_param(std::string name, std::vector<std::string> aliases, std::string talib,
                     double def, double min, std::string description) {
  return ParamSpec{std::move(name), std::move(aliases), std::move(talib), ParamType::kReal,
                   def, min, 3e37, std::move(description)};
}

}  // namespace

Status register_sarext(Registry& r) {
  IndicatorSpec s;
  s.name = "sarext";
  s.talib_name = "SAREXT";
  s.group = "overlap";
  s.title = "Parabolic SAR - Extended";
  s.inputs = {InputKind::kHigh, InputKind::kLow};
  s.params = {
      real_param("start_value", {"startvalue"}, "optInStartValue", 0, -3e37,
                 "0: direction from bar 1's -DM; > 0: start long at this SAR; < 0: start short at "
                 "|value|"),
      real_param("offset_on_reverse", {"offsetonreverse"}, "optInOffsetOnReverse", 0, 0,
                 "fraction added to (short) or removed from (long) the SAR on a reversal"),
      real_param("acceleration_init_long", {"accelerationinitlong"}, "optInAccelerationInitLong",
                 0.02, 0, "initial acceleration factor, long"),
      real_param("acceleration_long", {"accelerationlong"}, "optInAccelerationLong", 0.02, 0,
                 "acceleration step, long"),
      real_param("acceleration_max_long", {"accelerationmaxlong"}, "optInAccelerationMaxLong", 0.2,
                 0, "maximum acceleration factor, long"),
      real_param("acceleration_init_short", {"accelerationinitshort"},
                 "optInAccelerationInitShort", 0.02, 0, "initial acceleration factor, short"),
      real_param("acceleration_short", {"accelerationshort"}, "optInAccelerationShort", 0.02, 0,
                 "acceleration step, short"),
      real_param("acceleration_max_short", {"accelerationmaxshort"}, "optInAccelerationMaxShort",
                 0.2, 0, "maximum acceleration factor, short")};
  s.outputs = {"sarext"};
  s.lookback = sarext_lookback;
  s.batch = sarext_batch;
  s.stream = make_state_stream<SarextState>;
  s.definition =
      "Parabolic SAR with separate initial/step/maximum acceleration for long and short "
      "positions, an optional start value and an offset applied on reversal. Same rules as SAR; "
      "the output is **negative while short** (TA-Lib's convention).";
  s.source = "TA-Lib TA_SAREXT.";
  s.core = false;
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
