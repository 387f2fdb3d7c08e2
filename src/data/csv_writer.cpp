#include "data/csv_writer.h"

#include <algorithm>
#include <cmath>

#include "common/strings.h"
#include "data/frame.h"

namespace nocode {

void write_csv(std::ostream& out, const TableView& t) {
  out << "date";
  for (const auto& n : t.names) out << ',' << n;
  out << '\n';
  const size_t rows = t.timestamps ? t.timestamps->size() : 0;
  std::string line;
  for (size_t i = 0; i < rows; ++i) {
    line = format_timestamp((*t.timestamps)[i]);
    for (const auto* c : t.columns) {
      line += ',';
      line += format_double((*c)[i]);
    }
    line += '\n';
    out << line;
  }
}

void write_text_table(std::ostream& out, const TableView& t, size_t max_rows) {
  const size_t rows = t.timestamps ? t.timestamps->size() : 0;
  std::vector<size_t> shown;
  bool elided = false;
  size_t warmup = 0;  // leading rows where every column is NaN
  if (max_rows > 0) {
    auto all_nan = [&](size_t i) {
      for (const auto* c : t.columns)
        if (!std::isnan((*c)[i])) return false;
      return !t.columns.empty();
    };
    while (warmup < rows && all_nan(warmup)) ++warmup;
    if (warmup == rows) warmup = 0;
  }
  if (max_rows > 0 && rows - warmup > max_rows) {
    const size_t head = max_rows / 2, tail = max_rows - head;
    for (size_t i = warmup; i < warmup + head; ++i) shown.push_back(i);
    for (size_t i = rows - tail; i < rows; ++i) shown.push_back(i);
    elided = true;
  } else {
    for (size_t i = warmup; i < rows; ++i) shown.push_back(i);
  }
  std::vector<std::vector<std::string>> cells(shown.size());
  std::vector<std::string> header = {"date"};
  header.insert(header.end(), t.names.begin(), t.names.end());
  std::vector<size_t> width(header.size());
  for (size_t c = 0; c < header.size(); ++c) width[c] = header[c].size();
  for (size_t r = 0; r < shown.size(); ++r) {
    cells[r].push_back(format_timestamp((*t.timestamps)[shown[r]]));
    for (const auto* c : t.columns) cells[r].push_back(format_double((*c)[shown[r]]));
    for (size_t c = 0; c < cells[r].size(); ++c) width[c] = std::max(width[c], cells[r][c].size());
  }
  auto emit = [&](const std::vector<std::string>& row) {
    for (size_t c = 0; c < row.size(); ++c) {
      if (c) out << "  ";
      if (c == 0) out << row[c] << std::string(width[c] - row[c].size(), ' ');
      else out << std::string(width[c] - row[c].size(), ' ') << row[c];
    }
    out << '\n';
  };
  emit(header);
  if (warmup > 0) out << "... (" << warmup << " warm-up rows without a value)\n";
  for (size_t r = 0; r < shown.size(); ++r) {
    if (elided && r == max_rows / 2)
      out << "... (" << (rows - warmup - shown.size())
          << " more rows; --format csv or --out FILE for all)\n";
    emit(cells[r]);
  }
}

}  // namespace nocode
