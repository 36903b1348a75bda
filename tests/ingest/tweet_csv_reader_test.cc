// The tweet CSV reader against the Kaggle vaccination tweets (real data, in
// the shared corpus), a twarc-csv fixture written by hand with twarc-csv's
// column names (tests/fixtures/csv/twarc.csv), and malformed variants.
//
// Kaggle numbers come from tests/expected/scripts/kaggle_counts.py (Python's csv
// module, no crowdlens code):
//   python3 tests/expected/scripts/kaggle_counts.py ../shared/data/kaggle-pfizer-vaccine-tweets/vaccination_tweets.csv
//   posts 8809, distinct user_name 5844, rows with hashtags 6724, post hashtag pairs 16704,
//   post mention pairs 3946, post url pairs 8464
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "ingest/tweet_csv_reader.h"
#include "test_data.h"

namespace crowdlens {
namespace {

struct Read {
  Status status;
  std::vector<Post> posts;
  std::vector<Account> accounts;
  std::vector<QuarantineEntry> quarantined;

  const Post* FindPost(const std::string& id) const {
    for (const Post& post : posts) {
      if (post.platform_id == id) return &post;
    }
    return nullptr;
  }
  // The fullest record of an account: the one with a profile, else the first.
  const Account* FindAccount(const std::string& id) const {
    const Account* found = nullptr;
    for (const Account& account : accounts) {
      if (account.platform_id != id) continue;
      if (account.has_profile) return &account;
      if (!found) found = &account;
    }
    return found;
  }
};

Read ReadBuffer(const InputSource& source, const InputBuffer& buffer) {
  Read out;
  BatchEmitter emitter(
      [&](Batch&& batch) {
        for (Post& post : batch.posts) out.posts.push_back(std::move(post));
        for (Account& account : batch.accounts) out.accounts.push_back(std::move(account));
        for (QuarantineEntry& entry : batch.quarantined) out.quarantined.push_back(std::move(entry));
        return Status::Ok();
      },
      EmitterOptions{.batch_records = 500});
  out.status = ReadTweetCsv(source, buffer, ReadOptions{}, emitter);
  return out;
}

Read ReadText(const std::string& text) {
  InputSource source;
  source.name = source.path = "test.csv";
  return ReadBuffer(source, InputBuffer::FromString(text));
}

Read ReadFile(const std::string& path) {
  Result<std::vector<InputSource>> sources = ExpandInputs({path});
  EXPECT_TRUE(sources.ok()) << sources.status().message();
  if (!sources.ok() || sources->size() != 1) return {};
  Result<InputBuffer> buffer = LoadInput(sources->front());
  EXPECT_TRUE(buffer.ok());
  if (!buffer.ok()) return {};
  return ReadBuffer(sources->front(), buffer.value());
}

std::string FileText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

const char* kKaggle = "kaggle-pfizer-vaccine-tweets/vaccination_tweets.csv";
const char* kKaggleHeader =
    "id,user_name,user_location,user_description,user_created,user_followers,user_friends,user_favourites,"
    "user_verified,date,text,hashtags,source,retweets,favorites,is_retweet\n";

TEST(TweetCsvReader, KaggleVaccineTweetsMatchIndependentCounts) {
  CROWDLENS_REQUIRE_SHARED_DATA();
  Read read = ReadFile(testing::SharedPath(kKaggle));
  ASSERT_TRUE(read.status.ok()) << read.status.message();
  EXPECT_TRUE(read.quarantined.empty()) << read.quarantined.front().reason;
  EXPECT_EQ(read.posts.size(), 8809u);
  std::set<std::string> post_ids, authors;
  std::set<std::pair<std::string, std::string>> hashtag_pairs;
  size_t posts_with_hashtags = 0;
  for (const Post& post : read.posts) {
    post_ids.insert(post.platform_id);
    authors.insert(post.author_id);
    posts_with_hashtags += !post.hashtags.empty();
    for (const std::string& tag : post.hashtags) hashtag_pairs.insert({post.platform_id, tag});
  }
  EXPECT_EQ(post_ids.size(), 8809u);
  EXPECT_EQ(authors.size(), 5844u);  // one "name:<user_name>" account per distinct user_name
  // No text has a #tag its hashtags column lacks (the script's union equals the column), so the
  // posts with hashtags are exactly the rows with a non-empty hashtags column.
  EXPECT_EQ(posts_with_hashtags, 6724u);
  EXPECT_EQ(hashtag_pairs.size(), 16704u);
  std::set<std::pair<std::string, std::string>> mention_pairs, url_pairs;
  for (const Post& post : read.posts) {
    for (const Mention& mention : post.mentions) mention_pairs.insert({post.platform_id, mention.account_id});
    for (const std::string& url : post.urls) url_pairs.insert({post.platform_id, url});
  }
  EXPECT_EQ(mention_pairs.size(), 3946u);
  EXPECT_EQ(url_pairs.size(), 8464u);
}

TEST(TweetCsvReader, KaggleFirstRowFieldByField) {
  CROWDLENS_REQUIRE_SHARED_DATA();
  Read read = ReadFile(testing::SharedPath(kKaggle));
  const Post* post = read.FindPost("1340539111971516416");
  ASSERT_NE(post, nullptr);
  EXPECT_EQ(post->platform, "twitter");
  EXPECT_EQ(post->author_id, "name:Rachel Roh");
  EXPECT_EQ(post->created_at, 1608444404);  // 2020-12-20 06:06:44 UTC
  EXPECT_EQ(post->text,
            "Same folks said daikon paste could treat a cytokine storm #PfizerBioNTech https://t.co/xeHhIMg1kF");
  EXPECT_EQ(post->source, "Twitter for Android");
  EXPECT_EQ(post->metrics.retweets, 0);
  EXPECT_EQ(post->metrics.likes, 0);
  EXPECT_FALSE(post->metrics.replies.has_value());
  EXPECT_EQ(post->hashtags, std::vector<std::string>{"pfizerbiontech"});
  EXPECT_TRUE(post->mentions.empty());
  EXPECT_EQ(post->urls, std::vector<std::string>{"https://t.co/xeHhIMg1kF"});
  EXPECT_FALSE(post->retweet_of_id.has_value());
  EXPECT_FALSE(post->reply_to_post_id.has_value());

  const Account* author = read.FindAccount("name:Rachel Roh");
  ASSERT_NE(author, nullptr);
  EXPECT_TRUE(author->has_profile);
  EXPECT_EQ(author->handle, "");
  EXPECT_EQ(author->name, "Rachel Roh");
  EXPECT_EQ(author->location, "La Crescenta-Montrose, CA");
  EXPECT_EQ(author->bio, "Aggregator of Asian American news; scanning diverse sources 24/7/365. RT's, Follows and "
                         "'Likes' will fuel me \xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB");
  EXPECT_EQ(author->created_at, 1239213166);  // 2009-04-08 17:52:46 UTC
  EXPECT_EQ(author->followers_count, 405);
  EXPECT_EQ(author->following_count, 1692);
  EXPECT_EQ(author->verified, false);
  EXPECT_EQ(author->observed_at, post->created_at);
}

TEST(TweetCsvReader, KaggleMentionsComeFromTheText) {
  Read read = ReadText(std::string(kKaggleHeader) +
                       "1,Some One,,,2020-01-01 00:00:00,1,2,3,True,2020-12-20 06:06:44,"
                       "\"Thanks @NHSuk and @BioNTech_Group! #Vaccine \xE2\x80\x94 see example.com/x\","
                       "\"['vaccine', 'Covid19']\",Twitter Web App,5,10,False\n");
  ASSERT_EQ(read.posts.size(), 1u);
  const Post& post = read.posts[0];
  ASSERT_EQ(post.mentions.size(), 2u);
  EXPECT_EQ(post.mentions[0].account_id, "@nhsuk");
  EXPECT_EQ(post.mentions[0].handle, "NHSuk");
  EXPECT_EQ(post.mentions[1].account_id, "@biontech_group");
  EXPECT_EQ(post.hashtags, (std::vector<std::string>{"vaccine", "covid19"}));
  EXPECT_EQ(post.urls, std::vector<std::string>{"example.com/x"});
  EXPECT_NE(read.FindAccount("@nhsuk"), nullptr);
  EXPECT_EQ(read.FindAccount("name:Some One")->verified, true);
}

TEST(TweetCsvReader, TwarcFixtureFieldByField) {
  std::string path = testing::TestsPath("fixtures/csv/twarc.csv");
  ASSERT_TRUE(LooksLikeTweetCsv(path, FileText(path)));
  Read read = ReadFile(path);
  ASSERT_TRUE(read.status.ok());
  EXPECT_TRUE(read.quarantined.empty());
  ASSERT_EQ(read.posts.size(), 4u);

  const Post* original = read.FindPost("1600000000000000001");
  ASSERT_NE(original, nullptr);
  EXPECT_EQ(original->author_id, "1001");
  EXPECT_EQ(original->created_at, 1670837400);  // 2022-12-12T09:30:00Z
  // A quoted field with a line break and a doubled quote.
  EXPECT_EQ(original->text,
            "Doors open at #CCExpo2022!\nCome and say \"hello\" to @ana_cx at stand 42 https://t.co/abc123XYZ");
  EXPECT_EQ(original->lang, "en");
  EXPECT_EQ(original->source, "Twitter Web App");
  EXPECT_EQ(original->country_code, "GB");
  EXPECT_EQ(original->metrics.impressions, 5120);
  EXPECT_EQ(original->metrics.replies, 1);
  EXPECT_EQ(original->metrics.retweets, 7);
  EXPECT_EQ(original->metrics.quotes, 0);
  EXPECT_EQ(original->metrics.likes, 31);
  EXPECT_EQ(original->hashtags, std::vector<std::string>{"ccexpo2022"});
  ASSERT_EQ(original->mentions.size(), 1u);
  EXPECT_EQ(original->mentions[0].account_id, "@ana_cx");
  EXPECT_EQ(original->mentions[0].handle, "ana_cx");
  // entities.urls holds the expanded link, not the t.co one of the text.
  EXPECT_EQ(original->urls, std::vector<std::string>{"https://ccexpo.example/stand-42"});

  const Account* company = read.FindAccount("1001");
  ASSERT_NE(company, nullptr);
  EXPECT_EQ(company->handle, "ContactCentreCo");
  EXPECT_EQ(company->name, "Contact Centre Co");
  EXPECT_EQ(company->bio, "We answer.\nEvery channel, every hour. Help: @ccco_help");  // twarc's "\n" undone
  EXPECT_EQ(company->url, "https://ccco.example");
  EXPECT_EQ(company->location, "Leeds, UK");
  EXPECT_EQ(company->followers_count, 15300);
  EXPECT_EQ(company->following_count, 812);
  EXPECT_EQ(company->listed_count, 97);
  EXPECT_EQ(company->post_count, 20411);
  EXPECT_EQ(company->verified, true);
  EXPECT_EQ(company->created_at, 1330837567);   // 2012-03-04T05:06:07Z
  EXPECT_EQ(company->observed_at, 1673776800);  // __twarc.retrieved_at 2023-01-15T10:00:00+00:00

  const Post* reply = read.FindPost("1600000000000000002");
  ASSERT_NE(reply, nullptr);
  EXPECT_EQ(reply->author_id, "2002");
  EXPECT_EQ(reply->text, "@ContactCentreCo See you there!\nBringing the team \xF0\x9F\x8E\x89 #CCExpo2022 #cx");
  EXPECT_EQ(reply->reply_to_post_id, "1600000000000000001");
  EXPECT_EQ(reply->reply_to_account_id, "1001");
  EXPECT_EQ(reply->metrics.impressions, 88);  // pandas wrote "88.0"
  EXPECT_EQ(reply->hashtags, (std::vector<std::string>{"ccexpo2022", "cx"}));
  ASSERT_EQ(reply->mentions.size(), 1u);
  EXPECT_EQ(reply->mentions[0].account_id, "@contactcentreco");
  EXPECT_TRUE(reply->urls.empty());
  EXPECT_EQ(read.FindAccount("2002")->name, "Ana P\xC3\xA9rez");

  const Post* retweet = read.FindPost("1600000000000000003");
  ASSERT_NE(retweet, nullptr);
  EXPECT_EQ(retweet->retweet_of_id, "1600000000000000001");
  EXPECT_FALSE(retweet->metrics.impressions.has_value());

  const Post* quote = read.FindPost("1600000000000000004");
  ASSERT_NE(quote, nullptr);
  EXPECT_EQ(quote->quote_of_id, "1599999999999999999");
  EXPECT_TRUE(quote->hashtags.empty());
  EXPECT_TRUE(quote->mentions.empty());
  EXPECT_EQ(quote->urls, std::vector<std::string>{"https://twitter.com/callcentre_news/status/1599999999999999999"});
  const Account* quoted = read.FindAccount("3003");
  ASSERT_NE(quoted, nullptr);
  EXPECT_EQ(quoted->handle, "callcentre_news");
}

TEST(TweetCsvReader, MissingRequiredColumnQuarantinesTheFile) {
  Read read = ReadText("tweet,user_name,date\n1,A,2020-12-20 06:06:44\n");
  ASSERT_TRUE(read.status.ok());
  EXPECT_TRUE(read.posts.empty());
  ASSERT_EQ(read.quarantined.size(), 1u);
  EXPECT_NE(read.quarantined[0].reason.find("no id column"), std::string::npos) << read.quarantined[0].reason;
  EXPECT_EQ(read.quarantined[0].line, 1);

  read = ReadText("id,user_name,date\n1,A,2020-12-20 06:06:44\n");
  ASSERT_EQ(read.quarantined.size(), 1u);
  EXPECT_NE(read.quarantined[0].reason.find("no text column"), std::string::npos);

  read = ReadText("id,text,date\n1,hi,2020-12-20 06:06:44\n");
  ASSERT_EQ(read.quarantined.size(), 1u);
  EXPECT_NE(read.quarantined[0].reason.find("no author column"), std::string::npos);
  EXPECT_FALSE(LooksLikeTweetCsv("x.csv", "id,text,date\n"));
}

TEST(TweetCsvReader, BadRowsAreQuarantinedAndTheRestRead) {
  std::string text = std::string(kKaggleHeader) +
                     "1,Good,,,,,,,,2020-12-20 06:06:44,fine,,web,0,0,False\n"                  // line 2
                     "2,Bad date,,,,,,,,20/12/2020,hello,,web,0,0,False\n"                      // line 3
                     "3,Too few,,2020-12-20 06:06:44,hello\n"                                   // line 4
                     ",No id,,,,,,,,2020-12-20 06:06:44,hello,,web,0,0,False\n"                 // line 5
                     "1.34E+18,Rounded,,,,,,,,2020-12-20 06:06:44,hello,,web,0,0,False\n"       // line 6
                     "8,Good too,,,,,,,,2020-12-21T10:00:00Z,\"two\nlines\",,web,0,0,False\n"   // lines 7-8
                     "9,\"Open quote,,,,,,,,2020-12-20 06:06:44,hello,,web,0,0,False\n";        // line 9
  Read read = ReadText(text);
  ASSERT_TRUE(read.status.ok());
  std::vector<std::string> ids;
  for (const Post& post : read.posts) ids.push_back(post.platform_id);
  EXPECT_EQ(ids, (std::vector<std::string>{"1", "8"}));
  EXPECT_EQ(read.FindPost("8")->text, "two\nlines");
  EXPECT_EQ(read.FindPost("8")->created_at, 1608544800);
  ASSERT_EQ(read.quarantined.size(), 5u);
  std::vector<std::pair<int64_t, std::string>> expected = {{3, "is not a date"},
                                                           {4, "has 5 fields and the header 16"},
                                                           {5, "no tweet id"},
                                                           {6, "is not a tweet id"},
                                                           {9, "never closes"}};
  for (size_t index = 0; index < expected.size(); ++index) {
    EXPECT_EQ(read.quarantined[index].line, expected[index].first);
    EXPECT_NE(read.quarantined[index].reason.find(expected[index].second), std::string::npos)
        << read.quarantined[index].reason;
    EXPECT_EQ(read.quarantined[index].source, "test.csv");
  }
  // Nothing of a quarantined row is left behind.
  for (const Account& account : read.accounts) EXPECT_NE(account.platform_id, "name:Bad date");
}

TEST(TweetCsvReader, SniffsTheLayoutsItReads) {
  EXPECT_TRUE(LooksLikeTweetCsv("vaccination_tweets.csv", kKaggleHeader));
  EXPECT_TRUE(LooksLikeTweetCsv("x.csv", "\xEF\xBB\xBFid_str,screen_name,created_at,full_text\n1,a,b,c\n"));
  EXPECT_FALSE(LooksLikeTweetCsv("following_accounts.csv", "Account address,Show boosts\n"));
  EXPECT_FALSE(LooksLikeTweetCsv("x.json", "{\"id\": 1, \"text\": \"hi\"}"));
  EXPECT_FALSE(LooksLikeTweetCsv("empty.csv", ""));
}

}  // namespace
}  // namespace crowdlens
