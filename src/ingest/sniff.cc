#include "ingest/sniff.h"

#include "ingest/contacts_csv_reader.h"
#include "ingest/mastodon_reader.h"
#include "ingest/tweet_csv_reader.h"
#include "ingest/bluesky_reader.h"
#include "ingest/vcard_reader.h"
#include "ingest/x_archive_reader.h"

#include <array>
#include <filesystem>

namespace crowdlens {
namespace {

bool Contains(std::string_view text, std::string_view needle) { return text.find(needle) != std::string_view::npos; }

std::string_view StripPreamble(std::string_view head) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  size_t first = head.find_first_not_of(" \t\r\n");
  return first == std::string_view::npos ? std::string_view{} : head.substr(first);
}

// Whether the non-comment lines of `head` look like "id id [weight ...]" with
// numeric ids. Nine in ten must: a few bad lines are the quarantine's job.
bool LooksLikeEdgeList(std::string_view head) {
  size_t data_lines = 0, edge_lines = 0;
  size_t pos = 0;
  while (pos < head.size()) {
    size_t end = head.find('\n', pos);
    if (end == std::string_view::npos) break;  // the last line may be cut by the head's limit
    std::string_view line = head.substr(pos, end - pos);
    pos = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    size_t first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos) continue;
    if (line[first] == '#' || line[first] == '%') continue;
    ++data_lines;
    int fields = 0;
    bool in_field = false, numeric = true;
    for (char c : line.substr(first)) {
      bool space = c == ' ' || c == '\t' || c == ',';
      if (!space && !((c >= '0' && c <= '9') || c == '.' || c == '-' || c == 'e' || c == 'E' || c == '+')) numeric = false;
      if (!space && !in_field) ++fields;
      in_field = !space;
    }
    edge_lines += numeric && fields >= 2;
  }
  return edge_lines > 0 && edge_lines * 10 >= data_lines * 9;
}

}  // namespace

SniffResult Sniff(std::string_view name, std::string_view head) {
  std::string base = std::filesystem::path(std::string(name)).filename().string();
  // Private parts of an X archive (direct messages, IP logs...) are never read, whatever they hold.
  if (IsPrivateXArchiveFile(name)) {
    return {.format = Format::kUnknown, .reason = "a private part of the X archive; never imported"};
  }
  std::string_view body = StripPreamble(head);
  if (body.empty()) return {.format = Format::kUnknown, .reason = "the file is empty"};
  // The standard header is "%%MatrixMarket"; some repositories write one '%'.
  if (body.starts_with("%%MatrixMarket") || body.starts_with("%MatrixMarket")) {
    return {.format = Format::kMatrixMarket, .reason = "a Matrix Market header"};
  }
  if (base == "who-follows-whom.dat" && LooksLikeEdgeList(body)) {
    return {.format = Format::kEdgeList, .platform_hint = "twitter", .reason = "a PHEME follow list of Twitter user ids"};
  }
  if (base == "annotation.json" || base == "structure.json") {
    return {.format = Format::kUnknown, .reason = "PHEME thread metadata, not social records"};
  }
  if (LooksLikeVcard(name, head)) return {.format = Format::kVcard, .reason = "BEGIN:VCARD"};
  // Address books before any other CSV: their headers are told apart by name.
  if (LooksLikeContactsCsv(name, head)) {
    return {.format = Format::kContactsCsv, .reason = "an address-book CSV header (LinkedIn, Google or Outlook)"};
  }
  if (LooksLikeXArchiveFile(name, head)) {
    return {.format = Format::kXArchive, .reason = "an X account archive data file"};
  }
  char first = body[0];
  // Mastodon before the Twitter shapes: its accounts say "username", its search results "statuses".
  if (LooksLikeMastodon(name, head)) {
    return {.format = Format::kMastodon, .reason = "Mastodon statuses or accounts (acct, spoiler_text)"};
  }
  if (LooksLikeTweetCsv(name, head)) {
    return {.format = Format::kTweetCsv, .reason = "a tweet CSV header (id, text and author columns)"};
  }
  if ((first == '{' || first == '[') && LooksLikeBluesky(name, head)) {
    return {.format = Format::kBluesky, .reason = "AT Protocol records (did:, at://)"};
  }
  if (first == '{' || first == '[' || body.starts_with("window.YTD.")) {
    if (Contains(body, "\"http_interactions\"") || Contains(body, "\"interactions\"")) {
      return {.format = Format::kCassette, .reason = "recorded API exchanges"};
    }
    if (Contains(body, "\"inList\"") || Contains(body, "\"outList\"")) {
      return {.format = Format::kCongressNetwork, .reason = "the SNAP Congress network's parallel arrays"};
    }
    // v2 envelopes and flattened v2 tweets name their author by author_id or "username".
    if (Contains(body, "\"author_id\"") || Contains(body, "\"username\"") ||
        (Contains(body, "\"data\"") && Contains(body, "\"includes\""))) {
      return {.format = Format::kTwitterV2, .reason = "Twitter API v2 fields (data/includes/author_id/username)"};
    }
    if (Contains(body, "\"id_str\"") || Contains(body, "\"screen_name\"") || Contains(body, "\"ids\"") ||
        Contains(body, "\"statuses\"")) {
      return {.format = Format::kTwitterV1, .reason = "Twitter API v1.1 fields (id_str/screen_name/ids)"};
    }
    return {.format = Format::kUnknown, .reason = "JSON, but none of the shapes crowdlens reads; name one with --as"};
  }
  if (LooksLikeEdgeList(body)) return {.format = Format::kEdgeList, .reason = "lines of numeric node ids"};
  return {.format = Format::kUnknown, .reason = "not a format crowdlens recognises; name one with --as"};
}

}  // namespace crowdlens
