// Segments: what crowdlens knows about one account for audience questions —
// where it is, what it talks about, what role it plays — each label with a
// score and the evidence behind it, so a user can see why.
//
// ClassifyAccounts (segment_classifier.h) fills these from the workspace and
// the config's topics and roles; the audience rule (audience_rule.h) and
// `crowdlens audience` read them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace crowdlens {

// One label (a topic or a role) with its strength and what produced it.
struct SegmentLabel {
  std::string name;                    // "contact-centres", "journalist", "supplier"
  double score = 0;                    // 0..1; a label is only listed when it passes its threshold
  std::vector<std::string> evidence;   // "bio: 'head of customer service'", "#custserv in 4 posts"
};

struct AccountSegments {
  int64_t account_key = 0;
  // Location (country ISO 3166-1 alpha-2, empty when unknown).
  std::string country;
  std::string region;
  std::string city;
  double location_confidence = 0;
  std::string location_method;  // "text", "flag", "time_zone", ... ; "unknown" when unresolved
  std::vector<SegmentLabel> topics;
  std::vector<SegmentLabel> roles;  // journalist, supplier, competitor, colleague, decision-maker, celebrity,
                                    // organisation, person, spam
  double spam_score = 0;            // 0..1, with its reasons among roles when it passes the threshold
};

}  // namespace crowdlens
