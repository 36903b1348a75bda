// `crowdlens reach` as a user runs it: the real binary on a workspace imported
// from the shipped sample (owner BBCBreaking, the demo's target rule), its
// figures checked against counts made with SQL on the same workspace, and the
// errors a user can make.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

#include "cli/run_command.h"
#include "store/workspace.h"
#include "test_data.h"

namespace crowdlens {
namespace {

using nlohmann::json;
using testing::RunCrowdlens;

class ReachCommand : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    workspace_ = new std::string(testing::MakeTempDir("reach-cli") + "/ws");
    auto init = RunCrowdlens({"-w", *workspace_, "init", "--owner", "BBCBreaking"});
    ASSERT_EQ(init.exit_code, 0) << init.err;
    auto imported = RunCrowdlens({"-w", *workspace_, "import", testing::SamplePath("")});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    std::ofstream(*workspace_ + "/crowdlens.toml", std::ios::app)
        << "\n[audience]\ntarget = \"(country = GB and not role in [spam]) or role = journalist\"\n";
  }
  static void TearDownTestSuite() { delete workspace_; }

  static testing::CommandResult Reach(std::vector<std::string> arguments) {
    arguments.insert(arguments.begin(), {"-w", *workspace_, "reach"});
    return RunCrowdlens(arguments);
  }

  // One integer from SQL on the test's workspace, an independent count.
  static int64_t Count(const std::string& sql) {
    auto opened = Workspace::Open(*workspace_, OpenMode::kExisting);
    EXPECT_TRUE(opened.ok());
    Result<Statement> statement = (*opened)->db().Prepare(sql);
    EXPECT_TRUE(statement.ok()) << sql;
    EXPECT_TRUE(statement->Step().value());
    return statement->ColumnInt(0);
  }

  static std::string* workspace_;
};

std::string* ReachCommand::workspace_ = nullptr;

constexpr const char* kOwner = "(SELECT account_key FROM accounts WHERE handle = 'BBCBreaking')";

TEST_F(ReachCommand, PostsAndSummaryAgreeWithTheWorkspace) {
  auto result = Reach({"-o", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  json tables = json::parse(result.out);
  const json& summary = tables["reach"];
  const int64_t followers = Count(std::string("SELECT count(*) FROM follows WHERE followee_key = ") + kOwner +
                                  " AND follower_key <> followee_key AND ended_at IS NULL");
  EXPECT_GT(followers, 1000);
  EXPECT_EQ(summary["followers"], followers);
  const int64_t posts =
      Count(std::string("SELECT count(*) FROM posts WHERE author_key = ") + kOwner + " AND retweet_of_id IS NULL");
  EXPECT_EQ(posts, 6);
  EXPECT_EQ(summary["posts"], posts);
  ASSERT_EQ(tables["posts"].size(), static_cast<size_t>(posts));

  // Each post's expected audience is a share of the followers; the summary's mean is their average share.
  double expected_sum = 0;
  int64_t retweets = 0;
  for (const json& post : tables["posts"]) {
    const double expected = post["expected_followers"];
    EXPECT_GT(expected, 0);
    EXPECT_LT(expected, static_cast<double>(followers));
    EXPECT_LE(post["expected_target"].get<double>(), expected);
    expected_sum += expected;
    retweets += post["retweets"].get<int64_t>();
  }
  EXPECT_NEAR(summary["mean_seen_follower"].get<double>(), expected_sum / (posts * followers), 1e-3);
  EXPECT_EQ(retweets, Count(std::string("SELECT sum(retweet_count) FROM posts WHERE author_key = ") + kOwner));
  EXPECT_EQ(retweets, 9578);
  EXPECT_NE(summary["summary_target"].get<std::string>().find("a target follower sees about one in"),
            std::string::npos);

  // The sources add up to the followers, and to the accounts the followers follow (counted with SQL).
  int64_t inflow = 0;
  int64_t rates = 0;
  for (const json& row : tables["sources"]) {
    if (row["input"] == "follower inflow") inflow += row["count"].get<int64_t>();
    if (row["input"] == "posting rate of followed accounts") rates += row["count"].get<int64_t>();
  }
  EXPECT_EQ(inflow, followers);
  EXPECT_EQ(rates, Count(std::string("SELECT count(DISTINCT followee_key) FROM follows WHERE ended_at IS NULL AND "
                                     "follower_key IN (SELECT follower_key FROM follows WHERE followee_key = ") +
                         kOwner + " AND follower_key <> followee_key AND ended_at IS NULL)"));

  // The sample's posts carry no impression_count, and the calibration says so.
  EXPECT_EQ(Count("SELECT count(impression_count) FROM posts"), 0);
  EXPECT_EQ(tables["calibration"]["posts_with_impressions"], 0);
}

TEST_F(ReachCommand, WhenShowsTheWeekAndWhatPastPostsDrew) {
  auto result = Reach({"--when", "-o", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  json tables = json::parse(result.out);
  ASSERT_EQ(tables["week_hours"].size(), 7u);
  EXPECT_EQ(tables["week_hours"][0]["day"], "Mon");
  EXPECT_EQ(tables["week_hours"][0].size(), 25u);  // day + 24 hours
  // Three best slots for all followers and for the target, in falling order.
  int all_rows = 0;
  double previous = 1e18;
  for (const json& row : tables["best_slots"]) {
    if (row["segment"] != "all followers") continue;
    ++all_rows;
    EXPECT_LE(row["expected_reach"].get<double>(), previous);
    previous = row["expected_reach"];
  }
  EXPECT_EQ(all_rows, 3);
  // The six posts were all published on Tuesday 2015-03-24 between 10:43 and 12:50 UTC: three hours of the
  // week, whose retweets add up to the posts' (SQL) total.
  const json& observed = tables["observed_hours"];
  ASSERT_EQ(observed.size(), 3u);
  int64_t retweets = 0;
  int64_t replies = 0;
  int64_t posts = 0;
  for (const json& row : observed) {
    EXPECT_EQ(row["slot"].get<std::string>().substr(0, 3), "Tue");
    retweets += row["retweets"].get<int64_t>();
    replies += row["replies"].get<int64_t>();
    posts += row["posts"].get<int64_t>();
  }
  EXPECT_EQ(posts, 6);
  // The posts carry no stored reply count: the replies are the workspace's own, by other accounts.
  EXPECT_EQ(replies, Count(std::string("SELECT count(*) FROM posts r JOIN posts o ON o.platform = r.platform AND "
                                       "o.platform_id = r.reply_to_post_id WHERE r.retweet_of_id IS NULL AND "
                                       "o.author_key = ") + kOwner + " AND r.author_key != " + kOwner));
  EXPECT_EQ(replies, 56);
  EXPECT_EQ(retweets, Count(std::string("SELECT sum(retweet_count) FROM posts WHERE author_key = ") + kOwner));
  // The 10:00 slot had one post with 4,388 retweets.
  EXPECT_EQ(observed[0]["slot"], "Tue 10:00 UTC");
  EXPECT_EQ(observed[0]["retweets"], 4388);
}

TEST_F(ReachCommand, PeriodAndTableOutput) {
  auto none = Reach({"--since", "2020-01-01", "-o", "json"});
  ASSERT_EQ(none.exit_code, 0) << none.err;
  json tables = json::parse(none.out);
  EXPECT_EQ(tables["reach"]["posts"], 0);
  EXPECT_EQ(tables["posts"].size(), 0u);
  auto table = Reach({"--top", "2"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("a follower sees about one in"), std::string::npos) << table.out;
  auto csv = Reach({"--days", "1", "-o", "csv"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_NE(csv.out.find("published,post_id,text,expected_followers"), std::string::npos) << csv.out;
}

TEST_F(ReachCommand, MistakesGetClearMessages) {
  auto both = Reach({"--days", "3", "--since", "2015-01-01"});
  EXPECT_EQ(both.exit_code, 2);
  EXPECT_NE(both.err.find("not both"), std::string::npos) << both.err;
  auto date = Reach({"--since", "yesterday"});
  EXPECT_EQ(date.exit_code, 2);
  EXPECT_NE(date.err.find("is not a date"), std::string::npos) << date.err;

  // A bad [reach] value names the file and line.
  const std::string bad = testing::MakeTempDir("reach-cli-bad") + "/ws";
  ASSERT_EQ(RunCrowdlens({"-w", bad, "init", "--owner", "BBCBreaking"}).exit_code, 0);
  std::ofstream(bad + "/crowdlens.toml", std::ios::app) << "\n[reach]\nposts_per_session = -5\n";
  auto config = RunCrowdlens({"-w", bad, "reach"});
  EXPECT_EQ(config.exit_code, 1);
  EXPECT_NE(config.err.find("crowdlens.toml line"), std::string::npos) << config.err;
  EXPECT_NE(config.err.find("posts_per_session must be a positive number"), std::string::npos) << config.err;
}

}  // namespace
}  // namespace crowdlens
