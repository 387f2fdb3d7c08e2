// The on-disk node cache (`nocode run --cache-dir DIR`): step outputs kept
// in files by the engine's cache key, so a run in a NEW process recomputes
// only the steps whose key changed. The in-memory NodeCache stays in front of
// it; the engine asks the disk only on a memory miss.
//
// One file a step output, DIR/<key as 16 hex digits>.ncc:
//   header (48 bytes, little-endian): magic "NOCODEC\0", u32 format version,
//   u32 kind (1 = step output), u64 key, u64 rows (of the first value),
//   u64 payload bytes, u64 checksum of the payload (word-wise FNV-1a 64);
//   payload: the timelines (a data step's bars by that step's key, or inline
//   timestamps + columns), the values by output handle, the action fires.
// Files are written to a temporary sibling and renamed into place, so a
// reader never sees half a file. A file that is truncated, fails its
// checksum, has another version or key, or names a timeline this run does not
// have is ignored (the step is recomputed) with a note; nothing crashes.
// After each run the directory is trimmed to `max_bytes`, least recently
// used first (a hit refreshes the file's modification time).
//
// Model and backtest outputs are not stored (they hold objects, not columns).
//
// Thread-safety: all members are const and safe to call from many threads;
// concurrent writers of the same key each rename a complete file.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "common/status.h"
#include "engine/step_output.h"
#include "workflow/plan.h"

namespace nocode::engine {

struct DiskCacheOptions {
  std::string dir;                      // "" = no disk cache
  uint64_t max_bytes = 1ull << 30;      // size cap of DIR's cache files; 0 = unlimited
  Status validate() const;              // dir, when set, must be creatable
  bool enabled() const { return !dir.empty(); }
};

// The bars of the data steps already run: (data step key, bars).
using DataTimelines = std::vector<std::pair<uint64_t, std::shared_ptr<const Frame>>>;

class DiskCache {
 public:
  explicit DiskCache(DiskCacheOptions options) : options_(std::move(options)) {}

  // The stored output of `key`, or null when there is none (`note` stays
  // empty) or the file is unusable (`note` says why).
  std::shared_ptr<const StepOutput> load(uint64_t key, const DataTimelines& timelines,
                                         std::string* note) const;
  // Stores `out` unless its kind is not storable; errors go to `note`.
  void store(uint64_t key, const workflow::Step& step, const StepOutput& out,
             const DataTimelines& timelines, std::string* note) const;
  // Deletes the least recently used files until DIR's cache files fit max_bytes.
  void trim() const;

  std::string path_of(uint64_t key) const;
  const DiskCacheOptions& options() const { return options_; }

 private:
  DiskCacheOptions options_;
};

}  // namespace nocode::engine
