// Watching a replayed stream: window counts against an independent count,
// alerts on the Germanwings burst, bounded memory on a long stream, and the
// follower reading a file that grows.
#include "analyses/watch.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <thread>

#include "analyses/watch_stream.h"
#include "core/input.h"
#include "core/time.h"
#include "test_data.h"

namespace crowdlens {
namespace {

namespace fs = std::filesystem;

// The Germanwings threads of data/sample as one JSON-lines stream: every
// source tweet and reaction file (one v1.1 status each), in file order.
std::string GermanwingsStream(std::vector<std::string>* lines_out = nullptr) {
  std::vector<std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(testing::SamplePath("pheme/en/germanwings-crash"))) {
    std::string path = entry.path().string();
    if (entry.is_regular_file() && path.ends_with(".json") &&
        (path.find("/source-tweets/") != std::string::npos || path.find("/reactions/") != std::string::npos)) {
      files.push_back(path);
    }
  }
  std::sort(files.begin(), files.end());
  std::string stream;
  for (const std::string& file : files) {
    std::ifstream in(file);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::erase(text, '\n');
    if (lines_out) lines_out->push_back(text);
    stream += text + "\n";
  }
  return stream;
}

TEST(WatchTest, ReplayCountsEveryPostInItsWindow) {
  std::string path = testing::MakeTempDir("watch") + "/germanwings.jsonl";
  testing::WriteFile(path, GermanwingsStream());
  Result<std::unique_ptr<Watcher>> watcher =
      Watcher::Create({.queries = {{"crash", "crash OR #germanwings OR germanwings"}}, .window_seconds = 3600});
  ASSERT_TRUE(watcher.ok()) << watcher.status().message();
  PostStream stream({.path = path});
  std::vector<WatchEvent> events;
  std::map<int64_t, int64_t> independent;  // hour -> posts, counted from the posts themselves
  std::set<std::string> ids;
  Status status = stream.Run([&](const Post& post, std::string_view handle) {
    EXPECT_FALSE(handle.empty());
    EXPECT_TRUE(ids.insert(post.platform_id).second) << "passed on twice: " << post.platform_id;
    (*watcher)->Add(post, handle, events);
  });
  ASSERT_TRUE(status.ok()) << status.message();
  (*watcher)->Finish(events);
  EXPECT_EQ(stream.stats().format, Format::kTwitterV1);
  EXPECT_EQ(stream.stats().skipped_lines, 0);
  // Each line is one status: every line gives one post.
  EXPECT_EQ(stream.stats().posts, stream.stats().lines);
  EXPECT_EQ((*watcher)->posts(), stream.stats().posts);
  int64_t windows_total = 0;
  for (const WatchEvent& event : events) {
    if (event.kind == WatchEvent::Kind::kWindow) windows_total += event.count;
  }
  EXPECT_EQ(windows_total, stream.stats().posts);
}

TEST(WatchTest, AlertsWhenTheNewsBreaks) {
  // Posts in time order: quiet reactions first would be out of order, so feed by time.
  std::vector<std::string> lines;
  GermanwingsStream(&lines);
  std::string path = testing::MakeTempDir("watch") + "/sorted.jsonl";
  std::vector<std::pair<int64_t, Post>> posts;
  {
    std::string text;
    for (const std::string& line : lines) text += line + "\n";
    testing::WriteFile(path, text);
  }
  PostStream stream({.path = path});
  ASSERT_TRUE(stream.Run([&](const Post& post, std::string_view) { posts.emplace_back(post.created_at, post); }).ok());
  std::stable_sort(posts.begin(), posts.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  ASSERT_GT(posts.size(), 100u);
  Result<std::unique_ptr<Watcher>> watcher =
      Watcher::Create({.queries = {{"crash", "crash OR #germanwings OR germanwings"}},
                       .window_seconds = 3600,
                       .warmup_windows = 0});
  ASSERT_TRUE(watcher.ok());
  std::vector<WatchEvent> events;
  for (const auto& [time, post] : posts) (*watcher)->Add(post, "someone", events);
  (*watcher)->Finish(events);
  // The first hour with posts is 2015-03-24T10:00Z (the earliest thread), and with
  // no history every count of 5 or more is news: the query alerts in that hour.
  const WatchEvent* first_alert = nullptr;
  for (const WatchEvent& event : events) {
    if (event.kind == WatchEvent::Kind::kQueryAlert && !first_alert) first_alert = &event;
  }
  ASSERT_NE(first_alert, nullptr);
  EXPECT_EQ(first_alert->subject, "crash");
  EXPECT_EQ(first_alert->window_start, *ParseTimestamp("2015-03-24T10:00:00Z"));
  EXPECT_GE(first_alert->count, 5);
}

TEST(WatchTest, MemoryStaysBoundedOnALongStream) {
  // 50,000 posts with ever new words: the sketch, its names and the baselines stay capped.
  Result<std::unique_ptr<Watcher>> watcher =
      Watcher::Create({.window_seconds = 60, .sketch_capacity = 64, .baseline_capacity = 128});
  ASSERT_TRUE(watcher.ok());
  std::vector<WatchEvent> events;
  size_t most_names = 0, most_baselines = 0;
  for (int64_t index = 0; index < 50000; ++index) {
    Post post{.platform_id = std::to_string(index), .created_at = 1400000000 + index,
              .text = "word" + std::to_string(index) + " common term" + std::to_string(index % 300)};
    (*watcher)->Add(post, "someone", events);
    most_names = std::max(most_names, (*watcher)->term_names_held());
    most_baselines = std::max(most_baselines, (*watcher)->baselines_held());
    events.clear();
  }
  EXPECT_LE(most_names, 64u);
  EXPECT_LE(most_baselines, 128u);
  EXPECT_LE((*watcher)->sketch().size(), 64u);
  EXPECT_EQ((*watcher)->posts(), 50000);
}

TEST(WatchTest, FollowsAGrowingFile) {
  std::vector<std::string> lines;
  GermanwingsStream(&lines);
  std::string path = testing::MakeTempDir("watch") + "/growing.jsonl";
  testing::WriteFile(path, lines[0] + "\n");
  std::atomic<bool> stop{false};
  std::atomic<int64_t> seen{0};
  PostStream stream({.path = path, .follow = true, .poll_milliseconds = 20});
  std::thread reader([&] {
    Status status = stream.Run([&](const Post&, std::string_view) { ++seen; }, &stop);
    EXPECT_TRUE(status.ok()) << status.message();
  });
  {
    std::ofstream out(path, std::ios::app);
    // Half a line first: it must wait for the rest.
    out << lines[1].substr(0, 50);
    out.flush();
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    out << lines[1].substr(50) << "\n" << lines[2] << "\n";
  }
  for (int attempt = 0; attempt < 200 && seen.load() < 3; ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  stop = true;
  reader.join();
  EXPECT_EQ(seen.load(), 3);
  EXPECT_EQ(stream.stats().skipped_lines, 0);
}

TEST(WatchTest, UnreadableLinesAreCountedNotFatal) {
  std::vector<std::string> lines;
  GermanwingsStream(&lines);
  std::string path = testing::MakeTempDir("watch") + "/mixed.jsonl";
  testing::WriteFile(path, lines[0] + "\n{not json\n" + lines[1] + "\n");
  PostStream stream({.path = path});
  int64_t posts = 0;
  ASSERT_TRUE(stream.Run([&](const Post&, std::string_view) { ++posts; }).ok());
  EXPECT_EQ(posts, 2);
  EXPECT_EQ(stream.stats().skipped_lines, 1);
}

}  // namespace
}  // namespace crowdlens
