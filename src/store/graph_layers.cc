#include "store/graph_layers.h"

#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <sstream>

#include "graph/graph_builder.h"
#include "graph/graph_file.h"

namespace crowdlens {
namespace {

// Each query yields (source account, target account, weight); self loops are
// left out (a thread replying to itself says nothing about influence).
const char* LayerSql(Layer layer) {
  switch (layer) {
    case Layer::kFollow:
      return "SELECT follower_key, followee_key, 1.0 FROM follows "
             "WHERE ended_at IS NULL AND follower_key <> followee_key";
    case Layer::kRetweet:
      // Retweets and quotes whose original is in the workspace, plus imported retweet edges.
      return "SELECT p.author_key, o.author_key, 1.0 FROM posts p "
             "JOIN posts o ON o.platform = p.platform AND o.platform_id = p.retweet_of_id "
             "WHERE p.retweet_of_id IS NOT NULL AND p.author_key <> o.author_key "
             "UNION ALL "
             "SELECT p.author_key, o.author_key, 1.0 FROM posts p "
             "JOIN posts o ON o.platform = p.platform AND o.platform_id = p.quote_of_id "
             "WHERE p.quote_of_id IS NOT NULL AND p.author_key <> o.author_key "
             "UNION ALL "
             "SELECT source_key, target_key, weight FROM interactions "
             "WHERE relation = 'retweet' AND source_key <> target_key";
    case Layer::kMention:
      // A retweet's "RT @author:" is the retweet, not a mention of its own.
      return "SELECT p.author_key, m.account_key, 1.0 FROM post_mentions m "
             "JOIN posts p ON p.post_key = m.post_key "
             "WHERE p.retweet_of_id IS NULL AND p.author_key <> m.account_key "
             "UNION ALL "
             "SELECT source_key, target_key, weight FROM interactions "
             "WHERE relation = 'mention' AND source_key <> target_key";
    case Layer::kReply:
      return "SELECT author_key, reply_to_account_key, 1.0 FROM posts "
             "WHERE reply_to_account_key IS NOT NULL AND author_key <> reply_to_account_key "
             "UNION ALL "
             "SELECT source_key, target_key, weight FROM interactions "
             "WHERE relation = 'reply' AND source_key <> target_key";
  }
  return "";
}

// What the cached file was built from: if any of these differ, it is stale.
Result<std::string> LayerStamp(Database& db) {
  std::ostringstream stamp;
  for (const char* query :
       {"SELECT coalesce(max(run_id), 0) FROM import_runs", "SELECT count(*) FROM follows",
        "SELECT count(*) FROM follows WHERE ended_at IS NOT NULL", "SELECT coalesce(max(last_seen), 0) FROM follows",
        "SELECT count(*) FROM posts", "SELECT coalesce(max(post_key), 0) FROM posts",
        "SELECT count(*) FROM post_mentions", "SELECT count(*) FROM interactions",
        "SELECT coalesce(max(last_seen), 0) FROM interactions", "SELECT count(*) FROM accounts"}) {
    Result<int64_t> value = db.QueryInt(query);
    if (!value.ok()) return value.status();
    stamp << *value << ';';
  }
  return stamp.str();
}

Result<graph::Graph> BuildLayerInSnapshot(Database& db, Layer layer) {
  Result<Statement> statement = db.Prepare(LayerSql(layer));
  if (!statement.ok()) return statement.status();
  graph::GraphBuilder builder({.weighted = true, .merge_duplicates = true});
  while (true) {
    Result<bool> row = statement->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    builder.AddEdge(static_cast<uint64_t>(statement->ColumnInt(0)), static_cast<uint64_t>(statement->ColumnInt(1)),
                    static_cast<float>(statement->ColumnDouble(2)));
  }
  return std::move(builder).Build();
}

std::string ReadSmallFile(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

}  // namespace

std::string_view LayerName(Layer layer) {
  switch (layer) {
    case Layer::kFollow: return "follow";
    case Layer::kRetweet: return "retweet";
    case Layer::kMention: return "mention";
    case Layer::kReply: return "reply";
  }
  return "";
}

Result<Layer> ParseLayer(std::string_view name) {
  for (Layer layer : kAllLayers) {
    if (LayerName(layer) == name) return layer;
  }
  return InvalidArgument("unknown graph layer '" + std::string(name) + "' (choose follow, retweet, mention or reply)");
}

Result<graph::Graph> BuildLayer(Workspace& workspace, Layer layer) {
  return BuildLayerInSnapshot(workspace.db(), layer);
}

Result<graph::Graph> LoadLayer(Workspace& workspace, Layer layer) {
  Database& db = workspace.db();
  // The server's threads share the cache files: one at a time reads or writes a stamp and its graph.
  static std::mutex cache_files;
  std::optional<graph::Graph> result;
  // One read snapshot: the stamp and the edges come from the same state.
  Status status = InReadSnapshot(db, [&]() -> Status {
    Result<std::string> stamp = LayerStamp(db);
    if (!stamp.ok()) return stamp.status();
    std::filesystem::path folder = std::filesystem::path(workspace.dir()) / "graphs";
    std::filesystem::path file = folder / (std::string(LayerName(layer)) + ".clg");
    std::filesystem::path stamp_file = folder / (std::string(LayerName(layer)) + ".stamp");
    std::error_code error;
    {
      std::lock_guard<std::mutex> lock(cache_files);
      if (std::filesystem::exists(file, error) && ReadSmallFile(stamp_file) == *stamp) {
        Result<graph::Graph> cached = graph::ReadGraphFile(file.string());
        if (cached.ok()) {
          result = std::move(*cached);
          return Status::Ok();
        }
        // A torn or altered file: fall through and rebuild it.
      }
    }
    Result<graph::Graph> built = BuildLayerInSnapshot(db, layer);
    if (!built.ok()) return built.status();
    // The cache is an optimisation: failing to write it never fails the caller.
    std::lock_guard<std::mutex> lock(cache_files);
    std::filesystem::create_directories(folder, error);
    std::filesystem::remove(stamp_file, error);
    if (graph::WriteGraphFile(*built, file.string()).ok()) {
      std::ofstream(stamp_file) << *stamp;
    }
    result = std::move(*built);
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return std::move(*result);
}

}  // namespace crowdlens
