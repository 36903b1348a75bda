// The [reach] table of crowdlens.toml: defaults, overrides per segment, and
// errors that name the line.
#include "store/reach_config.h"

#include <gtest/gtest.h>

#include "test_data.h"

namespace crowdlens {
namespace {

std::string WriteConfig(const std::string& text) {
  const std::string path = testing::MakeTempDir("reach-config") + "/crowdlens.toml";
  testing::WriteFile(path, text);
  return path;
}

TEST(ReachConfig, DefaultsWithoutFileOrTable) {
  Result<ReachConfig> missing = LoadReachConfig(testing::MakeTempDir("reach-config-none") + "/crowdlens.toml");
  ASSERT_TRUE(missing.ok());
  EXPECT_EQ(missing->habit.posts_per_session, 200);
  EXPECT_EQ(missing->habit.sessions_per_day, 2);
  EXPECT_EQ(missing->min_posts_for_rate, 5);
  EXPECT_EQ(missing->min_posts_for_hours, 20);
  EXPECT_EQ(missing->max_window_hours, 24);
  Result<ReachConfig> other = LoadReachConfig(WriteConfig("[audience]\ntarget = \"country = GB\"\n"));
  ASSERT_TRUE(other.ok());
  EXPECT_TRUE(other->segment_habits.empty());
}

TEST(ReachConfig, ValuesAndSegmentOverrides) {
  Result<ReachConfig> config = LoadReachConfig(WriteConfig(
      "[reach]\nposts_per_session = 150\nsessions_per_day = 2.5\nmin_posts_for_hours = 40\nmax_window_hours = 12\n"
      "\n[reach.segments.target]\nsessions_per_day = 4\n\n[reach.segments.uk-press]\nposts_per_session = 400\n"));
  ASSERT_TRUE(config.ok()) << config.status().message();
  EXPECT_EQ(config->habit.posts_per_session, 150);
  EXPECT_EQ(config->habit.sessions_per_day, 2.5);
  EXPECT_EQ(config->min_posts_for_hours, 40);
  EXPECT_EQ(config->max_window_hours, 12);
  ASSERT_EQ(config->segment_habits.size(), 2u);
  // A segment changes only what it names and keeps the workspace's other figure.
  EXPECT_EQ(config->segment_habits["target"].sessions_per_day, 4);
  EXPECT_EQ(config->segment_habits["target"].posts_per_session, 150);
  EXPECT_EQ(config->segment_habits["uk-press"].posts_per_session, 400);
  EXPECT_EQ(config->segment_habits["uk-press"].sessions_per_day, 2.5);
  EXPECT_EQ(config->segment_lines["target"], 7);
}

TEST(ReachConfig, ErrorsNameTheLine) {
  struct Case {
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"[reach]\nposts_per_session = 0\n", "line 2: reach.posts_per_session must be a positive number"},
      {"[reach]\n\nsessions_per_day = \"twice\"\n", "line 3: reach.sessions_per_day must be a positive number"},
      {"[reach]\nsitings = 3\n", "line 2: unknown key reach.sitings"},
      {"[reach]\nmin_posts_for_rate = 2.5\n", "line 2: reach.min_posts_for_rate must be a whole number"},
      {"[reach]\nmax_window_hours = 500\n", "line 2: reach.max_window_hours must be at most 168"},
      {"[reach.segments.target]\nposts = 3\n", "line 2: unknown key reach.segments.target.posts"},
      {"[reach]\nsegments = 3\n", "line 2: reach.segments must hold tables"},
      {"[reach\n", "line 1"},
  };
  for (const Case& test : cases) {
    Result<ReachConfig> config = LoadReachConfig(WriteConfig(test.text));
    ASSERT_FALSE(config.ok()) << test.text;
    EXPECT_EQ(config.status().code(), ErrorCode::kDataError);
    EXPECT_NE(config.status().message().find(test.message), std::string::npos)
        << test.text << " -> " << config.status().message();
    EXPECT_NE(config.status().message().find("crowdlens.toml"), std::string::npos);
  }
}

}  // namespace
}  // namespace crowdlens
