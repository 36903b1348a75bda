// Heavy hitters in bounded memory: the Space-Saving algorithm (A. Metwally,
// D. Agrawal, A. El Abbadi, "Efficient Computation of Frequent and Top-k
// Elements in Data Streams", ICDT 2005).
//
// It keeps `capacity` counters. A new item takes over the counter with the
// smallest count c and starts at c + 1, remembering c as its possible
// overestimate. Every item whose true count exceeds N / capacity (N items
// seen) holds a counter, and for every counter
//   count - error <= true count <= count.
// The counters live in the paper's Stream-Summary layout, here as one array
// sorted by count with buckets of equal counts, so an update is O(1): a hash
// lookup, one swap and a bucket boundary move.
//
//   SpaceSaving sketch(1000);
//   for (uint64_t key : stream) sketch.Add(key);
//   for (const SpaceSaving::Counter& c : sketch.Top(10)) ... c.key, c.count, c.error ...
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace crowdlens {

class SpaceSaving {
 public:
  struct Counter {
    uint64_t key = 0;
    uint64_t count = 0;  // an upper bound of the key's true count
    uint64_t error = 0;  // count - error is a lower bound
  };

  explicit SpaceSaving(size_t capacity);

  // Counts one occurrence of `key`. When the key took over another key's
  // counter, that key is written to `evicted` (if given) and true returned.
  bool Add(uint64_t key, uint64_t* evicted = nullptr);

  // The counter of `key`, or nullptr when it holds none (its count is then at most min_count()).
  const Counter* Find(uint64_t key) const;
  // The `k` largest counters, by count descending.
  std::vector<Counter> Top(size_t k) const;
  // The smallest count held (0 while counters are free): the bound on any unheld key's count.
  uint64_t min_count() const;

  size_t size() const { return size_; }
  size_t capacity() const { return capacity_; }
  uint64_t items_seen() const { return items_seen_; }
  // Forgets everything (keeps the memory).
  void Clear();

 private:
  static constexpr uint32_t kEmpty = 0xFFFFFFFF;

  struct Bucket {
    uint64_t count = 0;
    uint32_t first = 0;  // positions [first, last] in counters_ hold this count
    uint32_t last = 0;
  };

  // The table slot of `key`, or of the empty slot where it would go.
  size_t FindSlot(uint64_t key) const;
  void EraseSlot(size_t slot);
  // Swaps two positions of counters_, keeping the table pointing at them.
  void SwapPositions(uint32_t a, uint32_t b);
  // Adds one to the counter at `position`, keeping counters_ sorted by count descending.
  void Increment(uint32_t position);
  uint32_t NewBucket(uint64_t count, uint32_t position);

  size_t capacity_;
  size_t size_ = 0;
  uint64_t items_seen_ = 0;
  // Sorted by count, largest first: the smallest counter is always the last one.
  std::vector<Counter> counters_;
  std::vector<uint32_t> bucket_of_;      // per position
  std::vector<uint32_t> slot_of_;        // per position: its slot in the table
  std::vector<Bucket> buckets_;
  std::vector<uint32_t> free_buckets_;
  // Open addressing, linear probing: slot -> position in counters_ (kEmpty when free).
  std::vector<uint32_t> table_;
  size_t table_mask_ = 0;
};

}  // namespace crowdlens
