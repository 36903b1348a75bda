#include "report/audience_tables.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "analyses/audience_inputs.h"
#include "core/time.h"
#include "store/account_lookup.h"

namespace crowdlens {
namespace {

std::string Labels(const std::vector<SegmentLabel>& labels) {
  std::string text;
  for (const SegmentLabel& label : labels) text += (text.empty() ? "" : ", ") + label.name;
  return text;
}

double Share(int64_t part, int64_t whole) {
  return whole == 0 ? 0.0 : std::round(1000.0 * static_cast<double>(part) / static_cast<double>(whole)) / 1000.0;
}

}  // namespace

Result<std::vector<Table>> AudienceTables(Workspace& workspace, const AudienceRequest& arguments) {
  if (arguments.period != "day" && arguments.period != "week" && arguments.period != "month") {
    return InvalidArgument("--period must be day, week or month, not \"" + arguments.period + "\"");
  }
  GrowthPeriod period = arguments.period == "day"     ? GrowthPeriod::kDay
                        : arguments.period == "month" ? GrowthPeriod::kMonth
                                                      : GrowthPeriod::kWeek;
  Result<AudienceInputs> inputs = LoadAudienceInputs(workspace, {.refresh = arguments.refresh});
  if (!inputs.ok()) return inputs.status();
  Result<int64_t> owner = AccountOrOwner(workspace.db(), inputs->config, arguments.handle, "audience");
  if (!owner.ok()) return owner.status();

  const std::map<std::string, AudienceRule>& named = inputs->rules.named;
  std::optional<AudienceRule> listed;
  if (!arguments.segment.empty()) {
    if (arguments.segment == "target") {
      if (!inputs->target()) return InvalidArgument("--segment target: no [audience] target is set in crowdlens.toml");
      listed = *inputs->target();
    } else if (auto found = named.find(arguments.segment); found != named.end()) {
      listed = found->second;
    } else {
      Result<AudienceRule> parsed = AudienceRule::Parse(arguments.segment, named);
      if (!parsed.ok()) return parsed.status().WithContext("--segment");
      listed = std::move(*parsed);
    }
  }

  Result<AudienceReport> report =
      AnalyseAudience(workspace, {.account_key = *owner, .period = period}, inputs->segments, inputs->target());
  if (!report.ok()) return report.status();

  if (listed) {
    Table members{.name = "members", .title = "Members of " + listed->text(),
                  .columns = {"handle", "name", "relation", "country", "topics", "roles", "in_target", "followers"}};
    for (const CrowdMember& member : report->members) {
      if (!listed->Matches({.segments = member.segments, .followers = member.followers,
                            .following = member.following, .posts = member.posts})) {
        continue;
      }
      const AccountSegments* known = member.segments;
      members.rows.push_back({member.handle, member.name,
                              std::string(member.follower && member.followed ? "mutual"
                                          : member.follower                  ? "follower"
                                                                             : "followed"),
                              known != nullptr ? known->country : std::string(),
                              known != nullptr ? Labels(known->topics) : std::string(),
                              known != nullptr ? Labels(known->roles) : std::string(), member.in_target,
                              member.followers});
    }
    return std::vector<Table>{members};
  }

  Table summary{.name = "audience", .title = "Audience of @" + report->owner_handle,
                .columns = {"followers", "follows", "mutual", "followers_not_followed_back",
                            "follows_not_following_back", "classified_followers", "target_rule", "target_followers",
                            "target_share", "target_follows"},
                .single_record = true};
  summary.rows.push_back({report->followers, report->follows, report->mutual, report->followers_not_followed_back,
                          report->follows_not_following_back, report->classified_followers,
                          report->target_rule.empty() ? std::string("(none: set [audience] target in crowdlens.toml)")
                                                      : report->target_rule,
                          report->target_followers, Share(report->target_followers, report->followers),
                          report->target_follows});

  Table breakdown{.name = "segments", .title = "Followers and follows by segment",
                  .columns = {"kind", "segment", "followers", "share_of_followers", "follows", "target_followers"}};
  std::map<std::string, size_t> shown;
  for (const SegmentCount& cell : report->breakdown) {
    if (arguments.top > 0 && shown[cell.kind]++ >= arguments.top) continue;
    breakdown.rows.push_back({cell.kind, cell.value, cell.followers, Share(cell.followers, report->followers),
                              cell.follows, cell.target_followers});
  }

  Table growth{.name = "growth", .title = "Growth after the first follower list (" + FormatTimestamp(report->baseline_at) + ")",
               .columns = {"period", "new_followers", "unfollowers", "net", "new_target", "lost_target"}};
  for (const GrowthRow& row : report->growth) {
    growth.rows.push_back({FormatTimestamp(row.period_start).substr(0, 10), row.new_followers, row.unfollowers,
                           row.new_followers - row.unfollowers, row.new_target_followers, row.lost_target_followers});
  }

  Table unfollows{.name = "unfollows", .title = "Who unfollowed (newest first)",
                  .columns = {"handle", "name", "following_since", "last_seen_following", "gone_by", "in_target"}};
  for (size_t index = 0; index < report->unfollows.size(); ++index) {
    if (arguments.unfollows > 0 && index >= arguments.unfollows) break;
    const Unfollow& gone = report->unfollows[index];
    unfollows.rows.push_back({gone.handle, gone.name, FormatTimestamp(gone.followed_since),
                              FormatTimestamp(gone.last_seen), FormatTimestamp(gone.ended_at), gone.in_target});
  }
  return std::vector<Table>{summary, breakdown, growth, unfollows};
}


}  // namespace crowdlens
