// Correlation kinds against a reference series on aux-input.
#include <cmath>

#include "fixture.h"

namespace nocode::engine::testing {
namespace {

std::vector<double> walk(size_t n) {
  std::vector<double> x(n);
  for (size_t t = 0; t < n; ++t)
    x[t] = 100 + 5 * std::sin(t * 0.9) + 3 * std::cos(t * 2.3) + 0.2 * t;
  return x;
}

TEST(Correlation, StrengthOfIdenticalAndOpposedReturns) {
  const auto l = walk(40);
  std::vector<double> same(l.size()), opposite(l.size());
  for (size_t t = 0; t < l.size(); ++t) same[t] = 3 * l[t];  // identical returns: rho = 1
  for (size_t t = 0; t < l.size(); ++t)
    opposite[t] = t == 0 ? 100 : opposite[t - 1] * (1 - (l[t] / l[t - 1] - 1));
  ConditionParams p;
  p.correlation_period = 10;
  const Signal s = eval("correlation_strength", inputs(l, nullptr, &same), p);
  for (size_t t = 0; t < l.size(); ++t) EXPECT_EQ(s[t], t >= 10) << t;
  for (uint8_t b : eval("correlation_strength", inputs(l, nullptr, &opposite), p)) EXPECT_EQ(b, 0);
  p.correlation_threshold = -0.7;
  const Signal neg = eval("correlation_strength", inputs(l, nullptr, &opposite), p);
  for (size_t t = 0; t < l.size(); ++t) EXPECT_EQ(neg[t], t >= 10) << t;
}

TEST(Correlation, SectorRotationIsRelativeStrengthCrossingItsAverage) {
  const std::vector<double> l = {10, 10, 10, 10, 12, 12};
  const std::vector<double> bench = {5, 5, 5, 5, 5, 5};
  ConditionParams p;
  p.correlation_period = 3;  // RS 2, 2, 2, 2, 2.4, 2.4; SMA3 -, -, 2, 2, 2.13, 2.27
  EXPECT_EQ(eval("sector_rotation", inputs(l, nullptr, &bench), p), bits({0, 0, 0, 0, 1, 0}));
}

TEST(Correlation, NeedsAux) {
  const std::vector<double> l = {1, 2, 3};
  for (const char* kind : {"correlation_strength", "correlation_divergence", "sector_rotation",
                           "market_regime_change"}) {
    auto out = evaluate_condition(*find_condition(kind).value(), inputs(l), {});
    ASSERT_FALSE(out.is_ok()) << kind;
    EXPECT_NE(out.status().message().find("aux-input"), std::string::npos) << kind;
  }
}

}  // namespace
}  // namespace nocode::engine::testing
