// Listening throughput: posts matched per second against 1, 100 and 10,000
// saved queries (one compiled QuerySet), Space-Saving updates per second, and
// `watch` end to end (read, parse, match, sketch) on a replayed JSON-lines file.
//
// Inputs, set by bench/run-benchmarks.sh:
//   CROWDLENS_BENCH_VACCINE        data/sample/vaccine/vaccination_tweets.csv.gz (real tweet texts)
//   CROWDLENS_BENCH_LISTEN_TWEETS  a v1.1 JSON-lines file (bench/make_tweet_corpus.py)
// Queries are built from the tweets' own frequent words and hashtags, so they
// hit as real brand queries do. Each benchmark checks a result before timing.
#include <benchmark/benchmark.h>
#include <simdjson.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <iostream>
#include <unordered_map>
#include <unordered_set>

#include "analyses/query_matcher.h"
#include "analyses/sketch.h"
#include "analyses/watch.h"
#include "analyses/watch_stream.h"
#include "core/input.h"
#include "ingest/csv.h"
#include "text/entities.h"
#include "text/tokens.h"

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

[[noreturn]] void Die(const std::string& message) {
  std::cerr << "check failed: " << message << "\n";
  std::exit(3);
}

const std::vector<std::string>& Texts() {
  static const std::vector<std::string> texts = [] {
    std::string path = EnvPath("CROWDLENS_BENCH_VACCINE");
    Result<InputBuffer> csv = LoadInput({.name = path, .path = path});
    if (!csv.ok()) Die(csv.status().message());
    std::vector<std::string> out;
    CsvReader reader(csv->view());
    CsvRecord record;
    while (reader.Next(record)) {
      if (record.line > 1 && record.error.empty() && record.fields.size() > 10) out.push_back(record.fields[10]);
    }
    return out;
  }();
  return texts;
}

// `count` queries from the corpus vocabulary: single words, word pairs, a
// phrase, hashtags and exclusions, in rotation over the frequent items.
std::vector<NamedQuery> MakeQueries(size_t count) {
  std::unordered_map<std::string, int64_t> words, tags;
  for (const std::string& text : Texts()) {
    for (const std::string& term : text::ExtractTerms(text)) ++words[term];
    for (const std::string& tag : ExtractHashtags(text)) {
      std::string lower;
      text::NormaliseForMatching(tag, lower);
      ++tags[lower];
    }
  }
  auto ranked = [](const std::unordered_map<std::string, int64_t>& counts) {
    std::vector<std::pair<int64_t, std::string>> items;
    for (const auto& [item, count] : counts) items.emplace_back(-count, item);
    std::sort(items.begin(), items.end());
    std::vector<std::string> names;
    // Plain lower-case ASCII words of three letters or more make valid terms of every kind.
    for (const auto& [count, item] : items) {
      if (item.size() >= 3 && std::all_of(item.begin(), item.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
        names.push_back(item);
      }
    }
    return names;
  };
  std::vector<std::string> word_list = ranked(words), tag_list = ranked(tags);
  std::vector<NamedQuery> queries;
  for (size_t index = 0; index < count; ++index) {
    const std::string& a = word_list[index % word_list.size()];
    const std::string& b = word_list[(index * 7 + 3) % word_list.size()];
    const std::string& tag = tag_list[index % tag_list.size()];
    std::string text;
    switch (index % 5) {
      case 0: text = a; break;
      case 1: text = a + " OR #" + tag; break;
      case 2: text = "(" + a + " OR " + b + ") -from:spam"; break;
      case 3: text = "\"" + a + " " + b + "\" OR " + a + "*"; break;
      default: text = "#" + tag + " AND NOT " + b; break;
    }
    queries.push_back({.name = "q" + std::to_string(index), .text = text});
  }
  return queries;
}

// The check: query 0 is a single word; count its posts with a plain scan.
int64_t NaiveWordCount(const std::string& word) {
  int64_t matched = 0;
  std::string normal;
  for (const std::string& text : Texts()) {
    text::NormaliseForMatching(text, normal);
    for (size_t at = normal.find(word); at != std::string::npos; at = normal.find(word, at + 1)) {
      char32_t before = text::CodePointBefore(normal, at), after = text::CodePointAt(normal, at + word.size());
      if (!text::IsWordChar(before) && before != '@' && !text::IsWordChar(after)) {
        ++matched;
        break;
      }
    }
  }
  return matched;
}

void BM_MatchPosts(benchmark::State& state) {
  std::vector<NamedQuery> queries = MakeQueries(static_cast<size_t>(state.range(0)));
  Result<QuerySet> set = QuerySet::Compile(queries);
  if (!set.ok()) Die(set.status().message());
  QueryMatcher matcher(*set);
  const std::vector<std::string>& texts = Texts();
  int64_t first = 0;
  for (const std::string& text : texts) {
    const std::vector<uint32_t>& hits = matcher.Match({.text = text, .author_handle = "someone"});
    first += !hits.empty() && hits[0] == 0;
  }
  if (first != NaiveWordCount(queries[0].text)) Die("query 0 matched " + std::to_string(first) + " posts");
  int64_t matches = 0;
  for (auto _ : state) {
    for (const std::string& text : texts) {
      matches += static_cast<int64_t>(matcher.Match({.text = text, .author_handle = "someone"}).size());
    }
  }
  benchmark::DoNotOptimize(matches);
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(texts.size()));
  state.counters["queries"] = static_cast<double>(queries.size());
  state.counters["terms"] = static_cast<double>(set->term_count());
  state.counters["matches_per_post"] =
      static_cast<double>(matches) / static_cast<double>(state.iterations() * static_cast<int64_t>(texts.size()));
}
BENCHMARK(BM_MatchPosts)->Arg(1)->Arg(100)->Arg(10000)->Unit(benchmark::kMillisecond);

void BM_SketchUpdates(benchmark::State& state) {
  // The corpus's term stream as keys (real, Zipf-like frequencies), repeated to 10M updates.
  std::vector<uint64_t> stream;
  for (const std::string& text : Texts()) {
    for (const std::string& term : text::ExtractTerms(text)) stream.push_back(std::hash<std::string>{}(term));
  }
  size_t base = stream.size();
  while (stream.size() < 10'000'000) stream.push_back(stream[stream.size() % base] + stream.size() / base);
  SpaceSaving check(static_cast<size_t>(state.range(0)));
  for (uint64_t key : stream) check.Add(key);
  uint64_t total = 0;
  for (const SpaceSaving::Counter& counter : check.Top(check.size())) total += counter.count;
  if (total != stream.size()) Die("sketch counts add to " + std::to_string(total));
  for (auto _ : state) {
    SpaceSaving sketch(static_cast<size_t>(state.range(0)));
    for (uint64_t key : stream) sketch.Add(key);
    benchmark::DoNotOptimize(sketch.min_count());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(stream.size()));
}
BENCHMARK(BM_SketchUpdates)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

void BM_WatchReplay(benchmark::State& state) {
  std::string path = EnvPath("CROWDLENS_BENCH_LISTEN_TWEETS");
  std::vector<NamedQuery> queries = MakeQueries(100);
  auto run = [&](int64_t& posts, int64_t& lines) {
    Result<std::unique_ptr<Watcher>> watcher = Watcher::Create({.queries = queries});
    if (!watcher.ok()) Die(watcher.status().message());
    PostStream stream({.path = path});
    std::vector<WatchEvent> events;
    Status status = stream.Run([&](const Post& post, std::string_view handle) {
      (*watcher)->Add(post, handle, events);
      events.clear();
    });
    if (!status.ok()) Die(status.message());
    (*watcher)->Finish(events);
    posts = stream.stats().posts;
    lines = stream.stats().lines;
  };
  int64_t posts = 0, lines = 0;
  run(posts, lines);
  // Every line is one top-level status, passed on once per distinct id (the PHEME data
  // repeats ten source tweets): count the lines' distinct top-level id_str with simdjson.
  std::unordered_set<std::string> ids;
  {
    Result<InputBuffer> file = LoadInput({.name = path, .path = path});
    if (!file.ok()) Die(file.status().message());
    simdjson::ondemand::parser parser;
    std::string_view text = file->view();
    while (!text.empty()) {
      size_t end = text.find('\n');
      std::string line(text.substr(0, end));
      text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
      if (line.empty()) continue;
      simdjson::padded_string padded(line);
      simdjson::ondemand::document document = parser.iterate(padded);
      ids.insert(std::string(std::string_view(document["id_str"])));
    }
  }
  if (posts != static_cast<int64_t>(ids.size())) {
    Die(std::to_string(posts) + " posts from " + std::to_string(ids.size()) + " distinct statuses");
  }
  for (auto _ : state) run(posts, lines);
  state.SetItemsProcessed(state.iterations() * posts);
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(std::filesystem::file_size(path)));
}
BENCHMARK(BM_WatchReplay)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
}  // namespace crowdlens

BENCHMARK_MAIN();
