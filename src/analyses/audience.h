// The owner's crowd by segment: followers and follows by country, topic and
// role; the target audience's size and share; who does not follow back; and,
// from successive follower lists, who came and who went.
//
//   AudienceReport report = *AnalyseAudience(workspace, {.account_key = owner}, segments, &target_rule);
//   report.target_followers;   // followers matching the config's [audience] target
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "analyses/audience_rule.h"
#include "analyses/segments.h"
#include "core/status.h"
#include "store/workspace.h"

namespace crowdlens {

// Segments by account_key; an account missing from the map has none known.
using SegmentMap = std::unordered_map<int64_t, AccountSegments>;

enum class GrowthPeriod { kDay, kWeek, kMonth };

struct AudienceOptions {
  int64_t account_key = 0;  // whose crowd
  GrowthPeriod period = GrowthPeriod::kWeek;
};

// One account of the crowd, with how it relates to the owner.
struct CrowdMember {
  int64_t account_key = 0;
  std::string handle;
  std::string name;
  bool follower = false;   // follows the owner
  bool followed = false;   // the owner follows it
  bool in_target = false;
  int64_t followers = 0;
  int64_t following = 0;
  int64_t posts = 0;
  const AccountSegments* segments = nullptr;  // null when none are known
};

// One row of a breakdown: a country, topic or role, and how many of each side have it.
struct SegmentCount {
  std::string kind;   // "country", "topic", "role"
  std::string value;  // "GB", "(unknown)", "contact-centres"
  int64_t followers = 0;
  int64_t follows = 0;
  int64_t target_followers = 0;
};

struct GrowthRow {
  int64_t period_start = 0;  // Unix seconds, start of the day/week/month (UTC)
  int64_t new_followers = 0;
  int64_t unfollowers = 0;
  int64_t new_target_followers = 0;
  int64_t lost_target_followers = 0;
};

struct Unfollow {
  int64_t account_key = 0;
  std::string handle;
  std::string name;
  int64_t followed_since = 0;  // first seen following
  int64_t last_seen = 0;       // last list that had them
  int64_t ended_at = 0;        // first list without them
  bool in_target = false;
};

struct AudienceReport {
  std::string owner_handle;
  std::string target_rule;  // empty when the config defines none
  int64_t followers = 0;
  int64_t follows = 0;
  int64_t mutual = 0;
  int64_t followers_not_followed_back = 0;
  int64_t follows_not_following_back = 0;
  int64_t target_followers = 0;
  int64_t target_follows = 0;
  int64_t classified_followers = 0;  // followers with any segment known
  int64_t baseline_at = 0;           // the first follower list; growth counts from after it
  std::vector<CrowdMember> members;  // followers and follows, by handle
  std::vector<SegmentCount> breakdown;
  std::vector<GrowthRow> growth;
  std::vector<Unfollow> unfollows;   // newest first
};

// `target` may be null (no target audience defined).
Result<AudienceReport> AnalyseAudience(Workspace& workspace, const AudienceOptions& options, const SegmentMap& segments,
                                       const AudienceRule* target);

// Start of the period holding `time` (UTC; weeks start on Monday).
int64_t PeriodStart(int64_t time, GrowthPeriod period);

}  // namespace crowdlens
