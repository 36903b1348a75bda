// `crowdlens suggest` as a user runs it: the real binary on the demo's data
// (the shipped sample with its follow lists; @TheDailyEdge follows 97 accounts there, @100dayscode none). Each row's mutual_follows is
// checked against an independent SQL count on the same workspace, no row is
// someone the account already follows, every row says why, and the errors a
// user can make name the fix.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

#include "cli/run_command.h"
#include "store/account_lookup.h"
#include "store/workspace.h"
#include "test_data.h"

namespace crowdlens {
namespace {

using nlohmann::json;
using testing::RunCrowdlens;

class SuggestCommand : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    workspace_ = new std::string(testing::MakeTempDir("suggest-cli") + "/ws");
    auto init = RunCrowdlens({"-w", *workspace_, "init", "--owner", "BBCBreaking"});
    ASSERT_EQ(init.exit_code, 0) << init.err;
    auto imported = RunCrowdlens({"-w", *workspace_, "import", testing::SamplePath("")});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    std::ofstream(*workspace_ + "/crowdlens.toml", std::ios::app)
        << "\n[audience]\ntarget = \"(country = GB and not role in [spam]) or role = journalist\"\n";
  }
  static void TearDownTestSuite() { delete workspace_; }

  static testing::CommandResult Suggest(std::vector<std::string> arguments) {
    arguments.insert(arguments.begin(), {"-w", *workspace_, "suggest"});
    return RunCrowdlens(arguments);
  }

  static int64_t Count(const std::string& sql) {
    Result<std::unique_ptr<Workspace>> opened = Workspace::Open(*workspace_, OpenMode::kExisting);
    EXPECT_TRUE(opened.ok());
    Result<Statement> statement = (*opened)->db().Prepare(sql);
    EXPECT_TRUE(statement.ok()) << sql;
    Result<bool> row = statement->Step();
    EXPECT_TRUE(row.ok() && *row);
    return statement->ColumnInt(0);
  }

  static std::string* workspace_;
};

std::string* SuggestCommand::workspace_ = nullptr;

TEST_F(SuggestCommand, RowsAreNewAccountsWithCountedMutualFollows) {
  auto result = Suggest({"TheDailyEdge", "--top", "10", "--circle", "100", "-o", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  json tables = json::parse(result.out);
  ASSERT_TRUE(tables.contains("interested_in"));
  ASSERT_FALSE(tables["interested_in"].empty());
  const std::string me =
      "(SELECT account_key FROM accounts WHERE handle_lower = 'thedailyedge' AND platform = 'twitter')";
  for (const std::string list : {"interested_in", "similar_to"}) {
    for (const json& row : tables[list]) {
      const std::string handle = row["handle"];
      const std::string account =
          "(SELECT account_key FROM accounts WHERE handle = '" + handle + "' AND platform = 'twitter')";
      EXPECT_FALSE(row["why"].get<std::string>().empty()) << handle;
      EXPECT_EQ(Count("SELECT count(*) FROM follows WHERE follower_key = " + me + " AND followee_key = " + account),
                0)
          << handle << " is already followed";
      EXPECT_EQ(row["mutual_follows"].get<int64_t>(),
                Count("SELECT count(DISTINCT f.follower_key) FROM follows f JOIN follows mine ON mine.followee_key = "
                      "f.follower_key AND mine.follower_key = " + me + " WHERE f.followee_key = " + account))
          << handle;
    }
  }
}

TEST_F(SuggestCommand, ErrorsNameTheFix) {
  auto follows_no_one = Suggest({"100dayscode"});
  EXPECT_NE(follows_no_one.exit_code, 0);
  EXPECT_NE(follows_no_one.err.find("import whom it follows"), std::string::npos) << follows_no_one.err;
  auto unknown = Suggest({"no_such_account_here"});
  EXPECT_NE(unknown.exit_code, 0);
}

}  // namespace
}  // namespace crowdlens
