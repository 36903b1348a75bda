// Roles on hand-written profiles. Scores follow text/role_classifier.h: a
// role's reasons combine as 1 - prod(1 - weight); organisation and person are
// O / (O + P + 1) and P / (O + P + 1) of their summed cue weights.
#include "text/role_classifier.h"

#include <gtest/gtest.h>

#include <optional>

namespace crowdlens::text {
namespace {

RoleSettings Settings() {
  return {.colleagues = {.names = {"Acme Telecom"}, .handles = {"AcmeTelecom"}, .domains = {"acme.example"}},
          .suppliers = {.names = {"Genesys"},
                        .handles = {"Genesys"},
                        .domains = {"genesys.example"},
                        .keywords = {"ccaas vendor"}},
          .competitors = {.names = {"Five9", "Talk Talk"}, .handles = {"Five9"}},
          .decision_functions = {"customer service", "marketing"},
          .celebrity_min_followers = 100000,
          .celebrity_min_ratio = 10};
}

// A copy: callers pass the temporary that Classify returns.
std::optional<RoleLabel> Find(const std::vector<RoleLabel>& labels, const std::string& name) {
  for (const RoleLabel& label : labels) {
    if (label.name == name) return label;
  }
  return std::nullopt;
}

TEST(RoleClassifier, JournalistsByTitle) {
  RoleClassifier classifier(Settings());
  std::vector<RoleLabel> labels = classifier.Classify({.bio = "Senior reporter at The Times. Views my own."});
  std::optional<RoleLabel> journalist = Find(labels, "journalist");
  ASSERT_TRUE(journalist);
  // reporter 0.8 and the disclaimer 0.3: 1 - 0.2 x 0.7.
  EXPECT_NEAR(journalist->score, 0.86, 1e-12);
  EXPECT_EQ(journalist->evidence,
            (std::vector<std::string>{"profile: \"reporter at the times\"", "profile: \"views my own\""}));
  // German titles count too.
  std::optional<RoleLabel> redakteurin =
      Find(classifier.Classify({.bio = "Redakteurin und Moderatorin @TIDE_HH"}), "journalist");
  ASSERT_TRUE(redakteurin);
  EXPECT_NEAR(redakteurin->score, 1 - 0.2 * 0.3, 1e-12);
}

// A label says what an account is now: "former journalist" is not a journalist.
TEST(RoleClassifier, FormerRolesDoNotCount) {
  RoleClassifier classifier(Settings());
  EXPECT_FALSE(Find(classifier.Classify({.bio = "Former journalist, now PR consultant"}), "journalist"));
  EXPECT_FALSE(Find(classifier.Classify({.bio = "Ex-BBC journalist and retired editor"}), "journalist"));
  EXPECT_FALSE(Find(classifier.Classify({.bio = "Formerly director of marketing"}), "decision-maker"));
  // The past reaches only to the end of its clause.
  std::optional<RoleLabel> journalist =
      Find(classifier.Classify({.bio = "Former footballer, journalist"}), "journalist");
  ASSERT_TRUE(journalist);
  EXPECT_DOUBLE_EQ(journalist->score, 0.8);
}

TEST(RoleClassifier, NewsOutletsAreMediaAndOrganisations) {
  RoleClassifier classifier(Settings());
  std::vector<RoleLabel> labels =
      classifier.Classify({.name = "BBC Breaking News", .bio = "Breaking news alerts and updates from the BBC."});
  std::optional<RoleLabel> journalist = Find(labels, "journalist");
  ASSERT_TRUE(journalist);
  // "breaking news" 0.7, "news alerts" 0.7, "news" 0.4.
  EXPECT_NEAR(journalist->score, 1 - 0.3 * 0.3 * 0.6, 1e-12);
  std::optional<RoleLabel> organisation = Find(labels, "organisation");
  ASSERT_TRUE(organisation);
  // O = "news" 0.4 + outlet 0.8 = 1.2, P = 0: 1.2 / 2.2.
  EXPECT_NEAR(organisation->score, 1.2 / 2.2, 1e-12);
  EXPECT_FALSE(Find(labels, "person"));
}

TEST(RoleClassifier, DecisionMakersBySeniority) {
  RoleClassifier classifier(Settings());
  std::optional<RoleLabel> head =
      Find(classifier.Classify({.bio = "Head of Customer Experience at Example Ltd"}), "decision-maker");
  ASSERT_TRUE(head);
  EXPECT_DOUBLE_EQ(head->score, 0.8);
  EXPECT_EQ(head->evidence, (std::vector<std::string>{"profile: \"head of customer experience at\""}));
  std::optional<RoleLabel> both = Find(classifier.Classify({.bio = "CEO & Founder"}), "decision-maker");
  ASSERT_TRUE(both);
  EXPECT_NEAR(both->score, 1 - 0.1 * 0.1, 1e-12);
  // A manager counts for a function the config names, and only then.
  std::optional<RoleLabel> manager =
      Find(classifier.Classify({.bio = "Customer service manager. Mum of two."}), "decision-maker");
  ASSERT_TRUE(manager);
  EXPECT_DOUBLE_EQ(manager->score, 0.6);
  std::optional<RoleLabel> comma = Find(classifier.Classify({.bio = "Manager, Marketing"}), "decision-maker");
  ASSERT_TRUE(comma);
  EXPECT_DOUBLE_EQ(comma->score, 0.6);
  EXPECT_FALSE(Find(classifier.Classify({.bio = "Manager at a supermarket"}), "decision-maker"));
  // "Owner" is a title only where a clause starts with it.
  EXPECT_FALSE(Find(classifier.Classify({.bio = "Dog owner, cat lover"}), "decision-maker"));
  std::optional<RoleLabel> owner = Find(classifier.Classify({.bio = "Owner, Joe's Pizza"}), "decision-maker");
  ASSERT_TRUE(owner);
  EXPECT_DOUBLE_EQ(owner->score, 0.9);
}

TEST(RoleClassifier, ColleaguesSuppliersAndCompetitors) {
  RoleClassifier classifier(Settings());
  // An address-book contact at the own domain: 0.9.
  RoleInput contact{
      .handle = "ada_example",
      .contacts = {
          {.name = "Ada Example", .company = "Somewhere", .title = "Head of CX", .emails = {"ada@mail.acme.example"}}}};
  std::vector<RoleLabel> labels = classifier.Classify(contact);
  std::optional<RoleLabel> colleague = Find(labels, "colleague");
  ASSERT_TRUE(colleague);
  EXPECT_DOUBLE_EQ(colleague->score, 0.9);
  EXPECT_EQ(colleague->evidence, (std::vector<std::string>{"address book (Ada Example): ada@mail.acme.example"}));
  std::optional<RoleLabel> decision = Find(labels, "decision-maker");  // from the card's title
  ASSERT_TRUE(decision);
  EXPECT_EQ(decision->evidence, (std::vector<std::string>{"address book (Ada Example) title: \"head of cx\""}));

  // The supplier's own account and site: 1 - 0 x 0.1.
  std::optional<RoleLabel> supplier =
      Find(classifier.Classify({.handle = "genesys", .url = "https://www.genesys.example/about"}), "supplier");
  ASSERT_TRUE(supplier);
  EXPECT_DOUBLE_EQ(supplier->score, 1.0);
  EXPECT_EQ(supplier->evidence, (std::vector<std::string>{"is @Genesys", "profile links genesys.example"}));

  // Named as employer ("at Five9") 0.7; named in passing 0.45, under the usual 0.5 threshold.
  std::optional<RoleLabel> employer = Find(classifier.Classify({.bio = "Solutions architect at Five9"}), "competitor");
  ASSERT_TRUE(employer);
  EXPECT_DOUBLE_EQ(employer->score, 0.7);
  std::optional<RoleLabel> passing =
      Find(classifier.Classify({.bio = "Switched from Talk Talk, never again"}), "competitor");
  ASSERT_TRUE(passing);
  EXPECT_DOUBLE_EQ(passing->score, 0.45);
  // "Talk Talk journalist": a title right after the name ties it to the account.
  std::optional<RoleLabel> tied =
      Find(classifier.Classify({.bio = "Talk Talk engineer, Talk Talk director"}), "competitor");
  ASSERT_TRUE(tied);
  EXPECT_DOUBLE_EQ(tied->score, 0.7);
  // Supplier keywords weigh 0.4; a former employer does not count.
  std::optional<RoleLabel> keyword = Find(classifier.Classify({.bio = "Leading CCaaS vendor"}), "supplier");
  ASSERT_TRUE(keyword);
  EXPECT_DOUBLE_EQ(keyword->score, 0.4);
  EXPECT_FALSE(Find(classifier.Classify({.bio = "Ex Five9 engineer"}), "competitor"));
}

TEST(RoleClassifier, CelebritiesByFollowersAndRatio) {
  RoleClassifier classifier(Settings());
  // 1,000,000 followers is 10x the threshold: 0.5 + 0.25.
  std::optional<RoleLabel> celebrity =
      Find(classifier.Classify({.followers = 1000000, .following = 100, .verified = true}), "celebrity");
  ASSERT_TRUE(celebrity);
  EXPECT_DOUBLE_EQ(celebrity->score, 0.75);
  EXPECT_EQ(celebrity->evidence,
            (std::vector<std::string>{"1,000,000 followers", "follows 100 (10,000 followers per followed account)",
                                      "verified"}));
  EXPECT_DOUBLE_EQ(Find(classifier.Classify({.followers = 100000000, .following = 0}), "celebrity")->score, 1.0);
  // Follows back too many: a ratio of 7.5.
  EXPECT_FALSE(Find(classifier.Classify({.followers = 150000, .following = 20000}), "celebrity"));
  EXPECT_FALSE(Find(classifier.Classify({.followers = 99999, .following = 1}), "celebrity"));
}

TEST(RoleClassifier, PersonOrOrganisation) {
  RoleClassifier classifier(Settings());
  std::vector<RoleLabel> obama = classifier.Classify({.bio = "Dad, husband, President, citizen."});
  std::optional<RoleLabel> person = Find(obama, "person");
  ASSERT_TRUE(person);
  // P = dad 0.7 + husband 0.7 + a seniority title 0.5 = 1.9.
  EXPECT_NEAR(person->score, 1.9 / 2.9, 1e-12);
  EXPECT_NEAR(Find(obama, "decision-maker")->score, 0.9, 1e-12);

  std::vector<RoleLabel> company =
      classifier.Classify({.bio = "We are the official account of ACME Ltd. Follow us for updates!"});
  std::optional<RoleLabel> organisation = Find(company, "organisation");
  ASSERT_TRUE(organisation);
  // "we are" 0.6 + "we" 0.5 + "official account" 0.7 + "ltd" 0.8 + "follow us" 0.7 = 3.3.
  EXPECT_NEAR(organisation->score, 3.3 / 4.3, 1e-12);
  EXPECT_FALSE(Find(company, "person"));

  // Mixed cues compete: "our" 0.5 against "my" 0.5 gives both 0.25.
  std::vector<RoleLabel> mixed = classifier.Classify({.bio = "My thoughts on our city"});
  EXPECT_DOUBLE_EQ(Find(mixed, "person")->score, 0.25);
  EXPECT_DOUBLE_EQ(Find(mixed, "organisation")->score, 0.25);
  EXPECT_TRUE(classifier.Classify({.bio = "SpaceX designs, manufactures and launches rockets"}).empty());
}

TEST(RoleClassifier, UrlHosts) {
  EXPECT_EQ(UrlHost("https://www.Example.COM/path?q=1"), "example.com");
  EXPECT_EQ(UrlHost("http://bbc.co.uk:8080"), "bbc.co.uk");
  EXPECT_EQ(UrlHost("example.org/x"), "example.org");
  EXPECT_EQ(UrlHost(""), "");
  EXPECT_TRUE(HostInDomain("news.bbc.co.uk", "bbc.co.uk"));
  EXPECT_TRUE(HostInDomain("bbc.co.uk", "https://www.bbc.co.uk"));
  EXPECT_FALSE(HostInDomain("notbbc.co.uk", "bbc.co.uk"));
  EXPECT_FALSE(HostInDomain("", "bbc.co.uk"));
}

}  // namespace
}  // namespace crowdlens::text
