// Address-book readers (LinkedIn/Google/Outlook CSV and vCard) over the
// hand-written fixtures in tests/fixtures/contacts: every field of every
// contact, the quarantine entries, and what sniffing may take for contacts.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "ingest/contacts_csv_reader.h"
#include "ingest/vcard_reader.h"
#include "test_data.h"

namespace crowdlens {
namespace {

constexpr int64_t kImportTime = 1700000000;

using ContactReader = Status (*)(const InputSource&, const InputBuffer&, const ReadOptions&, BatchEmitter&);

struct ReadOutcome {
  Status status;
  size_t batch_count = 0;
  uint64_t input_bytes = 0;
  std::vector<Contact> contacts;
  std::vector<QuarantineEntry> quarantined;
};

ReadOutcome ReadBuffer(ContactReader reader, const std::string& name, const InputBuffer& buffer,
                       size_t batch_records = 1000) {
  ReadOutcome out;
  BatchEmitter emitter(
      [&](Batch&& batch) {
        ++out.batch_count;
        out.input_bytes += batch.input_bytes;
        out.contacts.insert(out.contacts.end(), batch.contacts.begin(), batch.contacts.end());
        out.quarantined.insert(out.quarantined.end(), batch.quarantined.begin(), batch.quarantined.end());
        return Status::Ok();
      },
      EmitterOptions{.batch_records = batch_records, .max_raw_bytes = 4096});
  ReadOptions options;
  options.import_time = kImportTime;
  out.status = reader({.name = name, .path = name, .member = "", .size_on_disk = 0}, buffer, options, emitter);
  return out;
}

std::string FixturePath(const std::string& relative) { return testing::TestsPath("fixtures/contacts/" + relative); }

std::string FixtureText(const std::string& relative) {
  std::ifstream in(FixturePath(relative), std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

ReadOutcome ReadFixture(ContactReader reader, const std::string& relative, size_t batch_records = 1000) {
  return ReadBuffer(reader, relative, InputBuffer::FromString(FixtureText(relative)), batch_records);
}

ReadOutcome ReadString(ContactReader reader, const std::string& name, std::string_view text) {
  return ReadBuffer(reader, name, InputBuffer::FromString(text));
}

std::vector<std::pair<std::string, std::string>> Pairs(const std::vector<SocialHandle>& handles) {
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const SocialHandle& handle : handles) pairs.emplace_back(handle.platform, handle.handle);
  return pairs;
}

void ExpectContact(const Contact& actual, const Contact& expected) {
  SCOPED_TRACE("contact " + expected.source + "/" + expected.source_id);
  EXPECT_EQ(actual.source, expected.source);
  EXPECT_EQ(actual.source_id, expected.source_id);
  EXPECT_EQ(actual.name, expected.name);
  EXPECT_EQ(actual.given_name, expected.given_name);
  EXPECT_EQ(actual.family_name, expected.family_name);
  EXPECT_EQ(actual.emails, expected.emails);
  EXPECT_EQ(actual.phones, expected.phones);
  EXPECT_EQ(actual.company, expected.company);
  EXPECT_EQ(actual.title, expected.title);
  EXPECT_EQ(actual.location, expected.location);
  EXPECT_EQ(actual.urls, expected.urls);
  EXPECT_EQ(Pairs(actual.handles), Pairs(expected.handles));
  EXPECT_EQ(actual.connected_on, expected.connected_on);
  EXPECT_EQ(actual.observed_at, expected.observed_at);
}

void ExpectContacts(const std::vector<Contact>& actual, const std::vector<Contact>& expected) {
  ASSERT_EQ(actual.size(), expected.size());
  for (size_t index = 0; index < expected.size(); ++index) ExpectContact(actual[index], expected[index]);
}

// Connected On dates at UTC midnight, from Python's calendar.timegm.
TEST(ContactsCsv, LinkedInConnectionsEveryField) {
  ReadOutcome read = ReadFixture(ReadContactsCsv, "linkedin/Connections.csv");
  ASSERT_TRUE(read.status.ok()) << read.status.message();
  EXPECT_TRUE(read.quarantined.empty());
  ExpectContacts(read.contacts, {
    {.source = "linkedin", .source_id = "ada-example", .name = "Ada Example", .given_name = "Ada",
     .family_name = "Example", .emails = {"ada.example@example.org"}, .phones = {},
     .company = "Example Contact Centres Ltd", .title = "Head of Customer Experience", .location = {},
     .urls = {"https://www.linkedin.com/in/ada-example"}, .handles = {{"linkedin", "ada-example"}},
     .connected_on = 1732579200, .observed_at = kImportTime},
    {.source = "linkedin", .source_id = "bram-sample-0a1b2c", .name = "Bram Sample", .given_name = "Bram",
     .family_name = "Sample", .emails = {}, .phones = {}, .company = "Sample, Test & Co",
     .title = "Social Media Manager", .location = {}, .urls = {"https://www.linkedin.com/in/bram-sample-0a1b2c"},
     .handles = {{"linkedin", "bram-sample-0a1b2c"}}, .connected_on = 1672704000, .observed_at = kImportTime},
    {.source = "linkedin", .source_id = "zoë-müller-example", .name = "Zoë Müller-Example", .given_name = "Zoë",
     .family_name = "Müller-Example", .emails = {"zoe@example.com"}, .phones = {}, .company = "Beispiel GmbH",
     .title = "Journalist", .location = {}, .urls = {"https://www.linkedin.com/in/zo%C3%AB-m%C3%BCller-example"},
     .handles = {{"linkedin", "zoë-müller-example"}}, .connected_on = 1644796800, .observed_at = kImportTime},
    {.source = "linkedin", .source_id = "chidi-placeholder", .name = "Chidi Placeholder", .given_name = "Chidi",
     .family_name = "Placeholder", .emails = {}, .phones = {}, .company = "Example Telecom",
     .title = "Director, Service Operations", .location = {},
     .urls = {"https://uk.linkedin.com/in/chidi-placeholder/"}, .handles = {{"linkedin", "chidi-placeholder"}},
     .connected_on = 1614556800, .observed_at = kImportTime},
    {.source = "linkedin", .source_id = "dana-fictional", .name = "Dana Fictional", .given_name = "Dana",
     .family_name = "Fictional", .emails = {"dana@example.com"}, .phones = {}, .company = {}, .title = {},
     .location = {}, .urls = {"https://www.linkedin.com/in/dana-fictional"},
     .handles = {{"linkedin", "dana-fictional"}}, .connected_on = 1565827200, .observed_at = kImportTime},
    // No profile URL: the email is the id.
    {.source = "linkedin", .source_id = "emeka.test@example.org", .name = "Emeka Test-Case", .given_name = "Emeka",
     .family_name = "Test-Case", .emails = {"emeka.test@example.org"}, .phones = {}, .company = "Example Widgets",
     .title = "Author of \"Queues Explained\"", .location = {}, .urls = {}, .handles = {},
     .connected_on = 1593475200, .observed_at = kImportTime},
  });
}

TEST(ContactsCsv, GoogleOlderHeaderEveryField) {
  ReadOutcome read = ReadFixture(ReadContactsCsv, "google.csv");
  ASSERT_TRUE(read.status.ok()) << read.status.message();
  EXPECT_TRUE(read.quarantined.empty());
  ExpectContacts(read.contacts, {
    {.source = "google", .source_id = "ada.example@example.org", .name = "Ada Example", .given_name = "Ada",
     .family_name = "Example", .emails = {"ada.example@example.org", "ada@example.com", "ada.home@example.com"},
     .phones = {"+44 7700 900123", "+44 113 496 0000", "+44 113 496 0001"},
     .company = "Example Contact Centres Ltd", .title = "Head of CX", .location = "Leeds, England, UK",
     .urls = {"https://twitter.com/ada_example", "https://social.example.org/@ada"},
     .handles = {{"twitter", "ada_example"}, {"mastodon", "ada@social.example.org"}}, .connected_on = {},
     .observed_at = kImportTime},
    {.source = "google", .source_id = "bram@example.com", .name = "Bram Sample", .given_name = "Bram",
     .family_name = "Sample", .emails = {"bram@example.com"}, .phones = {}, .company = {}, .title = {},
     .location = {}, .urls = {"https://x.com/bramsample", "https://bsky.app/profile/bram.example.com"},
     .handles = {{"twitter", "bramsample"}, {"bluesky", "bram.example.com"}}, .connected_on = {},
     .observed_at = kImportTime},
    // An empty Name cell: given + family; no email: "name|company".
    {.source = "google", .source_id = "chidi placeholder|example telecom", .name = "Chidi Placeholder",
     .given_name = "Chidi", .family_name = "Placeholder", .emails = {}, .phones = {"+1 555 0100"},
     .company = "Example Telecom", .title = "Director, Service Operations", .location = "Lagos, Nigeria",
     .urls = {}, .handles = {}, .connected_on = {}, .observed_at = kImportTime},
    // An organisation with an email and no person's name is kept, nameless.
    {.source = "google", .source_id = "support@example.com", .name = "", .given_name = {}, .family_name = {},
     .emails = {"support@example.com"}, .phones = {}, .company = "Example Widgets", .title = {}, .location = {},
     .urls = {}, .handles = {}, .connected_on = {}, .observed_at = kImportTime},
  });
}

TEST(ContactsCsv, GoogleNewerHeaderEveryField) {
  ReadOutcome read = ReadFixture(ReadContactsCsv, "google-new.csv");
  ASSERT_TRUE(read.status.ok()) << read.status.message();
  EXPECT_TRUE(read.quarantined.empty());
  ExpectContacts(read.contacts, {
    // Middle Name is not part of the display name.
    {.source = "google", .source_id = "zoe@example.com", .name = "Zoë Müller-Example", .given_name = "Zoë",
     .family_name = "Müller-Example", .emails = {"zoe@example.com"}, .phones = {"+49 30 5550 1234"},
     .company = "Beispiel GmbH", .title = "Redakteurin", .location = "Berlin, Germany",
     .urls = {"https://www.linkedin.com/in/zoe-muller-example/"}, .handles = {{"linkedin", "zoe-muller-example"}},
     .connected_on = {}, .observed_at = kImportTime},
    // The second email differs only in case; a twitter.com/intent link names no account.
    {.source = "google", .source_id = "emeka.test@example.org", .name = "Emeka Test-Case", .given_name = "Emeka",
     .family_name = "Test-Case", .emails = {"emeka.test@example.org"}, .phones = {"+234 1 555 0199"},
     .company = {}, .title = {}, .location = {},
     .urls = {"https://twitter.com/intent/follow?screen_name=emeka_example"}, .handles = {}, .connected_on = {},
     .observed_at = kImportTime},
    {.source = "google", .source_id = "frank|", .name = "Frank", .given_name = "Frank", .family_name = {},
     .emails = {}, .phones = {}, .company = {}, .title = {}, .location = "Wales", .urls = {}, .handles = {},
     .connected_on = {}, .observed_at = kImportTime},
  });
}

TEST(ContactsCsv, OutlookEveryField) {
  ReadOutcome read = ReadFixture(ReadContactsCsv, "outlook.csv");
  ASSERT_TRUE(read.status.ok()) << read.status.message();
  EXPECT_TRUE(read.quarantined.empty());
  ExpectContacts(read.contacts, {
    // "Title" (Dr) is the honorific and is not kept; "Job Title" is the title.
    {.source = "outlook", .source_id = "ada.example@example.org", .name = "Ada Example", .given_name = "Ada",
     .family_name = "Example", .emails = {"ada.example@example.org", "ada@example.com"},
     .phones = {"+44 7700 900123", "+44 113 496 0000"}, .company = "Example Contact Centres Ltd",
     .title = "Head of Customer Experience", .location = "Leeds, West Yorkshire, United Kingdom",
     .urls = {"https://x.com/ada_example"}, .handles = {{"twitter", "ada_example"}}, .connected_on = {},
     .observed_at = kImportTime},
    // No business address: the home one.
    {.source = "outlook", .source_id = "grace sample|sample supplies, inc.", .name = "Grace Sample",
     .given_name = "Grace", .family_name = "Sample", .emails = {}, .phones = {"+44 161 496 0000"},
     .company = "Sample Supplies, Inc.", .title = "Account Manager", .location = "Manchester, UK",
     .urls = {"https://social.example.com/@grace", "https://bsky.app/profile/grace.example.com"},
     .handles = {{"mastodon", "grace@social.example.com"}, {"bluesky", "grace.example.com"}},
     .connected_on = {}, .observed_at = kImportTime},
    // An Exchange X.500 path is not an email; a short row's missing cells are empty.
    {.source = "outlook", .source_id = "hal@example.com", .name = "Hal Placeholder", .given_name = "Hal",
     .family_name = "Placeholder", .emails = {"hal@example.com"}, .phones = {"+1 555 0142"}, .company = {},
     .title = "Supplier Liaison", .location = {}, .urls = {}, .handles = {}, .connected_on = {},
     .observed_at = kImportTime},
  });
}

TEST(ContactsCsv, BatchesCarryEveryContactAndEveryByte) {
  std::string text = FixtureText("linkedin/Connections.csv");
  ReadOutcome read = ReadFixture(ReadContactsCsv, "linkedin/Connections.csv", 2);
  ASSERT_TRUE(read.status.ok());
  EXPECT_EQ(read.contacts.size(), 6u);
  EXPECT_GE(read.batch_count, 3u);
  EXPECT_EQ(read.input_bytes, text.size());
}

TEST(ContactsCsv, MissingHeaderIsADataError) {
  ReadOutcome read = ReadFixture(ReadContactsCsv, "malformed/linkedin-no-header.csv");
  EXPECT_EQ(read.status.code(), ErrorCode::kDataError);
  EXPECT_NE(read.status.message().find("no contacts header"), std::string::npos) << read.status.message();
  EXPECT_TRUE(read.contacts.empty());
  EXPECT_TRUE(read.quarantined.empty());
}

TEST(ContactsCsv, UnbalancedQuoteCostsOnlyItsRow) {
  std::string text = FixtureText("malformed/unbalanced-quote.csv");
  ReadOutcome read = ReadFixture(ReadContactsCsv, "malformed/unbalanced-quote.csv");
  ASSERT_TRUE(read.status.ok()) << read.status.message();
  ASSERT_EQ(read.contacts.size(), 2u);
  EXPECT_EQ(read.contacts[0].source_id, "ada-example");
  EXPECT_EQ(read.contacts[1].source_id, "dana-fictional");
  EXPECT_EQ(read.contacts[1].emails, std::vector<std::string>{"dana@example.com"});
  ASSERT_EQ(read.quarantined.size(), 1u);
  const QuarantineEntry& entry = read.quarantined[0];
  EXPECT_EQ(entry.source, "malformed/unbalanced-quote.csv");
  EXPECT_EQ(entry.line, 3);
  EXPECT_EQ(entry.offset, static_cast<int64_t>(text.find("Bram,")));
  EXPECT_NE(entry.reason.find("never closes"), std::string::npos) << entry.reason;
  EXPECT_EQ(entry.raw, "Bram,Sample,https://www.linkedin.com/in/bram-sample-0a1b2c,,\"Sample, Test & Co,Social Media "
                       "Manager,03 Jan 2023");
}

TEST(ContactsCsv, RowWithNeitherNameNorEmailIsQuarantined) {
  std::string text = FixtureText("malformed/no-name-no-email.csv");
  ReadOutcome read = ReadFixture(ReadContactsCsv, "malformed/no-name-no-email.csv");
  ASSERT_TRUE(read.status.ok()) << read.status.message();
  // The all-empty row 3 is skipped silently; Ivy's short row reads.
  ExpectContacts(read.contacts, {
    {.source = "outlook", .source_id = "ivy@example.org", .name = "Ivy Example", .given_name = "Ivy",
     .family_name = "Example", .emails = {"ivy@example.org"}, .phones = {}, .company = {}, .title = {},
     .location = {}, .urls = {}, .handles = {}, .connected_on = {}, .observed_at = kImportTime},
  });
  ASSERT_EQ(read.quarantined.size(), 2u);
  EXPECT_EQ(read.quarantined[0].line, 2);
  EXPECT_EQ(read.quarantined[0].offset, static_cast<int64_t>(text.find(",,,,,+44")));
  EXPECT_EQ(read.quarantined[0].raw, ",,,,,+44 20 7946 0000,,,,reception desk");
  EXPECT_EQ(read.quarantined[1].line, 5);
  EXPECT_EQ(read.quarantined[1].raw, ",,,Mr,,,,,Example Widgets,");
  for (const QuarantineEntry& entry : read.quarantined) {
    EXPECT_TRUE(entry.reason.starts_with("a contact with neither a name nor an email")) << entry.reason;
  }
}

TEST(ContactsCsv, WindowsCodePageCellsBecomeUtf8AndOddDatesAreDropped) {
  ReadOutcome outlook = ReadString(ReadContactsCsv, "ansi.csv",
                                   "First Name,Last Name,E-mail Address\r\nRen\xe9" "e,Example,renee@example.com\r\n");
  ASSERT_EQ(outlook.contacts.size(), 1u);
  EXPECT_EQ(outlook.contacts[0].name, "Renée Example");
  EXPECT_EQ(outlook.contacts[0].source, "outlook");

  // A LinkedIn export without the preamble, with a BOM and CRLF; "Connected On" unreadable.
  ReadOutcome linkedin = ReadString(ReadContactsCsv, "c.csv",
                                    "\xEF\xBB\xBF"
                                    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
                                    "Ada,Example,https://www.linkedin.com/in/ada-example?trk=x,,,,sometime\r\n");
  ASSERT_EQ(linkedin.contacts.size(), 1u);
  EXPECT_EQ(linkedin.contacts[0].source_id, "ada-example");
  EXPECT_EQ(linkedin.contacts[0].connected_on, std::nullopt);
}

TEST(ContactsCsv, LooksLikeContactsOnlyForContactHeaders) {
  EXPECT_EQ(DetectContactsCsvLayout(FixtureText("linkedin/Connections.csv")), ContactsCsvLayout::kLinkedIn);
  EXPECT_EQ(DetectContactsCsvLayout(FixtureText("google.csv")), ContactsCsvLayout::kGoogle);
  EXPECT_EQ(DetectContactsCsvLayout(FixtureText("google-new.csv")), ContactsCsvLayout::kGoogle);
  EXPECT_EQ(DetectContactsCsvLayout(FixtureText("outlook.csv")), ContactsCsvLayout::kOutlook);
  EXPECT_EQ(DetectContactsCsvLayout(FixtureText("malformed/unbalanced-quote.csv")), ContactsCsvLayout::kLinkedIn);
  EXPECT_EQ(DetectContactsCsvLayout(FixtureText("malformed/no-name-no-email.csv")), ContactsCsvLayout::kOutlook);
  for (const char* fixture : {"linkedin/Connections.csv", "google.csv", "google-new.csv", "outlook.csv"}) {
    std::string head = FixtureText(fixture).substr(0, 4096);
    EXPECT_TRUE(LooksLikeContactsCsv(fixture, head)) << fixture;
    EXPECT_FALSE(LooksLikeVcard(fixture, head)) << fixture;
  }
  // The header cut short by a small head still tells the layout.
  EXPECT_TRUE(LooksLikeContactsCsv("google.csv", FixtureText("google.csv").substr(0, 700)));
  // Outlook desktop quotes every header name.
  EXPECT_TRUE(LooksLikeContactsCsv("x.csv", "\"Title\",\"First Name\",\"Last Name\",\"E-mail Address\"\r\n"));

  EXPECT_FALSE(
      LooksLikeContactsCsv("malformed/linkedin-no-header.csv", FixtureText("malformed/linkedin-no-header.csv")));
  EXPECT_FALSE(LooksLikeContactsCsv("tweets.csv", "id,user_name,user_screen_name,created_at,text\n1,Ada,ada,2020-12-20 "
                                                  "06:06:44,hello\n"));
  EXPECT_FALSE(LooksLikeContactsCsv("tweets.csv", "id,conversation_id,created_at,date,user_id,username,name,tweet\n"));
  EXPECT_FALSE(LooksLikeContactsCsv("crm.csv", "first_name,last_name,email\nAda,Example,ada@example.org\n"));
  EXPECT_FALSE(LooksLikeContactsCsv("edges.txt", "# Directed graph\n1 2\n2 3\n"));
  EXPECT_FALSE(LooksLikeContactsCsv("a.json", "{\"id_str\":\"1\",\"text\":\"First Name,Last Name\"}\n"));
  EXPECT_FALSE(LooksLikeContactsCsv("cards.vcf", FixtureText("cards.vcf")));
  EXPECT_FALSE(LooksLikeContactsCsv("empty.csv", ""));
}

TEST(ContactsCsv, SocialHandlesFromLinks) {
  auto handle = [](std::string_view url) {
    std::optional<SocialHandle> found = SocialHandleFromUrl(url);
    return found ? found->platform + ":" + found->handle : std::string("none");
  };
  EXPECT_EQ(handle("https://twitter.com/ada_example"), "twitter:ada_example");
  EXPECT_EQ(handle("http://mobile.twitter.com/@Ada_Example/status/1?lang=en"), "twitter:Ada_Example");
  EXPECT_EQ(handle("x.com/ada_example"), "twitter:ada_example");
  EXPECT_EQ(handle("https://twitter.com/home"), "none");
  EXPECT_EQ(handle("https://twitter.com/a_name_far_too_long_for_twitter"), "none");
  EXPECT_EQ(handle("https://www.linkedin.com/in/ada-example/?originalSubdomain=uk"), "linkedin:ada-example");
  EXPECT_EQ(handle("https://www.linkedin.com/company/example"), "none");
  EXPECT_EQ(handle("https://bsky.app/profile/ada.example.com/post/3k"), "bluesky:ada.example.com");
  EXPECT_EQ(handle("https://Social.Example.org/@ada/1099"), "mastodon:ada@social.example.org");
  EXPECT_EQ(handle("https://social.example.org/@ada@other.example.com"), "mastodon:ada@other.example.com");
  EXPECT_EQ(handle("https://medium.com/@ada"), "none");
  EXPECT_EQ(handle("https://www.youtube.com/@ada"), "none");
  EXPECT_EQ(handle("https://www.example.com/about"), "none");
  EXPECT_EQ(handle("not a link"), "none");

  EXPECT_EQ(NormaliseEmail(" MAILTO:Ada@Example.ORG "), "ada@example.org");
  EXPECT_EQ(NormaliseEmail("/o=ExchangeLabs/ou=Exchange Administrative Group/cn=Recipients/cn=ada"), std::nullopt);
  EXPECT_EQ(NormaliseEmail("ada"), std::nullopt);
  EXPECT_EQ(NormaliseEmail("ada@"), std::nullopt);
}

TEST(Vcard, CardsEveryFieldAndTheUnendedCard) {
  std::string text = FixtureText("cards.vcf");
  ReadOutcome read = ReadFixture(ReadVcard, "cards.vcf");
  ASSERT_TRUE(read.status.ok()) << read.status.message();
  ExpectContacts(read.contacts, {
    // 3.0: groups dropped, repeated and quoted TYPE parameters, the first ADR as location.
    {.source = "vcard", .source_id = "7d1c2b9e-5a4f-4c3e-9b1a-0000000000a1", .name = "Ada Example",
     .given_name = "Ada", .family_name = "Example", .emails = {"ada.example@example.org", "ada@example.com"},
     .phones = {"+44 7700 900123", "+44 113 496 0000"}, .company = "Example Contact Centres Ltd",
     .title = "Head of Customer Experience", .location = "Leeds, England, UK",
     .urls = {"https://www.example.org/ada", "https://twitter.com/ada_example",
              "http://www.linkedin.com/in/ada-example"},
     .handles = {{"twitter", "ada_example"}, {"twitter", "ada_backup"}, {"linkedin", "ada-example"},
                 {"skype", "ada.example"}},
     .connected_on = {}, .observed_at = kImportTime},
    // 4.0: FN folded right after "ë"; tel: URI; SOCIALPROFILE with SERVICE-TYPE and TYPE.
    {.source = "vcard", .source_id = "urn:uuid:3f1e0d2c-8b7a-4d6e-a5f4-0000000000b2", .name = "Zoë Müller-Example",
     .given_name = "Zoë", .family_name = "Müller-Example", .emails = {"zoe@example.com"},
     .phones = {"+49-30-5550-1234"}, .company = "Beispiel GmbH", .title = "Redakteurin",
     .location = "Berlin, Germany",
     .urls = {"https://social.example.org/@zoe", "https://bsky.app/profile/zoe.example.com",
              "https://www.example.com/zoe"},
     .handles = {{"mastodon", "zoe@social.example.org"}, {"bluesky", "zoe.example.com"}}, .connected_on = {},
     .observed_at = kImportTime},
    // 2.1: QUOTED-PRINTABLE values, one continued by a soft line break.
    {.source = "vcard", .source_id = "juergen@example.com", .name = "Jürgen Beispiel", .given_name = "Jürgen",
     .family_name = "Beispiel", .emails = {"juergen@example.com"}, .phones = {"+49 170 5550000", "+49 89 5550 0000"},
     .company = "Grün & Partner", .title = {}, .location = "München, Bayern, Deutschland", .urls = {},
     .handles = {}, .connected_on = {}, .observed_at = kImportTime},
    // After the unended card: no UID, no email, handles from X-TWITTER, X-LINKEDIN, IMPP and a URL.
    {.source = "vcard", .source_id = "chidi placeholder|", .name = "Chidi Placeholder", .given_name = "Chidi",
     .family_name = "Placeholder", .emails = {}, .phones = {"+1 555 0100"}, .company = {}, .title = {},
     .location = {}, .urls = {"https://www.linkedin.com/in/chidi-placeholder", "https://social.example.com/@chidi"},
     .handles = {{"twitter", "chidi_ph"}, {"linkedin", "chidi-placeholder"}, {"xmpp", "chidi@example.org"},
                 {"mastodon", "chidi@social.example.com"}},
     .connected_on = {}, .observed_at = kImportTime},
  });
  ASSERT_EQ(read.quarantined.size(), 1u);
  const QuarantineEntry& entry = read.quarantined[0];
  EXPECT_EQ(entry.source, "cards.vcf");
  EXPECT_EQ(entry.line, 50);
  EXPECT_EQ(entry.offset, static_cast<int64_t>(text.find("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Broken Card")));
  EXPECT_NE(entry.reason.find("no END:VCARD before the next BEGIN:VCARD"), std::string::npos) << entry.reason;
  EXPECT_EQ(entry.raw, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Broken Card\r\nEMAIL:broken@example.com");
  EXPECT_EQ(read.input_bytes, text.size());
}

TEST(Vcard, BadCardsAreQuarantinedAndTheRestRead) {
  std::string text = FixtureText("malformed/cards-bad.vcf");
  ReadOutcome read = ReadFixture(ReadVcard, "malformed/cards-bad.vcf");
  ASSERT_TRUE(read.status.ok()) << read.status.message();
  ExpectContacts(read.contacts, {
    // Latin-1 bytes under a declared CHARSET=ISO-8859-1.
    {.source = "vcard", .source_id = "renee@example.com", .name = "Renée Example", .given_name = "Renée",
     .family_name = "Example", .emails = {"renee@example.com"}, .phones = {}, .company = {}, .title = {},
     .location = {}, .urls = {}, .handles = {}, .connected_on = {}, .observed_at = kImportTime},
    {.source = "vcard", .source_id = "ivy@example.org", .name = "Ivy Example", .given_name = {}, .family_name = {},
     .emails = {"ivy@example.org"}, .phones = {}, .company = {}, .title = {}, .location = {}, .urls = {},
     .handles = {}, .connected_on = {}, .observed_at = kImportTime},
  });
  ASSERT_EQ(read.quarantined.size(), 3u);
  EXPECT_EQ(read.quarantined[0].line, 1);
  EXPECT_EQ(read.quarantined[0].offset, 0);
  EXPECT_TRUE(read.quarantined[0].reason.starts_with("line 3 of this card is not valid UTF-8"))
      << read.quarantined[0].reason;
  EXPECT_EQ(read.quarantined[1].line, 6);
  EXPECT_EQ(read.quarantined[1].offset, static_cast<int64_t>(text.find("BEGIN:VCARD\r\nVERSION:3.0\r\nTEL")));
  EXPECT_TRUE(read.quarantined[1].reason.starts_with("a card with neither a name (FN or N) nor an email"));
  EXPECT_EQ(read.quarantined[1].raw,
            "BEGIN:VCARD\r\nVERSION:3.0\r\nTEL:+44 20 7946 0000\r\nNOTE:the front desk\r\nEND:VCARD");
  // A QUOTED-PRINTABLE value that decodes to Latin-1 without saying so.
  EXPECT_EQ(read.quarantined[2].line, 17);
  EXPECT_TRUE(read.quarantined[2].reason.starts_with("line 19 of this card is not valid UTF-8"));
}

TEST(Vcard, FoldsEscapesAndProfilesInline) {
  // LF endings; a fold splitting "ë" between its two bytes; escapes in structured values.
  ReadOutcome read = ReadString(ReadVcard, "inline.vcf",
                                "begin:vcard\n"
                                "VERSION:4.0\n"
                                "FN:Zo\xC3\n \xAB Example\n"
                                "N:Example;Zo\xC3\xAB;;;\n"
                                "ORG:Example\\, Ltd\\;ish;Dept\n"
                                "TITLE:Lead\\nCustomer Care\n"
                                "X-SOCIALPROFILE;type=facebook:https://www.facebook.com/zoe.example\n"
                                "SOCIALPROFILE;VALUE=text;SERVICE-TYPE=X:@zoe_example\n"
                                "item4.EMAIL;TYPE=\"work,internet\":mailto:Zoe@Example.com\n"
                                "end:vcard\n"
                                "BEGIN:VCARD\n"
                                "FN:Cut Off\n");
  ASSERT_TRUE(read.status.ok());
  ExpectContacts(read.contacts, {
    {.source = "vcard", .source_id = "zoe@example.com", .name = "Zoë Example", .given_name = "Zoë",
     .family_name = "Example", .emails = {"zoe@example.com"}, .phones = {}, .company = "Example, Ltd;ish",
     .title = "Lead\nCustomer Care", .location = {}, .urls = {"https://www.facebook.com/zoe.example"},
     .handles = {{"facebook", "zoe.example"}, {"twitter", "zoe_example"}}, .connected_on = {},
     .observed_at = kImportTime},
  });
  ASSERT_EQ(read.quarantined.size(), 1u);
  EXPECT_EQ(read.quarantined[0].line, 12);
  EXPECT_NE(read.quarantined[0].reason.find("before the end of the file"), std::string::npos);
  EXPECT_EQ(read.quarantined[0].raw, "BEGIN:VCARD\nFN:Cut Off");
}

TEST(Vcard, LooksLikeVcardOnlyForCards) {
  EXPECT_TRUE(LooksLikeVcard("cards.vcf", FixtureText("cards.vcf")));
  EXPECT_TRUE(LooksLikeVcard("cards-bad.vcf", FixtureText("malformed/cards-bad.vcf")));
  EXPECT_TRUE(LooksLikeVcard("contacts.txt", "\xEF\xBB\xBF\r\n\r\nbegin:vcard\r\nVERSION:3.0\r\n"));
  EXPECT_FALSE(LooksLikeVcard("cal.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
  EXPECT_FALSE(LooksLikeVcard("x.vcf", "BEGIN:VCARDS\r\n"));
  EXPECT_FALSE(LooksLikeVcard("notes.txt", "Notes: BEGIN:VCARD appears later\n"));
  EXPECT_FALSE(LooksLikeVcard("tweets.csv", "id,user_name,text\n"));
  EXPECT_FALSE(LooksLikeVcard("empty.vcf", ""));
}

}  // namespace
}  // namespace crowdlens
