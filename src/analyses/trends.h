// Trends: what burst in a period, who rose with it, and what set each year
// of a recurring event apart.
//
// - Bursts: every hashtag and content term (text/tokens.h) counted per time
//   bin; Kleinberg's automaton (bursts.h) on its share of the bin's posts
//   gives the bursts, strongest first, each with the peak of the baseline
//   trailing z-score over the same bins for comparison.
// - Rising voices: for the strongest bursting hashtags, the authors whose
//   share of that topic's posts bursts (the same automaton over the topic's
//   posts), flagged new when they had not posted on the topic before.
// - Distinctive terms: for a recurring tag, each year's (or month's) terms
//   against the other periods' by log-odds with an informative Dirichlet
//   prior (trends_log_odds.h): "the hot topic this year was the cloud".
//
// Bins with no post at all are left out: they carry no information and
// would make hourly bins over years unbounded.
//
//   Result<TrendsReport> report = Trends(db, {.bin = TimeBin::kHour});
//   for (const TrendBurst& burst : report->bursts) ... burst.item, burst.start, burst.strength ...
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analyses/bursts.h"
#include "analyses/trends_bins.h"
#include "core/status.h"
#include "store/sqlite.h"

namespace crowdlens {

enum class TrendPeriod { kYear, kMonth };

struct TrendsOptions {
  std::optional<int64_t> from, to;  // inclusive / exclusive, Unix seconds
  std::optional<TimeBin> bin;       // chosen from the span when unset
  BurstOptions burst;
  bool include_retweets = true;
  int64_t min_count = 10;           // an item needs this many posts in the period to be tested
  size_t top = 15;                  // bursts listed
  size_t rising_topics = 5;         // bursting hashtags whose voices are examined
  int64_t min_author_posts = 3;     // a voice needs this many posts on the topic
  size_t rising_top = 15;           // rising voices listed
  std::string tag;                  // recurring tag for distinctive terms; empty: the largest recurring one
  TrendPeriod period = TrendPeriod::kYear;
  int64_t min_period_posts = 20;    // a period needs this many posts with the tag
  size_t distinctive_top = 8;       // terms per period
  double prior_size = 1000;         // Monroe et al.'s a_0
};

struct TrendBurst {
  std::string item;      // "#germanwings" or "crash"
  bool is_hashtag = false;
  int64_t start = 0;     // start of the first bin
  int64_t end = 0;       // end of the last bin
  double strength = 0;   // Kleinberg weight
  int64_t posts = 0;     // posts with the item in the burst
  int64_t bin_posts = 0; // all posts in the burst's bins
  double base_share = 0; // the item's share of all posts of the period
  double baseline_peak_z = 0;  // highest trailing z-score of the item's counts in the burst
};

struct RisingVoice {
  std::string topic;  // "#germanwings"
  std::string handle;
  int64_t start = 0, end = 0;
  double strength = 0;
  int64_t posts = 0;        // the author's topic posts in the burst
  int64_t topic_posts = 0;  // all topic posts in the burst's bins
  bool new_voice = false;   // no topic post before the burst
};

struct PeriodTerm {
  std::string period;  // "2021" or "2021-03"
  int64_t period_posts = 0;
  std::string term;
  double z = 0;
  int64_t count = 0;
};

struct TrendsReport {
  TimeBin bin = TimeBin::kHour;
  int64_t posts = 0;
  int64_t bins = 0;   // bins holding posts
  int64_t items_tested = 0;
  std::vector<TrendBurst> bursts;
  std::vector<RisingVoice> rising_voices;
  std::string distinctive_tag;  // without '#'; empty when no tag recurs
  std::vector<PeriodTerm> distinctive_terms;
};

Result<TrendsReport> Trends(Database& db, const TrendsOptions& options);

}  // namespace crowdlens
