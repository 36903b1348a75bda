// Paths to test data, and helpers every test binary shares.
#pragma once

#include <string>
#include <vector>

#include "core/input.h"
#include "model/batch.h"

namespace crowdlens::testing {

// data/sample/<relative>
std::string SamplePath(const std::string& relative);
// ../shared/data/<relative>; tests skip when the shared corpus is absent.
std::string SharedPath(const std::string& relative);
bool SharedDataPresent();
// tests/<relative>
std::string TestsPath(const std::string& relative);
// The crowdlens command line binary.
std::string CrowdlensBinary();

// A fresh empty directory under the system temp folder, removed at exit.
std::string MakeTempDir(const std::string& prefix);

// Writes `text` to `path` (creating parent folders).
void WriteFile(const std::string& path, const std::string& text);

}  // namespace crowdlens::testing

// Skips the current test when ../shared/data is not beside the checkout.
#define CROWDLENS_REQUIRE_SHARED_DATA()                                          \
  do {                                                                           \
    if (!::crowdlens::testing::SharedDataPresent()) {                            \
      GTEST_SKIP() << "shared data not found at " << CROWDLENS_SHARED_DATA;      \
    }                                                                            \
  } while (0)
