#include "engine/data_resolver.h"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <set>
#include <vector>

#include "common/strings.h"
#include "engine/dataset_prep.h"
#include "ml/split.h"

namespace nocode::engine {
namespace {

namespace fs = std::filesystem;

std::string text_param(const nlohmann::json& params, const char* name) {
  auto it = params.find(name);
  if (it == params.end() || it->is_null()) return "";
  if (it->is_string()) return it->get<std::string>();
  return it->dump();
}

// "1M" stays (month); every other timeframe compares lowercase ("4H" = "4h").
std::string timeframe_key(std::string_view tf) {
  std::string t(trim(tf));
  if (!t.empty() && t.back() == 'M') return t;
  return to_lower(t);
}

// One stat(2): path, size and modification time (ns); "" when `p` is not a
// regular file.
std::string fingerprint_of(const fs::path& p) {
  struct stat st {};
  if (::stat(p.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return "";
  const long long mtime = static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
  return p.string() + "|" + std::to_string(static_cast<long long>(st.st_size)) + "|" +
         std::to_string(mtime);
}

// The entry of `dir` whose name satisfies `match`, if any (sorted for determinism).
std::optional<fs::path> find_entry(const fs::path& dir, bool want_dir,
                                   const std::function<bool(const std::string&)>& match) {
  std::error_code ec;
  std::vector<fs::path> hits;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (want_dir ? !e.is_directory(ec) : !e.is_regular_file(ec)) continue;
    if (match(e.path().filename().string())) hits.push_back(e.path());
  }
  if (hits.empty()) return std::nullopt;
  std::sort(hits.begin(), hits.end());
  return hits.front();
}

bool csv_named(const std::string& file, const std::string& stem_wanted,
               const std::function<std::string(std::string_view)>& norm) {
  if (file.size() < 4 || !iequals(std::string_view(file).substr(file.size() - 4), ".csv"))
    return false;
  return norm(std::string_view(file).substr(0, file.size() - 4)) == stem_wanted;
}

// Header names of a CSV file, lowercase and trimmed (unquoted).
std::set<std::string> header_names(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  if (line.rfind("\xEF\xBB\xBF", 0) == 0) line = line.substr(3);
  std::set<std::string> names;
  size_t start = 0;
  while (start <= line.size()) {
    size_t comma = line.find(',', start);
    if (comma == std::string::npos) comma = line.size();
    std::string cell(trim(std::string_view(line).substr(start, comma - start)));
    if (cell.size() >= 2 && cell.front() == '"' && cell.back() == '"')
      cell = cell.substr(1, cell.size() - 2);
    if (!cell.empty() && cell.back() == '\r') cell.pop_back();
    names.insert(to_lower(cell));
    start = comma + 1;
  }
  return names;
}

CsvOptions mapping_of(const workflow::Step& step, const std::string& path) {
  static const std::pair<const char*, const char*> kMap[] = {
      {"dateColumn", "timestamp"}, {"openColumn", "open"},   {"highColumn", "high"},
      {"lowColumn", "low"},        {"closeColumn", "close"}, {"volumeColumn", "volume"}};
  CsvOptions csv;
  if (step.kind != workflow::StepKind::kCustomDataset) return csv;
  const auto header = header_names(path);
  for (const auto& [param, field] : kMap) {
    const std::string name = text_param(step.params, param);
    if (!name.empty() && header.count(to_lower(name)) && to_lower(name) != field)
      csv.column_map[field] = name;
  }
  return csv;
}

// customDataset fills that read later bars get a note in the run summary.
std::string look_ahead_note(const workflow::Step& step) {
  if (step.kind != workflow::StepKind::kCustomDataset) return "";
  const std::string m = text_param(step.params, "missingValues");
  Result<MissingValues> parsed = parse_missing_values(m);
  if (!parsed || !reads_later_bars(*parsed)) return "";
  return "node '" + step.node_id + "': missingValues '" + m +
         "' fills a missing value from later bars (look-ahead in the filled cells)";
}

}  // namespace

std::string normalize_symbol(std::string_view symbol) {
  std::string out;
  for (char c : trim(symbol)) {
    if (c == '/' || c == '-' || c == '_' || c == '.' || c == ' ') continue;
    out.push_back(c);
  }
  return to_upper(out);
}

Result<DataSourceRef> DataResolver::locate(const workflow::Step& step) const {
  if (!options_.data_file.empty()) {
    DataSourceRef ref;
    ref.fingerprint = fingerprint_of(options_.data_file);
    if (ref.fingerprint.empty())
      return Status::not_found("--data '" + options_.data_file + "': no such file");
    ref.path = options_.data_file;
    ref.csv = mapping_of(step, ref.path);
    ref.note = look_ahead_note(step);
    return ref;
  }
  if (options_.data_dir.empty()) {
    return Status::invalid_argument("node '" + step.node_id + "' (" + step.type +
                                    ") needs market data: pass --data FILE or --data-dir DIR");
  }
  if (step.kind == workflow::StepKind::kCustomDataset) return locate_dataset(step);
  return locate_symbol(step);
}

Result<DataSourceRef> DataResolver::locate_symbol(const workflow::Step& step) const {
  const fs::path dir(options_.data_dir);
  const std::string raw = text_param(step.params, "symbol");
  const std::string sym = normalize_symbol(raw);
  const std::string tf = text_param(step.params, "timeframe");
  if (sym.empty())
    return Status::invalid_argument("node '" + step.node_id + "': dataSource has no symbol");
  const auto upper = [](std::string_view s) { return normalize_symbol(s); };
  const auto tfkey = [](std::string_view s) { return timeframe_key(s); };
  DataSourceRef ref;
  if (auto sub = find_entry(dir, true, [&](const std::string& n) { return upper(n) == sym; })) {
    if (auto f = find_entry(*sub, false, [&](const std::string& n) {
          return csv_named(n, timeframe_key(tf), tfkey);
        })) {
      ref.path = f->string();
    }
  }
  const std::string want = sym + "|" + timeframe_key(tf);
  if (ref.path.empty()) {
    if (auto f = find_entry(dir, false, [&](const std::string& n) {
          if (n.size() < 5) return false;
          const std::string stem = n.substr(0, n.size() - 4);
          const size_t us = stem.rfind('_');
          if (us == std::string::npos || !iequals(n.substr(n.size() - 4), ".csv")) return false;
          return upper(stem.substr(0, us)) + "|" + timeframe_key(stem.substr(us + 1)) == want;
        })) {
      ref.path = f->string();
    }
  }
  if (ref.path.empty()) {
    if (auto f = find_entry(dir, false, [&](const std::string& n) { return csv_named(n, sym, upper); })) {
      ref.path = f->string();
      ref.note = "node '" + step.node_id + "': " + ref.path + " has no timeframe in its name; '" +
                 tf + "' was not checked";
    }
  }
  if (ref.path.empty()) {
    const std::string d = dir.string();
    return Status::not_found("node '" + step.node_id + "': no data for symbol '" + raw +
                             "' timeframe '" + tf + "'; looked for " + d + "/" + sym + "/" + tf +
                             ".csv, " + d + "/" + sym + "_" + tf + ".csv and " + d + "/" + sym +
                             ".csv (symbol compared without / - _ . and case)");
  }
  ref.fingerprint = fingerprint_of(ref.path);
  return ref;
}

Result<DataSourceRef> DataResolver::locate_dataset(const workflow::Step& step) const {
  const std::string name = text_param(step.params, "fileName");
  if (name.empty() || name == "No file uploaded") {
    return Status::invalid_argument("node '" + step.node_id +
                                    "': customDataset has no file (fileName is '" + name + "')");
  }
  const fs::path rel(name);
  std::error_code ec;
  const fs::path root = fs::weakly_canonical(options_.data_dir, ec);
  const fs::path full = fs::weakly_canonical(root / rel, ec);
  const auto [root_end, full_it] = std::mismatch(root.begin(), root.end(), full.begin(), full.end());
  if (rel.is_absolute() || root_end != root.end() || full == root) {
    return Status::invalid_argument("node '" + step.node_id + "': fileName '" + name +
                                    "' leaves the data directory " + root.string() +
                                    "; give a path inside it");
  }
  if (!fs::is_regular_file(full, ec)) {
    return Status::not_found("node '" + step.node_id + "': fileName '" + name +
                             "': no such file " + full.string());
  }
  DataSourceRef ref;
  ref.path = full.string();
  ref.csv = mapping_of(step, ref.path);
  ref.fingerprint = fingerprint_of(full);
  ref.note = look_ahead_note(step);
  return ref;
}

Result<Frame> DataResolver::load(const DataSourceRef& ref, const workflow::Step& step) const {
  Result<Frame> frame = load_csv(ref.path, ref.csv);
  if (!frame) return frame.status().with_context("node '" + step.node_id + "'");
  if (step.kind != workflow::StepKind::kCustomDataset)
    return restrict_rows(*frame, step.params, step.node_id);
  // customDataset: missing values on the whole file, then the row
  // restriction, then the (causal) normalization of what is left.
  Result<MissingValues> missing = parse_missing_values(text_param(step.params, "missingValues"));
  if (!missing) return missing.status().with_context("node '" + step.node_id + "'");
  Result<Normalization> norm = parse_normalization(text_param(step.params, "normalization"));
  if (!norm) return norm.status().with_context("node '" + step.node_id + "'");
  Result<Frame> rows = restrict_rows(fill_missing(*frame, *missing), step.params, step.node_id);
  if (!rows) return rows.status();
  return normalize(*rows, *norm);
}

Result<Frame> restrict_rows(const Frame& bars, const nlohmann::json& params,
                            const std::string& node_id) {
  const auto& ts = bars.timestamps();
  size_t begin = 0, end = bars.rows();
  const std::string start = text_param(params, "startDate");
  const std::string stop = text_param(params, "endDate");
  if (!start.empty()) {
    Result<int64_t> t = parse_timestamp(start);
    if (!t) return Status::invalid_argument("node '" + node_id + "': startDate '" + start +
                                            "': expected YYYY-MM-DD");
    begin = std::lower_bound(ts.begin(), ts.end(), *t) - ts.begin();
  }
  if (!stop.empty()) {
    Result<int64_t> t = ml::parse_split_boundary(stop);
    if (!t) return Status::invalid_argument("node '" + node_id + "': endDate '" + stop +
                                            "': expected YYYY-MM-DD");
    end = std::upper_bound(ts.begin(), ts.end(), *t) - ts.begin();
  }
  auto it = params.find("bars");
  if (it != params.end() && it->is_number() && it->get<double>() >= 1 && end > begin) {
    const auto n = static_cast<size_t>(std::min(it->get<double>(), 1e15));
    if (end - begin > n) begin = end - n;
  }
  if (end <= begin) {
    return Status::invalid_argument("node '" + node_id + "': no bars left after startDate '" +
                                    start + "' / endDate '" + stop + "' (the data spans " +
                                    (ts.empty() ? "nothing" : format_timestamp(ts.front()) +
                                     " .. " + format_timestamp(ts.back())) + ")");
  }
  return bars.slice(begin, end);
}

}  // namespace nocode::engine
