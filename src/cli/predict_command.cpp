#include "cli/predict_command.h"

#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <sstream>

#include "cli/train_command.h"
#include "data/csv_writer.h"
#include "engine/engine.h"
#include "ml/artifact.h"
#include "ml/training_set.h"
#include "report/atomic_write.h"
#include "workflow/compiler.h"

namespace nocode::cli {
namespace {

struct PredictArgs {
  std::string artifact;
  std::string data_file;
  std::string out;
};

Result<nlohmann::json> read_json(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::not_found("artifact file " + path + " is missing");
  try {
    return nlohmann::json::parse(in);
  } catch (const std::exception& e) {
    return Status::parse_error(path + ": " + e.what());
  }
}

// The plan's steps that `nodes` depend on, re-indexed (plan order kept).
Result<workflow::Plan> feature_plan(const workflow::Plan& plan, const std::vector<std::string>& nodes) {
  std::vector<bool> keep(plan.steps.size(), false);
  std::function<void(size_t)> mark = [&](size_t i) {
    if (keep[i]) return;
    keep[i] = true;
    for (const auto& b : plan.steps[i].inputs) mark(b.step);
  };
  for (const auto& n : nodes) {
    auto it = plan.step_of_node.find(n);
    if (it == plan.step_of_node.end())
      return Status::invalid_argument("feature node '" + n + "' is not in the saved workflow");
    mark(it->second);
  }
  workflow::Plan out;
  out.name = plan.name;
  out.parameters = plan.parameters;
  std::vector<size_t> index(plan.steps.size(), 0);
  for (size_t i = 0; i < plan.steps.size(); ++i) {
    if (!keep[i]) continue;
    index[i] = out.steps.size();
    workflow::Step s = plan.steps[i];
    for (auto& b : s.inputs) b.step = index[b.step];
    out.steps.push_back(std::move(s));
  }
  for (const auto& [node, i] : plan.step_of_node)
    if (keep[i]) out.step_of_node[node] = index[i];
  return out;
}

// The rule of a signal node reading the model's score-output, if any.
std::optional<ml::SignalRule> signal_rule(const workflow::Plan& plan, const std::string& model_node) {
  for (const auto& s : plan.steps) {
    if (s.kind != workflow::StepKind::kSignal) continue;
    for (const auto& b : s.inputs) {
      if (b.handle != "score-input" || plan.steps[b.step].node_id != model_node) continue;
      auto num = [&](const char* k, double d) { return s.params.contains(k) && s.params[k].is_number() ? s.params[k].get<double>() : d; };
      ml::SignalRule rule;
      rule.long_short = s.params.value("mode", std::string("long_only")) == "long_short";
      rule.long_threshold = num("longThreshold", 0.55);
      rule.short_threshold = num("shortThreshold", 0.45);
      return rule;
    }
  }
  return std::nullopt;
}

struct Pipeline {
  std::string model_node;
  std::vector<std::string> names, nodes, overrides;
  std::vector<double> fill;
  ml::LabelEncoding encoding;
};

Result<Pipeline> read_pipeline(const std::string& dir) {
  auto j = read_json(dir + "/" + kArtifactPipelineFile);
  if (!j) return j.status();
  try {
    Pipeline p;
    p.model_node = j->at("model_node").get<std::string>();
    p.names = j->at("feature_names").get<std::vector<std::string>>();
    p.nodes = j->at("feature_nodes").get<std::vector<std::string>>();
    p.fill = j->at("fill").get<std::vector<double>>();
    p.overrides = j->value("overrides", std::vector<std::string>{});
    auto task = ml::parse_task(j->at("task").get<std::string>());
    if (!task) return task.status();
    p.encoding.task = *task;
    p.encoding.classes = j->at("classes").get<size_t>();
    p.encoding.class_values = j->at("class_values").get<std::vector<double>>();
    return p;
  } catch (const std::exception& e) {
    return Status::parse_error(dir + "/" + kArtifactPipelineFile + ": " + e.what());
  }
}

Result<std::string> predict(const PredictArgs& a) {
  auto loaded = ml::load_artifact(a.artifact, ml::builtin_models());
  if (!loaded) return loaded.status();
  auto pipe = read_pipeline(a.artifact);
  if (!pipe) return pipe.status();
  std::ifstream wf(a.artifact + "/" + kArtifactWorkflowFile, std::ios::binary);
  if (!wf) return Status::not_found("artifact file " + a.artifact + "/" + kArtifactWorkflowFile + " is missing");
  std::stringstream text;
  text << wf.rdbuf();
  workflow::CompileOptions copts;
  copts.overrides = pipe->overrides;
  const workflow::Plan full = workflow::compile_json(text.str(), copts);
  if (!full.ok()) return Status::invalid_argument("the saved workflow no longer compiles");
  auto plan = feature_plan(full, pipe->nodes);
  if (!plan) return plan.status();
  engine::RunOptions ropts;
  ropts.data.data_file = a.data_file;
  engine::NodeCache cache;
  auto r = engine::Engine(cache).run(*plan, ropts);
  if (!r) return r.status();
  std::vector<std::string> present;
  std::vector<std::vector<double>> columns;
  for (const auto& n : pipe->names)
    if (const auto* c = r->features.column(n)) present.push_back(n), columns.push_back(*c);
  NOCODE_RETURN_IF_ERROR(ml::check_features(loaded->metadata, present));
  const ml::RowSet rows = ml::scoring_rows(present, columns, pipe->fill);
  auto scores = ml::score_bars(*loaded->model, rows, pipe->encoding, r->features.rows());
  if (!scores) return scores.status();
  Frame out(r->features.timestamps());
  const auto rule = signal_rule(full, pipe->model_node);
  std::vector<double> signal;
  if (rule) for (double s : *scores) signal.push_back(rule->position(s));
  NOCODE_RETURN_IF_ERROR(out.set_column("score", std::move(*scores)));
  if (rule) NOCODE_RETURN_IF_ERROR(out.set_column("signal", std::move(signal)));
  TableView t;
  t.timestamps = &out.timestamps();
  for (size_t c = 0; c < out.columns(); ++c) {
    t.names.push_back(out.names()[c]);
    t.columns.push_back(&out.column_at(c));
  }
  std::ostringstream csv;
  write_csv(csv, t);
  return csv.str();
}

int run_predict(const PredictArgs& a) {
  auto csv = predict(a);
  if (!csv) return std::cerr << "nocode: " << csv.status().message() << "\n", 1;
  if (a.out.empty()) {
    std::cout << *csv;
    return 0;
  }
  if (Status s = report::write_file_atomically(a.out, *csv); !s.is_ok())
    return std::cerr << "nocode: " << s.message() << "\n", 1;
  return 0;
}

}  // namespace

void add_predict_command(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<PredictArgs>();
  CLI::App* cmd = app.add_subcommand("predict", "Score new bars with a trained model artifact");
  cmd->add_option("artifact", args->artifact, "Artifact directory written by `nocode train`")->required();
  cmd->add_option("--data", args->data_file, "CSV file of bars to score")->required();
  cmd->add_option("--out", args->out, "Write the CSV here (default: stdout)");
  cmd->callback([args, exit_code] { *exit_code = run_predict(*args); });
}

}  // namespace nocode::cli
