// Recorded API exchanges. Each response body is handed to the v1.1 or v2
// reader as a small document of its own (source "<file>#interaction <n>"), so a
// bad body is quarantined alone and the rest of the cassette is read.
//
// A body is first looked at once, cheaply, to decide whether it holds social
// records at all: rate limits, trends, places, lists, oEmbed and media
// uploads are real API output but not accounts, posts or follows, so they
// are skipped rather than quarantined. The same look collects the user ids of
// follower and following lists, whose owner only the request URI names.
// Records are dated by the recording (recorded_at, else the response's Date
// header): that is when the profiles and follow lists were true.
#include "ingest/cassette_reader.h"

#include <simdjson.h>

#include <array>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"
#include "ingest/json_fields.h"
#include "ingest/json_records.h"
#include "ingest/recorded_request.h"
#include "ingest/twitter_v1_reader.h"
#include "ingest/twitter_v2_reader.h"

namespace crowdlens {
namespace {

using namespace std::string_view_literals;

using simdjson::ondemand::json_type;
using simdjson::ondemand::object;
using simdjson::ondemand::value;

constexpr const char* kTwitter = "twitter";

// One recorded request and its response, as far as crowdlens needs them.
struct Exchange {
  std::string uri;
  std::optional<int64_t> status;
  std::optional<std::string> body;
  bool body_in_file = false;  // R vcr may keep large bodies in files beside the cassette
  std::optional<int64_t> recorded_at;
  std::optional<int64_t> date_header;
};

std::optional<std::string> HeaderText(value header) {
  if (header.type() == json_type::array) {
    for (value entry : header.get_array()) {
      if (auto text = json::String(entry)) return text;
    }
    return std::nullopt;
  }
  return json::String(header);
}

void ReadResponse(object response, Exchange& exchange) {
  for (auto field : response) {
    std::string_view key = field.unescaped_key();
    value entry = field.value();
    if (key == "status"sv) {
      if (entry.type() == json_type::object) {
        for (auto part : entry.get_object()) {
          std::string_view part_key = part.unescaped_key();
          if (part_key == "code"sv || part_key == "status_code"sv) exchange.status = json::Int(part.value());
        }
      } else {
        exchange.status = json::Int(entry);
      }
    } else if (key == "body"sv) {
      if (entry.type() != json_type::object) continue;
      for (auto part : entry.get_object()) {
        std::string_view part_key = part.unescaped_key();
        if (part_key == "string"sv) {
          if (auto text = json::String(part.value()); text && !exchange.body) exchange.body = std::move(text);
        } else if (part_key == "base64_string"sv) {
          if (auto text = json::String(part.value())) exchange.body = DecodeBase64(*text);
        } else if (part_key == "file"sv) {
          exchange.body_in_file = json::Bool(part.value()).value_or(false);
        }
      }
    } else if (key == "headers"sv) {
      if (entry.type() != json_type::object) continue;
      for (auto part : entry.get_object()) {
        std::string_view part_key = part.unescaped_key();
        if (json::AsciiLower(part_key) != "date") continue;
        if (auto text = HeaderText(part.value())) exchange.date_header = ParseHttpDate(*text);
      }
    }
  }
}

Exchange ReadExchange(object interaction) {
  Exchange exchange;
  for (auto field : interaction) {
    std::string_view key = field.unescaped_key();
    value entry = field.value();
    if (key == "request"sv) {
      if (entry.type() != json_type::object) continue;
      for (auto part : entry.get_object()) {
        if (part.unescaped_key().value() == "uri") exchange.uri = json::String(part.value()).value_or("");
      }
    } else if (key == "response"sv) {
      if (entry.type() == json_type::object) ReadResponse(entry.get_object(), exchange);
    } else if (key == "recorded_at"sv) {
      if (auto text = json::String(entry)) exchange.recorded_at = ParseRecordedAt(*text);
    }
  }
  return exchange;
}

// What a first look at a body found.
struct BodyShape {
  bool social = false;                    // holds statuses, users, id pages or relationships
  bool relationship = false;              // friendships/show
  std::vector<std::string> listed_users;  // user ids of a follower or following list
};

// Which list of follows an endpoint answers with, and whose.
struct FollowList {
  bool present = false;
  IdPageKind kind = IdPageKind::kFollowers;
  bool ids_only = false;  // followers/ids, friends/ids: read by the v1 reader as id pages
  std::string owner_id;   // "@handle" or a numeric id
  std::string owner_handle;
};

FollowList FollowListOf(const Endpoint& endpoint) {
  FollowList list;
  std::vector<std::string_view> segments = Segments(endpoint.path);
  if (endpoint.api == Api::kV1 && segments.size() == 2 && (segments[0] == "followers" || segments[0] == "friends") &&
      (segments[1] == "ids" || segments[1] == "list")) {
    list.present = true;
    list.kind = segments[0] == "followers" ? IdPageKind::kFollowers : IdPageKind::kFollowing;
    list.ids_only = segments[1] == "ids";
    if (auto handle = QueryParam(endpoint.query, "screen_name")) {
      list.owner_handle = *handle;
      list.owner_id = "@" + json::AsciiLower(*handle);
    } else if (auto id = QueryParam(endpoint.query, "user_id")) {
      list.owner_id = *id;
    }
  } else if (endpoint.api == Api::kV2 && segments.size() == 3 && segments[0] == "users" &&
             (segments[2] == "followers" || segments[2] == "following")) {
    list.present = true;
    list.kind = segments[2] == "followers" ? IdPageKind::kFollowers : IdPageKind::kFollowing;
    list.owner_id = std::string(segments[1]);
  }
  return list;
}

// Whether the keys of a v1.1 object make it a status or a user.
bool V1RecordKeys(object fields) {
  bool status = false, user = false, relation = false;
  for (auto field : fields) {
    std::string_view key = field.unescaped_key();
    if (key == "text"sv || key == "full_text"sv) status = true;
    else if (key == "screen_name"sv) user = true;
    else if (key == "connections"sv) relation = true;  // friendships/lookup: relations to the account holder
  }
  return status || (user && !relation);
}

void CollectUserIds(value users, std::vector<std::string>& ids, std::string_view id_key) {
  if (users.type() != json_type::array) return;
  for (value user : users.get_array()) {
    if (user.type() != json_type::object) continue;
    std::optional<std::string> id;
    bool is_user = false;
    for (auto field : user.get_object()) {
      std::string_view key = field.unescaped_key();
      if (key == id_key || (key == "id"sv && !id)) id = json::Id(field.value());
      else if (key == "screen_name"sv || key == "username"sv) is_user = true;
    }
    if (id && is_user) ids.push_back(*id);
  }
}

class CassetteReader {
 public:
  CassetteReader(const InputSource& source, const ReadOptions& options, BatchEmitter& emitter)
      : source_(source), options_(options), emitter_(emitter) {}

  void Read(value record) {
    if (record.type() != json_type::object) throw RecordError("expected a cassette object with interactions");
    bool found = false;
    for (auto field : record.get_object()) {
      std::string_view key = field.unescaped_key();
      if (key != "interactions" && key != "http_interactions") continue;
      found = true;
      value list = field.value();
      if (list.type() != json_type::array) continue;
      for (value interaction : list.get_array()) {
        ++interaction_number_;
        // After a failed sink the rest is only walked through, so the cassette still parses to its end.
        if (interaction.type() != json_type::object || !status_.ok()) continue;
        ReadBody(ReadExchange(interaction.get_object()));
      }
    }
    if (!found) throw RecordError("not a recorded API cassette (no interactions or http_interactions)");
  }

  const Status& status() const { return status_; }

 private:
  void ReadBody(const Exchange& exchange) {
    if (!exchange.status || *exchange.status < 200 || *exchange.status >= 300) return;
    if (!exchange.body || exchange.body_in_file) return;
    Endpoint endpoint = ParseEndpoint(exchange.uri);
    if (endpoint.api == Api::kNone || IsPrivate(endpoint)) return;
    std::string_view body = json::Trim(*exchange.body);
    if (body.empty() || (body.front() != '{' && body.front() != '[')) return;  // HTML, plain text, nothing

    FollowList follows = FollowListOf(endpoint);
    if (follows.present && follows.owner_id.empty() && !options_.ids_owner.empty()) {
      // The account holder's own list names nobody in its URI: `--of HANDLE` does.
      follows.owner_handle = options_.ids_owner.starts_with('@') ? options_.ids_owner.substr(1) : options_.ids_owner;
      follows.owner_id = "@" + json::AsciiLower(follows.owner_handle);
    }
    BodyShape shape = Inspect(body, endpoint, follows);
    if (!shape.social) return;

    ReadOptions body_options = options_;
    if (exchange.recorded_at) {
      body_options.import_time = *exchange.recorded_at;
    } else if (exchange.date_header) {
      body_options.import_time = *exchange.date_header;
    }
    if (follows.present && follows.ids_only) {
      // The v1.1 reader names the owner "@handle"; an owner known only by user id is passed as "#<id>".
      body_options.ids_owner = !follows.owner_handle.empty() ? follows.owner_handle
                               : !follows.owner_id.empty()   ? "#" + follows.owner_id
                                                             : options_.ids_owner;
      body_options.ids_kind = follows.kind;
    }

    std::string name = source_.name + "#interaction " + std::to_string(interaction_number_);
    JsonRecordHandler handler;
    if (shape.relationship) {
      handler = [&](value record, const JsonRecordPosition&) {
        RecordScope scope(emitter_);
        ReadRelationship(record, body_options.import_time);
        scope.Commit();
      };
    } else if (endpoint.api == Api::kV1) {
      handler = [&](value record, const JsonRecordPosition&) {
        RecordScope scope(emitter_);
        ReadTwitterV1Value(record, body_options, emitter_);
        if (follows.present && !follows.ids_only) AddFollowEdges(follows, shape.listed_users, body_options.import_time);
        scope.Commit();
      };
    } else {
      // The v2 reader keeps a page's good elements and throws once for the bad ones.
      handler = [&](value record, const JsonRecordPosition&) {
        try {
          ReadTwitterV2Value(record, body_options, emitter_);
        } catch (const RecordError&) {
          if (follows.present) AddFollowEdges(follows, shape.listed_users, body_options.import_time);
          throw;
        }
        if (follows.present) AddFollowEdges(follows, shape.listed_users, body_options.import_time);
      };
    }
    status_ = ForEachJsonRecordInText(name, body, emitter_, handler);
  }

  // A first look at the body's keys; a body that does not parse is left to
  // the readers, which quarantine it.
  BodyShape Inspect(std::string_view body, const Endpoint& endpoint, const FollowList& follows) {
    BodyShape shape;
    scratch_ = simdjson::padded_string(body);
    try {
      simdjson::ondemand::document document = parser_.iterate(scratch_);
      value root = document.get_value();
      if (endpoint.api == Api::kV1) {
        if (root.type() == json_type::array) {
          for (value element : root.get_array()) {
            if (element.type() == json_type::object && V1RecordKeys(element.get_object())) {
              shape.social = true;
              break;
            }
          }
          return shape;
        }
        if (root.type() != json_type::object) return shape;
        for (auto field : root.get_object()) {
          std::string_view key = field.unescaped_key();
          if (key == "text"sv || key == "full_text"sv || key == "screen_name"sv || key == "statuses"sv) {
            shape.social = true;
          } else if (key == "users"sv) {
            shape.social = true;
            if (follows.present && !follows.ids_only) CollectUserIds(field.value(), shape.listed_users, "id_str");
          } else if (key == "ids"sv) {
            // retweeters/ids and blocks/ids list ids too, but not follows.
            if (follows.present && follows.ids_only) shape.social = true;
          } else if (key == "relationship"sv) {
            shape.social = shape.relationship = true;
          }
        }
        return shape;
      }
      if (root.type() != json_type::object) return shape;
      for (auto field : root.get_object()) {
        if (field.unescaped_key().value() != "data") continue;
        value data = field.value();
        if (data.type() == json_type::object) {
          shape.social = V2RecordKeys(data.get_object(), follows, shape.listed_users);
        } else if (data.type() == json_type::array) {
          for (value element : data.get_array()) {
            if (element.type() != json_type::object) continue;
            if (V2RecordKeys(element.get_object(), follows, shape.listed_users)) shape.social = true;
          }
        }
      }
    } catch (const simdjson::simdjson_error&) {
      shape.social = true;
    }
    return shape;
  }

  // Whether a v2 data element is a tweet with its author or a user; collects
  // the user's id for follow lists.
  static bool V2RecordKeys(object fields, const FollowList& follows, std::vector<std::string>& listed_users) {
    bool text = false, author = false, username = false;
    std::optional<std::string> id;
    for (auto field : fields) {
      std::string_view key = field.unescaped_key();
      if (key == "text"sv) text = true;
      else if (key == "author_id"sv) author = true;
      else if (key == "username"sv) username = true;
      else if (key == "id"sv) id = json::Id(field.value());
    }
    if (username && !text && id && follows.present) listed_users.push_back(*id);
    return (text && author) || username;
  }

  void AddFollowEdges(const FollowList& follows, const std::vector<std::string>& listed, int64_t observed_at) {
    if (follows.owner_id.empty() || listed.empty()) return;
    Account owner;
    owner.platform = kTwitter;
    owner.platform_id = follows.owner_id;
    owner.handle = follows.owner_handle;
    owner.observed_at = observed_at;
    emitter_.batch().accounts.push_back(std::move(owner));
    for (const std::string& other : listed) {
      Edge edge;
      edge.platform = kTwitter;
      edge.relation = Relation::kFollow;
      edge.observed_at = observed_at;
      edge.source_id = follows.kind == IdPageKind::kFollowers ? other : follows.owner_id;
      edge.target_id = follows.kind == IdPageKind::kFollowers ? follows.owner_id : other;
      emitter_.batch().edges.push_back(std::move(edge));
    }
  }

  // friendships/show: {"relationship": {"source": {...}, "target": {...}}};
  // only the follows that exist become edges.
  void ReadRelationship(value record, int64_t observed_at) {
    if (record.type() != json_type::object) throw RecordError("expected a relationship object");
    Account source, target;
    bool following = false, followed_by = false;
    for (auto field : record.get_object()) {
      if (field.unescaped_key().value() != "relationship") continue;
      value relationship = field.value();
      if (relationship.type() != json_type::object) continue;
      for (auto side : relationship.get_object()) {
        std::string_view side_key = side.unescaped_key();
        if (side_key != "source" && side_key != "target") continue;
        Account& account = side_key == "source"sv ? source : target;
        value fields = side.value();
        if (fields.type() != json_type::object) continue;
        for (auto part : fields.get_object()) {
          std::string_view key = part.unescaped_key();
          if (key == "id_str"sv) {
            if (auto id = json::Id(part.value())) account.platform_id = *id;
          } else if (key == "id"sv && account.platform_id.empty()) {
            account.platform_id = json::Id(part.value()).value_or("");
          } else if (key == "screen_name"sv) {
            account.handle = json::String(part.value()).value_or("");
          } else if (key == "following"sv && side_key == "source"sv) {
            following = json::Bool(part.value()).value_or(false);
          } else if (key == "followed_by"sv && side_key == "source"sv) {
            followed_by = json::Bool(part.value()).value_or(false);
          }
        }
      }
    }
    if (source.platform_id.empty() || target.platform_id.empty()) {
      throw RecordError("a relationship without source and target ids");
    }
    for (Account* account : {&source, &target}) {
      account->platform = kTwitter;
      account->observed_at = observed_at;
      emitter_.batch().accounts.push_back(*account);
    }
    auto follow = [&](const Account& from, const Account& to) {
      Edge edge;
      edge.platform = kTwitter;
      edge.source_id = from.platform_id;
      edge.target_id = to.platform_id;
      edge.relation = Relation::kFollow;
      edge.observed_at = observed_at;
      emitter_.batch().edges.push_back(std::move(edge));
    };
    if (following) follow(source, target);
    if (followed_by) follow(target, source);
  }

  const InputSource& source_;
  const ReadOptions& options_;
  BatchEmitter& emitter_;
  simdjson::ondemand::parser parser_;
  simdjson::padded_string scratch_;
  int interaction_number_ = 0;
  Status status_;
};

}  // namespace

Status ReadCassette(const InputSource& source, const InputBuffer& buffer, const ReadOptions& options,
                    BatchEmitter& emitter) {
  Status status;
  // No RecordScope around the cassette: each body is read, scoped and sent on
  // its own, and a cassette cut short keeps the bodies before the cut.
  CROWDLENS_RETURN_IF_ERROR(ForEachJsonRecord(source, buffer, emitter, [&](value record, const JsonRecordPosition&) {
    CassetteReader reader(source, options, emitter);
    reader.Read(record);
    if (!reader.status().ok()) status = reader.status();
  }));
  CROWDLENS_RETURN_IF_ERROR(status);
  return emitter.Finish();
}

}  // namespace crowdlens
