// Frame: a table of bars. int64 UTC nanosecond timestamps plus named double
// columns of equal length (NaN = missing). Column names are stored lowercase
// and looked up case-insensitively.
//
// A Frame is a value; concurrent reads are safe, writes need external locking.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace nocode {

class Frame {
 public:
  Frame() = default;
  explicit Frame(std::vector<int64_t> timestamps) : timestamps_(std::move(timestamps)) {}

  size_t rows() const { return timestamps_.size(); }
  size_t columns() const { return names_.size(); }
  const std::vector<int64_t>& timestamps() const { return timestamps_; }
  std::vector<int64_t>& timestamps() { return timestamps_; }
  const std::vector<std::string>& names() const { return names_; }

  // Adds or replaces a column; its length must equal rows().
  Status set_column(std::string_view name, std::vector<double> values);
  bool has_column(std::string_view name) const { return find(name) >= 0; }
  // nullptr if absent.
  const std::vector<double>* column(std::string_view name) const;
  std::vector<double>* mutable_column(std::string_view name);
  // Error naming the missing column and the ones present.
  Result<const std::vector<double>*> require(std::string_view name) const;
  const std::vector<double>& column_at(size_t i) const { return data_[i]; }

  // OHLCV accessors; each requires the column to exist (check has_ohlc()).
  const std::vector<double>& open() const { return *column("open"); }
  const std::vector<double>& high() const { return *column("high"); }
  const std::vector<double>& low() const { return *column("low"); }
  const std::vector<double>& close() const { return *column("close"); }
  const std::vector<double>& volume() const { return *column("volume"); }
  bool has_ohlc() const;

  // Rows [begin, end) as a new Frame.
  Frame slice(size_t begin, size_t end) const;

 private:
  int find(std::string_view name) const;
  std::vector<int64_t> timestamps_;
  std::vector<std::string> names_;
  std::vector<std::vector<double>> data_;
};

// "2004-08-19" for midnight UTC, else "2017-04-19 09:00:00" (UTC), with
// fractional seconds when present.
std::string format_timestamp(int64_t ns_utc);

}  // namespace nocode
