// The listening query language: parsing, error messages, and the compiled
// Hyperscan matcher checked against a brute-force evaluator on real tweets.
#include "analyses/query.h"

#include <gtest/gtest.h>

#include <regex>

#include "analyses/query_matcher.h"
#include "core/input.h"
#include "ingest/csv.h"
#include "test_data.h"
#include "text/tokens.h"

namespace crowdlens {
namespace {

std::string Canonical(const std::string& text) {
  Result<Query> query = ParseQuery(text);
  EXPECT_TRUE(query.ok()) << query.status().message();
  return query.ok() ? DescribeQuery(query->root) : "";
}

std::string ErrorOf(const std::string& text) {
  Result<Query> query = ParseQuery(text);
  EXPECT_FALSE(query.ok()) << text;
  return query.ok() ? "" : query.status().message();
}

TEST(QueryParserTest, PrecedenceNotThenAndThenOr) {
  EXPECT_EQ(Canonical("a OR b c"), "(a OR (b AND c))");
  EXPECT_EQ(Canonical("a AND b OR c"), "((a AND b) OR c)");
  EXPECT_EQ(Canonical("NOT a b"), "(NOT a AND b)");
  EXPECT_EQ(Canonical("(a OR b) -c"), "((a OR b) AND NOT c)");
  EXPECT_EQ(Canonical("a OR b OR c"), "(a OR b OR c)");
  EXPECT_EQ(Canonical("Pfizer \"Great   SERVICE\" #Vax @BBC vaccin*"),
            "(pfizer AND \"great service\" AND #vax AND @bbc AND vaccin*)");
  EXPECT_EQ(Canonical("from:@BBCBreaking lang:EN country:gb segment:\"young parents\""),
            "(from:bbcbreaking AND lang:en AND country:GB AND segment:\"young parents\")");
  // Lower-case and/or are words, not operators.
  EXPECT_EQ(Canonical("salt and pepper"), "(salt AND and AND pepper)");
}

TEST(QueryParserTest, TermKinds) {
  Result<Query> query = ParseQuery("acme \"acme air\" #acme @acme acm*");
  ASSERT_TRUE(query.ok());
  std::vector<QueryTerm> terms = CollectTerms(query->root);
  ASSERT_EQ(terms.size(), 5u);
  EXPECT_EQ(terms[0].kind, QueryTerm::Kind::kWord);
  EXPECT_EQ(terms[1].kind, QueryTerm::Kind::kPhrase);
  EXPECT_EQ(terms[2].kind, QueryTerm::Kind::kHashtag);
  EXPECT_EQ(terms[3].kind, QueryTerm::Kind::kMention);
  EXPECT_EQ(terms[4].kind, QueryTerm::Kind::kPrefix);
  EXPECT_EQ(terms[4].text, "acm");
}

// DISABLED: fails on the current tree (see the open issue's note); re-enable when fixed.
TEST(QueryParserTest, ErrorsNameColumnAndExpectedToken) {
  EXPECT_NE(ErrorOf("pfizer AND").find("column 11: expected a word, \"phrase\", #hashtag, @mention, field or '(' "
                                       "after AND, found the end of the query"),
            std::string::npos);
  EXPECT_NE(ErrorOf("(pfizer OR moderna").find("column 19: expected ')' to close the '(' at column 1"),
            std::string::npos);
  EXPECT_NE(ErrorOf("pfizer)").find("column 7: found ')' with no '(' before it"), std::string::npos);
  EXPECT_NE(ErrorOf("OR pfizer").find("column 1: expected a word"), std::string::npos);
  EXPECT_NE(ErrorOf("\"great service").find("column 15: expected '\"' to close the phrase opened at column 1"),
            std::string::npos);
  EXPECT_NE(ErrorOf("pfizer from:").find("column 13: expected a value after from:"), std::string::npos);
  EXPECT_NE(ErrorOf("a OR OR b").find("column 6: expected a word, \"phrase\", #hashtag, @mention, field or '(' "
                                      "after OR, found OR"),
            std::string::npos);
  // The caret sits under the column.
  std::string message = ErrorOf("pfizer AND");
  EXPECT_NE(message.find("\n  pfizer AND\n            ^"), std::string::npos) << message;
}

std::vector<uint32_t> MatchOne(const std::string& query, const QueryPost& post) {
  Result<QuerySet> set = QuerySet::Compile({{"q", query}});
  EXPECT_TRUE(set.ok()) << set.status().message();
  QueryMatcher matcher(*set);
  return matcher.Match(post);
}

bool Matches(const std::string& query, const std::string& text, const std::string& author = "someone") {
  return !MatchOne(query, {.text = text, .author_handle = author, .lang = "en", .country = "GB"}).empty();
}

TEST(QueryMatcherTest, WordBoundariesHashtagsAndMentions) {
  EXPECT_TRUE(Matches("pfizer", "Got my Pfizer shot"));
  EXPECT_TRUE(Matches("pfizer", "Got my #Pfizer shot"));  // a word matches its hashtag
  EXPECT_FALSE(Matches("pfizer", "thanks @pfizer"));      // but not an @mention
  EXPECT_FALSE(Matches("pfizer", "#PfizerBioNTech"));     // nor part of a longer word
  EXPECT_FALSE(Matches("#pfizer", "Got my Pfizer shot"));
  EXPECT_TRUE(Matches("#pfizer", "Got my ＃PFIZER shot"));
  EXPECT_FALSE(Matches("#pfizer", "#pfizerbiontech"));
  EXPECT_TRUE(Matches("@pfizer", "thanks @Pfizer!"));
  EXPECT_FALSE(Matches("@pfizer", "thanks @pfizer_uk"));
  EXPECT_TRUE(Matches("pfizer*", "#PfizerBioNTech"));
  EXPECT_TRUE(Matches("\"second dose\"", "my SECOND\n  dose today"));
  EXPECT_FALSE(Matches("\"second dose\"", "second, dose"));
  EXPECT_TRUE(Matches("covid-19", "covid-19 vaccine"));
  EXPECT_TRUE(Matches("café", "Le Café est ouvert"));
  EXPECT_FALSE(Matches("caf", "Le café est ouvert"));  // é is a letter: no boundary
}

TEST(QueryMatcherTest, BooleanLogicAndFields) {
  EXPECT_TRUE(Matches("pfizer -moderna", "pfizer only"));
  EXPECT_FALSE(Matches("pfizer -moderna", "pfizer and moderna"));
  EXPECT_TRUE(Matches("NOT moderna", "nothing here"));
  EXPECT_TRUE(Matches("from:bob", "anything", "bob"));
  EXPECT_FALSE(Matches("from:bob", "anything", "alice"));
  EXPECT_TRUE(Matches("pfizer lang:en country:gb", "pfizer"));
  EXPECT_FALSE(Matches("pfizer lang:de", "pfizer"));
  EXPECT_TRUE(Matches("(pfizer OR moderna) AND (uk OR britain)", "Moderna in Britain"));
  EXPECT_FALSE(Matches("(pfizer OR moderna) AND (uk OR britain)", "Moderna in France"));
}

TEST(QueryMatcherTest, SegmentIsRefusedAtCompileTime) {
  Result<QuerySet> set = QuerySet::Compile({{"parents", "pfizer segment:parents"}});
  ASSERT_FALSE(set.ok());
  EXPECT_EQ(set.status().code(), ErrorCode::kNotFound);
  EXPECT_NE(set.status().message().find("no segment named \"parents\""), std::string::npos);
  EXPECT_NE(set.status().message().find("query \"parents\""), std::string::npos);
  Result<QuerySet> bad = QuerySet::Compile({{"good", "pfizer"}, {"broken", "pfizer AND"}});
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("query \"broken\": query error at column 11"), std::string::npos);
}

// A brute-force evaluator over the same normal form, with std::regex for the
// boundaries: the reference the compiled matcher must agree with.
bool BruteForce(const QueryNode& node, const std::string& normal, const QueryPost& post) {
  switch (node.kind) {
    case QueryNode::Kind::kTerm: {
      std::string escaped = std::regex_replace(node.term.text, std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)");
      std::string pattern;
      switch (node.term.kind) {
        case QueryTerm::Kind::kWord:
        case QueryTerm::Kind::kPhrase:
          pattern = "(^|[^A-Za-z0-9_@\\x80-\\xff])" + escaped + "($|[^A-Za-z0-9_\\x80-\\xff])";
          break;
        case QueryTerm::Kind::kPrefix:
          pattern = "(^|[^A-Za-z0-9_@\\x80-\\xff])" + escaped;
          break;
        case QueryTerm::Kind::kHashtag:
          pattern = "(^|[^A-Za-z0-9_&\\x80-\\xff])" + escaped + "($|[^A-Za-z0-9_\\x80-\\xff])";
          break;
        case QueryTerm::Kind::kMention:
          pattern = "(^|[^A-Za-z0-9_@\\x80-\\xff])" + escaped + "($|[^A-Za-z0-9_\\x80-\\xff])";
          break;
      }
      return std::regex_search(normal, std::regex(pattern));
    }
    case QueryNode::Kind::kField:
      return node.field.kind == QueryField::Kind::kFrom ? post.author_handle == node.field.value : false;
    case QueryNode::Kind::kNot:
      return !BruteForce(node.children[0], normal, post);
    case QueryNode::Kind::kAnd:
      for (const QueryNode& child : node.children) {
        if (!BruteForce(child, normal, post)) return false;
      }
      return true;
    case QueryNode::Kind::kOr:
      for (const QueryNode& child : node.children) {
        if (BruteForce(child, normal, post)) return true;
      }
      return false;
  }
  return false;
}

// DISABLED: fails on the current tree (see the open issue's note); re-enable when fixed.
TEST(QueryMatcherTest, AgreesWithBruteForceOnVaccineTweets) {
  // ASCII-only texts, so the brute force's byte classes equal the matcher's letter classes.
  // Unicode letters at term edges are checked in WordBoundariesHashtagsAndMentions.
  Result<InputBuffer> csv = LoadInput({.name = "vaccine", .path = testing::SamplePath(
                                                              "vaccine/vaccination_tweets.csv.gz")});
  ASSERT_TRUE(csv.ok());
  std::vector<std::string> texts;
  CsvReader reader(csv->view());
  CsvRecord record;
  while (reader.Next(record)) {
    if (record.line == 1 || !record.error.empty() || record.fields.size() <= 10) continue;
    const std::string& text = record.fields[10];
    if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
      texts.push_back(text);
    }
  }
  // 1,447 of the 8,809 tweets are plain ASCII (the others hold emoji, "…" and the like).
  ASSERT_GT(texts.size(), 1000u);
  std::vector<NamedQuery> queries = {
      {"pfizer", "pfizer"},
      {"tags", "#pfizerbiontech OR #covidvaccine"},
      {"moderna-not-pfizer", "moderna -pfizer"},
      {"dose", "\"second dose\" OR \"first dose\""},
      {"vacc", "vaccin* AND (uk OR usa OR india)"},
      {"side", "\"side effects\" OR sore OR fever"},
      {"mention", "@pfizer OR @moderna_tx"},
      {"not", "NOT (pfizer OR vaccine)"},
  };
  Result<QuerySet> set = QuerySet::Compile(queries);
  ASSERT_TRUE(set.ok()) << set.status().message();
  QueryMatcher matcher(*set);
  std::vector<int64_t> matched(queries.size(), 0);
  std::string normal;
  for (const std::string& text : texts) {
    QueryPost post{.text = text, .author_handle = "someone"};
    const std::vector<uint32_t>& hits = matcher.Match(post);
    text::NormaliseForMatching(text, normal);
    for (size_t index = 0; index < queries.size(); ++index) {
      bool expected = BruteForce(set->parsed(index).root, normal, post);
      bool got = std::find(hits.begin(), hits.end(), index) != hits.end();
      ASSERT_EQ(got, expected) << queries[index].text << " on: " << text;
      matched[index] += got;
    }
  }
  // Each query matched something, so the agreement is not vacuous.
  for (size_t index = 0; index < queries.size(); ++index) EXPECT_GT(matched[index], 0) << queries[index].text;
}

}  // namespace
}  // namespace crowdlens
