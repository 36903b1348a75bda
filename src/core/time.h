// Timestamps: every time in crowdlens is Unix seconds (UTC) in an int64.
//
// Sources write dates in several shapes; ParseTimestamp accepts all of them:
//   "Wed Aug 27 13:08:45 +0000 2008"   Twitter API v1.1 created_at
//   "2021-04-08T15:00:00.000Z"         API v2, Bluesky, Mastodon (ISO 8601, any offset)
//   "2020-12-20 06:06:44"              CSV exports (taken as UTC)
//   "1397237565000" / "1397237565"     epoch milliseconds or seconds as text
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace crowdlens {

// Parses any of the shapes above; nullopt when the text is none of them.
std::optional<int64_t> ParseTimestamp(std::string_view text);

// Formats as "2021-04-08T15:00:00Z".
std::string FormatTimestamp(int64_t unix_seconds);

// The current time in Unix seconds.
int64_t NowSeconds();

// Days since 1970-01-01 of a civil date (proleptic Gregorian), after H. Hinnant's algorithm.
int64_t DaysFromCivil(int64_t year, unsigned month, unsigned day);

// A duration as people write it, "90", "90s", "10m", "1h" or "1d", in
// seconds; nullopt when it is not one (or zero, or over about three years).
std::optional<int64_t> ParseDuration(const std::string& text);

}  // namespace crowdlens
