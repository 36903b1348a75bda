// Hashtags, mentions and cashtags after twitter-text 3's JavaScript extractor
// (validHashtag, validMentionOrList, validCashtag and validReply), as scanners
// over code points; URLs are in urls.cc.
//
// Each scanner keeps the regular expression's global-search behaviour: the
// character before a sign is part of the match, so a match (kept or rejected
// by the check on what follows it) consumes its text, and a later match may
// not borrow its last character as the one before its own sign.
#include "text/entities.h"

#include <algorithm>

#include "text/code_points.h"
#include "text/urls.h"

namespace crowdlens {
namespace {

using text::CodePoints;

constexpr size_t kMaxScreenNameLength = 20;
constexpr size_t kMaxListSlugLength = 25;  // a letter, then up to 24 more
constexpr size_t kMaxCashtagLetters = 6;
constexpr size_t kMaxCashtagSuffix = 2;

bool IsHashSign(char32_t c) { return c == '#' || c == 0xFF03; }
bool IsAtSign(char32_t c) { return c == '@' || c == 0xFF20; }
bool IsScreenNameChar(char32_t c) { return text::IsAsciiAlnum(c) || c == '_'; }

// Characters that may appear in a hashtag besides letters, marks and digits:
// '_', ZWNJ, ZWJ, and the Hebrew, Japanese, Tibetan and Catalan signs
// twitter-text allows (hashtagSpecialChars).
bool IsHashtagSpecial(char32_t c) {
  switch (c) {
    case '_': case 0x200C: case 0x200D: case 0xA67E: case 0x05BE: case 0x05F3: case 0x05F4: case 0xFF5E:
    case 0x301C: case 0x309B: case 0x309C: case 0x30A0: case 0x30FB: case 0x3003: case 0x0F0B: case 0x0F0C:
    case 0x00B7:
      return true;
    default:
      return false;
  }
}
bool IsHashtagAlpha(char32_t c) { return text::IsLetterOrMark(c); }
bool IsHashtagAlnum(char32_t c) { return IsHashtagAlpha(c) || text::IsDecimalDigit(c) || IsHashtagSpecial(c); }

// What after an @mention shows it was not one: another '@', a Latin accented
// letter (the name goes on) or "://" (a URL scheme written after '@').
bool EndsMentionBadly(const CodePoints& points, size_t pos) {
  if (pos >= points.size()) return false;
  char32_t c = points.at(pos);
  if (IsAtSign(c) || text::IsLatinAccent(c)) return true;
  return c == ':' && points.at(pos + 1) == '/' && points.at(pos + 2) == '/' && pos + 2 < points.size();
}

TextEntity Entity(TextEntity::Kind kind, const CodePoints& points, size_t start, size_t text_begin, size_t text_end,
                  size_t end) {
  return {.kind = kind, .text = std::string(points.Slice(text_begin, text_end)), .start = start, .end = end,
          .list_slug = {}};
}

std::vector<TextEntity> FindHashtags(const CodePoints& points) {
  std::vector<TextEntity> tags;
  const size_t size = points.size();
  size_t consumed = 0;  // where the previous match ended
  for (size_t sign = 0; sign < size; ++sign) {
    if (!IsHashSign(points.at(sign))) continue;
    if (sign > 0) {
      char32_t before = points.at(sign - 1);
      bool boundary = before == 0xFE0E || before == 0xFE0F || (!IsHashtagAlnum(before) && before != '&');
      if (!boundary || sign - 1 < consumed) continue;
    }
    char32_t first = points.at(sign + 1);
    if (first == 0xFE0F || first == 0x20E3) continue;  // a keycap emoji, not a hashtag
    size_t end = sign + 1;
    bool has_alpha = false;
    while (end < size && IsHashtagAlnum(points.at(end))) has_alpha |= IsHashtagAlpha(points.at(end++));
    if (!has_alpha) continue;
    consumed = end;
    if (end < size && (IsHashSign(points.at(end)) ||
                       (points.at(end) == ':' && points.at(end + 1) == '/' && points.at(end + 2) == '/'))) {
      continue;  // "#a#b" and "#http://" are not hashtags
    }
    tags.push_back(Entity(TextEntity::Kind::kHashtag, points, sign, sign + 1, end, end));
    sign = end - 1;
  }
  return tags;
}

// Whether the @ at `sign` has a valid character (or "RT"/"RT:") before it,
// none of it inside the previous match.
bool MentionCanStart(const CodePoints& points, size_t sign, size_t consumed) {
  if (sign == 0) return true;
  auto in = [](char32_t c, std::u32string_view set) { return set.find(c) != std::u32string_view::npos; };
  char32_t before = points.at(sign - 1);
  if (sign - 1 >= consumed && !text::IsAsciiAlnum(before) && !in(before, U"_!#$%&*@\uFF20")) return true;
  // "RT@user", "rt:@user": retweet prefixes glued to the sign.
  size_t prefix_end = sign;
  if (points.at(prefix_end - 1) == ':') --prefix_end;
  if (prefix_end < 2) return false;
  char32_t r = points.at(prefix_end - 2), t = points.at(prefix_end - 1);
  if ((r != 'r' && r != 'R') || (t != 't' && t != 'T')) return false;
  size_t prefix_begin = prefix_end - 2;
  if (prefix_begin == 0) return consumed == 0;
  char32_t outside = points.at(prefix_begin - 1);
  return prefix_begin - 1 >= consumed && !text::IsAsciiAlnum(outside) && !in(outside, U"_+~.-");
}

std::vector<TextEntity> FindMentions(const CodePoints& points) {
  std::vector<TextEntity> mentions;
  const size_t size = points.size();
  size_t consumed = 0;
  for (size_t sign = 0; sign < size; ++sign) {
    if (!IsAtSign(points.at(sign)) || !MentionCanStart(points, sign, consumed)) continue;
    size_t name_end = sign + 1;
    while (name_end < size && name_end - sign - 1 < kMaxScreenNameLength && IsScreenNameChar(points.at(name_end))) {
      ++name_end;
    }
    if (name_end == sign + 1) continue;
    size_t end = name_end;
    if (points.at(end) == '/' && end + 1 < size && text::IsAsciiLetter(points.at(end + 1))) {
      end += 2;
      while (end < size && end - name_end - 1 < kMaxListSlugLength &&
             (IsScreenNameChar(points.at(end)) || points.at(end) == '-')) {
        ++end;
      }
    }
    consumed = end;
    if (!EndsMentionBadly(points, end)) {
      TextEntity mention = Entity(TextEntity::Kind::kMention, points, sign, sign + 1, name_end, end);
      mention.list_slug = std::string(points.Slice(name_end, end));
      mentions.push_back(std::move(mention));
    }
    sign = end - 1;
  }
  return mentions;
}

std::vector<TextEntity> FindCashtags(const CodePoints& points) {
  std::vector<TextEntity> cashtags;
  const size_t size = points.size();
  auto ends_cashtag = [&](size_t pos) {
    return pos >= size || text::IsJsWhitespace(points.at(pos)) || text::IsAsciiPunct(points.at(pos));
  };
  size_t consumed = 0;
  for (size_t sign = 0; sign < size; ++sign) {
    if (points.at(sign) != '$') continue;
    if (sign > 0 && (sign - 1 < consumed || !text::IsTwitterSpace(points.at(sign - 1)))) continue;
    size_t letters_end = sign + 1;
    while (letters_end < size && text::IsAsciiLetter(points.at(letters_end))) ++letters_end;
    size_t letters = letters_end - sign - 1;
    if (letters == 0 || letters > kMaxCashtagLetters) continue;
    // "$TEST.T": an optional '.' or '_' and one or two letters; else the letters alone.
    size_t end = 0;
    char32_t joiner = points.at(letters_end);
    if (letters_end < size && (joiner == '.' || joiner == '_')) {
      size_t suffix_end = letters_end + 1;
      while (suffix_end < size && suffix_end - letters_end - 1 < kMaxCashtagSuffix &&
             text::IsAsciiLetter(points.at(suffix_end))) {
        ++suffix_end;
      }
      for (size_t candidate = suffix_end; candidate > letters_end + 1 && end == 0; --candidate) {
        if (ends_cashtag(candidate)) end = candidate;
      }
    }
    if (end == 0 && ends_cashtag(letters_end)) end = letters_end;
    if (end == 0) continue;
    cashtags.push_back(Entity(TextEntity::Kind::kCashtag, points, sign, sign + 1, end, end));
    consumed = end;
    sign = end - 1;
  }
  return cashtags;
}

// Keeps the first of entities that overlap, in order of their start
// (twitter-text's removeOverlappingEntities).
void RemoveOverlapping(std::vector<TextEntity>& entities) {
  std::stable_sort(entities.begin(), entities.end(),
                   [](const TextEntity& a, const TextEntity& b) { return a.start < b.start; });
  std::vector<TextEntity> kept;
  kept.reserve(entities.size());
  for (TextEntity& entity : entities) {
    if (!kept.empty() && kept.back().end > entity.start) continue;
    kept.push_back(std::move(entity));
  }
  entities = std::move(kept);
}

std::vector<TextEntity> HashtagsWithoutUrls(const CodePoints& points) {
  std::vector<TextEntity> tags = FindHashtags(points);
  if (tags.empty()) return tags;
  std::vector<TextEntity> urls = text::FindUrls(points);
  if (urls.empty()) return tags;
  std::vector<TextEntity> all = std::move(tags);
  all.insert(all.end(), std::make_move_iterator(urls.begin()), std::make_move_iterator(urls.end()));
  RemoveOverlapping(all);
  std::erase_if(all, [](const TextEntity& entity) { return entity.kind != TextEntity::Kind::kHashtag; });
  return all;
}

std::vector<std::string> Texts(std::vector<TextEntity> entities) {
  std::vector<std::string> texts;
  texts.reserve(entities.size());
  for (TextEntity& entity : entities) texts.push_back(std::move(entity.text));
  return texts;
}

}  // namespace

std::vector<TextEntity> ExtractEntities(std::string_view utf8_text) {
  CodePoints points(utf8_text);
  std::vector<TextEntity> entities = text::FindUrls(points);
  for (auto* find : {&FindMentions, &FindHashtags, &FindCashtags}) {
    std::vector<TextEntity> found = (*find)(points);
    entities.insert(entities.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
  }
  RemoveOverlapping(entities);
  return entities;
}

std::vector<TextEntity> ExtractHashtagEntities(std::string_view utf8_text) {
  return HashtagsWithoutUrls(CodePoints(utf8_text));
}
std::vector<TextEntity> ExtractMentionEntities(std::string_view utf8_text) {
  return FindMentions(CodePoints(utf8_text));
}
std::vector<TextEntity> ExtractUrlEntities(std::string_view utf8_text) { return text::FindUrls(CodePoints(utf8_text)); }
std::vector<TextEntity> ExtractCashtagEntities(std::string_view utf8_text) {
  return FindCashtags(CodePoints(utf8_text));
}

std::vector<std::string> ExtractHashtags(std::string_view utf8_text) {
  return Texts(ExtractHashtagEntities(utf8_text));
}
std::vector<std::string> ExtractMentions(std::string_view utf8_text) {
  std::vector<TextEntity> mentions = ExtractMentionEntities(utf8_text);
  std::erase_if(mentions, [](const TextEntity& mention) { return !mention.list_slug.empty(); });
  return Texts(std::move(mentions));
}
std::vector<std::string> ExtractUrls(std::string_view utf8_text) { return Texts(ExtractUrlEntities(utf8_text)); }
std::vector<std::string> ExtractCashtags(std::string_view utf8_text) {
  return Texts(ExtractCashtagEntities(utf8_text));
}

std::optional<std::string> ExtractReplyScreenName(std::string_view utf8_text) {
  CodePoints points(utf8_text);
  size_t sign = 0;
  while (sign < points.size() && text::IsTwitterSpace(points.at(sign))) ++sign;
  if (sign >= points.size() || !IsAtSign(points.at(sign))) return std::nullopt;
  size_t end = sign + 1;
  while (end < points.size() && end - sign - 1 < kMaxScreenNameLength && IsScreenNameChar(points.at(end))) ++end;
  if (end == sign + 1 || EndsMentionBadly(points, end)) return std::nullopt;
  return std::string(points.Slice(sign + 1, end));
}

}  // namespace crowdlens
