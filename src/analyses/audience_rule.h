// Audience rules: who counts as a target follower, written in the config as
// a boolean expression over an account's segments, e.g.
//
//   (country = GB and topic in [contact-centres, social-media]
//    and not role in [supplier, competitor]) or role = journalist
//
// Grammar (keywords are case-insensitive; values are bare words or "quoted"):
//   rule       := or
//   or         := and ("or" and)*
//   and        := unary ("and" unary)*
//   unary      := "not" unary | "(" or ")" | comparison
//   comparison := text_field ("=" | "!=") value
//               | field ["not"] "in" "[" value ("," value)* "]"
//               | count_field ("=" | "!=" | "<" | "<=" | ">" | ">=") number
//               | "segment" "=" name            (another named rule)
//   text_field := country | region | city | topic | role
//   count_field:= followers | following | posts | spam
// `topic = x` holds when x is among the account's topics (roles likewise);
// `country = UK` is read as GB. A bad rule is an error naming the position
// and the token expected there.
//
//   Result<AudienceRule> rule = AudienceRule::Parse("country = GB and not role = spam");
//   bool in_target = rule->Matches(subject);
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analyses/segments.h"
#include "core/status.h"

namespace crowdlens {

// What a rule is evaluated on: an account's segments and its counts.
struct AudienceSubject {
  const AccountSegments* segments = nullptr;
  int64_t followers = 0;
  int64_t following = 0;
  int64_t posts = 0;
};

class AudienceRule {
 public:
  struct Node;  // the parsed expression

  // Parses `text`. `named` holds the other named rules `segment = NAME` may
  // refer to (already parsed; a rule cannot refer to itself).
  static Result<AudienceRule> Parse(std::string_view text, const std::map<std::string, AudienceRule>& named = {});

  bool Matches(const AudienceSubject& subject) const;
  const std::string& text() const { return text_; }

  // The countries the rule asks for (`country = X`, `country in [...]`, in
  // named rules too, but not under a `not` or `!=`), as upper-case codes in
  // the order written; empty when the rule names none.
  std::vector<std::string> Countries() const;

  AudienceRule(AudienceRule&&) noexcept;
  AudienceRule& operator=(AudienceRule&&) noexcept;
  AudienceRule(const AudienceRule& other);
  AudienceRule& operator=(const AudienceRule& other);
  ~AudienceRule();

 private:
  AudienceRule(std::string text, std::shared_ptr<const Node> root);
  std::string text_;
  // Shared, immutable: named rules are embedded by reference in the rules that use them.
  std::shared_ptr<const Node> root_;
};

}  // namespace crowdlens
