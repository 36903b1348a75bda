#include "analyses/mix_draft.h"

#include <fmt/format.h>

namespace crowdlens {
namespace {

std::string FeatureList(const MixVerdict& verdict) {
  std::string list;
  for (MixFeature feature : kMixFeatures) {
    if (verdict.Has(feature)) list += (list.empty() ? "" : ", ") + std::string(MixFeatureName(feature));
  }
  return list.empty() ? "none" : list;
}

DraftEstimate Estimate(std::string basis, TravelGroup group) {
  bool enough = group.posts >= kMixMinEvidence;
  return DraftEstimate{.basis = std::move(basis), .group = group, .enough = enough};
}

}  // namespace

std::string CompareFeature(MixFeature feature, const FeatureTravel& travel, bool replies, bool draft_has_feature) {
  const std::string phrase(MixFeaturePhrase(feature));
  const char* measure = replies ? "replies" : "retweets";
  const std::string counts = fmt::format("(n={} vs {})", travel.with.posts, travel.without.posts);
  if (travel.with.posts < kMixMinEvidence || travel.without.posts < kMixMinEvidence) {
    return fmt::format("posts with {}: too few to compare {} (need {} on each side)", phrase, counts, kMixMinEvidence);
  }
  const double with = replies ? travel.with.replies_per_post : travel.with.retweets_per_post;
  const double without = replies ? travel.without.replies_per_post : travel.without.retweets_per_post;
  std::string comparison;
  if (without > 0) {
    comparison =
        fmt::format("posts with {} drew {:.1f}x the {} of those without {}", phrase, with / without, measure, counts);
  } else if (with > 0) {
    comparison =
        fmt::format("posts with {} drew {:.2f} {} per post, those without none {}", phrase, with, measure, counts);
  } else {
    comparison = fmt::format("neither posts with {} nor those without drew {} {}", phrase, measure, counts);
  }
  if (!draft_has_feature)
    comparison = fmt::format("this draft has no {}; {}", phrase.substr(phrase.find(' ') + 1), comparison);
  return comparison;
}

DraftScore ScoreDraft(std::string_view text, const MixSites& sites, std::span<const MixPost> history) {
  DraftScore score;
  score.verdict = ClassifyMixPost({.text = text}, sites);
  const MixVerdict& draft = score.verdict;
  const std::string class_name(MixClassName(draft.mix_class));

  score.estimates.push_back(Estimate("same class (" + class_name + ") and features (" + FeatureList(draft) + ")",
                                     MeasureGroup(history, [&draft](const MixPost& post) {
                                       return post.verdict.mix_class == draft.mix_class &&
                                              post.verdict.features == draft.features;
                                     })));
  score.estimates.push_back(Estimate(
      "same class (" + class_name + ")",
      MeasureGroup(history, [&draft](const MixPost& post) { return post.verdict.mix_class == draft.mix_class; })));
  score.estimates.push_back(Estimate("all own posts", MeasureGroup(history, [](const MixPost&) { return true; })));
  for (size_t index = 0; index < score.estimates.size(); ++index) {
    if (score.estimates[index].enough) {
      score.chosen = index;
      break;
    }
  }

  const TravelGroup& same_class = score.estimates[1].group;
  const TravelGroup& all = score.estimates[2].group;
  if (!score.chosen) {
    score.reasons.push_back(
        fmt::format("evidence too thin: {} own posts (retweets excluded) in this workspace, "
                    "at least {} are needed for an estimate",
                    all.posts, kMixMinEvidence));
  } else if (*score.chosen > 0) {
    score.reasons.push_back(
        fmt::format("only {} posts of the same class and features (need {}): the estimate rests "
                    "on {}",
                    score.estimates[0].group.posts, kMixMinEvidence, score.estimates[*score.chosen].basis));
  }
  if (same_class.posts >= kMixMinEvidence && all.posts > 0) {
    score.reasons.push_back(
        fmt::format("{} posts drew {:.2f} retweets and {:.2f} replies per post (n={}); all own "
                    "posts {:.2f} and {:.2f} (n={})",
                    class_name, same_class.retweets_per_post, same_class.replies_per_post, same_class.posts,
                    all.retweets_per_post, all.replies_per_post, all.posts));
  } else if (all.posts > 0) {
    score.reasons.push_back(fmt::format("only {} {} posts: too few to tell how the class travels (need {})",
                                        same_class.posts, class_name, kMixMinEvidence));
  }
  MixTravel travel = MeasureTravel(history);
  for (MixFeature feature : kMixFeatures) {
    const FeatureTravel& entry = travel.by_feature[static_cast<size_t>(feature)];
    bool has = draft.Has(feature);
    if (!has && entry.with.posts == 0) continue;  // nothing to say about a feature no post has
    if (has && entry.with.posts == 0) {
      score.reasons.push_back(
          fmt::format("no own post has {}: nothing to compare the draft with", MixFeaturePhrase(feature)));
      continue;
    }
    std::string retweets = CompareFeature(feature, entry, false, has);
    score.reasons.push_back(retweets);
    // The too-few line says it all once.
    if (retweets.find("too few") == std::string::npos)
      score.reasons.push_back(CompareFeature(feature, entry, true, has));
  }
  return score;
}

}  // namespace crowdlens
