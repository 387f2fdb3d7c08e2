// A pool of numeric output buffers reused across engine runs.
//
// Indicator kernels write into buffers taken from the pool instead of fresh
// vectors. When the last owner of a buffer (a Value, a RunResult column, the
// node cache) lets go, the buffer goes back to the pool, up to a byte cap,
// instead of back to the operating system. The next run then writes into
// memory that is already mapped, so it pays no page faults (a fresh 1M-bar
// column costs ~2000 of them). Only memory that a run already used is kept:
// the pool never allocates ahead.
//
// Thread-safe: acquire() and the buffers' release may happen on any thread.
#pragma once

#include <cstddef>
#include <unordered_map>
#include <memory>
#include <mutex>
#include <vector>

namespace nocode::engine {

class BufferPool {
 public:
  explicit BufferPool(size_t max_bytes) : max_bytes_(max_bytes) {}
  ~BufferPool() { clear(); }
  BufferPool(const BufferPool&) = delete;
  BufferPool& operator=(const BufferPool&) = delete;

  // A buffer of exactly `n` doubles with unspecified contents. It returns to
  // this pool when its last shared_ptr goes away, so the pool must outlive
  // every buffer it hands out (process_buffer_pool() is never destroyed).
  std::shared_ptr<std::vector<double>> acquire(size_t n);

  // Bytes held for reuse now, and the cap (0 disables pooling).
  size_t pooled_bytes() const;
  void set_max_bytes(size_t max_bytes);
  void clear();

 private:
  void release(std::vector<double>* buffer);
  mutable std::mutex mu_;
  size_t max_bytes_;
  size_t bytes_ = 0;
  // size -> free buffers of that size (vectors, so a warm pool allocates nothing)
  std::unordered_map<size_t, std::vector<std::vector<double>*>> free_;
};

// The process-wide pool the engine uses (cap 1 GiB; NOCODE_BUFFER_POOL_MB
// in the environment overrides it, 0 disables).
BufferPool& process_buffer_pool();

}  // namespace nocode::engine
