// Fuzzes the timestamp parser (core/time.h ParseTimestamp) with arbitrary text.
// Invariants: a parsed time formats (FormatTimestamp) to text that parses back to
// the same second whenever its year lies in the range the parser accepts
// (1970-2200); and text already in the canonical form "YYYY-MM-DDTHH:MM:SSZ"
// that parses formats back to itself, so no impossible date (a 31st of
// February) is silently moved to another day.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/time.h"
#include "fuzz_check.h"

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// "YYYY-MM-DDTHH:MM:SSZ" with digits where the pattern has them (not checked for range).
bool HasCanonicalShape(std::string_view text) {
  constexpr std::string_view kPattern = "dddd-dd-ddTdd:dd:ddZ";
  if (text.size() != kPattern.size()) return false;
  for (size_t index = 0; index < text.size(); ++index) {
    if (kPattern[index] == 'd' ? !IsDigit(text[index]) : text[index] != kPattern[index]) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::optional<int64_t> parsed = crowdlens::ParseTimestamp(text);
  if (!parsed) return 0;
  std::string formatted = crowdlens::FormatTimestamp(*parsed);
  const bool year_in_range = formatted.size() == 20 && formatted.substr(0, 4) >= "1970" && formatted.substr(0, 4) <= "2200";
  if (year_in_range) {
    std::optional<int64_t> reparsed = crowdlens::ParseTimestamp(formatted);
    FUZZ_CHECK(reparsed && *reparsed == *parsed, "a formatted timestamp does not parse back to the same second");
  }
  // A leap second (":60") is accepted and lands on the next minute's first second.
  if (HasCanonicalShape(text) && text.substr(17, 2) != "60") {
    FUZZ_CHECK(formatted == text, "a canonical timestamp formats to another date or time");
  }
  return 0;
}
