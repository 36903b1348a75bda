// `crowdlens graph export`: the crowd's graph for Gephi, Cytoscape and NodeXL.
#include <fstream>
#include <iostream>

#include "analyses/crowd_graph.h"
#include "cli/command.h"
#include "report/graph_export.h"

namespace crowdlens::cli {
namespace {

struct ExportArguments {
  std::string format = "graphml";
  std::vector<std::string> layers = {"follow", "retweet", "mention", "reply"};
  std::string output_file;
};

int RunExport(const GlobalOptions& globals, const ExportArguments& arguments) {
  std::optional<GraphFormat> format = ParseGraphFormat(arguments.format);
  if (!format) return Fail(InvalidArgument("--as must be graphml, gexf or edgelist, not " + arguments.format));
  std::vector<Layer> layers;
  for (const std::string& name : arguments.layers) {
    Result<Layer> layer = ParseLayer(name);
    if (!layer.ok()) return Fail(layer.status());
    if (std::find(layers.begin(), layers.end(), *layer) == layers.end()) layers.push_back(*layer);
  }
  Result<std::unique_ptr<Workspace>> workspace = OpenWorkspace(globals, OpenMode::kExisting);
  if (!workspace.ok()) return Fail(workspace.status());
  Result<CrowdGraph> crowd = BuildCrowdGraph(**workspace, layers);
  if (!crowd.ok()) return Fail(crowd.status());
  if (arguments.output_file.empty() || arguments.output_file == "-") {
    WriteGraph(std::cout, *format, *crowd);
    std::cout.flush();
    return std::cout ? kExitOk : Fail(IoError("writing the graph to standard output failed"));
  }
  std::ofstream out(arguments.output_file, std::ios::binary);
  if (!out) return Fail(IoError(arguments.output_file + ": cannot create the file (check the folder exists)"));
  WriteGraph(out, *format, *crowd);
  out.close();
  if (!out) return Fail(IoError(arguments.output_file + ": writing failed (is the disk full?)"));
  std::cerr << "crowdlens: wrote " << crowd->nodes.size() << " accounts and " << crowd->edges.size() << " edges to "
            << arguments.output_file << "\n";
  return kExitOk;
}

}  // namespace

void AddGraphExportCommand(CLI::App& app, GlobalOptions& globals) {
  CLI::App* graph = nullptr;
  try {
    graph = app.get_subcommand("graph");
  } catch (const CLI::OptionNotFound&) {
    graph = app.add_subcommand("graph", "Graph kernels on edge-list files, and the crowd's graph for other tools");
    graph->require_subcommand(1);
  }
  CLI::App* command = graph->add_subcommand(
      "export", "Write the workspace's graph with account attributes (handle, counts, PageRank per layer)");
  auto arguments = std::make_shared<ExportArguments>();
  command->add_option("--as", arguments->format, "graphml (Cytoscape, NodeXL), gexf (Gephi) or edgelist")
      ->check(CLI::IsMember({"graphml", "gexf", "edgelist"}))
      ->capture_default_str();
  command->add_option("--layer", arguments->layers, "Layers to include: follow, retweet, mention, reply")
      ->delimiter(',')
      ->capture_default_str();
  command->add_option("-O,--output-file", arguments->output_file, "Write to this file instead of standard output");
  command->callback([&globals, arguments] { globals.exit_code = RunExport(globals, *arguments); });
}

}  // namespace crowdlens::cli
