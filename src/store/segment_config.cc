#include "store/segment_config.h"

#include <cstdint>
#include <cstdio>
#include <string_view>

namespace crowdlens {
namespace {

// FNV-1a, 64 bits (Fowler, Noll, Vo): a stable hash, not a secure one.
class Fnv1a {
 public:
  void Add(std::string_view text) {
    for (char c : text) {
      hash_ ^= static_cast<unsigned char>(c);
      hash_ *= 0x100000001b3ULL;
    }
    // A separator that no text holds, so ["ab"] and ["a", "b"] differ.
    hash_ ^= 0xFF;
    hash_ *= 0x100000001b3ULL;
  }
  void Add(const std::vector<std::string>& texts) {
    Add(std::to_string(texts.size()));
    for (const std::string& text : texts) Add(text);
  }
  void Add(double value) {
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%.17g", value);
    Add(std::string_view(buffer));
  }
  std::string Hex() const {
    char buffer[17];
    std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(hash_));
    return buffer;
  }

 private:
  uint64_t hash_ = 0xcbf29ce484222325ULL;
};

void AddOrganisations(Fnv1a& hash, const text::RoleOrganisations& organisations) {
  hash.Add(organisations.names);
  hash.Add(organisations.handles);
  hash.Add(organisations.domains);
  hash.Add(organisations.keywords);
}

}  // namespace

std::string SegmentConfigDigest(const SegmentConfig& config) {
  Fnv1a hash;
  hash.Add(std::to_string(config.topics.size()));
  for (const text::TopicDefinition& topic : config.topics) {
    hash.Add(topic.name);
    hash.Add(topic.keywords);
    hash.Add(topic.hashtags);
    hash.Add(topic.accounts);
  }
  AddOrganisations(hash, config.roles.colleagues);
  AddOrganisations(hash, config.roles.suppliers);
  AddOrganisations(hash, config.roles.competitors);
  hash.Add(config.roles.decision_functions);
  hash.Add(static_cast<double>(config.roles.celebrity_min_followers));
  hash.Add(config.roles.celebrity_min_ratio);
  hash.Add(config.topic_threshold);
  hash.Add(config.role_threshold);
  hash.Add(config.spam_threshold);
  return hash.Hex();
}

}  // namespace crowdlens
