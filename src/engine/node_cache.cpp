#include "engine/node_cache.h"

#include <utility>

namespace nocode::engine {

std::shared_ptr<const StepOutput> NodeCache::find(uint64_t key) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = entries_.find(key);
  return it == entries_.end() ? nullptr : it->second.output;
}

void NodeCache::put(uint64_t key, std::shared_ptr<const StepOutput> output) {
  std::lock_guard<std::mutex> lock(mu_);
  if (max_entries_ == 0) return;
  if (entries_.size() >= max_entries_ && !entries_.count(key)) {
    auto oldest = entries_.begin();
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
      if (it->second.seq < oldest->second.seq) oldest = it;
    }
    entries_.erase(oldest);
  }
  entries_[key] = Entry{std::move(output), next_seq_++};
}

size_t NodeCache::size() const {
  std::lock_guard<std::mutex> lock(mu_);
  return entries_.size();
}

void NodeCache::clear() {
  std::lock_guard<std::mutex> lock(mu_);
  entries_.clear();
}

uint64_t fnv1a(std::string_view text, uint64_t seed) {
  uint64_t h = seed;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

std::string hex64(uint64_t v) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) out[i] = kDigits[v & 0xf];
  return out;
}

}  // namespace nocode::engine
