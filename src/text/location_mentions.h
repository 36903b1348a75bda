// The first half of resolving a location text (location.h): finding what it
// mentions. Flag emoji and the longest word spans the gazetteer knows become
// mentions, each with every place it can name; weak readings that nothing else
// in the text corroborates are dropped.
//
// Weak readings: a code written in capitals that is also an English word ("IN",
// "CA": Indiana, or "in"?) and a place name that is an everyday word ("Reading",
// "Orange") stand only beside another mention of the same country ("Orange, CA"
// keeps both) or, for a name, when it is capitalised and the only place named.
//
//   LocationMentions found = FindLocationMentions(gazetteer, "Birmingham, AL");
//   found.places[0].key;                 // "birmingham" (cities in GB and the US)
//   found.places[1].candidates.size();   // 1: Alabama (Albania's "AL" needs a word beside it in Albania)
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/gazetteer.h"

namespace crowdlens::text {

// One place a mention can mean.
struct PlaceCandidate {
  NameEntry entry;
  uint32_t country = 0;
  int64_t population = 0;
};

// A span of the text (or a flag) that names one or more places.
struct LocationMention {
  std::string key;  // the normalised words ("paris"), or "flag:GB" / "flag:GB-ENG"
  std::vector<PlaceCandidate> candidates;
  bool from_flag = false;
};

struct LocationMentions {
  std::vector<LocationMention> places;  // flags first, then the text's mentions in order
  bool saw_words = false;               // the text had any word at all
  bool saw_non_place = false;           // "Earth", "the internet"
  bool saw_too_broad = false;           // "Europe"
};

LocationMentions FindLocationMentions(const Gazetteer& gazetteer, std::string_view text);

}  // namespace crowdlens::text
