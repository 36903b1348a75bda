// `suggest` on a six-account workspace whose follow graph is the one
// tests/graph/who_to_follow_test.cc solves by hand:
//   sam -> ann, sam -> ben, ben -> ann, ann -> cat, ann -> dan, ben -> cat, ben -> eve, cat -> ann.
// Whom sam's circle follows, ann and ben (sam's follows) left out: cat
// (SALSA 0.337, followed by ann and ben), dan (0.191, by ann), eve (0.146, by ben).
// Profiles: cat 500 followers, dan 10, eve 2,000; target "followers >= 100".
#include "analyses/suggest.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "model/batch.h"
#include "store/account_lookup.h"
#include "store/batch_writer.h"
#include "test_data.h"

namespace crowdlens {
namespace {

class SuggestTinyGraph : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<std::unique_ptr<Workspace>> opened =
        Workspace::Open(testing::MakeTempDir("suggest-tiny"), OpenMode::kCreate);
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    workspace_ = opened->release();
    Batch batch;
    const std::vector<std::pair<std::string, int64_t>> accounts = {
        {"sam", 50}, {"ann", 300}, {"ben", 40}, {"cat", 500}, {"dan", 10}, {"eve", 2000}};
    for (const auto& [handle, followers] : accounts) {
      batch.accounts.push_back(Account{.platform = "twitter",
                                       .platform_id = handle,
                                       .handle = handle,
                                       .followers_count = followers,
                                       .following_count = 3,
                                       .observed_at = 1614556800,
                                       .has_profile = true});
    }
    const std::vector<std::pair<std::string, std::string>> follows = {
        {"sam", "ann"}, {"sam", "ben"}, {"ben", "ann"}, {"ann", "cat"},
        {"ann", "dan"}, {"ben", "cat"}, {"ben", "eve"}, {"cat", "ann"}};
    for (const auto& [follower, followee] : follows) {
      batch.edges.push_back(Edge{.platform = "twitter",
                                 .source_id = follower,
                                 .target_id = followee,
                                 .relation = Relation::kFollow,
                                 .observed_at = 1614556800});
    }
    ASSERT_TRUE(
        workspace_->db().Execute("INSERT INTO import_runs (started_at, status) VALUES (1614556800, 'running')").ok());
    BatchWriter writer(workspace_->db(), workspace_->db().LastInsertRowId());
    ASSERT_TRUE(writer.Prepare().ok());
    Status written = writer.Write(batch);
    ASSERT_TRUE(written.ok()) << written.message();
    std::ofstream config(workspace_->config_path(), std::ios::trunc);
    config << "[owner]\naccounts = [\"sam\"]\n\n[audience]\ntarget = \"followers >= 100\"\n";
  }
  static void TearDownTestSuite() { delete workspace_; }

  static int64_t Key(const std::string& handle) {
    Result<int64_t> key = FindAccountKey(workspace_->db(), handle);
    EXPECT_TRUE(key.ok());
    return key.ok() ? *key : 0;
  }

  static SuggestAnalysis Analyse(SuggestOptions options) {
    options.account_key = Key("sam");
    Result<SuggestAnalysis> analysis = AnalyseSuggestions(*workspace_, options);
    EXPECT_TRUE(analysis.ok()) << analysis.status().message();
    return analysis.ok() ? std::move(analysis).value() : SuggestAnalysis{};
  }

  static std::vector<std::string> Handles(const std::vector<Suggestion>& rows) {
    std::vector<std::string> handles;
    for (const Suggestion& row : rows) handles.push_back(row.handle);
    return handles;
  }

  static Workspace* workspace_;
};

Workspace* SuggestTinyGraph::workspace_ = nullptr;

TEST_F(SuggestTinyGraph, InterestedInFollowsTheHandComputedOrder) {
  SuggestAnalysis analysis = Analyse({});
  EXPECT_EQ(analysis.handle, "sam");
  EXPECT_EQ(analysis.follows, 2u);
  EXPECT_EQ(analysis.circle_size, 5u);
  ASSERT_EQ(Handles(analysis.interested_in), (std::vector<std::string>{"cat", "dan", "eve"}));
  const Suggestion& cat = analysis.interested_in[0];
  EXPECT_NEAR(cat.score, 0.3369, 0.01);
  EXPECT_EQ(cat.circle_followers, 2u);
  EXPECT_EQ(cat.mutual_follows, 2u);
  EXPECT_EQ(cat.in_target, true);
  EXPECT_EQ(cat.followers, 500);
  EXPECT_EQ(cat.reasons, (std::vector<std::string>{"followed by 2 of your circle of trust",
                                                   "followed by 2 of your follows", "in your target audience"}));
  EXPECT_EQ(analysis.interested_in[1].in_target, false);
  EXPECT_EQ(analysis.interested_in[1].reasons,
            (std::vector<std::string>{"followed by 1 of your circle of trust", "followed by 1 of your follows"}));
  // Similar: cat alone (number 2 of the circle; follows ann as sam does).
  ASSERT_EQ(Handles(analysis.similar_to), (std::vector<std::string>{"cat"}));
  EXPECT_EQ(analysis.similar_to[0].circle_rank, 2u);
  EXPECT_EQ(analysis.similar_to[0].shared_follows, 1u);
  EXPECT_EQ(analysis.similar_to[0].reasons.size(), 4u);
  EXPECT_EQ(analysis.similar_to[0].reasons[1], "follows 1 account you follow");
}

TEST_F(SuggestTinyGraph, FiltersByTargetAndMutualFollows) {
  EXPECT_EQ(Handles(Analyse({.target_only = true}).interested_in), (std::vector<std::string>{"cat", "eve"}));
  EXPECT_EQ(Handles(Analyse({.min_mutual_follows = 2}).interested_in), (std::vector<std::string>{"cat"}));
  EXPECT_EQ(Handles(Analyse({.top = 1}).interested_in), (std::vector<std::string>{"cat"}));
}

TEST_F(SuggestTinyGraph, MinesKeyAccountFollows) {
  // ben follows ann (sam follows her: out), cat and eve: one key account, so
  // both score ben's weight log2(2 + 40) / log2(2 + 3) = 2.3223, ties by account.
  SuggestAnalysis analysis = Analyse({.key_account_keys = {Key("ben")}});
  ASSERT_EQ(Handles(analysis.from_key_accounts), (std::vector<std::string>{"cat", "eve"}));
  EXPECT_NEAR(analysis.from_key_accounts[0].score, std::log2(42.0) / std::log2(5.0), 1e-12);
  EXPECT_EQ(analysis.from_key_accounts[0].reasons[0], "followed by 1 key account (@ben)");
  EXPECT_EQ(analysis.from_key_accounts[0].reasons[1], "@ben follows 3 accounts and is followed by 40 accounts");
}

TEST_F(SuggestTinyGraph, ExplainsWhatIsMissing) {
  Result<SuggestAnalysis> dan = AnalyseSuggestions(*workspace_, {.account_key = Key("dan")});
  ASSERT_FALSE(dan.ok());
  EXPECT_NE(dan.status().message().find("import whom it follows"), std::string::npos);
}

}  // namespace
}  // namespace crowdlens
