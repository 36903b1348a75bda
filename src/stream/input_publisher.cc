#include "stream/input_publisher.h"

#include "core/input.h"
#include "core/time.h"
#include "ingest/batch_emitter.h"
#include "ingest/read_input.h"

namespace crowdlens::stream {

Result<InputPublishCounts> PublishInputs(StreamPublisher& publisher, const InputPublishOptions& options) {
  Result<std::vector<InputSource>> sources = ExpandInputs(options.paths);
  if (!sources.ok()) return sources.status();
  ReadOptions read = options.read;
  if (read.import_time == 0) read.import_time = NowSeconds();
  InputPublishCounts counts;
  auto sink = [&](Batch&& batch) -> Status {
    counts.accounts += batch.accounts.size();
    counts.posts += batch.posts.size();
    counts.edges += batch.edges.size();
    counts.deletions += batch.deletions.size();
    counts.not_streamed += batch.contacts.size() + batch.owner_hints.size() + batch.snapshots.size();
    // Quarantined records are carried to the worker, which keeps them in the workspace's quarantine.
    counts.quarantined += batch.quarantined.size();
    return publisher.AddBatch(std::move(batch));
  };
  for (const InputSource& source : *sources) {
    Result<InputBuffer> buffer = LoadInput(source);
    if (!buffer.ok()) return buffer.status();
    BatchEmitter emitter(sink);
    ReadReport report;
    CROWDLENS_RETURN_IF_ERROR(ReadInput(source, *buffer, options.forced_format, read, emitter, report,
                                        /*require_known=*/options.forced_format != Format::kUnknown));
    ++(report.skipped ? counts.skipped_inputs : counts.inputs);
  }
  CROWDLENS_RETURN_IF_ERROR(publisher.Flush());
  return counts;
}

}  // namespace crowdlens::stream
