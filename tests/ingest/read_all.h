// Runs a reader over a whole file and gathers what it produced, with the
// distinct counts the tests compare against independent counts.
#pragma once

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/input.h"
#include "ingest/read_input.h"

namespace crowdlens::testing {

struct Collected {
  std::vector<Batch> batches;
  Status status;
  ReadReport report;

  std::vector<Post> Posts() const;
  std::vector<Account> Accounts() const;
  std::vector<Edge> Edges() const;
  std::vector<QuarantineEntry> Quarantined() const;

  size_t DistinctPosts() const;
  size_t DistinctAccounts() const;  // ids of every account record, plus authors, mentions, reply targets and edge ends
  size_t PostHashtagPairs() const;
  size_t PostMentionPairs() const;
  size_t PostUrlPairs() const;
  size_t DistinctEdges() const;
};

// Reads every input under `path` (sniffed unless `format` is given).
Collected ReadAll(const std::string& path, ReadOptions options = {}, Format format = Format::kUnknown,
                  size_t batch_records = 1000);

// Reads `text` as if it were a file named `name`.
Collected ReadText(const std::string& name, const std::string& text, ReadOptions options = {},
                   Format format = Format::kUnknown);

}  // namespace crowdlens::testing
