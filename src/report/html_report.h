// `crowdlens report`: the owner's crowd at a glance as one self-contained
// HTML file: no script, no external file, opens offline and prints cleanly.
// Sections: the workspace, the audience (segments, target share, growth and
// unfollows), reach and the best hours (heat map), influence (score with its
// breakdown, rank agreement), the content mix against thirds, and listening
// and trends. Each section is made from the same tables the commands print
// (report/*_tables.h), with inline SVG charts (svg_chart.h); a section whose
// analysis cannot run says why instead of failing the whole report.
//
//   Result<std::string> html = HtmlReport(workspace, {});
#pragma once

#include <cstdint>
#include <string>

#include "core/status.h"
#include "store/workspace.h"

namespace crowdlens {

struct HtmlReportOptions {
  std::string handle;          // whose crowd; empty: the workspace owner
  int64_t generated_at = 0;    // shown in the header; 0: now
};

Result<std::string> HtmlReport(Workspace& workspace, const HtmlReportOptions& options);

}  // namespace crowdlens
