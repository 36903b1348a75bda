// Fuzzes the location resolver (text/location.h) with arbitrary profile
// location text and time zone: the bytes up to the first newline are the
// location, the rest the time zone. The built-in gazetteer is parsed once.
// Invariants: an answer is known exactly when its method names a place
// (city, region, country, flag, time zone); a known country is two upper-case
// letters with an English name; confidence lies in [0, 1] and is 0 when nothing
// is known; coordinates come only with a city and are real latitudes and
// longitudes; the time-zone fallback is used only when the text names nothing;
// resolving again gives the same answer.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "text/location.h"

namespace {

using crowdlens::text::LocationMethod;
using crowdlens::text::ResolvedLocation;

const crowdlens::text::LocationResolver& Resolver() {
  static const crowdlens::text::LocationResolver resolver = [] {
    auto loaded = crowdlens::text::LocationResolver::Load();
    FUZZ_CHECK(loaded.ok(), "the built-in gazetteer does not load");
    return *loaded;
  }();
  return resolver;
}

bool MethodNamesPlace(LocationMethod method) {
  return method == LocationMethod::kCity || method == LocationMethod::kRegion || method == LocationMethod::kCountry ||
         method == LocationMethod::kFlag || method == LocationMethod::kTimeZone;
}

void CheckAnswer(const ResolvedLocation& where) {
  FUZZ_CHECK(where.known() == MethodNamesPlace(where.method), "known() disagrees with the method");
  FUZZ_CHECK(where.confidence >= 0 && where.confidence <= 1, "confidence outside [0, 1]");
  if (where.known()) {
    FUZZ_CHECK(where.country.size() == 2 && where.country[0] >= 'A' && where.country[0] <= 'Z' &&
                   where.country[1] >= 'A' && where.country[1] <= 'Z',
               "a country that is not an ISO 3166-1 alpha-2 code");
    FUZZ_CHECK(!where.country_name.empty(), "a known country without its name");
  } else {
    FUZZ_CHECK(where.confidence == 0, "confidence in an unknown place");
    FUZZ_CHECK(where.region.empty() && where.city.empty(), "a region or city without a country");
  }
  FUZZ_CHECK(where.latitude.has_value() == where.longitude.has_value(), "half a coordinate");
  if (where.latitude) {
    FUZZ_CHECK(!where.city.empty(), "coordinates above city level");
    FUZZ_CHECK(*where.latitude >= -90 && *where.latitude <= 90, "a latitude outside [-90, 90]");
    FUZZ_CHECK(*where.longitude >= -180 && *where.longitude <= 180, "a longitude outside [-180, 180]");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  size_t newline = bytes.find('\n');
  std::string_view location_text = bytes.substr(0, newline);
  std::string_view time_zone = newline == std::string_view::npos ? std::string_view{} : bytes.substr(newline + 1);

  const auto& resolver = Resolver();
  ResolvedLocation from_text = resolver.ResolveText(location_text);
  CheckAnswer(from_text);
  FUZZ_CHECK(from_text.method != LocationMethod::kTimeZone, "the text alone resolved by time zone");
  ResolvedLocation from_zone = resolver.ResolveTimeZone(time_zone);
  CheckAnswer(from_zone);
  ResolvedLocation both = resolver.Resolve(location_text, time_zone);
  CheckAnswer(both);
  if (from_text.known()) {
    FUZZ_CHECK(both.country == from_text.country && both.method == from_text.method,
               "the time zone overrode what the text names");
  }
  ResolvedLocation again = resolver.ResolveText(location_text);
  FUZZ_CHECK(again.country == from_text.country && again.region == from_text.region && again.city == from_text.city &&
                 again.method == from_text.method && again.confidence == from_text.confidence,
             "resolving the same text twice gives different answers");
  return 0;
}
