#include "analyses/event.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include "analyses/contact_match.h"
#include "analyses/segment_classifier_store.h"
#include "store/account_lookup.h"
#include "text/transliterate.h"

namespace crowdlens {
namespace {

// Cues, matched in folded text (lower-case ASCII) as whole words or phrases.
const std::vector<std::string>& SpeakerCues() {
  static const std::vector<std::string> cues = {"speaking", "speaker", "keynote", "panel", "panelist", "panellist",
                                                "my talk", "our talk", "my session", "presenting"};
  return cues;
}
const std::vector<std::string>& ExhibitorCues() {
  static const std::vector<std::string> cues = {"booth", "our stand", "stand no", "visit us", "exhibiting",
                                                "exhibitor", "find us at", "come and see us"};
  return cues;
}
const std::vector<std::string>& JournalistCues() {
  static const std::vector<std::string> cues = {"journalist", "reporter", "correspondent", "editor", "newsroom",
                                                "news", "breaking news", "press"};
  return cues;
}

// Score weights (docs/event.md).
constexpr double kDuringWeight = 1.0;   // per doubling of posts during the event
constexpr double kAroundWeight = 0.5;   // per doubling of posts before and after
constexpr double kContactWeight = 3.0;  // a matched address-book contact
constexpr double kFollowerWeight = 1.5; // follows the owner
constexpr double kFollowedWeight = 1.0; // the owner follows them
constexpr double kReachWeight = 0.3;    // per power of ten of followers
double RoleWeight(const std::string& role) {
  if (role == "speaker") return 2.0;
  if (role == "exhibitor" || role == "journalist") return 1.5;
  if (role == "organiser") return 1.0;
  return 0.5;
}

// Posts with this many or more, and this share of all the event's posts, make
// their most active author an organiser.
constexpr int64_t kOrganiserMinPosts = 5;
constexpr double kOrganiserMinShare = 0.05;

bool IsWordChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// The first cue found in `folded` as a whole word or phrase; empty when none.
std::string FindCue(const std::string& folded, const std::vector<std::string>& cues) {
  for (const std::string& cue : cues) {
    for (size_t at = folded.find(cue); at != std::string::npos; at = folded.find(cue, at + 1)) {
      const bool starts = at == 0 || !IsWordChar(folded[at - 1]);
      const size_t end = at + cue.size();
      const bool ends = end == folded.size() || !IsWordChar(folded[end]);
      if (starts && ends) return cue;
    }
  }
  return "";
}

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::string Plural(int64_t count, const std::string& word) {
  return std::to_string(count) + " " + word + (count == 1 ? "" : "s");
}

struct EventPost {
  int64_t author_key = 0;
  int64_t created_at = 0;
  bool retweet = false;
  std::string text;
};

}  // namespace

Result<EventAnalysis> AnalyseEvent(Workspace& workspace, const EventOptions& options) {
  if (options.tags.empty()) return InvalidArgument("name at least one hashtag of the event, e.g. crowdlens event '#ccexpo'");
  if (options.to <= options.from) return InvalidArgument("--to must be on or after --from");
  EventAnalysis analysis;
  for (const std::string& tag : options.tags) {
    std::string bare = Lower(tag);
    if (!bare.empty() && bare.front() == '#') bare.erase(0, 1);
    if (bare.empty()) return InvalidArgument("an empty hashtag was given; write it as '#tag' or tag");
    if (std::find(analysis.tags.begin(), analysis.tags.end(), bare) == analysis.tags.end()) analysis.tags.push_back(bare);
  }
  const int64_t window_from = options.from - options.before_seconds;
  const int64_t window_to = options.to + options.after_seconds;
  analysis.phases = {{.phase = "before", .from = window_from, .to = options.from},
                     {.phase = "during", .from = options.from, .to = options.to},
                     {.phase = "after", .from = options.to, .to = window_to}};

  Database& db = workspace.db();
  Result<Config> config = workspace.LoadConfig();
  if (!config.ok()) return config.status();
  std::vector<EventPost> posts;
  std::unordered_map<int64_t, EventAccount> accounts;
  std::set<int64_t> follows_owner;
  std::set<int64_t> followed_by_owner;
  Status read = InReadSnapshot(db, [&]() -> Status {
    std::string placeholders;
    for (size_t index = 0; index < analysis.tags.size(); ++index) {
      placeholders += (index == 0 ? "?" : ", ?") + std::to_string(index + 3);
    }
    Result<Statement> statement = db.Prepare(
        "SELECT p.author_key, p.created_at, p.retweet_of_id IS NOT NULL, p.text FROM posts p "
        "WHERE p.created_at >= ?1 AND p.created_at < ?2 AND EXISTS (SELECT 1 FROM post_hashtags h "
        "WHERE h.post_key = p.post_key AND h.tag IN (" + placeholders + ")) ORDER BY p.created_at, p.post_key");
    if (!statement.ok()) return statement.status();
    statement->Bind(1, window_from);
    statement->Bind(2, window_to);
    for (size_t index = 0; index < analysis.tags.size(); ++index) {
      statement->Bind(static_cast<int>(index + 3), analysis.tags[index]);
    }
    while (true) {
      Result<bool> row = statement->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      posts.push_back({.author_key = statement->ColumnInt(0),
                       .created_at = statement->ColumnInt(1),
                       .retweet = statement->ColumnInt(2) != 0,
                       .text = statement->ColumnText(3)});
    }
    if (!options.owner.empty() || !config->owners.empty()) {
      Result<int64_t> owner = AccountOrOwner(db, *config, options.owner, "event");
      if (!owner.ok()) return owner.status();
      analysis.owner_key = *owner;
      Result<Statement> follows = db.Prepare(
          "SELECT follower_key, followee_key FROM follows WHERE (followee_key = ?1 OR follower_key = ?1) "
          "AND ended_at IS NULL");
      if (!follows.ok()) return follows.status();
      follows->Bind(1, analysis.owner_key);
      while (true) {
        Result<bool> row = follows->Step();
        if (!row.ok()) return row.status();
        if (!*row) break;
        if (follows->ColumnInt(1) == analysis.owner_key) follows_owner.insert(follows->ColumnInt(0));
        if (follows->ColumnInt(0) == analysis.owner_key) followed_by_owner.insert(follows->ColumnInt(1));
      }
    }
    return Status::Ok();
  });
  if (!read.ok()) return read;

  // Counts per phase and per account.
  std::vector<std::set<int64_t>> phase_authors(3);
  std::unordered_map<int64_t, std::string> own_words;  // folded text of each author's own event posts
  for (const EventPost& post : posts) {
    const size_t phase = post.created_at < options.from ? 0 : post.created_at < options.to ? 1 : 2;
    analysis.phases[phase].posts += 1;
    phase_authors[phase].insert(post.author_key);
    EventAccount& account = accounts[post.author_key];
    if (account.account_key == 0) {
      account.account_key = post.author_key;
      account.first_post = post.created_at;
    }
    (phase == 0 ? account.posts_before : phase == 1 ? account.posts_during : account.posts_after) += 1;
    if (!post.retweet) own_words[post.author_key] += text::FoldToAscii(post.text) + "\n";
  }
  for (size_t phase = 0; phase < 3; ++phase) analysis.phases[phase].accounts = static_cast<int64_t>(phase_authors[phase].size());
  if (accounts.empty()) return analysis;

  // Profiles, roles from the segment labels, and contacts.
  std::vector<int64_t> keys;
  for (const auto& [key, account] : accounts) keys.push_back(key);
  std::sort(keys.begin(), keys.end());
  std::unordered_map<int64_t, std::string> folded_bio;
  {
    Result<Statement> profile = db.Prepare(
        "SELECT coalesce(handle, ''), coalesce(name, ''), coalesce(bio, ''), coalesce(followers_count, 0), platform "
        "FROM accounts WHERE account_key = ?1");
    if (!profile.ok()) return profile.status();
    for (int64_t key : keys) {
      profile->Bind(1, key);
      Result<bool> row = profile->Step();
      if (!row.ok()) return row.status();
      if (*row) {
        EventAccount& account = accounts[key];
        account.handle = profile->ColumnText(0);
        account.name = profile->ColumnText(1);
        folded_bio[key] = text::FoldToAscii(profile->ColumnText(2));
        account.followers = profile->ColumnInt(3);
        account.platform = profile->ColumnText(4);
      }
      profile->Reset();
    }
  }
  Result<std::vector<AccountSegments>> segments = CurrentAccountSegments(workspace, *config);
  if (!segments.ok()) return segments.status();
  std::unordered_map<int64_t, std::set<std::string>> labelled_roles;
  for (const AccountSegments& segment : *segments) {
    if (accounts.count(segment.account_key) == 0) continue;
    for (const SegmentLabel& role : segment.roles) labelled_roles[segment.account_key].insert(role.name);
  }
  Result<std::vector<StoredContactMatch>> matches = LoadContactMatches(workspace);
  if (!matches.ok()) return matches.status();
  for (const StoredContactMatch& match : *matches) {
    auto account = accounts.find(match.account_key);
    if (account != accounts.end() && account->second.contact_name.empty()) account->second.contact_name = match.contact_name;
  }

  // The organiser by activity: the first poster and the most active poster.
  const int64_t total_posts = static_cast<int64_t>(posts.size());
  const int64_t first_author = posts.front().author_key;
  int64_t top_author = 0;
  int64_t top_posts = 0;
  for (int64_t key : keys) {
    const EventAccount& account = accounts[key];
    const int64_t all = account.posts_before + account.posts_during + account.posts_after;
    if (all > top_posts) top_posts = all, top_author = key;
  }
  const std::string tag_list = [&] {
    std::string list;
    for (const std::string& tag : analysis.tags) list += (list.empty() ? "#" : ", #") + tag;
    return list;
  }();

  for (int64_t key : keys) {
    EventAccount& account = accounts[key];
    const int64_t all = account.posts_before + account.posts_during + account.posts_after;
    const std::string folded_names = text::FoldToAscii(account.handle + " " + account.name);
    const std::string& bio = folded_bio[key];
    const std::string& words = own_words[key];
    const std::set<std::string>& labels = labelled_roles[key];
    std::string cue;
    for (const std::string& tag : analysis.tags) {
      if (tag.size() >= 4 && folded_names.find(text::FoldToAscii(tag)) != std::string::npos) {
        account.role = "organiser";
        account.role_why.push_back("its handle or name contains #" + tag);
        break;
      }
    }
    const bool heavy = all >= kOrganiserMinPosts && static_cast<double>(all) >= kOrganiserMinShare * total_posts;
    if (account.role.empty() && heavy && (key == first_author || key == top_author)) {
      account.role = "organiser";
      account.role_why.push_back(key == first_author ? "posted first with " + tag_list
                                                     : "posted most with " + tag_list);
    }
    if (account.role.empty() && !(cue = FindCue(bio, SpeakerCues())).empty()) {
      account.role = "speaker", account.role_why.push_back("bio says '" + cue + "'");
    }
    if (account.role.empty() && !(cue = FindCue(words, SpeakerCues())).empty()) {
      account.role = "speaker", account.role_why.push_back("posts say '" + cue + "'");
    }
    if (account.role.empty() && labels.count("supplier") > 0) {
      account.role = "exhibitor", account.role_why.push_back("segment label supplier");
    }
    if (account.role.empty() && !(cue = FindCue(bio + "\n" + words, ExhibitorCues())).empty()) {
      account.role = "exhibitor", account.role_why.push_back("bio or posts say '" + cue + "'");
    }
    if (account.role.empty() && labels.count("journalist") > 0) {
      account.role = "journalist", account.role_why.push_back("segment label journalist");
    }
    if (account.role.empty() && !(cue = FindCue(bio, JournalistCues())).empty()) {
      account.role = "journalist", account.role_why.push_back("bio says '" + cue + "'");
    }
    if (account.role.empty()) {
      account.role = "visitor";
      account.role_why.push_back("posted with " + tag_list + " and shows no other role's cue");
    }
    account.follows_owner = follows_owner.count(key) > 0;
    account.followed_by_owner = followed_by_owner.count(key) > 0;

    // Score and reasons.
    account.score = kDuringWeight * std::log2(1.0 + static_cast<double>(account.posts_during)) +
                    kAroundWeight * std::log2(1.0 + static_cast<double>(account.posts_before + account.posts_after)) +
                    RoleWeight(account.role) + kReachWeight * std::log10(1.0 + static_cast<double>(account.followers));
    std::string activity = "posted with " + tag_list + ": " + std::to_string(account.posts_before) + " before, " +
                           std::to_string(account.posts_during) + " during, " + std::to_string(account.posts_after) +
                           " after";
    account.why.push_back(activity);
    account.why.push_back(account.role + " (" + account.role_why.front() + ")");
    if (!account.contact_name.empty()) {
      account.score += kContactWeight;
      account.why.push_back("in your contacts as " + account.contact_name);
    }
    if (account.follows_owner) {
      account.score += kFollowerWeight;
      account.why.push_back("follows you");
    }
    if (account.followed_by_owner) {
      account.score += kFollowedWeight;
      account.why.push_back("you follow them");
    }
    if (account.followers > 0) account.why.push_back(Plural(account.followers, "follower"));
  }
  for (int64_t key : keys) {
    if (key != analysis.owner_key) analysis.accounts.push_back(std::move(accounts[key]));
  }
  std::sort(analysis.accounts.begin(), analysis.accounts.end(), [](const EventAccount& left, const EventAccount& right) {
    if (left.score != right.score) return left.score > right.score;
    return left.account_key < right.account_key;
  });
  return analysis;
}

}  // namespace crowdlens
