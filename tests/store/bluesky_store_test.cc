// Bluesky deletes reach the workspace: a deleted post is erased with its
// entities, a deleted follow is kept as ended (an unfollow can be told).
#include <gtest/gtest.h>

#include "store/importer.h"
#include "test_data.h"

namespace crowdlens {
namespace {

int64_t Count(Workspace& workspace, const std::string& sql) {
  Result<int64_t> rows = workspace.db().QueryInt(sql);
  EXPECT_TRUE(rows.ok()) << rows.status().message();
  return rows.ok() ? rows.value() : -1;
}

TEST(BlueskyStore, DeletesEraseThePostAndEndTheFollow) {
  Result<std::unique_ptr<Workspace>> workspace = Workspace::Open(testing::MakeTempDir("bsky"), OpenMode::kCreate);
  ASSERT_TRUE(workspace.ok());
  ImportOptions options{.paths = {testing::TestsPath("fixtures/bluesky/jetstream.jsonl")}, .show_progress = false};
  Result<ImportSummary> summary = Import(**workspace, options);
  ASSERT_TRUE(summary.ok()) << summary.status().message();
  EXPECT_EQ(summary->written.deletions, 2u);
  // jetstream.jsonl creates or updates 5 distinct posts (did + rkey) and deletes one of them (line 13).
  EXPECT_EQ(Count(**workspace, "SELECT count(*) FROM posts WHERE platform = 'bluesky'"), 4);
  EXPECT_EQ(Count(**workspace, "SELECT count(*) FROM posts WHERE platform_id LIKE '%/3l3qoc3ylkk2a'"), 0);
  EXPECT_EQ(Count(**workspace, "SELECT count(*) FROM post_hashtags WHERE post_key NOT IN (SELECT post_key FROM posts)"), 0);
  EXPECT_EQ(Count(**workspace, "SELECT count(*) FROM follows"), 2);
  EXPECT_EQ(Count(**workspace, "SELECT ended_at FROM follows WHERE record_id LIKE '%/3l3qofollowc2'"), 1725913700);
  EXPECT_EQ(Count(**workspace, "SELECT count(*) FROM follows WHERE ended_at IS NULL"), 1);

  // Replaying the same stream changes nothing.
  ASSERT_TRUE(Import(**workspace, options).ok());
  EXPECT_EQ(Count(**workspace, "SELECT count(*) FROM posts WHERE platform = 'bluesky'"), 4);
  EXPECT_EQ(Count(**workspace, "SELECT count(*) FROM follows WHERE ended_at IS NULL"), 1);
}

}  // namespace
}  // namespace crowdlens
