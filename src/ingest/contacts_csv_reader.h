// Address-book CSV exports: LinkedIn Connections.csv, Google Contacts CSV
// (the older "Given Name / E-mail 1 - Type" header and the newer "First Name /
// E-mail 1 - Label" one) and Outlook contacts CSV, told apart by their headers.
//
// Columns are found by name, never by position, so exports with extra,
// missing or reordered columns read the same. Each row becomes one Contact:
// emails lower-cased, the social handles its links name (twitter.com/x.com,
// linkedin.com/in, bsky.app/profile, Mastodon-style https://host/@user) kept
// for matching, and a source_id that stays the same across re-exports (the
// LinkedIn profile slug, else the first email, else "name|company"). A row
// with neither a name nor an email, or whose quotes never close, is
// quarantined; the rows around it are read.
//
//   if (LooksLikeContactsCsv(source.name, head)) {
//     CROWDLENS_RETURN_IF_ERROR(ReadContactsCsv(source, buffer, options, emitter));
//   }
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/input.h"
#include "ingest/batch_emitter.h"
#include "ingest/read_options.h"
#include "model/contact.h"

namespace crowdlens {

enum class ContactsCsvLayout { kNone, kLinkedIn, kGoogle, kOutlook };

// The layout of the header that `head` (a file's first bytes) opens with,
// after a LinkedIn "Notes:" preamble when there is one.
ContactsCsvLayout DetectContactsCsvLayout(std::string_view head);

// True when `head` opens with a LinkedIn, Google or Outlook contacts header.
// Content decides; `name` is not consulted (exports are often renamed).
bool LooksLikeContactsCsv(std::string_view name, std::string_view head);

// Reads every row into emitter.batch().contacts. Fails (kDataError) only when
// no contacts header is found; bad rows are quarantined.
Status ReadContactsCsv(const InputSource& source, const InputBuffer& buffer, const ReadOptions& options,
                       BatchEmitter& emitter);

// Helpers shared by the address-book readers (this one and vCard).

// The handle a profile link names: twitter.com/<h> and x.com/<h> -> {twitter, h};
// linkedin.com/in/<slug> -> {linkedin, slug} (percent-decoded); bsky.app/profile/<h>
// -> {bluesky, h}; https://<host>/@user -> {mastodon, user@host}. nullopt otherwise.
std::optional<SocialHandle> SocialHandleFromUrl(std::string_view url);

// A trimmed, lower-cased email ("mailto:" dropped); nullopt when it has no '@'
// (Outlook writes Exchange X.500 paths in email columns).
std::optional<std::string> NormaliseEmail(std::string_view text);

// Adds `email` (normalised) unless present or not an email.
void AddContactEmail(Contact& contact, std::string_view email);
// Adds `url` and the handle it names, each unless present.
void AddContactUrl(Contact& contact, std::string_view url);
// Adds `handle` unless the same platform and handle are present.
void AddContactHandle(Contact& contact, SocialHandle handle);

// The source_id of a contact whose source gives none: the first email, else
// "name|company" lower-cased with spaces collapsed ("ada example|example ltd").
std::string FallbackContactId(const Contact& contact);

// "given family", either part possibly empty.
std::string JoinName(std::string_view given, std::string_view family);

// `text` without leading and trailing ASCII whitespace.
std::string_view TrimSpace(std::string_view text);

// Whether `text` is well-formed UTF-8 (no overlong forms, surrogates or bytes past U+10FFFF).
bool IsValidUtf8(std::string_view text);

// Windows-1252 (a superset of ISO-8859-1's printable range) to UTF-8.
std::string Windows1252ToUtf8(std::string_view text);

}  // namespace crowdlens
