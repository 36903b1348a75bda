// Import throughput: Twitter v1.1 JSON lines and edge lists, end to end into
// a workspace, beside a bare simdjson On-Demand pass over the same bytes in
// the same run (the ceiling for any reader that must look at every field).
//
// Inputs come from the environment, set by bench/run-benchmarks.sh:
//   CROWDLENS_BENCH_TWEETS  a v1.1 JSON-lines file (bench/make_tweet_corpus.py)
//   CROWDLENS_BENCH_EDGES   an edge-list file (SNAP Slashdot, the largest real directed graph in shared/data)
// Before timing, each benchmark checks that it saw the same number of
// records as the independent pass, and aborts the run if not.
#include <benchmark/benchmark.h>
#include <simdjson.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <unordered_set>

#include "core/input.h"
#include "ingest/read_input.h"
#include "store/importer.h"

namespace crowdlens {
namespace {

std::string EnvPath(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr || !std::filesystem::exists(value)) {
    std::cerr << name << " must name an existing file (see bench/run-benchmarks.sh)\n";
    std::exit(2);
  }
  return value;
}

const InputBuffer& LoadOnce(const std::string& path) {
  static std::map<std::string, InputBuffer> loaded;
  auto found = loaded.find(path);
  if (found != loaded.end()) return found->second;
  Result<InputBuffer> buffer = LoadInput({.name = path, .path = path});
  if (!buffer.ok()) {
    std::cerr << buffer.status().message() << "\n";
    std::exit(2);
  }
  return loaded.emplace(path, std::move(buffer).value()).first->second;
}

struct BareCounts {
  std::unordered_set<std::string>* distinct_ids = nullptr;  // filled only by the check, never while timed
  uint64_t statuses = 0;
  uint64_t hashtags = 0;
  uint64_t mentions = 0;
};

// The fields the importer keeps, read with On-Demand and nothing else: no
// records built, nothing stored. Nested statuses are counted as statuses.
void BareStatus(simdjson::ondemand::object status, BareCounts& counts) {
  ++counts.statuses;
  for (auto field : status) {
    std::string_view key = field.unescaped_key();
    simdjson::ondemand::value value = field.value();
    if (key == "id_str" && counts.distinct_ids != nullptr) {
      counts.distinct_ids->insert(std::string(std::string_view(value.get_string())));
    } else if (key == "id_str" || key == "created_at" || key == "text" || key == "full_text" || key == "lang") {
      benchmark::DoNotOptimize(std::string_view(value.get_string()));
    } else if (key == "user") {
      for (auto user_field : value.get_object()) {
        std::string_view user_key = user_field.unescaped_key();
        if (user_key == "id_str" || user_key == "screen_name" || user_key == "location" || user_key == "description") {
          simdjson::ondemand::value user_value = user_field.value();
          if (user_value.type() == simdjson::ondemand::json_type::string) {
            benchmark::DoNotOptimize(std::string_view(user_value.get_string()));
          }
        }
      }
    } else if (key == "entities") {
      for (auto entity : value.get_object()) {
        std::string_view entity_key = entity.unescaped_key();
        if (entity_key == "hashtags") {
          for (auto tag : entity.value().get_array()) {
            benchmark::DoNotOptimize(std::string_view(tag["text"].get_string()));
            ++counts.hashtags;
          }
        } else if (entity_key == "user_mentions") {
          for (auto mention : entity.value().get_array()) {
            benchmark::DoNotOptimize(std::string_view(mention["id_str"].get_string()));
            ++counts.mentions;
          }
        }
      }
    } else if (key == "retweeted_status" || key == "quoted_status") {
      BareStatus(value.get_object(), counts);
    }
  }
}

BareCounts BarePass(const InputBuffer& buffer, std::unordered_set<std::string>* distinct_ids = nullptr) {
  BareCounts counts;
  counts.distinct_ids = distinct_ids;
  simdjson::ondemand::parser parser;
  simdjson::ondemand::document_stream stream =
      parser.iterate_many(buffer.data(), buffer.size(), simdjson::ondemand::DEFAULT_BATCH_SIZE);
  for (auto document : stream) BareStatus(document.get_object(), counts);
  return counts;
}

uint64_t ReaderPass(const InputBuffer& buffer, const std::string& path, uint64_t& statuses) {
  uint64_t records = 0;
  statuses = 0;
  BatchEmitter emitter(
      [&](Batch&& batch) {
        records += batch.record_count();
        statuses += batch.posts.size();
        return Status::Ok();
      },
      EmitterOptions{.batch_records = 20000});
  ReadReport report;
  Status status = ReadInput({.name = path, .path = path}, buffer, Format::kUnknown, {}, emitter, report, true);
  if (!status.ok()) {
    std::cerr << status.message() << "\n";
    std::exit(2);
  }
  return records;
}

void BM_SimdjsonOnDemandPass(benchmark::State& state) {
  const std::string path = EnvPath("CROWDLENS_BENCH_TWEETS");
  const InputBuffer& buffer = LoadOnce(path);
  BareCounts counts;
  for (auto _ : state) counts = BarePass(buffer);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * buffer.size()));
  state.counters["statuses_per_second"] =
      benchmark::Counter(static_cast<double>(counts.statuses), benchmark::Counter::kIsIterationInvariantRate);
  state.counters["statuses"] = static_cast<double>(counts.statuses);
}

void BM_ReaderOnly(benchmark::State& state) {
  const std::string path = EnvPath("CROWDLENS_BENCH_TWEETS");
  const InputBuffer& buffer = LoadOnce(path);
  uint64_t statuses = 0;
  ReaderPass(buffer, path, statuses);
  BareCounts bare = BarePass(buffer);
  if (statuses != bare.statuses) {
    state.SkipWithError("the reader and the bare pass disagree on the number of statuses");
    return;
  }
  for (auto _ : state) ReaderPass(buffer, path, statuses);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * buffer.size()));
  state.counters["statuses_per_second"] =
      benchmark::Counter(static_cast<double>(statuses), benchmark::Counter::kIsIterationInvariantRate);
}

// End to end: file -> reader thread -> SQLite workspace, a fresh one per iteration.
void ImportEndToEnd(benchmark::State& state, const char* variable, const char* count_sql) {
  const std::string path = EnvPath(variable);
  std::filesystem::path root = std::filesystem::temp_directory_path() / "crowdlens-bench";
  uint64_t bytes = 0, records = 0;
  int64_t rows = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::filesystem::remove_all(root);
    Result<std::unique_ptr<Workspace>> workspace = Workspace::Open(root.string(), OpenMode::kCreate);
    if (!workspace.ok()) {
      state.SkipWithError(workspace.status().message().c_str());
      return;
    }
    state.ResumeTiming();
    Result<ImportSummary> summary = Import(**workspace, {.paths = {path}, .show_progress = false});
    state.PauseTiming();
    if (!summary.ok() || summary->failed_inputs > 0) {
      state.SkipWithError("import failed");
      return;
    }
    bytes = summary->bytes;
    records = summary->written.posts + summary->written.edges;
    rows = (*workspace)->db().QueryInt(count_sql).value();
    state.ResumeTiming();
  }
  std::filesystem::remove_all(root);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["records_per_second"] =
      benchmark::Counter(static_cast<double>(records), benchmark::Counter::kIsIterationInvariantRate);
  state.counters["rows_in_workspace"] = static_cast<double>(rows);
}

void BM_ImportTweetsEndToEnd(benchmark::State& state) {
  const std::string path = EnvPath("CROWDLENS_BENCH_TWEETS");
  std::unordered_set<std::string> distinct_ids;
  BareCounts bare = BarePass(LoadOnce(path), &distinct_ids);
  ImportEndToEnd(state, "CROWDLENS_BENCH_TWEETS", "SELECT count(*) FROM posts");
  state.counters["statuses_per_second"] =
      benchmark::Counter(static_cast<double>(bare.statuses), benchmark::Counter::kIsIterationInvariantRate);
  state.counters["distinct_statuses"] = static_cast<double>(distinct_ids.size());
  if (state.counters["rows_in_workspace"] != static_cast<double>(distinct_ids.size())) {
    state.SkipWithError("the workspace holds a different number of posts than the file's distinct status ids");
  }
}

void BM_ImportEdgeListEndToEnd(benchmark::State& state) {
  ImportEndToEnd(state, "CROWDLENS_BENCH_EDGES", "SELECT count(*) FROM follows");
}

BENCHMARK(BM_SimdjsonOnDemandPass)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);
BENCHMARK(BM_ReaderOnly)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);
BENCHMARK(BM_ImportTweetsEndToEnd)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(2);
BENCHMARK(BM_ImportEdgeListEndToEnd)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(2);

}  // namespace
}  // namespace crowdlens

BENCHMARK_MAIN();
