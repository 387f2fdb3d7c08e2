// VOLUMEPROFILE: rolling volume-at-price — point of control and value area.
#include <algorithm>
#include <cmath>
#include <vector>

#include "indicators/extended_common.h"
#include "indicators/registry.h"
#include "indicators/state_stream.h"

namespace nocode::indicators {
namespace {

struct VolumeProfileState {
  static constexpr size_t kInputs = 4, kOutputs = 3;
  explicit VolumeProfileState(const Params& p)
      : n(p.integer(0)),
        bins(p.integer(1)),
        area(p.real(2)),
        h(n),
        l(n),
        tp(n),
        v(n),
        hist(size_t(bins), 0.0) {}
  bool step(const double* bar, double* out) {
    h.push(bar[0]);
    l.push(bar[1]);
    tp.push((bar[0] + bar[1] + bar[2]) / 3.0);
    v.push(bar[3]);
    if (!h.full()) return false;
    out[0] = out[1] = out[2] = kNaN;
    double lo = l.back(0), hi = h.back(0);
    for (size_t k = 0; k < size_t(n); ++k) {
      if (!(std::isfinite(h.back(k)) && std::isfinite(l.back(k)) && std::isfinite(tp.back(k)) &&
            std::isfinite(v.back(k))))
        return true;
      lo = std::min(lo, l.back(k));
      hi = std::max(hi, h.back(k));
    }
    const double width = (hi - lo) / double(bins);
    std::fill(hist.begin(), hist.end(), 0.0);
    double total = 0;
    for (size_t k = size_t(n); k-- > 0;) {  // oldest first
      long b = 0;
      if (width > 0) {
        const double pos = std::floor((tp.back(k) - lo) / width);
        b = pos <= 0 ? 0 : (pos >= double(bins - 1) ? long(bins - 1) : long(pos));
      }
      hist[size_t(b)] += v.back(k);
      total += v.back(k);
    }
    if (!(total > 0)) return true;
    size_t poc = 0;
    for (size_t b = 1; b < hist.size(); ++b)
      if (hist[b] > hist[poc]) poc = b;
    const double target = area * total;
    size_t lo_b = poc, hi_b = poc;
    double acc = hist[poc];
    while (acc < target && (lo_b > 0 || hi_b + 1 < hist.size())) {
      const double up = hi_b + 1 < hist.size() ? hist[hi_b + 1] : -1.0;
      const double down = lo_b > 0 ? hist[lo_b - 1] : -1.0;
      if (up >= down)
        acc += hist[++hi_b];
      else
        acc += hist[--lo_b];
    }
    out[0] = lo + (double(poc) + 0.5) * width;
    out[1] = lo + double(hi_b + 1) * width;
    out[2] = lo + double(lo_b) * width;
    return true;
  }
  int n, bins;
  double area;
  ext::Ring h, l, tp, v;
  std::vector<double> hist;
};

int volumeprofile_lookback(const Params& p) { return p.integer(0) - 1; }

}  // namespace

Status register_volumeprofile(Registry& r) {
  IndicatorSpec s;
  s.name = "volumeprofile";
  s.aliases = {"volume_profile", "vp", "vpvr"};
  s.group = "volume";
  s.title = "Volume Profile (rolling)";
  s.inputs = {InputKind::kHigh, InputKind::kLow, InputKind::kClose, InputKind::kVolume};
  s.params = {
      ext::ext_int("period", {"timeperiod", "length", "window"}, 20, 1, "bars in the profile"),
      ext::ext_param("bins", {"rows", "num_bins", "row_size"}, ParamType::kInteger, 24, 1, 10000,
                     "equal-width price bins between the window's lowest low and highest high"),
      ext::ext_param("value_area", {"value_area_pct", "va", "valueArea"}, ParamType::kReal, 0.7,
                     0.01, 1, "fraction of the window's volume inside the value area")};
  s.outputs = {"poc", "vah", "val"};
  s.lookback = volumeprofile_lookback;
  s.batch = batch_by_state<VolumeProfileState>;
  s.stream = make_state_stream<VolumeProfileState>;
  s.definition =
      "Over the last `period` bars, [lowest low, highest high] is cut into `bins` equal bins; each "
      "bar's whole volume goes to the bin of its typical price `(h+l+c)/3` (`⌊(tp − lo)/width⌋` "
      "clamped to [0, bins−1]; everything in bin 0 when the range is 0). `poc` = centre of the "
      "bin with the most volume (lowest such bin on ties). The value area grows from the POC bin, "
      "each step adding the neighbouring bin (above or below) with more volume (above on ties), "
      "until it holds ≥ `value_area` (70%) of the volume: `vah`/`val` = its upper/lower bin edge. "
      "NaN when the window has a NaN or no volume. O(period + bins) per bar; first value at row "
      "`period − 1`.";
  s.source =
      "J. Peter Steidlmayer, CBOT Market Profile (1980s; POC and 70% value area); "
      "volume-at-price form as in J. Dalton, *Mind Over Markets* (1990).";
  return r.add(std::move(s));
}

}  // namespace nocode::indicators
