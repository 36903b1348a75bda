#include "analyses/courtesy.h"

#include <algorithm>
#include <array>

#include "text/code_points.h"
#include "text/entities.h"

namespace crowdlens {
namespace {

using std::string_view_literals::operator""sv;

// Words that thank, in the languages of the shipped data and their neighbours.
constexpr std::array kThankWords = {"thanks"sv, "thank"sv, "thx"sv,     "thnx"sv,   "tnx"sv,      "tks"sv,     "ty"sv,
                                    "danke"sv,  "merci"sv, "gracias"sv, "grazie"sv, "obrigado"sv, "obrigada"sv};
// What a courtesy thank-you is for: platform gestures, not content.
constexpr std::array kGestureWords = {
    "follow"sv,     "following"sv, "follows"sv, "followback"sv, "fav"sv,     "favs"sv,      "fave"sv,
    "favorite"sv,   "like"sv,      "likes"sv,   "rt"sv,         "rts"sv,     "retweet"sv,   "retweets"sv,
    "retweeting"sv, "share"sv,     "shares"sv,  "sharing"sv,    "mention"sv, "mentions"sv,  "shoutout"sv,
    "shout"sv,      "add"sv,       "adding"sv,  "connecting"sv, "connect"sv, "connection"sv};
// Words that may sit between "thanks" and "for", and between "for" and the gesture.
constexpr std::array kFillerWords = {"you"sv,   "u"sv,   "so"sv,   "very"sv,  "much"sv, "a"sv,     "lot"sv,
                                     "again"sv, "the"sv, "my"sv,   "your"sv,  "ur"sv,   "all"sv,   "those"sv,
                                     "these"sv, "our"sv, "kind"sv, "great"sv, "nice"sv, "lovely"sv};
constexpr std::array kWelcomeWords = {"welcome"sv,    "willkommen"sv, "bienvenue"sv, "bienvenido"sv,
                                      "bienvenida"sv, "benvenuto"sv,  "benvenuti"sv};
// Follow Friday and its relatives: lists of accounts recommended as a ritual.
constexpr std::array kFollowFridayTags = {
    "ff"sv,  "followfriday"sv,  "fridayfollow"sv, "followback"sv, "teamfollowback"sv,
    "f4f"sv, "follow4follow"sv, "tfb"sv};

// A bare thank-you has at most this many words ("thank you so much").
constexpr size_t kBareThanksMaxWords = 4;
// "welcome" marks courtesy in a post of at most this many words ("welcome to the team, glad to have you").
constexpr size_t kWelcomeMaxWords = 8;
// A post naming this many accounts is a list, not a conversation.
constexpr size_t kBulkMentionCount = 5;

template <size_t N>
bool OneOf(std::string_view word, const std::array<std::string_view, N>& words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

std::string Lower(std::string_view text) {
  std::string lower;
  text::CodePoints points(text);
  for (size_t index = 0; index < points.size(); ++index) text::AppendUtf8(text::ToLower(points.at(index)), lower);
  return lower;
}

bool IsWordCharacter(char32_t c) {
  return text::IsLetterOrMark(c) || text::IsDecimalDigit(c) || c == '\'' || c == U'\u2019';
}

// "thanks [you] [so much] for [the] follow": a thank word, fillers, "for"/"4", fillers, a gesture.
bool ThanksForGesture(const std::vector<std::string>& words) {
  for (size_t start = 0; start < words.size(); ++start) {
    if (!OneOf(words[start], kThankWords)) continue;
    size_t next = start + 1;
    while (next < words.size() && OneOf(words[next], kFillerWords)) ++next;
    if (next >= words.size() || (words[next] != "for" && words[next] != "4")) continue;
    ++next;
    while (next < words.size() && OneOf(words[next], kFillerWords)) ++next;
    if (next < words.size() && OneOf(words[next], kGestureWords)) return true;
  }
  return false;
}

bool HasAny(const std::vector<std::string>& words, auto&& predicate) {
  return std::any_of(words.begin(), words.end(), predicate);
}

bool WelcomePhrase(const std::vector<std::string>& words) {
  for (size_t index = 0; index < words.size(); ++index) {
    if (words[index] != "welcome") continue;
    if (index > 0) {
      std::string_view before = words[index - 1];
      if (before == "you're" || before == "youre" || before == "your" || before == "ur") return true;
      if (before == "are" && index > 1 && words[index - 2] == "you") return true;
    }
    if (index + 1 < words.size()) {
      std::string_view after = words[index + 1];
      if (after == "aboard" || after == "back") return true;
      if (after == "to" && index + 2 < words.size() && words[index + 2] == "twitter") return true;
    }
  }
  return false;
}

}  // namespace

std::string_view MentionKindName(MentionKind kind) {
  switch (kind) {
    case MentionKind::kSubstantive:
      return "substantive";
    case MentionKind::kReplyToOwnPost:
      return "reply_to_own_post";
    case MentionKind::kReplyThread:
      return "reply_thread";
    case MentionKind::kFollowFriday:
      return "follow_friday";
    case MentionKind::kThanks:
      return "thanks";
    case MentionKind::kWelcome:
      return "welcome";
    case MentionKind::kBulkList:
      return "bulk_list";
  }
  return "substantive";
}

PostSignals AnalysePostText(std::string_view text, std::span<const std::string> hashtags) {
  PostSignals signals;
  for (const std::string& tag : hashtags) signals.hashtags.push_back(Lower(tag));
  std::vector<TextEntity> entities = ExtractEntities(text);
  text::CodePoints points(text);
  // Code points covered by an entity are not words.
  std::vector<bool> covered(points.size(), false);
  bool leading = true;
  size_t previous_end = 0;
  for (const TextEntity& entity : entities) {
    for (size_t index = entity.start; index < entity.end && index < points.size(); ++index) covered[index] = true;
    if (entity.kind == TextEntity::Kind::kHashtag) signals.hashtags.push_back(Lower(entity.text));
    if (leading) {
      bool only_spaces_before = true;
      for (size_t index = previous_end; index < entity.start && index < points.size(); ++index) {
        if (!text::IsTwitterSpace(points.at(index))) only_spaces_before = false;
      }
      leading = only_spaces_before && entity.kind == TextEntity::Kind::kMention && entity.list_slug.empty();
      if (leading) signals.leading_mentions.push_back(Lower(entity.text));
      previous_end = entity.end;
    }
  }
  std::string word;
  auto finish_word = [&] {
    // Apostrophes at the edges are quotes, not contractions.
    while (!word.empty() && word.back() == '\'') word.pop_back();
    size_t first = word.find_first_not_of('\'');
    if (first != std::string::npos) signals.words.push_back(word.substr(first));
    word.clear();
  };
  for (size_t index = 0; index < points.size(); ++index) {
    char32_t c = points.at(index);
    if (!covered[index] && IsWordCharacter(c)) {
      text::AppendUtf8(c == U'\u2019' ? U'\'' : text::ToLower(c), word);
    } else {
      finish_word();
    }
  }
  finish_word();
  std::sort(signals.hashtags.begin(), signals.hashtags.end());
  signals.hashtags.erase(std::unique(signals.hashtags.begin(), signals.hashtags.end()), signals.hashtags.end());
  return signals;
}

MentionKind ClassifyMention(const PostSignals& post, const MentionFacts& mention, const PostFacts& facts) {
  if (mention.replies_to_mentioned_account) return MentionKind::kReplyToOwnPost;
  if (facts.is_reply && !mention.mentioned_handle.empty()) {
    std::string handle = Lower(mention.mentioned_handle);
    if (std::find(post.leading_mentions.begin(), post.leading_mentions.end(), handle) != post.leading_mentions.end()) {
      return MentionKind::kReplyThread;
    }
  }
  if (HasAny(post.hashtags, [](const std::string& tag) { return OneOf(tag, kFollowFridayTags); })) {
    return MentionKind::kFollowFriday;
  }
  bool thanks = HasAny(post.words, [](const std::string& word) { return OneOf(word, kThankWords); });
  if (thanks && (post.words.size() <= kBareThanksMaxWords || ThanksForGesture(post.words))) return MentionKind::kThanks;
  bool welcome = HasAny(post.words, [](const std::string& word) { return OneOf(word, kWelcomeWords); });
  if (welcome && (post.words.size() <= kWelcomeMaxWords || WelcomePhrase(post.words))) return MentionKind::kWelcome;
  if (facts.mention_count >= kBulkMentionCount || (post.words.empty() && facts.mention_count >= 2)) {
    return MentionKind::kBulkList;
  }
  return MentionKind::kSubstantive;
}

}  // namespace crowdlens
