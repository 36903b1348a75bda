#include "analyses/audience_rule.h"

#include <gtest/gtest.h>

namespace crowdlens {
namespace {

AccountSegments Segments(std::string country, std::vector<std::string> topics, std::vector<std::string> roles) {
  AccountSegments segments;
  segments.country = std::move(country);
  for (std::string& topic : topics) segments.topics.push_back({.name = topic, .score = 1});
  for (std::string& role : roles) segments.roles.push_back({.name = role, .score = 1});
  return segments;
}

bool Matches(const AudienceRule& rule, const AccountSegments& segments, int64_t followers = 0) {
  return rule.Matches({.segments = &segments, .followers = followers});
}

constexpr const char* kTarget =
    "(country = GB and topic in [contact-centres, social-media] and not role in [supplier, competitor]) "
    "or role = journalist";

TEST(AudienceRule, TheTargetRuleOfTheConfigExample) {
  Result<AudienceRule> rule = AudienceRule::Parse(kTarget);
  ASSERT_TRUE(rule.ok()) << rule.status().message();
  EXPECT_TRUE(Matches(*rule, Segments("GB", {"contact-centres"}, {})));
  EXPECT_TRUE(Matches(*rule, Segments("gb", {"social-media", "cats"}, {"decision-maker"})));
  EXPECT_FALSE(Matches(*rule, Segments("GB", {"contact-centres"}, {"supplier"})));  // excluded role
  EXPECT_FALSE(Matches(*rule, Segments("US", {"contact-centres"}, {})));            // wrong country
  EXPECT_FALSE(Matches(*rule, Segments("GB", {"cats"}, {})));                       // off topic
  EXPECT_TRUE(Matches(*rule, Segments("", {}, {"journalist"})));                    // the other branch
  EXPECT_FALSE(Matches(*rule, Segments("", {}, {})));
}

TEST(AudienceRule, UkMeansGbAndKeywordsIgnoreCase) {
  Result<AudienceRule> rule = AudienceRule::Parse("Country = UK AND NOT Role = Spam");
  ASSERT_TRUE(rule.ok()) << rule.status().message();
  EXPECT_TRUE(Matches(*rule, Segments("GB", {}, {})));
  EXPECT_FALSE(Matches(*rule, Segments("GB", {}, {"spam"})));
}

TEST(AudienceRule, CountsCompareAndNotInNegates) {
  Result<AudienceRule> rule = AudienceRule::Parse("followers >= 1000 and country not in [US, \"FR\"]");
  ASSERT_TRUE(rule.ok()) << rule.status().message();
  EXPECT_TRUE(Matches(*rule, Segments("GB", {}, {}), 1000));
  EXPECT_FALSE(Matches(*rule, Segments("GB", {}, {}), 999));
  EXPECT_FALSE(Matches(*rule, Segments("fr", {}, {}), 5000));
}

TEST(AudienceRule, AndBindsTighterThanOr) {
  // a or b and c  ==  a or (b and c)
  Result<AudienceRule> rule = AudienceRule::Parse("role = a or role = b and role = c");
  ASSERT_TRUE(rule.ok());
  EXPECT_TRUE(Matches(*rule, Segments("", {}, {"a"})));
  EXPECT_FALSE(Matches(*rule, Segments("", {}, {"b"})));
  EXPECT_TRUE(Matches(*rule, Segments("", {}, {"b", "c"})));
}

TEST(AudienceRule, NamedSegmentsAreEmbedded) {
  std::map<std::string, AudienceRule> named;
  named.emplace("uk-press", AudienceRule::Parse("country = GB and role = journalist").value());
  Result<AudienceRule> rule = AudienceRule::Parse("segment = uk-press or topic = cats", named);
  ASSERT_TRUE(rule.ok()) << rule.status().message();
  EXPECT_TRUE(Matches(*rule, Segments("GB", {}, {"journalist"})));
  EXPECT_FALSE(Matches(*rule, Segments("US", {}, {"journalist"})));
  Result<AudienceRule> missing = AudienceRule::Parse("segment = nope", named);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("no segment named 'nope' (defined: uk-press)"), std::string::npos)
      << missing.status().message();
}

struct BadRule {
  const char* text;
  const char* message;
};

TEST(AudienceRule, BadRulesNameThePositionAndTheExpectedToken) {
  const BadRule cases[] = {
      {"country = ", "position 11: expected a value, found the end of the rule"},
      {"country GB", "position 9: expected '=', '!=' or 'in', found 'GB'"},
      {"(country = GB", "position 14: expected ')', found the end of the rule"},
      {"colour = red", "position 1: expected a field"},
      {"topic in [a, b", "position 15: expected ',' or ']'"},
      {"followers >= many", "position 14: expected a number, found 'many'"},
      {"country = GB or", "position 16: expected a field"},
      {"country = GB topic = x", "position 14: expected 'and', 'or' or the end of the rule, found 'topic'"},
      {"country < GB", "position 9: expected '=' or '!='"},
      {"country = \"GB", "position 11: a quoted value is not closed"},
      {"role ! x", "position 6: expected != after !"},
  };
  for (const BadRule& bad : cases) {
    Result<AudienceRule> rule = AudienceRule::Parse(bad.text);
    ASSERT_FALSE(rule.ok()) << bad.text;
    EXPECT_EQ(rule.status().code(), ErrorCode::kInvalidArgument);
    EXPECT_NE(rule.status().message().find(bad.message), std::string::npos)
        << bad.text << " -> " << rule.status().message();
  }
}

}  // namespace
}  // namespace crowdlens
