#include "core/time.h"

#include <gtest/gtest.h>

namespace crowdlens {
namespace {

// Expected values from: date -u -d '2008-08-27 13:08:45' +%s  (and so on)
TEST(ParseTimestamp, TwitterClassic) {
  EXPECT_EQ(ParseTimestamp("Wed Aug 27 13:08:45 +0000 2008"), 1219842525);
  EXPECT_EQ(ParseTimestamp("Wed Aug 27 15:08:45 +0200 2008"), 1219842525);
  EXPECT_EQ(ParseTimestamp("Wed Aug 27 13:08:45 -0130 2008"), 1219842525 + 5400);
}

TEST(ParseTimestamp, Iso8601) {
  EXPECT_EQ(ParseTimestamp("2021-04-08T15:00:00.000Z"), 1617894000);
  EXPECT_EQ(ParseTimestamp("2021-04-08T17:00:00+02:00"), 1617894000);
  EXPECT_EQ(ParseTimestamp("2021-04-08 15:00:00"), 1617894000);
  EXPECT_EQ(ParseTimestamp("2021-04-08"), 1617840000);
}

TEST(ParseTimestamp, Epoch) {
  EXPECT_EQ(ParseTimestamp("1617894000"), 1617894000);
  EXPECT_EQ(ParseTimestamp("1617894000123"), 1617894000);
}

TEST(ParseTimestamp, RejectsNonsense) {
  EXPECT_FALSE(ParseTimestamp(""));
  EXPECT_FALSE(ParseTimestamp("yesterday"));
  EXPECT_FALSE(ParseTimestamp("2021-13-08T15:00:00Z"));
  EXPECT_FALSE(ParseTimestamp("Wed Foo 27 13:08:45 +0000 2008"));
}

TEST(FormatTimestamp, RoundTrips) {
  EXPECT_EQ(FormatTimestamp(1617894000), "2021-04-08T15:00:00Z");
  EXPECT_EQ(FormatTimestamp(0), "1970-01-01T00:00:00Z");
  for (int64_t t : {951782400LL, 1709164800LL, 4102444799LL}) {  // leap days and 2099-12-31
    EXPECT_EQ(ParseTimestamp(FormatTimestamp(t)), t);
  }
}

}  // namespace
}  // namespace crowdlens
