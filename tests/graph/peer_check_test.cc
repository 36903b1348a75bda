// The kernels against peer libraries on the real graphs of the shared corpus:
// PageRank against igraph (PRPACK) and graph-tool, components, k-core and
// reciprocity against igraph, and on the small Congress graph PageRank,
// components and k-core against networkx as well. The peers run in Debian's
// python3 through tests/expected/scripts/peer_graph.py, which reads each file
// itself; results are compared by the file's node ids. Each comparison prints
// its L1 distance or its count of disagreements.
//
// Skips when the shared corpus, /usr/bin/python3 or a peer library is missing.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <atomic>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <future>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <unordered_map>

#include "graph/components.h"
#include "graph/edge_list_file.h"
#include "graph/kcore.h"
#include "graph/pagerank.h"
#include "graph/reciprocity.h"
#include "test_data.h"

namespace crowdlens::graph {
namespace {

constexpr const char* kPeerPython = "/usr/bin/python3";
// PageRank must agree with each peer to this L1 distance over all nodes.
constexpr double kPageRankTolerance = 1e-6;

struct RealGraph {
  const char* name;
  const char* path;  // under the shared corpus
  bool undirected;   // the loader also knows from a Matrix Market "symmetric" banner
  bool small;        // small enough for networkx as a third peer
};

// Directed unweighted (with self-loops), undirected (Matrix Market symmetric, zipped),
// directed weighted (mention counts), directed weighted (interaction probabilities).
const RealGraph kSlashdot{"snap-slashdot", "snap-slashdot/soc-Slashdot0902.txt.gz", false, false};
const RealGraph kTwitterFollows{"nr-soc-twitter-follows", "nr-soc-twitter-follows/soc-twitter-follows.zip", true,
                                false};
const RealGraph kHiggsMentions{"snap-higgs", "snap-higgs/higgs-mention_network.edgelist", false, false};
const RealGraph kCongress{"snap-congress-twitter", "snap-congress-twitter/congress.edgelist", false, true};
const RealGraph kRealGraphs[] = {kSlashdot, kTwitterFollows, kHiggsMentions, kCongress};

// The kernels each peer computes for a graph, in one process per tool.
std::string PeerKernels(const std::string& tool, const RealGraph& graph) {
  if (tool == "graph-tool") return "pagerank";
  if (tool == "networkx") return "pagerank,components,kcore";
  return graph.undirected ? "pagerank,components,kcore" : "pagerank,components,kcore,kcore_in,reciprocity";
}

std::vector<std::string> PeerTools(const RealGraph& graph) {
  if (graph.small) return {"igraph", "graph-tool", "networkx"};
  return {"igraph", "graph-tool"};
}

struct PeerRun {
  int exit_code = -1;
  std::string text;  // stdout and stderr
};

PeerRun RunPeer(const std::string& tool, const RealGraph& graph) {
  std::string command = std::string(kPeerPython) + " '" + testing::TestsPath("expected/scripts/peer_graph.py") + "' " +
                        tool + " " + PeerKernels(tool, graph) + " '" + testing::SharedPath(graph.path) + "' 0.85" +
                        (graph.undirected ? " --undirected" : "") + " 2>&1";
  PeerRun run;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) {
    run.text = "cannot start " + command;
    return run;
  }
  char buffer[1 << 16];
  size_t read = 0;
  while ((read = fread(buffer, 1, sizeof(buffer), pipe)) > 0) run.text.append(buffer, read);
  int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

// A test-name-safe form of a graph's name ("snap_slashdot").
std::string ParameterName(const RealGraph& graph) {
  std::string name = graph.name;
  for (char& c : name) c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return name;
}

// The peer runs the selected tests need, one process per graph and tool, run
// in test order by two worker threads from the first request on, so that the
// peers of the next graphs work while the tests of the first compare.
class PeerQueue {
 public:
  static PeerQueue& Instance() {
    static PeerQueue queue;
    return queue;
  }

  std::shared_future<PeerRun> Result(const RealGraph& graph, const std::string& tool) {
    auto found = results_.find({graph.name, tool});
    if (found != results_.end()) return found->second;
    // Not foreseen (a test outside the plan asked): run it now.
    std::promise<PeerRun> promise;
    promise.set_value(RunPeer(tool, graph));
    return results_[{graph.name, tool}] = promise.get_future().share();
  }

  ~PeerQueue() {
    for (std::thread& worker : workers_) worker.join();
  }

 private:
  struct Job {
    RealGraph graph;
    std::string tool;
    std::promise<PeerRun> promise;
  };

  PeerQueue() {
    // Which (graph, tool) pairs the tests that will run ask for: PageRank asks every tool,
    // components and k-core igraph and networkx, reciprocity igraph.
    const ::testing::UnitTest& tests = *::testing::UnitTest::GetInstance();
    for (const RealGraph& graph : kRealGraphs) {
      std::set<std::string> tools;
      for (int suite = 0; suite < tests.total_test_suite_count(); ++suite) {
        const ::testing::TestSuite& test_suite = *tests.GetTestSuite(suite);
        if (std::string(test_suite.name()).find("PeerCheck") == std::string::npos) continue;
        for (int index = 0; index < test_suite.total_test_count(); ++index) {
          const ::testing::TestInfo& test = *test_suite.GetTestInfo(index);
          std::string name = test.name();
          if (!test.should_run() || !name.ends_with("/" + ParameterName(graph))) continue;
          for (const std::string& tool : PeerTools(graph)) {
            if (name.starts_with("PageRank") || (tool == "igraph") ||
                (tool == "networkx" && !name.starts_with("Reciprocity"))) {
              tools.insert(tool);
            }
          }
        }
      }
      for (const std::string& tool : PeerTools(graph)) {
        if (!tools.contains(tool)) continue;
        jobs_.push_back(std::make_unique<Job>(Job{.graph = graph, .tool = tool}));
        results_[{graph.name, tool}] = jobs_.back()->promise.get_future().share();
      }
    }
    for (int worker = 0; worker < 2; ++worker) {
      workers_.emplace_back([this] {
        for (size_t job = next_job_++; job < jobs_.size(); job = next_job_++) {
          jobs_[job]->promise.set_value(RunPeer(jobs_[job]->tool, jobs_[job]->graph));
        }
      });
    }
  }

  std::vector<std::unique_ptr<Job>> jobs_;
  std::atomic<size_t> next_job_{0};
  std::vector<std::thread> workers_;
  std::map<std::pair<std::string, std::string>, std::shared_future<PeerRun>> results_;
};

// Starts the peers as the test binary starts, so that they run while the other suites do.
class PeerStart : public ::testing::Environment {
 public:
  void SetUp() override {
    if (testing::SharedDataPresent() && std::filesystem::exists(kPeerPython)) PeerQueue::Instance();
  }
};
[[maybe_unused]] ::testing::Environment* const kPeerStart = ::testing::AddGlobalTestEnvironment(new PeerStart);

// One kernel's `label,value` text from a peer; false when the peer could not
// run, with `skip_reason` set when it is not installed (else a failure is recorded).
bool PeerSection(const std::string& tool, const std::string& kernel, const RealGraph& graph, std::string& section,
                 std::string& skip_reason) {
  if (!std::filesystem::exists(kPeerPython)) {
    skip_reason = std::string(kPeerPython) + " not found";
    return false;
  }
  const PeerRun& run = PeerQueue::Instance().Result(graph, tool).get();
  if (run.exit_code == 3) {
    skip_reason = run.text;
    return false;
  }
  EXPECT_EQ(run.exit_code, 0) << tool << ": " << run.text.substr(0, 2000);
  if (run.exit_code != 0) return false;
  if (!run.text.starts_with("# ")) {
    section = run.text;
    return true;
  }
  size_t begin = run.text.find("# " + kernel + "\n");
  EXPECT_NE(begin, std::string::npos) << tool << " printed no " << kernel;
  if (begin == std::string::npos) return false;
  begin += kernel.size() + 3;
  size_t end = run.text.find("\n# ", begin - 1);
  section = run.text.substr(begin, end == std::string::npos ? std::string::npos : end + 1 - begin);
  return true;
}

// label -> value from `label,value` lines.
std::unordered_map<uint64_t, double> ParseLabelled(const std::string& text) {
  std::unordered_map<uint64_t, double> values;
  size_t position = 0;
  while (position < text.size()) {
    size_t line_end = text.find('\n', position);
    if (line_end == std::string::npos) line_end = text.size();
    std::string line = text.substr(position, line_end - position);
    size_t comma = line.find(',');
    if (comma != std::string::npos) values[std::stoull(line.substr(0, comma))] = std::stod(line.substr(comma + 1));
    position = line_end + 1;
  }
  return values;
}

bool PeerValues(const std::string& tool, const std::string& kernel, const RealGraph& graph,
                std::unordered_map<uint64_t, double>& values, std::string& skip_reason) {
  std::string section;
  if (!PeerSection(tool, kernel, graph, section, skip_reason)) return false;
  values = ParseLabelled(section);
  return true;
}

// Graphs load once per test binary; each is a few hundred milliseconds.
const Graph& Load(const RealGraph& real) {
  static std::map<std::string, Graph> loaded;
  auto found = loaded.find(real.name);
  if (found != loaded.end()) return found->second;
  if (std::filesystem::exists(kPeerPython)) PeerQueue::Instance();  // the peers start while graphs load
  Result<EdgeListLoad> load = LoadEdgeList(testing::SharedPath(real.path), {.undirected = real.undirected});
  EXPECT_TRUE(load.ok()) << load.status().message();
  if (!load.ok()) return loaded[real.name];
  EXPECT_EQ(load->skipped_lines, 0u);
  return loaded.emplace(real.name, std::move(load->graph)).first->second;
}

class PeerCheck : public ::testing::TestWithParam<RealGraph> {};

TEST_P(PeerCheck, PageRankMatchesIgraphAndGraphTool) {
  CROWDLENS_REQUIRE_SHARED_DATA();
  const RealGraph& real = GetParam();
  const Graph& graph = Load(real);
  ASSERT_GT(graph.node_count(), 0u);
  PageRankOptions options{.damping = 0.85, .max_iterations = 1000, .tolerance = 1e-13};
  PageRankResult ours = PageRank(graph, options);
  ASSERT_TRUE(ours.converged);
  Status verified = VerifyPageRank(graph, options, ours, 1e-10);
  EXPECT_TRUE(verified.ok()) << verified.message();
  std::string skipped;  // peers that are not installed
  int compared = 0;
  for (const std::string& tool : PeerTools(real)) {
    std::unordered_map<uint64_t, double> peer;
    std::string skip_reason;
    if (!PeerValues(tool, "pagerank", real, peer, skip_reason)) {
      if (!skip_reason.empty()) skipped.append(tool).append(": ").append(skip_reason).append("; ");
      continue;
    }
    ASSERT_EQ(peer.size(), graph.node_count()) << tool << " sees a different node set";
    double distance = 0;
    for (NodeId node = 0; node < graph.node_count(); ++node) {
      auto found = peer.find(graph.labels()[node]);
      ASSERT_NE(found, peer.end()) << tool << " has no node " << graph.labels()[node];
      distance += std::abs(found->second - ours.scores[node]);
    }
    std::cout << "[ peer     ] " << real.name << " pagerank vs " << tool << ": L1 " << distance << " over "
              << graph.node_count() << " nodes, " << graph.edge_count() << " edges (" << ours.iterations
              << " iterations)\n";
    RecordProperty("l1_" + tool, std::to_string(distance));
    EXPECT_LT(distance, kPageRankTolerance) << real.name << " vs " << tool;
    ++compared;
  }
  if (!skipped.empty()) {
    if (compared == 0) GTEST_SKIP() << skipped;
    std::cout << "[ skipped  ] " << skipped << "\n";
  }
}

TEST_P(PeerCheck, ComponentsMatchPeers) {
  CROWDLENS_REQUIRE_SHARED_DATA();
  const RealGraph& real = GetParam();
  const Graph& graph = Load(real);
  ComponentsResult ours = WeaklyConnectedComponents(graph, {});
  Status verified = VerifyComponents(graph, ours);
  EXPECT_TRUE(verified.ok()) << verified.message();
  // A peer names each component by its smallest label; ours are numbered by
  // their smallest node, and dense ids follow label order, so map ours the same way.
  std::vector<uint64_t> smallest_label(ours.component_count(), UINT64_MAX);
  for (NodeId node = 0; node < graph.node_count(); ++node) {
    uint64_t& smallest = smallest_label[ours.component[node]];
    smallest = std::min(smallest, graph.labels()[node]);
  }
  std::string skipped;  // peers that are not installed
  int compared = 0;
  for (const std::string& tool : PeerTools(real)) {
    if (tool == "graph-tool") continue;  // asked only for PageRank
    std::unordered_map<uint64_t, double> peer;
    std::string skip_reason;
    if (!PeerValues(tool, "components", real, peer, skip_reason)) {
      if (!skip_reason.empty()) skipped.append(tool).append(": ").append(skip_reason).append("; ");
      continue;
    }
    uint64_t disagreements = 0;
    for (NodeId node = 0; node < graph.node_count(); ++node) {
      disagreements += static_cast<uint64_t>(peer[graph.labels()[node]]) != smallest_label[ours.component[node]];
    }
    std::cout << "[ peer     ] " << real.name << " components: " << ours.component_count() << " (largest "
              << *std::max_element(ours.sizes.begin(), ours.sizes.end()) << " nodes), " << disagreements
              << " nodes placed differently by " << tool << "\n";
    EXPECT_EQ(disagreements, 0u) << tool;
    ++compared;
  }
  if (!skipped.empty()) {
    if (compared == 0) GTEST_SKIP() << skipped;
    std::cout << "[ skipped  ] " << skipped << "\n";
  }
}

TEST_P(PeerCheck, KCoreMatchesPeers) {
  CROWDLENS_REQUIRE_SHARED_DATA();
  const RealGraph& real = GetParam();
  const Graph& graph = Load(real);
  // An undirected graph holds both directions of each edge: its in-core is its
  // k-core. A directed one is checked ignoring direction and by in-degree
  // (networkx only ignoring direction, and only on a simple graph).
  struct Check {
    std::string tool;
    std::string peer_kernel;
    KCoreMode mode;
  };
  std::vector<Check> checks;
  if (real.undirected) {
    checks.push_back({"igraph", "kcore", KCoreMode::kIn});
  } else {
    checks.push_back({"igraph", "kcore", KCoreMode::kAll});
    checks.push_back({"igraph", "kcore_in", KCoreMode::kIn});
    if (real.small) checks.push_back({"networkx", "kcore", KCoreMode::kAll});
  }
  std::string skipped;  // peers that are not installed
  int compared = 0;
  for (const Check& check : checks) {
    KCoreResult ours = KCoreDecomposition(graph, {.mode = check.mode});
    std::unordered_map<uint64_t, double> peer;
    std::string skip_reason;
    if (!PeerValues(check.tool, check.peer_kernel, real, peer, skip_reason)) {
      if (!skip_reason.empty()) skipped.append(check.tool).append(": ").append(skip_reason).append("; ");
      continue;
    }
    uint64_t disagreements = 0;
    for (NodeId node = 0; node < graph.node_count(); ++node) {
      disagreements += static_cast<uint32_t>(peer[graph.labels()[node]]) != ours.core[node];
    }
    std::cout << "[ peer     ] " << real.name << " " << check.peer_kernel << ": degeneracy " << ours.max_core << ", "
              << disagreements << " core numbers differ from " << check.tool << "\n";
    EXPECT_EQ(disagreements, 0u) << check.tool << " " << check.peer_kernel;
    ++compared;
  }
  if (!skipped.empty()) {
    if (compared == 0) GTEST_SKIP() << skipped;
    std::cout << "[ skipped  ] " << skipped << "\n";
  }
}

TEST_P(PeerCheck, ReciprocityMatchesIgraph) {
  CROWDLENS_REQUIRE_SHARED_DATA();
  const RealGraph& real = GetParam();
  const Graph& graph = Load(real);
  ReciprocityResult ours = Reciprocity(graph, {});
  Status verified = VerifyReciprocity(graph, {}, ours);
  EXPECT_TRUE(verified.ok()) << verified.message();
  // igraph's reciprocity of an undirected graph is 1 by definition, as is ours of its doubled edges.
  if (real.undirected) {
    EXPECT_EQ(ours.reciprocity, 1.0);
    return;
  }
  std::string text;
  std::string skip_reason;
  if (!PeerSection("igraph", "reciprocity", real, text, skip_reason)) {
    if (!skip_reason.empty()) GTEST_SKIP() << skip_reason;
    return;
  }
  ASSERT_TRUE(text.starts_with("reciprocity,")) << text;
  double peer = std::stod(text.substr(text.find(',') + 1));
  std::cout << "[ peer     ] " << real.name << " reciprocity " << ours.reciprocity << " (" << ours.reciprocated_edges
            << " of " << ours.edges << " edges), igraph " << peer << "\n";
  EXPECT_NEAR(ours.reciprocity, peer, 1e-12);
}

INSTANTIATE_TEST_SUITE_P(RealGraphs, PeerCheck, ::testing::ValuesIn(kRealGraphs),
                         [](const ::testing::TestParamInfo<RealGraph>& info) { return ParameterName(info.param); });

}  // namespace
}  // namespace crowdlens::graph
