// Every input the fuzzer once crashed on (fuzz/crashes/) now parses to a
// clean error or a document, and compiles without throwing.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "workflow/compiler.h"
#include "workflow/document.h"
#include "support/test_data.h"

namespace nocode::workflow {
namespace {

TEST(FuzzRegressions, EveryReproducerIsHandled) {
  const std::filesystem::path dir = testing::source_dir() + "/fuzz/crashes";
  ASSERT_TRUE(std::filesystem::is_directory(dir));
  size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    ++files;
    std::ifstream f(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    Diagnostics diags;
    Result<Document> doc = Status::internal("not run");
    ASSERT_NO_THROW(doc = parse_document(std::string_view(ss.str()), diags)) << entry.path();
    for (const auto& d : diags.all()) {
      EXPECT_FALSE(d.message.empty()) << entry.path();
      EXPECT_NO_THROW((void)to_json(d).dump()) << entry.path() << ": diagnostic is not UTF-8";
    }
    if (!doc.is_ok()) {
      EXPECT_FALSE(doc.status().message().empty());
      continue;
    }
    ASSERT_NO_THROW((void)compile(*doc, CompileOptions{})) << entry.path();
  }
  EXPECT_GT(files, 0u);
}

}  // namespace
}  // namespace nocode::workflow
