// Follow-back and unfollow triage: which followers the owner might follow
// back, and which of the accounts it follows it might drop, each with the
// reasons. A list to read, never an action on anyone's account.
//
// Follow back a follower the owner does not follow when it is in the target
// audience, active (posted within `inactive_days` of the owner's newest post,
// else its crowd's) and not spam; ignore it when it is spam, off-topic (no topic in common
// with the owner's), in another country than the target names, outside the
// target or inactive. Drop candidates among the follows are inactive, spam,
// off-topic, never engage with the owner, or are celebrities outside the
// owner's topics. Every rule, weight and default is in docs/triage.md.
//
//   Result<AudienceInputs> inputs = LoadAudienceInputs(workspace, {});
//   Result<TriageReport> report = AnalyseTriage(workspace, {.account_key = owner}, inputs->segments,
//                                               inputs->target());
//   report->follow_back.front().advice;   // FollowBackAdvice::kFollowBack
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyses/audience.h"
#include "analyses/audience_rule.h"
#include "core/status.h"
#include "store/workspace.h"

namespace crowdlens {

struct TriageOptions {
  int64_t account_key = 0;               // whose crowd
  int64_t inactive_days = 90;            // silent longer than this before the reference post: inactive
  int64_t celebrity_followers = 100000;  // this many followers or more makes a celebrity ([roles] default)
  double spam_threshold = 0.5;           // spam score from which an account counts as spam ([roles] default)
};

enum class FollowBackAdvice { kFollowBack, kIgnore };
std::string_view FollowBackAdviceName(FollowBackAdvice advice);  // "follow_back", "ignore"

// What is known of one account on either list.
struct TriageAccount {
  int64_t account_key = 0;
  std::string handle;
  std::string name;
  std::string country;                     // empty when unknown
  std::vector<std::string> topics;         // the account's topics
  std::vector<std::string> shared_topics;  // those among the owner's
  bool in_target = false;
  std::optional<int64_t> last_post_at;  // nullopt: activity unknown
  std::optional<int64_t> days_silent;   // whole days from its last post to the reference post
  double spam_score = 0;
  int64_t engagements = 0;  // replies, mentions, retweets and quotes of the owner
  int64_t followers = 0;    // from the profile
};

struct FollowBackCandidate {
  TriageAccount account;
  FollowBackAdvice advice = FollowBackAdvice::kIgnore;
  double score = 0;                  // 0-100, docs/triage.md
  std::vector<std::string> reasons;  // decisive ones first
};

enum class UnfollowReason { kSpam, kInactive, kOffTopic, kNeverEngages, kCelebrityOffTopic };
inline constexpr std::array kUnfollowReasons = {UnfollowReason::kSpam, UnfollowReason::kInactive,
                                                UnfollowReason::kOffTopic, UnfollowReason::kNeverEngages,
                                                UnfollowReason::kCelebrityOffTopic};
std::string_view UnfollowReasonName(UnfollowReason reason);  // "spam", "inactive", ...

struct UnfollowCandidate {
  TriageAccount account;
  bool follows_back = false;          // the account follows the owner too
  std::vector<UnfollowReason> fired;  // in kUnfollowReasons order
  double score = 0;                   // sum of each reason's strength (1-2), docs/triage.md
  std::vector<std::string> reasons;   // one sentence per fired reason, same order
};

struct TriageReport {
  std::string owner_handle;
  std::string target_rule;                    // empty when the config sets none
  std::vector<std::string> target_countries;  // countries the target rule asks for
  std::vector<std::string> owner_topics;      // empty: the topic rules cannot be judged and are skipped
  // What activity is measured back from: the owner's newest post, else the newest post of its
  // current followers and follows; nullopt when none of them posted.
  std::optional<int64_t> reference_post_at;
  std::string reference;  // "your newest post" or "your crowd's newest post"
  int64_t followers = 0;
  int64_t follows = 0;
  std::vector<FollowBackCandidate> follow_back;  // every follower not followed back, follow_back first
  std::vector<UnfollowCandidate> unfollow;       // every follow with at least one reason, strongest first
};

// `target` may be null (no target audience defined); `segments` must outlive nothing (copied out).
Result<TriageReport> AnalyseTriage(Workspace& workspace, const TriageOptions& options, const SegmentMap& segments,
                                   const AudienceRule* target);

}  // namespace crowdlens
