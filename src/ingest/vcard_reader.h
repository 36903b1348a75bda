// vCard address books (.vcf): 3.0 (RFC 2426), 4.0 (RFC 6350) and the 2.1
// cards older phones still write (bare parameters, QUOTED-PRINTABLE values).
//
// Each BEGIN:VCARD ... END:VCARD becomes one Contact (source "vcard"). Lines
// are unfolded byte-wise before anything else, so a fold that splits a
// multi-byte character is joined back whole; property groups ("item1.") are
// dropped; parameters may be quoted, repeated or comma lists. What matching
// needs is kept: FN or N, emails (lower-cased), phones, the first ORG
// component, TITLE, URL, the first ADR as "locality, region, country", UID as
// source_id, and handles from X-SOCIALPROFILE / SOCIALPROFILE, IMPP, X-TWITTER,
// X-LINKEDIN and profile URLs. A card that never ends, has neither a name nor
// an email, or is not UTF-8 is quarantined at its BEGIN line; the cards around
// it are read.
//
//   if (LooksLikeVcard(source.name, head)) {
//     CROWDLENS_RETURN_IF_ERROR(ReadVcard(source, buffer, options, emitter));
//   }
#pragma once

#include <string_view>

#include "core/input.h"
#include "ingest/batch_emitter.h"
#include "ingest/read_options.h"

namespace crowdlens {

// True when `head` opens (after a BOM and blank lines) with BEGIN:VCARD, in any case.
// Content decides; `name` is not consulted.
bool LooksLikeVcard(std::string_view name, std::string_view head);

// Reads every card into emitter.batch().contacts; bad cards are quarantined.
Status ReadVcard(const InputSource& source, const InputBuffer& buffer, const ReadOptions& options,
                 BatchEmitter& emitter);

}  // namespace crowdlens
