// Tweet CSV rows to posts and accounts; see tweet_csv_reader.h for the
// layouts and the rules. One pass over the rows with the RFC 4180 reader
// (ingest/csv.h); columns are resolved once from the header into indices.
#include "ingest/tweet_csv_reader.h"

#include <simdjson.h>

#include <algorithm>
#include <charconv>

#include "core/time.h"
#include "ingest/csv.h"
#include "ingest/export_cells.h"
#include "ingest/json_fields.h"
#include "text/code_points.h"
#include "text/entities.h"

namespace crowdlens {
namespace {

constexpr const char* kTwitter = "twitter";

// Where each field lives in a row; unset when the file has no such column.
struct Columns {
  std::optional<size_t> id, text, created_at, author_id, handle, display_name, bio, location, author_created,
      author_url, followers, following, post_count, listed, verified, lang, source, reply_to_post, reply_to_account,
      reply_to_handle, retweet_of, retweeted_account, retweeted_handle, quote_of, quoted_account, quoted_handle,
      retweets, replies, likes, quotes, impressions, hashtags, mentions, urls, country_code, retrieved_at;
  bool twarc = false;  // twarc-csv escapes line breaks and may JSON-encode strings
};

Columns MapColumns(const CsvHeader& header) {
  Columns c;
  c.id = header.FindAny({"id", "id_str", "tweet_id", "status_id"});
  c.text = header.FindAny({"text", "full_text"});
  c.created_at = header.FindAny({"created_at", "date", "tweet_created_at"});
  c.author_id = header.FindAny({"author_id", "author.id", "user_id", "user_id_str"});
  c.handle = header.FindAny({"author.username", "screen_name", "user_screen_name", "username"});
  c.display_name = header.FindAny({"author.name", "user_name", "name"});
  c.bio = header.FindAny({"author.description", "user_description", "description"});
  c.location = header.FindAny({"author.location", "user_location", "location"});
  c.author_created = header.FindAny({"author.created_at", "user_created", "account_created_at"});
  c.author_url = header.FindAny({"author.url", "user_url"});
  c.followers = header.FindAny({"author.public_metrics.followers_count", "user_followers", "followers_count"});
  c.following = header.FindAny({"author.public_metrics.following_count", "user_friends", "friends_count"});
  c.post_count = header.FindAny({"author.public_metrics.tweet_count", "user_statuses", "statuses_count"});
  c.listed = header.FindAny({"author.public_metrics.listed_count", "listed_count"});
  c.verified = header.FindAny({"author.verified", "user_verified", "verified"});
  c.lang = header.FindAny({"lang"});
  c.source = header.FindAny({"source"});
  c.reply_to_post = header.FindAny({"referenced_tweets.replied_to.id", "in_reply_to_status_id", "reply_to_status_id"});
  c.reply_to_account = header.FindAny({"in_reply_to_user_id", "reply_to_user_id"});
  c.reply_to_handle = header.FindAny({"in_reply_to_username", "in_reply_to_screen_name", "reply_to_screen_name"});
  c.retweet_of = header.FindAny({"referenced_tweets.retweeted.id", "retweeted_status_id", "retweet_status_id"});
  c.retweeted_account = header.FindAny({"retweeted_user_id", "retweet_user_id"});
  c.retweeted_handle = header.FindAny({"retweeted_username", "retweet_screen_name"});
  c.quote_of = header.FindAny({"referenced_tweets.quoted.id", "quoted_status_id"});
  c.quoted_account = header.FindAny({"quoted_user_id"});
  c.quoted_handle = header.FindAny({"quoted_username", "quoted_screen_name"});
  c.retweets = header.FindAny({"public_metrics.retweet_count", "retweets", "retweet_count"});
  c.replies = header.FindAny({"public_metrics.reply_count", "replies", "reply_count"});
  c.likes = header.FindAny({"public_metrics.like_count", "favorites", "favorite_count", "likes"});
  c.quotes = header.FindAny({"public_metrics.quote_count", "quote_count"});
  c.impressions = header.FindAny({"public_metrics.impression_count"});
  c.hashtags = header.FindAny({"entities.hashtags", "hashtags"});
  c.mentions = header.FindAny({"entities.mentions", "mentions"});
  c.urls = header.FindAny({"entities.urls", "urls"});
  c.country_code = header.FindAny({"geo.country_code", "country_code"});
  c.retrieved_at = header.FindAny({"__twarc.retrieved_at"});
  c.twarc = header.Find("conversation_id") || header.Find("author.id") || header.Find("__twarc.retrieved_at");
  return c;
}

// The first missing required column, named for users; empty when none is missing.
std::string MissingColumn(const Columns& c) {
  if (!c.id) return "no id column (id, id_str, tweet_id or status_id)";
  if (!c.text) return "no text column (text or full_text)";
  if (!c.author_id && !c.handle && !c.display_name) {
    return "no author column (author_id, author.id, user_id, author.username, screen_name, username or user_name)";
  }
  return {};
}

std::string_view Cell(const CsvRecord& row, std::optional<size_t> column) {
  return column && *column < row.fields.size() ? std::string_view(row.fields[*column]) : std::string_view{};
}

std::optional<std::string> NonEmpty(std::string_view text) {
  if (json::Trim(text).empty()) return std::nullopt;
  return std::string(text);
}

bool IsDigits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "12", " 12 " and pandas' "12.0"; nullopt for anything else.
std::optional<int64_t> ParseCount(std::string_view text) {
  text = json::Trim(text);
  if (text.ends_with(".0")) text.remove_suffix(2);
  int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

std::optional<bool> ParseBool(std::string_view text) {
  std::string lower = json::AsciiLower(json::Trim(text));
  if (lower == "true" || lower == "1" || lower == "yes") return true;
  if (lower == "false" || lower == "0" || lower == "no") return false;
  return std::nullopt;
}

// twarc-csv writes line breaks as "\n" and, with --json-encode-text (and in
// its early versions), whole strings as JSON: undo both.
std::string TwarcString(std::string_view cell) {
  if (cell.size() >= 2 && cell.front() == '"' && cell.back() == '"') {
    size_t pos = 0;
    std::optional<std::string> decoded = DecodeQuoted(cell, pos);
    if (decoded && pos == cell.size()) return *decoded;
  }
  std::string out;
  out.reserve(cell.size());
  for (size_t i = 0; i < cell.size(); ++i) {
    if (cell[i] == '\\' && i + 1 < cell.size() && cell[i + 1] == 'n') {
      out += '\n';
      ++i;
    } else {
      out += cell[i];
    }
  }
  return out;
}

// An account known by id and handle only (a mention, a reply target).
Account Reference(std::string id, std::string handle, int64_t seen_at) {
  Account account;
  account.platform = kTwitter;
  account.platform_id = std::move(id);
  account.handle = std::move(handle);
  account.observed_at = seen_at;
  return account;
}

template <typename T, typename Key>
void AddUnique(std::vector<T>& list, T item, Key key) {
  for (const T& existing : list) {
    if (key(existing) == key(item)) return;
  }
  list.push_back(std::move(item));
}

class RowReader {
 public:
  RowReader(const Columns& columns, BatchEmitter& emitter) : c_(columns), emitter_(emitter) {}

  // Adds the row's post and accounts to the batch; returns why the row cannot be read, or "".
  std::string Read(const CsvRecord& row) {
    std::string id(json::Trim(Cell(row, c_.id)));
    if (id.empty()) return "the row has no tweet id";
    if (!IsDigits(id)) return "id \"" + id + "\" is not a tweet id (digits only; a spreadsheet may have rounded it)";
    Post post;
    post.platform = kTwitter;
    post.platform_id = id;
    if (c_.created_at) {
      std::string_view date = json::Trim(Cell(row, c_.created_at));
      if (date.empty()) return "the row has no date";
      std::optional<int64_t> parsed = ParseTimestamp(date);
      if (!parsed) return "date \"" + std::string(date) + "\" is not a date crowdlens can read";
      post.created_at = *parsed;
    }
    post.text = String(Cell(row, c_.text));

    Account author = ReadAuthor(row, post.created_at);
    if (author.platform_id.empty()) return "the row names no author (its author id, screen and user names are empty)";
    post.author_id = author.platform_id;
    emitter_.batch().accounts.push_back(std::move(author));

    post.lang = NonEmpty(json::Trim(Cell(row, c_.lang)));
    post.source = NonEmpty(Cell(row, c_.source));
    post.country_code = NonEmpty(json::Trim(Cell(row, c_.country_code)));
    post.metrics = {.retweets = ParseCount(Cell(row, c_.retweets)), .replies = ParseCount(Cell(row, c_.replies)),
                    .likes = ParseCount(Cell(row, c_.likes)), .quotes = ParseCount(Cell(row, c_.quotes)),
                    .impressions = ParseCount(Cell(row, c_.impressions))};
    post.reply_to_post_id = Id(Cell(row, c_.reply_to_post));
    post.reply_to_account_id =
        AccountReference(Cell(row, c_.reply_to_account), Cell(row, c_.reply_to_handle), post.created_at);
    post.retweet_of_id = Id(Cell(row, c_.retweet_of));
    AccountReference(Cell(row, c_.retweeted_account), Cell(row, c_.retweeted_handle), post.created_at);
    post.quote_of_id = Id(Cell(row, c_.quote_of));
    AccountReference(Cell(row, c_.quoted_account), Cell(row, c_.quoted_handle), post.created_at);
    ReadEntities(row, post);
    emitter_.batch().posts.push_back(std::move(post));
    return {};
  }

 private:
  std::string String(std::string_view cell) const { return c_.twarc ? TwarcString(cell) : std::string(cell); }
  std::optional<std::string> OptionalString(std::string_view cell) const {
    if (json::Trim(cell).empty()) return std::nullopt;
    return String(cell);
  }
  static std::optional<std::string> Id(std::string_view cell) {
    std::string_view id = json::Trim(cell);
    if (id.ends_with(".0")) id.remove_suffix(2);  // pandas writes ids of columns with gaps as floats
    if (id.empty() || !IsDigits(id)) return std::nullopt;
    return std::string(id);
  }

  Account ReadAuthor(const CsvRecord& row, int64_t posted_at) const {
    Account author;
    author.platform = kTwitter;
    std::string handle(json::Trim(Cell(row, c_.handle)));
    if (!handle.empty() && handle[0] == '@') handle.erase(0, 1);
    std::optional<std::string> display_name = OptionalString(Cell(row, c_.display_name));
    if (std::optional<std::string> id = Id(Cell(row, c_.author_id))) {
      author.platform_id = *id;
    } else if (!handle.empty()) {
      author.platform_id = "@" + json::AsciiLower(handle);
    } else if (display_name) {
      author.platform_id = "name:" + *display_name;
    }
    author.handle = handle;
    author.name = display_name;
    author.bio = OptionalString(Cell(row, c_.bio));
    author.location = OptionalString(Cell(row, c_.location));
    author.url = NonEmpty(json::Trim(Cell(row, c_.author_url)));
    author.followers_count = ParseCount(Cell(row, c_.followers));
    author.following_count = ParseCount(Cell(row, c_.following));
    author.post_count = ParseCount(Cell(row, c_.post_count));
    author.listed_count = ParseCount(Cell(row, c_.listed));
    author.created_at = ParseTimestamp(json::Trim(Cell(row, c_.author_created)));
    author.verified = ParseBool(Cell(row, c_.verified));
    author.has_profile = author.name || author.bio || author.location || author.url || author.followers_count ||
                         author.following_count || author.post_count || author.created_at || author.verified;
    // twarc notes when it fetched the profile; otherwise the post's time is when it was seen.
    author.observed_at = ParseTimestamp(json::Trim(Cell(row, c_.retrieved_at))).value_or(posted_at);
    return author;
  }

  // An account the row names by id and/or handle (reply target, retweeted or
  // quoted author); adds it to the batch and returns its id.
  std::optional<std::string> AccountReference(std::string_view id_cell, std::string_view handle_cell, int64_t seen_at) {
    std::optional<std::string> id = Id(id_cell);
    std::string handle(json::Trim(handle_cell));
    if (!id && handle.empty()) return std::nullopt;
    if (!id) id = "@" + json::AsciiLower(handle);
    emitter_.batch().accounts.push_back(Reference(*id, handle, seen_at));
    return id;
  }

  void ReadEntities(const CsvRecord& row, Post& post) {
    auto same = [](const auto& value) { return value; };
    if (c_.hashtags) {
      for (ListCellItem& tag : ParseListCell(Cell(row, c_.hashtags), ListCellKind::kHashtags, parser_)) {
        AddUnique(post.hashtags, json::AsciiLower(tag.value), same);
      }
    }
    std::vector<TextEntity> entities = ExtractEntities(post.text);
    for (const TextEntity& entity : entities) {
      if (entity.kind == TextEntity::Kind::kHashtag) AddUnique(post.hashtags, json::AsciiLower(entity.text), same);
    }
    auto add_mention = [&](std::string handle, std::string id) {
      if (id.empty()) id = "@" + json::AsciiLower(handle);
      AddUnique(post.mentions, Mention{.account_id = std::move(id), .handle = std::move(handle)},
                [](const Mention& mention) { return mention.account_id; });
    };
    if (c_.mentions) {
      for (ListCellItem& mention : ParseListCell(Cell(row, c_.mentions), ListCellKind::kMentions, parser_)) {
        add_mention(std::move(mention.value), std::move(mention.id));
      }
    } else {
      for (const TextEntity& entity : entities) {
        if (entity.kind == TextEntity::Kind::kMention && entity.list_slug.empty()) add_mention(entity.text, {});
      }
    }
    if (c_.urls) {
      for (ListCellItem& url : ParseListCell(Cell(row, c_.urls), ListCellKind::kUrls, parser_)) {
        AddUnique(post.urls, std::move(url.value), same);
      }
    } else {
      for (const TextEntity& entity : entities) {
        if (entity.kind == TextEntity::Kind::kUrl) AddUnique(post.urls, entity.text, same);
      }
    }
    for (const Mention& mention : post.mentions) {
      emitter_.batch().accounts.push_back(Reference(mention.account_id, mention.handle, post.created_at));
    }
  }

  const Columns& c_;
  BatchEmitter& emitter_;
  simdjson::ondemand::parser parser_;
};

}  // namespace

bool LooksLikeTweetCsv(std::string_view /*name*/, std::string_view head) {
  CsvReader reader(head);
  CsvRecord record;
  if (!reader.Next(record) || !record.error.empty()) return false;
  CsvHeader header(record.fields);
  return MissingColumn(MapColumns(header)).empty();
}

Status ReadTweetCsv(const InputSource& source, const InputBuffer& buffer, const ReadOptions& /*options*/,
                    BatchEmitter& emitter) {
  CsvReader reader(buffer.view());
  CsvRecord record;
  if (!reader.Next(record)) return emitter.Finish();
  if (!record.error.empty()) {
    emitter.Quarantine(source.name, record.line, record.offset, "the header " + record.error, record.raw);
    CROWDLENS_RETURN_IF_ERROR(emitter.Progress(buffer.size()));
    return emitter.Finish();
  }
  const size_t header_fields = record.fields.size();
  const Columns columns = MapColumns(CsvHeader(record.fields));
  if (std::string missing = MissingColumn(columns); !missing.empty()) {
    emitter.Quarantine(
        source.name, record.line, record.offset,
        "not read: the header has " + missing + "; a tweet CSV needs a tweet id, its text and its author", record.raw);
    CROWDLENS_RETURN_IF_ERROR(emitter.Progress(buffer.size()));
    return emitter.Finish();
  }
  RowReader rows(columns, emitter);
  while (reader.Next(record)) {
    const uint64_t end = static_cast<uint64_t>(record.offset) + record.raw.size();
    std::string reason = record.error;
    if (reason.empty() && record.fields.size() != header_fields) {
      reason = "the row has " + std::to_string(record.fields.size()) + " fields and the header " +
               std::to_string(header_fields) + " (a stray comma or quote?)";
    }
    if (reason.empty()) {
      RecordScope scope(emitter);
      reason = rows.Read(record);
      if (reason.empty()) scope.Commit();
    }
    if (!reason.empty()) {
      emitter.Quarantine(source.name, record.line, record.offset, reason + "; fix or remove the row", record.raw);
    }
    CROWDLENS_RETURN_IF_ERROR(emitter.Progress(end));
  }
  CROWDLENS_RETURN_IF_ERROR(emitter.Progress(buffer.size()));
  return emitter.Finish();
}

}  // namespace crowdlens
