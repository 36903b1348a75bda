#include "analyses/discussion_subject.h"

#include <algorithm>
#include <set>

#include "analyses/query_matcher.h"
#include "text/entities.h"
#include "text/tokens.h"
#include "text/topic_classifier.h"

namespace crowdlens {
namespace {

std::string Normal(std::string_view text) {
  std::string out;
  text::NormaliseForMatching(text, out);
  return out;
}

// A word the query language reads as one plain word (no operators, fields or punctuation).
bool IsPlainWord(std::string_view text) {
  if (text.empty()) return false;
  for (size_t offset = 0; offset < text.size();) {
    char32_t c = text::CodePointAt(text, offset);
    if (!text::IsWordChar(c)) return false;
    offset += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return text != "AND" && text != "OR" && text != "NOT";
}

// The topic classifier's post evidence without its count: "#germanwings in 1 of 1 posts" -> "#germanwings".
std::string EvidenceKey(const std::string& evidence) {
  size_t cut = evidence.rfind(" in ");
  return cut == std::string::npos ? evidence : evidence.substr(0, cut);
}

std::vector<std::string> Unique(std::vector<std::string> items) {
  std::sort(items.begin(), items.end());
  items.erase(std::unique(items.begin(), items.end()), items.end());
  return items;
}

}  // namespace

struct DiscussionSubject::Impl {
  enum class Kind { kNone, kTopics, kHashtag, kQuery };
  Kind kind = Kind::kNone;
  std::string description;
  std::string short_name;
  bool name_topics = false;  // several topics: a match names its topic
  std::optional<text::TopicClassifier> classifier;
  std::string hashtag;  // normalised, without '#'
  std::optional<QuerySet> queries;
  std::unique_ptr<QueryMatcher> matcher;
};

DiscussionSubject::DiscussionSubject(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
DiscussionSubject::DiscussionSubject(DiscussionSubject&&) noexcept = default;
DiscussionSubject& DiscussionSubject::operator=(DiscussionSubject&&) noexcept = default;
DiscussionSubject::~DiscussionSubject() = default;

bool DiscussionSubject::defined() const { return impl_->kind != Impl::Kind::kNone; }
const std::string& DiscussionSubject::description() const { return impl_->description; }
const std::string& DiscussionSubject::short_name() const { return impl_->short_name; }

Result<DiscussionSubject> DiscussionSubject::Create(const DiscussionRequest& request,
                                                    const SegmentConfig& segmentation,
                                                    bool default_to_config_topics) {
  const int given = (request.topic.empty() ? 0 : 1) + (request.hashtag.empty() ? 0 : 1) + (request.query.empty() ? 0 : 1);
  if (given > 1) return InvalidArgument("give one of --topic, --hashtag and --query, not several");
  auto impl = std::make_unique<Impl>();

  auto use_query = [&](const std::string& query_text, std::string description,
                       std::string short_name) -> Status {
    Result<QuerySet> set = QuerySet::Compile({{.name = "", .text = query_text}});
    if (!set.ok()) return set.status();
    impl->kind = Impl::Kind::kQuery;
    impl->queries.emplace(std::move(*set));
    impl->matcher = std::make_unique<QueryMatcher>(*impl->queries);
    impl->description = std::move(description);
    impl->short_name = std::move(short_name);
    return Status::Ok();
  };
  auto use_hashtag = [&](std::string_view written) -> Status {
    std::string tag = Normal(written);
    while (!tag.empty() && tag.front() == '#') tag.erase(0, 1);
    if (tag.empty() || tag.find(' ') != std::string::npos) {
      return InvalidArgument("\"" + std::string(written) + "\" is not a hashtag; write it as --hashtag germanwings");
    }
    impl->kind = Impl::Kind::kHashtag;
    impl->hashtag = tag;
    impl->description = "#" + tag;
    impl->short_name = "#" + tag;
    return Status::Ok();
  };

  if (!request.hashtag.empty()) {
    CROWDLENS_RETURN_IF_ERROR(use_hashtag(request.hashtag));
  } else if (!request.query.empty()) {
    CROWDLENS_RETURN_IF_ERROR(use_query(request.query, "query " + request.query, "the query"));
  } else if (!request.topic.empty()) {
    const std::string wanted = Normal(request.topic);
    auto topic = std::find_if(segmentation.topics.begin(), segmentation.topics.end(),
                              [&](const text::TopicDefinition& definition) { return Normal(definition.name) == wanted; });
    if (topic != segmentation.topics.end()) {
      impl->kind = Impl::Kind::kTopics;
      impl->classifier.emplace(std::vector<text::TopicDefinition>{*topic});
      impl->description = "topic " + topic->name;
      impl->short_name = topic->name;
    } else if (request.topic.starts_with('#')) {
      CROWDLENS_RETURN_IF_ERROR(use_hashtag(request.topic));
    } else {
      // Not a configured topic: the word itself (a phrase when it is several words).
      const std::string query = IsPlainWord(request.topic) ? request.topic : "\"" + request.topic + "\"";
      Status made = use_query(query, "\"" + request.topic + "\" (not a configured topic: the word)", request.topic);
      if (!made.ok()) {
        return InvalidArgument("--topic \"" + request.topic +
                               "\" is neither a topic of crowdlens.toml's [topics] nor a word to search for; use "
                               "--query for the listening language (" +
                               made.message() + ")");
      }
    }
  } else if (!default_to_config_topics) {
    return InvalidArgument("say what to look for: --topic NAME (a [topics] entry of crowdlens.toml, or a word), "
                           "--hashtag TAG or --query 'QUERY'");
  } else if (!segmentation.topics.empty()) {
    impl->kind = Impl::Kind::kTopics;
    impl->classifier.emplace(segmentation.topics);
    impl->name_topics = segmentation.topics.size() > 1;
    std::string names;
    for (const text::TopicDefinition& topic : segmentation.topics) names += (names.empty() ? "" : ", ") + topic.name;
    impl->description = "your topics (" + names + ")";
    impl->short_name = "your topics";
  }
  return DiscussionSubject(std::move(impl));
}

std::optional<std::string> DiscussionSubject::Match(const DiscussionPost& post) {
  switch (impl_->kind) {
    case Impl::Kind::kNone:
      return std::string();
    case Impl::Kind::kHashtag: {
      for (const std::string& tag : post.hashtags) {
        if (Normal(tag) == impl_->hashtag) return impl_->description;
      }
      for (const std::string& tag : ExtractHashtags(post.text)) {
        if (Normal(tag) == impl_->hashtag) return impl_->description;
      }
      return std::nullopt;
    }
    case Impl::Kind::kQuery: {
      std::string handle = Normal(post.author_handle);
      const std::vector<uint32_t>& hits =
          impl_->matcher->Match({.text = post.text, .author_handle = handle, .lang = post.lang, .country = post.country});
      if (hits.empty()) return std::nullopt;
      return impl_->short_name;
    }
    case Impl::Kind::kTopics: {
      std::vector<std::string> hashtags = post.hashtags;
      for (std::string& tag : ExtractHashtags(post.text)) hashtags.push_back(std::move(tag));
      std::vector<std::string> mentions = post.mentions;
      for (std::string& mention : ExtractMentions(post.text)) mentions.push_back(std::move(mention));
      std::vector<text::TopicLabel> labels = impl_->classifier->Classify(
          {.posts = {{.text = post.text, .hashtags = Unique(std::move(hashtags)), .mentions = Unique(std::move(mentions))}}});
      if (labels.empty() || labels.front().evidence.empty()) return std::nullopt;
      std::string key = EvidenceKey(labels.front().evidence.front());
      return impl_->name_topics ? labels.front().name + ": " + key : key;
    }
  }
  return std::nullopt;
}

Result<std::vector<DiscussionPost>> FindDiscussionPosts(Database& db, DiscussionSubject& subject,
                                                        const PostPeriod& period) {
  Result<Statement> select = db.Prepare(
      "SELECT p.post_key, p.platform, p.platform_id, p.author_key, coalesce(a.handle, ''), p.created_at, p.text, "
      "coalesce(p.lang, ''), coalesce(p.country_code, ''), p.retweet_of_id IS NOT NULL, p.retweet_count, "
      "(SELECT group_concat(tag, ' ') FROM post_hashtags h WHERE h.post_key = p.post_key), "
      "(SELECT group_concat(m.handle_lower, ' ') FROM post_mentions pm JOIN accounts m "
      "   ON m.account_key = pm.account_key WHERE pm.post_key = p.post_key AND m.handle_lower IS NOT NULL) "
      "FROM posts p JOIN accounts a ON a.account_key = p.author_key "
      "WHERE p.created_at >= ?1 AND p.created_at < ?2 ORDER BY p.created_at, p.post_key");
  if (!select.ok()) return select.status();
  select->Bind(1, period.from.value_or(INT64_MIN));
  select->Bind(2, period.to.value_or(INT64_MAX));
  auto words = [](const std::string& joined) {
    std::vector<std::string> items;
    size_t start = 0;
    while (start < joined.size()) {
      size_t end = joined.find(' ', start);
      if (end == std::string::npos) end = joined.size();
      if (end > start) items.push_back(joined.substr(start, end - start));
      start = end + 1;
    }
    return items;
  };
  std::vector<DiscussionPost> found;
  while (true) {
    Result<bool> row = select->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    DiscussionPost post{.post_key = select->ColumnInt(0),
                        .platform = select->ColumnText(1),
                        .platform_id = select->ColumnText(2),
                        .author_key = select->ColumnInt(3),
                        .author_handle = select->ColumnText(4),
                        .created_at = select->ColumnInt(5),
                        .text = select->ColumnText(6),
                        .lang = select->ColumnText(7),
                        .country = select->ColumnText(8),
                        .is_retweet = select->ColumnInt(9) != 0};
    if (!select->ColumnIsNull(10)) post.retweet_count = select->ColumnInt(10);
    post.hashtags = words(select->ColumnText(11));
    post.mentions = words(select->ColumnText(12));
    std::optional<std::string> matched = subject.Match(post);
    if (!matched) continue;
    post.matched = std::move(*matched);
    found.push_back(std::move(post));
  }
  return found;
}

}  // namespace crowdlens
