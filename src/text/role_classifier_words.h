// The words behind roles: profile text cut into clauses and words, weighted
// term lists (media titles, seniority, person and organisation cues) and
// the rule for past roles. role_classifier.cc combines them into labels.
//
// Roles compare words, not stems: stemming would make "authority" an
// "author" and "reporting" a "reporter". Plurals and the feminine German
// forms (Journalistin, Redakteurin) are listed as words.
//
// A role held in the past does not count: a term with "former", "ex",
// "retired", "formerly", "previously", "fmr", "ehemalig(e/er)" or "past"
// among the three words before it in the same clause is skipped, so
// "former journalist, now PR consultant" is not a journalist (a label says
// what an account is now). Clauses end at . ; , | / • · ! ? and line breaks,
// so in "former footballer, journalist" the journalist still counts.
//
//   text::ProfileWords words = text::SplitProfile("Ex-editor. Head of Comms @ACME");
//   text::WeightedTerms seniority = text::SeniorityTerms({"comms"});
//   for (const text::TermHit& hit : text::FindTerms(words, seniority)) { ... }  // "head of" 0.8
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "text/stemmer_phrases.h"

namespace crowdlens::text {

// Lower-case words of a profile, each with the clause it belongs to.
struct ProfileWords {
  std::vector<std::string> words;
  std::vector<size_t> clause;  // clause index of each word
};

// Splits at clause ends, then into lower-case words (hashtags kept as words).
ProfileWords SplitProfile(std::string_view utf8_text);

// True when a past marker ("former", "ex", ...) is among the three words
// before `position` in its clause.
bool InPastRole(const ProfileWords& profile, size_t position);

// One weighted term of a list.
struct WeightedTerm {
  std::string phrase;  // as shown in evidence
  double weight = 0;   // 0..1: how sure one occurrence makes the label
  // Only counts as the first word(s) of a clause ("Owner, Joe's Pizza", not "dog owner").
  bool clause_start_only = false;
};

// A term list compiled for matching.
class WeightedTerms {
 public:
  WeightedTerms() = default;
  explicit WeightedTerms(std::vector<WeightedTerm> terms);
  const std::vector<WeightedTerm>& terms() const { return terms_; }
  const PhraseMatcher& matcher() const { return matcher_; }

 private:
  std::vector<WeightedTerm> terms_;
  PhraseMatcher matcher_;
};

// A term found in a profile.
struct TermHit {
  const WeightedTerm* term = nullptr;
  size_t position = 0;  // index of its first word in the profile
  size_t length = 0;    // its number of words
  std::string context;  // the matched words and up to three that follow in the clause
};

// The terms of `list` found in `profile`, each term once (its first current
// occurrence); terms in a past role are skipped.
std::vector<TermHit> FindTerms(const ProfileWords& profile, const WeightedTerms& list);

// 1 - prod(1 - weight): independent pieces of evidence, each able to settle the label.
double NoisyOr(const std::vector<TermHit>& hits);

// Journalists, authors, editors, broadcasters and news outlets (English,
// German, Spanish and French titles).
const WeightedTerms& MediaTerms();
// News outlet cues alone (a subset of MediaTerms), which mark an organisation.
const WeightedTerms& OutletTerms();
// Seniority titles: C-level, founder, owner, president, chair (0.9); VP,
// director, head of, managing director (0.8); "<function> manager" and
// "manager of <function>" for each named function (0.6).
WeightedTerms SeniorityTerms(const std::vector<std::string>& functions);
// Cues that an account is a person or an organisation, after the profile
// features of McCorriston, Jurgens and Ruths, "Organizations Are Users Too:
// Characterizing and Detecting the Presence of Organizations on Twitter"
// (ICWSM 2015): first-person singular vs plural pronouns, family words,
// personal pronoun declarations, legal suffixes and institution nouns.
const WeightedTerms& PersonCues();
const WeightedTerms& OrganisationCues();

}  // namespace crowdlens::text
