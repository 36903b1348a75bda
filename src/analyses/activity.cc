#include "analyses/activity.h"

#include "core/time.h"

namespace crowdlens {
namespace {

constexpr int64_t kDay = 86400;

std::string Day(int64_t at) { return FormatTimestamp(at).substr(0, 10); }

std::string Counted(int64_t count, const char* singular, const char* plural) {
  return std::to_string(count) + " " + (count == 1 ? singular : plural);
}

Result<int64_t> ParseBound(const std::string& text, const char* option) {
  std::optional<int64_t> at = ParseTimestamp(text);
  if (!at) {
    return InvalidArgument(std::string(option) + " \"" + text +
                           "\" is not a date; write it as 2021-03-01 or 2021-03-01T12:00:00Z");
  }
  return *at;
}

}  // namespace

Result<ActivityPeriod> ResolvePeriod(const WorkspaceActivity& activity, const PeriodRequest& request) {
  const int64_t first = activity.first_post_at.value_or(0);
  // The last post belongs to the period: the window ends just after it.
  const int64_t end = activity.last_post_at.value_or(0) + 1;
  ActivityPeriod period;
  if (request.days) {
    if (!request.since.empty() || !request.until.empty()) {
      return InvalidArgument("--days counts back from the workspace's last post; give it or --since/--until, not both");
    }
    if (*request.days <= 0) return InvalidArgument("--days must be a positive number of days");
    period.window = {.since = end - *request.days * kDay, .until = end};
    period.label = "in the last " + Counted(*request.days, "day", "days") + " (to " + Day(end - 1) + ")";
  } else {
    period.window = {.since = first, .until = end};
    if (!request.since.empty()) {
      Result<int64_t> since = ParseBound(request.since, "--since");
      if (!since.ok()) return since.status();
      period.window.since = *since;
    }
    if (!request.until.empty()) {
      Result<int64_t> until = ParseBound(request.until, "--until");
      if (!until.ok()) return until.status();
      period.window.until = *until;
    }
    if (period.window.since >= period.window.until) {
      return InvalidArgument("the period is empty: --since " + Day(period.window.since) + " is not before --until " +
                             Day(period.window.until));
    }
    if (request.since.empty() && request.until.empty()) {
      period.label =
          "over the workspace's posts (" + Day(period.window.since) + " to " + Day(period.window.until - 1) + ")";
    } else {
      period.label = "from " + Day(period.window.since) + " to " + Day(period.window.until - 1);
    }
  }
  period.days = (period.window.until - period.window.since + kDay - 1) / kDay;
  return period;
}

ActivitySummary SummariseActivity(const WorkspaceActivity& activity, uint32_t account, const ActivityPeriod& period) {
  ActivitySummary summary{.period = period};
  summary.counts = CountInWindow(activity, period.window)[account];
  const InfluenceCounts& counts = summary.counts;
  summary.mix = EngagementMix{.posts = counts.posts,
                              .originals = counts.original_posts,
                              .replies = counts.replies_sent,
                              .retweets = counts.retweets_sent,
                              .days = period.days};
  for (const PostRecord& post : activity.posts) {
    if (post.author == account && !post.is_retweet && post.links_out && period.window.Contains(post.created_at)) {
      ++summary.mix.own_posts_linking_out;
    }
  }
  summary.style = ClassifyEngagement(summary.mix);
  std::string mentions = Counted(counts.mentions_substantive + counts.mentions_courtesy, "mention", "mentions");
  if (counts.mentions_courtesy > 0) mentions += " (" + std::to_string(counts.mentions_courtesy) + " courtesy)";
  summary.sentence = period.label + ": " + Counted(counts.posts, "post", "posts") + ", " + mentions + ", " +
                     Counted(counts.retweets_received + counts.quotes_received, "retweet", "retweets") + ", " +
                     Counted(counts.replies_received, "reply", "replies") + ", " +
                     Counted(counts.new_followers, "new follower", "new followers");
  return summary;
}

}  // namespace crowdlens
