// Unfollows from successive complete follower lists: a follower that a later
// whole list lacks has ended; a partial list (not the last page) ends nothing.
#include <gtest/gtest.h>

#include "store/importer.h"
#include "test_data.h"

namespace crowdlens {
namespace {

constexpr int64_t kMonday = 1700000000;
constexpr int64_t kFriday = kMonday + 4 * 86400;

class FollowSnapshotTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::MakeTempDir("snapshots");
    workspace_ = std::move(Workspace::Open(dir_ + "/ws", OpenMode::kCreate)).value();
  }

  ImportSummary ImportFollowers(const std::string& name, const std::string& page, int64_t when) {
    testing::WriteFile(dir_ + "/" + name, page);
    ImportOptions options{.paths = {dir_ + "/" + name}, .show_progress = false};
    options.read.ids_owner = "acme";
    options.read.ids_kind = IdPageKind::kFollowers;
    options.read.import_time = when;
    Result<ImportSummary> summary = Import(*workspace_, options);
    EXPECT_TRUE(summary.ok()) << summary.status().message();
    return summary.ok() ? *summary : ImportSummary{};
  }

  // "id:ended_at" for every follower of acme, ended or not (0: still following).
  std::string Followers() {
    Result<Statement> statement = workspace_->db().Prepare(
        "SELECT a.platform_id, coalesce(f.ended_at, 0) FROM follows f JOIN accounts a ON a.account_key = f.follower_key "
        "JOIN accounts o ON o.account_key = f.followee_key WHERE o.handle = 'acme' ORDER BY a.platform_id");
    std::string text;
    while (statement->Step().value()) {
      text += statement->ColumnText(0) + ":" + std::to_string(statement->ColumnInt(1) == 0 ? 0 : statement->ColumnInt(1) - kMonday) + " ";
    }
    return text;
  }

  std::string dir_;
  std::unique_ptr<Workspace> workspace_;
};

TEST_F(FollowSnapshotTest, AFollowerMissingFromALaterWholeListHasEnded) {
  ImportFollowers("monday.json", R"({"ids":["1","2","3"],"next_cursor_str":"0","previous_cursor_str":"0"})", kMonday);
  EXPECT_EQ(Followers(), "1:0 2:0 3:0 ");
  ImportSummary friday =
      ImportFollowers("friday.json", R"({"ids":["2","3","4"],"next_cursor_str":"0","previous_cursor_str":"0"})", kFriday);
  EXPECT_EQ(friday.written.ended_follows, 1u);
  EXPECT_EQ(Followers(), "1:345600 2:0 3:0 4:0 ");  // 1 left, learnt on Friday (4 days later)

  // Coming back un-ends the follow.
  ImportFollowers("later.json", R"({"ids":["1","2","3","4"],"next_cursor_str":"0"})", kFriday + 86400);
  EXPECT_EQ(Followers(), "1:0 2:0 3:0 4:0 ");
}

TEST_F(FollowSnapshotTest, APartialListEndsNothing) {
  ImportFollowers("monday.json", R"({"ids":["1","2","3"],"next_cursor_str":"0"})", kMonday);
  ImportSummary partial =
      ImportFollowers("page1.json", R"({"ids":["2"],"next_cursor_str":"1712335795049207820"})", kFriday);
  EXPECT_EQ(partial.written.ended_follows, 0u);
  EXPECT_EQ(Followers(), "1:0 2:0 3:0 ");
}

}  // namespace
}  // namespace crowdlens
