// The input formats crowdlens reads, and their names on the command line.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace crowdlens {

enum class Format {
  kUnknown,
  kTwitterV1,     // API v1.1 statuses, users, id pages, search responses (object, array or JSON lines)
  kTwitterV2,     // API v2 envelopes {data, includes} and twarc2 output, incl. flattened tweets
  kCassette,      // recorded API exchanges (vcrpy / R httptest cassettes) holding v1.1 or v2 bodies
  kEdgeList,      // SNAP/KONECT whitespace edge lists
  kMatrixMarket,  // Matrix Market coordinate files (.mtx)
  kCongressNetwork,  // SNAP US Congress interaction network JSON (usernameList/outList/outWeight)
  kContactsCsv,      // address books: LinkedIn Connections.csv, Google and Outlook contacts CSV
  kVcard,            // address books: vCard 2.1/3.0/4.0
  kXArchive,         // the X/Twitter account archive's data files (tweets.js, follower.js, ...)
  kBluesky,          // Bluesky: Jetstream events and AT Protocol API responses
  kMastodon,         // Mastodon: REST API statuses and accounts, following_accounts.csv
  kTweetCsv,         // tweet CSV exports: the Kaggle layout and twarc-csv
};

// The name used by `--as` and in output ("twitter-v1").
const char* FormatName(Format format);
std::optional<Format> ParseFormat(std::string_view name);
// Every format that `--as` accepts, for help and error messages.
std::vector<std::string> FormatNames();

}  // namespace crowdlens
