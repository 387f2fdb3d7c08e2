// Writes a table of timestamped columns as CSV (shortest round-trip doubles,
// "NaN" for missing) or as an aligned text table for terminals.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace nocode {

struct TableView {
  const std::vector<int64_t>* timestamps = nullptr;  // column "date"
  std::vector<std::string> names;
  std::vector<const std::vector<double>*> columns;
};

void write_csv(std::ostream& out, const TableView& table);
// Right-aligned columns separated by two spaces; `max_rows` > 0 elides the
// middle of long tables ("...") keeping the head and tail, and then also
// summarises the leading rows where every column is NaN (warm-up) in one line.
void write_text_table(std::ostream& out, const TableView& table, size_t max_rows = 0);

}  // namespace nocode
