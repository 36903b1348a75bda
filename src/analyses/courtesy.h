// Courtesy mentions: telling the @mentions that carry attention ("@alice is
// right about the budget") from those that are etiquette or machinery
// ("thanks for the follow @alice", "#FF @alice @bob", the @-prefix a platform
// adds to every reply). Cha et al. (ICWSM 2010) measure influence by mentions
// received; courtesy mentions inflate that count without anyone having been
// moved, so crowdlens counts them apart.
//
// The classifier is a documented set of rules (docs/influence.md), applied in
// this order; the first that matches names the kind:
//   reply_to_own_post  the post replies to a post of the mentioned account (the
//                      reply counts as a reply received instead)
//   reply_thread       the post is a reply and the mention sits in its opening
//                      run of @handles: the platform copies every participant
//                      of a thread into that run
//   follow_friday      the post carries #ff, #followfriday, #followback, ...
//   thanks             "thanks for the follow/RT/share/mention ...", or a bare
//                      thank-you of at most four words once mentions, hashtags
//                      and links are taken out
//   welcome            "welcome" (or willkommen, bienvenue, ...) in a post of at
//                      most eight words, or "you're welcome", "welcome aboard",
//                      "welcome back", "welcome to twitter"
//   bulk_list          five or more accounts mentioned in one post, or a post
//                      of nothing but two or more mentions (and tags or links)
// Everything else is substantive.
//
//   PostSignals signals = AnalysePostText("Thanks for the follow @alice!", {});
//   MentionKind kind = ClassifyMention(signals, {.mentioned_handle = "alice"}, {.mention_count = 1});
//   // kind == MentionKind::kThanks, IsCourtesy(kind) == true
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace crowdlens {

enum class MentionKind { kSubstantive, kReplyToOwnPost, kReplyThread, kFollowFriday, kThanks, kWelcome, kBulkList };

// The courtesy kinds, in the order their rules are tried (substantive is what is left).
inline constexpr MentionKind kCourtesyKinds[] = {MentionKind::kReplyToOwnPost, MentionKind::kReplyThread,
                                                 MentionKind::kFollowFriday,   MentionKind::kThanks,
                                                 MentionKind::kWelcome,        MentionKind::kBulkList};

// "substantive", "reply_to_own_post", "reply_thread", "follow_friday", "thanks", "welcome", "bulk_list".
std::string_view MentionKindName(MentionKind kind);

inline bool IsCourtesy(MentionKind kind) { return kind != MentionKind::kSubstantive; }

// What the rules need from a post's text, computed once per post.
struct PostSignals {
  // Lower-cased words left once mentions, hashtags, URLs and cashtags are taken out
  // ("Thanks for the follow @alice!" -> thanks, for, the, follow).
  std::vector<std::string> words;
  // Lower-cased handles of the mentions that open the text, separated only by spaces.
  std::vector<std::string> leading_mentions;
  // Lower-cased hashtags (from the post's entities and from the text).
  std::vector<std::string> hashtags;
};

// Facts about the post that the text alone does not tell.
struct PostFacts {
  bool is_reply = false;
  size_t mention_count = 0;  // distinct accounts the post mentions
};

// Facts about one mentioned account.
struct MentionFacts {
  std::string_view mentioned_handle;          // without '@'; empty when unknown
  bool replies_to_mentioned_account = false;  // the post replies to a post of this account
};

// Splits the text into the signals above; `hashtags` are the post's stored
// hashtags (lower-case, without '#'), merged with those found in the text.
PostSignals AnalysePostText(std::string_view text, std::span<const std::string> hashtags);

MentionKind ClassifyMention(const PostSignals& post, const MentionFacts& mention, const PostFacts& facts);

}  // namespace crowdlens
