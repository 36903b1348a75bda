#include "analyses/triage.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "analyses/triage_facts.h"

namespace crowdlens {
namespace {

constexpr int64_t kDay = 86400;

// Follow-back score weights (docs/triage.md): points out of 100.
constexpr double kTargetPoints = 40;
constexpr double kPointsPerSharedTopic = 10;
constexpr int64_t kSharedTopicsCounted = 2;
constexpr double kRecencyPoints = 20;
constexpr double kPointsPerEngagement = 5;
constexpr double kEngagementPoints = 20;
constexpr double kSpamPenalty = 40;

std::string Fixed(double value, int digits) {
  char text[32];
  std::snprintf(text, sizeof text, "%.*f", digits, value);
  return text;
}

std::string Joined(const std::vector<std::string>& values) {
  std::string text;
  for (const std::string& value : values) text += (text.empty() ? "" : ", ") + value;
  return text;
}

std::string Plural(int64_t count, const std::string& noun) {
  return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

bool Contains(const std::vector<std::string>& values, const std::string& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

std::string UpperCountry(std::string code) {
  std::transform(code.begin(), code.end(), code.begin(), [](unsigned char c) { return std::toupper(c); });
  return code;
}

// The facts both lists judge by, and the sentences they are told in.
struct Judgement {
  TriageAccount account;
  bool spam = false;
  bool off_topic = false;      // only when the owner has topics
  bool other_country = false;  // only when the target names countries and the account's is known
  bool celebrity = false;
  std::optional<bool> active;  // nullopt: activity unknown
};

class Judge {
 public:
  Judge(const TriageOptions& options, const TriageReport& report, const TriageFacts& facts)
      : options_(options), report_(report), facts_(facts) {}

  Judgement Of(const CrowdMember& member) const {
    Judgement judged;
    TriageAccount& account = judged.account;
    account.account_key = member.account_key;
    account.handle = member.handle;
    account.name = member.name;
    account.in_target = member.in_target;
    account.followers = member.followers;
    bool celebrity_role = false;
    if (const AccountSegments* segments = member.segments) {
      account.country = UpperCountry(segments->country);
      account.spam_score = segments->spam_score;
      for (const SegmentLabel& topic : segments->topics) {
        account.topics.push_back(topic.name);
        if (Contains(report_.owner_topics, topic.name)) account.shared_topics.push_back(topic.name);
      }
      celebrity_role = std::any_of(segments->roles.begin(), segments->roles.end(),
                                   [](const SegmentLabel& role) { return role.name == "celebrity"; });
    }
    const AccountActivity& activity = facts_.Of(member.account_key);
    account.engagements = activity.engagements;
    account.last_post_at = activity.last_post_at;
    if (activity.last_post_at && report_.reference_post_at) {
      // A post after the reference (the owner's last) counts as today's.
      account.days_silent = std::max<int64_t>(0, (*report_.reference_post_at - *activity.last_post_at) / kDay);
      judged.active = *account.days_silent <= options_.inactive_days;
    }
    const bool topics_judged = !report_.owner_topics.empty();
    judged.spam = account.spam_score >= options_.spam_threshold;
    judged.off_topic = topics_judged && account.shared_topics.empty();
    judged.other_country = !report_.target_countries.empty() && !account.country.empty() &&
                           !Contains(report_.target_countries, account.country);
    judged.celebrity = topics_judged && account.shared_topics.empty() &&
                       (celebrity_role || account.followers >= options_.celebrity_followers);
    // Without a target rule, sharing a topic stands for being in the target (everyone, without topics either).
    if (report_.target_rule.empty()) account.in_target = !judged.off_topic;
    return judged;
  }

  std::string Spam(const TriageAccount& account) const {
    return "spam score " + Fixed(account.spam_score, 2) + " (" + Fixed(options_.spam_threshold, 2) +
           " or more is spam)";
  }
  std::string OffTopic(const TriageAccount& account) const {
    if (account.topics.empty()) return "off-topic: no topic found (yours: " + Joined(report_.owner_topics) + ")";
    return "off-topic: about " + Joined(account.topics) + ", none of your topics (" + Joined(report_.owner_topics) +
           ")";
  }
  std::string Inactive(const TriageAccount& account) const {
    return "inactive: last posted " + Plural(*account.days_silent, "day") + " before " + report_.reference +
           " (more than " + std::to_string(options_.inactive_days) + ")";
  }
  std::string Active(const TriageAccount& account) const {
    return "active: last posted " + Plural(*account.days_silent, "day") + " before " + report_.reference;
  }
  static std::string ActivityUnknown() { return "activity unknown: no post of theirs in the workspace"; }
  std::string OtherCountry(const TriageAccount& account) const {
    return "in " + account.country + ", not the target's " + Joined(report_.target_countries);
  }
  std::string Target() const {
    if (!report_.target_rule.empty()) return "in your target audience (" + report_.target_rule + ")";
    if (!report_.owner_topics.empty()) return "no target audience set: shares your topics";
    return "no target audience or topics set to judge by";
  }
  std::string NotTarget() const {
    if (!report_.target_rule.empty()) return "not in your target audience (" + report_.target_rule + ")";
    return "no target audience set and no topic in common";
  }
  static std::string SharedTopics(const TriageAccount& account) {
    return "shares your " + std::string(account.shared_topics.size() == 1 ? "topic " : "topics ") +
           Joined(account.shared_topics);
  }
  static std::string Engaged(const TriageAccount& account) {
    return "replied to, mentioned or retweeted you " + Plural(account.engagements, "time");
  }
  std::string Celebrity(const TriageAccount& account) const {
    return "celebrity outside your topics (" + std::to_string(account.followers) + " followers)";
  }

  const TriageOptions& options() const { return options_; }

 private:
  const TriageOptions& options_;
  const TriageReport& report_;
  const TriageFacts& facts_;
};

FollowBackCandidate JudgeFollower(const Judge& judge, const Judgement& judged) {
  const TriageAccount& account = judged.account;
  FollowBackCandidate candidate{.account = account};
  const bool inactive = judged.active.has_value() && !*judged.active;
  const bool follow = account.in_target && !judged.spam && !judged.off_topic && !judged.other_country && !inactive;
  candidate.advice = follow ? FollowBackAdvice::kFollowBack : FollowBackAdvice::kIgnore;

  std::vector<std::string>& reasons = candidate.reasons;
  // What decides comes first: for an ignore, every rule that fails; then what speaks for the account.
  if (judged.spam) reasons.push_back(judge.Spam(account));
  if (judged.off_topic) reasons.push_back(judge.OffTopic(account));
  if (judged.other_country) reasons.push_back(judge.OtherCountry(account));
  if (!account.in_target) reasons.push_back(judge.NotTarget());
  if (inactive) reasons.push_back(judge.Inactive(account));
  if (account.in_target) reasons.push_back(judge.Target());
  if (judged.active.value_or(false)) reasons.push_back(judge.Active(account));
  if (!judged.active) reasons.push_back(Judge::ActivityUnknown());
  if (!account.shared_topics.empty()) reasons.push_back(Judge::SharedTopics(account));
  if (account.engagements > 0) reasons.push_back(Judge::Engaged(account));

  double score = account.in_target ? kTargetPoints : 0;
  score += kPointsPerSharedTopic *
           static_cast<double>(std::min<int64_t>(kSharedTopicsCounted, std::ssize(account.shared_topics)));
  if (judged.active.value_or(false)) {
    const int64_t window = std::max<int64_t>(1, judge.options().inactive_days);
    score += kRecencyPoints * (1.0 - static_cast<double>(*account.days_silent) / static_cast<double>(window));
  }
  score += std::min(kEngagementPoints, kPointsPerEngagement * static_cast<double>(account.engagements));
  score -= kSpamPenalty * account.spam_score;
  candidate.score = std::round(10.0 * std::clamp(score, 0.0, 100.0)) / 10.0;
  return candidate;
}

UnfollowCandidate JudgeFollow(const Judge& judge, const Judgement& judged, bool follows_back) {
  const TriageAccount& account = judged.account;
  UnfollowCandidate candidate{.account = account, .follows_back = follows_back};
  const int64_t window = std::max<int64_t>(1, judge.options().inactive_days);
  auto fire = [&](UnfollowReason reason, double strength, std::string sentence) {
    candidate.fired.push_back(reason);
    candidate.score += strength;
    candidate.reasons.push_back(std::move(sentence));
  };
  if (judged.spam) fire(UnfollowReason::kSpam, 1.0 + account.spam_score, judge.Spam(account));
  if (judged.active.has_value() && !*judged.active) {
    const double beyond = static_cast<double>(*account.days_silent - window) / static_cast<double>(window);
    fire(UnfollowReason::kInactive, 1.0 + std::min(1.0, beyond), judge.Inactive(account));
  }
  if (judged.off_topic) fire(UnfollowReason::kOffTopic, 1.0, judge.OffTopic(account));
  if (account.engagements == 0) {
    fire(UnfollowReason::kNeverEngages, 1.0, "never replied to, mentioned or retweeted you");
  }
  if (judged.celebrity) fire(UnfollowReason::kCelebrityOffTopic, 1.0, judge.Celebrity(account));
  candidate.score = std::round(100.0 * candidate.score) / 100.0;
  return candidate;
}

}  // namespace

std::string_view FollowBackAdviceName(FollowBackAdvice advice) {
  return advice == FollowBackAdvice::kFollowBack ? "follow_back" : "ignore";
}

std::string_view UnfollowReasonName(UnfollowReason reason) {
  switch (reason) {
    case UnfollowReason::kSpam:
      return "spam";
    case UnfollowReason::kInactive:
      return "inactive";
    case UnfollowReason::kOffTopic:
      return "off_topic";
    case UnfollowReason::kNeverEngages:
      return "never_engages";
    case UnfollowReason::kCelebrityOffTopic:
      return "celebrity_off_topic";
  }
  return "";
}

Result<TriageReport> AnalyseTriage(Workspace& workspace, const TriageOptions& options, const SegmentMap& segments,
                                   const AudienceRule* target) {
  if (options.inactive_days <= 0) {
    return InvalidArgument("--inactive-days must be a positive number of days, not " +
                           std::to_string(options.inactive_days));
  }
  Result<AudienceReport> crowd = AnalyseAudience(workspace, {.account_key = options.account_key}, segments, target);
  if (!crowd.ok()) return crowd.status();
  Result<TriageFacts> facts = LoadTriageFacts(workspace.db(), options.account_key);
  if (!facts.ok()) return facts.status();

  TriageReport report{.owner_handle = crowd->owner_handle,
                      .target_rule = crowd->target_rule,
                      .followers = crowd->followers,
                      .follows = crowd->follows};
  // Activity is measured back from the owner's newest post (else the crowd's), not from today (an
  // archive gives the same answer whenever it is read) nor from the workspace's (another data set
  // of another year in the same workspace would make everyone look inactive).
  report.reference_post_at = facts->Of(options.account_key).last_post_at;
  report.reference = "your newest post";
  if (!report.reference_post_at) {
    report.reference = "your crowd's newest post";
    for (const CrowdMember& member : crowd->members) {
      if (std::optional<int64_t> last = facts->Of(member.account_key).last_post_at) {
        report.reference_post_at = std::max(report.reference_post_at.value_or(*last), *last);
      }
    }
  }
  if (target != nullptr) report.target_countries = target->Countries();
  if (auto owner = segments.find(options.account_key); owner != segments.end()) {
    for (const SegmentLabel& topic : owner->second.topics) report.owner_topics.push_back(topic.name);
  }

  const Judge judge(options, report, *facts);
  for (const CrowdMember& member : crowd->members) {
    if (!member.follower && !member.followed) continue;
    const Judgement judged = judge.Of(member);
    if (member.follower && !member.followed) report.follow_back.push_back(JudgeFollower(judge, judged));
    if (member.followed) {
      UnfollowCandidate candidate = JudgeFollow(judge, judged, member.follower);
      if (!candidate.fired.empty()) report.unfollow.push_back(std::move(candidate));
    }
  }
  std::sort(report.follow_back.begin(), report.follow_back.end(),
            [](const FollowBackCandidate& a, const FollowBackCandidate& b) {
              if (a.advice != b.advice) return a.advice == FollowBackAdvice::kFollowBack;
              if (a.score != b.score) return a.score > b.score;
              return a.account.handle < b.account.handle;
            });
  std::sort(report.unfollow.begin(), report.unfollow.end(), [](const UnfollowCandidate& a, const UnfollowCandidate& b) {
    if (a.fired.size() != b.fired.size()) return a.fired.size() > b.fired.size();
    if (a.score != b.score) return a.score > b.score;
    return a.account.handle < b.account.handle;
  });
  return report;
}

}  // namespace crowdlens
