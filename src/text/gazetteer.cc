#include "text/gazetteer.h"

#include <algorithm>
#include <charconv>
#include <mutex>

#include "text/gazetteer_data.h"
#include "text/location_tokens.h"

namespace crowdlens::text {
namespace {

std::vector<std::string_view> SplitFields(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) return fields;
    start = tab + 1;
  }
}

template <typename Number>
bool ParseNumber(std::string_view text, Number& value) {
  const char* end = text.data() + text.size();
  auto [pointer, error] = std::from_chars(text.data(), end, value);
  return error == std::errc() && pointer == end;
}

// Written forms that mean the same first word ("St. Louis" and "Saint Louis").
constexpr std::pair<std::string_view, std::string_view> kPrefixVariants[] = {
    {"saint ", "st "}, {"sainte ", "ste "}, {"mount ", "mt "}, {"fort ", "ft "}};

}  // namespace

class Gazetteer::Builder {
 public:
  explicit Builder(Gazetteer& gazetteer) : gazetteer_(gazetteer) {}

  Status AddLine(std::string_view line) {
    std::vector<std::string_view> fields = SplitFields(line);
    std::string_view kind = fields[0];
    if (kind == "C" && fields.size() >= 5) return AddCountry(fields);
    if (kind == "R" && fields.size() >= 6) return AddRegion(fields);
    if (kind == "S" && fields.size() >= 6) return AddSubdivision(fields);
    if (kind == "P" && fields.size() >= 7) return AddCity(fields);
    if (kind == "A" && fields.size() == 4) return AddAlias(fields);
    if (kind == "X" && fields.size() == 3) {
      PlaceKind phrase_kind = fields[1] == "too_broad" ? PlaceKind::kTooBroad : PlaceKind::kNonPlace;
      AddName(fields[2], {.kind = phrase_kind, .flags = 0, .index = 0});
      return Status::Ok();
    }
    if (kind == "T" && fields.size() == 3) {
      TimeZoneTarget target;
      if (fields[2] != "-") {
        Result<NameEntry> place = ParseTarget(fields[2]);
        if (!place.ok()) return place.status();
        target.place = *place;
      }
      gazetteer_.time_zones_.emplace(std::string(fields[1]), target);
      return Status::Ok();
    }
    return DataError("unexpected record '" + std::string(line.substr(0, 40)) + "'");
  }

  void Finish() {
    std::sort(pending_.begin(), pending_.end(), [](const auto& left, const auto& right) {
      if (left.first != right.first) return left.first < right.first;
      if (left.second.kind != right.second.kind) return left.second.kind < right.second.kind;
      return left.second.index < right.second.index;
    });
    for (size_t position = 0; position < pending_.size();) {
      const std::string& key = pending_[position].first;
      EntryRange range{.begin = static_cast<uint32_t>(gazetteer_.entries_.size()), .count = 0};
      for (; position < pending_.size() && pending_[position].first == key; ++position) {
        const NameEntry& entry = pending_[position].second;
        NameEntry* last = range.count ? &gazetteer_.entries_.back() : nullptr;
        if (last && last->kind == entry.kind && last->index == entry.index) {
          // Two spellings with one key: trust the place as much as the freer of them.
          last->flags &= entry.flags;
          continue;
        }
        gazetteer_.entries_.push_back(entry);
        ++range.count;
      }
      gazetteer_.longest_key_words_ =
          std::max(gazetteer_.longest_key_words_, static_cast<size_t>(std::count(key.begin(), key.end(), ' ') + 1));
      gazetteer_.index_.emplace(key, range);
    }
    pending_.clear();
  }

 private:
  Status AddCountry(const std::vector<std::string_view>& fields) {
    Country country{.code = std::string(fields[1]), .code3 = fields[2] == "-" ? std::string() : std::string(fields[2]),
                    .name = {}, .population = 0};
    if (!ParseNumber(fields[3], country.population)) return DataError("bad population");
    country.name = std::string(StripMark(fields[4]));
    auto index = static_cast<uint32_t>(gazetteer_.countries_.size());
    gazetteer_.country_by_code_.emplace(country.code, index);
    gazetteer_.countries_.push_back(std::move(country));
    AddNames(fields, 4, {.kind = PlaceKind::kCountry, .flags = 0, .index = index});
    return Status::Ok();
  }

  // R key country iso_code|- population names...
  Status AddRegion(const std::vector<std::string_view>& fields) {
    auto country = gazetteer_.FindCountry(fields[2]);
    if (!country) return DataError("unknown country " + std::string(fields[2]));
    auto index = static_cast<uint32_t>(gazetteer_.regions_.size());
    Region region{.iso_code = fields[3] == "-" ? std::string() : std::string(fields[3]),
                  .name = std::string(StripMark(fields[5])), .country = *country, .first_level = index,
                  .population = 0};
    if (!ParseNumber(fields[4], region.population)) return DataError("bad population");
    region_by_key_.emplace(std::string(fields[1]), index);
    if (!region.iso_code.empty()) gazetteer_.region_by_iso_.emplace(region.iso_code, index);
    gazetteer_.regions_.push_back(std::move(region));
    AddNames(fields, 5, {.kind = PlaceKind::kRegion, .flags = 0, .index = index});
    return Status::Ok();
  }

  // S iso_code parent_key|- country population names...
  Status AddSubdivision(const std::vector<std::string_view>& fields) {
    auto country = gazetteer_.FindCountry(fields[3]);
    if (!country) return DataError("unknown country " + std::string(fields[3]));
    uint32_t parent = kNoRegion;
    if (fields[2] != "-") {
      auto found = region_by_key_.find(std::string(fields[2]));
      if (found == region_by_key_.end()) return DataError("unknown region " + std::string(fields[2]));
      parent = found->second;
    }
    auto index = static_cast<uint32_t>(gazetteer_.regions_.size());
    Region region{.iso_code = std::string(fields[1]), .name = std::string(StripMark(fields[5])), .country = *country,
                  .first_level = parent, .population = 0};
    if (!ParseNumber(fields[4], region.population)) return DataError("bad population");
    gazetteer_.region_by_iso_.emplace(region.iso_code, index);
    gazetteer_.regions_.push_back(std::move(region));
    AddNames(fields, 5, {.kind = PlaceKind::kRegion, .flags = 0, .index = index});
    return Status::Ok();
  }

  // P geonameid region_key population latitude longitude names...
  Status AddCity(const std::vector<std::string_view>& fields) {
    City city;
    if (!ParseNumber(fields[1], city.geonameid) || !ParseNumber(fields[3], city.population) ||
        !ParseNumber(fields[4], city.latitude) || !ParseNumber(fields[5], city.longitude)) {
      return DataError("bad number in a city");
    }
    auto region = region_by_key_.find(std::string(fields[2]));
    if (region != region_by_key_.end()) {
      city.region = region->second;
      city.country = gazetteer_.regions_[region->second].country;
    } else {
      // A city whose region GeoNames left unnamed still has a country: the key's prefix.
      auto country = gazetteer_.FindCountry(fields[2].substr(0, fields[2].find('.')));
      if (!country) return DataError("unknown region " + std::string(fields[2]));
      city.country = *country;
    }
    city.name = std::string(StripMark(fields[6]));
    auto index = static_cast<uint32_t>(gazetteer_.cities_.size());
    gazetteer_.city_by_geonameid_.emplace(city.geonameid, index);
    gazetteer_.cities_.push_back(std::move(city));
    AddNames(fields, 6, {.kind = PlaceKind::kCity, .flags = 0, .index = index});
    return Status::Ok();
  }

  // A flags target alias
  Status AddAlias(const std::vector<std::string_view>& fields) {
    Result<NameEntry> entry = ParseTarget(fields[2]);
    if (!entry.ok()) return entry.status();
    for (char flag : fields[1]) {
      switch (flag) {
        case 'k': entry->flags |= kCode; break;
        case 'w': entry->flags |= kCommonWord; break;
        case 'u': entry->flags |= kCapitalsOnly; break;
        case 'n': entry->flags |= kNickname; break;
        default: return DataError(std::string("unknown alias flag '") + flag + "'");
      }
    }
    AddName(fields[3], *entry);
    return Status::Ok();
  }

  // "P:5128581", "R:US.NY", "S:GB-DEV", "C:GB"
  Result<NameEntry> ParseTarget(std::string_view target) const {
    std::string_view value = target.size() > 2 ? target.substr(2) : std::string_view();
    if (target.starts_with("C:")) {
      if (auto index = gazetteer_.FindCountry(value)) return NameEntry{.kind = PlaceKind::kCountry, .flags = 0, .index = *index};
    } else if (target.starts_with("R:")) {
      auto found = region_by_key_.find(std::string(value));
      if (found != region_by_key_.end()) return NameEntry{.kind = PlaceKind::kRegion, .flags = 0, .index = found->second};
    } else if (target.starts_with("S:")) {
      if (auto index = gazetteer_.FindRegionByIsoCode(value)) return NameEntry{.kind = PlaceKind::kRegion, .flags = 0, .index = *index};
    } else if (target.starts_with("P:")) {
      uint32_t geonameid = 0;
      if (ParseNumber(value, geonameid)) {
        if (auto index = gazetteer_.FindCityByGeonameId(geonameid)) return NameEntry{.kind = PlaceKind::kCity, .flags = 0, .index = *index};
      }
    }
    return DataError("unknown target " + std::string(target));
  }

  static std::string_view StripMark(std::string_view name) { return name.starts_with('~') ? name.substr(1) : name; }

  void AddNames(const std::vector<std::string_view>& fields, size_t first, NameEntry entry) {
    for (size_t field = first; field < fields.size(); ++field) {
      NameEntry named = entry;
      if (fields[field].starts_with('~')) named.flags |= kCommonWord;
      AddName(StripMark(fields[field]), named);
    }
  }

  void AddName(std::string_view name, NameEntry entry) {
    std::string key = LocationKey(name);
    if (key.empty()) return;
    for (const auto& [long_form, short_form] : kPrefixVariants) {
      if (key.starts_with(long_form)) pending_.emplace_back(std::string(short_form) + key.substr(long_form.size()), entry);
      if (key.starts_with(short_form)) pending_.emplace_back(std::string(long_form) + key.substr(short_form.size()), entry);
    }
    // "Trinidad & Tobago" loses its '&' to the tokeniser: "and" may be left out too.
    if (size_t conjunction = key.find(" and "); conjunction != std::string::npos) {
      pending_.emplace_back(key.substr(0, conjunction) + key.substr(conjunction + 4), entry);
    }
    pending_.emplace_back(std::move(key), entry);
  }

  Gazetteer& gazetteer_;
  std::unordered_map<std::string, uint32_t> region_by_key_;  // "GB.ENG"
  std::vector<std::pair<std::string, NameEntry>> pending_;
};

Result<std::unique_ptr<Gazetteer>> Gazetteer::Parse(std::string_view text) {
  auto gazetteer = std::unique_ptr<Gazetteer>(new Gazetteer());
  Builder builder(*gazetteer);
  size_t line_number = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    ++line_number;
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    if (line.empty()) continue;
    Status status = builder.AddLine(line);
    if (!status.ok()) return status.WithContext("gazetteer line " + std::to_string(line_number));
  }
  builder.Finish();
  if (gazetteer->countries_.empty() || gazetteer->cities_.empty()) {
    return DataError("the gazetteer holds no countries or no cities");
  }
  return gazetteer;
}

Result<const Gazetteer*> Gazetteer::Builtin() {
  static std::once_flag once;
  static std::unique_ptr<Gazetteer> parsed;
  static Status failure;
  std::call_once(once, [] {
    Result<std::unique_ptr<Gazetteer>> result = Parse(kGazetteerText);
    if (result.ok()) {
      parsed = std::move(result.value());
    } else {
      failure = result.status().WithContext("the built-in gazetteer (rebuild crowdlens)");
    }
  });
  if (!parsed) return failure;
  return static_cast<const Gazetteer*>(parsed.get());
}

std::span<const NameEntry> Gazetteer::Lookup(std::string_view key) const {
  auto found = index_.find(key);
  if (found == index_.end()) return {};
  return std::span<const NameEntry>(entries_).subspan(found->second.begin, found->second.count);
}

std::optional<uint32_t> Gazetteer::FindCountry(std::string_view alpha2) const {
  auto found = country_by_code_.find(alpha2);
  if (found == country_by_code_.end()) return std::nullopt;
  return found->second;
}

std::optional<uint32_t> Gazetteer::FindRegionByIsoCode(std::string_view iso_code) const {
  auto found = region_by_iso_.find(iso_code);
  if (found == region_by_iso_.end()) return std::nullopt;
  return found->second;
}

std::optional<uint32_t> Gazetteer::FindCityByGeonameId(uint32_t geonameid) const {
  auto found = city_by_geonameid_.find(geonameid);
  if (found == city_by_geonameid_.end()) return std::nullopt;
  return found->second;
}

const TimeZoneTarget* Gazetteer::FindTimeZone(std::string_view name) const {
  auto found = time_zones_.find(name);
  return found == time_zones_.end() ? nullptr : &found->second;
}

uint32_t Gazetteer::CountryOf(const NameEntry& entry) const {
  switch (entry.kind) {
    case PlaceKind::kCountry: return entry.index;
    case PlaceKind::kRegion: return regions_[entry.index].country;
    case PlaceKind::kCity: return cities_[entry.index].country;
    default: return UINT32_MAX;
  }
}

}  // namespace crowdlens::text
