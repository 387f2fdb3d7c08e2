// The built-in indicators: one registration call per indicator, in one
// explicit table (no static self-registration the linker could drop).
// Adding an indicator = one new file under src/indicators/<group>/ defining
// `Status register_<name>(Registry&)`, plus one line here.
#include "indicators/registry.h"

namespace nocode::indicators {

// ---- overlap studies ----
Status register_sma(Registry&);
// <overlap declarations>

// ---- momentum ----
// <momentum declarations>

// ---- momentum (oscillators), volume, volatility ----
// <oscillator declarations>

// ---- statistics, math, price transforms ----
// <statistic declarations>

// ---- cycle (Hilbert transform) and candlestick patterns ----
// <cycle declarations>

// ---- indicators TA-Lib lacks (editor catalogue) ----
// <extended declarations>

Status register_builtin_indicators(Registry& r) {
  using RegisterFn = Status (*)(Registry&);
  const RegisterFn table[] = {
      register_sma,
      // <overlap registrations>
      // <momentum registrations>
      // <oscillator registrations>
      // <statistic registrations>
      // <cycle registrations>
      // <extended registrations>
  };
  for (RegisterFn fn : table) NOCODE_RETURN_IF_ERROR(fn(r));
  return Status::ok();
}

}  // namespace nocode::indicators
