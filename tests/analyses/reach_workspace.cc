#include "reach_workspace.h"

#include <gtest/gtest.h>

#include "store/batch_writer.h"
#include "test_data.h"

namespace crowdlens::testing {

ReachWorkspace::ReachWorkspace(const std::string& name) : dir_(MakeTempDir(name) + "/ws") {
  Result<std::unique_ptr<Workspace>> opened = Workspace::Open(dir_, OpenMode::kCreate);
  EXPECT_TRUE(opened.ok()) << opened.status().message();
  if (opened.ok()) workspace_ = std::move(opened).value();
}

void ReachWorkspace::Profile(const std::string& id, const std::string& handle, const ProfileCounts& counts) {
  batch_.accounts.push_back(Account{.platform = "twitter",
                                    .platform_id = id,
                                    .handle = handle,
                                    .following_count = counts.following_count,
                                    .post_count = counts.post_count,
                                    .created_at = counts.created_at,
                                    .observed_at = counts.observed_at,
                                    .has_profile = true});
}

void ReachWorkspace::Post(const std::string& id, const std::string& author, int64_t at, std::optional<int64_t> retweets,
                          std::optional<int64_t> replies, std::optional<int64_t> impressions) {
  crowdlens::Post post{.platform = "twitter",
                       .platform_id = id,
                       .author_id = author,
                       .created_at = at,
                       .text = std::string("post ") + id};
  post.metrics.retweets = retweets;
  post.metrics.replies = replies;
  post.metrics.impressions = impressions;
  batch_.posts.push_back(std::move(post));
}

void ReachWorkspace::Follow(const std::string& follower, const std::string& followee, int64_t at) {
  batch_.edges.push_back(Edge{.platform = "twitter",
                              .source_id = follower,
                              .target_id = followee,
                              .relation = Relation::kFollow,
                              .weight = 1.0,
                              .observed_at = at});
}

void ReachWorkspace::Write() {
  ASSERT_TRUE(workspace_->db().Execute("INSERT INTO import_runs (started_at, status) VALUES (0, 'running')").ok());
  BatchWriter writer(workspace_->db(), workspace_->db().LastInsertRowId());
  ASSERT_TRUE(writer.Prepare().ok());
  Status written = writer.Write(batch_);
  ASSERT_TRUE(written.ok()) << written.message();
  batch_ = Batch{};
}

int64_t ReachWorkspace::Key(const std::string& id) {
  Result<Statement> statement = workspace_->db().Prepare("SELECT account_key FROM accounts WHERE platform_id = ?");
  EXPECT_TRUE(statement.ok());
  statement->Bind(1, id);
  EXPECT_TRUE(statement->Step().value()) << id;
  return statement->ColumnInt(0);
}

}  // namespace crowdlens::testing
