#include "analyses/query_matcher.h"

#include <hs/hs.h>

#include <algorithm>
#include <cstdlib>
#include <map>

#include "text/tokens.h"

namespace crowdlens {
namespace {

// One step of a query compiled to postfix form.
struct Instruction {
  enum class Op : uint8_t { kTerm, kField, kAnd, kOr, kNot };
  Op op = Op::kTerm;
  uint32_t operand = 0;  // term id, field index, or how many operands an AND/OR pops
};

struct FieldTest {
  QueryField::Kind kind;
  std::string value;
};

enum class Truth { kFalse, kTrue, kUnknown };

bool EqualsIgnoringAsciiCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t index = 0; index < a.size(); ++index) {
    if (std::tolower(static_cast<unsigned char>(a[index])) != std::tolower(static_cast<unsigned char>(b[index]))) {
      return false;
    }
  }
  return true;
}

}  // namespace

struct QuerySet::Impl {
  std::vector<NamedQuery> queries;
  std::vector<Query> parsed;
  std::vector<QueryTerm> terms;                     // by term id
  std::vector<size_t> term_lengths;                 // bytes
  std::vector<uint8_t> needs_left, needs_right;     // word-boundary checks per term
  std::vector<std::vector<uint32_t>> term_queries;  // term id -> queries holding it
  std::vector<std::vector<Instruction>> programs;   // per query
  std::vector<FieldTest> fields;
  std::vector<uint32_t> always_evaluate;            // queries that may match with no term hit
  hs_database_t* database = nullptr;

  ~Impl() {
    if (database) hs_free_database(database);
  }

  uint32_t TermId(const QueryTerm& term, std::map<std::pair<int, std::string>, uint32_t>& ids) {
    auto key = std::make_pair(static_cast<int>(term.kind), term.text);
    auto found = ids.find(key);
    if (found != ids.end()) return found->second;
    uint32_t id = static_cast<uint32_t>(terms.size());
    ids.emplace(key, id);
    terms.push_back(term);
    term_lengths.push_back(term.text.size());
    term_queries.emplace_back();
    bool tagged = term.kind == QueryTerm::Kind::kHashtag || term.kind == QueryTerm::Kind::kMention;
    // A term edge that is a word character must meet a non-word character in the
    // text; '#' and '@' terms always check the character before them.
    needs_left.push_back(tagged || text::IsWordChar(text::CodePointAt(term.text, 0)));
    needs_right.push_back(term.kind != QueryTerm::Kind::kPrefix &&
                          text::IsWordChar(text::CodePointBefore(term.text, term.text.size())));
    return id;
  }

  Status Emit(const QueryNode& node, std::vector<Instruction>& program, uint32_t query_index,
              std::map<std::pair<int, std::string>, uint32_t>& ids, const QueryCompileOptions& options) {
    switch (node.kind) {
      case QueryNode::Kind::kTerm: {
        uint32_t id = TermId(node.term, ids);
        std::vector<uint32_t>& holders = term_queries[id];
        if (holders.empty() || holders.back() != query_index) holders.push_back(query_index);
        program.push_back({.op = Instruction::Op::kTerm, .operand = id});
        return Status::Ok();
      }
      case QueryNode::Kind::kField:
        if (node.field.kind == QueryField::Kind::kSegment &&
            std::find(options.segments.begin(), options.segments.end(), node.field.value) == options.segments.end()) {
          return NotFound("no segment named \"" + node.field.value + "\" (column " + std::to_string(node.column) +
                          "): this workspace defines no audience segment by that name");
        }
        program.push_back({.op = Instruction::Op::kField, .operand = static_cast<uint32_t>(fields.size())});
        fields.push_back({.kind = node.field.kind, .value = node.field.value});
        return Status::Ok();
      case QueryNode::Kind::kNot:
        CROWDLENS_RETURN_IF_ERROR(Emit(node.children[0], program, query_index, ids, options));
        program.push_back({.op = Instruction::Op::kNot});
        return Status::Ok();
      case QueryNode::Kind::kAnd:
      case QueryNode::Kind::kOr:
        for (const QueryNode& child : node.children) {
          CROWDLENS_RETURN_IF_ERROR(Emit(child, program, query_index, ids, options));
        }
        program.push_back({.op = node.kind == QueryNode::Kind::kAnd ? Instruction::Op::kAnd : Instruction::Op::kOr,
                           .operand = static_cast<uint32_t>(node.children.size())});
        return Status::Ok();
    }
    return Status::Ok();
  }

  // Kleene three-valued evaluation with every term false and fields unknown:
  // a query that is then surely false can only match a post where a term hit.
  Truth WithoutTerms(const std::vector<Instruction>& program) const {
    std::vector<Truth> stack;
    for (const Instruction& step : program) {
      switch (step.op) {
        case Instruction::Op::kTerm:
          stack.push_back(Truth::kFalse);
          break;
        case Instruction::Op::kField:
          stack.push_back(Truth::kUnknown);
          break;
        case Instruction::Op::kNot:
          stack.back() = stack.back() == Truth::kUnknown ? Truth::kUnknown
                         : stack.back() == Truth::kTrue  ? Truth::kFalse
                                                         : Truth::kTrue;
          break;
        case Instruction::Op::kAnd:
        case Instruction::Op::kOr: {
          bool is_and = step.op == Instruction::Op::kAnd;
          Truth result = is_and ? Truth::kTrue : Truth::kFalse;
          for (uint32_t index = 0; index < step.operand; ++index) {
            Truth value = stack.back();
            stack.pop_back();
            if (is_and) {
              if (value == Truth::kFalse) result = Truth::kFalse;
              else if (value == Truth::kUnknown && result != Truth::kFalse) result = Truth::kUnknown;
            } else {
              if (value == Truth::kTrue) result = Truth::kTrue;
              else if (value == Truth::kUnknown && result != Truth::kTrue) result = Truth::kUnknown;
            }
          }
          stack.push_back(result);
          break;
        }
      }
    }
    return stack.back();
  }
};

QuerySet::QuerySet(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
QuerySet::QuerySet(QuerySet&&) noexcept = default;
QuerySet& QuerySet::operator=(QuerySet&&) noexcept = default;
QuerySet::~QuerySet() = default;

size_t QuerySet::size() const { return impl_->queries.size(); }
const NamedQuery& QuerySet::query(size_t index) const { return impl_->queries[index]; }
const Query& QuerySet::parsed(size_t index) const { return impl_->parsed[index]; }
size_t QuerySet::term_count() const { return impl_->terms.size(); }

Result<QuerySet> QuerySet::Compile(std::vector<NamedQuery> queries, const QueryCompileOptions& options) {
  auto impl = std::make_unique<Impl>();
  std::map<std::pair<int, std::string>, uint32_t> ids;
  for (size_t index = 0; index < queries.size(); ++index) {
    const NamedQuery& named = queries[index];
    auto context = [&](const Status& status) {
      return named.name.empty() ? status : status.WithContext("query \"" + named.name + "\"");
    };
    Result<Query> parsed = ParseQuery(named.text);
    if (!parsed.ok()) return context(parsed.status());
    std::vector<Instruction> program;
    Status emitted = impl->Emit(parsed->root, program, static_cast<uint32_t>(index), ids, options);
    if (!emitted.ok()) return context(emitted);
    if (impl->WithoutTerms(program) != Truth::kFalse) impl->always_evaluate.push_back(static_cast<uint32_t>(index));
    impl->programs.push_back(std::move(program));
    impl->parsed.push_back(std::move(*parsed));
  }
  impl->queries = std::move(queries);
  if (!impl->terms.empty()) {
    std::vector<const char*> expressions;
    std::vector<unsigned> flags(impl->terms.size(), 0), term_ids;
    for (uint32_t id = 0; id < impl->terms.size(); ++id) {
      expressions.push_back(impl->terms[id].text.c_str());
      term_ids.push_back(id);
    }
    hs_compile_error_t* error = nullptr;
    if (hs_compile_lit_multi(expressions.data(), flags.data(), term_ids.data(), impl->term_lengths.data(),
                             static_cast<unsigned>(expressions.size()), HS_MODE_BLOCK, nullptr, &impl->database,
                             &error) != HS_SUCCESS) {
      std::string message = error && error->message ? error->message : "unknown error";
      int expression = error ? error->expression : -1;
      hs_free_compile_error(error);
      return InvalidArgument("cannot compile the queries' terms" +
                             (expression >= 0 ? " (term \"" + impl->terms[static_cast<size_t>(expression)].text + "\")"
                                              : std::string()) +
                             ": " + message);
    }
  }
  return QuerySet(std::move(impl));
}

struct QueryMatcher::State {
  const QuerySet::Impl& set;
  hs_scratch_t* scratch = nullptr;
  std::string normal;
  uint32_t epoch = 0;
  std::vector<uint32_t> term_epoch, query_epoch;
  std::vector<uint32_t> hit_terms, candidates, matched;
  std::vector<uint8_t> stack;
  const QueryPost* post = nullptr;

  explicit State(const QuerySet::Impl& impl)
      : set(impl), term_epoch(impl.terms.size(), 0), query_epoch(impl.queries.size(), 0) {
    // Allocation fails only when out of memory; Hyperscan gives no other reason here.
    if (set.database && hs_alloc_scratch(set.database, &scratch) != HS_SUCCESS) std::abort();
  }
  ~State() {
    if (scratch) hs_free_scratch(scratch);
  }

  static int OnHit(unsigned int id, unsigned long long /*from*/, unsigned long long to, unsigned int /*flags*/,
                   void* context) {
    auto& state = *static_cast<State*>(context);
    if (state.term_epoch[id] == state.epoch) return 0;
    const QueryTerm& term = state.set.terms[id];
    size_t end = static_cast<size_t>(to);
    size_t start = end - state.set.term_lengths[id];
    std::string_view text = state.normal;
    if (state.set.needs_left[id]) {
      char32_t before = text::CodePointBefore(text, start);
      if (text::IsWordChar(before)) return 0;
      // A word is not part of an @mention; a #hashtag does not follow '&' (an HTML entity).
      if (term.kind != QueryTerm::Kind::kHashtag && before == '@') return 0;
      if (term.kind == QueryTerm::Kind::kHashtag && before == '&') return 0;
    }
    if (state.set.needs_right[id] && text::IsWordChar(text::CodePointAt(text, end))) return 0;
    state.term_epoch[id] = state.epoch;
    state.hit_terms.push_back(id);
    return 0;
  }

  bool FieldHolds(const FieldTest& field) const {
    switch (field.kind) {
      case QueryField::Kind::kFrom:
        return EqualsIgnoringAsciiCase(post->author_handle, field.value);
      case QueryField::Kind::kLang:
        return EqualsIgnoringAsciiCase(post->lang, field.value);
      case QueryField::Kind::kCountry:
        return EqualsIgnoringAsciiCase(post->country, field.value);
      case QueryField::Kind::kSegment:
        return false;  // refused at compile time
    }
    return false;
  }

  bool Evaluate(const std::vector<Instruction>& program) {
    stack.clear();
    for (const Instruction& step : program) {
      switch (step.op) {
        case Instruction::Op::kTerm:
          stack.push_back(term_epoch[step.operand] == epoch);
          break;
        case Instruction::Op::kField:
          stack.push_back(FieldHolds(set.fields[step.operand]));
          break;
        case Instruction::Op::kNot:
          stack.back() = !stack.back();
          break;
        case Instruction::Op::kAnd:
        case Instruction::Op::kOr: {
          bool is_and = step.op == Instruction::Op::kAnd;
          bool result = is_and;
          for (uint32_t index = 0; index < step.operand; ++index) {
            result = is_and ? (result && stack.back()) : (result || stack.back());
            stack.pop_back();
          }
          stack.push_back(result);
          break;
        }
      }
    }
    return stack.back() != 0;
  }
};

QueryMatcher::QueryMatcher(const QuerySet& set) : state_(std::make_unique<State>(*set.impl_)) {}
QueryMatcher::~QueryMatcher() = default;

const std::vector<uint32_t>& QueryMatcher::Match(const QueryPost& post) {
  State& state = *state_;
  if (++state.epoch == 0) {
    // After 2^32 posts the epochs wrap: clear them once.
    std::fill(state.term_epoch.begin(), state.term_epoch.end(), 0);
    std::fill(state.query_epoch.begin(), state.query_epoch.end(), 0);
    state.epoch = 1;
  }
  state.post = &post;
  state.hit_terms.clear();
  state.candidates.clear();
  state.matched.clear();
  if (state.set.database) {
    text::NormaliseForMatching(post.text, state.normal);
    hs_scan(state.set.database, state.normal.data(), static_cast<unsigned>(state.normal.size()), 0, state.scratch,
            &State::OnHit, &state);
  }
  for (uint32_t term : state.hit_terms) {
    for (uint32_t query : state.set.term_queries[term]) {
      if (state.query_epoch[query] != state.epoch) {
        state.query_epoch[query] = state.epoch;
        state.candidates.push_back(query);
      }
    }
  }
  for (uint32_t query : state.set.always_evaluate) {
    if (state.query_epoch[query] != state.epoch) {
      state.query_epoch[query] = state.epoch;
      state.candidates.push_back(query);
    }
  }
  for (uint32_t query : state.candidates) {
    if (state.Evaluate(state.set.programs[query])) state.matched.push_back(query);
  }
  std::sort(state.matched.begin(), state.matched.end());
  return state.matched;
}

}  // namespace crowdlens
