// Many listening queries matched against each post in one pass.
//
// Every distinct term of every query becomes one literal of a single
// Hyperscan database (literal mode, over text normalised by
// text::NormaliseForMatching); each hit is kept only when it stands on word
// boundaries, and then only the queries that contain a hit term (plus those
// that can match without any term, such as "NOT spam" or "from:acme") are
// evaluated. So the cost per post grows with the text and the hits, not with
// the number of saved queries.
//
//   Result<QuerySet> set = QuerySet::Compile({{"acme", "acme OR @acme"}, {"rival", "#rival"}});
//   QueryMatcher matcher(*set);  // one per thread
//   const std::vector<uint32_t>& hits = matcher.Match({.text = "Love @Acme!", .author_handle = "bob"});
//   // {0}
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analyses/query.h"
#include "core/status.h"

namespace crowdlens {

struct NamedQuery {
  std::string name;
  std::string text;
};

// What a query looks at in a post.
struct QueryPost {
  std::string_view text;
  std::string_view author_handle;  // lower case, without '@'
  std::string_view lang;           // as stored ("en"); compared ignoring case
  std::string_view country;        // ISO 3166 alpha-2; compared ignoring case
};

struct QueryCompileOptions {
  // The audience segments a segment: field may name. None exist yet, so any
  // segment: field is refused with "no segment named X".
  std::vector<std::string> segments;
};

class QuerySet {
 public:
  // Parses and compiles the queries; a bad one fails with its name and the parser's message.
  static Result<QuerySet> Compile(std::vector<NamedQuery> queries, const QueryCompileOptions& options = {});

  QuerySet(QuerySet&&) noexcept;
  QuerySet& operator=(QuerySet&&) noexcept;
  ~QuerySet();

  size_t size() const;
  const NamedQuery& query(size_t index) const;
  const Query& parsed(size_t index) const;
  // Distinct terms across all queries (the literals of the database).
  size_t term_count() const;

 private:
  friend class QueryMatcher;
  struct Impl;
  explicit QuerySet(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Matches posts against a QuerySet; holds the per-thread scan state.
class QueryMatcher {
 public:
  explicit QueryMatcher(const QuerySet& set);
  QueryMatcher(const QueryMatcher&) = delete;
  QueryMatcher& operator=(const QueryMatcher&) = delete;
  ~QueryMatcher();

  // The indices of the matching queries, ascending; valid until the next call.
  const std::vector<uint32_t>& Match(const QueryPost& post);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace crowdlens
