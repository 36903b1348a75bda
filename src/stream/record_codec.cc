#include "stream/record_codec.h"

#include <nlohmann/json.hpp>

#include <optional>

namespace crowdlens::stream {
namespace {

using nlohmann::json;

// A field of the wrong type, named for the message.
struct FieldError {
  std::string field;
};

template <typename T>
void PutOptional(json& object, const char* key, const std::optional<T>& value) {
  if (value) object[key] = *value;
}

json EncodePost(const Post& post) {
  json object = {{"k", "p"}, {"pl", post.platform}, {"id", post.platform_id}, {"a", post.author_id},
                 {"t", post.created_at}, {"x", post.text}};
  PutOptional(object, "lang", post.lang);
  PutOptional(object, "src", post.source);
  PutOptional(object, "rp", post.reply_to_post_id);
  PutOptional(object, "ra", post.reply_to_account_id);
  PutOptional(object, "rt", post.retweet_of_id);
  PutOptional(object, "q", post.quote_of_id);
  PutOptional(object, "cc", post.country_code);
  const PostMetrics& metrics = post.metrics;
  if (metrics.retweets || metrics.replies || metrics.likes || metrics.quotes || metrics.impressions) {
    json values = json::array();
    for (const std::optional<int64_t>* metric :
         {&metrics.retweets, &metrics.replies, &metrics.likes, &metrics.quotes, &metrics.impressions}) {
      values.push_back(*metric ? json(**metric) : json(nullptr));
    }
    object["m"] = std::move(values);
  }
  if (!post.hashtags.empty()) object["h"] = post.hashtags;
  if (!post.mentions.empty()) {
    json mentions = json::array();
    for (const Mention& mention : post.mentions) mentions.push_back(json::array({mention.account_id, mention.handle}));
    object["mn"] = std::move(mentions);
  }
  if (!post.urls.empty()) object["u"] = post.urls;
  return object;
}

json EncodeAccount(const Account& account) {
  json object = {{"k", "a"}, {"pl", account.platform}, {"id", account.platform_id}, {"h", account.handle},
                 {"o", account.observed_at}};
  if (account.has_profile) object["hp"] = true;
  PutOptional(object, "n", account.name);
  PutOptional(object, "b", account.bio);
  PutOptional(object, "loc", account.location);
  PutOptional(object, "url", account.url);
  PutOptional(object, "fc", account.followers_count);
  PutOptional(object, "gc", account.following_count);
  PutOptional(object, "pc", account.post_count);
  PutOptional(object, "lc", account.listed_count);
  PutOptional(object, "ca", account.created_at);
  PutOptional(object, "v", account.verified);
  PutOptional(object, "bot", account.bot);
  PutOptional(object, "tz", account.time_zone);
  PutOptional(object, "lang", account.lang);
  return object;
}

json EncodeEdge(const Edge& edge) {
  json object = {{"k", "e"}, {"pl", edge.platform}, {"s", edge.source_id}, {"t", edge.target_id},
                 {"r", RelationName(edge.relation)}, {"o", edge.observed_at}};
  if (edge.weight != 1.0) object["w"] = edge.weight;
  PutOptional(object, "rid", edge.record_id);
  return object;
}

json EncodeDeletion(const Deletion& deletion) {
  return {{"k", "d"}, {"dk", deletion.kind == Deletion::Kind::kPost ? "post" : "follow"}, {"pl", deletion.platform},
          {"id", deletion.id}, {"o", deletion.observed_at}};
}

json EncodeQuarantine(const QuarantineEntry& entry) {
  return {{"k", "q"}, {"src", entry.source}, {"ln", entry.line}, {"off", entry.offset}, {"why", entry.reason},
          {"raw", entry.raw}};
}

// Field readers: a missing optional field stays empty; a present field of
// the wrong type throws FieldError.
std::string RequiredString(const json& object, const char* key) {
  auto found = object.find(key);
  if (found == object.end() || !found->is_string()) throw FieldError{key};
  return found->get<std::string>();
}

int64_t RequiredInteger(const json& object, const char* key) {
  auto found = object.find(key);
  if (found == object.end() || !found->is_number_integer()) throw FieldError{key};
  return found->get<int64_t>();
}

void Read(const json& object, const char* key, std::optional<std::string>& out) {
  auto found = object.find(key);
  if (found == object.end()) return;
  if (!found->is_string()) throw FieldError{key};
  out = found->get<std::string>();
}

void Read(const json& object, const char* key, std::optional<int64_t>& out) {
  auto found = object.find(key);
  if (found == object.end()) return;
  if (!found->is_number_integer()) throw FieldError{key};
  out = found->get<int64_t>();
}

void Read(const json& object, const char* key, std::optional<bool>& out) {
  auto found = object.find(key);
  if (found == object.end()) return;
  if (!found->is_boolean()) throw FieldError{key};
  out = found->get<bool>();
}

std::vector<std::string> StringList(const json& object, const char* key) {
  std::vector<std::string> values;
  auto found = object.find(key);
  if (found == object.end()) return values;
  if (!found->is_array()) throw FieldError{key};
  for (const json& value : *found) {
    if (!value.is_string()) throw FieldError{key};
    values.push_back(value.get<std::string>());
  }
  return values;
}

Post DecodePost(const json& object) {
  Post post;
  post.platform = RequiredString(object, "pl");
  post.platform_id = RequiredString(object, "id");
  post.author_id = RequiredString(object, "a");
  post.created_at = RequiredInteger(object, "t");
  post.text = RequiredString(object, "x");
  Read(object, "lang", post.lang);
  Read(object, "src", post.source);
  Read(object, "rp", post.reply_to_post_id);
  Read(object, "ra", post.reply_to_account_id);
  Read(object, "rt", post.retweet_of_id);
  Read(object, "q", post.quote_of_id);
  Read(object, "cc", post.country_code);
  if (auto metrics = object.find("m"); metrics != object.end()) {
    if (!metrics->is_array() || metrics->size() != 5) throw FieldError{"m"};
    std::optional<int64_t>* targets[] = {&post.metrics.retweets, &post.metrics.replies, &post.metrics.likes,
                                         &post.metrics.quotes, &post.metrics.impressions};
    for (size_t index = 0; index < 5; ++index) {
      const json& value = (*metrics)[index];
      if (value.is_null()) continue;
      if (!value.is_number_integer()) throw FieldError{"m"};
      *targets[index] = value.get<int64_t>();
    }
  }
  post.hashtags = StringList(object, "h");
  if (auto mentions = object.find("mn"); mentions != object.end()) {
    if (!mentions->is_array()) throw FieldError{"mn"};
    for (const json& pair : *mentions) {
      if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string() || !pair[1].is_string()) {
        throw FieldError{"mn"};
      }
      post.mentions.push_back({.account_id = pair[0].get<std::string>(), .handle = pair[1].get<std::string>()});
    }
  }
  post.urls = StringList(object, "u");
  return post;
}

Account DecodeAccount(const json& object) {
  Account account;
  account.platform = RequiredString(object, "pl");
  account.platform_id = RequiredString(object, "id");
  account.handle = RequiredString(object, "h");
  account.observed_at = RequiredInteger(object, "o");
  std::optional<bool> has_profile;
  Read(object, "hp", has_profile);
  account.has_profile = has_profile.value_or(false);
  Read(object, "n", account.name);
  Read(object, "b", account.bio);
  Read(object, "loc", account.location);
  Read(object, "url", account.url);
  Read(object, "fc", account.followers_count);
  Read(object, "gc", account.following_count);
  Read(object, "pc", account.post_count);
  Read(object, "lc", account.listed_count);
  Read(object, "ca", account.created_at);
  Read(object, "v", account.verified);
  Read(object, "bot", account.bot);
  Read(object, "tz", account.time_zone);
  Read(object, "lang", account.lang);
  return account;
}

Edge DecodeEdge(const json& object) {
  Edge edge;
  edge.platform = RequiredString(object, "pl");
  edge.source_id = RequiredString(object, "s");
  edge.target_id = RequiredString(object, "t");
  std::optional<Relation> relation = ParseRelation(RequiredString(object, "r"));
  if (!relation) throw FieldError{"r"};
  edge.relation = *relation;
  edge.observed_at = RequiredInteger(object, "o");
  if (auto weight = object.find("w"); weight != object.end()) {
    if (!weight->is_number()) throw FieldError{"w"};
    edge.weight = weight->get<double>();
  }
  Read(object, "rid", edge.record_id);
  return edge;
}

Deletion DecodeDeletion(const json& object) {
  Deletion deletion;
  std::string kind = RequiredString(object, "dk");
  if (kind == "post") {
    deletion.kind = Deletion::Kind::kPost;
  } else if (kind == "follow") {
    deletion.kind = Deletion::Kind::kFollow;
  } else {
    throw FieldError{"dk"};
  }
  deletion.platform = RequiredString(object, "pl");
  deletion.id = RequiredString(object, "id");
  deletion.observed_at = RequiredInteger(object, "o");
  return deletion;
}

QuarantineEntry DecodeQuarantine(const json& object) {
  return QuarantineEntry{.source = RequiredString(object, "src"),
                         .line = RequiredInteger(object, "ln"),
                         .offset = RequiredInteger(object, "off"),
                         .reason = RequiredString(object, "why"),
                         .raw = RequiredString(object, "raw")};
}

}  // namespace

std::string EncodeRecord(const StreamRecord& record) {
  json object;
  if (const Post* post = std::get_if<Post>(&record)) {
    object = EncodePost(*post);
  } else if (const Account* account = std::get_if<Account>(&record)) {
    object = EncodeAccount(*account);
  } else if (const Edge* edge = std::get_if<Edge>(&record)) {
    object = EncodeEdge(*edge);
  } else if (const Deletion* deletion = std::get_if<Deletion>(&record)) {
    object = EncodeDeletion(*deletion);
  } else {
    object = EncodeQuarantine(std::get<QuarantineEntry>(record));
  }
  // Readers guarantee UTF-8 text, but a replacement character beats a throw.
  return object.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<StreamRecord> DecodeRecord(std::string_view text) {
  json object = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (object.is_discarded() || !object.is_object()) {
    return DataError("stream message is not a JSON object; was it published by `crowdlens publish`?");
  }
  try {
    std::string kind = RequiredString(object, "k");
    if (kind == "p") return StreamRecord{DecodePost(object)};
    if (kind == "a") return StreamRecord{DecodeAccount(object)};
    if (kind == "e") return StreamRecord{DecodeEdge(object)};
    if (kind == "d") return StreamRecord{DecodeDeletion(object)};
    if (kind == "q") return StreamRecord{DecodeQuarantine(object)};
    return DataError("stream message has unknown kind \"" + kind + "\" (expected p, a, e, d or q)");
  } catch (const FieldError& error) {
    return DataError("stream message field \"" + error.field + "\" is missing or of the wrong type");
  }
}

void AppendToBatch(StreamRecord&& record, Batch& batch) {
  if (Post* post = std::get_if<Post>(&record)) {
    batch.posts.push_back(std::move(*post));
  } else if (Account* account = std::get_if<Account>(&record)) {
    batch.accounts.push_back(std::move(*account));
  } else if (Edge* edge = std::get_if<Edge>(&record)) {
    batch.edges.push_back(std::move(*edge));
  } else if (Deletion* deletion = std::get_if<Deletion>(&record)) {
    batch.deletions.push_back(std::move(*deletion));
  } else {
    batch.quarantined.push_back(std::move(std::get<QuarantineEntry>(record)));
  }
}

}  // namespace crowdlens::stream
