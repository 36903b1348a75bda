// `crowdlens event` on a hand-built trade show, #ccexpo on 2021-03-10 and 11:
//   2 ccexpo_org  "CC Expo"        posts d-10, d0, d1              organiser (handle has the tag)
//   3 spkr        "Sam Speaker"    bio "Keynote speaker ..."; d-3, d0   speaker; in the address book
//   4 boothco     "Booth Co"       d0 "Visit us at stand 12"        exhibitor
//   5 reporter_r  "Rita Reporter"  bio "Reporter at Example Times"; d1, d3   journalist; the owner follows
//   6 vic         "Victor Visitor" d0, a retweet of 3 on d0, d-20 (outside the window)   visitor; follows the owner
//   7 late        "Lee Late"       d5                               visitor
//   1 acme        the owner        d0
// Counts, roles and scores are worked out by hand in each test.
#include "analyses/event.h"

#include <gtest/gtest.h>

#include <cmath>

#include "analyses/contact_match.h"
#include "analyses/event_met.h"
#include "model/batch.h"
#include "store/batch_writer.h"
#include "store/config.h"
#include "test_data.h"

namespace crowdlens {
namespace {

constexpr int64_t kDayZero = 1615334400;  // 2021-03-10 00:00:00 UTC
constexpr int64_t kDay = 86400;

Account Profile(const std::string& id, const std::string& handle, const std::string& name, const std::string& bio,
                int64_t followers) {
  return Account{.platform = "twitter",
                 .platform_id = id,
                 .handle = handle,
                 .name = name,
                 .bio = bio,
                 .followers_count = followers,
                 .observed_at = kDayZero,
                 .has_profile = true};
}

Post TaggedPost(const std::string& id, const std::string& author, int64_t at, const std::string& text,
                const std::string& retweet_of = "") {
  Post post{.platform = "twitter", .platform_id = id, .author_id = author, .created_at = at, .text = text};
  if (!retweet_of.empty()) post.retweet_of_id = retweet_of;
  post.hashtags = {"ccexpo"};
  return post;
}

Edge Follow(const std::string& follower, const std::string& followee) {
  return Edge{.platform = "twitter",
              .source_id = follower,
              .target_id = followee,
              .relation = Relation::kFollow,
              .weight = 1.0,
              .observed_at = kDayZero};
}

class EventTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<std::unique_ptr<Workspace>> opened = Workspace::Open(testing::MakeTempDir("event"), OpenMode::kCreate);
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    workspace_ = std::move(opened).value();
    Batch batch;
    batch.accounts = {Profile("1", "acme", "Acme Contact Centres", "We run contact centres", 5000),
                      Profile("2", "ccexpo_org", "CC Expo", "The contact centre show", 2000),
                      Profile("3", "spkr", "Sam Speaker", "Keynote speaker on customer service", 10),
                      Profile("4", "boothco", "Booth Co", "Headsets for contact centres", 40),
                      Profile("5", "reporter_r", "Rita Reporter", "Reporter at Example Times", 100),
                      Profile("6", "vic", "Victor Visitor", "CX manager", 5),
                      Profile("7", "late", "Lee Late", "", 0)};
    batch.posts = {
        TaggedPost("p1", "2", kDayZero - 10 * kDay, "Registration is open #ccexpo"),
        TaggedPost("p2", "2", kDayZero + 9 * 3600, "Doors open #ccexpo"),
        TaggedPost("p3", "2", kDayZero + kDay + 17 * 3600, "Thanks all #ccexpo"),
        TaggedPost("p4", "3", kDayZero - 3 * kDay, "See you at #ccexpo"),
        TaggedPost("p5", "3", kDayZero + 10 * 3600, "Slides from this morning #ccexpo"),
        TaggedPost("p6", "4", kDayZero + 11 * 3600, "Visit us at stand 12 #ccexpo"),
        TaggedPost("p7", "5", kDayZero + kDay + 3600, "Live from #ccexpo"),
        TaggedPost("p8", "5", kDayZero + 3 * kDay, "What we learned at #ccexpo"),
        TaggedPost("p9", "6", kDayZero + 12 * 3600, "Enjoying #ccexpo"),
        TaggedPost("p10", "6", kDayZero + 13 * 3600, "RT @spkr: Slides from this morning #ccexpo", "p5"),
        TaggedPost("p11", "6", kDayZero - 20 * kDay, "Is #ccexpo worth it?"),
        TaggedPost("p12", "7", kDayZero + 5 * kDay, "#ccexpo recap"),
        TaggedPost("p13", "1", kDayZero + 14 * 3600, "At #ccexpo all day"),
        Post{.platform = "twitter", .platform_id = "p14", .author_id = "6", .created_at = kDayZero + 3600,
             .text = "Coffee first"},
    };
    batch.edges = {Follow("6", "1"), Follow("1", "5")};
    batch.contacts = {Contact{.source = "vcard", .source_id = "c-sam", .name = "Sam Speaker", .observed_at = kDayZero}};
    ASSERT_TRUE(
        workspace_->db().Execute("INSERT INTO import_runs (started_at, status) VALUES (1615334400, 'done')").ok());
    BatchWriter writer(workspace_->db(), workspace_->db().LastInsertRowId());
    ASSERT_TRUE(writer.Prepare().ok());
    Status written = writer.Write(batch);
    ASSERT_TRUE(written.ok()) << written.message();
    ASSERT_TRUE(Config::SetOwners(workspace_->config_path(), {{.platform = "twitter", .handle = "acme"}}).ok());
    Result<ContactMatchResult> matches = MatchContacts(*workspace_, {});
    ASSERT_TRUE(matches.ok());
    ASSERT_TRUE(SaveContactMatches(*workspace_, matches->matches, kDayZero).ok());
  }

  EventOptions Options() const {
    return {.tags = {"#CCExpo"}, .from = kDayZero, .to = kDayZero + 2 * kDay};
  }

  const EventAccount* Find(const EventAnalysis& event, const std::string& handle) {
    for (const EventAccount& account : event.accounts) {
      if (account.handle == handle) return &account;
    }
    return nullptr;
  }

  std::unique_ptr<Workspace> workspace_;
};

TEST_F(EventTest, CountsPostsAndAccountsBeforeDuringAndAfter) {
  Result<EventAnalysis> event = AnalyseEvent(*workspace_, Options());
  ASSERT_TRUE(event.ok()) << event.status().message();
  ASSERT_EQ(event->phases.size(), 3u);
  // Before (d-14..d0): p1, p4 (p11 at d-20 is outside). During: p2, p3, p5, p6, p7,
  // p9, p10 (a retweet counts), p13 (the owner's). After (d2..d16): p8, p12.
  EXPECT_EQ(event->phases[0].posts, 2);
  EXPECT_EQ(event->phases[0].accounts, 2);
  EXPECT_EQ(event->phases[1].posts, 8);
  EXPECT_EQ(event->phases[1].accounts, 6);
  EXPECT_EQ(event->phases[2].posts, 2);
  EXPECT_EQ(event->phases[2].accounts, 2);
  EXPECT_EQ(event->accounts.size(), 6u);  // everyone but the owner
  EXPECT_EQ(Find(*event, "acme"), nullptr);
}

TEST_F(EventTest, ClassesEachAccountByItsCues) {
  Result<EventAnalysis> event = AnalyseEvent(*workspace_, Options());
  ASSERT_TRUE(event.ok());
  EXPECT_EQ(Find(*event, "ccexpo_org")->role, "organiser");
  EXPECT_EQ(Find(*event, "spkr")->role, "speaker");
  EXPECT_EQ(Find(*event, "boothco")->role, "exhibitor");
  EXPECT_EQ(Find(*event, "reporter_r")->role, "journalist");
  EXPECT_EQ(Find(*event, "vic")->role, "visitor");  // its retweet's "speaking"-free text is not its own
  EXPECT_EQ(Find(*event, "late")->role, "visitor");
}

TEST_F(EventTest, RanksWithCrowdAndContactsAndHandComputedScores) {
  Result<EventAnalysis> event = AnalyseEvent(*workspace_, Options());
  ASSERT_TRUE(event.ok());
  // spkr: log2(1+1) + 0.5*log2(1+1) + speaker 2 + 0.3*log10(11) + contact 3.
  const EventAccount* speaker = Find(*event, "spkr");
  EXPECT_EQ(speaker->contact_name, "Sam Speaker");
  EXPECT_NEAR(speaker->score, 1 + 0.5 + 2 + 0.3 * std::log10(11.0) + 3, 1e-9);
  EXPECT_EQ(event->accounts.front().handle, "spkr");
  // reporter_r: 1 during, 1 after: 1 + 0.5 + journalist 1.5 + 0.3*log10(101) + followed 1.
  const EventAccount* reporter = Find(*event, "reporter_r");
  EXPECT_TRUE(reporter->followed_by_owner);
  EXPECT_FALSE(reporter->follows_owner);
  EXPECT_NEAR(reporter->score, 1 + 0.5 + 1.5 + 0.3 * std::log10(101.0) + 1, 1e-9);
  // vic: 2 during (its post and its retweet), none around: log2(3) + visitor 0.5 + 0.3*log10(6) + follower 1.5.
  const EventAccount* visitor = Find(*event, "vic");
  EXPECT_TRUE(visitor->follows_owner);
  EXPECT_NEAR(visitor->score, std::log2(3.0) + 0.5 + 0.3 * std::log10(6.0) + 1.5, 1e-9);
  for (const EventAccount& account : event->accounts) EXPECT_FALSE(account.why.empty()) << account.handle;
}

TEST_F(EventTest, PeopleMetAreMatchedAndThoseNotFollowedSuggested) {
  Result<EventAnalysis> event = AnalyseEvent(*workspace_, Options());
  ASSERT_TRUE(event.ok());
  Result<std::vector<MetPerson>> met =
      MatchPeopleMet(*workspace_, {"Rita Reporter", "Victor Visiter", "Nobody Known"}, *event);
  ASSERT_TRUE(met.ok()) << met.status().message();
  ASSERT_EQ(met->size(), 3u);
  EXPECT_EQ((*met)[0].handle, "reporter_r");
  EXPECT_TRUE((*met)[0].followed_by_owner);
  EXPECT_NEAR((*met)[0].confidence, 0.75 + kMetAtEventBonus, 1e-9);
  EXPECT_EQ((*met)[1].handle, "vic");  // a typo, and at the event
  EXPECT_TRUE((*met)[1].at_event);
  EXPECT_FALSE((*met)[1].followed_by_owner);
  EXPECT_EQ((*met)[2].account_key, 0);
}

TEST_F(EventTest, BadInputIsAnErrorWithAFix) {
  EventOptions no_tags = Options();
  no_tags.tags.clear();
  EXPECT_FALSE(AnalyseEvent(*workspace_, no_tags).ok());
  EventOptions backwards = Options();
  backwards.to = backwards.from - 1;
  EXPECT_FALSE(AnalyseEvent(*workspace_, backwards).ok());
}

}  // namespace
}  // namespace crowdlens
