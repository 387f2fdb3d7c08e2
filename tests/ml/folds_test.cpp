// Walk-forward and purged k-fold: hand-worked layouts, and the rules checked
// for every fold over many option combinations (train before test for
// walk-forward, no overlap, gap/purge/embargo rows absent from train, tests
// in time order), plus the "needs at least N rows" errors.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ml/split.h"

namespace nocode::ml {
namespace {

bool in_train(const Fold& f, size_t row) {
  for (const Range& r : f.train)
    if (r.contains(row)) return true;
  return false;
}

bool has(const Status& s, const std::string& part) {
  return s.message().find(part) != std::string::npos;
}

TEST(WalkForward, ExpandingByHand) {
  // 12 rows, 3 folds of 2: tests [6,8) [8,10) [10,12); gap 1; embargo 1.
  WalkForwardOptions o;
  o.folds = 3;
  o.test_size = 2;
  o.gap = 1;
  o.embargo = 1;
  auto folds = walk_forward(12, o);
  ASSERT_TRUE(folds.is_ok()) << folds.status().message();
  ASSERT_EQ(folds->size(), 3u);
  EXPECT_EQ((*folds)[0].test, (Range{6, 8}));
  EXPECT_EQ((*folds)[0].train, (std::vector<Range>{{0, 5}}));
  EXPECT_EQ((*folds)[1].train, (std::vector<Range>{{0, 7}}));  // embargo row 8 lies past it
  EXPECT_EQ((*folds)[2].test, (Range{10, 12}));
  EXPECT_EQ((*folds)[2].train, (std::vector<Range>{{0, 8}}));  // row 8 embargoed after [6,8)
}

TEST(WalkForward, RollingWindowAndAutoTestSize) {
  WalkForwardOptions o;
  o.folds = 4;
  o.window = WindowKind::kRolling;
  o.train_size = 10;
  auto folds = walk_forward(50, o);  // auto test size 50 / 5 = 10
  ASSERT_TRUE(folds.is_ok()) << folds.status().message();
  for (size_t i = 0; i < 4; ++i) {
    EXPECT_EQ((*folds)[i].test, (Range{10 + 10 * i, 20 + 10 * i}));
    EXPECT_EQ((*folds)[i].train, (std::vector<Range>{{10 * i, 10 + 10 * i}}));
  }
}

TEST(WalkForward, RulesHoldForEveryFold) {
  for (size_t rows : {40u, 57u, 200u})
    for (size_t folds : {1u, 3u, 5u})
      for (size_t gap : {0u, 2u})
        for (size_t embargo : {0u, 3u})
          for (WindowKind w : {WindowKind::kExpanding, WindowKind::kRolling}) {
            WalkForwardOptions o{folds, w, 0, 0, gap, embargo};
            const size_t first_test = rows - folds * (rows / (folds + 1));
            auto r = walk_forward(rows, o);
            ASSERT_TRUE(r.is_ok()) << r.status().message();
            const auto& fs = *r;
            ASSERT_EQ(fs.size(), folds);
            EXPECT_EQ(fs.back().test.end, rows);
            for (size_t i = 0; i < fs.size(); ++i) {
              const Fold& f = fs[i];
              ASSERT_FALSE(f.train.empty());
              EXPECT_EQ(f.test.size(), rows / (folds + 1));
              if (i > 0) {
                EXPECT_EQ(f.test.begin, fs[i - 1].test.end);
              }
              EXPECT_LE(f.train.back().end + gap, f.test.begin);  // gap honoured
              if (w == WindowKind::kRolling) {
                EXPECT_LE(f.train_rows(), first_test - gap);
              } else {
                EXPECT_EQ(f.train.front().begin, 0u);
              }
              for (size_t j = 0; j < i; ++j)  // embargo after earlier tests
                for (size_t e = fs[j].test.end; e < fs[j].test.end + embargo; ++e)
                  EXPECT_FALSE(in_train(f, e)) << "fold " << i << " row " << e;
            }
          }
}

TEST(WalkForward, Errors) {
  WalkForwardOptions o;
  o.folds = 5;
  o.test_size = 10;
  o.gap = 3;
  auto few = walk_forward(50, o);
  ASSERT_FALSE(few.is_ok());
  EXPECT_TRUE(has(few.status(), "needs at least 54 rows")) << few.status().message();  // 1 + 3 + 50
  EXPECT_TRUE(walk_forward(54, o).is_ok());
  o.folds = 0;
  EXPECT_FALSE(walk_forward(100, o).is_ok());
  WalkForwardOptions huge;
  huge.folds = 2'000'000;
  EXPECT_TRUE(has(walk_forward(100, huge).status(), "folds must be <="));
  huge.folds = 2;
  huge.gap = static_cast<size_t>(-1);
  EXPECT_TRUE(has(walk_forward(100, huge).status(), "gap must be <="));
  EXPECT_FALSE(purged_kfold(100, {2, static_cast<size_t>(-1), 0}).is_ok());
  WalkForwardOptions autos;
  autos.folds = 5;
  EXPECT_TRUE(has(walk_forward(5, autos).status(), "needs at least 6 rows"));
  // Rolling windows of 30 - 25 - 2 = 3 rows lie wholly in the embargo of the test
  // block two folds back; with 31 rows the windows are 4 long and keep a row.
  WalkForwardOptions rolling{5, WindowKind::kRolling, 0, 0, 2, 3};
  EXPECT_TRUE(has(walk_forward(30, rolling).status(), "needs at least 31 rows"));
  EXPECT_TRUE(walk_forward(31, rolling).is_ok());
}

TEST(PurgedKFold, ByHand) {
  // 10 rows, 3 folds: [0,4) [4,7) [7,10); horizon 1, embargo 1.
  auto folds = purged_kfold(10, {3, 1, 1});
  ASSERT_TRUE(folds.is_ok()) << folds.status().message();
  ASSERT_EQ(folds->size(), 3u);
  EXPECT_EQ((*folds)[0].test, (Range{0, 4}));
  EXPECT_EQ((*folds)[0].train, (std::vector<Range>{{6, 10}}));  // purge 4, embargo 5
  EXPECT_EQ((*folds)[1].test, (Range{4, 7}));
  EXPECT_EQ((*folds)[1].train, (std::vector<Range>{{0, 3}, {9, 10}}));  // purge 3 and 7, embargo 8
  EXPECT_EQ((*folds)[2].test, (Range{7, 10}));
  EXPECT_EQ((*folds)[2].train, (std::vector<Range>{{0, 6}}));  // purge 6
}

TEST(PurgedKFold, NoTrainLabelOverlapsATestLabel) {
  for (size_t rows : {20u, 53u, 120u})
    for (size_t k : {2u, 3u, 5u})
      for (size_t h : {0u, 1u, 4u})
        for (size_t e : {0u, 2u}) {
          auto r = purged_kfold(rows, {k, h, e});
          ASSERT_TRUE(r.is_ok()) << r.status().message();
          size_t covered = 0;
          for (size_t i = 0; i < r->size(); ++i) {
            const Fold& f = (*r)[i];
            EXPECT_EQ(f.test.begin, covered);
            covered = f.test.end;
            for (size_t row = 0; row < rows; ++row) {
              if (f.test.contains(row)) {
                EXPECT_FALSE(in_train(f, row));
                continue;
              }
              // Label spans [row, row + h] and [a, b - 1 + h] overlap; embargo after b + h.
              const bool overlaps = row + h >= f.test.begin && row <= f.test.end - 1 + h;
              const bool embargoed = row >= f.test.end + h && row < f.test.end + h + e;
              EXPECT_EQ(in_train(f, row), !overlaps && !embargoed)
                  << "rows " << rows << " k " << k << " h " << h << " e " << e << " row " << row;
            }
          }
          EXPECT_EQ(covered, rows);
        }
}

TEST(PurgedKFold, Errors) {
  EXPECT_FALSE(purged_kfold(100, {1, 0, 0}).is_ok());
  auto few = purged_kfold(4, {5, 0, 0});
  ASSERT_FALSE(few.is_ok());
  EXPECT_TRUE(has(few.status(), "needs at least 5 rows")) << few.status().message();
  // 2 folds, horizon 3, embargo 2: fold 0 of r rows is [0, ceil(r/2)) and keeps
  // train rows from ceil(r/2) + 5 on, so r - ceil(r/2) >= 6: r = 12.
  auto purged = purged_kfold(10, {2, 3, 2});
  ASSERT_FALSE(purged.is_ok());
  EXPECT_TRUE(has(purged.status(), "needs at least 12 rows")) << purged.status().message();
  EXPECT_TRUE(purged_kfold(12, {2, 3, 2}).is_ok());
}

}  // namespace
}  // namespace nocode::ml
