// ClassifyAccounts on a small workspace imported from
// tests/fixtures/segments (statuses.jsonl: five accounts and their posts;
// contacts.vcf: an address-book card for one of them; crowdlens.toml: the
// topics and roles). No reader fills lists yet, so the one list is inserted
// with SQL. Expected scores are worked out by hand in the comments from the
// weights in text/topic_classifier.h, text/role_classifier.h and
// text/spam_score.h.
#include "analyses/segment_classifier.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "analyses/segment_classifier_store.h"
#include "store/importer.h"
#include "test_data.h"

namespace crowdlens {
namespace {

const SegmentLabel* Find(const std::vector<SegmentLabel>& labels, const std::string& name) {
  for (const SegmentLabel& label : labels) {
    if (label.name == name) return &label;
  }
  return nullptr;
}

bool Contains(const std::vector<std::string>& evidence, const std::string& piece) {
  return std::find(evidence.begin(), evidence.end(), piece) != evidence.end();
}

class SegmentClassifierTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::MakeTempDir("segments");
    Result<std::unique_ptr<Workspace>> opened = Workspace::Open(dir_ + "/ws", OpenMode::kCreate);
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    workspace_ = std::move(opened).value();
    std::filesystem::copy_file(testing::TestsPath("fixtures/segments/crowdlens.toml"), workspace_->config_path(),
                               std::filesystem::copy_options::overwrite_existing);
    for (const char* fixture : {"fixtures/segments/statuses.jsonl", "fixtures/segments/contacts.vcf"}) {
      ImportOptions options{.paths = {testing::TestsPath(fixture)}, .show_progress = false};
      Result<ImportSummary> imported = Import(*workspace_, options);
      ASSERT_TRUE(imported.ok()) << imported.status().message();
    }
    ASSERT_TRUE(workspace_->db()
                    .Execute("INSERT INTO lists (platform, platform_id, name, first_seen, last_seen) "
                             "VALUES ('twitter', 'L1', 'Vaccine news', 0, 0);"
                             "INSERT INTO list_members (list_key, account_key, first_seen, last_seen) "
                             "SELECT l.list_key, a.account_key, 0, 0 FROM lists l, accounts a "
                             "WHERE a.handle_lower = 'vax_fan'")
                    .ok());
    Result<Config> config = workspace_->LoadConfig();
    ASSERT_TRUE(config.ok()) << config.status().message();
    config_ = std::move(config).value();
    Result<std::vector<AccountSegments>> classified = ClassifyAccounts(*workspace_, config_);
    ASSERT_TRUE(classified.ok()) << classified.status().message();
    segments_ = std::move(classified).value();
  }

  const AccountSegments& Of(const std::string& handle) {
    Result<int64_t> key =
        workspace_->db().QueryInt("SELECT account_key FROM accounts WHERE handle_lower = '" + handle + "'");
    EXPECT_TRUE(key.ok()) << handle;
    for (const AccountSegments& account : segments_) {
      if (key.ok() && account.account_key == key.value()) return account;
    }
    ADD_FAILURE() << "no segments for " << handle;
    static const AccountSegments none;
    return none;
  }

  std::string dir_;
  std::unique_ptr<Workspace> workspace_;
  Config config_;
  std::vector<AccountSegments> segments_;
};

TEST_F(SegmentClassifierTest, EveryAccountIsClassified) {
  Result<int64_t> accounts = workspace_->db().QueryInt("SELECT count(*) FROM accounts");
  ASSERT_TRUE(accounts.ok());
  EXPECT_EQ(accounts.value(), 5);
  EXPECT_EQ(static_cast<int64_t>(segments_.size()), accounts.value());
}

TEST_F(SegmentClassifierTest, AProfessionalAtTheOwnOrganisation) {
  const AccountSegments& ada = Of("ada_example");
  // contact-centres: bio "contact centre" 1 + posts 3 x (1.0 #contactcentre + 0.8 "IVR") / (2 + 2) = 1.35.
  const SegmentLabel* centres = Find(ada.topics, "contact-centres");
  ASSERT_NE(centres, nullptr);
  EXPECT_NEAR(centres->score, 2.35 / 3.35, 1e-12);
  EXPECT_EQ(centres->evidence, (std::vector<std::string>{"profile: \"contact centre\"",
                                                         "#contactcentre in 1 of 2 posts", "\"ivr\" in 1 of 2 posts"}));
  const SegmentLabel* service = Find(ada.topics, "customer-service");
  ASSERT_NE(service, nullptr);
  EXPECT_DOUBLE_EQ(service->score, 0.5);
  EXPECT_EQ(Find(ada.topics, "vaccines"), nullptr);
  // Decision maker: "head of" in the bio and on the card, 1 - 0.2 x 0.2.
  const SegmentLabel* decision = Find(ada.roles, "decision-maker");
  ASSERT_NE(decision, nullptr);
  EXPECT_NEAR(decision->score, 0.96, 1e-12);
  // Colleague: "at Acme Telecom" 0.7, acme.example link 0.9, card email 0.9, card company 0.8.
  const SegmentLabel* colleague = Find(ada.roles, "colleague");
  ASSERT_NE(colleague, nullptr);
  EXPECT_NEAR(colleague->score, 1 - 0.3 * 0.1 * 0.1 * 0.2, 1e-12);
  EXPECT_TRUE(Contains(colleague->evidence, "address book (Ada Example): ada@acme.example"));
  EXPECT_TRUE(Contains(colleague->evidence, "profile links acme.example"));
  EXPECT_EQ(Find(ada.roles, "person"), nullptr);  // 0.5 / 1.5, under the 0.5 threshold
  EXPECT_EQ(Find(ada.roles, "spam"), nullptr);
  EXPECT_DOUBLE_EQ(ada.spam_score, 0);
  EXPECT_EQ(ada.country, "GB");  // "Leeds, UK"
  EXPECT_NE(ada.location_method, "unknown");
}

TEST_F(SegmentClassifierTest, ANewsOutletASupplierAndAPerson) {
  const AccountSegments& news = Of("dailyexample");
  EXPECT_TRUE(news.topics.empty());
  EXPECT_NEAR(Find(news.roles, "journalist")->score, 1 - 0.3 * 0.3 * 0.6, 1e-12);
  EXPECT_NEAR(Find(news.roles, "organisation")->score, 1.9 / 2.9, 1e-12);  // follow us 0.7 + news 0.4 + outlet 0.8
  EXPECT_NEAR(Find(news.roles, "celebrity")->score, 0.5 + 0.25 * std::log10(25.0), 1e-12);

  const AccountSegments& genesys = Of("genesys");
  EXPECT_DOUBLE_EQ(Find(genesys.roles, "supplier")->score, 1.0);
  // bio "contact centre" 1 + post "customer contact" 3 x 0.8 / 3 = 0.8.
  EXPECT_NEAR(Find(genesys.topics, "contact-centres")->score, 1.8 / 2.8, 1e-12);
  EXPECT_EQ(Find(genesys.roles, "celebrity"), nullptr);  // 90,000 followers

  const AccountSegments& sam = Of("vax_fan");
  // The list 1 + posts 3 x (1.0 #covid19 + 0.8 "vaccines") / (3 + 2) = 1.08.
  const SegmentLabel* vaccines = Find(sam.topics, "vaccines");
  ASSERT_NE(vaccines, nullptr);
  EXPECT_NEAR(vaccines->score, 2.08 / 3.08, 1e-12);
  EXPECT_EQ(vaccines->evidence,
            (std::vector<std::string>{"on list \"Vaccine news\"", "#covid19 in 1 of 3 posts",
                                      "\"booster\" in 1 of 3 posts", "\"vaccine\" in 1 of 3 posts"}));
  EXPECT_NEAR(Find(sam.roles, "person")->score, 1.2 / 2.2, 1e-12);  // dad 0.7 + my 0.5
  EXPECT_EQ(Find(sam.roles, "journalist"), nullptr);                // "views my own" alone is 0.3
}

TEST_F(SegmentClassifierTest, ASpamBot) {
  const AccountSegments& bot = Of("deals4u12345");
  // age 10 days 0.15 + 500 following per follower 0.20 + 500 posts a day 0.10 + URLs in 5 of 5 0.20
  // + 3 hashtags a post (2/3 x 0.10) + 4 of 5 repeated 0.15 + default profile 0.10.
  EXPECT_NEAR(bot.spam_score, 0.9 + 0.2 / 3, 1e-12);
  const SegmentLabel* spam = Find(bot.roles, "spam");
  ASSERT_NE(spam, nullptr);
  EXPECT_DOUBLE_EQ(spam->score, bot.spam_score);
  EXPECT_TRUE(Contains(spam->evidence, "5 of 5 posts carry a URL"));
  EXPECT_TRUE(Contains(spam->evidence, "4 of 5 original posts repeat an earlier text"));
  EXPECT_EQ(bot.location_method, "unknown");
  EXPECT_TRUE(bot.country.empty());
}

TEST_F(SegmentClassifierTest, BelowThresholdLabelsOnRequest) {
  Result<int64_t> key =
      workspace_->db().QueryInt("SELECT account_key FROM accounts WHERE handle_lower = 'ada_example'");
  ASSERT_TRUE(key.ok());
  Result<std::vector<AccountSegments>> all =
      ClassifyAccounts(*workspace_, config_, {.account_keys = {key.value()}, .keep_below_threshold = true});
  ASSERT_TRUE(all.ok()) << all.status().message();
  ASSERT_EQ(all->size(), 1u);
  const SegmentLabel* person = Find(all->front().roles, "person");
  ASSERT_NE(person, nullptr);
  EXPECT_NEAR(person->score, 0.5 / 1.5, 1e-12);
}

TEST_F(SegmentClassifierTest, StoredLabelsRoundTripAndGoStale) {
  std::string digest = SegmentConfigDigest(config_.segmentation);
  Result<bool> before = StoredSegmentsAreCurrent(*workspace_, digest);
  ASSERT_TRUE(before.ok());
  EXPECT_FALSE(*before);  // nothing stored yet

  Result<std::vector<AccountSegments>> current = CurrentAccountSegments(*workspace_, config_);
  ASSERT_TRUE(current.ok()) << current.status().message();
  Result<std::vector<AccountSegments>> loaded = LoadAccountSegments(*workspace_);
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  // Every account here has some label or place, so all five are stored and read back as computed.
  ASSERT_EQ(loaded->size(), segments_.size());
  for (size_t index = 0; index < segments_.size(); ++index) {
    const AccountSegments& computed = segments_[index];
    const AccountSegments& stored = (*loaded)[index];
    EXPECT_EQ(stored.account_key, computed.account_key);
    EXPECT_EQ(stored.country, computed.country);
    EXPECT_EQ(stored.region, computed.region);
    EXPECT_EQ(stored.city, computed.city);
    EXPECT_EQ(stored.location_method, computed.location_method);
    EXPECT_DOUBLE_EQ(stored.spam_score, computed.spam_score);
    ASSERT_EQ(stored.topics.size(), computed.topics.size());
    ASSERT_EQ(stored.roles.size(), computed.roles.size());
    for (const SegmentLabel& topic : computed.topics) {
      const SegmentLabel* same = Find(stored.topics, topic.name);
      ASSERT_NE(same, nullptr) << topic.name;
      EXPECT_DOUBLE_EQ(same->score, topic.score);
      EXPECT_EQ(same->evidence, topic.evidence);
    }
    for (const SegmentLabel& role : computed.roles) {
      const SegmentLabel* same = Find(stored.roles, role.name);
      ASSERT_NE(same, nullptr) << role.name;
      EXPECT_DOUBLE_EQ(same->score, role.score);
      EXPECT_EQ(same->evidence, role.evidence);
    }
  }
  Result<bool> after = StoredSegmentsAreCurrent(*workspace_, digest);
  ASSERT_TRUE(after.ok());
  EXPECT_TRUE(*after);

  // Another config makes them stale.
  Config stricter = config_;
  stricter.segmentation.topic_threshold = 0.9;
  EXPECT_FALSE(StoredSegmentsAreCurrent(*workspace_, SegmentConfigDigest(stricter.segmentation)).value());
  // So does a later import, even in the same second.
  ImportOptions again{.paths = {testing::TestsPath("fixtures/segments/contacts.vcf")}, .show_progress = false};
  ASSERT_TRUE(Import(*workspace_, again).ok());
  EXPECT_FALSE(StoredSegmentsAreCurrent(*workspace_, digest).value());
  // Recomputed, they are current again.
  Result<std::vector<AccountSegments>> refreshed = CurrentAccountSegments(*workspace_, config_);
  ASSERT_TRUE(refreshed.ok());
  EXPECT_EQ(refreshed->size(), segments_.size());
  EXPECT_TRUE(StoredSegmentsAreCurrent(*workspace_, digest).value());
  // An import that is running (or was killed) makes labels that are never current.
  ASSERT_TRUE(workspace_->db().Execute("INSERT INTO import_runs (started_at, status) VALUES (0, 'running')").ok());
  EXPECT_FALSE(StoredSegmentsAreCurrent(*workspace_, digest).value());
  ASSERT_TRUE(CurrentAccountSegments(*workspace_, config_).ok());
  EXPECT_FALSE(StoredSegmentsAreCurrent(*workspace_, digest).value());
  Result<int64_t> runs = workspace_->db().QueryInt("SELECT count(*) FROM label_runs");
  ASSERT_TRUE(runs.ok());
  EXPECT_EQ(runs.value(), 3);
}

}  // namespace
}  // namespace crowdlens
