// iCalendar (RFC 5545) files of suggested meetings: one VCALENDAR with a
// VEVENT per meeting, CRLF line endings, content lines folded at 75 octets
// (never inside a UTF-8 sequence; a continuation line starts with a space),
// TEXT values escaped (backslash, ';', ',' and newlines), times in UTC.
//
//   std::string ics = WriteCalendar({{.uid = "1@crowdlens", .start = 1427187600, .end = 1427189400,
//                                     .summary = "Meet @alice"}}, NowSeconds());
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace crowdlens {

struct CalendarEvent {
  std::string uid;  // globally unique, stable for the same meeting
  int64_t start = 0;
  int64_t end = 0;
  std::string summary;
  std::string description;
  std::string location;  // empty: none written
  std::string url;       // empty: none written
};

// The whole file; `stamp` is DTSTAMP (when the file was made), Unix seconds.
std::string WriteCalendar(const std::vector<CalendarEvent>& events, int64_t stamp);

// RFC 5545 3.3.11: backslash, ';' and ',' escaped; a newline becomes "\n".
std::string EscapeCalendarText(std::string_view text);

// RFC 5545 3.1: `line` with CRLF, folded so no line passes 75 octets.
std::string FoldCalendarLine(std::string_view line);

// "20150324T090000Z".
std::string CalendarTime(int64_t unix_seconds);

}  // namespace crowdlens
