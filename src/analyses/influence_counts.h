// Per-account counts behind `crowdlens influence`: audience, posts, and the
// attention received (retweets, quotes, replies, mentions split into
// substantive and courtesy), for all time or for a window of time.
//
// All time, a post's retweets, quotes and replies are what the platform
// reported for it (retweet_count, quote_count, reply_count) or what the
// workspace observed (posts retweeting, quoting or replying to it, by others),
// whichever is larger: the platform counts everyone, the workspace may hold
// retweets the platform's figure predates. Replies to posts the workspace
// lacks count once each. An imported interaction edge (edge lists carry no
// posts) counts as max(1, round(weight)) of its relation: at least one act,
// and the file's count when its weights are counts. In a window only what
// happened in the window counts: observed posts, no platform figures (they
// have no date) and no imported edges.
//
//   Result<WorkspaceActivity> activity = LoadWorkspaceActivity(db);
//   std::vector<InfluenceCounts> all_time = CountAllTime(*activity);
//   std::vector<InfluenceCounts> last_week = CountInWindow(*activity, {.since = t - 7 * 86400, .until = t});
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "analyses/influence_events.h"

namespace crowdlens {

// [since, until) in Unix seconds.
struct TimeWindow {
  int64_t since = 0;
  int64_t until = 0;
  bool Contains(int64_t at) const { return at >= since && at < until; }
};

struct InfluenceCounts {
  // The profile's figure when a profile was seen, else the follow edges the workspace holds.
  int64_t followers = 0;
  int64_t following = 0;
  bool followers_from_profile = false;
  bool following_from_profile = false;

  int64_t posts = 0;           // sent, of every kind
  int64_t own_posts = 0;       // sent and not retweets: what others can retweet
  int64_t original_posts = 0;  // neither replies nor retweets (quotes included)
  int64_t replies_sent = 0;
  int64_t retweets_sent = 0;
  int64_t posts_with_links = 0;  // of every kind

  int64_t retweets_received = 0;
  int64_t quotes_received = 0;
  int64_t replies_received = 0;
  int64_t mentions_substantive = 0;
  int64_t mentions_courtesy = 0;
  std::array<int64_t, 7> mentions_by_kind{};  // indexed by MentionKind
  int64_t new_followers = 0;  // windows only: follows first seen in the window, after the first snapshot

  // Retweets and quotes received per post that could be retweeted (own posts, at least 1).
  double amplification() const {
    return static_cast<double>(retweets_received + quotes_received) /
           static_cast<double>(own_posts > 0 ? own_posts : 1);
  }
  // followers / following; nullopt when following is 0.
  std::optional<double> ratio() const {
    if (following <= 0) return std::nullopt;
    return static_cast<double>(followers) / static_cast<double>(following);
  }
};

// How many acts an imported edge of this weight stands for: max(1, round(weight)).
int64_t ImportedEdgeCount(double weight);

// One entry per directory account.
std::vector<InfluenceCounts> CountAllTime(const WorkspaceActivity& activity);
std::vector<InfluenceCounts> CountInWindow(const WorkspaceActivity& activity, TimeWindow window);

}  // namespace crowdlens
