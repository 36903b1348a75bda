// Engagement style: how an account uses the platform, named from the mix of
// what it posts, with the reasons spelled out.
//
//   observer           posts too rarely to have a style: fewer than 5 posts in
//                      the period, or fewer than one per 30 days
//   conversationalist  replies are at least 40% of its posts
//   curator            retweets are at least 40% of its posts, or retweets and
//                      posts linking out together at least 60% (a link to the
//                      account's own site, as its profile URL names it, is
//                      broadcasting, not curating)
//   broadcaster        original posts (neither replies nor retweets) are at
//                      least 50% of its posts
// The rules are tried in that order; when none holds, the style of the largest
// share wins (originals: broadcaster, replies: conversationalist, retweets and
// links: curator). The thresholds are crowdlens's own, chosen so that each
// style needs a clear plurality of the posts; they are not from a paper.
//
//   EngagementVerdict verdict = ClassifyEngagement({.posts = 79, .originals = 20, .replies = 49, .retweets = 10,
//                                                   .own_posts_linking_out = 12, .days = 90});
//   verdict.style;    // EngagementStyle::kConversationalist
//   verdict.reasons;  // {"62% of 79 posts are replies (40% or more: conversationalist)", ...}
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace crowdlens {

enum class EngagementStyle { kObserver, kBroadcaster, kConversationalist, kCurator };

// "observer", "broadcaster", "conversationalist", "curator".
std::string_view EngagementStyleName(EngagementStyle style);

// Fewer posts than this in a period: observer.
inline constexpr int64_t kObserverMinPosts = 5;
// Fewer than one post per this many days: observer.
inline constexpr int64_t kObserverDaysPerPost = 30;
inline constexpr double kConversationalistReplyShare = 0.40;
inline constexpr double kCuratorRetweetShare = 0.40;
inline constexpr double kCuratorCuratedShare = 0.60;
inline constexpr double kBroadcasterOriginalShare = 0.50;

// What an account sent in a period.
struct EngagementMix {
  int64_t posts = 0;      // every kind
  int64_t originals = 0;  // neither replies nor retweets (quotes count here)
  int64_t replies = 0;
  int64_t retweets = 0;
  int64_t own_posts_linking_out = 0;  // originals and replies linking to a site other than the account's own
  int64_t days = 0;                   // length of the period
};

struct EngagementVerdict {
  EngagementStyle style = EngagementStyle::kObserver;
  std::vector<std::string> reasons;  // why, with the figures
  double original_share = 0;
  double reply_share = 0;
  double retweet_share = 0;
  double curated_share = 0;  // retweets plus own posts linking out, over all posts
};

EngagementVerdict ClassifyEngagement(const EngagementMix& mix);

// The name a link's site goes by: its host without "www.", its public suffix
// (the last label, or the last two for co.uk-style suffixes) and anything
// before the name: "https://www.cnn.com/x" and "https://cnn.it/3PH4" are both
// "cnn", "http://news.bbc.co.uk/" is "bbc". Links to a site of the same name as
// the account's profile URL are the account's own (its shortener included);
// a shortener of another name (nyti.ms for nytimes.com) is not recognised.
// Empty when the text has no host.
std::string SiteName(std::string_view url);

// The host part of a link as written (case kept): no scheme, path, query,
// fragment, user or port. "https://u@www.CNN.com:443/x" -> "www.CNN.com".
std::string_view UrlHost(std::string_view url);

}  // namespace crowdlens
