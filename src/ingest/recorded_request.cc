#include "ingest/recorded_request.h"

#include <array>
#include <cctype>

#include "core/hex.h"
#include "core/time.h"
#include "ingest/json_fields.h"

namespace crowdlens {

Endpoint ParseEndpoint(std::string_view uri) {
  Endpoint endpoint;
  size_t scheme = uri.find("://");
  if (scheme != std::string_view::npos) uri.remove_prefix(scheme + 3);
  size_t query_at = uri.find('?');
  if (query_at != std::string_view::npos) {
    endpoint.query = std::string(uri.substr(query_at + 1));
    uri = uri.substr(0, query_at);
  }
  size_t slash = uri.find('/');
  if (slash == std::string_view::npos) return endpoint;
  std::string host = json::AsciiLower(uri.substr(0, slash));
  if (host != "api.twitter.com" && host != "api.x.com") return endpoint;
  std::string_view path = uri.substr(slash + 1);
  if (path.starts_with("1.1/")) {
    endpoint.api = Api::kV1;
    path.remove_prefix(4);
    if (path.ends_with(".json")) path.remove_suffix(5);
  } else if (path.starts_with("2/")) {
    endpoint.api = Api::kV2;
    path.remove_prefix(2);
  } else {
    return endpoint;
  }
  while (path.ends_with("/")) path.remove_suffix(1);
  endpoint.path = std::string(path);
  return endpoint;
}

std::vector<std::string_view> Segments(std::string_view path) {
  std::vector<std::string_view> segments;
  while (!path.empty()) {
    size_t slash = path.find('/');
    segments.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return segments;
}

// Endpoints whose answers are the account holder's private business.
bool IsPrivate(const Endpoint& endpoint) {
  static constexpr std::array<std::string_view, 8> kPrivateV1 = {
      "direct_messages",      "account/settings",     "blocks", "mutes", "saved_searches",
      "friendships/incoming", "friendships/outgoing", "friendships/no_retweets"};
  static constexpr std::array<std::string_view, 2> kPrivateV2 = {"dm_events", "dm_conversations"};
  std::string_view path = endpoint.path;
  if (endpoint.api == Api::kV1) {
    for (std::string_view prefix : kPrivateV1) {
      if (path.starts_with(prefix) && (path.size() == prefix.size() || path[prefix.size()] == '/')) return true;
    }
    return false;
  }
  for (std::string_view prefix : kPrivateV2) {
    if (path.starts_with(prefix)) return true;
  }
  std::vector<std::string_view> segments = Segments(path);
  return segments.size() >= 3 && segments[0] == "users" &&
         (segments[2] == "blocking" || segments[2] == "muting" || segments[2] == "bookmarks");
}

// The percent-decoded value of `name` in a query string.
std::optional<std::string> QueryParam(std::string_view query, std::string_view name) {
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    size_t equals = pair.find('=');
    if (equals == std::string_view::npos || pair.substr(0, equals) != name) continue;
    std::string decoded;
    std::string_view raw = pair.substr(equals + 1);
    for (size_t index = 0; index < raw.size(); ++index) {
      if (raw[index] == '+') {
        decoded += ' ';
      } else if (raw[index] == '%' && index + 2 < raw.size() && HexDigit(raw[index + 1]) >= 0 &&
                 HexDigit(raw[index + 2]) >= 0) {
        decoded += static_cast<char>(HexDigit(raw[index + 1]) * 16 + HexDigit(raw[index + 2]));
        index += 2;
      } else {
        decoded += raw[index];
      }
    }
    if (decoded.empty()) return std::nullopt;
    return decoded;
  }
  return std::nullopt;
}

// R's vcr stores binary bodies as base64_string; line breaks may be folded in.
std::string DecodeBase64(std::string_view text) {
  auto sextet = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+' || c == '-') return 62;
    if (c == '/' || c == '_') return 63;
    return -1;
  };
  std::string out;
  out.reserve(text.size() * 3 / 4);
  uint32_t bits = 0;
  int bit_count = 0;
  for (char c : text) {
    if (c == '=') break;
    int digit = sextet(c);
    if (digit < 0) continue;  // line breaks and spaces
    bits = (bits << 6) | static_cast<uint32_t>(digit);
    bit_count += 6;
    if (bit_count >= 8) {
      bit_count -= 8;
      out += static_cast<char>((bits >> bit_count) & 0xFF);
    }
  }
  return out;
}

// "Tue, 08 Nov 2022 21:15:18 GMT" (an HTTP Date header).
std::optional<int64_t> ParseHttpDate(std::string_view text) {
  text = json::Trim(text);
  size_t comma = text.find(", ");
  if (comma != std::string_view::npos) text.remove_prefix(comma + 2);
  // "08 Nov 2022 21:15:18 GMT"
  if (text.size() < 20 || text[2] != ' ' || text[6] != ' ' || text[11] != ' ') return std::nullopt;
  static constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                                "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::string_view month_name = text.substr(3, 3);
  for (size_t month = 0; month < kMonths.size(); ++month) {
    if (kMonths[month] != month_name) continue;
    std::string iso = std::string(text.substr(7, 4)) + "-" + (month < 9 ? "0" : "") + std::to_string(month + 1) +
                      "-" + std::string(text.substr(0, 2)) + "T" + std::string(text.substr(12, 8)) + "Z";
    return ParseTimestamp(iso);
  }
  return std::nullopt;
}

// "2022-11-08 21:15:18 GMT" (vcr's recorded_at), or any shape ParseTimestamp reads.
std::optional<int64_t> ParseRecordedAt(std::string_view text) {
  text = json::Trim(text);
  if (text.ends_with(" GMT") || text.ends_with(" UTC")) text.remove_suffix(4);
  if (auto parsed = ParseTimestamp(text)) return parsed;
  return ParseHttpDate(text);
}

}  // namespace crowdlens
