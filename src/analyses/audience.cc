#include "analyses/audience.h"

#include <algorithm>
#include <ctime>
#include <functional>
#include <map>
#include <set>

namespace crowdlens {
namespace {

constexpr int64_t kDay = 86400;

struct FollowRow {
  int64_t other = 0;
  int64_t first_seen = 0;
  int64_t last_seen = 0;
  std::optional<int64_t> ended_at;
};

}  // namespace

int64_t PeriodStart(int64_t time, GrowthPeriod period) {
  int64_t day = time >= 0 ? time / kDay : (time - kDay + 1) / kDay;
  switch (period) {
    case GrowthPeriod::kDay: return day * kDay;
    case GrowthPeriod::kWeek: {
      // 1970-01-01 was a Thursday: Monday-based weekday = (day + 3) mod 7.
      int64_t weekday = ((day + 3) % 7 + 7) % 7;
      return (day - weekday) * kDay;
    }
    case GrowthPeriod::kMonth: {
      std::time_t seconds = static_cast<std::time_t>(time);
      std::tm parts{};
      gmtime_r(&seconds, &parts);
      parts.tm_mday = 1;
      parts.tm_hour = parts.tm_min = parts.tm_sec = 0;
      return static_cast<int64_t>(timegm(&parts));
    }
  }
  return time;
}

Result<AudienceReport> AnalyseAudience(Workspace& workspace, const AudienceOptions& options, const SegmentMap& segments,
                                       const AudienceRule* target) {
  Database& db = workspace.db();
  AudienceReport report;
  if (target != nullptr) report.target_rule = target->text();
  Result<Statement> owner = db.Prepare("SELECT coalesce(handle, platform_id) FROM accounts WHERE account_key = ?");
  if (!owner.ok()) return owner.status();
  owner->Bind(1, options.account_key);
  Result<bool> found = owner->Step();
  if (!found.ok()) return found.status();
  if (!*found) return NotFound("no account with key " + std::to_string(options.account_key));
  report.owner_handle = owner->ColumnText(0);

  // Every follow edge touching the owner, current or ended.
  std::vector<FollowRow> incoming;
  std::vector<FollowRow> outgoing;
  auto read_edge = [](std::vector<FollowRow>& into) {
    return [&into](const Statement& row) {
      into.push_back({.other = row.ColumnInt(0), .first_seen = row.ColumnInt(1), .last_seen = row.ColumnInt(2),
                      .ended_at = row.ColumnIsNull(3) ? std::nullopt : std::optional<int64_t>(row.ColumnInt(3))});
    };
  };
  CROWDLENS_RETURN_IF_ERROR(ForEachRow(
      db, "SELECT follower_key, first_seen, last_seen, ended_at FROM follows WHERE followee_key = ?1 AND follower_key <> ?1",
      options.account_key, read_edge(incoming)));
  CROWDLENS_RETURN_IF_ERROR(ForEachRow(
      db, "SELECT followee_key, first_seen, last_seen, ended_at FROM follows WHERE follower_key = ?1 AND followee_key <> ?1",
      options.account_key, read_edge(outgoing)));

  // The crowd: current followers and follows.
  std::map<int64_t, CrowdMember> crowd;
  for (const FollowRow& edge : incoming) {
    if (!edge.ended_at) crowd[edge.other].follower = true;
  }
  for (const FollowRow& edge : outgoing) {
    if (!edge.ended_at) crowd[edge.other].followed = true;
  }
  // Profiles of the crowd and of everyone who left.
  std::set<int64_t> wanted;
  for (const auto& [key, member] : crowd) wanted.insert(key);
  for (const FollowRow& edge : incoming) wanted.insert(edge.other);
  std::map<int64_t, CrowdMember> profiles;
  {
    Result<Statement> profile = db.Prepare(
        "SELECT coalesce(handle, 'id:' || platform_id), coalesce(name, ''), coalesce(followers_count, 0), "
        "coalesce(following_count, 0), (SELECT count(*) FROM posts WHERE author_key = ?1) FROM accounts "
        "WHERE account_key = ?1");
    if (!profile.ok()) return profile.status();
    for (int64_t key : wanted) {
      profile->Reset();
      profile->Bind(1, key);
      Result<bool> row = profile->Step();
      if (!row.ok()) return row.status();
      CrowdMember member{.account_key = key};
      if (*row) {
        member.handle = profile->ColumnText(0);
        member.name = profile->ColumnText(1);
        member.followers = profile->ColumnInt(2);
        member.following = profile->ColumnInt(3);
        member.posts = profile->ColumnInt(4);
      }
      auto segment = segments.find(key);
      member.segments = segment == segments.end() ? nullptr : &segment->second;
      if (target != nullptr) {
        member.in_target = target->Matches({.segments = member.segments, .followers = member.followers,
                                            .following = member.following, .posts = member.posts});
      }
      profiles[key] = member;
    }
  }

  std::map<std::pair<std::string, std::string>, SegmentCount> cells;
  auto count_cell = [&](const std::string& kind, const std::string& value, const CrowdMember& member) {
    SegmentCount& cell = cells[{kind, value}];
    cell.kind = kind;
    cell.value = value;
    if (member.follower) ++cell.followers;
    if (member.followed) ++cell.follows;
    if (member.follower && member.in_target) ++cell.target_followers;
  };
  for (auto& [key, relation] : crowd) {
    CrowdMember member = profiles[key];
    member.follower = relation.follower;
    member.followed = relation.followed;
    report.followers += member.follower;
    report.follows += member.followed;
    report.mutual += member.follower && member.followed;
    report.followers_not_followed_back += member.follower && !member.followed;
    report.follows_not_following_back += member.followed && !member.follower;
    report.target_followers += member.follower && member.in_target;
    report.target_follows += member.followed && member.in_target;
    const AccountSegments* known = member.segments;
    if (member.follower && known != nullptr &&
        (!known->country.empty() || !known->topics.empty() || !known->roles.empty())) {
      ++report.classified_followers;
    }
    count_cell("country", known != nullptr && !known->country.empty() ? known->country : "(unknown)", member);
    if (known != nullptr) {
      for (const SegmentLabel& topic : known->topics) count_cell("topic", topic.name, member);
      for (const SegmentLabel& role : known->roles) count_cell("role", role.name, member);
    }
    report.members.push_back(member);
  }
  std::sort(report.members.begin(), report.members.end(),
            [](const CrowdMember& a, const CrowdMember& b) { return a.handle < b.handle; });
  for (auto& [key, cell] : cells) report.breakdown.push_back(cell);
  std::stable_sort(report.breakdown.begin(), report.breakdown.end(), [](const SegmentCount& a, const SegmentCount& b) {
    if (a.kind != b.kind) return a.kind < b.kind;
    return a.followers > b.followers;
  });

  // Growth: the first list is the baseline; arrivals after it are new followers.
  if (!incoming.empty()) {
    report.baseline_at = incoming.front().first_seen;
    for (const FollowRow& edge : incoming) report.baseline_at = std::min(report.baseline_at, edge.first_seen);
  }
  std::map<int64_t, GrowthRow> periods;
  for (const FollowRow& edge : incoming) {
    const CrowdMember& member = profiles[edge.other];
    if (edge.first_seen > report.baseline_at) {
      GrowthRow& row = periods[PeriodStart(edge.first_seen, options.period)];
      ++row.new_followers;
      row.new_target_followers += member.in_target;
    }
    if (edge.ended_at) {
      GrowthRow& row = periods[PeriodStart(*edge.ended_at, options.period)];
      ++row.unfollowers;
      row.lost_target_followers += member.in_target;
      report.unfollows.push_back({.account_key = edge.other, .handle = member.handle, .name = member.name,
                                  .followed_since = edge.first_seen, .last_seen = edge.last_seen,
                                  .ended_at = *edge.ended_at, .in_target = member.in_target});
    }
  }
  for (auto& [start, row] : periods) {
    row.period_start = start;
    report.growth.push_back(row);
  }
  std::sort(report.unfollows.begin(), report.unfollows.end(), [](const Unfollow& a, const Unfollow& b) {
    return a.ended_at != b.ended_at ? a.ended_at > b.ended_at : a.handle < b.handle;
  });
  return report;
}

}  // namespace crowdlens
