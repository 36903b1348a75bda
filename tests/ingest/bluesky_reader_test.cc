// The Bluesky reader against hand-written Jetstream events and XRPC responses
// in the documented shapes (tests/fixtures/bluesky): every field of every
// record, facets located by UTF-8 byte offsets after non-ASCII text, deletions,
// reposts, and malformed lines and elements that cost only themselves.
#include "ingest/bluesky_reader.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "core/input.h"
#include "test_data.h"

namespace crowdlens {
namespace {

const std::string kAlice = "did:plc:alicezqwkhz6vbhm2vsc4fwe";
const std::string kBob = "did:plc:bobxo4vgljrmzc3kfmiy2mnu";
const std::string kCarol = "did:plc:carolt5pl7b5nmw3z2hyvkqe";
const std::string kDave = "did:plc:dave3i5ymmhqyjz6vnxk2zqa";
const std::string kErin = "did:web:erin.example.com";
const std::string kBobPost = "at://" + kBob + "/app.bsky.feed.post/3l3qo2vutsw2b";
const std::string kCarolReply = "at://" + kCarol + "/app.bsky.feed.post/3l3qoc3ylkk2a";
constexpr int64_t kImportTime = 1730000000;

struct Collected {
  std::vector<Account> accounts;
  std::vector<Post> posts;
  std::vector<Edge> edges;
  std::vector<Deletion> deletions;
  std::vector<QuarantineEntry> quarantined;
};

BatchSink Into(Collected& collected) {
  return [&collected](Batch&& batch) {
    for (Account& account : batch.accounts) collected.accounts.push_back(std::move(account));
    for (Post& post : batch.posts) collected.posts.push_back(std::move(post));
    for (Edge& edge : batch.edges) collected.edges.push_back(std::move(edge));
    for (Deletion& deletion : batch.deletions) collected.deletions.push_back(std::move(deletion));
    for (QuarantineEntry& entry : batch.quarantined) collected.quarantined.push_back(std::move(entry));
    EXPECT_TRUE(batch.owner_hints.empty());
    EXPECT_TRUE(batch.contacts.empty());
    return Status::Ok();
  };
}

std::string Fixture(const std::string& name) { return testing::TestsPath("fixtures/bluesky/" + name); }

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

Collected ReadText(const std::string& name, const std::string& text) {
  Collected collected;
  InputSource source{.name = name, .path = name, .member = {}, .size_on_disk = 0};
  InputBuffer buffer = InputBuffer::FromString(text);
  ReadOptions options;
  options.import_time = kImportTime;
  BatchEmitter emitter(Into(collected), {.batch_records = 3, .max_raw_bytes = 4096});
  Status status = ReadBluesky(source, buffer, options, emitter);
  EXPECT_TRUE(status.ok()) << status.message();
  return collected;
}

Collected ReadFixture(const std::string& name) { return ReadText(Fixture(name), ReadBytes(Fixture(name))); }

void ExpectNoEntities(const Post& post) {
  EXPECT_TRUE(post.hashtags.empty()) << post.platform_id;
  EXPECT_TRUE(post.mentions.empty()) << post.platform_id;
  EXPECT_TRUE(post.urls.empty()) << post.platform_id;
}

void ExpectMention(const Post& post, const std::string& did, const std::string& handle) {
  ASSERT_EQ(post.mentions.size(), 1u) << post.platform_id;
  EXPECT_EQ(post.mentions[0].account_id, did);
  EXPECT_EQ(post.mentions[0].handle, handle);
}

void ExpectNoMetrics(const Post& post) {
  EXPECT_FALSE(post.metrics.retweets);
  EXPECT_FALSE(post.metrics.replies);
  EXPECT_FALSE(post.metrics.likes);
  EXPECT_FALSE(post.metrics.quotes);
  EXPECT_FALSE(post.metrics.impressions);
}

// Bob's "Café ☕ #tag @alice.bsky.social https://example.com", whose facets start after multi-byte characters.
void ExpectBobsCafePost(const Post& post) {
  EXPECT_EQ(post.platform, "bluesky");
  EXPECT_EQ(post.platform_id, kBobPost);
  EXPECT_EQ(post.author_id, kBob);
  EXPECT_EQ(post.created_at, 1725911162);
  EXPECT_EQ(post.text, "Café ☕ #tag @alice.bsky.social https://example.com");
  EXPECT_EQ(post.lang, "fr");
  EXPECT_FALSE(post.source);
  EXPECT_FALSE(post.reply_to_post_id);
  EXPECT_FALSE(post.reply_to_account_id);
  EXPECT_FALSE(post.retweet_of_id);
  EXPECT_FALSE(post.quote_of_id);
  EXPECT_FALSE(post.country_code);
  EXPECT_EQ(post.hashtags, (std::vector<std::string>{"tag"}));
  ExpectMention(post, kAlice, "alice.bsky.social");
  EXPECT_EQ(post.urls, (std::vector<std::string>{"https://example.com"}));
}

void ExpectAccount(const Account& account, const std::string& did, const std::string& handle, int64_t observed_at) {
  EXPECT_EQ(account.platform, "bluesky");
  EXPECT_EQ(account.platform_id, did);
  EXPECT_EQ(account.handle, handle);
  EXPECT_EQ(account.observed_at, observed_at) << did;
}

TEST(BlueskySniff, RecognisesAtProtocolShapes) {
  for (const char* name : {"jetstream.jsonl", "jetstream-malformed.jsonl", "getProfile.json", "getFollowers.json",
                           "getFollows.json", "getAuthorFeed.json", "searchPosts.json"}) {
    EXPECT_TRUE(LooksLikeBluesky(name, ReadBytes(Fixture(name)).substr(0, 16384))) << name;
  }
  EXPECT_TRUE(LooksLikeBluesky("x.json", "[{\"uri\" : \"at://did:plc:abc/app.bsky.feed.post/1\"}]"));
  EXPECT_TRUE(LooksLikeBluesky("x.json", "{\"did\":\"did:web:example.com\",\"handle\":\"example.com\"}"));
  EXPECT_FALSE(LooksLikeBluesky("x.json", "{\"id_str\":\"1\",\"text\":\"see \\\"did\\\": \\\"did:plc:abc\\\"\"}"));
  EXPECT_FALSE(LooksLikeBluesky("x.json", "{\"id_str\":\"1\",\"text\":\"did:plc:abc at://x\"}"));
  EXPECT_FALSE(LooksLikeBluesky("tweets.js", "window.YTD.tweets.part0 = [ {\"did\": \"did:plc:abc\"} ]"));
  EXPECT_FALSE(LooksLikeBluesky("edges.txt", "1 2\n2 3\n"));
}

TEST(BlueskyJetstream, EveryEventOfTheStream) {
  Collected got = ReadFixture("jetstream.jsonl");
  EXPECT_TRUE(got.quarantined.empty()) << got.quarantined.size() << " " << got.quarantined[0].reason;

  ASSERT_EQ(got.posts.size(), 5u);
  ExpectBobsCafePost(got.posts[0]);
  ExpectNoMetrics(got.posts[0]);

  const Post& reply = got.posts[1];
  EXPECT_EQ(reply.platform_id, kCarolReply);
  EXPECT_EQ(reply.author_id, kCarol);
  EXPECT_EQ(reply.created_at, 1725911400);
  EXPECT_EQ(reply.text, "Lovely! 🎉");
  EXPECT_EQ(reply.lang, "en");
  EXPECT_EQ(reply.reply_to_post_id, kBobPost);
  EXPECT_EQ(reply.reply_to_account_id, kBob);
  EXPECT_FALSE(reply.quote_of_id);
  EXPECT_FALSE(reply.retweet_of_id);
  ExpectNoEntities(reply);
  ExpectNoMetrics(reply);

  // A quote (embed.record) with two tag facets that fold to one, a record tag and a mention.
  const Post& quote = got.posts[2];
  EXPECT_EQ(quote.platform_id, "at://" + kDave + "/app.bsky.feed.post/3l3qocxnb3c2k");
  EXPECT_EQ(quote.author_id, kDave);
  EXPECT_EQ(quote.created_at, 1725912000);
  EXPECT_EQ(quote.text, "This is the way #CX #cx, says @bob.bsky.social");
  EXPECT_EQ(quote.lang, "en");
  EXPECT_EQ(quote.quote_of_id, kBobPost);
  EXPECT_FALSE(quote.reply_to_post_id);
  EXPECT_FALSE(quote.reply_to_account_id);
  EXPECT_EQ(quote.hashtags, (std::vector<std::string>{"cx", "contactcentre"}));
  ExpectMention(quote, kBob, "bob.bsky.social");
  EXPECT_TRUE(quote.urls.empty());

  // A quote with media (embed.recordWithMedia: record.record.uri).
  const Post& with_media = got.posts[3];
  EXPECT_EQ(with_media.platform_id, "at://" + kAlice + "/app.bsky.feed.post/3l3qodl7xq22c");
  EXPECT_EQ(with_media.author_id, kAlice);
  EXPECT_EQ(with_media.created_at, 1725912300);
  EXPECT_EQ(with_media.text, "Same energy");
  EXPECT_EQ(with_media.quote_of_id, kCarolReply);
  ExpectNoEntities(with_media);

  // A did:web author and a link card.
  const Post& card = got.posts[4];
  EXPECT_EQ(card.platform_id, "at://" + kErin + "/app.bsky.feed.post/3l3qoe4v6sk2d");
  EXPECT_EQ(card.author_id, kErin);
  EXPECT_EQ(card.created_at, 1725912600);
  EXPECT_EQ(card.text, "Worth a read");
  EXPECT_FALSE(card.lang);
  EXPECT_FALSE(card.quote_of_id);
  EXPECT_EQ(card.urls, (std::vector<std::string>{"https://news.example.org/article"}));
  EXPECT_TRUE(card.hashtags.empty());

  ASSERT_EQ(got.edges.size(), 2u);
  for (size_t index = 0; index < 2; ++index) {
    const Edge& edge = got.edges[index];
    EXPECT_EQ(edge.platform, "bluesky");
    EXPECT_EQ(edge.relation, Relation::kFollow);
    EXPECT_EQ(edge.target_id, kBob);
    EXPECT_EQ(edge.weight, 1.0);
  }
  EXPECT_EQ(got.edges[0].source_id, kAlice);
  EXPECT_EQ(got.edges[0].observed_at, 1725913000);
  EXPECT_EQ(got.edges[0].record_id, "at://" + kAlice + "/app.bsky.graph.follow/3l3qofollowa2");
  EXPECT_EQ(got.edges[1].source_id, kCarol);
  EXPECT_EQ(got.edges[1].observed_at, 1725913100);
  EXPECT_EQ(got.edges[1].record_id, "at://" + kCarol + "/app.bsky.graph.follow/3l3qofollowc2");

  ASSERT_EQ(got.accounts.size(), 5u);
  ExpectAccount(got.accounts[0], kAlice, "alice.bsky.social", 1725911162);  // mentioned by Bob
  EXPECT_FALSE(got.accounts[0].has_profile);
  ExpectAccount(got.accounts[1], kBob, "bob.bsky.social", 1725912000);  // mentioned by Dave
  EXPECT_FALSE(got.accounts[1].has_profile);
  const Account& bob_profile = got.accounts[2];  // profile update
  ExpectAccount(bob_profile, kBob, "", 1725913200);
  EXPECT_TRUE(bob_profile.has_profile);
  EXPECT_EQ(bob_profile.name, "Bob Builder");
  EXPECT_EQ(bob_profile.bio, "Contact-centre lead.\nViews my own.");
  EXPECT_FALSE(bob_profile.followers_count);
  const Account& alice_profile = got.accounts[3];  // profile create without a description
  ExpectAccount(alice_profile, kAlice, "", 1725913250);
  EXPECT_TRUE(alice_profile.has_profile);
  EXPECT_EQ(alice_profile.name, "Alice");
  EXPECT_EQ(alice_profile.bio, "");
  const Account& identity = got.accounts[4];  // identity event, dated by its own time
  ExpectAccount(identity, kBob, "bob.bsky.social", 1725913300);
  EXPECT_FALSE(identity.has_profile);
  EXPECT_FALSE(identity.name);

  ASSERT_EQ(got.deletions.size(), 2u);
  EXPECT_EQ(got.deletions[0].kind, Deletion::Kind::kPost);
  EXPECT_EQ(got.deletions[0].platform, "bluesky");
  EXPECT_EQ(got.deletions[0].id, kCarolReply);
  EXPECT_EQ(got.deletions[0].observed_at, 1725913600);
  EXPECT_EQ(got.deletions[1].kind, Deletion::Kind::kFollow);
  EXPECT_EQ(got.deletions[1].platform, "bluesky");
  EXPECT_EQ(got.deletions[1].id, "at://" + kCarol + "/app.bsky.graph.follow/3l3qofollowc2");
  EXPECT_EQ(got.deletions[1].observed_at, 1725913700);
}

TEST(BlueskyJetstream, MalformedLinesCostOnlyThemselves) {
  std::string text = ReadBytes(Fixture("jetstream-malformed.jsonl"));
  Collected got = ReadText("jetstream-malformed.jsonl", text);
  ASSERT_EQ(got.posts.size(), 5u);
  EXPECT_EQ(got.posts[0].text, "all good #fine");
  EXPECT_EQ(got.posts[0].hashtags, (std::vector<std::string>{"fine"}));
  // A facet past the end of the text is dropped; the good facet beside it and the post stay.
  EXPECT_EQ(got.posts[1].text, "Café #ok @alice.bsky.social");
  EXPECT_EQ(got.posts[1].hashtags, (std::vector<std::string>{"ok"}));
  EXPECT_TRUE(got.posts[1].mentions.empty());
  // A facet starting inside "☕" (UTF-16 offsets) is dropped.
  EXPECT_EQ(got.posts[2].text, "☕ #tea");
  ExpectNoEntities(got.posts[2]);
  // Facets whose text does not match their feature are dropped; a createdAt that is not a date gives way to time_us.
  EXPECT_EQ(got.posts[3].text, "hello #tag alice");
  ExpectNoEntities(got.posts[3]);
  EXPECT_EQ(got.posts[3].created_at, 1725920300);
  EXPECT_EQ(got.posts[4].author_id, kAlice);
  EXPECT_EQ(got.posts[4].text, "still reading");
  EXPECT_TRUE(got.edges.empty());
  EXPECT_TRUE(got.accounts.empty());

  ASSERT_EQ(got.quarantined.size(), 5u);
  const std::vector<std::pair<int64_t, std::string>> expected = {
      {5, "without a did"},
      {6, "not valid JSON"},
      {7, "UTF-8"},
      {8, "has no subject DID"},
      {9, "kind \"handle\""},
  };
  for (size_t index = 0; index < expected.size(); ++index) {
    const QuarantineEntry& entry = got.quarantined[index];
    EXPECT_EQ(entry.source, "jetstream-malformed.jsonl");
    EXPECT_EQ(entry.line, expected[index].first);
    size_t line_start = 0;
    for (int64_t line = 1; line < entry.line; ++line) line_start = text.find('\n', line_start) + 1;
    EXPECT_EQ(entry.offset, static_cast<int64_t>(line_start));
    EXPECT_EQ(entry.raw, text.substr(line_start, text.find('\n', line_start) - line_start));
    EXPECT_NE(entry.reason.find(expected[index].second), std::string::npos) << entry.line << ": " << entry.reason;
  }
}

TEST(BlueskyFacets, ByteOffsetsAreUtf8AndSlicesMustMatch) {
  // Offsets computed here with std::string::find, which counts UTF-8 bytes.
  const std::string text = "Ünïcödé 🎉 ＃Fullwidth then #Last";
  auto range = [&](const std::string& piece) {
    size_t start = text.find(piece);
    return "{\"byteStart\":" + std::to_string(start) + ",\"byteEnd\":" + std::to_string(start + piece.size()) + "}";
  };
  std::string facets = "[{\"index\":" + range("＃Fullwidth") +
                       ",\"features\":[{\"$type\":\"app.bsky.richtext.facet#tag\",\"tag\":\"Fullwidth\"}]},"
                       "{\"index\":" + range("#Last") +
                       ",\"features\":[{\"$type\":\"app.bsky.richtext.facet#tag\",\"tag\":\"Last\"}]},"
                       "{\"index\":{\"byteStart\":0,\"byteEnd\":1},"
                       "\"features\":[{\"$type\":\"app.bsky.richtext.facet#link\",\"uri\":\"https://half.example\"}]}]";
  std::string line = "{\"did\":\"" + kBob + "\",\"time_us\":1725911162000000,\"kind\":\"commit\",\"commit\":{"
                     "\"operation\":\"create\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\"3l3qr2222222a\","
                     "\"record\":{\"$type\":\"app.bsky.feed.post\",\"text\":\"" + text + "\",\"facets\":" + facets +
                     ",\"createdAt\":\"2024-09-09T19:46:02Z\"}}}\n";
  Collected got = ReadText("facets.jsonl", line);
  ASSERT_EQ(got.posts.size(), 1u);
  EXPECT_EQ(got.posts[0].text, text);
  EXPECT_EQ(got.posts[0].hashtags, (std::vector<std::string>{"fullwidth", "last"}));
  EXPECT_TRUE(got.posts[0].urls.empty());  // byte 1 falls inside "Ü"
  EXPECT_TRUE(got.quarantined.empty());
}

TEST(BlueskyApi, GetProfileIsTheAccountWithItsCounts) {
  Collected got = ReadFixture("getProfile.json");
  EXPECT_TRUE(got.quarantined.empty());
  EXPECT_TRUE(got.posts.empty());
  ASSERT_EQ(got.accounts.size(), 1u);
  const Account& bob = got.accounts[0];
  ExpectAccount(bob, kBob, "bob.bsky.social", kImportTime);
  EXPECT_TRUE(bob.has_profile);
  EXPECT_EQ(bob.name, "Bob Builder");
  EXPECT_EQ(bob.bio, "Contact-centre lead.\nViews my own.");
  EXPECT_EQ(bob.followers_count, 1520);
  EXPECT_EQ(bob.following_count, 310);
  EXPECT_EQ(bob.post_count, 874);
  EXPECT_EQ(bob.created_at, 1681978500);
  EXPECT_FALSE(bob.location);
  EXPECT_FALSE(bob.url);
  EXPECT_FALSE(bob.listed_count);
  EXPECT_FALSE(bob.verified);
}

TEST(BlueskyApi, GetFollowersAndGetFollowsAreFollowEdges) {
  Collected followers = ReadFixture("getFollowers.json");
  EXPECT_TRUE(followers.quarantined.empty());
  ASSERT_EQ(followers.edges.size(), 3u);
  const std::string sources[] = {kAlice, kCarol, kDave};
  for (size_t index = 0; index < 3; ++index) {
    EXPECT_EQ(followers.edges[index].platform, "bluesky");
    EXPECT_EQ(followers.edges[index].source_id, sources[index]);
    EXPECT_EQ(followers.edges[index].target_id, kBob);
    EXPECT_EQ(followers.edges[index].relation, Relation::kFollow);
    EXPECT_EQ(followers.edges[index].observed_at, kImportTime);
    EXPECT_FALSE(followers.edges[index].record_id);
  }
  ASSERT_EQ(followers.accounts.size(), 4u);
  const Account& subject = followers.accounts[0];
  ExpectAccount(subject, kBob, "bob.bsky.social", kImportTime);
  EXPECT_EQ(subject.name, "Bob Builder");
  EXPECT_EQ(subject.bio, "Contact-centre lead.\nViews my own.");
  EXPECT_EQ(subject.created_at, 1681978500);
  EXPECT_FALSE(subject.followers_count);  // a profileView has no counts
  const Account& alice = followers.accounts[1];
  ExpectAccount(alice, kAlice, "alice.bsky.social", kImportTime);
  EXPECT_EQ(alice.name, "Alice");
  EXPECT_EQ(alice.bio, "Support lead in Leeds.");
  EXPECT_EQ(alice.created_at, 1682942400);
  const Account& carol = followers.accounts[2];
  ExpectAccount(carol, kCarol, "carol.example.com", kImportTime);
  EXPECT_EQ(carol.name, "Carol");
  EXPECT_EQ(carol.bio, "");
  EXPECT_EQ(carol.created_at, 1686469500);
  // "handle.invalid" is the AppView's placeholder for a handle that failed verification.
  const Account& dave = followers.accounts[3];
  ExpectAccount(dave, kDave, "", kImportTime);
  EXPECT_FALSE(dave.name);
  EXPECT_EQ(dave.created_at, 1704164645);
  for (const Account& account : followers.accounts) EXPECT_TRUE(account.has_profile);

  Collected follows = ReadFixture("getFollows.json");
  EXPECT_TRUE(follows.quarantined.empty());
  ASSERT_EQ(follows.edges.size(), 2u);
  EXPECT_EQ(follows.edges[0].source_id, kBob);
  EXPECT_EQ(follows.edges[0].target_id, kAlice);
  EXPECT_EQ(follows.edges[1].source_id, kBob);
  EXPECT_EQ(follows.edges[1].target_id, kErin);
  for (const Edge& edge : follows.edges) EXPECT_EQ(edge.observed_at, kImportTime);
  ASSERT_EQ(follows.accounts.size(), 3u);
  ExpectAccount(follows.accounts[2], kErin, "erin.example.com", kImportTime);
  EXPECT_EQ(follows.accounts[2].name, "Erin");
  EXPECT_EQ(follows.accounts[2].bio, "Writes about CX.");
  EXPECT_EQ(follows.accounts[2].created_at, 1677812583);
}

TEST(BlueskyApi, GetAuthorFeedWithARepostAndReplies) {
  Collected got = ReadFixture("getAuthorFeed.json");
  EXPECT_TRUE(got.quarantined.empty());
  ASSERT_EQ(got.posts.size(), 6u);

  ExpectBobsCafePost(got.posts[0]);
  EXPECT_EQ(got.posts[0].metrics.replies, 4);
  EXPECT_EQ(got.posts[0].metrics.retweets, 2);
  EXPECT_EQ(got.posts[0].metrics.likes, 31);
  EXPECT_EQ(got.posts[0].metrics.quotes, 1);
  EXPECT_FALSE(got.posts[0].metrics.impressions);

  const std::string carol_post = "at://" + kCarol + "/app.bsky.feed.post/3l3qnzzzcarol";
  const Post& original = got.posts[1];
  EXPECT_EQ(original.platform_id, carol_post);
  EXPECT_EQ(original.author_id, kCarol);
  EXPECT_EQ(original.created_at, 1725782400);
  EXPECT_EQ(original.text, "Queue times down 40% this week 🎉");
  EXPECT_EQ(original.lang, "en");
  EXPECT_FALSE(original.retweet_of_id);
  ExpectNoEntities(original);
  EXPECT_EQ(original.metrics.replies, 7);
  EXPECT_EQ(original.metrics.retweets, 12);
  EXPECT_EQ(original.metrics.likes, 88);
  EXPECT_EQ(original.metrics.quotes, 3);

  // The repost: a post by reason.by, pointing at the original.
  const Post& repost = got.posts[2];
  EXPECT_EQ(repost.platform, "bluesky");
  EXPECT_EQ(repost.platform_id, carol_post + "#repost/" + kBob);
  EXPECT_EQ(repost.author_id, kBob);
  EXPECT_EQ(repost.created_at, 1725786900);
  EXPECT_EQ(repost.retweet_of_id, carol_post);
  EXPECT_EQ(repost.text, "");
  EXPECT_FALSE(repost.lang);
  EXPECT_FALSE(repost.reply_to_post_id);
  EXPECT_FALSE(repost.quote_of_id);
  ExpectNoEntities(repost);
  ExpectNoMetrics(repost);

  const std::string alice_post = "at://" + kAlice + "/app.bsky.feed.post/3l3qnyyyalice";
  const Post& reply = got.posts[3];
  EXPECT_EQ(reply.platform_id, "at://" + kBob + "/app.bsky.feed.post/3l3qnyyybobre");
  EXPECT_EQ(reply.author_id, kBob);
  EXPECT_EQ(reply.created_at, 1725712200);
  EXPECT_EQ(reply.text, "Me! See you there.");
  EXPECT_EQ(reply.reply_to_post_id, alice_post);
  EXPECT_EQ(reply.reply_to_account_id, kAlice);
  EXPECT_EQ(reply.metrics.likes, 2);
  ExpectNoEntities(reply);

  // The thread's root (also its parent) comes whole with the item: kept once.
  const Post& root = got.posts[4];
  EXPECT_EQ(root.platform_id, alice_post);
  EXPECT_EQ(root.author_id, kAlice);
  EXPECT_EQ(root.created_at, 1725710400);
  EXPECT_EQ(root.text, "Who else is going to #CCExpo?");
  EXPECT_EQ(root.hashtags, (std::vector<std::string>{"ccexpo"}));
  EXPECT_EQ(root.metrics.replies, 1);
  EXPECT_EQ(root.metrics.likes, 5);

  // A reply to a deleted post: the notFound parent is skipped, the link kept.
  const Post& orphan = got.posts[5];
  EXPECT_EQ(orphan.platform_id, "at://" + kBob + "/app.bsky.feed.post/3l3qnxxxbobr2");
  EXPECT_EQ(orphan.created_at, 1725613200);
  EXPECT_EQ(orphan.text, "Agreed.");
  EXPECT_FALSE(orphan.lang);
  EXPECT_EQ(orphan.reply_to_post_id, "at://" + kDave + "/app.bsky.feed.post/3l3qnxxxdave2");
  EXPECT_EQ(orphan.reply_to_account_id, kDave);
  EXPECT_EQ(orphan.metrics.likes, 0);

  // Authors and the reposter as the response shows them; the mention dated by its post.
  ASSERT_EQ(got.accounts.size(), 7u);
  const std::vector<std::pair<std::string, std::string>> expected = {
      {kBob, "bob.bsky.social"},   {kAlice, "alice.bsky.social"}, {kCarol, "carol.example.com"},
      {kBob, "bob.bsky.social"},   {kBob, "bob.bsky.social"},     {kAlice, "alice.bsky.social"},
      {kBob, "bob.bsky.social"}};
  for (size_t index = 0; index < expected.size(); ++index) {
    const Account& account = got.accounts[index];
    bool mention = index == 1;
    ExpectAccount(account, expected[index].first, expected[index].second, mention ? 1725911162 : kImportTime);
    EXPECT_EQ(account.has_profile, !mention);
    if (!mention) {
      EXPECT_EQ(account.created_at, 1681978500);
    }
  }
  EXPECT_EQ(got.accounts[2].name, "Carol");
  EXPECT_EQ(got.accounts[3].name, "Bob Builder");
}

TEST(BlueskyApi, SearchPostsReadsQuotesWithMediaAndLinkCards) {
  Collected got = ReadFixture("searchPosts.json");
  EXPECT_TRUE(got.quarantined.empty());
  ASSERT_EQ(got.posts.size(), 2u);
  const Post& quote = got.posts[0];
  EXPECT_EQ(quote.platform_id, "at://" + kDave + "/app.bsky.feed.post/3l3qocxnb3c2k");
  EXPECT_EQ(quote.author_id, kDave);
  EXPECT_EQ(quote.created_at, 1725912000);
  EXPECT_EQ(quote.text, "This is the way #CX, says @bob.bsky.social");
  EXPECT_EQ(quote.lang, "en");
  EXPECT_EQ(quote.quote_of_id, kBobPost);
  EXPECT_FALSE(quote.reply_to_post_id);
  EXPECT_EQ(quote.hashtags, (std::vector<std::string>{"cx"}));
  ExpectMention(quote, kBob, "bob.bsky.social");
  EXPECT_EQ(quote.urls, (std::vector<std::string>{"https://news.example.org/cx"}));
  EXPECT_EQ(quote.metrics.replies, 2);
  EXPECT_EQ(quote.metrics.retweets, 1);
  EXPECT_EQ(quote.metrics.likes, 9);
  EXPECT_EQ(quote.metrics.quotes, 0);

  const Post& erin = got.posts[1];
  EXPECT_EQ(erin.platform_id, "at://" + kErin + "/app.bsky.feed.post/3l3qoe4v6sk2d");
  EXPECT_EQ(erin.author_id, kErin);
  EXPECT_EQ(erin.created_at, 1725912600);
  EXPECT_EQ(erin.text, "Worth a read on #cx");
  EXPECT_FALSE(erin.lang);
  EXPECT_EQ(erin.hashtags, (std::vector<std::string>{"cx"}));
  EXPECT_TRUE(erin.mentions.empty());
  EXPECT_EQ(erin.metrics.likes, 1);

  ASSERT_EQ(got.accounts.size(), 3u);
  ExpectAccount(got.accounts[0], kDave, "dave.bsky.social", kImportTime);
  EXPECT_EQ(got.accounts[0].name, "Dave");
  ExpectAccount(got.accounts[1], kBob, "bob.bsky.social", 1725912000);
  ExpectAccount(got.accounts[2], kErin, "erin.example.com", kImportTime);
}

TEST(BlueskyApi, ABadElementIsQuarantinedAloneAndErrorsAreNamed) {
  const std::string author = "{\"did\":\"" + kBob + "\",\"handle\":\"bob.bsky.social\"}";
  auto post_view = [&](const std::string& rkey, bool with_author) {
    return "{\"uri\":\"at://" + kBob + "/app.bsky.feed.post/" + rkey + "\"," +
           (with_author ? "\"author\":" + author + "," : "") +
           "\"record\":{\"text\":\"t\",\"createdAt\":\"2024-09-09T19:46:02Z\"},\"likeCount\":1}";
  };
  std::string page = "{\"feed\":[\n{\"post\":" + post_view("a", true) + "},\n{\"post\":" + post_view("b", false) +
                     "},\n{\"post\":" + post_view("c", true) + "}\n]}\n";
  Collected feed = ReadText("feed.json", page);
  ASSERT_EQ(feed.posts.size(), 2u);
  EXPECT_EQ(feed.posts[0].platform_id, "at://" + kBob + "/app.bsky.feed.post/a");
  EXPECT_EQ(feed.posts[1].platform_id, "at://" + kBob + "/app.bsky.feed.post/c");
  ASSERT_EQ(feed.quarantined.size(), 1u);
  EXPECT_EQ(feed.quarantined[0].line, 3);
  EXPECT_EQ(feed.quarantined[0].offset, static_cast<int64_t>(page.find("{\"post\":" + post_view("b", false))));
  EXPECT_EQ(feed.quarantined[0].raw, "{\"post\":" + post_view("b", false) + "}");
  EXPECT_NE(feed.quarantined[0].reason.find("has no author"), std::string::npos) << feed.quarantined[0].reason;

  std::string followers = "{\"subject\":" + author + ",\"followers\":[{\"handle\":\"nodid.example\"},{\"did\":\"" +
                          kAlice + "\",\"handle\":\"alice.bsky.social\"}]}";
  Collected list = ReadText("followers.json", followers);
  ASSERT_EQ(list.edges.size(), 1u);
  EXPECT_EQ(list.edges[0].source_id, kAlice);
  ASSERT_EQ(list.quarantined.size(), 1u);
  EXPECT_EQ(list.quarantined[0].raw, "{\"handle\":\"nodid.example\"}");
  EXPECT_NE(list.quarantined[0].reason.find("without a did"), std::string::npos);

  Collected error = ReadText("error.json", "{\"error\":\"InvalidRequest\",\"message\":\"Profile not found\"}");
  ASSERT_EQ(error.quarantined.size(), 1u);
  EXPECT_NE(error.quarantined[0].reason.find("an API error response: Profile not found"), std::string::npos);

  Collected orphan = ReadText("orphan.json", "{\"followers\":[{\"did\":\"" + kAlice + "\"}]}");
  EXPECT_TRUE(orphan.edges.empty());
  ASSERT_EQ(orphan.quarantined.size(), 1u);
  EXPECT_NE(orphan.quarantined[0].reason.find("without its subject"), std::string::npos);
}

}  // namespace
}  // namespace crowdlens
