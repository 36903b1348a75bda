// One pass over each array element (simdjson On-Demand): the element's
// wrapper ({"tweet": ...}, {"follower": ...}, ...) says what it is, and older
// tweet.js elements are the tweet itself. An element is parsed whole before
// anything is emitted, so an element of a part crowdlens does not read is
// quarantined without its bytes, and a file without a known owner loses its
// records to the quarantine (with the hint to pass --of) rather than to an
// owner guessed wrong.
#include "ingest/x_archive_reader.h"

#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "core/time.h"
#include "core/unique_append.h"
#include "ingest/json_fields.h"
#include "ingest/json_records.h"
#include "ingest/x_archive_context.h"

namespace crowdlens {
namespace {

using simdjson::ondemand::json_type;
using simdjson::ondemand::object;
using simdjson::ondemand::value;

constexpr const char* kTwitter = "twitter";

// Names whose content is private wherever they lie (old archives keep parts at the top level).
constexpr std::string_view kPrivateStems[] = {
    "direct-message", "direct_message", "ip-audit",      "account-creation-ip",   "email-address-change",
    "phone-number",   "device-token",   "contact",       "connected-application", "ageinfo",
    "personalization",
};

std::string_view BaseName(std::string_view name) {
  size_t cut = name.find_last_of("/!");
  return cut == std::string_view::npos ? name : name.substr(cut + 1);
}

const std::string& Itself(const std::string& text) { return text; }
std::string MentionKey(const Mention& mention) { return json::AsciiLower(mention.account_id); }

// An account known by its id and perhaps a handle (the owner, a mention, a reply target).
Account MinimalAccount(const std::string& platform_id, const std::string& handle, int64_t observed_at) {
  Account account;
  account.platform = kTwitter;
  account.platform_id = platform_id;
  account.handle = handle;
  account.observed_at = observed_at;
  return account;
}

struct TweetFields {
  bool seen = false;  // any field that only a tweet has
  std::optional<std::string> id, created_at, text, lang, source;
  std::optional<std::string> reply_to_post_id, reply_to_account_id, reply_handle;
  std::optional<int64_t> retweets, likes;
  std::vector<std::string> hashtags, urls;
  std::vector<Mention> mentions;
};

struct FollowFields {
  bool follower = true;  // follower.js: they follow the owner; following.js: the owner follows them
  std::optional<std::string> account_id;
};

// What one array element held.
struct Element {
  std::vector<TweetFields> tweets;
  std::vector<FollowFields> follows;
  std::vector<Account> accounts;  // account.js
  std::vector<Account> profiles;  // profile.js (platform_id filled in from the owner)
  std::optional<std::string> unread_kind;
};

void ReadEntities(value field, TweetFields& tweet) {
  if (field.type() != json_type::object) return;
  for (auto entry : field.get_object()) {
    std::string_view key = entry.unescaped_key();
    value list = entry.value();
    if (list.type() != json_type::array) continue;
    if (key == "hashtags") {
      for (value tag : list.get_array()) {
        if (tag.type() != json_type::object) continue;
        std::optional<std::string> text = json::String(tag["text"]);
        if (text && !text->empty()) AppendUnique(tweet.hashtags, json::AsciiLower(*text), Itself);
      }
    } else if (key == "user_mentions") {
      for (value mention : list.get_array()) {
        if (mention.type() != json_type::object) continue;
        Mention item;
        for (auto part : mention.get_object()) {
          std::string_view part_key = part.unescaped_key();
          if (part_key == "id_str") item.account_id = json::Id(part.value()).value_or("");
          else if (part_key == "screen_name") item.handle = json::String(part.value()).value_or("");
        }
        // Suspended or deleted accounts are listed with id "-1".
        if (item.account_id.empty() || item.account_id == "-1" || item.account_id == "0") {
          item.account_id = item.handle.empty() ? "" : "@" + json::AsciiLower(item.handle);
        }
        if (!item.account_id.empty()) AppendUnique(tweet.mentions, std::move(item), MentionKey);
      }
    } else if (key == "urls") {
      for (value link : list.get_array()) {
        if (link.type() != json_type::object) continue;
        std::optional<std::string> url, expanded;
        for (auto part : link.get_object()) {
          std::string_view part_key = part.unescaped_key();
          if (part_key == "url") url = json::String(part.value());
          else if (part_key == "expanded_url") expanded = json::String(part.value());
        }
        std::string chosen = expanded && !expanded->empty() ? *expanded : url.value_or("");
        if (!chosen.empty()) AppendUnique(tweet.urls, std::move(chosen), Itself);
      }
    }
  }
}

// Returns false when `key` is not a tweet field (so the caller can tell what the element was).
bool ReadTweetField(std::string_view key, value item, TweetFields& tweet) {
  if (key == "id_str") {
    if (auto id = json::Id(item)) tweet.id = id;
  } else if (key == "id") {
    if (!tweet.id) tweet.id = json::Id(item);
  } else if (key == "full_text") {
    tweet.text = json::String(item);
  } else if (key == "text") {
    if (!tweet.text) tweet.text = json::String(item);
  } else if (key == "created_at") {
    tweet.created_at = json::String(item);
  } else if (key == "entities") {
    ReadEntities(item, tweet);
  } else if (key == "in_reply_to_status_id_str") {
    if (auto id = json::Id(item)) tweet.reply_to_post_id = id;
  } else if (key == "in_reply_to_status_id") {
    if (!tweet.reply_to_post_id) tweet.reply_to_post_id = json::Id(item);
  } else if (key == "in_reply_to_user_id_str") {
    if (auto id = json::Id(item)) tweet.reply_to_account_id = id;
  } else if (key == "in_reply_to_user_id") {
    if (!tweet.reply_to_account_id) tweet.reply_to_account_id = json::Id(item);
  } else if (key == "in_reply_to_screen_name") {
    tweet.reply_handle = json::String(item);
  } else if (key == "retweet_count") {
    tweet.retweets = json::Int(item);
  } else if (key == "favorite_count") {
    tweet.likes = json::Int(item);
  } else if (key == "lang") {
    tweet.lang = json::String(item);
  } else if (key == "source") {
    tweet.source = json::String(item);
  } else {
    // Fields an archive tweet carries that crowdlens does not keep.
    return key == "truncated" || key == "display_text_range" || key == "favorited" || key == "retweeted" ||
           key == "edit_info" || key == "extended_entities" || key == "possibly_sensitive" || key == "coordinates" ||
           key == "geo" || key == "withheld_copyright" || key == "withheld_in_countries" || key == "withheld_scope";
  }
  tweet.seen = true;
  return true;
}

FollowFields ReadFollow(value item, bool follower) {
  FollowFields follow;
  follow.follower = follower;
  if (item.type() != json_type::object) throw RecordError("a follow entry that is not an object");
  std::optional<std::string> link;
  for (auto part : item.get_object()) {
    std::string_view key = part.unescaped_key();
    if (key == "accountId") follow.account_id = json::Id(part.value());
    else if (key == "userLink") link = json::String(part.value());
  }
  // Only the link names the account in some exports: https://twitter.com/intent/user?user_id=123
  if (!follow.account_id && link) {
    size_t at = link->find("user_id=");
    if (at != std::string::npos) {
      std::string id = link->substr(at + 8);
      id = id.substr(0, id.find_first_not_of("0123456789"));
      if (!id.empty()) follow.account_id = id;
    }
  }
  if (!follow.account_id) throw RecordError("a follow entry without an accountId");
  return follow;
}

class XArchiveConverter {
 public:
  XArchiveConverter(const InputSource& source, XArchivePart part, const XArchiveContext& context,
                    BatchEmitter& emitter)
      : source_(source), part_(part), context_(context), emitter_(emitter) {}

  // The owner hint and the owner's account, once per file.
  void EmitOwner() {
    if (!context_.owner || part_ == XArchivePart::kAccount) return;
    const XArchiveOwner& owner = *context_.owner;
    emitter_.batch().owner_hints.push_back(
        OwnerHint{.platform = kTwitter, .platform_id = owner.platform_id, .handle = owner.handle});
    emitter_.batch().accounts.push_back(MinimalAccount(owner.platform_id, owner.handle, context_.observed_at));
  }

  void ReadElement(value record, const JsonRecordPosition& position) {
    if (record.type() != json_type::object) {
      throw RecordError("an element of the archive's array that is not an object");
    }
    Element element = ParseElement(record.get_object());
    bool readable = !element.tweets.empty() || !element.follows.empty() || !element.accounts.empty() ||
                    !element.profiles.empty();
    if (!readable) {
      if (element.unread_kind) {
        // Possibly private (a direct message in the wrong file): say so, keep none of its bytes.
        emitter_.Quarantine(source_.name, position.line, position.offset,
                            "an X archive element of kind \"" + *element.unread_kind +
                                "\", which crowdlens does not read; its content was not kept",
                            "");
        return;
      }
      throw RecordError("an X archive element with none of tweet, follower, following, account or profile");
    }
    if (!context_.owner && (!element.tweets.empty() || !element.follows.empty() || !element.profiles.empty())) {
      throw RecordError(context_.missing_owner_reason);
    }
    RecordScope scope(emitter_);
    for (const TweetFields& tweet : element.tweets) EmitTweet(tweet);
    for (const FollowFields& follow : element.follows) EmitFollow(follow);
    // account.js and profile.js are two halves of one profile at one time: each is completed with the
    // other's fields, so whichever the store sees first is whole (the later one, no newer, changes nothing).
    const Account& whole = context_.owner_profile;
    for (Account& account : element.accounts) {
      emitter_.batch().owner_hints.push_back(
          OwnerHint{.platform = kTwitter, .platform_id = account.platform_id, .handle = account.handle});
      if (whole.platform_id == account.platform_id) CompleteXArchiveProfile(account, whole);
      emitter_.batch().accounts.push_back(std::move(account));
    }
    for (Account& profile : element.profiles) {
      profile.platform_id = context_.owner->platform_id;
      profile.handle = context_.owner->handle;
      if (whole.platform_id == profile.platform_id) CompleteXArchiveProfile(profile, whole);
      emitter_.batch().accounts.push_back(std::move(profile));
    }
    scope.Commit();
  }

 private:
  Element ParseElement(object fields) {
    Element element;
    TweetFields bare;  // tweet.js of older archives: the element is the tweet itself
    for (auto field : fields) {
      std::string_view key = field.unescaped_key();
      value item = field.value();
      if (key == "tweet") {
        if (item.type() != json_type::object) throw RecordError("a \"tweet\" entry that is not an object");
        TweetFields tweet;
        for (auto part : item.get_object()) ReadTweetField(part.unescaped_key(), part.value(), tweet);
        element.tweets.push_back(std::move(tweet));
      } else if (key == "follower" || key == "following") {
        element.follows.push_back(ReadFollow(item, key == "follower"));
      } else if (key == "account") {
        element.accounts.push_back(ReadXArchiveAccount(item, context_.observed_at));
      } else if (key == "profile") {
        element.profiles.push_back(ReadXArchiveProfile(item, context_.observed_at));
      } else if (part_ != XArchivePart::kTweets || !ReadTweetField(key, item, bare)) {
        if (!element.unread_kind) element.unread_kind = std::string(key);
      }
    }
    if (bare.seen) element.tweets.push_back(std::move(bare));
    return element;
  }

  void EmitTweet(const TweetFields& tweet) {
    if (!tweet.id) throw RecordError("a tweet without an id (id_str)");
    if (!tweet.created_at) throw RecordError("tweet " + *tweet.id + " has no created_at");
    std::optional<int64_t> created_at = ParseTimestamp(*tweet.created_at);
    if (!created_at) {
      throw RecordError("tweet " + *tweet.id + ": created_at \"" + *tweet.created_at +
                        "\" is not a date crowdlens can read");
    }
    Post post;
    post.platform = kTwitter;
    post.platform_id = *tweet.id;
    post.author_id = context_.owner->platform_id;
    post.created_at = *created_at;
    post.text = tweet.text.value_or("");
    post.lang = tweet.lang;
    post.source = tweet.source;
    post.reply_to_post_id = tweet.reply_to_post_id;
    post.reply_to_account_id = tweet.reply_to_account_id;
    post.metrics.retweets = tweet.retweets;
    post.metrics.likes = tweet.likes;
    post.hashtags = tweet.hashtags;
    post.mentions = tweet.mentions;
    post.urls = tweet.urls;
    AddRetweetedAccount(post);
    for (const Mention& mention : post.mentions) {
      emitter_.batch().accounts.push_back(MinimalAccount(mention.account_id, mention.handle, post.created_at));
    }
    if (post.reply_to_account_id) {
      emitter_.batch().accounts.push_back(
          MinimalAccount(*post.reply_to_account_id, tweet.reply_handle.value_or(""), post.created_at));
    }
    emitter_.batch().posts.push_back(std::move(post));
  }

  // "RT @user: ..." names the retweeted account even when the entities do not.
  static void AddRetweetedAccount(Post& post) {
    if (!post.text.starts_with("RT @")) return;
    size_t end = 4;
    while (end < post.text.size()) {
      char c = post.text[end];
      bool handle_char = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
      if (!handle_char) break;
      ++end;
    }
    std::string handle = post.text.substr(4, end - 4);
    if (handle.empty()) return;
    std::string lower = json::AsciiLower(handle);
    for (const Mention& mention : post.mentions) {
      if (json::AsciiLower(mention.handle) == lower) return;
    }
    post.mentions.push_back(Mention{.account_id = "@" + lower, .handle = handle});
  }

  void EmitFollow(const FollowFields& follow) {
    Edge edge;
    edge.platform = kTwitter;
    edge.relation = Relation::kFollow;
    edge.observed_at = context_.observed_at;
    if (follow.follower) {
      edge.source_id = *follow.account_id;
      edge.target_id = context_.owner->platform_id;
    } else {
      edge.source_id = context_.owner->platform_id;
      edge.target_id = *follow.account_id;
    }
    emitter_.batch().edges.push_back(std::move(edge));
  }

  const InputSource& source_;
  XArchivePart part_;
  const XArchiveContext& context_;
  BatchEmitter& emitter_;
};

}  // namespace

bool LooksLikeXArchiveFile(std::string_view name, std::string_view head) {
  if (IsInArchiveDataFolder(name) && XArchivePartFromName(name) != XArchivePart::kNotRead) return true;
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  size_t first = head.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return false;
  head.remove_prefix(first);
  return head.starts_with("window.YTD.") || head.starts_with("window.__THAR_CONFIG");
}

bool IsPrivateXArchiveFile(std::string_view name) {
  if (XArchivePartFromName(name) != XArchivePart::kNotRead) return false;
  std::string base = json::AsciiLower(BaseName(name));
  // Every other part of an archive's data folder, and the media folders of direct messages.
  if (base.ends_with(".js") && IsInArchiveDataFolder(name)) return true;
  std::string lower = json::AsciiLower(name);
  if (lower.find("direct_messages_media/") != std::string::npos ||
      lower.find("direct_messages_group_media/") != std::string::npos) {
    return true;
  }
  if (!base.ends_with(".js")) return false;
  std::string_view stem = std::string_view(base).substr(0, base.size() - 3);
  for (std::string_view prefix : kPrivateStems) {
    if (stem.starts_with(prefix)) return true;
  }
  return false;
}

Status ReadXArchiveFile(const InputSource& source, const InputBuffer& buffer, const ReadOptions& options,
                        BatchEmitter& emitter) {
  Result<XArchivePart> part = IdentifyXArchivePart(source.name, buffer.view());
  if (!part.ok()) return part.status();
  if (*part == XArchivePart::kManifest) {
    CROWDLENS_RETURN_IF_ERROR(emitter.Progress(buffer.size()));
    return emitter.Finish();
  }
  XArchiveContext context = LoadXArchiveContext(source, options);
  XArchiveConverter converter(source, *part, context, emitter);
  converter.EmitOwner();
  auto handler = [&](value record, const JsonRecordPosition& position) { converter.ReadElement(record, position); };
  if (*part != XArchivePart::kAccount) {
    const uint64_t quarantined_before = emitter.quarantined();
    CROWDLENS_RETURN_IF_ERROR(ForEachJsonRecord(source, buffer, emitter, handler));
    // follower.js and following.js list everyone as of the archive's date: a
    // snapshot that tells unfollows, unless a record of it could not be read.
    const bool whole_list = emitter.quarantined() == quarantined_before;
    if ((*part == XArchivePart::kFollower || *part == XArchivePart::kFollowing) && context.owner && whole_list) {
      emitter.batch().snapshots.push_back(FollowSnapshot{
          .platform = "twitter", .account_id = context.owner->platform_id,
          .kind = *part == XArchivePart::kFollower ? FollowSnapshot::Kind::kFollowers : FollowSnapshot::Kind::kFollowing,
          .observed_at = context.observed_at});
    }
    return emitter.Finish();
  }
  // account.js holds the owner's e-mail address: its bad records are quarantined without their bytes.
  BatchEmitter withheld([](Batch&&) { return Status::Ok(); },
                        {.batch_records = std::numeric_limits<size_t>::max(), .max_raw_bytes = 0});
  CROWDLENS_RETURN_IF_ERROR(ForEachJsonRecord(source, buffer, withheld, handler));
  for (const QuarantineEntry& entry : withheld.batch().quarantined) {
    emitter.Quarantine(entry.source, entry.line, entry.offset,
                       entry.reason + " (its bytes are not kept: account.js holds the account's e-mail address)", "");
  }
  CROWDLENS_RETURN_IF_ERROR(emitter.Progress(buffer.size()));
  return emitter.Finish();
}

}  // namespace crowdlens
