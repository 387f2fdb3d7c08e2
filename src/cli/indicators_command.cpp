#include "cli/indicators_command.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "common/strings.h"
#include "data/csv_loader.h"
#include "data/csv_writer.h"
#include "indicators/catalogue.h"
#include "indicators/compute_many.h"
#include "indicators/registry.h"

namespace nocode::cli {
namespace {

using indicators::builtin_registry;

int fail(const Status& s) {
  std::cerr << "nocode: " << s.message() << "\n";
  return 1;
}

// Shared options of compute and compute-many.
struct InputOptions {
  std::string source = "close";  // column feeding single-series indicators
  std::string source1 = "open";  // second series of two-series statistics
  std::vector<std::string> columns;  // NAME=HEADER mappings for the loader
  bool sort = false, drop_duplicates = false;
};

Result<CsvOptions> csv_options_of(const InputOptions& o) {
  CsvOptions csv;
  csv.sort = o.sort;
  csv.drop_duplicates = o.drop_duplicates;
  for (const auto& m : o.columns) {
    const size_t eq = m.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == m.size())
      return Status::invalid_argument("--column '" + m + "': expected NAME=HEADER, e.g. close='Adj Close'");
    csv.column_map[m.substr(0, eq)] = m.substr(eq + 1);
  }
  return csv;
}

// Adds the data-loading options shared by compute and compute-many.
void add_input_options(CLI::App* cmd, InputOptions& o) {
  cmd->add_option("--source", o.source, "Column for single-series indicators")
      ->capture_default_str();
  cmd->add_option("--source1", o.source1, "Second series for BETA/CORREL")->capture_default_str();
  cmd->add_option("--column", o.columns,
                  "Map a column to a header of the file, NAME=HEADER (e.g. close='Adj Close', "
                  "timestamp=Time); repeatable");
  cmd->add_flag("--sort", o.sort, "Sort rows by timestamp instead of rejecting unsorted data");
  cmd->add_flag("--drop-duplicates", o.drop_duplicates,
                "Drop rows with a repeated timestamp (keep the first) instead of rejecting them");
}

indicators::InputBinding binding_of(const InputOptions& o) {
  indicators::InputBinding b;
  b.real = o.source;
  b.real0 = o.source;
  b.real1 = o.source1;
  return b;
}

Result<std::vector<std::pair<std::string, std::string>>> split_params(
    const std::vector<std::string>& items) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& item : items) {
    const size_t eq = item.find('=');
    if (eq == std::string::npos || eq == 0)
      return Status::invalid_argument("--param '" + item + "': expected KEY=VALUE");
    out.emplace_back(item.substr(0, eq), item.substr(eq + 1));
  }
  return out;
}

struct ComputeArgs {
  std::string name, data, out, format = "auto";
  std::vector<std::string> params;
  InputOptions input;
};

int run_compute(const ComputeArgs& a) {
  auto spec = builtin_registry().lookup(a.name);
  if (!spec) return fail(spec.status());
  auto given = split_params(a.params);
  if (!given) return fail(given.status());
  auto params = indicators::resolve_params_text(**spec, *given);
  if (!params) return fail(params.status());
  auto csv = csv_options_of(a.input);
  if (!csv) return fail(csv.status());
  auto frame = load_csv(a.data, *csv);
  if (!frame) return fail(frame.status());
  auto outputs = indicators::compute_on_frame(**spec, *params, *frame, binding_of(a.input));
  if (!outputs) return fail(outputs.status());

  TableView table;
  table.timestamps = &frame->timestamps();
  for (size_t k = 0; k < outputs->size(); ++k) {
    table.names.push_back((*spec)->outputs[k]);
    table.columns.push_back(&(*outputs)[k]);
  }
  if (!a.out.empty()) {
    const std::string tmp = a.out + ".tmp";
    {
      std::ofstream f(tmp, std::ios::binary);
      if (!f) return fail(Status::io_error("cannot write " + a.out));
      write_csv(f, table);
      if (!f.flush()) return fail(Status::io_error("cannot write " + a.out));
    }
    std::error_code ec;
    std::filesystem::rename(tmp, a.out, ec);  // all or nothing
    if (ec) return fail(Status::io_error("cannot write " + a.out + ": " + ec.message()));
    return 0;
  }
  if (a.format == "table") {
    write_text_table(std::cout, table);
  } else if (a.format == "auto" && isatty(STDOUT_FILENO)) {
    // On a terminal: a readable table, the middle elided (all rows with --format/--out).
    write_text_table(std::cout, table, 40);
  } else {
    write_csv(std::cout, table);
  }
  return 0;
}

struct ComputeManyArgs {
  std::vector<std::string> data, requests;
  std::string out_dir;
  int threads = 0;
  InputOptions input;
};

int run_compute_many(const ComputeManyArgs& a) {
  std::vector<indicators::IndicatorRequest> requests;
  for (const auto& text : a.requests) {
    auto r = indicators::parse_request(text);
    if (!r) return fail(r.status());
    r->binding = binding_of(a.input);
    requests.push_back(std::move(*r));
  }
  auto csv = csv_options_of(a.input);
  if (!csv) return fail(csv.status());
  std::vector<Frame> frames;
  for (const auto& path : a.data) {
    auto f = load_csv(path, *csv);
    if (!f) return fail(f.status());
    frames.push_back(std::move(*f));
  }
  std::vector<const Frame*> ptrs;
  for (const auto& f : frames) ptrs.push_back(&f);
  indicators::ComputeOptions options;
  options.threads = a.threads;
  auto results = indicators::compute_many(ptrs, requests, options);
  if (!results) return fail(results.status());
  std::error_code ec;
  std::filesystem::create_directories(a.out_dir, ec);
  if (ec) return fail(Status::io_error("cannot create " + a.out_dir + ": " + ec.message()));
  for (size_t s = 0; s < frames.size(); ++s) {
    TableView table;
    table.timestamps = &frames[s].timestamps();
    for (size_t r = 0; r < requests.size(); ++r) {
      const auto& outs = (*results)[s][r];
      for (size_t k = 0; k < outs.size(); ++k) {
        std::string col = requests[r].label;
        if (outs.size() > 1) col += "." + requests[r].spec->outputs[k];
        table.names.push_back(col);
        table.columns.push_back(&outs[k]);
      }
    }
    const std::string name = std::filesystem::path(a.data[s]).stem().string() + ".csv";
    const std::string path = (std::filesystem::path(a.out_dir) / name).string();
    std::ofstream f(path + ".tmp", std::ios::binary);
    write_csv(f, table);
    f.close();
    std::filesystem::rename(path + ".tmp", path, ec);
    if (ec || !f) return fail(Status::io_error("cannot write " + path));
    std::cerr << "wrote " << path << " (" << frames[s].rows() << " rows, " << table.names.size()
              << " columns)\n";
  }
  return 0;
}

int run_show(const std::string& name, bool json) {
  auto spec = builtin_registry().lookup(name);
  if (!spec) return fail(spec.status());
  const auto j = indicators::spec_json(**spec);
  if (json) {
    std::cout << j.dump(2) << "\n";
    return 0;
  }
  const auto& s = **spec;
  std::cout << s.name << " — " << s.title << (s.core ? " (TA-Lib core)" : "") << "\n";
  if (!s.talib_name.empty()) std::cout << "TA-Lib name: " << s.talib_name << "\n";
  std::cout << "group: " << s.group << "\ninputs:";
  for (auto k : s.inputs) std::cout << " " << indicators::input_kind_name(k);
  std::cout << "\noutputs:";
  for (const auto& o : s.outputs) std::cout << " " << o;
  std::cout << "\nlookback (defaults): " << j["lookback_default"] << "\nparameters:\n";
  for (const auto& p : s.params) {
    std::cout << "  " << p.name << " (default " << format_double(p.default_value) << ", range "
              << format_double(p.min) << ".." << format_double(p.max);
    if (!p.aliases.empty()) std::cout << ", aliases " << quoted_list(p.aliases, ", ");
    std::cout << "): " << p.description << "\n";
  }
  std::cout << "\n" << s.definition << "\nsource: " << s.source << "\n";
  return 0;
}

}  // namespace

void add_indicators_command(CLI::App& app, int* exit_code) {
  auto* ind = app.add_subcommand("indicators", "Technical indicators: catalogue and computation");
  ind->require_subcommand(1);

  auto* list = ind->add_subcommand("list", "List every indicator (generated from the registry)");
  auto json = std::make_shared<bool>(false);
  list->add_flag("--json", *json, "Machine-readable catalogue");
  list->callback([json, exit_code] {
    const auto& r = builtin_registry();
    if (*json) std::cout << indicators::catalogue_json(r).dump(2) << "\n";
    else std::cout << indicators::catalogue_table(r);
    *exit_code = 0;
  });

  auto* show = ind->add_subcommand("show", "Describe one indicator");
  auto show_name = std::make_shared<std::string>();
  auto show_json = std::make_shared<bool>(false);
  show->add_option("NAME", *show_name, "Indicator name (case-insensitive; TA-Lib names work)")
      ->required();
  show->add_flag("--json", *show_json, "Machine-readable description");
  show->callback([=] { *exit_code = run_show(*show_name, *show_json); });

  auto* compute = ind->add_subcommand(
      "compute", "Compute one indicator over a CSV of bars; prints CSV (a table on a terminal)");
  auto ca = std::make_shared<ComputeArgs>();
  compute->add_option("NAME", ca->name, "Indicator name, e.g. rsi, MACD, bbands")->required();
  compute->add_option("--data", ca->data, "Market data CSV")->required();
  compute->add_option("--param", ca->params, "KEY=VALUE (our names or TA-Lib's, e.g. timeperiod=14)")
      ->take_all();
  compute->add_option("--out", ca->out, "Write CSV to this file instead of standard output");
  compute->add_option("--format", ca->format, "auto (on a terminal: a table of the first and last 20 rows; else CSV), csv or table (all rows)")
      ->check(CLI::IsMember({"auto", "csv", "table"}));
  add_input_options(compute, ca->input);
  compute->callback([ca, exit_code] { *exit_code = run_compute(*ca); });

  auto* many = ind->add_subcommand(
      "compute-many", "Compute many indicators over many CSV files in parallel on all cores");
  auto ma = std::make_shared<ComputeManyArgs>();
  many->add_option("--data", ma->data, "Market data CSV files")->required()->take_all();
  many->add_option("--indicator", ma->requests,
                   "NAME[:KEY=VALUE,...], e.g. rsi:period=14 (repeatable)")
      ->required();
  many->add_option("--out", ma->out_dir, "Output directory (one CSV per input file)")->required();
  many->add_option("--threads", ma->threads, "Worker threads (0 = all cores)");
  add_input_options(many, ma->input);
  many->callback([ma, exit_code] { *exit_code = run_compute_many(*ma); });

  auto* docs = ind->add_subcommand("docs", "Print the Markdown catalogue (docs/indicators.md)");
  auto docs_out = std::make_shared<std::string>();
  docs->add_option("--out", *docs_out, "Write to this file");
  docs->callback([docs_out, exit_code] {
    const std::string md = indicators::catalogue_markdown(builtin_registry());
    if (docs_out->empty()) {
      std::cout << md;
    } else {
      std::ofstream f(*docs_out, std::ios::binary);
      f << md;
      if (!f) {
        *exit_code = fail(Status::io_error("cannot write " + *docs_out));
        return;
      }
    }
    *exit_code = 0;
  });
}

}  // namespace nocode::cli
