// What an X archive file needs from the archive around it: which part of the
// archive it is, whose archive it is, and when the archive was made.
//
// The data files name neither their owner nor their capture time. The owner
// comes from data/account.js beside the file (the same folder, or the same
// folder of the same zip), else from the manifest's userInfo, else from
// --of HANDLE. The time comes from data/manifest.js archiveInfo.generationDate
// (exact, written by X), else from the zip member's modification time (zip
// stores local time without a zone, so it is read in this machine's zone), else
// from the import time. An unpacked folder's file times are not used: copying
// a folder resets them, so they say when the copy was made.
//
//   Result<XArchivePart> part = IdentifyXArchivePart(source.name, buffer.view());
//   XArchiveContext context = LoadXArchiveContext(source, options);
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/input.h"
#include "core/status.h"
#include "ingest/read_options.h"
#include "model/account.h"

namespace crowdlens {

enum class XArchivePart { kTweets, kFollower, kFollowing, kAccount, kProfile, kManifest, kNotRead };

// The part a file name names: "x.zip!data/follower.js" -> kFollower,
// "data/tweets-part2.js" -> kTweets; kNotRead for any other name.
XArchivePart XArchivePartFromName(std::string_view name);

// Whether `name` is `data/<base>` (after a '/', a zip's '!' or at the start).
bool IsInArchiveDataFolder(std::string_view name);

// The part a file is, from its assignment prefix when it has one (content
// decides), else from its name. DataError when the file starts with some
// other assignment; Unsupported when the prefix names a part that is not read.
Result<XArchivePart> IdentifyXArchivePart(std::string_view name, std::string_view bytes);

struct XArchiveOwner {
  std::string platform_id;  // the accountId, or "@handle" when only --of HANDLE names it
  std::string handle;
};

struct XArchiveContext {
  std::optional<XArchiveOwner> owner;
  std::string missing_owner_reason;  // set when owner is empty: what the user should do
  int64_t observed_at = 0;           // when the archive was made (see above)
  // The owner's profile from account.js and profile.js beside the file, merged;
  // platform_id is empty when there is no owner.
  Account owner_profile;
};

// Reads an account.js entry {"email", "createdVia", "username", "accountId",
// "createdAt", "accountDisplayName"} as the owner's profile. The e-mail address
// is skipped unread. Throws RecordError when there is no accountId.
Account ReadXArchiveAccount(simdjson::ondemand::value entry, int64_t observed_at);

// Reads a profile.js entry {"description": {"bio", "website", "location"},
// "avatarMediaUrl", "headerMediaUrl"}; the images are not kept and platform_id
// is left for the caller (the entry does not name its account).
Account ReadXArchiveProfile(simdjson::ondemand::value entry, int64_t observed_at);

// Fills the profile fields `profile` lacks from `other`.
void CompleteXArchiveProfile(Account& profile, const Account& other);

// Looks at the files beside `source` (never at the source itself).
XArchiveContext LoadXArchiveContext(const InputSource& source, const ReadOptions& options);

}  // namespace crowdlens
