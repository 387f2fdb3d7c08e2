// Heatmap of an optimisation grid: rows top to bottom in y_values order,
// columns left to right in x_values order; colours from a five-stop
// viridis-like ramp, brightest = best.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "common/strings.h"
#include "report/svg_chart.h"
#include "report/svg_plot.h"
#include "report/text_format.h"

namespace nocode::report {
namespace {

struct Rgb {
  double r, g, b;
};
constexpr Rgb kRamp[] = {{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}};

Rgb ramp(double t) {
  t = std::isnan(t) ? 0.0 : std::clamp(t, 0.0, 1.0) * 4;
  const int i = std::min(static_cast<int>(t), 3);
  const double f = t - i;
  const Rgb a = kRamp[i], b = kRamp[i + 1];
  return {a.r + (b.r - a.r) * f, a.g + (b.g - a.g) * f, a.b + (b.b - a.b) * f};
}

std::string css(Rgb c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", static_cast<int>(std::lround(c.r)),
                static_cast<int>(std::lround(c.g)), static_cast<int>(std::lround(c.b)));
  return buf;
}

// Three significant digits, grouped from 1000 up.
std::string short_value(double v) {
  if (std::isnan(v)) return "n/a";
  const double a = std::fabs(v);
  if (a >= 1000 || a == 0) return format_grouped(v, 0);
  // Decimals from the value rounded to three digits, so 0.99996 reads "1.00".
  const int d0 = 2 - static_cast<int>(std::floor(std::log10(a)));
  const double r = std::round(a * std::pow(10.0, d0)) / std::pow(10.0, d0);
  const int d = 2 - static_cast<int>(std::floor(std::log10(r)));
  return format_grouped(v, std::clamp(d, 0, 8));
}

struct Layout {
  double left = 120, right = 130, top = 44, bottom = 64;
  double cell_w = 0, cell_h = 0;
  int width = 0, height = 0;
};

Layout layout_for(size_t rows, size_t cols, int width, bool title) {
  Layout l;
  l.top = title ? 44 : 16;
  l.width = std::max(width, 400);
  l.cell_w = (l.width - l.left - l.right) / static_cast<double>(cols);
  l.cell_h = std::clamp(l.cell_w * 0.6, 18.0, 40.0);
  if (rows * l.cell_h > 640) l.cell_h = std::max(2.0, 640.0 / static_cast<double>(rows));
  l.height = static_cast<int>(std::ceil(l.top + l.bottom + rows * l.cell_h));
  return l;
}

void axis_labels(const Heatmap& h, const Layout& l, std::string* out) {
  const size_t rows = h.y_values.size(), cols = h.x_values.size();
  const double grid_h = rows * l.cell_h, base = l.top + grid_h;
  const size_t xs = std::max<size_t>(1, static_cast<size_t>(std::ceil(56 / l.cell_w)));
  const size_t ys = std::max<size_t>(1, static_cast<size_t>(std::ceil(15 / l.cell_h)));
  *out += "<g class=\"axis-labels\" font-size=\"11\" fill=\"#475569\" text-anchor=\"middle\">\n";
  for (size_t c = 0; c < cols; c += xs) {
    *out += "<text x=\"" + px(l.left + (c + 0.5) * l.cell_w) + "\" y=\"" + px(base + 16) + "\">" +
            html_escape(format_double(h.x_values[c])) + "</text>\n";
  }
  for (size_t r = 0; r < rows; r += ys) {
    *out += "<text x=\"" + px(l.left - 8) + "\" y=\"" + px(l.top + (r + 0.5) * l.cell_h + 4) +
            "\" text-anchor=\"end\">" + html_escape(format_double(h.y_values[r])) + "</text>\n";
  }
  *out += "<text x=\"" + px(l.left + cols * l.cell_w / 2) + "\" y=\"" + px(base + 40) +
          "\" font-size=\"12\" font-weight=\"600\" fill=\"#0f172a\">" + html_escape(h.x_name) +
          "</text>\n<text transform=\"translate(22 " + px(l.top + grid_h / 2) +
          ") rotate(-90)\" font-size=\"12\" font-weight=\"600\" fill=\"#0f172a\">" +
          html_escape(h.y_name) + "</text>\n</g>\n";
}

void colour_bar(const Heatmap& h, const Layout& l, double lo, double hi, std::string* out) {
  const double x = l.width - l.right + 28, top = l.top;
  const double bar_h = std::max(80.0, h.y_values.size() * l.cell_h);
  const int steps = 32;
  *out += "<g class=\"colour-bar\">\n";
  for (int i = 0; i < steps; ++i) {
    *out += "<rect x=\"" + px(x) + "\" y=\"" + px(top + bar_h * i / steps) +
            "\" width=\"14\" height=\"" + px(bar_h / steps + 0.5) + "\" fill=\"" +
            css(ramp(1.0 - (i + 0.5) / steps)) + "\"/>\n";
  }
  const double best = h.higher_is_better ? hi : lo, worst = h.higher_is_better ? lo : hi;
  *out += "<text x=\"" + px(x + 20) + "\" y=\"" + px(top + 10) +
          "\" font-size=\"11\" fill=\"#475569\">" + short_value(best) + " (best)</text>\n<text x=\"" +
          px(x + 20) + "\" y=\"" + px(top + bar_h) + "\" font-size=\"11\" fill=\"#475569\">" +
          short_value(worst) + "</text>\n</g>\n";
}

// One <rect class="cell"> per cell; a hover tooltip on grids up to 2500
// cells (larger grids stay compact) and value labels when the cells are
// large enough to hold them.
void draw_cells(const Heatmap& h, const Layout& l, double lo, double hi, std::string* out) {
  const size_t rows = h.y_values.size(), cols = h.x_values.size();
  const bool labels = l.cell_w >= 36 && l.cell_h >= 16, tooltips = rows * cols <= 2500;
  const char* gap = l.cell_w > 6 && l.cell_h > 6 ? "1" : "0";
  *out += "<g class=\"cells\" font-size=\"10.5\" text-anchor=\"middle\">\n";
  for (size_t r = 0; r < rows; ++r) {
    for (size_t c = 0; c < cols; ++c) {
      const double v = h.cells[r][c], x = l.left + c * l.cell_w, y = l.top + r * l.cell_h;
      const double t = hi > lo ? (v - lo) / (hi - lo) : 1.0;
      const Rgb rgb = ramp(h.higher_is_better ? t : 1 - t);
      const bool nan = std::isnan(v);
      *out += std::string("<rect class=\"cell") + (nan ? " nan" : "") + "\" x=\"" + px(x) +
              "\" y=\"" + px(y) + "\" width=\"" + px(l.cell_w) + "\" height=\"" + px(l.cell_h) +
              "\" fill=\"" + (nan ? "#f1f5f9" : css(rgb)) + "\" stroke=\"#ffffff\" stroke-width=\"" +
              gap + "\">";
      if (tooltips) {
        *out += "<title>" + html_escape(h.x_name) + " = " + format_double(h.x_values[c]) + ", " +
                html_escape(h.y_name) + " = " + format_double(h.y_values[r]) + ": " +
                short_value(v) + "</title>";
      }
      *out += "</rect>\n";
      if (!labels) continue;
      const bool dark = nan || 0.299 * rgb.r + 0.587 * rgb.g + 0.114 * rgb.b > 150;
      *out += "<text x=\"" + px(x + l.cell_w / 2) + "\" y=\"" + px(y + l.cell_h / 2 + 4) +
              "\" fill=\"" + (dark ? "#0f172a" : "#ffffff") + "\">" + short_value(v) + "</text>\n";
    }
  }
  *out += "</g>\n";
}

}  // namespace

std::string heatmap_svg(const Heatmap& h, const ChartOptions& options) {
  const size_t rows = h.y_values.size(), cols = h.x_values.size();
  if (rows == 0 || cols == 0 || h.cells.size() != rows) return "";
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  size_t best_r = rows, best_c = cols;
  for (size_t r = 0; r < rows; ++r) {
    if (h.cells[r].size() != cols) return "";
    for (size_t c = 0; c < cols; ++c) {
      const double v = h.cells[r][c];
      if (std::isnan(v)) continue;
      const bool better = best_r == rows ||
                          (h.higher_is_better ? v > h.cells[best_r][best_c] : v < h.cells[best_r][best_c]);
      if (better) best_r = r, best_c = c;
      lo = std::min(lo, v), hi = std::max(hi, v);
    }
  }
  const Layout l = layout_for(rows, cols, options.width, options.title);
  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart heatmap\" width=\"" +
                    std::to_string(l.width) + "\" height=\"" + std::to_string(l.height) +
                    "\" viewBox=\"0 0 " + std::to_string(l.width) + " " +
                    std::to_string(l.height) + "\" role=\"img\" aria-label=\"Heatmap of " +
                    html_escape(h.metric) + "\" font-family=\"" + kFontFamily + "\">\n" +
                    "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
  if (options.title) {
    out += "<text x=\"" + px(l.left) + "\" y=\"24\" font-size=\"14\" font-weight=\"600\" "
           "fill=\"#0f172a\">" + html_escape(h.metric) + " by " + html_escape(h.x_name) + " and " +
           html_escape(h.y_name) + "</text>\n";
  }
  draw_cells(h, l, lo, hi, &out);
  if (best_r < rows) {
    out += "<rect class=\"best\" x=\"" + px(l.left + best_c * l.cell_w + 1) + "\" y=\"" +
           px(l.top + best_r * l.cell_h + 1) + "\" width=\"" + px(l.cell_w - 2) + "\" height=\"" +
           px(l.cell_h - 2) + "\" fill=\"none\" stroke=\"#dc2626\" stroke-width=\"2\"/>\n";
  }
  axis_labels(h, l, &out);
  if (best_r < rows) colour_bar(h, l, lo, hi, &out);
  return out + "</svg>\n";
}

}  // namespace nocode::report
