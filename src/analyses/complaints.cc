#include "analyses/complaints.h"

namespace crowdlens {
namespace {

// The categories a contact centre routes on, each with the words customers use for it.
const std::vector<NamedQuery>& CategoryQueries() {
  static const std::vector<NamedQuery> categories = {
      {"late", "late OR delay* OR overdue OR \"still waiting\" OR \"not arrived\" OR \"hasn't arrived\" OR "
               "\"still not here\" OR \"taking forever\""},
      {"lost", "lost OR missing OR \"never arrived\" OR \"never received\" OR \"never got\" OR disappeared"},
      {"rude", "rude OR unhelpful OR impolite OR condescending OR arrogant OR \"bad attitude\" OR "
               "\"hung up\""},
      {"refund", "refund* OR \"money back\" OR reimburs* OR chargeback OR compensation"},
      {"on hold", "\"on hold\" OR \"hold music\" OR \"no answer\" OR \"can't get through\" OR "
                  "\"cannot get through\" OR \"nobody answers\" OR queue OR queuing"},
      {"billing", "overcharged OR \"charged twice\" OR \"double charged\" OR billing OR fees OR "
                  "\"hidden fee\""},
      {"cancelled", "cancel* OR \"called off\""},
      {"broken", "broken OR damaged OR faulty OR defective OR \"doesn't work\" OR \"does not work\" OR "
                 "\"not working\" OR \"stopped working\""},
      {"outage", "outage OR \"is down\" OR \"are down\" OR offline OR crash OR crashed OR crashing OR "
                 "\"won't load\""},
      {"no reply", "\"no reply\" OR \"no response\" OR ignored OR ignoring OR \"still no answer\" OR "
                   "\"nobody replied\""},
      {"side effects", "\"side effect\" OR \"side effects\" OR \"sore arm\" OR fever OR \"allergic reaction\" OR "
                       "anaphyla*"},
  };
  return categories;
}

}  // namespace

Result<ComplaintCategories> ComplaintCategories::Create() {
  Result<QuerySet> set = QuerySet::Compile(CategoryQueries());
  if (!set.ok()) return set.status();
  ComplaintCategories categories(std::move(*set));
  categories.matcher_ = std::make_unique<QueryMatcher>(*categories.set_);
  return categories;
}

std::vector<std::string> ComplaintCategories::Classify(std::string_view text) {
  std::vector<std::string> names;
  for (uint32_t index : matcher_->Match({.text = text})) names.push_back(set_->query(index).name);
  return names;
}

std::vector<std::string> ComplaintCategories::Names() const {
  std::vector<std::string> names;
  for (size_t index = 0; index < set_->size(); ++index) names.push_back(set_->query(index).name);
  return names;
}

}  // namespace crowdlens
