// The cassette reader against real rtweet (R vcr) and tweepy (vcrpy) cassettes,
// with counts checked against an independent Python reading, and against
// small hand-written cassettes for what the real ones do not show (API v2
// follow lists, base64 bodies, broken bodies).
#include "ingest/cassette_reader.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/input.h"
#include "test_data.h"

namespace crowdlens {
namespace {

struct Collected {
  std::vector<Account> accounts;
  std::vector<Post> posts;
  std::vector<Edge> edges;
  std::vector<QuarantineEntry> quarantined;

  std::set<std::string> PostIds() const {
    std::set<std::string> ids;
    for (const Post& post : posts) ids.insert(post.platform_id);
    return ids;
  }
  std::set<std::string> ProfileIds() const {
    std::set<std::string> ids;
    for (const Account& account : accounts) {
      if (account.has_profile) ids.insert(account.platform_id);
    }
    return ids;
  }
  std::set<std::pair<std::string, std::string>> EdgePairs() const {
    std::set<std::pair<std::string, std::string>> pairs;
    for (const Edge& edge : edges) pairs.insert({edge.source_id, edge.target_id});
    return pairs;
  }
  size_t HashtagPairs() const {
    std::set<std::pair<std::string, std::string>> pairs;
    for (const Post& post : posts) {
      for (const std::string& tag : post.hashtags) pairs.insert({post.platform_id, tag});
    }
    return pairs.size();
  }
};

ReadOptions ImportedAt(int64_t import_time) {
  ReadOptions options;
  options.import_time = import_time;
  return options;
}

BatchSink Into(Collected& collected) {
  return [&collected](Batch&& batch) {
    for (Account& account : batch.accounts) collected.accounts.push_back(std::move(account));
    for (Post& post : batch.posts) collected.posts.push_back(std::move(post));
    for (Edge& edge : batch.edges) collected.edges.push_back(std::move(edge));
    for (QuarantineEntry& entry : batch.quarantined) collected.quarantined.push_back(std::move(entry));
    return Status::Ok();
  };
}

Collected ReadPath(const std::string& path, const ReadOptions& options = {}) {
  Collected collected;
  Result<std::vector<InputSource>> sources = ExpandInputs({path});
  EXPECT_TRUE(sources.ok()) << sources.status().message();
  if (!sources.ok()) return collected;
  BatchEmitter emitter(Into(collected), {.batch_records = 256});
  for (const InputSource& source : *sources) {
    Result<InputBuffer> buffer = LoadInput(source);
    EXPECT_TRUE(buffer.ok()) << buffer.status().message();
    if (!buffer.ok()) continue;
    Status status = ReadCassette(source, *buffer, options, emitter);
    EXPECT_TRUE(status.ok()) << status.message();
  }
  return collected;
}

Collected ReadText(const std::string& text, const ReadOptions& options = {}) {
  Collected collected;
  InputSource source;
  source.name = source.path = "cassette.json";
  InputBuffer buffer = InputBuffer::FromString(text);
  BatchEmitter emitter(Into(collected), {.batch_records = 4});
  Status status = ReadCassette(source, buffer, options, emitter);
  EXPECT_TRUE(status.ok()) << status.message();
  return collected;
}

std::string Rtweet(const std::string& name) { return testing::SharedPath("rtweet-fixtures-debian/fixtures/" + name); }
std::string Tweepy(const std::string& name) { return testing::SharedPath("tweepy-cassettes/cassettes/" + name); }

// Expected numbers: an independent reading with Python's json and gzip modules,
// run in /work/shared/data (or ../shared/data beside the checkout) as
//   python3 cassette_counts.py rtweet-fixtures-debian/fixtures/{friends1,get_followers,search_tweets,
//       lookup_users1}.json.gz tweepy-cassettes/cassettes/{testgetstatus,testlookupusers,testidcursoritems}.json
// with cassette_counts.py:
//   import json, gzip, sys
//   def load(path):
//       op = gzip.open if path.endswith('.gz') else open
//       with op(path, 'rt') as f: return json.load(f)
//   def count(path):
//       d = load(path)
//       posts=set(); profiles=set(); edges=set(); hashtags=set()
//       def status(s, author_known=True):
//           if not (author_known or 'user' in s): return   # a nested status without its author is only a reference
//           posts.add(s['id_str'])
//           if 'user' in s: profiles.add(s['user']['id_str'])
//           ent = s.get('extended_tweet', {}).get('entities') or s.get('entities') or {}
//           for h in ent.get('hashtags', []):
//               hashtags.add((s['id_str'], ''.join(chr(ord(c)+32) if 'A'<=c<='Z' else c for c in h['text'])))
//           for k in ('retweeted_status','quoted_status'):
//               if k in s: status(s[k], author_known=False)
//       def user(u):
//           profiles.add(u['id_str'])
//           if 'status' in u: status(u['status'])
//       for it in d.get('interactions') or d.get('http_interactions'):
//           st = it['response']['status']; code = st.get('code', st.get('status_code'))
//           if not 200 <= int(code) < 300: continue
//           body = it['response']['body'].get('string') or ''
//           if not body.strip().startswith(('{','[')): continue
//           b = json.loads(body); uri = it['request']['uri']
//           items = b if isinstance(b, list) else b.get('statuses') or b.get('users') or [b]
//           for x in items:
//               if 'text' in x or 'full_text' in x: status(x)
//               elif 'screen_name' in x: user(x)
//           if isinstance(b, dict) and 'ids' in b:
//               owner = '@' + uri.split('screen_name=')[1].split('&')[0].lower()
//               for i in b['ids']:
//                   edges.add((str(i), owner) if '/followers/' in uri else (owner, str(i)))
//       return dict(posts=len(posts), profiles=len(profiles), edges=len(edges), hashtags=len(hashtags))
//   for p in sys.argv[1:]: print(p.split('/')[-1], count(p))
// which prints
//   friends1.json.gz {'posts': 0, 'profiles': 0, 'edges': 840, 'hashtags': 0}
//   get_followers.json.gz {'posts': 0, 'profiles': 0, 'edges': 5000, 'hashtags': 0}
//   search_tweets.json.gz {'posts': 75, 'profiles': 57, 'edges': 0, 'hashtags': 482}
//   lookup_users1.json.gz {'posts': 4, 'profiles': 4, 'edges': 0, 'hashtags': 0}
//   testgetstatus.json {'posts': 1, 'profiles': 1, 'edges': 0, 'hashtags': 0}
//   testlookupusers.json {'posts': 3, 'profiles': 3, 'edges': 0, 'hashtags': 1}
//   testidcursoritems.json {'posts': 10, 'profiles': 1, 'edges': 0, 'hashtags': 0}

TEST(CassetteReader, RtweetFriendsIdsBecomeFollowingEdgesOfTheNamedUser) {
  CROWDLENS_REQUIRE_SHARED_DATA();
  Collected collected = ReadPath(Rtweet("friends1.json.gz"));
  EXPECT_TRUE(collected.quarantined.empty());
  EXPECT_EQ(collected.edges.size(), 840u);
  EXPECT_EQ(collected.EdgePairs().size(), 840u);
  for (const Edge& edge : collected.edges) {
    EXPECT_EQ(edge.source_id, "@kearneymw");  // friends/ids.json?screen_name=kearneymw: whom kearneymw follows
    EXPECT_EQ(edge.relation, Relation::kFollow);
    EXPECT_EQ(edge.observed_at, 1667942118);  // recorded_at "2022-11-08 21:15:18 GMT"
  }
  EXPECT_TRUE(collected.posts.empty());
}

TEST(CassetteReader, RtweetFollowersIdsBecomeEdgesTowardsTheNamedUser) {
  CROWDLENS_REQUIRE_SHARED_DATA();
  Collected collected = ReadPath(Rtweet("get_followers.json.gz"));
  EXPECT_TRUE(collected.quarantined.empty());
  EXPECT_EQ(collected.EdgePairs().size(), 5000u);
  for (const Edge& edge : collected.edges) EXPECT_EQ(edge.target_id, "@kfc");  // followers/ids.json?screen_name=KFC
}

TEST(CassetteReader, RtweetSearchTweets) {
  CROWDLENS_REQUIRE_SHARED_DATA();
  Collected collected = ReadPath(Rtweet("search_tweets.json.gz"));
  EXPECT_TRUE(collected.quarantined.empty());
  EXPECT_EQ(collected.PostIds().size(), 75u);
  EXPECT_EQ(collected.ProfileIds().size(), 57u);
  EXPECT_EQ(collected.HashtagPairs(), 482u);
}

TEST(CassetteReader, RtweetLookupUsers) {
  CROWDLENS_REQUIRE_SHARED_DATA();
  Collected collected = ReadPath(Rtweet("lookup_users1.json.gz"));
  EXPECT_TRUE(collected.quarantined.empty());
  EXPECT_EQ(collected.ProfileIds().size(), 4u);
  EXPECT_EQ(collected.PostIds().size(), 4u);
}

TEST(CassetteReader, TweepyGetStatus) {
  CROWDLENS_REQUIRE_SHARED_DATA();
  Collected collected = ReadPath(Tweepy("testgetstatus.json"));
  EXPECT_TRUE(collected.quarantined.empty());
  ASSERT_EQ(collected.posts.size(), 1u);
  const Post& post = collected.posts[0];
  EXPECT_EQ(post.platform_id, "266367358078169089");
  EXPECT_EQ(post.author_id, "783214");
  EXPECT_EQ(post.created_at, 1352341901);  // "Thu Nov 08 02:31:41 +0000 2012"
  EXPECT_EQ(post.metrics.retweets, 211);
  EXPECT_EQ(post.metrics.likes, 144);
  EXPECT_EQ(collected.ProfileIds(), std::set<std::string>{"783214"});
}

TEST(CassetteReader, TweepyUserTimeline) {
  CROWDLENS_REQUIRE_SHARED_DATA();
  Collected collected = ReadPath(Tweepy("testidcursoritems.json"));
  EXPECT_TRUE(collected.quarantined.empty());
  EXPECT_EQ(collected.PostIds().size(), 10u);
  EXPECT_EQ(collected.ProfileIds().size(), 1u);
}

TEST(CassetteReader, TweepyLookupUsersDatedByTheResponse) {
  CROWDLENS_REQUIRE_SHARED_DATA();
  Collected collected = ReadPath(Tweepy("testlookupusers.json"));
  // The second response's Date header is "Mon, 02 Sep 2019 05:10:36 GMT".
  bool found = false;
  for (const Account& account : collected.accounts) {
    if (account.platform_id != "783214" || !account.has_profile) continue;
    found = true;
    EXPECT_EQ(account.handle, "Twitter");
    EXPECT_EQ(account.observed_at, 1567401036);
  }
  EXPECT_TRUE(found);
  // Three of the four users' latest statuses are retweets whose retweeted_status
  // carries no "user"; such a nested status is a reference, not a reason to drop the user.
  EXPECT_EQ(collected.ProfileIds().size(), 3u);
  EXPECT_EQ(collected.PostIds().size(), 3u);
  EXPECT_TRUE(collected.quarantined.empty()) << collected.quarantined.front().reason;
}

TEST(CassetteReader, FriendshipShowGivesTheFollowsThatExist) {
  CROWDLENS_REQUIRE_SHARED_DATA();
  // python3: for each interaction of friends3.json.gz, relationship.source/target id_str, following, followed_by
  //   -> 2973406683 25073877 False False; 2973406683 2176646084 True True
  Collected collected = ReadPath(Rtweet("friends3.json.gz"));
  EXPECT_TRUE(collected.quarantined.empty());
  EXPECT_EQ(collected.EdgePairs(), (std::set<std::pair<std::string, std::string>>{{"2973406683", "2176646084"},
                                                                                   {"2176646084", "2973406683"}}));
  EXPECT_TRUE(collected.ProfileIds().empty());
}

TEST(CassetteReader, NonSocialAndPrivateResponsesAreSkippedWithoutQuarantine) {
  CROWDLENS_REQUIRE_SHARED_DATA();
  // Rate limits, trends, places, lists, oEmbed, media uploads, direct messages, blocks, saved searches.
  for (const std::string& path :
       {Rtweet("rate_limit1.json.gz"), Rtweet("get_trends1.json.gz"), Rtweet("get_trends3.json.gz"),
        Rtweet("list_users1.json.gz"), Rtweet("tweet_embed.json"), Rtweet("upload_media_to_twitter2.json.gz"),
        Rtweet("direct_messages.json"), Rtweet("get_retweets3.json"), Rtweet("friends2.json"),
        Tweepy("testgeoapis.json"), Tweepy("testgetblocks.json"), Tweepy("testgetblockedids.json"),
        Tweepy("testsavedsearches.json"), Tweepy("testgetdirectmessages.json"), Tweepy("testgetlists.json"),
        Tweepy("testsupportedlanguages.json"), Tweepy("testratelimitstatus.json")}) {
    Collected collected = ReadPath(path);
    EXPECT_TRUE(collected.quarantined.empty()) << path << ": " << collected.quarantined.front().reason;
    EXPECT_TRUE(collected.accounts.empty() && collected.posts.empty() && collected.edges.empty()) << path;
  }
}

TEST(CassetteReader, ApiV2FollowListsAndBodiesOfEveryKind) {
  const std::string cassette = R"({"version": 1, "interactions": [
    {"request": {"method": "GET", "uri": "https://api.twitter.com/2/users/123/followers?max_results=2"},
     "response": {"status": {"code": 200, "message": "OK"}, "headers": {"date": ["Tue, 08 Nov 2022 21:15:18 GMT"]},
                  "body": {"string": "{\"data\": [{\"id\": \"1\", \"name\": \"A\", \"username\": \"a\"}, {\"id\": \"2\", \"name\": \"B\", \"username\": \"b\"}], \"meta\": {\"result_count\": 2}}"}}},
    {"request": {"method": "GET", "uri": "https://api.twitter.com/2/users/123/following"},
     "response": {"status": {"code": 200}, "body": {"string": "{\"data\": [{\"id\": \"3\", \"username\": \"c\"}]}"}}},
    {"request": {"method": "GET", "uri": "https://api.twitter.com/2/tweets/counts/recent?query=x"},
     "response": {"status": {"code": 200}, "body": {"string": "{\"data\": [{\"end\": \"2021-10-16T19:00:00.000Z\", \"start\": \"2021-10-16T18:00:00.000Z\", \"tweet_count\": 3}]}"}}},
    {"request": {"method": "GET", "uri": "https://api.twitter.com/1.1/statuses/show.json?id=1"},
     "response": {"status": {"code": 200}, "body": {"string": "<html><body>Over capacity</body></html>"}}},
    {"request": {"method": "GET", "uri": "https://api.twitter.com/1.1/statuses/show.json?id=2"},
     "response": {"status": {"code": 404}, "body": {"string": "{\"errors\": [{\"code\": 144, \"message\": \"No status found\"}]}"}}},
    {"request": {"method": "GET", "uri": "https://api.twitter.com/1.1/statuses/show.json?id=5"},
     "response": {"status": {"code": 200}, "body": {"string": "{\"id_str\": \"5\", \"text\": "}}},
    {"request": {"method": "GET", "uri": "https://api.twitter.com/1.1/direct_messages/show.json?id=9"},
     "response": {"status": {"code": 200}, "body": {"string": "{\"id_str\": \"9\", \"text\": \"private\", \"user\": {\"id_str\": \"8\", \"screen_name\": \"s\"}}"}}},
    {"request": {"method": "GET", "uri": "https://api.twitter.com/2/users/123/followers?pagination_token=x"},
     "response": {"status": {"code": 200}, "body": {"string": "{\"data\": [{\"id\": \"4\", \"username\": \"d\"}, {\"username\": \"noid\"}]}"}}},
    {"request": {"method": "GET", "uri": "https://api.twitter.com/2/users/123/blocking"},
     "response": {"status": {"code": 200}, "body": {"string": "{\"data\": [{\"id\": \"6\", \"username\": \"blocked\"}]}"}}},
    {"request": {"method": "GET", "uri": "https://api.twitter.com/2/tweets?ids=7"},
     "response": {"status": {"code": 200}, "body": {"string": "{\"data\": [{\"id\": \"7\", \"text\": \"hi\", \"author_id\": \"1\"}], \"errors\": [{\"detail\": \"Could not find tweet\"}]}"}}}
  ]})";
  Collected collected = ReadText(cassette);
  EXPECT_EQ(collected.EdgePairs(), (std::set<std::pair<std::string, std::string>>{
                                       {"1", "123"}, {"2", "123"}, {"123", "3"}, {"4", "123"}}));
  for (const Edge& edge : collected.edges) {
    if (edge.source_id == "1") {
      EXPECT_EQ(edge.observed_at, 1667942118);  // the response's Date header
    }
  }
  EXPECT_EQ(collected.ProfileIds(), (std::set<std::string>{"1", "2", "3", "4"}));
  EXPECT_EQ(collected.PostIds(), std::set<std::string>{"7"});
  ASSERT_EQ(collected.quarantined.size(), 2u);
  EXPECT_EQ(collected.quarantined[0].source, "cassette.json#interaction 6");
  EXPECT_NE(collected.quarantined[0].reason.find("not valid JSON"), std::string::npos)
      << collected.quarantined[0].reason;
  EXPECT_EQ(collected.quarantined[0].raw, R"({"id_str": "5", "text":)");
  EXPECT_EQ(collected.quarantined[1].source, "cassette.json#interaction 8");
  EXPECT_NE(collected.quarantined[1].reason.find("1 element(s) of this response could not be read"),
            std::string::npos)
      << collected.quarantined[1].reason;
}

TEST(CassetteReader, RVcrBase64BodiesAndRecordedAt) {
  // {"id_str": "77", "screen_name": "b64", "name": "Base Sixty-Four"} in base64, folded over two lines.
  const std::string cassette = R"({"http_interactions": [
    {"request": {"method": "get", "uri": "https://api.twitter.com/1.1/users/show.json?screen_name=b64"},
     "response": {"status": {"status_code": 200, "message": "Success: (200) OK"},
                  "body": {"encoding": "UTF-8", "file": false,
                           "base64_string": "eyJpZF9zdHIiOiAiNzciLCAic2NyZWVuX25hbWUiOiAiYjY0IiwgIm5hbWUiOiAi\nQmFzZSBTaXh0eS1Gb3VyIn0="}},
     "recorded_at": "2022-11-08 21:15:18 GMT", "recorded_with": "vcr/1.1.0"},
    {"request": {"method": "get", "uri": "https://api.twitter.com/1.1/followers/ids.json?user_id=999&count=5000"},
     "response": {"status": {"status_code": "200"}, "body": {"encoding": "", "file": "False", "string": "{\"ids\": [5, 6], \"next_cursor\": 0}"}},
     "recorded_at": "2022-11-08 21:15:19 GMT"},
    {"request": {"method": "get", "uri": "https://api.twitter.com/1.1/friends/list.json?screen_name=Owner"},
     "response": {"status": {"status_code": 200}, "body": {"string": "{\"users\": [{\"id_str\": \"11\", \"screen_name\": \"eleven\"}], \"next_cursor\": 0}"}},
     "recorded_at": "2022-11-08 21:15:20 GMT"},
    {"request": {"method": "get", "uri": "https://api.twitter.com/1.1/users/show.json?screen_name=elsewhere"},
     "response": {"status": {"status_code": 200}, "body": {"string": "fixtures/users_show.json", "file": true}}}
  ]})";
  Collected collected = ReadText(cassette, ImportedAt(5));
  EXPECT_TRUE(collected.quarantined.empty()) << collected.quarantined.front().reason;
  bool found = false;
  for (const Account& account : collected.accounts) {
    if (account.platform_id != "77") continue;
    found = true;
    EXPECT_TRUE(account.has_profile);
    EXPECT_EQ(account.handle, "b64");
    EXPECT_EQ(account.name, "Base Sixty-Four");
    EXPECT_EQ(account.observed_at, 1667942118);
  }
  EXPECT_TRUE(found);
  // followers/ids by user_id: the owner is passed to the v1.1 reader as "#999".
  size_t follower_edges = 0;
  for (const Edge& edge : collected.edges) {
    if (edge.source_id == "5" || edge.source_id == "6") {
      ++follower_edges;
      EXPECT_EQ(edge.observed_at, 1667942119);
    }
  }
  EXPECT_EQ(follower_edges, 2u);
  // friends/list names the owner in its URI only.
  EXPECT_EQ(collected.EdgePairs().count({"@owner", "11"}), 1u);
  EXPECT_EQ(collected.ProfileIds(), (std::set<std::string>{"77", "11"}));
}

TEST(CassetteReader, OwnListsWithoutOwnerInTheUriTakeTheOwnerFromOptions) {
  const std::string cassette = R"({"interactions": [
    {"request": {"method": "GET", "uri": "https://api.twitter.com/1.1/followers/ids.json"},
     "response": {"status": {"code": 200}, "body": {"string": "{\"ids\": [\"21\", \"22\"]}"}}}]})";
  Collected without_owner = ReadText(cassette);
  EXPECT_TRUE(without_owner.edges.empty());
  ASSERT_EQ(without_owner.quarantined.size(), 1u);
  EXPECT_NE(without_owner.quarantined[0].reason.find("--of HANDLE"), std::string::npos);

  ReadOptions options;
  options.ids_owner = "@Me";
  Collected with_owner = ReadText(cassette, options);
  EXPECT_TRUE(with_owner.quarantined.empty());
  EXPECT_EQ(with_owner.EdgePairs(), (std::set<std::pair<std::string, std::string>>{{"21", "@me"}, {"22", "@me"}}));
}

TEST(CassetteReader, SomethingElseIsQuarantined) {
  Collected collected = ReadText(R"({"not": "a cassette"})");
  ASSERT_EQ(collected.quarantined.size(), 1u);
  EXPECT_NE(collected.quarantined[0].reason.find("not a recorded API cassette"), std::string::npos);
}

}  // namespace
}  // namespace crowdlens
