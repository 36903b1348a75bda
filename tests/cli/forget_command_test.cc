// `crowdlens forget` and `crowdlens export-person` as a user runs them, on a
// workspace imported from the shipped sample with stored segment labels, a
// cached graph, a quarantined line and an address book naming the person.
//
// After an erasure, every table and every text column is scanned (listed from
// sqlite_master and pragma table_info when the test runs, so a table added
// later is covered too) for the account's key, handle and name. The only
// places they may remain are the ones store/erasure.h documents: others'
// posts and others' profiles, and only the rows that held them before.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "cli/run_command.h"
#include "graph/graph_file.h"
#include "store/workspace.h"
#include "test_data.h"

namespace crowdlens {
namespace {

using nlohmann::json;
using testing::RunCrowdlens;

constexpr const char* kEmail = "quinn.person@example.net";
constexpr const char* kContactName = "Quinn Example-Contact";

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

// Written here rather than borrowed from store/: `needle` occurs in `text`
// (case-insensitive) not glued to a longer handle (letters, digits, '_').
bool Names(const std::string& text, const std::string& needle) {
  std::string haystack = Lower(text), word = Lower(needle);
  auto glued = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  for (size_t at = haystack.find(word); at != std::string::npos; at = haystack.find(word, at + 1)) {
    bool open = at == 0 || !glued(haystack[at - 1]) || !glued(word.front());
    size_t end = at + word.size();
    bool close = end == haystack.size() || !glued(haystack[end]) || !glued(word.back());
    if (open && close) return true;
  }
  return false;
}

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

class Db {
 public:
  explicit Db(const std::string& dir) : workspace_(Workspace::Open(dir, OpenMode::kExisting).value()) {}
  int64_t Int(const std::string& sql) {
    Result<int64_t> value = workspace_->db().QueryInt(sql);
    EXPECT_TRUE(value.ok()) << sql << ": " << value.status().message();
    return value.ok() ? *value : -1;
  }
  std::vector<std::vector<std::string>> Rows(const std::string& sql) {
    Result<Statement> statement = workspace_->db().Prepare(sql);
    EXPECT_TRUE(statement.ok()) << sql << ": " << statement.status().message();
    std::vector<std::vector<std::string>> rows;
    if (!statement.ok()) return rows;
    while (statement->Step().value()) {
      std::vector<std::string> row;
      for (int column = 0; column < statement->ColumnCount(); ++column) row.push_back(statement->ColumnText(column));
      rows.push_back(std::move(row));
    }
    return rows;
  }
  std::vector<std::string> Tables() {
    std::vector<std::string> names;
    for (auto& row : Rows("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
      names.push_back(row[0]);
    }
    return names;
  }
  // (table, column) of every text column.
  std::vector<std::pair<std::string, std::string>> TextColumns() {
    std::vector<std::pair<std::string, std::string>> columns;
    for (const std::string& table : Tables()) {
      for (auto& row : Rows("SELECT name, upper(type) FROM pragma_table_info('" + table + "')")) {
        if (row[1].find("TEXT") != std::string::npos || row[1].empty()) columns.emplace_back(table, row[0]);
      }
    }
    return columns;
  }
  // (table, column) of every column that refers to an account, from the schema's foreign keys.
  std::vector<std::pair<std::string, std::string>> AccountColumns() {
    std::vector<std::pair<std::string, std::string>> columns = {{"accounts", "account_key"}};
    for (const std::string& table : Tables()) {
      for (auto& row :
           Rows("SELECT \"from\" FROM pragma_foreign_key_list('" + table + "') WHERE \"table\" = 'accounts'")) {
        columns.emplace_back(table, row[0]);
      }
    }
    return columns;
  }
  std::map<std::string, int64_t> TableRows() {
    std::map<std::string, int64_t> rows;
    for (const std::string& table : Tables()) rows[table] = Int("SELECT count(*) FROM " + table);
    return rows;
  }
  // Key of each row of `table` whose `column` names `needle`.
  std::set<std::string> Naming(const std::string& table, const std::string& key, const std::string& column,
                               const std::string& needle) {
    std::set<std::string> keys;
    std::string quoted = Lower(needle);
    for (size_t at = quoted.find('\''); at != std::string::npos; at = quoted.find('\'', at + 2)) quoted.insert(at, "'");
    for (auto& row : Rows("SELECT " + key + ", " + column + " FROM " + table + " WHERE instr(lower(" + column + "), '" +
                          quoted + "') > 0")) {
      if (Names(row[1], needle)) keys.insert(row[0]);
    }
    return keys;
  }

 private:
  std::unique_ptr<Workspace> workspace_;
};

class ForgetCommand : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    template_ = new std::string(testing::MakeTempDir("forget-cli") + "/template");
    ASSERT_EQ(RunCrowdlens({"-w", *template_, "init"}).exit_code, 0);
    auto imported = RunCrowdlens({"-w", *template_, "import", testing::SamplePath("")});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    auto segments = RunCrowdlens({"-w", *template_, "segments", "--limit", "1"});
    ASSERT_EQ(segments.exit_code, 0) << segments.err;
    {
      // The account with the most posts among those that follow or are
      // followed, are mentioned by others and have labels.
      Db db(*template_);
      auto chosen = db.Rows(
          "SELECT a.account_key, a.handle, coalesce(a.name, '') FROM accounts a WHERE a.handle IS NOT NULL "
          "AND EXISTS (SELECT 1 FROM follows f WHERE a.account_key IN (f.follower_key, f.followee_key)) "
          "AND EXISTS (SELECT 1 FROM post_mentions m JOIN posts p ON p.post_key = m.post_key "
          "            WHERE m.account_key = a.account_key AND p.author_key <> a.account_key) "
          "AND EXISTS (SELECT 1 FROM account_labels l WHERE l.account_key = a.account_key) "
          "ORDER BY (SELECT count(*) FROM posts p WHERE p.author_key = a.account_key) DESC, a.account_key LIMIT 1");
      ASSERT_EQ(chosen.size(), 1u);
      key_ = new std::string(chosen[0][0]);
      handle_ = new std::string(chosen[0][1]);
      name_ = new std::string(chosen[0][2]);
    }
    // A quarantined line naming the handle, in a file whose name holds it too,
    // and an address book whose contact lists the handle.
    std::string inputs = testing::MakeTempDir("forget-inputs");
    testing::WriteFile(inputs + "/" + *handle_ + "-mentions.txt", *handle_ + "\n");
    auto edges = RunCrowdlens({"-w", *template_, "import", "--as", "edgelist", "--relation", "mention", "--platform",
                               "twitter", inputs + "/" + *handle_ + "-mentions.txt"});
    ASSERT_NE(edges.err.find("quarantined"), std::string::npos) << edges.err;
    testing::WriteFile(inputs + "/book.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:" + std::string(kContactName) +
                                                 "\r\nEMAIL:" + kEmail + "\r\nTEL:+44 7700 900777\r\nX-TWITTER:" +
                                                 *handle_ + "\r\nUID:forget-quinn\r\nEND:VCARD\r\n");
    ASSERT_EQ(RunCrowdlens({"-w", *template_, "import", inputs + "/book.vcf"}).exit_code, 0);
    // Stores the card's match to the account (by the handle on it).
    auto matched = RunCrowdlens({"-w", *template_, "match"});
    ASSERT_EQ(matched.exit_code, 0) << matched.err;
    // Builds and caches the graph layers.
    auto influence = RunCrowdlens({"-w", *template_, "influence", "--top", "1"});
    ASSERT_EQ(influence.exit_code, 0) << influence.err;
  }
  static void TearDownTestSuite() {
    delete template_;
    delete key_;
    delete handle_;
    delete name_;
  }

  void SetUp() override {
    workspace_ = testing::MakeTempDir("forget-case") + "/ws";
    std::filesystem::copy(*template_, workspace_, std::filesystem::copy_options::recursive);
  }

  bool GraphCacheHasNode(int64_t account_key) {
    std::string file = workspace_ + "/graphs/follow.clg";
    Result<graph::Graph> graph = graph::ReadGraphFile(file);
    if (!graph.ok()) return false;
    for (uint64_t label : graph->labels()) {
      if (label == static_cast<uint64_t>(account_key)) return true;
    }
    return false;
  }

  static std::string* template_;
  static std::string* key_;
  static std::string* handle_;
  static std::string* name_;
  std::string workspace_;
};

std::string* ForgetCommand::template_ = nullptr;
std::string* ForgetCommand::key_ = nullptr;
std::string* ForgetCommand::handle_ = nullptr;
std::string* ForgetCommand::name_ = nullptr;

TEST_F(ForgetCommand, WithoutYesItShowsWhatWouldGoAndRemovesNothing) {
  std::map<std::string, int64_t> before = Db(workspace_).TableRows();
  auto result = RunCrowdlens({"-w", workspace_, "forget", *handle_, "-o", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.err.find("dry run"), std::string::npos);
  json tables = json::parse(result.out);
  EXPECT_EQ(tables["erasure"]["erased"], false);
  EXPECT_GT(tables["erasure"]["rows_removed"].get<int64_t>(), 0);
  int64_t posts_planned = 0;
  for (const json& step : tables["steps"]) {
    if (step["table"] == "posts" && step["action"] == "remove") posts_planned = step["rows"];
  }
  Db db(workspace_);
  EXPECT_GE(posts_planned, db.Int("SELECT count(*) FROM posts WHERE author_key = " + *key_));
  EXPECT_EQ(db.TableRows(), before);
  EXPECT_EQ(db.Int("SELECT count(*) FROM erasures"), 0);
  EXPECT_TRUE(std::filesystem::exists(workspace_ + "/graphs/follow.clg"));
}

TEST_F(ForgetCommand, NothingOfTheAccountRemainsInAnyTableOrOnDisk) {
  std::string key = *key_, handle = *handle_, name = *name_;
  std::vector<std::string> needles = {handle};
  if (name.size() >= 6) needles.push_back(name);
  // needle -> others' posts (keys) naming it; "column needle" -> others' accounts whose column names it.
  std::map<std::string, std::set<std::string>> others_posts_before, others_profiles_before;
  std::string distinctive_text;
  int64_t others_posts = 0, others_follows = 0, others_interactions = 0, others_labels = 0, others_accounts = 0,
          others_mentions = 0;
  std::string platform;
  {
    Db db(workspace_);
    platform = db.Rows("SELECT platform FROM accounts WHERE account_key = " + key)[0][0];
    // What the erasure must keep: posts by others that are not retweets of
    // the person (by id, or by the "RT @handle:" prefix), and others' rows.
    std::string kept_posts =
        "author_key <> " + key +
        " AND coalesce(retweet_of_id, '') NOT IN (SELECT platform_id FROM posts WHERE author_key = " + key +
        ") AND lower(substr(text, 1, " + std::to_string(handle.size() + 5) + ")) <> 'rt @" + Lower(handle) + ":'";
    for (const std::string& needle : needles) {
      for (const std::string& post : db.Naming("posts", "post_key", "text", needle)) {
        if (db.Int("SELECT count(*) FROM posts WHERE post_key = " + post + " AND " + kept_posts) == 1) {
          others_posts_before[needle].insert(post);
        }
      }
      for (const char* column : {"bio", "name"}) {
        for (const std::string& account : db.Naming("accounts", "account_key", column, needle)) {
          if (account != key) others_profiles_before[std::string(column) + " " + needle].insert(account);
        }
      }
    }
    others_posts = db.Int("SELECT count(*) FROM posts WHERE " + kept_posts);
    others_mentions =
        db.Int("SELECT count(*) FROM post_mentions m JOIN posts p ON p.post_key = m.post_key WHERE m.account_key <> " +
               key + " AND p." + kept_posts);
    others_follows = db.Int("SELECT count(*) FROM follows WHERE " + key + " NOT IN (follower_key, followee_key)");
    others_interactions = db.Int("SELECT count(*) FROM interactions WHERE " + key + " NOT IN (source_key, target_key)");
    others_labels = db.Int("SELECT count(*) FROM account_labels WHERE account_key <> " + key);
    others_accounts = db.Int("SELECT count(*) FROM accounts WHERE NOT (platform = '" + platform +
                             "' AND coalesce(handle_lower, '') = lower('" + handle + "')) AND account_key <> " + key);
    // The person's longest post: its text is theirs alone.
    distinctive_text =
        db.Rows("SELECT text FROM posts WHERE author_key = " + key + " ORDER BY length(text) DESC LIMIT 1")[0][0];
    // The test can fail: the person is there before.
    EXPECT_GT(db.Int("SELECT count(*) FROM posts WHERE author_key = " + key), 0);
    EXPECT_GT(db.Int("SELECT count(*) FROM account_labels WHERE account_key = " + key), 0);
    EXPECT_GT(db.Int("SELECT count(*) FROM quarantine WHERE instr(raw, '" + handle + "') > 0"), 0);
    EXPECT_GT(db.Int("SELECT count(*) FROM import_files WHERE instr(source, '" + handle + "') > 0"), 0);
    EXPECT_GT(db.Int("SELECT count(*) FROM contact_handles WHERE handle = '" + handle + "'"), 0);
  }
  ASSERT_TRUE(GraphCacheHasNode(std::stoll(key)));
  std::string db_path = workspace_ + "/crowdlens.db";
  ASSERT_NE((ReadBytes(db_path) + ReadBytes(db_path + "-wal")).find(distinctive_text), std::string::npos);

  auto result = RunCrowdlens({"-w", workspace_, "forget", "@" + handle, "--yes", "-o", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  json tables = json::parse(result.out);
  EXPECT_EQ(tables["erasure"]["erased"], true);
  EXPECT_EQ(tables["erasure"]["wal_truncated"], true);
  EXPECT_GE(tables["erasure"]["graph_files_removed"].get<int64_t>(), 1);
  EXPECT_FALSE(std::filesystem::exists(workspace_ + "/graphs/follow.clg"));

  {
    Db db(workspace_);
    for (const auto& [table, column] : db.AccountColumns()) {
      EXPECT_EQ(db.Int("SELECT count(*) FROM " + table + " WHERE " + column + " = " + key), 0)
          << table << "." << column;
    }
    for (const auto& [table, column] : db.TextColumns()) {
      for (const std::string& needle : needles) {
        if (table == "posts" && column == "text") {
          // Others' posts keep their text: exactly those that named the person before.
          EXPECT_EQ(db.Naming(table, "post_key", column, needle), others_posts_before[needle]) << needle;
        } else if (table == "accounts" && (column == "bio" || column == "name")) {
          EXPECT_EQ(db.Naming(table, "account_key", column, needle), others_profiles_before[column + " " + needle])
              << column << " " << needle;
        } else {
          EXPECT_EQ(db.Naming(table, "1", column, needle).size(), 0u) << table << "." << column << " names " << needle;
        }
      }
    }
    EXPECT_EQ(db.Int("SELECT count(*) FROM posts"), others_posts);
    EXPECT_EQ(db.Int("SELECT count(*) FROM post_mentions"), others_mentions);
    EXPECT_EQ(db.Int("SELECT count(*) FROM follows"), others_follows);
    EXPECT_EQ(db.Int("SELECT count(*) FROM interactions"), others_interactions);
    EXPECT_EQ(db.Int("SELECT count(*) FROM account_labels"), others_labels);
    EXPECT_EQ(db.Int("SELECT count(*) FROM accounts"), others_accounts);
    EXPECT_EQ(db.Int("SELECT count(*) FROM contacts"), 1);  // the contact stays; its link to the handle goes
    // The log: one row, which names nobody.
    auto log = db.Rows("SELECT * FROM erasures");
    ASSERT_EQ(log.size(), 1u);
    for (const std::string& value : log[0]) {
      for (const std::string& needle : needles) EXPECT_FALSE(Names(value, needle)) << value;
    }
    EXPECT_EQ(log[0][2], "account");
  }
  // On disk: the person's words are in neither the database nor its log.
  EXPECT_EQ((ReadBytes(db_path) + ReadBytes(db_path + "-wal")).find(distinctive_text), std::string::npos);
  // Rebuilt, the graph has no node for the account.
  auto influence = RunCrowdlens({"-w", workspace_, "influence", "--top", "1"});
  ASSERT_EQ(influence.exit_code, 0) << influence.err;
  ASSERT_TRUE(std::filesystem::exists(workspace_ + "/graphs/follow.clg"));
  EXPECT_FALSE(GraphCacheHasNode(std::stoll(key)));
  // Gone means not found.
  auto again = RunCrowdlens({"-w", workspace_, "forget", handle});
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.err.find("no account @" + handle), std::string::npos) << again.err;
}

TEST_F(ForgetCommand, AContactByEmailLeavesNoTraceAndOtherRowsStay) {
  std::map<std::string, int64_t> before = Db(workspace_).TableRows();
  auto dry = RunCrowdlens({"-w", workspace_, "forget", kEmail});
  ASSERT_EQ(dry.exit_code, 0) << dry.err;
  EXPECT_EQ(Db(workspace_).TableRows(), before);
  auto result = RunCrowdlens({"-w", workspace_, "forget", kEmail, "--yes"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  Db db(workspace_);
  for (const auto& [table, column] : db.TextColumns()) {
    EXPECT_EQ(db.Naming(table, "1", column, kEmail).size(), 0u) << table << "." << column;
    EXPECT_EQ(db.Naming(table, "1", column, kContactName).size(), 0u) << table << "." << column;
    EXPECT_EQ(db.Naming(table, "1", column, "7700 900777").size(), 0u) << table << "." << column;
  }
  std::map<std::string, int64_t> after = db.TableRows();
  EXPECT_EQ(after["contacts"], before["contacts"] - 1);
  EXPECT_EQ(after["contact_emails"], before["contact_emails"] - 1);
  EXPECT_EQ(after["contact_phones"], before["contact_phones"] - 1);
  EXPECT_EQ(after["contact_handles"], before["contact_handles"] - 1);
  for (const char* table : {"accounts", "posts", "follows", "interactions", "post_mentions", "account_labels"}) {
    EXPECT_EQ(after[table], before[table]) << table;
  }
  auto log = db.Rows("SELECT kind FROM erasures");
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0][0], "contact");
}

TEST_F(ForgetCommand, ExportPersonHoldsExactlyTheAccountsPostsAndEdges) {
  std::string file = workspace_ + "/../person.json";
  auto result = RunCrowdlens({"-w", workspace_, "export-person", *handle_, "-O", file});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  json document = json::parse(ReadBytes(file));
  EXPECT_EQ(document["kind"], "account");
  const std::string& key = *key_;
  Db db(workspace_);
  std::set<std::string> sql_posts, exported_posts;
  for (auto& row : db.Rows("SELECT platform_id FROM posts WHERE author_key = " + key)) sql_posts.insert(row[0]);
  for (const json& post : document["posts"]) exported_posts.insert(post["platform_id"].get<std::string>());
  EXPECT_EQ(document["posts"].size(), sql_posts.size());
  EXPECT_EQ(exported_posts, sql_posts);
  // Edges counted table by table, each side of each relation.
  int64_t edges = 0;
  for (const std::string& sql :
       {"SELECT count(*) FROM follows WHERE follower_key = " + key,
        "SELECT count(*) FROM follows WHERE followee_key = " + key,
        "SELECT count(*) FROM interactions WHERE source_key = " + key,
        "SELECT count(*) FROM interactions WHERE target_key = " + key,
        "SELECT count(*) FROM post_mentions WHERE post_key IN (SELECT post_key FROM posts WHERE author_key = " + key +
            ")",
        "SELECT count(*) FROM post_mentions WHERE account_key = " + key,
        "SELECT count(*) FROM posts WHERE author_key = " + key +
            " AND reply_to_account_key IN (SELECT account_key FROM accounts)",
        "SELECT count(*) FROM posts WHERE reply_to_account_key = " + key,
        "SELECT count(*) FROM posts p, posts o WHERE p.author_key = " + key +
            " AND o.platform = p.platform AND o.platform_id = p.retweet_of_id",
        "SELECT count(*) FROM posts p, posts o WHERE o.author_key = " + key +
            " AND o.platform = p.platform AND o.platform_id = p.retweet_of_id",
        "SELECT count(*) FROM posts p, posts o WHERE p.author_key = " + key +
            " AND o.platform = p.platform AND o.platform_id = p.quote_of_id",
        "SELECT count(*) FROM posts p, posts o WHERE o.author_key = " + key +
            " AND o.platform = p.platform AND o.platform_id = p.quote_of_id"}) {
    edges += db.Int(sql);
  }
  EXPECT_GT(edges, 0);
  EXPECT_EQ(static_cast<int64_t>(document["edges"].size()), edges);
  int64_t follows_out = 0;
  for (const json& edge : document["edges"]) {
    if (edge["direction"] == "out" && edge["relation"] == "follow") ++follows_out;
  }
  EXPECT_EQ(follows_out, db.Int("SELECT count(*) FROM follows WHERE follower_key = " + key));
  EXPECT_EQ(static_cast<int64_t>(document["account_labels"].size()),
            db.Int("SELECT count(*) FROM account_labels WHERE account_key = " + key));
  EXPECT_EQ(document["contact_matches"].size(), 1u);
  ASSERT_EQ(document["stored_contact_matches"].size(), 1u);
  EXPECT_EQ(document["stored_contact_matches"][0]["name"], kContactName);
  EXPECT_EQ(document["stored_contact_matches"][0]["method"], "handle");
  EXPECT_EQ(document["quarantine"].size(), 1u);
  EXPECT_FALSE(document["import_inputs"].empty());

  auto contact = RunCrowdlens({"-w", workspace_, "export-person", kEmail});
  ASSERT_EQ(contact.exit_code, 0) << contact.err;
  json card = json::parse(contact.out);
  EXPECT_EQ(card["kind"], "contact");
  ASSERT_EQ(card["contacts"].size(), 1u);
  EXPECT_EQ(card["contacts"][0]["name"], kContactName);
  ASSERT_EQ(card["account_matches"].size(), 1u);
  EXPECT_EQ(card["account_matches"][0]["account_key"].get<int64_t>(), std::stoll(key));
  ASSERT_EQ(card["stored_account_matches"].size(), 1u);
  EXPECT_EQ(card["stored_account_matches"][0]["account_key"].get<int64_t>(), std::stoll(key));
}

}  // namespace
}  // namespace crowdlens
