// Recorded API exchanges: vcrpy cassettes ({"interactions": [...]}) and R
// httptest/vcr cassettes ({"http_interactions": [...]}) in JSON. Each
// response body is itself a v1.1 or v2 document and is read as one; the
// request URI supplies what the body omits: the owner and the direction of
// followers/ids and friends/ids pages (screen_name= or user_id=). Bodies of
// private endpoints (direct messages) and non-2xx responses are skipped.
#pragma once

#include "core/input.h"
#include "ingest/batch_emitter.h"
#include "ingest/read_options.h"

namespace crowdlens {

Status ReadCassette(const InputSource& source, const InputBuffer& buffer, const ReadOptions& options,
                    BatchEmitter& emitter);

}  // namespace crowdlens
