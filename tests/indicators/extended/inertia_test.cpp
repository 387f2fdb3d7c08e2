#include "naive.h"

namespace nocode::testing {
namespace {
using namespace naive;

Series ref_rvi(const Series& x, int rvi_n, int sd_n) {
  Series u(x.size(), NaN), d(x.size(), NaN);
  for (size_t t = size_t(sd_n) - 1; t < x.size(); ++t) {
    const double mean = sma_at(x, t, sd_n);
    double q = 0;
    for (int k = 0; k < sd_n; ++k) q += (x[t - size_t(k)] - mean) * (x[t - size_t(k)] - mean);
    const double sd = std::sqrt(q / sd_n);
    u[t] = x[t] > x[t - 1] ? sd : 0.0;
    d[t] = x[t] < x[t - 1] ? sd : 0.0;
  }
  const Series us = wilder(u, rvi_n), ds = wilder(d, rvi_n);
  Series r(x.size(), NaN);
  for (size_t t = 0; t < x.size(); ++t)
    if (!std::isnan(us[t])) r[t] = us[t] + ds[t] == 0 ? 50.0 : 100 * us[t] / (us[t] + ds[t]);
  return r;
}

// Least squares in centred form, evaluated at the newest bar.
Series ref_linreg(const Series& y, int n) {
  Series out(y.size(), NaN);
  for (size_t t = size_t(n) - 1; t < y.size(); ++t) {
    const double xm = (n - 1) / 2.0;
    double ym = 0;
    for (int i = 0; i < n; ++i) ym += y[t - size_t(n - 1 - i)];
    ym /= n;
    double sxy = 0, sxx = 0;
    for (int i = 0; i < n; ++i) {
      sxy += (i - xm) * (y[t - size_t(n - 1 - i)] - ym);
      sxx += (i - xm) * (i - xm);
    }
    out[t] = ym + sxy / sxx * ((n - 1) - xm);
  }
  return out;
}

TEST(Inertia, MatchesDorseyDefinition) {
  for (const Ohlcv& s : test_series())
    for (auto [lr, rn, sn] : {std::tuple{20, 14, 10}, {5, 3, 2}, {30, 20, 15}, {2, 1, 2}}) {
      const Computed r = run("inertia", {{"period", lr}, {"rvi_period", rn}, {"stddev_period", sn}},
                        {&s.high, &s.low});
      const Series rh = ref_rvi(s.high, rn, sn), rl = ref_rvi(s.low, rn, sn);
      Series rvi(s.size());
      for (size_t t = 0; t < s.size(); ++t) rvi[t] = (rh[t] + rl[t]) / 2;
      expect_matches(r.out[0], ref_linreg(rvi, lr), r.lookback,
                     s.name + " " + std::to_string(lr) + "/" + std::to_string(rn));
    }
}

}  // namespace
}  // namespace nocode::testing
