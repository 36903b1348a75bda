// Edge lists: SNAP and KONECT whitespace text ("src dst [weight [time]]",
// comments starting with '#' or '%'), and Matrix Market coordinate files
// (1-based, "pattern" or weighted, "general" or "symmetric": a symmetric
// entry stands for both directions).
//
// Node ids are the file's own; they become accounts of `options.platform`
// ("graph:<file stem>" unless named, "twitter" for PHEME follow lists), so
// results can be written back with the file's ids. A hand-written scanner
// (std::from_chars, no per-line allocation) keeps this at memory speed.
#pragma once

#include "core/input.h"
#include "ingest/batch_emitter.h"
#include "ingest/read_options.h"

namespace crowdlens {

Status ReadEdgeList(const InputSource& source, const InputBuffer& buffer, const ReadOptions& options,
                    BatchEmitter& emitter);

Status ReadMatrixMarket(const InputSource& source, const InputBuffer& buffer, const ReadOptions& options,
                        BatchEmitter& emitter);

// The platform used for an anonymous graph file: "graph:<stem>" ("graph:out.ego-twitter").
std::string GraphPlatformFor(const InputSource& source);

}  // namespace crowdlens
