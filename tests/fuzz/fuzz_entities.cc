// Fuzzes twitter-text entity extraction (text/entities.h) with arbitrary post
// text, valid UTF-8 or not. Invariants, checked in code points as the indices
// count them (text/code_points.h decodes invalid bytes to U+FFFD, one each):
//   - every entity's range is non-empty and lies inside the text;
//   - ExtractEntities gives entities in text order without overlaps;
//   - an entity's text (and a list reference's slug) is found inside its range (a URL's
//     text may skip a non-ASCII middle of its domain, as twitter-text's does);
//   - the one-kind extractors give ranges inside the text too, and the entities
//     ExtractEntities gives are among them (hashtags and cashtags exactly).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string_view>
#include <vector>

#include "fuzz_check.h"
#include "text/code_points.h"
#include "text/entities.h"

namespace {

using crowdlens::TextEntity;

void CheckInside(const std::vector<TextEntity>& entities, const crowdlens::text::CodePoints& points) {
  for (const TextEntity& entity : entities) {
    FUZZ_CHECK(entity.start < entity.end, "an empty or reversed entity range");
    FUZZ_CHECK(entity.end <= points.size(), "an entity ends past the text");
    std::string_view covered = points.Slice(entity.start, entity.end);
    FUZZ_CHECK(!entity.text.empty(), "an entity without text");
    bool text_inside = covered.find(entity.text) != std::string_view::npos;
    if (entity.kind == TextEntity::Kind::kUrl && !text_inside) {
      // twitter-text's quirk, kept: a URL without a scheme whose domain holds a non-ASCII run
      // ("r.co\xA8.co/") is its last ASCII domain plus its path ("r.co/") over the whole span.
      // Its text is still a start of the span followed by an end of it.
      std::string_view text = entity.text;
      for (size_t split = 0; split <= text.size() && !text_inside; ++split) {
        if (!covered.starts_with(text.substr(0, split))) break;
        text_inside = covered.ends_with(text.substr(split));
      }
    }
    if (!text_inside) {
      std::fprintf(stderr, "entity [%zu, %zu) text '%s' covers '%.*s'\n", entity.start, entity.end, entity.text.c_str(),
                   static_cast<int>(covered.size()), covered.data());
    }
    FUZZ_CHECK(text_inside, "an entity's text is not inside its range");
    if (!entity.list_slug.empty()) {
      FUZZ_CHECK(covered.find(entity.list_slug) != std::string_view::npos, "a list slug is not inside its range");
    }
  }
}

bool HasSame(const std::vector<TextEntity>& entities, const TextEntity& wanted) {
  for (const TextEntity& entity : entities) {
    if (entity.start == wanted.start && entity.end == wanted.end && entity.text == wanted.text) return true;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  crowdlens::text::CodePoints points(text);

  std::vector<TextEntity> all = crowdlens::ExtractEntities(text);
  CheckInside(all, points);
  for (size_t index = 1; index < all.size(); ++index) {
    FUZZ_CHECK(all[index - 1].end <= all[index].start, "entities overlap or are out of order");
  }
  std::vector<TextEntity> hashtags = crowdlens::ExtractHashtagEntities(text);
  std::vector<TextEntity> cashtags = crowdlens::ExtractCashtagEntities(text);
  CheckInside(hashtags, points);
  CheckInside(cashtags, points);
  CheckInside(crowdlens::ExtractMentionEntities(text), points);
  CheckInside(crowdlens::ExtractUrlEntities(text), points);
  for (const TextEntity& entity : all) {
    if (entity.kind == TextEntity::Kind::kHashtag) {
      FUZZ_CHECK(HasSame(hashtags, entity), "a hashtag of ExtractEntities that ExtractHashtagEntities lacks");
    }
    if (entity.kind == TextEntity::Kind::kCashtag) {
      FUZZ_CHECK(HasSame(cashtags, entity), "a cashtag of ExtractEntities that ExtractCashtagEntities lacks");
    }
  }
  std::optional<std::string> reply_to = crowdlens::ExtractReplyScreenName(text);
  if (reply_to) FUZZ_CHECK(text.find(*reply_to) != std::string_view::npos, "a reply screen name not in the text");
  return 0;
}
