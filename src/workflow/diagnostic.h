// Diagnostics: what the workflow parser, validator and compiler report.
// Every diagnostic names the place (node id and/or JSON pointer into the
// document) and what was expected, with a suggestion when one exists.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace nocode::workflow {

enum class Severity { kError, kWarning, kInfo };

struct Diagnostic {
  Severity severity = Severity::kError;
  std::string code;     // stable machine id, e.g. "unknown_indicator", "cycle"
  std::string node_id;  // "" if not about one node
  std::string
      pointer;  // JSON pointer into the original document, e.g. "/nodes/3/data/parameters/period"
  std::string message;     // what is wrong and what was expected
  std::string suggestion;  // "did you mean 'rsi'?" or ""
};

const char* severity_name(Severity s);
nlohmann::json to_json(const Diagnostic& d);
// "error node 'rsi-1' (/nodes/1/data/parameters/indicator): unknown indicator 'rsy'; did you mean
// 'rsi'?"
std::string to_string(const Diagnostic& d);

class Diagnostics {
 public:
  void error(std::string code, std::string node_id, std::string pointer, std::string message,
             std::string suggestion = "");
  void warning(std::string code, std::string node_id, std::string pointer, std::string message,
               std::string suggestion = "");
  void info(std::string code, std::string node_id, std::string pointer, std::string message);
  bool has_errors() const;
  const std::vector<Diagnostic>& all() const { return items_; }
  void append(const Diagnostics& other);

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace nocode::workflow
