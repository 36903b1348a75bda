// Topic classification on hand-written bios, lists and posts. Expected scores
// are worked out by hand from the weights in text/topic_classifier.h:
// raw = profile (1 per keyword, 1.5 per hashtag, at most 3) + lists (1 each)
//     + example account (3) + follows of examples (1 each)
//     + 3 x post hits / (posts + 2)   (a hashtag post 1.0, a keyword post 0.8);
// score = raw / (raw + 1).
#include "text/topic_classifier.h"

#include <gtest/gtest.h>

namespace crowdlens::text {
namespace {

std::vector<TopicDefinition> Topics() {
  return {
      {.name = "customer-service",
       .keywords = {"customer service", "helpdesk", "customer support"},
       .hashtags = {"#CustServ"},
       .accounts = {"@AskAcme"}},
      {.name = "contact-centres",
       .keywords = {"contact centre", "call centre", "contact center"},
       .hashtags = {"ccaas"}},
      {.name = "vaccines", .keywords = {"vaccine"}, .hashtags = {"covid19"}},
  };
}

const TopicLabel* Find(const std::vector<TopicLabel>& labels, const std::string& name) {
  for (const TopicLabel& label : labels) {
    if (label.name == name) return &label;
  }
  return nullptr;
}

std::vector<TopicPost> Posts(const std::vector<std::string>& texts, const std::vector<std::string>& hashtags = {}) {
  std::vector<TopicPost> posts;
  for (size_t index = 0; index < texts.size(); ++index) {
    posts.push_back({.text = texts[index], .hashtags = {}, .mentions = {}});
    if (index < hashtags.size() && !hashtags[index].empty()) posts.back().hashtags.push_back(hashtags[index]);
  }
  return posts;
}

TEST(TopicClassifier, OneBioKeywordGivesHalf) {
  TopicClassifier classifier(Topics());
  std::vector<TopicLabel> labels = classifier.Classify({.bio = "Head of customer service at ACME"});
  ASSERT_EQ(labels.size(), 1u);
  EXPECT_EQ(labels[0].name, "customer-service");
  EXPECT_DOUBLE_EQ(labels[0].score, 0.5);
  EXPECT_EQ(labels[0].evidence, (std::vector<std::string>{"profile: \"customer service\""}));
}

// A topic is what an account talks about, whatever it feels: complaints are on topic.
TEST(TopicClassifier, HatingCustomerServiceIsStillOnTopic) {
  TopicClassifier classifier(Topics());
  std::vector<TopicLabel> bio = classifier.Classify({.bio = "I hate customer service"});
  ASSERT_EQ(bio.size(), 1u);
  EXPECT_DOUBLE_EQ(bio[0].score, 0.5);
  // One post: hits 0.8, raw 3 x 0.8 / (1 + 2) = 0.8, score 0.8 / 1.8.
  std::vector<TopicLabel> post = classifier.Classify({.posts = Posts({"I hate customer service so much"})});
  ASSERT_EQ(post.size(), 1u);
  EXPECT_NEAR(post[0].score, 0.8 / 1.8, 1e-12);
  EXPECT_EQ(post[0].evidence, (std::vector<std::string>{"\"customer service\" in 1 of 1 posts"}));
}

TEST(TopicClassifier, KeywordsMatchByStemAndWholePhrase) {
  TopicClassifier classifier(Topics());
  // "call centres" meets "call centre"; "contact centers" meets "contact center" (Porter2 keeps
  // "center" and "centre" apart, which is why the config lists both spellings).
  std::vector<TopicLabel> labels = classifier.Classify({.bio = "Call centres and contact centers are my world"});
  ASSERT_EQ(labels.size(), 1u);
  EXPECT_EQ(labels[0].name, "contact-centres");
  EXPECT_NEAR(labels[0].score, 2.0 / 3.0, 1e-12);
  EXPECT_EQ(labels[0].evidence, (std::vector<std::string>{"profile: \"call centre\"", "profile: \"contact center\""}));
  // Part of a phrase is not the phrase.
  EXPECT_TRUE(classifier.Classify({.bio = "Service with a smile. Customer of the year."}).empty());
}

TEST(TopicClassifier, KeywordsWithTheSameStemCountOnce) {
  TopicClassifier classifier({{.name = "sports", .keywords = {"sport", "sports", "Sports"}}});
  std::vector<TopicLabel> labels = classifier.Classify({.bio = "For sport, follow our sports desk"});
  ASSERT_EQ(labels.size(), 1u);
  EXPECT_DOUBLE_EQ(labels[0].score, 0.5);
  EXPECT_EQ(labels[0].evidence, (std::vector<std::string>{"profile: \"sport\""}));
}

TEST(TopicClassifier, KeywordsAreHashtagsToo) {
  TopicClassifier classifier(Topics());
  // #CustomerService is the keyword "customer service" run together: a hashtag hit, raw 3 x 1 / 3.
  std::vector<TopicLabel> labels =
      classifier.Classify({.posts = Posts({"Loving the #CustomerService team"}, {"CustomerService"})});
  ASSERT_EQ(labels.size(), 1u);
  EXPECT_DOUBLE_EQ(labels[0].score, 0.5);
  EXPECT_EQ(labels[0].evidence, (std::vector<std::string>{"#customerservice in 1 of 1 posts"}));
  // In a bio a hashtag weighs 1.5: score 1.5 / 2.5.
  std::vector<TopicLabel> bio = classifier.Classify({.bio = "Tweets about #custserv"});
  ASSERT_EQ(bio.size(), 1u);
  EXPECT_DOUBLE_EQ(bio[0].score, 0.6);
  EXPECT_EQ(bio[0].evidence, (std::vector<std::string>{"profile: #custserv"}));
}

TEST(TopicClassifier, TheShareOfPostsDecidesNotTheirCount) {
  TopicClassifier classifier(Topics());
  std::vector<std::string> texts(10, "nothing to see");
  std::vector<std::string> tags(10, "");
  texts[0] = "jab done #covid19";
  tags[0] = "covid19";
  // 1 of 10: raw 3 x 1 / 12 = 0.25, score 0.2.
  std::vector<TopicLabel> few = classifier.Classify({.posts = Posts(texts, tags)});
  ASSERT_EQ(few.size(), 1u);
  EXPECT_DOUBLE_EQ(few[0].score, 0.2);
  EXPECT_EQ(few[0].evidence, (std::vector<std::string>{"#covid19 in 1 of 10 posts"}));
  // 6 of 10 (one also says "vaccines": still one hit): raw 3 x 6 / 12 = 1.5, score 0.6.
  for (size_t index = 1; index < 6; ++index) {
    texts[index] = "stay safe";
    tags[index] = "COVID19";
  }
  texts[1] = "vaccines now";
  std::vector<TopicLabel> many = classifier.Classify({.posts = Posts(texts, tags)});
  ASSERT_EQ(many.size(), 1u);
  EXPECT_DOUBLE_EQ(many[0].score, 0.6);
  EXPECT_EQ(many[0].evidence, (std::vector<std::string>{"#covid19 in 6 of 10 posts", "\"vaccine\" in 1 of 10 posts"}));
}

TEST(TopicClassifier, ExampleAccountsListsAndFollows) {
  TopicClassifier classifier(Topics());
  std::vector<TopicLabel> example = classifier.Classify({.handle = "askacme"});
  ASSERT_EQ(example.size(), 1u);
  EXPECT_DOUBLE_EQ(example[0].score, 0.75);
  EXPECT_EQ(example[0].evidence, (std::vector<std::string>{"example account of the topic"}));

  std::vector<TopicLabel> follows = classifier.Classify({.followed_handles = {"AskAcme", "someone"}});
  ASSERT_EQ(follows.size(), 1u);
  EXPECT_DOUBLE_EQ(follows[0].score, 0.5);
  EXPECT_EQ(follows[0].evidence, (std::vector<std::string>{"follows @AskAcme"}));

  TopicInput mentioning{.posts = Posts({"@AskAcme my parcel?"})};
  mentioning.posts[0].mentions = {"AskAcme"};
  std::vector<TopicLabel> mention = classifier.Classify(mentioning);
  ASSERT_EQ(mention.size(), 1u);
  EXPECT_NEAR(mention[0].score, 0.8 / 1.8, 1e-12);
  EXPECT_EQ(mention[0].evidence, (std::vector<std::string>{"mentions @AskAcme in 1 of 1 posts"}));

  // Two lists name the topic (one by its hashtag), one does not: raw 2.
  std::vector<TopicLabel> lists = classifier.Classify({.list_names = {"Customer Service Pros", "custserv", "Friends"}});
  ASSERT_EQ(lists.size(), 1u);
  EXPECT_NEAR(lists[0].score, 2.0 / 3.0, 1e-12);
  EXPECT_EQ(lists[0].evidence, (std::vector<std::string>{"on list \"Customer Service Pros\"", "on list \"custserv\""}));
}

TEST(TopicClassifier, ProfileEvidenceIsCappedAndEvidenceAddsUp) {
  TopicClassifier classifier(Topics());
  // 1 + 1 + 1 + 1.5 = 4.5, capped at 3: score 0.75.
  std::vector<TopicLabel> capped =
      classifier.Classify({.bio = "customer service, customer support, helpdesk #custserv"});
  ASSERT_EQ(capped.size(), 1u);
  EXPECT_DOUBLE_EQ(capped[0].score, 0.75);

  // Bio keyword 1 + posts 3 x 2 / (4 + 2) = 1: raw 2, score 2/3; vaccines from one bio keyword, 0.5.
  TopicInput input{
      .bio = "helpdesk lead, vaccine fan",
      .posts = Posts({"#custserv rocks", "lunch", "more #custserv", "bye"}, {"custserv", "", "custserv", ""})};
  std::vector<TopicLabel> labels = classifier.Classify(input);
  ASSERT_EQ(labels.size(), 2u);
  EXPECT_EQ(labels[0].name, "customer-service");
  EXPECT_NEAR(labels[0].score, 2.0 / 3.0, 1e-12);
  EXPECT_EQ(labels[0].evidence, (std::vector<std::string>{"profile: \"helpdesk\"", "#custserv in 2 of 4 posts"}));
  EXPECT_EQ(labels[1].name, "vaccines");
  EXPECT_DOUBLE_EQ(labels[1].score, 0.5);
  EXPECT_EQ(Find(labels, "contact-centres"), nullptr);
}

TEST(TopicClassifier, NoEvidenceNoLabels) {
  TopicClassifier classifier(Topics());
  EXPECT_TRUE(classifier.Classify({}).empty());
  EXPECT_TRUE(classifier.Classify({.bio = "Dad. Runner. Coffee.", .posts = Posts({"hello world"})}).empty());
  EXPECT_TRUE(TopicClassifier({}).Classify({.bio = "customer service"}).empty());
}

}  // namespace
}  // namespace crowdlens::text
