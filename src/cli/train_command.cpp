#include "cli/train_command.h"

#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "cli/run_command.h"
#include "common/strings.h"
#include "engine/engine.h"
#include "ml/artifact.h"
#include "ml/training_set.h"
#include "report/atomic_write.h"
#include "workflow/compiler.h"

namespace nocode::cli {
namespace {

struct TrainArgs {
  std::string workflow;
  std::string data_file;
  std::string data_dir;
  std::vector<std::string> sets;
  std::string out;
  std::string model_node;
};

// The fitted model as the artifact writer sees it: saving also writes the
// workflow document and the feature pipeline next to the native files.
class PipelineModel : public ml::Model {
 public:
  PipelineModel(std::shared_ptr<const ml::Model> inner, std::string workflow, nlohmann::json pipeline)
      : inner_(std::move(inner)), workflow_(std::move(workflow)), pipeline_(std::move(pipeline)) {}
  Status fit(const ml::TrainingData&) override { return Status::unsupported("already fitted"); }
  Result<std::vector<double>> predict(const ml::FeatureMatrix& f) const override { return inner_->predict(f); }
  Result<std::vector<double>> predict_proba(const ml::FeatureMatrix& f) const override {
    return inner_->predict_proba(f);
  }
  Result<std::vector<std::string>> save(const std::string& dir) const override {
    auto files = inner_->save(dir);
    if (!files) return files.status();
    NOCODE_RETURN_IF_ERROR(report::write_file_atomically(dir + "/" + kArtifactWorkflowFile, workflow_));
    NOCODE_RETURN_IF_ERROR(
        report::write_file_atomically(dir + "/" + kArtifactPipelineFile, pipeline_.dump(2) + "\n"));
    files->push_back(kArtifactWorkflowFile);
    files->push_back(kArtifactPipelineFile);
    return files;
  }
  Status load(const std::string&) override { return Status::unsupported("load through ml::load_artifact"); }
  std::vector<std::pair<std::string, double>> feature_importance() const override {
    return inner_->feature_importance();
  }
  nlohmann::json library_versions() const override { return inner_->library_versions(); }

 private:
  std::shared_ptr<const ml::Model> inner_;
  std::string workflow_;
  nlohmann::json pipeline_;
};

Result<std::string> read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::io_error("cannot read " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Result<const engine::StepRecord*> model_record(const workflow::Plan& plan, const engine::RunResult& r,
                                               const std::string& wanted) {
  std::vector<std::string> models;
  const engine::StepRecord* found = nullptr;
  for (size_t i = 0; i < plan.steps.size() && i < r.steps.size(); ++i) {
    if (plan.steps[i].kind != workflow::StepKind::kModel) continue;
    models.push_back(plan.steps[i].node_id);
    if (wanted.empty() || plan.steps[i].node_id == wanted) found = &r.steps[i];
  }
  if (models.empty()) return Status::invalid_argument("the workflow has no model node");
  if (!found) return Status::invalid_argument("--model " + wanted + ": no such model node; the workflow has " + quoted_list(models, " and "));
  if (wanted.empty() && models.size() > 1)
    return Status::invalid_argument("the workflow has several model nodes (" + quoted_list(models, " and ") + "): pick one with --model");
  return found;
}

nlohmann::json pipeline_json(const ml::FittedModel& fit, const std::vector<std::string>& sets) {
  return {{"model_node", fit.node_id},
          {"feature_names", fit.feature_names},
          {"feature_nodes", fit.feature_nodes},
          {"nan_policy", fit.nan_policy == ml::NanPolicy::kImpute ? "impute" : "drop"},
          {"fill", fit.fill},
          {"task", ml::task_name(fit.encoding.task)},
          {"classes", fit.encoding.classes},
          {"class_values", fit.encoding.class_values},
          {"label_column", fit.label_column},
          {"seed", fit.seed},
          {"overrides", sets}};
}

int train(const TrainArgs& a) {
  auto text = read_text(a.workflow);
  if (!text) return std::cerr << "nocode: " << text.status().message() << "\n", 1;
  workflow::CompileOptions copts;
  copts.overrides = a.sets;
  const workflow::Plan plan = workflow::compile_json(*text, copts);
  for (const auto& d : plan.diagnostics.all())
    if (d.severity != workflow::Severity::kInfo) std::cerr << workflow::to_string(d) << "\n";
  if (!plan.ok()) return std::cerr << "nocode: " << a.workflow << ": the workflow has errors\n", 1;
  engine::RunResult none;
  none.steps.resize(plan.steps.size());
  if (auto pick = model_record(plan, none, a.model_node); !pick)  // before the (long) run
    return std::cerr << "nocode: " << pick.status().message() << "\n", 1;
  engine::RunOptions ropts;
  ropts.data.data_file = a.data_file;
  ropts.data.data_dir = a.data_dir;
  const bool tty = show_progress_on_tty(ropts);
  engine::NodeCache cache;  // private: the fitted model is read back from it
  const engine::Engine eng(cache);
  auto r = eng.run(plan, ropts);
  if (tty) std::cerr << "\r\033[K" << std::flush;
  if (!r) return std::cerr << "nocode: " << r.status().message() << "\n", 1;
  auto rec = model_record(plan, *r, a.model_node);
  if (!rec) return std::cerr << "nocode: " << rec.status().message() << "\n", 1;
  auto out = cache.find(std::stoull((*rec)->cache_key, nullptr, 16));
  const ml::FittedModel* fit = nullptr;
  if (out)
    for (const auto& [handle, v] : out->by_handle)
      if (v.model) fit = v.model.get();
  if (!fit) return std::cerr << "nocode: model node '" << (*rec)->node_id << "' produced no model\n", 1;
  ml::ArtifactMetadata meta;
  meta.algorithm = fit->algorithm;
  meta.task = fit->encoding.task;
  meta.classes = fit->encoding.task == ml::Task::kRegression ? 1 : fit->encoding.classes;
  meta.hyperparameters = fit->hyperparameters;
  meta.feature_names = fit->feature_names;
  meta.label = {{"column", fit->label_column}, {"class_values", fit->encoding.class_values}};
  meta.training_data_hash = fit->training_data_hash;
  meta.workflow_hash = ml::content_hash(*text);
  meta.metrics = fit->metrics;
  PipelineModel model(fit->model, *text, pipeline_json(*fit, a.sets));
  if (Status s = ml::write_artifact(a.out, model, meta); !s.is_ok())
    return std::cerr << "nocode: " << s.message() << "\n", 1;
  nlohmann::json report = {{"artifact", a.out},         {"model", fit->node_id},
                           {"algorithm", fit->algorithm}, {"task", ml::task_name(fit->encoding.task)},
                           {"metrics", fit->metrics}};
  if (report["metrics"].contains("ic") && report["metrics"]["ic"].is_object())
    report["metrics"]["ic"].erase("by_period");  // kept in metadata.json
  std::cout << report.dump(2) << "\n";
  return 0;
}

}  // namespace

void add_train_command(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<TrainArgs>();
  CLI::App* cmd = app.add_subcommand("train", "Train a workflow's model and write its artifact directory");
  cmd->add_option("workflow", args->workflow, "Workflow document (JSON)")->required();
  auto* data = cmd->add_option("--data", args->data_file, "One CSV file feeding every data source");
  auto* dir = cmd->add_option("--data-dir", args->data_dir, "Data directory (as for `nocode run`)");
  data->excludes(dir);
  dir->excludes(data);
  cmd->add_option("--set", args->sets, "Override a workflow parameter, NAME=VALUE (repeatable)");
  cmd->add_option("--out", args->out, "Artifact directory to write")->required();
  cmd->add_option("--model", args->model_node, "Model node id (when the workflow has several)");
  cmd->callback([args, exit_code] { *exit_code = train(*args); });
}

}  // namespace nocode::cli
