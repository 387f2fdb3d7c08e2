// docs/indicators.md is generated from the registry and must be current;
// the JSON catalogue lists every indicator with its declaration.
#include "indicators/catalogue.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "support/test_data.h"

namespace nocode::indicators {
namespace {

TEST(Catalogue, DocsAreGeneratedFromTheRegistry) {
  std::ifstream f(testing::source_dir() + "/docs/indicators.md");
  ASSERT_TRUE(f) << "docs/indicators.md is missing";
  std::stringstream ss;
  ss << f.rdbuf();
  EXPECT_TRUE(ss.str() == catalogue_markdown(builtin_registry()))
      << "docs/indicators.md is stale: run `build/nocode indicators docs --out docs/indicators.md`";
}

TEST(Catalogue, JsonListsEveryIndicator) {
  const auto j = catalogue_json(builtin_registry());
  ASSERT_EQ(j.size(), builtin_registry().all().size());
  for (const auto& e : j) {
    EXPECT_TRUE(e.contains("name"));
    EXPECT_TRUE(e["outputs"].is_array());
    EXPECT_FALSE(e["outputs"].empty());
    EXPECT_GE(e["lookback_default"].get<int>(), 0);
    for (const auto& p : e["params"]) EXPECT_LE(p["min"].get<double>(), p["default"].get<double>());
  }
}

}  // namespace
}  // namespace nocode::indicators
