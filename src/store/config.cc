#include "store/config.h"

#include <toml++/toml.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "store/config_file.h"
#include "store/segment_config_reader.h"

namespace crowdlens {
namespace {

constexpr const char* kDefaultConfig = R"toml(# crowdlens workspace configuration.
# Edit freely: crowdlens commands change only the values they own and keep
# your comments. Lists are TOML arrays of strings.

[owner]
# The account(s) whose crowd is analysed by default: "handle" for Twitter/X,
# "platform:handle" for others (e.g. "bluesky:alice.bsky.social").
# Set with: crowdlens owner HANDLE
accounts = []

[queries]
# Saved listening queries, name = "query" (see `crowdlens listen --help`), e.g.
# acme = "acme OR @acme OR #acme"
# Set with: crowdlens listen --save NAME "QUERY"

# Topics: what accounts talk about. Each [topics.NAME] lists keywords (words
# or phrases, matched by stem in bios, list names and posts: "call centres"
# matches "call centre"), hashtags (without '#'; every keyword is also a
# hashtag with its spaces removed) and example accounts (handles: the account
# itself, its followers and posts mentioning it count). Scores and evidence:
# `crowdlens segments`; how scores are made: docs/segments.md.
[topics]
# A topic is listed for an account when its score (0..1) reaches this.
threshold = 0.4

[topics.contact-centres]
keywords = ["contact centre", "contact center", "call centre", "call center", "ccaas", "ivr",
  "workforce management", "omnichannel", "agent experience", "customer contact"]
hashtags = ["contactcentre", "contactcenter", "callcentre", "callcenter", "ccaas", "wfm"]
# accounts = ["handle of a contact-centre account you know"]
accounts = []

[topics.customer-service]
keywords = ["customer service", "customer support", "customer care", "customer experience",
  "customer satisfaction", "helpdesk", "help desk", "service desk", "support team"]
hashtags = ["custserv", "customerservice", "cx", "custexp", "customerexperience", "customersupport"]
accounts = []

[topics.social-media]
keywords = ["social media", "twitter", "facebook", "instagram", "tiktok", "youtube", "linkedin",
  "influencer", "content creator", "community manager", "social listening"]
hashtags = ["socialmedia", "smm", "socialmediamarketing", "influencermarketing", "digitalmarketing"]
accounts = []

# Topics of the sample data (data/sample): news events, COVID-19 vaccines, the
# US Congress, Brexit and K-pop. Delete or change them for your own data.
[topics.news]
keywords = ["breaking news", "news", "newsroom", "headlines", "journalism", "reporter", "nachrichten"]
hashtags = ["breaking", "breakingnews", "news", "eilmeldung"]
accounts = ["BBCBreaking", "cnnbrk", "Reuters", "AP"]

[topics.vaccines]
keywords = ["vaccine", "vaccination", "vaccinated", "jab", "booster", "covid", "coronavirus", "pfizer",
  "biontech", "moderna", "astrazeneca", "sinovac", "sputnik v", "mrna", "pandemic"]
hashtags = ["pfizerbiontech", "covid19", "covidvaccine", "covid19vaccine", "vaccineswork",
  "getvaccinated", "sarscov2", "covax"]
accounts = []

[topics.us-politics]
keywords = ["congress", "senate", "senator", "congressman", "congresswoman", "house of representatives",
  "democrat", "democrats", "republican", "republicans", "gop", "white house", "bipartisan", "legislation"]
hashtags = ["congress", "senate", "gop", "democrats", "republicans", "maga"]
accounts = []

[topics.brexit]
keywords = ["brexit", "article 50", "eu referendum", "remainer", "brexiteer", "withdrawal agreement",
  "single market", "customs union", "backstop"]
hashtags = ["brexit", "stopbrexit", "peoplesvote", "brexitbetrayal", "fbpe", "getbrexitdone"]
accounts = []

[topics.kpop]
keywords = ["kpop", "k-pop", "bts", "blackpink", "bangtan", "hallyu", "idol group"]
hashtags = ["kpop", "bts", "blackpink", "btsarmy", "blinks"]
accounts = ["BTS_twt", "BLACKPINK"]

[topics.aviation]
keywords = ["airline", "aviation", "pilot", "plane crash", "airbus", "boeing", "cockpit", "flight", "air crash"]
hashtags = ["germanwings", "4u9525", "avgeek", "aviation"]
accounts = []

[topics.civil-rights]
keywords = ["civil rights", "police brutality", "racial justice", "black lives matter", "protesters",
  "tear gas", "police shooting"]
hashtags = ["ferguson", "mikebrown", "blacklivesmatter", "handsupdontshoot", "blm"]
accounts = []

# Roles: journalist, decision maker, celebrity, organisation or person come
# from profiles; colleague, supplier and competitor from the organisations
# named below; spam from the features in docs/segments.md.
[roles]
threshold = 0.5
spam_threshold = 0.5
# "<function> manager" and "<function> lead" titles count as decision makers
# for these functions (head of, director, VP, chief, owner always count).
decision_functions = ["customer service", "customer experience", "customer care", "contact centre",
  "contact center", "operations", "marketing", "sales", "communications", "digital", "social media",
  "product", "support", "it"]
# Celebrity: at least this many followers, and this many per account followed.
celebrity_min_followers = 100000
celebrity_min_ratio = 10

# Your own organisation: names as written in bios, its account handles, its
# web and email domains. Accounts at it (or address-book contacts at it) are colleagues.
[roles.colleagues]
names = []
handles = []
domains = []

# Organisations you buy from, and words that mark that kind of company.
[roles.suppliers]
names = []
handles = []
domains = []
keywords = []

# Organisations you compete with.
[roles.competitors]
names = []
handles = []
domains = []
keywords = []

# Your target audience: a rule over segments that `crowdlens audience` counts
# and lists. Fields: country, region, city, topic, role (with =, != or
# in [...]), followers, following, posts, spam (with < <= > >= = !=), and
# segment = NAME for a rule under [segments]; combine with and, or, not, ( ).
# Uncomment and adapt:
# [audience]
# target = "(country = GB and topic in [contact-centres, social-media] and not role in [supplier, competitor]) or role = journalist"
#
# [segments]
# uk-press = "country = GB and role = journalist"
)toml";

std::string Quote(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace

OwnerRef ParseOwnerRef(const std::string& text) {
  std::string value = text;
  OwnerRef owner{.platform = "twitter", .handle = {}};
  size_t colon = value.find(':');
  if (colon != std::string::npos) {
    owner.platform = value.substr(0, colon);
    value = value.substr(colon + 1);
  }
  if (!value.empty() && value[0] == '@') value.erase(0, 1);
  owner.handle = value;
  return owner;
}

std::string FormatOwnerRef(const OwnerRef& owner) {
  return owner.platform == "twitter" ? owner.handle : owner.platform + ":" + owner.handle;
}

Result<Config> Config::Load(const std::string& path) {
  Config config;
  config.path = path;
  Result<std::optional<toml::table>> parsed = ParseConfigFile(path);
  if (!parsed.ok()) return parsed.status();
  if (!*parsed) return config;
  const toml::table& table = **parsed;
  if (const toml::array* accounts = table.at_path("owner.accounts").as_array()) {
    for (const toml::node& entry : *accounts) {
      std::optional<std::string> text = entry.value<std::string>();
      if (!text) {
        return DataError(path + " line " + std::to_string(entry.source().begin.line) +
                         ": owner.accounts must hold strings such as \"SenatorBaldwin\"");
      }
      if (!text->empty()) config.owners.push_back(ParseOwnerRef(*text));
    }
  }
  CROWDLENS_RETURN_IF_ERROR(ReadSegmentConfig(table, path, config.segmentation));
  if (const toml::node* queries_node = table.get("queries")) {
    const toml::table* queries = queries_node->as_table();
    if (!queries) {
      return DataError(path + " line " + std::to_string(queries_node->source().begin.line) +
                       ": queries must be a table of name = \"query\" lines");
    }
    for (const auto& [name, value] : *queries) {
      std::optional<std::string> text = value.value<std::string>();
      if (!text) {
        return DataError(path + " line " + std::to_string(value.source().begin.line) + ": queries." +
                         std::string(name.str()) + " must be a string such as \"acme OR @acme\"");
      }
      config.queries.push_back({.name = std::string(name.str()), .query = *text});
    }
  }
  return config;
}

Status Config::SetQuery(const std::string& path, const std::string& name, const std::string& query) {
  if (name.empty() || name.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_") !=
                          std::string::npos) {
    return InvalidArgument("query name \"" + name + "\" may hold only letters, digits, '-' and '_'");
  }
  CROWDLENS_RETURN_IF_ERROR(WriteDefault(path));
  Result<Config> check = Load(path);
  if (!check.ok()) return check.status();
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::string escaped;
  for (char c : query) {
    if (c == '"' || c == '\\') escaped += '\\';
    if (c == '\n' || c == '\t') {
      escaped += ' ';
      continue;
    }
    escaped += c;
  }
  std::string entry = name + " = \"" + escaped + "\"";
  // Replace the key's line inside [queries], else add it after the table header, else add the table.
  std::string table;
  int queries_line = -1;
  bool replaced = false;
  for (size_t index = 0; index < lines.size() && !replaced; ++index) {
    std::string trimmed = lines[index].substr(std::min(lines[index].find_first_not_of(" \t"), lines[index].size()));
    if (trimmed.starts_with("[")) {
      table = trimmed.substr(0, trimmed.find(']') + 1);
      if (table == "[queries]") queries_line = static_cast<int>(index);
      continue;
    }
    if (table != "[queries]" || !trimmed.starts_with(name)) continue;
    std::string rest = trimmed.substr(name.size());
    rest = rest.substr(std::min(rest.find_first_not_of(" \t"), rest.size()));
    if (rest.starts_with("=")) {
      lines[index] = entry;
      replaced = true;
    }
  }
  if (!replaced) {
    if (queries_line >= 0) {
      lines.insert(lines.begin() + queries_line + 1, entry);
    } else {
      lines.push_back("");
      lines.push_back("[queries]");
      lines.push_back(entry);
    }
  }
  std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary);
    for (const std::string& line : lines) out << line << "\n";
    if (!out) return IoError("cannot write " + temporary);
  }
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) return IoError("cannot replace " + path + ": " + error.message());
  // A value TOML cannot read back would break every later command: check it now.
  Result<Config> written = Load(path);
  return written.ok() ? Status::Ok() : written.status();
}

Status Config::WriteDefault(const std::string& path) {
  if (std::filesystem::exists(path)) return Status::Ok();
  std::ofstream out(path);
  out << kDefaultConfig;
  if (!out) return IoError("cannot write " + path);
  return Status::Ok();
}

Status Config::SetOwners(const std::string& path, const std::vector<OwnerRef>& owners) {
  CROWDLENS_RETURN_IF_ERROR(WriteDefault(path));
  Result<Config> check = Load(path);
  if (!check.ok()) return check.status();
  std::ifstream in(path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();

  std::string list = "accounts = [";
  for (size_t index = 0; index < owners.size(); ++index) {
    if (index > 0) list += ", ";
    list += Quote(FormatOwnerRef(owners[index]));
  }
  list += "]";

  // Replace the `accounts = [...]` line of the [owner] table, or add it.
  std::vector<std::string> lines;
  std::istringstream reader(text);
  for (std::string line; std::getline(reader, line);) lines.push_back(line);
  std::string table;
  bool replaced = false;
  int owner_table_line = -1;
  for (size_t index = 0; index < lines.size(); ++index) {
    std::string trimmed = lines[index].substr(std::min(lines[index].find_first_not_of(" \t"), lines[index].size()));
    if (trimmed.starts_with("[")) {
      table = trimmed.substr(0, trimmed.find(']') + 1);
      if (table == "[owner]") owner_table_line = static_cast<int>(index);
      continue;
    }
    if (table == "[owner]" && trimmed.starts_with("accounts") && !replaced) {
      lines[index] = list;
      replaced = true;
      // A multi-line array continues until its closing bracket.
      if (trimmed.find(']') == std::string::npos) {
        size_t end = index + 1;
        while (end < lines.size() && lines[end].find(']') == std::string::npos) ++end;
        lines.erase(lines.begin() + static_cast<long>(index) + 1,
                    lines.begin() + static_cast<long>(std::min(end + 1, lines.size())));
      }
    }
  }
  if (!replaced) {
    if (owner_table_line >= 0) {
      lines.insert(lines.begin() + owner_table_line + 1, list);
    } else {
      lines.push_back("");
      lines.push_back("[owner]");
      lines.push_back(list);
    }
  }
  std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary);
    for (const std::string& line : lines) out << line << "\n";
    if (!out) return IoError("cannot write " + temporary);
  }
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) return IoError("cannot replace " + path + ": " + error.message());
  return Status::Ok();
}

}  // namespace crowdlens
