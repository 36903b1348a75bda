// The stream's wire format and partitioning, without a server: every record
// of real inputs survives a round trip, a record with every field set comes
// back field for field, bad messages are refused with the field named, and
// partitions and message ids are stable.
#include <gtest/gtest.h>

#include <set>

#include "ingest/read_all.h"
#include "stream/cursor_file.h"
#include "stream/partition.h"
#include "stream/record_codec.h"
#include "stream/websocket_client.h"
#include "test_data.h"

namespace crowdlens::stream {
namespace {

using crowdlens::testing::MakeTempDir;
using crowdlens::testing::SamplePath;
using crowdlens::testing::TestsPath;
using crowdlens::testing::WriteFile;

// Every record the readers produce from `path`.
std::vector<StreamRecord> ReadRecords(const std::string& path) {
  testing::Collected read = testing::ReadAll(path, ReadOptions{.import_time = 1700000000});
  EXPECT_TRUE(read.status.ok()) << read.status.message();
  std::vector<StreamRecord> records;
  for (Batch& batch : read.batches) {
    for (Account& account : batch.accounts) records.emplace_back(std::move(account));
    for (Post& post : batch.posts) records.emplace_back(std::move(post));
    for (Edge& edge : batch.edges) records.emplace_back(std::move(edge));
    for (Deletion& deletion : batch.deletions) records.emplace_back(std::move(deletion));
  }
  return records;
}

TEST(StreamRecordCodec, RealRecordsRoundTrip) {
  for (const std::string& path : {SamplePath("twitter-v2"), SamplePath("twitter-v1/statuses.jsonl"),
                                  TestsPath("fixtures/bluesky/jetstream.jsonl")}) {
    std::vector<StreamRecord> records = ReadRecords(path);
    ASSERT_FALSE(records.empty()) << path;
    std::set<size_t> kinds;
    for (const StreamRecord& record : records) {
      std::string encoded = EncodeRecord(record);
      Result<StreamRecord> decoded = DecodeRecord(encoded);
      ASSERT_TRUE(decoded.ok()) << decoded.status().message() << "\n" << encoded;
      EXPECT_EQ(decoded->index(), record.index());
      // A field lost on the way would be missing from the second encoding.
      EXPECT_EQ(EncodeRecord(*decoded), encoded);
      kinds.insert(record.index());
    }
    EXPECT_GE(kinds.size(), 2u) << path;
  }
}

TEST(StreamRecordCodec, EveryPostFieldComesBack) {
  Post post{.platform = "twitter", .platform_id = "1", .author_id = "42", .created_at = 1700000000,
            .text = "caf\xC3\xA9 \"quoted\" #Tag @bob", .lang = "fr", .source = "web", .reply_to_post_id = "0",
            .reply_to_account_id = "7", .retweet_of_id = "2", .quote_of_id = "3", .country_code = "FR",
            .metrics = {.retweets = 1, .replies = std::nullopt, .likes = 3, .quotes = 0, .impressions = 99},
            .hashtags = {"tag"}, .mentions = {{.account_id = "9", .handle = "bob"}}, .urls = {"https://example.org/"}};
  Result<StreamRecord> decoded = DecodeRecord(EncodeRecord(StreamRecord{post}));
  ASSERT_TRUE(decoded.ok()) << decoded.status().message();
  const Post& back = std::get<Post>(*decoded);
  EXPECT_EQ(back.platform, "twitter");
  EXPECT_EQ(back.platform_id, "1");
  EXPECT_EQ(back.author_id, "42");
  EXPECT_EQ(back.created_at, 1700000000);
  EXPECT_EQ(back.text, post.text);
  EXPECT_EQ(back.lang, "fr");
  EXPECT_EQ(back.source, "web");
  EXPECT_EQ(back.reply_to_post_id, "0");
  EXPECT_EQ(back.reply_to_account_id, "7");
  EXPECT_EQ(back.retweet_of_id, "2");
  EXPECT_EQ(back.quote_of_id, "3");
  EXPECT_EQ(back.country_code, "FR");
  EXPECT_EQ(back.metrics.retweets, 1);
  EXPECT_FALSE(back.metrics.replies.has_value());
  EXPECT_EQ(back.metrics.likes, 3);
  EXPECT_EQ(back.metrics.quotes, 0);
  EXPECT_EQ(back.metrics.impressions, 99);
  EXPECT_EQ(back.hashtags, std::vector<std::string>{"tag"});
  ASSERT_EQ(back.mentions.size(), 1u);
  EXPECT_EQ(back.mentions[0].account_id, "9");
  EXPECT_EQ(back.mentions[0].handle, "bob");
  EXPECT_EQ(back.urls, std::vector<std::string>{"https://example.org/"});
}

TEST(StreamRecordCodec, EveryAccountEdgeAndDeletionFieldComesBack) {
  Account account{.platform = "bluesky", .platform_id = "did:plc:abc", .handle = "abc.bsky.social", .name = "A",
                  .bio = "b", .location = "Paris", .url = "https://a.example", .followers_count = 10,
                  .following_count = 20, .post_count = 30, .listed_count = 40, .created_at = 1600000000,
                  .verified = true, .bot = false, .time_zone = "UTC", .lang = "en", .observed_at = 1700000001,
                  .has_profile = true};
  Result<StreamRecord> decoded = DecodeRecord(EncodeRecord(StreamRecord{account}));
  ASSERT_TRUE(decoded.ok());
  const Account& back = std::get<Account>(*decoded);
  EXPECT_EQ(back.handle, "abc.bsky.social");
  EXPECT_EQ(back.location, "Paris");
  EXPECT_EQ(back.followers_count, 10);
  EXPECT_EQ(back.following_count, 20);
  EXPECT_EQ(back.post_count, 30);
  EXPECT_EQ(back.listed_count, 40);
  EXPECT_EQ(back.created_at, 1600000000);
  EXPECT_EQ(back.verified, true);
  EXPECT_EQ(back.bot, false);
  EXPECT_EQ(back.time_zone, "UTC");
  EXPECT_EQ(back.observed_at, 1700000001);
  EXPECT_TRUE(back.has_profile);

  Edge edge{.platform = "twitter", .source_id = "1", .target_id = "2", .relation = Relation::kMention, .weight = 2.5,
            .observed_at = 5, .record_id = "r"};
  decoded = DecodeRecord(EncodeRecord(StreamRecord{edge}));
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(std::get<Edge>(*decoded).relation, Relation::kMention);
  EXPECT_DOUBLE_EQ(std::get<Edge>(*decoded).weight, 2.5);
  EXPECT_EQ(std::get<Edge>(*decoded).record_id, "r");

  Deletion deletion{.kind = Deletion::Kind::kFollow, .platform = "bluesky", .id = "at://did:plc:abc/x/1",
                    .observed_at = 9};
  decoded = DecodeRecord(EncodeRecord(StreamRecord{deletion}));
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(std::get<Deletion>(*decoded).kind, Deletion::Kind::kFollow);
  EXPECT_EQ(std::get<Deletion>(*decoded).id, "at://did:plc:abc/x/1");
}

TEST(StreamRecordCodec, AQuarantinedRecordComesBackWithItsReason) {
  QuarantineEntry entry{.source = "jetstream time_us=1725920100000000", .line = 1, .offset = 0,
                        .reason = "field \"text\" is not a string", .raw = "{\"did\":1}"};
  std::string encoded = EncodeRecord(StreamRecord{entry});
  Result<StreamRecord> decoded = DecodeRecord(encoded);
  ASSERT_TRUE(decoded.ok()) << decoded.status().message();
  const QuarantineEntry& back = std::get<QuarantineEntry>(*decoded);
  EXPECT_EQ(back.source, entry.source);
  EXPECT_EQ(back.line, 1);
  EXPECT_EQ(back.reason, entry.reason);
  EXPECT_EQ(back.raw, entry.raw);
  Batch batch;
  AppendToBatch(std::move(decoded).value(), batch);
  ASSERT_EQ(batch.quarantined.size(), 1u);
  // Two bad records of one input are two messages; the same one published again is one.
  QuarantineEntry next_line = entry;
  next_line.line = 2;
  EXPECT_NE(MessageId(StreamRecord{entry}, encoded), MessageId(StreamRecord{next_line}, EncodeRecord(StreamRecord{next_line})));
  EXPECT_EQ(MessageId(StreamRecord{entry}, encoded), MessageId(StreamRecord{entry}, EncodeRecord(StreamRecord{entry})));
  EXPECT_EQ(PartitionOf(StreamRecord{entry}, 16), PartitionOf(StreamRecord{next_line}, 16));
}

TEST(StreamRecordCodec, BadMessagesNameTheProblem) {
  EXPECT_NE(DecodeRecord("not json").status().message().find("not a JSON object"), std::string::npos);
  EXPECT_NE(DecodeRecord(R"({"k":"z"})").status().message().find("unknown kind \"z\""), std::string::npos);
  EXPECT_NE(DecodeRecord(R"({"k":"p","pl":"twitter","id":"1","a":"2","t":"soon","x":""})").status().message().find(
                "\"t\""),
            std::string::npos);
  EXPECT_NE(DecodeRecord(R"({"k":"e","pl":"t","s":"1","t":"2","r":"likes","o":1})").status().message().find("\"r\""),
            std::string::npos);
}

TEST(StreamPartition, Fnv1aMatchesTheReferenceVectors) {
  // Published FNV-1a 64-bit test vectors (Fowler, Noll, Vo: "FNV hash" test suite).
  EXPECT_EQ(Fnv1a64(""), 0xcbf29ce484222325ull);
  EXPECT_EQ(Fnv1a64("a"), 0xaf63dc4c8601ec8cull);
  EXPECT_EQ(Fnv1a64("foobar"), 0x85944171f73967e8ull);
}

TEST(StreamPartition, AnAccountsRecordsShareOnePartition) {
  Post post{.platform = "bluesky", .platform_id = "at://did:plc:abc/app.bsky.feed.post/1", .author_id = "did:plc:abc"};
  Account account{.platform = "bluesky", .platform_id = "did:plc:abc"};
  Edge follow{.platform = "bluesky", .source_id = "did:plc:abc", .target_id = "did:plc:xyz"};
  Deletion deletion{.platform = "bluesky", .id = "at://did:plc:abc/app.bsky.feed.post/1"};
  int partition = PartitionOf(StreamRecord{post}, 16);
  EXPECT_EQ(PartitionOf(StreamRecord{account}, 16), partition);
  EXPECT_EQ(PartitionOf(StreamRecord{follow}, 16), partition);
  EXPECT_EQ(PartitionOf(StreamRecord{deletion}, 16), partition);
  // The hash of "bluesky\0did:plc:abc", computed independently, mod 16.
  std::string key("bluesky\0did:plc:abc", 19);
  EXPECT_EQ(partition, static_cast<int>(Fnv1a64(key) % 16));
  EXPECT_EQ(SubjectFor("crowdlens.posts", partition), "crowdlens.posts." + std::to_string(partition));
}

TEST(StreamPartition, RealAccountsSpreadOverEveryPartition) {
  std::vector<int> per_partition(16, 0);
  for (const StreamRecord& record : ReadRecords(SamplePath("twitter-v2"))) ++per_partition[PartitionOf(record, 16)];
  for (int count : per_partition) EXPECT_GT(count, 0);
}

TEST(StreamPartition, MessageIdsAreStableAndFollowTheContent) {
  Post post{.platform = "twitter", .platform_id = "1", .author_id = "42", .text = "hello"};
  std::string first = MessageId(StreamRecord{post}, EncodeRecord(StreamRecord{post}));
  EXPECT_EQ(first, MessageId(StreamRecord{post}, EncodeRecord(StreamRecord{post})));
  EXPECT_TRUE(first.starts_with("p:twitter:1:"));
  post.metrics.likes = 5;
  EXPECT_NE(first, MessageId(StreamRecord{post}, EncodeRecord(StreamRecord{post})));
  // The same profile observed at another import time is the same message; a new bio is not.
  Account account{.platform = "twitter", .platform_id = "42", .handle = "ann", .bio = "hi", .observed_at = 100};
  std::string account_id = MessageId(StreamRecord{account}, EncodeRecord(StreamRecord{account}));
  account.observed_at = 200;
  EXPECT_EQ(account_id, MessageId(StreamRecord{account}, EncodeRecord(StreamRecord{account})));
  account.bio = "hello";
  EXPECT_NE(account_id, MessageId(StreamRecord{account}, EncodeRecord(StreamRecord{account})));
}

TEST(StreamCursorFile, SavesReadsAndRefusesGarbage) {
  std::string dir = MakeTempDir("cursor");
  Result<std::optional<int64_t>> missing = ReadCursor(dir + "/none");
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing->has_value());
  ASSERT_TRUE(SaveCursor(dir + "/c", 1725911162329308).ok());
  EXPECT_EQ(ReadCursor(dir + "/c")->value(), 1725911162329308);
  WriteFile(dir + "/bad", "yesterday\n");
  Result<std::optional<int64_t>> bad = ReadCursor(dir + "/bad");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("delete it"), std::string::npos);
}

TEST(StreamWebSocketUrl, CursorReplacesAnyEarlierOne) {
  EXPECT_EQ(WithCursor("ws://h:1/subscribe", 5), "ws://h:1/subscribe?cursor=5");
  EXPECT_EQ(WithCursor("ws://h:1/subscribe?wantedCollections=app.bsky.feed.post&cursor=1", 7),
            "ws://h:1/subscribe?wantedCollections=app.bsky.feed.post&cursor=7");
  EXPECT_FALSE(WebSocketClient::Connect("http://h/x").ok());
}

}  // namespace
}  // namespace crowdlens::stream
