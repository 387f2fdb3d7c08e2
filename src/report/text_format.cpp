// Formatting helpers; snprintf with "%.*f" and a C locale-independent
// grouping pass (digits are grouped by hand, never via the locale).
#include "report/text_format.h"

#include <cmath>
#include <cstdio>

#include "data/timestamp.h"

namespace nocode::report {

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string format_grouped(double value, int decimals) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, std::fabs(value));
  std::string digits(buf);
  const size_t point = digits.find('.');
  const size_t int_len = point == std::string::npos ? digits.size() : point;
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && i < int_len && (int_len - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  // "-0.00" reads as noise; only a value that prints non-zero gets a sign.
  const bool zero = out.find_first_not_of("0.,") == std::string::npos;
  return (value < 0 && !zero) ? "-" + out : out;
}

int decimals_for_step(double step) {
  if (!(step > 0) || !std::isfinite(step)) return 0;
  const int d = static_cast<int>(std::ceil(-std::log10(step) - 1e-9));
  return d < 0 ? 0 : (d > 12 ? 12 : d);
}

std::string format_axis_number(double value, int decimals) {
  const double a = std::fabs(value);
  if (a >= 1e9) return format_grouped(value / 1e9, decimals_for_step(0.01)) + "B";
  if (a >= 1e6) return format_grouped(value / 1e6, decimals_for_step(0.01)) + "M";
  return format_grouped(value, decimals);
}

std::string format_price(double value) {
  const double a = std::fabs(value);
  if (!std::isfinite(value) || a >= 1 || a == 0) return format_grouped(value, 2);
  const int d = static_cast<int>(std::ceil(-std::log10(a))) + 3;
  return format_grouped(value, d > 10 ? 10 : d);
}

std::string format_timestamp(int64_t ns) {
  int64_t days = ns / kNsPerDay;
  int64_t rem = ns % kNsPerDay;
  if (rem < 0) {
    rem += kNsPerDay;
    --days;
  }
  const CivilDate d = civil_from_days(days);
  const int64_t secs = rem / kNsPerSecond;
  char buf[48];
  int len = std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", static_cast<long long>(d.year),
                          d.month, d.day);
  if (secs != 0) {
    len += std::snprintf(buf + len, sizeof buf - len, " %02lld:%02lld",
                         static_cast<long long>(secs / 3600),
                         static_cast<long long>(secs / 60 % 60));
  }
  if (secs % 60 != 0) {
    std::snprintf(buf + len, sizeof buf - len, ":%02lld", static_cast<long long>(secs % 60));
  }
  return buf;
}

}  // namespace nocode::report
