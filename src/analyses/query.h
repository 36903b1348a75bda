// Listening queries: the language users write to say which posts are about a
// brand, a person or an offer, and its parser.
//
//   pfizer OR "pfizer vaccine" OR #pfizer OR @pfizer
//   (refund OR "money back") AND @acme NOT from:acme lang:en
//   vaccin* -moderna country:GB
//
// Words match whole words (case-insensitive; a word also matches its
// #hashtag but not an @mention); "quoted phrases" match their words in order
// with any spacing between; #hashtag and @mention match only as such; a
// trailing * makes a word a prefix. Terms side by side must all match
// (implicit AND); AND, OR and NOT (upper case; also a leading '-') combine
// them, NOT binding tightest, then AND, then OR; parentheses group. Fields
// filter on the post: from:HANDLE (author), lang:CODE, country:CODE, and
// segment:NAME (a target-audience rule; checked when the query is compiled).
//
// A query that cannot be parsed gives an error naming the column and what was
// expected there, with the query and a caret under the spot.
//
//   Result<Query> query = ParseQuery("pfizer AND");
//   // error: "query error at column 11: expected a word, "phrase", #hashtag, @mention,
//   //         field or '(' after AND, found the end of the query"
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace crowdlens {

struct QueryTerm {
  enum class Kind { kWord, kPrefix, kPhrase, kHashtag, kMention };
  Kind kind = Kind::kWord;
  // Normalised as post text is (text/tokens.h): "pfizer", "vaccin" (a
  // prefix, without '*'), "great service", "#vaccine", "@pfizer".
  std::string text;
};

struct QueryField {
  enum class Kind { kFrom, kLang, kCountry, kSegment };
  Kind kind = Kind::kFrom;
  std::string value;  // from: lower-case handle without '@'; lang: lower case; country: upper case
};

struct QueryNode {
  enum class Kind { kTerm, kField, kAnd, kOr, kNot };
  Kind kind = Kind::kTerm;
  QueryTerm term;                  // kTerm
  QueryField field;                // kField
  std::vector<QueryNode> children; // kAnd, kOr: two or more; kNot: one
  size_t column = 0;               // 1-based code point column where the node starts
};

struct Query {
  std::string text;  // as the user wrote it
  QueryNode root;
};

// Parses a query; errors carry the column, what was expected and a caret line.
Result<Query> ParseQuery(std::string_view text);

// The query in canonical form, fully parenthesised: (pfizer OR #pfizer) AND NOT from:pfizer.
std::string DescribeQuery(const QueryNode& node);

// Every term of the query, in order, including those under NOT.
std::vector<QueryTerm> CollectTerms(const QueryNode& node);

// The name of a field as written ("from", "lang", "country", "segment").
const char* QueryFieldName(QueryField::Kind kind);

}  // namespace crowdlens
