// Time bins for volumes and bursts: a post's time floored to its hour, UTC
// day or ISO week (Monday 00:00 UTC), and their names on the command line.
//
//   int64_t start = BinStart(post.created_at, TimeBin::kDay);  // 2015-03-24T00:00:00Z
//   FormatBin(start, TimeBin::kHour);                          // "2015-03-24T10:00Z"
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace crowdlens {

enum class TimeBin { kHour, kDay, kWeek };

std::optional<TimeBin> ParseTimeBin(std::string_view name);  // "hour", "day", "week"
const char* TimeBinName(TimeBin bin);
int64_t BinSeconds(TimeBin bin);
// The start of the bin holding `unix_seconds`.
int64_t BinStart(int64_t unix_seconds, TimeBin bin);
// A bin fine enough to show a span's shape: hours up to 3 days, days up to 180 days, else weeks.
TimeBin ChooseBin(int64_t span_seconds);
// "2015-03-24T10:00Z" (hour), "2015-03-24" (day or week start).
std::string FormatBin(int64_t bin_start, TimeBin bin);

// A period bound as users write it: "2021-03-01" (midnight UTC) or any shape
// ParseTimestamp reads ("2021-03-01T12:00:00Z", epoch seconds); nullopt otherwise.
std::optional<int64_t> ParseDateBound(std::string_view text);

}  // namespace crowdlens
