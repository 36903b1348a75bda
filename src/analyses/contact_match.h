// Matching address-book contacts to social accounts (`crowdlens match`).
// In order of strength:
//   email   an account's bio or link holds one of the contact's addresses;
//   handle  the card names the account's handle, or links its profile
//           (twitter.com, x.com, bsky.app, a Mastodon @user URL);
//   name    the card's name is close to the account's display name (or its
//           handle read as a name): folded to ASCII, titles and initials
//           dropped, nicknames (Bob = Robert) allowed, words compared with
//           Jaro-Winkler; the company and title on the card found in the
//           account's bio or name raise the confidence, other accounts with as
//           close a name lower it.
// Every match has a confidence 0..1 and the evidence in words. Matches are
// stored in contact_matches (schema migration 5) so other commands know which
// accounts are the owner's contacts. docs/match.md gives every weight and the
// precision and recall measured on tests/fixtures/contacts/sample-matches.csv.
//
//   Result<ContactMatchResult> result = MatchContacts(workspace, {});
//   CROWDLENS_RETURN_IF_ERROR(SaveContactMatches(workspace, result->matches, NowSeconds()));
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analyses/account_name_index.h"
#include "core/status.h"
#include "store/workspace.h"

namespace crowdlens {

struct ContactMatchOptions {
  double min_confidence = 0.6;        // a name match below this is not a match
  double min_name_similarity = 0.88;  // accounts less similar are not considered
};

struct ContactMatch {
  int64_t contact_key = 0;
  std::string contact_name;
  std::string company;
  int64_t account_key = 0;
  std::string platform;
  std::string handle;
  std::string account_name;
  double confidence = 0;
  std::string method;  // "email", "handle" or "name"
  std::vector<std::string> why;
};

struct UnmatchedContact {
  int64_t contact_key = 0;
  std::string contact_name;
  std::string company;
  std::string closest_handle;    // the best name candidate, when there was one
  double closest_confidence = 0;
  std::string why;
};

struct ContactMatchResult {
  int64_t contacts = 0;
  std::vector<ContactMatch> matches;  // best confidence first
  std::vector<UnmatchedContact> unmatched;
};

// One contact as the matcher sees it.
struct ContactCard {
  int64_t contact_key = 0;
  std::string name;
  std::string company;
  std::string title;
  std::string location;
  std::vector<std::string> emails;
  std::vector<std::pair<std::string, std::string>> handles;  // platform, handle
};

// How well one name candidate fits a card: the confidence and its reasons.
struct NameEvidence {
  double confidence = 0;
  std::vector<std::string> why;
};

// The name match's confidence for one candidate, before the penalty for other
// accounts with as close a name (docs/match.md, "Name matches").
NameEvidence ScoreNameCandidate(const ContactCard& card, const IndexedAccount& account, const NameCandidate& candidate);

Result<ContactMatchResult> MatchContacts(Workspace& workspace, const ContactMatchOptions& options);

// Replaces every stored match with `matches`, in one transaction.
Status SaveContactMatches(Workspace& workspace, const std::vector<ContactMatch>& matches, int64_t matched_at);

// A stored match, as other commands read it.
struct StoredContactMatch {
  int64_t contact_key = 0;
  int64_t account_key = 0;
  std::string contact_name;
  double confidence = 0;
};

Result<std::vector<StoredContactMatch>> LoadContactMatches(Workspace& workspace);

}  // namespace crowdlens
