// Where a data step's bars come from, and loading them.
//
//   --data FILE     every dataSource and customDataset reads FILE.
//   --data-dir DIR  dataSource {symbol, timeframe} is looked for as
//                     DIR/<SYMBOL>/<timeframe>.csv, then DIR/<SYMBOL>_<timeframe>.csv,
//                     then DIR/<SYMBOL>.csv (any timeframe; a note says so);
//                   symbols compare normalised (BTC/USD, btc-usd, BTC_USD -> BTCUSD),
//                   timeframes case-insensitively except 1M (month) vs 1m (minute).
//                   customDataset `fileName` is a path relative to DIR; absolute
//                   paths and paths leaving DIR are errors.
// customDataset's dateColumn/openColumn/... map file headers onto the bar
// fields when the file has such a header (case-insensitive); otherwise the
// loader's own detection applies. dataSource `startDate`/`endDate` (inclusive
// days) and then `bars` (the last N bars) restrict the rows.
//
// Stateless apart from its options; safe to use from many threads.
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"
#include "data/csv_loader.h"
#include "data/frame.h"
#include "workflow/plan.h"

namespace nocode::engine {

struct DataOptions {
  std::string data_file;  // --data: feeds every data step ("" = none)
  std::string data_dir;   // --data-dir ("" = none)
};

// A located source, before loading.
struct DataSourceRef {
  std::string path;         // the file to read
  CsvOptions csv;           // column mapping of a customDataset
  std::string fingerprint;  // path, size and modification time (for the cache key)
  std::string note;         // e.g. "timeframe not checked", or ""
};

class DataResolver {
 public:
  explicit DataResolver(DataOptions options) : options_(std::move(options)) {}

  // Errors name the node and list every path looked for.
  Result<DataSourceRef> locate(const workflow::Step& step) const;
  // Loads the file and applies the row restriction of `step`.
  Result<Frame> load(const DataSourceRef& ref, const workflow::Step& step) const;

  const DataOptions& options() const { return options_; }

 private:
  Result<DataSourceRef> locate_symbol(const workflow::Step& step) const;
  Result<DataSourceRef> locate_dataset(const workflow::Step& step) const;
  DataOptions options_;
};

// Upper case without '/', '-', '_', '.', spaces: "btc/usd" -> "BTCUSD".
std::string normalize_symbol(std::string_view symbol);

// startDate/endDate then bars, as described above. `node_id` is for errors.
Result<Frame> restrict_rows(const Frame& bars, const nlohmann::json& params,
                            const std::string& node_id);

}  // namespace nocode::engine
