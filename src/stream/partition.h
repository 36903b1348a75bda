// Where a record goes on the stream and how the stream knows it has seen it.
//
// Partition: a stable hash (64-bit FNV-1a) of (platform, account) mod N, the
// account being a post's author, an account's own id, an edge's source, or
// the DID inside a deleted record's at:// URI. So every record about one
// account lands on one subject, `<prefix>.<partition>`, and stays in order.
//
// Message id (the `Nats-Msg-Id` header): kind, platform, the record's own id
// and a hash of its encoded bytes (for accounts, edges and deletions without
// their observation time, which is the import time when a file has no dates).
// Publishing the same input twice gives the same ids, which the stream's
// duplicate window drops; a record that changed (an edited post, grown
// metrics, a new bio) gets a new id and goes through.
//
//   std::string json = EncodeRecord(record);
//   std::string subject = SubjectFor("crowdlens.posts", PartitionOf(record, 16));
//   std::string id = MessageId(record, json);
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "stream/record_codec.h"

namespace crowdlens::stream {

uint64_t Fnv1a64(std::string_view bytes, uint64_t seed = 14695981039346656037ull);

// The account a record is about, for partitioning.
std::string_view PartitionAccount(const StreamRecord& record);

int PartitionOf(const StreamRecord& record, int partitions);
std::string SubjectFor(std::string_view prefix, int partition);
std::string MessageId(const StreamRecord& record, std::string_view encoded);

}  // namespace crowdlens::stream
