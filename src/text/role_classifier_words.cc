#include "text/role_classifier_words.h"

#include <set>

#include "text/code_points.h"
#include "text/stemmer.h"
#include "text/urls.h"

namespace crowdlens::text {
namespace {

bool EndsClause(const CodePoints& points, size_t index) {
  switch (points.at(index)) {
    // clang-format off
    case ';': case ',': case '|': case '/': case '!': case '?': case '\n': case '\r':
    // clang-format on
    case 0x2022:  // bullet
    case 0x00B7:  // middle dot
    case 0x2013:  // en dash
    case 0x2014:  // em dash
      return true;
    case '.':
      // "U.S." and "bbc.co.uk" stay whole: only a full stop before a space or the end closes a clause.
      return index + 1 >= points.size() || IsTwitterSpace(points.at(index + 1));
    case '-':
      return index > 0 && IsTwitterSpace(points.at(index - 1)) && IsTwitterSpace(points.at(index + 1));
    default:
      return false;
  }
}

// Words of a past role: "former editor", "ex-BBC journalist".
bool IsPastMarker(const std::string& word) {
  static const std::set<std::string> markers = {"former", "formerly",  "ex",       "retired",   "previously", "fmr",
                                                "past",   "erstwhile", "ehemalig", "ehemalige", "ehemaliger"};
  return markers.contains(word);
}

WeightedTerms Compile(std::initializer_list<WeightedTerm> terms) {
  return WeightedTerms(std::vector<WeightedTerm>(terms));
}

}  // namespace

ProfileWords SplitProfile(std::string_view utf8_text) {
  CodePoints points(utf8_text);
  std::vector<TextEntity> urls = FindUrls(points);
  ProfileWords profile;
  size_t clause = 0;
  size_t clause_begin = 0;
  size_t next_url = 0;
  auto close_clause = [&](size_t end) {
    std::vector<std::string> words = LowercaseWords(points.Slice(clause_begin, end));
    if (!words.empty()) {
      for (std::string& word : words) {
        profile.words.push_back(std::move(word));
        profile.clause.push_back(clause);
      }
      ++clause;
    }
  };
  for (size_t index = 0; index < points.size(); ++index) {
    if (next_url < urls.size() && index == urls[next_url].start) {
      // A URL is no words and its slashes end no clause.
      close_clause(index);
      index = urls[next_url].end - 1;
      clause_begin = urls[next_url].end;
      ++next_url;
      continue;
    }
    if (EndsClause(points, index)) {
      close_clause(index);
      clause_begin = index + 1;
    }
  }
  close_clause(points.size());
  return profile;
}

bool InPastRole(const ProfileWords& profile, size_t position) {
  for (size_t back = 1; back <= 3 && back <= position; ++back) {
    if (profile.clause[position - back] != profile.clause[position]) return false;
    if (IsPastMarker(profile.words[position - back])) return true;
  }
  return false;
}

WeightedTerms::WeightedTerms(std::vector<WeightedTerm> terms) : terms_(std::move(terms)) {
  for (const WeightedTerm& term : terms_) matcher_.Add(LowercaseWords(term.phrase));
}

std::vector<TermHit> FindTerms(const ProfileWords& profile, const WeightedTerms& list) {
  std::vector<TermHit> hits;
  std::set<size_t> found;
  for (const PhraseMatch& match : list.matcher().FindAll(profile.words)) {
    if (found.contains(match.phrase)) continue;
    const WeightedTerm& term = list.terms()[match.phrase];
    size_t clause = profile.clause[match.position];
    bool starts_clause = match.position == 0 || profile.clause[match.position - 1] != clause;
    if (term.clause_start_only && !starts_clause) continue;
    if (InPastRole(profile, match.position)) continue;
    std::string context;
    size_t end = match.position + match.length;
    for (size_t position = match.position; position < profile.words.size() && position < end + 3; ++position) {
      if (profile.clause[position] != clause) break;
      context += (context.empty() ? "" : " ") + profile.words[position];
    }
    found.insert(match.phrase);
    hits.push_back({.term = &term, .position = match.position, .length = match.length, .context = std::move(context)});
  }
  return hits;
}

double NoisyOr(const std::vector<TermHit>& hits) {
  double none = 1;
  for (const TermHit& hit : hits) none *= 1 - hit.term->weight;
  return 1 - none;
}

const WeightedTerms& MediaTerms() {
  // clang-format off: word tables read best dense.
  static const WeightedTerms terms = Compile({
      // Titles of people who report, edit or present (English, German, Spanish, French).
      {"journalist", 0.8},
      {"journalists", 0.8},
      {"reporter", 0.8},
      {"reporters", 0.8},
      {"correspondent", 0.8},
      {"correspondents", 0.8},
      {"editor", 0.8},
      {"editors", 0.8},
      {"columnist", 0.8},
      {"broadcaster", 0.8},
      {"presenter", 0.8},
      {"newsreader", 0.8},
      {"news anchor", 0.8},
      {"anchor", 0.6},
      {"photojournalist", 0.8},
      {"videojournalist", 0.8},
      {"journalistin", 0.8},
      {"journalisten", 0.8},
      {"redakteur", 0.8},
      {"redakteurin", 0.8},
      {"chefredakteur", 0.8},
      {"chefredakteurin", 0.8},
      {"korrespondent", 0.8},
      {"korrespondentin", 0.8},
      {"reporterin", 0.8},
      {"kolumnist", 0.8},
      {"kolumnistin", 0.8},
      {"moderatorin", 0.7},
      {"moderator", 0.5},
      {"periodista", 0.8},
      {"corresponsal", 0.8},
      {"journaliste", 0.8},
      {"rédacteur", 0.7},
      {"rédactrice", 0.7},
      // Writers and hosts: often but not always media work.
      {"author", 0.6},
      {"authors", 0.6},
      {"writer", 0.6},
      {"writers", 0.6},
      {"novelist", 0.6},
      {"screenwriter", 0.6},
      {"commentator", 0.6},
      {"podcaster", 0.6},
      {"host of", 0.6},
      {"writes for", 0.7},
      {"writing for", 0.7},
      {"contributor", 0.5},
      {"blogger", 0.5},
      {"bloggerin", 0.5},
      {"autor", 0.6},
      {"autorin", 0.6},
      {"escritor", 0.6},
      {"escritora", 0.6},
      {"auteur", 0.6},
      {"producer", 0.4},
      {"journalism", 0.4},
      {"journalistik", 0.4},
      {"periodismo", 0.4},
      // News outlets.
      {"breaking news", 0.7},
      {"news agency", 0.7},
      {"newspaper", 0.7},
      {"news network", 0.7},
      {"news channel", 0.7},
      {"news outlet", 0.7},
      {"news site", 0.7},
      {"news service", 0.7},
      {"latest news", 0.7},
      {"news alerts", 0.7},
      {"news and analysis", 0.7},
      {"magazine", 0.6},
      {"radio station", 0.7},
      {"tv station", 0.7},
      {"tv channel", 0.7},
      {"broadcasting", 0.6},
      {"zeitung", 0.7},
      {"nachrichten", 0.6},
      {"redaktion", 0.6},
      {"noticias", 0.5},
      {"news from", 0.6},
      {"news", 0.4},
      // The disclaimer journalists put in bios; weak alone.
      {"views my own", 0.3},
      {"views are my own", 0.3},
      {"views are mine", 0.3},
      {"opinions my own", 0.3},
      {"opinions are my own", 0.3},
      {"rts are not endorsements", 0.3},
      {"retweets are not endorsements", 0.3},
      {"rt is not endorsement", 0.3},
      {"rts not endorsements", 0.3},
  });
  // clang-format on
  return terms;
}

const WeightedTerms& OutletTerms() {
  // clang-format off: word tables read best dense.
  static const WeightedTerms terms = Compile({
      {"breaking news", 0.7}, {"news agency", 0.7}, {"newspaper", 0.7},         {"news network", 0.7},
      {"news channel", 0.7},  {"news outlet", 0.7}, {"news site", 0.7},         {"news service", 0.7},
      {"latest news", 0.7},   {"news alerts", 0.7}, {"news and analysis", 0.7}, {"magazine", 0.6},
      {"radio station", 0.7}, {"tv station", 0.7},  {"tv channel", 0.7},        {"broadcasting", 0.6},
      {"zeitung", 0.7},       {"nachrichten", 0.6}, {"redaktion", 0.6},         {"noticias", 0.5},
      {"news from", 0.6},
  });
  // clang-format on
  return terms;
}

WeightedTerms SeniorityTerms(const std::vector<std::string>& functions) {
  // clang-format off
  std::vector<WeightedTerm> terms = {
      {"ceo", 0.9}, {"cfo", 0.9}, {"cto", 0.9}, {"coo", 0.9}, {"cmo", 0.9}, {"cio", 0.9}, {"cxo", 0.9},
      {"cco", 0.9}, {"cdo", 0.9}, {"cpo", 0.9}, {"chief", 0.9}, {"founder", 0.9}, {"cofounder", 0.9},
      {"co founder", 0.9}, {"president", 0.9}, {"chairman", 0.9}, {"chairwoman", 0.9}, {"chairperson", 0.9},
      {"chair", 0.7}, {"owner", 0.9, true}, {"owner of", 0.9}, {"co owner", 0.9}, {"business owner", 0.9},
      {"geschäftsführer", 0.9}, {"geschäftsführerin", 0.9}, {"gründer", 0.9}, {"gründerin", 0.9},
      {"inhaber", 0.9}, {"inhaberin", 0.9}, {"vorstand", 0.9}, {"vorsitzender", 0.9}, {"vorsitzende", 0.9},
      {"presidente", 0.9}, {"fundador", 0.9}, {"fundadora", 0.9}, {"président", 0.9}, {"fondateur", 0.9},
      {"vp", 0.8}, {"svp", 0.8}, {"evp", 0.8}, {"vice president", 0.8}, {"director", 0.8}, {"directors", 0.8},
      {"directora", 0.8}, {"directeur", 0.8}, {"direktor", 0.8}, {"direktorin", 0.8}, {"head of", 0.8},
      {"managing director", 0.8}, {"general manager", 0.8}, {"managing partner", 0.8}, {"leiter", 0.8},
      {"leiterin", 0.8},
  };
  // clang-format on
  // A manager or lead counts only for a function the config names: "manager" alone is too common.
  for (const std::string& function : functions) {
    std::string words;
    for (const std::string& word : LowercaseWords(function)) words += (words.empty() ? "" : " ") + word;
    if (words.empty()) continue;
    for (const char* pattern : {"%s manager", "manager of %s", "manager %s", "%s lead", "%s leader"}) {
      std::string phrase = pattern;
      phrase.replace(phrase.find("%s"), 2, words);
      terms.push_back({phrase, 0.6});
    }
  }
  return WeightedTerms(std::move(terms));
}

const WeightedTerms& PersonCues() {
  // clang-format off: word tables read best dense.
  static const WeightedTerms terms = Compile({
      {"i", 0.5},
      {"i'm", 0.5},
      {"my", 0.5},
      {"me", 0.5},
      {"mine", 0.5},
      {"myself", 0.5},
      {"i've", 0.5},
      {"ich", 0.5},
      {"mein", 0.5},
      {"meine", 0.5},
      {"husband", 0.7},
      {"wife", 0.7},
      {"father", 0.7},
      {"mother", 0.7},
      {"dad", 0.7},
      {"mum", 0.7},
      {"mom", 0.7},
      {"papa", 0.7},
      {"mama", 0.7},
      {"son", 0.5},
      {"daughter", 0.7},
      {"grandfather", 0.7},
      {"grandmother", 0.7},
      {"grandma", 0.7},
      {"grandpa", 0.7},
      {"boyfriend", 0.7},
      {"girlfriend", 0.7},
      {"fiancé", 0.7},
      {"fiance", 0.7},
      {"ehemann", 0.7},
      {"ehefrau", 0.7},
      {"vater", 0.7},
      {"mutter", 0.7},
      {"he him", 0.8},
      {"she her", 0.8},
      {"they them", 0.8},
      {"he they", 0.8},
      {"she they", 0.8},
      {"years old", 0.6},
      {"y o", 0.6},
      {"student", 0.5},
      {"studentin", 0.5},
      {"private account", 0.5},
      {"personal account", 0.6},
      {"privat", 0.5},
      {"persönlich", 0.4},
      {"fan", 0.3},
      {"lover", 0.3},
      {"enthusiast", 0.3},
  });
  // clang-format on
  return terms;
}

const WeightedTerms& OrganisationCues() {
  // clang-format off: word tables read best dense.
  static const WeightedTerms terms = Compile({
      {"inc", 0.8},
      {"ltd", 0.8},
      {"llc", 0.8},
      {"plc", 0.8},
      {"gmbh", 0.8},
      {"corp", 0.8},
      {"corporation", 0.8},
      {"limited", 0.6},
      {"official account", 0.7},
      {"official twitter", 0.7},
      {"official page", 0.7},
      {"official feed", 0.7},
      {"follow us", 0.7},
      {"contact us", 0.7},
      {"dm us", 0.7},
      {"email us", 0.7},
      {"visit us", 0.7},
      {"join us", 0.6},
      {"tweets by", 0.6},
      {"we are", 0.6},
      {"we're", 0.5},
      {"we", 0.5},
      {"our", 0.5},
      {"company", 0.5},
      {"organisation", 0.5},
      {"organization", 0.5},
      {"agency", 0.5},
      {"department", 0.5},
      {"ministry", 0.6},
      {"government", 0.5},
      {"council", 0.5},
      {"university", 0.5},
      {"college", 0.5},
      {"school", 0.4},
      {"hospital", 0.5},
      {"foundation", 0.5},
      {"association", 0.5},
      {"charity", 0.5},
      {"nonprofit", 0.5},
      {"non profit", 0.5},
      {"ngo", 0.5},
      {"party", 0.4},
      {"club", 0.4},
      {"network", 0.4},
      {"channel", 0.4},
      {"brand", 0.4},
      {"store", 0.4},
      {"shop", 0.4},
      {"restaurant", 0.5},
      {"bank", 0.4},
      {"airline", 0.5},
      {"airport", 0.5},
      {"institute", 0.5},
      {"museum", 0.5},
      {"library", 0.4},
      {"union", 0.4},
      {"federation", 0.5},
      {"league", 0.4},
      {"committee", 0.5},
      {"commission", 0.5},
      {"embassy", 0.6},
      {"consulate", 0.6},
      {"police", 0.4},
      {"services", 0.4},
      {"newspaper", 0.6},
      {"magazine", 0.6},
      {"news", 0.4},
      {"station", 0.4},
      {"studios", 0.5},
      {"verein", 0.5},
      {"verband", 0.5},
      {"partei", 0.5},
      {"behörde", 0.5},
      {"ministerium", 0.6},
      {"unternehmen", 0.5},
      {"zeitung", 0.6},
      {"redaktion", 0.6},
      {"nachrichten", 0.5},
  });
  // clang-format on
  return terms;
}

}  // namespace crowdlens::text
