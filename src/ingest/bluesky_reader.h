// Bluesky (AT Protocol), platform "bluesky": Jetstream event lines and the
// public API's (XRPC) JSON responses (see bluesky_api_reader.h), as JSON
// lines, one document or an array.
//
// Jetstream events {"did", "time_us", "kind", "commit" | "identity" | "account"}:
//   commit create/update of app.bsky.feed.post     -> a Post, platform_id the
//       at:// URI "at://<did>/app.bsky.feed.post/<rkey>", author the event's DID;
//       reply_to_post_id the parent's URI and reply_to_account_id the DID in it;
//       quote_of_id the embedded post's URI (embed.record, or
//       embed.recordWithMedia's record.record); hashtags from tag facets and the
//       record's "tags" (lower-cased), mentions from mention facets (the DID, and
//       the handle the text shows), URLs from link facets and link cards;
//   commit create/update of app.bsky.graph.follow  -> a follow Edge from the
//       event's DID to the subject, record_id "at://<did>/app.bsky.graph.follow/<rkey>";
//   commit create/update of app.bsky.actor.profile -> the DID's profile (name, bio);
//   commit delete of a post or a follow            -> a Deletion of that URI;
//   identity                                       -> the DID's handle.
// Events are dated by time_us (microseconds); a post by its createdAt, else by
// time_us. Account events (active/deactivated) and other collections (likes,
// reposts, blocks, lists) are read and set aside: they carry nothing the model
// keeps. Facets with bad byte ranges are dropped, the post kept
// (bluesky_records.h). Text that is not valid UTF-8 fails the whole line, as
// simdjson validates it before anything is read.
//
//   if (LooksLikeBluesky(source.name, head)) status = ReadBluesky(source, buffer, options, emitter);
#pragma once

#include <string_view>

#include "core/input.h"
#include "ingest/batch_emitter.h"
#include "ingest/read_options.h"

namespace crowdlens {

// True when `head` is JSON whose structure names AT Protocol things: a "did"
// field holding a did:plc: or did:web: DID, or a "uri" holding an at:// URI.
// Only keys followed by such values count, so a tweet quoting a DID in its
// text does not look like Bluesky.
bool LooksLikeBluesky(std::string_view name, std::string_view head);

Status ReadBluesky(const InputSource& source, const InputBuffer& buffer, const ReadOptions& options,
                   BatchEmitter& emitter);

}  // namespace crowdlens
