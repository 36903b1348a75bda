#include "ingest/csv.h"

#include <gtest/gtest.h>

namespace crowdlens {
namespace {

std::vector<CsvRecord> ReadAllRecords(std::string_view text) {
  CsvReader reader(text);
  std::vector<CsvRecord> records;
  CsvRecord record;
  while (reader.Next(record)) records.push_back(record);
  return records;
}

TEST(Csv, QuotesCommasNewlinesAndCrlf) {
  auto records = ReadAllRecords("\xEF\xBB\xBFid,text\r\n1,\"a, \"\"quoted\"\"\r\nline\"\r\n2,plain\n\n3,\n");
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[0].fields, (std::vector<std::string>{"id", "text"}));
  EXPECT_EQ(records[1].fields, (std::vector<std::string>{"1", "a, \"quoted\"\r\nline"}));
  EXPECT_EQ(records[1].line, 2);
  EXPECT_EQ(records[2].line, 4);
  EXPECT_EQ(records[2].raw, "2,plain");
  EXPECT_EQ(records[3].line, 6);
  EXPECT_EQ(records[3].fields, (std::vector<std::string>{"3", ""}));
}

TEST(Csv, UnbalancedQuoteCostsOnlyItsRecord) {
  auto records = ReadAllRecords("a,b\n1,\"broken\n2,fine\n");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_FALSE(records[1].error.empty());
  EXPECT_EQ(records[1].line, 2);
  EXPECT_EQ(records[1].raw, "1,\"broken");
  EXPECT_EQ(records[2].fields, (std::vector<std::string>{"2", "fine"}));
  EXPECT_EQ(records[2].line, 3);
}

TEST(Csv, HeaderLookupIgnoresCaseAndSpaces) {
  CsvHeader header({"First Name", "E-mail Address"});
  CsvRecord record;
  record.fields = {"Ada", "ada@example.org"};
  EXPECT_EQ(header.Get(record, "first name"), "Ada");
  EXPECT_EQ(header.Get(record, "E-MAIL ADDRESS"), "ada@example.org");
  EXPECT_EQ(header.Get(record, "missing"), "");
  EXPECT_EQ(header.FindAny({"nope", "firstname"}), 0u);
}

TEST(Csv, SkipsAPreambleToTheHeader) {
  CsvReader reader("Notes:\n\"When exporting...\"\n\nFirst Name,Last Name\nAda,Lovelace\n");
  ASSERT_TRUE(reader.SkipToLineStartingWith("First Name,"));
  CsvRecord record;
  ASSERT_TRUE(reader.Next(record));
  EXPECT_EQ(record.fields[0], "First Name");
  EXPECT_EQ(record.line, 4);
}

}  // namespace
}  // namespace crowdlens
