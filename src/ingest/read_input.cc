#include "ingest/read_input.h"

#include "ingest/bluesky_reader.h"
#include "ingest/cassette_reader.h"
#include "ingest/congress_network_reader.h"
#include "ingest/contacts_csv_reader.h"
#include "ingest/edge_list_reader.h"
#include "ingest/mastodon_reader.h"
#include "ingest/tweet_csv_reader.h"
#include "ingest/sniff.h"
#include "ingest/twitter_v1_reader.h"
#include "ingest/twitter_v2_reader.h"
#include "ingest/vcard_reader.h"
#include "ingest/x_archive_reader.h"

namespace crowdlens {
namespace {

// Enough bytes to see a format's telling fields.
constexpr size_t kSniffBytes = 16384;

}  // namespace

Status ReadInput(const InputSource& source, const InputBuffer& buffer, Format forced, const ReadOptions& options,
                 BatchEmitter& emitter, ReadReport& report, bool require_known) {
  ReadOptions effective = options;
  report.format = forced;
  if (forced == Format::kUnknown) {
    SniffResult sniffed = Sniff(source.name, buffer.view().substr(0, kSniffBytes));
    report.format = sniffed.format;
    report.reason = sniffed.reason;
    if (effective.platform.empty()) effective.platform = sniffed.platform_hint;
  } else {
    report.reason = "named with --as";
  }
  switch (report.format) {
    case Format::kTwitterV1:
      return ReadTwitterV1(source, buffer, effective, emitter);
    case Format::kTwitterV2:
      return ReadTwitterV2(source, buffer, effective, emitter);
    case Format::kCassette:
      return ReadCassette(source, buffer, effective, emitter);
    case Format::kEdgeList:
      return ReadEdgeList(source, buffer, effective, emitter);
    case Format::kMatrixMarket:
      return ReadMatrixMarket(source, buffer, effective, emitter);
    case Format::kCongressNetwork:
      return ReadCongressNetwork(source, buffer, effective, emitter);
    case Format::kContactsCsv:
      return ReadContactsCsv(source, buffer, effective, emitter);
    case Format::kVcard:
      return ReadVcard(source, buffer, effective, emitter);
    case Format::kXArchive: {
      Status status = ReadXArchiveFile(source, buffer, effective, emitter);
      // A private part under another name (direct messages renamed tweets.js) is refused unread.
      if (status.code() != ErrorCode::kUnsupported) return status;
      report.skipped = true;
      report.reason = status.message();
      return Status::Ok();
    }
    case Format::kBluesky:
      return ReadBluesky(source, buffer, effective, emitter);
    case Format::kMastodon:
      return ReadMastodon(source, buffer, effective, emitter);
    case Format::kTweetCsv:
      return ReadTweetCsv(source, buffer, effective, emitter);
    case Format::kUnknown:
      break;
  }
  report.skipped = true;
  if (require_known) {
    return DataError(source.name + ": cannot tell its format (" + report.reason +
                     "); name it with --as FORMAT");
  }
  return Status::Ok();
}

}  // namespace crowdlens
