#include "text/topic_classifier.h"

#include <algorithm>
#include <map>
#include <set>

#include "text/entities.h"

namespace crowdlens::text {
namespace {

// A hashtag or handle in one comparable form: its words, lower-case, run
// together ("#Covid_19" and "covid19" meet; "k-pop" gives "kpop").
std::string JoinedLowercase(std::string_view text) {
  std::string joined;
  for (const std::string& word : LowercaseWords(text)) {
    for (char c : word) {
      if (c != '\'') joined += c;
    }
  }
  return joined;
}

std::string LowerHandle(std::string_view handle) {
  std::string lower;
  for (char c : handle) {
    if (c == '@' && lower.empty()) continue;
    lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return lower;
}

// What one topic collected for one account.
struct Tally {
  bool is_example = false;
  std::set<std::string> profile_keywords;   // config text of each keyword found
  std::set<std::string> profile_hashtags;   // "#Tag" as written
  std::set<std::string> profile_mentions;   // "@handle" as written
  std::vector<std::string> lists;           // list names
  std::set<std::string> followed_examples;  // "@handle"
  double post_hits = 0;
  std::map<std::string, int> post_hashtags;  // "#tag" -> posts
  std::map<std::string, int> post_keywords;  // "\"keyword\"" -> posts
  std::map<std::string, int> post_mentions;  // "@handle" -> posts
  bool any() const {
    return is_example || !profile_keywords.empty() || !profile_hashtags.empty() || !profile_mentions.empty() ||
           !lists.empty() || !followed_examples.empty() || post_hits > 0;
  }
};

std::string Quoted(const std::string& text) { return "\"" + text + "\""; }

}  // namespace

TopicClassifier::TopicClassifier(std::vector<TopicDefinition> topics, TopicWeights weights)
    : topics_(std::move(topics)), weights_(weights) {
  auto add_hashtag = [&](const std::string& tag, size_t topic) {
    std::string joined = JoinedLowercase(tag);
    if (joined.empty()) return;
    std::vector<size_t>& owners = hashtag_topics_[stemmer_.Stem(joined)];
    if (std::find(owners.begin(), owners.end(), topic) == owners.end()) owners.push_back(topic);
  };
  for (size_t topic = 0; topic < topics_.size(); ++topic) {
    // Keywords with the same stems ("sport", "sports") are one keyword: they count once.
    std::set<std::vector<std::string>> topic_stems;
    for (const std::string& keyword : topics_[topic].keywords) {
      std::vector<std::string> stems = stemmer_.StemWords(LowercaseWords(keyword));
      add_hashtag(keyword, topic);
      if (stems.empty() || !topic_stems.insert(stems).second) continue;
      keywords_.Add(std::move(stems));
      keyword_terms_.push_back({.topic = topic, .display = keyword});
    }
    for (const std::string& hashtag : topics_[topic].hashtags) add_hashtag(hashtag, topic);
    for (const std::string& account : topics_[topic].accounts) {
      std::vector<size_t>& owners = example_topics_[LowerHandle(account)];
      if (std::find(owners.begin(), owners.end(), topic) == owners.end()) owners.push_back(topic);
    }
  }
}

std::vector<TopicLabel> TopicClassifier::Classify(const TopicInput& input) const {
  std::vector<Tally> tallies(topics_.size());
  auto topics_of_hashtag = [&](const std::string& tag) -> const std::vector<size_t>* {
    auto found = hashtag_topics_.find(stemmer_.Stem(JoinedLowercase(tag)));
    return found == hashtag_topics_.end() ? nullptr : &found->second;
  };
  auto topics_of_handle = [&](const std::string& handle) -> const std::vector<size_t>* {
    auto found = example_topics_.find(LowerHandle(handle));
    return found == example_topics_.end() ? nullptr : &found->second;
  };
  auto keyword_stems = [&](std::string_view text) {
    return stemmer_.StemWords(LowercaseWords(text, {.keep_hashtags = false}));
  };

  if (const std::vector<size_t>* owners = topics_of_handle(input.handle)) {
    for (size_t topic : *owners) tallies[topic].is_example = true;
  }

  // The profile: display name and bio.
  std::string profile = input.name + "\n" + input.bio;
  for (const PhraseMatch& match : keywords_.FindAll(keyword_stems(profile))) {
    const Term& term = keyword_terms_[match.phrase];
    tallies[term.topic].profile_keywords.insert(term.display);
  }
  for (const std::string& tag : ExtractHashtags(profile)) {
    if (const std::vector<size_t>* owners = topics_of_hashtag(tag)) {
      for (size_t topic : *owners) tallies[topic].profile_hashtags.insert("#" + tag);
    }
  }
  for (const std::string& mention : ExtractMentions(input.bio)) {
    if (const std::vector<size_t>* owners = topics_of_handle(mention)) {
      for (size_t topic : *owners) tallies[topic].profile_mentions.insert("@" + mention);
    }
  }

  // Lists the account is on: a list counts once per topic.
  for (const std::string& list_name : input.list_names) {
    std::set<size_t> list_topics;
    for (const PhraseMatch& match : keywords_.FindAll(keyword_stems(list_name))) {
      list_topics.insert(keyword_terms_[match.phrase].topic);
    }
    if (const std::vector<size_t>* owners = topics_of_hashtag(list_name))
      list_topics.insert(owners->begin(), owners->end());
    for (size_t topic : list_topics) tallies[topic].lists.push_back(list_name);
  }

  for (const std::string& followed : input.followed_handles) {
    if (const std::vector<size_t>* owners = topics_of_handle(followed)) {
      for (size_t topic : *owners) tallies[topic].followed_examples.insert("@" + followed);
    }
  }

  // Posts: each post is one hit at most per topic, a hashtag hit when it
  // carries a topic hashtag.
  for (const TopicPost& post : input.posts) {
    std::map<size_t, bool> hits;                    // topic -> has a hashtag
    std::set<std::pair<size_t, std::string>> seen;  // (topic, evidence key) once per post
    for (const std::string& tag : post.hashtags) {
      if (const std::vector<size_t>* owners = topics_of_hashtag(tag)) {
        std::string key = "#" + JoinedLowercase(tag);
        for (size_t topic : *owners) {
          hits[topic] = true;
          if (seen.insert({topic, key}).second) ++tallies[topic].post_hashtags[key];
        }
      }
    }
    for (const PhraseMatch& match : keywords_.FindAll(keyword_stems(post.text))) {
      const Term& term = keyword_terms_[match.phrase];
      hits.try_emplace(term.topic, false);
      std::string key = Quoted(term.display);
      if (seen.insert({term.topic, key}).second) ++tallies[term.topic].post_keywords[key];
    }
    for (const std::string& mention : post.mentions) {
      if (const std::vector<size_t>* owners = topics_of_handle(mention)) {
        std::string key = "@" + mention;
        for (size_t topic : *owners) {
          hits.try_emplace(topic, false);
          if (seen.insert({topic, key}).second) ++tallies[topic].post_mentions[key];
        }
      }
    }
    for (const auto& [topic, has_hashtag] : hits) {
      tallies[topic].post_hits += has_hashtag ? weights_.post_hashtag_hit : weights_.post_keyword_hit;
    }
  }

  std::vector<TopicLabel> labels;
  const double post_total = static_cast<double>(input.posts.size());
  const std::string of_posts = " of " + std::to_string(input.posts.size()) + " posts";
  for (size_t topic = 0; topic < topics_.size(); ++topic) {
    const Tally& tally = tallies[topic];
    if (!tally.any()) continue;
    TopicLabel label{.name = topics_[topic].name, .score = 0, .evidence = {}};
    double raw = 0;
    if (tally.is_example) {
      raw += weights_.example_account;
      label.evidence.push_back("example account of the topic");
    }
    double profile = weights_.profile_keyword * static_cast<double>(tally.profile_keywords.size()) +
                     weights_.profile_hashtag * static_cast<double>(tally.profile_hashtags.size()) +
                     weights_.profile_example_mention * static_cast<double>(tally.profile_mentions.size());
    raw += std::min(profile, weights_.profile_cap);
    for (const std::string& keyword : tally.profile_keywords) label.evidence.push_back("profile: " + Quoted(keyword));
    for (const std::string& tag : tally.profile_hashtags) label.evidence.push_back("profile: " + tag);
    for (const std::string& mention : tally.profile_mentions) label.evidence.push_back("profile names " + mention);
    raw += std::min(weights_.list * static_cast<double>(tally.lists.size()), weights_.list_cap);
    for (const std::string& list_name : tally.lists) label.evidence.push_back("on list " + Quoted(list_name));
    raw +=
        std::min(weights_.follows_example * static_cast<double>(tally.followed_examples.size()), weights_.follows_cap);
    for (const std::string& followed : tally.followed_examples) label.evidence.push_back("follows " + followed);
    if (tally.post_hits > 0) {
      raw += weights_.posts_scale * tally.post_hits / (post_total + weights_.posts_prior);
      // Post evidence, most frequent first: hashtags, then keywords, then mentions at equal counts.
      std::vector<std::pair<int, std::string>> post_evidence;
      for (const auto& [tag, posts] : tally.post_hashtags) post_evidence.push_back({posts, tag});
      for (const auto& [keyword, posts] : tally.post_keywords) post_evidence.push_back({posts, keyword});
      for (const auto& [mention, posts] : tally.post_mentions) post_evidence.push_back({posts, "mentions " + mention});
      std::stable_sort(post_evidence.begin(), post_evidence.end(),
                       [](const auto& left, const auto& right) { return left.first > right.first; });
      constexpr size_t kMostPostEvidence = 5;
      for (size_t index = 0; index < post_evidence.size() && index < kMostPostEvidence; ++index) {
        label.evidence.push_back(post_evidence[index].second + " in " + std::to_string(post_evidence[index].first) +
                                 of_posts);
      }
    }
    label.score = raw / (raw + 1);
    labels.push_back(std::move(label));
  }
  std::sort(labels.begin(), labels.end(), [](const TopicLabel& left, const TopicLabel& right) {
    return left.score != right.score ? left.score > right.score : left.name < right.name;
  });
  return labels;
}

}  // namespace crowdlens::text
