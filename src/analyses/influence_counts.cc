#include "analyses/influence_counts.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace crowdlens {
namespace {

// Audience figures: the profile's when known, else the follow edges held.
void CountAudience(const WorkspaceActivity& activity, std::vector<InfluenceCounts>& counts) {
  std::vector<int64_t> observed_followers(counts.size(), 0), observed_following(counts.size(), 0);
  for (const FollowRecord& follow : activity.follows) {
    if (!follow.current) continue;
    ++observed_followers[follow.followee];
    ++observed_following[follow.follower];
  }
  for (uint32_t index = 0; index < counts.size(); ++index) {
    const DirectoryAccount& account = activity.accounts.account(index);
    InfluenceCounts& count = counts[index];
    count.followers_from_profile = account.followers_count.has_value();
    count.followers = account.followers_count.value_or(observed_followers[index]);
    count.following_from_profile = account.following_count.has_value();
    count.following = account.following_count.value_or(observed_following[index]);
  }
}

void CountPostSent(const PostRecord& post, InfluenceCounts& count) {
  ++count.posts;
  if (post.is_retweet) {
    ++count.retweets_sent;
  } else {
    ++count.own_posts;
    if (post.is_reply) {
      ++count.replies_sent;
    } else {
      ++count.original_posts;
    }
  }
  if (post.has_url) ++count.posts_with_links;
}

void CountMention(const AttentionEvent& event, int64_t times, InfluenceCounts& count) {
  count.mentions_by_kind[static_cast<size_t>(event.mention_kind)] += times;
  if (IsCourtesy(event.mention_kind)) {
    count.mentions_courtesy += times;
  } else {
    count.mentions_substantive += times;
  }
}

}  // namespace

int64_t ImportedEdgeCount(double weight) {
  if (!std::isfinite(weight) || weight < 1.5) return 1;
  return static_cast<int64_t>(std::llround(std::min(weight, static_cast<double>(std::numeric_limits<int32_t>::max()))));
}

std::vector<InfluenceCounts> CountAllTime(const WorkspaceActivity& activity) {
  std::vector<InfluenceCounts> counts(activity.accounts.size());
  CountAudience(activity, counts);
  for (const PostRecord& post : activity.posts) CountPostSent(post, counts[post.author]);
  // Per post, what the workspace observed; compared with the platform's figures below.
  std::vector<int64_t> observed_retweets(activity.posts.size(), 0), observed_quotes(activity.posts.size(), 0),
      observed_replies(activity.posts.size(), 0);
  for (const AttentionEvent& event : activity.events) {
    InfluenceCounts& target = counts[event.target];
    if (event.imported) {
      int64_t times = ImportedEdgeCount(event.weight);
      if (event.kind == AttentionKind::kRetweet) target.retweets_received += times;
      if (event.kind == AttentionKind::kReply) target.replies_received += times;
      if (event.kind == AttentionKind::kMention) CountMention(event, times, target);
      continue;
    }
    switch (event.kind) {
      case AttentionKind::kRetweet:
        if (event.target_post >= 0) ++observed_retweets[event.target_post];
        break;
      case AttentionKind::kQuote:
        if (event.target_post >= 0) ++observed_quotes[event.target_post];
        break;
      case AttentionKind::kReply:
        if (event.target_post >= 0 && activity.posts[event.target_post].author == event.target) {
          ++observed_replies[event.target_post];
        } else {
          ++target.replies_received;  // the replied post is not in the workspace
        }
        break;
      case AttentionKind::kMention:
        CountMention(event, 1, target);
        break;
    }
  }
  for (size_t index = 0; index < activity.posts.size(); ++index) {
    const PostRecord& post = activity.posts[index];
    InfluenceCounts& author = counts[post.author];
    // A retweet's figures are its original's; only own posts bring theirs.
    int64_t reported_retweets = post.is_retweet ? 0 : post.retweet_count.value_or(0);
    int64_t reported_quotes = post.is_retweet ? 0 : post.quote_count.value_or(0);
    int64_t reported_replies = post.is_retweet ? 0 : post.reply_count.value_or(0);
    author.retweets_received += std::max(reported_retweets, observed_retweets[index]);
    author.quotes_received += std::max(reported_quotes, observed_quotes[index]);
    author.replies_received += std::max(reported_replies, observed_replies[index]);
  }
  return counts;
}

std::vector<InfluenceCounts> CountInWindow(const WorkspaceActivity& activity, TimeWindow window) {
  std::vector<InfluenceCounts> counts(activity.accounts.size());
  CountAudience(activity, counts);
  for (const PostRecord& post : activity.posts) {
    if (window.Contains(post.created_at)) CountPostSent(post, counts[post.author]);
  }
  for (const AttentionEvent& event : activity.events) {
    if (event.imported || !window.Contains(event.at)) continue;
    InfluenceCounts& target = counts[event.target];
    switch (event.kind) {
      case AttentionKind::kRetweet:
        ++target.retweets_received;
        break;
      case AttentionKind::kQuote:
        ++target.quotes_received;
        break;
      case AttentionKind::kReply:
        ++target.replies_received;
        break;
      case AttentionKind::kMention:
        CountMention(event, 1, target);
        break;
    }
  }
  // A first snapshot of followers says who follows, not since when: only later arrivals are new.
  std::vector<int64_t> first_snapshot(counts.size(), std::numeric_limits<int64_t>::max());
  for (const FollowRecord& follow : activity.follows) {
    first_snapshot[follow.followee] = std::min(first_snapshot[follow.followee], follow.first_seen);
  }
  for (const FollowRecord& follow : activity.follows) {
    if (window.Contains(follow.first_seen) && follow.first_seen > first_snapshot[follow.followee]) {
      ++counts[follow.followee].new_followers;
    }
  }
  return counts;
}

}  // namespace crowdlens
