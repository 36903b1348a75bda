// The courtesy classifier on hand-written posts, one rule at a time, and the
// order in which the rules apply.
#include "analyses/courtesy.h"

#include <gtest/gtest.h>

namespace crowdlens {
namespace {

MentionKind Classify(std::string_view text, std::string_view handle, PostFacts facts = {.mention_count = 1},
                     bool replies_to_mentioned = false, std::vector<std::string> tags = {}) {
  PostSignals signals = AnalysePostText(text, tags);
  return ClassifyMention(signals, {.mentioned_handle = handle, .replies_to_mentioned_account = replies_to_mentioned},
                         facts);
}

TEST(CourtesySignals, WordsLeaveOutEntitiesAndLowerCase) {
  PostSignals signals = AnalysePostText("Thanks for the FOLLOW @Alice! #NewHere https://t.co/abc $ACME", {});
  EXPECT_EQ(signals.words, (std::vector<std::string>{"thanks", "for", "the", "follow"}));
  EXPECT_EQ(signals.hashtags, (std::vector<std::string>{"newhere"}));
  EXPECT_TRUE(signals.leading_mentions.empty());
}

TEST(CourtesySignals, LeadingMentionsStopAtTheFirstWord) {
  PostSignals signals = AnalysePostText("@Bob  @carol_1 you are both right, cc @dave", {});
  EXPECT_EQ(signals.leading_mentions, (std::vector<std::string>{"bob", "carol_1"}));
  // ".@bob" is the convention that makes a post public: no leading run.
  EXPECT_TRUE(AnalysePostText(".@bob is right", {}).leading_mentions.empty());
  // Contractions keep their apostrophe, typographic or not.
  EXPECT_EQ(AnalysePostText("You\u2019re welcome @bob", {}).words, (std::vector<std::string>{"you're", "welcome"}));
}

TEST(CourtesySignals, StoredHashtagsJoinThoseInTheText) {
  PostSignals signals = AnalysePostText("hello #FF", std::vector<std::string>{"music", "ff"});
  EXPECT_EQ(signals.hashtags, (std::vector<std::string>{"ff", "music"}));
}

TEST(CourtesyClassifier, SubstantiveMentionsStaySubstantive) {
  EXPECT_EQ(Classify("@alice is right about the budget, read her thread", "alice"), MentionKind::kSubstantive);
  EXPECT_EQ(Classify("Breaking: @BBCBreaking reports the plane went down near Digne", "BBCBreaking"),
            MentionKind::kSubstantive);
  // Gratitude for content, in a post that says more, is not etiquette.
  EXPECT_EQ(Classify("Thank you for your support @RepGraceMeng, the clinic opens Monday", "RepGraceMeng"),
            MentionKind::kSubstantive);
  EXPECT_EQ(Classify("@thelittleidiot Thanks for clearing that up. I was really confused", "thelittleidiot"),
            MentionKind::kSubstantive);
  // "welcomes" is not "welcome", and a long post with "welcome" in it is news, not a greeting.
  EXPECT_EQ(Classify("The mayor welcomes @UNHCR staff to the city", "UNHCR"), MentionKind::kSubstantive);
  EXPECT_EQ(Classify("Refugees are welcome here says @Merkel as the first trains arrive in Munich", "Merkel"),
            MentionKind::kSubstantive);
}

TEST(CourtesyClassifier, ThanksForAGesture) {
  EXPECT_EQ(Classify("Thanks for the follow @alice!", "alice"), MentionKind::kThanks);
  EXPECT_EQ(Classify("@alice thank you so much for following, looking forward to your posts", "alice"),
            MentionKind::kThanks);
  EXPECT_EQ(Classify("thx 4 the RT @bob, much appreciated friend of mine", "bob"), MentionKind::kThanks);
  EXPECT_EQ(Classify("Many thanks for sharing my article on vaccines @carol", "carol"), MentionKind::kThanks);
}

TEST(CourtesyClassifier, BareThankYou) {
  EXPECT_EQ(Classify("@alice thanks!", "alice"), MentionKind::kThanks);
  EXPECT_EQ(Classify("Thank you so much @alice \U0001F64F", "alice"), MentionKind::kThanks);
  EXPECT_EQ(Classify("Danke @alice", "alice"), MentionKind::kThanks);
  // Five words is more than a bare thank-you.
  EXPECT_EQ(Classify("thanks, I will check it @alice", "alice"), MentionKind::kSubstantive);
}

TEST(CourtesyClassifier, Welcome) {
  EXPECT_EQ(Classify("Welcome to the team @dave!", "dave"), MentionKind::kWelcome);
  EXPECT_EQ(Classify("@russian_market Welcome Sir!", "russian_market", {.mention_count = 1}), MentionKind::kWelcome);
  EXPECT_EQ(Classify("You're welcome @dave, the data and the code are all in the repository now", "dave"),
            MentionKind::kWelcome);
  EXPECT_EQ(Classify("Willkommen @erin", "erin"), MentionKind::kWelcome);
}

TEST(CourtesyClassifier, FollowFriday) {
  EXPECT_EQ(Classify("#FF @alice @bob great accounts on local news", "bob", {.mention_count = 2}),
            MentionKind::kFollowFriday);
  // The stored hashtag counts even when the text was cut before it.
  EXPECT_EQ(Classify("Great people to follow: @alice", "alice", {.mention_count = 1}, false, {"followfriday"}),
            MentionKind::kFollowFriday);
}

TEST(CourtesyClassifier, BulkLists) {
  EXPECT_EQ(Classify("@a1 @b2 @c3 @d4 @e5 read this report on the flood", "c3", {.mention_count = 5}),
            MentionKind::kBulkList);
  EXPECT_EQ(Classify("@a1 @b2 #news https://t.co/x", "b2", {.mention_count = 2}), MentionKind::kBulkList);
  // Four names and real words: a conversation, not a list.
  EXPECT_EQ(Classify("@a1 @b2 @c3 @d4 read this report on the flood", "c3", {.mention_count = 4}),
            MentionKind::kSubstantive);
}

TEST(CourtesyClassifier, RepliesToTheMentionedAccountsOwnPost) {
  // The post replies to alice's post: the @alice prefix is the reply itself.
  EXPECT_EQ(Classify("@alice I disagree, the numbers say otherwise", "alice", {.is_reply = true, .mention_count = 1},
                     /*replies_to_mentioned=*/true),
            MentionKind::kReplyToOwnPost);
}

TEST(CourtesyClassifier, ReplyThreadPrefix) {
  // A reply to alice that the platform prefixed with bob, a participant of the thread.
  PostFacts reply{.is_reply = true, .mention_count = 2};
  EXPECT_EQ(Classify("@alice @bob I disagree, the numbers say otherwise", "bob", reply), MentionKind::kReplyThread);
  // bob named inside the reply's text was chosen: substantive.
  EXPECT_EQ(Classify("@alice I disagree, ask @bob about the numbers", "bob", reply), MentionKind::kSubstantive);
  // The same opening run in a post that is not a reply was typed on purpose.
  EXPECT_EQ(Classify("@alice @bob I disagree, the numbers say otherwise", "bob", {.mention_count = 2}),
            MentionKind::kSubstantive);
}

TEST(CourtesyClassifier, RulesApplyInTheDocumentedOrder) {
  // Reply to own post beats thanks.
  EXPECT_EQ(Classify("@alice thanks!", "alice", {.is_reply = true, .mention_count = 1}, true),
            MentionKind::kReplyToOwnPost);
  // Follow Friday beats bulk list.
  EXPECT_EQ(Classify("#ff @a1 @b2 @c3 @d4 @e5", "a1", {.mention_count = 5}), MentionKind::kFollowFriday);
  // Thanks beats bulk list.
  EXPECT_EQ(Classify("thanks for the follows @a1 @b2 @c3 @d4 @e5", "a1", {.mention_count = 5}), MentionKind::kThanks);
}

TEST(CourtesyClassifier, NamesAreStable) {
  EXPECT_EQ(MentionKindName(MentionKind::kSubstantive), "substantive");
  EXPECT_EQ(MentionKindName(MentionKind::kReplyToOwnPost), "reply_to_own_post");
  EXPECT_EQ(MentionKindName(MentionKind::kReplyThread), "reply_thread");
  EXPECT_EQ(MentionKindName(MentionKind::kFollowFriday), "follow_friday");
  EXPECT_EQ(MentionKindName(MentionKind::kThanks), "thanks");
  EXPECT_EQ(MentionKindName(MentionKind::kWelcome), "welcome");
  EXPECT_EQ(MentionKindName(MentionKind::kBulkList), "bulk_list");
  for (MentionKind kind : kCourtesyKinds) EXPECT_TRUE(IsCourtesy(kind));
  EXPECT_FALSE(IsCourtesy(MentionKind::kSubstantive));
}

}  // namespace
}  // namespace crowdlens
