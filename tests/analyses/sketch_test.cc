// Space-Saving against exact counts: on a stream that fits it is exact; on
// real tweet terms its guarantees (Metwally et al. 2005, Lemma 3.4 and
// Theorem 3.5) hold for every item.
#include "analyses/sketch.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <random>
#include <unordered_map>

#include "core/input.h"
#include "test_data.h"
#include "text/tokens.h"

namespace crowdlens {
namespace {

TEST(SpaceSavingTest, ExactWhenEveryKeyFits) {
  SpaceSaving sketch(10);
  std::vector<uint64_t> stream = {1, 2, 2, 3, 3, 3, 4, 4, 4, 4, 2, 1};
  for (uint64_t key : stream) sketch.Add(key);
  ASSERT_EQ(sketch.size(), 4u);
  std::vector<SpaceSaving::Counter> top = sketch.Top(4);
  EXPECT_EQ(top[0].key, 4u);
  EXPECT_EQ(top[0].count, 4u);
  EXPECT_EQ(top[1].key, 3u);
  EXPECT_EQ(top[1].count, 3u);
  EXPECT_EQ(sketch.Find(1)->count, 2u);
  EXPECT_EQ(sketch.Find(2)->count, 3u);
  for (const SpaceSaving::Counter& counter : top) EXPECT_EQ(counter.error, 0u);
  EXPECT_EQ(sketch.Find(99), nullptr);
}

TEST(SpaceSavingTest, EvictionTakesOverTheSmallestCounter) {
  SpaceSaving sketch(2);
  sketch.Add(1);
  sketch.Add(1);
  sketch.Add(2);
  uint64_t evicted = 0;
  EXPECT_TRUE(sketch.Add(3, &evicted));  // 2 (count 1) is the smallest
  EXPECT_EQ(evicted, 2u);
  EXPECT_EQ(sketch.Find(3)->count, 2u);
  EXPECT_EQ(sketch.Find(3)->error, 1u);
  EXPECT_EQ(sketch.Find(2), nullptr);
  EXPECT_EQ(sketch.size(), 2u);
}

// The content terms of the vaccine tweets, in file order, as 64-bit keys.
std::vector<uint64_t> VaccineTermStream(std::unordered_map<uint64_t, std::string>* names) {
  Result<InputBuffer> csv = LoadInput({.name = "vaccine", .path = testing::SamplePath(
                                                              "vaccine/vaccination_tweets.csv.gz")});
  EXPECT_TRUE(csv.ok());
  std::vector<uint64_t> stream;
  for (const std::string& term : text::ExtractTerms(csv->view())) {
    uint64_t key = std::hash<std::string>{}(term);
    if (names) (*names)[key] = term;
    stream.push_back(key);
  }
  return stream;
}

TEST(SpaceSavingTest, GuaranteesHoldOnRealTerms) {
  std::vector<uint64_t> stream = VaccineTermStream(nullptr);
  ASSERT_GT(stream.size(), 50000u);
  std::unordered_map<uint64_t, uint64_t> exact;
  for (uint64_t key : stream) ++exact[key];
  ASSERT_GT(exact.size(), 5000u);  // many more distinct terms than counters
  for (size_t capacity : {100u, 500u, 2000u}) {
    SCOPED_TRACE(capacity);
    SpaceSaving sketch(capacity);
    for (uint64_t key : stream) sketch.Add(key);
    EXPECT_EQ(sketch.size(), capacity);
    EXPECT_EQ(sketch.items_seen(), stream.size());
    uint64_t counted = 0;
    for (const SpaceSaving::Counter& counter : sketch.Top(capacity)) {
      uint64_t truth = exact[counter.key];
      EXPECT_LE(counter.count - counter.error, truth);  // lower bound
      EXPECT_GE(counter.count, truth);                  // upper bound
      counted += counter.count;
    }
    // The counts add up to the stream length (every update adds exactly one).
    EXPECT_EQ(counted, stream.size());
    // Every item more frequent than N / capacity holds a counter.
    uint64_t threshold = stream.size() / capacity;
    for (const auto& [key, truth] : exact) {
      if (truth > threshold) EXPECT_NE(sketch.Find(key), nullptr) << truth;
    }
    // Unheld items are below the smallest counter.
    for (const auto& [key, truth] : exact) {
      if (!sketch.Find(key)) EXPECT_LE(truth, sketch.min_count());
    }
    // Sorted by count, descending.
    std::vector<SpaceSaving::Counter> top = sketch.Top(capacity);
    EXPECT_TRUE(std::is_sorted(top.begin(), top.end(), [](const auto& a, const auto& b) { return a.count > b.count; }));
  }
}

TEST(SpaceSavingTest, TopTenOfRealTermsMatchesExactTopTen) {
  std::unordered_map<uint64_t, std::string> names;
  std::vector<uint64_t> stream = VaccineTermStream(&names);
  std::unordered_map<uint64_t, uint64_t> exact;
  for (uint64_t key : stream) ++exact[key];
  std::vector<std::pair<uint64_t, uint64_t>> sorted(exact.begin(), exact.end());
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  SpaceSaving sketch(1000);
  for (uint64_t key : stream) sketch.Add(key);
  std::vector<SpaceSaving::Counter> top = sketch.Top(10);
  for (size_t rank = 0; rank < 10; ++rank) {
    // The heavy hitters are exact here: their counters were never taken over.
    EXPECT_EQ(top[rank].key, sorted[rank].first) << names[sorted[rank].first];
    EXPECT_EQ(top[rank].count, sorted[rank].second);
  }
}

TEST(SpaceSavingTest, ClearForgetsAndReusesMemory) {
  SpaceSaving sketch(3);
  for (uint64_t key = 0; key < 100; ++key) sketch.Add(key % 7);
  sketch.Clear();
  EXPECT_EQ(sketch.size(), 0u);
  EXPECT_EQ(sketch.Find(1), nullptr);
  sketch.Add(5);
  EXPECT_EQ(sketch.Find(5)->count, 1u);
}

}  // namespace
}  // namespace crowdlens
