// BufferPool: free buffers by size in a hash map of stacks; a custom shared_ptr deleter
// hands them back.
#include "engine/buffer_pool.h"

#include <cstdlib>

namespace nocode::engine {

std::shared_ptr<std::vector<double>> BufferPool::acquire(size_t n) {
  std::vector<double>* buf = nullptr;
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = free_.find(n);
    if (it != free_.end() && !it->second.empty()) {
      buf = it->second.back();
      it->second.pop_back();
      bytes_ -= n * sizeof(double);
    }
  }
  if (!buf) buf = new std::vector<double>(n);
  return std::shared_ptr<std::vector<double>>(buf, [this](std::vector<double>* b) { release(b); });
}

void BufferPool::release(std::vector<double>* buffer) {
  const size_t bytes = buffer->capacity() * sizeof(double);
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (bytes > 0 && buffer->size() == buffer->capacity() && bytes_ + bytes <= max_bytes_) {
      bytes_ += bytes;
      free_[buffer->size()].push_back(buffer);
      return;
    }
  }
  delete buffer;
}

size_t BufferPool::pooled_bytes() const {
  std::lock_guard<std::mutex> lock(mu_);
  return bytes_;
}

void BufferPool::set_max_bytes(size_t max_bytes) {
  std::lock_guard<std::mutex> lock(mu_);
  max_bytes_ = max_bytes;
}

void BufferPool::clear() {
  std::unordered_map<size_t, std::vector<std::vector<double>*>> drop;
  {
    std::lock_guard<std::mutex> lock(mu_);
    drop.swap(free_);
    bytes_ = 0;
  }
  for (auto& [n, buffers] : drop)
    for (auto* b : buffers) delete b;
}

BufferPool& process_buffer_pool() {
  static BufferPool* pool = [] {
    size_t mb = 1024;
    if (const char* env = std::getenv("NOCODE_BUFFER_POOL_MB"); env && *env)
      mb = static_cast<size_t>(std::strtoull(env, nullptr, 10));
    return new BufferPool(mb << 20);  // never destroyed: buffers may outlive main()
  }();
  return *pool;
}

}  // namespace nocode::engine
