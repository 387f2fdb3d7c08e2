// The transform registry: every spec is well formed, names and aliases
// resolve, unknown names suggest near ones, labels cannot be looked up as
// features, parameter errors name the range, compute() checks its inputs, and
// the generated section of docs/ml-data.md is current.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include "support/test_data.h"
#include "transforms/transform_test_util.h"

namespace nocode::transforms {
namespace {

const Registry& reg() { return builtin_registry(); }

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(TransformRegistry, DeclaresTheTransformsTheFeatureNodeOffers) {
  // The editor's feature node choices (workflow/node_catalogue_ml.cpp) and the label node's.
  for (const char* name : {"identity", "lag", "diff", "returns", "log_returns", "rolling_mean",
                           "rolling_std", "rolling_min", "rolling_max", "zscore", "rank", "add",
                           "sub", "mul", "div", "ratio", "crossover", "hour", "day_of_week",
                           "month"})
    EXPECT_TRUE(reg().lookup(name, Purpose::kFeature).is_ok()) << name;
  for (const char* name : {"forward_return", "direction", "triple_barrier"})
    EXPECT_TRUE(reg().lookup(name, Purpose::kLabel).is_ok()) << name;
}

TEST(TransformRegistry, EverySpecIsCompleteAndDefaultsResolve) {
  std::set<std::string> names;
  for (const auto& s : reg().all()) {
    EXPECT_TRUE(names.insert(s.name).second) << s.name;
    EXPECT_FALSE(s.title.empty()) << s.name;
    EXPECT_EQ(s.reads_future, s.group == "label") << s.name;
    auto p = resolve_params(s, nlohmann::json::object());
    ASSERT_TRUE(p.is_ok()) << s.name << ": " << p.status().message();
    EXPECT_GE(lookback_of(s, *p), 0) << s.name;
    EXPECT_EQ(lookahead_of(s, *p) > 0, s.reads_future) << s.name;
  }
}

void copy_kernel(const KernelInput& in, const Params&, double* const* out) {
  for (size_t t = 0; t < in.n; ++t) out[0][t] = in.series[0][t];
}
int no_rows(const Params&) { return 0; }

TransformSpec toy(std::string name) {
  TransformSpec s;
  s.name = std::move(name);
  s.title = "Toy";
  s.group = "lag";
  s.inputs = {{"x", InputType::kSeries, false, "x"}};
  s.outputs = {"y"};
  s.lookback = no_rows;
  s.kernel = copy_kernel;
  s.definition = "copy";
  s.nan_rule = "as x";
  return s;
}

TEST(TransformRegistry, AddRejectsBrokenSpecs) {
  Registry r;
  ASSERT_TRUE(r.add(toy("a")).is_ok());
  EXPECT_FALSE(r.add(toy("a")).is_ok());
  TransformSpec alias = toy("b");
  alias.aliases = {"A"};
  EXPECT_FALSE(r.add(alias).is_ok());
  TransformSpec label = toy("c");
  label.reads_future = true;  // but no lookahead
  EXPECT_FALSE(r.add(label).is_ok());
  TransformSpec upper = toy("D");
  EXPECT_FALSE(r.add(upper).is_ok());
  TransformSpec range = toy("e");
  range.params = {{"p", {}, ParamType::kInteger, 0, 1, 5, {}, "p"}};
  EXPECT_FALSE(r.add(range).is_ok());
  TransformSpec choice = toy("f");
  choice.params = {{"p", {}, ParamType::kChoice, 2, 0, 0, {"x", "y"}, "p"}};
  EXPECT_FALSE(r.add(choice).is_ok());
  TransformSpec undocumented = toy("g");
  undocumented.definition.clear();
  EXPECT_FALSE(r.add(undocumented).is_ok());
}

TEST(TransformRegistry, UnknownNamesSuggestNearOnes) {
  auto r = reg().lookup("rolling_stdd");
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().kind(), ErrorKind::kNotFound);
  EXPECT_TRUE(has(r.status().message(), "did you mean 'rolling_std'")) << r.status().message();
  EXPECT_EQ(reg().find("PCT_CHANGE"), reg().find("returns"));
}

TEST(TransformRegistry, LabelsAreNotFeatures) {
  auto r = reg().lookup("forward_return", Purpose::kFeature);
  ASSERT_FALSE(r.is_ok());
  EXPECT_TRUE(has(r.status().message(), "reads future bars")) << r.status().message();
  auto f = reg().lookup("forward_retrun", Purpose::kFeature);
  ASSERT_FALSE(f.is_ok());
  EXPECT_FALSE(has(f.status().message(), "'forward_return'")) << f.status().message();
  EXPECT_FALSE(reg().lookup("lag", Purpose::kLabel).is_ok());
}

TEST(TransformRegistry, ParameterErrorsNameTheRangeAndNearNames) {
  const TransformSpec& sd = *reg().find("rolling_std");
  auto low = resolve_params(sd, {{"period", 1}});
  ASSERT_FALSE(low.is_ok());
  EXPECT_TRUE(has(low.status().message(), "valid integers are [2, 100000]")) << low.status().message();
  auto frac = resolve_params(sd, {{"window", 2.5}});
  ASSERT_FALSE(frac.is_ok());
  EXPECT_TRUE(has(frac.status().message(), "expected an integer")) << frac.status().message();
  auto unknown = resolve_params(sd, {{"perod", 5}});
  ASSERT_FALSE(unknown.is_ok());
  EXPECT_TRUE(has(unknown.status().message(), "did you mean 'period'")) << unknown.status().message();
  auto twice = resolve_params(sd, {{"period", 5}, {"window", 6}});
  EXPECT_FALSE(twice.is_ok());
  auto text = resolve_params(sd, {{"period", " 7 "}});
  ASSERT_TRUE(text.is_ok()) << text.status().message();
  EXPECT_EQ(text->integer(0), 7);
  EXPECT_FALSE(resolve_params(sd, {{"period", true}}).is_ok());
  EXPECT_FALSE(resolve_params(sd, nlohmann::json::array()).is_ok());
  EXPECT_FALSE(resolve_params(*reg().find("add"), {{"period", 3}}).is_ok());
}

TEST(TransformRegistry, ComputeChecksInputs) {
  const TransformSpec& add = *reg().find("add");
  const std::vector<double> a = {1, 2};
  auto missing = compute(add, default_params(add), {a.data()}, nullptr, 2);
  ASSERT_FALSE(missing.is_ok());
  EXPECT_TRUE(has(missing.status().message(), "'b'")) << missing.status().message();
  auto extra = compute(add, default_params(add), {a.data(), a.data(), a.data()}, nullptr, 2);
  EXPECT_FALSE(extra.is_ok());
  auto empty = compute(add, default_params(add), {nullptr, nullptr}, nullptr, 0);
  ASSERT_TRUE(empty.is_ok());
  EXPECT_TRUE((*empty)[0].empty());
}

// The text between the markers in docs/ml-data.md.
std::string generated_section(const std::string& doc, size_t* begin, size_t* end) {
  const std::string open = "<!-- BEGIN transforms_markdown() -->\n";
  const std::string close = "<!-- END transforms_markdown() -->";
  *begin = doc.find(open);
  *end = doc.find(close);
  if (*begin == std::string::npos || *end == std::string::npos || *end < *begin) return "";
  *begin += open.size();
  return doc.substr(*begin, *end - *begin);
}

TEST(TransformRegistry, DocsSectionIsCurrent) {
  const std::string path = nocode::testing::source_dir() + "/docs/ml-data.md";
  std::ifstream f(path);
  ASSERT_TRUE(f) << path << " is missing";
  std::stringstream ss;
  ss << f.rdbuf();
  std::string doc = ss.str();
  size_t begin = 0, end = 0;
  const std::string section = generated_section(doc, &begin, &end);
  ASSERT_NE(begin, std::string::npos) << "docs/ml-data.md lacks the generated-section markers";
  const std::string want = transforms_markdown();
  if (section != want && std::getenv("NOCODE_UPDATE_DOCS")) {
    doc.replace(begin, end - begin, want);
    std::ofstream(path) << doc;
    return;
  }
  EXPECT_TRUE(section == want) << "docs/ml-data.md is stale: rerun this test with "
                                  "NOCODE_UPDATE_DOCS=1 to regenerate its transform section";
}

}  // namespace
}  // namespace nocode::transforms
