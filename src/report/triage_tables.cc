#include "report/triage_tables.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "analyses/audience_inputs.h"
#include "analyses/triage.h"
#include "core/time.h"
#include "store/account_lookup.h"

namespace crowdlens {
namespace {

std::string Joined(const std::vector<std::string>& values, const char* separator = ", ") {
  std::string text;
  for (const std::string& value : values) text += (text.empty() ? "" : separator) + value;
  return text;
}

Cell Day(const std::optional<int64_t>& at) { return at ? Cell{FormatTimestamp(*at).substr(0, 10)} : Cell{}; }

Cell Optional(const std::optional<int64_t>& value) { return value ? Cell{*value} : Cell{}; }

double Round2(double value) { return std::round(100.0 * value) / 100.0; }

std::string Shown(size_t shown, size_t total) {
  return shown == total ? std::to_string(total) : "top " + std::to_string(shown) + " of " + std::to_string(total);
}

}  // namespace

Result<std::vector<Table>> TriageTables(Workspace& workspace, const TriageRequest& request) {
  if (request.inactive_days <= 0) {
    return InvalidArgument("--inactive-days must be a positive number of days, not " +
                           std::to_string(request.inactive_days));
  }
  if (request.celebrity_followers && *request.celebrity_followers <= 0) {
    return InvalidArgument("--celebrity-followers must be a positive follower count, not " +
                           std::to_string(*request.celebrity_followers));
  }
  Result<AudienceInputs> inputs = LoadAudienceInputs(workspace, {.refresh = request.refresh});
  if (!inputs.ok()) return inputs.status();
  Result<int64_t> owner = AccountOrOwner(workspace.db(), inputs->config, request.handle, "triage");
  if (!owner.ok()) return owner.status();
  const SegmentConfig& segmentation = inputs->config.segmentation;
  const TriageOptions options{
      .account_key = *owner,
      .inactive_days = request.inactive_days,
      .celebrity_followers = request.celebrity_followers.value_or(segmentation.roles.celebrity_min_followers),
      .spam_threshold = segmentation.spam_threshold};
  Result<TriageReport> report = AnalyseTriage(workspace, options, inputs->segments, inputs->target());
  if (!report.ok()) return report.status();

  const int64_t recommended = std::count_if(
      report->follow_back.begin(), report->follow_back.end(),
      [](const FollowBackCandidate& candidate) { return candidate.advice == FollowBackAdvice::kFollowBack; });
  Table summary{
      .name = "triage",
      .title = "Follow-back and unfollow triage for @" + report->owner_handle +
               " (a list to read; nothing is done to any account)",
      .columns = {"owner", "followers", "follows", "followers_not_followed_back", "follow_back", "ignore",
                  "unfollow_candidates", "target_rule", "target_countries", "owner_topics", "activity_reference",
                  "reference_post", "inactive_days", "spam_threshold", "celebrity_followers"},
      .single_record = true};
  summary.rows.push_back(
      {report->owner_handle, report->followers, report->follows, static_cast<int64_t>(report->follow_back.size()),
       recommended, static_cast<int64_t>(report->follow_back.size()) - recommended,
       static_cast<int64_t>(report->unfollow.size()), report->target_rule, Joined(report->target_countries),
       Joined(report->owner_topics), report->reference, Day(report->reference_post_at), options.inactive_days,
       options.spam_threshold, options.celebrity_followers});

  const size_t top = request.top == 0 ? SIZE_MAX : request.top;
  const size_t follow_back_shown = std::min(top, report->follow_back.size());
  Table follow_back{.name = "follow_back",
                    .title = "Followers you do not follow back (" +
                             Shown(follow_back_shown, report->follow_back.size()) +
                             "): follow_back first, by score (0-100)",
                    .columns = {"rank", "handle", "name", "recommendation", "in_target", "country", "shared_topics",
                                "last_post", "days_silent", "engagements", "spam_score", "followers", "score", "why"}};
  for (size_t position = 0; position < follow_back_shown; ++position) {
    const FollowBackCandidate& candidate = report->follow_back[position];
    const TriageAccount& account = candidate.account;
    follow_back.rows.push_back({static_cast<int64_t>(position + 1), account.handle, account.name,
                                std::string(FollowBackAdviceName(candidate.advice)), account.in_target, account.country,
                                Joined(account.shared_topics), Day(account.last_post_at), Optional(account.days_silent),
                                account.engagements, Round2(account.spam_score), account.followers, candidate.score,
                                Joined(candidate.reasons, "; ")});
  }

  const size_t unfollow_shown = std::min(top, report->unfollow.size());
  Table unfollow{.name = "unfollow",
                 .title = "Follows you may drop (" + Shown(unfollow_shown, report->unfollow.size()) + " of " +
                          std::to_string(report->follows) + " follows): most reasons first, then strength",
                 .columns = {"rank", "handle", "name", "reason_count", "reasons", "follows_back", "last_post",
                             "days_silent", "engagements", "spam_score", "followers", "score", "why"}};
  for (size_t position = 0; position < unfollow_shown; ++position) {
    const UnfollowCandidate& candidate = report->unfollow[position];
    const TriageAccount& account = candidate.account;
    std::vector<std::string> names;
    for (UnfollowReason reason : candidate.fired) names.emplace_back(UnfollowReasonName(reason));
    unfollow.rows.push_back({static_cast<int64_t>(position + 1), account.handle, account.name,
                             static_cast<int64_t>(candidate.fired.size()), Joined(names), candidate.follows_back,
                             Day(account.last_post_at), Optional(account.days_silent), account.engagements,
                             Round2(account.spam_score), account.followers, candidate.score,
                             Joined(candidate.reasons, "; ")});
  }
  return std::vector<Table>{summary, follow_back, unfollow};
}

}  // namespace crowdlens
