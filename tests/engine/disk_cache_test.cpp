// The on-disk node cache: a run in a second Engine with its own (empty)
// memory cache and the same cache directory reuses every stored step, a
// parameter change recomputes only what depends on it, and corrupt,
// truncated or foreign files are ignored (recomputed, with a note).
#include "engine/disk_cache.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>

#include "engine/plan_builder.h"

namespace nocode::engine::testing {
namespace {

namespace fs = std::filesystem;

class DiskCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = nocode::testing::make_temp_dir();
    options_.data.data_file = write_bars(dir_ + "/tiny.csv", kClose);
    options_.disk_cache.dir = dir_ + "/cache";
    ASSERT_TRUE(options_.disk_cache.validate().is_ok());
  }
  void TearDown() override { fs::remove_all(dir_); }

  // A run in a fresh Engine with a fresh memory cache: only the disk is shared.
  RunResult fresh_run(const Plan& plan) {
    NodeCache memory;
    Engine engine(memory);
    Result<RunResult> r = engine.run(plan, options_);
    EXPECT_TRUE(r.is_ok()) << r.status().message();
    return r.is_ok() ? std::move(*r) : RunResult{};
  }
  std::vector<fs::path> cache_files() const {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(options_.disk_cache.dir)) out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
  }

  std::string dir_;
  RunOptions options_;
};

void expect_same_outputs(const RunResult& a, const RunResult& b) {
  ASSERT_EQ(a.features.names(), b.features.names());
  for (size_t c = 0; c < a.features.columns(); ++c) {
    const auto& x = a.features.column_at(c);
    const auto& y = b.features.column_at(c);
    ASSERT_EQ(x.size(), y.size());
    for (size_t i = 0; i < x.size(); ++i) {
      if (std::isnan(x[i])) EXPECT_TRUE(std::isnan(y[i])) << a.features.names()[c] << " row " << i;
      else EXPECT_EQ(x[i], y[i]) << a.features.names()[c] << " row " << i;
    }
  }
  EXPECT_EQ(a.features.timestamps(), b.features.timestamps());
  EXPECT_EQ(a.signals.names(), b.signals.names());
  for (size_t c = 0; c < a.signals.columns(); ++c)
    EXPECT_EQ(a.signals.column_at(c), b.signals.column_at(c));
  ASSERT_EQ(a.actions.size(), b.actions.size());
  for (size_t k = 0; k < a.actions.size(); ++k) {
    EXPECT_EQ(a.actions[k].node_id, b.actions[k].node_id);
    EXPECT_EQ(a.actions[k].decision, b.actions[k].decision);
    EXPECT_EQ(a.actions[k].bars, b.actions[k].bars);
    EXPECT_EQ(a.actions[k].timestamps, b.actions[k].timestamps);
  }
}

TEST_F(DiskCacheTest, SecondEngineIsServedEntirelyFromDisk) {
  const RunResult first = fresh_run(crossing_plan(3));
  EXPECT_EQ(first.counters.computed, 5u);
  EXPECT_EQ(first.counters.disk_hits, 0u);
  EXPECT_EQ(cache_files().size(), 5u);  // one file a step, no temporary left
  const RunResult second = fresh_run(crossing_plan(3));
  EXPECT_EQ(second.counters.computed, 0u);
  EXPECT_EQ(second.counters.cache_hits, 5u);
  EXPECT_EQ(second.counters.disk_hits, 5u);
  EXPECT_EQ(second.counters.kernel_executions, 0u);
  EXPECT_TRUE(second.notes.empty());
  expect_same_outputs(first, second);
  // The crossover fires on the bars a naive check finds: sma2 crosses above sma3.
  ASSERT_EQ(second.actions.size(), 1u);
  EXPECT_FALSE(second.actions[0].bars.empty());
}

TEST_F(DiskCacheTest, ParameterChangeRecomputesOnlyDependents) {
  fresh_run(crossing_plan(3));
  const RunResult r = fresh_run(crossing_plan(4));
  std::vector<std::string> computed;
  for (const auto& s : r.steps)
    if (!s.cached) computed.push_back(s.node_id);
  EXPECT_EQ(computed, (std::vector<std::string>{"slow", "x", "buy"}));
  EXPECT_EQ(r.counters.disk_hits, 2u);
  // And the result equals a run without any cache.
  RunOptions plain = options_;
  plain.disk_cache.dir.clear();
  NodeCache memory;
  Result<RunResult> ref = Engine(memory).run(crossing_plan(4), plain);
  ASSERT_TRUE(ref.is_ok());
  expect_same_outputs(*ref, r);
}

TEST_F(DiskCacheTest, ChangedDataFileInvalidatesEverything) {
  fresh_run(crossing_plan(3));
  std::vector<double> other = kClose;
  other.push_back(14);
  write_bars(options_.data.data_file, other);
  const RunResult r = fresh_run(crossing_plan(3));
  EXPECT_EQ(r.counters.disk_hits, 0u);
  EXPECT_EQ(r.counters.computed, 5u);
  EXPECT_EQ(r.features.rows(), other.size());
}

TEST_F(DiskCacheTest, CorruptTruncatedAndForeignFilesAreRecomputed) {
  const RunResult first = fresh_run(crossing_plan(3));
  const auto files = cache_files();
  ASSERT_EQ(files.size(), 5u);
  {  // flip one payload byte of the first file
    std::fstream f(files[0], std::ios::in | std::ios::out | std::ios::binary);
    f.seekg(60);
    char c = 0;
    f.get(c);
    f.seekp(60);
    f.put(static_cast<char>(c ^ 0x5a));
  }
  fs::resize_file(files[1], fs::file_size(files[1]) - 3);  // truncated
  std::ofstream(files[2], std::ios::binary | std::ios::trunc) << "garbage";
  fs::copy_file(files[4], files[3], fs::copy_options::overwrite_existing);  // another key's file
  const RunResult r = fresh_run(crossing_plan(3));
  EXPECT_EQ(r.counters.computed, 4u);
  EXPECT_EQ(r.counters.disk_hits, 1u);
  EXPECT_EQ(r.notes.size(), 4u);
  for (const auto& n : r.notes) EXPECT_NE(n.find("recomputed"), std::string::npos) << n;
  expect_same_outputs(first, r);
  // The recomputed outputs were written again: a third run is all hits.
  EXPECT_EQ(fresh_run(crossing_plan(3)).counters.disk_hits, 5u);
}

TEST_F(DiskCacheTest, SizeCapEvictsLeastRecentlyUsed) {
  fresh_run(crossing_plan(3));
  uint64_t total = 0;
  for (const auto& f : cache_files()) total += fs::file_size(f);
  options_.disk_cache.max_bytes = total + total / 10;  // room for five files, not eight
  fresh_run(crossing_plan(4));            // adds "slow", "x", "buy" for period 4
  total = 0;
  for (const auto& f : cache_files()) total += fs::file_size(f);
  EXPECT_LE(total, options_.disk_cache.max_bytes);
  // The steps of the latest run survive (they were used last).
  EXPECT_EQ(fresh_run(crossing_plan(4)).counters.disk_hits, 5u);
}

TEST(DiskCacheOptions, UncreatableDirectoryIsAnError) {
  DiskCacheOptions o;
  o.dir = "/proc/no-such-dir/cache";
  EXPECT_FALSE(o.validate().is_ok());
}

}  // namespace
}  // namespace nocode::engine::testing
