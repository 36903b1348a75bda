#include "analyses/listen.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "analyses/complaints.h"
#include "analyses/listen_posts.h"
#include "text/entities.h"
#include "text/sentiment.h"
#include "text/tokens.h"

namespace crowdlens {
namespace {

struct AuthorTally {
  std::string handle;
  int64_t posts = 0;
  int64_t retweets_received = 0;
};

struct MatchedPost {
  int64_t created_at = 0;
  std::optional<text::SentimentLabel> label;  // nullopt: not scored (language)
};

// The query's own words and tags, left out of the co-occurrence tables.
struct OwnItems {
  std::unordered_set<std::string> hashtags, terms;
  std::vector<std::string> prefixes;

  explicit OwnItems(const Query& query) {
    for (const QueryTerm& term : CollectTerms(query.root)) {
      switch (term.kind) {
        case QueryTerm::Kind::kHashtag:
          hashtags.insert(term.text.substr(1));
          break;
        case QueryTerm::Kind::kWord:
          hashtags.insert(term.text);
          terms.insert(term.text);
          break;
        case QueryTerm::Kind::kPrefix:
          prefixes.push_back(term.text);
          break;
        case QueryTerm::Kind::kPhrase:
          for (const std::string& word : text::ExtractTerms(term.text)) terms.insert(word);
          break;
        case QueryTerm::Kind::kMention:
          break;
      }
    }
  }

  bool Covers(const std::string& item, const std::unordered_set<std::string>& own) const {
    if (own.count(item)) return true;
    return std::any_of(prefixes.begin(), prefixes.end(), [&](const std::string& prefix) {
      return item.starts_with(prefix);
    });
  }
};

std::vector<CountedItem> Top(const std::unordered_map<std::string, int64_t>& counts, size_t limit) {
  std::vector<CountedItem> items;
  for (const auto& [item, posts] : counts) items.push_back({.item = item, .posts = posts});
  std::sort(items.begin(), items.end(), [](const CountedItem& a, const CountedItem& b) {
    return a.posts != b.posts ? a.posts > b.posts : a.item < b.item;
  });
  if (items.size() > limit) items.resize(limit);
  return items;
}

std::string Lower(std::string_view text) {
  std::string out;
  text::NormaliseForMatching(text, out);
  return out;
}

// Account keys of the brand handles, for replies that carry no @mention.
Result<std::set<int64_t>> BrandAccounts(Database& db, const std::vector<std::string>& handles) {
  std::set<int64_t> keys;
  Result<Statement> lookup = db.Prepare("SELECT account_key FROM accounts WHERE handle_lower = ?1");
  if (!lookup.ok()) return lookup.status();
  for (const std::string& handle : handles) {
    lookup->Bind(1, handle);
    while (true) {
      Result<bool> row = lookup->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      keys.insert(lookup->ColumnInt(0));
    }
    lookup->Reset();
  }
  return keys;
}

}  // namespace

bool IsScoredLanguage(std::string_view lang) {
  return lang.empty() || lang == "und" || lang == "en" || lang.starts_with("en-") || lang.starts_with("en_");
}

Result<ListenReport> Listen(Database& db, const NamedQuery& query, const std::vector<NamedQuery>& compared,
                            const ListenOptions& options) {
  // The query itself first, alone, so its errors read without a name the user never gave it.
  Result<QuerySet> alone = QuerySet::Compile({{.name = "", .text = query.text}});
  if (!alone.ok()) return alone.status();
  std::vector<NamedQuery> queries = {query};
  for (const NamedQuery& other : compared) {
    if (other.name != query.name) queries.push_back(other);
  }
  Result<QuerySet> set = QuerySet::Compile(queries);
  if (!set.ok()) return set.status();
  QueryMatcher matcher(*set);
  Result<ComplaintCategories> categories = ComplaintCategories::Create();
  if (!categories.ok()) return categories.status();
  text::SentimentAnalyzer analyzer;

  ListenReport report;
  report.query = query.text;
  report.canonical = DescribeQuery(set->parsed(0).root);
  OwnItems own(set->parsed(0));

  // The brand: named handles, else the query's @mentions, else the workspace owners.
  for (const std::string& handle : options.brand_handles) report.brand_handles.push_back(Lower(handle));
  if (report.brand_handles.empty()) {
    for (const QueryTerm& term : CollectTerms(set->parsed(0).root)) {
      if (term.kind == QueryTerm::Kind::kMention) report.brand_handles.push_back(term.text.substr(1));
    }
  }
  if (report.brand_handles.empty()) {
    for (const std::string& handle : options.owner_handles) report.brand_handles.push_back(Lower(handle));
  }
  for (std::string& handle : report.brand_handles) {
    if (handle.starts_with('@')) handle.erase(0, 1);
  }
  Result<std::set<int64_t>> brand_accounts = BrandAccounts(db, report.brand_handles);
  if (!brand_accounts.ok()) return brand_accounts.status();
  std::unordered_set<std::string> brand(report.brand_handles.begin(), report.brand_handles.end());

  std::vector<int64_t> share_counts(set->size(), 0);
  std::vector<MatchedPost> matched_posts;
  std::unordered_map<int64_t, AuthorTally> authors;
  std::unordered_map<std::string, int64_t> hashtag_counts, term_counts, category_counts;
  double compound_sum = 0;
  std::vector<Complaint> complaints;

  Status scanned = ForEachPost(
      db, {.from = options.from, .to = options.to, .include_retweets = options.include_retweets},
      [&](const PostRecord& post) -> Status {
        ++report.scanned;
        const std::vector<uint32_t>& hits = matcher.Match(
            {.text = post.text, .author_handle = post.author_handle, .lang = post.lang, .country = post.country});
        for (uint32_t index : hits) ++share_counts[index];
        if (hits.empty() || hits[0] != 0) return Status::Ok();

        ++report.matched;
        if (post.is_retweet) ++report.retweets;
        AuthorTally& author = authors[post.author_key];
        author.handle = post.author_display;
        ++author.posts;
        if (!post.is_retweet) author.retweets_received += post.retweet_count;

        std::unordered_set<std::string> seen;
        for (const std::string& tag : ExtractHashtags(post.text)) {
          std::string lower = Lower(tag);
          if (!own.Covers(lower, own.hashtags) && seen.insert(lower).second) ++hashtag_counts[lower];
        }
        seen.clear();
        for (const std::string& term : text::ExtractTerms(post.text)) {
          if (!own.Covers(term, own.terms) && seen.insert(term).second) ++term_counts[term];
        }

        MatchedPost matched{.created_at = post.created_at};
        if (IsScoredLanguage(post.lang)) {
          text::SentimentScore score = analyzer.Score(post.text);
          matched.label = score.label();
          compound_sum += score.compound;
          bool addressed = post.reply_to_account_key && brand_accounts->count(*post.reply_to_account_key);
          if (!addressed) {
            for (const std::string& mention : ExtractMentions(post.text)) {
              if (brand.count(Lower(mention))) addressed = true;
            }
          }
          if (matched.label == text::SentimentLabel::kNegative && !post.is_retweet && addressed) {
            std::string names;
            for (const std::string& name : categories->Classify(post.text)) {
              names += (names.empty() ? "" : ", ") + name;
              ++category_counts[name];
            }
            if (names.empty()) ++category_counts["(none named)"];
            complaints.push_back({.created_at = post.created_at,
                                  .handle = post.author_display,
                                  .post_id = post.platform_id,
                                  .text = post.text,
                                  .compound = score.compound,
                                  .categories = names,
                                  .why = score.Explain()});
          }
        }
        matched_posts.push_back(matched);
        return Status::Ok();
      });
  if (!scanned.ok()) return scanned;

  // Share of voice among the compared queries.
  int64_t share_total = 0;
  for (int64_t count : share_counts) share_total += count;
  for (size_t index = 0; index < set->size(); ++index) {
    report.share_of_voice.push_back({.name = set->query(index).name,
                                     .posts = share_counts[index],
                                     .share = share_total ? static_cast<double>(share_counts[index]) /
                                                                static_cast<double>(share_total)
                                                          : 0.0});
  }
  std::stable_sort(report.share_of_voice.begin(), report.share_of_voice.end(),
                   [](const ShareOfVoice& a, const ShareOfVoice& b) { return a.posts > b.posts; });

  // Volume and sentiment per bin.
  if (!matched_posts.empty()) {
    report.first_at = matched_posts.front().created_at;
    report.last_at = matched_posts.back().created_at;
    report.bin = options.bin.value_or(ChooseBin(*report.last_at - *report.first_at));
    std::map<int64_t, VolumeBin> bins;
    int64_t first_bin = BinStart(*report.first_at, report.bin), last_bin = BinStart(*report.last_at, report.bin);
    // Empty bins between matches are shown as zeros unless there would be too many to read.
    if ((last_bin - first_bin) / BinSeconds(report.bin) < 2000) {
      for (int64_t start = first_bin; start <= last_bin; start += BinSeconds(report.bin)) bins[start].start = start;
    }
    for (const MatchedPost& post : matched_posts) {
      int64_t start = BinStart(post.created_at, report.bin);
      VolumeBin& bin = bins[start];
      bin.start = start;
      ++bin.posts;
      if (!post.label) {
        ++bin.unscored;
        ++report.unscored;
      } else if (*post.label == text::SentimentLabel::kPositive) {
        ++bin.positive;
        ++report.positive;
      } else if (*post.label == text::SentimentLabel::kNegative) {
        ++bin.negative;
        ++report.negative;
      } else {
        ++bin.neutral;
        ++report.neutral;
      }
    }
    for (auto& [start, bin] : bins) report.volume.push_back(bin);
  }
  int64_t scored = report.positive + report.neutral + report.negative;
  report.mean_compound = scored ? compound_sum / static_cast<double>(scored) : 0.0;

  // Voices: followers from each author's profile.
  report.authors = static_cast<int64_t>(authors.size());
  Result<Statement> profile = db.Prepare("SELECT COALESCE(followers_count, 0), COALESCE(handle, name, '') FROM accounts "
                                         "WHERE account_key = ?1");
  if (!profile.ok()) return profile.status();
  std::vector<Voice> voices;
  for (const auto& [author_key, tally] : authors) {
    Voice voice{.handle = tally.handle, .posts = tally.posts, .retweets_received = tally.retweets_received};
    profile->Bind(1, author_key);
    Result<bool> row = profile->Step();
    if (!row.ok()) return row.status();
    if (*row) {
      voice.followers = profile->ColumnInt(0);
      std::string handle = profile->ColumnText(1);
      if (!handle.empty()) voice.handle = handle;
    }
    profile->Reset();
    voices.push_back(voice);
  }
  auto top_by = [&](auto key) {
    std::vector<Voice> sorted = voices;
    std::sort(sorted.begin(), sorted.end(), [&](const Voice& a, const Voice& b) {
      return key(a) != key(b) ? key(a) > key(b) : a.handle < b.handle;
    });
    if (sorted.size() > options.top) sorted.resize(options.top);
    return sorted;
  };
  report.voices_by_reach = top_by([](const Voice& voice) { return voice.followers; });
  report.voices_by_retweets = top_by([](const Voice& voice) { return voice.retweets_received; });
  std::erase_if(report.voices_by_retweets, [](const Voice& voice) { return voice.retweets_received == 0; });

  report.hashtags = Top(hashtag_counts, options.top);
  report.terms = Top(term_counts, options.top);
  report.complaints_total = static_cast<int64_t>(complaints.size());
  report.complaint_categories = Top(category_counts, category_counts.size());
  std::reverse(complaints.begin(), complaints.end());
  if (complaints.size() > options.complaints) complaints.resize(options.complaints);
  report.complaints = std::move(complaints);
  return report;
}

}  // namespace crowdlens
