// Artifact directories: metadata.json + native model files, written through
// a temporary sibling directory and a rename.
#include "ml/artifact.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "common/strings.h"

namespace nocode::ml {

namespace fs = std::filesystem;

namespace {

constexpr uint64_t kFnvOffset = 14695981039346656037ULL;
constexpr uint64_t kFnvPrime = 1099511628211ULL;

struct Fnv1a {
  uint64_t h = kFnvOffset;
  void bytes(const void* data, size_t n) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (size_t i = 0; i < n; ++i) {
      h ^= p[i];
      h *= kFnvPrime;
    }
  }
  void u64(uint64_t v) {
    unsigned char b[8];
    for (int i = 0; i < 8; ++i) b[i] = static_cast<unsigned char>(v >> (8 * i));
    bytes(b, 8);
  }
  void real(double v) {
    uint64_t bits = 0x7ff8000000000000ULL;
    if (!std::isnan(v)) std::memcpy(&bits, &v, sizeof bits);
    u64(bits);
  }
  std::string text() const {
    char buf[32];
    std::snprintf(buf, sizeof buf, "fnv1a64:%016llx", static_cast<unsigned long long>(h));
    return buf;
  }
};

std::string utc_now_iso() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Result<Task> task_from_name(const std::string& name) {
  for (Task t : {Task::kRegression, Task::kBinary, Task::kMulticlass}) {
    if (task_name(t) == name) return t;
  }
  return Status::parse_error("task '" + name + "' is not regression, binary or multiclass");
}

// A unique sibling path of `dir`: "<parent>/.<name>.<tag>-<pid>-<n>".
fs::path sibling(const fs::path& dir, const char* tag) {
  static std::atomic<uint64_t> counter{0};
  const auto ticks = std::chrono::steady_clock::now().time_since_epoch().count();
  return dir.parent_path() /
         ("." + dir.filename().string() + "." + tag + "-" + std::to_string(getpid()) + "-" +
          std::to_string(counter++) + "-" + std::to_string(ticks % 1000000));
}

Status write_text(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  out.flush();
  if (!out) return Status::io_error("cannot write " + path.string());
  return Status::ok();
}

// Moves the complete `tmp` directory to `dir`, replacing an earlier artifact.
Status publish(const fs::path& tmp, const fs::path& dir) {
  std::error_code ec;
  fs::path old;
  if (fs::exists(dir, ec)) {
    old = sibling(dir, "old");
    fs::rename(dir, old, ec);
    if (ec) return Status::io_error("cannot replace " + dir.string() + ": " + ec.message());
  }
  fs::rename(tmp, dir, ec);
  if (ec) {
    std::error_code ignore;
    if (!old.empty()) fs::rename(old, dir, ignore);
    return Status::io_error("cannot move the artifact into " + dir.string() + ": " + ec.message());
  }
  if (!old.empty()) fs::remove_all(old, ec);
  return Status::ok();
}

Status check_target(const fs::path& dir) {
  std::error_code ec;
  if (!fs::exists(dir, ec)) return Status::ok();
  if (!fs::is_directory(dir, ec))
    return Status::invalid_argument(dir.string() + " exists and is not a directory");
  if (fs::exists(dir / "metadata.json", ec) || fs::is_empty(dir, ec)) return Status::ok();
  return Status::invalid_argument(dir.string() +
                                  " exists and is not a model artifact (no metadata.json); "
                                  "choose another directory");
}

}  // namespace

std::string content_hash(std::string_view bytes) {
  Fnv1a h;
  h.bytes(bytes.data(), bytes.size());
  return h.text();
}

std::string training_data_hash(const FeatureMatrix& features, const std::vector<double>& label) {
  Fnv1a h;
  h.u64(features.rows);
  h.u64(features.cols());
  for (const auto& n : features.names) h.bytes(n.c_str(), n.size() + 1);
  for (double v : features.values) h.real(v);
  h.u64(label.size());
  for (double v : label) h.real(v);
  return h.text();
}

nlohmann::json metadata_to_json(const ArtifactMetadata& m) {
  return {{"format_version", m.format_version},
          {"algorithm", m.algorithm},
          {"task", std::string(task_name(m.task))},
          {"classes", m.classes},
          {"hyperparameters", m.hyperparameters},
          {"feature_names", m.feature_names},
          {"label", m.label},
          {"training_data_hash", m.training_data_hash},
          {"workflow_hash", m.workflow_hash},
          {"metrics", m.metrics},
          {"library_versions", m.library_versions},
          {"created_at", m.created_at},
          {"native_files", m.native_files}};
}

Result<ArtifactMetadata> metadata_from_json(const nlohmann::json& j, const std::string& where) {
  auto bad = [&](const std::string& what) { return Status::parse_error(where + ": " + what); };
  if (!j.is_object()) return bad("expected a JSON object");
  ArtifactMetadata m;
  try {
    m.format_version = j.at("format_version").get<int>();
    if (m.format_version != kArtifactFormatVersion)
      return bad("format_version " + std::to_string(m.format_version) + " is not supported (" +
                 std::to_string(kArtifactFormatVersion) + " is)");
    m.algorithm = j.at("algorithm").get<std::string>();
    auto task = task_from_name(j.at("task").get<std::string>());
    if (!task) return task.status().with_context(where);
    m.task = *task;
    m.classes = j.at("classes").get<size_t>();
    m.hyperparameters = j.at("hyperparameters");
    m.feature_names = j.at("feature_names").get<std::vector<std::string>>();
    m.label = j.value("label", nlohmann::json::object());
    m.training_data_hash = j.value("training_data_hash", "");
    m.workflow_hash = j.value("workflow_hash", "");
    m.metrics = j.value("metrics", nlohmann::json::object());
    m.library_versions = j.value("library_versions", nlohmann::json::object());
    m.created_at = j.value("created_at", "");
    m.native_files = j.at("native_files").get<std::vector<std::string>>();
  } catch (const nlohmann::json::exception& e) {
    return bad(std::string("missing or mistyped field: ") + e.what());
  }
  return m;
}

Status write_artifact(const std::string& dir_text, const Model& model, ArtifactMetadata m) {
  const fs::path dir = fs::absolute(fs::path(dir_text)).lexically_normal();
  NOCODE_RETURN_IF_ERROR(check_target(dir));
  std::error_code ec;
  fs::create_directories(dir.parent_path(), ec);
  const fs::path tmp = sibling(dir, "tmp");
  if (!fs::create_directory(tmp, ec))
    return Status::io_error("cannot create " + tmp.string() + ": " + ec.message());
  auto cleanup = [&](Status s) {
    std::error_code ignore;
    fs::remove_all(tmp, ignore);
    return s;
  };
  auto files = model.save(tmp.string());
  if (!files) return cleanup(files.status().with_context("saving the model"));
  m.native_files = *files;
  if (m.created_at.empty()) m.created_at = utc_now_iso();
  nlohmann::json versions = model.library_versions();
  if (versions.is_object()) {
    for (const auto& [k, v] : versions.items()) {
      if (!m.library_versions.contains(k)) m.library_versions[k] = v;
    }
  }
  Status s = write_text(tmp / "metadata.json", metadata_to_json(m).dump(2) + "\n");
  if (!s) return cleanup(s);
  s = publish(tmp, dir);
  if (!s) return cleanup(s);
  return Status::ok();
}

Result<ArtifactMetadata> read_metadata(const std::string& dir) {
  const std::string path = (fs::path(dir) / "metadata.json").string();
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::not_found(path + ": cannot read (is " + dir + " a model artifact?)");
  std::stringstream ss;
  ss << in.rdbuf();
  auto j = nlohmann::json::parse(ss.str(), nullptr, false);
  if (j.is_discarded()) return Status::parse_error(path + ": not valid JSON");
  return metadata_from_json(j, path);
}

Result<LoadedArtifact> load_artifact(const std::string& dir, const ModelRegistry& registry) {
  auto m = read_metadata(dir);
  if (!m) return m.status();
  auto model = registry.create(m->algorithm, m->hyperparameters, m->task, m->classes);
  if (!model) return model.status().with_context(dir + "/metadata.json");
  for (const auto& f : m->native_files) {
    std::error_code ec;
    if (!fs::exists(fs::path(dir) / f, ec))
      return Status::not_found(dir + ": native model file '" + f + "' is missing");
  }
  NOCODE_RETURN_IF_ERROR((*model)->load(dir));
  return LoadedArtifact{std::move(*m), std::move(*model)};
}

Status check_features(const ArtifactMetadata& metadata, const std::vector<std::string>& names) {
  const auto& want = metadata.feature_names;
  if (names == want) return Status::ok();
  const std::set<std::string> have_set(names.begin(), names.end());
  const std::set<std::string> want_set(want.begin(), want.end());
  std::vector<std::string> missing, extra, moved;
  for (const auto& n : want)
    if (!have_set.count(n)) missing.push_back(n);
  for (const auto& n : names)
    if (!want_set.count(n)) extra.push_back(n);
  // Reordered: common names whose relative order differs from the model's.
  std::vector<std::string> common_have, common_want;
  for (const auto& n : names)
    if (want_set.count(n)) common_have.push_back(n);
  for (const auto& n : want)
    if (have_set.count(n)) common_want.push_back(n);
  for (size_t i = 0; i < common_have.size() && i < common_want.size(); ++i)
    if (common_have[i] != common_want[i]) moved.push_back(common_want[i]);
  std::string msg =
      "the data's features do not match the model's " + std::to_string(want.size()) + " features";
  if (!missing.empty()) msg += "; missing: " + quoted_list(missing, ", ");
  if (!extra.empty()) msg += "; extra: " + quoted_list(extra, ", ");
  if (!moved.empty()) msg += "; in another order: " + quoted_list(moved, ", ");
  if (missing.empty() && extra.empty() && moved.empty())
    msg += "; the names repeat (each feature must appear once)";
  msg += ". Expected order: " + quoted_list(want, ", ");
  return Status::invalid_argument(msg);
}

}  // namespace nocode::ml
