#include "report/engage_tables.h"

#include <cmath>

#include "analyses/engage.h"
#include "core/time.h"
#include "report/prospects_tables.h"

namespace crowdlens {
namespace {

constexpr size_t kShownTextCodePoints = 100;

double Round(double value, int digits) {
  const double scale = std::pow(10.0, digits);
  return std::round(value * scale) / scale;
}

// The post on one line, cut to kShownTextCodePoints code points with "…".
std::string ShortText(const std::string& text) {
  std::string line;
  bool space = false;
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = !line.empty();
      continue;
    }
    if (space) line += ' ';
    space = false;
    line += c;
  }
  size_t code_points = 0;
  for (size_t offset = 0; offset < line.size(); ++offset) {
    if ((static_cast<unsigned char>(line[offset]) & 0xC0) == 0x80) continue;  // a continuation byte
    if (code_points++ == kShownTextCodePoints) return line.substr(0, offset) + "…";
  }
  return line;
}

}  // namespace

Result<std::vector<Table>> EngageTables(Workspace& workspace, const EngageRequest& request) {
  if (request.top == 0) return InvalidArgument("--top must be at least 1");
  EngageOptions options{.subject = {.topic = request.topic, .hashtag = request.hashtag, .query = request.query},
                        .hours = request.hours,
                        .prospects = request.prospects,
                        .per_author = request.per_author,
                        .include_competitors = request.include_competitors,
                        .owner = request.owner};
  Result<int64_t> half_life = ParseDurationOption(request.half_life, "--half-life");
  if (!half_life.ok()) return half_life.status();
  options.half_life = *half_life;
  Result<std::optional<int64_t>> now = ParseDateOption(request.now, "--now");
  if (!now.ok()) return now.status();
  options.now = *now;

  Result<EngageReport> report = AnalyseEngage(workspace, options);
  if (!report.ok()) return report.status();
  const size_t shown = std::min(request.top, report->posts.size());
  std::string weights;
  for (const EngageComponentSpec& spec : kEngageComponents) {
    weights += (weights.empty() ? "" : " + ") + std::to_string(static_cast<int>(std::lround(spec.weight * 100))) +
               "% " + std::string(spec.name);
  }
  Table queue{.name = "engage",
              .title = "Comment while they are talking about it: " + std::to_string(shown) + " of " +
                       std::to_string(report->posts.size()) + " posts (best per author) of the " + std::to_string(report->hours) +
                       " h to " + FormatTimestamp(report->reference_time) + " (score 0-1: " + weights + ")",
              .columns = {"rank", "handle", "name", "post_id", "posted_at", "age_hours", "text", "url", "retweets",
                          "recency", "author_score", "traction", "score", "why"}};
  for (size_t position = 0; position < shown; ++position) {
    const EngagePost& entry = report->posts[position];
    queue.rows.push_back(
        {static_cast<int64_t>(position + 1), entry.standing.handle, entry.standing.name, entry.post.platform_id,
         FormatTimestamp(entry.post.created_at),
         Round(static_cast<double>(report->reference_time - entry.post.created_at) / 3600.0, 1),
         ShortText(entry.post.text), entry.url.empty() ? Cell{} : Cell{entry.url}, entry.retweets,
         Round(entry.components[kEngageRecency], 3), Round(entry.components[kEngageAuthor], 3),
         Round(entry.components[kEngageTraction], 3), Round(entry.score, 3), entry.why});
  }
  Table summary{.name = "engage_summary",
                .title = "The window and what qualified",
                .columns = {"subject", "owner", "window_start", "reference_time", "hours", "posts_in_window",
                            "posts_on_subject", "prospects_considered", "target_audience", "qualified", "queued", "shown"},
                .single_record = true};
  summary.rows.push_back({report->subject.empty() ? std::string("any post (no topics configured)") : report->subject,
                          report->owner, FormatTimestamp(report->window_start), FormatTimestamp(report->reference_time),
                          report->hours, report->posts_in_window, report->posts_on_subject,
                          static_cast<int64_t>(report->prospects_considered), report->has_target, report->qualified,
                          static_cast<int64_t>(report->posts.size()), static_cast<int64_t>(shown)});
  return std::vector<Table>{queue, summary};
}

}  // namespace crowdlens
