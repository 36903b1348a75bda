#include "analyses/trends.h"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "analyses/listen_posts.h"
#include "analyses/trends_log_odds.h"
#include "core/time.h"
#include "text/entities.h"
#include "text/tokens.h"

namespace crowdlens {
namespace {

// One post as the trends need it: its bin, author and the items it holds.
struct PostItems {
  uint32_t bin = 0;
  int64_t author_key = 0;
  int64_t created_at = 0;
  std::vector<uint32_t> hashtags;  // item ids
  std::vector<uint32_t> terms;
};

struct Items {
  std::vector<std::string> names;
  std::vector<uint8_t> is_hashtag;
  std::vector<std::vector<std::pair<uint32_t, int64_t>>> per_bin;  // sparse, bins ascending
  std::unordered_map<std::string, uint32_t> ids;

  uint32_t Id(const std::string& key, bool hashtag) {
    auto [found, inserted] = ids.emplace((hashtag ? "#" : "") + key, static_cast<uint32_t>(names.size()));
    if (inserted) {
      names.push_back(found->first);
      is_hashtag.push_back(hashtag);
      per_bin.emplace_back();
    }
    return found->second;
  }

  void Count(uint32_t id, uint32_t bin) {
    auto& series = per_bin[id];
    if (!series.empty() && series.back().first == bin) {
      ++series.back().second;
    } else {
      series.emplace_back(bin, 1);
    }
  }
};

std::vector<int64_t> Dense(const std::vector<std::pair<uint32_t, int64_t>>& sparse, size_t bins) {
  std::vector<int64_t> dense(bins, 0);
  for (const auto& [bin, count] : sparse) dense[bin] = count;
  return dense;
}

std::string PeriodOf(int64_t unix_seconds, TrendPeriod period) {
  std::string text = FormatTimestamp(unix_seconds);
  return period == TrendPeriod::kYear ? text.substr(0, 4) : text.substr(0, 7);
}

Result<std::unordered_map<int64_t, std::string>> Handles(Database& db, const std::unordered_set<int64_t>& keys) {
  std::unordered_map<int64_t, std::string> handles;
  Result<Statement> lookup = db.Prepare("SELECT COALESCE(handle, name, platform_id) FROM accounts WHERE account_key = ?1");
  if (!lookup.ok()) return lookup.status();
  for (int64_t key : keys) {
    lookup->Bind(1, key);
    Result<bool> row = lookup->Step();
    if (!row.ok()) return row.status();
    if (*row) {
      std::string handle = lookup->ColumnText(0);
      handles[key] = handle.starts_with("name:") ? handle.substr(5) : handle;
    }
    lookup->Reset();
  }
  return handles;
}

}  // namespace

Result<TrendsReport> Trends(Database& db, const TrendsOptions& options) {
  TrendsReport report;
  PostScan scan{.from = options.from, .to = options.to, .include_retweets = options.include_retweets};
  Result<std::optional<std::pair<int64_t, int64_t>>> span = PostSpan(db, scan);
  if (!span.ok()) return span.status();
  if (!*span) return report;
  report.bin = options.bin.value_or(ChooseBin((*span)->second - (*span)->first));

  Items items;
  std::vector<int64_t> bin_starts, totals;
  std::vector<PostItems> posts;
  Status status = ForEachPost(db, scan, [&](const PostRecord& post) -> Status {
    int64_t start = BinStart(post.created_at, report.bin);
    if (bin_starts.empty() || bin_starts.back() != start) {
      bin_starts.push_back(start);
      totals.push_back(0);
    }
    uint32_t bin = static_cast<uint32_t>(bin_starts.size() - 1);
    ++totals[bin];
    PostItems record{.bin = bin, .author_key = post.author_key, .created_at = post.created_at};
    std::string lower;
    for (const std::string& tag : ExtractHashtags(post.text)) {
      text::NormaliseForMatching(tag, lower);
      uint32_t id = items.Id(lower, true);
      if (std::find(record.hashtags.begin(), record.hashtags.end(), id) == record.hashtags.end()) {
        record.hashtags.push_back(id);
        items.Count(id, bin);
      }
    }
    for (const std::string& term : text::ExtractTerms(post.text)) {
      uint32_t id = items.Id(term, false);
      if (std::find(record.terms.begin(), record.terms.end(), id) == record.terms.end()) {
        record.terms.push_back(id);
        items.Count(id, bin);
      }
    }
    posts.push_back(std::move(record));
    return Status::Ok();
  });
  if (!status.ok()) return status;
  report.posts = static_cast<int64_t>(posts.size());
  report.bins = static_cast<int64_t>(bin_starts.size());
  size_t bins = bin_starts.size();
  int64_t bin_width = BinSeconds(report.bin);
  auto bin_end = [&](size_t bin) { return bin_starts[bin] + bin_width; };

  // Bursts of every item frequent enough to test.
  for (uint32_t id = 0; id < items.names.size(); ++id) {
    int64_t total = 0;
    for (const auto& [bin, count] : items.per_bin[id]) total += count;
    if (total < options.min_count) continue;
    ++report.items_tested;
    std::vector<int64_t> relevant = Dense(items.per_bin[id], bins);
    std::vector<double> z = TrailingZScores(relevant);
    for (const Burst& burst : DetectBursts(relevant, totals, options.burst)) {
      double peak_z = *std::max_element(z.begin() + static_cast<long>(burst.first_bin),
                                        z.begin() + static_cast<long>(burst.last_bin) + 1);
      report.bursts.push_back({.item = items.names[id],
                               .is_hashtag = items.is_hashtag[id] != 0,
                               .start = bin_starts[burst.first_bin],
                               .end = bin_end(burst.last_bin),
                               .strength = burst.strength,
                               .posts = burst.relevant,
                               .bin_posts = burst.total,
                               .base_share = static_cast<double>(total) / static_cast<double>(report.posts),
                               .baseline_peak_z = peak_z});
    }
  }
  std::sort(report.bursts.begin(), report.bursts.end(), [](const TrendBurst& a, const TrendBurst& b) {
    return a.strength != b.strength ? a.strength > b.strength : a.item < b.item;
  });

  // Rising voices on the strongest bursting hashtags.
  std::vector<uint32_t> topics;
  for (const TrendBurst& burst : report.bursts) {
    if (topics.size() >= options.rising_topics) break;
    if (!burst.is_hashtag) continue;
    uint32_t id = items.ids.at(burst.item);
    if (std::find(topics.begin(), topics.end(), id) == topics.end()) topics.push_back(id);
  }
  std::unordered_set<int64_t> voice_keys;
  std::vector<std::pair<int64_t, RisingVoice>> voices;
  for (uint32_t topic : topics) {
    std::vector<int64_t> topic_totals(bins, 0);
    std::unordered_map<int64_t, std::vector<int64_t>> by_author;
    std::unordered_map<int64_t, int64_t> author_posts;
    for (const PostItems& post : posts) {
      if (std::find(post.hashtags.begin(), post.hashtags.end(), topic) == post.hashtags.end()) continue;
      ++topic_totals[post.bin];
      ++author_posts[post.author_key];
    }
    for (const PostItems& post : posts) {
      if (author_posts.count(post.author_key) == 0 || author_posts[post.author_key] < options.min_author_posts) continue;
      if (std::find(post.hashtags.begin(), post.hashtags.end(), topic) == post.hashtags.end()) continue;
      std::vector<int64_t>& series = by_author[post.author_key];
      if (series.empty()) series.assign(bins, 0);
      ++series[post.bin];
    }
    for (const auto& [author_key, series] : by_author) {
      size_t first_post_bin = static_cast<size_t>(
          std::find_if(series.begin(), series.end(), [](int64_t count) { return count > 0; }) - series.begin());
      for (const Burst& burst : DetectBursts(series, topic_totals, options.burst)) {
        voices.push_back({author_key, {.topic = items.names[topic],
                                       .start = bin_starts[burst.first_bin],
                                       .end = bin_end(burst.last_bin),
                                       .strength = burst.strength,
                                       .posts = burst.relevant,
                                       .topic_posts = burst.total,
                                       .new_voice = first_post_bin >= burst.first_bin}});
        voice_keys.insert(author_key);
      }
    }
  }
  std::sort(voices.begin(), voices.end(), [](const auto& a, const auto& b) {
    return a.second.strength != b.second.strength ? a.second.strength > b.second.strength : a.first < b.first;
  });
  if (voices.size() > options.rising_top) voices.resize(options.rising_top);
  Result<std::unordered_map<int64_t, std::string>> handles = Handles(db, voice_keys);
  if (!handles.ok()) return handles.status();
  for (auto& [author_key, voice] : voices) {
    voice.handle = (*handles)[author_key];
    report.rising_voices.push_back(voice);
  }

  // Distinctive terms of each period of a recurring tag.
  std::map<std::string, std::map<std::string, int64_t>> tag_period_posts;  // tag -> period -> posts
  for (const PostItems& post : posts) {
    for (uint32_t id : post.hashtags) ++tag_period_posts[items.names[id]][PeriodOf(post.created_at, options.period)];
  }
  std::string tag = options.tag.empty() ? "" : "#" + (options.tag[0] == '#' ? options.tag.substr(1) : options.tag);
  if (!tag.empty()) {
    std::string lower;
    text::NormaliseForMatching(tag, lower);
    tag = lower;
  } else {
    int64_t best = 0;
    for (const auto& [name, periods] : tag_period_posts) {
      int64_t qualifying = 0, total = 0;
      for (const auto& [period, count] : periods) {
        qualifying += count >= options.min_period_posts;
        total += count;
      }
      if (qualifying >= 2 && total > best) {
        best = total;
        tag = name;
      }
    }
  }
  if (!tag.empty() && items.ids.count(tag)) {
    report.distinctive_tag = tag.substr(1);
    uint32_t tag_id = items.ids.at(tag);
    std::map<std::string, WordCounts> period_terms;
    std::map<std::string, int64_t> period_posts;
    WordCounts all_terms;
    for (const PostItems& post : posts) {
      if (std::find(post.hashtags.begin(), post.hashtags.end(), tag_id) == post.hashtags.end()) continue;
      std::string period = PeriodOf(post.created_at, options.period);
      ++period_posts[period];
      for (uint32_t id : post.terms) {
        if (items.names[id] == report.distinctive_tag) continue;  // the tag's own word says nothing
        ++period_terms[period][items.names[id]];
        ++all_terms[items.names[id]];
      }
    }
    for (const auto& [period, counts] : period_terms) {
      if (period_posts[period] < options.min_period_posts) continue;
      WordCounts rest;
      for (const auto& [other, other_counts] : period_terms) {
        if (other == period) continue;
        for (const auto& [word, count] : other_counts) rest[word] += count;
      }
      for (const DistinctiveWord& word : DistinctiveWords(
               counts, rest, all_terms, {.prior_size = options.prior_size, .top = options.distinctive_top})) {
        report.distinctive_terms.push_back({.period = period, .period_posts = period_posts[period],
                                            .term = word.word, .z = word.z, .count = word.count});
      }
    }
  }
  if (report.bursts.size() > options.top) report.bursts.resize(options.top);
  return report;
}

}  // namespace crowdlens
