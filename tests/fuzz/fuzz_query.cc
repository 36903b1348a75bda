// Fuzzes the listening query parser (analyses/query.h ParseQuery) with
// arbitrary query text. Invariants: an error says where and what; a parsed
// query keeps its text, every node's column lies inside it, AND and OR nodes
// have two or more children and NOT one, terms are non-empty (#hashtags and
// @mentions keep their sign); and the canonical form (DescribeQuery) parses
// again to the same canonical form.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "analyses/query.h"
#include "fuzz_check.h"
#include "text/code_points.h"

namespace {

using crowdlens::QueryNode;
using crowdlens::QueryTerm;

void CheckNode(const QueryNode& node, size_t code_points) {
  FUZZ_CHECK(node.column >= 1 && node.column <= code_points + 1, "a node's column outside the query");
  switch (node.kind) {
    case QueryNode::Kind::kTerm:
      FUZZ_CHECK(!node.term.text.empty(), "an empty term");
      if (node.term.kind == QueryTerm::Kind::kHashtag) FUZZ_CHECK(node.term.text[0] == '#', "a hashtag without '#'");
      if (node.term.kind == QueryTerm::Kind::kMention) FUZZ_CHECK(node.term.text[0] == '@', "a mention without '@'");
      FUZZ_CHECK(node.children.empty(), "a term with children");
      break;
    case QueryNode::Kind::kField:
      FUZZ_CHECK(!node.field.value.empty(), "a field without a value");
      FUZZ_CHECK(node.children.empty(), "a field with children");
      break;
    case QueryNode::Kind::kNot:
      FUZZ_CHECK(node.children.size() == 1, "NOT without exactly one operand");
      break;
    case QueryNode::Kind::kAnd:
    case QueryNode::Kind::kOr:
      FUZZ_CHECK(node.children.size() >= 2, "AND or OR with fewer than two operands");
      break;
  }
  for (const QueryNode& child : node.children) CheckNode(child, code_points);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  crowdlens::Result<crowdlens::Query> query = crowdlens::ParseQuery(text);
  if (!query.ok()) {
    FUZZ_CHECK(query.status().message().find("column") != std::string::npos, "a query error without its column");
    return 0;
  }
  FUZZ_CHECK(query->text == text, "the query does not keep its text");
  CheckNode(query->root, crowdlens::text::CodePoints(text).size());
  std::string canonical = crowdlens::DescribeQuery(query->root);
  crowdlens::Result<crowdlens::Query> again = crowdlens::ParseQuery(canonical);
  if (!again.ok()) std::fprintf(stderr, "canonical form: %s\n%s\n", canonical.c_str(), again.status().message().c_str());
  FUZZ_CHECK(again.ok(), "the canonical form of a query does not parse");
  std::string canonical_again = crowdlens::DescribeQuery(again->root);
  if (canonical_again != canonical) {
    std::fwrite(canonical.data(), 1, canonical.size(), stderr);
    std::fputc('\n', stderr);
    std::fwrite(canonical_again.data(), 1, canonical_again.size(), stderr);
    std::fputc('\n', stderr);
  }
  FUZZ_CHECK(canonical_again == canonical, "the canonical form parses to another query");
  crowdlens::CollectTerms(query->root);
  return 0;
}
