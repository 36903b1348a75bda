// The HTML report on a workspace imported from the shipped sample: one file
// with no script and nothing fetched from elsewhere, every section present,
// and its figures equal to the tables the commands print.
#include "report/html_report.h"

#include <gtest/gtest.h>

#include <regex>

#include "report/audience_tables.h"
#include "store/importer.h"
#include "test_data.h"

namespace crowdlens {
namespace {

class HtmlReportTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string dir = testing::MakeTempDir("html-report") + "/ws";
    Result<std::unique_ptr<Workspace>> created = Workspace::Open(dir, OpenMode::kCreate);
    ASSERT_TRUE(created.ok());
    workspace_ = created->release();
    ASSERT_TRUE(Config::SetOwners(workspace_->config_path(), {ParseOwnerRef("BBCBreaking")}).ok());
    Result<ImportSummary> imported = Import(
        *workspace_, {.paths = {testing::SamplePath("")}, .show_progress = false});
    ASSERT_TRUE(imported.ok()) << imported.status().message();
    Result<std::string> html = HtmlReport(*workspace_, {.generated_at = 1700000000});
    ASSERT_TRUE(html.ok()) << html.status().message();
    html_ = new std::string(std::move(*html));
  }
  static void TearDownTestSuite() {
    delete workspace_;
    delete html_;
  }
  static Workspace* workspace_;
  static std::string* html_;
};

Workspace* HtmlReportTest::workspace_ = nullptr;
std::string* HtmlReportTest::html_ = nullptr;

TEST_F(HtmlReportTest, IsOneFileWithNoScriptAndNothingFetched) {
  EXPECT_TRUE(html_->starts_with("<!doctype html>"));
  EXPECT_EQ(html_->find("<script"), std::string::npos);
  EXPECT_EQ(html_->find("src="), std::string::npos);
  EXPECT_EQ(html_->find("<link"), std::string::npos);
  EXPECT_EQ(html_->find("http://"), html_->find("http://www.w3.org/2000/svg"));  // only the SVG namespace
  EXPECT_EQ(html_->find("https://"), std::string::npos);
  EXPECT_NE(html_->find("@media print"), std::string::npos);
}

TEST_F(HtmlReportTest, EverySectionIsThere) {
  for (const char* id : {"workspace", "audience", "reach", "influence", "mix", "listen"}) {
    EXPECT_NE(html_->find(std::string("<section id=\"") + id + "\">"), std::string::npos) << id;
  }
  EXPECT_NE(html_->find("crowdlens report: @BBCBreaking"), std::string::npos);
  EXPECT_NE(html_->find("2023-11-14T22:13:20Z"), std::string::npos);
  // The reach heat map: one shaded cell per hour of the week.
  const size_t heat = html_->find("aria-label=\"Expected ");
  ASSERT_NE(heat, std::string::npos);
  const std::string map = html_->substr(heat, html_->find("</svg>", heat) - heat);
  size_t cells = 0;
  for (size_t at = map.find("fill-opacity"); at != std::string::npos; at = map.find("fill-opacity", at + 1)) ++cells;
  EXPECT_EQ(cells, 168u);
}

TEST_F(HtmlReportTest, FiguresAreThoseTheAudienceCommandPrints) {
  Result<std::vector<Table>> tables = AudienceTables(*workspace_, {});
  ASSERT_TRUE(tables.ok()) << tables.status().message();
  const Table& summary = tables->front();
  ASSERT_EQ(summary.name, "audience");
  const int64_t followers = std::get<int64_t>(summary.rows[0][0]);
  EXPECT_NE(html_->find("<b>" + std::to_string(followers) + "</b><span>followers</span>"), std::string::npos);
  // Each country bar of the audience section is a row of the segments table.
  const Table& segments = (*tables)[1];
  ASSERT_EQ(segments.name, "segments");
  for (const auto& row : segments.rows) {
    if (std::get<std::string>(row[0]) != "country") continue;
    const std::string bar = std::get<std::string>(row[1]) + ": " + std::to_string(std::get<int64_t>(row[2])) + "</title>";
    EXPECT_NE(html_->find(bar), std::string::npos) << bar;
  }
}

}  // namespace
}  // namespace crowdlens
