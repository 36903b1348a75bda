#include "ingest/batch_emitter.h"

namespace crowdlens {

BatchEmitter::BatchEmitter(BatchSink sink, EmitterOptions options) : sink_(std::move(sink)), options_(options) {}

void BatchEmitter::Quarantine(std::string_view source, int64_t line, int64_t offset, std::string reason,
                              std::string_view raw) {
  if (raw.size() > options_.max_raw_bytes) raw = raw.substr(0, options_.max_raw_bytes);
  batch_.quarantined.push_back(QuarantineEntry{
      .source = std::string(source), .line = line, .offset = offset, .reason = std::move(reason), .raw = std::string(raw)});
  ++quarantined_;
}

Status BatchEmitter::Progress(uint64_t offset) {
  if (offset > last_offset_) {
    batch_.input_bytes += offset - last_offset_;
    last_offset_ = offset;
  }
  if (batch_.record_count() >= options_.batch_records) return Send();
  return Status::Ok();
}

Status BatchEmitter::Finish() {
  if (batch_.empty()) return Status::Ok();
  return Send();
}

Status BatchEmitter::Send() {
  records_emitted_ += batch_.accounts.size() + batch_.posts.size() + batch_.edges.size() + batch_.contacts.size() +
                      batch_.deletions.size();
  Batch full = std::move(batch_);
  batch_ = Batch{};
  return sink_(std::move(full));
}

RecordScope::RecordScope(BatchEmitter& emitter)
    : batch_(emitter.batch_),
      accounts_(batch_.accounts.size()),
      posts_(batch_.posts.size()),
      edges_(batch_.edges.size()),
      contacts_(batch_.contacts.size()),
      deletions_(batch_.deletions.size()),
      owner_hints_(batch_.owner_hints.size()) {}

RecordScope::~RecordScope() {
  if (committed_) return;
  batch_.accounts.resize(accounts_);
  batch_.posts.resize(posts_);
  batch_.edges.resize(edges_);
  batch_.contacts.resize(contacts_);
  batch_.deletions.resize(deletions_);
  batch_.owner_hints.resize(owner_hints_);
}

}  // namespace crowdlens
