#include "store/person_data.h"

#include <string_view>

namespace crowdlens {
namespace {

// "1, 2, 3": keys are integers, so the list is written into the SQL safely.
std::string KeyList(const std::vector<int64_t>& keys) {
  std::string list;
  for (int64_t key : keys) list += (list.empty() ? "" : ", ") + std::to_string(key);
  return list.empty() ? "NULL" : list;
}

std::string Substitute(std::string sql, std::string_view placeholder, const std::string& value) {
  for (size_t at = sql.find(placeholder); at != std::string::npos; at = sql.find(placeholder, at + value.size())) {
    sql.replace(at, placeholder.size(), value);
  }
  return sql;
}

StoredValue ReadValue(const Statement& statement, int column, sqlite3_stmt* raw) {
  switch (sqlite3_column_type(raw, column)) {
    case SQLITE_NULL:
      return std::monostate{};
    case SQLITE_INTEGER:
      return statement.ColumnInt(column);
    case SQLITE_FLOAT:
      return statement.ColumnDouble(column);
    default:
      return statement.ColumnText(column);
  }
}

// Runs `sql` (with ?1 bound to `parameter` when it is not empty) and appends
// its rows to `into`, taking the column names from the first query run.
Status AppendRows(Database& db, const std::string& sql, const std::string& parameter, RecordSet& into) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db.handle(), sql.c_str(), static_cast<int>(sql.size()), &raw, nullptr) != SQLITE_OK) {
    std::string message = sqlite3_errmsg(db.handle());
    sqlite3_finalize(raw);
    return StoreError(message + " (in: " + sql.substr(0, 120) + ")");
  }
  Statement statement(db.handle(), raw);
  if (!parameter.empty()) statement.Bind(1, parameter);
  if (into.columns.empty()) {
    for (int column = 0; column < statement.ColumnCount(); ++column)
      into.columns.push_back(statement.ColumnName(column));
  }
  while (true) {
    Result<bool> row = statement.Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::Ok();
    std::vector<StoredValue> values;
    for (int column = 0; column < statement.ColumnCount(); ++column)
      values.push_back(ReadValue(statement, column, raw));
    into.rows.push_back(std::move(values));
  }
}

Status AddSection(Database& db, PersonData& data, std::string name, const std::string& sql) {
  RecordSet section{.name = std::move(name), .columns = {}, .rows = {}};
  CROWDLENS_RETURN_IF_ERROR(AppendRows(db, sql, "", section));
  data.sections.push_back(std::move(section));
  return Status::Ok();
}

// Every edge in and out of the accounts {K}, one row each, with the other side.
// Mentions, replies, retweets and quotes carry the post that makes the edge.
constexpr const char* kEdgesSql = R"sql(
SELECT 'out' AS direction, 'follow' AS relation, o.platform AS other_platform, o.handle AS other_handle,
       o.platform_id AS other_platform_id, NULL AS post_id, 1.0 AS weight, f.first_seen, f.last_seen, f.ended_at
  FROM follows f JOIN accounts o ON o.account_key = f.followee_key WHERE f.follower_key IN ({K})
UNION ALL
SELECT 'in', 'follow', o.platform, o.handle, o.platform_id, NULL, 1.0, f.first_seen, f.last_seen, f.ended_at
  FROM follows f JOIN accounts o ON o.account_key = f.follower_key WHERE f.followee_key IN ({K})
UNION ALL
SELECT 'out', i.relation, o.platform, o.handle, o.platform_id, NULL, i.weight, i.first_seen, i.last_seen, NULL
  FROM interactions i JOIN accounts o ON o.account_key = i.target_key WHERE i.source_key IN ({K})
UNION ALL
SELECT 'in', i.relation, o.platform, o.handle, o.platform_id, NULL, i.weight, i.first_seen, i.last_seen, NULL
  FROM interactions i JOIN accounts o ON o.account_key = i.source_key WHERE i.target_key IN ({K})
UNION ALL
SELECT 'out', 'mention', o.platform, o.handle, o.platform_id, p.platform_id, 1.0, p.created_at, p.created_at, NULL
  FROM post_mentions m JOIN posts p ON p.post_key = m.post_key JOIN accounts o ON o.account_key = m.account_key
  WHERE p.author_key IN ({K})
UNION ALL
SELECT 'in', 'mention', o.platform, o.handle, o.platform_id, p.platform_id, 1.0, p.created_at, p.created_at, NULL
  FROM post_mentions m JOIN posts p ON p.post_key = m.post_key JOIN accounts o ON o.account_key = p.author_key
  WHERE m.account_key IN ({K})
UNION ALL
SELECT 'out', 'reply', o.platform, o.handle, o.platform_id, p.platform_id, 1.0, p.created_at, p.created_at, NULL
  FROM posts p JOIN accounts o ON o.account_key = p.reply_to_account_key WHERE p.author_key IN ({K})
UNION ALL
SELECT 'in', 'reply', o.platform, o.handle, o.platform_id, p.platform_id, 1.0, p.created_at, p.created_at, NULL
  FROM posts p JOIN accounts o ON o.account_key = p.author_key WHERE p.reply_to_account_key IN ({K})
UNION ALL
SELECT 'out', 'retweet', o.platform, o.handle, o.platform_id, p.platform_id, 1.0, p.created_at, p.created_at, NULL
  FROM posts p JOIN posts q ON q.platform = p.platform AND q.platform_id = p.retweet_of_id
  JOIN accounts o ON o.account_key = q.author_key WHERE p.author_key IN ({K})
UNION ALL
SELECT 'in', 'retweet', o.platform, o.handle, o.platform_id, p.platform_id, 1.0, p.created_at, p.created_at, NULL
  FROM posts p JOIN posts q ON q.platform = p.platform AND q.platform_id = p.retweet_of_id
  JOIN accounts o ON o.account_key = p.author_key WHERE q.author_key IN ({K})
UNION ALL
SELECT 'out', 'quote', o.platform, o.handle, o.platform_id, p.platform_id, 1.0, p.created_at, p.created_at, NULL
  FROM posts p JOIN posts q ON q.platform = p.platform AND q.platform_id = p.quote_of_id
  JOIN accounts o ON o.account_key = q.author_key WHERE p.author_key IN ({K})
UNION ALL
SELECT 'in', 'quote', o.platform, o.handle, o.platform_id, p.platform_id, 1.0, p.created_at, p.created_at, NULL
  FROM posts p JOIN posts q ON q.platform = p.platform AND q.platform_id = p.quote_of_id
  JOIN accounts o ON o.account_key = p.author_key WHERE q.author_key IN ({K})
ORDER BY 2, 1, 4, 6
)sql";

// The formats whose inputs can hold accounts of a platform, or contacts.
std::string SourceFormats(const Person& person) {
  if (person.kind == PersonKind::kContact) return "'contacts-csv', 'vcard'";
  if (person.platform == "bluesky") return "'bluesky', 'edgelist', 'mtx'";
  if (person.platform == "mastodon") return "'mastodon', 'edgelist', 'mtx'";
  return "'twitter-v1', 'twitter-v2', 'cassette', 'x-archive', 'tweet-csv', 'congress-network', 'edgelist', 'mtx'";
}

Status CollectAccount(Database& db, const Person& person, PersonData& data) {
  std::string keys = KeyList(person.account_keys);
  auto with_keys = [&](const char* sql) { return Substitute(sql, "{K}", keys); };
  CROWDLENS_RETURN_IF_ERROR(AddSection(
      db, data, "accounts", with_keys("SELECT * FROM accounts WHERE account_key IN ({K}) ORDER BY account_key")));
  CROWDLENS_RETURN_IF_ERROR(AddSection(
      db, data, "account_handles",
      with_keys("SELECT * FROM account_handles WHERE account_key IN ({K}) ORDER BY account_key, first_seen")));
  CROWDLENS_RETURN_IF_ERROR(AddSection(
      db, data, "posts", with_keys("SELECT * FROM posts WHERE author_key IN ({K}) ORDER BY created_at, post_key")));
  CROWDLENS_RETURN_IF_ERROR(AddSection(
      db, data, "post_hashtags",
      with_keys("SELECT p.platform_id AS post_id, h.tag FROM post_hashtags h JOIN posts p ON p.post_key = h.post_key "
                "WHERE p.author_key IN ({K}) ORDER BY p.created_at, h.tag")));
  CROWDLENS_RETURN_IF_ERROR(AddSection(
      db, data, "post_urls",
      with_keys("SELECT p.platform_id AS post_id, u.url FROM post_urls u JOIN posts p ON p.post_key = u.post_key "
                "WHERE p.author_key IN ({K}) ORDER BY p.created_at, u.url")));
  CROWDLENS_RETURN_IF_ERROR(AddSection(db, data, "edges", with_keys(kEdgesSql)));
  CROWDLENS_RETURN_IF_ERROR(
      AddSection(db, data, "account_labels",
                 with_keys("SELECT * FROM account_labels WHERE account_key IN ({K}) ORDER BY kind, score DESC, name")));
  CROWDLENS_RETURN_IF_ERROR(
      AddSection(db, data, "lists_owned", with_keys("SELECT * FROM lists WHERE owner_key IN ({K}) ORDER BY list_key")));
  CROWDLENS_RETURN_IF_ERROR(AddSection(
      db, data, "list_memberships",
      with_keys("SELECT l.platform AS list_platform, l.platform_id AS list_id, l.name AS list_name, m.first_seen, "
                "m.last_seen FROM list_members m JOIN lists l ON l.list_key = m.list_key "
                "WHERE m.account_key IN ({K}) ORDER BY l.list_key")));
  RecordSet matches{.name = "contact_matches", .columns = {}, .rows = {}};
  std::string match_sql =
      "SELECT c.*, h.platform AS matched_platform, h.handle AS matched_handle FROM contact_handles h "
      "JOIN contacts c ON c.contact_key = h.contact_key WHERE h.platform = '" +
      Substitute(person.platform, "'", "''") + "' AND lower(ltrim(h.handle, '@')) = ?1 ORDER BY c.contact_key";
  for (const std::string& handle : person.handles)
    CROWDLENS_RETURN_IF_ERROR(AppendRows(db, match_sql, handle, matches));
  data.sections.push_back(std::move(matches));
  // Cards `crowdlens match` tied to the account by name or address, with the evidence it stored.
  return AddSection(db, data, "stored_contact_matches",
                    with_keys("SELECT m.account_key, m.confidence, m.method, m.why, m.matched_at, c.* "
                              "FROM contact_matches m JOIN contacts c ON c.contact_key = m.contact_key "
                              "WHERE m.account_key IN ({K}) ORDER BY m.account_key, c.contact_key"));
}

Status CollectContact(Database& db, const Person& person, PersonData& data) {
  std::string keys = KeyList(person.contact_keys);
  for (const char* table : {"contacts", "contact_emails", "contact_phones", "contact_urls", "contact_handles"}) {
    CROWDLENS_RETURN_IF_ERROR(AddSection(
        db, data, table,
        "SELECT * FROM " + std::string(table) + " WHERE contact_key IN (" + keys + ") ORDER BY contact_key"));
  }
  CROWDLENS_RETURN_IF_ERROR(AddSection(
      db, data, "account_matches",
      "SELECT h.platform, h.handle AS contact_handle, a.account_key, a.handle, a.name FROM contact_handles h "
      "JOIN accounts a ON a.platform = h.platform AND a.handle_lower = lower(ltrim(h.handle, '@')) "
      "WHERE h.contact_key IN (" +
          keys + ") ORDER BY a.account_key"));
  // The accounts `crowdlens match` tied to the card, with the evidence it stored.
  return AddSection(db, data, "stored_account_matches",
                    "SELECT m.contact_key, m.confidence, m.method, m.why, m.matched_at, a.account_key, a.platform, "
                    "a.handle, a.name FROM contact_matches m JOIN accounts a ON a.account_key = m.account_key "
                    "WHERE m.contact_key IN (" + keys + ") ORDER BY m.contact_key, a.account_key");
}

}  // namespace

Result<PersonData> CollectPersonData(Database& db, const Person& person) {
  PersonData data;
  // One read snapshot for every section.
  CROWDLENS_RETURN_IF_ERROR(db.Execute("BEGIN"));
  Status collected = [&]() -> Status {
    CROWDLENS_RETURN_IF_ERROR(person.kind == PersonKind::kAccount ? CollectAccount(db, person, data)
                                                                  : CollectContact(db, person, data));
    std::string quarantined = KeyList(person.quarantine_ids);
    CROWDLENS_RETURN_IF_ERROR(
        AddSection(db, data, "quarantine",
                   "SELECT * FROM quarantine WHERE quarantine_id IN (" + quarantined + ") ORDER BY quarantine_id"));
    return AddSection(db, data, "import_inputs",
                      "SELECT f.run_id, r.started_at, f.source, f.format, f.records, "
                      "f.source IN (SELECT source FROM quarantine WHERE quarantine_id IN (" +
                          quarantined +
                          ")) AS quarantined_a_record "
                          "FROM import_files f JOIN import_runs r ON r.run_id = f.run_id "
                          "WHERE (f.status = 'done' AND f.records > 0 AND f.format IN (" +
                          SourceFormats(person) +
                          ")) "
                          "OR f.source IN (SELECT source FROM quarantine WHERE quarantine_id IN (" +
                          quarantined +
                          ")) "
                          "ORDER BY f.run_id, f.source");
  }();
  (void)db.Execute("ROLLBACK");
  if (!collected.ok()) return collected;
  data.notes.push_back(
      "rows do not record the input they were read from: import_inputs lists every imported input of a format "
      "that can hold this " +
      std::string(PersonKindName(person.kind)) + ", and every input with a quarantined record naming it");
  if (person.kind == PersonKind::kAccount) {
    data.notes.push_back(
        "others' posts that mention this account are their authors' data and are not included; "
        "edges.mention (direction in) lists them by post id");
  }
  return data;
}

const RecordSet* FindSection(const PersonData& data, std::string_view name) {
  for (const RecordSet& section : data.sections) {
    if (section.name == name) return &section;
  }
  return nullptr;
}

}  // namespace crowdlens
