// The content-mix classifier: is a post interaction, content or promotion,
// and which rule said so. Practitioners advise a "rule of thirds" (Hootsuite's
// "social media rule of thirds": a third of posts promote, a third share
// others' ideas and content, a third are personal interaction); it is advice,
// not research, and crowdlens only measures the mix against it.
//
// Rules, tried in this order; the first that holds names the class and its
// evidence (docs/mix.md lists every word and site):
//   retweet         a retweet of another account: content ("others' work shared");
//                   a retweet of the account's own post: promotion
//   own_link        a link to an own site (the profile URL's site or [mix]
//                   own_domains, by site name so shorteners like cnn.it count): promotion
//   call_to_action  an offer or a call to act ("sign up", "buy now", "20% off"): promotion
//   reply           a reply to another account (not a thread of its own): interaction
//   courtesy        thanks, welcome, #FF or a shout-out list (analyses/courtesy.h): interaction
//   addressed       the post opens with an @mention without being a reply: interaction
//   question        a sentence of the post's own words ends with '?': interaction
//   quote           a quote of another post: content
//   other_link      a link to someone else's site: content
//   own_words       what is left, the account's own words: content (news, insight)
//
// Features are independent of the class and feed "what travelled":
//   news_link         a link to a news site (kNewsSites in mix_classifier.cc)
//   humour            lol, haha, 😂 and friends
//   gathering_link    an event, meetup or registration link (eventbrite, meetup, zoom ...)
//   personal_mention  an @mention outside a reply's opening run of handles
//
//   MixSites sites = MakeMixSites("https://www.cnn.com", {});
//   MixVerdict verdict = ClassifyMixPost({.text = "Sign up for our newsletter"}, sites);
//   // verdict.mix_class == MixClass::kPromotion, verdict.evidence == "call to action: 'sign up'"
#pragma once

#include <array>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace crowdlens {

enum class MixClass { kInteraction, kContent, kPromotion };
inline constexpr MixClass kMixClasses[] = {MixClass::kInteraction, MixClass::kContent, MixClass::kPromotion};
inline constexpr size_t kMixClassCount = 3;

// "interaction", "content", "promotion".
std::string_view MixClassName(MixClass mix_class);

enum class MixFeature { kNewsLink, kHumour, kGatheringLink, kPersonalMention };
inline constexpr MixFeature kMixFeatures[] = {MixFeature::kNewsLink, MixFeature::kHumour, MixFeature::kGatheringLink,
                                              MixFeature::kPersonalMention};
inline constexpr size_t kMixFeatureCount = 4;

// "news_link", "humour", "gathering_link", "personal_mention".
std::string_view MixFeatureName(MixFeature feature);
// "a news link", "humour", "a gathering link", "a personal mention": for sentences.
std::string_view MixFeaturePhrase(MixFeature feature);

// The account's own sites, as site names (analyses/engagement_style.h SiteName).
struct MixSites {
  std::vector<std::string> site_names;  // "cnn", "acme"
};

// The profile URL's site plus each configured domain's; empty inputs are skipped.
MixSites MakeMixSites(std::string_view profile_url, std::span<const std::string> own_domains);

// What the classifier needs of a post; only `text` is required (a draft has nothing else).
struct MixPostInput {
  std::string_view text;
  bool is_retweet = false;
  bool retweets_own_post = false;
  bool is_quote = false;
  bool is_reply = false;
  // A reply to the account's own post or to itself: a thread, classified by its words instead.
  bool replies_to_self = false;
  std::string_view reply_to_handle;    // without '@'; empty when unknown
  std::string_view retweet_of_handle;  // without '@'; empty when unknown ("RT @x:" is tried)
  // Expanded links when the source stored them; empty: links are taken from the text.
  std::span<const std::string> urls;
  std::span<const std::string> hashtags;  // stored hashtags, lower-case without '#'
};

struct MixVerdict {
  MixClass mix_class = MixClass::kContent;
  std::string rule;      // the rule that fired: "reply", "own_link", ... (list above)
  std::string evidence;  // what it saw: "reply to @bob", "links to cnn.com (not an own site)"
  std::array<bool, kMixFeatureCount> features{};
  // One line per feature present: "personal mention: @andersoncooper".
  std::vector<std::string> feature_evidence;

  bool Has(MixFeature feature) const { return features[static_cast<size_t>(feature)]; }
};

MixVerdict ClassifyMixPost(const MixPostInput& post, const MixSites& sites);

}  // namespace crowdlens
