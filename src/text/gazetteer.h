// The gazetteer: countries, regions and cities with every name people write
// for them, as one hash table from a normalised name to the places it names.
//
// Built from Debian's data at build time (generate_gazetteer.py: GeoNames'
// cities of 15,000 people or more, CC BY 4.0; iso-codes' ISO 3166-1 and 3166-2
// with their translations; a curated list of nicknames, abbreviations and
// non-places) and compiled into the binary; parsed once, on first use. Keys are
// LocationKey() of each name (location_tokens.h), the same function queries go
// through. The resolver that reads it is location.h.
//
//   Result<const Gazetteer*> gazetteer = Gazetteer::Builtin();
//   for (const NameEntry& entry : (*gazetteer)->Lookup("paris")) {
//     if (entry.kind == PlaceKind::kCity) (*gazetteer)->city(entry.index).population;  // 2138551, 24782, ...
//   }
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"

namespace crowdlens::text {

// What a name refers to. The last two are phrases that name no country.
enum class PlaceKind : uint8_t {
  kCountry,
  kRegion,    // an ISO 3166-2 subdivision or a GeoNames first-level region
  kCity,
  kNonPlace,  // "Earth", "the internet": not a place at all
  kTooBroad,  // "Europe", "Middle East": a real area wider than a country
};

// How far a name can be trusted on its own (bits of NameEntry::flags).
enum NameFlag : uint8_t {
  kCommonWord = 1,    // also an everyday English word ("Reading", "Nice"): wants corroboration
  kCode = 2,          // an ISO code ("GB", "TX", "DEU"): only when written in capitals
  kCapitalsOnly = 4,  // an abbreviation that is a place only in capitals ("LA", "SF")
  kNickname = 8,      // a nickname ("the Big Apple", "Philly"): trusted a little less than a name
};

// One place a name refers to.
struct NameEntry {
  PlaceKind kind = PlaceKind::kCity;
  uint8_t flags = 0;   // NameFlag bits
  uint32_t index = 0;  // into countries, regions or cities by kind; unused for the last two kinds
};

struct Country {
  std::string code;   // ISO 3166-1 alpha-2
  std::string code3;  // ISO 3166-1 alpha-3
  std::string name;   // English
  int64_t population = 0;  // sum over the gazetteer's cities: for ranking readings only
};

inline constexpr uint32_t kNoRegion = UINT32_MAX;

struct Region {
  std::string iso_code;  // ISO 3166-2 ("GB-ENG"), empty when iso-codes has none for it
  std::string name;      // English
  uint32_t country = 0;
  // The first-level region it lies in: itself for a first-level region, its
  // parent for a county or province, kNoRegion when unknown.
  uint32_t first_level = kNoRegion;
  // Cities' sum for first-level regions; an even share of the parent's for finer ones.
  int64_t population = 0;
};

struct City {
  uint32_t geonameid = 0;
  std::string name;  // English (GeoNames' name)
  uint32_t country = 0;
  uint32_t region = kNoRegion;  // its first-level region
  int64_t population = 0;
  double latitude = 0;
  double longitude = 0;
};

// What a profile time zone that is not a place name implies ("Eastern Time (US & Canada)").
struct TimeZoneTarget {
  std::optional<NameEntry> place;  // empty: the zone implies no country ("UTC")
};

class Gazetteer {
 public:
  // Parses records in the format of generate_gazetteer.py; a malformed line is a
  // data error naming its line number.
  static Result<std::unique_ptr<Gazetteer>> Parse(std::string_view text);

  // The gazetteer compiled into the binary, parsed on the first call (thread-safe);
  // later calls return the same object.
  static Result<const Gazetteer*> Builtin();

  // The places named by `key` (a LocationKey), empty when none.
  std::span<const NameEntry> Lookup(std::string_view key) const;
  // The most words any key has: longer spans of a text need not be looked up.
  size_t longest_key_words() const { return longest_key_words_; }

  const Country& country(uint32_t index) const { return countries_[index]; }
  const Region& region(uint32_t index) const { return regions_[index]; }
  const City& city(uint32_t index) const { return cities_[index]; }
  size_t country_count() const { return countries_.size(); }
  size_t region_count() const { return regions_.size(); }
  size_t city_count() const { return cities_.size(); }
  size_t key_count() const { return index_.size(); }

  std::optional<uint32_t> FindCountry(std::string_view alpha2) const;
  std::optional<uint32_t> FindRegionByIsoCode(std::string_view iso_code) const;
  std::optional<uint32_t> FindCityByGeonameId(uint32_t geonameid) const;
  // A curated time zone by its exact name, or nullptr when the name is a place name to look up.
  const TimeZoneTarget* FindTimeZone(std::string_view name) const;

  // The country a place lies in.
  uint32_t CountryOf(const NameEntry& entry) const;

 private:
  struct KeyHash {
    using is_transparent = void;
    size_t operator()(std::string_view key) const { return std::hash<std::string_view>{}(key); }
  };
  struct EntryRange {
    uint32_t begin = 0;
    uint32_t count = 0;
  };
  class Builder;

  std::vector<Country> countries_;
  std::vector<Region> regions_;
  std::vector<City> cities_;
  std::vector<NameEntry> entries_;  // grouped by key; index_ points into it
  std::unordered_map<std::string, EntryRange, KeyHash, std::equal_to<>> index_;
  std::unordered_map<std::string, uint32_t, KeyHash, std::equal_to<>> country_by_code_;
  std::unordered_map<std::string, uint32_t, KeyHash, std::equal_to<>> region_by_iso_;
  std::unordered_map<uint32_t, uint32_t> city_by_geonameid_;
  std::unordered_map<std::string, TimeZoneTarget, KeyHash, std::equal_to<>> time_zones_;
  size_t longest_key_words_ = 1;
};

}  // namespace crowdlens::text
