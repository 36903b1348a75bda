// Fuzzes the audience rule parser (analyses/audience_rule.h) with arbitrary
// rule text; a named rule "uk" (country = GB) is at hand for `segment = uk`.
// Invariants: an error says it is the rule's; a parsed rule keeps its text, and
// evaluates on two accounts to the opposite of "not (rule)" and to the same as
// "(rule) and (rule)", which must parse too.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "analyses/audience_rule.h"
#include "fuzz_check.h"

namespace {

using crowdlens::AccountSegments;
using crowdlens::AudienceRule;
using crowdlens::AudienceSubject;

const std::map<std::string, AudienceRule>& NamedRules() {
  static const std::map<std::string, AudienceRule> named = [] {
    std::map<std::string, AudienceRule> rules;
    auto uk = AudienceRule::Parse("country = GB");
    FUZZ_CHECK(uk.ok(), "the named rule does not parse");
    rules.emplace("uk", *uk);
    return rules;
  }();
  return named;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  crowdlens::Result<AudienceRule> rule = AudienceRule::Parse(text, NamedRules());
  if (!rule.ok()) {
    FUZZ_CHECK(rule.status().message().starts_with("audience rule"), "a rule error that does not say it is one");
    return 0;
  }
  FUZZ_CHECK(rule->text() == text, "the rule does not keep its text");
  std::string wrapped(text);
  auto negated = AudienceRule::Parse("not (" + wrapped + ")", NamedRules());
  FUZZ_CHECK(negated.ok(), "a rule that parses fails under not ( )");
  auto doubled = AudienceRule::Parse("(" + wrapped + ") and (" + wrapped + ")", NamedRules());
  FUZZ_CHECK(doubled.ok(), "a rule that parses fails as (rule) and (rule)");

  AccountSegments journalist_in_manchester{
      .country = "GB", .region = "England", .city = "Manchester", .location_method = "text",
      .topics = {{.name = "contact-centres", .score = 0.8}}, .roles = {{.name = "journalist", .score = 0.9}},
      .spam_score = 0.1};
  AccountSegments unknown{.location_method = "unknown", .spam_score = 0.7};
  const AudienceSubject subjects[] = {
      {.segments = &journalist_in_manchester, .followers = 1200, .following = 300, .posts = 5400},
      {.segments = &unknown, .followers = 0, .following = 5000, .posts = 3}};
  for (const AudienceSubject& subject : subjects) {
    bool matches = rule->Matches(subject);
    FUZZ_CHECK(negated->Matches(subject) == !matches, "not (rule) does not negate the rule");
    FUZZ_CHECK(doubled->Matches(subject) == matches, "(rule) and (rule) differs from the rule");
  }
  return 0;
}
