// The content mix of one account: each of its posts classified as
// interaction, content or promotion (analyses/mix_classifier.h), with what
// each post drew, and the month-by-month mix against the practitioners'
// one-third target.
//
// What a post drew: retweets and replies received, each the larger of the
// platform's stored figure (retweet_count, reply_count) and what the
// workspace holds (retweets of the post and replies to it by other accounts);
// the same rule `crowdlens influence` counts by. The account's own retweets
// are classified but draw nothing of their own: what they draw is the original's.
//
//   Result<MixReport> report = AnalyseMix(workspace.db(), {.account_key = owner, .own_domains = {"acme.com"}});
//   std::vector<MixMonth> months = MonthlyMix(report->posts);
//   months.front().counts[0];  // interaction posts in the first month
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "analyses/mix_classifier.h"
#include "core/status.h"
#include "store/sqlite.h"

namespace crowdlens {

// The target share of each class under the rule of thirds.
inline constexpr double kMixTargetShare = 1.0 / 3.0;

struct MixOptions {
  int64_t account_key = 0;
  std::vector<std::string> own_domains;  // [mix] own_domains, besides the profile URL's site
  int64_t since = 0;                     // posts at or after (Unix seconds); 0: from the first
  int64_t until = 0;                     // posts before; 0: to the last
};

// One post of the account, classified, with what it drew.
struct MixPost {
  int64_t post_key = 0;
  std::string platform_id;
  int64_t created_at = 0;
  std::string text;
  bool is_retweet = false;
  MixVerdict verdict;
  std::optional<int64_t> stored_retweets;  // the platform's retweet_count, when the source had it
  std::optional<int64_t> stored_replies;   // the platform's reply_count
  int64_t observed_retweets = 0;           // retweets of it by other accounts held in the workspace
  int64_t observed_replies = 0;            // replies to it by other accounts held in the workspace
  int64_t retweets_received = 0;           // max(stored, observed); 0 for the account's own retweets
  int64_t replies_received = 0;
};

struct MixReport {
  std::string handle;
  std::string profile_url;
  MixSites sites;              // the own sites the classifier used
  std::vector<MixPost> posts;  // oldest first
};

// Reads and classifies the account's posts in the period.
Result<MixReport> AnalyseMix(Database& db, const MixOptions& options);

// One calendar month (UTC) of the mix.
struct MixMonth {
  std::string month;  // "2023-01"; "all" for the total
  int64_t posts = 0;
  std::array<int64_t, kMixClassCount> counts{};  // by MixClass

  double Share(MixClass mix_class) const;
  // Share minus the one-third target: +0.2 means 20 points over a third.
  double Deviation(MixClass mix_class) const { return Share(mix_class) - kMixTargetShare; }
};

// Months with posts, oldest first, then the total over all of them (month "all").
std::vector<MixMonth> MonthlyMix(std::span<const MixPost> posts);

}  // namespace crowdlens
