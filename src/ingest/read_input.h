// Reading one input: sniff (unless forced), then run the format's reader.
//
//   InputSource source = ...; InputBuffer buffer = LoadInput(source).value();
//   ReadReport report;
//   Status status = ReadInput(source, buffer, Format::kUnknown, options, emitter, report);
#pragma once

#include <string>

#include "core/input.h"
#include "ingest/batch_emitter.h"
#include "ingest/format.h"
#include "ingest/read_options.h"

namespace crowdlens {

struct ReadReport {
  Format format = Format::kUnknown;
  std::string reason;  // why this format (or why the input was skipped)
  bool skipped = false;
};

// `forced` is kUnknown to sniff. An input that sniffs as nothing is skipped
// (report.skipped) unless `require_known` is set, which makes it an error.
Status ReadInput(const InputSource& source, const InputBuffer& buffer, Format forced, const ReadOptions& options,
                 BatchEmitter& emitter, ReadReport& report, bool require_known);

}  // namespace crowdlens
