// Two X archives of one account, a year apart, written into a real workspace:
// follows the later archive still lists move their last_seen, a lost follower
// keeps the earlier last_seen, a new one starts at the later first_seen, and
// the newer profile wins. Nothing private reaches the database.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "core/input.h"
#include "ingest/batch_emitter.h"
#include "ingest/x_archive_reader.h"
#include "store/batch_writer.h"
#include "store/workspace.h"
#include "test_data.h"

namespace crowdlens {
namespace {

namespace fs = std::filesystem;

constexpr int64_t kGenerated2024 = 1709285400;  // archive-2024 manifest generationDate
constexpr int64_t kGenerated2025 = 1740821400;  // archive-2025 manifest generationDate

std::string Fixture(const std::string& relative) { return testing::TestsPath("fixtures/x-archive/" + relative); }

int64_t Int(Workspace& workspace, const std::string& sql) {
  Result<int64_t> value = workspace.db().QueryInt(sql);
  EXPECT_TRUE(value.ok()) << value.status().message() << "\n" << sql;
  return value.ok() ? value.value() : -1;
}

std::string Text(Workspace& workspace, const std::string& sql) {
  Result<Statement> statement = workspace.db().Prepare(sql);
  EXPECT_TRUE(statement.ok()) << statement.status().message();
  if (!statement.ok()) return {};
  Result<bool> row = statement->Step();
  EXPECT_TRUE(row.ok() && row.value()) << sql;
  return row.ok() && row.value() ? statement->ColumnText(0) : std::string();
}

// What an import does: private parts skipped, every other file read and written batch by batch.
void ImportArchive(Workspace& workspace, const std::string& path, int64_t run_id) {
  BatchWriter writer(workspace.db(), run_id);
  ASSERT_TRUE(writer.Prepare().ok());
  Result<std::vector<InputSource>> sources = ExpandInputs({path});
  ASSERT_TRUE(sources.ok()) << sources.status().message();
  BatchEmitter emitter([&writer](Batch&& batch) { return writer.Write(batch); },
                       {.batch_records = 4, .max_raw_bytes = 4096});
  for (const InputSource& source : *sources) {
    if (IsPrivateXArchiveFile(source.name)) continue;
    Result<InputBuffer> buffer = LoadInput(source);
    ASSERT_TRUE(buffer.ok()) << buffer.status().message();
    Status status = ReadXArchiveFile(source, *buffer, ReadOptions{}, emitter);
    ASSERT_TRUE(status.ok()) << source.name << ": " << status.message();
  }
  ASSERT_TRUE(emitter.Finish().ok());
}

std::string FollowSql(const std::string& column, const std::string& follower, const std::string& followee) {
  return "SELECT " + column + " FROM follows f JOIN accounts a ON a.account_key = f.follower_key "
         "JOIN accounts b ON b.account_key = f.followee_key WHERE a.platform = 'twitter' AND a.platform_id = '" +
         follower + "' AND b.platform_id = '" + followee + "'";
}

struct Seen {
  int64_t first_seen, last_seen;
  bool operator==(const Seen&) const = default;
};

Seen FollowSeen(Workspace& workspace, const std::string& follower, const std::string& followee) {
  EXPECT_EQ(Int(workspace, FollowSql("count(*)", follower, followee)), 1) << follower << " -> " << followee;
  EXPECT_EQ(Int(workspace, FollowSql("count(*)", follower, followee) + " AND f.ended_at IS NULL"), 1);
  return {Int(workspace, FollowSql("f.first_seen", follower, followee)),
          Int(workspace, FollowSql("f.last_seen", follower, followee))};
}

std::string FileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST(XArchiveStore, TwoArchivesTellNewAndLostFollowers) {
  Result<std::unique_ptr<Workspace>> opened = Workspace::Open(testing::MakeTempDir("xarchive-ws"), OpenMode::kCreate);
  ASSERT_TRUE(opened.ok()) << opened.status().message();
  Workspace& workspace = **opened;

  ImportArchive(workspace, Fixture("archive-2024"), 1);
  EXPECT_EQ(Int(workspace, "SELECT count(*) FROM follows"), 5);
  EXPECT_EQ(Int(workspace, "SELECT count(*) FROM posts"), 4);
  EXPECT_EQ(FollowSeen(workspace, "5000000003", "1111111111"), (Seen{kGenerated2024, kGenerated2024}));

  ImportArchive(workspace, Fixture("archive-2025"), 2);
  EXPECT_EQ(Int(workspace, "SELECT count(*) FROM follows"), 6);
  // Still following the owner: seen in both archives.
  EXPECT_EQ(FollowSeen(workspace, "5000000001", "1111111111"), (Seen{kGenerated2024, kGenerated2025}));
  EXPECT_EQ(FollowSeen(workspace, "5000000002", "1111111111"), (Seen{kGenerated2024, kGenerated2025}));
  // Lost between the archives: last seen in the first.
  EXPECT_EQ(FollowSeen(workspace, "5000000003", "1111111111"), (Seen{kGenerated2024, kGenerated2024}));
  // New in the second.
  EXPECT_EQ(FollowSeen(workspace, "5000000004", "1111111111"), (Seen{kGenerated2025, kGenerated2025}));
  // The owner's own follows, unchanged.
  EXPECT_EQ(FollowSeen(workspace, "1111111111", "2222222222"), (Seen{kGenerated2024, kGenerated2025}));
  EXPECT_EQ(FollowSeen(workspace, "1111111111", "4444444444"), (Seen{kGenerated2024, kGenerated2025}));

  // The owner: one account, the newer profile, every post of both archives.
  const std::string owner = "FROM accounts WHERE platform = 'twitter' AND platform_id = '1111111111'";
  EXPECT_EQ(Int(workspace, "SELECT count(*) " + owner), 1);
  EXPECT_EQ(Text(workspace, "SELECT handle " + owner), "CentreOfCalls");
  EXPECT_EQ(Text(workspace, "SELECT name " + owner), "Centre of Calls");
  EXPECT_EQ(Text(workspace, "SELECT bio " + owner), "Contact-centre news, tips, events and jobs.");
  EXPECT_EQ(Text(workspace, "SELECT location " + owner), "Manchester, UK");
  EXPECT_EQ(Text(workspace, "SELECT url " + owner), "https://t.co/Xy12AbCdEf");
  EXPECT_EQ(Int(workspace, "SELECT created_at " + owner), 1268145127);
  EXPECT_EQ(Int(workspace, "SELECT profile_observed_at " + owner), kGenerated2025);
  EXPECT_EQ(Int(workspace, "SELECT count(*) FROM posts WHERE author_key = (SELECT account_key " + owner + ")"), 5);
  EXPECT_EQ(Int(workspace, "SELECT count(*) FROM posts"), 5);
  EXPECT_EQ(Int(workspace, "SELECT count(*) FROM post_hashtags"), 4);  // contactcentre, ccexpo, cx, jobs
  EXPECT_EQ(Int(workspace, "SELECT count(*) FROM post_mentions"), 4);
  EXPECT_EQ(Int(workspace, "SELECT count(*) FROM post_urls"), 3);
  EXPECT_EQ(Int(workspace, "SELECT count(*) FROM quarantine"), 0);

  // Importing the older archive again changes nothing: its profile and follows are older.
  ImportArchive(workspace, Fixture("archive-2024"), 3);
  EXPECT_EQ(Text(workspace, "SELECT bio " + owner), "Contact-centre news, tips, events and jobs.");
  EXPECT_EQ(FollowSeen(workspace, "5000000003", "1111111111"), (Seen{kGenerated2024, kGenerated2024}));
  EXPECT_EQ(FollowSeen(workspace, "5000000004", "1111111111"), (Seen{kGenerated2025, kGenerated2025}));
  EXPECT_EQ(Int(workspace, "SELECT count(*) FROM follows"), 6);
  EXPECT_EQ(Int(workspace, "SELECT count(*) FROM posts"), 5);

  // Neither e-mail address nor the direct message is anywhere in the database files.
  ASSERT_TRUE(workspace.db().Execute("PRAGMA wal_checkpoint(TRUNCATE)").ok());
  std::string bytes = FileBytes(workspace.database_path()) + FileBytes(workspace.database_path() + "-wal");
  EXPECT_EQ(bytes.find("owner-2024@example.com"), std::string::npos);
  EXPECT_EQ(bytes.find("owner-2025@example.com"), std::string::npos);
  EXPECT_EQ(bytes.find("SECRET DM TEXT"), std::string::npos);
  EXPECT_NE(bytes.find("Contact-centre news"), std::string::npos);  // the scan does see text
}

}  // namespace
}  // namespace crowdlens
