#include "analyses/mix_classifier.h"

#include <algorithm>
#include <array>

#include "analyses/courtesy.h"
#include "analyses/engagement_style.h"
#include "text/entities.h"

namespace crowdlens {
namespace {

using std::string_view_literals::operator""sv;

// Calls to act and offers, as lower-case word sequences (punctuation and
// hyphens split words, so "pre-order" is written "pre order"). Phrases that
// news accounts use for their own stories ("read more", "watch live") are left
// out on purpose: links to an own site already make those promotion.
constexpr std::array kCallsToAction = {
    "sign up"sv,       "signup"sv,          "register now"sv,     "register today"sv,  "register here"sv,
    "subscribe"sv,     "buy now"sv,         "buy yours"sv,        "buy your"sv,        "shop now"sv,
    "shop the"sv,      "order now"sv,       "order yours"sv,      "order your"sv,      "pre order"sv,
    "book now"sv,      "book your"sv,       "get yours"sv,        "get your free"sv,   "free trial"sv,
    "discount"sv,      "promo code"sv,      "use code"sv,         "coupon"sv,          "limited time"sv,
    "limited offer"sv, "link in bio"sv,     "download our"sv,     "download now"sv,    "download the app"sv,
    "donate"sv,        "get tickets"sv,     "get your tickets"sv, "tickets on sale"sv, "apply now"sv,
    "learn more"sv,    "join us"sv,         "jetzt anmelden"sv,   "anmelden"sv,        "jetzt kaufen"sv,
    "abonnieren"sv,    "jetzt bestellen"sv, "tune in"sv,          "premieres"sv,       "airs"sv};

// News sites by site name (SiteName: "cnn.it" and "cnn.com" are both "cnn").
// The largest English and German news brands, plus the shortener names they
// post with (nyti.ms, wapo.st, reut.rs, apne.ws).
constexpr std::array kNewsSites = {
    "abc"sv,         "abcnews"sv,     "aljazeera"sv, "apne"sv,     "apnews"sv,   "axios"sv,        "bbc"sv,
    "bloomberg"sv,   "cbc"sv,         "cbsnews"sv,   "cnbc"sv,     "cnn"sv,      "dw"sv,           "economist"sv,
    "euronews"sv,    "faz"sv,         "foxnews"sv,   "france24"sv, "ft"sv,       "guardian"sv,     "huffpost"sv,
    "independent"sv, "latimes"sv,     "lemonde"sv,   "nbcnews"sv,  "npr"sv,      "nyti"sv,         "nytimes"sv,
    "politico"sv,    "reut"sv,        "reuters"sv,   "sky"sv,      "spiegel"sv,  "sueddeutsche"sv, "tagesschau"sv,
    "telegraph"sv,   "theguardian"sv, "thehill"sv,   "thetimes"sv, "usatoday"sv, "wapo"sv,         "washingtonpost"sv,
    "welt"sv,        "wsj"sv,         "zdf"sv,       "zeit"sv};

// Event, meetup and registration services: by site name, by exact host, and
// by host and path for the platforms whose events live under /events/.
constexpr std::array kGatheringSites = {"airmeet"sv, "crowdcast"sv, "eventbrite"sv, "eventzilla"sv,
                                        "hopin"sv,   "meetup"sv,    "splashthat"sv, "ticketmaster"sv,
                                        "tito"sv,    "webex"sv,     "zoom"sv};
constexpr std::array kGatheringHosts = {"lu.ma"sv, "ti.to"sv, "meet.google.com"sv, "teams.microsoft.com"sv,
                                        "teams.live.com"sv};
constexpr std::array kGatheringPaths = {"facebook.com/events/"sv, "linkedin.com/events/"sv};

// Laughter as written and as emoji: face with tears of joy, rolling on the
// floor laughing, cat with tears of joy, grinning squinting face, grinning
// face with sweat, winking and squinting faces with tongue, upside-down face.
constexpr std::array kHumourWords = {"lol"sv, "lols"sv, "lmao"sv, "lmfao"sv, "rofl"sv, "roflmao"sv, "jk"sv, "xd"sv};
constexpr std::array kHumourEmoji = {"\U0001F602"sv, "\U0001F923"sv, "\U0001F639"sv, "\U0001F606"sv,
                                     "\U0001F605"sv, "\U0001F61C"sv, "\U0001F61D"sv, "\U0001F643"sv};

template <size_t N>
bool OneOf(std::string_view word, const std::array<std::string_view, N>& words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

std::string AsciiLower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

// "https://www.CNN.com/x" -> "cnn.com"; "cnn.it/3PH4" -> "cnn.it".
std::string Host(std::string_view url) {
  std::string host = AsciiLower(UrlHost(url));
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  return host;
}

// The platform's own machinery, not a link anyone chose: "read the whole post"
// links of truncated tweets and attached photos and videos. A t.co link left
// unexpanded hides where it goes (in API data it is the post's own media, as
// the real links come expanded), so it is evidence of neither kind.
bool IsPlatformLink(std::string_view url) {
  std::string lower = AsciiLower(url);
  if (lower.find("twitter.com/i/web/status/") != std::string::npos) return true;
  if (Host(lower) == "pic.twitter.com" || Host(lower) == "t.co") return true;
  bool platform = lower.find("twitter.com/") != std::string::npos || lower.find("x.com/") != std::string::npos;
  return platform && (lower.find("/photo/") != std::string::npos || lower.find("/video/") != std::string::npos);
}

// ha(ha)+, he(he)+ and hi(hi)+ with an optional leading 'a' ("ahahaha").
bool IsLaughter(std::string_view word) {
  if (!word.empty() && word.front() == 'a') word.remove_prefix(1);
  if (word.size() < 4 || word.size() % 2 != 0 || word[0] != 'h') return false;
  char vowel = word[1];
  if (vowel != 'a' && vowel != 'e' && vowel != 'i') return false;
  for (size_t index = 0; index < word.size(); index += 2) {
    if (word[index] != 'h' || word[index + 1] != vowel) return false;
  }
  return true;
}

// The first phrase of kCallsToAction in the words, or "% off" in the text.
std::string_view FindCallToAction(const std::vector<std::string>& words, std::string_view lower_text) {
  std::string joined = " ";
  for (const std::string& word : words) joined += word + " ";
  std::string needle;
  for (std::string_view phrase : kCallsToAction) {
    needle.assign(1, ' ');
    needle.append(phrase);
    needle.push_back(' ');
    if (joined.find(needle) != std::string::npos) return phrase;
  }
  if (lower_text.find("% off") != std::string_view::npos) return "% off"sv;
  return {};
}

// The first sentence of the post's own words (links taken out) that ends in '?'.
std::string FindQuestion(std::string_view text, const std::vector<TextEntity>& entities) {
  std::string own(text);
  for (const TextEntity& entity : entities) {
    if (entity.kind != TextEntity::Kind::kUrl) continue;
    size_t found = own.find(entity.text);
    if (found != std::string::npos) own.replace(found, entity.text.size(), std::string(entity.text.size(), ' '));
  }
  size_t mark = own.find('?');
  if (mark == std::string::npos) return {};
  size_t start = own.find_last_of(".!\n", mark == 0 ? 0 : mark - 1);
  start = (start == std::string::npos || start >= mark) ? 0 : start + 1;
  std::string sentence = own.substr(start, mark + 1 - start);
  size_t first = sentence.find_first_not_of(" \t");
  sentence = first == std::string::npos ? sentence : sentence.substr(first);
  // A lone '?' (after a link or a handle) asks nothing.
  if (sentence.size() < 3) return {};
  constexpr size_t kQuoteBytes = 60;
  if (sentence.size() > kQuoteBytes) {
    size_t cut = sentence.size() - kQuoteBytes;
    // Keep whole UTF-8 characters: skip continuation bytes.
    while (cut < sentence.size() && (static_cast<unsigned char>(sentence[cut]) & 0xC0) == 0x80) ++cut;
    sentence = "..." + sentence.substr(cut);
  }
  return sentence;
}

void SetFeature(MixVerdict& verdict, MixFeature feature, std::string evidence) {
  if (verdict.Has(feature)) return;
  verdict.features[static_cast<size_t>(feature)] = true;
  verdict.feature_evidence.push_back(std::string(MixFeaturePhrase(feature)) + ": " + evidence);
}

void Decide(MixVerdict& verdict, MixClass mix_class, std::string_view rule, std::string evidence) {
  verdict.mix_class = mix_class;
  verdict.rule = std::string(rule);
  verdict.evidence = std::move(evidence);
}

}  // namespace

std::string_view MixClassName(MixClass mix_class) {
  switch (mix_class) {
    case MixClass::kInteraction:
      return "interaction";
    case MixClass::kContent:
      return "content";
    case MixClass::kPromotion:
      return "promotion";
  }
  return "content";
}

std::string_view MixFeatureName(MixFeature feature) {
  switch (feature) {
    case MixFeature::kNewsLink:
      return "news_link";
    case MixFeature::kHumour:
      return "humour";
    case MixFeature::kGatheringLink:
      return "gathering_link";
    case MixFeature::kPersonalMention:
      return "personal_mention";
  }
  return "news_link";
}

std::string_view MixFeaturePhrase(MixFeature feature) {
  switch (feature) {
    case MixFeature::kNewsLink:
      return "a news link";
    case MixFeature::kHumour:
      return "humour";
    case MixFeature::kGatheringLink:
      return "a gathering link";
    case MixFeature::kPersonalMention:
      return "a personal mention";
  }
  return "a news link";
}

MixSites MakeMixSites(std::string_view profile_url, std::span<const std::string> own_domains) {
  MixSites sites;
  auto add = [&sites](std::string_view url) {
    std::string name = SiteName(url);
    if (!name.empty() && std::find(sites.site_names.begin(), sites.site_names.end(), name) == sites.site_names.end()) {
      sites.site_names.push_back(std::move(name));
    }
  };
  if (!profile_url.empty()) add(profile_url);
  for (const std::string& domain : own_domains) add(domain);
  return sites;
}

MixVerdict ClassifyMixPost(const MixPostInput& post, const MixSites& sites) {
  MixVerdict verdict;
  std::vector<TextEntity> entities = ExtractEntities(post.text);
  PostSignals signals = AnalysePostText(post.text, post.hashtags);
  const std::string lower_text = AsciiLower(post.text);

  // Links: the stored expanded ones when there are any, else those in the text.
  std::vector<std::string> links;
  if (!post.urls.empty()) {
    links.assign(post.urls.begin(), post.urls.end());
  } else {
    for (const TextEntity& entity : entities) {
      if (entity.kind == TextEntity::Kind::kUrl) links.push_back(entity.text);
    }
  }
  std::erase_if(links, [](const std::string& link) { return IsPlatformLink(link); });
  std::string own_link, other_link;
  for (const std::string& link : links) {
    std::string site = SiteName(link);
    bool own = std::find(sites.site_names.begin(), sites.site_names.end(), site) != sites.site_names.end();
    if (own && own_link.empty()) own_link = link;
    if (!own && other_link.empty()) other_link = link;
    if (OneOf(site, kNewsSites)) SetFeature(verdict, MixFeature::kNewsLink, Host(link) + " (" + site + ")");
    std::string host = Host(link);
    bool gathering = OneOf(site, kGatheringSites) || OneOf(std::string_view(host), kGatheringHosts);
    for (std::string_view path : kGatheringPaths) {
      if (AsciiLower(link).find(path) != std::string::npos) gathering = true;
    }
    if (gathering) SetFeature(verdict, MixFeature::kGatheringLink, host);
  }

  for (const std::string& word : signals.words) {
    if (OneOf(std::string_view(word), kHumourWords) || IsLaughter(word)) {
      SetFeature(verdict, MixFeature::kHumour, "'" + word + "'");
      break;
    }
  }
  for (std::string_view emoji : kHumourEmoji) {
    if (post.text.find(emoji) != std::string_view::npos) {
      SetFeature(verdict, MixFeature::kHumour, std::string(emoji));
      break;
    }
  }

  // Mentions: a reply's opening run is the platform's addressing and a
  // retweet's "RT @x:" names the original author; the others are chosen.
  std::vector<std::string> mentions;
  for (const TextEntity& entity : entities) {
    if (entity.kind == TextEntity::Kind::kMention && entity.list_slug.empty()) mentions.push_back(entity.text);
  }
  std::vector<std::string> personal;
  for (size_t index = 0; index < mentions.size(); ++index) {
    std::string lower = AsciiLower(mentions[index]);
    bool in_reply_run = post.is_reply && std::find(signals.leading_mentions.begin(), signals.leading_mentions.end(),
                                                   lower) != signals.leading_mentions.end();
    bool retweet_source = post.is_retweet && index == 0;
    if (!in_reply_run && !retweet_source) personal.push_back("@" + mentions[index]);
  }
  if (!personal.empty()) SetFeature(verdict, MixFeature::kPersonalMention, personal.front());

  if (post.is_retweet) {
    if (post.retweets_own_post) {
      Decide(verdict, MixClass::kPromotion, "retweet", "retweet of its own post");
      return verdict;
    }
    std::string author(post.retweet_of_handle);
    if (author.empty() && lower_text.rfind("rt @", 0) == 0 && !mentions.empty()) author = mentions.front();
    Decide(verdict, MixClass::kContent, "retweet",
           author.empty() ? "retweet (others' work shared)" : "retweet of @" + author + " (others' work shared)");
    return verdict;
  }
  if (!own_link.empty()) {
    Decide(verdict, MixClass::kPromotion, "own_link",
           "links to " + Host(own_link) + " (own site " + SiteName(own_link) + ")");
    return verdict;
  }
  if (std::string_view action = FindCallToAction(signals.words, lower_text); !action.empty()) {
    Decide(verdict, MixClass::kPromotion, "call_to_action", "call to action: '" + std::string(action) + "'");
    return verdict;
  }
  if (post.is_reply && !post.replies_to_self) {
    std::string target(post.reply_to_handle);
    if (target.empty() && !signals.leading_mentions.empty()) target = signals.leading_mentions.front();
    Decide(verdict, MixClass::kInteraction, "reply", target.empty() ? "reply" : "reply to @" + target);
    return verdict;
  }
  size_t distinct_mentions = mentions.size();
  {
    std::vector<std::string> lower;
    for (const std::string& mention : mentions) lower.push_back(AsciiLower(mention));
    std::sort(lower.begin(), lower.end());
    distinct_mentions = static_cast<size_t>(std::unique(lower.begin(), lower.end()) - lower.begin());
  }
  MentionKind courtesy = ClassifyMention(signals, {}, {.is_reply = false, .mention_count = distinct_mentions});
  if (courtesy == MentionKind::kThanks || courtesy == MentionKind::kWelcome || courtesy == MentionKind::kFollowFriday ||
      courtesy == MentionKind::kBulkList) {
    std::string evidence = std::string(MentionKindName(courtesy)) + " (courtesy rule)";
    if (courtesy == MentionKind::kBulkList) {
      evidence = "shout-out to " + std::to_string(distinct_mentions) + " accounts (courtesy rule bulk_list)";
    }
    Decide(verdict, MixClass::kInteraction, "courtesy", evidence);
    return verdict;
  }
  if (!post.is_reply && !signals.leading_mentions.empty()) {
    Decide(verdict, MixClass::kInteraction, "addressed", "addressed to @" + signals.leading_mentions.front());
    return verdict;
  }
  if (std::string question = FindQuestion(post.text, entities); !question.empty()) {
    Decide(verdict, MixClass::kInteraction, "question", "asks a question: '" + question + "'");
    return verdict;
  }
  if (post.is_quote) {
    Decide(verdict, MixClass::kContent, "quote", "quotes another post (others' work shared)");
    return verdict;
  }
  if (!other_link.empty()) {
    Decide(verdict, MixClass::kContent, "other_link", "links to " + Host(other_link) + " (not an own site)");
    return verdict;
  }
  Decide(verdict, MixClass::kContent, "own_words", "own words with no link, question or call to action");
  return verdict;
}

}  // namespace crowdlens
