// What every reader target shares: the fuzz bytes become an in-memory input
// (a padded InputBuffer, as LoadInput gives) that ReadInput reads as one
// format, or sniffs, and every batch the reader hands on is checked for what
// the store relies on:
//   - accounts, posts and edges carry their platform and ids (the store's natural keys);
//   - a quarantine entry says why, keeps at most max_raw_bytes, and points inside the input;
//   - the bytes a reader reports consumed never exceed the input.
// Batches are small (7 records) so the emitter's batch boundaries are crossed often.
//
//   extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
//     return crowdlens::fuzz::ReadAsFormat(crowdlens::Format::kVcard, "cards.vcf", data, size);
//   }
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/input.h"
#include "fuzz_check.h"
#include "ingest/batch_emitter.h"
#include "ingest/format.h"
#include "ingest/read_input.h"
#include "ingest/read_options.h"

namespace crowdlens::fuzz {

inline constexpr size_t kFuzzBatchRecords = 7;
inline constexpr size_t kFuzzMaxRawBytes = 256;

inline void CheckBatch(const Batch& batch, size_t input_size) {
  for (const Account& account : batch.accounts) {
    FUZZ_CHECK(!account.platform.empty(), "an account without a platform");
    FUZZ_CHECK(!account.platform_id.empty(), "an account without an id");
  }
  for (const Post& post : batch.posts) {
    FUZZ_CHECK(!post.platform.empty(), "a post without a platform");
    FUZZ_CHECK(!post.platform_id.empty(), "a post without an id");
  }
  for (const Edge& edge : batch.edges) {
    FUZZ_CHECK(!edge.platform.empty(), "an edge without a platform");
    FUZZ_CHECK(!edge.source_id.empty() && !edge.target_id.empty(), "an edge without both ends");
  }
  for (const QuarantineEntry& entry : batch.quarantined) {
    FUZZ_CHECK(!entry.reason.empty(), "a quarantine entry without a reason");
    FUZZ_CHECK(entry.raw.size() <= kFuzzMaxRawBytes, "quarantined bytes past max_raw_bytes");
    FUZZ_CHECK(entry.line >= 0, "a quarantine entry at a negative line");
    FUZZ_CHECK(entry.offset >= 0 && static_cast<uint64_t>(entry.offset) <= input_size,
               "a quarantine entry outside the input");
  }
}

// Reads the bytes as `format` (Format::kUnknown: sniffed from `name` and the bytes).
// `name` is what the input is called; readers that look at names (the X archive, edge lists) see it.
inline int ReadAsFormat(Format format, std::string_view name, const uint8_t* data, size_t size,
                        const ReadOptions& options = {.ids_owner = "fuzz_owner", .import_time = 1700000000}) {
  InputSource source{.name = std::string(name),
                     // A path under no folder that exists: a reader that looks beside its
                     // input (an X archive's account.js) finds nothing, as for a lone file.
                     .path = "/nonexistent-fuzz-input/" + std::string(name),
                     .size_on_disk = size};
  InputBuffer buffer = InputBuffer::FromString(std::string_view(reinterpret_cast<const char*>(data), size));
  uint64_t bytes_consumed = 0;
  BatchEmitter emitter(
      [&](Batch&& batch) {
        CheckBatch(batch, size);
        bytes_consumed += batch.input_bytes;
        return Status::Ok();
      },
      {.batch_records = kFuzzBatchRecords, .max_raw_bytes = kFuzzMaxRawBytes});
  ReadReport report;
  Status status = ReadInput(source, buffer, format, options, emitter, report, /*require_known=*/false);
  if (status.ok()) {
    // A successful read has sent every batch (Finish); what is left behind was never stored.
    FUZZ_CHECK(emitter.batch().record_count() == 0, "records left unsent after a successful read");
  } else {
    FUZZ_CHECK(!status.message().empty(), "an error without a message");
  }
  CheckBatch(emitter.batch(), size);
  FUZZ_CHECK(bytes_consumed + emitter.batch().input_bytes <= size, "more bytes consumed than the input holds");
  if (format != Format::kUnknown && format != Format::kXArchive) {
    FUZZ_CHECK(!report.skipped, "a forced format was skipped");
  }
  return 0;
}

}  // namespace crowdlens::fuzz
