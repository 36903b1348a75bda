#include "mpi/run_mpi.h"

#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace crowdlens::testing {
namespace {

std::string Quote(const std::string& argument) {
  std::string quoted = "'";
  for (char c : argument) {
    if (c == '\'') {
      quoted += "'\\''";
    } else {
      quoted += c;
    }
  }
  return quoted + "'";
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

std::string MpiUnavailableReason() {
  const std::string binary = CROWDLENS_MPI_BINARY;
  const std::string mpirun = CROWDLENS_MPIRUN;
  if (binary.empty()) {
    return "crowdlens-mpi was not built: MPI or CombBLAS was missing when CMake ran "
           "(apt-get install libopenmpi-dev libcombblas-dev, then reconfigure)";
  }
  if (!std::filesystem::exists(binary)) return "crowdlens-mpi is not at " + binary;
  if (mpirun.empty() || !std::filesystem::exists(mpirun)) return "mpirun was not found (apt-get install openmpi-bin)";
  return "";
}

MpiRun RunCrowdlensMpi(int ranks, const std::vector<std::string>& arguments) {
  const std::filesystem::path directory = std::filesystem::temp_directory_path();
  const std::string stem = "crowdlens-mpi-test-" + std::to_string(getpid());
  const std::filesystem::path out_path = directory / (stem + ".out");
  const std::filesystem::path err_path = directory / (stem + ".err");
  // OpenMPI refuses to run as root (as in a container) unless both variables are set.
  std::string command = "OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 " + Quote(CROWDLENS_MPIRUN) +
                        " -np " + std::to_string(ranks) +
                        " --oversubscribe --bind-to none --mca btl self,vader -x OMP_NUM_THREADS=1 " +
                        Quote(CROWDLENS_MPI_BINARY);
  for (const std::string& argument : arguments) command += " " + Quote(argument);
  command += " </dev/null >" + Quote(out_path.string()) + " 2>" + Quote(err_path.string());
  const int status = std::system(command.c_str());
  MpiRun run;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.out = ReadFile(out_path);
  run.err = ReadFile(err_path);
  std::filesystem::remove(out_path);
  std::filesystem::remove(err_path);
  return run;
}

std::map<uint64_t, std::vector<double>> RowsByNode(const std::string& json_text,
                                                   const std::vector<std::string>& columns) {
  std::map<uint64_t, std::vector<double>> rows;
  const nlohmann::json table = nlohmann::json::parse(json_text);
  for (const nlohmann::json& row : table) {
    std::vector<double> values;
    for (const std::string& column : columns) values.push_back(row.at(column).get<double>());
    rows[row.at("node").get<uint64_t>()] = values;
  }
  return rows;
}

}  // namespace crowdlens::testing
