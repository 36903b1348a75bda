#include "analyses/audience_rule.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <functional>
#include <variant>

namespace crowdlens {
namespace {

std::string Lower(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  return lower;
}

// Country codes as people write them: the United Kingdom's ISO code is GB.
std::string CanonicalCountry(std::string_view value) {
  std::string lower = Lower(value);
  if (lower == "uk") return "gb";
  return lower;
}

enum class Field { kCountry, kRegion, kCity, kTopic, kRole, kFollowers, kFollowing, kPosts, kSpam, kSegment };
enum class Comparison { kEqual, kNotEqual, kLess, kLessEqual, kGreater, kGreaterEqual };

struct Token {
  enum class Kind { kWord, kQuoted, kSymbol, kEnd } kind = Kind::kEnd;
  std::string text;
  size_t position = 0;  // 1-based column in the rule
};

Result<std::vector<Token>> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  size_t index = 0;
  while (index < text.size()) {
    char c = text[index];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++index;
      continue;
    }
    Token token{.position = index + 1};
    if (c == '"') {
      size_t end = text.find('"', index + 1);
      if (end == std::string_view::npos) {
        return InvalidArgument("audience rule, position " + std::to_string(index + 1) +
                               ": a quoted value is not closed; add the closing \"");
      }
      token.kind = Token::Kind::kQuoted;
      token.text = std::string(text.substr(index + 1, end - index - 1));
      index = end + 1;
    } else if (std::string_view("()[],").find(c) != std::string_view::npos) {
      token.kind = Token::Kind::kSymbol;
      token.text = std::string(1, c);
      ++index;
    } else if (c == '=' || c == '!' || c == '<' || c == '>') {
      token.kind = Token::Kind::kSymbol;
      bool two = index + 1 < text.size() && text[index + 1] == '=';
      if (c == '!' && !two) {
        return InvalidArgument("audience rule, position " + std::to_string(index + 1) + ": expected != after !");
      }
      token.text = std::string(text.substr(index, two ? 2 : 1));
      index += two ? 2 : 1;
    } else if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.' || c == '#' ||
               c == '@' || static_cast<unsigned char>(c) >= 0x80) {
      size_t end = index;
      while (end < text.size()) {
        unsigned char next = static_cast<unsigned char>(text[end]);
        if (!(std::isalnum(next) || next == '_' || next == '-' || next == '.' || next == '#' || next == '@' ||
              next >= 0x80)) {
          break;
        }
        ++end;
      }
      token.kind = Token::Kind::kWord;
      token.text = std::string(text.substr(index, end - index));
      index = end;
    } else {
      return InvalidArgument("audience rule, position " + std::to_string(index + 1) + ": unexpected character '" +
                             std::string(1, c) + "'");
    }
    tokens.push_back(std::move(token));
  }
  tokens.push_back({.kind = Token::Kind::kEnd, .position = text.size() + 1});
  return tokens;
}

}  // namespace

struct AudienceRule::Node {
  enum class Kind { kAnd, kOr, kNot, kCompare, kIn, kRule } kind = Kind::kCompare;
  std::vector<std::shared_ptr<const Node>> children;
  Field field = Field::kCountry;
  Comparison comparison = Comparison::kEqual;
  std::vector<std::string> values;  // lower-cased
  double number = 0;
};

namespace {

using Node = AudienceRule::Node;
using NodePtr = std::shared_ptr<const Node>;

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

  Result<NodePtr> ParseRule() {
    Result<NodePtr> root = ParseOr();
    if (!root.ok()) return root;
    if (Peek().kind != Token::Kind::kEnd) return Expected("'and', 'or' or the end of the rule");
    return root;
  }

  // Named rules are looked up here and embedded.
  std::function<Result<NodePtr>(const std::string&)> lookup_named;

 private:
  const Token& Peek() const { return tokens_[cursor_]; }
  const Token& Take() { return tokens_[cursor_++]; }
  bool PeekKeyword(std::string_view keyword) const {
    return Peek().kind == Token::Kind::kWord && Lower(Peek().text) == keyword;
  }
  bool PeekSymbol(std::string_view symbol) const {
    return Peek().kind == Token::Kind::kSymbol && Peek().text == symbol;
  }
  Status Expected(const std::string& what) const {
    const Token& token = Peek();
    std::string found = token.kind == Token::Kind::kEnd ? "the end of the rule" : "'" + token.text + "'";
    return InvalidArgument("audience rule, position " + std::to_string(token.position) + ": expected " + what +
                           ", found " + found);
  }

  Result<NodePtr> ParseOr() {
    Result<NodePtr> left = ParseAnd();
    if (!left.ok()) return left;
    if (!PeekKeyword("or")) return left;
    auto node = std::make_shared<Node>(Node{.kind = Node::Kind::kOr});
    node->children.push_back(*left);
    while (PeekKeyword("or")) {
      Take();
      Result<NodePtr> right = ParseAnd();
      if (!right.ok()) return right;
      node->children.push_back(*right);
    }
    return NodePtr(node);
  }

  Result<NodePtr> ParseAnd() {
    Result<NodePtr> left = ParseUnary();
    if (!left.ok()) return left;
    if (!PeekKeyword("and")) return left;
    auto node = std::make_shared<Node>(Node{.kind = Node::Kind::kAnd});
    node->children.push_back(*left);
    while (PeekKeyword("and")) {
      Take();
      Result<NodePtr> right = ParseUnary();
      if (!right.ok()) return right;
      node->children.push_back(*right);
    }
    return NodePtr(node);
  }

  Result<NodePtr> ParseUnary() {
    if (PeekKeyword("not")) {
      Take();
      Result<NodePtr> operand = ParseUnary();
      if (!operand.ok()) return operand;
      auto node = std::make_shared<Node>(Node{.kind = Node::Kind::kNot});
      node->children.push_back(*operand);
      return NodePtr(node);
    }
    if (PeekSymbol("(")) {
      Take();
      Result<NodePtr> inner = ParseOr();
      if (!inner.ok()) return inner;
      if (!PeekSymbol(")")) return Expected("')'");
      Take();
      return inner;
    }
    return ParseComparison();
  }

  Result<NodePtr> ParseComparison() {
    static const std::map<std::string, Field> kFields = {
        {"country", Field::kCountry}, {"region", Field::kRegion},       {"city", Field::kCity},
        {"topic", Field::kTopic},     {"role", Field::kRole},           {"followers", Field::kFollowers},
        {"following", Field::kFollowing}, {"posts", Field::kPosts},     {"spam", Field::kSpam},
        {"segment", Field::kSegment}};
    if (Peek().kind != Token::Kind::kWord || !kFields.contains(Lower(Peek().text))) {
      return Expected("a field (country, region, city, topic, role, followers, following, posts, spam, segment), "
                      "'not' or '('");
    }
    Field field = kFields.at(Lower(Take().text));
    const bool numeric = field == Field::kFollowers || field == Field::kFollowing || field == Field::kPosts ||
                         field == Field::kSpam;
    bool negated_in = false;
    if (PeekKeyword("not")) {
      Take();
      if (!PeekKeyword("in")) return Expected("'in' after 'not'");
      negated_in = true;
    }
    if (PeekKeyword("in")) {
      if (numeric || field == Field::kSegment) return Expected("a comparison such as '=' or '>='");
      Take();
      if (!PeekSymbol("[")) return Expected("'[' to open the list of values");
      Take();
      auto node = std::make_shared<Node>(Node{.kind = Node::Kind::kIn, .field = field});
      while (true) {
        Result<std::string> value = TakeValue();
        if (!value.ok()) return value.status();
        node->values.push_back(field == Field::kCountry ? CanonicalCountry(*value) : Lower(*value));
        if (PeekSymbol(",")) {
          Take();
          continue;
        }
        if (PeekSymbol("]")) {
          Take();
          break;
        }
        return Expected("',' or ']'");
      }
      if (!negated_in) return NodePtr(node);
      auto negation = std::make_shared<Node>(Node{.kind = Node::Kind::kNot});
      negation->children.push_back(node);
      return NodePtr(negation);
    }
    static const std::map<std::string, Comparison> kComparisons = {
        {"=", Comparison::kEqual}, {"!=", Comparison::kNotEqual}, {"<", Comparison::kLess},
        {"<=", Comparison::kLessEqual}, {">", Comparison::kGreater}, {">=", Comparison::kGreaterEqual}};
    if (Peek().kind != Token::Kind::kSymbol || !kComparisons.contains(Peek().text)) {
      return Expected(numeric ? "a comparison (=, !=, <, <=, >, >=)" : "'=', '!=' or 'in'");
    }
    Comparison comparison = kComparisons.at(Peek().text);
    if (!numeric && comparison != Comparison::kEqual && comparison != Comparison::kNotEqual) {
      return Expected("'=' or '!=' (only counts compare with < or >)");
    }
    Take();
    if (field == Field::kSegment) {
      if (comparison != Comparison::kEqual) return Expected("'=' after segment");
      Result<std::string> name = TakeValue();
      if (!name.ok()) return name.status();
      return lookup_named(*name);
    }
    auto node = std::make_shared<Node>(Node{.kind = Node::Kind::kCompare, .field = field, .comparison = comparison});
    if (numeric) {
      const Token& token = Peek();
      double number = 0;
      auto [end, error] = std::from_chars(token.text.data(), token.text.data() + token.text.size(), number);
      if (token.kind != Token::Kind::kWord || error != std::errc() || end != token.text.data() + token.text.size()) {
        return Expected("a number");
      }
      Take();
      node->number = number;
      return NodePtr(node);
    }
    Result<std::string> value = TakeValue();
    if (!value.ok()) return value.status();
    node->values.push_back(field == Field::kCountry ? CanonicalCountry(*value) : Lower(*value));
    return NodePtr(node);
  }

  Result<std::string> TakeValue() {
    if (Peek().kind != Token::Kind::kWord && Peek().kind != Token::Kind::kQuoted) return Expected("a value");
    return Take().text;
  }

  std::vector<Token> tokens_;
  size_t cursor_ = 0;
};

bool HasLabel(const std::vector<SegmentLabel>& labels, const std::string& value) {
  return std::any_of(labels.begin(), labels.end(), [&](const SegmentLabel& label) { return Lower(label.name) == value; });
}

bool TextFieldEquals(Field field, const AudienceSubject& subject, const std::string& value) {
  static const AccountSegments kNone;
  const AccountSegments& segments = subject.segments != nullptr ? *subject.segments : kNone;
  switch (field) {
    case Field::kCountry: return CanonicalCountry(segments.country) == value;
    case Field::kRegion: return Lower(segments.region) == value;
    case Field::kCity: return Lower(segments.city) == value;
    case Field::kTopic: return HasLabel(segments.topics, value);
    case Field::kRole: return HasLabel(segments.roles, value);
    default: return false;
  }
}

double CountField(Field field, const AudienceSubject& subject) {
  switch (field) {
    case Field::kFollowers: return static_cast<double>(subject.followers);
    case Field::kFollowing: return static_cast<double>(subject.following);
    case Field::kPosts: return static_cast<double>(subject.posts);
    case Field::kSpam: return subject.segments != nullptr ? subject.segments->spam_score : 0.0;
    default: return 0;
  }
}

bool Evaluate(const Node& node, const AudienceSubject& subject) {
  switch (node.kind) {
    case Node::Kind::kAnd:
      return std::all_of(node.children.begin(), node.children.end(),
                         [&](const NodePtr& child) { return Evaluate(*child, subject); });
    case Node::Kind::kOr:
      return std::any_of(node.children.begin(), node.children.end(),
                         [&](const NodePtr& child) { return Evaluate(*child, subject); });
    case Node::Kind::kNot: return !Evaluate(*node.children[0], subject);
    case Node::Kind::kRule: return Evaluate(*node.children[0], subject);
    case Node::Kind::kIn:
      return std::any_of(node.values.begin(), node.values.end(),
                         [&](const std::string& value) { return TextFieldEquals(node.field, subject, value); });
    case Node::Kind::kCompare:
      if (node.values.empty()) {
        double value = CountField(node.field, subject);
        switch (node.comparison) {
          case Comparison::kEqual: return value == node.number;
          case Comparison::kNotEqual: return value != node.number;
          case Comparison::kLess: return value < node.number;
          case Comparison::kLessEqual: return value <= node.number;
          case Comparison::kGreater: return value > node.number;
          case Comparison::kGreaterEqual: return value >= node.number;
        }
      }
      return TextFieldEquals(node.field, subject, node.values[0]) == (node.comparison == Comparison::kEqual);
  }
  return false;
}

void CollectCountries(const Node& node, bool negated, std::vector<std::string>& countries) {
  if (node.kind == Node::Kind::kNot) negated = !negated;
  for (const NodePtr& child : node.children) CollectCountries(*child, negated, countries);
  const bool asks_for = node.kind == Node::Kind::kIn ||
                        (node.kind == Node::Kind::kCompare && node.comparison == Comparison::kEqual);
  if (negated || node.field != Field::kCountry || !asks_for) return;
  for (const std::string& value : node.values) {
    std::string code = value;
    std::transform(code.begin(), code.end(), code.begin(), [](unsigned char c) { return std::toupper(c); });
    if (std::find(countries.begin(), countries.end(), code) == countries.end()) countries.push_back(code);
  }
}

}  // namespace

AudienceRule::AudienceRule(std::string text, std::shared_ptr<const Node> root)
    : text_(std::move(text)), root_(std::move(root)) {}
AudienceRule::AudienceRule(AudienceRule&&) noexcept = default;
AudienceRule& AudienceRule::operator=(AudienceRule&&) noexcept = default;
AudienceRule::AudienceRule(const AudienceRule& other) = default;
AudienceRule& AudienceRule::operator=(const AudienceRule& other) = default;
AudienceRule::~AudienceRule() = default;

Result<AudienceRule> AudienceRule::Parse(std::string_view text, const std::map<std::string, AudienceRule>& named) {
  Result<std::vector<Token>> tokens = Tokenize(text);
  if (!tokens.ok()) return tokens.status();
  Parser parser(std::move(*tokens));
  parser.lookup_named = [&named](const std::string& name) -> Result<NodePtr> {
    auto found = named.find(name);
    if (found == named.end()) {
      std::string known;
      for (const auto& [known_name, rule] : named) known += (known.empty() ? "" : ", ") + known_name;
      return InvalidArgument("audience rule: no segment named '" + name + "'" +
                             (known.empty() ? std::string(" (none are defined under [segments])")
                                            : " (defined: " + known + ")"));
    }
    auto node = std::make_shared<Node>(Node{.kind = Node::Kind::kRule});
    node->children.push_back(found->second.root_);
    return NodePtr(node);
  };
  Result<NodePtr> root = parser.ParseRule();
  if (!root.ok()) return root.status();
  return AudienceRule(std::string(text), *root);
}

bool AudienceRule::Matches(const AudienceSubject& subject) const { return Evaluate(*root_, subject); }

std::vector<std::string> AudienceRule::Countries() const {
  std::vector<std::string> countries;
  CollectCountries(*root_, false, countries);
  return countries;
}

}  // namespace crowdlens
