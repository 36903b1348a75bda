// How well topic classification recovers TwiBot-20's domain labels
// (politics, business, entertainment, sports) on the public sample, with the
// four-domain config tests/fixtures/segments/twibot_domains.toml. The figures
// printed here are the ones in docs/segments.md; the test keeps floors a
// little under them so that a change that loses recovery fails.
//
// Run: build/<dir>/tests/analyses_tests --gtest_filter='SegmentTwibot*'
#include <gtest/gtest.h>
#include <simdjson.h>

#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "store/config.h"
#include "test_data.h"
#include "text/entities.h"
#include "text/topic_classifier.h"

namespace crowdlens {
namespace {

constexpr std::array<const char*, 4> kDomains = {"politics", "business", "entertainment", "sports"};

struct TwibotUser {
  std::string handle;
  std::string name;
  std::string bio;
  std::vector<std::string> tweets;
  std::set<std::string> domains;  // lower-case; the file spells business "Bussiness"
};

std::string Trimmed(std::string_view text) {
  size_t begin = text.find_first_not_of(" \n\r\t");
  if (begin == std::string_view::npos) return {};
  size_t end = text.find_last_not_of(" \n\r\t");
  return std::string(text.substr(begin, end - begin + 1));
}

std::string TextField(simdjson::dom::element object, const char* key) {
  std::string_view text;
  if (object[key].get(text) != simdjson::SUCCESS) return {};
  return Trimmed(text);
}

std::vector<TwibotUser> LoadTwibot(const std::string& path) {
  simdjson::dom::parser parser;
  simdjson::dom::element root = parser.load(path);
  std::vector<TwibotUser> users;
  for (simdjson::dom::element record : root.get_array()) {
    TwibotUser user;
    simdjson::dom::element profile = record["profile"];
    user.handle = TextField(profile, "screen_name");
    user.name = TextField(profile, "name");
    user.bio = TextField(profile, "description");
    simdjson::dom::array tweets;
    if (record["tweet"].get(tweets) == simdjson::SUCCESS) {
      for (simdjson::dom::element tweet : tweets) {
        std::string_view text;
        if (tweet.get(text) == simdjson::SUCCESS) user.tweets.push_back(Trimmed(text));
      }
    }
    for (simdjson::dom::element domain : record["domain"].get_array()) {
      std::string name = Trimmed(std::string_view(domain));
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      user.domains.insert(name == "bussiness" ? "business" : name);
    }
    users.push_back(std::move(user));
  }
  return users;
}

struct ClassCounts {
  int true_positive = 0;
  int false_positive = 0;
  int false_negative = 0;
  int true_negative = 0;
  double precision() const {
    return true_positive + false_positive == 0 ? 0 : double(true_positive) / (true_positive + false_positive);
  }
  double recall() const {
    return true_positive + false_negative == 0 ? 0 : double(true_positive) / (true_positive + false_negative);
  }
  double f1() const {
    double p = precision(), r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
};

struct Evaluation {
  std::map<std::string, ClassCounts> classes;
  int users = 0;
  int exact_sets = 0;       // predicted set == labelled set
  int decisions_right = 0;  // of users x 4 domain decisions
  int top_in_labels = 0;    // the best-scoring topic is one of the user's domains
  int users_with_a_topic = 0;
  double hamming_accuracy() const { return double(decisions_right) / (users * 4); }
  double macro_f1() const {
    double sum = 0;
    for (const char* domain : kDomains) sum += classes.at(domain).f1();
    return sum / 4;
  }
};

// Scores every user; `predicted` gives the domains kept for one user from its labels.
template <typename Predict>
Evaluation Evaluate(const std::vector<TwibotUser>& users, const std::vector<std::vector<text::TopicLabel>>& labels,
                    Predict predicted_of) {
  Evaluation evaluation;
  for (const char* domain : kDomains) evaluation.classes[domain];
  for (size_t index = 0; index < users.size(); ++index) {
    std::set<std::string> predicted = predicted_of(labels[index]);
    const std::set<std::string>& truth = users[index].domains;
    ++evaluation.users;
    if (predicted == truth) ++evaluation.exact_sets;
    if (!labels[index].empty() && truth.contains(labels[index].front().name)) ++evaluation.top_in_labels;
    if (!predicted.empty()) ++evaluation.users_with_a_topic;
    for (const char* domain : kDomains) {
      bool said = predicted.contains(domain), is = truth.contains(domain);
      ClassCounts& counts = evaluation.classes[domain];
      if (said && is) ++counts.true_positive;
      if (said && !is) ++counts.false_positive;
      if (!said && is) ++counts.false_negative;
      if (!said && !is) ++counts.true_negative;
      if (said == is) ++evaluation.decisions_right;
    }
  }
  return evaluation;
}

void Print(const std::string& title, const Evaluation& evaluation) {
  std::printf("%s\n", title.c_str());
  std::printf("  %-14s %9s %6s %6s %6s  (tp fp fn tn)\n", "domain", "precision", "recall", "f1", "");
  for (const char* domain : kDomains) {
    const ClassCounts& counts = evaluation.classes.at(domain);
    std::printf("  %-14s %9.3f %6.3f %6.3f         %d %d %d %d\n", domain, counts.precision(), counts.recall(),
                counts.f1(), counts.true_positive, counts.false_positive, counts.false_negative, counts.true_negative);
  }
  std::printf(
      "  hamming accuracy %.3f  macro-F1 %.3f  exact sets %d/%d  top topic in labels %d/%d  "
      "users with a topic %d\n",
      evaluation.hamming_accuracy(), evaluation.macro_f1(), evaluation.exact_sets, evaluation.users,
      evaluation.top_in_labels, evaluation.users, evaluation.users_with_a_topic);
}

// The area under the ROC curve of one topic's score for one domain label: the
// chance that a user with the label scores higher than one without (ties
// count half). Needs no threshold; 0.5 is chance. NaN without negatives.
double Auc(const std::vector<TwibotUser>& users, const std::vector<std::vector<text::TopicLabel>>& labels,
           const std::string& domain) {
  std::vector<double> positives, negatives;
  for (size_t index = 0; index < users.size(); ++index) {
    double score = 0;
    for (const text::TopicLabel& label : labels[index]) {
      if (label.name == domain) score = label.score;
    }
    (users[index].domains.contains(domain) ? positives : negatives).push_back(score);
  }
  if (positives.empty() || negatives.empty()) return std::nan("");
  double wins = 0;
  for (double positive : positives) {
    for (double negative : negatives) wins += positive > negative ? 1 : positive == negative ? 0.5 : 0;
  }
  return wins / (static_cast<double>(positives.size()) * static_cast<double>(negatives.size()));
}

class SegmentTwibot : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!testing::SharedDataPresent()) GTEST_SKIP() << "shared data not found at " << CROWDLENS_SHARED_DATA;
    users_ = LoadTwibot(testing::SharedPath("twibot20-sample/TwiBot-20_sample.json"));
    Result<Config> config = Config::Load(testing::TestsPath("fixtures/segments/twibot_domains.toml"));
    ASSERT_TRUE(config.ok()) << config.status().message();
    threshold_ = config->segmentation.topic_threshold;
    text::TopicClassifier classifier(config->segmentation.topics);
    for (const TwibotUser& user : users_) {
      text::TopicInput input{.handle = user.handle, .name = user.name, .bio = user.bio};
      for (const std::string& tweet : user.tweets) {
        input.posts.push_back({.text = tweet, .hashtags = ExtractHashtags(tweet), .mentions = {}});
      }
      labels_.push_back(classifier.Classify(input));
    }
  }

  std::vector<TwibotUser> users_;
  std::vector<std::vector<text::TopicLabel>> labels_;
  double threshold_ = 0;
};

// The ground truth as read here equals an independent count of the file:
//   /usr/bin/python3 tests/expected/scripts/twibot_domains.py ../shared/data/twibot20-sample/TwiBot-20_sample.json
// prints users 100, tweets 17372, politics 100, business 43, entertainment 44, sports 43.
TEST_F(SegmentTwibot, ReadsTheSampleAsAnIndependentCountDoes) {
  size_t tweets = 0;
  std::map<std::string, int> per_domain;
  for (const TwibotUser& user : users_) {
    tweets += user.tweets.size();
    for (const std::string& domain : user.domains) ++per_domain[domain];
  }
  EXPECT_EQ(users_.size(), 100u);
  EXPECT_EQ(tweets, 17372u);
  EXPECT_EQ(per_domain["politics"], 100);
  EXPECT_EQ(per_domain["business"], 43);
  EXPECT_EQ(per_domain["entertainment"], 44);
  EXPECT_EQ(per_domain["sports"], 43);
  EXPECT_EQ(per_domain.size(), 4u);
}

TEST_F(SegmentTwibot, TopicsRecoverTheDomainLabels) {
  Evaluation at_threshold = Evaluate(users_, labels_, [&](const std::vector<text::TopicLabel>& labels) {
    std::set<std::string> kept;
    for (const text::TopicLabel& label : labels) {
      if (label.score >= threshold_) kept.insert(label.name);
    }
    return kept;
  });
  Print("topics at the config threshold", at_threshold);
  std::printf("  ROC AUC of each topic's score for its label (politics: every user has it, no AUC):\n");
  std::map<std::string, double> auc;
  for (const char* domain : {"business", "entertainment", "sports"}) {
    auc[domain] = Auc(users_, labels_, domain);
    std::printf("  %-14s %.3f\n", domain, auc[domain]);
  }
  // Baselines from the labels alone: every user labelled with all four domains, or with politics only.
  Evaluation all_four =
      Evaluate(users_, labels_, [](const auto&) { return std::set<std::string>(kDomains.begin(), kDomains.end()); });
  Print("baseline: all four domains", all_four);
  Evaluation politics_only = Evaluate(users_, labels_, [](const auto&) { return std::set<std::string>{"politics"}; });
  Print("baseline: politics only", politics_only);

  // Floors a little under the measured figures (docs/segments.md: Hamming accuracy 0.500, politics
  // recall 0.320, best topic among the labels for 67 users, AUC 0.667 / 0.649 / 0.573).
  EXPECT_GE(at_threshold.hamming_accuracy(), 0.47);
  EXPECT_GE(at_threshold.classes.at("politics").recall(), 0.28);
  EXPECT_DOUBLE_EQ(at_threshold.classes.at("politics").precision(), 1.0);  // every user is labelled politics
  EXPECT_GE(at_threshold.top_in_labels, 62);
  EXPECT_GE(auc["business"], 0.62);
  EXPECT_GE(auc["entertainment"], 0.60);
  EXPECT_GE(auc["sports"], 0.53);
}

}  // namespace
}  // namespace crowdlens
