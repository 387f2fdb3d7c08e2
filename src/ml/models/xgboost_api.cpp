// XGBoost C API calls behind RAII owners; each return code becomes a Status.
#include "ml/models/xgboost_api.h"

#include <cmath>
#include <cstdint>

namespace nocode::ml::xgb {

Status check(int rc, std::string_view what) {
  if (rc == 0) return Status::ok();
  const char* msg = XGBGetLastError();
  return Status::internal("XGBoost " + std::string(what) + ": " +
                          (msg != nullptr ? std::string(msg) : "unknown error"));
}

std::string version() {
  int major = 0, minor = 0, patch = 0;
  XGBoostVersion(&major, &minor, &patch);
  return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
}

DMatrix& DMatrix::operator=(DMatrix&& other) noexcept {
  if (this != &other) {
    if (handle_ != nullptr) XGDMatrixFree(handle_);
    handle_ = std::exchange(other.handle_, nullptr);
  }
  return *this;
}

DMatrix::~DMatrix() {
  if (handle_ != nullptr) XGDMatrixFree(handle_);
}

Result<DMatrix> DMatrix::dense(const FeatureMatrix& features, int nthread) {
  if (features.values.size() != features.rows * features.cols())
    return Status::invalid_argument("feature matrix holds " +
                                    std::to_string(features.values.size()) +
                                    " values, expected rows x columns = " +
                                    std::to_string(features.rows * features.cols()));
  // The doubles are handed over in place as an __array_interface__ (the path
  // python-xgboost takes for a float64 numpy array); XGBoost converts each
  // value to float32 itself, so no float copy of the matrix is made here.
  const std::string array = "{\"data\": [" +
                            std::to_string(reinterpret_cast<uintptr_t>(features.values.data())) +
                            ", true], \"shape\": [" + std::to_string(features.rows) + ", " +
                            std::to_string(features.cols()) +
                            "], \"typestr\": \"<f8\", \"version\": 3}";
  const std::string config = "{\"missing\": NaN, \"nthread\": " + std::to_string(nthread) + "}";
  DMatrix m;
  NOCODE_RETURN_IF_ERROR(check(XGDMatrixCreateFromDense(array.c_str(), config.c_str(), &m.handle_),
                               "creating a DMatrix"));
  return m;
}

Status DMatrix::set_float_info(const char* field, const std::vector<double>& values) {
  std::vector<float> data(values.begin(), values.end());
  return check(XGDMatrixSetFloatInfo(handle_, field, data.data(), data.size()),
               std::string("setting ") + field);
}

Status DMatrix::set_feature_names(const std::vector<std::string>& names) {
  std::vector<const char*> ptrs;
  for (const auto& n : names) ptrs.push_back(n.c_str());
  return check(XGDMatrixSetStrFeatureInfo(handle_, "feature_name", ptrs.data(), ptrs.size()),
               "setting feature names");
}

Booster& Booster::operator=(Booster&& other) noexcept {
  if (this != &other) {
    if (handle_ != nullptr) XGBoosterFree(handle_);
    handle_ = std::exchange(other.handle_, nullptr);
  }
  return *this;
}

Booster::~Booster() {
  if (handle_ != nullptr) XGBoosterFree(handle_);
}

Result<Booster> Booster::create(const std::vector<const DMatrix*>& cache) {
  std::vector<DMatrixHandle> handles;
  for (const DMatrix* m : cache) handles.push_back(m->get());
  Booster b;
  NOCODE_RETURN_IF_ERROR(
      check(XGBoosterCreate(handles.empty() ? nullptr : handles.data(), handles.size(), &b.handle_),
            "creating a booster"));
  return b;
}

Status Booster::set_param(const std::string& name, const std::string& value) {
  return check(XGBoosterSetParam(handle_, name.c_str(), value.c_str()),
               "parameter " + name + "=" + value);
}

Status Booster::update(int iteration, const DMatrix& train) {
  return check(XGBoosterUpdateOneIter(handle_, iteration, train.get()),
               "boosting round " + std::to_string(iteration + 1));
}

Result<std::string> Booster::eval(int iteration, const std::vector<const DMatrix*>& sets,
                                  const std::vector<std::string>& names) {
  std::vector<DMatrixHandle> handles;
  std::vector<const char*> cnames;
  for (size_t i = 0; i < sets.size(); ++i) {
    handles.push_back(sets[i]->get());
    cnames.push_back(names[i].c_str());
  }
  const char* out = nullptr;
  NOCODE_RETURN_IF_ERROR(check(
      XGBoosterEvalOneIter(handle_, iteration, handles.data(), cnames.data(), handles.size(), &out),
      "evaluation"));
  return std::string(out != nullptr ? out : "");
}

Result<Prediction> Booster::predict(const DMatrix& data) const {
  static const char* kConfig =
      R"({"type": 0, "training": false, "iteration_begin": 0, "iteration_end": 0, "strict_shape": false})";
  const bst_ulong* shape = nullptr;
  bst_ulong dim = 0;
  const float* result = nullptr;
  NOCODE_RETURN_IF_ERROR(
      check(XGBoosterPredictFromDMatrix(handle_, data.get(), kConfig, &shape, &dim, &result),
            "prediction"));
  Prediction p;
  size_t n = 1;
  for (bst_ulong i = 0; i < dim; ++i) {
    p.shape.push_back(shape[i]);
    n *= shape[i];
  }
  p.values.assign(result, result + n);
  return p;
}

Result<Booster> Booster::slice(int begin, int end) const {
  Booster b;
  NOCODE_RETURN_IF_ERROR(
      check(XGBoosterSlice(handle_, begin, end, 1, &b.handle_), "slicing the model"));
  return b;
}

Result<int> Booster::boosted_rounds() const {
  int out = 0;
  NOCODE_RETURN_IF_ERROR(check(XGBoosterBoostedRounds(handle_, &out), "counting rounds"));
  return out;
}

Result<uint64_t> Booster::num_features() const {
  bst_ulong out = 0;
  NOCODE_RETURN_IF_ERROR(check(XGBoosterGetNumFeature(handle_, &out), "counting features"));
  return static_cast<uint64_t>(out);
}

Status Booster::save(const std::string& path) const {
  return check(XGBoosterSaveModel(handle_, path.c_str()), "saving " + path);
}

Status Booster::load(const std::string& path) {
  return check(XGBoosterLoadModel(handle_, path.c_str()), "loading " + path);
}

Status Booster::set_attr(const std::string& key, const std::string& value) {
  return check(XGBoosterSetAttr(handle_, key.c_str(), value.c_str()), "attribute " + key);
}

Result<std::string> Booster::attr(const std::string& key) const {
  const char* out = nullptr;
  int success = 0;
  NOCODE_RETURN_IF_ERROR(
      check(XGBoosterGetAttr(handle_, key.c_str(), &out, &success), "attribute " + key));
  return success != 0 && out != nullptr ? std::string(out) : std::string();
}

Result<std::vector<std::pair<std::string, double>>> Booster::feature_score(
    const std::string& config) const {
  bst_ulong n_features = 0, dim = 0;
  const char** names = nullptr;
  const bst_ulong* shape = nullptr;
  const float* scores = nullptr;
  NOCODE_RETURN_IF_ERROR(check(
      XGBoosterFeatureScore(handle_, config.c_str(), &n_features, &names, &dim, &shape, &scores),
      "feature importance"));
  std::vector<std::pair<std::string, double>> out;
  for (bst_ulong i = 0; i < n_features; ++i) out.emplace_back(names[i], scores[i]);
  return out;
}

}  // namespace nocode::ml::xgb
