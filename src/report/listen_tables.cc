#include "report/listen_tables.h"

#include <algorithm>
#include <cmath>

#include "analyses/listen.h"
#include "core/time.h"

namespace crowdlens {
namespace {

double Round(double value, int decimals) {
  double scale = std::pow(10.0, decimals);
  return std::round(value * scale) / scale;
}

std::string OneLine(std::string text) {
  std::replace_if(text.begin(), text.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
  return text;
}

std::vector<Table> ReportTables(const ListenReport& report) {
  auto time_or_null = [](const std::optional<int64_t>& at) { return at ? Cell{FormatTimestamp(*at)} : Cell{}; };
  std::string brand;
  for (const std::string& handle : report.brand_handles) brand += (brand.empty() ? "@" : ", @") + handle;
  Table summary{.name = "summary", .title = "Listening",
                .columns = {"query", "parsed_as", "brand", "first_post", "last_post", "posts_scanned", "matched",
                            "retweets", "authors", "positive", "neutral", "negative", "unscored_language",
                            "mean_compound", "complaints"},
                .single_record = true};
  summary.rows.push_back({report.query, report.canonical, brand, time_or_null(report.first_at),
                          time_or_null(report.last_at), report.scanned, report.matched, report.retweets,
                          report.authors, report.positive, report.neutral, report.negative, report.unscored,
                          Round(report.mean_compound, 4), report.complaints_total});
  Table volume{.name = "volume", .title = std::string("Volume per ") + TimeBinName(report.bin),
               .columns = {TimeBinName(report.bin), "posts", "positive", "neutral", "negative", "unscored"}};
  for (const VolumeBin& bin : report.volume) {
    volume.rows.push_back({FormatBin(bin.start, report.bin), bin.posts, bin.positive, bin.neutral, bin.negative,
                           bin.unscored});
  }
  Table share{.name = "share_of_voice", .title = "Share of voice (this query and the saved queries)",
              .columns = {"query", "posts", "share"}};
  for (const ShareOfVoice& entry : report.share_of_voice) {
    share.rows.push_back({entry.name, entry.posts, Round(entry.share, 3)});
  }
  auto voices_table = [](std::string name, std::string title, const std::vector<Voice>& voices) {
    Table table{.name = std::move(name), .title = std::move(title),
                .columns = {"handle", "posts", "followers", "retweets_received"}};
    for (const Voice& voice : voices) {
      table.rows.push_back({voice.handle, voice.posts, voice.followers, voice.retweets_received});
    }
    return table;
  };
  auto counted_table = [](std::string name, std::string title, std::string column,
                          const std::vector<CountedItem>& items) {
    Table table{.name = std::move(name), .title = std::move(title), .columns = {std::move(column), "posts"}};
    for (const CountedItem& item : items) table.rows.push_back({item.item, item.posts});
    return table;
  };
  Table complaints{.name = "complaints",
                   .title = "Complaints: negative posts addressed to the brand, newest first",
                   .columns = {"time", "handle", "compound", "category", "why", "text"}};
  for (const Complaint& complaint : report.complaints) {
    complaints.rows.push_back({FormatTimestamp(complaint.created_at), complaint.handle, Round(complaint.compound, 4),
                               complaint.categories, complaint.why, OneLine(complaint.text)});
  }
  return {summary,
          volume,
          share,
          voices_table("voices_by_reach", "Top voices by reach (followers)", report.voices_by_reach),
          voices_table("voices_by_retweets", "Top voices by retweets received", report.voices_by_retweets),
          counted_table("hashtags", "Hashtags used with the query (its own left out)", "hashtag", report.hashtags),
          counted_table("terms", "Terms used with the query (its own left out)", "term", report.terms),
          counted_table("complaint_categories", "Complaints by category", "category", report.complaint_categories),
          complaints};
}

Result<std::optional<int64_t>> Bound(const std::string& text, const char* option) {
  if (text.empty()) return std::optional<int64_t>();
  std::optional<int64_t> parsed = ParseDateBound(text);
  if (!parsed) {
    return InvalidArgument(std::string(option) + " \"" + text + "\" is not a date; write 2021-03-01 or 2021-03-01T12:00:00Z");
  }
  return parsed;
}

}  // namespace

Table SavedQueriesTable(const Config& config) {
  Table table{.name = "queries", .title = "Saved queries (crowdlens.toml [queries])", .columns = {"name", "query"}};
  for (const SavedQuery& saved : config.queries) table.rows.push_back({saved.name, saved.query});
  return table;
}

Result<std::vector<Table>> ListenTables(Workspace& workspace, const ListenRequest& arguments) {
  Result<Config> config = workspace.LoadConfig();
  if (!config.ok()) return config.status();
  NamedQuery query;
  if (!arguments.saved.empty()) {
    auto found = std::find_if(config->queries.begin(), config->queries.end(),
                              [&](const SavedQuery& saved) { return saved.name == arguments.saved; });
    if (found == config->queries.end()) {
      return NotFound("no saved query named \"" + arguments.saved + "\" in " + workspace.config_path() +
                      "; save one with: crowdlens listen --save " + arguments.saved + " \"QUERY\"");
    }
    query = {.name = found->name, .text = found->query};
  } else if (!arguments.query.empty()) {
    query = {.name = "(this query)", .text = arguments.query};
  } else {
    // Nothing to run: show what is saved.
    return std::vector<Table>{SavedQueriesTable(*config)};
  }

  ListenOptions options{.include_retweets = !arguments.no_retweets, .top = arguments.top,
                        .complaints = arguments.complaints, .brand_handles = arguments.brand};
  Result<std::optional<int64_t>> from = Bound(arguments.from, "--from");
  Result<std::optional<int64_t>> to = Bound(arguments.to, "--to");
  if (!from.ok()) return from.status();
  if (!to.ok()) return to.status();
  options.from = *from;
  options.to = *to;
  if (!arguments.bin.empty()) options.bin = ParseTimeBin(arguments.bin);
  for (const OwnerRef& owner : config->owners) options.owner_handles.push_back(owner.handle);
  std::vector<NamedQuery> compared;
  for (const SavedQuery& saved : config->queries) compared.push_back({.name = saved.name, .text = saved.query});

  Result<ListenReport> report = Listen(workspace.db(), query, compared, options);
  if (!report.ok()) return report.status();
  return ReportTables(*report);
}

}  // namespace crowdlens
