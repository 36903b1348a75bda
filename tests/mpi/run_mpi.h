// Runs crowdlens-mpi under the real mpirun, as a user on one machine would,
// and reads the rows it printed as JSON.
//
//   MpiRun run = RunCrowdlensMpi(4, {"pagerank", path});
//   ASSERT_EQ(run.exit_code, 0) << run.err;
//   std::map<uint64_t, std::vector<double>> rows = RowsByNode(run.out, {"score"});
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace crowdlens::testing {

// Why the MPI tests cannot run here (no crowdlens-mpi built, no mpirun); empty when they can.
std::string MpiUnavailableReason();

struct MpiRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// `mpirun -np RANKS crowdlens-mpi ARGS...` with the flags that work in a container:
// --oversubscribe (more ranks than cores), the shared-memory and self transports
// only (--mca btl self,vader: no network devices needed) and one OpenMP thread per rank.
MpiRun RunCrowdlensMpi(int ranks, const std::vector<std::string>& arguments);

// The rows of a one-table -o json output, keyed by the "node" field, with the
// named columns' values in order.
std::map<uint64_t, std::vector<double>> RowsByNode(const std::string& json_text,
                                                   const std::vector<std::string>& columns);

}  // namespace crowdlens::testing
