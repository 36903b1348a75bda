// `crowdlens prospects` and `crowdlens engage` as a user runs them: the real
// binary on a workspace imported from the shipped sample (owner BBCBreaking,
// the demo's target audience), the posts per account for #germanwings against
// an independent count of the raw PHEME files, the engagement window against
// a direct SQL count, the output formats and the errors a user can make.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <map>

#include "cli/run_command.h"
#include "core/time.h"
#include "store/sqlite.h"
#include "test_data.h"

namespace crowdlens {
namespace {

using nlohmann::json;
using testing::RunCrowdlens;

class ProspectsCommand : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    workspace_ = new std::string(testing::MakeTempDir("prospects-cli") + "/ws");
    auto created = RunCrowdlens({"-w", *workspace_, "init", "--owner", "BBCBreaking"});
    ASSERT_EQ(created.exit_code, 0) << created.err;
    auto imported = RunCrowdlens({"-w", *workspace_, "import", testing::SamplePath("")});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    // The demo workspace's target audience (scripts/demo-workspace.sh).
    std::ofstream config(*workspace_ + "/crowdlens.toml", std::ios::app);
    config << "\n[audience]\ntarget = \"(country = GB and not role in [spam]) or role = journalist\"\n";
  }
  static void TearDownTestSuite() { delete workspace_; }

  static testing::CommandResult Run(const char* command, std::vector<std::string> arguments) {
    arguments.insert(arguments.begin(), {"-w", *workspace_, command});
    return RunCrowdlens(arguments);
  }

  static std::string* workspace_;
};

std::string* ProspectsCommand::workspace_ = nullptr;

TEST_F(ProspectsCommand, PostsPerAccountMatchAnIndependentCount) {
  auto result = Run("prospects", {"--hashtag", "germanwings", "--top", "5000", "--include-competitors", "-o", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  json tables = json::parse(result.out);
  const json& summary = tables["prospects_summary"];
  // python3 tests/expected/scripts/hashtag_authors.py data/sample/pheme germanwings
  //   {"posts": 1011, "retweets": 911, "authors": 904, "by_handle": {"welt": [16, 0], "minsimoy": [6, 6],
  //    "NiHeid": [6, 6], "waffenbruder": [6, 6], "BBCBreaking": [5, 0], "Bini_Superstar": [5, 5],
  //    "klein_sim0n": [4, 4], "SPIEGELONLINE": [4, 0], "tagesschau": [4, 0], ...}}
  EXPECT_EQ(summary["matching_posts"], 1011);
  EXPECT_EQ(summary["authors"], 904);
  EXPECT_EQ(summary["excluded_owner"], 1);  // BBCBreaking, with 5 posts
  const int64_t left_out = summary["excluded_owner"].get<int64_t>() + summary["excluded_already_followed"].get<int64_t>() +
                           summary["excluded_supplier_or_competitor"].get<int64_t>() + summary["excluded_spam"].get<int64_t>();
  EXPECT_EQ(summary["prospects"].get<int64_t>(), 904 - left_out);
  const json& rows = tables["prospects"];
  ASSERT_EQ(rows.size(), summary["prospects"].get<size_t>());

  std::map<std::string, std::pair<int64_t, int64_t>> counted;
  int64_t posts = 0, retweets = 0;
  double previous = 2;
  for (size_t index = 0; index < rows.size(); ++index) {
    const json& row = rows[index];
    EXPECT_EQ(row["rank"], index + 1);
    EXPECT_LE(row["score"].get<double>(), previous);
    previous = row["score"].get<double>();
    EXPECT_FALSE(row["why"].get<std::string>().empty());
    EXPECT_EQ(row["why"].get<std::string>().rfind("posted ", 0), 0u) << row["why"];
    counted[row["handle"]] = {row["matching_posts"], row["retweets"]};
    posts += row["matching_posts"].get<int64_t>();
    retweets += row["retweets"].get<int64_t>();
  }
  EXPECT_EQ(counted["welt"], (std::pair<int64_t, int64_t>{16, 0}));
  EXPECT_EQ(counted["minsimoy"], (std::pair<int64_t, int64_t>{6, 6}));
  EXPECT_EQ(counted["NiHeid"], (std::pair<int64_t, int64_t>{6, 6}));
  EXPECT_EQ(counted["waffenbruder"], (std::pair<int64_t, int64_t>{6, 6}));
  EXPECT_EQ(counted["Bini_Superstar"], (std::pair<int64_t, int64_t>{5, 5}));
  EXPECT_EQ(counted["SPIEGELONLINE"], (std::pair<int64_t, int64_t>{4, 0}));
  EXPECT_EQ(counted["tagesschau"], (std::pair<int64_t, int64_t>{4, 0}));
  EXPECT_EQ(counted.count("BBCBreaking"), 0u);  // the owner
  // Every post is some listed account's, or a left-out account's.
  if (left_out == 1) {
    EXPECT_EQ(posts, 1011 - 5);
    EXPECT_EQ(retweets, 911);
  }
}

TEST_F(ProspectsCommand, TopicWordAndQueryFindTheSameTagPosts) {
  // The word "germanwings" matches it as a word and as a hashtag; the query "#germanwings" as a hashtag only.
  auto as_query = Run("prospects", {"--query", "#germanwings", "-o", "json"});
  ASSERT_EQ(as_query.exit_code, 0) << as_query.err;
  auto as_tag = Run("prospects", {"--hashtag", "#GermanWings", "-o", "json"});
  ASSERT_EQ(as_tag.exit_code, 0) << as_tag.err;
  int64_t by_query = json::parse(as_query.out)["prospects_summary"]["matching_posts"];
  int64_t by_tag = json::parse(as_tag.out)["prospects_summary"]["matching_posts"];
  // The query reads the text only, where cut retweets lose the tag: fewer, never more.
  EXPECT_GT(by_query, 0);
  EXPECT_LE(by_query, by_tag);
  // The configured topic "aviation" holds #germanwings among its hashtags: at least as many.
  auto topic = Run("prospects", {"--topic", "aviation", "--top", "3", "-o", "json"});
  ASSERT_EQ(topic.exit_code, 0) << topic.err;
  json tables = json::parse(topic.out);
  EXPECT_GE(tables["prospects_summary"]["matching_posts"].get<int64_t>(), by_tag);
  EXPECT_EQ(tables["prospects_summary"]["subject"], "topic aviation");
  ASSERT_EQ(tables["prospects"].size(), 3u);
}

TEST_F(ProspectsCommand, EngageWindowMatchesADirectCount) {
  // The first day of the Germanwings threads: the 48 hours to 2015-03-25 12:00 UTC.
  auto result = Run("engage", {"--hashtag", "germanwings", "--now", "2015-03-25T12:00:00Z", "-o", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  json tables = json::parse(result.out);
  const json& summary = tables["engage_summary"];
  const int64_t end = *ParseTimestamp("2015-03-25T12:00:00Z");
  Result<Database> db = Database::Open(*workspace_ + "/crowdlens.db", false);
  ASSERT_TRUE(db.ok()) << db.status().message();
  Result<Statement> count = db->Prepare(
      "SELECT count(*) FROM posts p WHERE p.created_at > ?1 AND p.created_at <= ?2 AND EXISTS "
      "(SELECT 1 FROM post_hashtags h WHERE h.post_key = p.post_key AND lower(h.tag) = 'germanwings')");
  ASSERT_TRUE(count.ok());
  count->Bind(1, end - 48 * 3600);
  count->Bind(2, end);
  Result<bool> counted = count->Step();
  ASSERT_TRUE(counted.ok() && *counted);
  EXPECT_EQ(summary["posts_on_subject"], count->ColumnInt(0));
  EXPECT_GT(count->ColumnInt(0), 0);

  const json& rows = tables["engage"];
  ASSERT_FALSE(rows.empty());
  double previous = 2;
  for (const json& row : rows) {
    EXPECT_LE(row["score"].get<double>(), previous);
    previous = row["score"].get<double>();
    std::optional<int64_t> posted = ParseTimestamp(row["posted_at"].get<std::string>());
    ASSERT_TRUE(posted.has_value());
    EXPECT_GT(*posted, end - 48 * 3600);
    EXPECT_LE(*posted, end);
    EXPECT_EQ(row["url"].get<std::string>().rfind("https://twitter.com/", 0), 0u) << row["url"];
    const std::string why = row["why"];
    EXPECT_NE(why.find("about #germanwings"), std::string::npos) << why;
    EXPECT_TRUE(why.find("in your target audience") != std::string::npos || why.find("prospect #") != std::string::npos)
        << why;
    EXPECT_NE(row["handle"], "BBCBreaking");
  }
}

TEST_F(ProspectsCommand, CsvExportAndErrors) {
  auto csv = Run("prospects", {"--hashtag", "germanwings", "--top", "3", "-o", "csv"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(csv.out.rfind("# prospects", 0), 0u) << csv.out.substr(0, 200);
  EXPECT_NE(csv.out.find("\nrank,handle,name,matching_posts,"), std::string::npos) << csv.out.substr(0, 200);
  auto none = Run("prospects", {});
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_NE(none.err.find("--hashtag"), std::string::npos) << none.err;
  auto both = Run("prospects", {"--hashtag", "a", "--query", "b"});
  EXPECT_EQ(both.exit_code, 2);
  auto bad_query = Run("prospects", {"--query", "germanwings AND"});
  EXPECT_EQ(bad_query.exit_code, 2);
  EXPECT_NE(bad_query.err.find("column"), std::string::npos) << bad_query.err;
  auto bad_half_life = Run("prospects", {"--hashtag", "germanwings", "--half-life", "soon"});
  EXPECT_EQ(bad_half_life.exit_code, 2);
  EXPECT_NE(bad_half_life.err.find("30d"), std::string::npos) << bad_half_life.err;
  auto bad_now = Run("engage", {"--now", "yesterday"});
  EXPECT_EQ(bad_now.exit_code, 2);
  auto unknown_owner = Run("engage", {"--owner", "nobody_here_at_all"});
  EXPECT_EQ(unknown_owner.exit_code, 1);
}

}  // namespace
}  // namespace crowdlens
