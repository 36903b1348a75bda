// JSON records: splitting a JSON input into records and quarantining the bad ones.
//
// Social exports come as one object, an array of objects, or JSON lines. The
// layout is found from the first bytes (a UTF-8 BOM and a JavaScript
// assignment prefix such as `window.YTD.tweets.part0 =` are skipped). Each
// line or top-level array element is parsed on its own, so one malformed
// record costs only itself: it goes to the quarantine with its line, byte
// offset and reason, and the records around it are read.
//
// The handler reads a record with simdjson On-Demand and rejects it by
// throwing (simdjson_error for bad JSON or wrong types, RecordError for a
// record that parses but makes no sense); both become quarantine entries.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/input.h"
#include "ingest/batch_emitter.h"

namespace crowdlens {

static_assert(kInputPadding >= simdjson::SIMDJSON_PADDING, "input buffers must carry simdjson's padding");

// Thrown by a record handler for a record that parses but cannot be used.
struct RecordError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct JsonRecordPosition {
  int64_t line = 0;    // 1-based line where the record starts
  int64_t offset = 0;  // byte offset where the record starts
};

using JsonRecordHandler = std::function<void(simdjson::ondemand::value record, const JsonRecordPosition& position)>;

enum class JsonLayout { kEmpty, kDocument, kArray, kLines };

// Finds the end of the JSON object or array starting at `pos`, honouring
// strings and escapes; npos when it does not close.
size_t FindJsonValueEnd(std::string_view bytes, size_t pos);

// A part of a record (one tweet of a page, one follower of a list) that could
// not be used, while the rest of the record could; `start` points into the
// parsed record. Readers collect these and quarantine each on its own.
struct ElementFailure {
  std::string reason;
  const char* start = nullptr;
};

// The text of the JSON object or array starting at `start` in a parsed,
// zero-padded buffer (brackets matched), for quarantining one element.
std::string_view JsonValueTextAt(const char* start);

// simdjson errors after which the parser can still step over the rest of an
// element: a value of the wrong kind, not a break in the JSON's structure.
bool SpoilsOnlyItsElement(simdjson::error_code code);

// Quarantines each failed element of the record that starts at `record_start`
// with its own line, byte offset and bytes.
void QuarantineElementFailures(std::string_view source_name, const JsonRecordPosition& position,
                               const char* record_start, const std::vector<ElementFailure>& failures,
                               BatchEmitter& emitter);

// Finds the layout of `bytes` (after any BOM or JavaScript prefix).
JsonLayout DetectJsonLayout(std::string_view bytes);

// Calls `handler` for every record of the input. Returns a failed Status only
// when reading cannot go on (the sink failed); bad records are quarantined.
Status ForEachJsonRecord(const InputSource& source, const InputBuffer& buffer, BatchEmitter& emitter,
                         const JsonRecordHandler& handler);

// Reads a whole small JSON text (a cassette body, a test string) as records.
Status ForEachJsonRecordInText(std::string_view source_name, std::string_view text, BatchEmitter& emitter,
                               const JsonRecordHandler& handler, uint64_t base_offset = 0);

}  // namespace crowdlens
