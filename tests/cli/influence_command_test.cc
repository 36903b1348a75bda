// `crowdlens influence` as a user runs it: the real binary on a workspace
// imported from the shipped sample, every view and output format, and the
// errors a user can make.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>

#include "cli/run_command.h"
#include "test_data.h"

namespace crowdlens {
namespace {

using nlohmann::json;
using testing::RunCrowdlens;

class InfluenceCommand : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    workspace_ = new std::string(testing::MakeTempDir("influence-cli") + "/ws");
    auto imported = RunCrowdlens({"-w", *workspace_, "import", testing::SamplePath("")});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
  }
  static void TearDownTestSuite() { delete workspace_; }

  static testing::CommandResult Influence(std::vector<std::string> arguments) {
    arguments.insert(arguments.begin(), {"-w", *workspace_, "influence"});
    return RunCrowdlens(arguments);
  }

  static std::string* workspace_;
};

std::string* InfluenceCommand::workspace_ = nullptr;

TEST_F(InfluenceCommand, TopAccountsWithScoresAndBreakdown) {
  auto result = Influence({"--top", "5", "-o", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  json tables = json::parse(result.out);
  ASSERT_EQ(tables["influence"].size(), 5u);
  ASSERT_EQ(tables["score_breakdown"].size(), 5u);
  double previous = 101;
  for (size_t index = 0; index < 5; ++index) {
    const json& row = tables["influence"][index];
    EXPECT_EQ(row["rank"], index + 1);
    double score = row["score"];
    EXPECT_LE(score, previous);
    EXPECT_GT(score, 0);
    previous = score;
    // The breakdown's points (rounded to 0.1) add up to the score (rounded to 0.1).
    const json& parts = tables["score_breakdown"][index];
    EXPECT_EQ(parts["account"], row["account"]);
    double points = 0;
    for (const char* component : {"followers", "amplification", "mentions", "replies", "pagerank_follow",
                                  "pagerank_retweet", "pagerank_mention", "pagerank_reply"}) {
      points += parts[component].get<double>();
    }
    EXPECT_NEAR(points, score, 0.5);
  }
  ASSERT_EQ(tables["layers"].size(), 4u);
  EXPECT_EQ(tables["layers"][0]["layer"], "follow");
  EXPECT_EQ(tables["layers"][0]["converged"], true);
}

TEST_F(InfluenceCommand, NamedAccountsShowCountsActivityAndStyle) {
  auto result = Influence({"BBCBreaking", "@tagesschau", "-o", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  json tables = json::parse(result.out);
  // python3 tests/expected/scripts/influence_counts.py WS/crowdlens.db BBCBreaking tagesschau
  const json& bbc = tables["influence"][0];
  EXPECT_EQ(bbc["account"], "BBCBreaking");
  EXPECT_EQ(bbc["followers"], 14331339);
  EXPECT_EQ(bbc["retweets_received"], 9578);
  EXPECT_EQ(bbc["mentions_substantive"], 2);
  EXPECT_EQ(bbc["mentions_courtesy"], 66);
  EXPECT_EQ(bbc["replies_received"], 56);
  EXPECT_EQ(tables["influence"][1]["account"], "tagesschau");
  EXPECT_EQ(tables["influence"][1]["retweets_received"], 441);
  // Eight components per account, each with the figures that make its points.
  ASSERT_EQ(tables["score_breakdown"].size(), 16u);
  EXPECT_EQ(tables["score_breakdown"][0]["component"], "followers");
  EXPECT_EQ(tables["mentions_by_kind"].size(), 14u);
  ASSERT_EQ(tables["activity"].size(), 2u);
  EXPECT_EQ(tables["activity"][0]["posts"], 6);
  EXPECT_NE(tables["activity_summary"][0]["message"].get<std::string>().find(": 6 posts, "), std::string::npos);
  ASSERT_EQ(tables["engagement_style"].size(), 2u);
  EXPECT_EQ(tables["engagement_style"][0]["style"], "observer");
  EXPECT_FALSE(tables["engagement_style"][0]["reason"].get<std::string>().empty());
}

TEST_F(InfluenceCommand, UnknownHandleIsAClearError) {
  auto result = Influence({"BBCBreaking", "no_such_account_42"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("no account \"no_such_account_42\""), std::string::npos) << result.err;
  EXPECT_TRUE(result.out.empty());
}

TEST_F(InfluenceCommand, AgreementTable) {
  auto result = Influence({"--agreement", "-o", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  json tables = json::parse(result.out);
  ASSERT_EQ(tables["agreement"].size(), 6u);
  EXPECT_EQ(tables["agreement"][0]["measure_a"], "followers");
  EXPECT_EQ(tables["agreement"][0]["measure_b"], "pagerank");
  for (const json& pair : tables["agreement"]) {
    double rho = pair["spearman_rho"];
    EXPECT_GE(rho, -1);
    EXPECT_LE(rho, 1);
  }
  EXPECT_EQ(tables["disagreements"].size(), 10u);
}

TEST_F(InfluenceCommand, WeeklyTopicsAndActivityPeriods) {
  auto weekly = Influence({"--weekly", "BBCBreaking", "-o", "json"});
  ASSERT_EQ(weekly.exit_code, 0) << weekly.err;
  json trend = json::parse(weekly.out);
  EXPECT_EQ(trend["weekly_summary"]["account"], "BBCBreaking");
  EXPECT_GE(trend["weekly"].size(), 1u);
  EXPECT_NE(trend["weekly_summary"]["summary"].get<std::string>().find("score"), std::string::npos);

  auto topics = Influence({"--topic", "#Germanwings", "--top", "3", "-o", "csv"});
  ASSERT_EQ(topics.exit_code, 0) << topics.err;
  EXPECT_NE(topics.out.find("topic,rank,account,twitter_rank,relative_rank,topic_posts,topic_share\r\n#germanwings,1,"),
            std::string::npos)
      << topics.out;

  auto days = Influence({"tagesschau", "--days", "30", "-o", "ndjson"});
  ASSERT_EQ(days.exit_code, 0) << days.err;
  EXPECT_NE(days.out.find("\"table\":\"activity_summary\""), std::string::npos);
  EXPECT_NE(days.out.find("in the last 30 days (to 2023-01-07)"), std::string::npos) << days.out;
}

TEST_F(InfluenceCommand, UsageErrors) {
  EXPECT_EQ(Influence({"--agreement", "--topics"}).exit_code, 2);
  EXPECT_EQ(Influence({"BBCBreaking", "--agreement"}).exit_code, 2);
  EXPECT_EQ(Influence({"BBCBreaking", "--since", "not-a-date"}).exit_code, 2);
  EXPECT_EQ(Influence({"BBCBreaking", "--days", "0"}).exit_code, 2);
  EXPECT_EQ(Influence({"--top", "0"}).exit_code, 2);
  auto missing = RunCrowdlens({"-w", testing::MakeTempDir("influence-cli") + "/none", "influence"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("init"), std::string::npos) << missing.err;
}

}  // namespace
}  // namespace crowdlens
