// docs/workflow.md's node-type section is generated from the catalogue and
// must be current.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "support/test_data.h"
#include "workflow/catalogue_markdown.h"
#include "workflow/node_types.h"

namespace nocode::workflow {
namespace {

TEST(WorkflowDocs, NodeCatalogueSectionIsCurrent) {
  const std::string path = testing::source_dir() + "/docs/workflow.md";
  std::ifstream f(path);
  ASSERT_TRUE(f) << path << " is missing";
  std::stringstream ss;
  ss << f.rdbuf();
  std::string doc = ss.str();
  const std::string open = "<!-- BEGIN node_catalogue_markdown() -->\n";
  const std::string close = "<!-- END node_catalogue_markdown() -->";
  size_t begin = doc.find(open);
  const size_t end = doc.find(close);
  ASSERT_TRUE(begin != std::string::npos && end != std::string::npos && end > begin)
      << "docs/workflow.md lacks the generated-section markers";
  begin += open.size();
  const std::string want = node_catalogue_markdown();
  if (doc.substr(begin, end - begin) != want && std::getenv("NOCODE_UPDATE_DOCS")) {
    doc.replace(begin, end - begin, want);
    std::ofstream(path, std::ios::binary) << doc;
    return;
  }
  EXPECT_TRUE(doc.substr(begin, end - begin) == want)
      << "docs/workflow.md is stale: rerun this test with NOCODE_UPDATE_DOCS=1";
}

TEST(WorkflowDocs, MarkdownListsEveryNodeType) {
  const std::string md = node_catalogue_markdown();
  for (const NodeTypeSpec& t : node_types()) {
    EXPECT_NE(md.find("### " + t.type + " "), std::string::npos) << t.type;
    for (const NodeParamSpec& p : t.params) {
      EXPECT_NE(md.find("`" + p.name + "`"), std::string::npos) << t.type << "." << p.name;
    }
  }
}

}  // namespace
}  // namespace nocode::workflow
