// Entity extraction against twitter-text's conformance suite: every case of
// conformance/extract.yml is its own test (named group_index), and every
// top-level domain of conformance/tlds.yml must be found in a URL. The suite
// lives in the shared corpus (../shared/data/twitter-text-conformance); the
// tests skip when it is absent. A few hand cases check the API itself.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <sstream>

#include "test_data.h"
#include "text/entities.h"

namespace crowdlens {
namespace {

struct ConformanceCase {
  std::string group;
  size_t index = 0;
  std::string description;
  std::string text;
  YAML::Node expected;
};

std::string ConformancePath(const std::string& file) {
  return testing::SharedPath("twitter-text-conformance/" + file);
}

// Every case of extract.yml, or one placeholder when the file is absent (so
// the suite is never empty and the placeholder can say why it skips).
std::vector<ConformanceCase> LoadExtractCases() {
  std::vector<ConformanceCase> cases;
  std::string path = ConformancePath("extract.yml");
  if (!std::filesystem::exists(path)) {
    return {ConformanceCase{.group = "missing", .description = {}, .text = {}, .expected = {}}};
  }
  try {
    YAML::Node root = YAML::LoadFile(path);
    for (const auto& group : root["tests"]) {
      std::string name = group.first.as<std::string>();
      size_t index = 0;
      for (const YAML::Node& test : group.second) {
        cases.push_back({.group = name,
                         .index = index++,
                         .description = test["description"].as<std::string>(""),
                         .text = test["text"].as<std::string>(""),
                         .expected = test["expected"]});
      }
    }
  } catch (const YAML::Exception& error) {
    // Registration happens before main: report the broken file through a failing case.
    return {ConformanceCase{.group = "unreadable", .description = error.what(), .text = {}, .expected = {}}};
  }
  return cases;
}

std::string Describe(const std::string& text, size_t start, size_t end) {
  std::ostringstream out;
  out << text << " [" << start << "," << end << ")";
  return out.str();
}

std::vector<std::string> Described(const std::vector<TextEntity>& entities, bool with_list_slug) {
  std::vector<std::string> out;
  for (const TextEntity& entity : entities) {
    out.push_back(Describe(entity.text + (with_list_slug ? "|" + entity.list_slug : ""), entity.start, entity.end));
  }
  return out;
}

// The expected list of a *_with_indices case, described like Described().
std::vector<std::string> ExpectedWithIndices(const YAML::Node& expected, const std::string& key, bool with_list_slug) {
  std::vector<std::string> out;
  for (const YAML::Node& item : expected) {
    std::string text = item[key].as<std::string>();
    if (with_list_slug) text += "|" + item["list_slug"].as<std::string>("");
    out.push_back(Describe(text, item["indices"][0].as<size_t>(), item["indices"][1].as<size_t>()));
  }
  return out;
}

std::vector<std::string> ExpectedList(const YAML::Node& expected) {
  std::vector<std::string> out;
  if (expected.IsSequence()) {
    for (const YAML::Node& item : expected) out.push_back(item.as<std::string>());
  }
  return out;
}

class ExtractConformance : public ::testing::TestWithParam<ConformanceCase> {};

TEST_P(ExtractConformance, MatchesTwitterText) {
  const ConformanceCase& test = GetParam();
  CROWDLENS_REQUIRE_SHARED_DATA();
  if (test.group == "missing") GTEST_SKIP() << "extract.yml not found at " << ConformancePath("extract.yml");
  if (test.group == "unreadable") FAIL() << "extract.yml could not be read: " << test.description;
  SCOPED_TRACE(test.description + "\ntext: " + test.text);
  const std::string& group = test.group;
  if (group == "mentions") {
    EXPECT_EQ(ExtractMentions(test.text), ExpectedList(test.expected));
  } else if (group == "mentions_with_indices") {
    std::vector<TextEntity> mentions = ExtractMentionEntities(test.text);
    std::erase_if(mentions, [](const TextEntity& mention) { return !mention.list_slug.empty(); });
    EXPECT_EQ(Described(mentions, false), ExpectedWithIndices(test.expected, "screen_name", false));
  } else if (group == "mentions_or_lists_with_indices") {
    EXPECT_EQ(Described(ExtractMentionEntities(test.text), true),
              ExpectedWithIndices(test.expected, "screen_name", true));
  } else if (group == "replies") {
    std::optional<std::string> expected;
    if (test.expected.IsScalar()) expected = test.expected.as<std::string>();
    EXPECT_EQ(ExtractReplyScreenName(test.text), expected);
  } else if (group == "urls" || group == "tco_urls_with_params") {
    EXPECT_EQ(ExtractUrls(test.text), ExpectedList(test.expected));
  } else if (group == "urls_with_indices" || group == "urls_with_directional_markers") {
    EXPECT_EQ(Described(ExtractUrlEntities(test.text), false), ExpectedWithIndices(test.expected, "url", false));
  } else if (group == "hashtags" || group == "hashtags_from_astral") {
    EXPECT_EQ(ExtractHashtags(test.text), ExpectedList(test.expected));
  } else if (group == "hashtags_with_indices") {
    EXPECT_EQ(Described(ExtractHashtagEntities(test.text), false),
              ExpectedWithIndices(test.expected, "hashtag", false));
  } else if (group == "cashtags") {
    EXPECT_EQ(ExtractCashtags(test.text), ExpectedList(test.expected));
  } else if (group == "cashtags_with_indices") {
    EXPECT_EQ(Described(ExtractCashtagEntities(test.text), false),
              ExpectedWithIndices(test.expected, "cashtag", false));
  } else {
    FAIL() << "extract.yml has a test group this suite does not know: " << group;
  }
}

INSTANTIATE_TEST_SUITE_P(TwitterText, ExtractConformance, ::testing::ValuesIn(LoadExtractCases()),
                         [](const ::testing::TestParamInfo<ConformanceCase>& info) {
                           return info.param.group + "_" + std::to_string(info.param.index);
                         });

// tlds.yml: each case is "https://twitter.<tld>" and must come back whole.
void ExpectEveryTldFound(const std::string& group) {
  CROWDLENS_REQUIRE_SHARED_DATA();
  std::string path = ConformancePath("tlds.yml");
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "tlds.yml not found at " << path;
  YAML::Node cases = YAML::LoadFile(path)["tests"][group];
  ASSERT_TRUE(cases.IsSequence());
  size_t passed = 0;
  for (const YAML::Node& test : cases) {
    std::string text = test["text"].as<std::string>();
    std::vector<std::string> expected = ExpectedList(test["expected"]);
    std::vector<std::string> urls = ExtractUrls(text);
    EXPECT_EQ(urls, expected) << test["description"].as<std::string>("");
    passed += urls == expected;
  }
  EXPECT_EQ(passed, cases.size());
}

TEST(TldConformance, EveryCountryDomainIsFound) { ExpectEveryTldFound("country"); }
TEST(TldConformance, EveryGenericDomainIsFound) { ExpectEveryTldFound("generic"); }

TEST(Entities, ExtractEntitiesOrdersKindsAndDropsOverlaps) {
  std::vector<TextEntity> entities = ExtractEntities("RT @bob: #News at example.com/a $ACME");
  ASSERT_EQ(entities.size(), 4u);
  EXPECT_EQ(entities[0].kind, TextEntity::Kind::kMention);
  EXPECT_EQ(Describe(entities[0].text, entities[0].start, entities[0].end), "bob [3,7)");
  EXPECT_EQ(entities[1].kind, TextEntity::Kind::kHashtag);
  EXPECT_EQ(Describe(entities[1].text, entities[1].start, entities[1].end), "News [9,14)");
  EXPECT_EQ(entities[2].kind, TextEntity::Kind::kUrl);
  EXPECT_EQ(Describe(entities[2].text, entities[2].start, entities[2].end), "example.com/a [18,31)");
  EXPECT_EQ(entities[3].kind, TextEntity::Kind::kCashtag);
  EXPECT_EQ(Describe(entities[3].text, entities[3].start, entities[3].end), "ACME [32,37)");

  // A hashtag and a mention inside a URL's path belong to the URL.
  entities = ExtractEntities("see https://example.com/@bob/#tag now");
  ASSERT_EQ(entities.size(), 1u);
  EXPECT_EQ(entities[0].text, "https://example.com/@bob/#tag");
}

TEST(Entities, InvalidUtf8CountsOneCodePointPerBadByte) {
  std::vector<TextEntity> tags = ExtractHashtagEntities("\xff\xfe #ok");
  ASSERT_EQ(tags.size(), 1u);
  EXPECT_EQ(Describe(tags[0].text, tags[0].start, tags[0].end), "ok [3,6)");
  EXPECT_TRUE(ExtractEntities("").empty());
  EXPECT_TRUE(ExtractEntities("#").empty());
  EXPECT_TRUE(ExtractEntities("@").empty());
  EXPECT_TRUE(ExtractEntities("http://").empty());
}

TEST(Entities, LongRunsWithoutSpacesStayCheap) {
  // Retrying every start of a long run would be quadratic (minutes here); the scanners are linear.
  std::string word(200000, 'a');
  EXPECT_EQ(ExtractUrls(word + " example.com"), std::vector<std::string>{"example.com"});
  std::string cjk, labels;
  for (int i = 0; i < 50000; ++i) {
    cjk += "\xe3\x81\x82.";  // "あ."
    labels += "a.";
  }
  EXPECT_TRUE(ExtractUrls(cjk).empty());
  EXPECT_TRUE(ExtractUrls(labels + "com").empty());  // longer than a URL may be (4096)
  EXPECT_EQ(ExtractUrls(labels.substr(0, 2000) + "com").size(), 1u);
  EXPECT_TRUE(ExtractHashtags(std::string(200000, '#')).empty());
}

}  // namespace
}  // namespace crowdlens
