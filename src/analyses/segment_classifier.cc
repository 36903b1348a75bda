#include "analyses/segment_classifier.h"

#include <algorithm>
#include <set>

#include "analyses/segment_classifier_inputs.h"
#include "text/location.h"
#include "text/role_classifier.h"
#include "text/spam_score.h"
#include "text/topic_classifier.h"

namespace crowdlens {
namespace {

constexpr double kSecondsPerDay = 86400;

std::string LowerHandle(std::string handle) {
  if (!handle.empty() && handle.front() == '@') handle.erase(0, 1);
  for (char& c : handle) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return handle;
}

template <typename Label>
void KeepLabels(const std::vector<Label>& labels, double threshold, bool keep_all, std::vector<SegmentLabel>& out) {
  for (const Label& label : labels) {
    if (keep_all || label.score >= threshold) {
      out.push_back({.name = label.name, .score = label.score, .evidence = label.evidence});
    }
  }
}

text::SpamFeatures SpamFeaturesOf(const AccountFacts& facts) {
  text::SpamFeatures features;
  features.followers = facts.followers;
  features.following = facts.following;
  if (facts.created_at && facts.profile_observed_at && *facts.profile_observed_at >= *facts.created_at) {
    double age_days = static_cast<double>(*facts.profile_observed_at - *facts.created_at) / kSecondsPerDay;
    features.account_age_days = age_days;
    if (facts.post_count) features.posts_per_day = static_cast<double>(*facts.post_count) / std::max(age_days, 1.0);
  }
  features.posts_seen = facts.posts.size();
  features.posts_with_url = facts.posts_with_url;
  for (const text::TopicPost& post : facts.posts) features.hashtags_in_posts += post.hashtags.size();
  features.original_posts = facts.original_texts.size();
  features.duplicate_posts = text::CountDuplicateTexts(facts.original_texts);
  features.has_bio = !facts.bio.empty();
  features.has_location = !facts.location.empty();
  features.handle = facts.handle;
  return features;
}

}  // namespace

Result<std::vector<AccountSegments>> ClassifyAccounts(Workspace& workspace, const Config& config,
                                                      const ClassifyOptions& options) {
  const SegmentConfig& settings = config.segmentation;
  std::set<std::string> example_set;
  for (const text::TopicDefinition& topic : settings.topics) {
    for (const std::string& account : topic.accounts) example_set.insert(LowerHandle(account));
  }
  std::vector<std::string> examples(example_set.begin(), example_set.end());
  Result<std::vector<AccountFacts>> facts = LoadAccountFacts(workspace, options.account_keys, examples);
  if (!facts.ok()) return facts.status();
  Result<text::LocationResolver> resolver = text::LocationResolver::Load();
  if (!resolver.ok()) return resolver.status();

  text::TopicClassifier topic_classifier(settings.topics);
  text::RoleClassifier role_classifier(settings.roles);
  std::vector<AccountSegments> segments;
  segments.reserve(facts->size());
  for (AccountFacts& account : *facts) {
    AccountSegments labels{.account_key = account.account_key};
    labels.location_method = "unknown";
    if (!account.location.empty() || !account.time_zone.empty()) {
      text::ResolvedLocation place = resolver->Resolve(account.location, account.time_zone);
      if (place.known()) {
        labels.country = place.country;
        labels.region = place.region;
        labels.city = place.city;
        labels.location_confidence = place.confidence;
        labels.location_method = text::LocationMethodName(place.method);
      }
    }

    text::TopicInput topic_input{.handle = account.handle,
                                 .name = account.name,
                                 .bio = account.bio,
                                 .list_names = std::move(account.list_names),
                                 .posts = std::move(account.posts),
                                 .followed_handles = std::move(account.followed_examples)};
    KeepLabels(topic_classifier.Classify(topic_input), settings.topic_threshold, options.keep_below_threshold,
               labels.topics);

    text::RoleInput role_input{.handle = account.handle,
                               .name = account.name,
                               .bio = account.bio,
                               .url = account.url,
                               .followers = account.followers,
                               .following = account.following,
                               .verified = account.verified,
                               .contacts = std::move(account.contacts)};
    KeepLabels(role_classifier.Classify(role_input), settings.role_threshold, options.keep_below_threshold,
               labels.roles);

    // The spam score needs a profile: an account known only by id has no features.
    if (account.profile_observed_at) {
      account.posts = std::move(topic_input.posts);
      text::SpamScore spam = text::ScoreSpam(SpamFeaturesOf(account));
      labels.spam_score = spam.score;
      if (spam.score > 0 && (options.keep_below_threshold || spam.score >= settings.spam_threshold)) {
        labels.roles.push_back({.name = "spam", .score = spam.score, .evidence = spam.reasons()});
      }
    }
    segments.push_back(std::move(labels));
  }
  return segments;
}

}  // namespace crowdlens
