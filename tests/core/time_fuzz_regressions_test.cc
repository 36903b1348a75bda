// Timestamps the fuzz target tests/fuzz/fuzz_timestamp.cc once broke an
// invariant on (tests/fixtures/fuzz-regressions/, README there): a date that
// does not exist must be refused, not moved into the next month.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/time.h"
#include "test_data.h"

namespace crowdlens {
namespace {

std::string ReadFixture(const std::string& name) {
  std::ifstream in(testing::TestsPath("fixtures/fuzz-regressions/" + name), std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// "2021-04-31T15:00:00Z" parsed as 2021-05-01T15:00:00Z.
TEST(TimeFuzzRegressions, ThirtyFirstOfAprilIsRefused) {
  std::string text = ReadFixture("timestamp-31-april.txt");
  ASSERT_EQ(text, "2021-04-31T15:00:00Z");
  EXPECT_EQ(ParseTimestamp(text), std::nullopt);
  EXPECT_EQ(ParseTimestamp("Sat Apr 31 15:00:00 +0000 2021"), std::nullopt);
  // The last real day of the month still parses: 2021-04-30 is day 18747 since 1970.
  EXPECT_EQ(ParseTimestamp("2021-04-30T15:00:00Z"), 18747 * 86400 + 15 * 3600);
}

// 29 February exists in leap years only: every fourth year, but not 2100, yet 2000.
TEST(TimeFuzzRegressions, TwentyNinthOfFebruaryOnlyInLeapYears) {
  EXPECT_EQ(ParseTimestamp("2023-02-29"), std::nullopt);
  EXPECT_EQ(ParseTimestamp("2100-02-29"), std::nullopt);
  EXPECT_EQ(ParseTimestamp("2024-02-30"), std::nullopt);
  // 2024-02-29 is day 19782 since 1970; 2000-02-29 is day 11016.
  EXPECT_EQ(ParseTimestamp("2024-02-29"), 19782 * 86400);
  EXPECT_EQ(ParseTimestamp("2000-02-29T00:00:00Z"), 11016 * 86400);
}

}  // namespace
}  // namespace crowdlens
