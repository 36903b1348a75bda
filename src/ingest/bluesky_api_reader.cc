#include "ingest/bluesky_api_reader.h"

#include "core/time.h"
#include "ingest/json_fields.h"
#include "ingest/json_records.h"

namespace crowdlens::bluesky {

using simdjson::ondemand::json_type;
using simdjson::ondemand::value;

namespace {

constexpr std::string_view kReasonRepost = "app.bsky.feed.defs#reasonRepost";

Account MentionedAccount(const Mention& mention, int64_t observed_at) {
  Account account;
  account.platform = kPlatform;
  account.platform_id = mention.account_id;
  account.handle = mention.handle;
  account.observed_at = observed_at;
  return account;
}

}  // namespace

template <typename Body>
void ApiResponse::ReadElement(value element, Body body) {
  const char* start = element.current_location().value();
  RecordScope scope(emitter_);
  try {
    body();
    scope.Commit();
  } catch (const RecordError& error) {
    failures_.push_back({error.what(), start});
  } catch (const simdjson::simdjson_error& error) {
    // A wrong-typed field spoils its element only; broken JSON spoils the record.
    if (!SpoilsOnlyItsElement(error.error())) throw;
    failures_.push_back({std::string("a field of the wrong type (") + simdjson::error_message(error.error()) + ")",
                         start});
  }
}

bool ApiResponse::ReadField(std::string_view key, value item) {
  if (ReadPostViewField(key, item, view_)) return true;
  if (ReadProfileField(key, item, profile_)) {
    has_profile_fields_ = true;
    return true;
  }
  if (key == "subject") {
    subject_ = ReadProfileView(item, options_.import_time);
  } else if (key == "followers" || key == "follows") {
    bool followers = key == "followers";
    (followers ? has_followers_ : has_follows_) = true;
    ReadProfileList(item, followers ? followers_ : follows_);
  } else if (key == "feed") {
    has_feed_ = true;
    if (item.type() != json_type::array) throw RecordError("\"feed\" is not an array");
    for (value entry : item.get_array()) ReadElement(entry, [&] { ReadFeedItem(entry); });
  } else if (key == "posts") {
    has_posts_ = true;
    if (item.type() != json_type::array) throw RecordError("\"posts\" is not an array");
    for (value entry : item.get_array()) ReadElement(entry, [&] { EmitPostView(ReadPostView(entry)); });
  } else if (key == "message" || (key == "error" && !error_)) {
    error_ = json::String(item);
  } else {
    return key == "cursor" || key == "hitsTotal";
  }
  return true;
}

void ApiResponse::ReadProfileList(value list, std::vector<Account>& out) {
  if (list.type() != json_type::array) throw RecordError("a profile list that is not an array");
  for (value entry : list.get_array()) {
    ReadElement(entry, [&] { out.push_back(ReadProfileView(entry, options_.import_time)); });
  }
}

bool ApiResponse::ReadPostViewField(std::string_view key, value item, PostView& view) {
  if (key == "uri") {
    view.uri = json::String(item);
  } else if (key == "author") {
    view.author = ReadProfileView(item, options_.import_time);
  } else if (key == "record") {
    view.record = ReadRecord(item);
  } else if (key == "replyCount") {
    view.metrics.replies = json::Int(item);
  } else if (key == "repostCount") {
    view.metrics.retweets = json::Int(item);
  } else if (key == "likeCount") {
    view.metrics.likes = json::Int(item);
  } else if (key == "quoteCount") {
    view.metrics.quotes = json::Int(item);
  } else if (key == "indexedAt") {
    view.indexed_at = json::String(item);
  } else {
    return false;
  }
  return true;
}

ApiResponse::PostView ApiResponse::ReadPostView(value item) {
  if (item.type() != json_type::object) throw RecordError("a post view that is not an object");
  PostView view;
  for (auto field : item.get_object()) ReadPostViewField(field.unescaped_key(), field.value(), view);
  return view;
}

void ApiResponse::EmitPostView(const PostView& view) {
  if (!view.uri || view.uri->empty()) throw RecordError("a post view without a uri");
  if (!view.author) throw RecordError("post " + *view.uri + " has no author");
  if (!view.record) throw RecordError("post " + *view.uri + " has no record");
  std::optional<int64_t> indexed_at;
  if (view.indexed_at) indexed_at = ParseTimestamp(*view.indexed_at);
  Post post = MakePost(*view.record, *view.uri, view.author->platform_id, indexed_at.value_or(options_.import_time));
  post.metrics = view.metrics;
  emitter_.batch().accounts.push_back(*view.author);
  for (const Mention& mention : post.mentions) {
    emitter_.batch().accounts.push_back(MentionedAccount(mention, post.created_at));
  }
  emitter_.batch().posts.push_back(std::move(post));
}

void ApiResponse::ReadFeedItem(value item) {
  if (item.type() != json_type::object) throw RecordError("a feed item that is not an object");
  PostView post;
  std::vector<PostView> thread;  // the reply's root and parent, when the item carries them whole
  std::optional<std::string> reason_type, reason_time;
  std::optional<Account> reposted_by;
  for (auto field : item.get_object()) {
    std::string_view key = field.unescaped_key();
    value entry = field.value();
    if (key == "post") {
      post = ReadPostView(entry);
    } else if (key == "reply") {
      if (entry.type() != json_type::object) continue;
      for (auto part : entry.get_object()) {
        std::string_view part_key = part.unescaped_key();
        if (part_key != "root" && part_key != "parent") continue;
        // A deleted or blocked post comes as {"uri", "notFound"} or {"uri", "blocked"}: nothing to keep.
        PostView context = ReadPostView(part.value());
        if (context.uri && context.author && context.record) thread.push_back(std::move(context));
      }
    } else if (key == "reason") {
      if (entry.type() != json_type::object) continue;
      for (auto part : entry.get_object()) {
        std::string_view part_key = part.unescaped_key();
        if (part_key == "$type") reason_type = json::String(part.value());
        else if (part_key == "by") reposted_by = ReadProfileView(part.value(), options_.import_time);
        else if (part_key == "indexedAt") reason_time = json::String(part.value());
      }
    }
  }
  EmitPostView(post);
  for (size_t index = 0; index < thread.size(); ++index) {
    bool repeated = thread[index].uri == post.uri || (index == 1 && thread[1].uri == thread[0].uri);
    if (!repeated) EmitPostView(thread[index]);
  }
  if (reason_type != kReasonRepost) return;  // a pinned post (reasonPin) is only the post
  if (!reposted_by) throw RecordError("a repost of " + *post.uri + " that does not say who reposted it (reason.by)");
  std::optional<int64_t> reposted_at;
  if (reason_time) reposted_at = ParseTimestamp(*reason_time);
  Post repost;
  repost.platform = kPlatform;
  repost.platform_id = *post.uri + "#repost/" + reposted_by->platform_id;
  repost.author_id = reposted_by->platform_id;
  repost.created_at = reposted_at.value_or(options_.import_time);
  repost.retweet_of_id = post.uri;
  emitter_.batch().accounts.push_back(*reposted_by);
  emitter_.batch().posts.push_back(std::move(repost));
}

void ApiResponse::Finish(const std::optional<std::string>& did) {
  if (has_followers_ || has_follows_) {
    if (!subject_) throw RecordError("a followers or follows page without its subject");
    emitter_.batch().accounts.push_back(*subject_);
    auto add_edges = [&](const std::vector<Account>& others, bool they_follow) {
      for (const Account& other : others) {
        emitter_.batch().accounts.push_back(other);
        Edge edge;
        edge.platform = kPlatform;
        edge.source_id = they_follow ? other.platform_id : subject_->platform_id;
        edge.target_id = they_follow ? subject_->platform_id : other.platform_id;
        edge.relation = Relation::kFollow;
        edge.observed_at = options_.import_time;
        emitter_.batch().edges.push_back(std::move(edge));
      }
    };
    add_edges(followers_, true);
    add_edges(follows_, false);
    return;
  }
  if (has_feed_ || has_posts_) return;  // emitted element by element
  if (view_.uri) {
    EmitPostView(view_);
    return;
  }
  if (did) {
    profile_.platform_id = *did;
    if (!IsDid(profile_.platform_id)) throw RecordError("a profile whose did \"" + *did + "\" is not a DID");
    SettleProfile(profile_);
    profile_.observed_at = options_.import_time;
    emitter_.batch().accounts.push_back(profile_);
    return;
  }
  if (error_) throw RecordError("an API error response: " + *error_);
  if (has_profile_fields_) throw RecordError("a profile without a did");
  throw RecordError("not a Bluesky shape crowdlens reads (a Jetstream event, or a getProfile, getFollowers, "
                    "getFollows, getAuthorFeed or searchPosts response)");
}

}  // namespace crowdlens::bluesky
