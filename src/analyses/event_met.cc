#include "analyses/event_met.h"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "analyses/account_name_index.h"
#include "analyses/contact_match.h"

namespace crowdlens {

Result<std::vector<MetPerson>> MatchPeopleMet(Workspace& workspace, const std::vector<std::string>& names,
                                              const EventAnalysis& event, double min_confidence) {
  Result<AccountNameIndex> index = AccountNameIndex::Load(workspace.db());
  if (!index.ok()) return index.status();
  std::unordered_map<int64_t, const EventAccount*> at_event;
  for (const EventAccount& account : event.accounts) at_event[account.account_key] = &account;
  std::set<int64_t> followed;
  if (event.owner_key != 0) {
    Result<Statement> follows =
        workspace.db().Prepare("SELECT followee_key FROM follows WHERE follower_key = ?1 AND ended_at IS NULL");
    if (!follows.ok()) return follows.status();
    follows->Bind(1, event.owner_key);
    while (true) {
      Result<bool> row = follows->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      followed.insert(follows->ColumnInt(0));
    }
  }
  std::vector<MetPerson> people;
  for (const std::string& met_name : names) {
    MetPerson person{.met_name = met_name};
    ContactCard card{.name = met_name};
    double best = -1;
    for (const NameCandidate& candidate : index->Find(text::NameWords(met_name), 0.88)) {
      const IndexedAccount& account = index->accounts()[candidate.account];
      NameEvidence evidence = ScoreNameCandidate(card, account, candidate);
      const bool there = at_event.count(account.account_key) > 0;
      if (there) {
        evidence.confidence = std::min(1.0, evidence.confidence + kMetAtEventBonus);
        evidence.why.push_back("posted with the event's tags");
      }
      if (evidence.confidence > best) {
        best = evidence.confidence;
        person.account_key = account.account_key;
        person.handle = account.handle;
        person.name = account.name;
        person.at_event = there;
        person.confidence = evidence.confidence;
        person.why = std::move(evidence.why);
      }
    }
    if (person.account_key != 0 && person.confidence + 1e-9 < min_confidence) {
      person.why.insert(person.why.begin(), "closest only: confidence below the " + std::to_string(min_confidence).substr(0, 4) +
                                                " a match needs");
      person.account_key = 0;
    }
    if (person.account_key == 0 && person.why.empty()) person.why.push_back("no account with a similar name");
    person.followed_by_owner = person.account_key != 0 && followed.count(person.account_key) > 0;
    people.push_back(std::move(person));
  }
  return people;
}

}  // namespace crowdlens
