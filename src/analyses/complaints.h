// Complaints: what a negative post addressed to a brand is about, when its
// text says so (late, lost, rude, refund, on hold...). Each category is a
// listening query (query.h), so the categories are compiled into one
// matcher and read like any saved query.
//
//   Result<ComplaintCategories> categories = ComplaintCategories::Create();
//   categories->Classify("3 hours on hold and still no refund");  // {"on hold", "refund"}
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analyses/query_matcher.h"
#include "core/status.h"

namespace crowdlens {

class ComplaintCategories {
 public:
  static Result<ComplaintCategories> Create();

  // The categories whose words the text holds, in the table's order; empty when none.
  std::vector<std::string> Classify(std::string_view text);

  // Every category name, in order.
  std::vector<std::string> Names() const;

 private:
  explicit ComplaintCategories(QuerySet set) : set_(std::make_unique<QuerySet>(std::move(set))) {}
  std::unique_ptr<QuerySet> set_;
  std::unique_ptr<QueryMatcher> matcher_;
};

}  // namespace crowdlens
