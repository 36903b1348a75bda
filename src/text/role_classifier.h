// Roles of an account: what it is to the owner and in general — journalist,
// supplier, competitor, colleague, decision maker, celebrity, organisation or
// person — each with a score (0..1) and the reasons behind it. The spam score
// is computed apart (spam_score.h) because it reads posts, not the profile.
//
// How each role is decided (role_classifier_words.h has the word lists):
// - journalist: media titles in the profile or an address-book title
//   (journalist, reporter, editor, correspondent, broadcaster, presenter,
//   columnist 0.8; author, writer, host 0.6; news-outlet phrases 0.7; the
//   "views my own" disclaimer 0.3), combined as 1 - prod(1 - weight). The role
//   covers news outlets too: an account that reports news is media to the owner.
// - decision-maker: seniority titles (C-level, founder, owner, president,
//   chair 0.9; VP, director, head of 0.8; a manager or lead of a function the
//   config names 0.6), from the profile or an address-book title.
// - colleague, supplier, competitor: the organisations the config names.
//   Being one of their handles 1.0; an address-book contact whose email is at
//   their domain 0.9 or whose company is theirs 0.8; a profile URL on their
//   domain 0.9; naming one of their handles in the bio 0.7; naming them in the
//   display name, or in the bio after "at", "@", "for", "with", "of", "bei"
//   0.7, elsewhere in the bio 0.45; each of the role's keywords 0.4.
// - celebrity: at least `celebrity_min_followers` followers and
//   followers / following at least `celebrity_min_ratio`; the score is
//   0.5 at the threshold and grows by 0.25 per tenfold (1.0 at 100x).
// - organisation vs person: cues from the profile (McCorriston et al. 2015);
//   with O and P the summed cue weights, organisation = O / (O + P + 1) and
//   person = P / (O + P + 1), so the two compete. A media or seniority title
//   adds 0.5 to P; a news-outlet phrase adds 0.8 to O.
// A role held in the past ("former journalist", "ex-BBC") does not count.
//
//   text::RoleClassifier classifier({.competitors = {.names = {"Five9"}}});
//   std::vector<text::RoleLabel> roles = classifier.Classify({.bio = "Ex-journalist. Director of CX at Five9"});
//   // decision-maker 0.8 ("director of cx at five9"), competitor 0.7 ("at Five9"), person 0.33
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "text/role_classifier_words.h"

namespace crowdlens::text {

// An organisation a role names (the own one, suppliers, competitors).
struct RoleOrganisations {
  std::vector<std::string> names;     // "Five9", "BBC News": whole words in the profile or a contact's company
  std::vector<std::string> handles;   // its accounts, without '@'
  std::vector<std::string> domains;   // "five9.com": profile URL, contact emails
  std::vector<std::string> keywords;  // words that mark the kind of company ("ccaas")
};

// The config's [roles] tables.
struct RoleSettings {
  RoleOrganisations colleagues;  // the own organisation
  RoleOrganisations suppliers;
  RoleOrganisations competitors;
  std::vector<std::string> decision_functions;  // "customer service", "marketing"
  int64_t celebrity_min_followers = 100000;
  double celebrity_min_ratio = 10;
};

// An address-book entry matched to the account.
struct RoleContact {
  std::string name;
  std::string company;
  std::string title;
  std::vector<std::string> emails;  // lower-case
};

// What the role classifier reads of one account.
struct RoleInput {
  std::string handle;
  std::string name;
  std::string bio;
  std::string url;  // the profile's link (expanded when the source gave it)
  std::optional<int64_t> followers;
  std::optional<int64_t> following;
  bool verified = false;
  std::vector<RoleContact> contacts;
};

// A role with its score and reasons, strongest reason first.
struct RoleLabel {
  std::string name;  // "journalist", "decision-maker", "colleague", "supplier", "competitor",
                     // "celebrity", "organisation", "person"
  double score = 0;
  std::vector<std::string> evidence;
};

class RoleClassifier {
 public:
  explicit RoleClassifier(RoleSettings settings);

  // Every role with any evidence, best score first; callers keep those at or
  // above their threshold.
  std::vector<RoleLabel> Classify(const RoleInput& input) const;

 private:
  RoleSettings settings_;
  WeightedTerms seniority_;
};

// "https://www.Example.com/x" -> "example.com"; empty when there is no host.
std::string UrlHost(std::string_view url);
// True when `host` is `domain` or one of its subdomains.
bool HostInDomain(std::string_view host, std::string_view domain);

}  // namespace crowdlens::text
