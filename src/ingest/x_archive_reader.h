// The X (Twitter) account archive, as the zip a user downloads or its
// unpacked folder: data/tweets.js (tweet.js and tweets-part<N>.js in older or
// larger archives), follower.js, following.js, account.js and profile.js.
// Every other part (direct messages, IP audit, e-mail and phone changes,
// device tokens, contacts, ad personalisation, likes, ...) is private or not
// social data and is never read.
//
// Each data file is a JavaScript assignment of an array,
//   window.YTD.tweets.part0 = [ {"tweet": {...}}, ... ]
// read element by element, so one bad element is quarantined on its own. The
// files carry neither their owner nor when the archive was made; both come
// from the archive around them (see x_archive_context.h):
//   owner:       data/account.js beside the file, else the manifest's userInfo,
//                else --of HANDLE, else every record is quarantined with a hint;
//   observed_at: data/manifest.js archiveInfo.generationDate, else the zip
//                member's modification time, else the import time.
// Follow edges and the owner's profile are dated by that time, so a later
// archive of the same account moves last_seen of the follows it still lists
// and leaves last_seen of the ones it lost: the store tells new followers from
// lost ones. Tweets are dated by their created_at.
//
// The owner's e-mail address in account.js is never read, and a quarantined
// account.js record keeps no bytes. A retweet in the archive is only its text
// ("RT @user: ...") without the original's id: the retweeted account becomes a
// mention and retweet_of_id stays empty.
//
//   if (IsPrivateXArchiveFile(source.name)) skip it;
//   else if (LooksLikeXArchiveFile(source.name, head))
//     status = ReadXArchiveFile(source, buffer, options, emitter);
#pragma once

#include <string_view>

#include "core/input.h"
#include "ingest/batch_emitter.h"
#include "ingest/read_options.h"

namespace crowdlens {

// True for the archive files crowdlens reads: a name ending in data/tweets.js,
// data/tweet.js, data/tweets-part<N>.js, data/follower.js, data/following.js,
// data/account.js, data/profile.js or data/manifest.js, or content starting
// with `window.YTD.` (or the manifest's `window.__THAR_CONFIG`). Ask
// IsPrivateXArchiveFile first: a private part starts with `window.YTD.` too.
bool LooksLikeXArchiveFile(std::string_view name, std::string_view head);

// True for an archive file that must never be imported: any other .js file in
// an archive's data/ folder, the named private parts wherever they lie
// (direct-messages*.js, ip-audit.js, account-creation-ip.js, phone-number.js,
// device-token.js, contact.js, ...) and direct-message media folders.
bool IsPrivateXArchiveFile(std::string_view name);

// Reads one archive file. Returns DataError for a file whose first bytes are
// not an archive assignment, and Unsupported (reading nothing) for a file
// whose assignment names a part that is not read (window.YTD.direct_messages).
// The manifest is read for context only and yields no records.
Status ReadXArchiveFile(const InputSource& source, const InputBuffer& buffer, const ReadOptions& options,
                        BatchEmitter& emitter);

}  // namespace crowdlens
