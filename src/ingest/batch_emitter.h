// BatchEmitter: where readers put the records they produce.
//
// It fills a Batch and hands it to the sink (the store, a test, a benchmark)
// every `batch_records` records, so a reader never holds a whole file's
// records and the store commits in bounded transactions. A RecordScope undoes
// a half-built record when reading it fails, so a bad record leaves nothing
// behind but its quarantine entry.
//
//   BatchEmitter emitter(sink, {.batch_records = 20000});
//   { RecordScope scope(emitter); ...emitter.batch().posts.push_back(...); scope.Commit(); }
//   emitter.Quarantine({.source = name, .line = 12, .reason = "..."});
//   return emitter.Finish();
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>

#include "core/status.h"
#include "model/batch.h"

namespace crowdlens {

// Receives each full batch; a failed Status stops the reader.
using BatchSink = std::function<Status(Batch&&)>;

struct EmitterOptions {
  size_t batch_records = 20000;
  size_t max_raw_bytes = 4096;  // quarantined record bytes are cut to this
};

class BatchEmitter {
 public:
  BatchEmitter(BatchSink sink, EmitterOptions options = {});

  Batch& batch() { return batch_; }

  // Records a bad record; `raw` is cut to max_raw_bytes.
  void Quarantine(std::string_view source, int64_t line, int64_t offset, std::string reason, std::string_view raw);

  // Notes that the reader has consumed input up to `offset` bytes (for progress)
  // and sends the batch when it is full.
  Status Progress(uint64_t offset);

  // Sends whatever is left.
  Status Finish();

  uint64_t records_emitted() const { return records_emitted_; }
  uint64_t quarantined() const { return quarantined_; }

 private:
  friend class RecordScope;
  Status Send();

  BatchSink sink_;
  EmitterOptions options_;
  Batch batch_;
  uint64_t last_offset_ = 0;
  uint64_t records_emitted_ = 0;
  uint64_t quarantined_ = 0;
};

// Remembers the batch's size on entry; unless Commit() is called, the records
// added since are removed when the scope ends.
class RecordScope {
 public:
  explicit RecordScope(BatchEmitter& emitter);
  ~RecordScope();
  void Commit() { committed_ = true; }

 private:
  Batch& batch_;
  size_t accounts_, posts_, edges_, contacts_, deletions_, owner_hints_;
  bool committed_ = false;
};

}  // namespace crowdlens
