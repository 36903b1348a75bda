// Contact: one person from an address book (LinkedIn, Google, Outlook, vCard).
//
// Contacts are not accounts: they are people the owner knows by name and
// email. Matching them to social accounts is an analysis; the handles and
// links a card already names are kept so that matching can start from them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace crowdlens {

struct SocialHandle {
  std::string platform;  // "twitter", "linkedin", "bluesky", "mastodon", ...
  std::string handle;    // as written, without '@' for Twitter/X
};

struct Contact {
  std::string source;     // "linkedin", "google", "outlook", "vcard"
  std::string source_id;  // stable within the source: a vCard UID, else derived from name and email
  std::string name;       // full display name
  std::optional<std::string> given_name;
  std::optional<std::string> family_name;
  std::vector<std::string> emails;  // lower-cased
  std::vector<std::string> phones;
  std::optional<std::string> company;
  std::optional<std::string> title;
  std::optional<std::string> location;
  std::vector<std::string> urls;
  std::vector<SocialHandle> handles;
  std::optional<int64_t> connected_on;  // Unix seconds (LinkedIn "Connected On")
  int64_t observed_at = 0;
};

}  // namespace crowdlens
