// `crowdlens audience` as a user runs it: the real binary on a workspace
// imported from the shipped sample plus the GENERATED later follower list of
// data/generated/ (as `make demo` does), its figures checked against counts
// made with SQL on the same workspace, and the errors a user can make.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "cli/run_command.h"
#include "store/workspace.h"
#include "test_data.h"

namespace crowdlens {
namespace {

using nlohmann::json;
using testing::RunCrowdlens;

class AudienceCommand : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    workspace_ = new std::string(testing::MakeTempDir("audience-cli") + "/ws");
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

  static testing::CommandResult Audience(std::vector<std::string> arguments, const std::string& workspace = "") {
    arguments.insert(arguments.begin(), {"-w", workspace.empty() ? *workspace_ : workspace, "audience"});
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

std::string* AudienceCommand::workspace_ = nullptr;

constexpr const char* kOwner = "(SELECT account_key FROM accounts WHERE handle = 'BBCBreaking')";

TEST_F(AudienceCommand, FollowersSegmentsAndUnfollowsAgreeWithTheWorkspace) {
  auto result = Audience({"--top", "0", "--unfollows", "0", "-o", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  json tables = json::parse(result.out);
  const json& audience = tables["audience"];
  const int64_t followers =
      Count(std::string("SELECT count(*) FROM follows WHERE ended_at IS NULL AND followee_key = ") + kOwner);
  const int64_t gone =
      Count(std::string("SELECT count(*) FROM follows WHERE ended_at IS NOT NULL AND followee_key = ") + kOwner);
  EXPECT_EQ(audience["followers"], followers);
  EXPECT_GT(followers, 1000);
  // The generated later list drops every 25th follower of the first (data/generated/README.md).
  EXPECT_EQ(tables["unfollows"].size(), static_cast<size_t>(gone));
  EXPECT_EQ(gone, (followers + gone) / 25);

  // Every follower has exactly one country row (unknown included).
  int64_t by_country = 0;
  for (const json& row : tables["segments"]) {
    if (row["kind"] == "country") by_country += row["followers"].get<int64_t>();
  }
  EXPECT_EQ(by_country, followers);

  const int64_t target = audience["target_followers"];
  EXPECT_GT(target, 0);
  EXPECT_DOUBLE_EQ(audience["target_share"].get<double>(),
                   std::round(1000.0 * static_cast<double>(target) / static_cast<double>(followers)) / 1000.0);

  // Listing the target gives exactly its members.
  auto members = Audience({"--segment", "target", "-o", "json"});
  ASSERT_EQ(members.exit_code, 0) << members.err;
  json listed = json::parse(members.out);
  ASSERT_TRUE(listed.is_array()) << members.out.substr(0, 300);
  int64_t target_members = 0;
  for (const json& row : listed) {
    target_members += (row["relation"] == "follower" || row["relation"] == "mutual") && row["in_target"] == true;
  }
  EXPECT_EQ(target_members, target);
}

TEST_F(AudienceCommand, BadRulesNameWhereAndWhat) {
  std::string broken = testing::MakeTempDir("audience-bad") + "/ws";
  std::filesystem::copy(*workspace_, broken, std::filesystem::copy_options::recursive);
  std::ofstream(broken + "/crowdlens.toml", std::ios::app) << "\n[segments]\nuk = \"country = GB\"\nbad = \"segment = uk and country = \"\n";
  auto result = Audience({}, broken);
  EXPECT_NE(result.exit_code, 0);
  EXPECT_NE(result.err.find("crowdlens.toml line"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("segments.bad"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("expected a value"), std::string::npos) << result.err;

  auto bad_option = Audience({"--segment", "country ="});
  EXPECT_NE(bad_option.exit_code, 0);
  EXPECT_NE(bad_option.err.find("--segment"), std::string::npos) << bad_option.err;
}

}  // namespace
}  // namespace crowdlens
