// Runs the crowdlens binary as a user would and captures what it printed.
#pragma once

#include <string>
#include <vector>

namespace crowdlens::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `crowdlens ARGS...` with stdin closed; progress is off since stderr is a pipe.
CommandResult RunCrowdlens(const std::vector<std::string>& arguments);

}  // namespace crowdlens::testing
