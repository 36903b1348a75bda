// Files into the stream: every input a user names is read by the import
// readers (ingest/read_input.h, format sniffed or forced) and each record
// published (StreamPublisher), then flushed so all are acknowledged.
// Contacts, owner hints and follow snapshots stay with `crowdlens import`:
// they describe one user's workspace, not a shared stream, and are counted as
// not streamed; records the readers quarantine are published as such, so the
// worker keeps them in the workspace's quarantine with their reasons.
//
//   Result<InputPublishCounts> counts = PublishInputs(publisher, {.paths = {"data/sample"}});
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ingest/format.h"
#include "ingest/read_options.h"
#include "stream/stream_publisher.h"

namespace crowdlens::stream {

struct InputPublishOptions {
  std::vector<std::string> paths;
  Format forced_format = Format::kUnknown;
  ReadOptions read;
};

struct InputPublishCounts {
  uint64_t inputs = 0;
  uint64_t skipped_inputs = 0;  // not social data
  uint64_t posts = 0, accounts = 0, edges = 0, deletions = 0;
  uint64_t not_streamed = 0;  // contacts, owner hints, follow snapshots
  uint64_t quarantined = 0;
};

// Fails on the first input that cannot be read or a chunk the stream did not take.
Result<InputPublishCounts> PublishInputs(StreamPublisher& publisher, const InputPublishOptions& options);

}  // namespace crowdlens::stream
