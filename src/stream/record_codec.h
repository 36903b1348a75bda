// The stream's wire format: one model record (a post, an account, an edge, a
// deletion, or a record the reader quarantined) as one compact JSON object, so any reader's output can travel
// through NATS JetStream and be written by a worker exactly as `import`
// would write it.
//
// Keys are short ("k" names the kind: "p" post, "a" account, "e" edge, "d"
// deletion, "q" quarantined: a record the publisher's reader could not read,
// carried to the worker so it lands in the workspace's quarantine with its
// reason, as `import` would keep it); optional fields are left out when empty, so a round trip gives
// back an equal record. Decoding checks every field's type and says which
// one is wrong.
//
//   std::string json = EncodeRecord(StreamRecord{post});
//   Result<StreamRecord> record = DecodeRecord(json);
//   AppendToBatch(std::move(*record), batch);
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "core/status.h"
#include "model/batch.h"

namespace crowdlens::stream {

using StreamRecord = std::variant<Post, Account, Edge, Deletion, QuarantineEntry>;

std::string EncodeRecord(const StreamRecord& record);
Result<StreamRecord> DecodeRecord(std::string_view json);

// Moves the record into the batch's list of its kind.
void AppendToBatch(StreamRecord&& record, Batch& batch);

}  // namespace crowdlens::stream
