#include "ingest/twitter_v2_item.h"

#include "core/time.h"
#include "core/unique_append.h"
#include "ingest/json_fields.h"

namespace crowdlens::twitter_v2 {

using namespace std::string_view_literals;

using simdjson::ondemand::json_type;
using simdjson::ondemand::object;
using simdjson::ondemand::value;

// Defined below, in the order the fields nest.
void ReadReferences(value list, Item& item, int depth);
void ReadMetrics(object metrics, Item& item);
void ReadEntities(object entities, Item& item, int depth);

const std::string& Itself(const std::string& text) { return text; }
const std::string& MentionKey(const SeenMention& seen) { return seen.mention.account_id; }

// Everything a v2 object may carry; which fields are set tells what it was.

ItemKind Classify(const Item& item) {
  if (item.text || item.note_text || item.author_id) return ItemKind::kTweet;
  if (item.username) return ItemKind::kUser;
  if (item.compliance_action) return ItemKind::kCompliance;
  if (item.bucket_count) return ItemKind::kCountBucket;
  if (item.list_fields) return ItemKind::kList;
  return ItemKind::kUnknown;
}

bool HasProfile(const Item& item) {
  return item.name || item.description || item.location || item.has_metrics || item.created_at || item.verified;
}

// An account known only by its id and handle (a mention, a reply target).
Account MinimalAccount(const std::string& platform_id, const std::string& handle, int64_t observed_at) {
  Account account;
  account.platform = kTwitter;
  account.platform_id = platform_id;
  account.handle = handle;
  account.observed_at = observed_at;
  return account;
}

// A user object as an Account; observed_at is settled when the page ends.
Account MakeProfile(const Item& item) {
  Account account;
  account.platform = kTwitter;
  account.platform_id = *item.id;
  account.handle = item.username.value_or("");
  account.name = item.name;
  account.bio = item.description;
  account.location = item.location;
  if (item.profile_url && !item.profile_url->empty()) {
    account.url = item.profile_url;
  } else if (item.url && !item.url->empty()) {
    account.url = item.url;
  }
  account.followers_count = item.followers_count;
  account.following_count = item.following_count;
  account.post_count = item.tweet_count;
  account.listed_count = item.listed_count;
  if (item.created_at) account.created_at = ParseTimestamp(*item.created_at);
  account.verified = item.verified;
  account.observed_at = kPageTime;
  account.has_profile = true;
  return account;
}

void ReadItemFields(object fields, Item& item, int depth) {
  for (auto field : fields) {
    std::string_view key = field.unescaped_key();
    ReadItemField(key, field.value(), item, depth);
  }
}

// One field of a tweet, user, mention or embedded object.
void ReadItemField(std::string_view key, value entry, Item& item, int depth) {
  if (key == "id"sv) {
    item.id = json::Id(entry);
  } else if (key == "text"sv) {
    item.text = json::String(entry);
    if (!item.text) item.text = "";
  } else if (key == "note_tweet"sv) {
    if (entry.type() == json_type::object) {
      for (auto part : entry.get_object()) {
        if (part.unescaped_key().value() == "text") item.note_text = json::String(part.value());
      }
    }
  } else if (key == "author_id"sv) {
    item.author_id = json::Id(entry);
  } else if (key == "created_at"sv) {
    item.created_at = json::String(entry);
  } else if (key == "lang"sv) {
    item.lang = json::String(entry);
  } else if (key == "source"sv) {
    item.source = json::String(entry);
  } else if (key == "in_reply_to_user_id"sv) {
    item.in_reply_to_user_id = json::Id(entry);
  } else if (key == "referenced_tweets"sv) {
    if (entry.type() == json_type::array) ReadReferences(entry, item, depth);
  } else if (key == "type"sv) {
    if (entry.type() == json_type::string) item.reference_type = json::String(entry);
  } else if (key == "public_metrics"sv) {
    if (entry.type() == json_type::object) ReadMetrics(entry.get_object(), item);
  } else if (key == "entities"sv) {
    if (entry.type() == json_type::object) ReadEntities(entry.get_object(), item, depth);
  } else if (key == "geo"sv) {
    if (entry.type() == json_type::object) {
      for (auto part : entry.get_object()) {
        std::string_view part_key = part.unescaped_key();
        if (part_key == "place_id"sv) item.place_id = json::Id(part.value());
        else if (part_key == "country_code"sv) item.country_code = json::String(part.value());
      }
    }
  } else if (key == "author"sv || key == "in_reply_to_user"sv) {
    if (entry.type() == json_type::object && depth < kMaxEmbedDepth) {
      Item user;
      ReadItemFields(entry.get_object(), user, depth + 1);
      if (user.id) (key == "author"sv ? item.author : item.reply_user) = MakeProfile(user);
    }
  } else if (key == "username"sv) {
    item.username = json::String(entry);
  } else if (key == "name"sv) {
    item.name = json::String(entry);
  } else if (key == "description"sv) {
    item.description = json::String(entry);
  } else if (key == "location"sv) {
    item.location = json::String(entry);
  } else if (key == "url"sv) {
    item.url = json::String(entry);
  } else if (key == "verified"sv) {
    item.verified = json::Bool(entry);
  } else if (key == "tweet_count"sv) {
    item.bucket_count = true;
  } else if (key == "member_count"sv || key == "follower_count"sv || key == "owner_id"sv) {
    item.list_fields = true;
  } else if (key == "action"sv) {
    item.compliance_action = json::String(entry).value_or("unknown");
  }
}

void ReadReferences(value list, Item& item, int depth) {
  for (value entry : list.get_array()) {
    if (entry.type() != json_type::object) continue;
    Item referenced;
    for (auto part : entry.get_object()) {
      std::string_view part_key = part.unescaped_key();
      if (depth + 1 < kMaxEmbedDepth || part_key == "id"sv || part_key == "type"sv) {
        ReadItemField(part_key, part.value(), referenced, depth + 1);
      }
    }
    if (!referenced.id) continue;
    item.references.push_back({referenced.reference_type.value_or(""), *referenced.id});
    // twarc flat embeds the referenced tweet itself; it is a post when it came with its text and author.
    if (referenced.text && (referenced.author_id || referenced.author)) {
      item.embedded_tweets.push_back(std::move(referenced));
    }
  }
}

void ReadMetrics(object metrics, Item& item) {
  for (auto part : metrics) {
    std::string_view key = part.unescaped_key();
    value count = part.value();
    if (key == "retweet_count"sv) item.metrics.retweets = json::Int(count);
    else if (key == "reply_count"sv) item.metrics.replies = json::Int(count);
    else if (key == "like_count"sv) item.metrics.likes = json::Int(count);
    else if (key == "quote_count"sv) item.metrics.quotes = json::Int(count);
    else if (key == "impression_count"sv) item.metrics.impressions = json::Int(count);
    else if (key == "followers_count"sv) item.followers_count = json::Int(count), item.has_metrics = true;
    else if (key == "following_count"sv) item.following_count = json::Int(count), item.has_metrics = true;
    else if (key == "tweet_count"sv) item.tweet_count = json::Int(count), item.has_metrics = true;
    else if (key == "listed_count"sv) item.listed_count = json::Int(count), item.has_metrics = true;
  }
}

// A tweet's entities (hashtags, mentions, urls) or a user's ({"url": {"urls": [...]}}).
void ReadEntities(object entities, Item& item, int depth) {
  for (auto field : entities) {
    std::string_view key = field.unescaped_key();
    value entry = field.value();
    if (key == "url"sv) {
      if (entry.type() != json_type::object) continue;
      Item link;
      ReadEntities(entry.get_object(), link, depth);
      if (!link.urls.empty()) item.profile_url = link.urls.front();
      continue;
    }
    if (entry.type() != json_type::array) continue;
    if (key == "hashtags"sv) {
      for (value tag : entry.get_array()) {
        if (tag.type() != json_type::object) continue;
        for (auto part : tag.get_object()) {
          if (part.unescaped_key().value() != "tag") continue;
          std::optional<std::string> text = json::String(part.value());
          if (text && !text->empty()) {
            AppendUnique(item.hashtags, json::AsciiLower(*text), Itself);
          }
        }
      }
    } else if (key == "mentions"sv) {
      for (value mention : entry.get_array()) {
        if (mention.type() != json_type::object) continue;
        Item user;
        ReadItemFields(mention.get_object(), user, depth + 1);
        SeenMention seen;
        seen.mention.handle = user.username.value_or("");
        if (user.id) {
          seen.mention.account_id = *user.id;
        } else if (!seen.mention.handle.empty()) {
          seen.mention.account_id = "@" + json::AsciiLower(seen.mention.handle);
        } else {
          continue;
        }
        if (user.id && HasProfile(user)) seen.profile = MakeProfile(user);
        AppendUnique(item.mentions, std::move(seen), MentionKey);
      }
    } else if (key == "urls"sv) {
      for (value link : entry.get_array()) {
        if (link.type() != json_type::object) continue;
        std::optional<std::string> url, expanded;
        for (auto part : link.get_object()) {
          std::string_view part_key = part.unescaped_key();
          if (part_key == "url"sv) url = json::String(part.value());
          else if (part_key == "expanded_url"sv) expanded = json::String(part.value());
        }
        std::string chosen = expanded && !expanded->empty() ? *expanded : url.value_or("");
        if (!chosen.empty()) AppendUnique(item.urls, std::move(chosen), Itself);
      }
    }
  }
}

}  // namespace crowdlens::twitter_v2
