// Where a profile says its owner is: free text ("Manchester, UK", "NYC / LDN",
// "🇬🇧", "somewhere over the rainbow") resolved to a country, region and city
// with a confidence, or to unknown: never a guess dressed as a fact.
//
// The text is tokenised (location_tokens.h) and its longest spans looked up in
// the gazetteer (gazetteer.h); each match is a mention with every place its
// words can name. The country named by the most mentions wins (ties: the one
// named first, then the larger population), so context settles ambiguity
// ("Paris, Texas" is in the US, "Paris" alone in France); then the most
// specific place in that country is reported. Confidence falls with ambiguity
// (the chosen reading's share of the population its words could mean), with
// disagreement between mentions ("NYC / LDN") and with weak evidence (codes,
// nicknames). Only when the text names nothing is the account's time zone used,
// labelled method "time_zone" with a low confidence.
//
//   Result<LocationResolver> resolver = LocationResolver::Load();   // parses the gazetteer once
//   ResolvedLocation where = resolver->Resolve("Paris, Texas");
//   where.country;  // "US"; where.region "Texas"; where.city "Paris"; where.method LocationMethod::kCity
//   resolver->Resolve("", "London").method;  // LocationMethod::kTimeZone, country "GB"
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"
#include "text/gazetteer.h"

namespace crowdlens::text {

// What the answer rests on; the last four say why there is none.
enum class LocationMethod {
  kCity,        // a city's name, abbreviation or nickname
  kRegion,      // a state, province, nation or county
  kCountry,     // a country's name or code
  kFlag,        // a flag emoji
  kTimeZone,    // nothing in the text; the account's time zone (low confidence)
  kEmpty,       // no text and no time zone
  kNotAPlace,   // only phrases that are no place ("Earth", "the internet")
  kTooBroad,    // only areas wider than a country ("Europe")
  kNoMatch,     // words that name no place the gazetteer knows
};

// A short stable name for a method ("city", "time_zone", "no_match").
const char* LocationMethodName(LocationMethod method);

struct ResolvedLocation {
  std::string country;       // ISO 3166-1 alpha-2; empty when unknown
  std::string country_name;  // English
  std::string region;        // first-level region (state, province, nation); may be empty
  std::string region_code;   // its ISO 3166-2 code when iso-codes has one
  std::string city;          // empty unless a city was named
  std::optional<double> latitude;   // the city's; none above city level
  std::optional<double> longitude;
  double confidence = 0;     // 0..1: how far the country (and city, if any) can be trusted
  LocationMethod method = LocationMethod::kEmpty;
  std::string matched;       // the normalised words it rests on ("paris + texas")

  bool known() const { return !country.empty(); }
};

class LocationResolver {
 public:
  // A resolver over the built-in gazetteer (parsed on the first call only).
  static Result<LocationResolver> Load();

  explicit LocationResolver(const Gazetteer& gazetteer) : gazetteer_(&gazetteer) {}

  // Resolves a profile's location text; when it names nothing, falls back to
  // `time_zone` (a profile time zone such as "London" or "Eastern Time (US & Canada)").
  ResolvedLocation Resolve(std::string_view location_text, std::string_view time_zone = {}) const;

  // The text alone, without the time-zone fallback.
  ResolvedLocation ResolveText(std::string_view location_text) const;

  // A profile time zone alone: country (and region) only, method kTimeZone.
  ResolvedLocation ResolveTimeZone(std::string_view time_zone) const;

  const Gazetteer& gazetteer() const { return *gazetteer_; }

 private:
  const Gazetteer* gazetteer_;
};

}  // namespace crowdlens::text
