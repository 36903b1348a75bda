#include "report/html_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <ctime>
#include <functional>
#include <map>

#include "core/time.h"
#include "report/audience_tables.h"
#include "report/engage_tables.h"
#include "report/influence_tables.h"
#include "report/listen_tables.h"
#include "report/mix_tables.h"
#include "report/reach_tables.h"
#include "report/status_tables.h"
#include "report/suggest_tables.h"
#include "report/svg_chart.h"
#include "report/trends_tables.h"
#include "report/triage_tables.h"
#include "store/config.h"

namespace crowdlens {
namespace {

constexpr const char* kStyle = R"css(
:root { --ink: #1d2733; --muted: #5b6876; --rule: #d8dee5; --accent: #0072B2; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Ubuntu, sans-serif; color: var(--ink);
       max-width: 1040px; margin: 0 auto; padding: 24px; }
header { border-bottom: 3px solid var(--accent); margin-bottom: 8px; }
h1 { font-size: 26px; margin: 0 0 4px; } h2 { font-size: 20px; margin: 32px 0 8px; border-bottom: 1px solid var(--rule); }
h3 { font-size: 15px; margin: 18px 0 6px; color: var(--muted); }
.meta, .note { color: var(--muted); font-size: 13px; }
.figures { display: flex; flex-wrap: wrap; gap: 10px; margin: 10px 0; }
.figure { border: 1px solid var(--rule); border-radius: 6px; padding: 8px 12px; min-width: 130px; }
.figure b { display: block; font-size: 22px; font-variant-numeric: tabular-nums; }
.figure span { color: var(--muted); font-size: 12px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; margin: 6px 0 12px; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--rule); vertical-align: top; }
th { background: #f3f5f8; font-weight: 600; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
.wide { overflow-x: auto; } table.record { width: auto; min-width: 50%; } table.record th { width: 40%; }
.chart { max-width: 100%; height: auto; display: block; margin: 6px 0 10px; }
.chart text { font: 11px system-ui, sans-serif; fill: var(--ink); } .chart .value { fill: var(--muted); }
.chart .axis { stroke: var(--rule); } .chart .reference { stroke: #D55E00; stroke-dasharray: 4 3; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 0 24px; }
.unavailable { border-left: 3px solid #E69F00; padding: 4px 10px; color: var(--muted); }
nav a { margin-right: 12px; color: var(--accent); text-decoration: none; font-size: 13px; }
@media print { body { padding: 0; max-width: none; } nav { display: none; } section { break-inside: avoid-page; }
               h2 { break-after: avoid; } }
)css";

const Table* Find(const std::vector<Table>& tables, const std::string& name) {
  for (const Table& table : tables) {
    if (table.name == name) return &table;
  }
  return nullptr;
}

int Column(const Table& table, const std::string& name) {
  auto found = std::find(table.columns.begin(), table.columns.end(), name);
  return found == table.columns.end() ? -1 : static_cast<int>(found - table.columns.begin());
}

double Number(const Cell& cell) {
  if (const int64_t* whole = std::get_if<int64_t>(&cell)) return static_cast<double>(*whole);
  if (const double* real = std::get_if<double>(&cell)) return *real;
  if (const bool* flag = std::get_if<bool>(&cell)) return *flag ? 1 : 0;
  return 0;
}

double NumberAt(const Table& table, size_t row, const std::string& column) {
  const int index = Column(table, column);
  return index < 0 || row >= table.rows.size() ? 0 : Number(table.rows[row][static_cast<size_t>(index)]);
}

std::string TextAt(const Table& table, size_t row, const std::string& column) {
  const int index = Column(table, column);
  return index < 0 || row >= table.rows.size() ? std::string() : CellText(table.rows[row][static_cast<size_t>(index)]);
}

bool IsNumber(const Cell& cell) { return std::holds_alternative<int64_t>(cell) || std::holds_alternative<double>(cell); }

// A table as HTML, at most `max_rows` rows, with a note of how many were left out.
std::string HtmlTable(const Table& table, size_t max_rows = 15, const std::vector<std::string>& columns = {}) {
  if (table.single_record && columns.empty()) {
    // One record reads better as field and value, one per line.
    std::string html = "<table class=\"record\"><tbody>";
    for (size_t column = 0; column < table.columns.size() && !table.rows.empty(); ++column) {
      const Cell& cell = table.rows.front()[column];
      html += "<tr><th>" + EscapeHtml(table.columns[column]) + "</th>" +
              (IsNumber(cell) ? "<td class=\"n\">" : "<td>") + EscapeHtml(CellText(cell)) + "</td></tr>";
    }
    return html + "</tbody></table>";
  }
  std::vector<int> shown;
  for (const std::string& name : columns.empty() ? table.columns : columns) {
    if (int index = Column(table, name); index >= 0) shown.push_back(index);
  }
  std::string html = "<div class=\"wide\"><table><thead><tr>";
  for (int index : shown) html += "<th>" + EscapeHtml(table.columns[static_cast<size_t>(index)]) + "</th>";
  html += "</tr></thead><tbody>";
  const size_t rows = std::min(max_rows, table.rows.size());
  for (size_t row = 0; row < rows; ++row) {
    html += "<tr>";
    for (int index : shown) {
      const Cell& cell = table.rows[row][static_cast<size_t>(index)];
      html += std::string(IsNumber(cell) ? "<td class=\"n\">" : "<td>") + EscapeHtml(CellText(cell)) + "</td>";
    }
    html += "</tr>";
  }
  html += "</tbody></table></div>";
  if (table.rows.size() > rows) {
    html += fmt::format("<p class=\"note\">{} more rows: <code>-o csv</code> on the command gives them all.</p>",
                        table.rows.size() - rows);
  }
  return html;
}

std::string Figure(const std::string& label, const std::string& value) {
  return "<div class=\"figure\"><b>" + EscapeHtml(value) + "</b><span>" + EscapeHtml(label) + "</span></div>";
}

std::string Unavailable(const Status& status) {
  return "<p class=\"unavailable\">Not available: " + EscapeHtml(status.message()) + "</p>";
}

std::string Percent(double share) { return fmt::format("{:.1f}%", share * 100); }

std::string WorkspaceSection(Workspace& workspace) {
  Result<std::vector<Table>> tables = StatusTables(workspace, {.runs = 3});
  if (!tables.ok()) return Unavailable(tables.status());
  std::string html = "<div class=\"figures\">";
  if (const Table* counts = Find(*tables, "tables")) {
    for (size_t row = 0; row < counts->rows.size(); ++row) {
      const std::string name = TextAt(*counts, row, "table");
      if (name == "accounts" || name == "posts" || name == "follows" || name == "contacts") {
        html += Figure(name, fmt::format("{:L}", static_cast<int64_t>(NumberAt(*counts, row, "rows"))));
      }
    }
  }
  html += "</div>";
  if (const Table* workspace_table = Find(*tables, "workspace")) {
    html += fmt::format("<p class=\"meta\">Posts from {} to {}.</p>", EscapeHtml(TextAt(*workspace_table, 0, "first_post")),
                        EscapeHtml(TextAt(*workspace_table, 0, "last_post")));
  }
  return html;
}

std::string AudienceSection(Workspace& workspace, const HtmlReportOptions& options) {
  Result<std::vector<Table>> tables = AudienceTables(workspace, {.handle = options.handle, .top = 10, .unfollows = 15});
  if (!tables.ok()) return Unavailable(tables.status());
  std::string html;
  if (const Table* summary = Find(*tables, "audience"); summary && !summary->rows.empty()) {
    html += "<div class=\"figures\">";
    html += Figure("followers", fmt::format("{}", NumberAt(*summary, 0, "followers")));
    html += Figure("follows", fmt::format("{}", NumberAt(*summary, 0, "follows")));
    html += Figure("mutual", fmt::format("{}", NumberAt(*summary, 0, "mutual")));
    html += Figure("target followers", fmt::format("{}", NumberAt(*summary, 0, "target_followers")));
    html += Figure("target share", Percent(NumberAt(*summary, 0, "target_share")));
    html += "</div><p class=\"meta\">Target audience: <code>" + EscapeHtml(TextAt(*summary, 0, "target_rule")) +
            "</code></p>";
  }
  if (const Table* segments = Find(*tables, "segments")) {
    html += "<div class=\"grid\">";
    for (const char* kind : {"country", "topic", "role"}) {
      std::vector<Bar> bars;
      for (size_t row = 0; row < segments->rows.size(); ++row) {
        if (TextAt(*segments, row, "kind") == kind) {
          bars.push_back({TextAt(*segments, row, "segment"), NumberAt(*segments, row, "followers")});
        }
      }
      html += fmt::format("<div><h3>Followers by {}</h3>{}</div>", kind,
                          HorizontalBars({.title = std::string("Followers by ") + kind, .width = 320}, bars));
    }
    html += "</div>";
  }
  if (const Table* growth = Find(*tables, "growth"); growth && !growth->rows.empty()) {
    std::vector<std::string> periods;
    StackedSeries gained{.name = "new followers"}, lost{.name = "unfollowers"};
    for (size_t row = 0; row < growth->rows.size(); ++row) {
      periods.push_back(TextAt(*growth, row, "period"));
      gained.values.push_back(NumberAt(*growth, row, "new_followers"));
      lost.values.push_back(NumberAt(*growth, row, "unfollowers"));
    }
    html += "<h3>Growth and unfollows</h3>" +
            StackedColumns({.title = "New followers and unfollowers per period", .width = 960}, periods, {gained, lost});
  }
  if (const Table* unfollows = Find(*tables, "unfollows"); unfollows && !unfollows->rows.empty()) {
    html += "<h3>Who unfollowed (newest first)</h3>" + HtmlTable(*unfollows, 10);
  }
  return html;
}

std::string ReachSection(Workspace& workspace, const HtmlReportOptions& options) {
  Result<std::vector<Table>> when = ReachTables(workspace, {.handle = options.handle, .when = true});
  if (!when.ok()) return Unavailable(when.status());
  std::string html;
  if (const Table* summary = Find(*when, "reach"); summary && !summary->rows.empty()) {
    html += HtmlTable(*summary, 1);
  }
  if (const Table* week = Find(*when, "week_hours"); week && week->rows.size() == 7) {
    std::vector<double> values;
    for (size_t day = 0; day < 7; ++day) {
      for (size_t hour = 1; hour < week->columns.size(); ++hour) values.push_back(Number(week->rows[day][hour]));
    }
    html += "<h3>" + EscapeHtml(week->title) + "</h3>" +
            WeekHeatMap({.title = week->title, .width = 960, .decimals = 1}, values);
  }
  if (const Table* best = Find(*when, "best_slots"); best && !best->rows.empty()) {
    html += "<h3>Best posting slots</h3>" + HtmlTable(*best, 12);
  }
  return html;
}

std::string InfluenceSection(Workspace& workspace) {
  Result<std::vector<Table>> top = InfluenceTables(workspace, {.top = 10});
  if (!top.ok()) return Unavailable(top.status());
  std::string html;
  if (const Table* ranking = Find(*top, "influence")) {
    std::vector<Bar> bars;
    for (size_t row = 0; row < ranking->rows.size(); ++row) {
      bars.push_back({TextAt(*ranking, row, "account"), NumberAt(*ranking, row, "score")});
    }
    html += "<div class=\"grid\"><div><h3>" + EscapeHtml(ranking->title) + "</h3>" +
            HorizontalBars({.title = "crowdlens score (0-100)", .width = 480, .decimals = 1}, bars) + "</div>";
    html += "<div><h3>What they drew</h3>" +
            HtmlTable(*ranking, 10, {"account", "followers", "retweets_received", "mentions_substantive",
                                     "replies_received"}) +
            "</div></div>";
  }
  if (const Table* breakdown = Find(*top, "score_breakdown")) {
    html += "<h3>Score breakdown (points per component; weights in docs/influence.md)</h3>" + HtmlTable(*breakdown, 10);
  }
  Result<std::vector<Table>> agreement = InfluenceTables(workspace, {.agreement = true});
  if (agreement.ok()) {
    if (const Table* pairs = Find(*agreement, "agreement")) {
      html += "<h3>" + EscapeHtml(pairs->title) + "</h3>" + HtmlTable(*pairs, 10);
    }
  }
  return html;
}

std::string MixSection(Workspace& workspace, const HtmlReportOptions& options) {
  Result<std::vector<Table>> tables = MixTables(workspace, {.handle = options.handle, .posts = 5});
  if (!tables.ok()) return Unavailable(tables.status());
  std::string html;
  if (const Table* summary = Find(*tables, "mix_summary"); summary && !summary->rows.empty()) {
    html += HtmlTable(*summary, 1);
  }
  if (const Table* monthly = Find(*tables, "monthly"); monthly && !monthly->rows.empty()) {
    std::vector<std::string> months;
    std::vector<StackedSeries> shares = {{.name = "interaction"}, {.name = "content"}, {.name = "promotion"}};
    for (size_t row = 0; row < monthly->rows.size(); ++row) {
      months.push_back(TextAt(*monthly, row, "month"));
      for (StackedSeries& share : shares) {
        share.values.push_back(100 * NumberAt(*monthly, row, share.name + "_share"));
      }
    }
    html += "<h3>Share of posts per month (the dashed line is one third)</h3>" +
            StackedColumns({.title = "Content mix per month", .unit = "%", .width = 960}, months, shares, 100.0 / 3);
  }
  if (const Table* travel = Find(*tables, "travel")) html += "<h3>What travelled</h3>" + HtmlTable(*travel, 10);
  return html;
}

std::string ListenSection(Workspace& workspace) {
  std::string html;
  Result<Config> config = workspace.LoadConfig();
  if (config.ok() && !config->queries.empty()) {
    const SavedQuery& query = config->queries.front();
    Result<std::vector<Table>> listened = ListenTables(workspace, {.saved = query.name, .top = 8});
    if (!listened.ok()) {
      html += Unavailable(listened.status());
    } else {
      html += "<h3>Listening: " + EscapeHtml(query.name) + " <code>" + EscapeHtml(query.query) + "</code></h3>";
      if (const Table* volume = Find(*listened, "volume"); volume && !volume->rows.empty()) {
        std::vector<std::string> bins;
        std::vector<StackedSeries> parts = {{.name = "positive"}, {.name = "neutral"}, {.name = "negative"}};
        for (size_t row = 0; row < volume->rows.size(); ++row) {
          bins.push_back(CellText(volume->rows[row][0]));
          for (StackedSeries& part : parts) part.values.push_back(NumberAt(*volume, row, part.name));
        }
        html += StackedColumns({.title = "Volume by sentiment", .width = 960}, bins, parts);
      }
      if (const Table* share = Find(*listened, "share_of_voice")) html += HtmlTable(*share, 10);
    }
  } else {
    html += "<p class=\"note\">No saved queries: save one with <code>crowdlens listen --save NAME \"QUERY\"</code> "
            "to see its volume, share of voice and sentiment here.</p>";
  }
  Result<std::vector<Table>> trends = TrendsTables(workspace, {.top = 10});
  if (!trends.ok()) return html + Unavailable(trends.status());
  if (const Table* bursts = Find(*trends, "bursts"); bursts && !bursts->rows.empty()) {
    std::vector<Bar> bars;
    for (size_t row = 0; row < bursts->rows.size(); ++row) {
      bars.push_back({TextAt(*bursts, row, "item") + " (" + TextAt(*bursts, row, "start") + ")",
                      NumberAt(*bursts, row, "strength")});
    }
    html += "<h3>" + EscapeHtml(bursts->title) + "</h3>" +
            HorizontalBars({.title = "Burst strength", .width = 960, .decimals = 1}, bars) +
            HtmlTable(*bursts, 10, {"item", "start", "end", "strength", "posts", "baseline_z"});
  }
  return html;
}

// Whom to follow, whom to follow back or drop, and the posts to answer now: each row with its reasons.
std::string DiscoverSection(Workspace& workspace, const HtmlReportOptions& options) {
  std::string html;
  auto lists = [&html](Result<std::vector<Table>> tables, std::initializer_list<const char*> names,
                       const std::vector<std::string>& columns) {
    if (!tables.ok()) {
      html += Unavailable(tables.status());
      return;
    }
    for (const char* name : names) {
      const Table* table = Find(*tables, name);
      if (table == nullptr) continue;
      html += "<h3>" + EscapeHtml(table->title) + "</h3>" +
              (table->rows.empty() ? std::string("<p class=\"note\">None.</p>") : HtmlTable(*table, 10, columns));
    }
  };
  lists(SuggestTables(workspace, {.handle = options.handle, .top = 10}), {"interested_in"},
        {"rank", "handle", "name", "followers", "score", "why"});
  lists(TriageTables(workspace, {.handle = options.handle, .top = 10}), {"follow_back", "unfollow"},
        {"rank", "handle", "name", "recommendation", "reasons", "score", "why"});
  lists(EngageTables(workspace, {.owner = options.handle, .top = 10}), {"engage"},
        {"rank", "handle", "posted_at", "text", "score", "why"});
  return html;
}

}  // namespace

Result<std::string> HtmlReport(Workspace& workspace, const HtmlReportOptions& options) {
  Result<Config> config = workspace.LoadConfig();
  if (!config.ok()) return config.status();
  std::string owner = options.handle;
  if (owner.empty() && !config->owners.empty()) owner = config->owners.front().handle;
  const int64_t generated = options.generated_at != 0 ? options.generated_at : static_cast<int64_t>(std::time(nullptr));

  struct Section {
    const char* id;
    const char* title;
    std::function<std::string()> body;
  };
  const std::vector<Section> sections = {
      {"workspace", "The workspace", [&] { return WorkspaceSection(workspace); }},
      {"audience", "Audience", [&] { return AudienceSection(workspace, options); }},
      {"reach", "Reach and the best hours", [&] { return ReachSection(workspace, options); }},
      {"influence", "Influence", [&] { return InfluenceSection(workspace); }},
      {"mix", "Content mix", [&] { return MixSection(workspace, options); }},
      {"listen", "Listening and trends", [&] { return ListenSection(workspace); }},
      {"discover", "Suggestions, triage and posts to answer", [&] { return DiscoverSection(workspace, options); }},
  };
  std::string html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                     "<title>crowdlens report" + (owner.empty() ? std::string() : " for @" + EscapeHtml(owner)) +
                     "</title><style>" + kStyle + "</style></head><body><header><h1>crowdlens report" +
                     (owner.empty() ? std::string() : ": @" + EscapeHtml(owner)) +
                     "</h1><p class=\"meta\">Made " + FormatTimestamp(generated) +
                     " from the workspace's own data; every figure is what the matching command prints.</p></header><nav>";
  for (const Section& section : sections) html += fmt::format("<a href=\"#{}\">{}</a>", section.id, section.title);
  html += "</nav>";
  for (const Section& section : sections) {
    html += fmt::format("<section id=\"{}\"><h2>{}</h2>", section.id, section.title) + section.body() + "</section>";
  }
  return html + "</body></html>\n";
}

}  // namespace crowdlens
