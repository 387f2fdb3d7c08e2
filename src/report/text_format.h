// Text for the report: HTML/XML escaping, grouped numbers, dates.
// Pure functions, thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace nocode::report {

// Escapes & < > " ' so the text is safe in HTML/SVG content and attributes.
std::string html_escape(std::string_view text);

// Fixed-point with `decimals` digits and thousands separators: "-1,234.50".
// "NaN" / "inf" / "-inf" for non-finite values.
std::string format_grouped(double value, int decimals);

// Compact axis number: grouped below one million, else "1.25M" / "3.4B".
// `decimals` is the digits the tick step needs (see decimals_for_step).
std::string format_axis_number(double value, int decimals);

// Digits after the point needed to tell multiples of `step` apart.
int decimals_for_step(double step);

// Price-like number with a precision that suits its size: 2 decimals from 1
// up, more below (0.000123 keeps its significant digits).
std::string format_price(double value);

// UTC date "2020-03-15", or "2020-03-15 14:30" when the time is not midnight
// (seconds shown only when not zero).
std::string format_timestamp(int64_t ns);

inline constexpr int64_t kNsPerSecond = 1'000'000'000;
inline constexpr int64_t kNsPerDay = 86'400 * kNsPerSecond;

}  // namespace nocode::report
