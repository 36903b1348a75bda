#include "analyses/mix.h"

#include <algorithm>
#include <limits>
#include <map>
#include <unordered_map>

#include "analyses/reactions_received.h"
#include "core/time.h"

namespace crowdlens {
namespace {

// The account's posts with what the classifier needs. A reply is to itself
// when it names itself or the replied post is its own (a thread).
constexpr const char* kPostsSql =
    "SELECT p.post_key, p.platform_id, p.created_at, p.text, p.retweet_of_id IS NOT NULL, p.quote_of_id IS NOT NULL, "
    "p.reply_to_post_id IS NOT NULL OR p.reply_to_account_key IS NOT NULL, "
    "coalesce(p.reply_to_account_key = p.author_key, 0) OR coalesce(rp.author_key = p.author_key, 0), "
    "ra.handle, coalesce(ro.author_key = p.author_key, 0), roa.handle, p.retweet_count, p.reply_count, "
    "(SELECT group_concat(url, ' ') FROM post_urls u WHERE u.post_key = p.post_key), "
    "(SELECT group_concat(tag, ' ') FROM post_hashtags h WHERE h.post_key = p.post_key) "
    "FROM posts p "
    "LEFT JOIN posts rp ON rp.platform = p.platform AND rp.platform_id = p.reply_to_post_id "
    "LEFT JOIN accounts ra ON ra.account_key = coalesce(p.reply_to_account_key, rp.author_key) "
    "LEFT JOIN posts ro ON ro.platform = p.platform AND ro.platform_id = p.retweet_of_id "
    "LEFT JOIN accounts roa ON roa.account_key = ro.author_key "
    "WHERE p.author_key = ?1 AND p.created_at >= ?2 AND p.created_at < ?3 "
    "ORDER BY p.created_at, p.post_key";

std::vector<std::string> SplitSpaces(const std::string& text) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start < text.size()) {
    size_t space = text.find(' ', start);
    if (space == std::string::npos) space = text.size();
    if (space > start) parts.push_back(text.substr(start, space - start));
    start = space + 1;
  }
  return parts;
}

std::optional<int64_t> OptionalInt(const Statement& statement, int column) {
  if (statement.ColumnIsNull(column)) return std::nullopt;
  return statement.ColumnInt(column);
}

}  // namespace

Result<MixReport> AnalyseMix(Database& db, const MixOptions& options) {
  MixReport report;
  {
    Result<Statement> account =
        db.Prepare("SELECT coalesce(handle, platform_id), url FROM accounts WHERE account_key = ?1");
    if (!account.ok()) return account.status();
    account->Bind(1, options.account_key);
    Result<bool> row = account->Step();
    if (!row.ok()) return row.status();
    if (!*row) return NotFound("no account with key " + std::to_string(options.account_key) + " in the workspace");
    report.handle = account->ColumnText(0);
    if (!account->ColumnIsNull(1)) report.profile_url = account->ColumnText(1);
  }
  report.sites = MakeMixSites(report.profile_url, options.own_domains);

  Result<ReactionsReceived> received = CountReactionsReceived(db, options.account_key);
  if (!received.ok()) return received.status();

  Result<Statement> posts = db.Prepare(kPostsSql);
  if (!posts.ok()) return posts.status();
  posts->Bind(1, options.account_key);
  posts->Bind(2, options.since);
  posts->Bind(3, options.until > 0 ? options.until : std::numeric_limits<int64_t>::max());
  while (true) {
    Result<bool> row = posts->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    MixPost post{.post_key = posts->ColumnInt(0),
                 .platform_id = posts->ColumnText(1),
                 .created_at = posts->ColumnInt(2),
                 .text = posts->ColumnText(3),
                 .is_retweet = posts->ColumnInt(4) != 0,
                 .stored_retweets = OptionalInt(*posts, 11),
                 .stored_replies = OptionalInt(*posts, 12)};
    const std::string reply_handle = posts->ColumnIsNull(8) ? std::string() : posts->ColumnText(8);
    const std::string retweet_handle = posts->ColumnIsNull(10) ? std::string() : posts->ColumnText(10);
    const std::vector<std::string> urls = SplitSpaces(posts->ColumnIsNull(13) ? std::string() : posts->ColumnText(13));
    const std::vector<std::string> tags = SplitSpaces(posts->ColumnIsNull(14) ? std::string() : posts->ColumnText(14));
    post.verdict = ClassifyMixPost({.text = post.text,
                                    .is_retweet = post.is_retweet,
                                    .retweets_own_post = posts->ColumnInt(9) != 0,
                                    .is_quote = posts->ColumnInt(5) != 0,
                                    .is_reply = posts->ColumnInt(6) != 0,
                                    .replies_to_self = posts->ColumnInt(7) != 0,
                                    .reply_to_handle = reply_handle,
                                    .retweet_of_handle = retweet_handle,
                                    .urls = urls,
                                    .hashtags = tags},
                                   report.sites);
    post.observed_retweets = ObservedCount(received->retweets, post.post_key);
    post.observed_replies = ObservedCount(received->replies, post.post_key);
    // A retweet's stored figures are its original's.
    if (!post.is_retweet) {
      post.retweets_received = ReceivedCount(post.stored_retweets, received->retweets, post.post_key);
      post.replies_received = ReceivedCount(post.stored_replies, received->replies, post.post_key);
    }
    report.posts.push_back(std::move(post));
  }
  return report;
}

double MixMonth::Share(MixClass mix_class) const {
  if (posts == 0) return 0.0;
  return static_cast<double>(counts[static_cast<size_t>(mix_class)]) / static_cast<double>(posts);
}

std::vector<MixMonth> MonthlyMix(std::span<const MixPost> posts) {
  std::map<std::string, MixMonth> by_month;
  MixMonth total{.month = "all"};
  for (const MixPost& post : posts) {
    std::string month = FormatTimestamp(post.created_at).substr(0, 7);
    MixMonth& entry = by_month[month];
    entry.month = month;
    ++entry.posts;
    ++entry.counts[static_cast<size_t>(post.verdict.mix_class)];
    ++total.posts;
    ++total.counts[static_cast<size_t>(post.verdict.mix_class)];
  }
  std::vector<MixMonth> months;
  for (auto& [month, entry] : by_month) months.push_back(std::move(entry));
  months.push_back(std::move(total));
  return months;
}

}  // namespace crowdlens
