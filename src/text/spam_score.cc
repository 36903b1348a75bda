#include "text/spam_score.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <unordered_set>

#include "text/stemmer.h"

namespace crowdlens::text {
namespace {

// 0 at `zero`, 1 at `one`, linear between (either direction).
double Ramp(double value, double zero, double one) {
  double position = (value - zero) / (one - zero);
  return std::clamp(position, 0.0, 1.0);
}

std::string Decimal(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, value >= 10 ? "%.0f" : "%.1f", value);
  return buffer;
}

size_t TrailingDigits(const std::string& handle) {
  size_t digits = 0;
  while (digits < handle.size() && handle[handle.size() - 1 - digits] >= '0' &&
         handle[handle.size() - 1 - digits] <= '9') {
    ++digits;
  }
  return digits;
}

// The text without @mentions, for duplicate comparison.
std::string WithoutMentions(const std::string& text) {
  std::string out;
  for (size_t index = 0; index < text.size(); ++index) {
    if (text[index] == '@') {
      while (index + 1 < text.size() &&
             (std::isalnum(static_cast<unsigned char>(text[index + 1])) || text[index + 1] == '_')) {
        ++index;
      }
      continue;
    }
    out += text[index];
  }
  return out;
}

}  // namespace

std::vector<std::string> SpamScore::reasons() const {
  std::vector<std::string> out;
  for (const SpamFeatureScore& feature : features) {
    if (feature.ramp > 0) out.push_back(feature.reason);
  }
  return out;
}

SpamScore ScoreSpam(const SpamFeatures& input) {
  SpamScore spam;
  auto add = [&](std::string feature, double value, double ramp, double weight, std::string reason) {
    spam.features.push_back(
        {.feature = std::move(feature), .value = value, .ramp = ramp, .weight = weight, .reason = std::move(reason)});
  };
  if (input.account_age_days) {
    double days = *input.account_age_days;
    add("account_age_days", days, Ramp(days, 365, 30), 0.15, "account " + Decimal(days) + " days old");
  }
  if (input.followers && input.following) {
    double ratio = static_cast<double>(*input.following) / static_cast<double>(std::max<int64_t>(*input.followers, 1));
    double ramp = *input.following >= 100 ? Ramp(ratio, 2, 20) : 0;
    add("following_per_follower", ratio, ramp, 0.20,
        "follows " + std::to_string(*input.following) + ", followed by " + std::to_string(*input.followers) + " (" +
            Decimal(ratio) + " per follower)");
  }
  if (input.posts_per_day) {
    add("posts_per_day", *input.posts_per_day, Ramp(*input.posts_per_day, 20, 100), 0.10,
        Decimal(*input.posts_per_day) + " posts a day");
  }
  if (input.posts_seen >= 3) {
    double posts = static_cast<double>(input.posts_seen);
    double url_share = static_cast<double>(input.posts_with_url) / posts;
    add("url_share", url_share, Ramp(url_share, 0.5, 0.9), 0.20,
        std::to_string(input.posts_with_url) + " of " + std::to_string(input.posts_seen) + " posts carry a URL");
    double hashtags = static_cast<double>(input.hashtags_in_posts) / posts;
    add("hashtags_per_post", hashtags, Ramp(hashtags, 1, 4), 0.10, Decimal(hashtags) + " hashtags per post");
  }
  if (input.original_posts >= 3) {
    double share = static_cast<double>(input.duplicate_posts) / static_cast<double>(input.original_posts);
    add("duplicate_share", share, Ramp(share, 0.1, 0.5), 0.15,
        std::to_string(input.duplicate_posts) + " of " + std::to_string(input.original_posts) +
            " original posts repeat an earlier text");
  }
  double default_profile =
      (input.has_bio ? 0 : 0.6) + (input.has_location ? 0 : 0.2) + (TrailingDigits(input.handle) >= 5 ? 0.2 : 0);
  std::string missing;
  if (!input.has_bio) missing += "no bio";
  if (!input.has_location) missing += std::string(missing.empty() ? "" : ", ") + "no location";
  if (TrailingDigits(input.handle) >= 5) missing += std::string(missing.empty() ? "" : ", ") + "handle ends in digits";
  add("default_profile", default_profile, default_profile, 0.10, "default profile: " + missing);

  for (const SpamFeatureScore& feature : spam.features) spam.score += feature.weight * feature.ramp;
  std::stable_sort(spam.features.begin(), spam.features.end(), [](const auto& left, const auto& right) {
    return left.weight * left.ramp > right.weight * right.ramp;
  });
  return spam;
}

size_t CountDuplicateTexts(const std::vector<std::string>& texts) {
  std::unordered_set<std::string> seen;
  size_t duplicates = 0;
  for (const std::string& text : texts) {
    std::string key;
    for (const std::string& word : LowercaseWords(WithoutMentions(text))) key += word + " ";
    if (!seen.insert(key).second) ++duplicates;
  }
  return duplicates;
}

}  // namespace crowdlens::text
