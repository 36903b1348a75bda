#include "analyses/influence_events.h"

#include "analyses/engagement_style.h"

#include <string>
#include <unordered_map>

namespace crowdlens {
namespace {

// Steps through every row of `sql`, calling `on_row(statement)`; stops at the first failure.
template <typename OnRow>
Status ForEachEventRow(Database& db, const char* sql, OnRow on_row) {
  Result<Statement> statement = db.Prepare(sql);
  if (!statement.ok()) return statement.status();
  while (true) {
    Result<bool> row = statement->Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::Ok();
    on_row(*statement);
  }
}

std::optional<int64_t> OptionalInt(const Statement& statement, int column) {
  if (statement.ColumnIsNull(column)) return std::nullopt;
  return statement.ColumnInt(column);
}

// Splits "12,40,7" (a group_concat of keys).
std::vector<int64_t> SplitKeys(const std::string& text) {
  std::vector<int64_t> keys;
  size_t start = 0;
  while (start < text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    keys.push_back(std::stoll(text.substr(start, comma - start)));
    start = comma + 1;
  }
  return keys;
}

// Splits a space-separated group_concat (hashtags, URLs).
std::vector<std::string> SplitTags(const std::string& text) {
  std::vector<std::string> tags;
  size_t start = 0;
  while (start < text.size()) {
    size_t space = text.find(' ', start);
    if (space == std::string::npos) space = text.size();
    if (space > start) tags.push_back(text.substr(start, space - start));
    start = space + 1;
  }
  return tags;
}

// A retweet of a post the workspace holds: retweeter, time, and the original.
constexpr const char* kRetweetsSql =
    "SELECT r.author_key, r.created_at, o.post_key, o.author_key FROM posts r "
    "JOIN posts o ON o.platform = r.platform AND o.platform_id = r.retweet_of_id "
    "WHERE r.retweet_of_id IS NOT NULL";
// A quote that is not itself a retweet (a retweet of a quote carries the quoted id too).
constexpr const char* kQuotesSql =
    "SELECT r.author_key, r.created_at, o.post_key, o.author_key FROM posts r "
    "JOIN posts o ON o.platform = r.platform AND o.platform_id = r.quote_of_id "
    "WHERE r.quote_of_id IS NOT NULL AND r.retweet_of_id IS NULL";
// The account replied to is the one the post names; the replied post when the workspace holds it.
constexpr const char* kRepliesSql =
    "SELECT r.author_key, r.created_at, o.post_key, coalesce(r.reply_to_account_key, o.author_key) FROM posts r "
    "LEFT JOIN posts o ON o.platform = r.platform AND o.platform_id = r.reply_to_post_id "
    "WHERE r.retweet_of_id IS NULL AND (r.reply_to_post_id IS NOT NULL OR r.reply_to_account_key IS NOT NULL)";
// Posts that mention someone (a retweet's "RT @author" is the retweet, not a mention).
constexpr const char* kMentioningPostsSql =
    "SELECT p.author_key, p.created_at, p.text, p.reply_to_account_key, "
    "p.reply_to_post_id IS NOT NULL OR p.reply_to_account_key IS NOT NULL, "
    "(SELECT group_concat(account_key) FROM post_mentions m WHERE m.post_key = p.post_key), "
    "(SELECT group_concat(tag, ' ') FROM post_hashtags h WHERE h.post_key = p.post_key) "
    "FROM posts p WHERE p.retweet_of_id IS NULL "
    "AND EXISTS (SELECT 1 FROM post_mentions m WHERE m.post_key = p.post_key)";

Status LoadEvents(Database& db, WorkspaceActivity& activity) {
  const AccountDirectory& accounts = activity.accounts;
  std::unordered_map<int64_t, int64_t> post_index;
  post_index.reserve(activity.posts.size());
  for (size_t index = 0; index < activity.posts.size(); ++index) {
    post_index[activity.posts[index].post_key] = static_cast<int64_t>(index);
  }
  auto add = [&](int64_t source_key, int64_t target_key, int64_t at, AttentionKind kind, AttentionEvent extra) {
    std::optional<uint32_t> source = accounts.IndexOf(source_key);
    std::optional<uint32_t> target = accounts.IndexOf(target_key);
    if (!source || !target || *source == *target) return;  // attention to oneself is no attention
    extra.at = at;
    extra.source = *source;
    extra.target = *target;
    extra.kind = kind;
    activity.events.push_back(extra);
  };
  for (auto [sql, kind] :
       {std::pair{kRetweetsSql, AttentionKind::kRetweet}, std::pair{kQuotesSql, AttentionKind::kQuote},
        std::pair{kRepliesSql, AttentionKind::kReply}}) {
    CROWDLENS_RETURN_IF_ERROR(ForEachEventRow(db, sql, [&](const Statement& row) {
      if (row.ColumnIsNull(3)) return;
      AttentionEvent extra;
      if (!row.ColumnIsNull(2)) {
        auto found = post_index.find(row.ColumnInt(2));
        if (found != post_index.end()) extra.target_post = found->second;
      }
      add(row.ColumnInt(0), row.ColumnInt(3), row.ColumnInt(1), kind, extra);
    }));
  }
  CROWDLENS_RETURN_IF_ERROR(ForEachEventRow(db, kMentioningPostsSql, [&](const Statement& row) {
    std::vector<int64_t> mentioned = SplitKeys(row.ColumnText(5));
    std::vector<std::string> tags = SplitTags(row.ColumnText(6));
    PostSignals signals = AnalysePostText(row.ColumnText(2), tags);
    PostFacts facts{.is_reply = row.ColumnInt(4) != 0, .mention_count = mentioned.size()};
    std::optional<uint32_t> replied_to;
    if (!row.ColumnIsNull(3)) replied_to = accounts.IndexOf(row.ColumnInt(3));
    for (int64_t mentioned_key : mentioned) {
      std::optional<uint32_t> target = accounts.IndexOf(mentioned_key);
      if (!target) continue;
      MentionFacts mention{.mentioned_handle = accounts.account(*target).handle,
                           .replies_to_mentioned_account = replied_to && *replied_to == *target};
      add(row.ColumnInt(0), mentioned_key, row.ColumnInt(1), AttentionKind::kMention,
          AttentionEvent{.mention_kind = ClassifyMention(signals, mention, facts)});
    }
  }));
  return ForEachEventRow(db, "SELECT source_key, target_key, relation, weight, first_seen FROM interactions",
                    [&](const Statement& row) {
                      std::string relation = row.ColumnText(2);
                      AttentionKind kind = relation == "retweet" ? AttentionKind::kRetweet
                                           : relation == "reply" ? AttentionKind::kReply
                                                                 : AttentionKind::kMention;
                      add(row.ColumnInt(0), row.ColumnInt(1), row.ColumnInt(4), kind,
                          AttentionEvent{.imported = true, .weight = row.ColumnDouble(3)});
                    });
}

Status LoadAll(Database& db, WorkspaceActivity& activity) {
  Result<AccountDirectory> accounts = AccountDirectory::Load(db);
  if (!accounts.ok()) return accounts.status();
  activity.accounts = std::move(accounts).value();
  Status posts = ForEachEventRow(
      db,
      "SELECT post_key, author_key, created_at, retweet_of_id IS NOT NULL, "
      "reply_to_post_id IS NOT NULL OR reply_to_account_key IS NOT NULL, quote_of_id IS NOT NULL, "
      "(SELECT group_concat(url, ' ') FROM post_urls u WHERE u.post_key = p.post_key), retweet_count, quote_count, "
      "reply_count "
      "FROM posts p ORDER BY post_key",
      [&](const Statement& row) {
        std::optional<uint32_t> author = activity.accounts.IndexOf(row.ColumnInt(1));
        if (!author) return;  // only a database written without its foreign keys has such a post
        PostRecord post{.post_key = row.ColumnInt(0),
                        .author = *author,
                        .created_at = row.ColumnInt(2),
                        .is_retweet = row.ColumnInt(3) != 0};
        post.is_reply = !post.is_retweet && row.ColumnInt(4) != 0;
        post.is_quote = !post.is_retweet && row.ColumnInt(5) != 0;
        std::vector<std::string> urls = SplitTags(row.ColumnText(6));
        post.has_url = !urls.empty();
        const std::string own_site = SiteName(activity.accounts.account(*author).url);
        for (const std::string& url : urls) post.links_out = post.links_out || SiteName(url) != own_site;
        post.retweet_count = OptionalInt(row, 7);
        post.quote_count = OptionalInt(row, 8);
        post.reply_count = OptionalInt(row, 9);
        if (!activity.first_post_at || post.created_at < *activity.first_post_at)
          activity.first_post_at = post.created_at;
        if (!activity.last_post_at || post.created_at > *activity.last_post_at) activity.last_post_at = post.created_at;
        activity.posts.push_back(post);
      });
  CROWDLENS_RETURN_IF_ERROR(posts);
  CROWDLENS_RETURN_IF_ERROR(LoadEvents(db, activity));
  return ForEachEventRow(db, "SELECT follower_key, followee_key, first_seen, ended_at IS NULL FROM follows",
                    [&](const Statement& row) {
                      std::optional<uint32_t> follower = activity.accounts.IndexOf(row.ColumnInt(0));
                      std::optional<uint32_t> followee = activity.accounts.IndexOf(row.ColumnInt(1));
                      if (!follower || !followee || *follower == *followee) return;
                      activity.follows.push_back({.follower = *follower,
                                                  .followee = *followee,
                                                  .first_seen = row.ColumnInt(2),
                                                  .current = row.ColumnInt(3) != 0});
                    });
}

}  // namespace

Result<WorkspaceActivity> LoadWorkspaceActivity(Database& db) {
  WorkspaceActivity activity;
  // One snapshot: an import running meanwhile cannot make posts and mentions disagree.
  Status loaded = InReadSnapshot(db, [&] { return LoadAll(db, activity); });
  if (!loaded.ok()) return loaded;
  return activity;
}

}  // namespace crowdlens
