// The registry's contract: lookups, parameter resolution and its errors,
// and that TA-Lib's core 52 functions are all registered.
#include "indicators/registry.h"

#include <gtest/gtest.h>

#include <set>

namespace nocode::indicators {
namespace {

const char* const kCore52[] = {
    "BBANDS", "DEMA", "EMA", "HT_TRENDLINE", "KAMA", "MIDPOINT", "SAR", "SMA", "T3", "TEMA",
    "TRIMA", "WMA", "ADX", "ADXR", "APO", "AROON", "AROONOSC", "BOP", "CCI", "CMO", "DX",
    "MACD", "MFI", "MINUS_DI", "MOM", "PLUS_DI", "PPO", "ROC", "ROCP", "RSI", "STOCH",
    "STOCHF", "STOCHRSI", "TRIX", "ULTOSC", "WILLR", "AD", "ADOSC", "OBV", "ATR", "NATR",
    "TRANGE", "HT_DCPERIOD", "HT_SINE", "BETA", "CORREL", "LINEARREG", "LINEARREG_ANGLE",
    "LINEARREG_SLOPE", "STDDEV", "TSF", "VAR"};

TEST(Registry, AllCoreTalibFunctionsAreRegisteredAndMarkedCore) {
  const Registry& r = builtin_registry();
  std::set<std::string> core;
  for (const char* name : kCore52) {
    const IndicatorSpec* spec = r.find(name);
    ASSERT_NE(spec, nullptr) << name << " is not registered";
    EXPECT_EQ(spec->talib_name, name);
    EXPECT_TRUE(spec->core) << name;
    core.insert(spec->name);
  }
  for (const auto& s : r.all())
    EXPECT_EQ(s.core, core.count(s.name) == 1) << s.name << ": only TA-Lib's core 52 are core";
}

TEST(Registry, EveryIndicatorIsDocumented) {
  for (const auto& s : builtin_registry().all()) {
    EXPECT_FALSE(s.title.empty()) << s.name;
    EXPECT_FALSE(s.definition.empty()) << s.name;
    EXPECT_FALSE(s.source.empty()) << s.name;
    for (const auto& p : s.params) EXPECT_FALSE(p.description.empty()) << s.name << "." << p.name;
  }
}

TEST(Registry, LookupIsCaseInsensitiveAndAcceptsTalibNames) {
  const Registry& r = builtin_registry();
  ASSERT_NE(r.find("sma"), nullptr);
  EXPECT_EQ(r.find("SMA"), r.find("sma"));
  EXPECT_EQ(r.find(" Sma "), r.find("sma"));
  auto unknown = r.lookup("smaa");
  ASSERT_FALSE(unknown.is_ok());
  EXPECT_EQ(unknown.status().kind(), ErrorKind::kNotFound);
  EXPECT_NE(unknown.status().message().find("did you mean 'sma'"), std::string::npos)
      << unknown.status().message();
}

TEST(Registry, ResolvesParamsByNameAliasAndTalibName) {
  const IndicatorSpec& sma = *builtin_registry().find("sma");
  EXPECT_EQ(default_params(sma).values, std::vector<double>{30});
  for (const char* key : {"period", "timeperiod", "TimePeriod", "optInTimePeriod"}) {
    auto p = resolve_params(sma, {{key, 14}});
    ASSERT_TRUE(p.is_ok()) << key << ": " << p.status().to_string();
    EXPECT_EQ(p->integer(0), 14);
  }
  auto text = resolve_params_text(sma, {{"timeperiod", " 20 "}});
  ASSERT_TRUE(text.is_ok());
  EXPECT_EQ(text->integer(0), 20);
}

TEST(Registry, RejectsBadParamsWithClearMessages) {
  const IndicatorSpec& sma = *builtin_registry().find("sma");
  auto out_of_range = resolve_params(sma, {{"period", 1}});
  ASSERT_FALSE(out_of_range.is_ok());
  EXPECT_NE(out_of_range.status().message().find("[2, 100000]"), std::string::npos)
      << out_of_range.status().message();
  auto fractional = resolve_params(sma, {{"period", 2.5}});
  ASSERT_FALSE(fractional.is_ok());
  EXPECT_NE(fractional.status().message().find("integer"), std::string::npos);
  auto unknown = resolve_params(sma, {{"perod", 5}});
  ASSERT_FALSE(unknown.is_ok());
  EXPECT_NE(unknown.status().message().find("did you mean 'period'"), std::string::npos)
      << unknown.status().message();
  auto twice = resolve_params(sma, {{"period", 5}, {"timeperiod", 6}});
  EXPECT_FALSE(twice.is_ok());
  auto text = resolve_params_text(sma, {{"period", "abc"}});
  ASSERT_FALSE(text.is_ok());
  EXPECT_NE(text.status().message().find("'abc'"), std::string::npos);
}

TEST(Registry, RejectsDuplicateNames) {
  Registry r;
  IndicatorSpec a = *builtin_registry().find("sma");
  ASSERT_TRUE(r.add(a).is_ok());
  IndicatorSpec b = a;
  b.name = "other";
  EXPECT_FALSE(r.add(b).is_ok()) << "TA-Lib name SMA is taken";
  IndicatorSpec c = a;
  c.name = "BadCase";
  c.talib_name.clear();
  EXPECT_FALSE(r.add(c).is_ok());
}

TEST(Registry, MaTypeNames) {
  EXPECT_EQ(*parse_ma_type("ema"), 1);
  EXPECT_EQ(*parse_ma_type("T3"), 8);
  EXPECT_EQ(*parse_ma_type("5"), 5);
  EXPECT_FALSE(parse_ma_type("9").is_ok());
  EXPECT_FALSE(parse_ma_type("hull").is_ok());
}

}  // namespace
}  // namespace nocode::indicators
