#include "analyses/sketch.h"

#include <algorithm>
#include <bit>

namespace crowdlens {
namespace {

// splitmix64's finaliser: keys may be small integers, slots need spread bits.
inline uint64_t Mix(uint64_t key) {
  key ^= key >> 30;
  key *= 0xbf58476d1ce4e5b9ULL;
  key ^= key >> 27;
  key *= 0x94d049bb133111ebULL;
  return key ^ (key >> 31);
}

}  // namespace

SpaceSaving::SpaceSaving(size_t capacity) : capacity_(std::max<size_t>(capacity, 1)) {
  counters_.resize(capacity_);
  bucket_of_.resize(capacity_);
  slot_of_.resize(capacity_);
  buckets_.reserve(capacity_);
  // At most half full, so probes stay short.
  size_t slots = std::bit_ceil(capacity_ * 2);
  table_.assign(slots, kEmpty);
  table_mask_ = slots - 1;
}

void SpaceSaving::Clear() {
  size_ = 0;
  items_seen_ = 0;
  buckets_.clear();
  free_buckets_.clear();
  std::fill(table_.begin(), table_.end(), kEmpty);
}

size_t SpaceSaving::FindSlot(uint64_t key) const {
  size_t slot = Mix(key) & table_mask_;
  while (table_[slot] != kEmpty && counters_[table_[slot]].key != key) slot = (slot + 1) & table_mask_;
  return slot;
}

void SpaceSaving::EraseSlot(size_t slot) {
  // Backward-shift deletion keeps every probe sequence unbroken without tombstones.
  size_t hole = slot;
  size_t next = (hole + 1) & table_mask_;
  while (table_[next] != kEmpty) {
    size_t home = Mix(counters_[table_[next]].key) & table_mask_;
    // Move `next` into the hole when its home is not in (hole, next].
    bool home_between = hole <= next ? (home > hole && home <= next) : (home > hole || home <= next);
    if (!home_between) {
      table_[hole] = table_[next];
      slot_of_[table_[hole]] = static_cast<uint32_t>(hole);
      hole = next;
    }
    next = (next + 1) & table_mask_;
  }
  table_[hole] = kEmpty;
}

void SpaceSaving::SwapPositions(uint32_t a, uint32_t b) {
  if (a == b) return;
  std::swap(counters_[a], counters_[b]);
  std::swap(slot_of_[a], slot_of_[b]);
  table_[slot_of_[a]] = a;
  table_[slot_of_[b]] = b;
  // Both positions stay in their buckets: callers swap only within one bucket.
}

uint32_t SpaceSaving::NewBucket(uint64_t count, uint32_t position) {
  uint32_t id;
  if (!free_buckets_.empty()) {
    id = free_buckets_.back();
    free_buckets_.pop_back();
    buckets_[id] = {.count = count, .first = position, .last = position};
  } else {
    id = static_cast<uint32_t>(buckets_.size());
    buckets_.push_back({.count = count, .first = position, .last = position});
  }
  return id;
}

void SpaceSaving::Increment(uint32_t position) {
  uint32_t bucket_id = bucket_of_[position];
  Bucket& bucket = buckets_[bucket_id];
  uint32_t first = bucket.first;
  // Move the counter to the front of its bucket, then hand that slot to the bucket above.
  SwapPositions(position, first);
  uint64_t count = ++counters_[first].count;
  if (bucket.first == bucket.last) {
    free_buckets_.push_back(bucket_id);
  } else {
    ++bucket.first;
  }
  if (first > 0 && buckets_[bucket_of_[first - 1]].count == count) {
    uint32_t above = bucket_of_[first - 1];
    buckets_[above].last = first;
    bucket_of_[first] = above;
  } else {
    bucket_of_[first] = NewBucket(count, first);
  }
}

bool SpaceSaving::Add(uint64_t key, uint64_t* evicted) {
  ++items_seen_;
  size_t slot = FindSlot(key);
  if (table_[slot] != kEmpty) {
    Increment(table_[slot]);
    return false;
  }
  if (size_ < capacity_) {
    // A new counter of count 0 at the end (the smallest place), then counted once.
    uint32_t position = static_cast<uint32_t>(size_++);
    counters_[position] = {.key = key, .count = 0, .error = 0};
    table_[slot] = position;
    slot_of_[position] = static_cast<uint32_t>(slot);
    if (position > 0 && buckets_[bucket_of_[position - 1]].count == 0) {
      buckets_[bucket_of_[position - 1]].last = position;
      bucket_of_[position] = bucket_of_[position - 1];
    } else {
      bucket_of_[position] = NewBucket(0, position);
    }
    Increment(position);
    return false;
  }
  // Full: the last counter has the smallest count; the new key takes it over.
  uint32_t victim = static_cast<uint32_t>(size_ - 1);
  if (evicted) *evicted = counters_[victim].key;
  EraseSlot(slot_of_[victim]);
  slot = FindSlot(key);
  counters_[victim].key = key;
  counters_[victim].error = counters_[victim].count;
  table_[slot] = victim;
  slot_of_[victim] = static_cast<uint32_t>(slot);
  Increment(victim);
  return true;
}

const SpaceSaving::Counter* SpaceSaving::Find(uint64_t key) const {
  size_t slot = FindSlot(key);
  return table_[slot] == kEmpty ? nullptr : &counters_[table_[slot]];
}

std::vector<SpaceSaving::Counter> SpaceSaving::Top(size_t k) const {
  size_t count = std::min(k, size_);
  return std::vector<Counter>(counters_.begin(), counters_.begin() + static_cast<long>(count));
}

uint64_t SpaceSaving::min_count() const { return size_ < capacity_ || size_ == 0 ? 0 : counters_[size_ - 1].count; }

}  // namespace crowdlens
