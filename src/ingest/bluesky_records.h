// Bluesky (AT Protocol) records and views, as the Jetstream and XRPC readers
// share them: a post, follow or profile record read in one pass, a post
// record turned into a Post, a profile view turned into an Account.
//
// Facets (rich-text spans) locate a tag, mention or link by UTF-8 byte offsets
// into the text. A facet whose range is out of bounds, reversed or not on a
// character boundary is dropped and the post kept, as Bluesky's own clients
// skip such facets when they render a post; so is a tag facet whose text is
// not "#tag" and a mention facet whose text does not start with '@' (the
// offsets of a client that counted UTF-16 units land elsewhere). Quarantining
// the post would lose its text for the sake of a decoration.
//
//   bluesky::RecordFields record = bluesky::ReadRecord(value);
//   Post post = bluesky::MakePost(record, uri, did, fallback_time);
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/account.h"
#include "model/post.h"

namespace crowdlens::bluesky {

inline constexpr const char* kPlatform = "bluesky";
inline constexpr std::string_view kPostCollection = "app.bsky.feed.post";
inline constexpr std::string_view kFollowCollection = "app.bsky.graph.follow";
inline constexpr std::string_view kProfileCollection = "app.bsky.actor.profile";

struct FacetFeature {
  std::string type;   // "app.bsky.richtext.facet#tag", "#mention" or "#link"
  std::string value;  // the tag, the mentioned DID or the link's URI
};

struct Facet {
  std::optional<int64_t> byte_start, byte_end;
  std::vector<FacetFeature> features;
};

// The fields of any record (post, follow or profile); which are set tells what it was.
struct RecordFields {
  std::string type;  // "$type"
  std::optional<std::string> text, created_at, display_name, description;
  std::optional<std::string> subject;  // a follow's DID
  std::vector<std::string> langs, tags;
  std::optional<std::string> reply_parent_uri, reply_root_uri;
  std::optional<std::string> quoted_uri;  // embed.record.uri, or embed.record.record.uri with media
  std::vector<std::string> external_uris;  // link cards (embed.external.uri)
  std::vector<Facet> facets;
};

// Reads a record object; throws simdjson_error for a field of a kind that cannot mean it.
RecordFields ReadRecord(simdjson::ondemand::value record);

// "at://did:plc:x/app.bsky.feed.post/3k" -> "did:plc:x"; empty when the authority is not a DID.
std::string DidOfUri(std::string_view uri);

// "at://<did>/<collection>/<rkey>"
std::string RecordUri(std::string_view did, std::string_view collection, std::string_view rkey);

// Whether `did` looks like a DID ("did:<method>:<id>").
bool IsDid(std::string_view did);

// The Post of a post record. created_at is the record's createdAt, else `fallback_time`.
Post MakePost(const RecordFields& record, std::string uri, std::string author_did, int64_t fallback_time);

// The facets of `text` that pass the checks above, as entities of `post`.
void ApplyFacets(const std::vector<Facet>& facets, Post& post);

// One field of a profile view (profileViewBasic, profileView, profileViewDetailed).
// Returns false when `key` is not a profile field.
bool ReadProfileField(std::string_view key, simdjson::ondemand::value item, Account& account);

// A whole profile view; throws RecordError when it names no DID. `observed_at` dates it.
Account ReadProfileView(simdjson::ondemand::value view, int64_t observed_at);

// Sets has_profile when the view carried more than a DID and a handle, and
// drops the placeholder handle "handle.invalid" (a handle that failed verification).
void SettleProfile(Account& account);

}  // namespace crowdlens::bluesky
