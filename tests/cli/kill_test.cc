// A SIGKILL in the middle of an import leaves a consistent workspace, and
// rerunning the import reaches the counts of an uninterrupted one.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <thread>

#include "cli/run_command.h"
#include "store/workspace.h"
#include "test_data.h"

namespace crowdlens {
namespace {

int64_t Rows(const std::string& workspace, const std::string& sql) {
  Result<std::unique_ptr<Workspace>> opened = Workspace::Open(workspace, OpenMode::kExisting);
  EXPECT_TRUE(opened.ok()) << opened.status().message();
  if (!opened.ok()) return -1;
  Result<int64_t> rows = (*opened)->db().QueryInt(sql);
  return rows.ok() ? rows.value() : -1;
}

std::string IntegrityCheck(const std::string& workspace) {
  Result<std::unique_ptr<Workspace>> opened = Workspace::Open(workspace, OpenMode::kExisting);
  if (!opened.ok()) return opened.status().message();
  Result<Statement> check = (*opened)->db().Prepare("PRAGMA integrity_check");
  if (!check.ok() || !check->Step().value()) return "integrity_check did not run";
  return check->ColumnText(0);
}

// Starts `crowdlens import` of `sample` in small batches and SIGKILLs it once
// the workspace holds at least `posts_at_least` posts. Returns the posts then
// committed, or -1 when the import finished first.
int64_t ImportAndKillAfter(const std::string& workspace, const std::string& sample, int64_t posts_at_least) {
  pid_t child = fork();
  if (child == 0) {
    int null_fd = open("/dev/null", O_WRONLY);
    dup2(null_fd, 1);
    dup2(null_fd, 2);
    std::string binary = testing::CrowdlensBinary();
    execl(binary.c_str(), binary.c_str(), "--workspace", workspace.c_str(), "import", "--batch-size", "50",
          sample.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  int64_t posts = 0;
  for (int attempt = 0; attempt < 4000; ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    posts = Rows(workspace, "SELECT count(*) FROM posts");
    if (posts >= posts_at_least) {
      kill(child, SIGKILL);
      break;
    }
  }
  int status = 0;
  waitpid(child, &status, 0);
  return WIFSIGNALED(status) ? posts : -1;
}

TEST(KillDuringImport, LeavesAConsistentWorkspaceThatARerunCompletes) {
  const std::string sample = testing::SamplePath("pheme");
  std::string dir = testing::MakeTempDir("kill");
  std::string workspace = dir + "/ws";
  ASSERT_EQ(testing::RunCrowdlens({"--workspace", workspace, "init"}).exit_code, 0);

  // Kill once some batches are committed but before the end.
  int64_t killed_at = ImportAndKillAfter(workspace, sample, 1);
  ASSERT_GE(killed_at, 0) << "the importer finished before it could be killed";
  EXPECT_LT(killed_at, 5115);

  EXPECT_EQ(IntegrityCheck(workspace), "ok");
  int64_t partial_posts = Rows(workspace, "SELECT count(*) FROM posts");
  EXPECT_LT(partial_posts, 5115);
  // Every committed post has its author: no half-written batch.
  EXPECT_EQ(Rows(workspace, "SELECT count(*) FROM posts p LEFT JOIN accounts a ON a.account_key = p.author_key "
                            "WHERE a.account_key IS NULL"), 0);
  auto status_report = testing::RunCrowdlens({"--workspace", workspace, "status", "-o", "json"});
  ASSERT_EQ(status_report.exit_code, 0);
  EXPECT_EQ(nlohmann::json::parse(status_report.out)["runs"][0]["status"], "interrupted");

  auto rerun = testing::RunCrowdlens({"--workspace", workspace, "import", sample});
  ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
  // The counts of an uninterrupted import (tests/expected/scripts/pheme_union.py).
  EXPECT_EQ(Rows(workspace, "SELECT count(*) FROM posts"), 5115);
  EXPECT_EQ(Rows(workspace, "SELECT count(*) FROM accounts"), 7152);
  EXPECT_EQ(Rows(workspace, "SELECT count(*) FROM follows"), 9638);
  EXPECT_EQ(Rows(workspace, "SELECT count(*) FROM post_hashtags"), 4430);
  EXPECT_EQ(Rows(workspace, "SELECT count(*) FROM post_mentions"), 6042);
  EXPECT_EQ(IntegrityCheck(workspace), "ok");
}

TEST(KillDuringImport, KilledAtManyPointsEachLeavesAConsistentWorkspace) {
  const std::string sample = testing::SamplePath("pheme");
  std::string workspace = testing::MakeTempDir("kill-many") + "/ws";
  ASSERT_EQ(testing::RunCrowdlens({"--workspace", workspace, "init"}).exit_code, 0);
  // Each rerun starts over the same inputs (upserts) and is killed further on.
  int kills = 0;
  for (int64_t threshold : {1, 500, 1500, 2500, 3500, 4500}) {
    int64_t posts = ImportAndKillAfter(workspace, sample, threshold);
    if (posts < 0) continue;  // this run finished before the threshold: nothing to check mid-way
    ++kills;
    EXPECT_EQ(IntegrityCheck(workspace), "ok") << "after a kill at " << posts << " posts";
    EXPECT_EQ(Rows(workspace, "SELECT count(*) FROM posts p LEFT JOIN accounts a ON a.account_key = p.author_key "
                              "WHERE a.account_key IS NULL"), 0)
        << "after a kill at " << posts << " posts";
  }
  EXPECT_GE(kills, 3);
  auto rerun = testing::RunCrowdlens({"--workspace", workspace, "import", sample});
  ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
  EXPECT_EQ(Rows(workspace, "SELECT count(*) FROM posts"), 5115);
  EXPECT_EQ(Rows(workspace, "SELECT count(*) FROM accounts"), 7152);
  EXPECT_EQ(Rows(workspace, "SELECT count(*) FROM follows"), 9638);
  EXPECT_EQ(Rows(workspace, "SELECT count(*) FROM post_hashtags"), 4430);
  EXPECT_EQ(Rows(workspace, "SELECT count(*) FROM post_mentions"), 6042);
  EXPECT_EQ(IntegrityCheck(workspace), "ok");
}

}  // namespace
}  // namespace crowdlens
