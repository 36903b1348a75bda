#include "text/nicknames.h"

#include <sstream>
#include <unordered_map>

namespace crowdlens::text {
namespace {

constexpr std::string_view kNicknameTable =
#include "text/nicknames.tsv.inc"
    ;

using FormalNames = std::unordered_map<std::string, std::vector<std::string>>;

void AddFormal(FormalNames& names, const std::string& name, const std::string& formal) {
  std::vector<std::string>& formals = names[name];
  for (const std::string& existing : formals) {
    if (existing == formal) return;
  }
  formals.push_back(formal);
}

FormalNames ParseTable() {
  FormalNames names;
  std::istringstream lines{std::string(kNicknameTable)};
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    const std::string formal = line.substr(0, tab);
    AddFormal(names, formal, formal);
    std::istringstream short_forms(line.substr(tab + 1));
    std::string short_form;
    while (short_forms >> short_form) AddFormal(names, short_form, formal);
  }
  return names;
}

}  // namespace

const std::vector<std::string>& FormalGivenNames(std::string_view folded_name) {
  static const FormalNames names = ParseTable();
  static const std::vector<std::string> none;
  auto found = names.find(std::string(folded_name));
  return found == names.end() ? none : found->second;
}

bool SameGivenName(std::string_view first, std::string_view second) {
  if (first == second) return true;
  for (const std::string& first_formal : FormalGivenNames(first)) {
    for (const std::string& second_formal : FormalGivenNames(second)) {
      if (first_formal == second_formal) return true;
    }
  }
  return false;
}

}  // namespace crowdlens::text
