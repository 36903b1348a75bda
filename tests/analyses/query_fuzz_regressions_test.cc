// Listening queries the fuzz target tests/fuzz/fuzz_query.cc once broke an
// invariant on (tests/fixtures/fuzz-regressions/, README there): the canonical
// form (DescribeQuery, which `listen` reports) must parse back to itself.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "analyses/query.h"
#include "test_data.h"
#include "text/tokens.h"

namespace crowdlens {
namespace {

std::string ReadFixture(const std::string& name) {
  std::ifstream in(testing::TestsPath("fixtures/fuzz-regressions/" + name), std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A field value written "quoted" (it holds a space) was described bare, so the
// canonical form `segment:young parents` read as segment:young AND parents.
TEST(QueryFuzzRegressions, QuotedFieldValueStaysQuotedInCanonicalForm) {
  std::string text = ReadFixture("query-quoted-field-value.txt");
  ASSERT_FALSE(text.empty());
  Result<Query> query = ParseQuery(text);
  ASSERT_TRUE(query.ok()) << query.status().message();
  std::string canonical = DescribeQuery(query->root);
  EXPECT_EQ(canonical,
            "(from:bbcbreaking AND lang:en AND country:GB AND segment:\"young parents\" AND "
            "(vaccine OR \"booster shot\"))");
  Result<Query> reparsed = ParseQuery(canonical);
  ASSERT_TRUE(reparsed.ok()) << reparsed.status().message();
  EXPECT_EQ(DescribeQuery(reparsed->root), canonical);
}

// A phrase holding an invalid byte: the parser normalises it to U+FFFD, and the
// normaliser then read that U+FFFD (EF BF BD) as three invalid bytes, so each
// parse of the canonical form tripled it.
TEST(QueryFuzzRegressions, ReplacementCharacterNormalisesToItself) {
  std::string text = ReadFixture("query-invalid-utf8-phrase.txt");
  ASSERT_EQ(text, "\"seco\x95" "d* dose\" OR \"first d?ose\"");
  Result<Query> query = ParseQuery(text);
  ASSERT_TRUE(query.ok()) << query.status().message();
  std::string canonical = DescribeQuery(query->root);
  EXPECT_EQ(canonical, "(\"seco\xEF\xBF\xBD" "d* dose\" OR \"first d?ose\")");
  Result<Query> reparsed = ParseQuery(canonical);
  ASSERT_TRUE(reparsed.ok()) << reparsed.status().message();
  EXPECT_EQ(DescribeQuery(reparsed->root), canonical);

  std::string normal;
  text::NormaliseForMatching("caf\xEF\xBF\xBD  OK", normal);
  EXPECT_EQ(normal, "caf\xEF\xBF\xBD ok");
}

// "from:@" left an empty handle once the '@' was dropped: a field with no
// value, matching posts whose author has no handle. It is an error naming the '@'.
TEST(QueryFuzzRegressions, FromWithOnlyAnAtSignIsAnError) {
  std::string text = ReadFixture("query-from-at-sign-alone.txt");
  ASSERT_EQ(text, "refund from:@ lang:en");
  Result<Query> query = ParseQuery(text);
  ASSERT_FALSE(query.ok()) << DescribeQuery(query->root);
  EXPECT_NE(query.status().message().find("query error at column 13: expected a handle after from:@"),
            std::string::npos)
      << query.status().message();
  ASSERT_TRUE(ParseQuery("refund from:@acme").ok());
}

// "from:@@BBCBreaking" kept one '@' in its handle, described as from:@bbcbreaking,
// which parsed to from:bbcbreaking: every leading '@' is dropped now.
TEST(QueryFuzzRegressions, FromWithTwoAtSignsNamesTheHandle) {
  std::string text = ReadFixture("query-from-double-at-sign.txt");
  ASSERT_EQ(text, "refund from:@@BBCBreaking");
  Result<Query> query = ParseQuery(text);
  ASSERT_TRUE(query.ok()) << query.status().message();
  std::string canonical = DescribeQuery(query->root);
  EXPECT_EQ(canonical, "(refund AND from:bbcbreaking)");
  Result<Query> reparsed = ParseQuery(canonical);
  ASSERT_TRUE(reparsed.ok()) << reparsed.status().message();
  EXPECT_EQ(DescribeQuery(reparsed->root), canonical);
  EXPECT_FALSE(ParseQuery("from:@@").ok());
}

}  // namespace
}  // namespace crowdlens
