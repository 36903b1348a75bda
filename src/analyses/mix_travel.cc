#include "analyses/mix_travel.h"

namespace crowdlens {

TravelGroup MeasureGroup(std::span<const MixPost> posts, const std::function<bool(const MixPost&)>& keep) {
  TravelGroup group;
  for (const MixPost& post : posts) {
    if (post.is_retweet || !keep(post)) continue;
    ++group.posts;
    group.retweets += post.retweets_received;
    group.replies += post.replies_received;
  }
  if (group.posts > 0) {
    group.retweets_per_post = static_cast<double>(group.retweets) / static_cast<double>(group.posts);
    group.replies_per_post = static_cast<double>(group.replies) / static_cast<double>(group.posts);
  }
  return group;
}

MixTravel MeasureTravel(std::span<const MixPost> posts) {
  MixTravel travel;
  travel.all = MeasureGroup(posts, [](const MixPost&) { return true; });
  for (MixClass mix_class : kMixClasses) {
    travel.by_class[static_cast<size_t>(mix_class)] =
        MeasureGroup(posts, [mix_class](const MixPost& post) { return post.verdict.mix_class == mix_class; });
  }
  for (MixFeature feature : kMixFeatures) {
    FeatureTravel& entry = travel.by_feature[static_cast<size_t>(feature)];
    entry.with = MeasureGroup(posts, [feature](const MixPost& post) { return post.verdict.Has(feature); });
    entry.without = MeasureGroup(posts, [feature](const MixPost& post) { return !post.verdict.Has(feature); });
  }
  for (const MixPost& post : posts) {
    if (post.is_retweet) continue;
    if (post.stored_retweets) ++travel.posts_with_stored_retweets;
    if (post.stored_replies) ++travel.posts_with_stored_replies;
    if (post.observed_retweets > 0) ++travel.posts_with_observed_retweets;
    if (post.observed_replies > 0) ++travel.posts_with_observed_replies;
  }
  return travel;
}

}  // namespace crowdlens
