// The compiler driver: runs the passes in order over one State.
#include "workflow/compiler.h"

#include <exception>
#include <utility>

#include "workflow/passes/pass.h"

namespace nocode::workflow {

namespace passes {

bool State::usable(const Edge& e) const {
  return index.count(e.source) && index.count(e.target) && !e.source_handle.empty() &&
         !e.target_handle.empty();
}

std::vector<const Edge*> State::inbound(size_t pos) const {
  std::vector<const Edge*> out;
  for (const Edge& e : doc->edges) {
    if (e.target == nodes[pos].node->id && usable(e)) out.push_back(&e);
  }
  return out;
}

std::vector<const Edge*> State::outbound(size_t pos) const {
  std::vector<const Edge*> out;
  for (const Edge& e : doc->edges) {
    if (e.source == nodes[pos].node->id && usable(e)) out.push_back(&e);
  }
  return out;
}

std::string join(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i ? sep : "") + items[i];
  return out;
}

void invariant(State& s, bool holds, const std::string& pass, const std::string& what) {
  if (holds) return;
  s.diags->error(
      "internal_invariant", "", "",
      "compiler bug: after the " + pass + " pass, " + what + " (please report this workflow)");
}

}  // namespace passes

namespace {

Plan run_passes(const Document& doc, const CompileOptions& options) {
  Plan plan;
  plan.name = doc.name;
  passes::State s;
  s.doc = &doc;
  s.diags = &plan.diagnostics;
  passes::normalize(s, options);
  passes::resolve(s);
  passes::typecheck(s);
  passes::check_cycles(s);
  passes::check_rules(s);
  passes::check_leakage(s);
  plan.search_space = s.parameters.dimensions;
  plan.parameters = s.parameters.values;
  if (plan.diagnostics.has_errors()) return plan;
  passes::build_plan(s, plan);
  if (options.optimize) passes::optimize(s, plan);
  passes::finish_hashes(plan);
  return plan;
}

}  // namespace

// The one edge where a library exception (a JSON value of a type some pass
// did not expect) becomes a diagnostic instead of ending the process.
Plan compile(const Document& doc, const CompileOptions& options) {
  try {
    return run_passes(doc, options);
  } catch (const std::exception& e) {
    Plan plan;
    plan.name = doc.name;
    plan.diagnostics.error(
        "internal_error", "", "",
        std::string("compiler bug: ") + e.what() + " (please report this workflow)");
    return plan;
  }
}

namespace {

Plan with_parse_diagnostics(Result<Document> doc, Diagnostics parse_diags,
                            const CompileOptions& options) {
  if (!doc.is_ok()) {
    Plan plan;
    if (!parse_diags.has_errors()) {
      parse_diags.error("invalid_document", "", "", doc.status().message());
    }
    plan.diagnostics = std::move(parse_diags);
    return plan;
  }
  Plan plan = compile(*doc, options);
  parse_diags.append(plan.diagnostics);
  plan.diagnostics = std::move(parse_diags);
  return plan;
}

}  // namespace

Plan compile_json(std::string_view json_text, const CompileOptions& options) {
  Diagnostics diags;
  Result<Document> doc = parse_document(json_text, diags);
  return with_parse_diagnostics(std::move(doc), std::move(diags), options);
}

Plan compile_file(const std::string& path, const CompileOptions& options) {
  Diagnostics diags;
  Result<Document> doc = load_document(path, diags);
  return with_parse_diagnostics(std::move(doc), std::move(diags), options);
}

}  // namespace nocode::workflow
