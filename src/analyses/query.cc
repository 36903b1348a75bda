#include "analyses/query.h"

#include <algorithm>
#include <optional>

#include "text/code_points.h"
#include "text/tokens.h"

namespace crowdlens {
namespace {

struct Token {
  enum class Kind { kWord, kPhrase, kField, kOpen, kClose, kAnd, kOr, kNot, kEnd };
  Kind kind = Kind::kEnd;
  std::string text;   // word or phrase text; a field's value
  QueryField::Kind field = QueryField::Kind::kFrom;
  size_t column = 0;  // 1-based code point column
};

bool IsQuerySpace(char32_t c) { return text::IsTwitterSpace(c); }

std::optional<QueryField::Kind> FieldNamed(std::string_view lower) {
  if (lower == "from") return QueryField::Kind::kFrom;
  if (lower == "lang") return QueryField::Kind::kLang;
  if (lower == "country") return QueryField::Kind::kCountry;
  if (lower == "segment") return QueryField::Kind::kSegment;
  return std::nullopt;
}

std::string Lower(std::string_view text) {
  std::string out;
  text::NormaliseForMatching(text, out);
  return out;
}

// A message with the query and a caret under `column`.
Status QueryError(std::string_view query, size_t column, const std::string& message) {
  std::string caret(column > 0 ? column - 1 : 0, ' ');
  return InvalidArgument("query error at column " + std::to_string(column) + ": " + message + "\n  " +
                         std::string(query) + "\n  " + caret + "^");
}

class Lexer {
 public:
  explicit Lexer(std::string_view query) : query_(query), points_(query) {}

  Result<std::vector<Token>> Run() {
    std::vector<Token> tokens;
    size_t index = 0;
    while (true) {
      while (index < points_.size() && IsQuerySpace(points_.at(index))) ++index;
      if (index >= points_.size()) break;
      char32_t point = points_.at(index);
      size_t column = index + 1;
      if (point == '(' || point == ')') {
        tokens.push_back({.kind = point == '(' ? Token::Kind::kOpen : Token::Kind::kClose, .column = column});
        ++index;
        continue;
      }
      if (point == '"') {
        Result<std::string> phrase = Quoted(index);
        if (!phrase.ok()) return phrase.status();
        tokens.push_back({.kind = Token::Kind::kPhrase, .text = *phrase, .column = column});
        continue;
      }
      // A leading '-' before a term excludes it, as in web search.
      if (point == '-' && index + 1 < points_.size() && !IsQuerySpace(points_.at(index + 1)) &&
          points_.at(index + 1) != ')') {
        tokens.push_back({.kind = Token::Kind::kNot, .column = column});
        ++index;
        continue;
      }
      size_t begin = index;
      while (index < points_.size() && !IsQuerySpace(points_.at(index)) && points_.at(index) != '(' &&
             points_.at(index) != ')' && points_.at(index) != '"') {
        ++index;
      }
      std::string word(points_.Slice(begin, index));
      if (word == "AND" || word == "OR" || word == "NOT") {
        tokens.push_back({.kind = word == "AND"  ? Token::Kind::kAnd
                                  : word == "OR" ? Token::Kind::kOr
                                                 : Token::Kind::kNot,
                          .text = word,
                          .column = column});
        continue;
      }
      size_t colon = word.find(':');
      std::optional<QueryField::Kind> field =
          colon == std::string::npos ? std::nullopt : FieldNamed(Lower(word.substr(0, colon)));
      if (field) {
        std::string value = word.substr(colon + 1);
        if (value.empty() && index < points_.size() && points_.at(index) == '"') {
          Result<std::string> quoted = Quoted(index);
          if (!quoted.ok()) return quoted.status();
          value = *quoted;
        }
        if (value.empty()) {
          return QueryError(query_, column + colon + 1,
                            "expected a value after " + word + " (for example " + word.substr(0, colon + 1) +
                                (*field == QueryField::Kind::kFrom      ? "acme"
                                 : *field == QueryField::Kind::kLang    ? "en"
                                 : *field == QueryField::Kind::kCountry ? "GB"
                                                                        : "customers") +
                                ")");
        }
        tokens.push_back({.kind = Token::Kind::kField, .text = value, .field = *field, .column = column});
        continue;
      }
      tokens.push_back({.kind = Token::Kind::kWord, .text = word, .column = column});
    }
    tokens.push_back({.kind = Token::Kind::kEnd, .column = points_.size() + 1});
    return tokens;
  }

 private:
  // Reads a "quoted" run starting at `index` (on the quote); leaves `index` after the closing quote.
  Result<std::string> Quoted(size_t& index) {
    size_t open = index;
    size_t begin = ++index;
    while (index < points_.size() && points_.at(index) != '"') ++index;
    if (index >= points_.size()) {
      return QueryError(query_, points_.size() + 1,
                        "expected '\"' to close the phrase opened at column " + std::to_string(open + 1) +
                            ", found the end of the query");
    }
    std::string text(points_.Slice(begin, index));
    ++index;
    return text;
  }

  std::string_view query_;
  text::CodePoints points_;
};

std::string Describe(const Token& token) {
  switch (token.kind) {
    case Token::Kind::kEnd:
      return "the end of the query";
    case Token::Kind::kClose:
      return "')'";
    case Token::Kind::kOpen:
      return "'('";
    case Token::Kind::kAnd:
    case Token::Kind::kOr:
    case Token::Kind::kNot:
      return token.text.empty() ? "'-'" : token.text;
    default:
      return "'" + token.text + "'";
  }
}

constexpr const char* kTermExpected = "a word, \"phrase\", #hashtag, @mention, field or '('";

class Parser {
 public:
  Parser(std::string_view query, std::vector<Token> tokens) : query_(query), tokens_(std::move(tokens)) {}

  Result<QueryNode> Run() {
    Result<QueryNode> root = ParseOr("");
    if (!root.ok()) return root;
    if (Peek().kind != Token::Kind::kEnd) {
      return QueryError(query_, Peek().column,
                        Peek().kind == Token::Kind::kClose ? "found ')' with no '(' before it"
                                                           : "expected AND, OR or the end of the query, found " +
                                                                 Describe(Peek()));
    }
    return root;
  }

 private:
  const Token& Peek() const { return tokens_[position_]; }
  const Token& Next() { return tokens_[position_++]; }

  bool StartsTerm(const Token& token) const {
    return token.kind == Token::Kind::kWord || token.kind == Token::Kind::kPhrase ||
           token.kind == Token::Kind::kField || token.kind == Token::Kind::kOpen || token.kind == Token::Kind::kNot;
  }

  Result<QueryNode> ParseOr(const std::string& after) {
    Result<QueryNode> first = ParseAnd(after);
    if (!first.ok()) return first;
    if (Peek().kind != Token::Kind::kOr) return first;
    QueryNode node{.kind = QueryNode::Kind::kOr, .column = first->column};
    node.children.push_back(std::move(*first));
    while (Peek().kind == Token::Kind::kOr) {
      Next();
      Result<QueryNode> next = ParseAnd("OR");
      if (!next.ok()) return next;
      Append(node, std::move(*next));
    }
    return node;
  }

  Result<QueryNode> ParseAnd(const std::string& after) {
    Result<QueryNode> first = ParseUnary(after);
    if (!first.ok()) return first;
    if (Peek().kind != Token::Kind::kAnd && !StartsTerm(Peek())) return first;
    QueryNode node{.kind = QueryNode::Kind::kAnd, .column = first->column};
    Append(node, std::move(*first));
    while (Peek().kind == Token::Kind::kAnd || StartsTerm(Peek())) {
      std::string operand_of;
      if (Peek().kind == Token::Kind::kAnd) {
        Next();
        operand_of = "AND";
      }
      Result<QueryNode> next = ParseUnary(operand_of);
      if (!next.ok()) return next;
      Append(node, std::move(*next));
    }
    return node;
  }

  Result<QueryNode> ParseUnary(const std::string& after) {
    if (Peek().kind == Token::Kind::kNot) {
      const Token& negation = Next();
      Result<QueryNode> operand = ParseUnary(negation.text.empty() ? "'-'" : "NOT");
      if (!operand.ok()) return operand;
      QueryNode node{.kind = QueryNode::Kind::kNot, .column = negation.column};
      node.children.push_back(std::move(*operand));
      return node;
    }
    return ParsePrimary(after);
  }

  Result<QueryNode> ParsePrimary(const std::string& after) {
    const Token& token = Peek();
    switch (token.kind) {
      case Token::Kind::kOpen: {
        Next();
        Result<QueryNode> inner = ParseOr("'('");
        if (!inner.ok()) return inner;
        if (Peek().kind != Token::Kind::kClose) {
          return QueryError(query_, Peek().column,
                            "expected ')' to close the '(' at column " + std::to_string(token.column) +
                                ", found " + Describe(Peek()));
        }
        Next();
        return inner;
      }
      case Token::Kind::kWord:
      case Token::Kind::kPhrase:
        Next();
        return TermNode(token);
      case Token::Kind::kField: {
        Next();
        QueryNode node{.kind = QueryNode::Kind::kField, .column = token.column};
        node.field.kind = token.field;
        node.field.value = token.text;
        if (token.field == QueryField::Kind::kFrom) {
          // Every leading '@' goes ("from:@@acme" is acme), so the canonical form parses back to itself;
          // "from:@" names no one: without the error it would match posts whose author has no handle.
          node.field.value.erase(0, std::min(node.field.value.find_first_not_of('@'), node.field.value.size()));
          if (node.field.value.empty()) {
            return QueryError(query_, token.column + 5, "expected a handle after from:@ (for example from:@acme)");
          }
          node.field.value = Lower(node.field.value);
        } else if (token.field == QueryField::Kind::kLang) {
          node.field.value = Lower(node.field.value);
        } else if (token.field == QueryField::Kind::kCountry) {
          for (char& c : node.field.value) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        }
        return node;
      }
      default:
        return QueryError(query_, token.column,
                          std::string("expected ") + kTermExpected + (after.empty() ? "" : " after " + after) +
                              ", found " + Describe(token));
    }
  }

  Result<QueryNode> TermNode(const Token& token) {
    QueryNode node{.kind = QueryNode::Kind::kTerm, .column = token.column};
    std::string normal = Lower(token.text);
    QueryTerm& term = node.term;
    if (token.kind == Token::Kind::kPhrase) {
      term.kind = QueryTerm::Kind::kPhrase;
    } else if (normal.starts_with('#')) {
      term.kind = QueryTerm::Kind::kHashtag;
    } else if (normal.starts_with('@')) {
      term.kind = QueryTerm::Kind::kMention;
    } else if (normal.size() > 1 && normal.ends_with('*')) {
      term.kind = QueryTerm::Kind::kPrefix;
      normal.pop_back();
    }
    term.text = normal;
    // A term must have something a word boundary can hold on to.
    std::string_view body = normal;
    if (term.kind == QueryTerm::Kind::kHashtag || term.kind == QueryTerm::Kind::kMention) body.remove_prefix(1);
    bool has_word_char = false;
    for (size_t offset = 0; offset < body.size(); ++offset) {
      if (text::IsWordChar(text::CodePointAt(body, offset))) has_word_char = true;
    }
    if (!has_word_char) {
      const char* what = token.kind == Token::Kind::kPhrase ? "a phrase" : "a term";
      return QueryError(query_, token.column,
                        std::string("expected ") + what + " with letters or digits, found " + Describe(token));
    }
    if (term.kind == QueryTerm::Kind::kPrefix && normal.size() < 2) {
      return QueryError(query_, token.column, "a prefix needs at least two characters before '*'");
    }
    return node;
  }

  // Adds `child` to an AND/OR node, flattening a child of the same kind.
  static void Append(QueryNode& node, QueryNode child) {
    if (child.kind == node.kind) {
      for (QueryNode& grandchild : child.children) node.children.push_back(std::move(grandchild));
    } else {
      node.children.push_back(std::move(child));
    }
  }

  std::string_view query_;
  std::vector<Token> tokens_;
  size_t position_ = 0;
};

void CollectTermsInto(const QueryNode& node, std::vector<QueryTerm>& terms) {
  if (node.kind == QueryNode::Kind::kTerm) terms.push_back(node.term);
  for (const QueryNode& child : node.children) CollectTermsInto(child, terms);
}

}  // namespace

const char* QueryFieldName(QueryField::Kind kind) {
  switch (kind) {
    case QueryField::Kind::kFrom:
      return "from";
    case QueryField::Kind::kLang:
      return "lang";
    case QueryField::Kind::kCountry:
      return "country";
    case QueryField::Kind::kSegment:
      return "segment";
  }
  return "from";
}

Result<Query> ParseQuery(std::string_view text) {
  Result<std::vector<Token>> tokens = Lexer(text).Run();
  if (!tokens.ok()) return tokens.status();
  Result<QueryNode> root = Parser(text, std::move(*tokens)).Run();
  if (!root.ok()) return root.status();
  return Query{.text = std::string(text), .root = std::move(*root)};
}

std::string DescribeQuery(const QueryNode& node) {
  switch (node.kind) {
    case QueryNode::Kind::kTerm:
      switch (node.term.kind) {
        case QueryTerm::Kind::kPhrase:
          return "\"" + node.term.text + "\"";
        case QueryTerm::Kind::kPrefix:
          return node.term.text + "*";
        default:
          return node.term.text;
      }
    case QueryNode::Kind::kField: {
      // A value with spaces or parentheses was written "quoted" (segment:"young parents");
      // quoting it again keeps the canonical form a query that parses back to itself.
      text::CodePoints value(node.field.value);
      bool needs_quotes = false;
      for (size_t index = 0; index < value.size(); ++index) {
        char32_t point = value.at(index);
        needs_quotes = needs_quotes || IsQuerySpace(point) || point == '(' || point == ')';
      }
      std::string written = needs_quotes ? "\"" + node.field.value + "\"" : node.field.value;
      return std::string(QueryFieldName(node.field.kind)) + ":" + written;
    }
    case QueryNode::Kind::kNot:
      return "NOT " + DescribeQuery(node.children[0]);
    case QueryNode::Kind::kAnd:
    case QueryNode::Kind::kOr: {
      std::string out = "(";
      for (size_t index = 0; index < node.children.size(); ++index) {
        if (index > 0) out += node.kind == QueryNode::Kind::kAnd ? " AND " : " OR ";
        out += DescribeQuery(node.children[index]);
      }
      return out + ")";
    }
  }
  return "";
}

std::vector<QueryTerm> CollectTerms(const QueryNode& node) {
  std::vector<QueryTerm> terms;
  CollectTermsInto(node, terms);
  return terms;
}

}  // namespace crowdlens
