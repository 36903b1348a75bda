// The audience analysis on a workspace built from two follower lists of
// "acme" and one list of whom acme follows, with segments given by hand, so
// every figure below is counted by hand.
#include "analyses/audience.h"

#include <gtest/gtest.h>

#include "store/importer.h"
#include "test_data.h"

namespace crowdlens {
namespace {

constexpr int64_t kMonday = 1700438400;  // 2023-11-20 00:00 UTC, a Monday
constexpr int64_t kNextWeek = kMonday + 7 * 86400 + 3600;

class AudienceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::MakeTempDir("audience");
    workspace_ = std::move(Workspace::Open(dir_ + "/ws", OpenMode::kCreate)).value();
    // Followers on Monday: 1 2 3 4; a week later: 2 3 4 5 6 (1 left; 5, 6 came).
    ImportList("followers1.json", R"({"ids":["1","2","3","4"],"next_cursor_str":"0"})", IdPageKind::kFollowers, kMonday);
    ImportList("followers2.json", R"({"ids":["2","3","4","5","6"],"next_cursor_str":"0"})", IdPageKind::kFollowers,
           kNextWeek);
    // acme follows 2, 3 and 7.
    ImportList("following.json", R"({"ids":["2","3","7"],"next_cursor_str":"0"})", IdPageKind::kFollowing, kNextWeek);
    owner_ = Key("@acme");
    // Segments: 1 GB journalist; 2 GB contact-centres; 3 GB contact-centres supplier; 5 US contact-centres;
    // 6 unknown; 7 GB social-media.
    Set("1", "GB", {}, {"journalist"});
    Set("2", "GB", {"contact-centres"}, {});
    Set("3", "GB", {"contact-centres"}, {"supplier"});
    Set("5", "US", {"contact-centres"}, {});
    Set("7", "GB", {"social-media"}, {});
  }

  void ImportList(const std::string& name, const std::string& page, IdPageKind kind, int64_t when) {
    testing::WriteFile(dir_ + "/" + name, page);
    ImportOptions options{.paths = {dir_ + "/" + name}, .show_progress = false};
    options.read.ids_owner = "acme";
    options.read.ids_kind = kind;
    options.read.import_time = when;
    ASSERT_TRUE(crowdlens::Import(*workspace_, options).ok());
  }

  int64_t Key(const std::string& platform_id) {
    Result<Statement> statement = workspace_->db().Prepare("SELECT account_key FROM accounts WHERE platform_id = ?");
    statement->Bind(1, platform_id);
    EXPECT_TRUE(statement->Step().value()) << platform_id;
    return statement->ColumnInt(0);
  }

  void Set(const std::string& id, std::string country, std::vector<std::string> topics, std::vector<std::string> roles) {
    AccountSegments segments{.account_key = Key(id), .country = std::move(country)};
    for (std::string& topic : topics) segments.topics.push_back({.name = topic, .score = 1});
    for (std::string& role : roles) segments.roles.push_back({.name = role, .score = 1});
    segments_[segments.account_key] = segments;
  }

  const SegmentCount* Cell(const AudienceReport& report, const std::string& kind, const std::string& value) {
    for (const SegmentCount& cell : report.breakdown) {
      if (cell.kind == kind && cell.value == value) return &cell;
    }
    return nullptr;
  }

  std::string dir_;
  std::unique_ptr<Workspace> workspace_;
  int64_t owner_ = 0;
  SegmentMap segments_;
};

TEST_F(AudienceTest, CountsTargetReciprocityAndBreakdown) {
  AudienceRule target =
      AudienceRule::Parse("country = GB and topic in [contact-centres, social-media] and not role in [supplier]").value();
  Result<AudienceReport> report = AnalyseAudience(*workspace_, {.account_key = owner_}, segments_, &target);
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(report->owner_handle, "acme");
  EXPECT_EQ(report->followers, 5);  // 2 3 4 5 6
  EXPECT_EQ(report->follows, 3);    // 2 3 7
  EXPECT_EQ(report->mutual, 2);     // 2 3
  EXPECT_EQ(report->followers_not_followed_back, 3);  // 4 5 6
  EXPECT_EQ(report->follows_not_following_back, 1);   // 7
  EXPECT_EQ(report->target_followers, 1);             // 2 (3 is a supplier, 5 is in the US)
  EXPECT_EQ(report->target_follows, 2);               // 2 and 7
  EXPECT_EQ(report->classified_followers, 3);         // 2 3 5
  const SegmentCount* gb = Cell(*report, "country", "GB");
  ASSERT_NE(gb, nullptr);
  EXPECT_EQ(gb->followers, 2);  // 2 3
  EXPECT_EQ(gb->follows, 3);    // 2 3 7
  EXPECT_EQ(gb->target_followers, 1);
  const SegmentCount* unknown = Cell(*report, "country", "(unknown)");
  ASSERT_NE(unknown, nullptr);
  EXPECT_EQ(unknown->followers, 2);  // 4 6
  const SegmentCount* centres = Cell(*report, "topic", "contact-centres");
  ASSERT_NE(centres, nullptr);
  EXPECT_EQ(centres->followers, 3);  // 2 3 5
  EXPECT_EQ(Cell(*report, "role", "journalist"), nullptr);  // 1 left: not in the crowd any more
}

TEST_F(AudienceTest, GrowthAndTheUnfollowLog) {
  AudienceRule target = AudienceRule::Parse("role = journalist or topic = contact-centres").value();
  Result<AudienceReport> report = AnalyseAudience(*workspace_, {.account_key = owner_}, segments_, &target);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->baseline_at, kMonday);
  ASSERT_EQ(report->growth.size(), 1u);  // the week after the baseline
  const GrowthRow& week = report->growth[0];
  EXPECT_EQ(week.period_start, kMonday + 7 * 86400);
  EXPECT_EQ(week.new_followers, 2);           // 5 6
  EXPECT_EQ(week.unfollowers, 1);             // 1
  EXPECT_EQ(week.new_target_followers, 1);    // 5 (contact-centres)
  EXPECT_EQ(week.lost_target_followers, 1);   // 1 (journalist)
  ASSERT_EQ(report->unfollows.size(), 1u);
  EXPECT_EQ(report->unfollows[0].account_key, Key("1"));
  EXPECT_EQ(report->unfollows[0].last_seen, kMonday);
  EXPECT_EQ(report->unfollows[0].ended_at, kNextWeek);
  EXPECT_TRUE(report->unfollows[0].in_target);
}

TEST_F(AudienceTest, WithoutATargetNobodyIsInIt) {
  Result<AudienceReport> report = AnalyseAudience(*workspace_, {.account_key = owner_}, segments_, nullptr);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->target_followers, 0);
  EXPECT_TRUE(report->target_rule.empty());
}

TEST(PeriodStart, DaysWeeksAndMonthsInUtc) {
  const int64_t wednesday_noon = 1700654400;  // 2023-11-22 12:00 UTC
  EXPECT_EQ(PeriodStart(wednesday_noon, GrowthPeriod::kDay), 1700611200);
  EXPECT_EQ(PeriodStart(wednesday_noon, GrowthPeriod::kWeek), 1700438400);   // Monday 2023-11-20
  EXPECT_EQ(PeriodStart(wednesday_noon, GrowthPeriod::kMonth), 1698796800);  // 2023-11-01
}

}  // namespace
}  // namespace crowdlens
