// The CSV loader: the shared real files against an independent naive parser
// (strtod + timegm, bit-identical doubles), every timestamp format, layout
// variations, every validation error (file:line:column and what was
// expected) and repairs only when asked.
#include "data/csv_loader.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>

#include "data/timestamp.h"
#include "support/test_data.h"

namespace nocode::testing {
namespace {

// ---------------------------------------------------------------------------
// Independent reference: getline/strtod/sscanf/timegm.

int64_t naive_timestamp(const std::string& s) {
  std::tm tm{};
  int sec = 0;
  const int n = std::sscanf(s.c_str(), "%d-%d-%d %d:%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                            &tm.tm_hour, &tm.tm_min, &sec);
  EXPECT_TRUE(n == 3 || n == 6) << s;
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  tm.tm_sec = sec;
  return static_cast<int64_t>(timegm(&tm)) * 1000000000;
}

struct NaiveTable {
  std::vector<std::string> header;
  std::vector<int64_t> timestamps;
  std::vector<std::vector<double>> columns;  // header[1..]
};

NaiveTable naive_read(const std::string& path) {
  std::ifstream in(path);
  NaiveTable t;
  std::string line, cell;
  std::getline(in, line);
  std::stringstream hs(line);
  while (std::getline(hs, cell, ',')) t.header.push_back(cell);
  t.columns.resize(t.header.size() - 1);
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::stringstream ss(line);
    std::getline(ss, cell, ',');
    t.timestamps.push_back(naive_timestamp(cell));
    for (auto& col : t.columns) {
      std::getline(ss, cell, ',');
      col.push_back(std::strtod(cell.c_str(), nullptr));
    }
  }
  return t;
}

bool bit_equal(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

struct SharedCase {
  const char* file;
  size_t rows;
  const char* first;
  const char* last;
  std::vector<std::string> columns;
};

class SharedFiles : public ::testing::TestWithParam<SharedCase> {};

TEST_P(SharedFiles, MatchNaiveParseBitForBit) {
  const SharedCase& c = GetParam();
  const std::string path = shared_data_dir() + "/" + c.file;
  auto frame = load_csv(path);
  ASSERT_TRUE(frame.is_ok()) << frame.status().to_string();
  const NaiveTable want = naive_read(path);
  ASSERT_EQ(frame->rows(), c.rows);
  ASSERT_EQ(want.timestamps.size(), c.rows);
  EXPECT_EQ(frame->names(), c.columns);
  EXPECT_EQ(format_timestamp(frame->timestamps().front()), c.first);
  EXPECT_EQ(format_timestamp(frame->timestamps().back()), c.last);
  EXPECT_EQ(frame->timestamps(), want.timestamps);
  ASSERT_EQ(frame->columns(), want.columns.size());
  for (size_t k = 0; k < want.columns.size(); ++k) {
    const auto& got = frame->column_at(k);
    size_t mismatches = 0;
    for (size_t i = 0; i < c.rows; ++i) mismatches += !bit_equal(got[i], want.columns[k][i]);
    EXPECT_EQ(mismatches, 0u) << c.file << " column " << c.columns[k];
  }
  EXPECT_TRUE(frame->has_ohlc());
}

INSTANTIATE_TEST_SUITE_P(
    Data, SharedFiles,
    ::testing::Values(SharedCase{"GOOG.csv",
                                 2148,
                                 "2004-08-19",
                                 "2013-03-01",
                                 {"open", "high", "low", "close", "volume"}},
                      SharedCase{"EURUSD.csv",
                                 5000,
                                 "2017-04-19 09:00:00",
                                 "2018-02-07 15:00:00",
                                 {"open", "high", "low", "close", "volume"}},
                      SharedCase{"orcl-1995-2014.txt",
                                 5036,
                                 "1995-01-03",
                                 "2014-12-31",
                                 {"open", "high", "low", "close", "adj_close", "volume"}},
                      SharedCase{"2006-day-001.txt",
                                 255,
                                 "2006-01-02",
                                 "2006-12-29",
                                 {"open", "high", "low", "close", "volume", "openinterest"}}),
    [](const auto& info) {
      std::string n = info.param.file;
      for (char& ch : n)
        if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
      return n;
    });

TEST(SharedFiles, GoogFirstRowValues) {
  auto f = load_csv(shared_data_dir() + "/GOOG.csv");
  ASSERT_TRUE(f.is_ok());
  EXPECT_TRUE(bit_equal(f->open()[0], 100.0));
  EXPECT_TRUE(bit_equal(f->high()[0], 104.06));
  EXPECT_TRUE(bit_equal(f->low()[0], 95.96));
  EXPECT_TRUE(bit_equal(f->close()[0], 100.34));
  EXPECT_TRUE(bit_equal(f->volume()[0], 22351900.0));
  EXPECT_TRUE(bit_equal(f->close().back(), 806.19));
}

// ---------------------------------------------------------------------------
// Timestamps

int64_t utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d", y, mo, d, h, mi, s);
  return naive_timestamp(buf);
}

int64_t ts(const char* text) {
  auto r = parse_timestamp(text);
  EXPECT_TRUE(r.is_ok()) << text << ": " << r.status().to_string();
  return r.is_ok() ? *r : 0;
}

TEST(Timestamp, Formats) {
  EXPECT_EQ(ts("2004-08-19"), utc(2004, 8, 19));
  EXPECT_EQ(ts("2004/08/19"), utc(2004, 8, 19));
  EXPECT_EQ(ts("2004-8-9"), utc(2004, 8, 9));
  EXPECT_EQ(ts("  2004-08-19  "), utc(2004, 8, 19));
  EXPECT_EQ(ts("2017-04-19 09:00:00"), utc(2017, 4, 19, 9));
  EXPECT_EQ(ts("2017-04-19 09:30"), utc(2017, 4, 19, 9, 30));
  EXPECT_EQ(ts("2017-04-19T09:00:00"), utc(2017, 4, 19, 9));
  EXPECT_EQ(ts("2017-04-19T09:00:00Z"), utc(2017, 4, 19, 9));
  EXPECT_EQ(ts("2017-04-19T09:00:00.5Z"), utc(2017, 4, 19, 9) + 500000000);
  EXPECT_EQ(ts("2017-04-19 09:00:00.123456789"), utc(2017, 4, 19, 9) + 123456789);
  EXPECT_EQ(ts("2017-04-19 09:00:00,25"), utc(2017, 4, 19, 9) + 250000000);
  EXPECT_EQ(ts("2017-04-19 09:00:00.1234567891"), utc(2017, 4, 19, 9) + 123456789);
  EXPECT_EQ(ts("2017-04-19T09:00:00+02:00"), utc(2017, 4, 19, 7));
  EXPECT_EQ(ts("2017-04-19T09:00:00-05:30"), utc(2017, 4, 19, 14, 30));
  EXPECT_EQ(ts("2017-04-19T09:00:00+0100"), utc(2017, 4, 19, 8));
  EXPECT_EQ(ts("2017-04-19T09:00:00-03"), utc(2017, 4, 19, 12));
  EXPECT_EQ(ts("2017-04-19T01:00:00+02:00"), utc(2017, 4, 18, 23));
  EXPECT_EQ(ts("2024-02-29"), utc(2024, 2, 29));
  EXPECT_EQ(ts("2000-02-29"), utc(2000, 2, 29));
  EXPECT_EQ(ts("1969-12-31 23:59:59"), -1000000000);
  EXPECT_EQ(ts("1900-03-01"), utc(1900, 3, 1));
}

TEST(Timestamp, EpochByMagnitude) {
  const int64_t t = utc(2017, 4, 19, 9);  // 1492592400 s
  EXPECT_EQ(ts("1492592400"), t);
  EXPECT_EQ(ts("1492592400.25"), t + 250000000);
  EXPECT_EQ(ts("1492592400000"), t);
  EXPECT_EQ(ts("1492592400000000"), t);
  EXPECT_EQ(ts("1492592400000000000"), t);
  EXPECT_EQ(ts("0"), 0);
  EXPECT_EQ(ts("-86400"), -86400LL * 1000000000);
  EXPECT_EQ(ts("9000000000"), 9000000000LL * 1000000000);   // seconds, year 2255
  EXPECT_EQ(ts("100000000000"), 100000000000LL * 1000000);  // smallest milliseconds value
  EXPECT_FALSE(parse_timestamp("99999999999").is_ok());     // seconds beyond 2262
}

TEST(Timestamp, Errors) {
  const char* bad[] = {"",
                       "abc",
                       "2023-02-29",
                       "2023-13-01",
                       "2023-00-10",
                       "2023-01-32",
                       "2023-01-01 24:00:00",
                       "2023-01-01 10:60",
                       "2023-01-01 10:00:60",
                       "2023-01-01X10:00",
                       "2023-01-01 10:00:00 EST",
                       "2023-01-01 10",
                       "08/19/2004",
                       "12345678901234567890",
                       "1e9",
                       "2300-01-01",
                       "1600-01-01",
                       "1492592400000.5",
                       "2023-01-01T10:00+25:00",
                       "2023-01-01 10:00:00."};
  for (const char* text : bad) {
    auto r = parse_timestamp(text);
    EXPECT_FALSE(r.is_ok()) << "'" << text << "' parsed as " << (r.is_ok() ? *r : 0);
    if (!r.is_ok()) {
      EXPECT_NE(r.status().message().find("expected a timestamp"), std::string::npos);
    }
  }
}

TEST(Timestamp, CivilDaysRoundTrip) {
  for (int64_t d = -800000; d <= 800000; d += 17) {
    const CivilDate c = civil_from_days(d);
    ASSERT_EQ(days_from_civil(c.year, c.month, c.day), d);
  }
  static_assert(days_from_civil(1970, 1, 1) == 0);
  static_assert(days_from_civil(2000, 3, 1) == 11017);
}

TEST(Timestamp, FormatRoundTrip) {
  for (const char* s : {"2004-08-19", "2017-04-19 09:00:00", "2017-04-19 09:00:00.5",
                        "1969-07-20 20:17:40", "2262-04-11"})
    EXPECT_EQ(format_timestamp(ts(s)), s);
}

// ---------------------------------------------------------------------------
// Layouts

void expect_error(const std::string& text, const std::vector<std::string>& parts,
                  const CsvOptions& opt = {});

Frame parse_ok(const std::string& text, const CsvOptions& opt = {}) {
  auto r = parse_csv(text, opt, "t.csv");
  EXPECT_TRUE(r.is_ok()) << r.status().to_string();
  return r.is_ok() ? std::move(r).value() : Frame();
}

const char* kSimple =
    "Date,Open,High,Low,Close,Volume\n"
    "2020-01-02,10,11,9,10.5,100\n"
    "2020-01-03,10.5,12,10,11.5,200\n";

void expect_simple(const Frame& f) {
  ASSERT_EQ(f.rows(), 2u);
  ASSERT_TRUE(f.has_ohlc());
  EXPECT_EQ(f.timestamps()[0], utc(2020, 1, 2));
  EXPECT_EQ(f.timestamps()[1], utc(2020, 1, 3));
  EXPECT_EQ(f.open()[1], 10.5);
  EXPECT_EQ(f.high()[1], 12.0);
  EXPECT_EQ(f.low()[0], 9.0);
  EXPECT_EQ(f.close()[0], 10.5);
  EXPECT_EQ(f.volume()[1], 200.0);
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (size_t i = s.find(from); i != std::string::npos; i = s.find(from, i + to.size()))
    s.replace(i, from.size(), to);
  return s;
}

TEST(Layout, Simple) { expect_simple(parse_ok(kSimple)); }

TEST(Layout, CrlfBomTrailingBlankLines) {
  expect_simple(parse_ok("\xEF\xBB\xBF" + replace_all(kSimple, "\n", "\r\n") + "\r\n\r\n"));
  expect_simple(parse_ok(std::string(kSimple) + "\n\n"));
  expect_simple(parse_ok(std::string(kSimple) + "\r"));
  std::string no_final_newline = kSimple;
  no_final_newline.pop_back();
  expect_simple(parse_ok(no_final_newline));
  expect_simple(parse_ok(replace_all(kSimple, "\n", "\n\n")));  // blank lines between rows
}

TEST(Layout, CaseInsensitiveNames) {
  expect_simple(parse_ok(
      replace_all(kSimple, "Date,Open,High,Low,Close,Volume", "DATE,open,HiGh,LOW,close,VOLUME")));
  expect_simple(parse_ok(replace_all(kSimple, "Date", "Timestamp")));
  expect_simple(parse_ok(replace_all(kSimple, "Date", "datetime")));
  expect_simple(parse_ok(replace_all(kSimple, "Date", "")));
}

TEST(Layout, Delimiters) {
  CsvOptions semi;
  semi.delimiter = ';';
  expect_simple(parse_ok(replace_all(kSimple, ",", ";"), semi));
  CsvOptions tab;
  tab.delimiter = '\t';
  expect_simple(parse_ok(replace_all(kSimple, ",", "\t"), tab));
}

TEST(Layout, QuotedCellsAndSpaces) {
  expect_simple(
      parse_ok("\"Date\",\"Open\",\"High\",\"Low\",\"Close\",\"Volume\"\n"
               "\"2020-01-02\",\"10\",11, 9 ,\"10.5\" ,100\n"
               "2020-01-03,\"10.5\",+12,10,11.5,\"200\"\r\n"));
}

TEST(Layout, ColumnOrderAndExtraColumns) {
  Frame f = parse_ok(
      "Volume,Close,Adj Close,Low,High,Open,Date,Open-Interest\n"
      "100,10.5,10.25,9,11,10,2020-01-02,7\n"
      "200,11.5,11.25,10,12,10.5,2020-01-03,8\n");
  expect_simple(f);
  EXPECT_EQ(f.names(), (std::vector<std::string>{"volume", "close", "adj_close", "low", "high",
                                                 "open", "open_interest"}));
  EXPECT_EQ((*f.column("adj_close"))[1], 11.25);
  EXPECT_EQ((*f.column("Open_Interest"))[0], 7.0);
}

TEST(Layout, IsoAndEpochTimestampsInFile) {
  Frame iso = parse_ok(
      "time,open,high,low,close\n"
      "2020-01-02T10:00:00.250Z,1,2,0.5,1.5\n"
      "2020-01-02T13:00:00+02:00,1,2,0.5,1.5\n");
  EXPECT_EQ(iso.timestamps()[0], utc(2020, 1, 2, 10) + 250000000);
  EXPECT_EQ(iso.timestamps()[1], utc(2020, 1, 2, 11));  // 13:00+02:00 == 11:00Z
  Frame ms = parse_ok(
      "timestamp,open,high,low,close\n"
      "1577959200000,1,2,0.5,1.5\n"
      "1577962800000,1,2,0.5,1.5\n");
  EXPECT_EQ(ms.timestamps()[0], utc(2020, 1, 2, 10));
  EXPECT_EQ(ms.timestamps()[1], utc(2020, 1, 2, 11));
  Frame secs = parse_ok(
      "timestamp,open,high,low,close\n"
      "1577959200,1,2,0.5,1.5\n");
  EXPECT_EQ(secs.timestamps()[0], utc(2020, 1, 2, 10));
}

TEST(Layout, SeparateDateAndTimeColumns) {
  Frame f = parse_ok(
      "Date,Time,Open,High,Low,Close,Volume,OpenInterest\n"
      "2006-01-02,09:05:00,3578.73,3605.95,3578.73,3604.33,0,0\n"
      "2006-01-02,09:10,3604.08,3638.42,3601.84,3614.34,0,0\n");
  EXPECT_EQ(f.timestamps(), (std::vector<int64_t>{utc(2006, 1, 2, 9, 5), utc(2006, 1, 2, 9, 10)}));
  EXPECT_EQ(f.names(),
            (std::vector<std::string>{"open", "high", "low", "close", "volume", "openinterest"}));
  expect_error("Date,Time,Open,High,Low,Close\n2006-01-02,9am,1,2,0.5,1\n",
               {"t.csv:2:2: ", "expected a time of day", "'9am'"});
  expect_error("Date,Time,Open,High,Low,Close\n2006-01-02 10:00,10:00,1,2,0.5,1\n",
               {"t.csv:2:1: ", "expected a date without a time"});
}

TEST(Layout, MissingValuesAreNaN) {
  Frame f = parse_ok(
      "Date,Open,High,Low,Close,Volume\n"
      "2020-01-02,,NaN,nan,null,\n"
      "2020-01-03,N/A,NA,\"\",NULL,5\n");
  for (const char* c : {"open", "high", "low", "close"})
    for (size_t i = 0; i < 2; ++i) EXPECT_TRUE(std::isnan((*f.column(c))[i])) << c << i;
  EXPECT_TRUE(std::isnan(f.volume()[0]));
  EXPECT_EQ(f.volume()[1], 5.0);
}

TEST(Layout, OptionalVolumeAndNoOhlcWhenNotRequired) {
  Frame f = parse_ok("Date,Open,High,Low,Close\n2020-01-02,1,2,0.5,1.5\n");
  EXPECT_TRUE(f.has_ohlc());
  EXPECT_FALSE(f.has_column("volume"));
  CsvOptions opt;
  opt.require_ohlc = false;
  Frame c = parse_ok("Date,Price\n2020-01-02,1.5\n", opt);
  EXPECT_EQ((*c.column("price"))[0], 1.5);
}

TEST(Layout, ColumnMap) {
  CsvOptions opt;
  opt.column_map = {{"timestamp", "Zeit"}, {"open", "Eröffnung"}, {"high", "hoch"},
                    {"low", "TIEF"},       {"close", "Schluss"},  {"volume", "Umsatz"}};
  opt.delimiter = ';';
  expect_simple(
      parse_ok("Zeit;Eröffnung;Hoch;Tief;Schluss;Umsatz\n"
               "2020-01-02;10;11;9;10.5;100\n"
               "2020-01-03;10.5;12;10;11.5;200\n",
               opt));
}

TEST(Layout, ColumnMapReplacesSameNamedColumn) {
  CsvOptions opt;
  opt.column_map = {{"close", "Adj Close"}};
  Frame f = parse_ok(
      "Date,Open,High,Low,Close,Adj Close,Volume\n"
      "2020-01-02,10,11,9,10.5,10.25,100\n",
      opt);
  EXPECT_EQ(f.close()[0], 10.25);
  EXPECT_EQ(f.names(), (std::vector<std::string>{"open", "high", "low", "close", "volume"}));
}

// ---------------------------------------------------------------------------
// Errors: file:line:column and what was expected

void expect_error(const std::string& text, const std::vector<std::string>& parts,
                  const CsvOptions& opt) {
  auto r = parse_csv(text, opt, "t.csv");
  ASSERT_FALSE(r.is_ok()) << "accepted:\n" << text;
  for (const auto& p : parts)
    EXPECT_NE(r.status().message().find(p), std::string::npos)
        << "message: " << r.status().message() << "\nlacks: " << p;
}

const char* kHeader = "Date,Open,High,Low,Close,Volume\n";

TEST(Errors, NonNumericCell) {
  expect_error(std::string(kHeader) + "2020-01-02,10,11,9,10.5,100\n2020-01-03,10,abc,9,10,1\n",
               {"t.csv:3:3: ", "expected a number, got 'abc'"});
  expect_error(std::string(kHeader) + "2020-01-02,10,11,9,10.5,1.5.2\n",
               {"t.csv:2:6: ", "expected a number, got '1.5.2'"});
  expect_error(std::string(kHeader) + "2020-01-02,10,inf,9,10.5,1\n",
               {"t.csv:2:3: ", "expected a finite number, got 'inf'"});
  expect_error(std::string(kHeader) + "2020-01-02,10,1e999,9,10.5,1\n",
               {"t.csv:2:3: ", "out of range"});
}

TEST(Errors, Timestamps) {
  expect_error(std::string(kHeader) + "2020-01-02,10,11,9,10.5,100\n2020-02-30,10,11,9,10,1\n",
               {"t.csv:3:1: ", "expected a timestamp", "'2020-02-30'", "day out of range"});
  expect_error(std::string(kHeader) + "yesterday,10,11,9,10.5,100\n",
               {"t.csv:2:1: ", "expected a timestamp", "'yesterday'"});
  expect_error(std::string(kHeader) + ",10,11,9,10.5,100\n", {"t.csv:2:1: ", "got ''"});
}

TEST(Errors, UnsortedNamesBothLines) {
  expect_error(std::string(kHeader) +
                   "2020-01-02,10,11,9,10.5,100\n2020-01-03,10,11,9,10.5,100\n"
                   "2020-01-01,10,11,9,10.5,100\n",
               {"t.csv:4:1: ", "2020-01-01 is earlier than 2020-01-03 on line 3", "sort"});
}

TEST(Errors, DuplicateNamesBothLines) {
  expect_error(
      std::string(kHeader) + "2020-01-02,10,11,9,10.5,100\n\n2020-01-02,10,11,9,10.5,100\n",
      {"t.csv:4:1: ", "duplicate timestamp 2020-01-02", "line 2", "drop_duplicates"});
}

TEST(Errors, MissingColumns) {
  expect_error("Date,Open,High,Volume\n2020-01-02,1,2,3\n",
               {"t.csv:1: ", "missing columns 'low' and 'close'",
                "columns present: 'Date', 'Open', 'High', 'Volume'"});
  expect_error("Date;Open;High;Low;Close\n2020-01-02;1;2;0.5;1\n",
               {"t.csv:1: ", "the header contains ';': set the delimiter option"});
  expect_error("Foo,Open,High,Low,Close\n1,1,2,0.5,1\n",
               {"t.csv:1: ", "no timestamp column", "'Foo'"});
  CsvOptions opt;
  opt.column_map = {{"close", "Last"}};
  expect_error(kSimple, {"t.csv:1: ", "'Last'", "not in the header", "'Volume'"}, opt);
  expect_error("Date,Open,High,Low,Close,open\n2020-01-02,1,2,0.5,1,1\n",
               {"t.csv:1:6: ", "duplicate column name 'open'"});
}

TEST(Errors, Prices) {
  expect_error(std::string(kHeader) + "2020-01-02,10,9,11,10.5,100\n",
               {"t.csv:2:3: ", "high 9 is below low 11"});
  expect_error(std::string(kHeader) + "2020-01-02,-10,11,9,10.5,100\n",
               {"t.csv:2:2: ", "negative open -10"});
  expect_error(std::string(kHeader) + "2020-01-02,10,11,9,10.5,-1\n",
               {"t.csv:2:6: ", "negative volume -1"});
  CsvOptions lax;
  lax.validate_prices = false;
  EXPECT_TRUE(parse_csv(std::string(kHeader) + "2020-01-02,10,9,11,-10.5,-1\n", lax).is_ok());
}

TEST(Errors, EmptyInput) {
  expect_error("", {"t.csv:1: ", "empty input"});
  expect_error("\r\n\n", {"t.csv:3: ", "empty input"});
  expect_error(kHeader, {"t.csv:2: ", "no data rows"});
}

TEST(Errors, RaggedRows) {
  expect_error(std::string(kHeader) + "2020-01-02,10,11,9,10.5,100\n2020-01-03,10,11,9\n",
               {"t.csv:3:5: ", "expected 6 cells, got 4"});
  expect_error(std::string(kHeader) + "2020-01-02,10,11,9,10.5,100,7,8\n",
               {"t.csv:2:7: ", "expected 6 cells, got 8"});
}

TEST(Errors, Quotes) {
  expect_error(std::string(kHeader) + "2020-01-02,\"10,11,9,10.5,100\n",
               {"t.csv:2:2: ", "unterminated quoted cell"});
  expect_error(std::string(kHeader) + "2020-01-02,\"10\"x,11,9,10.5,100\n",
               {"t.csv:2:2: ", "unexpected text after a quoted cell"});
  // A line break inside quotes moves later line numbers.
  expect_error(std::string(kHeader) + "2020-01-02,\"1\n0\",11,9,10.5,100\n2020-01-03,1,x,1,1,1\n",
               {"t.csv:2:2: ", "expected a number"});
}

TEST(Errors, LoadCsvNamesPath) {
  auto r = load_csv("/nonexistent/dir/prices.csv");
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().kind(), ErrorKind::kIo);
  EXPECT_NE(r.status().message().find("/nonexistent/dir/prices.csv"), std::string::npos);
}

// ---------------------------------------------------------------------------
// Repairs: only when asked

const char* kUnsortedDup =
    "Date,Open,High,Low,Close,Volume\n"
    "2020-01-03,3,3,3,3,3\n"
    "2020-01-01,1,1,1,1,1\n"
    "2020-01-02,2,2,2,2,2\n"
    "2020-01-01,9,9,9,9,9\n";

TEST(Repairs, SortOnlyWhenAsked) {
  expect_error(kUnsortedDup, {"t.csv:3:1: ", "earlier than 2020-01-03 on line 2"});
  CsvOptions sort;
  sort.sort = true;
  expect_error(kUnsortedDup, {"t.csv:5:1: ", "duplicate timestamp 2020-01-01", "line 3"}, sort);
  sort.drop_duplicates = true;
  Frame f = parse_ok(kUnsortedDup, sort);
  ASSERT_EQ(f.rows(), 3u);
  EXPECT_EQ(f.timestamps(),
            (std::vector<int64_t>{utc(2020, 1, 1), utc(2020, 1, 2), utc(2020, 1, 3)}));
  EXPECT_EQ(f.close(), (std::vector<double>{1, 2, 3}));  // first occurrence kept
  EXPECT_EQ(f.volume(), (std::vector<double>{1, 2, 3}));
}

TEST(Repairs, DropDuplicatesOnlyWhenAsked) {
  const std::string text = std::string(kHeader) +
                           "2020-01-01,1,1,1,1,1\n2020-01-01,9,9,9,9,9\n2020-01-02,2,2,2,2,2\n"
                           "2020-01-02,8,8,8,8,8\n";
  expect_error(text, {"t.csv:3:1: ", "duplicate", "line 2"});
  CsvOptions drop;
  drop.drop_duplicates = true;
  Frame f = parse_ok(text, drop);
  EXPECT_EQ(f.close(), (std::vector<double>{1, 2}));
  EXPECT_EQ(f.timestamps(), (std::vector<int64_t>{utc(2020, 1, 1), utc(2020, 1, 2)}));
  // drop_duplicates alone does not reorder.
  expect_error(kUnsortedDup, {"t.csv:3:1: ", "earlier"}, drop);
}

TEST(Repairs, SortedInputUnchangedBySort) {
  CsvOptions sort;
  sort.sort = true;
  expect_simple(parse_ok(kSimple, sort));
}

}  // namespace
}  // namespace nocode::testing
