// Volatility kinds: VIX on aux-input, realised volatility against naive loops.
#include <cmath>

#include "fixture.h"

namespace nocode::engine::testing {
namespace {

TEST(Volatility, VixLevelReadsAux) {
  const std::vector<double> l = {1, 1, 1, 1};
  const std::vector<double> vix = {15, 25, kNaN, 30};
  ConditionParams p;
  p.value = 20;
  EXPECT_EQ(eval("vix_level", inputs(l, nullptr, &vix), p), bits({0, 1, 0, 1}));
}

double sd_of_returns(const std::vector<double>& l, size_t t, size_t w) {
  double m = 0, ss = 0;
  for (size_t i = t + 1 - w; i <= t; ++i) m += (l[i] / l[i - 1] - 1) / w;
  for (size_t i = t + 1 - w; i <= t; ++i) ss += std::pow(l[i] / l[i - 1] - 1 - m, 2);
  return std::sqrt(ss / w);
}

TEST(Volatility, ExpansionAndContractionMatchNaiveLoops) {
  std::vector<double> l(60);
  for (size_t t = 0; t < l.size(); ++t)
    l[t] = 100 + (t < 30 ? 0.5 : 3.0) * std::sin(t * 1.3) + 0.1 * t;
  ConditionParams p;
  p.volatility_period = 5;
  p.percentage_threshold = 20;
  const Signal up = eval("volatility_expansion", inputs(l), p);
  const Signal down = eval("volatility_contraction", inputs(l), p);
  for (size_t t = 0; t < l.size(); ++t) {
    if (t < 10) {
      EXPECT_EQ(up[t] + down[t], 0);
      continue;
    }
    const double now = sd_of_returns(l, t, 5), then = sd_of_returns(l, t - 5, 5);
    EXPECT_EQ(up[t], now >= 1.2 * then) << t;
    EXPECT_EQ(down[t], now <= 0.8 * then) << t;
  }
}

TEST(Volatility, AtrMultipleFlagsAWideBar) {
  std::vector<double> c(30, 100), h(30, 101), lo(30, 99);
  h[25] = 110;  // true range 11 vs ATR 2
  const Frame f = make_bars(c, kDayNs, c, h, lo);
  ConditionInputs in;
  in.n = f.rows();
  in.bars = &f;
  ConditionParams p;
  p.volatility_period = 5;
  const Signal s = eval("atr_multiple", in, p);
  for (size_t t = 0; t < c.size(); ++t) EXPECT_EQ(s[t], t == 25) << t;
}

}  // namespace
}  // namespace nocode::engine::testing
