// `crowdlens mix` as a user runs it: the real binary on a workspace imported
// from the shipped sample (owner CNN), the draft scorer, every output format,
// and the mistakes a user can make. The monthly counts are the independent
// ones of tests/analyses/mix_counts.py (see tests/analyses/mix_sample_test.cc).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli/run_command.h"
#include "test_data.h"

namespace crowdlens {
namespace {

using nlohmann::json;
using testing::RunCrowdlens;

class MixCommand : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    workspace_ = new std::string(testing::MakeTempDir("mix-cli") + "/ws");
    auto created = RunCrowdlens({"-w", *workspace_, "init", "--owner", "CNN"});
    ASSERT_EQ(created.exit_code, 0) << created.err;
    auto imported = RunCrowdlens({"-w", *workspace_, "import", testing::SamplePath("")});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
  }
  static void TearDownTestSuite() { delete workspace_; }

  static testing::CommandResult Mix(std::vector<std::string> arguments) {
    arguments.insert(arguments.begin(), {"-w", *workspace_, "mix"});
    return RunCrowdlens(arguments);
  }

  static std::string* workspace_;
};

std::string* MixCommand::workspace_ = nullptr;

TEST_F(MixCommand, OwnersMonthlyMixTravelAndPosts) {
  auto result = Mix({"-o", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  json tables = json::parse(result.out);
  EXPECT_EQ(tables["mix_summary"]["account"], "CNN");
  EXPECT_EQ(tables["mix_summary"]["posts"], 104);
  EXPECT_EQ(tables["mix_summary"]["message"], "promotion is 95% of posts, 62 points over the one-third target");
  const json& months = tables["monthly"];
  ASSERT_EQ(months.size(), 4u);
  const int64_t expected[4][3] = {{0, 1, 0}, {0, 0, 3}, {0, 4, 96}, {0, 5, 99}};
  const char* names[4] = {"2022-11", "2022-12", "2023-01", "all"};
  for (size_t index = 0; index < 4; ++index) {
    SCOPED_TRACE(names[index]);
    EXPECT_EQ(months[index]["month"], names[index]);
    EXPECT_EQ(months[index]["interaction"], expected[index][0]);
    EXPECT_EQ(months[index]["content"], expected[index][1]);
    EXPECT_EQ(months[index]["promotion"], expected[index][2]);
  }
  EXPECT_NEAR(months[3]["promotion_deviation"].get<double>(), 99.0 / 104.0 - 1.0 / 3.0, 0.0006);
  // Three classes and four features.
  ASSERT_EQ(tables["travel"].size(), 7u);
  EXPECT_EQ(tables["travel"][3]["group"], "news_link");
  EXPECT_EQ(tables["travel"][3]["posts"], 97);
  EXPECT_EQ(tables["travel"][3]["posts_without"], 6);  // 103 own posts, the retweet left out
  EXPECT_EQ(tables["received_from"]["own_posts"], 103);
  // The ten most recent posts, each with its rule and evidence.
  ASSERT_EQ(tables["posts"].size(), 10u);
  for (const json& post : tables["posts"]) {
    EXPECT_FALSE(post["evidence"].get<std::string>().empty());
    EXPECT_FALSE(post["rule"].get<std::string>().empty());
  }
}

TEST_F(MixCommand, AnotherAccountAllPostsAndPeriod) {
  auto result = Mix({"BBCBreaking", "--posts", "0", "-o", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  json tables = json::parse(result.out);
  ASSERT_EQ(tables["posts"].size(), 6u);
  for (const json& post : tables["posts"]) {
    EXPECT_EQ(post["class"], "promotion");
    EXPECT_EQ(post["rule"], "own_link");
  }
  auto december = Mix({"--since", "2022-12-01", "--until", "2023-01-01", "-o", "json"});
  ASSERT_EQ(december.exit_code, 0) << december.err;
  json period = json::parse(december.out);
  EXPECT_EQ(period["mix_summary"]["posts"], 3);
}

TEST_F(MixCommand, DraftIsClassifiedAndScored) {
  auto result = Mix({"--draft", "Sign up for our newsletter", "-o", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  json tables = json::parse(result.out);
  EXPECT_EQ(tables["draft"]["class"], "promotion");
  EXPECT_EQ(tables["draft"]["evidence"], "call to action: 'sign up'");
  const json& estimates = tables["draft_estimate"];
  ASSERT_EQ(estimates.size(), 3u);
  // Two promotion posts without features (the two series promotions): too few; all 99 promotion posts are enough.
  EXPECT_EQ(estimates[0]["posts"], 2);
  EXPECT_EQ(estimates[0]["chosen"], false);
  EXPECT_EQ(estimates[1]["posts"], 99);
  EXPECT_EQ(estimates[1]["chosen"], true);
  EXPECT_FALSE(tables["draft_reasons"].empty());
  auto table = Mix({"--draft", "Great reporting by @jimsciutto https://www.reuters.com/x"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("posts with a personal mention drew"), std::string::npos) << table.out;
}

TEST_F(MixCommand, CsvAndTableOutputs) {
  auto csv = Mix({"-o", "csv"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_NE(csv.out.find("month,posts,interaction,content,promotion"), std::string::npos);
  auto table = Mix({"--posts", "3"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("The 3 most recent of 104 posts"), std::string::npos);
}

TEST_F(MixCommand, MistakesGetClearMessages) {
  auto missing = Mix({"no_such_account_42"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("no_such_account_42"), std::string::npos) << missing.err;
  auto empty_draft = Mix({"--draft", " "});
  EXPECT_EQ(empty_draft.exit_code, 2);
  EXPECT_NE(empty_draft.err.find("--draft needs the text"), std::string::npos) << empty_draft.err;
  EXPECT_EQ(Mix({"--since", "not-a-date"}).exit_code, 2);
  EXPECT_EQ(Mix({"--since", "2023-02-01", "--until", "2023-01-01"}).exit_code, 2);

  // A workspace without an owner, then one whose [mix] table is wrong.
  std::string bare = testing::MakeTempDir("mix-cli-bare") + "/ws";
  ASSERT_EQ(RunCrowdlens({"-w", bare, "init"}).exit_code, 0);
  auto no_owner = RunCrowdlens({"-w", bare, "mix"});
  EXPECT_EQ(no_owner.exit_code, 2);
  EXPECT_NE(no_owner.err.find("crowdlens owner HANDLE"), std::string::npos) << no_owner.err;
  testing::WriteFile(bare + "/crowdlens.toml", "[mix]\nown_domains = \"acme.com\"\n");
  auto bad_config = RunCrowdlens({"-w", bare, "mix", "alice"});
  EXPECT_EQ(bad_config.exit_code, 1);
  EXPECT_NE(bad_config.err.find("crowdlens.toml line 2: mix.own_domains must be a list"), std::string::npos)
      << bad_config.err;
}

}  // namespace
}  // namespace crowdlens
