// One pass over each record's top-level fields: Jetstream's fields (kind,
// time_us, commit, identity, account) are read here, every other field goes
// to the XRPC response reader, and what the record was is decided at its end.
#include "ingest/bluesky_reader.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/time.h"
#include "ingest/bluesky_api_reader.h"
#include "ingest/bluesky_records.h"
#include "ingest/json_fields.h"
#include "ingest/json_records.h"

namespace crowdlens {
namespace {

using simdjson::ondemand::json_type;
using simdjson::ondemand::object;
using simdjson::ondemand::value;

struct Commit {
  std::optional<std::string> operation, collection, rkey;
  std::optional<bluesky::RecordFields> record;
};

struct Identity {
  std::optional<std::string> handle, time;
};

size_t SkipSpace(std::string_view text, size_t pos) {
  while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\r' || text[pos] == '\n')) ++pos;
  return pos;
}

// Whether `text` has the key `"key"` whose string value starts with `prefix`.
bool HasKeyWithValue(std::string_view text, std::string_view key, std::string_view prefix) {
  std::string quoted = "\"" + std::string(key) + "\"";
  for (size_t at = text.find(quoted); at != std::string_view::npos; at = text.find(quoted, at + 1)) {
    size_t pos = SkipSpace(text, at + quoted.size());
    if (pos >= text.size() || text[pos] != ':') continue;
    pos = SkipSpace(text, pos + 1);
    if (text.substr(pos, prefix.size() + 1) == "\"" + std::string(prefix)) return true;
  }
  return false;
}

Commit ReadCommit(value item) {
  if (item.type() != json_type::object) throw RecordError("a commit that is not an object");
  Commit commit;
  for (auto field : item.get_object()) {
    std::string_view key = field.unescaped_key();
    if (key == "operation") commit.operation = json::String(field.value());
    else if (key == "collection") commit.collection = json::String(field.value());
    else if (key == "rkey") commit.rkey = json::String(field.value());
    else if (key == "record") commit.record = bluesky::ReadRecord(field.value());
  }
  return commit;
}

Identity ReadIdentity(value item) {
  Identity identity;
  if (item.type() != json_type::object) return identity;
  for (auto field : item.get_object()) {
    std::string_view key = field.unescaped_key();
    if (key == "handle") identity.handle = json::String(field.value());
    else if (key == "time") identity.time = json::String(field.value());
  }
  return identity;
}

class BlueskyConverter {
 public:
  BlueskyConverter(const ReadOptions& options, BatchEmitter& emitter) : options_(options), emitter_(emitter) {}

  void ReadTopLevel(value record) {
    if (record.type() != json_type::object) {
      throw RecordError("expected a JSON object (a Jetstream event or an API response)");
    }
    std::optional<std::string> did, kind;
    std::optional<int64_t> time_us;
    std::optional<Commit> commit;
    std::optional<Identity> identity;
    bool account_event = false;
    bluesky::ApiResponse response(options_, emitter_, failures_);
    for (auto field : record.get_object()) {
      std::string_view key = field.unescaped_key();
      value item = field.value();
      if (key == "did") {
        did = json::String(item);
      } else if (key == "kind") {
        kind = json::String(item);
      } else if (key == "time_us") {
        time_us = json::Int(item);
      } else if (key == "commit") {
        commit = ReadCommit(item);
      } else if (key == "identity") {
        identity = ReadIdentity(item);
      } else if (key == "account" && item.type() == json_type::object) {
        account_event = true;  // active/deactivated: nothing the model keeps
      } else if (!kind) {
        // Once "kind" has said this is a Jetstream event, its other fields are not a response's.
        response.ReadField(key, item);
      }
    }
    if (kind || commit || identity || account_event) {
      std::string event_kind = kind.value_or(commit ? "commit" : identity ? "identity" : "account");
      ReadEvent(event_kind, did, time_us, commit, identity);
    } else {
      response.Finish(did);
    }
  }

  std::vector<ElementFailure> TakeFailures() { return std::exchange(failures_, {}); }

 private:
  void ReadEvent(const std::string& kind, const std::optional<std::string>& did, std::optional<int64_t> time_us,
                 const std::optional<Commit>& commit, const std::optional<Identity>& identity) {
    if (!did || !bluesky::IsDid(*did)) throw RecordError("a Jetstream event without a did");
    int64_t observed_at = time_us ? *time_us / 1000000 : options_.import_time;
    if (kind == "commit") {
      if (!commit) throw RecordError("a commit event without its commit");
      ReadCommitEvent(*did, observed_at, *commit);
    } else if (kind == "identity") {
      if (!identity || !identity->handle || identity->handle->empty()) return;
      std::optional<int64_t> changed_at;
      if (identity->time) changed_at = ParseTimestamp(*identity->time);
      Account account;
      account.platform = bluesky::kPlatform;
      account.platform_id = *did;
      account.handle = *identity->handle;
      account.observed_at = changed_at.value_or(observed_at);
      emitter_.batch().accounts.push_back(std::move(account));
    } else if (kind != "account") {
      throw RecordError("a Jetstream event of kind \"" + kind + "\", which crowdlens does not know");
    }
  }

  void ReadCommitEvent(const std::string& did, int64_t observed_at, const Commit& commit) {
    if (!commit.operation || !commit.collection || !commit.rkey || commit.rkey->empty()) {
      throw RecordError("a commit without its operation, collection or rkey");
    }
    const std::string& collection = *commit.collection;
    const std::string& operation = *commit.operation;
    std::string uri = bluesky::RecordUri(did, collection, *commit.rkey);
    if (operation == "delete") {
      if (collection == bluesky::kPostCollection || collection == bluesky::kFollowCollection) {
        Deletion::Kind deleted =
            collection == bluesky::kPostCollection ? Deletion::Kind::kPost : Deletion::Kind::kFollow;
        emitter_.batch().deletions.push_back(
            Deletion{.kind = deleted, .platform = bluesky::kPlatform, .id = uri, .observed_at = observed_at});
      }
      return;
    }
    if (operation != "create" && operation != "update") {
      throw RecordError("a commit whose operation \"" + operation + "\" is not create, update or delete");
    }
    if (collection != bluesky::kPostCollection && collection != bluesky::kFollowCollection &&
        collection != bluesky::kProfileCollection) {
      return;  // likes, reposts, blocks, lists: not kept
    }
    if (!commit.record) throw RecordError("a " + operation + " of " + uri + " without its record");
    const bluesky::RecordFields& record = *commit.record;
    if (collection == bluesky::kPostCollection) {
      Post post = bluesky::MakePost(record, uri, did, observed_at);
      for (const Mention& mention : post.mentions) {
        Account mentioned;
        mentioned.platform = bluesky::kPlatform;
        mentioned.platform_id = mention.account_id;
        mentioned.handle = mention.handle;
        mentioned.observed_at = post.created_at;
        emitter_.batch().accounts.push_back(std::move(mentioned));
      }
      emitter_.batch().posts.push_back(std::move(post));
    } else if (collection == bluesky::kFollowCollection) {
      if (!record.subject || !bluesky::IsDid(*record.subject)) {
        throw RecordError("the follow " + uri + " has no subject DID");
      }
      Edge edge;
      edge.platform = bluesky::kPlatform;
      edge.source_id = did;
      edge.target_id = *record.subject;
      edge.relation = Relation::kFollow;
      edge.observed_at = observed_at;
      edge.record_id = uri;
      emitter_.batch().edges.push_back(std::move(edge));
    } else {
      // The profile record is the whole profile: a field it lacks was removed.
      Account profile;
      profile.platform = bluesky::kPlatform;
      profile.platform_id = did;
      profile.name = record.display_name.value_or("");
      profile.bio = record.description.value_or("");
      profile.observed_at = observed_at;
      profile.has_profile = true;
      emitter_.batch().accounts.push_back(std::move(profile));
    }
  }

  const ReadOptions& options_;
  BatchEmitter& emitter_;
  std::vector<ElementFailure> failures_;
};

}  // namespace

bool LooksLikeBluesky(std::string_view /*name*/, std::string_view head) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  size_t first = head.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || (head[first] != '{' && head[first] != '[')) return false;
  return HasKeyWithValue(head, "did", "did:plc:") || HasKeyWithValue(head, "did", "did:web:") ||
         HasKeyWithValue(head, "uri", "at://");
}

Status ReadBluesky(const InputSource& source, const InputBuffer& buffer, const ReadOptions& options,
                   BatchEmitter& emitter) {
  BlueskyConverter converter(options, emitter);
  CROWDLENS_RETURN_IF_ERROR(
      ForEachJsonRecord(source, buffer, emitter, [&](value record, const JsonRecordPosition& position) {
        const char* record_start = record.current_location().value();
        converter.TakeFailures();  // left over from a record that failed as a whole
        RecordScope scope(emitter);
        converter.ReadTopLevel(record);
        scope.Commit();
        QuarantineElementFailures(source.name, position, record_start, converter.TakeFailures(), emitter);
      }));
  return emitter.Finish();
}

}  // namespace crowdlens
