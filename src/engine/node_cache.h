// The node cache: step outputs by the engine's cache key, kept in memory
// across runs in one process, so a re-run after a parameter change recomputes
// only the steps whose key changed (the step itself and what depends on it).
//
// A key is the FNV-1a 64 of the plan step's content hash (Step::hash: kind,
// resolved parameters, input hashes) combined with the keys of its inputs and
// of the base data; a data step's key also covers the file it reads (path,
// size, modification time) and its row restriction, so changed data is never
// served from the cache.
//
// Thread-safe: every member may be called from many threads at once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "engine/step_output.h"

namespace nocode::engine {

class NodeCache {
 public:
  // `max_entries` bounds memory: when full, the oldest entry is evicted.
  explicit NodeCache(size_t max_entries = 4096) : max_entries_(max_entries) {}

  // nullptr if absent.
  std::shared_ptr<const StepOutput> find(uint64_t key) const;
  void put(uint64_t key, std::shared_ptr<const StepOutput> output);
  size_t size() const;
  void clear();

 private:
  size_t max_entries_;
  mutable std::mutex mu_;
  uint64_t next_seq_ = 0;
  struct Entry {
    std::shared_ptr<const StepOutput> output;
    uint64_t seq = 0;
  };
  std::unordered_map<uint64_t, Entry> entries_;
};

// 64-bit FNV-1a, continued from `seed` (the FNV offset basis by default).
uint64_t fnv1a(std::string_view text, uint64_t seed = 14695981039346656037ull);
// "0123456789abcdef"
std::string hex64(uint64_t v);

}  // namespace nocode::engine
