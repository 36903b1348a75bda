// Erasing a person from a small workspace whose every row is known by hand:
// the graph fixture (tests/fixtures/graph, described in graph_layers_test.cc)
// plus a mention edge list with one unreadable line naming alice, two vCard
// contacts (one lists @alice) and labels. Counts below are worked out from
// those files; the dry run must count exactly what the erasure then removes.
#include "store/erasure.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "graph/graph_file.h"
#include "store/account_lookup.h"
#include "store/graph_layers.h"
#include "store/importer.h"
#include "store/person_data.h"
#include "store/person_lookup.h"
#include "test_data.h"

namespace crowdlens {
namespace {

constexpr const char* kContacts =
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Alice Liddell-Person\r\nN:Liddell-Person;Alice;;;\r\n"
    "EMAIL;TYPE=HOME:Alice.Liddell@example.net\r\nTEL;TYPE=CELL:+44 7700 900555\r\nX-TWITTER:alice\r\n"
    "UID:erasure-alice\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bob Other\r\nN:Other;Bob;;;\r\nEMAIL:bob@example.net\r\n"
    "X-TWITTER:bob\r\nUID:erasure-bob\r\nEND:VCARD\r\n";

class ErasureTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::MakeTempDir("erasure");
    Result<std::unique_ptr<Workspace>> opened = Workspace::Open(dir_ + "/ws", OpenMode::kCreate);
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    workspace_ = std::move(opened).value();
    ImportOptions posts{.paths = {testing::TestsPath("fixtures/graph/statuses.jsonl")}, .show_progress = false};
    ASSERT_TRUE(Import(*workspace_, posts).ok());
    ImportOptions follows{.paths = {testing::TestsPath("fixtures/graph/follows.txt")}, .show_progress = false};
    follows.read.platform = "twitter";
    ASSERT_TRUE(Import(*workspace_, follows).ok());
    // Twitter ids 1 alice, 2 bob, 4 dave: mention edges alice->dave and dave->bob;
    // the line "alice" cannot be read and is quarantined, as is "zed".
    testing::WriteFile(dir_ + "/in/mentions.txt", "1 4\n4 2\nalice\nzed\n");
    ImportOptions mentions{
        .paths = {dir_ + "/in/mentions.txt"}, .forced_format = Format::kEdgeList, .show_progress = false};
    mentions.read.platform = "twitter";
    mentions.read.relation = Relation::kMention;
    ASSERT_TRUE(Import(*workspace_, mentions).ok());
    testing::WriteFile(dir_ + "/in/cards.vcf", kContacts);
    ASSERT_TRUE(Import(*workspace_, {.paths = {dir_ + "/in/cards.vcf"}, .show_progress = false}).ok());
    alice_ = FindAccountKey(workspace_->db(), "alice").value();
    bob_ = FindAccountKey(workspace_->db(), "bob").value();
    // Labels as the segment classifier stores them (analyses/ writes this table).
    ASSERT_TRUE(workspace_->db()
                    .Execute("INSERT INTO account_labels VALUES (" + std::to_string(alice_) +
                             ", 'topic', 'news', 0.8, 'profile: \"news\"', 1), (" + std::to_string(alice_) +
                             ", 'spam', 'spam', 0.1, '', 1), (" + std::to_string(bob_) +
                             ", 'spam', 'spam', 0.2, '', 1)")
                    .ok());
    // Matches as `crowdlens match` stores them (analyses/ writes this table): each
    // card to its account, and Bob's card also (wrongly) to alice.
    alice_contact_ = Count("SELECT contact_key FROM contacts WHERE source_id = 'erasure-alice'");
    bob_contact_ = Count("SELECT contact_key FROM contacts WHERE source_id = 'erasure-bob'");
    auto match = [&](int64_t contact, int64_t account) {
      return "(" + std::to_string(contact) + ", " + std::to_string(account) + ", 0.9, 'handle', 'card', 1)";
    };
    ASSERT_TRUE(workspace_->db()
                    .Execute("INSERT INTO contact_matches VALUES " + match(alice_contact_, alice_) + ", " +
                             match(bob_contact_, alice_) + ", " + match(bob_contact_, bob_))
                    .ok());
  }

  int64_t Count(const std::string& sql) {
    Result<int64_t> value = workspace_->db().QueryInt(sql);
    EXPECT_TRUE(value.ok()) << sql << ": " << value.status().message();
    return value.ok() ? *value : -1;
  }

  // Rows of every table in the database, by name.
  std::map<std::string, int64_t> TableRows() {
    std::map<std::string, int64_t> rows;
    Result<Statement> tables =
        workspace_->db().Prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
    std::vector<std::string> names;
    while (tables->Step().value()) names.push_back(tables->ColumnText(0));
    for (const std::string& name : names) rows[name] = Count("SELECT count(*) FROM " + name);
    return rows;
  }

  std::map<std::string, int64_t> StepRows(const ErasureCounts& counts) {
    std::map<std::string, int64_t> rows;
    for (const ErasureStepCount& step : counts.steps) rows[step.table + " " + step.action] += step.rows;
    return rows;
  }

  std::string dir_;
  std::unique_ptr<Workspace> workspace_;
  int64_t alice_ = 0;
  int64_t bob_ = 0;
  int64_t alice_contact_ = 0;
  int64_t bob_contact_ = 0;
};

TEST(PersonWords, AWordIsNotPartOfALongerName) {
  EXPECT_TRUE(ContainsWord("RT @alice: hi", "alice"));
  EXPECT_TRUE(ContainsWord("thanks @ALICE", "alice"));
  EXPECT_TRUE(ContainsWord("alice", "alice"));
  EXPECT_FALSE(ContainsWord("@alicia", "alice"));
  EXPECT_FALSE(ContainsWord("malice", "alice"));
  EXPECT_FALSE(ContainsWord("alice_b", "alice"));
  EXPECT_TRUE(ContainsWord("at://alice.bsky.social/post", "alice.bsky.social"));
  EXPECT_TRUE(ContainsWord("mail Ann@Example.com now", "ann@example.com"));
  EXPECT_FALSE(ContainsWord("joann@example.com", "ann@example.com"));
  EXPECT_EQ(FindWord("alicia alice", "alice"), 7u);
}

TEST(PersonWords, AnAddressIsAnEmailUnlessAPlatformIsNamed) {
  EXPECT_TRUE(IsEmailReference("ann@example.com", ""));
  EXPECT_FALSE(IsEmailReference("@ann", ""));
  EXPECT_FALSE(IsEmailReference("ann", ""));
  EXPECT_FALSE(IsEmailReference("ann@mastodon.social", "mastodon"));
  EXPECT_FALSE(IsEmailReference("mastodon:ann@mastodon.social", ""));
}

TEST_F(ErasureTest, FindsTheAccountItsHandlesAndTheQuarantinedRecordNamingIt) {
  Result<Person> person = FindPerson(workspace_->db(), "@Alice", "");
  ASSERT_TRUE(person.ok()) << person.status().message();
  EXPECT_EQ(person->kind, PersonKind::kAccount);
  EXPECT_EQ(person->account_keys, std::vector<int64_t>{alice_});
  EXPECT_EQ(person->handles, std::vector<std::string>{"alice"});
  ASSERT_EQ(person->quarantine_ids.size(), 1u);
  EXPECT_EQ(Count("SELECT count(*) FROM quarantine WHERE raw = 'alice' AND quarantine_id = " +
                  std::to_string(person->quarantine_ids[0])),
            1);
  Result<Person> missing = FindPerson(workspace_->db(), "nobody-here", "");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), ErrorCode::kNotFound);
  Result<Person> no_contact = FindPerson(workspace_->db(), "nobody@example.net", "");
  ASSERT_FALSE(no_contact.ok());
  EXPECT_NE(no_contact.status().message().find("--platform"), std::string::npos);
}

TEST_F(ErasureTest, TheDryRunCountsWhatTheErasureRemovesAndChangesNothing) {
  Person person = FindPerson(workspace_->db(), "alice", "").value();
  std::map<std::string, int64_t> before = TableRows();
  Result<ErasureCounts> plan = PlanErasure(*workspace_, person);
  ASSERT_TRUE(plan.ok()) << plan.status().message();
  EXPECT_EQ(TableRows(), before);

  // By hand: posts 10 and 15 are alice's, 11 is carol's retweet of 10; their
  // mentions (10: bob; 11: alice, bob) and the mention of alice in bob's 12;
  // bob's reply 12 loses its link to alice; follows 2->1, 3->1, 4->1, 1->2;
  // the mention edge alice->dave; two labels; the vCard's handle; "alice" in
  // quarantine.
  std::map<std::string, int64_t> expected = {
      {"posts remove", 3},           {"post_mentions remove", 4}, {"posts clear", 1},
      {"follows remove", 4},         {"interactions remove", 1},  {"account_labels remove", 2},
      {"contact_handles remove", 1}, {"quarantine remove", 1},    {"accounts remove", 1},
      {"contact_matches remove", 2}};
  std::map<std::string, int64_t> planned = StepRows(*plan);
  for (const auto& [step, rows] : expected) EXPECT_EQ(planned[step], rows) << step;
  EXPECT_EQ(planned["account_handles remove"],
            Count("SELECT count(*) FROM account_handles WHERE account_key = " + std::to_string(alice_)));

  Result<ErasureCounts> done = Erase(*workspace_, person);
  ASSERT_TRUE(done.ok()) << done.status().message();
  EXPECT_EQ(StepRows(*done), planned);
  EXPECT_EQ(done->rows_removed, plan->rows_removed);
  EXPECT_EQ(done->rows_cleared, plan->rows_cleared);
}

TEST_F(ErasureTest, NothingOfTheAccountRemainsAndOthersKeepTheirRows) {
  Person person = FindPerson(workspace_->db(), "alice", "").value();
  std::map<std::string, int64_t> before = TableRows();
  ASSERT_TRUE(LoadLayer(*workspace_, Layer::kFollow).ok());
  std::filesystem::path follow_file = std::filesystem::path(workspace_->dir()) / "graphs" / "follow.clg";
  ASSERT_TRUE(std::filesystem::exists(follow_file));

  Result<ErasureCounts> done = Erase(*workspace_, person);
  ASSERT_TRUE(done.ok()) << done.status().message();
  EXPECT_TRUE(done->wal_truncated);
  std::string alice = std::to_string(alice_);
  EXPECT_EQ(Count("SELECT count(*) FROM accounts WHERE account_key = " + alice), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM accounts WHERE handle_lower = 'alice'"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM posts WHERE author_key = " + alice + " OR reply_to_account_key = " + alice), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM posts WHERE text LIKE 'RT @alice:%'"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM follows WHERE " + alice + " IN (follower_key, followee_key)"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM interactions WHERE " + alice + " IN (source_key, target_key)"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM post_mentions WHERE account_key = " + alice), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM account_labels WHERE account_key = " + alice), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM account_handles WHERE account_key = " + alice), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM contact_handles WHERE handle = 'alice'"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM quarantine WHERE raw = 'alice'"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM contact_matches WHERE account_key = " + alice), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM contact_matches WHERE account_key = " + std::to_string(bob_) +
                  " AND contact_key = " + std::to_string(bob_contact_)),
            1);

  // Others' rows: bob's reply keeps its text; dave's posts, bob's label, the
  // edge dave->bob, both contacts and the other quarantined line stay.
  EXPECT_EQ(Count("SELECT count(*) FROM posts WHERE platform_id = '12' AND text = '@alice thanks'"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM posts"), before["posts"] - 3);
  EXPECT_EQ(Count("SELECT count(*) FROM posts WHERE author_key = " + std::to_string(bob_)), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM account_labels"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM interactions"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM post_mentions"), before["post_mentions"] - 4);
  EXPECT_EQ(Count("SELECT count(*) FROM accounts"), before["accounts"] - 1);
  EXPECT_EQ(Count("SELECT count(*) FROM contacts"), 2);
  EXPECT_EQ(Count("SELECT count(*) FROM contact_handles"), before["contact_handles"] - 1);
  EXPECT_EQ(Count("SELECT count(*) FROM quarantine WHERE raw = 'zed'"), 1);

  // The log says that, not whom.
  EXPECT_EQ(Count("SELECT count(*) FROM erasures"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM erasures WHERE kind = 'account' AND rows_removed = " +
                  std::to_string(done->rows_removed)),
            1);
  EXPECT_EQ(Count("SELECT count(*) FROM erasures WHERE instr(lower(erasure_id || kind || rows_removed || "
                  "rows_cleared || graph_files_removed), 'alice') > 0"),
            0);

  // The graph cache is gone; rebuilt, it has no node for alice.
  EXPECT_FALSE(std::filesystem::exists(follow_file));
  EXPECT_FALSE(done->graph_files.empty());
  Result<graph::Graph> rebuilt = LoadLayer(*workspace_, Layer::kFollow);
  ASSERT_TRUE(rebuilt.ok());
  ASSERT_TRUE(std::filesystem::exists(follow_file));
  Result<graph::Graph> cached = graph::ReadGraphFile(follow_file.string());
  ASSERT_TRUE(cached.ok());
  for (uint64_t label : cached->labels()) EXPECT_NE(label, static_cast<uint64_t>(alice_));
}

TEST_F(ErasureTest, AContactByEmailGoesFromEveryTableAndTheAccountStays) {
  Result<Person> person = FindPerson(workspace_->db(), "ALICE.LIDDELL@example.net", "");
  ASSERT_TRUE(person.ok()) << person.status().message();
  EXPECT_EQ(person->kind, PersonKind::kContact);
  ASSERT_EQ(person->contact_keys.size(), 1u);
  std::string contact = std::to_string(person->contact_keys[0]);
  std::map<std::string, int64_t> before = TableRows();
  Result<ErasureCounts> done = Erase(*workspace_, *person);
  ASSERT_TRUE(done.ok()) << done.status().message();
  for (const char* table :
       {"contacts", "contact_emails", "contact_phones", "contact_urls", "contact_handles", "contact_matches"}) {
    EXPECT_EQ(Count(std::string("SELECT count(*) FROM ") + table + " WHERE contact_key = " + contact), 0) << table;
  }
  EXPECT_EQ(Count("SELECT count(*) FROM contacts"), before["contacts"] - 1);
  EXPECT_EQ(Count("SELECT count(*) FROM contact_emails WHERE email = 'bob@example.net'"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM accounts"), before["accounts"]);
  EXPECT_EQ(Count("SELECT count(*) FROM posts"), before["posts"]);
  EXPECT_EQ(Count("SELECT count(*) FROM erasures WHERE kind = 'contact'"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM contact_matches"), 2);  // Bob's two matches stay
  EXPECT_EQ(done->rows_removed, 5);  // the contact, its address, its phone, its handle and its match
}

TEST_F(ErasureTest, PersonDataHoldsItsPostsAndEveryEdgeInAndOut) {
  Person person = FindPerson(workspace_->db(), "alice", "").value();
  Result<PersonData> data = CollectPersonData(workspace_->db(), person);
  ASSERT_TRUE(data.ok()) << data.status().message();
  const RecordSet* posts = FindSection(*data, "posts");
  ASSERT_NE(posts, nullptr);
  EXPECT_EQ(posts->rows.size(), 2u);  // 10 and 15
  const RecordSet* edges = FindSection(*data, "edges");
  ASSERT_NE(edges, nullptr);
  std::map<std::string, int> by_kind;
  size_t direction = 0, relation = 0, other = 0;
  for (size_t column = 0; column < edges->columns.size(); ++column) {
    if (edges->columns[column] == "direction") direction = column;
    if (edges->columns[column] == "relation") relation = column;
    if (edges->columns[column] == "other_handle") other = column;
  }
  for (const std::vector<StoredValue>& row : edges->rows) {
    by_kind[std::get<std::string>(row[direction]) + " " + std::get<std::string>(row[relation]) + " " +
            std::get<std::string>(row[other])]++;
  }
  // By hand: follows alice->bob, bob/carol/dave->alice; the mention edge
  // alice->dave; post 10 mentions bob; 11 (carol's retweet) and 12 (bob)
  // mention alice; 15 replies to alice herself, 12 replies to her; carol retweets 10.
  std::map<std::string, int> expected = {{"out follow bob", 1},   {"in follow bob", 1},    {"in follow carol", 1},
                                         {"in follow dave", 1},   {"out mention dave", 1}, {"out mention bob", 1},
                                         {"in mention carol", 1}, {"in mention bob", 1},   {"out reply alice", 1},
                                         {"in reply alice", 1},   {"in reply bob", 1},     {"in retweet carol", 1}};
  EXPECT_EQ(by_kind, expected);
  const RecordSet* matches = FindSection(*data, "contact_matches");
  ASSERT_NE(matches, nullptr);
  EXPECT_EQ(matches->rows.size(), 1u);
  const RecordSet* quarantine = FindSection(*data, "quarantine");
  ASSERT_NE(quarantine, nullptr);
  EXPECT_EQ(quarantine->rows.size(), 1u);
}

}  // namespace
}  // namespace crowdlens
