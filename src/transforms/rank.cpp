// rank: rolling percentile rank of the newest value within its window
// (pandas `rolling(period).rank(pct=True)`, method "average").
//
// The values are mapped to their order among all distinct values of the
// series and counted in a Fenwick tree, so each row costs O(log n) however
// long the window. The mapping only preserves order, so row t still depends on
// the window's values alone (causal).
#include <algorithm>
#include <cmath>
#include <vector>

#include "transforms/spec_helpers.h"

namespace nocode::transforms {
namespace {

class Fenwick {
 public:
  explicit Fenwick(size_t n) : tree_(n + 1, 0) {}
  void add(size_t i, int delta) {
    for (++i; i < tree_.size(); i += i & (~i + 1)) tree_[i] += delta;
  }
  // Sum of positions [0, i).
  long prefix(size_t i) const {
    long s = 0;
    for (; i > 0; i -= i & (~i + 1)) s += tree_[i];
    return s;
  }

 private:
  std::vector<long> tree_;
};

void rank_kernel(const KernelInput& in, const Params& p, double* const* out) {
  const size_t n = static_cast<size_t>(p.integer(0));
  const double* x = in.series[0];
  std::vector<double> distinct;
  for (size_t t = 0; t < in.n; ++t)
    if (!std::isnan(x[t])) distinct.push_back(x[t]);
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  auto pos = [&](double v) {
    return static_cast<size_t>(std::lower_bound(distinct.begin(), distinct.end(), v) -
                               distinct.begin());
  };
  Fenwick counts(distinct.size());
  size_t nan_count = 0;
  for (size_t t = 0; t < in.n; ++t) {
    if (std::isnan(x[t])) ++nan_count; else counts.add(pos(x[t]), +1);
    if (t >= n) {
      if (std::isnan(x[t - n])) --nan_count; else counts.add(pos(x[t - n]), -1);
    }
    if (t + 1 < n || nan_count > 0) {
      out[0][t] = kNaN;
      continue;
    }
    const size_t k = pos(x[t]);
    const double less = static_cast<double>(counts.prefix(k));
    const double equal = static_cast<double>(counts.prefix(k + 1)) - less;
    out[0][t] = (less + (equal + 1.0) / 2.0) / static_cast<double>(n);
  }
}

}  // namespace

Status register_rank_transform(Registry& r) {
  TransformSpec s;
  s.name = "rank";
  s.aliases = {"rolling_rank", "percentile_rank", "pct_rank"};
  s.title = "Rolling percentile rank";
  s.group = "rolling";
  s.inputs = {series_input("x", "the series")};
  s.params = {period_param(20, 1)};
  s.outputs = {"rank"};
  s.lookback = param0_minus1;
  s.kernel = rank_kernel;
  s.definition =
      "Percentile rank of x[t] among the window x[t-period+1..t] (pandas "
      "`rolling(period).rank(pct=True)`): `y[t] = (L + (E + 1) / 2) / period`, L the number of "
      "window values below x[t], E the number equal to it (x[t] included). Ties get the "
      "average of the ranks they span (pandas method \"average\"); the result lies in "
      "(0, 1], 1 for a new window high without ties.";
  s.nan_rule = "The first `period - 1` rows are NaN; NaN where the window holds a NaN.";
  return r.add(std::move(s));
}

}  // namespace nocode::transforms
