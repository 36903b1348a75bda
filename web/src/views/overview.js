// Overview: what the workspace holds (status), the audience in one line of figures
// and the crowd's most influential accounts.
import { apiGet } from "../api.js";
import { h } from "../dom.js";
import { buildTable } from "../data-table.js";
import { chartCard, drawChart, GRID, categoryAxis, valueAxis } from "../charts.js";
import { loadInto, rowsOf, firstRow, statGrid, card, emptyCard } from "./common.js";

const HEADLINE_TABLES = ["accounts", "posts", "follows", "interactions", "contacts"];

export function renderOverview(container, view) {
  const workspaceArea = h("div", { class: "overview-workspace" });
  const audienceArea = h("div", { class: "overview-audience" });
  const influenceArea = h("div", { class: "overview-influence" });
  container.append(h("h2", { class: "section-title" }, "Workspace"), workspaceArea, h("h2", { class: "section-title" }, "Audience"), audienceArea, h("h2", { class: "section-title" }, "Top influencers"), influenceArea);

  loadInto(workspaceArea, view, (signal) => apiGet("status", {}, { signal }), (status) => {
    const workspace = firstRow(status.workspace) || {};
    const counts = new Map(rowsOf(status.tables).map((row) => [row.table, row.rows]));
    workspaceArea.append(
      statGrid([
        ...HEADLINE_TABLES.filter((name) => counts.has(name)).map((name) => ({ label: name, value: counts.get(name) })),
        { label: "first post", value: workspace.first_post ? workspace.first_post.slice(0, 10) : null },
        { label: "last post", value: workspace.last_post ? workspace.last_post.slice(0, 10) : null },
      ]),
    );
    const runs = rowsOf(status.runs);
    if (runs.length) workspaceArea.append(card("Recent imports", buildTable(runs, ["run_id", "started", "status", "inputs", "records", "quarantined"])));
  });

  loadInto(audienceArea, view, (signal) => apiGet("audience", { top: 5, unfollows: 1 }, { signal }), (audience) => {
    const summary = firstRow(audience.audience);
    if (!summary) {
      audienceArea.append(emptyCard(null, "No audience yet: import the owner's followers and follows."));
      return;
    }
    audienceArea.append(
      statGrid([
        { label: "followers", value: summary.followers },
        { label: "follows", value: summary.follows },
        { label: "mutual", value: summary.mutual },
        { label: "target followers", value: summary.target_followers },
        { label: "target share", value: summary.target_share, share: true },
      ]),
      h("p", { class: "note" }, `Target audience: ${summary.target_rule}`),
    );
  });

  loadInto(influenceArea, view, (signal) => apiGet("influence", { top: 10 }, { signal }), (influence) => {
    const ranking = rowsOf(influence.influence);
    if (!ranking.length) {
      influenceArea.append(emptyCard(null, "No influence figures: the workspace has no posts or follows yet."));
      return;
    }
    const chart = chartCard("Influence score (0–100)", { height: Math.max(220, ranking.length * 28 + 40) });
    influenceArea.append(h("div", { class: "grid" }, chart.element, card("Ranking", buildTable(ranking, ["rank", "account", "score", "followers"].filter((key) => key in ranking[0])))));
    drawChart(
      chart.holder,
      {
        grid: { ...GRID, top: 8 },
        tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
        xAxis: valueAxis({ max: 100 }),
        yAxis: categoryAxis(ranking.map((row) => `@${row.account}`), { inverse: true }),
        series: [{ type: "bar", name: "score", data: ranking.map((row) => row.score), barMaxWidth: 18 }],
      },
      view,
    );
  });
}
