// Inputs the fuzz targets (tests/fuzz/) once crashed on, read as an import
// would read them, with what the readers must make of them. Each input lies
// in tests/fixtures/fuzz-regressions/ (its README says which target found it).
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

#include "ingest/read_all.h"
#include "test_data.h"

namespace crowdlens {
namespace {

using testing::ReadAll;
using testing::TestsPath;

constexpr int64_t kInt64Max = std::numeric_limits<int64_t>::max();
constexpr int64_t kInt64Min = std::numeric_limits<int64_t>::min();

// Counts past what an int64 holds saturate, as unsigned ones past INT64_MAX
// already did; "nan" is no count at all. Casting them was undefined behaviour
// (x86 gave INT64_MIN, a negative follower count).
TEST(FuzzRegressions, CountsPastInt64Saturate) {
  testing::Collected read =
      ReadAll(TestsPath("fixtures/fuzz-regressions/twitter-v1-huge-counts.jsonl"), {}, Format::kTwitterV1);
  ASSERT_TRUE(read.status.ok()) << read.status.message();
  ASSERT_TRUE(read.Quarantined().empty());
  std::vector<Post> posts = read.Posts();
  ASSERT_EQ(posts.size(), 1u);
  EXPECT_EQ(posts[0].metrics.retweets, kInt64Max);   // 1e80
  EXPECT_EQ(posts[0].metrics.quotes, kInt64Min);     // -1e80
  EXPECT_EQ(posts[0].metrics.likes, kInt64Max);      // "1e80"
  EXPECT_EQ(posts[0].metrics.replies, std::nullopt);  // "nan"
  std::vector<Account> accounts = read.Accounts();
  ASSERT_EQ(accounts.size(), 1u);
  EXPECT_EQ(accounts[0].followers_count, kInt64Max);  // 1E80
  EXPECT_EQ(accounts[0].following_count, kInt64Min);  // "-1e80"
  EXPECT_EQ(accounts[0].post_count, 12);              // 12.7: truncated, as before
}

// The input as the fuzzer minimised it: a record cut after `"quote_count":1E80,`,
// quarantined whole (and, under the sanitizers, without undefined behaviour on the way).
TEST(FuzzRegressions, MinimisedQuoteCountInputIsQuarantined) {
  testing::Collected read =
      ReadAll(TestsPath("fixtures/fuzz-regressions/twitter-v1-quote-count-1e80.json"), {}, Format::kTwitterV1);
  ASSERT_TRUE(read.status.ok()) << read.status.message();
  EXPECT_TRUE(read.Posts().empty());
  EXPECT_EQ(read.Quarantined().size(), 1u);
}

}  // namespace
}  // namespace crowdlens
