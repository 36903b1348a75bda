// What a recorded HTTP request says: which Twitter API endpoint it asked
// (and whether that endpoint is private), its query parameters, the dates a
// recording carries, and base64 bodies. Used by the cassette reader.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace crowdlens {

enum class Api { kNone, kV1, kV2 };

// Where a request went: "https://api.twitter.com/1.1/friends/ids.json?screen_name=x"
// is {kV1, "friends/ids", "screen_name=x"}.
struct Endpoint {
  Api api = Api::kNone;
  std::string path;
  std::string query;
};

Endpoint ParseEndpoint(std::string_view uri);

// The '/'-separated parts of a path.
std::vector<std::string_view> Segments(std::string_view path);

// Endpoints whose answers are the account holder's private business (direct messages, blocks, mutes...).
bool IsPrivate(const Endpoint& endpoint);

// The percent-decoded value of `name` in a query string.
std::optional<std::string> QueryParam(std::string_view query, std::string_view name);

// R's vcr stores binary bodies as base64_string; line breaks may be folded in.
std::string DecodeBase64(std::string_view text);

// "Tue, 08 Nov 2022 21:15:18 GMT" (an HTTP Date header).
std::optional<int64_t> ParseHttpDate(std::string_view text);

// "2022-11-08 21:15:18 GMT" (vcr's recorded_at), or any shape ParseTimestamp reads.
std::optional<int64_t> ParseRecordedAt(std::string_view text);

}  // namespace crowdlens
