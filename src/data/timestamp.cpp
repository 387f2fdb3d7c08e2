#include "data/timestamp.h"

namespace nocode {
namespace {

constexpr int64_t kNanosPerSecond = 1000000000;

struct Reader {
  const char* p;
  const char* end;

  bool done() const { return p == end; }
  bool peek(char c) const { return p != end && *p == c; }
  bool is_digit() const { return p != end && static_cast<unsigned>(*p - '0') < 10; }
  bool accept(char c) {
    if (!peek(c)) return false;
    ++p;
    return true;
  }
  // Reads between min and max digits; false if fewer than min.
  bool digits(int min, int max, int64_t* value) {
    int64_t v = 0;
    int n = 0;
    while (n < max && is_digit()) v = v * 10 + (*p++ - '0'), ++n;
    *value = v;
    return n >= min;
  }
};

bool is_leap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned days_in_month(int64_t y, int64_t m) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

// Nanoseconds of a fraction's digits ("5" -> 500000000); extra digits truncated.
int64_t fraction_nanos(Reader& r) {
  int64_t ns = 0;
  int n = 0;
  for (; r.is_digit(); ++r.p, ++n)
    if (n < 9) ns = ns * 10 + (*r.p - '0');
  for (; n < 9; ++n) ns *= 10;
  return ns;
}

bool combine(int64_t seconds, int64_t nanos, int64_t* out, const char** why) {
  int64_t ns;
  if (__builtin_mul_overflow(seconds, kNanosPerSecond, &ns) ||
      __builtin_add_overflow(ns, nanos, &ns)) {
    *why = "outside the representable range 1677-09-21 .. 2262-04-11";
    return false;
  }
  *out = ns;
  return true;
}

// Integer part of an epoch number, up to 19 digits, must fit int64.
bool epoch_integer(Reader& r, int64_t* value, const char** why) {
  uint64_t v = 0;
  int n = 0;
  for (; r.is_digit(); ++r.p, ++n) {
    if (n == 19) break;
    v = v * 10 + static_cast<uint64_t>(*r.p - '0');
  }
  if (n == 0) {
    *why = "expected digits";
    return false;
  }
  if (r.is_digit() || v > static_cast<uint64_t>(INT64_MAX)) {
    *why = "epoch number too large";
    return false;
  }
  *value = static_cast<int64_t>(v);
  return true;
}

// Scales an epoch integer to nanoseconds by its magnitude (see timestamp.h).
bool scale_epoch(int64_t v, int64_t frac, int64_t* out, const char** why) {
  if (v < 100000000000) return combine(v, frac, out, why);
  const int64_t unit = v < 100000000000000 ? 1000000 : v < 100000000000000000 ? 1000 : 1;
  if (__builtin_mul_overflow(v, unit, out)) {
    *why = "outside the representable range 1677-09-21 .. 2262-04-11";
    return false;
  }
  return true;
}

bool parse_epoch(Reader r, int64_t* out, const char** why) {
  const bool negative = r.accept('-');
  int64_t v = 0, frac = 0;
  if (!epoch_integer(r, &v, why)) return false;
  if (r.accept('.')) {
    if (v >= 100000000000 || !r.is_digit()) {
      *why = "a fraction is allowed only for epoch seconds (|v| < 1e11)";
      return false;
    }
    frac = fraction_nanos(r);
  }
  if (!r.done()) {
    *why = "unexpected text after the epoch number";
    return false;
  }
  if (!scale_epoch(v, frac, out, why)) return false;
  if (negative) *out = -*out;
  return true;
}

bool parse_date(Reader& r, int64_t* days, const char** why) {
  int64_t y, m, d;
  r.digits(4, 4, &y);
  const char sep = *r.p++;  // '-' or '/', checked by the caller
  if (!r.digits(1, 2, &m) || !r.accept(sep) || !r.digits(1, 2, &d)) {
    *why = "expected a date YYYY-MM-DD";
    return false;
  }
  if (m < 1 || m > 12) {
    *why = "month out of range 1-12";
    return false;
  }
  if (d < 1 || d > days_in_month(y, m)) {
    *why = "day out of range for the month";
    return false;
  }
  *days = days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
  return true;
}

// HH:MM[:SS[.fff]] -> seconds of the day and nanoseconds.
bool parse_time(Reader& r, int64_t* seconds, int64_t* nanos, const char** why) {
  int64_t h, mi, s = 0;
  if (!r.digits(2, 2, &h) || !r.accept(':') || !r.digits(2, 2, &mi)) {
    *why = "expected a time HH:MM[:SS]";
    return false;
  }
  if (r.accept(':') && !r.digits(2, 2, &s)) {
    *why = "expected two digits of seconds";
    return false;
  }
  *nanos = 0;
  if (r.peek('.') || r.peek(',')) {
    ++r.p;
    if (!r.is_digit()) {
      *why = "expected digits after the decimal point";
      return false;
    }
    *nanos = fraction_nanos(r);
  }
  if (h > 23 || mi > 59 || s > 59) {
    *why = "time out of range (hours 0-23, minutes 0-59, seconds 0-59)";
    return false;
  }
  *seconds = h * 3600 + mi * 60 + s;
  return true;
}

// Z | ±HH | ±HHMM | +HH:MM -> offset east of UTC in seconds; 0 when absent.
bool parse_offset(Reader& r, int64_t* offset, const char** why) {
  *offset = 0;
  while (r.peek(' ')) ++r.p;
  if (r.accept('Z') || r.accept('z') || r.done()) return true;
  const int sign = r.peek('+') ? 1 : r.peek('-') ? -1 : 0;
  if (sign == 0) {
    *why = "unexpected text after the time (expected Z or +HH:MM)";
    return false;
  }
  ++r.p;
  int64_t h, m = 0;
  if (!r.digits(2, 2, &h)) {
    *why = "expected a UTC offset +HH:MM";
    return false;
  }
  const bool colon = r.accept(':');
  if ((colon || r.is_digit()) && !r.digits(2, 2, &m)) {
    *why = "expected two digits of offset minutes";
    return false;
  }
  if (h > 23 || m > 59) {
    *why = "UTC offset out of range";
    return false;
  }
  *offset = sign * (h * 3600 + m * 60);
  return true;
}

bool parse_datetime(Reader r, int64_t* out, const char** why) {
  int64_t days, seconds = 0, nanos = 0, offset = 0;
  if (!parse_date(r, &days, why)) return false;
  if (!r.done()) {
    if (!(r.accept('T') || r.accept('t') || r.accept(' '))) {
      *why = "expected 'T' or a space between date and time";
      return false;
    }
    if (!parse_time(r, &seconds, &nanos, why) || !parse_offset(r, &offset, why)) return false;
    if (!r.done()) {
      *why = "unexpected text after the timestamp";
      return false;
    }
  }
  return combine(days * 86400 + seconds - offset, nanos, out, why);
}

}  // namespace

bool parse_time_of_day_ns(std::string_view text, int64_t* out, const char** why) {
  const char* b = text.data();
  const char* e = b + text.size();
  while (b != e && (*b == ' ' || *b == '\t')) ++b;
  while (e != b && (e[-1] == ' ' || e[-1] == '\t')) --e;
  Reader r{b, e};
  int64_t seconds = 0, nanos = 0;
  if (!parse_time(r, &seconds, &nanos, why)) return false;
  if (!r.done()) {
    *why = "unexpected text after the time of day";
    return false;
  }
  *out = seconds * kNanosPerSecond + nanos;
  return true;
}

bool parse_timestamp_ns(std::string_view text, int64_t* out, const char** why) {
  const char* b = text.data();
  const char* e = b + text.size();
  while (b != e && (*b == ' ' || *b == '\t')) ++b;
  while (e != b && (e[-1] == ' ' || e[-1] == '\t')) --e;
  if (b == e) {
    *why = "empty";
    return false;
  }
  Reader r{b, e};
  bool date_like = e - b >= 5 && (b[4] == '-' || b[4] == '/');
  for (int i = 0; i < 4 && date_like; ++i) date_like = static_cast<unsigned>(b[i] - '0') < 10;
  if (date_like) return parse_datetime(r, out, why);
  if (r.peek('-') || r.is_digit()) return parse_epoch(r, out, why);
  *why = "not a date or an epoch number";
  return false;
}

}  // namespace nocode
