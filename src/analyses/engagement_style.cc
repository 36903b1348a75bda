#include "analyses/engagement_style.h"

#include <algorithm>
#include <cmath>

namespace crowdlens {
namespace {

std::string Percent(double share) { return std::to_string(std::lround(share * 100.0)) + "%"; }

std::string PostsPhrase(int64_t posts) { return std::to_string(posts) + (posts == 1 ? " post" : " posts"); }

}  // namespace

std::string_view EngagementStyleName(EngagementStyle style) {
  switch (style) {
    case EngagementStyle::kObserver:
      return "observer";
    case EngagementStyle::kBroadcaster:
      return "broadcaster";
    case EngagementStyle::kConversationalist:
      return "conversationalist";
    case EngagementStyle::kCurator:
      return "curator";
  }
  return "observer";
}

EngagementVerdict ClassifyEngagement(const EngagementMix& mix) {
  EngagementVerdict verdict;
  const std::string of_posts = " of " + PostsPhrase(mix.posts);
  if (mix.posts > 0) {
    const double posts = static_cast<double>(mix.posts);
    verdict.original_share = static_cast<double>(mix.originals) / posts;
    verdict.reply_share = static_cast<double>(mix.replies) / posts;
    verdict.retweet_share = static_cast<double>(mix.retweets) / posts;
    verdict.curated_share = static_cast<double>(mix.retweets + mix.own_posts_linking_out) / posts;
  }
  if (mix.posts < kObserverMinPosts) {
    verdict.style = EngagementStyle::kObserver;
    verdict.reasons.push_back(PostsPhrase(mix.posts) + " in " + std::to_string(mix.days) + " days: fewer than " +
                              std::to_string(kObserverMinPosts) + " posts is too few to show a style");
    return verdict;
  }
  if (mix.posts * kObserverDaysPerPost < mix.days) {
    verdict.style = EngagementStyle::kObserver;
    verdict.reasons.push_back(PostsPhrase(mix.posts) + " in " + std::to_string(mix.days) +
                              " days: fewer than one per " + std::to_string(kObserverDaysPerPost) + " days");
    return verdict;
  }
  const std::string reply_reason = Percent(verdict.reply_share) + of_posts + " are replies";
  const std::string retweet_reason = Percent(verdict.retweet_share) + of_posts + " are retweets";
  const std::string curated_reason = Percent(verdict.curated_share) + of_posts + " are retweets or link to other sites";
  const std::string original_reason = Percent(verdict.original_share) + of_posts + " are original posts";
  if (verdict.reply_share >= kConversationalistReplyShare) {
    verdict.style = EngagementStyle::kConversationalist;
    verdict.reasons.push_back(reply_reason + " (40% or more: conversationalist)");
  } else if (verdict.retweet_share >= kCuratorRetweetShare) {
    verdict.style = EngagementStyle::kCurator;
    verdict.reasons.push_back(retweet_reason + " (40% or more: curator)");
  } else if (verdict.curated_share >= kCuratorCuratedShare) {
    verdict.style = EngagementStyle::kCurator;
    verdict.reasons.push_back(curated_reason + " (60% or more: curator)");
  } else if (verdict.original_share >= kBroadcasterOriginalShare) {
    verdict.style = EngagementStyle::kBroadcaster;
    verdict.reasons.push_back(original_reason + " (50% or more: broadcaster)");
  } else {
    // No share is clear enough: the largest decides.
    if (verdict.original_share >= verdict.reply_share && verdict.original_share >= verdict.curated_share) {
      verdict.style = EngagementStyle::kBroadcaster;
      verdict.reasons.push_back(original_reason + ", the largest share (no share reaches its threshold)");
    } else if (verdict.reply_share >= verdict.curated_share) {
      verdict.style = EngagementStyle::kConversationalist;
      verdict.reasons.push_back(reply_reason + ", the largest share (no share reaches its threshold)");
    } else {
      verdict.style = EngagementStyle::kCurator;
      verdict.reasons.push_back(curated_reason + ", the largest share (no share reaches its threshold)");
    }
  }
  // The other shares, so the verdict can be checked at a glance.
  for (const std::string& reason : {original_reason, reply_reason, retweet_reason, curated_reason}) {
    if (reason.substr(0, reason.find(" of ")) == "0%") continue;
    bool already = false;
    for (const std::string& given : verdict.reasons) already = already || given.rfind(reason, 0) == 0;
    if (!already) verdict.reasons.push_back(reason);
  }
  return verdict;
}

std::string_view UrlHost(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  url = url.substr(0, url.find_first_of("/?#"));
  size_t at = url.rfind('@');
  if (at != std::string_view::npos) url.remove_prefix(at + 1);
  return url.substr(0, url.find(':'));
}

std::string SiteName(std::string_view url) {
  url = UrlHost(url);
  std::vector<std::string> labels;
  size_t start = 0;
  while (start <= url.size()) {
    size_t dot = url.find('.', start);
    if (dot == std::string_view::npos) dot = url.size();
    std::string label(url.substr(start, dot - start));
    for (char& c : label) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    if (!label.empty()) labels.push_back(std::move(label));
    start = dot + 1;
  }
  if (labels.empty()) return {};
  if (labels.size() == 1) return labels.front();
  // Second-level labels under which country domains register names: bbc.co.uk, abc.net.au.
  static const std::vector<std::string> kSecondLevel = {"co",  "com", "net", "org", "ac",
                                                        "gov", "edu", "or",  "ne",  "go"};
  size_t name = labels.size() - 2;
  if (labels.size() >= 3 && labels.back().size() == 2 &&
      std::find(kSecondLevel.begin(), kSecondLevel.end(), labels[labels.size() - 2]) != kSecondLevel.end()) {
    name = labels.size() - 3;
  }
  return labels[name];
}

}  // namespace crowdlens
