#include "support/talib_oracle.h"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <unistd.h>

namespace nocode::testing {
namespace {

nlohmann::json to_json_array(const std::vector<double>& v) {
  nlohmann::json a = nlohmann::json::array();
  for (double x : v) a.push_back(std::isnan(x) ? nlohmann::json(nullptr) : nlohmann::json(x));
  return a;
}

std::string temp_path(const std::string& tag) {
  char buf[] = "/tmp/nocode_oracle_XXXXXX";
  int fd = mkstemp(buf);
  if (fd < 0) throw std::runtime_error("mkstemp failed");
  close(fd);
  return std::string(buf) + tag;
}

}  // namespace

std::vector<OracleResult> run_talib(const Ohlcv& s, const std::vector<OracleCase>& cases) {
  nlohmann::json req;
  req["inputs"] = {{"open", to_json_array(s.open)},     {"high", to_json_array(s.high)},
                   {"low", to_json_array(s.low)},       {"close", to_json_array(s.close)},
                   {"volume", to_json_array(s.volume)}, {"inReal", to_json_array(s.close)},
                   {"inReal0", to_json_array(s.close)}, {"inReal1", to_json_array(s.open)}};
  req["cases"] = nlohmann::json::array();
  for (const auto& c : cases) {
    nlohmann::json jc;
    jc["name"] = c.function;
    jc["optIn"] = nlohmann::json::object();
    for (const auto& [k, v] : c.opt_in) jc["optIn"][k] = v;
    req["cases"].push_back(jc);
  }
  const std::string in_path = temp_path(".json");
  const std::string out_path = in_path + ".out";
  {
    std::ofstream f(in_path);
    f << req.dump();
  }
  const std::string script = source_dir() + "/tests/oracle/talib_oracle.js";
  const std::string cmd = "node '" + script + "' < '" + in_path + "' > '" + out_path + "'";
  const int rc = std::system(cmd.c_str());
  std::remove(in_path.c_str());
  std::ifstream f(out_path);
  std::stringstream text;
  text << f.rdbuf();
  std::remove(out_path.c_str());
  if (rc != 0)
    throw std::runtime_error("TA-Lib oracle failed (is tests/oracle installed? run scripts/setup): " +
                             cmd);
  auto resp = nlohmann::json::parse(text.str());
  std::vector<OracleResult> out;
  for (const auto& r : resp.at("results")) {
    OracleResult res;
    if (r.contains("error")) {
      res.error = r["error"].get<std::string>();
      out.push_back(res);
      continue;
    }
    res.beg_index = r.at("begIndex").get<int>();
    for (const auto& o : r.at("outputs")) {
      std::vector<double> v;
      v.reserve(o.size());
      for (const auto& x : o) {
        if (x.is_null() || x.is_string()) v.push_back(std::nan(""));
        else v.push_back(x.get<double>());
      }
      res.outputs.push_back(std::move(v));
    }
    out.push_back(std::move(res));
  }
  return out;
}

}  // namespace nocode::testing
