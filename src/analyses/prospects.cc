#include "analyses/prospects.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/time.h"

namespace crowdlens {
namespace {

// Roles a reason names: what the account is to the owner, not its kind.
bool IsNotableRole(const std::string& role) {
  return role != "person" && role != "organisation" && role != "spam";
}

ProspectExclusion ExclusionOf(const AccountStanding& standing, bool include_competitors) {
  if (standing.is_owner) return ProspectExclusion::kOwner;
  if (standing.followed_by_owner) return ProspectExclusion::kFollowed;
  if (!include_competitors && (standing.HasRole("competitor") || standing.HasRole("supplier"))) {
    return ProspectExclusion::kCompetitor;
  }
  if (standing.HasRole("spam")) return ProspectExclusion::kSpam;
  return ProspectExclusion::kNone;
}

std::string Times(int64_t count) {
  if (count == 1) return "once";
  if (count == 2) return "twice";
  return std::to_string(count) + " times";
}

std::string Why(const Prospect& prospect, const ProspectRanking& ranking) {
  std::vector<std::string> reasons;
  std::string talk = "posted " + Times(prospect.matching_posts) + " about " + ranking.subject;
  // What matched, when it says more than the subject's name (a topic's hashtags and keywords).
  std::string matched;
  for (size_t index = 0; index < prospect.matched.size() && index < 2; ++index) {
    if (prospect.matched[index] == ranking.subject) continue;
    matched += (matched.empty() ? "" : ", ") + prospect.matched[index];
  }
  if (!matched.empty()) talk += " (" + matched + ")";
  if (prospect.retweets > 0) {
    talk += prospect.retweets == prospect.matching_posts ? ", all retweets"
                                                         : ", " + std::to_string(prospect.retweets) + " of them retweets";
  }
  talk += std::string(prospect.matching_posts == 1 ? ", " : ", last ") +
          DescribeAge(ranking.reference_time - prospect.last_post_at) + " ago";
  reasons.push_back(talk);
  const AccountStanding& standing = prospect.standing;
  if (std::lround(standing.influence) >= 1) {
    reasons.push_back("influence " + std::to_string(std::lround(standing.influence)) + "/100");
  }
  if (ranking.has_target && standing.in_target) reasons.push_back("in your target audience");
  if (standing.follows_owner) reasons.push_back("follows you");
  if (standing.followed_by_owner_follows > 0) {
    reasons.push_back("followed by " + std::to_string(standing.followed_by_owner_follows) + " of your follows");
  }
  for (const std::string& role : standing.roles) {
    if (IsNotableRole(role)) reasons.push_back(role);
  }
  if (standing.HasRole("spam")) reasons.push_back("labelled spam");
  std::string why;
  for (const std::string& reason : reasons) why += (why.empty() ? "" : "; ") + reason;
  return why;
}

}  // namespace

std::string_view ProspectExclusionName(ProspectExclusion exclusion) {
  switch (exclusion) {
    case ProspectExclusion::kNone:
      return "none";
    case ProspectExclusion::kOwner:
      return "owner";
    case ProspectExclusion::kFollowed:
      return "already_followed";
    case ProspectExclusion::kCompetitor:
      return "supplier_or_competitor";
    case ProspectExclusion::kSpam:
      return "spam";
  }
  return "none";
}

std::string DescribeAge(int64_t seconds) {
  constexpr int64_t kMinute = 60, kHourSeconds = 3600, kDaySeconds = 86400;
  auto plural = [](int64_t count, const char* unit) {
    return std::to_string(count) + " " + unit + (count == 1 ? "" : "s");
  };
  if (seconds < kHourSeconds) return std::to_string(std::max<int64_t>(seconds, 0) / kMinute) + " min";
  if (seconds < 48 * kHourSeconds) return std::to_string(seconds / kHourSeconds) + " h";
  if (seconds < 60 * kDaySeconds) return plural(seconds / kDaySeconds, "day");
  if (seconds < 730 * kDaySeconds) return plural(seconds / (30 * kDaySeconds), "month");
  return plural(seconds / (365 * kDaySeconds), "year");
}

double ReachComponent(bool follows_owner, int64_t followed_by_owner_follows) {
  const double second = static_cast<double>(std::max<int64_t>(followed_by_owner_follows, 0));
  return 0.5 * (follows_owner ? 1.0 : 0.0) + 0.5 * second / (second + 2.0);
}

double ProspectScore(const std::array<double, kProspectComponentCount>& components, bool has_target) {
  double total = 0, weights = 0;
  for (const ProspectComponentSpec& spec : kProspectComponents) {
    if (spec.component == kFit && !has_target) continue;
    total += spec.weight * components[spec.component];
    weights += spec.weight;
  }
  return weights > 0 ? total / weights : 0;
}

std::vector<Prospect> RankProspects(const std::vector<ProspectPost>& posts,
                                    const std::unordered_map<uint32_t, AccountStanding>& standings,
                                    const ProspectRanking& ranking) {
  std::map<uint32_t, Prospect> by_account;
  std::map<uint32_t, std::map<std::string, int64_t>> matched_counts;
  const double half_life = static_cast<double>(std::max<int64_t>(ranking.half_life, 1));
  for (const ProspectPost& post : posts) {
    Prospect& prospect = by_account[post.account];
    prospect.account = post.account;
    ++prospect.matching_posts;
    if (post.is_retweet) ++prospect.retweets;
    prospect.last_post_at = prospect.matching_posts == 1 ? post.created_at : std::max(prospect.last_post_at, post.created_at);
    const double age = static_cast<double>(std::max<int64_t>(ranking.reference_time - post.created_at, 0));
    prospect.weighted_posts += (post.is_retweet ? kRetweetWeight : 1.0) * std::exp2(-age / half_life);
    if (!post.matched.empty()) ++matched_counts[post.account][post.matched];
  }
  double largest = 0;
  for (const auto& [account, prospect] : by_account) largest = std::max(largest, prospect.weighted_posts);

  std::vector<Prospect> ranked;
  for (auto& [account, prospect] : by_account) {
    if (auto standing = standings.find(account); standing != standings.end()) prospect.standing = standing->second;
    std::vector<std::pair<std::string, int64_t>> matched(matched_counts[account].begin(), matched_counts[account].end());
    std::stable_sort(matched.begin(), matched.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    for (const auto& [item, count] : matched) prospect.matched.push_back(item);
    prospect.components[kRelevance] = largest > 0 ? std::log1p(prospect.weighted_posts) / std::log1p(largest) : 0;
    prospect.components[kInfluence] = std::clamp(prospect.standing.influence / 100.0, 0.0, 1.0);
    prospect.components[kFit] = ranking.has_target && prospect.standing.in_target ? 1.0 : 0.0;
    prospect.components[kReach] =
        ReachComponent(prospect.standing.follows_owner, prospect.standing.followed_by_owner_follows);
    prospect.score = ProspectScore(prospect.components, ranking.has_target);
    prospect.exclusion = ExclusionOf(prospect.standing, ranking.include_competitors);
    prospect.why = Why(prospect, ranking);
    ranked.push_back(std::move(prospect));
  }
  std::sort(ranked.begin(), ranked.end(), [](const Prospect& a, const Prospect& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.matching_posts != b.matching_posts) return a.matching_posts > b.matching_posts;
    if (a.last_post_at != b.last_post_at) return a.last_post_at > b.last_post_at;
    return a.standing.handle < b.standing.handle;
  });
  return ranked;
}

std::vector<const Prospect*> ProspectReport::prospects() const {
  std::vector<const Prospect*> kept;
  for (const Prospect& prospect : ranked) {
    if (prospect.exclusion == ProspectExclusion::kNone) kept.push_back(&prospect);
  }
  return kept;
}

int64_t ProspectReport::excluded(ProspectExclusion exclusion) const {
  return std::count_if(ranked.begin(), ranked.end(),
                       [&](const Prospect& prospect) { return prospect.exclusion == exclusion; });
}

Result<ProspectReport> AnalyseProspects(Workspace& workspace, const ProspectOptions& options) {
  Result<ProspectContext> context = LoadProspectContext(workspace, options.owner, "prospects --owner");
  if (!context.ok()) return context.status();
  return AnalyseProspects(workspace, *context, options);
}

Result<ProspectReport> AnalyseProspects(Workspace& workspace, const ProspectContext& context,
                                        const ProspectOptions& options) {
  if (options.half_life <= 0) return InvalidArgument("--half-life must be a positive duration such as 30d or 12h");
  Result<DiscussionSubject> subject = DiscussionSubject::Create(
      options.subject, context.audience.config.segmentation, options.default_to_config_topics);
  if (!subject.ok()) return subject.status();
  std::optional<int64_t> reference = options.now ? options.now : context.last_post_at();
  if (!reference) return InvalidArgument("the workspace has no posts to look in; import some first (crowdlens import)");
  if (options.since && options.within) return InvalidArgument("give --since as a date or as a duration, not both");
  if (options.within && *options.within <= 0) return InvalidArgument("--since as a duration must be positive (90d)");
  std::optional<int64_t> since = options.within ? std::optional<int64_t>(*reference - *options.within) : options.since;
  if (since && *since > *reference) {
    return InvalidArgument("--since " + FormatTimestamp(*since) + " is after the reference time " +
                           FormatTimestamp(*reference) + "; choose an earlier date");
  }

  ProspectReport report{.subject = subject->description(),
                        .subject_defined = subject->defined(),
                        .reference_time = *reference,
                        .half_life = options.half_life,
                        .since = since,
                        .has_target = context.has_target(),
                        .owner = context.accounts().Label(context.owner)};
  if (!subject->defined()) return report;
  Result<std::vector<DiscussionPost>> posts =
      FindDiscussionPosts(workspace.db(), *subject, {.from = since, .to = *reference + 1});
  if (!posts.ok()) return posts.status();
  report.matching_posts = static_cast<int64_t>(posts->size());

  std::vector<ProspectPost> ranked_posts;
  std::unordered_map<uint32_t, AccountStanding> standings;
  for (const DiscussionPost& post : *posts) {
    std::optional<uint32_t> account = AccountOf(context, post.author_key);
    if (!account) continue;
    ranked_posts.push_back(
        {.account = *account, .created_at = post.created_at, .is_retweet = post.is_retweet, .matched = post.matched});
    if (!standings.count(*account)) standings.emplace(*account, StandingOf(context, *account));
  }
  report.ranked = RankProspects(ranked_posts, standings,
                                {.reference_time = *reference,
                                 .half_life = options.half_life,
                                 .has_target = context.has_target(),
                                 .include_competitors = options.include_competitors,
                                 .subject = subject->short_name()});
  return report;
}

}  // namespace crowdlens
