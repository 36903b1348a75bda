#include "ingest/twitter_v1_reader.h"

#include <algorithm>
#include <unordered_set>

#include "core/time.h"
#include "core/unique_append.h"
#include "ingest/json_fields.h"
#include "ingest/json_records.h"

namespace crowdlens {
namespace {

using namespace std::string_view_literals;

using simdjson::ondemand::json_type;
using simdjson::ondemand::object;
using simdjson::ondemand::value;

constexpr const char* kTwitter = "twitter";

struct Entities {
  std::vector<std::string> hashtags;
  std::vector<Mention> mentions;
  std::vector<std::string> urls;
};

// Reads a status's entities; for a profile's entities ({"url": {"urls": [...]}})
// the profile link lands in `profile_url`.
void ReadEntities(value field, Entities& out, std::optional<std::string>* profile_url = nullptr) {
  if (field.type() != json_type::object) return;
  for (auto entry : field.get_object()) {
    std::string_view key = entry.unescaped_key();
    value list = entry.value();
    if (key == "url"sv && profile_url != nullptr && list.type() == json_type::object) {
      Entities link;
      ReadEntities(list, link);
      if (!link.urls.empty()) *profile_url = link.urls.front();
      continue;
    }
    if (list.type() != json_type::array) continue;
    if (key == "hashtags"sv) {
      for (value tag : list.get_array()) {
        if (tag.type() != json_type::object) continue;
        std::optional<std::string> text = json::String(tag["text"]);
        if (text && !text->empty()) AppendUnique(out.hashtags, json::AsciiLower(*text), [](const auto& s) { return s; });
      }
    } else if (key == "user_mentions"sv) {
      for (value mention : list.get_array()) {
        if (mention.type() != json_type::object) continue;
        Mention item;
        for (auto part : mention.get_object()) {
          std::string_view part_key = part.unescaped_key();
          if (part_key == "id_str"sv) {
            if (auto id = json::Id(part.value())) item.account_id = *id;
          } else if (part_key == "id"sv && item.account_id.empty()) {
            if (auto id = json::Id(part.value())) item.account_id = *id;
          } else if (part_key == "screen_name"sv) {
            item.handle = json::String(part.value()).value_or("");
          }
        }
        if (item.account_id.empty() && !item.handle.empty()) item.account_id = "@" + json::AsciiLower(item.handle);
        if (!item.account_id.empty()) AppendUnique(out.mentions, std::move(item), [](const Mention& m) { return m.account_id; });
      }
    } else if (key == "urls"sv) {
      for (value link : list.get_array()) {
        if (link.type() != json_type::object) continue;
        std::optional<std::string> url, expanded;
        for (auto part : link.get_object()) {
          std::string_view part_key = part.unescaped_key();
          if (part_key == "url"sv) url = json::String(part.value());
          else if (part_key == "expanded_url"sv) expanded = json::String(part.value());
        }
        std::string chosen = expanded && !expanded->empty() ? *expanded : url.value_or("");
        if (!chosen.empty()) AppendUnique(out.urls, std::move(chosen), [](const auto& s) { return s; });
      }
    }
  }
}

class V1Converter {
 public:
  V1Converter(const ReadOptions& options, BatchEmitter& emitter) : options_(options), emitter_(emitter) {}

  // A record is an object or an array of them (a page of statuses); an array
  // of arrays is not a shape any export writes, and is refused rather than
  // recursed into.
  void ReadTopLevel(value record, bool inside_array = false) {
    if (record.type() == json_type::array) {
      if (inside_array) throw RecordError("expected a JSON object or an array of objects, found nested arrays");
      for (value element : record.get_array()) ReadTopLevel(element, true);
      return;
    }
    if (record.type() != json_type::object) throw RecordError("expected a JSON object (a status, user or id page)");
    ReadObject(record.get_object(), nullptr, true);
  }

 private:
  // Returns the post id when the object was a status, empty otherwise.
  // `author_hint` is the user that embeds this status (users/lookup "status").
  std::string ReadObject(object fields, const Account* author_hint, bool top_level) {
    Post post;
    post.platform = kTwitter;
    Account user;  // the object itself, when it is a user
    user.platform = kTwitter;
    Account author;  // the status's "user"
    bool has_author = false, has_text = false, has_screen_name = false, has_ids = false, is_delete = false;
    bool has_statuses = false, has_users = false;
    std::optional<std::string> id;
    std::optional<std::string> created_at_text;
    Entities entities, extended_entities;
    bool has_extended = false;
    std::optional<std::string> extended_text;
    std::vector<std::string> page_ids;
    std::optional<std::string> next_cursor;  // "0" on the last page of an id list
    std::optional<std::string> profile_url_expanded;
    std::vector<std::string> pending_statuses;  // users/lookup "status", read once the user is known
    std::optional<std::string> reply_handle;

    for (auto field : fields) {
      std::string_view key = field.unescaped_key();
      value item = field.value();
      if (key == "id_str"sv) {
        if (auto parsed = json::Id(item)) id = parsed;
      } else if (key == "id"sv) {
        if (!id) id = json::Id(item);
      } else if (key == "created_at"sv) {
        created_at_text = json::String(item);
      } else if (key == "text"sv || key == "full_text"sv) {
        if (auto text = json::String(item)) {
          if (key == "full_text"sv || post.text.empty()) post.text = *text;
        }
        has_text = true;
      } else if (key == "extended_tweet"sv) {
        if (item.type() == json_type::object) {
          for (auto part : item.get_object()) {
            std::string_view part_key = part.unescaped_key();
            if (part_key == "full_text"sv) extended_text = json::String(part.value());
            else if (part_key == "entities"sv) ReadEntities(part.value(), extended_entities);
          }
          has_extended = true;
        }
      } else if (key == "user"sv) {
        if (item.type() == json_type::object) {
          author = ReadUser(item.get_object());
          has_author = true;
        }
      } else if (key == "entities"sv) {
        if (item.type() == json_type::object) {
          // The same key holds a status's entities or a profile's url/description blocks.
          ReadEntities(item, entities, &profile_url_expanded);
        }
      } else if (key == "in_reply_to_status_id_str"sv) {
        if (auto parsed = json::Id(item)) post.reply_to_post_id = parsed;
      } else if (key == "in_reply_to_status_id"sv) {
        if (!post.reply_to_post_id) post.reply_to_post_id = json::Id(item);
      } else if (key == "in_reply_to_user_id_str"sv) {
        if (auto parsed = json::Id(item)) post.reply_to_account_id = parsed;
      } else if (key == "in_reply_to_user_id"sv) {
        if (!post.reply_to_account_id) post.reply_to_account_id = json::Id(item);
      } else if (key == "in_reply_to_screen_name"sv) {
        reply_handle = json::String(item);
      } else if (key == "retweeted_status"sv) {
        if (item.type() == json_type::object) post.retweet_of_id = ReadObject(item.get_object(), nullptr, false);
      } else if (key == "quoted_status"sv) {
        if (item.type() == json_type::object) post.quote_of_id = ReadObject(item.get_object(), nullptr, false);
      } else if (key == "quoted_status_id_str"sv) {
        if (auto parsed = json::Id(item); parsed && !post.quote_of_id) post.quote_of_id = parsed;
      } else if (key == "lang"sv) {
        post.lang = json::String(item);
        user.lang = post.lang;
      } else if (key == "source"sv) {
        post.source = json::String(item);
      } else if (key == "place"sv) {
        if (item.type() == json_type::object) {
          for (auto part : item.get_object()) {
            if (part.unescaped_key().value() == "country_code") post.country_code = json::String(part.value());
          }
        }
      } else if (key == "retweet_count"sv) {
        post.metrics.retweets = json::Int(item);
      } else if (key == "favorite_count"sv) {
        post.metrics.likes = json::Int(item);
      } else if (key == "reply_count"sv) {
        post.metrics.replies = json::Int(item);
      } else if (key == "quote_count"sv) {
        post.metrics.quotes = json::Int(item);
      } else if (key == "screen_name"sv) {
        user.handle = json::String(item).value_or("");
        has_screen_name = true;
      } else if (key == "name"sv) {
        user.name = json::String(item);
      } else if (key == "description"sv) {
        user.bio = json::String(item);
      } else if (key == "location"sv) {
        user.location = json::String(item);
      } else if (key == "url"sv) {
        user.url = json::String(item);
      } else if (key == "followers_count"sv) {
        user.followers_count = json::Int(item);
      } else if (key == "friends_count"sv) {
        user.following_count = json::Int(item);
      } else if (key == "statuses_count"sv) {
        user.post_count = json::Int(item);
      } else if (key == "listed_count"sv) {
        user.listed_count = json::Int(item);
      } else if (key == "verified"sv) {
        user.verified = json::Bool(item);
      } else if (key == "time_zone"sv) {
        user.time_zone = json::String(item);
      } else if (key == "status"sv) {
        // users/lookup embeds the user's latest status, without its "user".
        if (item.type() == json_type::object) {
          simdjson::ondemand::object embedded = item.get_object();
          pending_statuses.push_back(std::string(std::string_view(embedded.raw_json())));
        }
      } else if (key == "next_cursor_str"sv) {
        next_cursor = json::Id(item);
      } else if (key == "next_cursor"sv) {
        if (!next_cursor) next_cursor = json::Id(item);
      } else if (key == "ids"sv) {
        has_ids = true;
        if (item.type() == json_type::array) {
          for (value entry : item.get_array()) {
            if (auto parsed = json::Id(entry)) page_ids.push_back(*parsed);
          }
        }
      } else if (key == "statuses"sv) {
        has_statuses = true;
        if (item.type() == json_type::array) {
          for (value status : item.get_array()) {
            if (status.type() == json_type::object) ReadObject(status.get_object(), nullptr, false);
          }
        }
      } else if (key == "users"sv) {
        has_users = true;
        if (item.type() == json_type::array) {
          for (value listed : item.get_array()) {
            if (listed.type() == json_type::object) ReadObject(listed.get_object(), nullptr, false);
          }
        }
      } else if (key == "delete"sv || key == "scrub_geo"sv || key == "limit"sv || key == "status_withheld"sv) {
        is_delete = true;
      }
    }

    std::optional<int64_t> created_at;
    if (created_at_text) {
      created_at = ParseTimestamp(*created_at_text);
      if (!created_at && (has_text || has_author)) {
        throw RecordError("created_at \"" + *created_at_text + "\" is not a date crowdlens can read");
      }
    }

    if (has_text || has_author) {
      if (!id) throw RecordError("a status without an id (id_str)");
      if (!has_author && author_hint == nullptr) {
        // users/lookup and lists/members embed a latest status whose own
        // retweeted_status carries no user: keep the link, not a post without an author.
        if (!top_level) return *id;
        throw RecordError("status " + *id + " has no user");
      }
      post.platform_id = *id;
      post.created_at = created_at.value_or(0);
      if (has_author) {
        author.observed_at = post.created_at;
        post.author_id = author.platform_id;
        emitter_.batch().accounts.push_back(std::move(author));
      } else {
        post.author_id = author_hint->platform_id;
      }
      if (has_extended) {
        if (extended_text) post.text = *extended_text;
        entities = std::move(extended_entities);
      }
      post.hashtags = std::move(entities.hashtags);
      post.mentions = std::move(entities.mentions);
      post.urls = std::move(entities.urls);
      for (const Mention& mention : post.mentions) {
        emitter_.batch().accounts.push_back(Account{.platform = kTwitter, .platform_id = mention.account_id,
                                                    .handle = mention.handle, .observed_at = post.created_at});
      }
      if (post.reply_to_account_id) {
        emitter_.batch().accounts.push_back(Account{.platform = kTwitter, .platform_id = *post.reply_to_account_id,
                                                    .handle = reply_handle.value_or(""), .observed_at = post.created_at});
      }
      std::string post_id = post.platform_id;
      emitter_.batch().posts.push_back(std::move(post));
      return post_id;
    }
    if (has_screen_name && id) {
      user.platform_id = *id;
      user.has_profile = true;
      user.created_at = created_at;
      if (profile_url_expanded) user.url = profile_url_expanded;
      user.observed_at = options_.import_time;
      emitter_.batch().accounts.push_back(user);
      for (const std::string& raw : pending_statuses) {
        simdjson::padded_string scratch(raw);
        simdjson::ondemand::parser nested;
        simdjson::ondemand::document doc = nested.iterate(scratch);
        ReadObject(doc.get_object(), &user, false);
      }
      return {};
    }
    if (has_ids) {
      ReadIdPage(page_ids, next_cursor && *next_cursor == "0");
      return {};
    }
    if (has_statuses || has_users || is_delete) return {};
    if (top_level) {
      throw RecordError("not a Twitter v1.1 status, user or id page (no id_str/text/user/screen_name/ids)");
    }
    return {};
  }

  Account ReadUser(object fields) {
    Account account;
    account.platform = kTwitter;
    account.has_profile = true;
    std::optional<std::string> id;
    for (auto field : fields) {
      std::string_view key = field.unescaped_key();
      value item = field.value();
      if (key == "id_str"sv) {
        if (auto parsed = json::Id(item)) id = parsed;
      } else if (key == "id"sv) {
        if (!id) id = json::Id(item);
      } else if (key == "screen_name"sv) {
        account.handle = json::String(item).value_or("");
      } else if (key == "name"sv) {
        account.name = json::String(item);
      } else if (key == "description"sv) {
        account.bio = json::String(item);
      } else if (key == "location"sv) {
        account.location = json::String(item);
      } else if (key == "url"sv) {
        if (!account.url) account.url = json::String(item);
      } else if (key == "entities"sv) {
        Entities ignored;
        std::optional<std::string> expanded;
        ReadEntities(item, ignored, &expanded);
        if (expanded) account.url = expanded;
      } else if (key == "followers_count"sv) {
        account.followers_count = json::Int(item);
      } else if (key == "friends_count"sv) {
        account.following_count = json::Int(item);
      } else if (key == "statuses_count"sv) {
        account.post_count = json::Int(item);
      } else if (key == "listed_count"sv) {
        account.listed_count = json::Int(item);
      } else if (key == "created_at"sv) {
        if (auto text = json::String(item)) account.created_at = ParseTimestamp(*text);
      } else if (key == "verified"sv) {
        account.verified = json::Bool(item);
      } else if (key == "time_zone"sv) {
        account.time_zone = json::String(item);
      } else if (key == "lang"sv) {
        account.lang = json::String(item);
      }
    }
    if (!id) throw RecordError("a user object without an id (id_str)");
    account.platform_id = *id;
    return account;
  }

  // `last_page`: the list's cursor chain ends here, so the pages read in this
  // import are the whole list (a snapshot that tells unfollows).
  void ReadIdPage(const std::vector<std::string>& ids, bool last_page) {
    if (options_.ids_owner.empty()) {
      throw RecordError("an id page (followers/ids or friends/ids) names no owner; import it with --of HANDLE "
                        "[--ids followers|following]");
    }
    // "#12345" names the owner by user id, anything else by handle.
    std::string owner = options_.ids_owner;
    std::string owner_id;
    if (owner[0] == '#') {
      owner_id = owner.substr(1);
      owner.clear();
    } else {
      if (owner[0] == '@') owner.erase(0, 1);
      owner_id = "@" + json::AsciiLower(owner);
    }
    emitter_.batch().accounts.push_back(
        Account{.platform = kTwitter, .platform_id = owner_id, .handle = owner, .observed_at = options_.import_time});
    for (const std::string& other : ids) {
      emitter_.batch().accounts.push_back(
          Account{.platform = kTwitter, .platform_id = other, .observed_at = options_.import_time});
      Edge edge{.platform = kTwitter, .relation = Relation::kFollow, .observed_at = options_.import_time};
      if (options_.ids_kind == IdPageKind::kFollowers) {
        edge.source_id = other;
        edge.target_id = owner_id;
      } else {
        edge.source_id = owner_id;
        edge.target_id = other;
      }
      emitter_.batch().edges.push_back(std::move(edge));
    }
    if (last_page) {
      emitter_.batch().snapshots.push_back(FollowSnapshot{
          .platform = kTwitter, .account_id = owner_id,
          .kind = options_.ids_kind == IdPageKind::kFollowers ? FollowSnapshot::Kind::kFollowers
                                                              : FollowSnapshot::Kind::kFollowing,
          .observed_at = options_.import_time});
    }
  }

  const ReadOptions& options_;
  BatchEmitter& emitter_;
};

}  // namespace

void ReadTwitterV1Value(value record, const ReadOptions& options, BatchEmitter& emitter) {
  V1Converter converter(options, emitter);
  converter.ReadTopLevel(record);
}

Status ReadTwitterV1(const InputSource& source, const InputBuffer& buffer, const ReadOptions& options,
                     BatchEmitter& emitter) {
  V1Converter converter(options, emitter);
  CROWDLENS_RETURN_IF_ERROR(ForEachJsonRecord(source, buffer, emitter, [&](value record, const JsonRecordPosition&) {
    RecordScope scope(emitter);
    converter.ReadTopLevel(record);
    scope.Commit();
  }));
  return emitter.Finish();
}

}  // namespace crowdlens
