#include "test_data.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace crowdlens::testing {

namespace fs = std::filesystem;

std::string SamplePath(const std::string& relative) { return std::string(CROWDLENS_SAMPLE_DATA) + "/" + relative; }
std::string SharedPath(const std::string& relative) { return std::string(CROWDLENS_SHARED_DATA) + "/" + relative; }
bool SharedDataPresent() { return fs::exists(CROWDLENS_SHARED_DATA); }
std::string TestsPath(const std::string& relative) { return std::string(CROWDLENS_TESTS_DIR) + "/" + relative; }
std::string CrowdlensBinary() { return CROWDLENS_BINARY; }

namespace {
struct TempDirs {
  std::vector<std::string> paths;
  ~TempDirs() {
    for (const std::string& path : paths) {
      std::error_code ignored;
      fs::remove_all(path, ignored);
    }
  }
};
TempDirs temp_dirs;
}  // namespace

std::string MakeTempDir(const std::string& prefix) {
  std::string pattern = (fs::temp_directory_path() / (prefix + "-XXXXXX")).string();
  char* made = mkdtemp(pattern.data());
  if (made == nullptr) std::abort();
  temp_dirs.paths.push_back(made);
  return made;
}

void WriteFile(const std::string& path, const std::string& text) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream out(path, std::ios::binary);
  out << text;
}

}  // namespace crowdlens::testing
