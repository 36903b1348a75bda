// Entities in post text: #hashtags, @mentions (and @user/list references),
// URLs and $cashtags, found the way Twitter's twitter-text library finds them.
//
// Sources that carry no entity lists (tweet CSV exports, Mastodon or Bluesky
// text without facets, drafts, listening queries) get the same entities the
// API would have given. The rules follow twitter-text 3 (its JavaScript
// extractor) and are checked against every case of its conformance suite
// (tests/text/entities_test.cc runs conformance/extract.yml and tlds.yml).
// Indices count Unicode code points, like twitter-text's; entity text keeps
// the case it was written in.
//
//   std::vector<TextEntity> all = ExtractEntities("RT @bob: #News at example.com/a $ACME");
//   // {kMention "bob" [3,7)}, {kHashtag "News" [9,14)}, {kUrl "example.com/a" [18,31)}, {kCashtag "ACME" [32,37)}
//   std::vector<std::string> tags = ExtractHashtags(text);
//   std::optional<std::string> reply_to = ExtractReplyScreenName("@bob thanks!");  // "bob"
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace crowdlens {

struct TextEntity {
  enum class Kind { kHashtag, kMention, kUrl, kCashtag };
  Kind kind = Kind::kHashtag;
  // Without '#', '@' or '$'; a URL as written (no scheme is added). A URL
  // found without a scheme inside a longer non-ASCII run keeps only its ASCII
  // domain, as twitter-text does ("これはexample.com" gives "example.com").
  std::string text;
  size_t start = 0;  // code point index where the entity starts (its sign included)
  size_t end = 0;    // code point index one past its end
  // "/list-name" when a mention is an @user/list-name reference; empty otherwise.
  std::string list_slug;
};

// Every entity, in text order, without overlaps (a hashtag inside a URL's
// path is part of the URL). This is twitter-text's extractEntitiesWithIndices.
std::vector<TextEntity> ExtractEntities(std::string_view utf8_text);

// One kind at a time, with indices, as twitter-text's *WithIndices functions
// give them: hashtags that overlap a URL are dropped; mentions include
// @user/list references (list_slug set).
std::vector<TextEntity> ExtractHashtagEntities(std::string_view utf8_text);
std::vector<TextEntity> ExtractMentionEntities(std::string_view utf8_text);
std::vector<TextEntity> ExtractUrlEntities(std::string_view utf8_text);
std::vector<TextEntity> ExtractCashtagEntities(std::string_view utf8_text);

// The entity texts only. ExtractMentions leaves out @user/list references.
std::vector<std::string> ExtractHashtags(std::string_view utf8_text);
std::vector<std::string> ExtractMentions(std::string_view utf8_text);
std::vector<std::string> ExtractUrls(std::string_view utf8_text);
std::vector<std::string> ExtractCashtags(std::string_view utf8_text);

// The screen name a post replies to: an @mention that opens the text (after
// optional spaces); nullopt when the text does not start with one.
std::optional<std::string> ExtractReplyScreenName(std::string_view utf8_text);

}  // namespace crowdlens
