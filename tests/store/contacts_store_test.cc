// Address-book contacts written into a real workspace: the contacts,
// contact_emails, contact_handles (and phones, urls) tables hold exactly what
// the readers produced, and writing the same batches again adds nothing.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "ingest/contacts_csv_reader.h"
#include "ingest/vcard_reader.h"
#include "store/batch_writer.h"
#include "store/workspace.h"
#include "test_data.h"

namespace crowdlens {
namespace {

constexpr int64_t kImportTime = 1700000000;

using ContactReader = Status (*)(const InputSource&, const InputBuffer&, const ReadOptions&, BatchEmitter&);

// Reads a fixture under tests/fixtures/contacts into batches of at most three records.
std::vector<Batch> ReadFixture(ContactReader reader, const std::string& relative) {
  std::ifstream in(testing::TestsPath("fixtures/contacts/" + relative), std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  std::vector<Batch> batches;
  BatchEmitter emitter(
      [&](Batch&& batch) {
        batches.push_back(std::move(batch));
        return Status::Ok();
      },
      EmitterOptions{.batch_records = 3, .max_raw_bytes = 4096});
  ReadOptions options;
  options.import_time = kImportTime;
  Status status = reader({.name = relative, .path = relative, .member = "", .size_on_disk = 0},
                         InputBuffer::FromString(text.str()), options, emitter);
  EXPECT_TRUE(status.ok()) << relative << ": " << status.message();
  return batches;
}

int64_t Rows(Workspace& workspace, const std::string& sql) {
  Result<int64_t> rows = workspace.db().QueryInt(sql);
  EXPECT_TRUE(rows.ok()) << rows.status().message();
  return rows.ok() ? rows.value() : -1;
}

struct Counts {
  int64_t contacts, emails, phones, urls, handles, quarantine;
  bool operator==(const Counts&) const = default;
};

Counts Take(Workspace& workspace) {
  return {
      Rows(workspace, "SELECT count(*) FROM contacts"),        Rows(workspace, "SELECT count(*) FROM contact_emails"),
      Rows(workspace, "SELECT count(*) FROM contact_phones"),  Rows(workspace, "SELECT count(*) FROM contact_urls"),
      Rows(workspace, "SELECT count(*) FROM contact_handles"), Rows(workspace, "SELECT count(*) FROM quarantine")};
}

void WriteAll(Workspace& workspace, const std::vector<Batch>& batches) {
  ASSERT_TRUE(
      workspace.db().Execute("INSERT INTO import_runs (started_at, status) VALUES (1700000000, 'running')").ok());
  BatchWriter writer(workspace.db(), workspace.db().LastInsertRowId());
  ASSERT_TRUE(writer.Prepare().ok());
  for (const Batch& batch : batches) {
    Status status = writer.Write(batch);
    ASSERT_TRUE(status.ok()) << status.message();
  }
}

TEST(ContactsStore, TablesHoldEveryContactAndRewritingAddsNothing) {
  std::vector<Batch> batches;
  auto add = [&](ContactReader reader, const std::string& relative) {
    for (Batch& batch : ReadFixture(reader, relative)) batches.push_back(std::move(batch));
  };
  add(ReadContactsCsv, "linkedin/Connections.csv");
  add(ReadContactsCsv, "google.csv");
  add(ReadContactsCsv, "google-new.csv");
  add(ReadContactsCsv, "outlook.csv");
  add(ReadVcard, "cards.vcf");

  Result<std::unique_ptr<Workspace>> opened = Workspace::Open(testing::MakeTempDir("contacts-ws"), OpenMode::kCreate);
  ASSERT_TRUE(opened.ok()) << opened.status().message();
  Workspace& workspace = *opened.value();
  WriteAll(workspace, batches);

  // Hand counts from the fixtures (see contacts_reader_test.cc for each contact):
  // contacts 6 linkedin + 4 google + 3 google-new + 3 outlook + 4 vcard;
  // emails 4 + 5 + 2 + 3 + 4; phones 0 + 4 + 2 + 4 + 6; urls 5 + 4 + 2 + 3 + 8;
  // handles 5 + 4 + 1 + 3 + 10; quarantine: the vCard without END:VCARD.
  const Counts first = Take(workspace);
  EXPECT_EQ(first, (Counts{.contacts = 20, .emails = 18, .phones = 16, .urls = 22, .handles = 23, .quarantine = 1}));

  EXPECT_EQ(Rows(workspace, "SELECT count(DISTINCT source) FROM contacts"), 4);
  EXPECT_EQ(
      Rows(workspace, "SELECT connected_on FROM contacts WHERE source = 'linkedin' AND source_id = 'ada-example'"),
      1732579200);
  EXPECT_EQ(Rows(workspace,
                 "SELECT count(*) FROM contacts WHERE source = 'outlook' AND name = 'Ada Example' AND "
                 "title = 'Head of Customer Experience' AND given_name = 'Ada' AND family_name = 'Example' "
                 "AND location = 'Leeds, West Yorkshire, United Kingdom' AND connected_on IS NULL "
                 "AND first_seen = 1700000000 AND last_seen = 1700000000"),
            1);
  // The same person across four address books, by email and by handle.
  EXPECT_EQ(Rows(workspace, "SELECT count(*) FROM contact_emails WHERE email = 'ada.example@example.org'"), 4);
  EXPECT_EQ(Rows(workspace,
                 "SELECT count(*) FROM contact_handles h JOIN contacts c USING (contact_key) "
                 "WHERE h.platform = 'twitter' AND h.handle = 'ada_example' "
                 "AND c.source IN ('google', 'outlook', 'vcard')"),
            3);
  EXPECT_EQ(Rows(workspace,
                 "SELECT count(*) FROM contact_handles h JOIN contacts c USING (contact_key) "
                 "WHERE c.source = 'vcard' AND c.source_id = 'chidi placeholder|' AND "
                 "(h.platform, h.handle) IN (VALUES ('twitter', 'chidi_ph'), ('linkedin', 'chidi-placeholder'), "
                 "('xmpp', 'chidi@example.org'), ('mastodon', 'chidi@social.example.com'))"),
            4);
  EXPECT_EQ(Rows(workspace,
                 "SELECT count(*) FROM contact_handles WHERE platform = 'linkedin' AND "
                 "handle = 'zoë-müller-example'"),
            1);
  EXPECT_EQ(Rows(workspace, "SELECT count(*) FROM quarantine WHERE source = 'cards.vcf' AND line = 50"), 1);

  // The same batches again, through a fresh writer as a second import would: nothing new.
  WriteAll(workspace, batches);
  EXPECT_EQ(Take(workspace), first);
  EXPECT_EQ(Rows(workspace, "SELECT count(*) FROM contacts WHERE first_seen <> 1700000000 OR last_seen <> 1700000000"),
            0);
}

}  // namespace
}  // namespace crowdlens
