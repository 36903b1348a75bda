#include "text/role_classifier.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "text/entities.h"
#include "text/stemmer.h"

namespace crowdlens::text {
namespace {

std::string LowerAscii(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

std::string StripAt(std::string_view handle) {
  return LowerAscii(!handle.empty() && handle.front() == '@' ? handle.substr(1) : handle);
}

std::string Quoted(std::string_view text) { return "\"" + std::string(text) + "\""; }

std::string WithThousands(int64_t value) {
  std::string digits = std::to_string(value < 0 ? -value : value);
  std::string out;
  for (size_t index = 0; index < digits.size(); ++index) {
    if (index > 0 && (digits.size() - index) % 3 == 0) out += ',';
    out += digits[index];
  }
  return value < 0 ? "-" + out : out;
}

// One reason with its weight; a role's score combines them as a noisy-or.
struct Reason {
  double weight = 0;
  std::string text;
};

// Two terms can quote the same words ("we are" and "we" in "we are bts"): each counts, each text is shown once.
void AppendEvidence(std::vector<Reason>& reasons, std::vector<std::string>& evidence) {
  std::set<std::string> shown;
  for (Reason& reason : reasons) {
    if (shown.insert(reason.text).second) evidence.push_back(std::move(reason.text));
  }
}

double CombineReasons(const std::vector<Reason>& reasons) {
  double none = 1;
  for (const Reason& reason : reasons) none *= 1 - reason.weight;
  return 1 - none;
}

void AddLabel(std::vector<RoleLabel>& labels, const std::string& name, std::vector<Reason> reasons) {
  if (reasons.empty()) return;
  std::stable_sort(reasons.begin(), reasons.end(),
                   [](const Reason& left, const Reason& right) { return left.weight > right.weight; });
  RoleLabel label{.name = name, .score = CombineReasons(reasons), .evidence = {}};
  AppendEvidence(reasons, label.evidence);
  labels.push_back(std::move(label));
}

void AddTermReasons(const std::vector<TermHit>& hits, const std::string& where, std::vector<Reason>& reasons) {
  for (const TermHit& hit : hits) reasons.push_back({hit.term->weight, where + Quoted(hit.context)});
}

// Words that tie an organisation named in a bio to the account: "editor at BBC", "bei @SPIEGEL".
bool IsAffiliationWord(const std::string& word) {
  static const std::set<std::string> words = {"at", "for", "with", "of", "bei", "für", "chez", "en", "@"};
  return words.contains(word);
}

// Every current occurrence of `names` in `profile` as whole words: (name, position of its first word).
std::vector<std::pair<std::string, size_t>> FindNames(const ProfileWords& profile,
                                                      const std::vector<std::string>& names) {
  PhraseMatcher matcher;
  for (const std::string& name : names) matcher.Add(LowercaseWords(name));
  std::vector<std::pair<std::string, size_t>> found;
  for (const PhraseMatch& match : matcher.FindAll(profile.words)) {
    if (!InPastRole(profile, match.position)) found.push_back({names[match.phrase], match.position});
  }
  return found;
}

bool TitleStartsAt(const ProfileWords& profile, size_t position, const std::vector<TermHit>& titles) {
  for (const TermHit& hit : titles) {
    if (hit.position == position && profile.clause[hit.position] == profile.clause[position - 1]) return true;
  }
  return false;
}

}  // namespace

std::string UrlHost(std::string_view url) {
  size_t scheme = url.find("://");
  std::string_view rest = scheme == std::string_view::npos ? url : url.substr(scheme + 3);
  size_t end = rest.find_first_of("/?#:");
  std::string host = LowerAscii(rest.substr(0, end));
  if (host.starts_with("www.")) host.erase(0, 4);
  return host;
}

bool HostInDomain(std::string_view host, std::string_view domain) {
  std::string wanted = UrlHost(domain);
  if (host.empty() || wanted.empty()) return false;
  return host == wanted ||
         (host.size() > wanted.size() && host.ends_with(wanted) && host[host.size() - wanted.size() - 1] == '.');
}

RoleClassifier::RoleClassifier(RoleSettings settings)
    : settings_(std::move(settings)), seniority_(SeniorityTerms(settings_.decision_functions)) {}

std::vector<RoleLabel> RoleClassifier::Classify(const RoleInput& input) const {
  std::vector<RoleLabel> labels;
  ProfileWords profile = SplitProfile(input.name + "\n" + input.bio);
  ProfileWords display_name = SplitProfile(input.name);
  ProfileWords bio = SplitProfile(input.bio);
  std::vector<ProfileWords> contact_titles;
  for (const RoleContact& contact : input.contacts) contact_titles.push_back(SplitProfile(contact.title));

  // Journalist (media) and decision maker: titles in the profile or an address book.
  std::vector<TermHit> media = FindTerms(profile, MediaTerms());
  std::vector<TermHit> outlet = FindTerms(profile, OutletTerms());
  std::vector<TermHit> seniority = FindTerms(profile, seniority_);
  std::vector<Reason> media_reasons;
  std::vector<Reason> seniority_reasons;
  AddTermReasons(media, "profile: ", media_reasons);
  AddTermReasons(seniority, "profile: ", seniority_reasons);
  for (size_t index = 0; index < input.contacts.size(); ++index) {
    std::string where = "address book (" + input.contacts[index].name + ") title: ";
    AddTermReasons(FindTerms(contact_titles[index], MediaTerms()), where, media_reasons);
    AddTermReasons(FindTerms(contact_titles[index], seniority_), where, seniority_reasons);
  }
  AddLabel(labels, "journalist", std::move(media_reasons));
  AddLabel(labels, "decision-maker", std::move(seniority_reasons));

  // Colleague, supplier, competitor: the organisations the config names.
  std::vector<TermHit> bio_titles = FindTerms(bio, MediaTerms());
  std::vector<TermHit> bio_seniority = FindTerms(bio, seniority_);
  bio_titles.insert(bio_titles.end(), bio_seniority.begin(), bio_seniority.end());
  std::string handle = StripAt(input.handle);
  std::string host = UrlHost(input.url);
  std::vector<std::string> bio_mentions;
  for (const std::string& mention : ExtractMentions(input.bio)) bio_mentions.push_back(StripAt(mention));
  auto organisation_role = [&](const std::string& role, const RoleOrganisations& organisations) {
    std::vector<Reason> reasons;
    for (const std::string& org_handle : organisations.handles) {
      std::string wanted = StripAt(org_handle);
      if (!handle.empty() && handle == wanted) reasons.push_back({1.0, "is @" + org_handle});
      if (std::find(bio_mentions.begin(), bio_mentions.end(), wanted) != bio_mentions.end()) {
        reasons.push_back({0.7, "profile names @" + org_handle});
      }
    }
    for (const std::string& domain : organisations.domains) {
      if (HostInDomain(host, domain)) reasons.push_back({0.9, "profile links " + host});
    }
    std::set<std::string> in_display_name;
    for (const auto& found : FindNames(display_name, organisations.names)) {
      if (in_display_name.insert(found.first).second) reasons.push_back({0.7, "display name: " + Quoted(found.first)});
    }
    // Each name once, tied to the account when any of its mentions is.
    std::map<std::string, bool> named_in_bio;
    for (const auto& [org_name, position] : FindNames(bio, organisations.names)) {
      bool tied = (position > 0 && bio.clause[position - 1] == bio.clause[position] &&
                   IsAffiliationWord(bio.words[position - 1]));
      size_t after = position + LowercaseWords(org_name).size();
      tied = tied || (after < bio.words.size() && TitleStartsAt(bio, after, bio_titles));
      named_in_bio[org_name] = named_in_bio[org_name] || tied;
    }
    for (const auto& [org_name, tied] : named_in_bio) {
      reasons.push_back(
          {tied ? 0.7 : 0.45, "profile: " + Quoted(org_name) + (tied ? "" : " (named, not as employer)")});
    }
    if (!organisations.keywords.empty()) {
      std::vector<WeightedTerm> keyword_terms;
      for (const std::string& keyword : organisations.keywords) keyword_terms.push_back({keyword, 0.4});
      AddTermReasons(FindTerms(profile, WeightedTerms(std::move(keyword_terms))), "profile: ", reasons);
    }
    for (const RoleContact& contact : input.contacts) {
      for (const std::string& email : contact.emails) {
        size_t at = email.rfind('@');
        if (at == std::string::npos) continue;
        for (const std::string& domain : organisations.domains) {
          if (HostInDomain(LowerAscii(email.substr(at + 1)), domain)) {
            reasons.push_back({0.9, "address book (" + contact.name + "): " + email});
          }
        }
      }
      ProfileWords company = SplitProfile(contact.company);
      if (!FindNames(company, organisations.names).empty()) {
        reasons.push_back({0.8, "address book (" + contact.name + ") works at " + Quoted(contact.company)});
      }
    }
    AddLabel(labels, role, std::move(reasons));
  };
  organisation_role("colleague", settings_.colleagues);
  organisation_role("supplier", settings_.suppliers);
  organisation_role("competitor", settings_.competitors);

  // Celebrity: a large following that it does not return.
  if (input.followers && *input.followers >= settings_.celebrity_min_followers && *input.followers > 0) {
    double following = static_cast<double>(std::max<int64_t>(input.following.value_or(0), 1));
    double ratio = static_cast<double>(*input.followers) / following;
    if (ratio >= settings_.celebrity_min_ratio) {
      double tenfolds = std::log10(static_cast<double>(*input.followers) /
                                   static_cast<double>(std::max<int64_t>(settings_.celebrity_min_followers, 1)));
      RoleLabel celebrity{.name = "celebrity", .score = std::min(1.0, 0.5 + 0.25 * tenfolds), .evidence = {}};
      celebrity.evidence.push_back(WithThousands(*input.followers) + " followers");
      celebrity.evidence.push_back("follows " + WithThousands(input.following.value_or(0)) + " (" +
                                   WithThousands(static_cast<int64_t>(ratio)) + " followers per followed account)");
      if (input.verified) celebrity.evidence.push_back("verified");
      labels.push_back(std::move(celebrity));
    }
  }

  // Organisation or person: their cues compete.
  std::vector<Reason> organisation_reasons;
  std::vector<Reason> person_reasons;
  AddTermReasons(FindTerms(profile, OrganisationCues()), "profile: ", organisation_reasons);
  AddTermReasons(FindTerms(profile, PersonCues()), "profile: ", person_reasons);
  if (!outlet.empty()) organisation_reasons.push_back({0.8, "news outlet: " + Quoted(outlet.front().context)});
  // A personal title (a media title that is not an outlet phrase, or seniority) marks a person.
  for (const TermHit& hit : media) {
    bool is_outlet = std::any_of(outlet.begin(), outlet.end(),
                                 [&](const TermHit& other) { return other.term->phrase == hit.term->phrase; });
    if (!is_outlet && hit.term->weight >= 0.5) {
      person_reasons.push_back({0.5, "personal title: " + Quoted(hit.context)});
      break;
    }
  }
  if (!seniority.empty()) person_reasons.push_back({0.5, "personal title: " + Quoted(seniority.front().context)});
  double organisation_weight = 0;
  double person_weight = 0;
  for (const Reason& reason : organisation_reasons) organisation_weight += reason.weight;
  for (const Reason& reason : person_reasons) person_weight += reason.weight;
  auto add_side = [&](const std::string& name, double weight, std::vector<Reason> reasons) {
    if (reasons.empty()) return;
    std::stable_sort(reasons.begin(), reasons.end(),
                     [](const Reason& left, const Reason& right) { return left.weight > right.weight; });
    RoleLabel label{.name = name, .score = weight / (organisation_weight + person_weight + 1), .evidence = {}};
    AppendEvidence(reasons, label.evidence);
    labels.push_back(std::move(label));
  };
  add_side("organisation", organisation_weight, std::move(organisation_reasons));
  add_side("person", person_weight, std::move(person_reasons));

  std::stable_sort(labels.begin(), labels.end(),
                   [](const RoleLabel& left, const RoleLabel& right) { return left.score > right.score; });
  return labels;
}

}  // namespace crowdlens::text
