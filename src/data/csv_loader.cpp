// Placeholder until the loader lands: see csv_loader.h for the contract.
#include "data/csv_loader.h"

namespace nocode {

Result<Frame> parse_csv(std::string_view, const CsvOptions&, std::string_view) {
  return Status::unsupported("CSV loading is not implemented yet");
}
Result<Frame> load_csv(const std::string& path, const CsvOptions&) {
  return Status::unsupported("CSV loading is not implemented yet: " + path);
}
Result<int64_t> parse_timestamp(std::string_view) {
  return Status::unsupported("timestamp parsing is not implemented yet");
}

}  // namespace nocode
