// The engagement queue: posts to comment on while their authors are talking
// about the owner's topics. A post qualifies when it was posted in the last
// `hours` before the reference time (the newest post of the workspace unless
// given), is about the subject (the given topic, hashtag or query, else any
// of the config's topics; without topics, any post), is not a retweet (the
// conversation is at the original), and its author is in the target audience
// or among the top `prospects` prospects for the subject (analyses/prospects.h).
// The owner's own posts and authors labelled spam (and supplier or
// competitor, unless include_competitors) are left out. Each author appears
// with their best `per_author` posts (one by default: one comment per
// conversation partner), the rest counted in the reason.
//
// Each post gets a score (0..1), newest and most promising first:
//   0.45 recency   1 - age / window: 1 now, 0 at the window's start
//   0.35 author    the author's prospect score (0..1; fit, influence, reach and
//                  how much they talk about the subject)
//   0.20 traction  log1p(retweets) / log1p(most retweets in the queue), retweets
//                  the larger of the platform's count and those in the workspace
//
//   Result<EngageReport> queue = AnalyseEngage(workspace, {.hours = 48});
//   queue->posts[0].why;  // "in your target audience; posted 2 h ago about #germanwings; 35 retweets"
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analyses/discussion_subject.h"
#include "analyses/prospects.h"
#include "core/status.h"
#include "store/workspace.h"

namespace crowdlens {

enum EngageComponent : size_t { kEngageRecency, kEngageAuthor, kEngageTraction, kEngageComponentCount };

struct EngageComponentSpec {
  EngageComponent component;
  std::string_view name;
  double weight;  // the weights sum to 1
};

inline constexpr std::array<EngageComponentSpec, kEngageComponentCount> kEngageComponents = {{
    {kEngageRecency, "recency", 0.45},
    {kEngageAuthor, "author", 0.35},
    {kEngageTraction, "traction", 0.20},
}};

inline constexpr int64_t kDefaultEngageHours = 48;
inline constexpr size_t kDefaultEngageProspects = 20;

struct EngageOptions {
  DiscussionRequest subject;  // none: the config's topics
  int64_t hours = kDefaultEngageHours;
  std::optional<int64_t> now;  // the reference time; default: the newest post of the workspace
  size_t prospects = kDefaultEngageProspects;  // top prospects whose posts qualify
  size_t per_author = 1;                       // posts listed per author, best first
  int64_t half_life = kDefaultHalfLife;        // for the prospect ranking
  bool include_competitors = false;
  std::string owner;  // handle; empty: the config's first owner
};

struct EngagePost {
  DiscussionPost post;
  uint32_t account = 0;
  AccountStanding standing;
  std::optional<size_t> prospect_rank;  // 1-based among the prospects, when among the top ones
  int64_t retweets = 0;
  std::string url;
  std::array<double, kEngageComponentCount> components{};
  double score = 0;
  int64_t more_posts = 0;  // the author's other qualifying posts, not listed (per_author)
  std::string why;
};

struct EngageReport {
  std::string subject;  // what posts had to be about ("" when any post would do)
  int64_t reference_time = 0;
  int64_t window_start = 0;  // exclusive: posts after it and up to reference_time
  int64_t hours = 0;
  bool has_target = false;
  std::string owner;
  int64_t posts_in_window = 0;  // every post of the window, before any rule
  int64_t posts_on_subject = 0;
  size_t prospects_considered = 0;
  int64_t qualified = 0;          // posts that met every rule, before per_author
  std::vector<EngagePost> posts;  // best first
};

// The score of the three components, kEngageComponents order.
double EngageScore(const std::array<double, kEngageComponentCount>& components);

Result<EngageReport> AnalyseEngage(Workspace& workspace, const EngageOptions& options);

}  // namespace crowdlens
