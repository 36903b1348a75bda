#include "report/match_tables.h"

#include <cmath>

#include "analyses/contact_match.h"
#include "core/time.h"

namespace crowdlens {
namespace {

double Round2(double value) { return std::round(value * 100.0) / 100.0; }

std::string Joined(const std::vector<std::string>& parts) {
  std::string joined;
  for (const std::string& part : parts) joined += (joined.empty() ? "" : "; ") + part;
  return joined;
}

}  // namespace

Result<std::vector<Table>> MatchTables(Workspace& workspace, const MatchRequest& request) {
  if (!(request.min_confidence >= 0.0 && request.min_confidence <= 1.0)) {
    return InvalidArgument("--min-confidence must be between 0 and 1 (got " + std::to_string(request.min_confidence) +
                           ")");
  }
  Result<ContactMatchResult> result = MatchContacts(workspace, {.min_confidence = request.min_confidence});
  if (!result.ok()) return result.status();
  if (request.store) CROWDLENS_RETURN_IF_ERROR(SaveContactMatches(workspace, result->matches, NowSeconds()));

  Table matches{.name = "matches",
                .title = "Contacts matched to accounts (score: confidence 0..1; " + std::to_string(result->matches.size()) +
                         " matches for " + std::to_string(result->contacts) + " contacts)",
                .columns = {"rank", "handle", "name", "platform", "contact", "company", "method", "score", "why"}};
  int64_t rank = 0;
  for (const ContactMatch& match : result->matches) {
    matches.rows.push_back({++rank, match.handle, match.account_name, match.platform, match.contact_name, match.company,
                            match.method, Round2(match.confidence), Joined(match.why)});
  }
  Table unmatched{.name = "unmatched",
                  .title = "Contacts with no match",
                  .columns = {"rank", "contact", "company", "closest_handle", "closest_score", "why"}};
  rank = 0;
  for (const UnmatchedContact& contact : result->unmatched) {
    unmatched.rows.push_back({++rank, contact.contact_name, contact.company,
                              contact.closest_handle.empty() ? Cell{} : Cell{contact.closest_handle},
                              contact.closest_handle.empty() ? Cell{} : Cell{Round2(contact.closest_confidence)},
                              contact.why});
  }
  return std::vector<Table>{std::move(matches), std::move(unmatched)};
}

}  // namespace crowdlens
