// Fuzzes sniffing and reading together (ingest/sniff.h, ingest/read_input.h):
// the first byte picks the input's name from names the sniffer gives weight to
// (an X archive's data files, .vcf, .mtx, PHEME's who-follows-whom.dat,
// Mastodon's following_accounts.csv...), the rest is the content; ReadInput
// sniffs its format and reads it as an import of a folder would. Every batch is
// checked as fuzz_reader.h says; sniffing the same input twice gives the same
// answer, and a refusal says why.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_reader.h"
#include "ingest/sniff.h"

namespace {

constexpr std::array<std::string_view, 16> kNames = {
    "input.json",       "input.jsonl",         "data/tweets.js",       "data/follower.js",
    "data/account.js",  "data/direct-messages.js", "cards.vcf",        "graph.mtx",
    "follows.txt",      "who-follows-whom.dat", "following_accounts.csv", "Connections.csv",
    "tweets.csv",       "cassette.yaml",       "README.md",            "archive.zip!data/manifest.js"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string_view name = kNames[data[0] % kNames.size()];
  std::string_view content(reinterpret_cast<const char*>(data + 1), size - 1);
  crowdlens::SniffResult first = crowdlens::Sniff(name, content);
  crowdlens::SniffResult second = crowdlens::Sniff(name, content);
  FUZZ_CHECK(first.format == second.format && first.reason == second.reason, "sniffing is not deterministic");
  if (first.format == crowdlens::Format::kUnknown) FUZZ_CHECK(!first.reason.empty(), "a refusal without a reason");
  return crowdlens::fuzz::ReadAsFormat(crowdlens::Format::kUnknown, name, data + 1, size - 1);
}
