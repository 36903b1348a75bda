// Fuzzes what the HTTP server does with a request's path and query string
// (server/static_files.h, server/query_params.h, server/table_response.h).
// The input's first line is a request target ("/path?a=1&b=2"); the path is
// resolved against a dashboard folder that has a secret file beside it, and
// the parameters are read the way every endpoint reads them, then used to
// page a table. Invariants: a resolved file is a regular file inside the
// folder and never the secret; every reader either succeeds or names the
// parameter; the paged response is valid JSON with at most `limit` rows.
#include <httplib.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "server/query_params.h"
#include "server/static_files.h"
#include "server/table_response.h"

namespace {

namespace fs = std::filesystem;
using namespace crowdlens;

// A dashboard folder with an index and an asset, and a secret file beside it, made once per process.
const std::string& StaticRoot() {
  static const std::string root = [] {
    fs::path base = fs::temp_directory_path() / ("crowdlens-fuzz-http-" + std::to_string(::getpid()));
    fs::create_directories(base / "dist" / "assets");
    std::ofstream(base / "dist" / "index.html") << "index";
    std::ofstream(base / "dist" / "assets" / "app.js") << "app";
    std::ofstream(base / "secret.txt") << "secret";
    return fs::canonical(base / "dist").string();
  }();
  return root;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string_view target = input.substr(0, input.find('\n'));
  const size_t question = target.find('?');
  const std::string path(target.substr(0, question));

  std::optional<server::StaticFile> file = server::ResolveStaticFile(StaticRoot(), path);
  if (file) {
    const fs::path resolved(file->path);
    FUZZ_CHECK(file->path.rfind(StaticRoot() + "/", 0) == 0, "a file outside the dashboard folder was served");
    FUZZ_CHECK(fs::is_regular_file(resolved), "a resolved path that is not a regular file");
    FUZZ_CHECK(resolved.filename() != "secret.txt", "the secret beside the folder was served");
  }

  httplib::Request request;
  request.path = path;
  if (question != std::string_view::npos) {
    std::string_view query = target.substr(question + 1);
    while (!query.empty()) {
      std::string_view pair = query.substr(0, query.find('&'));
      query = pair.size() < query.size() ? query.substr(pair.size() + 1) : std::string_view();
      const size_t equals = pair.find('=');
      request.params.emplace(std::string(pair.substr(0, equals)),
                             equals == std::string_view::npos ? std::string() : std::string(pair.substr(equals + 1)));
    }
  }
  server::QueryParams params(request);
  auto names_it = [](const Status& status, std::string_view name) {
    return status.ok() || status.message().find(name) != std::string::npos;
  };
  FUZZ_CHECK(names_it(params.CheckKnown({"top", "when", "handle"}), "parameter"), "an error that names nothing");
  FUZZ_CHECK(names_it(params.Count("top", 20).status(), "top"), "a count error without its name");
  FUZZ_CHECK(names_it(params.Integer("days", 0).status(), "days"), "an integer error without its name");
  FUZZ_CHECK(names_it(params.Number("s", 2.0).status(), "s"), "a number error without its name");
  FUZZ_CHECK(names_it(params.Flag("when").status(), "when"), "a flag error without its name");
  Result<server::Paging> paging = params.ReadPaging();
  if (!paging.ok()) return 0;

  Table rows{.name = "rows", .columns = {"handle", "score"}};
  for (int64_t index = 0; index < 50; ++index) rows.rows.push_back({"account" + std::to_string(index), index});
  Table summary{.name = "summary", .columns = {"count"}, .single_record = true};
  summary.rows.push_back({int64_t{50}});
  Result<std::string> body = server::TablesResponse({summary, rows}, *paging);
  if (!body.ok()) {
    FUZZ_CHECK(body.status().message().find("table") != std::string::npos, "a paging error that names nothing");
    return 0;
  }
  nlohmann::json parsed = nlohmann::json::parse(*body, nullptr, false);
  FUZZ_CHECK(!parsed.is_discarded(), "the response is not JSON");
  if (paging->limit && parsed.contains("rows") && parsed["rows"].is_array()) {
    FUZZ_CHECK(parsed["rows"].size() <= *paging->limit, "more rows than the limit");
  }
  return 0;
}
