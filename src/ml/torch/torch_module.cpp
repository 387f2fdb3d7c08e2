// Opens libnocode_torch.so with dlopen, once.
#include "ml/torch/torch_module.h"

#include <dlfcn.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

namespace nocode::ml::torchnn {
namespace {

constexpr const char* kModuleFile = "libnocode_torch.so";

std::vector<std::string> candidate_paths() {
  std::vector<std::string> paths;
  if (const char* env = std::getenv("NOCODE_TORCH_MODULE"); env && *env) paths.emplace_back(env);
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    paths.push_back((exe.parent_path() / kModuleFile).string());
    paths.push_back((exe.parent_path().parent_path() / kModuleFile).string());
  }
#ifdef NOCODE_TORCH_MODULE_PATH
  paths.emplace_back(NOCODE_TORCH_MODULE_PATH);
#endif
  return paths;
}

Result<MakeModelFunction> open_module() {
  std::string tried;
  for (const std::string& path : candidate_paths()) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
      tried += "\n  " + path + ": not found";
      continue;
    }
    // RTLD_LOCAL: LibTorch's symbols stay private to the module.
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
      tried += "\n  " + path + ": " + dlerror();
      continue;
    }
    void* entry = dlsym(handle, kMakeModelSymbol);
    if (!entry) {
      tried += "\n  " + path + ": no symbol " + kMakeModelSymbol;
      dlclose(handle);
      continue;
    }
    return reinterpret_cast<MakeModelFunction>(entry);
  }
  return Status::unsupported(
      "the neural models (mlp, lstm, transformer) need the LibTorch module " +
      std::string(kModuleFile) + "; set NOCODE_TORCH_MODULE to its path. Tried:" + tried);
}

// Stands in for a model when LibTorch is not available.
class UnavailableModel final : public Model {
 public:
  explicit UnavailableModel(Status error) : error_(std::move(error)) {}
  Status fit(const TrainingData&) override { return error_; }
  Result<std::vector<double>> predict(const FeatureMatrix&) const override { return error_; }
  Result<std::vector<double>> predict_proba(const FeatureMatrix&) const override { return error_; }
  Result<std::vector<std::string>> save(const std::string&) const override { return error_; }
  Status load(const std::string&) override { return error_; }
  std::vector<std::pair<std::string, double>> feature_importance() const override { return {}; }
  nlohmann::json library_versions() const override { return nlohmann::json::object(); }

 private:
  Status error_;
};

}  // namespace

std::unique_ptr<Model> make_neural_model(Architecture arch, Result<NeuralOptions> options,
                                         Task task, size_t classes) {
  auto make = torch_module();
  if (!make) return std::make_unique<UnavailableModel>(make.status());
  return std::unique_ptr<Model>((*make)(arch, &options, task, classes));
}

Result<MakeModelFunction> torch_module() {
  static std::once_flag once;
  static Result<MakeModelFunction> module = Status::internal("torch module not opened");
  std::call_once(once, [] { module = open_module(); });
  return module;
}

}  // namespace nocode::ml::torchnn
