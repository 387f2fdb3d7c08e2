// Frame: a table of bars. int64 UTC nanosecond timestamps plus named double
// columns of equal length (NaN = missing). Column names are stored lowercase
// and looked up case-insensitively.
//
// Storage is shared: the timestamps and every column live behind shared
// pointers, so copying a Frame, or building one from another Frame's columns
// (set_column with a shared pointer), copies no numbers. Writes go through
// copy-on-write: mutable_column() and the non-const timestamps() first
// detach the data if anything else shares it, so a write never shows up in
// another Frame.
//
// A Frame is a value; concurrent reads are safe, writes need external locking.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace nocode {

class Frame {
 public:
  using Column = std::vector<double>;
  using ColumnPtr = std::shared_ptr<const Column>;
  using TimestampsPtr = std::shared_ptr<const std::vector<int64_t>>;

  Frame() = default;
  explicit Frame(std::vector<int64_t> timestamps);
  // Shares `timestamps` (null = no rows).
  explicit Frame(TimestampsPtr timestamps) : ts_(std::move(timestamps)) {}

  size_t rows() const { return ts_ ? ts_->size() : 0; }
  size_t columns() const { return names_.size(); }
  const std::vector<int64_t>& timestamps() const;
  std::vector<int64_t>& timestamps();  // detaches shared timestamps first
  // The shared timestamps (null for an empty default Frame).
  const TimestampsPtr& shared_timestamps() const { return ts_; }
  // True when both frames hold the same timestamps object (no comparison).
  bool shares_timestamps(const Frame& other) const { return ts_ && ts_ == other.ts_; }
  const std::vector<std::string>& names() const { return names_; }

  // Adds or replaces a column; its length must equal rows().
  Status set_column(std::string_view name, std::vector<double> values);
  // As above, sharing `values` (not copied; must not be null).
  Status set_column(std::string_view name, ColumnPtr values);
  // Appends a column the caller knows is absent (no name lookup: building a
  // wide frame stays linear); `name` must already be lowercase.
  Status append_new_column(std::string name, ColumnPtr values);
  bool has_column(std::string_view name) const { return find(name) >= 0; }
  // nullptr if absent.
  const std::vector<double>* column(std::string_view name) const;
  // The column's shared storage; null if absent.
  ColumnPtr shared_column(std::string_view name) const;
  // Detaches a shared column first; nullptr if absent.
  std::vector<double>* mutable_column(std::string_view name);
  // Error naming the missing column and the ones present.
  Result<const std::vector<double>*> require(std::string_view name) const;
  const std::vector<double>& column_at(size_t i) const { return *data_[i].values; }
  const ColumnPtr& shared_column_at(size_t i) const { return data_[i].values; }

  // OHLCV accessors; each requires the column to exist (check has_ohlc()).
  const std::vector<double>& open() const { return *column("open"); }
  const std::vector<double>& high() const { return *column("high"); }
  const std::vector<double>& low() const { return *column("low"); }
  const std::vector<double>& close() const { return *column("close"); }
  const std::vector<double>& volume() const { return *column("volume"); }
  bool has_ohlc() const;

  // Rows [begin, end) as a new Frame (copies the rows; the whole range shares).
  Frame slice(size_t begin, size_t end) const;

 private:
  struct Slot {
    ColumnPtr values;
    bool owned = false;  // created by this Frame as a mutable vector, so writable once unshared
  };
  int find(std::string_view name) const;
  // Replaces the column `name` or appends it (the length is checked).
  Status put(std::string_view name, Slot slot);
  TimestampsPtr ts_;
  bool ts_owned_ = false;
  std::vector<std::string> names_;
  std::vector<Slot> data_;
};

// "2004-08-19" for midnight UTC, else "2017-04-19 09:00:00" (UTC), with
// fractional seconds when present.
std::string format_timestamp(int64_t ns_utc);

}  // namespace nocode
