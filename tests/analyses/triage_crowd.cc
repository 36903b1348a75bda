#include "triage_crowd.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "model/batch.h"
#include "store/batch_writer.h"
#include "test_data.h"

namespace crowdlens::testing {
namespace {

constexpr int64_t kDay = 86400;

int64_t Day(int64_t day) { return kTriageDayZero + day * kDay; }

Account Profile(const std::string& id, const std::string& handle, int64_t followers) {
  return Account{.platform = "twitter",
                 .platform_id = id,
                 .handle = handle,
                 .name = "Name of " + handle,
                 .followers_count = followers,
                 .following_count = 100,
                 .observed_at = Day(0),
                 .has_profile = true};
}

Post MakePost(const std::string& id, const std::string& author, int64_t day, const std::string& text) {
  return Post{.platform = "twitter", .platform_id = id, .author_id = author, .created_at = Day(day), .text = text};
}

Edge Link(const std::string& source, const std::string& target, Relation relation) {
  return Edge{.platform = "twitter",
              .source_id = source,
              .target_id = target,
              .relation = relation,
              .weight = 1.0,
              .observed_at = Day(200)};
}

SegmentLabel Label(const std::string& name) { return SegmentLabel{.name = name, .score = 0.9}; }

}  // namespace

TriageCrowd MakeTriageCrowd() {
  TriageCrowd crowd;
  Result<std::unique_ptr<Workspace>> opened = Workspace::Open(MakeTempDir("triage-crowd"), OpenMode::kCreate);
  EXPECT_TRUE(opened.ok()) << opened.status().message();
  if (!opened.ok()) return crowd;
  crowd.workspace = std::move(opened).value();

  // Written before the owner's account exists, so the mention lands on an "@owner" stand-in.
  Batch before_owner;
  before_owner.accounts = {Profile("8", "u_dormant", 100)};
  Post dormant = MakePost("d0", "8", 0, "Good morning @owner");
  dormant.mentions.push_back({.account_id = "@owner", .handle = "owner"});
  before_owner.posts.push_back(dormant);

  Batch crowd_batch;
  crowd_batch.accounts = {
      Profile("100", "owner", 1000),     Profile("1", "f_good", 100),       Profile("2", "f_quiet", 100),
      Profile("3", "f_spam", 100),       Profile("4", "f_offtopic", 100),   Profile("5", "f_abroad", 100),
      Profile("6", "f_sleeper", 100),    Profile("7", "m_mutual", 100),     Profile("9", "u_spam", 100),
      Profile("10", "u_celeb", 5000000), Profile("11", "u_bigoff", 200000), Profile("12", "u_quiet_fan", 100),
      Profile("13", "u_stale", 100),     Profile("50", "stranger", 100)};
  std::vector<Post>& posts = crowd_batch.posts;
  posts.push_back(MakePost("o1", "100", 100, "Breaking: the bridge has reopened"));
  posts.push_back(MakePost("o2", "100", 200, "Evening headlines"));
  Post reply = MakePost("g2", "1", 195, "@owner thanks for the update");
  reply.reply_to_post_id = "o1";
  reply.reply_to_account_id = "100";
  reply.mentions.push_back({.account_id = "100", .handle = "owner"});
  posts.push_back(reply);
  Post mention = MakePost("g1", "1", 194, "Watching @owner for the bridge news");
  mention.mentions.push_back({.account_id = "100", .handle = "owner"});
  posts.push_back(mention);
  posts.push_back(MakePost("s1", "3", 200, "Win a free phone, click now"));
  posts.push_back(MakePost("v1", "4", 150, "Vaccine clinic open today"));
  posts.push_back(MakePost("a1", "5", 190, "News from Boston"));
  posts.push_back(MakePost("z1", "6", 10, "Last post for a while"));
  Post retweet = MakePost("m1", "7", 199, "RT @owner: Breaking: the bridge has reopened");
  retweet.retweet_of_id = "o1";
  retweet.mentions.push_back({.account_id = "100", .handle = "owner"});
  posts.push_back(retweet);
  posts.push_back(MakePost("u1", "9", 180, "Followers for sale"));
  posts.push_back(MakePost("c1", "10", 199, "Match day"));
  posts.push_back(MakePost("t1", "13", 20, "Cheap vaccine passes"));
  posts.push_back(MakePost("x1", "50", 400, "A post from outside the crowd"));
  for (const char* follower : {"1", "2", "3", "4", "5", "6", "7"}) {
    crowd_batch.edges.push_back(Link(follower, "100", Relation::kFollow));
  }
  for (const char* followed : {"7", "8", "9", "10", "11", "12", "13"}) {
    crowd_batch.edges.push_back(Link("100", followed, Relation::kFollow));
  }
  crowd_batch.edges.push_back(Link("12", "100", Relation::kMention));

  Workspace& workspace = *crowd.workspace;
  EXPECT_TRUE(
      workspace.db().Execute("INSERT INTO import_runs (started_at, status) VALUES (1577836800, 'running')").ok());
  BatchWriter writer(workspace.db(), workspace.db().LastInsertRowId());
  EXPECT_TRUE(writer.Prepare().ok());
  for (const Batch* batch : {&before_owner, &crowd_batch}) {
    Status written = writer.Write(*batch);
    EXPECT_TRUE(written.ok()) << written.message();
  }

  auto key_of = [&](const std::string& platform_id) -> int64_t {
    Result<int64_t> key = workspace.db().QueryInt(
        "SELECT account_key FROM accounts WHERE platform = 'twitter' AND platform_id = '" + platform_id + "'");
    EXPECT_TRUE(key.ok()) << platform_id;
    return key.ok() ? *key : 0;
  };
  crowd.owner_key = key_of("100");
  auto segment = [&](const std::string& id, const std::string& country, std::vector<std::string> topics, double spam,
                     std::vector<std::string> roles = {}) {
    AccountSegments segments{.account_key = key_of(id), .country = country, .spam_score = spam};
    for (const std::string& topic : topics) segments.topics.push_back(Label(topic));
    for (const std::string& role : roles) segments.roles.push_back(Label(role));
    crowd.segments[segments.account_key] = segments;
  };
  segment("100", "GB", {"news"}, 0.0);
  segment("1", "GB", {"news"}, 0.1);
  segment("2", "GB", {"news"}, 0.0);
  segment("3", "GB", {"news"}, 0.8, {"spam"});
  segment("4", "GB", {"vaccines"}, 0.0);
  segment("5", "US", {"news"}, 0.0);
  segment("6", "GB", {"news"}, 0.0);
  segment("7", "GB", {"news"}, 0.0);
  segment("8", "GB", {"news"}, 0.0);
  segment("9", "", {"news"}, 0.9, {"spam"});
  segment("10", "", {"sport"}, 0.0, {"celebrity"});
  segment("11", "", {}, 0.0);
  segment("12", "GB", {"news"}, 0.0);
  segment("13", "", {"vaccines"}, 0.6, {"spam"});
  return crowd;
}

}  // namespace crowdlens::testing
