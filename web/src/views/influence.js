// Influence: the crowd ranked by the 0-100 score, the points each component adds
// (docs/influence.md) and how far the rankings of different measures agree.
import { apiGet } from "../api.js";
import { h, atHandle } from "../dom.js";
import { buildTable, createDataTable } from "../data-table.js";
import { orderedColumns, SCORE_COMPONENTS } from "../columns.js";
import { chartCard, drawChart, GRID, categoryAxis, valueAxis } from "../charts.js";
import { loadInto, rowsOf, card, emptyCard } from "./common.js";

const BREAKDOWN_ACCOUNTS = 15;
const RANKED_ACCOUNTS = 500; // the ranking pages through this many (the API needs a top)
const NOT_COMPONENTS = new Set(["rank", "account", "score"]);

export function renderInfluence(container, view) {
  const rankingArea = h("div");
  const agreementArea = h("div");
  container.append(rankingArea, h("h2", { class: "section-title" }, "Agreement between measures"), agreementArea);

  loadInto(rankingArea, view, (signal) => apiGet("influence", { top: BREAKDOWN_ACCOUNTS }, { signal }), (influence) => {
    const breakdown = rowsOf(influence.score_breakdown);
    if (!rowsOf(influence.influence).length) {
      rankingArea.append(emptyCard(null, "No influence figures: the workspace has no posts or follows yet."));
      return;
    }
    if (breakdown.length) {
      const present = Object.keys(breakdown[0]).filter((key) => !NOT_COMPONENTS.has(key));
      const components = [...SCORE_COMPONENTS.filter((key) => present.includes(key)), ...present.filter((key) => !SCORE_COMPONENTS.includes(key))];
      const chart = chartCard("Score breakdown: points each component adds", { height: Math.max(280, breakdown.length * 26 + 70) });
      chart.element.classList.add("breakdown-chart");
      rankingArea.append(chart.element);
      drawChart(
        chart.holder,
        {
          grid: { ...GRID, top: 56 },
          legend: { top: 0, left: 0, type: "scroll" },
          tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
          xAxis: valueAxis({ max: 100 }),
          yAxis: categoryAxis(breakdown.map((row) => atHandle(row.account)), { inverse: true }),
          series: components.map((component) => ({ type: "bar", stack: "score", name: component.replace(/_/g, " "), data: breakdown.map((row) => row[component]), barMaxWidth: 18 })),
        },
        view,
      );
    }
    rankingArea.append(
      createDataTable({
        title: "Ranking",
        columnKey: "influence/influence",
        signal: view.signal,
        load: ({ limit, offset, q }) => apiGet("influence", { top: RANKED_ACCOUNTS, table: "influence", limit, offset, q }, { signal: view.signal }).then((data) => ({ rows: rowsOf(data.influence), paging: data.paging })),
      }).element,
    );
    const layers = rowsOf(influence.layers);
    if (layers.length) rankingArea.append(card("PageRank per graph layer", buildTable(layers, orderedColumns("influence/layers", layers))));
  });

  loadInto(agreementArea, view, (signal) => apiGet("influence", { agreement: 1 }, { signal }), (agreement) => {
    const pairs = rowsOf(agreement.agreement);
    if (!pairs.length) {
      agreementArea.append(emptyCard(null, "Too few ranked accounts to compare measures."));
      return;
    }
    const chart = chartCard("Spearman's rho between rankings", { height: Math.max(220, pairs.length * 26 + 40) });
    chart.element.classList.add("agreement-chart");
    agreementArea.append(chart.element, card("Pairs of measures", buildTable(pairs, orderedColumns("influence/agreement", pairs))));
    drawChart(
      chart.holder,
      {
        grid: { ...GRID, top: 8 },
        tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
        xAxis: valueAxis({ min: -1, max: 1 }),
        yAxis: categoryAxis(pairs.map((row) => `${row.measure_a} · ${row.measure_b}`), { inverse: true }),
        series: [{ type: "bar", name: "rho", data: pairs.map((row) => row.spearman_rho), barMaxWidth: 16 }],
      },
      view,
    );
    const disagreements = rowsOf(agreement.disagreements);
    if (disagreements.length) agreementArea.append(card("Where the measures disagree most", buildTable(disagreements, orderedColumns("influence/disagreements", disagreements))));
  });
}
