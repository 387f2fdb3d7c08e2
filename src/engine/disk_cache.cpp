// DiskCache: a byte-buffer writer/reader pair for StepOutput, the file
// header, atomic publication and LRU trimming.
#include "engine/disk_cache.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "engine/node_cache.h"

namespace nocode::engine {
namespace {

namespace fs = std::filesystem;

constexpr char kMagic[8] = {'N', 'O', 'C', 'O', 'D', 'E', 'C', '\0'};
constexpr uint32_t kVersion = 1;
constexpr uint32_t kKindStepOutput = 1;
constexpr size_t kHeaderBytes = 48;
constexpr const char* kExtension = ".ncc";

// FNV-1a 64 over 8-byte words (the tail byte by byte): fast enough for
// multi-megabyte payloads, and any flipped bit changes it.
uint64_t checksum(const char* p, size_t n) {
  uint64_t h = 14695981039346656037ull;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    h = (h ^ w) * 1099511628211ull;
  }
  for (; i < n; ++i) h = (h ^ static_cast<unsigned char>(p[i])) * 1099511628211ull;
  return h;
}

class Writer {
 public:
  template <typename T>
  void put(T v) { buf_.append(reinterpret_cast<const char*>(&v), sizeof v); }
  template <typename T>
  void put_array(const std::vector<T>& v) {
    put<uint64_t>(v.size());
    if (!v.empty()) buf_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  }
  void put_string(const std::string& s) {
    put<uint32_t>(static_cast<uint32_t>(s.size()));
    buf_ += s;
  }
  std::string& bytes() { return buf_; }

 private:
  std::string buf_;
};

class Reader {
 public:
  Reader(const char* p, size_t n) : p_(p), n_(n) {}
  template <typename T>
  bool get(T& v) {
    if (n_ - pos_ < sizeof v) return false;
    std::memcpy(&v, p_ + pos_, sizeof v);
    pos_ += sizeof v;
    return true;
  }
  template <typename T>
  bool get_array(std::vector<T>& v) {
    uint64_t n = 0;
    if (!get(n) || n > (n_ - pos_) / sizeof(T)) return false;
    v.resize(n);
    if (n) std::memcpy(v.data(), p_ + pos_, n * sizeof(T));
    pos_ += n * sizeof(T);
    return true;
  }
  bool get_string(std::string& s) {
    uint32_t n = 0;
    if (!get(n) || n > n_ - pos_) return false;
    s.assign(p_ + pos_, n);
    pos_ += n;
    return true;
  }
  bool done() const { return pos_ == n_; }

 private:
  const char* p_;
  size_t n_;
  size_t pos_ = 0;
};

bool storable(workflow::StepKind k) {
  return k != workflow::StepKind::kModel && k != workflow::StepKind::kBacktest;
}

// --- payload ----------------------------------------------------------------

void put_frame(Writer& w, const Frame& f) {
  w.put_array(f.timestamps());
  w.put<uint32_t>(static_cast<uint32_t>(f.columns()));
  for (size_t c = 0; c < f.columns(); ++c) {
    w.put_string(f.names()[c]);
    w.put_array(f.column_at(c));
  }
}

bool get_frame(Reader& r, std::shared_ptr<const Frame>& out) {
  std::vector<int64_t> ts;
  uint32_t cols = 0;
  if (!r.get_array(ts) || !r.get(cols)) return false;
  auto f = std::make_shared<Frame>(std::move(ts));
  for (uint32_t c = 0; c < cols; ++c) {
    std::string name;
    std::vector<double> col;
    if (!r.get_string(name) || !r.get_array(col) || !f->set_column(name, std::move(col)).is_ok())
      return false;
  }
  out = std::move(f);
  return true;
}

// Timelines: index by Frame pointer; a data step's bars go by its key.
bool put_payload(Writer& w, const StepOutput& out, const DataTimelines& timelines) {
  std::vector<const Frame*> frames;
  auto index_of = [&](const Frame* f) {
    auto it = std::find(frames.begin(), frames.end(), f);
    if (it != frames.end()) return static_cast<uint32_t>(it - frames.begin());
    frames.push_back(f);
    return static_cast<uint32_t>(frames.size() - 1);
  };
  Writer values;
  values.put<uint32_t>(static_cast<uint32_t>(out.by_handle.size()));
  for (const auto& [handle, v] : out.by_handle) {
    if (v.model || !v.bars) return false;
    values.put_string(handle);
    values.put<uint8_t>(static_cast<uint8_t>(v.kind));
    values.put<uint32_t>(index_of(v.bars.get()));
    switch (v.kind) {
      case ValueKind::kBars: break;
      case ValueKind::kSeries:
      case ValueKind::kSplit:
        if (!v.series) return false;
        values.put_array(*v.series);
        break;
      case ValueKind::kSignal:
        if (!v.signal) return false;
        values.put_array(*v.signal);
        break;
      default: return false;
    }
  }
  w.put<uint64_t>(out.kernels);
  w.put<uint32_t>(static_cast<uint32_t>(frames.size()));
  for (const Frame* f : frames) {
    auto it = std::find_if(timelines.begin(), timelines.end(),
                           [&](const auto& t) { return t.second.get() == f; });
    if (it != timelines.end()) {
      w.put<uint8_t>(0);
      w.put<uint64_t>(it->first);
    } else {
      w.put<uint8_t>(1);
      put_frame(w, *f);
    }
  }
  w.bytes() += values.bytes();
  w.put<uint8_t>(out.fires ? 1 : 0);
  if (out.fires) {
    w.put_string(out.fires->node_id);
    w.put_string(out.fires->action);
    w.put_string(out.fires->decision);
    w.put_array(out.fires->timestamps);
    std::vector<uint64_t> bars(out.fires->bars.begin(), out.fires->bars.end());
    w.put_array(bars);
  }
  return true;
}

// Readers of the payload parts; errors are short reasons for the note.
Status corrupt() { return Status::invalid_argument("corrupt payload"); }

Status get_timelines(Reader& r, const DataTimelines& timelines,
                     std::vector<std::shared_ptr<const Frame>>& frames) {
  uint32_t nframes = 0;
  if (!r.get(nframes)) return corrupt();
  for (uint32_t i = 0; i < nframes; ++i) {
    uint8_t type = 0;
    if (!r.get(type)) return corrupt();
    if (type == 0) {
      uint64_t key = 0;
      if (!r.get(key)) return corrupt();
      auto it = std::find_if(timelines.begin(), timelines.end(),
                             [&](const auto& t) { return t.first == key; });
      if (it == timelines.end())
        return Status::not_found("its timeline (data step " + hex64(key) + ") is not in this run");
      frames.push_back(it->second);
    } else {
      std::shared_ptr<const Frame> f;
      if (type != 1 || !get_frame(r, f)) return corrupt();
      frames.push_back(std::move(f));
    }
  }
  return Status::ok();
}

Status get_values(Reader& r, const std::vector<std::shared_ptr<const Frame>>& frames,
                  StepOutput& out) {
  uint32_t nvalues = 0;
  if (!r.get(nvalues)) return corrupt();
  for (uint32_t i = 0; i < nvalues; ++i) {
    std::string handle;
    uint8_t kind = 0;
    uint32_t frame = 0;
    if (!r.get_string(handle) || !r.get(kind) || !r.get(frame) || frame >= frames.size() ||
        kind > static_cast<uint8_t>(ValueKind::kSplit))
      return corrupt();
    Value v;
    v.kind = static_cast<ValueKind>(kind);
    v.bars = frames[frame];
    if (v.kind == ValueKind::kSeries || v.kind == ValueKind::kSplit) {
      std::vector<double> x;
      if (!r.get_array(x) || x.size() != v.rows()) return corrupt();
      v.series = std::make_shared<const std::vector<double>>(std::move(x));
    } else if (v.kind == ValueKind::kSignal) {
      Signal s;
      if (!r.get_array(s) || s.size() != v.rows()) return corrupt();
      v.signal = std::make_shared<const Signal>(std::move(s));
    }
    out.by_handle.emplace(std::move(handle), std::move(v));
  }
  return Status::ok();
}

Status get_fires(Reader& r, StepOutput& out) {
  uint8_t has_fires = 0;
  if (!r.get(has_fires) || has_fires > 1) return corrupt();
  if (!has_fires) return Status::ok();
  ActionFires f;
  std::vector<uint64_t> bars;
  if (!r.get_string(f.node_id) || !r.get_string(f.action) || !r.get_string(f.decision) ||
      !r.get_array(f.timestamps) || !r.get_array(bars))
    return corrupt();
  f.bars.assign(bars.begin(), bars.end());
  out.fires = std::move(f);
  return Status::ok();
}

Result<StepOutput> get_payload(Reader& r, const DataTimelines& timelines) {
  StepOutput out;
  uint64_t kernels = 0;
  if (!r.get(kernels)) return corrupt();
  out.kernels = kernels;
  std::vector<std::shared_ptr<const Frame>> frames;
  NOCODE_RETURN_IF_ERROR(get_timelines(r, timelines, frames));
  NOCODE_RETURN_IF_ERROR(get_values(r, frames, out));
  NOCODE_RETURN_IF_ERROR(get_fires(r, out));
  if (!r.done()) return corrupt();
  return out;
}

struct Header {
  char magic[8];
  uint32_t version;
  uint32_t kind;
  uint64_t key;
  uint64_t rows;
  uint64_t payload_bytes;
  uint64_t checksum;
};
static_assert(sizeof(Header) == kHeaderBytes);

}  // namespace

Status DiskCacheOptions::validate() const {
  if (dir.empty()) return Status::ok();
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir, ec))
    return Status::invalid_argument("--cache-dir '" + dir + "': cannot create the directory");
  return Status::ok();
}

std::string DiskCache::path_of(uint64_t key) const {
  return (fs::path(options_.dir) / (hex64(key) + kExtension)).string();
}

std::shared_ptr<const StepOutput> DiskCache::load(uint64_t key, const DataTimelines& timelines,
                                                  std::string* note) const {
  if (!options_.enabled()) return nullptr;
  const std::string path = path_of(key);
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return nullptr;  // not stored: a plain miss
  std::string bytes(static_cast<size_t>(std::max<std::streamoff>(0, in.tellg())), '\0');
  in.seekg(0);
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<size_t>(std::max<std::streamsize>(0, in.gcount())));
  auto fail = [&](const std::string& why) -> std::shared_ptr<const StepOutput> {
    if (note) *note = "cache file " + path + " ignored (" + why + "); recomputed";
    return nullptr;
  };
  Header h{};
  if (bytes.size() < kHeaderBytes) return fail("truncated header");
  std::memcpy(&h, bytes.data(), kHeaderBytes);
  if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0) return fail("not a nocode cache file");
  if (h.version != kVersion) return fail("format version " + std::to_string(h.version));
  if (h.kind != kKindStepOutput || h.key != key) return fail("another key or kind");
  if (h.payload_bytes != bytes.size() - kHeaderBytes) return fail("truncated or padded payload");
  const char* payload = bytes.data() + kHeaderBytes;
  if (checksum(payload, h.payload_bytes) != h.checksum) return fail("checksum mismatch");
  Reader r(payload, h.payload_bytes);
  Result<StepOutput> out = get_payload(r, timelines);
  if (!out) return fail(out.status().message());
  std::error_code ec;
  fs::last_write_time(path, fs::file_time_type::clock::now(), ec);  // recently used
  return std::make_shared<const StepOutput>(std::move(*out));
}

void DiskCache::store(uint64_t key, const workflow::Step& step, const StepOutput& out,
                      const DataTimelines& timelines, std::string* note) const {
  if (!options_.enabled() || !storable(step.kind)) return;
  Writer payload;
  if (!put_payload(payload, out, timelines)) return;
  const std::string& p = payload.bytes();
  Header h{};
  std::memcpy(h.magic, kMagic, sizeof kMagic);
  h.version = kVersion;
  h.kind = kKindStepOutput;
  h.key = key;
  h.rows = out.by_handle.empty() ? 0 : out.by_handle.begin()->second.rows();
  h.payload_bytes = p.size();
  h.checksum = checksum(p.data(), p.size());
  static std::atomic<uint64_t> counter{0};
  const std::string path = path_of(key);
  const std::string tmp = path + ".tmp-" + std::to_string(::getpid()) + "-" +
                          std::to_string(counter.fetch_add(1));
  std::error_code ec;
  {
    std::ofstream o(tmp, std::ios::binary | std::ios::trunc);
    o.write(reinterpret_cast<const char*>(&h), kHeaderBytes);
    o.write(p.data(), static_cast<std::streamsize>(p.size()));
    o.flush();
    if (!o) {
      o.close();
      fs::remove(tmp, ec);
      if (note) *note = "cache file " + path + " not written (disk full or not writable)";
      return;
    }
  }
  fs::rename(tmp, path, ec);
  if (ec) {
    fs::remove(tmp, ec);
    if (note) *note = "cache file " + path + " not written (" + ec.message() + ")";
  }
}

void DiskCache::trim() const {
  if (!options_.enabled() || options_.max_bytes == 0) return;
  std::error_code ec;
  struct File {
    fs::file_time_type mtime;
    uint64_t bytes;
    fs::path path;
  };
  std::vector<File> files;
  uint64_t total = 0;
  for (const auto& e : fs::directory_iterator(options_.dir, ec)) {
    if (e.path().extension() != kExtension || !e.is_regular_file(ec)) continue;
    File f{e.last_write_time(ec), e.file_size(ec), e.path()};
    if (ec) continue;
    total += f.bytes;
    files.push_back(std::move(f));
  }
  if (total <= options_.max_bytes) return;
  std::sort(files.begin(), files.end(), [](const File& a, const File& b) { return a.mtime < b.mtime; });
  for (const File& f : files) {
    if (total <= options_.max_bytes) break;
    if (fs::remove(f.path, ec)) total -= f.bytes;
  }
}

}  // namespace nocode::engine
