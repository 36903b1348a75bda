#include "store/batch_writer.h"

#include <algorithm>

#include "store/write_statements.h"

namespace crowdlens {
namespace {

// A fingerprint of the profile fields, to tell two observations of the same moment apart.
uint64_t ProfileHash(const Account& account) {
  uint64_t hash = 1469598103934665603ull;
  auto mix = [&hash](size_t value) { hash = (hash ^ value) * 1099511628211ull; };
  std::hash<std::string> text;
  for (const auto* field : {&account.name, &account.bio, &account.location, &account.url, &account.time_zone, &account.lang}) {
    mix(*field ? text(**field) : 0);
  }
  for (const auto* count : {&account.followers_count, &account.following_count, &account.post_count,
                            &account.listed_count, &account.created_at}) {
    mix(*count ? static_cast<size_t>(**count) : 0);
  }
  mix(account.verified ? 1 + *account.verified : 0);
  return hash;
}

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c); });
  return text;
}

}  // namespace

Status BatchWriter::Prepare() {
  struct Entry {
    Statement* target;
    const char* sql;
  };
  const Entry entries[] = {
      {&find_account_, kFindAccount},
      {&insert_account_, kInsertAccount},
      {&update_account_, kUpdateAccount},
      {&find_post_, kFindPost},
      {&update_metrics_,
       "UPDATE posts SET retweet_count = max(coalesce(retweet_count, ?1), coalesce(?1, retweet_count)), "
       "reply_count = max(coalesce(reply_count, ?2), coalesce(?2, reply_count)), "
       "like_count = max(coalesce(like_count, ?3), coalesce(?3, like_count)), "
       "quote_count = max(coalesce(quote_count, ?4), coalesce(?4, quote_count)), "
       "impression_count = max(coalesce(impression_count, ?5), coalesce(?5, impression_count)) WHERE post_key = ?6"},
      {&record_current_handle_,
       "INSERT OR IGNORE INTO account_handles (account_key, handle_lower, handle, first_seen, last_seen) "
       "SELECT account_key, handle_lower, handle, first_seen, coalesce(handle_observed_at, last_seen) "
       "FROM accounts WHERE account_key = ?1 AND handle IS NOT NULL AND handle <> ''"},
      {&insert_post_, kInsertPost},
      {&update_post_, kUpdatePost},
      {&find_by_handle_,
       "SELECT account_key FROM accounts WHERE platform = ?1 AND handle_lower = ?2 "
       "ORDER BY (substr(platform_id, 1, 1) = '@'), account_key LIMIT 1"},
      {&upsert_handle_,
       "INSERT INTO account_handles (account_key, handle_lower, handle, first_seen, last_seen) "
       "VALUES (?1, lower(?2), ?2, ?3, ?3) ON CONFLICT (account_key, handle_lower) DO UPDATE SET "
       "first_seen = min(first_seen, excluded.first_seen), last_seen = max(last_seen, excluded.last_seen)"},
      {&insert_hashtag_, "INSERT OR IGNORE INTO post_hashtags (post_key, tag) VALUES (?1, ?2)"},
      {&insert_mention_, "INSERT OR IGNORE INTO post_mentions (post_key, account_key) VALUES (?1, ?2)"},
      {&insert_url_, "INSERT OR IGNORE INTO post_urls (post_key, url) VALUES (?1, ?2)"},
      {&upsert_follow_,
       "INSERT INTO follows (follower_key, followee_key, first_seen, last_seen, record_id) VALUES (?1, ?2, ?3, ?3, ?4) "
       "ON CONFLICT (follower_key, followee_key) DO UPDATE SET first_seen = min(first_seen, excluded.first_seen), "
       "last_seen = max(last_seen, excluded.last_seen), record_id = coalesce(excluded.record_id, record_id), "
       "ended_at = CASE WHEN excluded.last_seen > coalesce(ended_at, 0) THEN NULL ELSE ended_at END"},
      {&upsert_contact_,
       "INSERT INTO contacts (source, source_id, name, given_name, family_name, company, title, location, "
       "connected_on, first_seen, last_seen) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10) "
       "ON CONFLICT (source, source_id) DO UPDATE SET name = excluded.name, "
       "given_name = coalesce(excluded.given_name, given_name), family_name = coalesce(excluded.family_name, family_name), "
       "company = coalesce(excluded.company, company), title = coalesce(excluded.title, title), "
       "location = coalesce(excluded.location, location), connected_on = coalesce(excluded.connected_on, connected_on), "
       "first_seen = min(first_seen, excluded.first_seen), last_seen = max(last_seen, excluded.last_seen) "
       "RETURNING contact_key"},
      {&insert_contact_email_, "INSERT OR IGNORE INTO contact_emails (contact_key, email) VALUES (?1, ?2)"},
      {&insert_contact_phone_, "INSERT OR IGNORE INTO contact_phones (contact_key, phone) VALUES (?1, ?2)"},
      {&insert_contact_url_, "INSERT OR IGNORE INTO contact_urls (contact_key, url) VALUES (?1, ?2)"},
      {&insert_contact_handle_,
       "INSERT OR IGNORE INTO contact_handles (contact_key, platform, handle) VALUES (?1, ?2, ?3)"},
      {&delete_post_children_[0],
       "DELETE FROM post_hashtags WHERE post_key = (SELECT post_key FROM posts WHERE platform = ?1 AND platform_id = ?2)"},
      {&delete_post_children_[1],
       "DELETE FROM post_mentions WHERE post_key = (SELECT post_key FROM posts WHERE platform = ?1 AND platform_id = ?2)"},
      {&delete_post_children_[2],
       "DELETE FROM post_urls WHERE post_key = (SELECT post_key FROM posts WHERE platform = ?1 AND platform_id = ?2)"},
      {&delete_post_, "DELETE FROM posts WHERE platform = ?1 AND platform_id = ?2"},
      {&end_follow_,
       "UPDATE follows SET ended_at = ?2 WHERE record_id = ?1 AND (ended_at IS NULL OR ended_at < ?2) AND last_seen <= ?2"},
      {&upsert_interaction_,
       "INSERT INTO interactions (source_key, target_key, relation, weight, first_seen, last_seen) "
       "VALUES (?1, ?2, ?3, ?4, ?5, ?5) ON CONFLICT (source_key, target_key, relation) DO UPDATE SET "
       "weight = excluded.weight, first_seen = min(first_seen, excluded.first_seen), "
       "last_seen = max(last_seen, excluded.last_seen)"},
      {&upsert_quarantine_,
       "INSERT INTO quarantine (run_id, source, line, byte_offset, reason, raw) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
       "ON CONFLICT (source, byte_offset, line) DO UPDATE SET run_id = excluded.run_id, reason = excluded.reason"},
  };
  CROWDLENS_RETURN_IF_ERROR(db_.Execute("PRAGMA foreign_keys = OFF"));
  for (const Entry& entry : entries) {
    Result<Statement> prepared = db_.Prepare(entry.sql);
    if (!prepared.ok()) return prepared.status();
    *entry.target = std::move(prepared).value();
  }
  return Status::Ok();
}

Status BatchWriter::Write(const Batch& batch) {
  Status status = InTransaction(db_, [&] { return WriteAll(batch); });
  // Keys cached during a rolled-back transaction may not exist.
  if (!status.ok()) {
    account_cache_.clear();
    post_cache_.clear();
    dirty_posts_.clear();
  }
  return status;
}

Status BatchWriter::FlushMetrics() {
  for (const std::string& cache_key : dirty_posts_) {
    auto found = post_cache_.find(cache_key);
    if (found == post_cache_.end() || !found->second.metrics_dirty) continue;
    CachedPost& cached = found->second;
    for (int index = 0; index < 5; ++index) {
      if (cached.metrics[index] >= 0) {
        update_metrics_.Bind(index + 1, cached.metrics[index]);
      } else {
        update_metrics_.BindNull(index + 1);
      }
    }
    update_metrics_.Bind(6, cached.key);
    CROWDLENS_RETURN_IF_ERROR(update_metrics_.Run());
    cached.metrics_dirty = false;
  }
  dirty_posts_.clear();
  return Status::Ok();
}

Status BatchWriter::WriteAll(const Batch& batch) {
  for (const Account& account : batch.accounts) {
    Result<int64_t> key = ResolveAccount(account);
    if (!key.ok()) return key.status();
    ++counts_.accounts;
  }
  for (const Post& post : batch.posts) {
    CROWDLENS_RETURN_IF_ERROR(WritePost(post));
    ++counts_.posts;
  }
  for (const Edge& edge : batch.edges) {
    CROWDLENS_RETURN_IF_ERROR(WriteEdge(edge));
    ++counts_.edges;
  }
  CROWDLENS_RETURN_IF_ERROR(FlushMetrics());
  for (const Contact& contact : batch.contacts) {
    CROWDLENS_RETURN_IF_ERROR(WriteContact(contact));
    ++counts_.contacts;
  }
  for (const Deletion& deletion : batch.deletions) {
    CROWDLENS_RETURN_IF_ERROR(WriteDeletion(deletion));
    ++counts_.deletions;
  }
  for (const QuarantineEntry& entry : batch.quarantined) {
    CROWDLENS_RETURN_IF_ERROR(WriteQuarantine(entry));
    ++counts_.quarantined;
  }
  for (const FollowSnapshot& snapshot : batch.snapshots) {
    Result<int64_t> key = ResolveId(snapshot.platform, snapshot.account_id, "", snapshot.observed_at);
    if (!key.ok()) return key.status();
    snapshots_.push_back({.account_key = *key, .kind = snapshot.kind, .observed_at = snapshot.observed_at});
  }
  return Status::Ok();
}

Status BatchWriter::ApplySnapshots() {
  std::sort(snapshots_.begin(), snapshots_.end());
  snapshots_.erase(std::unique(snapshots_.begin(), snapshots_.end()), snapshots_.end());
  if (snapshots_.empty()) return Status::Ok();
  // A follow the list lacks was last seen before the list was taken: it ended
  // at some moment between its last_seen and observed_at; observed_at is when
  // crowdlens learnt of it.
  Result<Statement> end_followers = db_.Prepare(
      "UPDATE follows SET ended_at = ?2 WHERE followee_key = ?1 AND ended_at IS NULL AND last_seen < ?2");
  if (!end_followers.ok()) return end_followers.status();
  Result<Statement> end_following = db_.Prepare(
      "UPDATE follows SET ended_at = ?2 WHERE follower_key = ?1 AND ended_at IS NULL AND last_seen < ?2");
  if (!end_following.ok()) return end_following.status();
  return InTransaction(db_, [&]() -> Status {
    for (const PendingSnapshot& snapshot : snapshots_) {
      Statement& statement = snapshot.kind == FollowSnapshot::Kind::kFollowers ? *end_followers : *end_following;
      statement.Bind(1, snapshot.account_key);
      statement.Bind(2, snapshot.observed_at);
      CROWDLENS_RETURN_IF_ERROR(statement.Run());
      counts_.ended_follows += static_cast<uint64_t>(sqlite3_changes(db_.handle()));
    }
    snapshots_.clear();
    return Status::Ok();
  });
}

Result<int64_t> BatchWriter::ResolveAccount(const Account& account) {
  // An account known only by its handle joins the account that has that handle.
  if (!account.has_profile && !account.platform_id.empty() && account.platform_id[0] == '@') {
    return ResolveId(account.platform, account.platform_id, account.handle, account.observed_at);
  }
  return UpsertAccount(account);
}

void BatchWriter::BindAccount(Statement& stmt, const Account& account) {
  stmt.Bind(1, account.platform);
  stmt.Bind(2, account.platform_id);
  if (!account.handle.empty()) {
    stmt.Bind(3, account.handle);
    stmt.Bind(4, account.observed_at);
  }
  if (account.has_profile) {
    stmt.Bind(5, account.name);
    stmt.Bind(6, account.bio);
    stmt.Bind(7, account.location);
    stmt.Bind(8, account.url);
    stmt.Bind(9, account.followers_count);
    stmt.Bind(10, account.following_count);
    stmt.Bind(11, account.post_count);
    stmt.Bind(12, account.listed_count);
    stmt.Bind(13, account.created_at);
    stmt.Bind(14, account.verified);
    stmt.Bind(15, account.bot);
    stmt.Bind(16, account.time_zone);
    stmt.Bind(17, account.lang);
    stmt.Bind(18, account.observed_at);
  }
  stmt.Bind(19, account.observed_at);
}

Result<int64_t> BatchWriter::UpsertAccount(const Account& account) {
  std::string cache_key = CacheKey(account.platform, account.platform_id);
  auto found = account_cache_.find(cache_key);
  if (found == account_cache_.end()) {
    // Not seen by this writer: most such accounts are new, so try the insert first.
    BindAccount(insert_account_, account);
    CROWDLENS_RETURN_IF_ERROR(insert_account_.Run());
    if (sqlite3_changes(db_.handle()) == 1) {
      CachedAccount cached{.key = db_.LastInsertRowId(),
                           .profile_observed_at = account.has_profile ? account.observed_at : -1,
                           .profile_hash = account.has_profile ? ProfileHash(account) : 0,
                           .handle_observed_at = account.handle.empty() ? -1 : account.observed_at,
                           .first_seen = account.observed_at,
                           .last_seen = account.observed_at,
                           .handle_lower = Lower(account.handle)};
      account_cache_.emplace(cache_key, std::move(cached));
      return db_.LastInsertRowId();
    }
    find_account_.Bind(1, account.platform);
    find_account_.Bind(2, account.platform_id);
    Result<bool> row = find_account_.Step();
    if (!row.ok()) {
      find_account_.Reset();
      return row.status();
    }
    if (!row.value()) {
      find_account_.Reset();
      return StoreError("account " + account.platform + ":" + account.platform_id + " was neither inserted nor found");
    }
    CachedAccount cached{.key = find_account_.ColumnInt(0), .profile_observed_at = find_account_.ColumnInt(1),
                         .handle_observed_at = find_account_.ColumnInt(2), .first_seen = find_account_.ColumnInt(3),
                         .last_seen = find_account_.ColumnInt(4), .handle_lower = find_account_.ColumnText(5)};
    find_account_.Reset();
    found = account_cache_.emplace(cache_key, std::move(cached)).first;
  }
  CachedAccount& cached = found->second;
  // A handle other than the current one: keep both in the history, so old handles stay findable.
  if (!account.handle.empty() && Lower(account.handle) != cached.handle_lower) {
    if (!cached.handle_lower.empty()) {
      record_current_handle_.Bind(1, cached.key);
      CROWDLENS_RETURN_IF_ERROR(record_current_handle_.Run());
    }
    upsert_handle_.Bind(1, cached.key);
    upsert_handle_.Bind(2, account.handle);
    upsert_handle_.Bind(3, account.observed_at);
    CROWDLENS_RETURN_IF_ERROR(upsert_handle_.Run());
  }
  // An observation older than what is stored changes nothing; one as old
  // changes something only when it says something else (two halves of one
  // profile, as an X archive's account.js and profile.js give).
  const uint64_t profile_hash = account.has_profile ? ProfileHash(account) : 0;
  bool newer_profile = account.has_profile && (account.observed_at > cached.profile_observed_at ||
                                               (account.observed_at == cached.profile_observed_at &&
                                                profile_hash != cached.profile_hash));
  bool newer_handle = !account.handle.empty() && account.observed_at > cached.handle_observed_at;
  bool widens_seen = account.observed_at < cached.first_seen || account.observed_at > cached.last_seen;
  if (!newer_profile && !newer_handle && !widens_seen) return cached.key;
  BindAccount(update_account_, account);
  update_account_.Bind(20, cached.key);
  CROWDLENS_RETURN_IF_ERROR(update_account_.Run());
  if (newer_profile) {
    cached.profile_observed_at = account.observed_at;
    cached.profile_hash = profile_hash;
  }
  if (newer_handle || cached.handle_lower.empty()) {
    cached.handle_observed_at = std::max(cached.handle_observed_at, account.observed_at);
    cached.handle_lower = Lower(account.handle);
  }
  cached.first_seen = std::min(cached.first_seen, account.observed_at);
  cached.last_seen = std::max(cached.last_seen, account.observed_at);
  return cached.key;
}

Result<int64_t> BatchWriter::ResolveId(const std::string& platform, const std::string& platform_id,
                                       const std::string& handle, int64_t observed_at) {
  // The hot path (authors and mentions already seen): a lookup without allocating.
  lookup_key_.assign(platform);
  lookup_key_ += '\x1f';
  lookup_key_ += platform_id;
  auto found = account_cache_.find(lookup_key_);
  if (found != account_cache_.end()) return found->second.key;
  // "@handle": an account known only by its handle; prefer one whose real id is known.
  if (!platform_id.empty() && platform_id[0] == '@') {
    const std::string handle_lower = Lower(platform_id.substr(1));
    find_by_handle_.Bind(1, platform);
    find_by_handle_.Bind(2, handle_lower);
    Result<bool> row = find_by_handle_.Step();
    if (!row.ok()) {
      find_by_handle_.Reset();
      return row.status();
    }
    if (row.value()) {
      int64_t key = find_by_handle_.ColumnInt(0);
      find_by_handle_.Reset();
      CachedAccount& cached = account_cache_[CacheKey(platform, platform_id)];
      cached.key = key;
      cached.first_seen = cached.last_seen = observed_at;
      cached.handle_lower = Lower(platform_id.substr(1));
      return key;
    }
    find_by_handle_.Reset();
  }
  return UpsertAccount(Account{.platform = platform, .platform_id = platform_id, .handle = handle,
                               .observed_at = observed_at});
}

void BatchWriter::BindPost(Statement& stmt, const Post& post, int64_t author_key,
                           std::optional<int64_t> reply_to_account) {
  stmt.Bind(1, post.platform);
  stmt.Bind(2, post.platform_id);
  stmt.Bind(3, author_key);
  stmt.Bind(4, post.created_at);
  stmt.Bind(5, post.text);
  stmt.Bind(6, post.lang);
  stmt.Bind(7, post.source);
  stmt.Bind(8, post.reply_to_post_id);
  stmt.Bind(9, reply_to_account);
  stmt.Bind(10, post.retweet_of_id);
  stmt.Bind(11, post.quote_of_id);
  stmt.Bind(12, post.country_code);
  stmt.Bind(13, post.metrics.retweets);
  stmt.Bind(14, post.metrics.replies);
  stmt.Bind(15, post.metrics.likes);
  stmt.Bind(16, post.metrics.quotes);
  stmt.Bind(17, post.metrics.impressions);
  stmt.Bind(18, post.created_at);
}

Status BatchWriter::WritePost(const Post& post) {
  const int64_t incoming[5] = {post.metrics.retweets.value_or(-1), post.metrics.replies.value_or(-1),
                               post.metrics.likes.value_or(-1), post.metrics.quotes.value_or(-1),
                               post.metrics.impressions.value_or(-1)};
  const int64_t text_length = static_cast<int64_t>(post.text.size());
  std::string cache_key = CacheKey(post.platform, post.platform_id);
  auto found = post_cache_.find(cache_key);
  if (found != post_cache_.end()) {
    // Seen before: growing metrics are merged once per batch (a status
    // embedded in each of its retweets grows with every one); only a longer
    // text (an extended tweet) is written now.
    CachedPost& cached = found->second;
    for (int index = 0; index < 5; ++index) {
      if (incoming[index] > cached.metrics[index]) {
        cached.metrics[index] = incoming[index];
        if (!cached.metrics_dirty) dirty_posts_.push_back(cache_key);
        cached.metrics_dirty = true;
      }
    }
    if (text_length <= cached.text_length) return Status::Ok();
  }
  Result<int64_t> author = ResolveId(post.platform, post.author_id, "", post.created_at);
  if (!author.ok()) return author.status();
  std::optional<int64_t> reply_to_account;
  if (post.reply_to_account_id) {
    Result<int64_t> key = ResolveId(post.platform, *post.reply_to_account_id, "", post.created_at);
    if (!key.ok()) return key.status();
    reply_to_account = key.value();
  }
  // Not cached: insert, and if the post was already in the workspace, merge instead.
  bool inserted = false;
  if (found == post_cache_.end()) {
    BindPost(insert_post_, post, author.value(), reply_to_account);
    CROWDLENS_RETURN_IF_ERROR(insert_post_.Run());
    inserted = sqlite3_changes(db_.handle()) == 1;
    if (inserted) {
      found = post_cache_.emplace(cache_key, CachedPost{.key = db_.LastInsertRowId()}).first;
    } else {
      find_post_.Bind(1, post.platform);
      find_post_.Bind(2, post.platform_id);
      Result<bool> row = find_post_.Step();
      if (!row.ok() || !row.value()) {
        find_post_.Reset();
        return row.ok() ? StoreError("post " + post.platform_id + " was neither inserted nor found") : row.status();
      }
      CachedPost cached{.key = find_post_.ColumnInt(0), .text_length = find_post_.ColumnInt(6)};
      for (int index = 0; index < 5; ++index) cached.metrics[index] = find_post_.ColumnInt(1 + index);
      find_post_.Reset();
      found = post_cache_.emplace(cache_key, cached).first;
    }
  }
  if (!inserted) {
    CachedPost& cached = found->second;
    bool news = text_length > cached.text_length;
    for (int index = 0; index < 5; ++index) news = news || incoming[index] > cached.metrics[index];
    if (news) {
      BindPost(update_post_, post, author.value(), reply_to_account);
      update_post_.Bind(19, cached.key);
      CROWDLENS_RETURN_IF_ERROR(update_post_.Run());
    }
  }
  CachedPost& cached = found->second;
  cached.text_length = std::max(cached.text_length, text_length);
  for (int index = 0; index < 5; ++index) cached.metrics[index] = std::max(cached.metrics[index], incoming[index]);
  const int64_t post_key = cached.key;

  for (const std::string& tag : post.hashtags) {
    insert_hashtag_.Bind(1, post_key);
    insert_hashtag_.Bind(2, tag);
    CROWDLENS_RETURN_IF_ERROR(insert_hashtag_.Run());
  }
  for (const Mention& mention : post.mentions) {
    Result<int64_t> key = ResolveId(post.platform, mention.account_id, mention.handle, post.created_at);
    if (!key.ok()) return key.status();
    insert_mention_.Bind(1, post_key);
    insert_mention_.Bind(2, key.value());
    CROWDLENS_RETURN_IF_ERROR(insert_mention_.Run());
  }
  for (const std::string& url : post.urls) {
    insert_url_.Bind(1, post_key);
    insert_url_.Bind(2, url);
    CROWDLENS_RETURN_IF_ERROR(insert_url_.Run());
  }
  return Status::Ok();
}

Status BatchWriter::WriteEdge(const Edge& edge) {
  Result<int64_t> source = ResolveId(edge.platform, edge.source_id, "", edge.observed_at);
  if (!source.ok()) return source.status();
  Result<int64_t> target = ResolveId(edge.platform, edge.target_id, "", edge.observed_at);
  if (!target.ok()) return target.status();
  if (edge.relation == Relation::kFollow) {
    upsert_follow_.Bind(1, source.value());
    upsert_follow_.Bind(2, target.value());
    upsert_follow_.Bind(3, edge.observed_at);
    upsert_follow_.Bind(4, edge.record_id);
    return upsert_follow_.Run();
  }
  upsert_interaction_.Bind(1, source.value());
  upsert_interaction_.Bind(2, target.value());
  upsert_interaction_.Bind(3, RelationName(edge.relation));
  upsert_interaction_.Bind(4, edge.weight);
  upsert_interaction_.Bind(5, edge.observed_at);
  return upsert_interaction_.Run();
}

Status BatchWriter::WriteContact(const Contact& contact) {
  upsert_contact_.Bind(1, contact.source);
  upsert_contact_.Bind(2, contact.source_id);
  upsert_contact_.Bind(3, contact.name);
  upsert_contact_.Bind(4, contact.given_name);
  upsert_contact_.Bind(5, contact.family_name);
  upsert_contact_.Bind(6, contact.company);
  upsert_contact_.Bind(7, contact.title);
  upsert_contact_.Bind(8, contact.location);
  upsert_contact_.Bind(9, contact.connected_on);
  upsert_contact_.Bind(10, contact.observed_at);
  Result<bool> row = upsert_contact_.Step();
  if (!row.ok()) {
    upsert_contact_.Reset();
    return row.status();
  }
  int64_t key = upsert_contact_.ColumnInt(0);
  upsert_contact_.Reset();
  for (const std::string& email : contact.emails) {
    insert_contact_email_.Bind(1, key);
    insert_contact_email_.Bind(2, email);
    CROWDLENS_RETURN_IF_ERROR(insert_contact_email_.Run());
  }
  for (const std::string& phone : contact.phones) {
    insert_contact_phone_.Bind(1, key);
    insert_contact_phone_.Bind(2, phone);
    CROWDLENS_RETURN_IF_ERROR(insert_contact_phone_.Run());
  }
  for (const std::string& url : contact.urls) {
    insert_contact_url_.Bind(1, key);
    insert_contact_url_.Bind(2, url);
    CROWDLENS_RETURN_IF_ERROR(insert_contact_url_.Run());
  }
  for (const SocialHandle& handle : contact.handles) {
    insert_contact_handle_.Bind(1, key);
    insert_contact_handle_.Bind(2, handle.platform);
    insert_contact_handle_.Bind(3, handle.handle);
    CROWDLENS_RETURN_IF_ERROR(insert_contact_handle_.Run());
  }
  return Status::Ok();
}

Status BatchWriter::WriteDeletion(const Deletion& deletion) {
  if (deletion.kind == Deletion::Kind::kFollow) {
    end_follow_.Bind(1, deletion.id);
    end_follow_.Bind(2, deletion.observed_at);
    return end_follow_.Run();
  }
  for (Statement& children : delete_post_children_) {
    children.Bind(1, deletion.platform);
    children.Bind(2, deletion.id);
    CROWDLENS_RETURN_IF_ERROR(children.Run());
  }
  delete_post_.Bind(1, deletion.platform);
  delete_post_.Bind(2, deletion.id);
  CROWDLENS_RETURN_IF_ERROR(delete_post_.Run());
  post_cache_.erase(CacheKey(deletion.platform, deletion.id));
  return Status::Ok();
}

Status BatchWriter::WriteQuarantine(const QuarantineEntry& entry) {
  upsert_quarantine_.Bind(1, run_id_);
  upsert_quarantine_.Bind(2, entry.source);
  upsert_quarantine_.Bind(3, entry.line);
  upsert_quarantine_.Bind(4, entry.offset);
  upsert_quarantine_.Bind(5, entry.reason);
  upsert_quarantine_.Bind(6, entry.raw);
  return upsert_quarantine_.Run();
}

}  // namespace crowdlens
