// `crowdlens audience [HANDLE]`: the crowd by country, topic and role, the
// target audience's share, who does not follow back, growth and unfollows.
#include <algorithm>
#include <cmath>
#include <map>

#include "analyses/audience.h"
#include "analyses/audience_rules.h"
#include "analyses/segment_classifier_store.h"
#include "cli/command.h"
#include "core/time.h"
#include "store/account_lookup.h"
#include "store/audience_config.h"

namespace crowdlens::cli {
namespace {

struct AudienceArguments {
  std::string handle;
  std::string segment;  // a rule, or the name of a [segments] rule, or "target"
  std::string period = "week";
  size_t top = 10;
  size_t unfollows = 20;
  bool refresh = false;
};

std::string Labels(const std::vector<SegmentLabel>& labels) {
  std::string text;
  for (const SegmentLabel& label : labels) text += (text.empty() ? "" : ", ") + label.name;
  return text;
}

double Share(int64_t part, int64_t whole) {
  return whole == 0 ? 0.0 : std::round(1000.0 * static_cast<double>(part) / static_cast<double>(whole)) / 1000.0;
}

int RunAudience(const GlobalOptions& globals, const AudienceArguments& arguments) {
  GrowthPeriod period = arguments.period == "day" ? GrowthPeriod::kDay
                        : arguments.period == "month" ? GrowthPeriod::kMonth
                                                      : GrowthPeriod::kWeek;
  Result<std::unique_ptr<Workspace>> opened = OpenWorkspace(globals, OpenMode::kExisting);
  if (!opened.ok()) return Fail(opened.status());
  Workspace& workspace = **opened;
  Result<Config> config = workspace.LoadConfig();
  if (!config.ok()) return Fail(config.status());
  Result<AudienceConfig> audience_config = LoadAudienceConfig(workspace.config_path());
  if (!audience_config.ok()) return Fail(audience_config.status());

  Result<int64_t> owner = AccountOrOwner(workspace, *config, arguments.handle, "audience");
  if (!owner.ok()) return Fail(owner.status());

  Result<AudienceRules> rules = ParseAudienceRules(*audience_config, workspace.config_path());
  if (!rules.ok()) return Fail(rules.status());
  const std::map<std::string, AudienceRule>& named = rules->named;
  std::optional<AudienceRule> target = rules->target;
  std::optional<AudienceRule> listed;
  if (!arguments.segment.empty()) {
    if (arguments.segment == "target") {
      if (!target) return Fail(InvalidArgument("--segment target: no [audience] target is set in crowdlens.toml"));
      listed = target;
    } else if (auto found = named.find(arguments.segment); found != named.end()) {
      listed = found->second;
    } else {
      Result<AudienceRule> parsed = AudienceRule::Parse(arguments.segment, named);
      if (!parsed.ok()) return Fail(parsed.status().WithContext("--segment"));
      listed = std::move(*parsed);
    }
  }

  Result<std::vector<AccountSegments>> all = CurrentAccountSegments(workspace, *config, arguments.refresh);
  if (!all.ok()) return Fail(all.status());
  SegmentMap segments;
  for (AccountSegments& account : *all) segments.emplace(account.account_key, std::move(account));

  Result<AudienceReport> report =
      AnalyseAudience(workspace, {.account_key = *owner, .period = period}, segments, target ? &*target : nullptr);
  if (!report.ok()) return Fail(report.status());

  if (listed) {
    Table members{.name = "members", .title = "Members of " + listed->text(),
                  .columns = {"handle", "name", "relation", "country", "topics", "roles", "in_target", "followers"}};
    for (const CrowdMember& member : report->members) {
      if (!listed->Matches({.segments = member.segments, .followers = member.followers,
                            .following = member.following, .posts = member.posts})) {
        continue;
      }
      const AccountSegments* known = member.segments;
      members.rows.push_back({member.handle, member.name,
                              std::string(member.follower && member.followed ? "mutual"
                                          : member.follower                  ? "follower"
                                                                             : "followed"),
                              known != nullptr ? known->country : std::string(),
                              known != nullptr ? Labels(known->topics) : std::string(),
                              known != nullptr ? Labels(known->roles) : std::string(), member.in_target,
                              member.followers});
    }
    return Print(globals, {members});
  }

  Table summary{.name = "audience", .title = "Audience of @" + report->owner_handle,
                .columns = {"followers", "follows", "mutual", "followers_not_followed_back",
                            "follows_not_following_back", "classified_followers", "target_rule", "target_followers",
                            "target_share", "target_follows"},
                .single_record = true};
  summary.rows.push_back({report->followers, report->follows, report->mutual, report->followers_not_followed_back,
                          report->follows_not_following_back, report->classified_followers,
                          report->target_rule.empty() ? std::string("(none: set [audience] target in crowdlens.toml)")
                                                      : report->target_rule,
                          report->target_followers, Share(report->target_followers, report->followers),
                          report->target_follows});

  Table breakdown{.name = "segments", .title = "Followers and follows by segment",
                  .columns = {"kind", "segment", "followers", "share_of_followers", "follows", "target_followers"}};
  std::map<std::string, size_t> shown;
  for (const SegmentCount& cell : report->breakdown) {
    if (arguments.top > 0 && shown[cell.kind]++ >= arguments.top) continue;
    breakdown.rows.push_back({cell.kind, cell.value, cell.followers, Share(cell.followers, report->followers),
                              cell.follows, cell.target_followers});
  }

  Table growth{.name = "growth", .title = "Growth after the first follower list (" + FormatTimestamp(report->baseline_at) + ")",
               .columns = {"period", "new_followers", "unfollowers", "net", "new_target", "lost_target"}};
  for (const GrowthRow& row : report->growth) {
    growth.rows.push_back({FormatTimestamp(row.period_start).substr(0, 10), row.new_followers, row.unfollowers,
                           row.new_followers - row.unfollowers, row.new_target_followers, row.lost_target_followers});
  }

  Table unfollows{.name = "unfollows", .title = "Who unfollowed (newest first)",
                  .columns = {"handle", "name", "following_since", "last_seen_following", "gone_by", "in_target"}};
  for (size_t index = 0; index < report->unfollows.size(); ++index) {
    if (arguments.unfollows > 0 && index >= arguments.unfollows) break;
    const Unfollow& gone = report->unfollows[index];
    unfollows.rows.push_back({gone.handle, gone.name, FormatTimestamp(gone.followed_since),
                              FormatTimestamp(gone.last_seen), FormatTimestamp(gone.ended_at), gone.in_target});
  }
  return Print(globals, {summary, breakdown, growth, unfollows});
}

}  // namespace

void AddAudienceCommand(CLI::App& app, GlobalOptions& globals) {
  CLI::App* command = app.add_subcommand(
      "audience", "Followers and follows by country, topic and role; the target audience; growth and unfollows");
  auto arguments = std::make_shared<AudienceArguments>();
  command->add_option("handle", arguments->handle, "Whose crowd (default: the workspace's owner)");
  command->add_option("--segment", arguments->segment,
                      "List the crowd members matching a rule (e.g. \"country = GB and topic = social-media\"), "
                      "a [segments] name, or 'target'");
  command->add_option("--period", arguments->period, "Growth per day, week or month")
      ->check(CLI::IsMember({"day", "week", "month"}))
      ->capture_default_str();
  command->add_option("--top", arguments->top, "Segments shown per kind (0: all)")->capture_default_str();
  command->add_option("--unfollows", arguments->unfollows, "Unfollows listed (0: all)")->capture_default_str();
  command->add_flag("--refresh", arguments->refresh, "Classify every account again instead of reading stored labels");
  AddOutputOption(*command, globals);
  command->callback([&globals, arguments] { globals.exit_code = RunAudience(globals, *arguments); });
}

}  // namespace crowdlens::cli
