// LibTorch side of the neural models: builds a torch::jit::Module from a
// NetworkSpec (parameters + TorchScript methods), trains its parameters with
// AdamW, predicts in batches, and saves/loads the module as TorchScript.
//
// Determinism: torch::manual_seed(seed) before initialisation, our own
// mt19937_64 Fisher-Yates shuffle, a fixed thread count, and the TorchScript
// graph optimiser switched off (plain interpretation: the same ops in the
// same order on every call, in training, prediction and after loading).
#include "ml/torch/torch_model.h"

#include <ATen/Parallel.h>
#include <torch/csrc/jit/runtime/graph_executor.h>
#include <torch/script.h>
#include <torch/torch.h>
#include <torch/version.h>

#include <cmath>
#include <limits>
#include <optional>
#include <random>
#include <sstream>

#include "ml/torch/network_spec.h"
#include "ml/torch/neural_data.h"
#include "report/atomic_write.h"

namespace nocode::ml::torchnn {
namespace {

constexpr const char* kFileName = "model.pt";
constexpr int64_t kFormatVersion = 1;
constexpr int64_t kPredictBatch = 4096;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Settings that hold while LibTorch works for one model, restored after.
class TorchScope {
 public:
  explicit TorchScope(int64_t threads) : optimizer_(false), threads_(at::get_num_threads()) {
    at::set_num_threads(static_cast<int>(threads));
  }
  ~TorchScope() { at::set_num_threads(threads_); }
  TorchScope(const TorchScope&) = delete;
  TorchScope& operator=(const TorchScope&) = delete;

 private:
  torch::jit::GraphOptimizerEnabledGuard optimizer_;
  int threads_;
};

std::string torch_error(const std::exception& e) {
  if (auto* c10 = dynamic_cast<const c10::Error*>(&e)) return c10->what_without_backtrace();
  return e.what();
}

// (rows, cols) float32 copy of a row-major double matrix.
torch::Tensor to_tensor(const FeatureMatrix& m) {
  auto* data = const_cast<double*>(m.values.data());
  return torch::from_blob(data, {static_cast<int64_t>(m.rows), static_cast<int64_t>(m.cols())},
                          torch::kFloat64)
      .to(torch::kFloat32);
}

// (rows - window + 1, window, cols) view of the float copy: sample j is rows
// j .. j+window-1. Batches are gathered from it, so the windows are never
// materialised all at once.
torch::Tensor windows(const FeatureMatrix& m, int64_t window) {
  return to_tensor(m).unfold(0, window, 1).permute({0, 2, 1});
}

torch::Tensor to_vector(const std::vector<double>& v, size_t skip, torch::Dtype dtype) {
  auto* data = const_cast<double*>(v.data()) + skip;
  return torch::from_blob(data, {static_cast<int64_t>(v.size() - skip)}, torch::kFloat64).to(dtype);
}

// Per-sample loss of network outputs (n, outputs) against labels (n).
torch::Tensor sample_loss(const torch::Tensor& out, const torch::Tensor& y, Task task) {
  switch (task) {
    case Task::kRegression:
      return (out.squeeze(1) - y).pow(2);
    case Task::kBinary:
      return torch::binary_cross_entropy_with_logits(out.squeeze(1), y, {}, {},
                                                     at::Reduction::None);
    case Task::kMulticlass:
      return -torch::log_softmax(out, 1).gather(1, y.unsqueeze(1)).squeeze(1);
  }
  return out;
}

// Training or validation windows with their labels and weights.
struct Samples {
  torch::Tensor x, y, w;
  int64_t size() const { return x.size(0); }
};

Samples make_samples(const FeatureMatrix& f, const std::vector<double>& label,
                     const std::vector<double>& weight, int64_t window, Task task) {
  const size_t skip = static_cast<size_t>(window - 1);
  Samples s;
  s.x = windows(f, window);
  s.y = to_vector(label, skip, task == Task::kMulticlass ? torch::kLong : torch::kFloat32);
  s.w = weight.empty() ? torch::ones({s.x.size(0)}) : to_vector(weight, skip, torch::kFloat32);
  return s;
}

torch::Tensor forward(torch::jit::Module& m, const torch::Tensor& x) {
  return m.forward({x}).toTensor();
}

// Outputs of `m` (eval mode, no gradients) over all samples, in batches.
torch::Tensor forward_all(torch::jit::Module& m, const torch::Tensor& x) {
  torch::NoGradGuard no_grad;
  std::vector<torch::Tensor> parts;
  for (int64_t start = 0; start < x.size(0); start += kPredictBatch)
    parts.push_back(
        forward(m, x.slice(0, start, std::min(start + kPredictBatch, x.size(0))).contiguous()));
  return torch::cat(parts, 0);
}

torch::Tensor init_param(const ParamSpec& p) {
  switch (p.init) {
    case ParamSpec::Init::kZeros:
      return torch::zeros(p.shape);
    case ParamSpec::Init::kOnes:
      return torch::ones(p.shape);
    case ParamSpec::Init::kUniform:
      return torch::empty(p.shape).uniform_(-p.bound, p.bound);
  }
  return {};
}

torch::Tensor float_tensor(const std::vector<double>& v) {
  return to_vector(v, 0, torch::kFloat32);
}

// The untrained module: buffers, parameters (initialised from the global
// generator), metadata attributes and the TorchScript methods.
torch::jit::Module build_module(const NeuralOptions& o, const Standardization& st,
                                const std::vector<std::string>& names, Task task, size_t classes) {
  const int64_t outputs = task == Task::kMulticlass ? static_cast<int64_t>(classes) : 1;
  NetworkSpec spec = network_spec(o, static_cast<int64_t>(names.size()), outputs);
  torch::jit::Module m(c10::QualifiedName(std::string("nocode.") + architecture_name(o.arch)));
  m.register_attribute("training", c10::BoolType::get(), true);
  m.register_attribute("dropout", c10::FloatType::get(), o.dropout);
  if (o.arch == Architecture::kTransformer)
    m.register_attribute("attention_scale", c10::FloatType::get(),
                         1.0 / std::sqrt(static_cast<double>(o.d_model / o.heads)));
  m.register_attribute("format_version", c10::IntType::get(), kFormatVersion);
  m.register_attribute("algorithm", c10::StringType::get(), std::string(architecture_name(o.arch)));
  m.register_attribute("task", c10::StringType::get(), std::string(task_name(task)));
  m.register_attribute("classes", c10::IntType::get(), static_cast<int64_t>(classes));
  m.register_attribute("window", c10::IntType::get(), o.window);
  c10::List<std::string> name_list;
  for (const auto& n : names) name_list.push_back(n);
  m.register_attribute("feature_names", c10::ListType::ofStrings(), name_list);
  m.register_buffer("feature_mean", float_tensor(st.mean));
  m.register_buffer("feature_std", float_tensor(st.std));
  for (const ParamSpec& p : spec.params)
    m.register_parameter(p.name, init_param(p).requires_grad_(true), false);
  m.define(spec.script);
  return m;
}

// Fisher-Yates with our own engine: the same order on every platform.
void shuffle(std::vector<int64_t>& order, std::mt19937_64& rng) {
  for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
}

class TorchModel final : public Model {
 public:
  TorchModel(Architecture arch, Result<NeuralOptions> options, Task task, size_t classes)
      : arch_(arch), task_(task), classes_(classes) {
    if (options)
      opt_ = *options;
    else
      config_ = options.status();
  }

  Status fit(const TrainingData& data) override {
    try {
      return fit_checked(data);
    } catch (const std::exception& e) {
      return Status::internal(name() + ": LibTorch failed while training: " + torch_error(e));
    }
  }

  Result<std::vector<double>> predict(const FeatureMatrix& features) const override {
    return scores(features, false);
  }

  Result<std::vector<double>> predict_proba(const FeatureMatrix& features) const override {
    if (task_ == Task::kRegression)
      return Status::unsupported(name() + ": predict_proba needs a classification task");
    return scores(features, true);
  }

  Result<std::vector<std::string>> save(const std::string& dir) const override {
    if (!module_) return Status::invalid_argument(name() + ": save before fit or load");
    std::ostringstream out;
    try {
      module_->save(out);
    } catch (const std::exception& e) {
      return Status::internal(name() +
                              ": LibTorch could not serialise the model: " + torch_error(e));
    }
    NOCODE_RETURN_IF_ERROR(report::write_file_atomically(dir + "/" + kFileName, out.str()));
    return std::vector<std::string>{kFileName};
  }

  Status load(const std::string& dir) override {
    NOCODE_RETURN_IF_ERROR(config_);
    const std::string path = dir + "/" + kFileName;
    try {
      torch::jit::Module m = torch::jit::load(path);
      NOCODE_RETURN_IF_ERROR(adopt(m, path));
      m.eval();
      module_ = std::move(m);
      return Status::ok();
    } catch (const std::exception& e) {
      return Status::io_error(path + ": not a loadable TorchScript " + name() +
                              " model: " + torch_error(e));
    }
  }

  std::vector<std::pair<std::string, double>> feature_importance() const override { return {}; }

  nlohmann::json library_versions() const override { return {{"libtorch", TORCH_VERSION}}; }

 private:
  std::string name() const { return architecture_name(arch_); }
  Status check_data(const TrainingData& data) const;
  Status fit_checked(const TrainingData& data);
  Result<double> train_epoch(torch::jit::Module& m, torch::optim::Optimizer& optim,
                             const Samples& s, std::vector<int64_t>& order,
                             std::mt19937_64& rng) const;
  double validation_loss(torch::jit::Module& m, const Samples& s) const;
  Status adopt(const torch::jit::Module& m, const std::string& path);
  Result<std::vector<double>> scores(const FeatureMatrix& features, bool proba) const;

  Architecture arch_;
  Task task_;
  size_t classes_;
  NeuralOptions opt_;
  Status config_;
  std::vector<std::string> names_;
  int64_t window_ = 1;
  mutable std::optional<torch::jit::Module> module_;  // forward() is not const
};

Status TorchModel::check_data(const TrainingData& d) const {
  if (d.task != task_)
    return Status::invalid_argument(
        name() + ": training data is for task '" + std::string(task_name(d.task)) +
        "', the model was created for '" + std::string(task_name(task_)) + "'");
  if (task_ == Task::kMulticlass && (classes_ < 2 || d.classes != classes_))
    return Status::invalid_argument(name() + ": multiclass needs classes >= 2 matching the data (" +
                                    std::to_string(classes_) + " vs " + std::to_string(d.classes) +
                                    ")");
  if (d.features.cols() == 0) return Status::invalid_argument(name() + ": no feature columns");
  NOCODE_RETURN_IF_ERROR(check_features(d.features, name() + ": training features"));
  NOCODE_RETURN_IF_ERROR(
      check_labels(d.label, d.features.rows, task_, classes_, name() + ": training labels"));
  NOCODE_RETURN_IF_ERROR(check_weights(d.sample_weight, d.features.rows).with_context(name()));
  const size_t window = static_cast<size_t>(opt_.window);
  if (usable_rows(d.features.rows, window) == 0)
    return Status::invalid_argument(name() + ": " + std::to_string(d.features.rows) +
                                    " training rows; window " + std::to_string(window) +
                                    " needs at least that many");
  if ((d.validation == nullptr) != (d.validation_label == nullptr))
    return Status::invalid_argument(name() + ": validation features and labels come together");
  if (!d.validation) return Status::ok();
  if (d.validation->names != d.features.names)
    return Status::invalid_argument(name() + ": validation columns differ from training columns");
  NOCODE_RETURN_IF_ERROR(check_features(*d.validation, name() + ": validation features"));
  NOCODE_RETURN_IF_ERROR(check_labels(*d.validation_label, d.validation->rows, task_, classes_,
                                      name() + ": validation labels"));
  if (usable_rows(d.validation->rows, window) == 0)
    return Status::invalid_argument(name() + ": " + std::to_string(d.validation->rows) +
                                    " validation rows; window " + std::to_string(window) +
                                    " needs at least that many");
  return Status::ok();
}

Result<double> TorchModel::train_epoch(torch::jit::Module& m, torch::optim::Optimizer& optim,
                                       const Samples& s, std::vector<int64_t>& order,
                                       std::mt19937_64& rng) const {
  shuffle(order, rng);
  m.train(true);
  double loss_sum = 0, weight_sum = 0;
  const auto n = static_cast<int64_t>(order.size());
  for (int64_t start = 0; start < n; start += opt_.batch_size) {
    const int64_t end = std::min(start + opt_.batch_size, n);
    torch::Tensor idx = torch::from_blob(order.data() + start, {end - start}, torch::kLong);
    torch::Tensor w = s.w.index_select(0, idx);
    const double batch_weight = w.sum().item<double>();
    if (batch_weight <= 0) continue;
    optim.zero_grad();
    torch::Tensor out = forward(m, s.x.index_select(0, idx));
    torch::Tensor weighted = (sample_loss(out, s.y.index_select(0, idx), task_) * w).sum();
    (weighted / batch_weight).backward();
    optim.step();
    loss_sum += weighted.item<double>();
    weight_sum += batch_weight;
  }
  if (!(weight_sum > 0))
    return Status::invalid_argument(name() + ": every training window has sample weight 0");
  const double loss = loss_sum / weight_sum;
  if (!std::isfinite(loss))
    return Status::invalid_argument(name() + ": training diverged (loss " + std::to_string(loss) +
                                    "); lower learning_rate");
  return loss;
}

double TorchModel::validation_loss(torch::jit::Module& m, const Samples& s) const {
  m.eval();
  torch::NoGradGuard no_grad;
  return sample_loss(forward_all(m, s.x), s.y, task_).mean().item<double>();
}

Status TorchModel::fit_checked(const TrainingData& d) {
  NOCODE_RETURN_IF_ERROR(config_);
  NOCODE_RETURN_IF_ERROR(check_data(d));
  TorchScope scope(opt_.threads);
  torch::manual_seed(d.seed);
  torch::jit::Module m =
      build_module(opt_, fit_standardization(d.features), d.features.names, task_, classes_);
  std::vector<torch::Tensor> params;
  for (const torch::Tensor& p : m.parameters()) params.push_back(p);
  torch::optim::AdamW optim(
      params, torch::optim::AdamWOptions(opt_.learning_rate).weight_decay(opt_.weight_decay));
  const Samples train = make_samples(d.features, d.label, d.sample_weight, opt_.window, task_);
  std::optional<Samples> val;
  if (d.validation) val = make_samples(*d.validation, *d.validation_label, {}, opt_.window, task_);
  std::vector<int64_t> order(static_cast<size_t>(train.size()));
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int64_t>(i);
  std::mt19937_64 rng(d.seed);
  double best = std::numeric_limits<double>::infinity();
  std::vector<torch::Tensor> best_params;
  int64_t since_best = 0;
  for (int64_t epoch = 1; epoch <= opt_.epochs; ++epoch) {
    auto train_loss = train_epoch(m, optim, train, order, rng);
    if (!train_loss) return train_loss.status();
    const double val_loss = val ? validation_loss(m, *val) : kNaN;
    if (d.progress)
      d.progress(
          {static_cast<size_t>(epoch), static_cast<size_t>(opt_.epochs), *train_loss, val_loss});
    if (!val) continue;
    if (val_loss < best) {
      best = val_loss;
      since_best = 0;
      best_params.clear();
      for (const auto& p : params) best_params.push_back(p.detach().clone());
    } else if (opt_.early_stopping_patience > 0 && ++since_best >= opt_.early_stopping_patience) {
      break;
    }
  }
  if (!best_params.empty()) {
    torch::NoGradGuard no_grad;
    for (size_t i = 0; i < params.size(); ++i) params[i].copy_(best_params[i]);
  }
  m.eval();
  names_ = d.features.names;
  window_ = opt_.window;
  module_ = std::move(m);
  return Status::ok();
}

// Reads the metadata attributes of a loaded module and checks they fit.
Status TorchModel::adopt(const torch::jit::Module& m, const std::string& path) {
  for (const char* attr : {"format_version", "algorithm", "task", "classes", "window",
                           "feature_names", "feature_mean", "feature_std"}) {
    if (!m.hasattr(attr))
      return Status::parse_error(path + ": not a nocode neural model (no attribute '" + attr +
                                 "')");
  }
  const std::string algorithm = m.attr("algorithm").toStringRef();
  const std::string task = m.attr("task").toStringRef();
  if (algorithm != name() || task != task_name(task_))
    return Status::invalid_argument(path + ": holds a " + algorithm + " " + task +
                                    " model; expected " + name() + " " +
                                    std::string(task_name(task_)));
  if (task_ == Task::kMulticlass && m.attr("classes").toInt() != static_cast<int64_t>(classes_))
    return Status::invalid_argument(path + ": model has " +
                                    std::to_string(m.attr("classes").toInt()) +
                                    " classes; expected " + std::to_string(classes_));
  names_.clear();
  for (const c10::IValue& n : m.attr("feature_names").toListRef())
    names_.push_back(n.toStringRef());
  window_ = m.attr("window").toInt();
  return Status::ok();
}

// predict (proba = false): one score a row; predict_proba: rows x classes.
Result<std::vector<double>> TorchModel::scores(const FeatureMatrix& f, bool proba) const {
  if (!module_) return Status::invalid_argument(name() + ": predict before fit or load");
  if (f.names != names_) {
    size_t i = 0;
    while (i < f.names.size() && i < names_.size() && f.names[i] == names_[i]) ++i;
    return Status::invalid_argument(
        name() + ": feature columns differ from training at position " + std::to_string(i) +
        " (got " + (i < f.names.size() ? "'" + f.names[i] + "'" : "nothing") + ", expected " +
        (i < names_.size() ? "'" + names_[i] + "'" : "nothing") + ")");
  }
  NOCODE_RETURN_IF_ERROR(check_features(f, name() + ": features"));
  const size_t width = proba ? (task_ == Task::kBinary ? 2 : classes_) : 1;
  std::vector<double> result(f.rows * width, kNaN);
  const size_t usable = usable_rows(f.rows, static_cast<size_t>(window_));
  if (usable == 0) return result;
  try {
    TorchScope scope(opt_.threads);
    torch::Tensor out = forward_all(*module_, windows(f, window_));
    torch::Tensor s;
    if (task_ == Task::kRegression)
      s = out.squeeze(1);
    else if (task_ == Task::kBinary && !proba)
      s = torch::sigmoid(out.squeeze(1));
    else if (task_ == Task::kBinary)
      s = torch::cat({1 - torch::sigmoid(out), torch::sigmoid(out)}, 1);
    else if (!proba)
      s = out.argmax(1);
    else
      s = torch::softmax(out, 1);
    s = s.to(torch::kFloat64).contiguous();
    std::copy(s.data_ptr<double>(), s.data_ptr<double>() + usable * width,
              result.begin() + static_cast<std::ptrdiff_t>((f.rows - usable) * width));
  } catch (const std::exception& e) {
    return Status::internal(name() + ": LibTorch failed while predicting: " + torch_error(e));
  }
  return result;
}

}  // namespace

std::unique_ptr<Model> make_torch_model(Architecture arch, Result<NeuralOptions> options, Task task,
                                        size_t classes) {
  return std::make_unique<TorchModel>(arch, std::move(options), task, classes);
}

}  // namespace nocode::ml::torchnn
