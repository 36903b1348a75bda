// Listening: what is said about a brand, a person or an offer. For the posts
// a query matches: volume per hour/day/week with the sentiment of each bin,
// share of voice against the other saved queries (brand vs competitors), the
// top voices by reach (followers) and by retweets received, the hashtags and
// terms that come with the query's own, the sentiment split (VADER, English
// posts), and the complaints: negative posts addressed to the brand, with
// their category when the text names one.
//
//   Result<ListenReport> report = Listen(db, {.name = "acme", .text = "acme OR @acme"}, saved_queries,
//                                        {.brand_handles = {"acme"}});
//   report->matched;        // posts the query matched
//   report->volume;         // per bin, with sentiment counts
//   report->complaints;     // newest first
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analyses/query_matcher.h"
#include "analyses/trends_bins.h"
#include "core/status.h"
#include "store/sqlite.h"

namespace crowdlens {

struct ListenOptions {
  std::optional<int64_t> from;  // inclusive, Unix seconds
  std::optional<int64_t> to;    // exclusive
  std::optional<TimeBin> bin;   // chosen from the span of the matched posts when unset
  bool include_retweets = true;
  size_t top = 10;              // rows of each top table
  size_t complaints = 20;       // complaint rows to keep (all are counted)
  // Who "the brand" is for complaints: posts must @mention or reply to one of
  // these handles. Empty: the query's @mentions, else the workspace owners.
  std::vector<std::string> brand_handles;
  std::vector<std::string> owner_handles;  // the workspace owners (fallback above)
};

struct VolumeBin {
  int64_t start = 0;
  int64_t posts = 0;
  int64_t positive = 0, neutral = 0, negative = 0, unscored = 0;
};

struct ShareOfVoice {
  std::string name;
  int64_t posts = 0;
  double share = 0;  // of all posts matched by any of the compared queries
};

struct Voice {
  std::string handle;
  int64_t posts = 0;
  int64_t followers = 0;          // the latest profile's followers_count
  int64_t retweets_received = 0;  // platform retweet counts of their matched original posts
};

struct CountedItem {
  std::string item;
  int64_t posts = 0;
};

struct Complaint {
  int64_t created_at = 0;
  std::string handle;
  std::string post_id;  // platform id
  std::string text;
  double compound = 0;
  std::string categories;  // "late, refund"; empty when the text names none
  std::string why;         // the words that made it negative
};

struct ListenReport {
  std::string query;        // as written
  std::string canonical;    // fully parenthesised
  std::vector<std::string> brand_handles;
  int64_t scanned = 0;      // posts of the period looked at
  int64_t matched = 0;
  int64_t retweets = 0;     // of the matched
  int64_t authors = 0;
  std::optional<int64_t> first_at, last_at;
  TimeBin bin = TimeBin::kDay;
  std::vector<VolumeBin> volume;  // every bin from the first to the last match
  std::vector<ShareOfVoice> share_of_voice;
  std::vector<Voice> voices_by_reach, voices_by_retweets;
  std::vector<CountedItem> hashtags, terms;
  int64_t positive = 0, neutral = 0, negative = 0, unscored = 0;
  double mean_compound = 0;  // over scored posts
  int64_t complaints_total = 0;
  std::vector<CountedItem> complaint_categories;  // all complaints, by category
  std::vector<Complaint> complaints;               // newest first, at most options.complaints
};

// Runs `query` over the workspace's posts; `compared` are other saved queries
// for share of voice (one with the query's name is skipped).
Result<ListenReport> Listen(Database& db, const NamedQuery& query, const std::vector<NamedQuery>& compared,
                            const ListenOptions& options);

// Whether VADER (English) should score a post in language `lang` ("" = unknown).
bool IsScoredLanguage(std::string_view lang);

}  // namespace crowdlens
