#include "analyses/listen_posts.h"

#include <limits>

namespace crowdlens {
namespace {

std::string WhereClause(const PostScan& scan) {
  std::string where = " WHERE p.created_at >= ?1 AND p.created_at < ?2";
  if (!scan.include_retweets) where += " AND p.retweet_of_id IS NULL";
  return where;
}

void BindPeriod(Statement& statement, const PostScan& scan) {
  statement.Bind(1, scan.from.value_or(std::numeric_limits<int64_t>::min()));
  statement.Bind(2, scan.to.value_or(std::numeric_limits<int64_t>::max()));
}

}  // namespace

Status ForEachPost(Database& db, const PostScan& scan, const std::function<Status(const PostRecord&)>& visit) {
  Result<Statement> statement = db.Prepare(
      "SELECT p.post_key, p.platform, p.platform_id, p.created_at, p.text, COALESCE(p.lang, ''), "
      "COALESCE(p.country_code, ''), p.retweet_of_id IS NOT NULL, p.author_key, COALESCE(a.handle_lower, ''), "
      "p.reply_to_account_key, COALESCE(p.retweet_count, 0), COALESCE(a.handle, a.name, a.platform_id) "
      "FROM posts p JOIN accounts a ON a.account_key = p.author_key" +
      WhereClause(scan) + " ORDER BY p.created_at, p.post_key");
  if (!statement.ok()) return statement.status();
  BindPeriod(*statement, scan);
  PostRecord post;
  while (true) {
    Result<bool> row = statement->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    post.post_key = statement->ColumnInt(0);
    post.platform = statement->ColumnText(1);
    post.platform_id = statement->ColumnText(2);
    post.created_at = statement->ColumnInt(3);
    post.text = statement->ColumnText(4);
    post.lang = statement->ColumnText(5);
    post.country = statement->ColumnText(6);
    post.is_retweet = statement->ColumnInt(7) != 0;
    post.author_key = statement->ColumnInt(8);
    post.author_handle = statement->ColumnText(9);
    post.reply_to_account_key =
        statement->ColumnIsNull(10) ? std::nullopt : std::optional<int64_t>(statement->ColumnInt(10));
    post.retweet_count = statement->ColumnInt(11);
    post.author_display = statement->ColumnText(12);
    // Exports that name authors only by display name key them "name:<name>": show the name.
    if (post.author_display.starts_with("name:")) post.author_display.erase(0, 5);
    CROWDLENS_RETURN_IF_ERROR(visit(post));
  }
  return Status::Ok();
}

Result<std::optional<std::pair<int64_t, int64_t>>> PostSpan(Database& db, const PostScan& scan) {
  Result<Statement> statement =
      db.Prepare("SELECT min(p.created_at), max(p.created_at), count(*) FROM posts p" + WhereClause(scan));
  if (!statement.ok()) return statement.status();
  BindPeriod(*statement, scan);
  Result<bool> row = statement->Step();
  if (!row.ok()) return row.status();
  if (!*row || statement->ColumnInt(2) == 0) return std::optional<std::pair<int64_t, int64_t>>();
  return std::optional<std::pair<int64_t, int64_t>>(std::make_pair(statement->ColumnInt(0), statement->ColumnInt(1)));
}

}  // namespace crowdlens
