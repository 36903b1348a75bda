// Batch: the records a reader hands to the store in one transaction, and the
// quarantine entries for what it could not read.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/account.h"
#include "model/contact.h"
#include "model/edge.h"
#include "model/post.h"

namespace crowdlens {

// A record that could not be read, kept so a user can see and fix it.
struct QuarantineEntry {
  std::string source;   // the input's name ("a.jsonl", "x.zip!data/tweets.js")
  int64_t line = 0;     // 1-based line, 0 when the format has no lines
  int64_t offset = 0;   // byte offset of the record in the (decompressed) input
  std::string reason;   // what was wrong and what to do
  std::string raw;      // the record's bytes, cut to a limit
};

// A record the source says no longer exists (a Bluesky delete event): posts
// are erased, follows are marked ended so unfollows can be told.
struct Deletion {
  enum class Kind { kPost, kFollow };
  Kind kind = Kind::kPost;
  std::string platform;
  std::string id;  // the post's platform id, or the follow's record id
  int64_t observed_at = 0;
};

// The account an input belongs to (an X archive names its owner): the
// workspace takes it as owner when none is set.
struct OwnerHint {
  std::string platform;
  std::string platform_id;
  std::string handle;
};

// A complete list of an account's followers (or of whom it follows) as of
// observed_at: a follow of that account which the list lacks, and which was
// last seen before, has ended — an unfollow. Readers emit one only for lists
// they know are whole (an X archive's follower.js, the last page of an id list).
struct FollowSnapshot {
  enum class Kind { kFollowers, kFollowing };
  std::string platform;
  std::string account_id;  // the account whose list it is
  Kind kind = Kind::kFollowers;
  int64_t observed_at = 0;
};

struct Batch {
  std::vector<Account> accounts;
  std::vector<Post> posts;
  std::vector<Edge> edges;
  std::vector<Contact> contacts;
  std::vector<Deletion> deletions;
  std::vector<OwnerHint> owner_hints;
  std::vector<FollowSnapshot> snapshots;
  std::vector<QuarantineEntry> quarantined;
  uint64_t input_bytes = 0;  // bytes of input consumed since the previous batch (for progress)

  size_t record_count() const {
    return accounts.size() + posts.size() + edges.size() + contacts.size() + deletions.size() + owner_hints.size() +
           snapshots.size() + quarantined.size();
  }
  bool empty() const { return record_count() == 0 && input_bytes == 0; }
};

}  // namespace crowdlens
