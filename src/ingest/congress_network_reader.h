// The SNAP "Twitter Interaction Network for the US Congress" JSON (Fink et
// al. 2023): one object of parallel arrays, where node i is usernameList[i]
// and outList[i]/outWeight[i] are the members i interacted with and the
// normalised probability of that interaction (retweets, quotes, replies and
// mentions pooled, 117th Congress, Feb-Jun 2022).
//
// Nodes become Twitter accounts known by handle ("@handle"), so they join
// real profiles imported before or after; edges become weighted mention
// interactions, the closest relation to the pooled measure.
#pragma once

#include "core/input.h"
#include "ingest/batch_emitter.h"
#include "ingest/read_options.h"

namespace crowdlens {

Status ReadCongressNetwork(const InputSource& source, const InputBuffer& buffer, const ReadOptions& options,
                           BatchEmitter& emitter);

}  // namespace crowdlens
