// The v1.1 reader against real files, with expected numbers counted
// independently by tests/expected/scripts/counts.py (Python's json module,
// no crowdlens code); see tests/expected/counts.md for each definition.
#include <gtest/gtest.h>

#include <algorithm>

#include "ingest/read_all.h"
#include "test_data.h"

namespace crowdlens {
namespace {

using testing::ReadAll;
using testing::ReadText;
using testing::SamplePath;

void ExpectSearchCounts(const testing::Collected& read) {
  ASSERT_TRUE(read.status.ok()) << read.status.message();
  EXPECT_EQ(read.report.format, Format::kTwitterV1);
  // python3 tests/expected/scripts/counts.py v1 data/sample/twitter-v1/search_rstats.json
  EXPECT_EQ(read.DistinctPosts(), 75u);
  EXPECT_EQ(read.DistinctAccounts(), 66u);
  EXPECT_EQ(read.PostHashtagPairs(), 482u);
  EXPECT_EQ(read.PostMentionPairs(), 50u);
  EXPECT_EQ(read.PostUrlPairs(), 44u);
  EXPECT_TRUE(read.Quarantined().empty());
  auto posts = read.Posts();
  EXPECT_EQ(std::count_if(posts.begin(), posts.end(), [](const Post& p) { return p.retweet_of_id.has_value(); }), 36);
}

TEST(TwitterV1Reader, SearchResponseMatchesIndependentCounts) {
  ExpectSearchCounts(ReadAll(SamplePath("twitter-v1/search_rstats.json")));
}

TEST(TwitterV1Reader, JsonLinesOfTheSameStatusesGiveTheSameCounts) {
  ExpectSearchCounts(ReadAll(SamplePath("twitter-v1/statuses.jsonl")));
}

TEST(TwitterV1Reader, PhemeThreadsMatchIndependentCounts) {
  // python3 tests/expected/scripts/counts.py pheme data/sample/pheme (posts, hashtags, mentions, urls)
  // python3 tests/expected/scripts/pheme_union.py data/sample/pheme (accounts incl. follow-list nodes)
  testing::Collected read = ReadAll(SamplePath("pheme"));
  ASSERT_TRUE(read.status.ok()) << read.status.message();
  EXPECT_EQ(read.DistinctPosts(), 5115u);
  EXPECT_EQ(read.PostHashtagPairs(), 4430u);
  EXPECT_EQ(read.PostMentionPairs(), 6042u);
  EXPECT_EQ(read.PostUrlPairs(), 1627u);
  EXPECT_EQ(read.DistinctEdges(), 9638u);
  EXPECT_EQ(read.DistinctAccounts(), 7152u);
  EXPECT_TRUE(read.Quarantined().empty());
}

TEST(TwitterV1Reader, ReadsEveryFieldOfAStatus) {
  const std::string status = R"({"created_at":"Wed Aug 27 13:08:45 +0000 2008","id":1234567890123456789,
    "id_str":"1234567890123456789","full_text":"long text @bob #Tag https://t.co/x","lang":"en",
    "in_reply_to_status_id_str":"111","in_reply_to_user_id_str":"42","in_reply_to_screen_name":"bob",
    "source":"web","retweet_count":"7","favorite_count":3,"place":{"country_code":"GB"},
    "entities":{"hashtags":[{"text":"Tag"},{"text":"TAG"}],"user_mentions":[{"id_str":"42","screen_name":"bob"}],
      "urls":[{"url":"https://t.co/x","expanded_url":"https://example.com/a"}]},
    "user":{"id_str":"7","screen_name":"alice","name":"Alice","description":"bio","location":"Leeds, UK",
      "followers_count":"15349596 ","friends_count":10,"statuses_count":5,"created_at":"Tue Mar 21 20:50:14 +0000 2006",
      "verified":false,"entities":{"url":{"urls":[{"url":"https://t.co/y","expanded_url":"https://alice.example"}]}}}})";
  testing::Collected read = ReadText("one.json", status);
  ASSERT_TRUE(read.status.ok());
  auto posts = read.Posts();
  ASSERT_EQ(posts.size(), 1u);
  const Post& post = posts[0];
  EXPECT_EQ(post.platform_id, "1234567890123456789");
  EXPECT_EQ(post.created_at, 1219842525);
  EXPECT_EQ(post.text, "long text @bob #Tag https://t.co/x");
  EXPECT_EQ(post.author_id, "7");
  EXPECT_EQ(post.reply_to_post_id, "111");
  EXPECT_EQ(post.reply_to_account_id, "42");
  EXPECT_EQ(post.country_code, "GB");
  EXPECT_EQ(post.metrics.retweets, 7);
  EXPECT_EQ(post.metrics.likes, 3);
  EXPECT_EQ(post.hashtags, std::vector<std::string>{"tag"});
  ASSERT_EQ(post.mentions.size(), 1u);
  EXPECT_EQ(post.mentions[0].handle, "bob");
  EXPECT_EQ(post.urls, std::vector<std::string>{"https://example.com/a"});
  auto accounts = read.Accounts();
  auto alice = std::find_if(accounts.begin(), accounts.end(), [](const Account& a) { return a.platform_id == "7"; });
  ASSERT_NE(alice, accounts.end());
  EXPECT_TRUE(alice->has_profile);
  EXPECT_EQ(alice->handle, "alice");
  EXPECT_EQ(alice->followers_count, 15349596);
  EXPECT_EQ(alice->location, "Leeds, UK");
  EXPECT_EQ(alice->url, "https://alice.example");
  EXPECT_EQ(alice->created_at, 1142974214);
  EXPECT_EQ(alice->observed_at, 1219842525);
}

TEST(TwitterV1Reader, ExtendedTweetWinsOverTruncatedText) {
  testing::Collected read = ReadText("x.jsonl", R"({"id_str":"1","text":"short…","created_at":"Wed Aug 27 13:08:45 +0000 2008",
    "user":{"id_str":"2","screen_name":"a"},"entities":{"hashtags":[]},
    "extended_tweet":{"full_text":"the whole text #more","entities":{"hashtags":[{"text":"more"}]}}})");
  auto posts = read.Posts();
  ASSERT_EQ(posts.size(), 1u);
  EXPECT_EQ(posts[0].text, "the whole text #more");
  EXPECT_EQ(posts[0].hashtags, std::vector<std::string>{"more"});
}

TEST(TwitterV1Reader, BadLinesAreQuarantinedAndTheRestRead) {
  std::string good = R"({"id_str":"%","text":"t","created_at":"Wed Aug 27 13:08:45 +0000 2008","user":{"id_str":"9","screen_name":"u"}})";
  auto line = [&](int id) {
    std::string text = good;
    text.replace(text.find('%'), 1, std::to_string(id));
    return text;
  };
  std::string file = line(1) + "\n" + "{\"id_str\": \"2\", \"text\": \n" +  // truncated JSON
                     line(3) + "\n" + R"({"id_str":"4","text":"no user","created_at":"Wed Aug 27 13:08:45 +0000 2008"})" + "\n" +
                     R"({"id_str":"5","text":"bad date","created_at":"someday","user":{"id_str":"9"}})" + "\n" +
                     "\xff\xfe garbage\n" + line(7) + "\n";
  testing::Collected read = ReadText("mixed.jsonl", file);
  ASSERT_TRUE(read.status.ok());
  EXPECT_EQ(read.DistinctPosts(), 3u);
  auto quarantined = read.Quarantined();
  ASSERT_EQ(quarantined.size(), 4u);
  EXPECT_EQ(quarantined[0].line, 2);
  EXPECT_EQ(quarantined[1].line, 4);
  EXPECT_NE(quarantined[1].reason.find("no user"), std::string::npos);
  EXPECT_EQ(quarantined[2].line, 5);
  EXPECT_NE(quarantined[2].reason.find("someday"), std::string::npos);
  EXPECT_EQ(quarantined[3].line, 6);
  for (const QuarantineEntry& entry : quarantined) EXPECT_EQ(entry.source, "mixed.jsonl");
}

TEST(TwitterV1Reader, TruncatedArrayKeepsTheRecordsBeforeTheCut) {
  std::string file = R"([{"id_str":"1","text":"a","created_at":"Wed Aug 27 13:08:45 +0000 2008","user":{"id_str":"9"}},
{"id_str":"2","text":"b","created_at":"Wed Aug 27 13:08:45 +0000 2008","user":{"id_str":"9"}},
{"id_str":"3","text":"c","created_at":"Wed Aug 27 13:08)";
  testing::Collected read = ReadText("cut.json", file);
  EXPECT_EQ(read.DistinctPosts(), 2u);
  ASSERT_EQ(read.Quarantined().size(), 1u);
  EXPECT_EQ(read.Quarantined()[0].line, 3);
}

TEST(TwitterV1Reader, IdPagesNeedAnOwner) {
  std::string page = R"({"ids":["10","11","12"],"next_cursor":0,"previous_cursor":0})";
  testing::Collected without_owner = ReadText("ids.json", page);
  EXPECT_EQ(without_owner.Edges().size(), 0u);
  ASSERT_EQ(without_owner.Quarantined().size(), 1u);
  EXPECT_NE(without_owner.Quarantined()[0].reason.find("--of"), std::string::npos);

  ReadOptions options;
  options.ids_owner = "@Owner";
  options.ids_kind = IdPageKind::kFollowing;
  testing::Collected read = ReadText("ids.json", page, options);
  auto edges = read.Edges();
  ASSERT_EQ(edges.size(), 3u);
  EXPECT_EQ(edges[0].source_id, "@owner");
  EXPECT_EQ(edges[0].target_id, "10");
  EXPECT_EQ(edges[0].relation, Relation::kFollow);
}

TEST(TwitterV1Reader, UserLookupReadsEmbeddedLatestStatus) {
  testing::Collected read = ReadText("users.json", R"([{"id_str":"5","screen_name":"carol","followers_count":3,
    "status":{"id_str":"99","text":"hello #x","created_at":"Wed Aug 27 13:08:45 +0000 2008","entities":{"hashtags":[{"text":"x"}]}}}])");
  ASSERT_EQ(read.Posts().size(), 1u);
  EXPECT_EQ(read.Posts()[0].author_id, "5");
  EXPECT_EQ(read.Accounts()[0].followers_count, 3);
}

}  // namespace
}  // namespace crowdlens
