// SvgPlot implementation: string building with snprintf'd coordinates.
#include "report/svg_plot.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <utility>

#include "report/text_format.h"

namespace nocode::report {

std::string px(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

namespace {

int64_t saturating_add(int64_t a, int64_t b) {
  int64_t r = 0;
  if (!__builtin_add_overflow(a, b, &r)) return r;
  return b > 0 ? INT64_MAX : INT64_MIN;
}

}  // namespace

SvgPlot::SvgPlot(int width, int height, int64_t t0, int64_t t1, double lo, double hi,
                 ValueFormat format, bool header_row)
    : width_(width < 200 ? 200 : width),
      height_(height < 120 ? 120 : height),
      top_(header_row ? 36 : 14) {
  if (t1 <= t0) {  // one bar: show it in the middle of a one-day window
    t1 = saturating_add(t0, kNsPerDay / 2);
    t0 = saturating_add(t0, -kNsPerDay / 2);
  }
  tick_t0_ = t0;
  tick_t1_ = t1;
  t0_ = static_cast<double>(t0);
  t1_ = static_cast<double>(t1);
  scale_ = nice_value_scale(lo, hi, 5, format);
}

double SvgPlot::x(int64_t t) const { return x_at(static_cast<double>(t)); }

double SvgPlot::x_at(double t) const {
  return left_ + (t - t0_) / (t1_ - t0_) * (width_ - left_ - right_);
}

double SvgPlot::y(double v) const {
  const double h = height_ - top_ - bottom_;
  return top_ + (scale_.hi - v) / (scale_.hi - scale_.lo) * h;
}

void SvgPlot::open(std::string_view aria_label, std::string_view title) {
  out_ += "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"" +
          std::to_string(width_) + "\" height=\"" + std::to_string(height_) +
          "\" viewBox=\"0 0 " + std::to_string(width_) + " " + std::to_string(height_) +
          "\" role=\"img\" aria-label=\"" + html_escape(aria_label) + "\" font-family=\"" +
          kFontFamily + "\">\n";
  out_ += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
  if (!title.empty()) {
    out_ += "<text x=\"" + px(left_) + "\" y=\"22\" font-size=\"14\" font-weight=\"600\" "
            "fill=\"#0f172a\">" + html_escape(title) + "</text>\n";
  }
  axes();
}

void SvgPlot::axes() {
  const double x0 = left_, x1 = width_ - right_, yb = height_ - bottom_;
  out_ += "<g class=\"grid\" stroke=\"#e2e8f0\" stroke-width=\"1\">\n";
  for (const Tick& t : scale_.ticks) {
    out_ += "<line x1=\"" + px(x0) + "\" x2=\"" + px(x1) + "\" y1=\"" + px(y(t.value)) +
            "\" y2=\"" + px(y(t.value)) + "\"/>\n";
  }
  out_ += "</g>\n<g class=\"y-ticks\" font-size=\"11\" fill=\"#64748b\" text-anchor=\"end\">\n";
  for (const Tick& t : scale_.ticks) {
    out_ += "<text x=\"" + px(x0 - 8) + "\" y=\"" + px(y(t.value) + 4) + "\">" +
            html_escape(t.label) + "</text>\n";
  }
  out_ += "</g>\n<g class=\"x-ticks\" font-size=\"11\" fill=\"#64748b\" text-anchor=\"middle\">\n";
  const auto xt = time_ticks(tick_t0_, tick_t1_,
                             std::max(2, (width_ - 100) / 110));
  for (const Tick& t : xt) {
    const double xp = x_at(t.value);
    out_ += "<line x1=\"" + px(xp) + "\" x2=\"" + px(xp) + "\" y1=\"" + px(yb) + "\" y2=\"" +
            px(yb + 4) + "\" stroke=\"#94a3b8\"/>\n<text x=\"" + px(xp) + "\" y=\"" +
            px(yb + 17) + "\">" + html_escape(t.label) + "</text>\n";
  }
  out_ += "</g>\n<line x1=\"" + px(x0) + "\" x2=\"" + px(x1) + "\" y1=\"" + px(yb) + "\" y2=\"" +
          px(yb) + "\" stroke=\"#94a3b8\"/>\n";
}

void SvgPlot::path(const std::vector<int64_t>& t, const std::vector<double>& v,
                   const std::vector<size_t>& idx, std::string_view stroke, double stroke_width,
                   std::string_view fill, double base) {
  const bool area = !fill.empty();
  const double yb = y(std::fmax(scale_.lo, std::fmin(scale_.hi, base)));
  std::string d;
  double first_x = 0, last_x = 0;
  bool in_run = false;
  auto close_run = [&] {
    if (in_run && area) d += std::string("L") + px(last_x) + " " + px(yb) + "L" + px(first_x) + " " + px(yb) + "Z";
    in_run = false;
  };
  for (size_t i : idx) {
    if (std::isnan(v[i])) {
      close_run();
      continue;
    }
    const double xp = x(t[i]), yp = y(v[i]);
    d += in_run ? 'L' : 'M';
    d += px(xp) + " " + px(yp);
    if (!in_run) first_x = xp;
    last_x = xp;
    in_run = true;
  }
  close_run();
  if (d.empty()) return;
  out_ += "<path d=\"" + d + "\" fill=\"" + (area ? std::string(fill) : "none") + "\" stroke=\"" +
          (area ? "none" : std::string(stroke)) + "\" stroke-width=\"" + px(stroke_width) +
          "\" stroke-linejoin=\"round\"/>\n";
}

std::string SvgPlot::finish() {
  out_ += "</svg>\n";
  return std::move(out_);
}

}  // namespace nocode::report
