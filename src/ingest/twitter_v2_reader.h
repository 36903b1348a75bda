// Twitter API v2 JSON: response envelopes {"data": [...] or {...},
// "includes": {"users": [...], "tweets": [...]}} as the API returns them and
// as twarc2 writes them (JSON lines of pages), and twarc's flattened tweets
// (one tweet per line with "author" and referenced tweets embedded).
// public_metrics (including impression_count), entities (hashtags, mentions,
// urls), referenced_tweets (replied_to, retweeted, quoted) and user objects
// from includes or alone (users.jsonl). Lines that are not tweets (errors,
// count buckets) are quarantined with what they were.
#pragma once

#include <simdjson.h>

#include "core/input.h"
#include "ingest/batch_emitter.h"
#include "ingest/read_options.h"

namespace crowdlens {

Status ReadTwitterV2(const InputSource& source, const InputBuffer& buffer, const ReadOptions& options,
                     BatchEmitter& emitter);

// Reads one already-parsed v2 value (an envelope, a tweet, a user, or an array
// of them) into the emitter's batch; throws RecordError or simdjson_error.
void ReadTwitterV2Value(simdjson::ondemand::value value, const ReadOptions& options, BatchEmitter& emitter);

}  // namespace crowdlens
