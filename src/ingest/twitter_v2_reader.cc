// Twitter API v2 reader. One pass over each object's fields (simdjson
// On-Demand): a tweet, a user, a mention and an embedded (twarc "flat") object
// all go through the same field reader, and what the object was is decided
// once its fields are seen, so nothing is looked up twice.
//
// A page is read element by element: a tweet of `data` that cannot be used
// (no author_id, a date that is not a date) is quarantined on its own and the
// rest of the page is kept. Things that are not tweets at all (count buckets,
// list pages, compliance events, error-only responses) reject the whole line.
//
// When a profile was true: a user object in a v2 page is the profile as it
// stood when the page was fetched, not when its tweets were posted. twarc
// writes that moment as __twarc.retrieved_at and it is used when present;
// without it, the newest created_at of the tweets on the page is the best
// lower bound the page offers; a page without either falls back to the import
// time. Mentions and reply targets that carry only an id and a handle are
// dated by their tweet, as the v1.1 reader does.
#include "ingest/twitter_v2_reader.h"


#include "ingest/twitter_v2_item.h"

#include <algorithm>
#include <limits>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/time.h"
#include "ingest/json_fields.h"
#include "ingest/json_records.h"

namespace crowdlens {
namespace {

using namespace std::string_view_literals;

using simdjson::ondemand::json_type;
using simdjson::ondemand::object;
using simdjson::ondemand::value;

using namespace twitter_v2;

// What one top-level record (a page, a flat tweet, a user) has shown so far.
struct PageState {
  size_t first_account = 0;  // where this record's accounts and posts start in the batch
  size_t first_post = 0;
  bool envelope = false;  // data, includes, errors or meta: a response page, not a bare object
  size_t items_read = 0, count_buckets = 0, lists = 0, failures = 0;
  std::optional<std::string> first_error;
  std::optional<int64_t> retrieved_at;
  std::optional<int64_t> newest_post;
  std::unordered_map<std::string, std::string> place_country;  // includes.places id -> country_code
  std::unordered_map<std::string, std::string> post_place;     // post id -> geo.place_id
  std::vector<std::pair<std::string, int64_t>> authors;        // author ids of tweets that embed no author
};

class V2Converter {
 public:
  V2Converter(const ReadOptions& options, BatchEmitter& emitter) : options_(options), emitter_(emitter) {}

  void ReadTopLevel(value record) {
    if (record.type() == json_type::array) {
      for (value element : record.get_array()) ReadTopLevel(element);
      return;
    }
    if (record.type() != json_type::object) throw RecordError("expected a JSON object (a v2 page, tweet or user)");
    ReadRecord(record.get_object());
  }

  // The elements quarantined since the last call.
  std::vector<ElementFailure> TakeFailures() { return std::exchange(failures_, {}); }

 private:
  void ReadRecord(object fields) {
    PageState page;
    page.first_account = emitter_.batch().accounts.size();
    page.first_post = emitter_.batch().posts.size();
    try {
      ReadRecordFields(fields, page);
    } catch (...) {
      // Elements read before the failure may stay (their own scopes kept them): date them too.
      SettlePage(page, false);
      throw;
    }
    SettlePage(page, true);
  }

  void ReadRecordFields(object fields, PageState& page) {
    Item item;
    std::optional<std::string> problem;  // a v2 "problem" response: {"title", "detail", "type"}
    for (auto field : fields) {
      std::string_view key = field.unescaped_key();
      value entry = field.value();
      if (key == "data"sv) {
        page.envelope = true;
        if (entry.type() == json_type::array) {
          for (value element : entry.get_array()) ReadElement(element, page);
        } else if (entry.type() == json_type::object) {
          ReadElement(entry, page);
        }
      } else if (key == "includes"sv) {
        page.envelope = true;
        if (entry.type() == json_type::object) ReadIncludes(entry.get_object(), page);
      } else if (key == "errors"sv) {
        page.envelope = true;
        if (entry.type() == json_type::array) ReadErrors(entry, page);
      } else if (key == "meta"sv) {
        page.envelope = true;
      } else if (key == "__twarc"sv) {
        if (entry.type() == json_type::object) {
          for (auto part : entry.get_object()) {
            if (part.unescaped_key().value() == "retrieved_at") {
              if (auto text = json::String(part.value())) page.retrieved_at = ParseTimestamp(*text);
            }
          }
        }
      } else if (key == "matching_rules"sv) {
        // Filtered-stream rule tags say why a tweet was delivered, not what it is.
      } else if (key == "detail"sv || (key == "title"sv && !problem)) {
        problem = json::String(entry);
      } else {
        ReadItemField(key, entry, item, 0);
      }
    }

    if (page.envelope) {
      if (page.items_read == 0 && page.failures == 0) {
        if (page.count_buckets > 0) {
          throw RecordError("a tweet counts page (" + std::to_string(page.count_buckets) +
                            " buckets of tweet_count), not tweets");
        }
        if (page.lists > 0) throw RecordError("a page of lists (" + std::to_string(page.lists) + "), not tweets");
        if (page.first_error) throw RecordError("an API error response: " + *page.first_error);
      }
    } else {
      switch (Classify(item)) {
        case ItemKind::kTweet:
          EmitTweet(item, page);
          break;
        case ItemKind::kUser:
          EmitUser(item);
          break;
        case ItemKind::kCompliance:
          throw RecordError("a compliance event (" + *item.compliance_action + "), not a tweet or user");
        case ItemKind::kCountBucket:
          throw RecordError("a tweet counts bucket, not tweets");
        case ItemKind::kList:
          throw RecordError("a list, not a tweet or user");
        case ItemKind::kUnknown:
          if (problem) throw RecordError("an API error response: " + *problem);
          throw RecordError("not a Twitter API v2 page, tweet or user (no data, text or username)");
      }
    }
  }

  // Reads one element of data or includes; a bad one is set aside, not fatal.
  void ReadElement(value element, PageState& page) {
    const char* start = element.current_location().value();
    RecordScope scope(emitter_);
    try {
      if (element.type() != json_type::object) throw RecordError("an element that is not an object");
      Item item;
      ReadItemFields(element.get_object(), item, 1);
      switch (Classify(item)) {
        case ItemKind::kTweet:
          EmitTweet(item, page);
          ++page.items_read;
          break;
        case ItemKind::kUser:
          EmitUser(item);
          ++page.items_read;
          break;
        case ItemKind::kCountBucket:
          ++page.count_buckets;
          break;
        case ItemKind::kList:
          ++page.lists;
          break;
        case ItemKind::kCompliance:
        case ItemKind::kUnknown:
          throw RecordError("an element that is neither a tweet (text) nor a user (username)");
      }
      scope.Commit();
    } catch (const RecordError& error) {
      ++page.failures;
      failures_.push_back({error.what(), start});
    } catch (const simdjson::simdjson_error& error) {
      // A wrong-typed field spoils its element only; broken JSON spoils the record.
      if (!SpoilsOnlyItsElement(error.error())) throw;
      ++page.failures;
      failures_.push_back(
          {std::string("a field of the wrong type (") + simdjson::error_message(error.error()) + ")", start});
    }
  }

  void ReadIncludes(object includes, PageState& page) {
    for (auto field : includes) {
      std::string_view key = field.unescaped_key();
      value list = field.value();
      if (list.type() != json_type::array) continue;
      if (key == "users"sv || key == "tweets"sv) {
        for (value element : list.get_array()) ReadElement(element, page);
      } else if (key == "places"sv) {
        for (value place : list.get_array()) {
          if (place.type() != json_type::object) continue;
          std::optional<std::string> id, country;
          for (auto part : place.get_object()) {
            std::string_view part_key = part.unescaped_key();
            if (part_key == "id"sv) id = json::Id(part.value());
            else if (part_key == "country_code"sv) country = json::String(part.value());
          }
          if (id && country && !country->empty()) page.place_country[*id] = *country;
        }
      }
    }
  }

  void ReadErrors(value errors, PageState& page) {
    for (value error : errors.get_array()) {
      if (page.first_error || error.type() != json_type::object) continue;
      std::optional<std::string> detail, title, message;
      for (auto part : error.get_object()) {
        std::string_view key = part.unescaped_key();
        if (key == "detail"sv) detail = json::String(part.value());
        else if (key == "title"sv) title = json::String(part.value());
        else if (key == "message"sv) message = json::String(part.value());
      }
      page.first_error = detail ? detail : title ? title : message;
      if (!page.first_error) page.first_error = "no detail given";
    }
  }

  void EmitUser(const Item& item) {
    if (!item.id) throw RecordError("a user object without an id");
    emitter_.batch().accounts.push_back(MakeProfile(item));
  }

  void EmitTweet(Item& item, PageState& page) {
    if (!item.id) throw RecordError("a tweet without an id");
    std::string author_id = item.author_id.value_or(item.author ? item.author->platform_id : "");
    if (author_id.empty()) throw RecordError("tweet " + *item.id + " has no author_id");

    Post post;
    post.platform = kTwitter;
    post.platform_id = *item.id;
    post.author_id = author_id;
    if (item.created_at) {
      std::optional<int64_t> created_at = ParseTimestamp(*item.created_at);
      if (!created_at) {
        throw RecordError("tweet " + *item.id + ": created_at \"" + *item.created_at +
                          "\" is not a date crowdlens can read");
      }
      post.created_at = *created_at;
      page.newest_post = std::max(page.newest_post.value_or(*created_at), *created_at);
    }
    // A long post's text is cut in "text" and whole in note_tweet.
    post.text = item.note_text ? *item.note_text : item.text.value_or("");
    post.lang = item.lang;
    post.source = item.source;
    for (const Reference& reference : item.references) {
      if (reference.type == "replied_to") post.reply_to_post_id = reference.id;
      else if (reference.type == "retweeted") post.retweet_of_id = reference.id;
      else if (reference.type == "quoted") post.quote_of_id = reference.id;
    }
    post.reply_to_account_id = item.in_reply_to_user_id;
    if (!post.reply_to_account_id && item.reply_user) post.reply_to_account_id = item.reply_user->platform_id;
    if (item.country_code && !item.country_code->empty()) {
      post.country_code = item.country_code;
    } else if (item.place_id) {
      page.post_place[post.platform_id] = *item.place_id;
    }
    post.metrics = item.metrics;
    post.hashtags = std::move(item.hashtags);
    post.urls = std::move(item.urls);

    for (Item& embedded : item.embedded_tweets) EmitTweet(embedded, page);

    std::vector<Account>& accounts = emitter_.batch().accounts;
    if (item.author) accounts.push_back(std::move(*item.author));
    std::string reply_handle;
    for (SeenMention& seen : item.mentions) {
      if (post.reply_to_account_id && seen.mention.account_id == *post.reply_to_account_id) {
        reply_handle = seen.mention.handle;
      }
      if (seen.profile) {
        accounts.push_back(std::move(*seen.profile));
      } else {
        accounts.push_back(MinimalAccount(seen.mention.account_id, seen.mention.handle, post.created_at));
      }
      post.mentions.push_back(std::move(seen.mention));
    }
    if (item.reply_user && post.reply_to_account_id == item.reply_user->platform_id) {
      accounts.push_back(std::move(*item.reply_user));
    } else if (post.reply_to_account_id) {
      accounts.push_back(MinimalAccount(*post.reply_to_account_id, reply_handle, post.created_at));
    }
    if (!item.author) page.authors.emplace_back(post.author_id, post.created_at);
    emitter_.batch().posts.push_back(std::move(post));
  }

  // Dates the page's profiles, names the authors that came without a profile,
  // and gives geotagged posts their country.
  void SettlePage(const PageState& page, bool complete) {
    int64_t observed_at = page.retrieved_at.value_or(page.newest_post.value_or(options_.import_time));
    std::vector<Account>& accounts = emitter_.batch().accounts;
    std::unordered_set<std::string> known;
    for (size_t index = page.first_account; index < accounts.size(); ++index) {
      if (accounts[index].observed_at == kPageTime) accounts[index].observed_at = observed_at;
      if (complete && accounts[index].has_profile) known.insert(accounts[index].platform_id);
    }
    // Authors are usually in includes.users; the others still get an account, once.
    if (complete) {
      for (const auto& [author_id, posted_at] : page.authors) {
        if (known.insert(author_id).second) accounts.push_back(MinimalAccount(author_id, "", posted_at));
      }
    }
    if (page.post_place.empty()) return;
    std::vector<Post>& posts = emitter_.batch().posts;
    for (size_t index = page.first_post; index < posts.size(); ++index) {
      Post& post = posts[index];
      if (post.country_code) continue;
      auto place = page.post_place.find(post.platform_id);
      if (place == page.post_place.end()) continue;
      auto country = page.place_country.find(place->second);
      if (country != page.place_country.end()) post.country_code = country->second;
    }
  }

  const ReadOptions& options_;
  BatchEmitter& emitter_;
  std::vector<ElementFailure> failures_;
};

}  // namespace

void ReadTwitterV2Value(value record, const ReadOptions& options, BatchEmitter& emitter) {
  V2Converter converter(options, emitter);
  converter.ReadTopLevel(record);
  // The caller knows no more than "this value": the good elements stay, and
  // one error names what was left out so the caller can quarantine the value.
  std::vector<ElementFailure> failures = converter.TakeFailures();
  if (!failures.empty()) {
    throw RecordError(std::to_string(failures.size()) + " element(s) of this response could not be read and were " +
                      "left out (the first: " + failures.front().reason + ")");
  }
}

Status ReadTwitterV2(const InputSource& source, const InputBuffer& buffer, const ReadOptions& options,
                     BatchEmitter& emitter) {
  V2Converter converter(options, emitter);
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
