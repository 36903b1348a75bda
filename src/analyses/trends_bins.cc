#include "analyses/trends_bins.h"

#include "core/time.h"

namespace crowdlens {
namespace {

int64_t FloorDiv(int64_t value, int64_t divisor) {
  int64_t quotient = value / divisor;
  return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient;
}

}  // namespace

std::optional<TimeBin> ParseTimeBin(std::string_view name) {
  if (name == "hour") return TimeBin::kHour;
  if (name == "day") return TimeBin::kDay;
  if (name == "week") return TimeBin::kWeek;
  return std::nullopt;
}

const char* TimeBinName(TimeBin bin) {
  switch (bin) {
    case TimeBin::kHour:
      return "hour";
    case TimeBin::kDay:
      return "day";
    case TimeBin::kWeek:
      return "week";
  }
  return "day";
}

int64_t BinSeconds(TimeBin bin) {
  switch (bin) {
    case TimeBin::kHour:
      return 3600;
    case TimeBin::kDay:
      return 86400;
    case TimeBin::kWeek:
      return 7 * 86400;
  }
  return 86400;
}

int64_t BinStart(int64_t unix_seconds, TimeBin bin) {
  if (bin == TimeBin::kWeek) {
    int64_t day = FloorDiv(unix_seconds, 86400);
    // 1970-01-01 was a Thursday: (day + 3) mod 7 is 0 on Mondays.
    int64_t since_monday = ((day + 3) % 7 + 7) % 7;
    return (day - since_monday) * 86400;
  }
  int64_t width = BinSeconds(bin);
  return FloorDiv(unix_seconds, width) * width;
}

TimeBin ChooseBin(int64_t span_seconds) {
  if (span_seconds <= 3 * 86400) return TimeBin::kHour;
  if (span_seconds <= 180 * 86400) return TimeBin::kDay;
  return TimeBin::kWeek;
}

std::string FormatBin(int64_t bin_start, TimeBin bin) {
  std::string text = FormatTimestamp(bin_start);  // 2015-03-24T10:00:00Z
  if (bin == TimeBin::kHour) return text.substr(0, 16) + "Z";
  return text.substr(0, 10);
}

std::optional<int64_t> ParseDateBound(std::string_view text) {
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    return ParseTimestamp(std::string(text) + "T00:00:00Z");
  }
  return ParseTimestamp(text);
}

}  // namespace crowdlens
