// Diagnostics: formatting and the collector. Messages are assembled by the
// callers; this file only decides how a diagnostic is rendered.
#include "workflow/diagnostic.h"

#include <utility>

#include "common/strings.h"

namespace nocode::workflow {

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "info";
  }
  return "error";
}

nlohmann::json to_json(const Diagnostic& d) {
  // Every key is always present so clients can rely on one shape.
  return nlohmann::json{{"severity", severity_name(d.severity)},
                        {"code", d.code},
                        {"node_id", d.node_id},
                        {"pointer", d.pointer},
                        {"message", d.message},
                        {"suggestion", d.suggestion}};
}

std::string to_string(const Diagnostic& d) {
  std::string out = severity_name(d.severity);
  if (!d.node_id.empty()) out += " node '" + d.node_id + "'";
  if (!d.pointer.empty()) out += " (" + d.pointer + ")";
  out += ": " + d.message;
  if (!d.suggestion.empty()) out += "; " + d.suggestion;
  return out;
}

namespace {

Diagnostic make(Severity severity, std::string code, std::string node_id, std::string pointer,
                std::string message, std::string suggestion) {
  Diagnostic d;
  d.severity = severity;
  d.code = std::move(code);
  // Messages may quote raw input (a JSON parse error's "last read"): keep them UTF-8.
  d.node_id = sanitize_utf8(node_id);
  d.pointer = sanitize_utf8(pointer);
  d.message = sanitize_utf8(message);
  d.suggestion = sanitize_utf8(suggestion);
  return d;
}

}  // namespace

void Diagnostics::error(std::string code, std::string node_id, std::string pointer,
                        std::string message, std::string suggestion) {
  items_.push_back(make(Severity::kError, std::move(code), std::move(node_id), std::move(pointer),
                        std::move(message), std::move(suggestion)));
}

void Diagnostics::warning(std::string code, std::string node_id, std::string pointer,
                          std::string message, std::string suggestion) {
  items_.push_back(make(Severity::kWarning, std::move(code), std::move(node_id), std::move(pointer),
                        std::move(message), std::move(suggestion)));
}

void Diagnostics::info(std::string code, std::string node_id, std::string pointer,
                       std::string message) {
  items_.push_back(make(Severity::kInfo, std::move(code), std::move(node_id), std::move(pointer),
                        std::move(message), ""));
}

bool Diagnostics::has_errors() const {
  for (const Diagnostic& d : items_) {
    if (d.severity == Severity::kError) return true;
  }
  return false;
}

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

}  // namespace nocode::workflow
