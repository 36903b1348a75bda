#include "store/erasure.h"

#include <filesystem>

#include "core/time.h"

namespace crowdlens {
namespace {

constexpr const char* kRedaction = "[erased]";

// One step: rows of `table` matching `where` are deleted ("remove") or have
// `set` applied ("clear"). `where` reads the temp tables FillTargets fills
// and only tables that no earlier step changes, so a dry run's count of each
// step is what the erasure then changes.
struct Step {
  const char* table;
  const char* action;
  const char* what;
  const char* where;
  const char* set = nullptr;
};

// Steps run in this order: rows that reference an account go before it (the
// schema's foreign keys are enforced, so a missed reference fails the erasure).
const std::vector<Step>& AccountSteps() {
  static const std::vector<Step> steps = {
      {"post_hashtags", "remove", "hashtags of its posts and of retweets of them",
       "post_key IN (SELECT post_key FROM temp.forget_posts)"},
      {"post_urls", "remove", "links in its posts and in retweets of them",
       "post_key IN (SELECT post_key FROM temp.forget_posts)"},
      {"post_mentions", "remove", "mentions in its posts, and mentions of it in others' posts",
       "post_key IN (SELECT post_key FROM temp.forget_posts) "
       "OR account_key IN (SELECT account_key FROM temp.forget_accounts)"},
      {"posts", "clear", "others' replies to it: the link to it (the text stays)",
       "post_key NOT IN (SELECT post_key FROM temp.forget_posts) AND ("
       "reply_to_account_key IN (SELECT account_key FROM temp.forget_accounts) "
       "OR reply_to_post_id IN (SELECT platform_id FROM temp.forget_post_ids))",
       "reply_to_account_key = NULL, reply_to_post_id = NULL"},
      {"posts", "clear", "others' quotes of its posts: the link to it (the text stays)",
       "post_key NOT IN (SELECT post_key FROM temp.forget_posts) "
       "AND quote_of_id IN (SELECT platform_id FROM temp.forget_post_ids)",
       "quote_of_id = NULL"},
      {"posts", "remove", "its posts, and retweets of them (their text is its words)",
       "post_key IN (SELECT post_key FROM temp.forget_posts)"},
      {"follows", "remove", "whom it follows and who follows it",
       "follower_key IN (SELECT account_key FROM temp.forget_accounts) "
       "OR followee_key IN (SELECT account_key FROM temp.forget_accounts)"},
      {"interactions", "remove", "retweet, mention and reply edges from and to it",
       "source_key IN (SELECT account_key FROM temp.forget_accounts) "
       "OR target_key IN (SELECT account_key FROM temp.forget_accounts)"},
      {"list_members", "remove", "its list memberships, and the members of lists it owns",
       "account_key IN (SELECT account_key FROM temp.forget_accounts) "
       "OR list_key IN (SELECT list_key FROM lists WHERE owner_key IN (SELECT account_key FROM temp.forget_accounts))"},
      {"lists", "remove", "lists it owns", "owner_key IN (SELECT account_key FROM temp.forget_accounts)"},
      {"account_labels", "remove", "its topic, role, location and spam labels",
       "account_key IN (SELECT account_key FROM temp.forget_accounts)"},
      {"account_handles", "remove", "handles it had", "account_key IN (SELECT account_key FROM temp.forget_accounts)"},
      {"contact_matches", "remove", "address-book contacts matched to it",
       "account_key IN (SELECT account_key FROM temp.forget_accounts)"},
      {"contact_handles", "remove", "contacts' links to its handles",
       "lower(ltrim(handle, '@')) IN (SELECT handle FROM temp.forget_handles) AND platform = "
       "(SELECT platform FROM accounts WHERE account_key = (SELECT min(account_key) FROM temp.forget_accounts))"},
      {"accounts", "remove", "the account", "account_key IN (SELECT account_key FROM temp.forget_accounts)"},
  };
  return steps;
}

const std::vector<Step>& ContactSteps() {
  static const std::vector<Step> steps = {
      {"contact_matches", "remove", "the contact's matches to social accounts",
       "contact_key IN (SELECT contact_key FROM temp.forget_contacts)"},
      {"contact_emails", "remove", "the contact's addresses",
       "contact_key IN (SELECT contact_key FROM temp.forget_contacts)"},
      {"contact_phones", "remove", "the contact's phone numbers",
       "contact_key IN (SELECT contact_key FROM temp.forget_contacts)"},
      {"contact_urls", "remove", "the contact's links",
       "contact_key IN (SELECT contact_key FROM temp.forget_contacts)"},
      {"contact_handles", "remove", "the contact's social handles",
       "contact_key IN (SELECT contact_key FROM temp.forget_contacts)"},
      {"contacts", "remove", "the contact, in every address book with the address",
       "contact_key IN (SELECT contact_key FROM temp.forget_contacts)"},
  };
  return steps;
}

// Steps for both kinds: quarantined records and the import log's free text.
// crowdlens_names_person and crowdlens_redact_person are registered by
// PersonFunctions over the person's search words.
const std::vector<Step>& CommonSteps() {
  static const std::vector<Step> steps = {
      {"quarantine", "remove", "quarantined records naming it",
       "quarantine_id IN (SELECT quarantine_id FROM temp.forget_quarantine) OR crowdlens_names_person(raw)"},
      {"quarantine", "clear", "its handle or address in quarantine file names and reasons",
       "crowdlens_names_person(source) OR crowdlens_names_person(reason)",
       "source = crowdlens_redact_person(source), reason = crowdlens_redact_person(reason)"},
      {"import_runs", "clear", "its handle or address in recorded import arguments and messages",
       "crowdlens_names_person(arguments) OR crowdlens_names_person(message)",
       "arguments = crowdlens_redact_person(arguments), message = crowdlens_redact_person(message)"},
      {"import_files", "clear", "its handle or address in imported file names and messages",
       "crowdlens_names_person(source) OR crowdlens_names_person(message)",
       "source = crowdlens_redact_person(source), message = crowdlens_redact_person(message)"},
  };
  return steps;
}

std::string Redact(std::string_view text, const std::vector<std::string>& words) {
  std::string redacted(text);
  for (const std::string& word : words) {
    size_t at = FindWord(redacted, word);
    while (at != std::string::npos) {
      redacted.replace(at, word.size(), kRedaction);
      at = FindWord(redacted, word, at + std::string_view(kRedaction).size());
    }
  }
  return redacted;
}

const std::vector<std::string>& WordsOf(sqlite3_context* context) {
  return *static_cast<const std::vector<std::string>*>(sqlite3_user_data(context));
}

std::string_view TextArgument(sqlite3_value* value) {
  const unsigned char* text = sqlite3_value_text(value);
  if (text == nullptr) return {};
  return {reinterpret_cast<const char*>(text), static_cast<size_t>(sqlite3_value_bytes(value))};
}

void NamesPerson(sqlite3_context* context, int, sqlite3_value** arguments) {
  std::string_view text = TextArgument(arguments[0]);
  bool names = false;
  for (const std::string& word : WordsOf(context)) names = names || ContainsWord(text, word);
  sqlite3_result_int(context, names ? 1 : 0);
}

void RedactPerson(sqlite3_context* context, int, sqlite3_value** arguments) {
  if (sqlite3_value_type(arguments[0]) == SQLITE_NULL) {
    sqlite3_result_null(context);
    return;
  }
  std::string redacted = Redact(TextArgument(arguments[0]), WordsOf(context));
  sqlite3_result_text(context, redacted.data(), static_cast<int>(redacted.size()), SQLITE_TRANSIENT);
}

// The SQL functions the common steps use, registered while this lives.
class PersonFunctions {
 public:
  PersonFunctions(Database& db, const std::vector<std::string>& words) : db_(db), words_(words) {}
  ~PersonFunctions() {
    for (const char* name : {"crowdlens_names_person", "crowdlens_redact_person"}) {
      sqlite3_create_function_v2(db_.handle(), name, 1, SQLITE_UTF8, nullptr, nullptr, nullptr, nullptr, nullptr);
    }
  }
  PersonFunctions(const PersonFunctions&) = delete;
  PersonFunctions& operator=(const PersonFunctions&) = delete;

  Status Register() {
    int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC;
    void* words = const_cast<std::vector<std::string>*>(&words_);
    if (sqlite3_create_function_v2(db_.handle(), "crowdlens_names_person", 1, flags, words, NamesPerson, nullptr,
                                   nullptr, nullptr) != SQLITE_OK ||
        sqlite3_create_function_v2(db_.handle(), "crowdlens_redact_person", 1, flags, words, RedactPerson, nullptr,
                                   nullptr, nullptr) != SQLITE_OK) {
      return StoreError(std::string("could not register the erasure's SQL functions: ") + sqlite3_errmsg(db_.handle()));
    }
    return Status::Ok();
  }

 private:
  Database& db_;
  const std::vector<std::string>& words_;
};

Status InsertKeys(Database& db, const char* sql, const std::vector<int64_t>& keys) {
  Result<Statement> insert = db.Prepare(sql);
  if (!insert.ok()) return insert.status();
  for (int64_t key : keys) {
    insert->Bind(1, key);
    CROWDLENS_RETURN_IF_ERROR(insert->Run());
  }
  return Status::Ok();
}

// Fills the temp tables the steps read: the accounts, their handles, the posts
// to remove (their own, and retweets of them), and the contacts and
// quarantined records. Temp tables live in memory (temp_store=MEMORY).
Status FillTargets(Database& db, const Person& person) {
  CROWDLENS_RETURN_IF_ERROR(db.Execute(
      "CREATE TEMP TABLE IF NOT EXISTS forget_accounts (account_key INTEGER PRIMARY KEY);"
      "CREATE TEMP TABLE IF NOT EXISTS forget_handles (handle TEXT PRIMARY KEY);"
      "CREATE TEMP TABLE IF NOT EXISTS forget_posts (post_key INTEGER PRIMARY KEY);"
      "CREATE TEMP TABLE IF NOT EXISTS forget_post_ids (platform_id TEXT PRIMARY KEY);"
      "CREATE TEMP TABLE IF NOT EXISTS forget_contacts (contact_key INTEGER PRIMARY KEY);"
      "CREATE TEMP TABLE IF NOT EXISTS forget_quarantine (quarantine_id INTEGER PRIMARY KEY);"
      "DELETE FROM temp.forget_accounts; DELETE FROM temp.forget_handles; DELETE FROM temp.forget_posts;"
      "DELETE FROM temp.forget_post_ids; DELETE FROM temp.forget_contacts; DELETE FROM temp.forget_quarantine;"));
  CROWDLENS_RETURN_IF_ERROR(
      InsertKeys(db, "INSERT OR IGNORE INTO temp.forget_accounts VALUES (?1)", person.account_keys));
  CROWDLENS_RETURN_IF_ERROR(
      InsertKeys(db, "INSERT OR IGNORE INTO temp.forget_contacts VALUES (?1)", person.contact_keys));
  CROWDLENS_RETURN_IF_ERROR(
      InsertKeys(db, "INSERT OR IGNORE INTO temp.forget_quarantine VALUES (?1)", person.quarantine_ids));
  Result<Statement> handle = db.Prepare("INSERT OR IGNORE INTO temp.forget_handles VALUES (?1)");
  if (!handle.ok()) return handle.status();
  for (const std::string& name : person.handles) {
    handle->Bind(1, name);
    CROWDLENS_RETURN_IF_ERROR(handle->Run());
  }
  if (person.kind != PersonKind::kAccount) return Status::Ok();
  // Its posts, then retweets of them: by id when the original is stored, by
  // the "RT @handle:" prefix otherwise.
  CROWDLENS_RETURN_IF_ERROR(
      db.Execute("INSERT OR IGNORE INTO temp.forget_posts SELECT post_key FROM posts "
                 "WHERE author_key IN (SELECT account_key FROM temp.forget_accounts);"
                 "INSERT OR IGNORE INTO temp.forget_posts SELECT r.post_key FROM posts r JOIN posts o "
                 "ON o.platform = r.platform AND o.platform_id = r.retweet_of_id "
                 "WHERE o.post_key IN (SELECT post_key FROM temp.forget_posts);"
                 "INSERT OR IGNORE INTO temp.forget_posts SELECT p.post_key FROM posts p JOIN temp.forget_handles h "
                 "ON lower(substr(p.text, 1, length(h.handle) + 5)) = 'rt @' || h.handle || ':';"
                 "INSERT OR IGNORE INTO temp.forget_post_ids SELECT p.platform_id FROM posts p "
                 "WHERE p.post_key IN (SELECT post_key FROM temp.forget_posts) "
                 "AND p.author_key IN (SELECT account_key FROM temp.forget_accounts);"));
  return Status::Ok();
}

std::string CountSql(const Step& step) {
  return std::string("SELECT count(*) FROM ") + step.table + " WHERE " + step.where;
}

std::string ChangeSql(const Step& step) {
  if (step.set == nullptr) return std::string("DELETE FROM ") + step.table + " WHERE " + step.where;
  return std::string("UPDATE ") + step.table + " SET " + step.set + " WHERE " + step.where;
}

std::vector<const Step*> StepsFor(PersonKind kind) {
  std::vector<const Step*> steps;
  for (const Step& step : kind == PersonKind::kAccount ? AccountSteps() : ContactSteps()) steps.push_back(&step);
  for (const Step& step : CommonSteps()) steps.push_back(&step);
  return steps;
}

void Tally(ErasureCounts& counts, const Step& step, int64_t rows) {
  counts.steps.push_back({.table = step.table, .action = step.action, .what = step.what, .rows = rows});
  (step.set == nullptr ? counts.rows_removed : counts.rows_cleared) += rows;
}

// The cached graph files, which hold account keys and edges (none for a contact).
std::vector<std::filesystem::path> GraphFiles(const Workspace& workspace, const Person& person) {
  std::vector<std::filesystem::path> files;
  if (person.kind != PersonKind::kAccount) return files;
  std::error_code error;
  std::filesystem::path folder = std::filesystem::path(workspace.dir()) / "graphs";
  for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
    if (entry.is_regular_file(error)) files.push_back(entry.path());
  }
  return files;
}

Status DropTargets(Database& db) {
  return db.Execute(
      "DROP TABLE IF EXISTS temp.forget_accounts; DROP TABLE IF EXISTS temp.forget_handles;"
      "DROP TABLE IF EXISTS temp.forget_posts; DROP TABLE IF EXISTS temp.forget_post_ids;"
      "DROP TABLE IF EXISTS temp.forget_contacts; DROP TABLE IF EXISTS temp.forget_quarantine;");
}

}  // namespace

Result<ErasureCounts> PlanErasure(Workspace& workspace, const Person& person) {
  Database& db = workspace.db();
  PersonFunctions functions(db, person.search_words);
  CROWDLENS_RETURN_IF_ERROR(functions.Register());
  ErasureCounts counts;
  // One read snapshot for every count.
  CROWDLENS_RETURN_IF_ERROR(db.Execute("BEGIN"));
  Status counted = [&]() -> Status {
    CROWDLENS_RETURN_IF_ERROR(FillTargets(db, person));
    for (const Step* step : StepsFor(person.kind)) {
      Result<int64_t> rows = db.QueryInt(CountSql(*step));
      if (!rows.ok()) return rows.status();
      Tally(counts, *step, *rows);
    }
    return DropTargets(db);
  }();
  (void)db.Execute("ROLLBACK");
  if (!counted.ok()) return counted;
  for (const auto& file : GraphFiles(workspace, person)) counts.graph_files.push_back(file.filename().string());
  return counts;
}

Result<ErasureCounts> Erase(Workspace& workspace, const Person& person) {
  Database& db = workspace.db();
  PersonFunctions functions(db, person.search_words);
  CROWDLENS_RETURN_IF_ERROR(functions.Register());
  ErasureCounts counts;
  std::vector<std::filesystem::path> graph_files = GraphFiles(workspace, person);
  // Deleted content is overwritten with zeros as it is freed, not just unlinked.
  CROWDLENS_RETURN_IF_ERROR(db.Execute("PRAGMA secure_delete = ON"));
  Status erased = InTransaction(db, [&]() -> Status {
    CROWDLENS_RETURN_IF_ERROR(FillTargets(db, person));
    for (const Step* step : StepsFor(person.kind)) {
      CROWDLENS_RETURN_IF_ERROR(db.Execute(ChangeSql(*step)));
      Tally(counts, *step, sqlite3_changes64(db.handle()));
    }
    Result<Statement> log = db.Prepare(
        "INSERT INTO erasures (erased_at, kind, rows_removed, rows_cleared, graph_files_removed) "
        "VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!log.ok()) return log.status();
    log->Bind(1, NowSeconds());
    log->Bind(2, PersonKindName(person.kind));
    log->Bind(3, counts.rows_removed);
    log->Bind(4, counts.rows_cleared);
    log->Bind(5, static_cast<int64_t>(graph_files.size()));
    CROWDLENS_RETURN_IF_ERROR(log->Run());
    return DropTargets(db);
  });
  if (!erased.ok()) {
    (void)DropTargets(db);
    (void)db.Execute("PRAGMA secure_delete = OFF");
    return erased.WithContext("nothing was erased");
  }
  // The graph cache holds account keys and edges: remove it; layers are rebuilt on demand.
  for (const auto& file : graph_files) {
    std::error_code error;
    if (std::filesystem::remove(file, error)) counts.graph_files.push_back(file.filename().string());
  }
  // VACUUM rewrites the file without free pages; the checkpoint then copies it
  // out of the WAL and truncates the WAL, which held the old pages too.
  Status vacuumed = db.Execute("VACUUM");
  (void)db.Execute("PRAGMA secure_delete = OFF");
  if (!vacuumed.ok()) {
    return vacuumed.WithContext("the person was erased, but compacting the database failed; run VACUUM on " +
                                workspace.database_path() + " before sharing the file");
  }
  Result<int64_t> busy = db.QueryInt("PRAGMA wal_checkpoint(TRUNCATE)");
  counts.wal_truncated = busy.ok() && *busy == 0;
  return counts;
}

}  // namespace crowdlens
