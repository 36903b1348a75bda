// The segment settings of crowdlens.toml: the topics a user defines, the
// organisations and functions behind roles, and the score thresholds. Part of
// Config (config.h), read from the [topics], [topics.NAME] and [roles]
// tables by segment_config_reader.h. ([segments] holds the audience's named
// segment rules: audience_config.h.)
//
//   [topics.customer-service]
//   keywords = ["customer service", "customer support", "helpdesk"]
//   hashtags = ["custserv", "cx"]
//   accounts = ["AskAmex"]
//
//   const SegmentConfig& segments = config.segments;
//   segments.topics[0].name;           // "customer-service"
//   SegmentConfigDigest(segments);     // changes when any of it changes
#pragma once

#include <string>
#include <vector>

#include "text/role_classifier.h"
#include "text/topic_classifier.h"

namespace crowdlens {

struct SegmentConfig {
  std::vector<text::TopicDefinition> topics;  // in the order the file's keys sort
  text::RoleSettings roles;
  // A label is listed when its score reaches its threshold: [topics] threshold,
  // [roles] threshold and spam_threshold.
  double topic_threshold = 0.4;
  double role_threshold = 0.5;
  double spam_threshold = 0.5;
};

// A fingerprint of every setting (hex of a 64-bit FNV-1a over a canonical
// form), stored beside computed labels so that a changed config is noticed.
std::string SegmentConfigDigest(const SegmentConfig& config);

}  // namespace crowdlens
