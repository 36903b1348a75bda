// The /api/v1/ endpoints: one per analysis, each answering with what the
// command prints under `-o json` (table_response.h), its options read from
// query parameters named like the command's long options. One small
// function per route: read the parameters into the analysis's request,
// name the tables, let Snapshots keep them.
#include <nlohmann/json.hpp>

#include <chrono>
#include <map>

#include "report/audience_tables.h"
#include "report/engage_tables.h"
#include "report/event_tables.h"
#include "report/influence_tables.h"
#include "report/listen_tables.h"
#include "report/match_tables.h"
#include "report/mix_tables.h"
#include "report/network_tables.h"
#include "report/prospects_tables.h"
#include "report/reach_tables.h"
#include "report/segments_tables.h"
#include "report/status_tables.h"
#include "report/suggest_tables.h"
#include "report/triage_tables.h"
#include "report/trends_tables.h"
#include "server/api_server.h"
#include "server/table_response.h"

namespace crowdlens::server {
namespace {

// How a route turns its parameters into the tables to compute.
using MakeTables = std::function<Result<TablesOf>(const QueryParams&)>;

// The key a result is kept under: the path and its analysis parameters in order (paging left out).
std::string ResultKey(const httplib::Request& request) {
  std::string key = request.path;
  for (const auto& [name, value] : request.params) {
    if (name == "limit" || name == "offset" || name == "table" || name == "q" || name == "token") continue;
    key += "\n" + name + "=" + value;
  }
  return key;
}

#define CROWDLENS_ASSIGN_OR_RETURN_STATUS(target, expression) \
  do {                                                        \
    auto result_ = (expression);                              \
    if (!result_.ok()) return result_.status();               \
    target = std::move(*result_);                             \
  } while (false)

Result<TablesOf> StatusRoute(const QueryParams& params) {
  StatusRequest request;
  CROWDLENS_ASSIGN_OR_RETURN_STATUS(request.runs, params.Count("runs", request.runs));
  return TablesOf([request](Workspace& workspace) { return StatusTables(workspace, request); });
}

Result<TablesOf> AudienceRoute(const QueryParams& params) {
  AudienceRequest request;
  request.handle = params.Text("handle");
  request.segment = params.Text("segment");
  request.period = params.Text("period", request.period);
  CROWDLENS_ASSIGN_OR_RETURN_STATUS(request.top, params.Count("top", request.top));
  CROWDLENS_ASSIGN_OR_RETURN_STATUS(request.unfollows, params.Count("unfollows", request.unfollows));
  return TablesOf([request](Workspace& workspace) { return AudienceTables(workspace, request); });
}

Result<InfluenceRequest> ReadInfluenceRequest(const QueryParams& params) {
  InfluenceRequest request;
  request.handles = params.List("handle");
  if (params.Has("top")) CROWDLENS_ASSIGN_OR_RETURN_STATUS(request.top, params.Count("top", 0));
  CROWDLENS_ASSIGN_OR_RETURN_STATUS(request.topics, params.Flag("topics"));
  request.topic_tags = params.List("topic");
  CROWDLENS_ASSIGN_OR_RETURN_STATUS(request.topic_count, params.Count("topic-count", request.topic_count));
  request.weekly = params.Text("weekly");
  CROWDLENS_ASSIGN_OR_RETURN_STATUS(request.agreement, params.Flag("agreement"));
  request.period.since = params.Text("since");
  request.period.until = params.Text("until");
  CROWDLENS_ASSIGN_OR_RETURN_STATUS(request.days, params.Integer("days", 0));
  if (request.days < 0) return InvalidArgument("parameter days: must be 1 or more");
  return request;
}

Result<TablesOf> ReachRoute(const QueryParams& params) {
  ReachRequest request;
  request.handle = params.Text("handle");
  CROWDLENS_ASSIGN_OR_RETURN_STATUS(request.top, params.Count("top", request.top));
  request.since = params.Text("since");
  request.until = params.Text("until");
  CROWDLENS_ASSIGN_OR_RETURN_STATUS(request.days, params.Integer("days", 0));
  if (request.days < 0) return InvalidArgument("parameter days: must be 1 or more");
  CROWDLENS_ASSIGN_OR_RETURN_STATUS(request.when, params.Flag("when"));
  return TablesOf([request](Workspace& workspace) { return ReachTables(workspace, request); });
}

Result<TablesOf> MixRoute(const QueryParams& params) {
  MixRequest request;
  request.handle = params.Text("handle");
  request.has_draft = params.Has("draft");
  request.draft = params.Text("draft");
  CROWDLENS_ASSIGN_OR_RETURN_STATUS(request.posts, params.Count("posts", request.posts));
  request.since = params.Text("since");
  request.until = params.Text("until");
  return TablesOf([request](Workspace& workspace) { return MixTables(workspace, request); });
}

Result<TablesOf> ListenRoute(const QueryParams& params) {
  ListenRequest request;
  request.query = params.Text("query");
  request.saved = params.Text("saved");
  request.from = params.Text("from");
  request.to = params.Text("to");
  request.bin = params.Text("bin");
  if (!request.bin.empty() && request.bin != "hour" && request.bin != "day" && request.bin != "week") {
    return InvalidArgument("parameter bin: must be hour, day or week");
  }
  CROWDLENS_ASSIGN_OR_RETURN_STATUS(request.no_retweets, params.Flag("no-retweets"));
  CROWDLENS_ASSIGN_OR_RETURN_STATUS(request.top, params.Count("top", request.top));
  CROWDLENS_ASSIGN_OR_RETURN_STATUS(request.complaints, params.Count("complaints", request.complaints));
  request.brand = params.List("brand");
  return TablesOf([request](Workspace& workspace) { return ListenTables(workspace, request); });
}

Result<TablesOf> TrendsRoute(const QueryParams& params) {
  TrendsRequest request;
  request.from = params.Text("from");
  request.to = params.Text("to");
  request.bin = params.Text("bin");
  if (!request.bin.empty() && request.bin != "hour" && request.bin != "day" && request.bin != "week") {
    return InvalidArgument("parameter bin: must be hour, day or week");
  }
  request.tag = params.Text("tag");
  request.per = params.Text("per", request.per);
  if (request.per != "year" && request.per != "month") return InvalidArgument("parameter per: must be year or month");
  CROWDLENS_ASSIGN_OR_RETURN_STATUS(request.s, params.Number("s", request.s));
  CROWDLENS_ASSIGN_OR_RETURN_STATUS(request.gamma, params.Number("gamma", request.gamma));
  if (request.s <= 1.0) return InvalidArgument("parameter s: must be more than 1");
  if (request.gamma <= 0.0) return InvalidArgument("parameter gamma: must be more than 0");
  CROWDLENS_ASSIGN_OR_RETURN_STATUS(request.min_count, params.Integer("min-count", request.min_count));
  CROWDLENS_ASSIGN_OR_RETURN_STATUS(request.top, params.Count("top", request.top));
  CROWDLENS_ASSIGN_OR_RETURN_STATUS(request.no_retweets, params.Flag("no-retweets"));
  return TablesOf([request](Workspace& workspace) { return TrendsTables(workspace, request); });
}

Result<TablesOf> ProspectsRoute(const QueryParams& params) {
  ProspectsRequest request;
  request.topic = params.Text("topic");
  request.hashtag = params.Text("hashtag");
  request.query = params.Text("query");
  request.half_life = params.Text("half-life", request.half_life);
  request.since = params.Text("since");
  request.now = params.Text("now");
  CROWDLENS_ASSIGN_OR_RETURN_STATUS(request.include_competitors, params.Flag("include-competitors"));
  request.owner = params.Text("owner");
  CROWDLENS_ASSIGN_OR_RETURN_STATUS(request.top, params.Count("top", request.top));
  return TablesOf([request](Workspace& workspace) { return ProspectsTables(workspace, request); });
}

Result<TablesOf> EngageRoute(const QueryParams& params) {
  EngageRequest request;
  CROWDLENS_ASSIGN_OR_RETURN_STATUS(request.hours, params.Integer("hours", request.hours));
  if (request.hours < 1) return InvalidArgument("parameter hours: must be 1 or more");
  request.topic = params.Text("topic");
  request.hashtag = params.Text("hashtag");
  request.query = params.Text("query");
  request.now = params.Text("now");
  CROWDLENS_ASSIGN_OR_RETURN_STATUS(request.prospects, params.Count("prospects", request.prospects));
  request.half_life = params.Text("half-life", request.half_life);
  CROWDLENS_ASSIGN_OR_RETURN_STATUS(request.include_competitors, params.Flag("include-competitors"));
  CROWDLENS_ASSIGN_OR_RETURN_STATUS(request.per_author, params.Count("per-author", request.per_author));
  if (request.per_author == 0) return InvalidArgument("parameter per-author: must be 1 or more");
  request.owner = params.Text("owner");
  CROWDLENS_ASSIGN_OR_RETURN_STATUS(request.top, params.Count("top", request.top));
  return TablesOf([request](Workspace& workspace) { return EngageTables(workspace, request); });
}

Result<TablesOf> SuggestRoute(const QueryParams& params) {
  SuggestRequest request;
  request.handle = params.Text("handle");
  CROWDLENS_ASSIGN_OR_RETURN_STATUS(request.top, params.Count("top", request.top));
  CROWDLENS_ASSIGN_OR_RETURN_STATUS(request.circle, params.Count("circle", request.circle));
  if (request.circle == 0) return InvalidArgument("parameter circle: must be 1 or more");
  size_t walks = 0;
  CROWDLENS_ASSIGN_OR_RETURN_STATUS(walks, params.Count("walks", request.walks));
  if (walks == 0 || walks > 10'000'000) return InvalidArgument("parameter walks: must be 1 to 10000000");
  request.walks = walks;
  CROWDLENS_ASSIGN_OR_RETURN_STATUS(request.target, params.Flag("target"));
  size_t min_mutual = 0;
  CROWDLENS_ASSIGN_OR_RETURN_STATUS(min_mutual, params.Count("min-mutual", 0));
  if (min_mutual > 1'000'000) return InvalidArgument("parameter min-mutual: at most 1000000");
  request.min_mutual = static_cast<uint32_t>(min_mutual);
  request.from = params.List("from");
  return TablesOf([request](Workspace& workspace) { return SuggestTables(workspace, request); });
}

Result<TablesOf> TriageRoute(const QueryParams& params) {
  TriageRequest request;
  request.handle = params.Text("handle");
  CROWDLENS_ASSIGN_OR_RETURN_STATUS(request.inactive_days, params.Integer("inactive-days", request.inactive_days));
  if (request.inactive_days < 1) return InvalidArgument("parameter inactive-days: must be 1 or more");
  if (params.Has("celebrity-followers")) {
    int64_t followers = 0;
    CROWDLENS_ASSIGN_OR_RETURN_STATUS(followers, params.Integer("celebrity-followers", 0));
    if (followers < 1) return InvalidArgument("parameter celebrity-followers: must be 1 or more");
    request.celebrity_followers = followers;
  }
  CROWDLENS_ASSIGN_OR_RETURN_STATUS(request.top, params.Count("top", request.top));
  return TablesOf([request](Workspace& workspace) { return TriageTables(workspace, request); });
}

// The API never reads or writes files: no `ics` or `met` path (the .ics comes from /api/v1/event.ics).
Result<EventRequest> ReadEventRequest(const QueryParams& params) {
  EventRequest request;
  request.tags = params.List("tag");
  if (request.tags.empty()) return InvalidArgument("parameter tag: give the event's hashtag (tag=%23name, repeatable)");
  request.from = params.Text("from");
  request.to = params.Text("to");
  if (request.from.empty() || request.to.empty()) {
    return InvalidArgument("parameters from and to: give the event's first and last day (2015-03-24)");
  }
  CROWDLENS_ASSIGN_OR_RETURN_STATUS(request.before_days, params.Integer("before-days", request.before_days));
  CROWDLENS_ASSIGN_OR_RETURN_STATUS(request.after_days, params.Integer("after-days", request.after_days));
  if (request.before_days < 0 || request.after_days < 0) {
    return InvalidArgument("parameters before-days and after-days: must be 0 or more");
  }
  request.owner = params.Text("owner");
  CROWDLENS_ASSIGN_OR_RETURN_STATUS(request.top, params.Count("top", request.top));
  CROWDLENS_ASSIGN_OR_RETURN_STATUS(request.meetings, params.Count("meetings", request.meetings));
  return request;
}

Result<TablesOf> EventRoute(const QueryParams& params) {
  Result<EventRequest> request = ReadEventRequest(params);
  if (!request.ok()) return request.status();
  return TablesOf([request = std::move(*request)](Workspace& workspace) { return EventTables(workspace, request); });
}

Result<TablesOf> MatchRoute(const QueryParams& params) {
  // Answers from the address book as it stands; storing the matches is the command's job.
  MatchRequest request{.store = false};
  CROWDLENS_ASSIGN_OR_RETURN_STATUS(request.min_confidence, params.Number("min-confidence", request.min_confidence));
  if (request.min_confidence < 0 || request.min_confidence > 1) {
    return InvalidArgument("parameter min-confidence: must be between 0 and 1");
  }
  return TablesOf([request](Workspace& workspace) { return MatchTables(workspace, request); });
}

}  // namespace

void AddApiRoutes(ApiServer& server) {
  // Answers one analysis request: parameters checked, tables made or reused, the page cut.
  auto serve_tables = [&server](const httplib::Request& request, httplib::Response& response,
                                std::initializer_list<std::string_view> known, const MakeTables& make) {
    QueryParams params(request);
    if (Status known_ok = params.CheckKnown(known); !known_ok.ok()) return server.SendStatus(response, known_ok);
    Result<Paging> paging = params.ReadPaging();
    if (!paging.ok()) return server.SendStatus(response, paging.status());
    // The whole answer is kept per request target: a dashboard asks the same questions again.
    Result<std::shared_ptr<const std::string>> body =
        server.snapshots_->Body(request.target, [&]() -> Result<std::string> {
          Result<TablesOf> compute = make(params);
          if (!compute.ok()) return compute.status();
          Result<SharedTables> tables = server.snapshots_->Tables(ResultKey(request), *compute);
          if (!tables.ok()) return tables.status();
          return TablesResponse(**tables, *paging);
        });
    if (!body.ok()) return server.SendStatus(response, body.status());
    response.set_content(**body, kJsonContentType);
  };
  // The influence analysis of the current state, made once and shared by the routes that need it.
  auto influence_tables = [&server](std::function<Result<std::vector<Table>>(Workspace&, const InfluenceAnalysis&)> make)
      -> Result<TablesOf> {
    Result<std::shared_ptr<const InfluenceAnalysis>> analysis = server.snapshots_->Influence();
    if (!analysis.ok()) return analysis.status();
    std::shared_ptr<const InfluenceAnalysis> kept = *analysis;
    return TablesOf([kept, make](Workspace& workspace) { return make(workspace, *kept); });
  };
  httplib::Server& http = server.http_;

  http.Get("/api/v1/status", [serve_tables](const httplib::Request& request, httplib::Response& response) {
    serve_tables(request, response, {"runs"}, StatusRoute);
  });
  http.Get("/api/v1/audience", [serve_tables](const httplib::Request& request, httplib::Response& response) {
    serve_tables(request, response, {"handle", "segment", "period", "top", "unfollows"}, AudienceRoute);
  });
  http.Get("/api/v1/influence", [serve_tables, influence_tables](const httplib::Request& request,
                                                                  httplib::Response& response) {
    serve_tables(request, response,
                 {"handle", "top", "topics", "topic", "topic-count", "weekly", "agreement", "since", "until", "days"},
                 [influence_tables](const QueryParams& params) -> Result<TablesOf> {
                   Result<InfluenceRequest> read = ReadInfluenceRequest(params);
                   if (!read.ok()) return read.status();
                   InfluenceRequest influence = std::move(*read);
                   return influence_tables([influence](Workspace& workspace, const InfluenceAnalysis& analysis) {
                     return InfluenceTables(workspace, analysis, influence);
                   });
                 });
  });
  // One account: its influence tables and its segments with their evidence.
  http.Get(R"(/api/v1/accounts/([^/]+))", [serve_tables, influence_tables](const httplib::Request& request,
                                                                          httplib::Response& response) {
    const std::string handle = request.matches[1];
    serve_tables(request, response, {}, [influence_tables, handle](const QueryParams&) -> Result<TablesOf> {
      return influence_tables([handle](Workspace& workspace, const InfluenceAnalysis& analysis)
                                  -> Result<std::vector<Table>> {
        Result<std::vector<Table>> tables = InfluenceTables(workspace, analysis, {.handles = {handle}});
        if (!tables.ok()) return tables.status();
        Result<std::vector<Table>> segments = SegmentsTables(workspace, {.handles = {handle}});
        if (!segments.ok()) return segments.status();
        for (Table& table : *segments) tables->push_back(std::move(table));
        return tables;
      });
    });
  });
  http.Get("/api/v1/reach", [serve_tables](const httplib::Request& request, httplib::Response& response) {
    serve_tables(request, response, {"handle", "top", "since", "until", "days", "when"}, ReachRoute);
  });
  http.Get("/api/v1/mix", [serve_tables](const httplib::Request& request, httplib::Response& response) {
    serve_tables(request, response, {"handle", "posts", "since", "until", "draft"}, MixRoute);
  });
  http.Get("/api/v1/listen", [serve_tables](const httplib::Request& request, httplib::Response& response) {
    serve_tables(request, response,
                 {"query", "saved", "from", "to", "bin", "no-retweets", "top", "complaints", "brand"}, ListenRoute);
  });
  http.Get("/api/v1/trends", [serve_tables](const httplib::Request& request, httplib::Response& response) {
    serve_tables(request, response,
                 {"from", "to", "bin", "tag", "per", "s", "gamma", "min-count", "top", "no-retweets"}, TrendsRoute);
  });
  // Discovery: each a ranked list with the reasons for every row.
  http.Get("/api/v1/prospects", [serve_tables](const httplib::Request& request, httplib::Response& response) {
    serve_tables(request, response,
                 {"topic", "hashtag", "query", "half-life", "since", "now", "include-competitors", "owner", "top"},
                 ProspectsRoute);
  });
  http.Get("/api/v1/engage", [serve_tables](const httplib::Request& request, httplib::Response& response) {
    serve_tables(request, response,
                 {"hours", "topic", "hashtag", "query", "now", "prospects", "per-author", "half-life",
                  "include-competitors", "owner", "top"},
                 EngageRoute);
  });
  http.Get("/api/v1/suggest", [serve_tables](const httplib::Request& request, httplib::Response& response) {
    serve_tables(request, response, {"handle", "top", "circle", "walks", "target", "min-mutual", "from"},
                 SuggestRoute);
  });
  http.Get("/api/v1/triage", [serve_tables](const httplib::Request& request, httplib::Response& response) {
    serve_tables(request, response, {"handle", "inactive-days", "celebrity-followers", "top"}, TriageRoute);
  });
  http.Get("/api/v1/event", [serve_tables](const httplib::Request& request, httplib::Response& response) {
    serve_tables(request, response,
                 {"tag", "from", "to", "before-days", "after-days", "owner", "top", "meetings"}, EventRoute);
  });
  // The meeting shortlist as an iCalendar file to open in a calendar.
  http.Get("/api/v1/event.ics", [&server](const httplib::Request& request, httplib::Response& response) {
    QueryParams params(request);
    if (Status known_ok = params.CheckKnown({"tag", "from", "to", "before-days", "after-days", "owner", "meetings"});
        !known_ok.ok()) {
      return server.SendStatus(response, known_ok);
    }
    Result<EventRequest> event = ReadEventRequest(params);
    if (!event.ok()) return server.SendStatus(response, event.status());
    event->ics_table = true;
    Result<SharedTables> tables = server.snapshots_->Tables(
        ResultKey(request), [event = *event](Workspace& workspace) { return EventTables(workspace, event); });
    if (!tables.ok()) return server.SendStatus(response, tables.status());
    for (const Table& table : **tables) {
      if (table.name != "ics" || table.rows.empty()) continue;
      response.set_header("Content-Disposition", "attachment; filename=\"meetings.ics\"");
      return response.set_content(std::get<std::string>(table.rows[0][0]), "text/calendar; charset=utf-8");
    }
    server.SendStatus(response, DataError("the event gave no calendar"));
  });
  http.Get("/api/v1/match", [serve_tables](const httplib::Request& request, httplib::Response& response) {
    serve_tables(request, response, {"min-confidence"}, MatchRoute);
  });
  // The crowd as a network: `limit` is the number of nodes drawn here, not a page.
  http.Get("/api/v1/network", [&server, influence_tables](const httplib::Request& request,
                                                          httplib::Response& response) {
    QueryParams params(request);
    if (Status known_ok = params.CheckKnown({"handle", "layer"}); !known_ok.ok()) {
      return server.SendStatus(response, known_ok);
    }
    NetworkRequest network{.handle = params.Text("handle"), .layer = params.Text("layer", "follow")};
    Result<size_t> limit = params.Count("limit", network.limit);
    if (!limit.ok()) return server.SendStatus(response, limit.status());
    if (*limit > 5000) return server.SendStatus(response, InvalidArgument("parameter limit: at most 5000 nodes"));
    network.limit = *limit;
    // The whole answer is kept per request target, as for the list endpoints.
    Result<std::shared_ptr<const std::string>> body =
        server.snapshots_->Body(request.target, [&]() -> Result<std::string> {
          Result<TablesOf> compute =
              influence_tables([network](Workspace& workspace, const InfluenceAnalysis& analysis) {
                return NetworkTables(workspace, analysis, network);
              });
          if (!compute.ok()) return compute.status();
          Result<SharedTables> tables =
              server.snapshots_->Tables(ResultKey(request) + "\nlimit=" + std::to_string(network.limit), *compute);
          if (!tables.ok()) return tables.status();
          return TablesResponse(**tables, Paging{});
        });
    if (!body.ok()) return server.SendStatus(response, body.status());
    response.set_content(**body, kJsonContentType);
  });
  // Live counts and alerts as server-sent events, for as long as the client stays.
  http.Get("/api/v1/events", [&server](const httplib::Request& request, httplib::Response& response) {
    uint64_t after = 0;
    if (request.has_header("Last-Event-ID")) {
      after = std::strtoull(request.get_header_value("Last-Event-ID").c_str(), nullptr, 10);
    }
    response.set_header("Cache-Control", "no-cache");
    LiveEvents& events = server.events_;
    response.set_chunked_content_provider(
        "text/event-stream", [&events, after](size_t, httplib::DataSink& sink) mutable {
          if (events.closed()) return false;
          std::vector<LiveEvent> next = events.Next(after, std::chrono::seconds(15));
          if (next.empty()) return events.closed() ? false : sink.write(": keepalive\n\n", 13);
          for (const LiveEvent& event : next) {
            const std::string text = FormatServerSentEvent(event);
            if (!sink.write(text.data(), text.size())) return false;
            after = event.id;
          }
          return true;
        });
  });
}

}  // namespace crowdlens::server
