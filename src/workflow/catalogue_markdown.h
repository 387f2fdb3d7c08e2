// The node-type catalogue as Markdown: the generated section of
// docs/workflow.md (between "<!-- BEGIN node_catalogue_markdown() -->" and
// "<!-- END node_catalogue_markdown() -->"). Pure; thread-safe.
#pragma once

#include <string>

namespace nocode::workflow {

std::string node_catalogue_markdown();

}  // namespace nocode::workflow
