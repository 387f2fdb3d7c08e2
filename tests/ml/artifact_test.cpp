// Model artifacts: metadata round trip, atomic directory writes, loading
// through the registry with bitwise-identical predictions, feature checks
// naming what differs, and the FNV-1a content hashes.
#include "ml/artifact.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "ml/model_test_data.h"
#include "support/run_command.h"

namespace nocode::testing {
namespace {

namespace fs = std::filesystem;
using ml::Task;

ml::ArtifactMetadata sample_metadata() {
  ml::ArtifactMetadata m;
  m.algorithm = "xgboost";
  m.task = Task::kBinary;
  m.classes = 2;
  m.hyperparameters =
      *ml::builtin_models().find("xgboost")->resolve({{"n_estimators", 10}, {"nthread", 1}});
  m.feature_names = {"x0", "x1", "x2"};
  m.label = {{"kind", "direction"}, {"horizon", 5}};
  m.training_data_hash = "fnv1a64:0123456789abcdef";
  m.workflow_hash = "fnv1a64:fedcba9876543210";
  m.metrics = {{"validation", {{"accuracy", 0.875}}}};
  m.library_versions = {{"nocode", "test"}};
  return m;
}

std::unique_ptr<ml::Model> fitted(const Dataset& d, const nlohmann::json& hp) {
  auto m = ml::builtin_models().create("xgboost", hp, Task::kBinary);
  EXPECT_TRUE(m.is_ok());
  ml::TrainingData t;
  t.features = d.x;
  t.label = d.y;
  EXPECT_TRUE((*m)->fit(t).is_ok());
  return std::move(*m);
}

// Names in `dir` other than `keep` (left-over temporary directories).
std::vector<std::string> others(const std::string& dir, const std::string& keep) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename() != keep) out.push_back(e.path().filename().string());
  return out;
}

TEST(Artifact, MetadataJsonRoundTrip) {
  auto m = sample_metadata();
  m.created_at = "2026-11-26T11:00:00Z";
  m.native_files = {"model.json"};
  const auto j = ml::metadata_to_json(m);
  auto back = ml::metadata_from_json(j, "test");
  ASSERT_TRUE(back.is_ok()) << back.status().to_string();
  EXPECT_EQ(ml::metadata_to_json(*back), j);
  EXPECT_EQ(j["task"], "binary");
  auto bad = j;
  bad["format_version"] = 99;
  EXPECT_NE(ml::metadata_from_json(bad, "m.json").status().message().find("format_version"),
            std::string::npos);
  bad = j;
  bad.erase("feature_names");
  EXPECT_NE(ml::metadata_from_json(bad, "m.json").status().message().find("m.json"),
            std::string::npos);
}

TEST(Artifact, WriteLoadPredictsBitwiseTheSame) {
  const auto d = make_dataset(Task::kBinary, 800, 3, 1, 0.1);
  const auto meta = sample_metadata();
  auto model = fitted(d, meta.hyperparameters);
  const std::string root = make_temp_dir(), dir = root + "/artifact";
  ASSERT_TRUE(ml::write_artifact(dir, *model, meta).is_ok());
  EXPECT_TRUE(others(root, "artifact").empty());
  auto loaded = ml::load_artifact(dir, ml::builtin_models());
  ASSERT_TRUE(loaded.is_ok()) << loaded.status().to_string();
  const auto& m = loaded->metadata;
  EXPECT_EQ(m.algorithm, "xgboost");
  EXPECT_EQ(m.feature_names, meta.feature_names);
  EXPECT_EQ(m.hyperparameters, meta.hyperparameters);
  EXPECT_EQ(m.label, meta.label);
  EXPECT_EQ(m.metrics, meta.metrics);
  EXPECT_EQ(m.native_files, std::vector<std::string>{"model.json"});
  EXPECT_EQ(m.library_versions["nocode"], "test");
  EXPECT_TRUE(m.library_versions["xgboost"].is_string());
  EXPECT_EQ(m.created_at.size(), 20u);  // 2026-11-26T11:00:00Z
  EXPECT_TRUE(*loaded->model->predict(d.x) == *model->predict(d.x));
  fs::remove_all(root);
}

TEST(Artifact, ReplacesAnEarlierArtifactButNotOtherDirectories) {
  const auto d = make_dataset(Task::kBinary, 300, 3, 2);
  const auto meta = sample_metadata();
  auto model = fitted(d, meta.hyperparameters);
  const std::string root = make_temp_dir(), dir = root + "/a";
  ASSERT_TRUE(ml::write_artifact(dir, *model, meta).is_ok());
  auto meta2 = meta;
  meta2.metrics = {{"run", 2}};
  ASSERT_TRUE(ml::write_artifact(dir, *model, meta2).is_ok());
  EXPECT_EQ(ml::read_metadata(dir)->metrics["run"], 2);
  EXPECT_TRUE(others(root, "a").empty());
  fs::create_directories(root + "/data");
  std::ofstream(root + "/data/prices.csv") << "x\n";
  auto s = ml::write_artifact(root + "/data", *model, meta);
  ASSERT_FALSE(s.is_ok());
  EXPECT_NE(s.message().find("not a model artifact"), std::string::npos);
  EXPECT_TRUE(fs::exists(root + "/data/prices.csv"));
  fs::remove_all(root);
}

TEST(Artifact, AFailedWriteLeavesNothing) {
  auto unfitted = ml::builtin_models().create("linear", {}, Task::kRegression);
  ASSERT_TRUE(unfitted.is_ok());
  const std::string root = make_temp_dir();
  auto meta = sample_metadata();
  meta.algorithm = "linear";
  EXPECT_FALSE(ml::write_artifact(root + "/out", **unfitted, meta).is_ok());
  EXPECT_TRUE(fs::is_empty(root));
  fs::remove_all(root);
}

TEST(Artifact, LoadErrorsNameTheProblem) {
  const std::string root = make_temp_dir();
  auto r = ml::load_artifact(root, ml::builtin_models());
  ASSERT_FALSE(r.is_ok());
  EXPECT_NE(r.status().message().find("metadata.json"), std::string::npos);
  auto meta = sample_metadata();
  meta.native_files = {"model.json"};
  std::ofstream(root + "/metadata.json") << ml::metadata_to_json(meta).dump();
  r = ml::load_artifact(root, ml::builtin_models());
  ASSERT_FALSE(r.is_ok());
  EXPECT_NE(r.status().message().find("'model.json' is missing"), std::string::npos);
  meta.algorithm = "xgbost";
  std::ofstream(root + "/metadata.json") << ml::metadata_to_json(meta).dump();
  r = ml::load_artifact(root, ml::builtin_models());
  EXPECT_NE(r.status().message().find("did you mean 'xgboost'"), std::string::npos);
  fs::remove_all(root);
}

TEST(Artifact, CheckFeaturesListsMissingExtraAndReordered) {
  const auto meta = sample_metadata();  // x0, x1, x2
  EXPECT_TRUE(ml::check_features(meta, {"x0", "x1", "x2"}).is_ok());
  auto s = ml::check_features(meta, {"x0", "x2", "y"});
  ASSERT_FALSE(s.is_ok());
  EXPECT_NE(s.message().find("missing: 'x1'"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("extra: 'y'"), std::string::npos) << s.message();
  EXPECT_EQ(s.message().find("another order"), std::string::npos) << s.message();
  s = ml::check_features(meta, {"x1", "x0", "x2"});
  ASSERT_FALSE(s.is_ok());
  EXPECT_NE(s.message().find("in another order: 'x0', 'x1'"), std::string::npos) << s.message();
  EXPECT_EQ(s.message().find("missing"), std::string::npos);
}

TEST(Artifact, HashesAreFnv1a64) {
  // Published FNV-1a 64-bit test vectors (offset basis, "a", "foobar").
  EXPECT_EQ(ml::content_hash(""), "fnv1a64:cbf29ce484222325");
  EXPECT_EQ(ml::content_hash("a"), "fnv1a64:af63dc4c8601ec8c");
  EXPECT_EQ(ml::content_hash("foobar"), "fnv1a64:85944171f73967e8");
  // The training hash is FNV-1a over the documented byte layout.
  ml::FeatureMatrix x{{"a"}, {1.5}, 1};
  std::string bytes;
  auto u64 = [&](uint64_t v) {
    for (int i = 0; i < 8; ++i) bytes.push_back(static_cast<char>(v >> (8 * i)));
  };
  auto real = [&](double v) {
    uint64_t b;
    std::memcpy(&b, &v, 8);
    u64(b);
  };
  u64(1);
  u64(1);
  bytes += std::string("a", 2);  // the name and its 0 byte
  real(1.5);
  u64(1);
  real(0.0);
  EXPECT_EQ(ml::training_data_hash(x, {0.0}), ml::content_hash(bytes));
  const auto h = ml::training_data_hash(x, {0.0});
  EXPECT_NE(ml::training_data_hash(x, {1.0}), h);
  x.names[0] = "b";
  EXPECT_NE(ml::training_data_hash(x, {0.0}), h);
  // Every NaN hashes alike.
  ml::FeatureMatrix n1{{"a"}, {std::nan("")}, 1}, n2{{"a"}, {-std::nan("7")}, 1};
  EXPECT_EQ(ml::training_data_hash(n1, {}), ml::training_data_hash(n2, {}));
}

}  // namespace
}  // namespace nocode::testing
