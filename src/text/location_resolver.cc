// The second half of resolving a location text (location.h): choosing one
// reading of the mentions, and the time-zone fallback.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "text/location.h"
#include "text/location_mentions.h"
#include "text/normalize.h"

namespace crowdlens::text {
namespace {

// Confidence of each kind of evidence when nothing else in the text contradicts it.
// These are judgement, not fitted values; docs/location.md reports how the
// resulting answers fare against tweets' own place tags.
constexpr double kCityAlone = 0.85;
constexpr double kCityCorroborated = 0.95;  // "Paris, Texas": the city and its region or country agree
constexpr double kRegionAlone = 0.85;
constexpr double kRegionCorroborated = 0.95;
constexpr double kCountryName = 0.9;
constexpr double kFlag = 0.9;
constexpr double kCodeOnly = 0.7;        // "NY", "DEU" alone
constexpr double kNicknameFactor = 0.9;  // "Philly", "the Big Apple"
constexpr double kTimeZone = 0.3;        // a zone is chosen from a list, often left at a default
// Below this share of the population its name could mean, a city is not named:
// "Springfield" is in the US, but which Springfield is a guess.
constexpr double kMinimumCityShare = 0.5;
// A reading holding less than this share of the people a mention's words could
// mean is not enough, alone, to bring its country into contention.
constexpr double kPlausibleShare = 0.25;

// How one country fares as the reading of the whole text.
struct CountryVote {
  uint32_t country = 0;
  int mentions = 0;           // mentions with a place in it
  size_t first_mention = 0;   // the earliest of them
  int64_t population = 0;     // the largest candidate of each of them, summed
};

bool NamesCountry(const LocationMention& mention, uint32_t country) {
  return std::any_of(mention.candidates.begin(), mention.candidates.end(), [&](const PlaceCandidate& candidate) {
    return candidate.entry.kind == PlaceKind::kCountry && candidate.country == country;
  });
}

// A country competes only if it is a plausible reading of at least one mention
// (kPlausibleShare of the people its words could mean): "Paris, Berlin" is not the
// US for holding a small Paris and a small Berlin, while "Paris, Texas" is, since
// Texas names it. Then the most mentions win; ties go to the country named first
// ("NYC / LDN"), then to the larger.
CountryVote ChooseCountry(const std::vector<LocationMention>& mentions) {
  std::map<uint32_t, CountryVote> votes;
  std::set<uint32_t> plausible;
  for (size_t index = 0; index < mentions.size(); ++index) {
    std::map<uint32_t, int64_t> largest;
    int64_t total = 0;
    for (const PlaceCandidate& candidate : mentions[index].candidates) {
      int64_t& best = largest[candidate.country];
      best = std::max(best, candidate.population);
    }
    uint32_t likeliest = largest.begin()->first;
    for (const auto& [country, population] : largest) {
      total += population;
      if (population > largest[likeliest]) likeliest = country;
    }
    plausible.insert(likeliest);  // a name shared by many countries still has its likeliest one
    for (const auto& [country, population] : largest) {
      if (static_cast<double>(population) >= kPlausibleShare * static_cast<double>(total)) plausible.insert(country);
      auto [vote, inserted] = votes.try_emplace(country, CountryVote{.country = country, .first_mention = index});
      ++vote->second.mentions;
      vote->second.population += population;
    }
  }
  const CountryVote* best = nullptr;
  for (const auto& [country, vote] : votes) {
    if (!plausible.count(country)) continue;
    if (!best || std::tie(vote.mentions, best->first_mention, vote.population) >
                     std::tie(best->mentions, vote.first_mention, best->population)) {
      best = &vote;
    }
  }
  return *best;
}

// The share of a mention's possible meanings (by population, one per country)
// that lies in `country`: 1 when the words can only mean that country.
double CountryShare(const LocationMention& mention, uint32_t country) {
  std::map<uint32_t, int64_t> largest;
  for (const PlaceCandidate& candidate : mention.candidates) {
    int64_t& best = largest[candidate.country];
    best = std::max(best, candidate.population);
  }
  if (largest.size() <= 1) return 1.0;
  int64_t total = 0;
  for (const auto& [_, population] : largest) total += population;
  if (total <= 0) return 1.0 / static_cast<double>(largest.size());
  return static_cast<double>(largest[country]) / static_cast<double>(total);
}

// The reading chosen within the winning country.
struct Reading {
  const LocationMention* mention = nullptr;  // the decisive mention
  const PlaceCandidate* place = nullptr;
  double city_share = 1.0;  // the chosen city's share among same-named cities in the country
  bool corroborated = false;
};

double Round(double value) { return std::round(value * 100.0) / 100.0; }

void FillRegion(const Gazetteer& gazetteer, uint32_t region_index, ResolvedLocation& result) {
  if (region_index == kNoRegion) return;
  const Region& named = gazetteer.region(region_index);
  const Region& first_level = named.first_level == kNoRegion ? named : gazetteer.region(named.first_level);
  result.region = first_level.name;
  result.region_code = first_level.iso_code;
}

ResolvedLocation Unknown(LocationMethod method) {
  ResolvedLocation result;
  result.method = method;
  return result;
}

}  // namespace

const char* LocationMethodName(LocationMethod method) {
  switch (method) {
    case LocationMethod::kCity: return "city";
    case LocationMethod::kRegion: return "region";
    case LocationMethod::kCountry: return "country";
    case LocationMethod::kFlag: return "flag";
    case LocationMethod::kTimeZone: return "time_zone";
    case LocationMethod::kEmpty: return "empty";
    case LocationMethod::kNotAPlace: return "not_a_place";
    case LocationMethod::kTooBroad: return "too_broad";
    case LocationMethod::kNoMatch: return "no_match";
  }
  return "unknown";
}

Result<LocationResolver> LocationResolver::Load() {
  Result<const Gazetteer*> gazetteer = Gazetteer::Builtin();
  if (!gazetteer.ok()) return gazetteer.status();
  return LocationResolver(**gazetteer);
}

ResolvedLocation LocationResolver::Resolve(std::string_view location_text, std::string_view time_zone) const {
  ResolvedLocation from_text = ResolveText(location_text);
  if (from_text.known()) return from_text;
  ResolvedLocation from_zone = ResolveTimeZone(time_zone);
  return from_zone.known() ? from_zone : from_text;
}

ResolvedLocation LocationResolver::ResolveText(std::string_view location_text) const {
  const Gazetteer& gazetteer = *gazetteer_;
  LocationMentions found = FindLocationMentions(gazetteer, location_text);
  if (found.places.empty()) {
    if (found.saw_too_broad) return Unknown(LocationMethod::kTooBroad);
    if (found.saw_non_place) return Unknown(LocationMethod::kNotAPlace);
    return Unknown(found.saw_words ? LocationMethod::kNoMatch : LocationMethod::kEmpty);
  }
  const std::vector<LocationMention>& mentions = found.places;
  CountryVote vote = ChooseCountry(mentions);

  // First-level regions each mention names in the chosen country: a city in one
  // of them named by another mention is corroborated ("Birmingham, AL").
  std::vector<std::set<uint32_t>> regions_named(mentions.size());
  for (size_t index = 0; index < mentions.size(); ++index) {
    for (const PlaceCandidate& candidate : mentions[index].candidates) {
      if (candidate.entry.kind != PlaceKind::kRegion || candidate.country != vote.country) continue;
      const Region& region = gazetteer.region(candidate.entry.index);
      if (region.first_level != kNoRegion) regions_named[index].insert(region.first_level);
    }
  }
  auto region_named_elsewhere = [&](uint32_t region, size_t mention_index) {
    for (size_t other = 0; other < mentions.size(); ++other) {
      if (other != mention_index && regions_named[other].count(region)) return true;
    }
    return false;
  };

  // The most specific place: a city (corroborated ones first, then the earliest),
  // else a region, else the country itself.
  Reading reading;
  for (size_t index = 0; index < mentions.size(); ++index) {
    const LocationMention& mention = mentions[index];
    if (NamesCountry(mention, vote.country)) continue;  // "Mexico", "Singapore": the country is meant
    const PlaceCandidate* best = nullptr;
    bool best_corroborated = false;
    int64_t same_named_population = 0;
    for (const PlaceCandidate& candidate : mention.candidates) {
      if (candidate.entry.kind != PlaceKind::kCity || candidate.country != vote.country) continue;
      same_named_population += candidate.population;
      bool corroborated = region_named_elsewhere(gazetteer.city(candidate.entry.index).region, index);
      if (!best || std::tie(corroborated, candidate.population) > std::tie(best_corroborated, best->population)) {
        best = &candidate;
        best_corroborated = corroborated;
      }
    }
    if (!best) continue;
    double share = same_named_population > 0
                       ? static_cast<double>(best->population) / static_cast<double>(same_named_population)
                       : 1.0;
    if (!best_corroborated && share < kMinimumCityShare) continue;
    if (!reading.place || (best_corroborated && !reading.corroborated)) {
      reading = {.mention = &mention, .place = best, .city_share = best_corroborated ? 1.0 : share,
                 .corroborated = best_corroborated};
    }
  }
  if (!reading.place) {
    for (const LocationMention& mention : mentions) {
      if (NamesCountry(mention, vote.country)) continue;
      for (const PlaceCandidate& candidate : mention.candidates) {
        if (candidate.entry.kind != PlaceKind::kRegion || candidate.country != vote.country) continue;
        if (!reading.place || (reading.mention == &mention && candidate.population > reading.place->population)) {
          reading = {.mention = &mention, .place = &candidate, .city_share = 1.0, .corroborated = false};
        }
      }
      if (reading.place) break;
    }
  }
  bool country_level = !reading.place;
  if (country_level) {
    // The first mention in the country decides; a country candidate of it if it has one
    // ("UK"), else whatever it names there ("Springfield": a city, but not which).
    for (const LocationMention& mention : mentions) {
      for (const PlaceCandidate& candidate : mention.candidates) {
        if (candidate.country != vote.country) continue;
        if (!reading.place || (candidate.entry.kind == PlaceKind::kCountry && reading.place->entry.kind != PlaceKind::kCountry)) {
          reading = {.mention = &mention, .place = &candidate};
        }
      }
      if (reading.place) break;
    }
  }

  ResolvedLocation result;
  const Country& country = gazetteer.country(vote.country);
  result.country = country.code;
  result.country_name = country.name;
  const NameEntry& entry = reading.place->entry;
  bool other_mentions_agree = vote.mentions >= 2;
  double confidence = 0;
  if (country_level) {
    result.method = entry.kind == PlaceKind::kCountry ? LocationMethod::kCountry
                    : entry.kind == PlaceKind::kRegion ? LocationMethod::kRegion
                                                       : LocationMethod::kCity;
    confidence = entry.kind == PlaceKind::kCountry ? kCountryName : kCityAlone;
  } else if (entry.kind == PlaceKind::kCity) {
    const City& city = gazetteer.city(entry.index);
    result.city = city.name;
    result.latitude = city.latitude;
    result.longitude = city.longitude;
    FillRegion(gazetteer, city.region, result);
    result.method = LocationMethod::kCity;
    confidence = (reading.corroborated || other_mentions_agree) ? kCityCorroborated : kCityAlone;
  } else if (entry.kind == PlaceKind::kRegion) {
    FillRegion(gazetteer, entry.index, result);
    result.method = LocationMethod::kRegion;
    confidence = other_mentions_agree ? kRegionCorroborated : kRegionAlone;
  } else {
    result.method = LocationMethod::kCountry;
    confidence = kCountryName;
  }
  if (entry.flags & kCode) confidence = std::min(confidence, other_mentions_agree ? kCountryName : kCodeOnly);
  if (entry.flags & kNickname) confidence *= kNicknameFactor;
  if (reading.mention->from_flag) {
    result.method = LocationMethod::kFlag;
    confidence = other_mentions_agree ? kCityCorroborated : kFlag;
  }
  // Ambiguity the text does not settle lowers confidence: across countries (by
  // population), within the country (same-named cities) and between mentions
  // that name different countries ("NYC / LDN": one of two).
  if (!other_mentions_agree) confidence *= CountryShare(*reading.mention, vote.country);
  confidence *= reading.city_share;
  confidence *= static_cast<double>(vote.mentions) / static_cast<double>(mentions.size());
  result.confidence = Round(confidence);

  for (const LocationMention& mention : mentions) {
    bool in_country = std::any_of(mention.candidates.begin(), mention.candidates.end(),
                                  [&](const PlaceCandidate& candidate) { return candidate.country == vote.country; });
    if (!in_country) continue;
    if (!result.matched.empty()) result.matched += " + ";
    result.matched += mention.key;
  }
  return result;
}

ResolvedLocation LocationResolver::ResolveTimeZone(std::string_view time_zone) const {
  std::string_view trimmed = time_zone;
  while (!trimmed.empty() && (trimmed.front() == ' ' || trimmed.front() == '\t')) trimmed.remove_prefix(1);
  while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == '\t')) trimmed.remove_suffix(1);
  if (trimmed.empty()) return Unknown(LocationMethod::kEmpty);

  ResolvedLocation result;
  if (const TimeZoneTarget* target = gazetteer_->FindTimeZone(trimmed)) {
    if (!target->place) return Unknown(LocationMethod::kNoMatch);
    const Country& country = gazetteer_->country(gazetteer_->CountryOf(*target->place));
    result.country = country.code;
    result.country_name = country.name;
    if (target->place->kind == PlaceKind::kRegion) FillRegion(*gazetteer_, target->place->index, result);
  } else {
    // Zones named after a place ("London", "Arizona"): the country is what a zone tells,
    // not the city (Europe/Berlin's zone covers all of Germany).
    ResolvedLocation named = ResolveText(trimmed);
    if (!named.known()) return Unknown(named.method);
    result.country = named.country;
    result.country_name = named.country_name;
    if (named.method == LocationMethod::kRegion) {
      result.region = named.region;
      result.region_code = named.region_code;
    }
  }
  result.method = LocationMethod::kTimeZone;
  result.confidence = kTimeZone;
  result.matched = "time zone: " + ReplaceInvalidUtf8(trimmed);
  return result;
}

}  // namespace crowdlens::text
