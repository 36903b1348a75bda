// Prospects: the people who talk about a subject (a topic, a hashtag or a
// listening query; analyses/discussion_subject.h), ranked by one score
// (0..1) made of four components, each 0..1:
//
//   relevance  how much and how recently they talk about it: each matching post
//              weighs 2^(-age / half_life) (a retweet half that), age measured
//              back from the reference time (the newest post of the workspace
//              unless given), summed per account; relevance =
//              log1p(sum) / log1p(largest sum among the accounts that matched)
//   influence  the crowdlens score (analyses/influence_score.h) / 100
//   fit        1 in the config's target audience, else 0
//   reach      0.5 if they follow the owner, plus 0.5 * k / (k + 2) where k is
//              how many of the owner's follows follow them
//   score      0.40 relevance + 0.20 influence + 0.25 fit + 0.15 reach; without a
//              target audience the fit's weight is shared out in proportion
//              (the others divided by 0.75), so the score stays 0..1.
//
// Left out: the owner, accounts the owner follows, accounts labelled supplier
// or competitor (unless include_competitors) and accounts labelled spam.
// docs/prospects.md explains each choice.
//
//   Result<ProspectReport> report = AnalyseProspects(workspace, {.subject = {.hashtag = "germanwings"}});
//   report->prospects[0].score;  report->prospects[0].why;
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyses/discussion_subject.h"
#include "analyses/prospect_standing.h"
#include "core/status.h"
#include "store/workspace.h"

namespace crowdlens {

inline constexpr int64_t kDefaultHalfLife = 30 * 86400;
inline constexpr double kRetweetWeight = 0.5;  // a retweet shows interest; words of one's own show more

enum ProspectComponent : size_t { kRelevance, kInfluence, kFit, kReach, kProspectComponentCount };

struct ProspectComponentSpec {
  ProspectComponent component;
  std::string_view name;
  double weight;  // the weights sum to 1
};

inline constexpr std::array<ProspectComponentSpec, kProspectComponentCount> kProspectComponents = {{
    {kRelevance, "relevance", 0.40},
    {kInfluence, "influence", 0.20},
    {kFit, "fit", 0.25},
    {kReach, "reach", 0.15},
}};

// Why an account that talks about the subject is not a prospect.
enum class ProspectExclusion { kNone, kOwner, kFollowed, kCompetitor, kSpam };
std::string_view ProspectExclusionName(ProspectExclusion exclusion);

// One post of the discussion, as the ranking reads it.
struct ProspectPost {
  uint32_t account = 0;
  int64_t created_at = 0;
  bool is_retweet = false;
  std::string matched;  // what matched ("#germanwings")
};

struct ProspectRanking {
  int64_t reference_time = 0;  // ages are measured back from here
  int64_t half_life = kDefaultHalfLife;
  bool has_target = false;  // a target audience is defined: fit is in use
  bool include_competitors = false;
  std::string subject;  // how reasons name it: "#germanwings"
};

struct Prospect {
  uint32_t account = 0;
  AccountStanding standing;
  int64_t matching_posts = 0;
  int64_t retweets = 0;  // of the matching posts
  int64_t last_post_at = 0;
  double weighted_posts = 0;             // the decayed sum behind relevance
  std::vector<std::string> matched;      // what matched, most frequent first
  std::array<double, kProspectComponentCount> components{};  // 0..1 each
  double score = 0;                                          // 0..1
  ProspectExclusion exclusion = ProspectExclusion::kNone;
  std::string why;
};

// The score of four components (kProspectComponents order); fit counts only with a target.
double ProspectScore(const std::array<double, kProspectComponentCount>& components, bool has_target);

// reach: 0.5 for following the owner, plus 0.5 * k / (k + 2) for k of the owner's follows following them.
double ReachComponent(bool follows_owner, int64_t followed_by_owner_follows);

// Ranks every account with a post in `posts` (ages beyond reference_time are
// not expected: callers keep to posts up to it). Returns all of them, best
// first (ties: more matching posts, then the newer last post, then the
// handle), each with its exclusion; prospects are those with kNone.
std::vector<Prospect> RankProspects(const std::vector<ProspectPost>& posts,
                                    const std::unordered_map<uint32_t, AccountStanding>& standings,
                                    const ProspectRanking& ranking);

struct ProspectOptions {
  DiscussionRequest subject;
  int64_t half_life = kDefaultHalfLife;
  std::optional<int64_t> since;   // only posts from here on count
  std::optional<int64_t> within;  // only posts this many seconds before the reference or later (--since 90d)
  std::optional<int64_t> now;    // the reference time; default: the newest post of the workspace
  bool include_competitors = false;
  std::string owner;  // handle; empty: the config's first owner
  // Without a subject: the config's topics (engage); otherwise a subject is required.
  bool default_to_config_topics = false;
};

struct ProspectReport {
  std::string subject;  // DiscussionSubject::description()
  bool subject_defined = true;
  int64_t reference_time = 0;
  int64_t half_life = 0;
  std::optional<int64_t> since;
  bool has_target = false;
  std::string owner;
  int64_t matching_posts = 0;
  std::vector<Prospect> ranked;  // every account that talked about it, best first, exclusions included

  // The prospects (no exclusion), best first.
  std::vector<const Prospect*> prospects() const;
  int64_t excluded(ProspectExclusion exclusion) const;
};

Result<ProspectReport> AnalyseProspects(Workspace& workspace, const ProspectOptions& options);

// The same over a context already loaded (engage reads it once for both).
Result<ProspectReport> AnalyseProspects(Workspace& workspace, const ProspectContext& context,
                                        const ProspectOptions& options);

// "35 min", "5 h", "3 days", "4 months", "8 years": how long `seconds` is, for reasons.
std::string DescribeAge(int64_t seconds);

}  // namespace crowdlens
