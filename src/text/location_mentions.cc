#include "text/location_mentions.h"

#include <algorithm>

#include "text/location_tokens.h"

namespace crowdlens::text {
namespace {

// A profile location is a few words; past this many mentions a text is not one,
// and weighing every pair of mentions would cost the square of their number.
constexpr size_t kMaxMentions = 32;

int64_t PopulationOf(const Gazetteer& gazetteer, const NameEntry& entry) {
  switch (entry.kind) {
    case PlaceKind::kCountry: return gazetteer.country(entry.index).population;
    case PlaceKind::kRegion: return gazetteer.region(entry.index).population;
    case PlaceKind::kCity: return gazetteer.city(entry.index).population;
    default: return 0;
  }
}

PlaceCandidate MakeCandidate(const Gazetteer& gazetteer, const NameEntry& entry) {
  return {.entry = entry, .country = gazetteer.CountryOf(entry), .population = PopulationOf(gazetteer, entry)};
}

// A text mention before weak readings are weighed.
struct RawMention {
  LocationMention mention;
  bool capitalized = false;  // its first word was capitalised
};

void AddFlags(const Gazetteer& gazetteer, std::string_view text, std::vector<RawMention>& out) {
  for (const FlagEmoji& flag : FindFlagEmoji(text)) {
    std::optional<uint32_t> country = gazetteer.FindCountry(flag.country);
    if (!country) continue;
    RawMention raw;
    raw.mention.from_flag = true;
    NameEntry entry{.kind = PlaceKind::kCountry, .flags = 0, .index = *country};
    raw.mention.key = "flag:" + flag.country;
    if (!flag.subdivision.empty()) {
      std::optional<uint32_t> region = gazetteer.FindRegionByIsoCode(flag.subdivision);
      if (!region) continue;
      entry = {.kind = PlaceKind::kRegion, .flags = 0, .index = *region};
      raw.mention.key = "flag:" + flag.subdivision;
    }
    raw.mention.candidates.push_back(MakeCandidate(gazetteer, entry));
    out.push_back(std::move(raw));
  }
}

// Greedy longest match: at each word, the longest span within its segment that
// the gazetteer knows (in the case it was written) becomes a mention.
void AddTextMentions(const Gazetteer& gazetteer, const std::vector<LocationToken>& tokens,
                     std::vector<RawMention>& out, LocationMentions& found) {
  size_t position = 0;
  while (position < tokens.size() && out.size() < kMaxMentions) {
    size_t segment_end = position;
    while (segment_end < tokens.size() && tokens[segment_end].segment == tokens[position].segment) ++segment_end;
    size_t longest = std::min(gazetteer.longest_key_words(), segment_end - position);
    size_t matched_words = 0;
    for (size_t words = longest; words >= 1 && matched_words == 0; --words) {
      std::string key = tokens[position].folded;
      bool all_capitals = tokens[position].all_capitals;
      for (size_t next = position + 1; next < position + words; ++next) {
        key += ' ';
        key += tokens[next].folded;
        all_capitals = all_capitals && tokens[next].all_capitals;
      }
      RawMention raw;
      bool stop_phrase = false;
      for (const NameEntry& entry : gazetteer.Lookup(key)) {
        if (entry.kind == PlaceKind::kNonPlace || entry.kind == PlaceKind::kTooBroad) {
          (entry.kind == PlaceKind::kNonPlace ? found.saw_non_place : found.saw_too_broad) = true;
          stop_phrase = true;
          continue;
        }
        // Codes and capital-only abbreviations: "NY" and "LA" are places, "la" is not.
        if ((entry.flags & (kCode | kCapitalsOnly)) && !all_capitals) continue;
        raw.mention.candidates.push_back(MakeCandidate(gazetteer, entry));
      }
      if (stop_phrase) {
        matched_words = words;
      } else if (!raw.mention.candidates.empty()) {
        raw.mention.key = std::move(key);
        raw.capitalized = tokens[position].capitalized;
        out.push_back(std::move(raw));
        matched_words = words;
      }
      if (words == 1) break;
    }
    position += matched_words ? matched_words : 1;
  }
}

bool NeedsCorroboration(const PlaceCandidate& candidate, const RawMention& raw, size_t mention_count) {
  if (raw.mention.from_flag || !(candidate.entry.flags & kCommonWord)) return false;
  if (candidate.entry.flags & kCode) return true;
  // "Reading" alone, capitalised, is taken to mean the town; "reading" is not.
  return !(raw.capitalized && mention_count == 1);
}

}  // namespace

LocationMentions FindLocationMentions(const Gazetteer& gazetteer, std::string_view text) {
  LocationMentions found;
  std::vector<RawMention> raw_mentions;
  AddFlags(gazetteer, text, raw_mentions);
  std::vector<LocationToken> tokens = TokenizeLocation(text);
  found.saw_words = !tokens.empty();
  AddTextMentions(gazetteer, tokens, raw_mentions, found);

  // Weak readings stay only where another mention names a place in the same country.
  for (size_t index = 0; index < raw_mentions.size(); ++index) {
    const RawMention& raw = raw_mentions[index];
    LocationMention kept{.key = raw.mention.key, .candidates = {}, .from_flag = raw.mention.from_flag};
    for (const PlaceCandidate& candidate : raw.mention.candidates) {
      bool corroborated = !NeedsCorroboration(candidate, raw, raw_mentions.size());
      for (size_t other = 0; other < raw_mentions.size() && !corroborated; ++other) {
        // The same words twice ("Coast to Coast") corroborate nothing.
        if (other == index || raw_mentions[other].mention.key == raw.mention.key) continue;
        for (const PlaceCandidate& beside : raw_mentions[other].mention.candidates) {
          if (beside.country == candidate.country) {
            corroborated = true;
            break;
          }
        }
      }
      if (corroborated) kept.candidates.push_back(candidate);
    }
    if (!kept.candidates.empty()) found.places.push_back(std::move(kept));
  }
  return found;
}

}  // namespace crowdlens::text
