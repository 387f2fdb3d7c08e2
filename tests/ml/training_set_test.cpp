// Training set assembly on hand-made columns: warm-up and label-horizon rows,
// the NaN policies (impute with TRAIN medians only), task inference and label
// encoding, scoring rows.
#include "ml/training_set.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

namespace nocode::ml {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
using P = Part;

struct Columns {
  std::vector<std::string> names = {"a", "b"};
  // rows:        0     1     2    3     4    5    6    7    8    9
  std::vector<std::vector<double>> features = {
      {kNaN, kNaN, 1.0, 2.0, 3.0, kNaN, 5.0, 6.0, 7.0, 8.0},
      {kNaN, 10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0}};
  std::vector<double> label = {1, 0, 1, 0, 1, 1, 0, 1, kNaN, kNaN};
  std::vector<Part> parts = {P::kTrain, P::kTrain, P::kTrain, P::kTrain, P::kTrain,
                             P::kTrain, P::kValidation, P::kTest, P::kTest, P::kTest};
};

TEST(TrainingSetTest, DropPolicyDropsWarmupHorizonAndMissingRows) {
  Columns c;
  auto set = assemble_training_set(c.names, c.features, c.label, c.parts, LabelKind::kDirection, {});
  ASSERT_TRUE(set.is_ok()) << set.status().message();
  EXPECT_EQ(set->encoding.task, Task::kBinary);
  EXPECT_EQ(set->warmup_rows, 2u);
  EXPECT_EQ(set->unlabeled_rows, 2u);
  EXPECT_EQ(set->dropped_nan_rows, 1u);  // row 5
  EXPECT_EQ(set->train.rows, (std::vector<size_t>{2, 3, 4}));
  EXPECT_EQ(set->train.features.values, (std::vector<double>{1, 20, 2, 30, 3, 40}));
  EXPECT_EQ(set->train.label, (std::vector<double>{1, 0, 1}));
  EXPECT_EQ(set->validation.rows, (std::vector<size_t>{6}));
  EXPECT_EQ(set->test.rows, (std::vector<size_t>{7}));
  EXPECT_TRUE(set->fill.empty());
}

TEST(TrainingSetTest, ImputeUsesTrainMediansOnly) {
  Columns c;
  c.features[0][7] = kNaN;  // a test row: filled with the TRAIN median
  TrainingSetOptions o;
  o.nan_policy = NanPolicy::kImpute;
  auto set = assemble_training_set(c.names, c.features, c.label, c.parts, LabelKind::kDirection, o);
  ASSERT_TRUE(set.is_ok());
  // Train rows after warm-up with a label: 2..5; a = {1, 2, 3} (5 is NaN) -> median 2;
  // b = {20, 30, 40, 50} -> median 35.
  EXPECT_EQ(set->fill, (std::vector<double>{2.0, 35.0}));
  EXPECT_EQ(set->train.rows, (std::vector<size_t>{2, 3, 4, 5}));
  EXPECT_EQ(set->train.features.values[6], 2.0);  // row 5's a
  ASSERT_EQ(set->test.rows, (std::vector<size_t>{7}));
  EXPECT_EQ(set->test.features.values, (std::vector<double>{2.0, 70.0}));
  const RowSet score = scoring_rows(c.names, c.features, set->fill);
  EXPECT_EQ(score.rows, (std::vector<size_t>{2, 3, 4, 5, 6, 7, 8, 9}));
}

TEST(TrainingSetTest, ScoringRowsWithoutFillSkipIncompleteRows) {
  Columns c;
  const RowSet score = scoring_rows(c.names, c.features, {});
  EXPECT_EQ(score.rows, (std::vector<size_t>{2, 3, 4, 6, 7, 8, 9}));
}

TEST(TrainingSetTest, TaskInferenceAndEncoding) {
  auto fr = infer_label_encoding(LabelKind::kForwardReturn, {0.01, -0.02, kNaN}, std::nullopt);
  ASSERT_TRUE(fr.is_ok());
  EXPECT_EQ(fr->task, Task::kRegression);
  auto bin = infer_label_encoding(LabelKind::kDirection, {0, 1, 1, kNaN}, std::nullopt);
  EXPECT_EQ(bin->task, Task::kBinary);
  auto tri = infer_label_encoding(LabelKind::kTripleBarrier, {-1, 0, 1, 1}, std::nullopt);
  ASSERT_TRUE(tri.is_ok());
  EXPECT_EQ(tri->task, Task::kMulticlass);
  EXPECT_EQ(tri->classes, 3u);
  EXPECT_EQ(tri->encode(-1), 0.0);
  EXPECT_EQ(tri->encode(1), 2.0);
  EXPECT_EQ(tri->decode_score(0), -1.0);
  EXPECT_EQ(tri->decode_score(2), 1.0);
  // A forward return learned as binary: up (> 0) is 1.
  auto over = infer_label_encoding(LabelKind::kForwardReturn, {0.01, -0.02, 0}, Task::kBinary);
  EXPECT_EQ(over->encode(0.01), 1.0);
  EXPECT_EQ(over->encode(0), 0.0);
  EXPECT_FALSE(infer_label_encoding(LabelKind::kForwardReturn, {0.5, 0.25}, Task::kMulticlass).is_ok());
  EXPECT_EQ(label_kind_of_column("lab.forward_return"), LabelKind::kForwardReturn);
  EXPECT_EQ(label_kind_of_column("up-5.direction"), LabelKind::kDirection);
  EXPECT_EQ(label_kind_of_column("x.rsi"), LabelKind::kOther);
}

TEST(TrainingSetTest, Errors) {
  Columns c;
  std::vector<Part> none(10, P::kTest);
  auto no_train = assemble_training_set(c.names, c.features, c.label, none, LabelKind::kDirection, {});
  ASSERT_FALSE(no_train.is_ok());
  EXPECT_NE(no_train.status().message().find("no training rows"), std::string::npos);
  EXPECT_FALSE(assemble_training_set({}, {}, c.label, c.parts, LabelKind::kDirection, {}).is_ok());
  EXPECT_FALSE(parse_nan_policy("zero").is_ok());
  EXPECT_FALSE(parse_task("ranking").is_ok());
}

}  // namespace
}  // namespace nocode::ml
