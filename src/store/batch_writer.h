// BatchWriter: writes reader batches into the workspace, one transaction per
// batch, idempotently.
//
// Every write is an upsert on a natural key (platform + platform id for
// accounts and posts, the endpoint pair for edges), so importing a file twice
// adds nothing and a batch cut short by a crash is simply written again by
// the rerun. Profiles merge field by field: the newest observation of a
// non-empty value wins. Account keys are cached for the writer's lifetime so
// the many repeated authors and mentions of a stream cost one lookup each;
// posts likewise, so a retweeted status repeated in every retweet is written
// once unless its metrics grew. Foreign keys are guaranteed by construction
// (every key comes from a lookup or an insert here), so the import connection
// does not pay for SQLite's per-row checks; tests run foreign_key_check.
//
//   BatchWriter writer(workspace.db(), run_id);
//   CROWDLENS_RETURN_IF_ERROR(writer.Prepare());
//   CROWDLENS_RETURN_IF_ERROR(writer.Write(batch));
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/batch.h"
#include "store/sqlite.h"

namespace crowdlens {

struct WriteCounts {
  uint64_t accounts = 0;  // account observations written (not distinct accounts)
  uint64_t posts = 0;
  uint64_t edges = 0;
  uint64_t contacts = 0;
  uint64_t deletions = 0;
  uint64_t quarantined = 0;
  uint64_t ended_follows = 0;  // follows a complete snapshot showed to have ended (unfollows)
};

class BatchWriter {
 public:
  BatchWriter(Database& db, int64_t run_id) : db_(db), run_id_(run_id) {}

  Status Prepare();
  // Writes the whole batch in one transaction, or nothing.
  Status Write(const Batch& batch);
  const WriteCounts& counts() const { return counts_; }

  // Ends the follows that this run's complete follower/following lists lack
  // (FollowSnapshot). Called once, after every batch of the run is written,
  // since one list arrives over several batches and inputs.
  Status ApplySnapshots();

 private:
  struct CachedAccount {
    int64_t key = 0;
    int64_t profile_observed_at = -1;  // -1: no profile written yet
    uint64_t profile_hash = 0;         // of the profile written at profile_observed_at
    int64_t handle_observed_at = -1;
    int64_t first_seen = 0;
    int64_t last_seen = 0;
    std::string handle_lower;  // the current handle, to notice a change
  };

  struct CachedPost {
    int64_t key = 0;
    int64_t text_length = 0;
    int64_t metrics[5] = {-1, -1, -1, -1, -1};  // retweets, replies, likes, quotes, impressions
    bool metrics_dirty = false;                  // grown since written; FlushMetrics writes them
  };

  Status WriteAll(const Batch& batch);
  Status FlushMetrics();
  void BindAccount(Statement& stmt, const Account& account);
  void BindPost(Statement& stmt, const Post& post, int64_t author_key, std::optional<int64_t> reply_to_account);
  Result<int64_t> ResolveAccount(const Account& account);
  Result<int64_t> ResolveId(const std::string& platform, const std::string& platform_id, const std::string& handle,
                            int64_t observed_at);
  Result<int64_t> UpsertAccount(const Account& account);
  Status WritePost(const Post& post);
  Status WriteEdge(const Edge& edge);
  Status WriteContact(const Contact& contact);
  Status WriteDeletion(const Deletion& deletion);
  Status WriteQuarantine(const QuarantineEntry& entry);

  Database& db_;
  int64_t run_id_;
  WriteCounts counts_;
  std::unordered_map<std::string, CachedAccount> account_cache_;
  std::unordered_map<std::string, CachedPost> post_cache_;
  std::vector<std::string> dirty_posts_;
  struct PendingSnapshot {
    int64_t account_key;
    FollowSnapshot::Kind kind;
    int64_t observed_at;
    auto operator<=>(const PendingSnapshot&) const = default;
  };
  std::vector<PendingSnapshot> snapshots_;  // applied by ApplySnapshots at the end of the run
  std::string lookup_key_;  // reused by ResolveId so cache hits allocate nothing
  Statement find_account_, insert_account_, update_account_, find_by_handle_, upsert_handle_, record_current_handle_,
      find_post_, update_metrics_,
      insert_post_, update_post_, insert_hashtag_, insert_mention_, insert_url_, upsert_follow_, upsert_interaction_,
      upsert_quarantine_, upsert_contact_, insert_contact_email_, insert_contact_phone_, insert_contact_url_,
      insert_contact_handle_, delete_post_children_[3], delete_post_, end_follow_;
};

}  // namespace crowdlens
