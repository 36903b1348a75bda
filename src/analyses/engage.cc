#include "analyses/engage.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

#include "analyses/post_link.h"
#include "analyses/reactions_received.h"
#include "core/time.h"

namespace crowdlens {
namespace {

// "aviation: #germanwings" -> "aviation (#germanwings)"; others as they are.
std::string AboutWhat(const std::string& matched) {
  size_t colon = matched.find(": ");
  if (colon == std::string::npos) return matched;
  return matched.substr(0, colon) + " (" + matched.substr(colon + 2) + ")";
}

std::string Why(const EngagePost& entry, const EngageReport& report, const std::string& subject_name) {
  std::vector<std::string> reasons;
  if (report.has_target && entry.standing.in_target) reasons.push_back("in your target audience");
  if (entry.prospect_rank) {
    reasons.push_back("prospect #" + std::to_string(*entry.prospect_rank) + " for " + subject_name);
  }
  std::string posted = "posted " + DescribeAge(report.reference_time - entry.post.created_at) + " ago";
  if (!entry.post.matched.empty()) posted += " about " + AboutWhat(entry.post.matched);
  reasons.push_back(posted);
  if (entry.retweets > 0) reasons.push_back(std::to_string(entry.retweets) + (entry.retweets == 1 ? " retweet" : " retweets"));
  if (entry.more_posts > 0) {
    reasons.push_back(std::to_string(entry.more_posts) + (entry.more_posts == 1 ? " more post" : " more posts") +
                      " of theirs in the window");
  }
  if (entry.standing.follows_owner) reasons.push_back("follows you");
  if (entry.standing.followed_by_owner) reasons.push_back("you follow them");
  for (const std::string& role : entry.standing.roles) {
    if (role != "person" && role != "organisation") reasons.push_back(role);
  }
  std::string why;
  for (const std::string& reason : reasons) why += (why.empty() ? "" : "; ") + reason;
  return why;
}

Result<int64_t> CountPostsBetween(Database& db, int64_t after, int64_t until) {
  Result<Statement> count = db.Prepare("SELECT count(*) FROM posts WHERE created_at > ?1 AND created_at <= ?2");
  if (!count.ok()) return count.status();
  count->Bind(1, after);
  count->Bind(2, until);
  Result<bool> row = count->Step();
  if (!row.ok()) return row.status();
  return count->ColumnInt(0);
}

}  // namespace

double EngageScore(const std::array<double, kEngageComponentCount>& components) {
  double total = 0;
  for (const EngageComponentSpec& spec : kEngageComponents) total += spec.weight * components[spec.component];
  return total;
}

Result<EngageReport> AnalyseEngage(Workspace& workspace, const EngageOptions& options) {
  if (options.hours <= 0) return InvalidArgument("--hours must be at least 1");
  if (options.hours > 24 * 366) return InvalidArgument("--hours must be at most a year (8784)");
  Result<ProspectContext> context = LoadProspectContext(workspace, options.owner, "engage --owner");
  if (!context.ok()) return context.status();
  Result<DiscussionSubject> subject =
      DiscussionSubject::Create(options.subject, context->audience.config.segmentation, true);
  if (!subject.ok()) return subject.status();
  std::optional<int64_t> reference = options.now ? options.now : context->last_post_at();
  if (!reference) return InvalidArgument("the workspace has no posts to look in; import some first (crowdlens import)");

  const int64_t window = options.hours * 3600;
  EngageReport report{.subject = subject->defined() ? subject->description() : "",
                      .reference_time = *reference,
                      .window_start = *reference - window,
                      .hours = options.hours,
                      .has_target = context->has_target(),
                      .owner = context->accounts().Label(context->owner)};

  // The prospects for the subject, over all time up to the reference.
  Result<ProspectReport> prospects = AnalyseProspects(workspace, *context,
                                                      {.subject = options.subject,
                                                       .half_life = options.half_life,
                                                       .now = *reference,
                                                       .include_competitors = options.include_competitors,
                                                       .default_to_config_topics = true});
  if (!prospects.ok()) return prospects.status();
  std::unordered_map<uint32_t, const Prospect*> ranked_of;
  for (const Prospect& prospect : prospects->ranked) ranked_of[prospect.account] = &prospect;
  std::unordered_map<uint32_t, size_t> prospect_rank;
  std::vector<const Prospect*> kept = prospects->prospects();
  for (size_t index = 0; index < kept.size() && index < options.prospects; ++index) {
    prospect_rank[kept[index]->account] = index + 1;
  }
  report.prospects_considered = prospect_rank.size();

  Result<int64_t> in_window = CountPostsBetween(workspace.db(), report.window_start, *reference);
  if (!in_window.ok()) return in_window.status();
  report.posts_in_window = *in_window;
  Result<std::vector<DiscussionPost>> posts =
      FindDiscussionPosts(workspace.db(), *subject, {.from = report.window_start + 1, .to = *reference + 1});
  if (!posts.ok()) return posts.status();
  report.posts_on_subject = static_cast<int64_t>(posts->size());

  std::unordered_map<uint32_t, AccountStanding> standings;
  std::unordered_map<int64_t, ReactionsReceived> reactions;  // by author key
  for (DiscussionPost& post : *posts) {
    if (post.is_retweet) continue;
    std::optional<uint32_t> account = AccountOf(*context, post.author_key);
    if (!account) continue;
    auto standing = standings.find(*account);
    if (standing == standings.end()) standing = standings.emplace(*account, StandingOf(*context, *account)).first;
    const AccountStanding& author = standing->second;
    if (author.is_owner || author.HasRole("spam")) continue;
    if (!options.include_competitors && (author.HasRole("competitor") || author.HasRole("supplier"))) continue;
    auto rank = prospect_rank.find(*account);
    const bool in_target = report.has_target && author.in_target;
    if (!in_target && rank == prospect_rank.end()) continue;

    EngagePost entry{.account = *account, .standing = author};
    if (rank != prospect_rank.end()) entry.prospect_rank = rank->second;
    auto received = reactions.find(post.author_key);
    if (received == reactions.end()) {
      Result<ReactionsReceived> counted = CountReactionsReceived(workspace.db(), post.author_key);
      if (!counted.ok()) return counted.status();
      received = reactions.emplace(post.author_key, std::move(*counted)).first;
    }
    entry.retweets = ReceivedCount(post.retweet_count, received->second.retweets, post.post_key);
    entry.url = PostLink(post.platform, post.platform_id, post.author_handle);
    entry.components[kEngageRecency] =
        std::clamp(1.0 - static_cast<double>(*reference - post.created_at) / static_cast<double>(window), 0.0, 1.0);
    if (auto ranked = ranked_of.find(*account); ranked != ranked_of.end()) {
      entry.components[kEngageAuthor] = ranked->second->score;
    } else {
      // No post of theirs is on the subject (no subject at all): the score without relevance.
      std::array<double, kProspectComponentCount> parts{};
      parts[kInfluence] = std::clamp(author.influence / 100.0, 0.0, 1.0);
      parts[kFit] = in_target ? 1.0 : 0.0;
      parts[kReach] = ReachComponent(author.follows_owner, author.followed_by_owner_follows);
      entry.components[kEngageAuthor] = ProspectScore(parts, report.has_target);
    }
    entry.post = std::move(post);
    report.posts.push_back(std::move(entry));
  }

  int64_t most_retweets = 0;
  for (const EngagePost& entry : report.posts) most_retweets = std::max(most_retweets, entry.retweets);
  const std::string subject_name = subject->short_name();
  for (EngagePost& entry : report.posts) {
    entry.components[kEngageTraction] =
        most_retweets > 0 ? std::log1p(static_cast<double>(entry.retweets)) / std::log1p(static_cast<double>(most_retweets))
                          : 0;
    entry.score = EngageScore(entry.components);
  }
  std::sort(report.posts.begin(), report.posts.end(), [](const EngagePost& a, const EngagePost& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.post.created_at != b.post.created_at) return a.post.created_at > b.post.created_at;
    return a.post.post_key < b.post.post_key;
  });
  // Each author's best posts only; the others counted on the author's listed posts.
  report.qualified = static_cast<int64_t>(report.posts.size());
  std::unordered_map<uint32_t, size_t> listed, qualified;
  for (const EngagePost& entry : report.posts) ++qualified[entry.account];
  std::vector<EngagePost> listed_posts;
  const size_t per_author = std::max<size_t>(options.per_author, 1);
  for (EngagePost& entry : report.posts) {
    if (listed[entry.account]++ >= per_author) continue;
    entry.more_posts = static_cast<int64_t>(qualified[entry.account] - std::min(qualified[entry.account], per_author));
    listed_posts.push_back(std::move(entry));
  }
  report.posts = std::move(listed_posts);
  for (EngagePost& entry : report.posts) entry.why = Why(entry, report, subject_name);
  return report;
}

}  // namespace crowdlens
