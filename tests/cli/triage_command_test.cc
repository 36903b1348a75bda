// `crowdlens triage` as a user runs it: the real binary on a workspace built
// as `make demo` builds it (the shipped sample, the GENERATED later follower
// list, the demo's target audience); each list's size is checked against an
// independent SQL count on the same workspace, and the errors a user can make.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <fstream>

#include "cli/run_command.h"
#include "store/workspace.h"
#include "test_data.h"

namespace crowdlens {
namespace {

using nlohmann::json;
using testing::RunCrowdlens;

class TriageCommand : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    workspace_ = new std::string(testing::MakeTempDir("triage-cli") + "/ws");
    auto init = RunCrowdlens({"-w", *workspace_, "init", "--owner", "BBCBreaking"});
    ASSERT_EQ(init.exit_code, 0) << init.err;
    auto imported = RunCrowdlens({"-w", *workspace_, "import", testing::SamplePath("")});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    auto later = RunCrowdlens({"-w", *workspace_, "import", "--of", "BBCBreaking", "--ids", "followers",
                               testing::SamplePath("../generated/BBCBreaking-followers-later.json")});
    ASSERT_EQ(later.exit_code, 0) << later.err;
    std::ofstream(*workspace_ + "/crowdlens.toml", std::ios::app)
        << "\n[audience]\ntarget = \"(country = GB and not role in [spam]) or role = journalist\"\n";
  }
  static void TearDownTestSuite() { delete workspace_; }

  static testing::CommandResult Triage(std::vector<std::string> arguments) {
    arguments.insert(arguments.begin(), {"-w", *workspace_, "triage"});
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

  // Current followers of `handle` whom `handle` does not follow now.
  static int64_t FollowersNotFollowedBack(const std::string& handle) {
    const std::string owner = "(SELECT account_key FROM accounts WHERE platform = 'twitter' AND handle = '" + handle +
                              "' AND substr(platform_id, 1, 1) <> '@')";
    return Count("SELECT count(*) FROM follows incoming WHERE incoming.followee_key = " + owner +
                 " AND incoming.ended_at IS NULL AND incoming.follower_key <> incoming.followee_key AND NOT EXISTS "
                 "(SELECT 1 FROM follows back WHERE back.follower_key = incoming.followee_key AND back.followee_key = "
                 "incoming.follower_key AND back.ended_at IS NULL)");
  }

  static std::string* workspace_;
};

std::string* TriageCommand::workspace_ = nullptr;

// Ranks run 1..n and no row goes without a reason.
void ExpectRankedWithReasons(const json& rows) {
  for (size_t position = 0; position < rows.size(); ++position) {
    EXPECT_EQ(rows[position]["rank"], static_cast<int64_t>(position + 1));
    EXPECT_FALSE(rows[position]["why"].get<std::string>().empty()) << rows[position]["handle"];
  }
}

TEST_F(TriageCommand, OwnersFollowBackListIsEveryFollowerNotFollowedBack) {
  auto result = Triage({"-o", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  json tables = json::parse(result.out);
  const int64_t expected = FollowersNotFollowedBack("BBCBreaking");
  EXPECT_GT(expected, 1000);
  EXPECT_EQ(tables["follow_back"].size(), static_cast<size_t>(expected));
  EXPECT_EQ(tables["triage"]["followers_not_followed_back"], expected);
  EXPECT_EQ(tables["triage"]["owner"], "BBCBreaking");
  ExpectRankedWithReasons(tables["follow_back"]);
  // follow_back rows come before every ignore row, and the summary counts them.
  int64_t recommended = 0;
  bool seen_ignore = false;
  for (const json& row : tables["follow_back"]) {
    if (row["recommendation"] == "ignore") {
      seen_ignore = true;
    } else {
      EXPECT_EQ(row["recommendation"], "follow_back");
      EXPECT_FALSE(seen_ignore) << row["handle"];
      ++recommended;
    }
  }
  EXPECT_EQ(tables["triage"]["follow_back"], recommended);
}

TEST_F(TriageCommand, BothListsForAnAccountThatFollowsSome) {
  auto result = Triage({"tagesschau", "-o", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  json tables = json::parse(result.out);
  EXPECT_EQ(tables["follow_back"].size(), static_cast<size_t>(FollowersNotFollowedBack("tagesschau")));
  ASSERT_FALSE(tables["unfollow"].empty());
  EXPECT_LE(tables["unfollow"].size(), tables["triage"]["follows"].get<size_t>());
  ExpectRankedWithReasons(tables["follow_back"]);
  ExpectRankedWithReasons(tables["unfollow"]);
  // Most reasons first; each reason named once per row.
  int64_t previous = INT64_MAX;
  for (const json& row : tables["unfollow"]) {
    const int64_t reasons = row["reason_count"];
    EXPECT_GE(reasons, 1);
    EXPECT_LE(reasons, previous);
    previous = reasons;
  }
  // BBCNews follows four accounts and has followers to follow back.
  auto news = Triage({"BBCNews", "-o", "json"});
  ASSERT_EQ(news.exit_code, 0) << news.err;
  json news_tables = json::parse(news.out);
  EXPECT_EQ(news_tables["follow_back"].size(), static_cast<size_t>(FollowersNotFollowedBack("BBCNews")));
  EXPECT_GE(news_tables["triage"]["follow_back"].get<int64_t>(), 1);
  EXPECT_FALSE(news_tables["unfollow"].empty());
  ExpectRankedWithReasons(news_tables["unfollow"]);

  // --top keeps the order and cuts each list.
  auto top = Triage({"tagesschau", "--top", "3", "-o", "json"});
  ASSERT_EQ(top.exit_code, 0) << top.err;
  json cut = json::parse(top.out);
  ASSERT_EQ(cut["follow_back"].size(), 3u);
  EXPECT_EQ(cut["follow_back"][2]["handle"], tables["follow_back"][2]["handle"]);
}

TEST_F(TriageCommand, UserErrorsSayWhatToDo) {
  auto zero = Triage({"--inactive-days", "0"});
  EXPECT_EQ(zero.exit_code, 2);
  EXPECT_NE(zero.err.find("--inactive-days must be a positive number of days"), std::string::npos) << zero.err;
  auto unknown = Triage({"nobody_by_this_name"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.err.find("nobody_by_this_name"), std::string::npos) << unknown.err;
}

}  // namespace
}  // namespace crowdlens
