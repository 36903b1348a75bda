// Twitter API v1.1 JSON: statuses (with retweeted_status, quoted_status,
// extended_tweet and entities), user objects (users/lookup, followers/list
// pages, with their embedded latest status), id pages (followers/ids,
// friends/ids) and search responses ({"statuses": [...]}), as one object, an
// array or JSON lines; streaming "delete" notices are skipped.
//
// One pass over each object's fields (simdjson On-Demand, no DOM): the fields
// of a status and of a user are collected together and the object's kind is
// decided at its end, so no field is looked up twice.
#pragma once

#include <simdjson.h>

#include "core/input.h"
#include "ingest/batch_emitter.h"
#include "ingest/read_options.h"

namespace crowdlens {

Status ReadTwitterV1(const InputSource& source, const InputBuffer& buffer, const ReadOptions& options,
                     BatchEmitter& emitter);

// Reads one already-parsed v1.1 value (object or array) into the emitter's
// batch; throws RecordError or simdjson_error when it is not usable.
void ReadTwitterV1Value(simdjson::ondemand::value value, const ReadOptions& options, BatchEmitter& emitter);

}  // namespace crowdlens
