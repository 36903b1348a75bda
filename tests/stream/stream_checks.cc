#include "stream/stream_checks.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "ingest/read_all.h"
#include "store/workspace.h"
#include "stream/partition.h"

namespace crowdlens::testing {

std::map<std::string, int64_t> TableCounts(const std::string& workspace) {
  std::map<std::string, int64_t> counts;
  Result<std::unique_ptr<Workspace>> opened = Workspace::Open(workspace, OpenMode::kExisting);
  EXPECT_TRUE(opened.ok()) << opened.status().message();
  if (!opened.ok()) return counts;
  for (const char* table : {"accounts", "posts", "follows", "post_hashtags", "post_mentions", "post_urls"}) {
    Result<int64_t> rows = (*opened)->db().QueryInt(std::string("SELECT count(*) FROM ") + table);
    EXPECT_TRUE(rows.ok()) << table;
    counts[table] = rows.ok() ? *rows : -1;
  }
  return counts;
}

std::set<std::string> DistinctPostIds(const std::string& path) {
  Collected read = ReadAll(path);
  EXPECT_TRUE(read.status.ok()) << read.status.message();
  std::set<std::string> ids;
  for (const Batch& batch : read.batches) {
    for (const Post& post : batch.posts) ids.insert(post.platform + ":" + post.platform_id);
    for (const Deletion& deletion : batch.deletions) {
      if (deletion.kind == Deletion::Kind::kPost) ids.erase(deletion.platform + ":" + deletion.id);
    }
  }
  return ids;
}

size_t DistinctMessageIds(const std::string& path) {
  Collected read = ReadAll(path);
  EXPECT_TRUE(read.status.ok()) << read.status.message();
  std::set<std::string> ids;
  auto add = [&](stream::StreamRecord record) { ids.insert(stream::MessageId(record, stream::EncodeRecord(record))); };
  for (Batch& batch : read.batches) {
    for (Account& account : batch.accounts) add(std::move(account));
    for (Post& post : batch.posts) add(std::move(post));
    for (Edge& edge : batch.edges) add(std::move(edge));
    for (Deletion& deletion : batch.deletions) add(std::move(deletion));
  }
  return ids.size();
}

int64_t DuplicatePosts(const std::string& workspace) {
  Result<std::unique_ptr<Workspace>> opened = Workspace::Open(workspace, OpenMode::kExisting);
  if (!opened.ok()) return -1;
  Result<int64_t> duplicates = (*opened)->db().QueryInt(
      "SELECT count(*) FROM (SELECT platform, platform_id FROM posts GROUP BY 1, 2 HAVING count(*) > 1)");
  return duplicates.ok() ? *duplicates : -1;
}

int64_t SummaryField(const std::string& json_output, const std::string& field) {
  nlohmann::json parsed = nlohmann::json::parse(json_output, nullptr, /*allow_exceptions=*/false);
  if (!parsed.is_object()) return -1;
  if (parsed.contains(field) && parsed[field].is_number_integer()) return parsed[field].get<int64_t>();
  for (const auto& [name, value] : parsed.items()) {
    if (value.is_object() && value.contains(field) && value[field].is_number_integer()) {
      return value[field].get<int64_t>();
    }
  }
  return -1;
}

}  // namespace crowdlens::testing
