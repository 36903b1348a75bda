// What an account's posts received: retweets and replies by other accounts,
// counted in the workspace, beside the platform's own stored counts.
//
// A workspace holds only the retweets and replies that were imported, and a
// post's stored retweet_count/reply_count only what the platform said when it
// was fetched (and nothing for CSV exports without them); each undercounts in
// its own way, so a post's figure is the larger of the two.
//
//   Result<ReactionsReceived> received = CountReactionsReceived(db, account_key);
//   int64_t retweets = ReceivedCount(stored_retweets, received->retweets, post_key);
#pragma once

#include <cstdint>
#include <optional>
#include <unordered_map>

#include "store/sqlite.h"

namespace crowdlens {

// Per post key of the account: retweets of it and replies to it by other
// accounts (the account's own retweets and thread replies are not received).
struct ReactionsReceived {
  std::unordered_map<int64_t, int64_t> retweets;
  std::unordered_map<int64_t, int64_t> replies;
};

Result<ReactionsReceived> CountReactionsReceived(Database& db, int64_t account_key);

// The larger of the stored count and the count observed for `post_key`.
int64_t ReceivedCount(std::optional<int64_t> stored, const std::unordered_map<int64_t, int64_t>& observed,
                      int64_t post_key);

// The count observed for `post_key`, 0 when none.
int64_t ObservedCount(const std::unordered_map<int64_t, int64_t>& observed, int64_t post_key);

}  // namespace crowdlens
