// Matching contacts to accounts on a hand-built workspace: an address in a
// bio, a profile link on a card, a nickname with company and title evidence
// beside a namesake, a name too weak alone, and a card with no account. Every
// confidence is worked out below from the weights in docs/match.md.
#include "analyses/contact_match.h"

#include <gtest/gtest.h>

#include "model/batch.h"
#include "store/batch_writer.h"
#include "test_data.h"

namespace crowdlens {
namespace {

Account Profile(const std::string& id, const std::string& handle, const std::string& name, const std::string& bio,
                int64_t followers) {
  return Account{.platform = "twitter",
                 .platform_id = id,
                 .handle = handle,
                 .name = name,
                 .bio = bio,
                 .followers_count = followers,
                 .observed_at = 1614556800,
                 .has_profile = true};
}

Contact Card(const std::string& id, const std::string& name, const std::string& company, const std::string& title,
             std::vector<std::string> emails, std::vector<SocialHandle> handles = {}) {
  return Contact{.source = "vcard",
                 .source_id = id,
                 .name = name,
                 .emails = std::move(emails),
                 .company = company.empty() ? std::nullopt : std::optional<std::string>(company),
                 .title = title.empty() ? std::nullopt : std::optional<std::string>(title),
                 .handles = std::move(handles),
                 .observed_at = 1614556800};
}

class ContactMatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<std::unique_ptr<Workspace>> opened = Workspace::Open(testing::MakeTempDir("contact-match"), OpenMode::kCreate);
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    workspace_ = std::move(opened).value();
    Batch batch;
    batch.accounts = {
        Profile("1", "ada_cx", "Ada Lovelace-Example", "Head of CX. Write to ada@example.org.", 300),
        Profile("2", "rsmith", "Robert Smith", "Editor at Example Times", 900),
        Profile("3", "robsmith", "Robert Smith", "Gardener and dad", 100),
        Profile("4", "gracesample", "G. S.", "Supplies", 50),
        Profile("5", "jane_doe", "Jane Doe", "", 10),
        Profile("6", "janedoe_cx", "Jane Doe", "", 20),
    };
    batch.contacts = {
        Card("c-ada", "Ada L.", "", "", {"ada@example.org"}),
        Card("c-bob", "Bob Smith", "Example Times", "Editor", {"bob@example.com"}),
        Card("c-grace", "Grace Sample", "", "", {}, {{.platform = "twitter", .handle = "GraceSample"}}),
        Card("c-jane", "Jane Doe", "", "", {"jane@example.com"}),
        Card("c-nobody", "Nobody Atall", "Nowhere Ltd", "", {"nobody@example.com"}),
    };
    ASSERT_TRUE(
        workspace_->db().Execute("INSERT INTO import_runs (started_at, status) VALUES (1614556800, 'running')").ok());
    BatchWriter writer(workspace_->db(), workspace_->db().LastInsertRowId());
    ASSERT_TRUE(writer.Prepare().ok());
    Status written = writer.Write(batch);
    ASSERT_TRUE(written.ok()) << written.message();
  }

  const ContactMatch* MatchOf(const ContactMatchResult& result, const std::string& contact) {
    for (const ContactMatch& match : result.matches) {
      if (match.contact_name == contact) return &match;
    }
    return nullptr;
  }

  std::unique_ptr<Workspace> workspace_;
};

TEST_F(ContactMatchTest, MatchesByEmailHandleAndNameWithHandComputedConfidences) {
  Result<ContactMatchResult> result = MatchContacts(*workspace_, {});
  ASSERT_TRUE(result.ok()) << result.status().message();
  EXPECT_EQ(result->contacts, 5);

  const ContactMatch* ada = MatchOf(*result, "Ada L.");
  ASSERT_NE(ada, nullptr);
  EXPECT_EQ(ada->handle, "ada_cx");
  EXPECT_EQ(ada->method, "email");
  EXPECT_DOUBLE_EQ(ada->confidence, 0.99);

  const ContactMatch* grace = MatchOf(*result, "Grace Sample");
  ASSERT_NE(grace, nullptr);
  EXPECT_EQ(grace->handle, "gracesample");  // the card's "GraceSample", any case
  EXPECT_EQ(grace->method, "handle");
  EXPECT_DOUBLE_EQ(grace->confidence, 0.97);

  // Bob/Robert Smith: similarity 0.985 -> 0.45 + 0.30 * (0.985 - 0.88) / 0.12 = 0.7125;
  // the bio names Example Times (+0.2) and says Editor (+0.05): 0.9625, capped at 0.95.
  // The namesake @robsmith scores 0.7125, more than 0.02 below: no penalty.
  const ContactMatch* bob = MatchOf(*result, "Bob Smith");
  ASSERT_NE(bob, nullptr);
  EXPECT_EQ(bob->handle, "rsmith");
  EXPECT_EQ(bob->method, "name");
  EXPECT_NEAR(bob->confidence, 0.95, 1e-9);

  // Jane Doe: two accounts with the same name and no other evidence: 0.75 - 0.1
  // for the rival = 0.65, still a match, to the one with more followers.
  const ContactMatch* jane = MatchOf(*result, "Jane Doe");
  ASSERT_NE(jane, nullptr);
  EXPECT_EQ(jane->handle, "janedoe_cx");
  EXPECT_NEAR(jane->confidence, 0.65, 1e-9);

  ASSERT_EQ(result->unmatched.size(), 1u);
  EXPECT_EQ(result->unmatched[0].contact_name, "Nobody Atall");
  EXPECT_FALSE(result->unmatched[0].why.empty());
  for (const ContactMatch& match : result->matches) EXPECT_FALSE(match.why.empty()) << match.contact_name;
}

TEST_F(ContactMatchTest, AHigherFloorLeavesTheWeakNameMatchUnmatched) {
  Result<ContactMatchResult> result = MatchContacts(*workspace_, {.min_confidence = 0.7});
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(MatchOf(*result, "Jane Doe"), nullptr);
  ASSERT_EQ(result->unmatched.size(), 2u);
  EXPECT_EQ(result->unmatched[0].contact_name, "Jane Doe");
  EXPECT_EQ(result->unmatched[0].closest_handle, "janedoe_cx");
  EXPECT_NEAR(result->unmatched[0].closest_confidence, 0.65, 1e-9);
}

TEST_F(ContactMatchTest, SavedMatchesReplaceThePreviousRun) {
  Result<ContactMatchResult> result = MatchContacts(*workspace_, {});
  ASSERT_TRUE(result.ok());
  ASSERT_TRUE(SaveContactMatches(*workspace_, result->matches, 100).ok());
  ASSERT_TRUE(SaveContactMatches(*workspace_, result->matches, 200).ok());
  EXPECT_EQ(workspace_->db().QueryInt("SELECT count(*) FROM contact_matches").value(), 4);
  EXPECT_EQ(workspace_->db().QueryInt("SELECT count(*) FROM contact_matches WHERE matched_at = 200").value(), 4);
  Result<std::vector<StoredContactMatch>> stored = LoadContactMatches(*workspace_);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->size(), 4u);
}

}  // namespace
}  // namespace crowdlens
