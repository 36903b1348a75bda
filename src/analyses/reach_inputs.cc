#include "analyses/reach_inputs.h"

#include <unordered_map>
#include <unordered_set>

#include "analyses/reactions_received.h"

namespace crowdlens {
namespace {

constexpr double kSecondsPerHour = 3600;
constexpr int64_t kDaySeconds = 86400;

std::optional<int64_t> OptionalInt(const Statement& row, int column) {
  return row.ColumnIsNull(column) ? std::nullopt : std::optional<int64_t>(row.ColumnInt(column));
}

// The rate of one account from its posts in the workspace, else its profile.
Result<PostingRate> RateOf(Statement& post_span, Statement& profile, int64_t account_key, const ReachConfig& config) {
  post_span.Reset();
  post_span.Bind(1, account_key);
  Result<bool> row = post_span.Step();
  if (!row.ok()) return row.status();
  const int64_t posts = post_span.ColumnInt(0);
  if (posts >= config.min_posts_for_rate && posts >= 2) {
    const int64_t span = post_span.ColumnInt(2) - post_span.ColumnInt(1);
    if (span >= kDaySeconds) {
      return PostingRate{.per_hour = static_cast<double>(posts - 1) / (static_cast<double>(span) / kSecondsPerHour),
                         .source = RateSource::kPosts};
    }
  }
  profile.Reset();
  profile.Bind(1, account_key);
  row = profile.Step();
  if (!row.ok()) return row.status();
  if (*row && !profile.ColumnIsNull(0) && !profile.ColumnIsNull(1)) {
    const int64_t post_count = profile.ColumnInt(0);
    const int64_t age = profile.ColumnInt(2) - profile.ColumnInt(1);
    if (post_count >= 0 && age > 0) {
      return PostingRate{.per_hour = static_cast<double>(post_count) / (static_cast<double>(age) / kSecondsPerHour),
                         .source = RateSource::kProfile};
    }
  }
  return PostingRate{};
}

}  // namespace

Result<ReachInputs> ReadReachInputs(Workspace& workspace, int64_t owner_key, const std::vector<int64_t>& follower_keys,
                                    const ReachConfig& config) {
  Database& db = workspace.db();
  ReachInputs inputs;
  for (int64_t key : follower_keys) inputs.followers[key];

  // Whom the followers follow: one pass over the current follows.
  std::unordered_set<int64_t> followees;
  {
    Result<Statement> follows = db.Prepare("SELECT follower_key, followee_key FROM follows WHERE ended_at IS NULL");
    if (!follows.ok()) return follows.status();
    while (true) {
      Result<bool> row = follows->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      auto follower = inputs.followers.find(follows->ColumnInt(0));
      if (follower == inputs.followers.end()) continue;
      const int64_t followee = follows->ColumnInt(1);
      follower->second.followees.push_back(followee);
      followees.insert(followee);
    }
  }

  // Each follower's profile count of follows and their own posting times.
  {
    Result<Statement> profile = db.Prepare("SELECT coalesce(following_count, 0) FROM accounts WHERE account_key = ?");
    if (!profile.ok()) return profile.status();
    Result<Statement> times = db.Prepare("SELECT created_at FROM posts WHERE author_key = ?");
    if (!times.ok()) return times.status();
    for (auto& [key, facts] : inputs.followers) {
      profile->Reset();
      profile->Bind(1, key);
      Result<bool> row = profile->Step();
      if (!row.ok()) return row.status();
      if (*row) facts.following_count = profile->ColumnInt(0);
      times->Reset();
      times->Bind(1, key);
      while (true) {
        Result<bool> post = times->Step();
        if (!post.ok()) return post.status();
        if (!*post) break;
        facts.post_times.push_back(times->ColumnInt(0));
      }
    }
  }

  // The posting rate of every account a follower follows.
  {
    Result<Statement> post_span =
        db.Prepare("SELECT count(*), min(created_at), max(created_at) FROM posts WHERE author_key = ?");
    if (!post_span.ok()) return post_span.status();
    Result<Statement> profile = db.Prepare(
        "SELECT post_count, created_at, coalesce(profile_observed_at, last_seen) FROM accounts WHERE account_key = ?");
    if (!profile.ok()) return profile.status();
    for (int64_t followee : followees) {
      Result<PostingRate> rate = RateOf(*post_span, *profile, followee, config);
      if (!rate.ok()) return rate.status();
      inputs.rates[followee] = *rate;
    }
  }

  // The owner's posts that reach the timelines of all followers.
  Result<Statement> posts = db.Prepare(
      "SELECT post_key, platform_id, created_at, text, retweet_count, reply_count, like_count, impression_count "
      "FROM posts WHERE author_key = ?1 AND retweet_of_id IS NULL "
      "AND (reply_to_account_key IS NULL OR reply_to_account_key = ?1) ORDER BY created_at, post_key");
  if (!posts.ok()) return posts.status();
  posts->Bind(1, owner_key);
  Result<ReactionsReceived> received = CountReactionsReceived(db, owner_key);
  if (!received.ok()) return received.status();
  // What a post drew: the larger of the stored count and the workspace's own (docs/mix.md), unknown when neither exists.
  auto drew = [](std::optional<int64_t> stored, const std::unordered_map<int64_t, int64_t>& observed,
                 int64_t post_key) -> std::optional<int64_t> {
    if (!stored && ObservedCount(observed, post_key) == 0) return std::nullopt;
    return ReceivedCount(stored, observed, post_key);
  };
  while (true) {
    Result<bool> row = posts->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    int64_t post_key = posts->ColumnInt(0);
    inputs.owner_posts.push_back({.post_key = post_key,
                                  .platform_id = posts->ColumnText(1),
                                  .created_at = posts->ColumnInt(2),
                                  .text = posts->ColumnText(3),
                                  .retweets = drew(OptionalInt(*posts, 4), received->retweets, post_key),
                                  .replies = drew(OptionalInt(*posts, 5), received->replies, post_key),
                                  .likes = OptionalInt(*posts, 6),
                                  .impressions = OptionalInt(*posts, 7)});
  }
  return inputs;
}

}  // namespace crowdlens
