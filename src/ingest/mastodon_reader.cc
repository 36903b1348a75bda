// Mastodon statuses, accounts and following lists; see mastodon_reader.h for
// the shapes and the identity rules.
//
// JSON is read twice: a first pass (into a discarded batch) learns which
// local status id stands for which uri, which local account id for which
// address, and which instance served the input; the second pass reads the
// records with those maps at hand, so a reply names its target by the uri
// the target is stored under, wherever in the file the target is.
#include "ingest/mastodon_reader.h"

#include <algorithm>
#include <unordered_map>

#include "core/time.h"
#include "ingest/csv.h"
#include "ingest/json_fields.h"
#include "ingest/json_records.h"
#include "text/html_text.h"

namespace crowdlens {
namespace {

using simdjson::ondemand::json_type;
using simdjson::ondemand::object;
using simdjson::ondemand::value;

constexpr const char* kMastodon = "mastodon";

std::string_view StripBom(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  return json::Trim(text);
}

// "https://mastodon.social/@Gargron" -> "mastodon.social".
std::string HostOf(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  url.remove_prefix(scheme + 3);
  url = url.substr(0, url.find_first_of("/:?#"));
  if (size_t at = url.find('@'); at != std::string_view::npos) url.remove_prefix(at + 1);
  return json::AsciiLower(url);
}

// The canonical "user@instance" of an acct ("user" for local accounts) and its profile url.
std::string Address(std::string_view acct, std::string_view profile_url) {
  acct = json::Trim(acct);
  if (!acct.empty() && acct.front() == '@') acct.remove_prefix(1);
  if (acct.empty()) return {};
  if (acct.find('@') != std::string_view::npos) return std::string(acct);
  std::string host = HostOf(profile_url);
  if (host.empty()) return {};
  return std::string(acct) + "@" + host;
}

// The string member `name` of an object; nullopt when it is absent or null.
std::optional<std::string> StringMember(value item, std::string_view name) {
  if (item.type() != json_type::object) return std::nullopt;
  for (auto field : item.get_object()) {
    std::string_view key = field.unescaped_key();
    if (key == name) return json::String(field.value());
  }
  return std::nullopt;
}

Account Reference(const std::string& address, int64_t seen_at) {
  Account account;
  account.platform = kMastodon;
  account.platform_id = json::AsciiLower(address);
  account.handle = address;
  account.observed_at = seen_at;
  return account;
}

// What the first pass learns about the input.
struct InputIndex {
  std::unordered_map<std::string, std::string> status_uri;       // local status id -> uri
  std::unordered_map<std::string, std::string> account_address;  // local account id -> address
  std::string instance;  // the instance that served the input, once a local account shows it
};

struct AccountView {
  std::string local_id;
  std::string address;
  Account account;
};

class MastodonConverter {
 public:
  MastodonConverter(const ReadOptions& options, BatchEmitter& emitter, InputIndex& index)
      : options_(options), emitter_(emitter), index_(index) {}

  void ReadTopLevel(value record) {
    if (record.type() == json_type::array) {
      for (value element : record.get_array()) ReadTopLevel(element);
      return;
    }
    if (record.type() != json_type::object) throw RecordError("expected a Mastodon status, account or search result");
    ReadObject(record.get_object(), true);
  }

 private:
  // Reads a status, an account or search results; returns the status's uri, or "".
  std::string ReadObject(object fields, bool top_level) {
    Post post;
    post.platform = kMastodon;
    std::optional<std::string> id, uri, created_at, content, spoiler, in_reply_to_id, in_reply_to_account_id;
    std::optional<AccountView> author;
    std::vector<AccountView> mentions;
    bool has_acct = false, is_listing = false;
    std::string acct, username, profile_url, profile_uri;
    Account profile;
    profile.platform = kMastodon;
    for (auto field : fields) {
      std::string_view key = field.unescaped_key();
      value item = field.value();
      if (key == "id") {
        id = json::Id(item);
      } else if (key == "uri") {
        uri = json::String(item);
        profile_uri = uri.value_or("");
      } else if (key == "url") {
        profile_url = json::String(item).value_or("");
      } else if (key == "created_at") {
        created_at = json::String(item);
      } else if (key == "account") {
        if (item.type() == json_type::object) author = ReadAccount(item.get_object());
      } else if (key == "content") {
        content = json::String(item);
      } else if (key == "spoiler_text") {
        spoiler = json::String(item);
      } else if (key == "language") {
        post.lang = json::String(item);
      } else if (key == "in_reply_to_id") {
        in_reply_to_id = json::Id(item);
      } else if (key == "in_reply_to_account_id") {
        in_reply_to_account_id = json::Id(item);
      } else if (key == "reblog") {
        if (item.type() == json_type::object) post.retweet_of_id = ReadObject(item.get_object(), false);
      } else if (key == "mentions") {
        if (item.type() == json_type::array) {
          for (value mention : item.get_array()) {
            if (mention.type() == json_type::object) mentions.push_back(ReadAccount(mention.get_object(), false));
          }
        }
      } else if (key == "tags") {
        ReadTags(item, post);
      } else if (key == "replies_count") {
        post.metrics.replies = json::Int(item);
      } else if (key == "reblogs_count") {
        post.metrics.retweets = json::Int(item);
      } else if (key == "favourites_count") {
        post.metrics.likes = json::Int(item);
      } else if (key == "application") {
        post.source = StringMember(item, "name");
      } else if (key == "acct" || key == "username") {
        (key == "acct" ? acct : username) = json::String(item).value_or("");
        has_acct = true;
      } else if (key == "accounts" || key == "statuses") {
        is_listing = true;
        if (item.type() == json_type::array) ReadTopLevel(item);
      } else if (key == "hashtags") {
        is_listing = true;
      } else {
        ReadProfileField(key, item, profile);
      }
    }

    if (author || content) {
      if (!uri || uri->empty()) throw RecordError("a status without a uri");
      if (!author) throw RecordError("status " + *uri + " has no account");
      std::optional<int64_t> posted_at = created_at ? ParseTimestamp(*created_at) : std::nullopt;
      if (!posted_at) throw RecordError("status " + *uri + " has no created_at crowdlens can read");
      if (id) index_.status_uri.emplace(*id, *uri);
      post.platform_id = *uri;
      post.created_at = *posted_at;
      post.author_id = author->account.platform_id;
      author->account.observed_at = post.created_at;
      emitter_.batch().accounts.push_back(author->account);
      HtmlText html = HtmlToText(content.value_or(""));
      post.text = spoiler && !spoiler->empty() ? *spoiler + (html.text.empty() ? "" : "\n\n" + html.text) : html.text;
      for (const HtmlLink& link : html.links) {
        bool entity_link = link.class_name.find("mention") != std::string::npos ||
                           link.class_name.find("hashtag") != std::string::npos || link.rel == "tag";
        if (entity_link || link.href.empty()) continue;
        if (std::find(post.urls.begin(), post.urls.end(), link.href) == post.urls.end()) post.urls.push_back(link.href);
      }
      for (const AccountView& mention : mentions) {
        Mention item{.account_id = mention.account.platform_id, .handle = mention.address};
        bool seen = false;
        for (const Mention& existing : post.mentions) seen |= existing.account_id == item.account_id;
        if (!seen) post.mentions.push_back(std::move(item));
        emitter_.batch().accounts.push_back(Reference(mention.address, post.created_at));
      }
      ResolveReply(in_reply_to_id, in_reply_to_account_id, *author, mentions, post);
      emitter_.batch().posts.push_back(std::move(post));
      return *uri;
    }
    if (has_acct) {
      if (created_at) profile.created_at = ParseTimestamp(*created_at);
      AccountView view = BuildAccount(id, acct.empty() ? username : acct, profile_url, profile_uri, std::move(profile));
      view.account.observed_at = options_.import_time;
      emitter_.batch().accounts.push_back(std::move(view.account));
      return {};
    }
    if (is_listing || !top_level) return {};
    throw RecordError("not a Mastodon status, account or search result (no uri/content/account, acct or statuses)");
  }

  // An account object (a status's author, a mention, a followers page entry).
  AccountView ReadAccount(object fields, bool with_profile = true) {
    std::optional<std::string> id;
    std::string acct, username, profile_url, profile_uri;
    Account profile;
    profile.platform = kMastodon;
    for (auto field : fields) {
      std::string_view key = field.unescaped_key();
      value item = field.value();
      if (key == "id") id = json::Id(item);
      else if (key == "acct") acct = json::String(item).value_or("");
      else if (key == "username") username = json::String(item).value_or("");
      else if (key == "url") profile_url = json::String(item).value_or("");
      else if (key == "uri") profile_uri = json::String(item).value_or("");
      else if (with_profile) ReadProfileField(key, item, profile);
    }
    AccountView view = BuildAccount(id, acct.empty() ? username : acct, profile_url, profile_uri, std::move(profile));
    if (!with_profile) {
      view.account.has_profile = false;
      view.account.url.reset();
    }
    return view;
  }

  static void ReadProfileField(std::string_view key, value item, Account& profile) {
    if (key == "display_name") {
      std::optional<std::string> name = json::String(item);
      if (name && !name->empty()) profile.name = name;
    } else if (key == "note") {
      std::string note = HtmlToText(json::String(item).value_or("")).text;
      if (!note.empty()) profile.bio = note;
    } else if (key == "followers_count") {
      profile.followers_count = json::Int(item);
    } else if (key == "following_count") {
      profile.following_count = json::Int(item);
    } else if (key == "statuses_count") {
      profile.post_count = json::Int(item);
    } else if (key == "created_at") {
      if (std::optional<std::string> text = json::String(item)) profile.created_at = ParseTimestamp(*text);
    } else if (key == "bot") {
      profile.bot = json::Bool(item);
    } else if (key == "fields" && item.type() == json_type::array) {
      ReadProfileFields(item, profile);
    }
  }

  // Profile fields become "name: value" lines after the note; their links give the url.
  static void ReadProfileFields(value list, Account& profile) {
    std::string lines, verified_link, first_link;
    for (value entry : list.get_array()) {
      if (entry.type() != json_type::object) continue;
      std::string name;
      HtmlText field_value;
      bool verified = false;
      for (auto part : entry.get_object()) {
        std::string_view key = part.unescaped_key();
        if (key == "name") name = json::String(part.value()).value_or("");
        else if (key == "value") field_value = HtmlToText(json::String(part.value()).value_or(""));
        else if (key == "verified_at") verified = json::String(part.value()).has_value();
      }
      if (name.empty() && field_value.text.empty()) continue;
      lines += (lines.empty() ? "" : "\n") + name + ": " + field_value.text;
      for (const HtmlLink& link : field_value.links) {
        if (link.href.empty()) continue;
        if (first_link.empty()) first_link = link.href;
        if (verified && verified_link.empty()) verified_link = link.href;
      }
    }
    if (!lines.empty()) profile.bio = profile.bio ? *profile.bio + "\n\n" + lines : lines;
    if (!verified_link.empty()) profile.url = verified_link;
    else if (!first_link.empty()) profile.url = first_link;
  }

  AccountView BuildAccount(const std::optional<std::string>& id, std::string_view acct, const std::string& profile_url,
                           const std::string& profile_uri, Account profile) {
    AccountView view;
    view.local_id = id.value_or("");
    view.address = Address(acct, profile_url.empty() ? profile_uri : profile_url);
    if (view.address.empty()) {
      throw RecordError("account " + std::string(acct) +
                        " has no address: its acct names no instance and it has no url");
    }
    bool local = acct.find('@') == std::string_view::npos;
    if (local && index_.instance.empty()) index_.instance = view.address.substr(view.address.find('@') + 1);
    if (!view.local_id.empty()) index_.account_address.emplace(view.local_id, view.address);
    if (!profile.url && !profile_url.empty()) profile.url = profile_url;
    profile.platform_id = json::AsciiLower(view.address);
    profile.handle = view.address;
    profile.has_profile = true;
    view.account = std::move(profile);
    return view;
  }

  static void ReadTags(value list, Post& post) {
    if (list.type() != json_type::array) return;
    for (value tag : list.get_array()) {
      if (tag.type() != json_type::object) continue;
      std::optional<std::string> name = StringMember(tag, "name");
      if (!name || name->empty()) continue;
      std::string lower = json::AsciiLower(*name);
      if (std::find(post.hashtags.begin(), post.hashtags.end(), lower) == post.hashtags.end()) {
        post.hashtags.push_back(std::move(lower));
      }
    }
  }

  void ResolveReply(const std::optional<std::string>& post_id, const std::optional<std::string>& account_id,
                    const AccountView& author, const std::vector<AccountView>& mentions, Post& post) {
    std::string target_address;
    if (account_id) {
      if (*account_id == author.local_id) target_address = author.address;
      for (const AccountView& mention : mentions) {
        if (mention.local_id == *account_id) target_address = mention.address;
      }
      if (target_address.empty()) {
        auto known = index_.account_address.find(*account_id);
        if (known != index_.account_address.end()) target_address = known->second;
      }
      if (!target_address.empty()) post.reply_to_account_id = json::AsciiLower(target_address);
    }
    if (!post_id) return;
    auto known = index_.status_uri.find(*post_id);
    if (known != index_.status_uri.end()) {
      post.reply_to_post_id = known->second;
      return;
    }
    // A post by an author local to the serving instance has a uri of a known shape.
    size_t at = target_address.find('@');
    if (at != std::string::npos && !index_.instance.empty() &&
        json::AsciiLower(target_address.substr(at + 1)) == index_.instance) {
      post.reply_to_post_id =
          "https://" + index_.instance + "/users/" + target_address.substr(0, at) + "/statuses/" + *post_id;
    }
  }

  const ReadOptions& options_;
  BatchEmitter& emitter_;
  InputIndex& index_;
};

Status ReadFollowingCsv(const InputSource& source, const InputBuffer& buffer, const ReadOptions& options,
                        BatchEmitter& emitter) {
  CsvReader reader(buffer.view());
  CsvRecord record;
  if (!reader.Next(record)) return emitter.Finish();
  CsvHeader header(record.fields);
  std::string owner(json::Trim(options.ids_owner));
  if (!owner.empty() && owner.front() == '@') owner.erase(0, 1);
  if (!header.Find("Account address") || owner.find('@') == std::string::npos) {
    std::string reason = !header.Find("Account address")
                             ? "not read: a Mastodon follow list needs an \"Account address\" column"
                             : "not read: a Mastodon following list (following_accounts.csv) does not say whose it is; "
                               "import it with --of user@instance";
    emitter.Quarantine(source.name, record.line, record.offset, reason, record.raw);
    CROWDLENS_RETURN_IF_ERROR(emitter.Progress(buffer.size()));
    return emitter.Finish();
  }
  const std::string owner_id = json::AsciiLower(owner);
  emitter.batch().accounts.push_back(Reference(owner, options.import_time));
  while (reader.Next(record)) {
    std::string address(json::Trim(header.Get(record, "Account address")));
    if (!address.empty() && address.front() == '@') address.erase(0, 1);
    size_t at = address.find('@');
    std::string reason = record.error;
    if (reason.empty() &&
        (at == std::string::npos || at == 0 || at + 1 == address.size() ||
         address.find_first_of(" \t/") != std::string::npos || address.find('@', at + 1) != std::string::npos)) {
      reason = "\"" + address + "\" is not an account address (user@instance)";
    }
    if (!reason.empty()) {
      emitter.Quarantine(source.name, record.line, record.offset, reason + "; fix or remove the row", record.raw);
    } else {
      emitter.batch().accounts.push_back(Reference(address, options.import_time));
      Edge edge;
      edge.platform = kMastodon;
      edge.source_id = owner_id;
      edge.target_id = json::AsciiLower(address);
      edge.relation = Relation::kFollow;
      edge.observed_at = options.import_time;
      emitter.batch().edges.push_back(std::move(edge));
    }
    CROWDLENS_RETURN_IF_ERROR(emitter.Progress(static_cast<uint64_t>(record.offset) + record.raw.size()));
  }
  CROWDLENS_RETURN_IF_ERROR(emitter.Progress(buffer.size()));
  return emitter.Finish();
}

}  // namespace

bool LooksLikeMastodon(std::string_view /*name*/, std::string_view head) {
  std::string_view body = StripBom(head);
  if (body.size() >= 15 && json::AsciiLower(body.substr(0, 15)) == "account address") return true;
  if (body.empty() || (body.front() != '{' && body.front() != '[')) return false;
  auto has = [&](std::string_view key) { return body.find(key) != std::string_view::npos; };
  return has("\"acct\"") || has("\"spoiler_text\"") || has("\"reblogs_count\"") ||
         (has("\"accounts\"") && has("\"statuses\"") && has("\"hashtags\""));
}

Status ReadMastodon(const InputSource& source, const InputBuffer& buffer, const ReadOptions& options,
                    BatchEmitter& emitter) {
  std::string_view body = StripBom(buffer.view());
  if (!body.empty() && body.front() != '{' && body.front() != '[') {
    return ReadFollowingCsv(source, buffer, options, emitter);
  }
  InputIndex index;
  {
    BatchEmitter scratch([](Batch&&) { return Status::Ok(); });
    MastodonConverter indexer(options, scratch, index);
    CROWDLENS_RETURN_IF_ERROR(ForEachJsonRecord(source, buffer, scratch, [&](value record, const JsonRecordPosition&) {
      RecordScope scope(scratch);
      indexer.ReadTopLevel(record);
    }));
  }
  MastodonConverter converter(options, emitter, index);
  CROWDLENS_RETURN_IF_ERROR(ForEachJsonRecord(source, buffer, emitter, [&](value record, const JsonRecordPosition&) {
    RecordScope scope(emitter);
    converter.ReadTopLevel(record);
    scope.Commit();
  }));
  return emitter.Finish();
}

}  // namespace crowdlens
