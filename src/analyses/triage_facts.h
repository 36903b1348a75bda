// What follow-back and unfollow triage knows of each account beyond its
// segments: when it last posted, how many posts it has, and how often it
// replied to, mentioned, retweeted or quoted the owner (posts and the
// interaction edges of edge-list files). "@handle" stand-ins are merged into
// the real account (influence_accounts.h), so a mention recorded before the
// owner's profile was seen still counts.
//
//   Result<TriageFacts> facts = LoadTriageFacts(workspace.db(), owner_key);
//   const AccountActivity& activity = facts->Of(follower_key);
//   activity.last_post_at;   // nullopt: no post of this account in the workspace
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "analyses/influence_accounts.h"
#include "core/status.h"
#include "store/sqlite.h"

namespace crowdlens {

struct AccountActivity {
  std::optional<int64_t> last_post_at;  // Unix seconds; nullopt when no post is known
  int64_t posts = 0;                    // posts in the workspace
  int64_t engagements = 0;              // posts replying to, mentioning, retweeting or quoting the owner,
                                        // plus interaction edges (retweet, mention, reply) towards the owner
};

class TriageFacts {
 public:
  // The activity of `account_key` (all zero for an unknown key).
  const AccountActivity& Of(int64_t account_key) const;

 private:
  friend Result<TriageFacts> LoadTriageFacts(Database& db, int64_t owner_key);
  explicit TriageFacts(AccountDirectory directory) : directory_(std::move(directory)) {}

  AccountDirectory directory_;
  std::vector<AccountActivity> activity_;  // by directory index
};

// Reads post times and the engagements with `owner_key` in three queries and
// one pass over the interaction edges towards the owner.
Result<TriageFacts> LoadTriageFacts(Database& db, int64_t owner_key);

}  // namespace crowdlens
