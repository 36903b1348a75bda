// What a discussion is about, and which posts take part in it: the subject of
// `crowdlens prospects` and `crowdlens engage`, given as one of
//   a topic   a [topics.NAME] of crowdlens.toml, matched post by post with the
//             topic classifier's own rules (text/topic_classifier.h: keywords by
//             stem, hashtags joined and stemmed, mentions of example accounts);
//             a name that is not a configured topic is taken as a word ("#tag"
//             as a hashtag), matched as the listening query of that word;
//   a hashtag a post carries it, in the stored entities or in its text (any case);
//   a query   the listening language (analyses/query.h), as `listen` matches it;
// or, when none is given and the caller allows it, any of the config's topics.
// Each match says what matched ("#germanwings", "aviation: \"plane crash\""),
// so a row can say why it is there.
//
//   Result<DiscussionSubject> subject = DiscussionSubject::Create({.hashtag = "germanwings"}, config.segmentation);
//   Result<std::vector<DiscussionPost>> posts = FindDiscussionPosts(db, *subject, {.from = since});
//   posts->front().matched;   // "#germanwings"
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "store/segment_config.h"
#include "store/sqlite.h"

namespace crowdlens {

// The command's options; at most one is set.
struct DiscussionRequest {
  std::string topic;
  std::string hashtag;
  std::string query;
  bool any_set() const { return !topic.empty() || !hashtag.empty() || !query.empty(); }
};

// One post as the subject reads it, with what matched once it has.
struct DiscussionPost {
  int64_t post_key = 0;
  std::string platform;
  std::string platform_id;
  int64_t author_key = 0;
  std::string author_handle;  // as written; empty when unknown
  int64_t created_at = 0;
  std::string text;
  std::string lang;
  std::string country;
  bool is_retweet = false;
  std::optional<int64_t> retweet_count;  // as the platform reported it
  std::vector<std::string> hashtags;     // stored entities, without '#'
  std::vector<std::string> mentions;     // stored mentions: handles, without '@'
  std::string matched;                   // what made it part of the discussion; empty without a subject
};

class DiscussionSubject {
 public:
  // From the command's options. With none set: the config's topics when
  // `default_to_config_topics` (no subject at all when it defines none), else
  // an InvalidArgument naming the options. A bad query or an empty hashtag
  // fails with a message saying what to write.
  static Result<DiscussionSubject> Create(const DiscussionRequest& request, const SegmentConfig& segmentation,
                                          bool default_to_config_topics = false);

  DiscussionSubject(DiscussionSubject&&) noexcept;
  DiscussionSubject& operator=(DiscussionSubject&&) noexcept;
  ~DiscussionSubject();

  // False when there is no subject: every post matches (with `matched` empty).
  bool defined() const;
  // For titles: "#germanwings", "topic aviation", "query a OR b", "your topics (aviation, news)".
  const std::string& description() const;
  // What the subject is called in a reason: "#germanwings", "aviation", "the query".
  const std::string& short_name() const;

  // What made `post` part of the discussion; nullopt when it is not.
  std::optional<std::string> Match(const DiscussionPost& post);

 private:
  struct Impl;
  explicit DiscussionSubject(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// [from, to) in Unix seconds; open ends when unset.
struct PostPeriod {
  std::optional<int64_t> from;
  std::optional<int64_t> to;
};

// The posts of the period the subject matches, in created_at order (every
// post of the period without a subject), `matched` filled in.
Result<std::vector<DiscussionPost>> FindDiscussionPosts(Database& db, DiscussionSubject& subject,
                                                        const PostPeriod& period);

}  // namespace crowdlens
