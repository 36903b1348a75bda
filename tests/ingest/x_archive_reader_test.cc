// The X archive reader against hand-written archives in the documented shapes
// (tests/fixtures/x-archive): every field of every record, the owner and the
// archive time taken from the files beside each one, the same archive as a zip
// built here, private parts never read, and malformed files.
#include "ingest/x_archive_reader.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/input.h"
#include "test_data.h"

namespace crowdlens {
namespace {

namespace fs = std::filesystem;

constexpr int64_t kGenerated2024 = 1709285400;  // manifest generationDate 2024-03-01T09:30:00Z
constexpr const char* kOwner = "1111111111";

struct Collected {
  std::vector<Account> accounts;
  std::vector<Post> posts;
  std::vector<Edge> edges;
  std::vector<OwnerHint> owner_hints;
  std::vector<QuarantineEntry> quarantined;
  std::vector<std::string> private_skipped;  // names the caller would skip
  std::vector<Status> failures;              // files the reader refused

  const Post* FindPost(const std::string& id) const {
    for (const Post& post : posts) {
      if (post.platform_id == id) return &post;
    }
    return nullptr;
  }
  std::vector<const Account*> AccountsWithId(const std::string& id) const {
    std::vector<const Account*> found;
    for (const Account& account : accounts) {
      if (account.platform_id == id) found.push_back(&account);
    }
    return found;
  }
  // Every string the reader produced, to look for what must never be read.
  std::string AllText() const {
    std::ostringstream out;
    for (const Account& a : accounts) {
      out << a.platform_id << a.handle << a.name.value_or("") << a.bio.value_or("") << a.location.value_or("")
          << a.url.value_or("") << "\n";
    }
    for (const Post& p : posts) out << p.platform_id << p.text << "\n";
    for (const QuarantineEntry& q : quarantined) out << q.reason << q.raw << "\n";
    return out.str();
  }
};

BatchSink Into(Collected& collected) {
  return [&collected](Batch&& batch) {
    for (Account& account : batch.accounts) collected.accounts.push_back(std::move(account));
    for (Post& post : batch.posts) collected.posts.push_back(std::move(post));
    for (Edge& edge : batch.edges) collected.edges.push_back(std::move(edge));
    for (OwnerHint& hint : batch.owner_hints) collected.owner_hints.push_back(std::move(hint));
    for (QuarantineEntry& entry : batch.quarantined) collected.quarantined.push_back(std::move(entry));
    EXPECT_TRUE(batch.deletions.empty());
    EXPECT_TRUE(batch.contacts.empty());
    return Status::Ok();
  };
}

// What an import does with an archive: skip the private parts, read the rest.
Collected ReadArchive(const std::string& path, const ReadOptions& options = {}) {
  Collected collected;
  Result<std::vector<InputSource>> sources = ExpandInputs({path});
  EXPECT_TRUE(sources.ok()) << sources.status().message();
  if (!sources.ok()) return collected;
  BatchEmitter emitter(Into(collected), {.batch_records = 3, .max_raw_bytes = 4096});
  for (const InputSource& source : *sources) {
    if (IsPrivateXArchiveFile(source.name)) {
      collected.private_skipped.push_back(fs::path(source.name).filename().string());
      continue;
    }
    Result<InputBuffer> buffer = LoadInput(source);
    EXPECT_TRUE(buffer.ok()) << buffer.status().message();
    if (!buffer.ok()) continue;
    EXPECT_TRUE(LooksLikeXArchiveFile(source.name, buffer->view().substr(0, 4096))) << source.name;
    Status status = ReadXArchiveFile(source, *buffer, options, emitter);
    if (!status.ok()) collected.failures.push_back(status);
  }
  EXPECT_TRUE(emitter.Finish().ok());
  return collected;
}

// Reads one file as it is, with no private-name check first.
Collected ReadOne(const std::string& path, const ReadOptions& options, Status* status) {
  Collected collected;
  InputSource source{.name = path, .path = path, .member = {}, .size_on_disk = 0};
  Result<InputBuffer> buffer = LoadInput(source);
  EXPECT_TRUE(buffer.ok()) << buffer.status().message();
  BatchEmitter emitter(Into(collected));
  *status = ReadXArchiveFile(source, *buffer, options, emitter);
  EXPECT_TRUE(emitter.Finish().ok());
  return collected;
}

std::string Fixture(const std::string& relative) { return testing::TestsPath("fixtures/x-archive/" + relative); }

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Zips `folder`'s data/ files as an X archive download does ("data/tweets.js", ...).
void WriteZip(const std::string& zip_path, const std::string& folder, const std::vector<std::string>& leave_out,
              time_t member_time) {
  std::vector<std::string> names, contents;
  for (const auto& entry : fs::directory_iterator(folder + "/data")) {
    std::string name = entry.path().filename().string();
    if (std::find(leave_out.begin(), leave_out.end(), name) != leave_out.end()) continue;
    names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  contents.reserve(names.size());  // libzip reads the buffers when the archive is closed
  int error = 0;
  zip_t* archive = zip_open(zip_path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  ASSERT_NE(archive, nullptr);
  for (const std::string& name : names) {
    contents.push_back(ReadBytes(folder + "/data/" + name));
    zip_source_t* bytes = zip_source_buffer(archive, contents.back().data(), contents.back().size(), 0);
    zip_int64_t index = zip_file_add(archive, ("data/" + name).c_str(), bytes, ZIP_FL_ENC_UTF_8);
    ASSERT_GE(index, 0);
    ASSERT_EQ(zip_file_set_mtime(archive, static_cast<zip_uint64_t>(index), member_time, 0), 0);
  }
  ASSERT_EQ(zip_close(archive), 0);
}

void ExpectArchive2024Posts(const Collected& got) {
  ASSERT_EQ(got.posts.size(), 4u);
  const Post* expo = got.FindPost("1700000000000000001");
  ASSERT_NE(expo, nullptr);
  EXPECT_EQ(expo->platform, "twitter");
  EXPECT_EQ(expo->author_id, kOwner);
  EXPECT_EQ(expo->created_at, 1708424100);
  EXPECT_EQ(expo->text, "Our #ContactCentre team is at #CCExpo today! Say hi to @jane_smith https://t.co/abc123");
  EXPECT_EQ(expo->lang, "en");
  EXPECT_EQ(expo->source, "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>");
  EXPECT_FALSE(expo->reply_to_post_id);
  EXPECT_FALSE(expo->reply_to_account_id);
  EXPECT_FALSE(expo->retweet_of_id);
  EXPECT_FALSE(expo->quote_of_id);
  EXPECT_FALSE(expo->country_code);
  EXPECT_EQ(expo->metrics.retweets, 3);
  EXPECT_EQ(expo->metrics.likes, 12);
  EXPECT_FALSE(expo->metrics.replies);
  EXPECT_FALSE(expo->metrics.quotes);
  EXPECT_FALSE(expo->metrics.impressions);
  EXPECT_EQ(expo->hashtags, (std::vector<std::string>{"contactcentre", "ccexpo"}));
  ASSERT_EQ(expo->mentions.size(), 1u);
  EXPECT_EQ(expo->mentions[0].account_id, "2222222222");
  EXPECT_EQ(expo->mentions[0].handle, "jane_smith");
  EXPECT_EQ(expo->urls, (std::vector<std::string>{"https://example.com/ccexpo"}));

  const Post* reply = got.FindPost("1700000000000000002");
  ASSERT_NE(reply, nullptr);
  EXPECT_EQ(reply->author_id, kOwner);
  EXPECT_EQ(reply->created_at, 1708761600);
  EXPECT_EQ(reply->text, "@acme_support thanks for the quick fix!");
  EXPECT_EQ(reply->lang, "en");
  EXPECT_EQ(reply->source, "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>");
  EXPECT_EQ(reply->reply_to_post_id, "1699999999999999999");
  EXPECT_EQ(reply->reply_to_account_id, "3333333333");
  EXPECT_FALSE(reply->retweet_of_id);
  EXPECT_EQ(reply->metrics.retweets, 0);
  EXPECT_EQ(reply->metrics.likes, 1);
  EXPECT_TRUE(reply->hashtags.empty());
  ASSERT_EQ(reply->mentions.size(), 1u);
  EXPECT_EQ(reply->mentions[0].account_id, "3333333333");
  EXPECT_EQ(reply->mentions[0].handle, "acme_support");
  EXPECT_TRUE(reply->urls.empty());

  // A retweet in the archive is its text only: the retweeted account is a mention, the original's id unknown.
  const Post* retweet = got.FindPost("1700000000000000003");
  ASSERT_NE(retweet, nullptr);
  EXPECT_EQ(retweet->author_id, kOwner);
  EXPECT_EQ(retweet->created_at, 1708950600);
  EXPECT_EQ(retweet->text, "RT @social_media_today: Five ways to measure real reach https://t.co/xyz789");
  EXPECT_FALSE(retweet->retweet_of_id);
  EXPECT_FALSE(retweet->reply_to_post_id);
  EXPECT_EQ(retweet->metrics.retweets, 57);
  EXPECT_EQ(retweet->metrics.likes, 0);
  ASSERT_EQ(retweet->mentions.size(), 1u);
  EXPECT_EQ(retweet->mentions[0].account_id, "4444444444");
  EXPECT_EQ(retweet->mentions[0].handle, "social_media_today");
  EXPECT_EQ(retweet->urls, (std::vector<std::string>{"https://example.org/reach"}));

  // Non-ASCII text kept as written; a mention of a gone account (id "-1") is kept by handle.
  const Post* cafe = got.FindPost("1700000000000000004");
  ASSERT_NE(cafe, nullptr);
  EXPECT_EQ(cafe->created_at, 1709228700);
  EXPECT_EQ(cafe->text, "Café chat ☕ about #CX with @gone_account");
  EXPECT_EQ(cafe->hashtags, (std::vector<std::string>{"cx"}));
  ASSERT_EQ(cafe->mentions.size(), 1u);
  EXPECT_EQ(cafe->mentions[0].account_id, "@gone_account");
  EXPECT_EQ(cafe->mentions[0].handle, "gone_account");
  EXPECT_EQ(cafe->metrics.likes, 2);
}

void ExpectEdges(const Collected& got, const std::vector<std::pair<std::string, std::string>>& expected,
                 int64_t observed_at) {
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const Edge& edge : got.edges) {
    pairs.emplace_back(edge.source_id, edge.target_id);
    EXPECT_EQ(edge.platform, "twitter");
    EXPECT_EQ(edge.relation, Relation::kFollow);
    EXPECT_EQ(edge.observed_at, observed_at);
    EXPECT_FALSE(edge.record_id);
  }
  std::sort(pairs.begin(), pairs.end());
  std::vector<std::pair<std::string, std::string>> sorted = expected;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(pairs, sorted);
}

const std::vector<std::pair<std::string, std::string>> kEdges2024 = {
    {"5000000001", kOwner}, {"5000000002", kOwner}, {"5000000003", kOwner},
    {kOwner, "2222222222"}, {kOwner, "4444444444"}};

TEST(XArchiveSniff, RecognisesTheDataFilesByNameOrPrefix) {
  for (const char* name : {"a/data/tweets.js", "x.zip!data/tweet.js", "data/tweets-part2.js", "data/follower.js",
                           "/home/u/archive/data/following.js", "data/account.js", "data/profile.js",
                           "data/manifest.js"}) {
    EXPECT_TRUE(LooksLikeXArchiveFile(name, "")) << name;
  }
  EXPECT_TRUE(LooksLikeXArchiveFile("old/tweet.js", "window.YTD.tweet.part0 = [ {"));
  EXPECT_TRUE(LooksLikeXArchiveFile("renamed.js", "\xEF\xBB\xBF  window.YTD.follower.part0 = ["));
  EXPECT_FALSE(LooksLikeXArchiveFile("mydata/tweets.js", "[{\"id_str\": \"1\"}]"));
  EXPECT_FALSE(LooksLikeXArchiveFile("tweets.jsonl", "{\"id_str\": \"1\"}"));
  EXPECT_FALSE(LooksLikeXArchiveFile("data/like.js", ""));
}

TEST(XArchiveSniff, PrivatePartsAreNamedPrivate) {
  for (const char* name :
       {"data/direct-messages.js", "x.zip!data/direct-messages-group.js", "data/direct-message-headers.js",
        "data/ip-audit.js", "data/account-creation-ip.js", "data/email-address-change.js", "data/phone-number.js",
        "data/device-token.js", "data/connected-application.js", "data/contact.js", "data/ageinfo.js",
        "data/personalization.js", "data/like.js", "data/lists-created.js", "data/direct_messages_media/1-a.jpg",
        "x.zip!data/direct_messages_group_media/2-b.png", "old/direct-message.js", "old/ip-audit.js"}) {
    EXPECT_TRUE(IsPrivateXArchiveFile(name)) << name;
  }
  for (const char* name : {"data/tweets.js", "data/tweets-part1.js", "data/follower.js", "data/following.js",
                           "data/account.js", "data/profile.js", "data/manifest.js", "old/tweet.js", "contacts.csv",
                           "Connections.csv", "pheme/a/source-tweets/1.json", "assets/js/main.js",
                           "data/tweets_media/1-a.jpg", "vcards/contact.vcf"}) {
    EXPECT_FALSE(IsPrivateXArchiveFile(name)) << name;
  }
}

TEST(XArchiveReader, Archive2024EveryFieldOfEveryRecord) {
  Collected got = ReadArchive(Fixture("archive-2024"));
  EXPECT_TRUE(got.failures.empty());
  EXPECT_EQ(got.private_skipped, (std::vector<std::string>{"direct-messages.js"}));
  EXPECT_TRUE(got.quarantined.empty());
  ExpectArchive2024Posts(got);
  ExpectEdges(got, kEdges2024, kGenerated2024);

  // One hint per file read (account, follower, following, profile, tweets); the manifest yields none.
  ASSERT_EQ(got.owner_hints.size(), 5u);
  for (const OwnerHint& hint : got.owner_hints) {
    EXPECT_EQ(hint.platform, "twitter");
    EXPECT_EQ(hint.platform_id, kOwner);
    EXPECT_EQ(hint.handle, "CentreOfCalls");
  }

  // account.js and profile.js each give the whole profile (each completed with the other's half), so the
  // store, which keeps the first of two equally new observations, gets it whole from either.
  std::vector<const Account*> owner = got.AccountsWithId(kOwner);
  EXPECT_EQ(owner.size(), 6u);  // account.js, profile.js, and the owner of follower, following, profile, tweets
  size_t profiles = 0;
  for (const Account* account : owner) {
    EXPECT_EQ(account->platform, "twitter");
    EXPECT_EQ(account->handle, "CentreOfCalls");
    EXPECT_EQ(account->observed_at, kGenerated2024);
    if (!account->has_profile) {
      EXPECT_FALSE(account->name);
      EXPECT_FALSE(account->bio);
      continue;
    }
    ++profiles;
    EXPECT_EQ(account->name, "Centre of Calls");
    EXPECT_EQ(account->created_at, 1268145127);
    EXPECT_EQ(account->bio, "Contact-centre news, tips and events.");
    EXPECT_EQ(account->url, "https://t.co/Xy12AbCdEf");
    EXPECT_EQ(account->location, "Manchester, UK");
    EXPECT_FALSE(account->followers_count);
    EXPECT_FALSE(account->verified);
  }
  EXPECT_EQ(profiles, 2u);

  // Mentioned and replied-to accounts, dated by their tweet.
  auto expect_minimal = [&](const std::string& id, const std::string& handle, int64_t when, size_t count) {
    std::vector<const Account*> found = got.AccountsWithId(id);
    EXPECT_EQ(found.size(), count) << id;
    for (const Account* account : found) {
      EXPECT_EQ(account->handle, handle);
      EXPECT_EQ(account->observed_at, when);
      EXPECT_FALSE(account->has_profile);
    }
  };
  expect_minimal("2222222222", "jane_smith", 1708424100, 1);
  expect_minimal("3333333333", "acme_support", 1708761600, 2);  // the mention and the reply target
  expect_minimal("4444444444", "social_media_today", 1708950600, 1);
  expect_minimal("@gone_account", "gone_account", 1709228700, 1);
  EXPECT_EQ(got.accounts.size(), 6u + 5u);

  // Neither the e-mail address nor the direct message is anywhere.
  std::string all = got.AllText();
  EXPECT_EQ(all.find("owner-2024@example.com"), std::string::npos);
  EXPECT_EQ(all.find("SECRET"), std::string::npos);
}

TEST(XArchiveReader, ZippedArchiveReadsTheSameWithTheManifestTime) {
  std::string dir = testing::MakeTempDir("xarchive-zip");
  std::string zip_path = dir + "/twitter-2024-03-01.zip";
  WriteZip(zip_path, Fixture("archive-2024"), {}, 1706745600);
  Collected got = ReadArchive(zip_path);
  EXPECT_TRUE(got.failures.empty());
  EXPECT_EQ(got.private_skipped, (std::vector<std::string>{"direct-messages.js"}));
  EXPECT_TRUE(got.quarantined.empty());
  ExpectArchive2024Posts(got);
  ExpectEdges(got, kEdges2024, kGenerated2024);
  EXPECT_EQ(got.owner_hints.size(), 5u);
  EXPECT_EQ(got.AllText().find("SECRET"), std::string::npos);
}

TEST(XArchiveReader, ZipWithoutManifestIsDatedByItsMemberTime) {
  std::string dir = testing::MakeTempDir("xarchive-zip");
  std::string zip_path = dir + "/no-manifest.zip";
  // Zip stores local time without a zone; what libzip reads back is the time written.
  const time_t member_time = 1706745600;  // 2024-02-01T00:00:00Z, an even second as zip needs
  WriteZip(zip_path, Fixture("archive-2024"), {"manifest.js", "direct-messages.js"}, member_time);
  ReadOptions options;
  options.import_time = 1800000000;
  Collected got = ReadArchive(zip_path, options);
  EXPECT_TRUE(got.failures.empty());
  ExpectEdges(got, kEdges2024, member_time);
  for (const Account* account : got.AccountsWithId(kOwner)) EXPECT_EQ(account->observed_at, member_time);
}

TEST(XArchiveReader, OldRootLevelArchiveWithoutManifestUsesTheImportTime) {
  ReadOptions options;
  options.import_time = 1560000000;
  Collected got = ReadArchive(Fixture("old-2019"), options);
  EXPECT_TRUE(got.failures.empty());
  EXPECT_TRUE(got.quarantined.empty());
  ASSERT_EQ(got.posts.size(), 1u);
  const Post& post = got.posts[0];
  EXPECT_EQ(post.platform_id, "1100000000000000001");
  EXPECT_EQ(post.author_id, kOwner);
  EXPECT_EQ(post.created_at, 1539202764);
  EXPECT_EQ(post.text, "#Throwback to our first day");
  EXPECT_EQ(post.lang, "en");
  EXPECT_EQ(post.source, "<a href=\"http://twitter.com\" rel=\"nofollow\">Twitter Web Client</a>");
  EXPECT_EQ(post.hashtags, (std::vector<std::string>{"throwback"}));
  EXPECT_TRUE(post.mentions.empty());
  EXPECT_TRUE(post.urls.empty());
  EXPECT_EQ(post.metrics.retweets, 1);
  EXPECT_EQ(post.metrics.likes, 7);
  for (const Account* account : got.AccountsWithId(kOwner)) EXPECT_EQ(account->observed_at, 1560000000);
  std::string all = got.AllText();
  EXPECT_EQ(all.find("owner-2019@example.com"), std::string::npos);
  EXPECT_EQ(all.find("+447700900123"), std::string::npos);
}

TEST(XArchiveReader, WithoutAccountJsTheManifestNamesTheOwner) {
  std::string dir = testing::MakeTempDir("xarchive-noaccount");
  fs::create_directories(dir + "/data");
  for (const char* name : {"manifest.js", "tweets.js", "follower.js", "following.js"}) {
    fs::copy_file(Fixture(std::string("archive-2024/data/") + name), dir + "/data/" + name);
  }
  Collected got = ReadArchive(dir);
  EXPECT_TRUE(got.quarantined.empty());
  ExpectArchive2024Posts(got);
  ExpectEdges(got, kEdges2024, kGenerated2024);
}

TEST(XArchiveReader, WithoutAnyOwnerEveryRecordIsQuarantinedWithTheHint) {
  Collected got = ReadArchive(Fixture("malformed/bad-element"));
  EXPECT_TRUE(got.posts.empty());
  EXPECT_TRUE(got.owner_hints.empty());
  ASSERT_EQ(got.quarantined.size(), 5u);
  std::vector<int64_t> lines;
  for (const QuarantineEntry& entry : got.quarantined) lines.push_back(entry.line);
  EXPECT_EQ(lines, (std::vector<int64_t>{2, 13, 21, 29, 35}));
  EXPECT_NE(got.quarantined[0].reason.find("--of HANDLE"), std::string::npos) << got.quarantined[0].reason;
  EXPECT_NE(got.quarantined[4].reason.find("--of HANDLE"), std::string::npos);
  EXPECT_NE(got.quarantined[0].raw.find("first good tweet"), std::string::npos);
}

TEST(XArchiveReader, BadElementsAmongGoodOnesAreQuarantinedAlone) {
  std::string path = Fixture("malformed/bad-element/data/tweets.js");
  std::string text = ReadBytes(path);
  ReadOptions options;
  options.ids_owner = "@CentreOfCalls";
  Collected got = ReadArchive(Fixture("malformed/bad-element"), options);
  ASSERT_EQ(got.posts.size(), 2u);
  EXPECT_EQ(got.posts[0].platform_id, "1700000000000000011");
  EXPECT_EQ(got.posts[0].author_id, "@centreofcalls");
  EXPECT_EQ(got.posts[0].text, "first good tweet");
  EXPECT_EQ(got.posts[0].created_at, 1708424100);
  EXPECT_EQ(got.posts[1].platform_id, "1700000000000000015");
  EXPECT_EQ(got.posts[1].author_id, "@centreofcalls");
  EXPECT_EQ(got.posts[1].metrics.retweets, 2);
  EXPECT_EQ(got.posts[1].metrics.likes, 5);
  ASSERT_EQ(got.owner_hints.size(), 1u);
  EXPECT_EQ(got.owner_hints[0].platform_id, "@centreofcalls");
  EXPECT_EQ(got.owner_hints[0].handle, "CentreOfCalls");

  ASSERT_EQ(got.quarantined.size(), 3u);
  const QuarantineEntry& broken = got.quarantined[0];
  EXPECT_EQ(broken.source, path);
  EXPECT_EQ(broken.line, 13);
  size_t broken_start = text.rfind("{\n    \"tweet\"", text.find("1700000000000000012"));
  EXPECT_EQ(broken.offset, static_cast<int64_t>(broken_start));
  EXPECT_NE(broken.reason.find("not valid JSON"), std::string::npos) << broken.reason;
  EXPECT_NE(broken.raw.find("1700000000000000012"), std::string::npos);
  const QuarantineEntry& undated = got.quarantined[1];
  EXPECT_EQ(undated.line, 21);
  EXPECT_NE(undated.reason.find("\"yesterday at noon\" is not a date"), std::string::npos) << undated.reason;
  // An element crowdlens does not read keeps none of its bytes (it may be private).
  const QuarantineEntry& like = got.quarantined[2];
  EXPECT_EQ(like.line, 29);
  EXPECT_EQ(like.offset, static_cast<int64_t>(text.find("{\n    \"like\"")));
  EXPECT_NE(like.reason.find("\"like\""), std::string::npos) << like.reason;
  EXPECT_TRUE(like.raw.empty());

  // "#ID" names the owner by account id.
  options.ids_owner = "#1111111111";
  Collected by_id = ReadArchive(Fixture("malformed/bad-element"), options);
  ASSERT_EQ(by_id.posts.size(), 2u);
  EXPECT_EQ(by_id.posts[0].author_id, kOwner);
}

TEST(XArchiveReader, TruncatedArrayKeepsTheElementsBeforeTheCut) {
  ReadOptions options;
  options.ids_owner = "#1111111111";
  options.import_time = 1700000000;
  Collected got = ReadArchive(Fixture("malformed/truncated"), options);
  ExpectEdges(got, {{"5000000001", kOwner}, {"5000000002", kOwner}}, 1700000000);
  ASSERT_EQ(got.quarantined.size(), 1u);
  EXPECT_EQ(got.quarantined[0].line, 14);
  EXPECT_NE(got.quarantined[0].reason.find("cut off"), std::string::npos) << got.quarantined[0].reason;
}

TEST(XArchiveReader, WrongPrefixIsRefusedWithAHint) {
  Status status;
  Collected got = ReadOne(Fixture("malformed/wrong-prefix/data/tweets.js"), {}, &status);
  EXPECT_EQ(status.code(), ErrorCode::kDataError);
  EXPECT_NE(status.message().find("window.YTD.<part>.part0 = ["), std::string::npos) << status.message();
  EXPECT_NE(status.message().find("window.tweets.part0"), std::string::npos) << status.message();
  EXPECT_TRUE(got.posts.empty());
  EXPECT_TRUE(got.quarantined.empty());
}

TEST(XArchiveReader, PrivatePartsAreNeverReadEvenUnderAnotherName) {
  Status status;
  Collected direct = ReadOne(Fixture("archive-2024/data/direct-messages.js"), {}, &status);
  EXPECT_EQ(status.code(), ErrorCode::kUnsupported);
  EXPECT_NE(status.message().find("never imported"), std::string::npos) << status.message();
  EXPECT_TRUE(direct.AllText().empty());

  // Content decides: a direct-message file renamed tweets.js is still refused.
  std::string dir = testing::MakeTempDir("xarchive-renamed");
  testing::WriteFile(dir + "/data/tweets.js", ReadBytes(Fixture("archive-2024/data/direct-messages.js")));
  fs::copy_file(Fixture("archive-2024/data/account.js"), dir + "/data/account.js");
  Collected renamed = ReadOne(dir + "/data/tweets.js", {}, &status);
  EXPECT_EQ(status.code(), ErrorCode::kUnsupported);
  EXPECT_TRUE(renamed.AllText().empty());
  EXPECT_TRUE(renamed.owner_hints.empty());

  // A plain array under a private name is refused too.
  testing::WriteFile(dir + "/data/ip-audit.js", "[{\"ipAudit\": {\"loginIp\": \"192.0.2.1\"}}]");
  Collected audit = ReadOne(dir + "/data/ip-audit.js", {}, &status);
  EXPECT_EQ(status.code(), ErrorCode::kUnsupported);
  EXPECT_TRUE(audit.AllText().empty());
}

TEST(XArchiveReader, BadAccountRecordKeepsNoBytes) {
  std::string dir = testing::MakeTempDir("xarchive-account");
  testing::WriteFile(dir + "/data/account.js",
                     "window.YTD.account.part0 = [\n"
                     "  {\"account\": {\"email\": \"leak@example.com\", \"username\": \"nobody\"}},\n"
                     "  {\"account\": {\"email\": \"leak2@example.com\", \"accountId\": }}\n"
                     "]\n");
  Status status;
  Collected got = ReadOne(dir + "/data/account.js", {}, &status);
  EXPECT_TRUE(status.ok()) << status.message();
  EXPECT_TRUE(got.accounts.empty());
  ASSERT_EQ(got.quarantined.size(), 2u);
  EXPECT_EQ(got.quarantined[0].line, 2);
  EXPECT_NE(got.quarantined[0].reason.find("without an accountId"), std::string::npos);
  EXPECT_EQ(got.quarantined[1].line, 3);
  for (const QuarantineEntry& entry : got.quarantined) {
    EXPECT_TRUE(entry.raw.empty());
    EXPECT_NE(entry.reason.find("e-mail"), std::string::npos) << entry.reason;
  }
  EXPECT_EQ(got.AllText().find("leak"), std::string::npos);
}

}  // namespace
}  // namespace crowdlens
