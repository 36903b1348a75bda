// What `crowdlens prospects` shows, as tables: the people who talk about a
// topic, hashtag or query, ranked by relevance, influence, fit to the target
// audience and reachability (analyses/prospects.h; docs/prospects.md), each
// with its components and why it is there, and a summary of the matching
// posts and of who was left out and why.
//
//   Result<std::vector<Table>> tables = ProspectsTables(workspace, {.hashtag = "germanwings", .top = 10});
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analyses/prospects.h"
#include "core/status.h"
#include "report/table.h"
#include "store/workspace.h"

namespace crowdlens {

struct ProspectsRequest {
  std::string topic;    // a [topics] name of crowdlens.toml, else a word
  std::string hashtag;  // with or without '#'
  std::string query;    // the listening language
  std::string half_life = "30d";
  std::string since;  // a date (2015-03-01) or a duration back from the reference time (90d)
  std::string now;    // the reference time, a date; empty: the newest post of the workspace
  bool include_competitors = false;
  std::string owner;  // empty: the config's first owner
  size_t top = 20;
};

Result<std::vector<Table>> ProspectsTables(Workspace& workspace, const ProspectsRequest& request);

// Option readers `engage` shares: a duration (--half-life 30d), a date (--now).
Result<int64_t> ParseDurationOption(const std::string& text, const char* option);
Result<std::optional<int64_t>> ParseDateOption(const std::string& text, const char* option);

}  // namespace crowdlens
