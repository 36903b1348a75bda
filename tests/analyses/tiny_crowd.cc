#include "tiny_crowd.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "model/batch.h"
#include "store/batch_writer.h"
#include "test_data.h"

namespace crowdlens::testing {
namespace {

Account Profile(const std::string& id, const std::string& handle, int64_t followers, int64_t following) {
  return Account{.platform = "twitter",
                 .platform_id = id,
                 .handle = handle,
                 .followers_count = followers,
                 .following_count = following,
                 .observed_at = kTinyWeekOne,
                 .has_profile = true};
}

struct PostSpec {
  std::string id;
  std::string author;
  int64_t offset = 0;
  std::string text;
  std::vector<std::pair<std::string, std::string>> mentions;  // id, handle
  std::string reply_to_post;
  std::string reply_to_account;
  std::string retweet_of;
  std::string quote_of;
  std::vector<std::string> hashtags;
  std::vector<std::string> urls;
  std::optional<int64_t> reported_retweets;
};

Post MakePost(const PostSpec& spec) {
  Post post{.platform = "twitter",
            .platform_id = spec.id,
            .author_id = spec.author,
            .created_at = kTinyWeekOne + spec.offset,
            .text = spec.text};
  if (!spec.reply_to_post.empty()) post.reply_to_post_id = spec.reply_to_post;
  if (!spec.reply_to_account.empty()) post.reply_to_account_id = spec.reply_to_account;
  if (!spec.retweet_of.empty()) post.retweet_of_id = spec.retweet_of;
  if (!spec.quote_of.empty()) post.quote_of_id = spec.quote_of;
  post.metrics.retweets = spec.reported_retweets;
  post.hashtags = spec.hashtags;
  post.urls = spec.urls;
  for (const auto& [id, handle] : spec.mentions) post.mentions.push_back({.account_id = id, .handle = handle});
  return post;
}

Edge Follow(const std::string& follower, const std::string& followee, int64_t observed_at) {
  return Edge{.platform = "twitter",
              .source_id = follower,
              .target_id = followee,
              .relation = Relation::kFollow,
              .weight = 1.0,
              .observed_at = observed_at};
}

}  // namespace

std::unique_ptr<Workspace> MakeTinyCrowd() {
  Result<std::unique_ptr<Workspace>> opened = Workspace::Open(MakeTempDir("tiny-crowd"), OpenMode::kCreate);
  EXPECT_TRUE(opened.ok()) << opened.status().message();
  if (!opened.ok()) return nullptr;
  std::unique_ptr<Workspace> workspace = std::move(opened).value();

  const std::pair<std::string, std::string> alice{"1", "alice"}, bob{"2", "bob"}, carol{"3", "carol"};
  Batch first;
  first.accounts = {Profile("1", "alice", 1000, 10), Profile("2", "bob", 50, 100), Profile("3", "carol", 200, 20),
                    Profile("4", "dave", 10, 10),
                    Account{.platform = "twitter", .platform_id = "5", .handle = "erin", .observed_at = kTinyWeekOne}};
  const std::vector<PostSpec> posts = {
      {.id = "p1",
       .author = "1",
       .offset = 1 * kHour,
       .text = "Our launch is today https://example.com/launch",
       .urls = {"https://example.com/launch"},
       .reported_retweets = 5},
      {.id = "p2", .author = "1", .offset = 2 * kHour, .text = "Second thoughts on the launch"},
      {.id = "p3",
       .author = "2",
       .offset = 3 * kHour,
       .text = "RT @alice: Our launch is today",
       .mentions = {alice},
       .retweet_of = "p1"},
      {.id = "p4",
       .author = "3",
       .offset = 4 * kHour,
       .text = "RT @alice: Our launch is today",
       .mentions = {alice},
       .retweet_of = "p1"},
      {.id = "p5",
       .author = "4",
       .offset = 5 * kHour,
       .text = "RT @alice: Second thoughts on the launch",
       .mentions = {alice},
       .retweet_of = "p2"},
      {.id = "p6",
       .author = "3",
       .offset = 6 * kHour,
       .text = "@alice what went wrong with the launch?",
       .mentions = {alice}},
      {.id = "p7",
       .author = "2",
       .offset = 7 * kHour,
       .text = "@alice congrats on the launch",
       .mentions = {alice},
       .reply_to_post = "p1",
       .reply_to_account = "1"},
      {.id = "p8", .author = "4", .offset = 8 * kHour, .text = "Thanks for the follow @carol!", .mentions = {carol}},
      {.id = "p9",
       .author = "5",
       .offset = 9 * kHour,
       .text = "#FF @alice @bob @carol",
       .mentions = {alice, bob, carol},
       .hashtags = {"ff"}},
      {.id = "p10", .author = "3", .offset = 10 * kHour, .text = "This is the real story", .quote_of = "p2"},
      {.id = "p11",
       .author = "4",
       .offset = 11 * kHour,
       .text = "@bob your analysis of the launch was spot on",
       .mentions = {bob}},
      {.id = "p12",
       .author = "5",
       .offset = 12 * kHour,
       .text = "@carol @alice I think the servers failed",
       .mentions = {carol, alice},
       .reply_to_post = "p6",
       .reply_to_account = "3"},
      {.id = "p16",
       .author = "5",
       .offset = 13 * kHour,
       .text = "@alice the launch video is great",
       .mentions = {alice}},
      {.id = "p13", .author = "1", .offset = 8 * kDay, .text = "Launch postmortem"},
      {.id = "p14",
       .author = "2",
       .offset = 8 * kDay + 1 * kHour,
       .text = "RT @alice: Launch postmortem",
       .mentions = {alice},
       .retweet_of = "p13"},
      {.id = "p15",
       .author = "3",
       .offset = 8 * kDay + 2 * kHour,
       .text = "@alice thanks for the postmortem, very clear and useful for our team",
       .mentions = {alice}},
      {.id = "p17",
       .author = "4",
       .offset = 8 * kDay + 3 * kHour,
       .text = "@alice how long until the fix?",
       .mentions = {alice},
       .reply_to_post = "p13",
       .reply_to_account = "1"},
  };
  for (const PostSpec& spec : posts) first.posts.push_back(MakePost(spec));
  first.edges = {Follow("2", "1", kTinyWeekOne), Follow("3", "1", kTinyWeekOne), Follow("4", "1", kTinyWeekOne),
                 Follow("4", "3", kTinyWeekOne), Follow("5", "3", kTinyWeekOne)};
  Batch later;
  later.edges = {Follow("5", "1", kTinyWeekOne + 9 * kDay)};

  EXPECT_TRUE(
      workspace->db().Execute("INSERT INTO import_runs (started_at, status) VALUES (1614556800, 'running')").ok());
  BatchWriter writer(workspace->db(), workspace->db().LastInsertRowId());
  EXPECT_TRUE(writer.Prepare().ok());
  for (const Batch* batch : {&first, &later}) {
    Status written = writer.Write(*batch);
    EXPECT_TRUE(written.ok()) << written.message();
  }
  return workspace;
}

}  // namespace crowdlens::testing
