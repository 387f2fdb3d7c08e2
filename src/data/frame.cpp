#include "data/frame.h"

#include <algorithm>
#include <cstdio>
#include <ctime>

#include "common/strings.h"

namespace nocode {

Frame::Frame(std::vector<int64_t> timestamps)
    : ts_(std::make_shared<std::vector<int64_t>>(std::move(timestamps))), ts_owned_(true) {}

const std::vector<int64_t>& Frame::timestamps() const {
  static const std::vector<int64_t> kEmpty;
  return ts_ ? *ts_ : kEmpty;
}

std::vector<int64_t>& Frame::timestamps() {
  if (!ts_ || !ts_owned_ || ts_.use_count() > 1) {
    ts_ = std::make_shared<std::vector<int64_t>>(ts_ ? *ts_ : std::vector<int64_t>{});
    ts_owned_ = true;
  }
  // Created here as a mutable vector and held by this Frame alone.
  return const_cast<std::vector<int64_t>&>(*ts_);
}

int Frame::find(std::string_view name) const {
  for (size_t i = 0; i < names_.size(); ++i)
    if (iequals(names_[i], name)) return static_cast<int>(i);
  return -1;
}

Status Frame::put(std::string_view name, Slot slot) {
  if (slot.values->size() != rows())
    return Status::invalid_argument("column '" + std::string(name) + "' has " +
                                    std::to_string(slot.values->size()) + " rows; the frame has " +
                                    std::to_string(rows()));
  const int i = find(name);
  if (i >= 0) {
    data_[i] = std::move(slot);
  } else {
    names_.push_back(to_lower(name));
    data_.push_back(std::move(slot));
  }
  return Status::ok();
}

Status Frame::set_column(std::string_view name, std::vector<double> values) {
  return put(name, Slot{std::make_shared<std::vector<double>>(std::move(values)), true});
}

Status Frame::set_column(std::string_view name, ColumnPtr values) {
  if (!values) return Status::invalid_argument("column '" + std::string(name) + "' is null");
  return put(name, Slot{std::move(values), false});
}

Status Frame::append_new_column(std::string name, ColumnPtr values) {
  if (!values || values->size() != rows())
    return Status::invalid_argument("column '" + name + "' has " +
                                    std::to_string(values ? values->size() : 0) +
                                    " rows; the frame has " + std::to_string(rows()));
  names_.push_back(std::move(name));
  data_.push_back(Slot{std::move(values), false});
  return Status::ok();
}

const std::vector<double>* Frame::column(std::string_view name) const {
  const int i = find(name);
  return i < 0 ? nullptr : data_[i].values.get();
}

Frame::ColumnPtr Frame::shared_column(std::string_view name) const {
  const int i = find(name);
  return i < 0 ? nullptr : data_[i].values;
}

std::vector<double>* Frame::mutable_column(std::string_view name) {
  const int i = find(name);
  if (i < 0) return nullptr;
  Slot& s = data_[i];
  if (!s.owned || s.values.use_count() > 1) {
    s.values = std::make_shared<std::vector<double>>(*s.values);
    s.owned = true;
  }
  // Owned slots were created as mutable vectors and nothing else holds them.
  return const_cast<std::vector<double>*>(s.values.get());
}

Result<const std::vector<double>*> Frame::require(std::string_view name) const {
  if (const auto* c = column(name)) return c;
  return Status::not_found("no column '" + std::string(name) + "' (columns: " +
                           quoted_list(names_, ", ") + ")");
}

bool Frame::has_ohlc() const {
  return has_column("open") && has_column("high") && has_column("low") && has_column("close");
}

Frame Frame::slice(size_t begin, size_t end) const {
  end = std::min(end, rows());
  begin = std::min(begin, end);
  if (begin == 0 && end == rows()) return *this;
  const auto& ts = timestamps();
  Frame f(std::vector<int64_t>(ts.begin() + begin, ts.begin() + end));
  for (size_t c = 0; c < names_.size(); ++c) {
    const Column& col = *data_[c].values;
    (void)f.set_column(names_[c], std::vector<double>(col.begin() + begin, col.begin() + end));
  }
  return f;
}

std::string format_timestamp(int64_t ns) {
  int64_t secs = ns / 1000000000;
  int64_t frac = ns % 1000000000;
  if (frac < 0) {
    frac += 1000000000;
    secs -= 1;
  }
  const std::time_t t = static_cast<std::time_t>(secs);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  if (frac == 0 && tm.tm_hour == 0 && tm.tm_min == 0 && tm.tm_sec == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    return buf;
  }
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
  std::string out = buf;
  if (frac != 0) {
    char f[16];
    std::snprintf(f, sizeof f, ".%09lld", static_cast<long long>(frac));
    std::string fs = f;
    while (fs.back() == '0') fs.pop_back();
    out += fs;
  }
  return out;
}

}  // namespace nocode
