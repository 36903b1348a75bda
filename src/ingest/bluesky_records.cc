#include "ingest/bluesky_records.h"

#include <cstring>

#include "core/time.h"
#include "core/unique_append.h"
#include "ingest/json_fields.h"
#include "ingest/json_records.h"

namespace crowdlens::bluesky {
namespace {

using simdjson::ondemand::json_type;
using simdjson::ondemand::value;

const std::string& Itself(const std::string& text) { return text; }
const std::string& MentionKey(const Mention& mention) { return mention.account_id; }

std::vector<std::string> ReadStrings(value list) {
  std::vector<std::string> out;
  if (list.type() != json_type::array) return out;
  for (value entry : list.get_array()) {
    if (entry.type() != json_type::string) continue;
    std::string text(std::string_view(entry.get_string()));
    if (!text.empty()) out.push_back(std::move(text));
  }
  return out;
}

// The "uri" of a strong reference {"uri", "cid"}.
std::optional<std::string> ReadUri(value reference) {
  if (reference.type() != json_type::object) return std::nullopt;
  std::optional<std::string> uri;
  for (auto field : reference.get_object()) {
    if (field.unescaped_key().value() == "uri") uri = json::String(field.value());
  }
  return uri;
}

// app.bsky.embed.record {"record": {"uri"}}, recordWithMedia {"record": {"record": {"uri"}}, "media"},
// external {"external": {"uri"}}.
void ReadEmbed(value embed, RecordFields& fields) {
  if (embed.type() != json_type::object) return;
  for (auto field : embed.get_object()) {
    std::string_view key = field.unescaped_key();
    value item = field.value();
    if (key == "record") {
      if (item.type() != json_type::object) continue;
      for (auto part : item.get_object()) {
        std::string_view part_key = part.unescaped_key();
        if (part_key == "uri") {
          fields.quoted_uri = json::String(part.value());
        } else if (part_key == "record") {
          if (auto uri = ReadUri(part.value())) fields.quoted_uri = uri;
        }
      }
    } else if (key == "external") {
      if (auto uri = ReadUri(item); uri && !uri->empty()) AppendUnique(fields.external_uris, *uri, Itself);
    } else if (key == "media") {
      ReadEmbed(item, fields);
    }
  }
}

Facet ReadFacet(value facet) {
  Facet out;
  for (auto field : facet.get_object()) {
    std::string_view key = field.unescaped_key();
    value item = field.value();
    if (key == "index") {
      if (item.type() != json_type::object) continue;
      for (auto part : item.get_object()) {
        std::string_view part_key = part.unescaped_key();
        if (part_key == "byteStart") out.byte_start = json::Int(part.value());
        else if (part_key == "byteEnd") out.byte_end = json::Int(part.value());
      }
    } else if (key == "features") {
      if (item.type() != json_type::array) continue;
      for (value feature : item.get_array()) {
        if (feature.type() != json_type::object) continue;
        FacetFeature parsed;
        for (auto part : feature.get_object()) {
          std::string_view part_key = part.unescaped_key();
          if (part_key == "$type") {
            parsed.type = json::String(part.value()).value_or("");
          } else if (part_key == "tag" || part_key == "did" || part_key == "uri") {
            parsed.value = json::String(part.value()).value_or("");
          }
        }
        out.features.push_back(std::move(parsed));
      }
    }
  }
  return out;
}

bool OnCharBoundary(std::string_view text, int64_t pos) {
  return pos == static_cast<int64_t>(text.size()) || (static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80;
}

}  // namespace

RecordFields ReadRecord(value record) {
  if (record.type() != json_type::object) throw RecordError("a record that is not an object");
  RecordFields fields;
  for (auto field : record.get_object()) {
    std::string_view key = field.unescaped_key();
    value item = field.value();
    if (key == "$type") {
      fields.type = json::String(item).value_or("");
    } else if (key == "text") {
      fields.text = json::String(item);
    } else if (key == "createdAt") {
      fields.created_at = json::String(item);
    } else if (key == "displayName") {
      fields.display_name = json::String(item);
    } else if (key == "description") {
      fields.description = json::String(item);
    } else if (key == "subject") {
      if (item.type() == json_type::string) fields.subject = json::String(item);
    } else if (key == "langs") {
      fields.langs = ReadStrings(item);
    } else if (key == "tags") {
      fields.tags = ReadStrings(item);
    } else if (key == "reply") {
      if (item.type() != json_type::object) continue;
      for (auto part : item.get_object()) {
        std::string_view part_key = part.unescaped_key();
        if (part_key == "parent") fields.reply_parent_uri = ReadUri(part.value());
        else if (part_key == "root") fields.reply_root_uri = ReadUri(part.value());
      }
    } else if (key == "embed") {
      ReadEmbed(item, fields);
    } else if (key == "facets") {
      if (item.type() != json_type::array) continue;
      for (value facet : item.get_array()) {
        if (facet.type() == json_type::object) fields.facets.push_back(ReadFacet(facet));
      }
    }
  }
  return fields;
}

bool IsDid(std::string_view did) {
  if (!did.starts_with("did:")) return false;
  size_t colon = did.find(':', 4);
  return colon != std::string_view::npos && colon > 4 && colon + 1 < did.size();
}

std::string DidOfUri(std::string_view uri) {
  constexpr std::string_view kScheme = "at://";
  if (!uri.starts_with(kScheme)) return {};
  std::string_view authority = uri.substr(kScheme.size());
  authority = authority.substr(0, authority.find('/'));
  return IsDid(authority) ? std::string(authority) : std::string();
}

std::string RecordUri(std::string_view did, std::string_view collection, std::string_view rkey) {
  std::string uri = "at://";
  uri.append(did).append("/").append(collection).append("/").append(rkey);
  return uri;
}

void ApplyFacets(const std::vector<Facet>& facets, Post& post) {
  const std::string_view text = post.text;
  const int64_t size = static_cast<int64_t>(text.size());
  for (const Facet& facet : facets) {
    if (!facet.byte_start || !facet.byte_end) continue;
    int64_t start = *facet.byte_start, end = *facet.byte_end;
    if (start < 0 || end > size || start >= end) continue;
    if (!OnCharBoundary(text, start) || !OnCharBoundary(text, end)) continue;
    std::string_view slice = text.substr(start, end - start);
    for (const FacetFeature& feature : facet.features) {
      if (feature.value.empty()) continue;
      if (feature.type.ends_with("#tag")) {
        std::string_view tag = feature.value;
        if (slice.substr(0, 1) == "#" && slice.substr(1) == tag) {
          AppendUnique(post.hashtags, json::AsciiLower(tag), Itself);
        } else if (slice.starts_with("\xEF\xBC\x83") && slice.substr(3) == tag) {  // full-width '＃'
          AppendUnique(post.hashtags, json::AsciiLower(tag), Itself);
        }
      } else if (feature.type.ends_with("#mention")) {
        if (IsDid(feature.value) && slice.starts_with("@") && slice.size() > 1) {
          AppendUnique(post.mentions, Mention{.account_id = feature.value, .handle = std::string(slice.substr(1))},
                    MentionKey);
        }
      } else if (feature.type.ends_with("#link")) {
        AppendUnique(post.urls, feature.value, Itself);
      }
    }
  }
}

Post MakePost(const RecordFields& record, std::string uri, std::string author_did, int64_t fallback_time) {
  Post post;
  post.platform = kPlatform;
  post.platform_id = std::move(uri);
  post.author_id = std::move(author_did);
  std::optional<int64_t> created_at;
  if (record.created_at) created_at = ParseTimestamp(*record.created_at);
  post.created_at = created_at.value_or(fallback_time);
  post.text = record.text.value_or("");
  if (!record.langs.empty()) post.lang = record.langs.front();
  if (record.reply_parent_uri && !record.reply_parent_uri->empty()) {
    post.reply_to_post_id = record.reply_parent_uri;
    std::string parent_author = DidOfUri(*record.reply_parent_uri);
    if (!parent_author.empty()) post.reply_to_account_id = parent_author;
  }
  // An embedded record may be a feed, list or starter pack: only an embedded post is a quote.
  if (record.quoted_uri && record.quoted_uri->find("/app.bsky.feed.post/") != std::string::npos) {
    post.quote_of_id = record.quoted_uri;
  }
  ApplyFacets(record.facets, post);
  for (const std::string& tag : record.tags) AppendUnique(post.hashtags, json::AsciiLower(tag), Itself);
  for (const std::string& link : record.external_uris) AppendUnique(post.urls, link, Itself);
  return post;
}

bool ReadProfileField(std::string_view key, value item, Account& account) {
  if (key == "did") {
    account.platform_id = json::String(item).value_or("");
  } else if (key == "handle") {
    account.handle = json::String(item).value_or("");
  } else if (key == "displayName") {
    account.name = json::String(item);
  } else if (key == "description") {
    account.bio = json::String(item);
  } else if (key == "followersCount") {
    account.followers_count = json::Int(item);
  } else if (key == "followsCount") {
    account.following_count = json::Int(item);
  } else if (key == "postsCount") {
    account.post_count = json::Int(item);
  } else if (key == "createdAt") {
    if (auto text = json::String(item)) account.created_at = ParseTimestamp(*text);
  } else {
    return false;
  }
  return true;
}

void SettleProfile(Account& account) {
  account.platform = kPlatform;
  if (account.handle == "handle.invalid") account.handle.clear();
  account.has_profile = account.name || account.bio || account.followers_count || account.following_count ||
                        account.post_count || account.created_at;
}

Account ReadProfileView(value view, int64_t observed_at) {
  if (view.type() != json_type::object) throw RecordError("a profile that is not an object");
  Account account;
  for (auto field : view.get_object()) ReadProfileField(field.unescaped_key(), field.value(), account);
  if (!IsDid(account.platform_id)) throw RecordError("a profile without a did");
  SettleProfile(account);
  account.observed_at = observed_at;
  return account;
}

}  // namespace crowdlens::bluesky
