// Topics of an account: what it talks about, from its profile, the names of
// lists it is on, the accounts it follows and its own posts, scored against
// topics a user defines (keywords, hashtags, example accounts) in the
// workspace config. Every label carries the evidence that produced it.
//
// Evidence, and what each piece adds to a topic's raw weight (TopicWeights):
// - profile (name and bio): each distinct keyword 1.0, each topic hashtag
//   1.5, each example account named 1.0; at most 3.0 in all;
// - each list whose name holds a keyword or a hashtag: 1.0, at most 3.0;
// - being one of the topic's example accounts: 3.0; following one: 1.0 each,
//   at most 3.0;
// - posts: a post with a topic hashtag is a hit of 1.0 (hashtags are the
//   strongest signal a post gives), one with a keyword or a mention of an
//   example account a hit of 0.8; the posts add 3 x hits / (posts + 2). The
//   share, not the count, decides, so a prolific account does not collect
//   every topic from a few stray words; the +2 keeps one post from counting as
//   much as a habit.
// The score is raw / (raw + 1): one profile keyword gives 0.5, two 0.67.
//
// Keywords match by Snowball stem, word for word ("call centres" matches
// "call centre"; "customer service" does not match "service"); keywords with
// the same stems ("sport", "sports") count as one, under the first spelling. Each keyword
// is also a hashtag with its spaces and hyphens removed ("customer service"
// matches #CustomerService); hashtags compare by the stem of the whole tag.
// Sentiment does not matter: "I hate customer service" is on the topic.
//
//   text::TopicClassifier classifier({{.name = "customer-service",
//                                      .keywords = {"customer service", "helpdesk"},
//                                      .hashtags = {"custserv"}}});
//   std::vector<text::TopicLabel> labels = classifier.Classify({.bio = "Head of customer service"});
//   labels[0].score;     // 0.5
//   labels[0].evidence;  // {"profile: \"customer service\""}
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "text/stemmer.h"
#include "text/stemmer_phrases.h"

namespace crowdlens::text {

// One topic as the config defines it.
struct TopicDefinition {
  std::string name;                   // "contact-centres"
  std::vector<std::string> keywords;  // words or phrases: "call centre", "IVR"
  std::vector<std::string> hashtags;  // without '#', any case: "custserv"
  std::vector<std::string> accounts;  // example handles, without '@'
};

// One post of the account, as the classifier reads it.
struct TopicPost {
  std::string text;
  std::vector<std::string> hashtags;  // without '#', as the store holds them
  std::vector<std::string> mentions;  // handles mentioned, without '@'
};

// What is known of one account.
struct TopicInput {
  std::string handle;
  std::string name;
  std::string bio;
  std::vector<std::string> list_names;  // lists the account is a member of
  std::vector<TopicPost> posts;         // its own posts (retweets included: they show interest)
  // Handles it follows; only the topics' example accounts matter, so callers
  // may pass just those.
  std::vector<std::string> followed_handles;
};

// A topic with its score (0..1) and the evidence, strongest first.
struct TopicLabel {
  std::string name;
  double score = 0;
  std::vector<std::string> evidence;
};

// What each kind of evidence weighs; the header comment explains them.
struct TopicWeights {
  double profile_keyword = 1.0;
  double profile_hashtag = 1.5;
  double profile_example_mention = 1.0;
  double profile_cap = 3.0;
  double list = 1.0;
  double list_cap = 3.0;
  double example_account = 3.0;
  double follows_example = 1.0;
  double follows_cap = 3.0;
  double post_hashtag_hit = 1.0;
  double post_keyword_hit = 0.8;
  double posts_scale = 3.0;
  double posts_prior = 2.0;
};

class TopicClassifier {
 public:
  explicit TopicClassifier(std::vector<TopicDefinition> topics, TopicWeights weights = {});

  // Every topic with any evidence, best score first (ties by name).
  std::vector<TopicLabel> Classify(const TopicInput& input) const;

  const std::vector<TopicDefinition>& topics() const { return topics_; }

 private:
  // A keyword phrase or hashtag of one topic.
  struct Term {
    size_t topic = 0;
    std::string display;  // as the config writes it
  };

  std::vector<TopicDefinition> topics_;
  TopicWeights weights_;
  Stemmer stemmer_;
  PhraseMatcher keywords_;                                               // one phrase per keyword Term
  std::vector<Term> keyword_terms_;                                      // by phrase index
  std::unordered_map<std::string, std::vector<size_t>> hashtag_topics_;  // stem of the joined tag -> topics
  std::unordered_map<std::string, std::vector<size_t>> example_topics_;  // lower-case handle -> topics
};

}  // namespace crowdlens::text
