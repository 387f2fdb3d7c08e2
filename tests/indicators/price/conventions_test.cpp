// Price transforms: TA-Lib's exact expressions (and so its rounding), checked
// bit for bit against the formulas and against TA-Lib itself.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "indicators/registry.h"
#include "support/talib_oracle.h"
#include "support/test_data.h"

namespace nocode::testing {
namespace {

using indicators::InputKind;

std::vector<double> ours(const std::string& name, const Ohlcv& s) {
  const auto& sp = *indicators::builtin_registry().find(name);
  std::vector<const double*> in;
  for (InputKind k : sp.inputs) {
    switch (k) {
      case InputKind::kOpen: in.push_back(s.open.data()); break;
      case InputKind::kHigh: in.push_back(s.high.data()); break;
      case InputKind::kLow: in.push_back(s.low.data()); break;
      default: in.push_back(s.close.data());
    }
  }
  return indicators::compute(sp, indicators::default_params(sp), in, s.size())[0];
}

TEST(PriceTransforms, TalibExpressionsBitForBit) {
  const Ohlcv s = random_walk(3000, 31);
  const auto typ = ours("typprice", s), avg = ours("avgprice", s), med = ours("medprice", s),
             wcl = ours("wclprice", s);
  for (size_t i = 0; i < s.size(); ++i) {
    const double o = s.open[i], h = s.high[i], l = s.low[i], c = s.close[i];
    EXPECT_EQ(typ[i], (h + l + c) / 3.0);
    EXPECT_EQ(avg[i], (h + l + c + o) / 4);
    EXPECT_EQ(med[i], (h + l) / 2.0);
    EXPECT_EQ(wcl[i], (h + l + (c * 2.0)) / 4.0);
  }
  const auto refs = run_talib(s, {{"TYPPRICE", {}}, {"AVGPRICE", {}}, {"MEDPRICE", {}}, {"WCLPRICE", {}}});
  const std::vector<double>* mine[] = {&typ, &avg, &med, &wcl};
  for (size_t f = 0; f < 4; ++f)
    for (size_t i = 0; i < s.size(); ++i) EXPECT_EQ((*mine[f])[i], refs[f].outputs[0][i]) << f << " row " << i;
}

// Very long inputs take the non-temporal-store path of TYPPRICE's kernel.
TEST(PriceTransforms, LongSeriesTypicalPriceBitForBit) {
  const Ohlcv s = random_walk((size_t(1) << 20) + 37, 37);
  const auto typ = ours("typprice", s);
  size_t bad = 0;
  for (size_t i = 0; i < s.size(); ++i)
    if (typ[i] != (s.high[i] + s.low[i] + s.close[i]) / 3.0) ++bad;
  EXPECT_EQ(bad, 0u);
}

}  // namespace
}  // namespace nocode::testing
