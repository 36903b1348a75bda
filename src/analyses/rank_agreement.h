// Rank agreement: do two ways of ranking accounts (by followers, PageRank,
// retweets received, mentions received) agree? Cha, Haddadi, Benevenuto and
// Gummadi ("Measuring User Influence in Twitter: The Million Follower
// Fallacy", ICWSM 2010) found that they do not; this file shows it on the
// workspace's own accounts.
//
// Agreement is Spearman's rank correlation computed as the Pearson
// correlation of average ranks, which is exact with ties (the shortcut
// 1 - 6 sum d^2 / (n (n^2 - 1)) is not). Disagreements are the accounts in
// the top k of one measure whose normalised position under another lies
// furthest below.
//
//   std::vector<double> ranks = AverageRanks(std::vector<double>{10, 20, 20, 5});  // {2, 3.5, 3.5, 1}
//   std::optional<double> rho = SpearmanRho(followers, retweets);
//   RankAgreement agreement = CompareRankings(measures, {.top_k = 20});
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace crowdlens {

// 1-based ranks in ascending order of value; tied values share the mean of
// the ranks they span.
std::vector<double> AverageRanks(std::span<const double> values);

// Spearman's rho of two equally long series (ties by average ranks); nullopt
// when fewer than two values or when either series is constant.
std::optional<double> SpearmanRho(std::span<const double> first, std::span<const double> second);

// One way of ranking the same accounts. values[i] is account i's value;
// defined[i] false means the measure knows nothing of account i (it is left
// out of every pair involving this measure).
struct RankingMeasure {
  std::string name;
  std::vector<double> values;
  std::vector<bool> defined;
};

struct RankAgreementOptions {
  size_t top_k = 20;               // size of the top lists whose overlap is reported
  size_t disagreement_count = 10;  // accounts listed as top disagreements
};

struct PairAgreement {
  std::string first;
  std::string second;
  size_t accounts = 0;        // defined under both measures
  std::optional<double> rho;  // Spearman's rho over those accounts
  size_t top_overlap = 0;     // accounts in both top-k lists (ties broken by account index)
  size_t top_k = 0;           // min(top_k, accounts)
};

struct Disagreement {
  size_t account = 0;        // index into the measures' vectors
  std::string high_measure;  // the measure that ranks the account highest
  std::string low_measure;
  double high_percentile = 0;  // 100 * average rank / n under the high measure
  double low_percentile = 0;
  double high_value = 0;
  double low_value = 0;
};

struct RankAgreement {
  std::vector<PairAgreement> pairs;         // every pair of measures, in the order given
  std::vector<Disagreement> disagreements;  // largest percentile gap first
};

// Compares every pair of measures (all of the same length). An account's
// disagreement is its largest percentile gap over the pairs where both
// measures are defined and it is in the top k of the measure that ranks it
// higher; ties are broken by account index.
RankAgreement CompareRankings(const std::vector<RankingMeasure>& measures, const RankAgreementOptions& options);

}  // namespace crowdlens
