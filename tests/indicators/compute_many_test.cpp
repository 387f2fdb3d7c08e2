// Parallel computation over many series equals one-by-one computation.
#include "indicators/compute_many.h"

#include <gtest/gtest.h>

#include <cstring>

#include "support/test_data.h"

namespace nocode::indicators {
namespace {

Frame frame_of(const testing::Ohlcv& s) {
  std::vector<int64_t> ts(s.size());
  for (size_t i = 0; i < ts.size(); ++i) ts[i] = int64_t(i) * 86400000000000LL;
  Frame f(ts);
  EXPECT_TRUE(f.set_column("open", s.open).is_ok());
  EXPECT_TRUE(f.set_column("high", s.high).is_ok());
  EXPECT_TRUE(f.set_column("low", s.low).is_ok());
  EXPECT_TRUE(f.set_column("close", s.close).is_ok());
  EXPECT_TRUE(f.set_column("volume", s.volume).is_ok());
  return f;
}

TEST(ComputeMany, ParallelEqualsSequential) {
  std::vector<Frame> frames;
  for (unsigned seed = 1; seed <= 12; ++seed) frames.push_back(frame_of(testing::random_walk(3000, seed)));
  std::vector<const Frame*> ptrs;
  for (const auto& f : frames) ptrs.push_back(&f);
  std::vector<IndicatorRequest> reqs;
  for (const auto& spec : builtin_registry().all()) {
    auto r = parse_request(spec.name);
    ASSERT_TRUE(r.is_ok()) << r.status().to_string();
    reqs.push_back(*r);
  }
  ComputeOptions opts;
  opts.threads = 4;
  auto parallel = compute_many(ptrs, reqs, opts);
  ASSERT_TRUE(parallel.is_ok()) << parallel.status().to_string();
  for (size_t s = 0; s < frames.size(); ++s) {
    for (size_t r = 0; r < reqs.size(); ++r) {
      auto one = compute_on_frame(*reqs[r].spec, reqs[r].params, frames[s]);
      ASSERT_TRUE(one.is_ok());
      const auto& a = (*parallel)[s][r];
      ASSERT_EQ(a.size(), one->size());
      for (size_t k = 0; k < a.size(); ++k)
        EXPECT_EQ(0, std::memcmp(a[k].data(), (*one)[k].data(), a[k].size() * sizeof(double)))
            << reqs[r].label << " series " << s;
    }
  }
}

TEST(ComputeMany, ParsesRequestsAndReportsErrors) {
  auto r = parse_request("SMA:timeperiod=14");
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
  EXPECT_EQ(r->spec->name, "sma");
  EXPECT_EQ(r->params.integer(0), 14);
  EXPECT_FALSE(parse_request("sma:period").is_ok());
  EXPECT_FALSE(parse_request("sma:period=0").is_ok());
  EXPECT_FALSE(parse_request("nosuch").is_ok());

  Frame no_close(std::vector<int64_t>{1, 2, 3});
  ASSERT_TRUE(no_close.set_column("open", {1, 2, 3}).is_ok());
  std::vector<const Frame*> ptrs = {&no_close};
  auto res = compute_many(ptrs, {*r});
  ASSERT_FALSE(res.is_ok());
  EXPECT_NE(res.status().message().find("close"), std::string::npos) << res.status().message();
}

}  // namespace
}  // namespace nocode::indicators
