#include "store/schema.h"

#include <string>
#include <vector>

namespace crowdlens {
namespace {

// Migration 1: the system of record for accounts, posts, edges, lists and runs.
// Times are Unix seconds. Platform ids are TEXT (Twitter ids overflow doubles,
// Bluesky ids are DIDs and at:// URIs).
constexpr const char* kMigration1 = R"sql(
CREATE TABLE accounts (
  account_key INTEGER PRIMARY KEY,
  platform TEXT NOT NULL,
  platform_id TEXT NOT NULL,
  handle TEXT,
  handle_lower TEXT,
  handle_observed_at INTEGER,
  name TEXT,
  bio TEXT,
  location TEXT,
  url TEXT,
  followers_count INTEGER,
  following_count INTEGER,
  post_count INTEGER,
  listed_count INTEGER,
  created_at INTEGER,
  verified INTEGER,
  bot INTEGER,
  time_zone TEXT,
  lang TEXT,
  profile_observed_at INTEGER,
  first_seen INTEGER NOT NULL,
  last_seen INTEGER NOT NULL,
  UNIQUE (platform, platform_id)
);
CREATE INDEX accounts_by_handle ON accounts (platform, handle_lower);

CREATE TABLE account_handles (
  account_key INTEGER NOT NULL REFERENCES accounts (account_key) ON DELETE CASCADE,
  handle_lower TEXT NOT NULL,
  handle TEXT NOT NULL,
  first_seen INTEGER NOT NULL,
  last_seen INTEGER NOT NULL,
  PRIMARY KEY (account_key, handle_lower)
) WITHOUT ROWID;
CREATE INDEX account_handles_by_handle ON account_handles (handle_lower);

CREATE TABLE posts (
  post_key INTEGER PRIMARY KEY,
  platform TEXT NOT NULL,
  platform_id TEXT NOT NULL,
  author_key INTEGER NOT NULL REFERENCES accounts (account_key),
  created_at INTEGER NOT NULL,
  text TEXT NOT NULL,
  lang TEXT,
  source TEXT,
  reply_to_post_id TEXT,
  reply_to_account_key INTEGER REFERENCES accounts (account_key),
  retweet_of_id TEXT,
  quote_of_id TEXT,
  country_code TEXT,
  retweet_count INTEGER,
  reply_count INTEGER,
  like_count INTEGER,
  quote_count INTEGER,
  impression_count INTEGER,
  first_seen INTEGER NOT NULL,
  UNIQUE (platform, platform_id)
);
CREATE INDEX posts_by_author ON posts (author_key, created_at);
CREATE INDEX posts_by_time ON posts (created_at);

CREATE TABLE post_hashtags (
  post_key INTEGER NOT NULL REFERENCES posts (post_key) ON DELETE CASCADE,
  tag TEXT NOT NULL,
  PRIMARY KEY (post_key, tag)
) WITHOUT ROWID;
CREATE INDEX post_hashtags_by_tag ON post_hashtags (tag);

CREATE TABLE post_mentions (
  post_key INTEGER NOT NULL REFERENCES posts (post_key) ON DELETE CASCADE,
  account_key INTEGER NOT NULL REFERENCES accounts (account_key),
  PRIMARY KEY (post_key, account_key)
) WITHOUT ROWID;
CREATE INDEX post_mentions_by_account ON post_mentions (account_key);

CREATE TABLE post_urls (
  post_key INTEGER NOT NULL REFERENCES posts (post_key) ON DELETE CASCADE,
  url TEXT NOT NULL,
  PRIMARY KEY (post_key, url)
) WITHOUT ROWID;

-- "follower follows followee"; first_seen/last_seen tell new follows and unfollows between snapshots.
CREATE TABLE follows (
  follower_key INTEGER NOT NULL REFERENCES accounts (account_key),
  followee_key INTEGER NOT NULL REFERENCES accounts (account_key),
  first_seen INTEGER NOT NULL,
  last_seen INTEGER NOT NULL,
  PRIMARY KEY (follower_key, followee_key)
) WITHOUT ROWID;
CREATE INDEX follows_by_followee ON follows (followee_key);

-- Retweet, mention and reply edges from edge-list files that carry no posts.
CREATE TABLE interactions (
  source_key INTEGER NOT NULL REFERENCES accounts (account_key),
  target_key INTEGER NOT NULL REFERENCES accounts (account_key),
  relation TEXT NOT NULL CHECK (relation IN ('retweet', 'mention', 'reply')),
  weight REAL NOT NULL,
  first_seen INTEGER NOT NULL,
  last_seen INTEGER NOT NULL,
  PRIMARY KEY (source_key, target_key, relation)
) WITHOUT ROWID;
CREATE INDEX interactions_by_target ON interactions (target_key, relation);

CREATE TABLE lists (
  list_key INTEGER PRIMARY KEY,
  platform TEXT NOT NULL,
  platform_id TEXT NOT NULL,
  name TEXT,
  description TEXT,
  owner_key INTEGER REFERENCES accounts (account_key),
  member_count INTEGER,
  first_seen INTEGER NOT NULL,
  last_seen INTEGER NOT NULL,
  UNIQUE (platform, platform_id)
);

CREATE TABLE list_members (
  list_key INTEGER NOT NULL REFERENCES lists (list_key) ON DELETE CASCADE,
  account_key INTEGER NOT NULL REFERENCES accounts (account_key),
  first_seen INTEGER NOT NULL,
  last_seen INTEGER NOT NULL,
  PRIMARY KEY (list_key, account_key)
) WITHOUT ROWID;

-- One row per `crowdlens import`; status 'running' on a row whose process is gone means interrupted.
CREATE TABLE import_runs (
  run_id INTEGER PRIMARY KEY,
  started_at INTEGER NOT NULL,
  finished_at INTEGER,
  status TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed')),
  pid INTEGER,
  arguments TEXT,
  inputs INTEGER NOT NULL DEFAULT 0,
  bytes INTEGER NOT NULL DEFAULT 0,
  records INTEGER NOT NULL DEFAULT 0,
  quarantined INTEGER NOT NULL DEFAULT 0,
  message TEXT
);

CREATE TABLE import_files (
  run_id INTEGER NOT NULL REFERENCES import_runs (run_id) ON DELETE CASCADE,
  source TEXT NOT NULL,
  format TEXT,
  status TEXT NOT NULL CHECK (status IN ('done', 'skipped', 'failed')),
  bytes INTEGER NOT NULL DEFAULT 0,
  records INTEGER NOT NULL DEFAULT 0,
  quarantined INTEGER NOT NULL DEFAULT 0,
  message TEXT,
  PRIMARY KEY (run_id, source)
) WITHOUT ROWID;

-- Records that could not be read: the same bad record imported twice is kept once (the latest run).
CREATE TABLE quarantine (
  quarantine_id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL,
  source TEXT NOT NULL,
  line INTEGER NOT NULL,
  byte_offset INTEGER NOT NULL,
  reason TEXT NOT NULL,
  raw TEXT NOT NULL,
  UNIQUE (source, byte_offset, line)
);
)sql";

// Migration 2: address-book contacts, and what Bluesky-style sources need:
// the record id of a follow (its deletion names only that) and when it ended.
constexpr const char* kMigration2 = R"sql(
ALTER TABLE follows ADD COLUMN record_id TEXT;
ALTER TABLE follows ADD COLUMN ended_at INTEGER;
CREATE INDEX follows_by_record ON follows (record_id) WHERE record_id IS NOT NULL;

CREATE TABLE contacts (
  contact_key INTEGER PRIMARY KEY,
  source TEXT NOT NULL,
  source_id TEXT NOT NULL,
  name TEXT NOT NULL,
  given_name TEXT,
  family_name TEXT,
  company TEXT,
  title TEXT,
  location TEXT,
  connected_on INTEGER,
  first_seen INTEGER NOT NULL,
  last_seen INTEGER NOT NULL,
  UNIQUE (source, source_id)
);

CREATE TABLE contact_emails (
  contact_key INTEGER NOT NULL REFERENCES contacts (contact_key) ON DELETE CASCADE,
  email TEXT NOT NULL,
  PRIMARY KEY (contact_key, email)
) WITHOUT ROWID;
CREATE INDEX contact_emails_by_email ON contact_emails (email);

CREATE TABLE contact_phones (
  contact_key INTEGER NOT NULL REFERENCES contacts (contact_key) ON DELETE CASCADE,
  phone TEXT NOT NULL,
  PRIMARY KEY (contact_key, phone)
) WITHOUT ROWID;

CREATE TABLE contact_urls (
  contact_key INTEGER NOT NULL REFERENCES contacts (contact_key) ON DELETE CASCADE,
  url TEXT NOT NULL,
  PRIMARY KEY (contact_key, url)
) WITHOUT ROWID;

CREATE TABLE contact_handles (
  contact_key INTEGER NOT NULL REFERENCES contacts (contact_key) ON DELETE CASCADE,
  platform TEXT NOT NULL,
  handle TEXT NOT NULL,
  PRIMARY KEY (contact_key, platform, handle)
) WITHOUT ROWID;
CREATE INDEX contact_handles_by_handle ON contact_handles (platform, handle);
)sql";

// Migration 3: labels computed from profiles, posts and the config's topics
// and roles (analyses/segment_classifier.h), kept so that analyses need not
// recompute them. kind 'spam' holds every account's spam score; 'location'
// the resolved place (name = country code, evidence = the rest). A label run
// records the config it was computed with and the last import it saw
// (-1: an import was running), so a changed config or new data is noticed.
constexpr const char* kMigration3 = R"sql(
CREATE TABLE account_labels (
  account_key INTEGER NOT NULL REFERENCES accounts (account_key) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('topic', 'role', 'location', 'spam')),
  name TEXT NOT NULL,
  score REAL NOT NULL,
  evidence TEXT NOT NULL,
  computed_at INTEGER NOT NULL,
  PRIMARY KEY (account_key, kind, name)
) WITHOUT ROWID;
CREATE INDEX account_labels_by_name ON account_labels (kind, name);

CREATE TABLE label_runs (
  label_run_id INTEGER PRIMARY KEY,
  computed_at INTEGER NOT NULL,
  config_digest TEXT NOT NULL,
  last_import_run INTEGER NOT NULL,
  accounts INTEGER NOT NULL,
  labels INTEGER NOT NULL
);
)sql";

// Migration 4: the log of `crowdlens forget`. It proves that an erasure
// happened (when, of what kind, how many rows) and never says whom: no handle,
// email, name or key of the erased person is written here.
constexpr const char* kMigration4 = R"sql(
CREATE TABLE erasures (
  erasure_id INTEGER PRIMARY KEY,
  erased_at INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('account', 'contact')),
  rows_removed INTEGER NOT NULL,
  rows_cleared INTEGER NOT NULL,
  graph_files_removed INTEGER NOT NULL
);
)sql";

// Migration 5: address-book contacts matched to social accounts by `crowdlens
// match` (analyses/contact_match.h), kept so that other commands (event) know
// which accounts are the owner's contacts. method is how the match was made:
// 'email' (the account's profile holds the contact's address), 'handle' (the
// card names the account's handle or profile URL) or 'name'; why lists the
// evidence. A run of `match` replaces every row.
constexpr const char* kMigration5 = R"sql(
CREATE TABLE contact_matches (
  contact_key INTEGER NOT NULL REFERENCES contacts (contact_key) ON DELETE CASCADE,
  account_key INTEGER NOT NULL REFERENCES accounts (account_key) ON DELETE CASCADE,
  confidence REAL NOT NULL,
  method TEXT NOT NULL CHECK (method IN ('email', 'handle', 'name')),
  why TEXT NOT NULL,
  matched_at INTEGER NOT NULL,
  PRIMARY KEY (contact_key, account_key)
) WITHOUT ROWID;
CREATE INDEX contact_matches_by_account ON contact_matches (account_key);
)sql";

const std::vector<const char*>& Migrations() {
  static const std::vector<const char*> migrations = {kMigration1, kMigration2, kMigration3, kMigration4,
                                                      kMigration5};
  return migrations;
}

}  // namespace

int CurrentSchemaVersion() { return static_cast<int>(Migrations().size()); }

Status Migrate(Database& db) {
  Result<int64_t> version = db.QueryInt("PRAGMA user_version");
  if (!version.ok()) return version.status();
  if (version.value() > CurrentSchemaVersion()) {
    return StoreError("the workspace was written by a newer crowdlens (schema " + std::to_string(version.value()) +
                      ", this build knows " + std::to_string(CurrentSchemaVersion()) + "); upgrade crowdlens");
  }
  for (int64_t next = version.value(); next < CurrentSchemaVersion(); ++next) {
    CROWDLENS_RETURN_IF_ERROR(InTransaction(db, [&] {
      CROWDLENS_RETURN_IF_ERROR(db.Execute(Migrations()[next]));
      return db.Execute("PRAGMA user_version = " + std::to_string(next + 1));
    }));
  }
  return Status::Ok();
}

}  // namespace crowdlens
