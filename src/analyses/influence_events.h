// Who gave attention to whom, and when: the workspace read once into flat
// arrays that every influence view (all-time counts, weekly scores, activity
// over a period, window graphs) sums in its own way.
//
// Attention is derived from posts (a retweet, a quote, a reply, a mention,
// each dated by the post that carries it) and from imported interaction edges
// (edge lists: no date, no text). Every mention is classified by the courtesy
// rules (analyses/courtesy.h) as it is read, so post text is not kept.
// Accounts are directory indices (stand-ins merged, analyses/influence_accounts.h).
//
//   Result<WorkspaceActivity> activity = LoadWorkspaceActivity(workspace.db());
//   for (const AttentionEvent& event : activity->events) ...
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "analyses/courtesy.h"
#include "analyses/influence_accounts.h"
#include "core/status.h"
#include "store/sqlite.h"

namespace crowdlens {

enum class AttentionKind : uint8_t { kRetweet, kQuote, kReply, kMention };

struct AttentionEvent {
  int64_t at = 0;       // the post's time; imported edges: when the edge was first imported
  uint32_t source = 0;  // who gave the attention
  uint32_t target = 0;  // who received it
  AttentionKind kind = AttentionKind::kMention;
  MentionKind mention_kind = MentionKind::kSubstantive;  // mentions only
  bool imported = false;                                 // from an edge list: no post, no date of its own
  int64_t target_post =
      -1;             // index into WorkspaceActivity::posts of the post retweeted, quoted or replied to; -1 if absent
  double weight = 1;  // 1 for a post; an imported edge's own weight
};

// One post, as much as influence needs of it.
struct PostRecord {
  int64_t post_key = 0;
  uint32_t author = 0;
  int64_t created_at = 0;
  bool is_retweet = false;
  bool is_reply = false;  // replies to a post or an account (and is not a retweet)
  bool is_quote = false;  // quotes a post (and is not a retweet)
  bool has_url = false;
  bool links_out = false;  // a link to a site other than the author's own (engagement_style.h, SiteName)
  // What the platform reported for the post, when it did.
  std::optional<int64_t> retweet_count;
  std::optional<int64_t> quote_count;
  std::optional<int64_t> reply_count;
};

struct FollowRecord {
  uint32_t follower = 0;
  uint32_t followee = 0;
  int64_t first_seen = 0;  // when an import first saw the follow (not when it began)
  bool current = true;     // false once the source reported it ended
};

struct WorkspaceActivity {
  AccountDirectory accounts;
  std::vector<PostRecord> posts;  // ascending post_key
  std::vector<AttentionEvent> events;
  std::vector<FollowRecord> follows;
  std::optional<int64_t> first_post_at;
  std::optional<int64_t> last_post_at;
};

// Reads accounts, posts, attention and follows in one read transaction.
Result<WorkspaceActivity> LoadWorkspaceActivity(Database& db);

}  // namespace crowdlens
