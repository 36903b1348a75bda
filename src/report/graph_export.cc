#include "report/graph_export.h"

#include <fmt/format.h>

#include <string>

namespace crowdlens {
namespace {

// XML text and attribute values; characters XML 1.0 forbids are dropped.
std::string XmlEscape(std::string_view text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': escaped += "&amp;"; break;
      case '<': escaped += "&lt;"; break;
      case '>': escaped += "&gt;"; break;
      case '"': escaped += "&quot;"; break;
      case '\'': escaped += "&apos;"; break;
      case '\t': case '\n': case '\r': escaped += c; break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20) escaped += c;
    }
  }
  return escaped;
}

std::string NodeId(const CrowdGraphNode& node) { return "a" + std::to_string(node.account_key); }

// The node attributes in one place, so every format writes the same set.
struct Attribute {
  std::string name;
  const char* graphml_type;  // string, long, double, boolean
  const char* gexf_type;     // string, long, double, boolean
};

std::vector<Attribute> NodeAttributes(const CrowdGraph& crowd) {
  std::vector<Attribute> attributes = {
      {"handle", "string", "string"},  {"name", "string", "string"},      {"platform", "string", "string"},
      {"location", "string", "string"}, {"followers", "long", "long"},    {"following", "long", "long"},
      {"posts", "long", "long"},        {"verified", "boolean", "boolean"}};
  for (Layer layer : crowd.layers) attributes.push_back({"pagerank_" + std::string(LayerName(layer)), "double", "double"});
  return attributes;
}

// Attribute values as text, in NodeAttributes order; nullopt for unknown values.
std::vector<std::optional<std::string>> NodeValues(const CrowdGraphNode& node) {
  auto count = [](const std::optional<int64_t>& value) -> std::optional<std::string> {
    if (!value) return std::nullopt;
    return std::to_string(*value);
  };
  std::vector<std::optional<std::string>> values = {node.handle,
                                                    node.name,
                                                    node.platform,
                                                    node.location,
                                                    count(node.followers),
                                                    count(node.following),
                                                    std::to_string(node.posts),
                                                    std::string(node.verified ? "true" : "false")};
  for (double rank : node.pagerank) values.push_back(fmt::format("{:.10g}", rank));
  return values;
}

}  // namespace

std::optional<GraphFormat> ParseGraphFormat(std::string_view name) {
  if (name == "graphml") return GraphFormat::kGraphMl;
  if (name == "gexf") return GraphFormat::kGexf;
  if (name == "edgelist") return GraphFormat::kEdgeList;
  return std::nullopt;
}

void WriteGraphMl(std::ostream& out, const CrowdGraph& crowd) {
  std::vector<Attribute> attributes = NodeAttributes(crowd);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const Attribute& attribute : attributes) {
    out << fmt::format("  <key id=\"{0}\" for=\"node\" attr.name=\"{0}\" attr.type=\"{1}\"/>\n", attribute.name,
                       attribute.graphml_type);
  }
  out << "  <key id=\"layer\" for=\"edge\" attr.name=\"layer\" attr.type=\"string\"/>\n"
         "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
         "  <graph id=\"crowd\" edgedefault=\"directed\">\n";
  for (const CrowdGraphNode& node : crowd.nodes) {
    out << "    <node id=\"" << NodeId(node) << "\">";
    std::vector<std::optional<std::string>> values = NodeValues(node);
    for (size_t index = 0; index < values.size(); ++index) {
      if (!values[index]) continue;
      out << "<data key=\"" << attributes[index].name << "\">" << XmlEscape(*values[index]) << "</data>";
    }
    out << "</node>\n";
  }
  for (const CrowdGraphEdge& edge : crowd.edges) {
    out << fmt::format(
        "    <edge source=\"{}\" target=\"{}\"><data key=\"layer\">{}</data><data key=\"weight\">{:g}</data></edge>\n",
        NodeId(crowd.nodes[edge.source]), NodeId(crowd.nodes[edge.target]), LayerName(edge.layer), edge.weight);
  }
  out << "  </graph>\n</graphml>\n";
}

void WriteGexf(std::ostream& out, const CrowdGraph& crowd) {
  std::vector<Attribute> attributes = NodeAttributes(crowd);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<gexf xmlns=\"http://www.gexf.net/1.2draft\" version=\"1.2\">\n"
         "  <meta><creator>crowdlens</creator><description>The crowd's graph</description></meta>\n"
         "  <graph mode=\"static\" defaultedgetype=\"directed\">\n"
         "    <attributes class=\"node\">\n";
  for (size_t index = 0; index < attributes.size(); ++index) {
    out << fmt::format("      <attribute id=\"{}\" title=\"{}\" type=\"{}\"/>\n", index, attributes[index].name,
                       attributes[index].gexf_type);
  }
  out << "    </attributes>\n"
         "    <attributes class=\"edge\">\n"
         "      <attribute id=\"layer\" title=\"layer\" type=\"string\"/>\n"
         "    </attributes>\n"
         "    <nodes>\n";
  for (const CrowdGraphNode& node : crowd.nodes) {
    out << "      <node id=\"" << NodeId(node) << "\" label=\"" << XmlEscape(node.handle) << "\"><attvalues>";
    std::vector<std::optional<std::string>> values = NodeValues(node);
    for (size_t index = 0; index < values.size(); ++index) {
      if (!values[index]) continue;
      out << "<attvalue for=\"" << index << "\" value=\"" << XmlEscape(*values[index]) << "\"/>";
    }
    out << "</attvalues></node>\n";
  }
  out << "    </nodes>\n    <edges>\n";
  for (size_t index = 0; index < crowd.edges.size(); ++index) {
    const CrowdGraphEdge& edge = crowd.edges[index];
    out << fmt::format(
        "      <edge id=\"{}\" source=\"{}\" target=\"{}\" weight=\"{:g}\" label=\"{}\"><attvalues>"
        "<attvalue for=\"layer\" value=\"{}\"/></attvalues></edge>\n",
        index, NodeId(crowd.nodes[edge.source]), NodeId(crowd.nodes[edge.target]), edge.weight,
        LayerName(edge.layer), LayerName(edge.layer));
  }
  out << "    </edges>\n  </graph>\n</gexf>\n";
}

void WriteEdgeList(std::ostream& out, const CrowdGraph& crowd) {
  out << "# source target weight layer (accounts by handle; id:N where the handle is unknown)\n";
  for (const CrowdGraphEdge& edge : crowd.edges) {
    out << crowd.nodes[edge.source].handle << ' ' << crowd.nodes[edge.target].handle << ' '
        << fmt::format("{:g}", edge.weight) << ' ' << LayerName(edge.layer) << '\n';
  }
}

void WriteGraph(std::ostream& out, GraphFormat format, const CrowdGraph& crowd) {
  switch (format) {
    case GraphFormat::kGraphMl: WriteGraphMl(out, crowd); break;
    case GraphFormat::kGexf: WriteGexf(out, crowd); break;
    case GraphFormat::kEdgeList: WriteEdgeList(out, crowd); break;
  }
}

}  // namespace crowdlens
