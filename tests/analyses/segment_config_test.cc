// The [topics] and [roles] tables of crowdlens.toml: the default config's
// topics, and mistakes reported with the line to fix.
#include "store/segment_config.h"

#include <gtest/gtest.h>

#include "store/config.h"
#include "test_data.h"

namespace crowdlens {
namespace {

Result<Config> LoadText(const std::string& text) {
  std::string path = testing::MakeTempDir("segment-config") + "/crowdlens.toml";
  testing::WriteFile(path, text);
  return Config::Load(path);
}

TEST(SegmentConfig, TheDefaultConfigDefinesTheTopicsTheDemoNeeds) {
  std::string path = testing::MakeTempDir("segment-config") + "/crowdlens.toml";
  ASSERT_TRUE(Config::WriteDefault(path).ok());
  Result<Config> config = Config::Load(path);
  ASSERT_TRUE(config.ok()) << config.status().message();
  std::vector<std::string> names;
  for (const text::TopicDefinition& topic : config->segmentation.topics) names.push_back(topic.name);
  // TOML tables come back in key order.
  EXPECT_EQ(names,
            (std::vector<std::string>{"aviation", "brexit", "civil-rights", "contact-centres", "customer-service",
                                      "kpop", "news", "social-media", "us-politics", "vaccines"}));
  EXPECT_DOUBLE_EQ(config->segmentation.topic_threshold, 0.4);
  EXPECT_DOUBLE_EQ(config->segmentation.role_threshold, 0.5);
  EXPECT_DOUBLE_EQ(config->segmentation.spam_threshold, 0.5);
  EXPECT_EQ(config->segmentation.roles.celebrity_min_followers, 100000);
  EXPECT_FALSE(config->segmentation.roles.decision_functions.empty());
  EXPECT_TRUE(config->segmentation.roles.colleagues.names.empty());
}

TEST(SegmentConfig, ReadsTopicsAndRoles) {
  Result<Config> config = LoadText(R"([topics]
threshold = 0.3
[topics.cx]
keywords = ["customer experience", ""]
hashtags = ["cx"]
accounts = ["someone"]
[roles]
threshold = 0.6
spam_threshold = 0.7
decision_functions = ["sales"]
celebrity_min_followers = 5000
celebrity_min_ratio = 2
[roles.colleagues]
names = ["Acme"]
domains = ["acme.example"]
[roles.competitors]
handles = ["Rival"]
keywords = ["rival stuff"]
)");
  ASSERT_TRUE(config.ok()) << config.status().message();
  const SegmentConfig& segments = config->segmentation;
  ASSERT_EQ(segments.topics.size(), 1u);
  EXPECT_EQ(segments.topics[0].name, "cx");
  EXPECT_EQ(segments.topics[0].keywords, (std::vector<std::string>{"customer experience"}));  // "" dropped
  EXPECT_EQ(segments.topics[0].accounts, (std::vector<std::string>{"someone"}));
  EXPECT_DOUBLE_EQ(segments.topic_threshold, 0.3);
  EXPECT_DOUBLE_EQ(segments.role_threshold, 0.6);
  EXPECT_DOUBLE_EQ(segments.spam_threshold, 0.7);
  EXPECT_EQ(segments.roles.celebrity_min_followers, 5000);
  EXPECT_DOUBLE_EQ(segments.roles.celebrity_min_ratio, 2);
  EXPECT_EQ(segments.roles.colleagues.domains, (std::vector<std::string>{"acme.example"}));
  EXPECT_EQ(segments.roles.competitors.handles, (std::vector<std::string>{"Rival"}));
  EXPECT_EQ(segments.roles.competitors.keywords, (std::vector<std::string>{"rival stuff"}));
  EXPECT_TRUE(segments.roles.suppliers.names.empty());

  // The digest follows every setting.
  SegmentConfig changed = segments;
  EXPECT_EQ(SegmentConfigDigest(changed), SegmentConfigDigest(segments));
  changed.roles.competitors.keywords.push_back("more");
  EXPECT_NE(SegmentConfigDigest(changed), SegmentConfigDigest(segments));
  changed = segments;
  changed.topics[0].keywords = {"customer", "experience"};
  EXPECT_NE(SegmentConfigDigest(changed), SegmentConfigDigest(segments));
}

TEST(SegmentConfig, MistakesNameTheLine) {
  struct Case {
    const char* text;
    const char* message;  // a part of the error
  };
  const std::vector<Case> cases = {
      {"[topics.cx]\nkeyword = [\"a\"]\n",
       "line 2: unknown key 'keyword' in [topics.cx]; use accounts, hashtags, keywords"},
      {"[topics.cx]\nkeywords = \"a\"\n", "line 2: topics.cx.keywords must be an array of strings"},
      {"[topics.cx]\nkeywords = [\"a\", 3]\n", "line 2: topics.cx.keywords must hold strings only"},
      {"[topics]\nthreshold = 1.5\n", "line 2: topics.threshold must be a number from 0 to 1"},
      {"[topics.cx]\nkeywords = []\n", "[topics.cx] defines nothing to match"},
      {"[topics]\ncx = \"customer\"\n", "topics.cx must be a table"},
      {"[roles]\nspam_threshold = \"high\"\n", "line 2: roles.spam_threshold must be a number from 0 to 1"},
      {"[roles.suppliers]\nname = [\"x\"]\n", "line 2: unknown key 'name' in [roles.suppliers]"},
      {"[roles]\ncolleague = []\n", "unknown key 'colleague' in [roles]"},
  };
  for (const Case& test : cases) {
    Result<Config> config = LoadText(test.text);
    ASSERT_FALSE(config.ok()) << test.text;
    EXPECT_EQ(config.status().code(), ErrorCode::kDataError);
    EXPECT_NE(config.status().message().find(test.message), std::string::npos)
        << test.text << " gave: " << config.status().message();
    EXPECT_NE(config.status().message().find("crowdlens.toml"), std::string::npos);
  }
}

}  // namespace
}  // namespace crowdlens
