#include "indicators/compute_many.h"

#include <atomic>
#include <mutex>
#include <thread>

#include "common/strings.h"

namespace nocode::indicators {

Result<IndicatorRequest> parse_request(const std::string& text, const Registry& registry) {
  const size_t colon = text.find(':');
  const std::string name(trim(text.substr(0, colon)));
  auto spec = registry.lookup(name);
  if (!spec) return spec.status();
  std::vector<std::pair<std::string, std::string>> given;
  if (colon != std::string::npos) {
    const std::string rest = text.substr(colon + 1);
    size_t pos = 0;
    while (pos <= rest.size()) {
      size_t comma = rest.find(',', pos);
      if (comma == std::string::npos) comma = rest.size();
      const std::string item(trim(std::string_view(rest).substr(pos, comma - pos)));
      if (!item.empty()) {
        const size_t eq = item.find('=');
        if (eq == std::string::npos)
          return Status::invalid_argument("indicator request '" + text + "': expected KEY=VALUE, got '" +
                                          item + "'");
        given.emplace_back(std::string(trim(item.substr(0, eq))),
                           std::string(trim(item.substr(eq + 1))));
      }
      pos = comma + 1;
    }
  }
  auto params = resolve_params_text(**spec, given);
  if (!params) return params.status();
  IndicatorRequest req;
  req.spec = *spec;
  req.params = std::move(*params);
  req.label = text;
  return req;
}

Result<std::vector<std::vector<std::vector<std::vector<double>>>>> compute_many(
    const std::vector<const Frame*>& frames, const std::vector<IndicatorRequest>& requests,
    const ComputeOptions& options) {
  using Outputs = std::vector<std::vector<double>>;
  std::vector<std::vector<Outputs>> results(frames.size(), std::vector<Outputs>(requests.size()));
  const size_t total = frames.size() * requests.size();
  std::atomic<size_t> next{0};
  std::mutex error_mutex;
  Status first_error;

  auto worker = [&] {
    for (size_t item = next++; item < total; item = next++) {
      const size_t s = item / requests.size(), r = item % requests.size();
      const IndicatorRequest& req = requests[r];
      auto out = compute_on_frame(*req.spec, req.params, *frames[s], req.binding);
      if (!out) {
        std::lock_guard<std::mutex> lock(error_mutex);
        if (first_error.is_ok())
          first_error = out.status().with_context("series " + std::to_string(s) + ", " + req.label);
        continue;
      }
      results[s][r] = std::move(*out);
    }
  };

  unsigned threads = options.threads > 0 ? unsigned(options.threads)
                                         : std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<size_t>(threads, std::max<size_t>(total, 1)));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  if (!first_error.is_ok()) return first_error;
  return results;
}

}  // namespace nocode::indicators
