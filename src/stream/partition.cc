#include "stream/partition.h"

#include <fmt/format.h>

#include <type_traits>

namespace crowdlens::stream {
namespace {

// A quarantined record has no platform: it is partitioned by the input it came from.
std::string_view PlatformOf(const StreamRecord& record) {
  return std::visit(
      [](const auto& value) -> std::string_view {
        if constexpr (std::is_same_v<std::decay_t<decltype(value)>, QuarantineEntry>) {
          return "quarantine";
        } else {
          return value.platform;
        }
      },
      record);
}

}  // namespace

uint64_t Fnv1a64(std::string_view bytes, uint64_t seed) {
  uint64_t hash = seed;
  for (unsigned char byte : bytes) {
    hash ^= byte;
    hash *= 1099511628211ull;
  }
  return hash;
}

std::string_view PartitionAccount(const StreamRecord& record) {
  if (const Post* post = std::get_if<Post>(&record)) return post->author_id;
  if (const Account* account = std::get_if<Account>(&record)) return account->platform_id;
  if (const Edge* edge = std::get_if<Edge>(&record)) return edge->source_id;
  if (const QuarantineEntry* entry = std::get_if<QuarantineEntry>(&record)) return entry->source;
  // A deleted Bluesky record's URI is at://<did>/<collection>/<rkey>: its author's DID.
  std::string_view id = std::get<Deletion>(record).id;
  if (id.starts_with("at://")) {
    id.remove_prefix(5);
    return id.substr(0, id.find('/'));
  }
  return id;
}

int PartitionOf(const StreamRecord& record, int partitions) {
  if (partitions <= 1) return 0;
  uint64_t hash = Fnv1a64(PlatformOf(record));
  hash = Fnv1a64(std::string_view("\0", 1), hash);
  hash = Fnv1a64(PartitionAccount(record), hash);
  return static_cast<int>(hash % static_cast<uint64_t>(partitions));
}

std::string SubjectFor(std::string_view prefix, int partition) { return fmt::format("{}.{}", prefix, partition); }

std::string MessageId(const StreamRecord& record, std::string_view encoded) {
  std::string_view kind;
  std::string_view own_id;
  if (const Post* post = std::get_if<Post>(&record)) {
    kind = "p";
    own_id = post->platform_id;
  } else if (const Account* account = std::get_if<Account>(&record)) {
    kind = "a";
    own_id = account->platform_id;
  } else if (const Edge* edge = std::get_if<Edge>(&record)) {
    kind = "e";
    own_id = edge->source_id;
  } else if (const Deletion* deletion = std::get_if<Deletion>(&record)) {
    kind = "d";
    own_id = deletion->id;
  } else {
    kind = "q";
    own_id = std::get<QuarantineEntry>(record).source;
  }
  // An account, edge or deletion read from a file without dates is observed at the import time;
  // that time is left out of the hash, so publishing the same file again gives the same ids.
  uint64_t content_hash = 0;
  if (std::holds_alternative<Post>(record) || std::holds_alternative<QuarantineEntry>(record)) {
    content_hash = Fnv1a64(encoded);
  } else {
    StreamRecord undated = record;
    std::visit(
        [](auto& value) {
          if constexpr (requires { value.observed_at; }) value.observed_at = 0;
        },
        undated);
    content_hash = Fnv1a64(EncodeRecord(undated));
  }
  return fmt::format("{}:{}:{}:{:016x}", kind, PlatformOf(record), own_id, content_hash);
}

}  // namespace crowdlens::stream
