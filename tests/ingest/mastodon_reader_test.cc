// The Mastodon reader against fixtures written by hand in the REST API's
// documented shapes (tests/fixtures/mastodon: a home timeline with a reply,
// a boost and a thread, a followers page, a following_accounts.csv export),
// field by field, and malformed variants.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "ingest/mastodon_reader.h"
#include "test_data.h"

namespace crowdlens {
namespace {

constexpr int64_t kImportTime = 1700000000;

struct Read {
  Status status;
  std::vector<Post> posts;
  std::vector<Account> accounts;
  std::vector<Edge> edges;
  std::vector<QuarantineEntry> quarantined;

  const Post* FindPost(const std::string& id) const {
    for (const Post& post : posts) {
      if (post.platform_id == id) return &post;
    }
    return nullptr;
  }
  const Account* FindProfile(const std::string& id) const {
    for (const Account& account : accounts) {
      if (account.platform_id == id && account.has_profile) return &account;
    }
    return nullptr;
  }
  bool HasAccount(const std::string& id) const {
    for (const Account& account : accounts) {
      if (account.platform_id == id) return true;
    }
    return false;
  }
};

std::string FileText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

Read ReadText(const std::string& name, const std::string& text, std::string owner = {}) {
  Read out;
  BatchEmitter emitter(
      [&](Batch&& batch) {
        for (Post& post : batch.posts) out.posts.push_back(std::move(post));
        for (Account& account : batch.accounts) out.accounts.push_back(std::move(account));
        for (Edge& edge : batch.edges) out.edges.push_back(std::move(edge));
        for (QuarantineEntry& entry : batch.quarantined) out.quarantined.push_back(std::move(entry));
        return Status::Ok();
      },
      EmitterOptions{.batch_records = 3});  // small batches: records cross batch boundaries
  ReadOptions options;
  options.ids_owner = std::move(owner);
  options.import_time = kImportTime;
  InputSource source;
  source.name = source.path = name;
  out.status = ReadMastodon(source, InputBuffer::FromString(text), options, emitter);
  return out;
}

Read ReadFixture(const std::string& file, std::string owner = {}) {
  std::string path = testing::TestsPath("fixtures/mastodon/" + file);
  std::string text = FileText(path);
  EXPECT_TRUE(LooksLikeMastodon(path, text)) << file;
  return ReadText(file, text, std::move(owner));
}

const char* kOriginal = "https://mastodon.social/users/ana/statuses/109480000000000111";
const char* kReply = "https://social.example/users/cc_team/statuses/109480000000000222";
const char* kBoost = "https://social.example/users/cc_team/statuses/109480000000000333/activity";
const char* kThread = "https://social.example/users/cc_team/statuses/109490000000000444";

TEST(MastodonReader, TimelineReadsEveryStatusAndTheBoostedOne) {
  Read read = ReadFixture("statuses.json");
  ASSERT_TRUE(read.status.ok()) << read.status.message();
  EXPECT_TRUE(read.quarantined.empty()) << read.quarantined.front().reason;
  EXPECT_EQ(read.posts.size(), 4u);
  for (const Post& post : read.posts) EXPECT_EQ(post.platform, "mastodon");
}

TEST(MastodonReader, ReplyFieldByField) {
  Read read = ReadFixture("statuses.json");
  const Post* reply = read.FindPost(kReply);
  ASSERT_NE(reply, nullptr);
  EXPECT_EQ(reply->author_id, "cc_team@social.example");
  EXPECT_EQ(reply->created_at, 1670838065);
  // HTML: tags stripped, entities decoded, <br> a line break, a new paragraph after a blank line.
  EXPECT_EQ(reply->text,
            "@ana Thanks & see you at stand 42 <3 \"queue\" isn't a word here\n\nLine two\nline three "
            "\xE2\x80\x94 \xF0\x9F\x91\x8B");
  EXPECT_EQ(reply->lang, "en");
  EXPECT_EQ(reply->source, "Web");
  // The target is in the file only inside the boost further down; the first pass found it.
  EXPECT_EQ(reply->reply_to_post_id, kOriginal);
  EXPECT_EQ(reply->reply_to_account_id, "ana@mastodon.social");
  ASSERT_EQ(reply->mentions.size(), 1u);
  EXPECT_EQ(reply->mentions[0].account_id, "ana@mastodon.social");
  EXPECT_EQ(reply->mentions[0].handle, "ana@mastodon.social");
  EXPECT_TRUE(reply->hashtags.empty());
  EXPECT_TRUE(reply->urls.empty());  // the mention's link is not a URL entity
  EXPECT_EQ(reply->metrics.replies, 0);
  EXPECT_EQ(reply->metrics.retweets, 0);
  EXPECT_EQ(reply->metrics.likes, 2);
  EXPECT_FALSE(reply->retweet_of_id.has_value());
}

TEST(MastodonReader, BoostAndBoostedStatus) {
  Read read = ReadFixture("statuses.json");
  const Post* boost = read.FindPost(kBoost);
  ASSERT_NE(boost, nullptr);
  EXPECT_EQ(boost->author_id, "cc_team@social.example");
  EXPECT_EQ(boost->created_at, 1670839320);
  EXPECT_EQ(boost->text, "");
  EXPECT_EQ(boost->retweet_of_id, kOriginal);

  const Post* original = read.FindPost(kOriginal);
  ASSERT_NE(original, nullptr);
  EXPECT_EQ(original->author_id, "ana@mastodon.social");
  EXPECT_EQ(original->created_at, 1670837400);
  EXPECT_EQ(original->text,
            "Caf\xC3\xA9 \xE2\x98\x95 \xC3\xBC" "ber alles en #CCExpo con @cc_team: "
            "https://ccexpo.example/programme?day=1&track=cx");
  EXPECT_EQ(original->lang, "es");
  EXPECT_FALSE(original->source.has_value());
  EXPECT_EQ(original->hashtags, std::vector<std::string>{"ccexpo"});
  ASSERT_EQ(original->mentions.size(), 1u);
  EXPECT_EQ(original->mentions[0].account_id, "cc_team@social.example");
  EXPECT_EQ(original->urls, std::vector<std::string>{"https://ccexpo.example/programme?day=1&track=cx"});
  EXPECT_EQ(original->metrics.replies, 1);
  EXPECT_EQ(original->metrics.retweets, 1);
  EXPECT_EQ(original->metrics.likes, 4);
  EXPECT_FALSE(original->reply_to_post_id.has_value());
}

TEST(MastodonReader, ThreadReplyToAPostNotInTheFile) {
  Read read = ReadFixture("statuses.json");
  const Post* thread = read.FindPost(kThread);
  ASSERT_NE(thread, nullptr);
  EXPECT_EQ(thread->text, "Queue stats\n\nQueue times down 40% #CX #ContactCentre");  // content warning first
  EXPECT_EQ(thread->hashtags, (std::vector<std::string>{"cx", "contactcentre"}));
  EXPECT_EQ(thread->source, "Elk");
  // The author replies to their own post: a local author's post uri has a known shape.
  EXPECT_EQ(thread->reply_to_account_id, "cc_team@social.example");
  EXPECT_EQ(thread->reply_to_post_id, "https://social.example/users/cc_team/statuses/109479999999999999");
}

TEST(MastodonReader, AuthorsCarryTheirProfiles) {
  Read read = ReadFixture("statuses.json");
  const Account* team = read.FindProfile("cc_team@social.example");
  ASSERT_NE(team, nullptr);
  EXPECT_EQ(team->platform, "mastodon");
  EXPECT_EQ(team->handle, "cc_team@social.example");  // a local acct gets its instance from its url
  EXPECT_EQ(team->name, "Contact Centre Co");
  EXPECT_EQ(team->bio,
            "We answer. Every channel, every hour.\n\nWebsite: https://ccco.example\nHours: 24/7 & holidays");
  EXPECT_EQ(team->url, "https://ccco.example");  // the verified link field
  EXPECT_EQ(team->followers_count, 15300);
  EXPECT_EQ(team->following_count, 812);
  EXPECT_EQ(team->post_count, 204);
  EXPECT_EQ(team->created_at, 1667260800);
  EXPECT_EQ(team->bot, false);

  const Account* ana = read.FindProfile("ana@mastodon.social");
  ASSERT_NE(ana, nullptr);
  EXPECT_EQ(ana->name, "Ana P\xC3\xA9rez \xE2\x98\x95");
  EXPECT_EQ(ana->bio, "CX lead in Madrid. Opinions mine & only mine.");
  EXPECT_EQ(ana->url, "https://mastodon.social/@ana");  // no link fields: the profile page
  EXPECT_EQ(ana->created_at, 1667865600);
  EXPECT_EQ(ana->observed_at, 1670837400);  // seen with her post
}

TEST(MastodonReader, FollowersPageOfAccounts) {
  Read read = ReadFixture("accounts.json");
  ASSERT_TRUE(read.status.ok());
  EXPECT_TRUE(read.quarantined.empty());
  EXPECT_TRUE(read.posts.empty());
  ASSERT_EQ(read.accounts.size(), 2u);
  const Account* bot = read.FindProfile("queuebot@bots.example");
  ASSERT_NE(bot, nullptr);
  EXPECT_FALSE(bot->name.has_value());  // an empty display_name
  EXPECT_EQ(bot->bio, "I post queue lengths.\nEvery 15 minutes.\n\nSource: git.example/queuebot");
  EXPECT_EQ(bot->url, "https://git.example/queuebot");  // an unverified link, the only one
  EXPECT_EQ(bot->bot, true);
  EXPECT_EQ(bot->post_count, 9001);
  EXPECT_EQ(bot->created_at, 1664582400);
  EXPECT_EQ(bot->observed_at, kImportTime);
  EXPECT_NE(read.FindProfile("cc_team@social.example"), nullptr);
}

TEST(MastodonReader, FollowingExportWithOwner) {
  Read read = ReadFixture("following_accounts.csv", "@cc_team@social.example");
  ASSERT_TRUE(read.status.ok());
  EXPECT_TRUE(read.quarantined.empty());
  ASSERT_EQ(read.edges.size(), 3u);
  std::vector<std::string> targets;
  for (const Edge& edge : read.edges) {
    EXPECT_EQ(edge.platform, "mastodon");
    EXPECT_EQ(edge.source_id, "cc_team@social.example");
    EXPECT_EQ(edge.relation, Relation::kFollow);
    EXPECT_EQ(edge.observed_at, kImportTime);
    targets.push_back(edge.target_id);
  }
  EXPECT_EQ(targets,
            (std::vector<std::string>{"ana@mastodon.social", "gargron@mastodon.social", "news@journa.host"}));
  bool found = false;
  for (const Account& account : read.accounts) {
    if (account.platform_id == "gargron@mastodon.social") found = account.handle == "Gargron@mastodon.social";
  }
  EXPECT_TRUE(found);
  EXPECT_TRUE(read.HasAccount("cc_team@social.example"));
}

TEST(MastodonReader, FollowingExportWithoutOwnerIsQuarantined) {
  Read read = ReadFixture("following_accounts.csv");
  ASSERT_TRUE(read.status.ok());
  EXPECT_TRUE(read.edges.empty());
  ASSERT_EQ(read.quarantined.size(), 1u);
  EXPECT_NE(read.quarantined[0].reason.find("--of user@instance"), std::string::npos) << read.quarantined[0].reason;
  // A handle without its instance is not enough either.
  read = ReadFixture("following_accounts.csv", "cc_team");
  ASSERT_EQ(read.quarantined.size(), 1u);
  EXPECT_TRUE(read.edges.empty());
}

TEST(MastodonReader, BadFollowingRowsAreQuarantined) {
  Read read = ReadText("following_accounts.csv",
                       "Account address,Show boosts,Notify on new posts,Languages\n"
                       "ana@mastodon.social,true,false,\n"
                       "just-a-name,true,false,\n"
                       "\"broken@quote.example,true,false,\n",
                       "me@social.example");
  EXPECT_EQ(read.edges.size(), 1u);
  ASSERT_EQ(read.quarantined.size(), 2u);
  EXPECT_EQ(read.quarantined[0].line, 3);
  EXPECT_NE(read.quarantined[0].reason.find("not an account address"), std::string::npos);
  EXPECT_EQ(read.quarantined[1].line, 4);
  EXPECT_NE(read.quarantined[1].reason.find("never closes"), std::string::npos);
}

TEST(MastodonReader, MalformedRecordsAreQuarantinedAndTheRestRead) {
  const std::string account =
      R"({"id":"1","username":"a","acct":"a","url":"https://one.example/@a","display_name":"A","note":""})";
  const std::string status = R"("uri":"https://one.example/users/a/statuses/)";
  std::vector<std::string> records = {
      R"({"id":"9","created_at":"2022-12-12T09:30:00Z","content":"<p>no uri</p>","account":)" + account + "}",
      R"({"id":"8",)" + status + R"(8","created_at":"yesterday","content":"","account":)" + account + "}",
      R"({"id":"7",)" + status + R"(7","content":"<p>no account</p>"})",
      R"({"id":"6","username":"lost","acct":"lost","display_name":"No url"})",
      R"({"id":"5",)" + status + R"(5","created_at")",
      R"({"hello":"world"})",
      R"({"id":"4",)" + status + R"(4","created_at":"2022-12-12T09:30:00Z","content":"<p>fine</p>","account":)" +
          account + "}"};
  std::string lines;
  for (const std::string& record : records) lines += record + "\n";
  Read read = ReadText("timeline.jsonl", lines);
  ASSERT_TRUE(read.status.ok());
  ASSERT_EQ(read.posts.size(), 1u);
  EXPECT_EQ(read.posts[0].platform_id, "https://one.example/users/a/statuses/4");
  EXPECT_EQ(read.posts[0].author_id, "a@one.example");
  EXPECT_EQ(read.posts[0].text, "fine");
  ASSERT_EQ(read.quarantined.size(), 6u);
  std::vector<std::string> reasons = {"without a uri", "created_at", "has no account", "has no address", "",
                                      "not a Mastodon status"};
  for (size_t index = 0; index < reasons.size(); ++index) {
    EXPECT_EQ(read.quarantined[index].line, static_cast<int64_t>(index + 1));
    EXPECT_NE(read.quarantined[index].reason.find(reasons[index]), std::string::npos)
        << read.quarantined[index].reason;
  }
}

TEST(MastodonReader, SearchResults) {
  std::string text =
      R"({"accounts":[{"id":"2","username":"b","acct":"b@two.example","url":"https://two.example/@b",)"
      R"("display_name":"B","note":"<p>x</p>","followers_count":3}],)"
      R"("statuses":[{"id":"3","uri":"https://two.example/users/b/statuses/3",)"
      R"("created_at":"2022-12-12T09:30:00.000Z","content":"<p>hi</p>","account":{"id":"2","username":"b",)"
      R"("acct":"b@two.example","url":"https://two.example/@b"},"tags":[],"mentions":[]}],"hashtags":[{"name":"hi"}]})";
  ASSERT_TRUE(LooksLikeMastodon("search.json", text));
  Read read = ReadText("search.json", text);
  ASSERT_TRUE(read.quarantined.empty()) << read.quarantined.front().reason;
  ASSERT_EQ(read.posts.size(), 1u);
  EXPECT_EQ(read.posts[0].author_id, "b@two.example");
  const Account* b = read.FindProfile("b@two.example");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->followers_count, 3);
}

TEST(MastodonReader, SniffsMastodonAndNotTwitter) {
  EXPECT_TRUE(LooksLikeMastodon("x.csv", "\xEF\xBB\xBF" "Account address,Show boosts\n"));
  EXPECT_TRUE(LooksLikeMastodon("x.json", R"([{"id":"1","acct":"a@b.example"}])"));
  EXPECT_FALSE(LooksLikeMastodon("x.json", R"({"id_str":"1","screen_name":"a","text":"hi"})"));
  EXPECT_FALSE(LooksLikeMastodon("x.json", R"({"data":[{"id":"1","author_id":"2","text":"hi"}]})"));
  EXPECT_FALSE(LooksLikeMastodon("x.csv", "id,text,user_name\n"));
}

}  // namespace
}  // namespace crowdlens
