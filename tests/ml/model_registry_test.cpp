// The model registry: every built-in algorithm is present and consistent,
// resolve() checks types, ranges, choices and unknown keys (with the nearest
// name) and fills defaults, and docs/models.md's generated section is current.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "ml/model.h"
#include "support/test_data.h"

namespace nocode::testing {
namespace {

const ml::ModelAlgorithm& algo(const std::string& name) {
  const auto* a = ml::builtin_models().find(name);
  EXPECT_NE(a, nullptr) << name;
  return *a;
}

std::string error_of(const std::string& name, const nlohmann::json& hp) {
  auto r = algo(name).resolve(hp);
  return r.is_ok() ? std::string("(ok)") : r.status().message();
}

TEST(ModelRegistry, HasTheBuiltinAlgorithms) {
  for (const char* name : {"xgboost", "random_forest", "linear", "logistic"}) {
    const auto* a = ml::builtin_models().find(name);
    ASSERT_NE(a, nullptr) << name;
    EXPECT_FALSE(a->title.empty());
    EXPECT_FALSE(a->description.empty());
    EXPECT_FALSE(a->tasks.empty());
    auto defaults = a->resolve(nlohmann::json::object());
    ASSERT_TRUE(defaults.is_ok()) << name << ": " << defaults.status().to_string();
    EXPECT_EQ(defaults->size(), a->params.size());
    for (ml::Task t : a->tasks)
      EXPECT_TRUE(ml::builtin_models().create(name, nlohmann::json::object(), t, 3).is_ok());
  }
  EXPECT_NE(ml::builtin_models().find("XGBoost"), nullptr);  // case-insensitive
}

TEST(ModelRegistry, UnknownAlgorithmSuggestsTheNearest) {
  auto r = ml::builtin_models().lookup("xgbost");
  ASSERT_FALSE(r.is_ok());
  EXPECT_NE(r.status().message().find("did you mean 'xgboost'"), std::string::npos)
      << r.status().message();
}

TEST(ModelRegistry, ResolveFillsDefaultsAndKeepsGivenValues) {
  auto r = algo("xgboost").resolve({{"max_depth", 3}, {"learning_rate", 0.05}});
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ((*r)["max_depth"], 3);
  EXPECT_EQ((*r)["learning_rate"], 0.05);
  EXPECT_EQ((*r)["n_estimators"], 100);  // XGBoost's num_boost_round default
  EXPECT_EQ((*r)["tree_method"], "hist");
  EXPECT_EQ((*r)["reg_lambda"], 1.0);
  // An integral number is accepted for an integer; text choices are case-insensitive.
  auto r2 = algo("xgboost").resolve({{"n_estimators", 50.0}, {"tree_method", "APPROX"}});
  ASSERT_TRUE(r2.is_ok());
  EXPECT_TRUE((*r2)["n_estimators"].is_number_integer());
  EXPECT_EQ((*r2)["tree_method"], "approx");
  EXPECT_TRUE(algo("linear").resolve(nullptr).is_ok());  // null = all defaults
}

TEST(ModelRegistry, ResolveRejectsBadValuesNamingTheParameter) {
  EXPECT_NE(error_of("xgboost", {{"max_dept", 3}}).find("did you mean 'max_depth'"),
            std::string::npos);
  EXPECT_NE(error_of("xgboost", {{"max_depth", 2.5}}).find("'max_depth': expected integer"),
            std::string::npos);
  EXPECT_NE(error_of("xgboost", {{"max_depth", "3"}}).find("max_depth"), std::string::npos);
  EXPECT_NE(error_of("xgboost", {{"learning_rate", 1.5}}).find("[0, 1]"), std::string::npos);
  EXPECT_NE(error_of("xgboost", {{"subsample", 0}}).find("(0, 1]"), std::string::npos);
  EXPECT_NE(error_of("xgboost", {{"tree_method", "gpu_hist"}}).find("'hist'"), std::string::npos);
  EXPECT_NE(error_of("linear", {{"fit_intercept", 1}}).find("true or false"), std::string::npos);
  EXPECT_NE(error_of("logistic", {{"C", 0}}).find("number > 0"), std::string::npos);
  EXPECT_NE(error_of("logistic", {{"C", -1}}).find("'C'"), std::string::npos);
  EXPECT_NE(error_of("linear", nlohmann::json::array()).find("expected an object"),
            std::string::npos);
  auto c = ml::builtin_models().create("xgboost", {{"gama", 1}}, ml::Task::kBinary);
  ASSERT_FALSE(c.is_ok());
  EXPECT_NE(c.status().message().find("xgboost"), std::string::npos);
  EXPECT_NE(c.status().message().find("did you mean 'gamma'"), std::string::npos);
}

TEST(ModelRegistry, AddRejectsDuplicatesAndBadDefaults) {
  ml::ModelRegistry r;
  ml::ModelAlgorithm a = algo("linear");
  EXPECT_TRUE(r.add(a).is_ok());
  EXPECT_FALSE(r.add(a).is_ok());
  a.name = "broken";
  a.params[0].default_value = -1.0;  // alpha must be >= 0
  EXPECT_FALSE(r.add(a).is_ok());
}

TEST(ModelRegistry, CatalogueJsonListsEveryParameter) {
  const auto j = ml::models_catalogue_json(ml::builtin_models());
  ASSERT_EQ(j.size(), ml::builtin_models().all().size());
  for (size_t i = 0; i < j.size(); ++i)
    EXPECT_EQ(j[i]["params"].size(), ml::builtin_models().all()[i].params.size());
}

// docs/models.md holds the generated catalogue between two markers. Run this
// test with NOCODE_UPDATE_DOCS=1 to rewrite that section after changing a
// declaration.
TEST(ModelRegistry, DocsAreGeneratedFromTheRegistry) {
  const std::string path = source_dir() + "/docs/models.md";
  std::ifstream f(path);
  ASSERT_TRUE(f) << "docs/models.md is missing";
  std::stringstream ss;
  ss << f.rdbuf();
  std::string doc = ss.str();
  const std::string begin = "<!-- models:begin -->\n", end = "<!-- models:end -->";
  const size_t b = doc.find(begin), e = doc.find(end);
  ASSERT_NE(b, std::string::npos);
  ASSERT_NE(e, std::string::npos);
  const std::string generated = ml::models_catalogue_markdown(ml::builtin_models());
  const std::string current = doc.substr(b + begin.size(), e - b - begin.size());
  if (current != generated && std::getenv("NOCODE_UPDATE_DOCS") != nullptr) {
    doc.replace(b + begin.size(), e - b - begin.size(), generated);
    std::ofstream(path) << doc;
    return;
  }
  EXPECT_TRUE(current == generated)
      << "docs/models.md is stale: run NOCODE_UPDATE_DOCS=1 build/tests/ml_model_registry_test";
}

}  // namespace
}  // namespace nocode::testing
