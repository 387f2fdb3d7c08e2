// Correlations (Pearson, Spearman with average ranks) and the information
// coefficient of a score against forward returns, overall and per calendar
// period. Two-pass sums (mean first) keep the correlations accurate.
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>

#include "data/timestamp.h"
#include "ml/metrics.h"

namespace nocode::ml {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool constant(const std::vector<double>& x) {
  return std::all_of(x.begin(), x.end(), [&](double v) { return v == x.front(); });
}

std::string period_of(int64_t ns, IcPeriod period) {
  const int64_t day_ns = 86400LL * 1000000000LL;
  const int64_t days = ns >= 0 ? ns / day_ns : -((-ns + day_ns - 1) / day_ns);
  const CivilDate d = civil_from_days(days);
  char buf[32];
  switch (period) {
    case IcPeriod::kMonth:
      std::snprintf(buf, sizeof buf, "%04lld-%02u", static_cast<long long>(d.year), d.month);
      break;
    case IcPeriod::kQuarter:
      std::snprintf(buf, sizeof buf, "%04lld-Q%u", static_cast<long long>(d.year), (d.month - 1) / 3 + 1);
      break;
    case IcPeriod::kYear:
      std::snprintf(buf, sizeof buf, "%04lld", static_cast<long long>(d.year));
      break;
  }
  return buf;
}

struct MeanStd {
  double mean = kNaN, std = kNaN, ratio = kNaN;
};

MeanStd mean_std(const std::vector<double>& v) {
  MeanStd r;
  if (v.empty()) return r;
  r.mean = std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
  if (v.size() < 2) return r;
  double ss = 0;
  for (double x : v) ss += (x - r.mean) * (x - r.mean);
  r.std = std::sqrt(ss / static_cast<double>(v.size() - 1));
  r.ratio = r.std > 0 ? r.mean / r.std : kNaN;
  return r;
}

}  // namespace

double pearson(const std::vector<double>& x, const std::vector<double>& y) {
  const size_t n = x.size();
  if (n < 2 || y.size() != n || constant(x) || constant(y)) return kNaN;
  const double mx = std::accumulate(x.begin(), x.end(), 0.0) / static_cast<double>(n);
  const double my = std::accumulate(y.begin(), y.end(), 0.0) / static_cast<double>(n);
  double sxy = 0, sxx = 0, syy = 0;
  for (size_t i = 0; i < n; ++i) {
    const double dx = x[i] - mx, dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  const double r = sxy / (std::sqrt(sxx) * std::sqrt(syy));
  return std::clamp(r, -1.0, 1.0);
}

std::vector<double> average_ranks(const std::vector<double>& x) {
  std::vector<size_t> order;  // NaN values are not ranked (their rank is NaN)
  for (size_t i = 0; i < x.size(); ++i)
    if (!std::isnan(x[i])) order.push_back(i);
  std::vector<double> rank(x.size(), kNaN);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return x[a] < x[b]; });
  for (size_t i = 0; i < order.size();) {
    size_t j = i;
    while (j < order.size() && x[order[j]] == x[order[i]]) ++j;
    const double r = (static_cast<double>(i + 1) + static_cast<double>(j)) / 2.0;
    for (size_t k = i; k < j; ++k) rank[order[k]] = r;
    i = j;
  }
  return rank;
}

double spearman(const std::vector<double>& x, const std::vector<double>& y) {
  if (x.size() != y.size()) return kNaN;
  for (size_t i = 0; i < x.size(); ++i)
    if (std::isnan(x[i]) || std::isnan(y[i])) return kNaN;
  return pearson(average_ranks(x), average_ranks(y));
}

Status IcOptions::validate() const {
  if (min_rows < 2) return Status::invalid_argument("IC min_rows must be at least 2");
  return Status::ok();
}

Result<InformationCoefficient> information_coefficient(const std::vector<int64_t>& timestamps,
                                                       const std::vector<double>& score,
                                                       const std::vector<double>& forward_return,
                                                       const IcOptions& options) {
  NOCODE_RETURN_IF_ERROR(options.validate());
  if (score.size() != timestamps.size() || forward_return.size() != timestamps.size())
    return Status::invalid_argument("IC: timestamps, scores and returns differ in length");
  InformationCoefficient ic;
  std::vector<double> s, r, period_ic, period_rank_ic;
  std::vector<std::string> keys;
  for (size_t i = 0; i < score.size(); ++i) {
    if (std::isnan(score[i]) || std::isnan(forward_return[i])) continue;
    s.push_back(score[i]);
    r.push_back(forward_return[i]);
    keys.push_back(period_of(timestamps[i], options.period));
  }
  ic.rows = s.size();
  ic.ic = pearson(s, r);
  ic.rank_ic = spearman(s, r);
  for (size_t i = 0; i < s.size();) {
    size_t j = i;
    while (j < s.size() && keys[j] == keys[i]) ++j;
    if (j - i >= options.min_rows) {
      const std::vector<double> ps(s.begin() + i, s.begin() + j), pr(r.begin() + i, r.begin() + j);
      PeriodIc p{keys[i], j - i, pearson(ps, pr), spearman(ps, pr)};
      if (!std::isnan(p.ic)) period_ic.push_back(p.ic);
      if (!std::isnan(p.rank_ic)) period_rank_ic.push_back(p.rank_ic);
      ic.periods.push_back(std::move(p));
    }
    i = j;
  }
  const MeanStd a = mean_std(period_ic), b = mean_std(period_rank_ic);
  ic.ic_mean = a.mean, ic.ic_std = a.std, ic.icir = a.ratio;
  ic.rank_ic_mean = b.mean, ic.rank_ic_std = b.std, ic.rank_icir = b.ratio;
  return ic;
}

nlohmann::json to_json(const InformationCoefficient& m, bool with_periods) {
  nlohmann::json j = {{"rows", m.rows},
                      {"ic", json_number(m.ic)},
                      {"rank_ic", json_number(m.rank_ic)},
                      {"ic_mean", json_number(m.ic_mean)},
                      {"ic_std", json_number(m.ic_std)},
                      {"icir", json_number(m.icir)},
                      {"rank_ic_mean", json_number(m.rank_ic_mean)},
                      {"rank_ic_std", json_number(m.rank_ic_std)},
                      {"rank_icir", json_number(m.rank_icir)},
                      {"periods", m.periods.size()}};
  if (with_periods) {
    nlohmann::json ps = nlohmann::json::array();
    for (const auto& p : m.periods)
      ps.push_back({{"period", p.period}, {"rows", p.rows}, {"ic", json_number(p.ic)},
                    {"rank_ic", json_number(p.rank_ic)}});
    j["by_period"] = ps;
  }
  return j;
}

}  // namespace nocode::ml
