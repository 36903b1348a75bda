// Importing into a real workspace: counts against independent counts,
// idempotent re-import, profile merging and handle changes.
#include <gtest/gtest.h>

#include <cstdlib>

#include "store/importer.h"
#include "store/workspace_summary.h"
#include "test_data.h"

namespace crowdlens {
namespace {

int64_t Rows(Workspace& workspace, const std::string& sql) {
  Result<int64_t> rows = workspace.db().QueryInt(sql);
  EXPECT_TRUE(rows.ok()) << rows.status().message();
  return rows.ok() ? rows.value() : -1;
}

std::unique_ptr<Workspace> FreshWorkspace() {
  Result<std::unique_ptr<Workspace>> workspace = Workspace::Open(testing::MakeTempDir("ws"), OpenMode::kCreate);
  EXPECT_TRUE(workspace.ok()) << workspace.status().message();
  return std::move(workspace).value();
}

ImportSummary ImportOrDie(Workspace& workspace, std::vector<std::string> paths, ImportOptions options = {}) {
  options.paths = std::move(paths);
  options.show_progress = false;
  Result<ImportSummary> summary = Import(workspace, options);
  EXPECT_TRUE(summary.ok()) << summary.status().message();
  return summary.ok() ? summary.value() : ImportSummary{};
}

struct Snapshot {
  int64_t accounts, posts, follows, hashtags, mentions, urls, quarantine, handles;
  bool operator==(const Snapshot&) const = default;
};

Snapshot Take(Workspace& workspace) {
  return {Rows(workspace, "SELECT count(*) FROM accounts"),      Rows(workspace, "SELECT count(*) FROM posts"),
          Rows(workspace, "SELECT count(*) FROM follows"),       Rows(workspace, "SELECT count(*) FROM post_hashtags"),
          Rows(workspace, "SELECT count(*) FROM post_mentions"), Rows(workspace, "SELECT count(*) FROM post_urls"),
          Rows(workspace, "SELECT count(*) FROM quarantine"),    Rows(workspace, "SELECT count(*) FROM account_handles")};
}

TEST(WorkspaceImport, PhemeMatchesIndependentCountsAndReimportAddsNothing) {
  auto workspace = FreshWorkspace();
  ImportSummary first = ImportOrDie(*workspace, {testing::SamplePath("pheme")});
  EXPECT_EQ(first.failed_inputs, 0u);
  // python3 tests/expected/scripts/counts.py pheme data/sample/pheme; pheme_union.py for accounts.
  Snapshot after_first = Take(*workspace);
  EXPECT_EQ(after_first.posts, 5115);
  EXPECT_EQ(after_first.accounts, 7152);
  EXPECT_EQ(after_first.follows, 9638);
  EXPECT_EQ(after_first.hashtags, 4430);
  EXPECT_EQ(after_first.mentions, 6042);
  EXPECT_EQ(after_first.urls, 1627);
  EXPECT_EQ(after_first.quarantine, 0);
  // Structure and annotation files are skipped, not failed.
  EXPECT_GT(std::count_if(first.inputs.begin(), first.inputs.end(), [](const ImportedInput& i) { return i.status == "skipped"; }), 0);

  ImportOrDie(*workspace, {testing::SamplePath("pheme")});
  EXPECT_EQ(Take(*workspace), after_first);
  EXPECT_EQ(Rows(*workspace, "SELECT count(*) FROM import_runs WHERE status = 'done'"), 2);
}

TEST(WorkspaceImport, BadRecordsAreQuarantinedOnceAndGoodOnesKept) {
  auto workspace = FreshWorkspace();
  std::string dir = testing::MakeTempDir("bad");
  std::string good = R"({"id_str":"%","text":"t","created_at":"Wed Aug 27 13:08:45 +0000 2008","user":{"id_str":"9","screen_name":"u"}})";
  std::string file;
  for (int id = 1; id <= 10; ++id) {
    std::string line = good;
    line.replace(line.find('%'), 1, std::to_string(id));
    file += line + "\n";
    if (id % 4 == 0) file += "{broken json\n";
  }
  testing::WriteFile(dir + "/mixed.jsonl", file);
  ImportOrDie(*workspace, {dir + "/mixed.jsonl"});
  EXPECT_EQ(Rows(*workspace, "SELECT count(*) FROM posts"), 10);
  EXPECT_EQ(Rows(*workspace, "SELECT count(*) FROM quarantine"), 2);
  EXPECT_EQ(Rows(*workspace, "SELECT min(line) FROM quarantine"), 5);
  ImportOrDie(*workspace, {dir + "/mixed.jsonl"});
  EXPECT_EQ(Rows(*workspace, "SELECT count(*) FROM quarantine"), 2);
  Result<std::vector<QuarantineRow>> rows = ListQuarantine(*workspace, 0, 10);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].raw, "{broken json");
}

TEST(WorkspaceImport, NewestProfileWinsAndMentionsNeverEraseIt) {
  auto workspace = FreshWorkspace();
  std::string dir = testing::MakeTempDir("merge");
  testing::WriteFile(dir + "/a.jsonl",
                     R"({"id_str":"1","text":"old","created_at":"Wed Aug 27 13:08:45 +0000 2008","user":{"id_str":"9","screen_name":"oldname","location":"Paris","followers_count":5}})"
                     "\n"
                     R"({"id_str":"2","text":"new","created_at":"Wed Aug 27 13:08:45 +0000 2014","user":{"id_str":"9","screen_name":"newname","location":"Leeds","followers_count":50}})"
                     "\n"
                     R"({"id_str":"3","text":"@oldname hi","created_at":"Wed Aug 27 13:08:45 +0000 2010","user":{"id_str":"8","screen_name":"x"},"entities":{"user_mentions":[{"id_str":"9","screen_name":"oldname"}]}})"
                     "\n");
  ImportOrDie(*workspace, {dir + "/a.jsonl"});
  Result<Statement> query = workspace->db().Prepare(
      "SELECT handle, location, followers_count FROM accounts WHERE platform = 'twitter' AND platform_id = '9'");
  ASSERT_TRUE(query.ok());
  ASSERT_TRUE(query->Step().value());
  EXPECT_EQ(query->ColumnText(0), "newname");
  EXPECT_EQ(query->ColumnText(1), "Leeds");
  EXPECT_EQ(query->ColumnInt(2), 50);
  // Both handles stay findable.
  EXPECT_EQ(Rows(*workspace, "SELECT count(*) FROM account_handles h JOIN accounts a USING (account_key) WHERE a.platform_id = '9'"), 2);
}

TEST(WorkspaceImport, HandleOnlyOwnerResolvesToTheKnownAccount) {
  auto workspace = FreshWorkspace();
  std::string dir = testing::MakeTempDir("owner");
  testing::WriteFile(dir + "/user.json", R"({"id_str":"77","screen_name":"Owner","followers_count":2})");
  testing::WriteFile(dir + "/ids.json", R"({"ids":[1,2],"next_cursor":0})");
  ImportOrDie(*workspace, {dir + "/user.json"});
  ImportOptions options;
  options.read.ids_owner = "owner";
  ImportOrDie(*workspace, {dir + "/ids.json"}, options);
  EXPECT_EQ(Rows(*workspace, "SELECT count(*) FROM follows f JOIN accounts a ON a.account_key = f.followee_key WHERE a.platform_id = '77'"), 2);
  EXPECT_EQ(Rows(*workspace, "SELECT count(*) FROM accounts WHERE platform_id LIKE '@%'"), 0);
}

TEST(WorkspaceImport, UnreadableInputFailsAloneAndIsQuarantined) {
  auto workspace = FreshWorkspace();
  std::string dir = testing::MakeTempDir("fail");
  testing::WriteFile(dir + "/a/good.txt", "1 2\n2 3\n");
  testing::WriteFile(dir + "/a/bad.gz", std::string("\x1f\x8b\x08\x00garbage", 12));
  ImportSummary summary = ImportOrDie(*workspace, {dir + "/a"});
  EXPECT_EQ(summary.failed_inputs, 1u);
  EXPECT_EQ(Rows(*workspace, "SELECT count(*) FROM follows"), 2);
  EXPECT_EQ(Rows(*workspace, "SELECT count(*) FROM quarantine WHERE source LIKE '%bad.gz'"), 1);
}

TEST(WorkspaceImport, NewerSchemaIsRefused) {
  std::string dir = testing::MakeTempDir("schema");
  { ASSERT_TRUE(Workspace::Open(dir, OpenMode::kCreate).ok()); }
  {
    Result<Database> db = Database::Open(dir + "/crowdlens.db", false);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(db->Execute("PRAGMA user_version = 999").ok());
  }
  Result<std::unique_ptr<Workspace>> reopened = Workspace::Open(dir, OpenMode::kExisting);
  ASSERT_FALSE(reopened.ok());
  EXPECT_NE(reopened.status().message().find("newer crowdlens"), std::string::npos);
}

}  // namespace
}  // namespace crowdlens

namespace crowdlens {
namespace {

TEST(WorkspaceImport, TruncatedZipFailsAloneAndTheRestImports) {
  auto workspace = FreshWorkspace();
  std::string dir = testing::MakeTempDir("zip");
  testing::WriteFile(dir + "/in/edges.txt", "1 2\n2 3\n3 1\n");
  testing::WriteFile(dir + "/src/data.txt", std::string(50000, 'x'));
  ASSERT_EQ(std::system(("cd " + dir + "/src && python3 -c \"import zipfile; z=zipfile.ZipFile('../full.zip','w',"
                         "zipfile.ZIP_DEFLATED); z.write('data.txt'); z.close()\" && head -c 100 ../full.zip > " + dir +
                         "/in/cut.zip").c_str()), 0);
  ImportSummary summary = ImportOrDie(*workspace, {dir + "/in"});
  EXPECT_EQ(summary.failed_inputs, 1u);
  EXPECT_EQ(Rows(*workspace, "SELECT count(*) FROM follows"), 3);
  Result<std::vector<QuarantineRow>> rows = ListQuarantine(*workspace, 0, 10);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_NE((*rows)[0].source.find("cut.zip"), std::string::npos);
  EXPECT_NE((*rows)[0].reason.find("not a readable zip archive"), std::string::npos) << (*rows)[0].reason;
}

}  // namespace
}  // namespace crowdlens
