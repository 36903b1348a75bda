#include "core/time.h"

#include <cctype>
#include <charconv>
#include <chrono>
#include <cstdio>

namespace crowdlens {
namespace {

bool ReadInt(std::string_view text, size_t pos, size_t digits, int64_t& out) {
  if (pos + digits > text.size()) return false;
  int64_t value = 0;
  for (size_t index = pos; index < pos + digits; ++index) {
    char c = text[index];
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  out = value;
  return true;
}

int MonthFromName(std::string_view name) {
  static constexpr std::string_view kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  for (int index = 0; index < 12; ++index) {
    if (name == kMonths[index]) return index + 1;
  }
  return 0;
}

int64_t DaysInMonth(int64_t year, int64_t month) {
  static constexpr int64_t kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// A date that exists (no 31 April, 29 February only in leap years): an impossible
// one is refused rather than moved to the next month.
bool ValidCivil(int64_t year, int64_t month, int64_t day, int64_t hour, int64_t minute, int64_t second) {
  return year >= 1970 && year <= 2200 && month >= 1 && month <= 12 && day >= 1 && day <= DaysInMonth(year, month) &&
         hour <= 23 && minute <= 59 && second <= 60;
}

int64_t Compose(int64_t year, int64_t month, int64_t day, int64_t hour, int64_t minute, int64_t second) {
  return DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400 + hour * 3600 +
         minute * 60 + second;
}

// "Wed Aug 27 13:08:45 +0000 2008"
std::optional<int64_t> ParseTwitterClassic(std::string_view text) {
  if (text.size() != 30 || text[3] != ' ' || text[7] != ' ' || text[10] != ' ' || text[19] != ' ' ||
      text[25] != ' ') {
    return std::nullopt;
  }
  int month = MonthFromName(text.substr(4, 3));
  int64_t day, hour, minute, second, offset_hours, offset_minutes, year;
  if (month == 0 || !ReadInt(text, 8, 2, day) || !ReadInt(text, 11, 2, hour) || !ReadInt(text, 14, 2, minute) ||
      !ReadInt(text, 17, 2, second) || !ReadInt(text, 21, 2, offset_hours) || !ReadInt(text, 23, 2, offset_minutes) ||
      !ReadInt(text, 26, 4, year) || (text[20] != '+' && text[20] != '-')) {
    return std::nullopt;
  }
  if (!ValidCivil(year, month, day, hour, minute, second)) return std::nullopt;
  int64_t offset = offset_hours * 3600 + offset_minutes * 60;
  if (text[20] == '-') offset = -offset;
  return Compose(year, month, day, hour, minute, second) - offset;
}

// "2021-04-08T15:00:00.000Z", "2021-04-08 15:00:00", "2021-04-08T15:00:00+02:00", "2021-04-08"
std::optional<int64_t> ParseIso(std::string_view text) {
  int64_t year, month, day, hour = 0, minute = 0, second = 0;
  if (text.size() < 10 || text[4] != '-' || text[7] != '-' || !ReadInt(text, 0, 4, year) ||
      !ReadInt(text, 5, 2, month) || !ReadInt(text, 8, 2, day)) {
    return std::nullopt;
  }
  size_t pos = 10;
  if (pos < text.size()) {
    if (text[pos] != 'T' && text[pos] != ' ') return std::nullopt;
    if (!ReadInt(text, pos + 1, 2, hour) || text.size() < pos + 6 || text[pos + 3] != ':' ||
        !ReadInt(text, pos + 4, 2, minute)) {
      return std::nullopt;
    }
    pos += 6;
    if (pos < text.size() && text[pos] == ':') {
      if (!ReadInt(text, pos + 1, 2, second)) return std::nullopt;
      pos += 3;
    }
    if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
      ++pos;
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
    }
  }
  if (!ValidCivil(year, month, day, hour, minute, second)) return std::nullopt;
  int64_t offset = 0;
  if (pos < text.size()) {
    char sign = text[pos];
    if (sign == 'Z' && pos + 1 == text.size()) {
      // UTC
    } else if (sign == '+' || sign == '-') {
      int64_t offset_hours, offset_minutes = 0;
      if (!ReadInt(text, pos + 1, 2, offset_hours)) return std::nullopt;
      size_t minutes_at = pos + 3;
      if (minutes_at < text.size() && text[minutes_at] == ':') ++minutes_at;
      if (minutes_at < text.size() && !ReadInt(text, minutes_at, 2, offset_minutes)) return std::nullopt;
      offset = offset_hours * 3600 + offset_minutes * 60;
      if (sign == '-') offset = -offset;
    } else {
      return std::nullopt;
    }
  }
  return Compose(year, month, day, hour, minute, second) - offset;
}

std::optional<int64_t> ParseEpoch(std::string_view text) {
  int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 0) return std::nullopt;
  if (text.size() >= 13) return value / 1000;  // milliseconds
  return value;
}

}  // namespace

int64_t DaysFromCivil(int64_t year, unsigned month, unsigned day) {
  year -= month <= 2;
  const int64_t era = (year >= 0 ? year : year - 399) / 400;
  const unsigned year_of_era = static_cast<unsigned>(year - era * 400);
  const unsigned day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + static_cast<int64_t>(day_of_era) - 719468;
}

std::optional<int64_t> ParseTimestamp(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  if (text.empty()) return std::nullopt;
  if (text[0] >= 'A' && text[0] <= 'Z') return ParseTwitterClassic(text);
  if (text.size() >= 10 && text[4] == '-') return ParseIso(text);
  return ParseEpoch(text);
}

std::string FormatTimestamp(int64_t unix_seconds) {
  int64_t days = unix_seconds >= 0 ? unix_seconds / 86400 : (unix_seconds - 86399) / 86400;
  int64_t seconds_of_day = unix_seconds - days * 86400;
  // Inverse of DaysFromCivil (H. Hinnant, civil_from_days).
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const unsigned day_of_era = static_cast<unsigned>(days - era * 146097);
  const unsigned year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  int64_t year = static_cast<int64_t>(year_of_era) + era * 400;
  const unsigned day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const unsigned month_index = (5 * day_of_year + 2) / 153;
  const unsigned day = day_of_year - (153 * month_index + 2) / 5 + 1;
  const unsigned month = month_index < 10 ? month_index + 3 : month_index - 9;
  year += month <= 2;
  char out[32];
  std::snprintf(out, sizeof(out), "%04lld-%02u-%02uT%02lld:%02lld:%02lldZ", static_cast<long long>(year), month, day,
                static_cast<long long>(seconds_of_day / 3600), static_cast<long long>(seconds_of_day / 60 % 60),
                static_cast<long long>(seconds_of_day % 60));
  return out;
}

int64_t NowSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::optional<int64_t> ParseDuration(const std::string& text) {
  if (text.empty()) return std::nullopt;
  size_t digits = 0;
  int64_t value = 0;
  while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))) {
    value = value * 10 + (text[digits] - '0');
    if (value > 100000000) return std::nullopt;
    ++digits;
  }
  if (digits == 0) return std::nullopt;
  std::string unit = text.substr(digits);
  int64_t scale = unit.empty() || unit == "s" ? 1 : unit == "m" ? 60 : unit == "h" ? 3600 : unit == "d" ? 86400 : 0;
  if (scale == 0 || value == 0) return std::nullopt;
  return value * scale;
}

}  // namespace crowdlens
