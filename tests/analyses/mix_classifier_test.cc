// The content-mix classifier on hand-made posts: each rule with the evidence
// it gives, the order the rules are tried in, and each feature.
#include <gtest/gtest.h>

#include "analyses/mix_classifier.h"

namespace crowdlens {
namespace {

// The account of these posts: profile https://www.acme.com, also owns acme-shop.co.uk.
MixSites Acme() {
  std::vector<std::string> domains = {"acme-shop.co.uk"};
  return MakeMixSites("https://www.acme.com", domains);
}

MixVerdict Classify(const MixPostInput& post) { return ClassifyMixPost(post, Acme()); }

TEST(MixClassifier, OwnSitesComeFromTheProfileAndTheConfig) {
  EXPECT_EQ(Acme().site_names, (std::vector<std::string>{"acme", "acme-shop"}));
  EXPECT_TRUE(MakeMixSites("", {}).site_names.empty());
}

TEST(MixClassifier, RetweetOfAnotherAccountIsContent) {
  MixVerdict verdict = Classify({.text = "RT @bob: Our new report is out", .is_retweet = true});
  EXPECT_EQ(verdict.mix_class, MixClass::kContent);
  EXPECT_EQ(verdict.rule, "retweet");
  EXPECT_EQ(verdict.evidence, "retweet of @bob (others' work shared)");
  // "RT @bob" names the source, not a personal mention.
  EXPECT_FALSE(verdict.Has(MixFeature::kPersonalMention));
}

TEST(MixClassifier, RetweetOfItsOwnPostIsPromotion) {
  MixVerdict verdict = Classify({.text = "RT @acme: Sale ends today", .is_retweet = true, .retweets_own_post = true});
  EXPECT_EQ(verdict.mix_class, MixClass::kPromotion);
  EXPECT_EQ(verdict.evidence, "retweet of its own post");
}

TEST(MixClassifier, LinkToAnOwnSiteIsPromotionShortenersIncluded) {
  MixVerdict verdict = Classify({.text = "Our spring range https://acme.com/spring"});
  EXPECT_EQ(verdict.mix_class, MixClass::kPromotion);
  EXPECT_EQ(verdict.rule, "own_link");
  EXPECT_EQ(verdict.evidence, "links to acme.com (own site acme)");
  // The configured domain, through its stored expanded link.
  std::vector<std::string> urls = {"https://www.acme-shop.co.uk/p/1"};
  MixVerdict shop = Classify({.text = "New in https://t.co/x", .urls = urls});
  EXPECT_EQ(shop.evidence, "links to acme-shop.co.uk (own site acme-shop)");
  // An own link wins over a question: the post still sends people to the shop.
  EXPECT_EQ(Classify({.text = "Seen our spring range? https://acme.com/spring"}).rule, "own_link");
}

TEST(MixClassifier, CallsToActionArePromotion) {
  EXPECT_EQ(Classify({.text = "Sign up for the newsletter today"}).evidence, "call to action: 'sign up'");
  EXPECT_EQ(Classify({.text = "Pre-order the new mug"}).evidence, "call to action: 'pre order'");
  EXPECT_EQ(Classify({.text = "Everything 20% off this weekend"}).evidence, "call to action: '% off'");
  EXPECT_EQ(Classify({.text = "Jetzt anmelden!"}).evidence, "call to action: 'jetzt anmelden'");
  // Words that only resemble a call to action do not count.
  EXPECT_EQ(Classify({.text = "Shopping streets were quiet"}).rule, "own_words");
  EXPECT_EQ(Classify({.text = "The orders went out"}).rule, "own_words");
}

TEST(MixClassifier, ReplyToAnotherAccountIsInteraction) {
  MixVerdict verdict = Classify(
      {.text = "@bob glad it worked, https://example.com/help has more", .is_reply = true, .reply_to_handle = "bob"});
  EXPECT_EQ(verdict.mix_class, MixClass::kInteraction);
  EXPECT_EQ(verdict.rule, "reply");
  EXPECT_EQ(verdict.evidence, "reply to @bob");
  EXPECT_FALSE(verdict.Has(MixFeature::kPersonalMention));  // the reply's own addressing
  // Without a stored handle, the opening mention names whom it answers.
  EXPECT_EQ(Classify({.text = "@Carol @bob yes, Friday", .is_reply = true}).evidence, "reply to @carol");
}

TEST(MixClassifier, ThreadContinuationIsClassifiedByItsWords) {
  MixVerdict verdict = Classify(
      {.text = "More on the results below", .is_reply = true, .replies_to_self = true, .reply_to_handle = "acme"});
  EXPECT_EQ(verdict.mix_class, MixClass::kContent);
  EXPECT_EQ(verdict.rule, "own_words");
}

TEST(MixClassifier, CourtesyIsInteraction) {
  MixVerdict thanks = Classify({.text = "Thanks for the follow @dave!"});
  EXPECT_EQ(thanks.mix_class, MixClass::kInteraction);
  EXPECT_EQ(thanks.evidence, "thanks (courtesy rule)");
  EXPECT_EQ(Classify({.text = "Welcome aboard, team"}).evidence, "welcome (courtesy rule)");
  std::vector<std::string> tags = {"ff"};
  EXPECT_EQ(Classify({.text = "#FF @a @b", .hashtags = tags}).evidence, "follow_friday (courtesy rule)");
  EXPECT_EQ(Classify({.text = "Great week with @a, @b, @c, @d and @e at the expo"}).evidence,
            "shout-out to 5 accounts (courtesy rule bulk_list)");
}

TEST(MixClassifier, PostOpeningWithAMentionIsAddressed) {
  MixVerdict verdict = Classify({.text = "@dave your talk on queues was the best of the day"});
  EXPECT_EQ(verdict.mix_class, MixClass::kInteraction);
  EXPECT_EQ(verdict.evidence, "addressed to @dave");
  EXPECT_TRUE(verdict.Has(MixFeature::kPersonalMention));
}

TEST(MixClassifier, QuestionIsInteractionAndQuotesTheSentence) {
  MixVerdict verdict = Classify({.text = "New year, new plans. What are you reading this month? Tell us."});
  EXPECT_EQ(verdict.mix_class, MixClass::kInteraction);
  EXPECT_EQ(verdict.evidence, "asks a question: 'What are you reading this month?'");
  // A '?' inside a link asks nothing.
  EXPECT_EQ(Classify({.text = "Report https://example.com/r?id=4"}).rule, "other_link");
}

TEST(MixClassifier, QuoteAndOthersLinksAreContent) {
  MixVerdict quote = Classify({.text = "This is worth reading", .is_quote = true});
  EXPECT_EQ(quote.mix_class, MixClass::kContent);
  EXPECT_EQ(quote.evidence, "quotes another post (others' work shared)");
  MixVerdict link = Classify({.text = "Good analysis https://www.CNN.com/2023/x"});
  EXPECT_EQ(link.mix_class, MixClass::kContent);
  EXPECT_EQ(link.evidence, "links to cnn.com (not an own site)");
  EXPECT_TRUE(link.Has(MixFeature::kNewsLink));
  EXPECT_EQ(link.feature_evidence, std::vector<std::string>{"a news link: cnn.com (cnn)"});
}

TEST(MixClassifier, PlatformLinksAreNotLinks) {
  // The "read the whole post" link of a truncated tweet and an attached photo.
  std::vector<std::string> urls = {"https://twitter.com/i/web/status/1591721298736005120",
                                   "https://twitter.com/acme/status/1/photo/1"};
  MixVerdict verdict = Classify({.text = "Long thoughts on the year", .urls = urls});
  EXPECT_EQ(verdict.rule, "own_words");
  EXPECT_EQ(verdict.evidence, "own words with no link, question or call to action");
}

TEST(MixClassifier, RulesAreTriedInOrder) {
  // A reply with a call to action is promotion: the offer is the point of it.
  EXPECT_EQ(Classify({.text = "@bob sign up here and get a mug", .is_reply = true}).rule, "call_to_action");
  // A question with a link elsewhere is interaction: the question comes first.
  EXPECT_EQ(Classify({.text = "Agree? https://example.org/essay"}).rule, "question");
}

TEST(MixClassifier, Features) {
  MixVerdict humour = Classify({.text = "Monday again hahaha"});
  EXPECT_TRUE(humour.Has(MixFeature::kHumour));
  EXPECT_EQ(humour.feature_evidence, std::vector<std::string>{"humour: 'hahaha'"});
  EXPECT_TRUE(Classify({.text = "the printer jammed \U0001F602"}).Has(MixFeature::kHumour));
  EXPECT_TRUE(Classify({.text = "lol same"}).Has(MixFeature::kHumour));
  EXPECT_FALSE(Classify({.text = "Hahn and the hash table"}).Has(MixFeature::kHumour));

  MixVerdict meetup = Classify({.text = "Our meetup is on https://www.meetup.com/acme-users/events/1"});
  EXPECT_TRUE(meetup.Has(MixFeature::kGatheringLink));
  EXPECT_EQ(meetup.feature_evidence, std::vector<std::string>{"a gathering link: meetup.com"});
  EXPECT_TRUE(Classify({.text = "Webinar https://us02web.zoom.us/j/123"}).Has(MixFeature::kGatheringLink));
  EXPECT_TRUE(Classify({.text = "Details https://lu.ma/abc"}).Has(MixFeature::kGatheringLink));
  EXPECT_TRUE(Classify({.text = "See https://www.facebook.com/events/99"}).Has(MixFeature::kGatheringLink));
  EXPECT_FALSE(Classify({.text = "See https://www.facebook.com/acme"}).Has(MixFeature::kGatheringLink));

  MixVerdict mention = Classify({.text = "Great session by @carol today"});
  EXPECT_TRUE(mention.Has(MixFeature::kPersonalMention));
  EXPECT_EQ(mention.feature_evidence, std::vector<std::string>{"a personal mention: @carol"});
  // In a reply, a mention after the opening run is personal.
  EXPECT_TRUE(Classify({.text = "@bob ask @carol, she knows", .is_reply = true}).Has(MixFeature::kPersonalMention));

  MixVerdict news = Classify({.text = "Read this https://nyti.ms/3abc and https://bbc.in/x"});
  EXPECT_TRUE(news.Has(MixFeature::kNewsLink));
  EXPECT_EQ(news.feature_evidence, std::vector<std::string>{"a news link: nyti.ms (nyti)"});
  EXPECT_FALSE(Classify({.text = "Our docs https://docs.example.com"}).Has(MixFeature::kNewsLink));
}

}  // namespace
}  // namespace crowdlens
