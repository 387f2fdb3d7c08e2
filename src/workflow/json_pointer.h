// Internal to src/workflow: building RFC 6901 JSON pointers for diagnostics,
// and reading ids. Pure functions.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace nocode::workflow {

// `base` + "/" + the escaped key ("~" -> "~0", "/" -> "~1").
inline std::string pointer_append(const std::string& base, std::string_view key) {
  std::string out = base + "/";
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

inline std::string pointer_append(const std::string& base, size_t index) {
  return base + "/" + std::to_string(index);
}

// An id as written: a string, or an integer (ids like 1); "" otherwise.
inline std::string id_text(const nlohmann::json& j) {
  if (j.is_string()) return j.get<std::string>();
  if (j.is_number_integer() || j.is_number_unsigned()) return j.dump();
  return "";
}

}  // namespace nocode::workflow
