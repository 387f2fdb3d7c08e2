#include "naive.h"
#include "support/talib_oracle.h"

namespace nocode::testing {
namespace {
using namespace naive;

// DMI's three outputs equal TA-Lib's PLUS_DI, MINUS_DI and ADX from ADX's
// first row on (including the synthetic edge cases).
TEST(Dmi, EqualsTalibPlusDiMinusDiAdx) {
  std::vector<Ohlcv> all = {shared_series("GOOG.csv"), shared_series("orcl-1995-2014.txt")};
  for (auto& s : synthetic_series()) all.push_back(std::move(s));
  for (const Ohlcv& s : all)
    for (int n : {14, 2, 7, 30}) {
      const std::map<std::string, double> opt = {{"optInTimePeriod", n}};
      const auto res = run_talib(s, {{"PLUS_DI", opt}, {"MINUS_DI", opt}, {"ADX", opt}});
      const Computed r = run("dmi", {{"period", n}}, {&s.high, &s.low, &s.close});
      for (size_t k = 0; k < 3; ++k) {
        ASSERT_TRUE(res[k].error.empty()) << res[k].error;
        Series ref = res[k].outputs[0];
        for (size_t t = 0; t < ref.size() && t < size_t(r.lookback); ++t) ref[t] = NaN;
        expect_matches(r.out[k], ref, r.lookback,
                       s.name + " n=" + std::to_string(n) + " " + spec("dmi").outputs[k], false);
      }
      if (s.size() > size_t(2 * n)) EXPECT_EQ(r.lookback, res[2].beg_index) << s.name;
    }
}

TEST(Dmi, EditorHandleOrder) {
  EXPECT_EQ(spec("DMI").outputs, (std::vector<std::string>{"plus_di", "minus_di", "adx"}));
}

}  // namespace
}  // namespace nocode::testing
