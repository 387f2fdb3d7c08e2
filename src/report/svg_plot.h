// SvgPlot: the shared frame of the time-series charts (internal to the
// report module). Maps UTC-ns time and values to pixels inside fixed
// margins, and writes the <svg> element, grid, tick labels, title and
// polylines. One SvgPlot builds one SVG string; not thread-safe, cheap.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "report/axis_ticks.h"

namespace nocode::report {

// Font stack without web fonts (the report makes no network requests).
inline constexpr const char* kFontFamily =
    "-apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

class SvgPlot {
 public:
  // The plot area is the canvas minus the margins; [t0, t1] and [lo, hi] are
  // widened when degenerate (one bar, flat series). `header_row` reserves a
  // strip above the plot for a title or legend.
  SvgPlot(int width, int height, int64_t t0, int64_t t1, double lo, double hi,
          ValueFormat format, bool header_row);

  double x(int64_t t) const;
  double x_at(double t) const;  // t in UTC ns as a double (tick values)
  double y(double v) const;
  const ValueScale& scale() const { return scale_; }

  // <svg ...> with a background, an optional title, grid lines and labels.
  void open(std::string_view aria_label, std::string_view title);
  // Polyline through (t[i], v[i]) for the given indices; NaN breaks the line.
  // Empty `fill` draws a line in `stroke`; otherwise only the area down to
  // `base` is filled (draw the line with a second call).
  void path(const std::vector<int64_t>& t, const std::vector<double>& v,
            const std::vector<size_t>& idx, std::string_view stroke, double stroke_width,
            std::string_view fill = {}, double base = 0);
  // Appends raw SVG markup (already escaped).
  void raw(std::string_view markup) { out_ += markup; }
  // Closes the element and returns the document.
  std::string finish();

 private:
  void axes();

  int width_, height_;
  double left_ = 78, right_ = 20, top_, bottom_ = 30;
  int64_t tick_t0_, tick_t1_;  // time range for the tick labels
  double t0_, t1_;
  ValueScale scale_;
  std::string out_;
};

// Number with one decimal for SVG coordinates.
std::string px(double v);

}  // namespace nocode::report
