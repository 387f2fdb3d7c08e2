// Data resolution: symbol/timeframe lookup in a data directory, symbol
// normalisation, errors listing what was looked for, customDataset paths and
// column mapping, and path escapes.
#include "engine/data_resolver.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "engine/plan_builder.h"

namespace nocode::engine::testing {
namespace {

namespace fs = std::filesystem;

Step source(const std::string& symbol, const std::string& tf) {
  Step s;
  s.node_id = "data-1";
  s.type = "dataSource";
  s.kind = StepKind::kDataSource;
  s.params = {{"symbol", symbol}, {"timeframe", tf}};
  return s;
}

Step dataset(const std::string& file, nlohmann::json extra = nlohmann::json::object()) {
  Step s;
  s.node_id = "ds-1";
  s.type = "customDataset";
  s.kind = StepKind::kCustomDataset;
  s.params = {{"fileName", file}};
  s.params.update(extra);
  return s;
}

class DataResolverTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = nocode::testing::make_temp_dir();
    fs::create_directories(dir_ + "/data/btcusd");
    fs::create_directories(dir_ + "/data/sub");
    write_bars(dir_ + "/data/btcusd/1h.csv", {1, 2, 3});
    write_bars(dir_ + "/data/ETH-USD_4H.csv", {1, 2, 3, 4});
    write_bars(dir_ + "/data/EURUSD_1M.csv", {1, 2});
    write_bars(dir_ + "/data/GOOG.csv", {1, 2, 3, 4, 5});
    write_bars(dir_ + "/data/sub/mine.csv", {5, 6});
    write_bars(dir_ + "/outside.csv", {7});
  }
  void TearDown() override { fs::remove_all(dir_); }
  DataResolver resolver() const { return DataResolver({"", dir_ + "/data"}); }
  std::string dir_;
};

TEST(NormalizeSymbol, RemovesSeparatorsAndCase) {
  EXPECT_EQ(normalize_symbol("BTC/USD"), "BTCUSD");
  EXPECT_EQ(normalize_symbol("btc-usd"), "BTCUSD");
  EXPECT_EQ(normalize_symbol(" Eur_Usd "), "EURUSD");
}

TEST_F(DataResolverTest, SymbolDirectoryWithTimeframeFile) {
  auto ref = resolver().locate(source("BTC/USD", "1h"));
  ASSERT_TRUE(ref.is_ok()) << ref.status().message();
  EXPECT_EQ(fs::path(ref->path).filename(), "1h.csv");
  EXPECT_TRUE(ref->note.empty());
  auto bars = resolver().load(*ref, source("BTC/USD", "1h"));
  ASSERT_TRUE(bars.is_ok());
  EXPECT_EQ(bars->rows(), 3u);
}

TEST_F(DataResolverTest, SymbolUnderscoreTimeframeFile) {
  auto ref = resolver().locate(source("ethusd", "4h"));
  ASSERT_TRUE(ref.is_ok()) << ref.status().message();
  EXPECT_EQ(fs::path(ref->path).filename(), "ETH-USD_4H.csv");
}

TEST_F(DataResolverTest, MonthIsNotMinute) {
  EXPECT_TRUE(resolver().locate(source("EUR/USD", "1M")).is_ok());
  auto minute = resolver().locate(source("EUR/USD", "1m"));
  ASSERT_FALSE(minute.is_ok());
}

TEST_F(DataResolverTest, BareSymbolFileIsUsedWithANote) {
  auto ref = resolver().locate(source("GOOG", "1d"));
  ASSERT_TRUE(ref.is_ok()) << ref.status().message();
  EXPECT_EQ(fs::path(ref->path).filename(), "GOOG.csv");
  EXPECT_NE(ref->note.find("not checked"), std::string::npos);
}

TEST_F(DataResolverTest, MissingSymbolListsWhatWasLookedFor) {
  auto ref = resolver().locate(source("AAPL", "1h"));
  ASSERT_FALSE(ref.is_ok());
  const std::string& m = ref.status().message();
  EXPECT_NE(m.find("data-1"), std::string::npos) << m;
  EXPECT_NE(m.find("AAPL/1h.csv"), std::string::npos) << m;
  EXPECT_NE(m.find("AAPL_1h.csv"), std::string::npos) << m;
  EXPECT_NE(m.find("AAPL.csv"), std::string::npos) << m;
}

TEST_F(DataResolverTest, NoDataOptionsIsAClearError) {
  DataResolver none({"", ""});
  auto ref = none.locate(source("AAPL", "1h"));
  ASSERT_FALSE(ref.is_ok());
  EXPECT_NE(ref.status().message().find("--data-dir"), std::string::npos);
}

TEST_F(DataResolverTest, DataFileFeedsEverySource) {
  DataResolver one({dir_ + "/outside.csv", ""});
  auto a = one.locate(source("AAPL", "1h"));
  auto b = one.locate(dataset("whatever.csv"));
  ASSERT_TRUE(a.is_ok() && b.is_ok());
  EXPECT_EQ(a->path, b->path);
}

TEST_F(DataResolverTest, CustomDatasetRelativeToTheDataDir) {
  auto ref = resolver().locate(dataset("sub/mine.csv"));
  ASSERT_TRUE(ref.is_ok()) << ref.status().message();
  auto bars = resolver().load(*ref, dataset("sub/mine.csv"));
  ASSERT_TRUE(bars.is_ok());
  EXPECT_EQ(*bars->column("close"), (std::vector<double>{5, 6}));
}

TEST_F(DataResolverTest, PathEscapesAreErrors) {
  for (const std::string bad : {"../outside.csv", "sub/../../outside.csv", "/etc/passwd"}) {
    auto ref = resolver().locate(dataset(bad));
    ASSERT_FALSE(ref.is_ok()) << bad;
    EXPECT_NE(ref.status().message().find("leaves the data directory"), std::string::npos)
        << ref.status().message();
  }
  auto none = resolver().locate(dataset("No file uploaded"));
  ASSERT_FALSE(none.is_ok());
  EXPECT_NE(none.status().message().find("no file"), std::string::npos);
}

TEST_F(DataResolverTest, CustomDatasetColumnMapping) {
  {
    std::ofstream out(dir_ + "/data/mapped.csv");
    out << "When,O,H,L,Last,Raw Close\n2020-01-01,1,2,0.5,1.5,9\n2020-01-02,2,3,1.5,2.5,9\n";
  }
  const Step s = dataset("mapped.csv", {{"dateColumn", "When"},
                                        {"openColumn", "O"},
                                        {"highColumn", "H"},
                                        {"lowColumn", "L"},
                                        {"closeColumn", "Last"},
                                        {"volumeColumn", "Volume"}});
  auto ref = resolver().locate(s);
  ASSERT_TRUE(ref.is_ok()) << ref.status().message();
  auto bars = resolver().load(*ref, s);
  ASSERT_TRUE(bars.is_ok()) << bars.status().message();
  EXPECT_EQ(*bars->column("close"), (std::vector<double>{1.5, 2.5}));
  EXPECT_EQ(*bars->column("high"), (std::vector<double>{2, 3}));
}

TEST_F(DataResolverTest, RestrictRowsRejectsBadDatesAndEmptyRanges) {
  Frame f({1, 2, 3});
  ASSERT_TRUE(f.set_column("close", {1, 2, 3}).is_ok());
  EXPECT_FALSE(restrict_rows(f, {{"startDate", "yesterday"}}, "d").is_ok());
  auto empty = restrict_rows(f, {{"startDate", "2030-01-01"}}, "d");
  ASSERT_FALSE(empty.is_ok());
  EXPECT_NE(empty.status().message().find("no bars left"), std::string::npos);
  auto last2 = restrict_rows(f, {{"bars", 2}}, "d");
  ASSERT_TRUE(last2.is_ok());
  EXPECT_EQ(*last2->column("close"), (std::vector<double>{2, 3}));
}

}  // namespace
}  // namespace nocode::engine::testing
