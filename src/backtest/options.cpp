// Validation of BacktestOptions: one check per field, message names the field.
#include "backtest/options.h"

#include <cmath>
#include <string>

#include "common/strings.h"

namespace nocode::backtest {
namespace {

Status range_error(const char* field, const char* expected, double got) {
  return Status::invalid_argument(std::string("backtest option '") + field + "': expected " +
                                  expected + ", got " + format_double(got));
}

}  // namespace

Status validate(const BacktestOptions& o) {
  if (!std::isfinite(o.cash) || !(o.cash > 0)) return range_error("cash", "a number > 0", o.cash);
  if (!std::isfinite(o.commission) || o.commission < -0.1 || o.commission >= 0.1)
    return range_error("commission", "a rate in [-0.1, 0.1)", o.commission);
  if (!std::isfinite(o.commission_fixed) || o.commission_fixed < 0)
    return range_error("commission_fixed", "a cash amount >= 0", o.commission_fixed);
  if (!std::isfinite(o.spread_bps) || o.spread_bps < 0 || o.spread_bps >= 10000)
    return range_error("spread_bps", "basis points in [0, 10000)", o.spread_bps);
  if (!std::isfinite(o.margin) || !(o.margin > 0) || o.margin > 1)
    return range_error("margin", "a ratio in (0, 1]", o.margin);
  return Status::ok();
}

}  // namespace nocode::backtest
