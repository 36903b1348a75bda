// Content mix: the owner's posts as interaction, content and promotion against
// the rule of thirds, month by month, what travelled, and a draft scored before it is posted.
import { apiGet } from "../api.js";
import { h, clear, formatShare } from "../dom.js";
import { buildTable, createDataTable } from "../data-table.js";
import { orderedColumns } from "../columns.js";
import { chartCard, drawChart, GRID, categoryAxis, valueAxis, PALETTE } from "../charts.js";
import { loadInto, rowsOf, firstRow, statGrid, card, emptyCard } from "./common.js";

const CLASSES = ["interaction", "content", "promotion"];

export function renderMix(container, view) {
  const mixArea = h("div");
  const draftArea = h("div");
  container.append(mixArea, h("h2", { class: "section-title" }, "Score a draft"), draftArea);
  renderDraft(draftArea, view);

  loadInto(mixArea, view, (signal) => apiGet("mix", { posts: 1 }, { signal }), (mix) => {
    const summary = firstRow(mix.mix_summary);
    if (!summary || !summary.posts) {
      mixArea.append(emptyCard(null, "The owner has no posts in the workspace to classify."));
      return;
    }
    mixArea.append(
      statGrid([
        { label: "posts", value: summary.posts },
        { label: "interaction", value: summary.interaction_share, share: true },
        { label: "content", value: summary.content_share, share: true },
        { label: "promotion", value: summary.promotion_share, share: true },
        { label: "from", value: summary.first_post },
        { label: "to", value: summary.last_post },
      ]),
    );
    if (summary.message) mixArea.append(h("p", { class: "note" }, summary.message));
    const grid = h("div", { class: "grid" });
    mixArea.append(grid);
    const thirds = chartCard("Mix against a third each", { height: 240 });
    thirds.element.classList.add("thirds-chart");
    grid.append(thirds.element);
    drawChart(
      thirds.holder,
      {
        grid: { ...GRID, top: 16, right: 40 },
        tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: (value) => formatShare(value) },
        xAxis: valueAxis({ max: 1, axisLabel: { formatter: (value) => `${Math.round(value * 100)}%` } }),
        yAxis: categoryAxis(CLASSES, { inverse: true }),
        series: [
          {
            type: "bar",
            name: "share of posts",
            barMaxWidth: 22,
            data: CLASSES.map((name, index) => ({ value: summary[`${name}_share`], itemStyle: { color: PALETTE[index] } })),
            label: { show: true, position: "right", formatter: ({ value }) => formatShare(value) },
            markLine: { symbol: "none", label: { formatter: "⅓", position: "start" }, lineStyle: { type: "dashed", color: "#5f7282" }, data: [{ xAxis: 1 / 3 }] },
          },
        ],
      },
      view,
    );
    const months = rowsOf(mix.monthly).filter((row) => /^\d{4}-\d{2}/.test(String(row.month)));
    if (months.length) {
      const monthly = chartCard("Posts per month by class", { height: 240 });
      monthly.element.classList.add("monthly-chart");
      grid.append(monthly.element);
      drawChart(
        monthly.holder,
        {
          grid: { ...GRID, top: 36 },
          legend: { top: 0, left: 0 },
          tooltip: { trigger: "axis" },
          xAxis: categoryAxis(months.map((row) => row.month)),
          yAxis: valueAxis(),
          series: CLASSES.map((name) => ({ type: "bar", stack: "posts", name, data: months.map((row) => row[name]), barMaxWidth: 28 })),
        },
        view,
      );
    }
    const travel = rowsOf(mix.travel);
    if (travel.length) mixArea.append(card("What travelled: retweets and replies per post", buildTable(travel, orderedColumns("mix/travel", travel))));
    mixArea.append(
      createDataTable({
        title: "Recent posts with the rule that classified each",
        columnKey: "mix/posts",
        emptyMessage: "No posts.",
        signal: view.signal,
        load: ({ limit, offset, q }) => apiGet("mix", { posts: 0, table: "posts", limit, offset, q }, { signal: view.signal }).then((data) => ({ rows: rowsOf(data.posts), paging: data.paging })),
      }).element,
    );
  });
}

function renderDraft(area, view) {
  const input = h("input", { type: "text", name: "draft", placeholder: "Write a post to see how it would be classified and what it may draw", "aria-label": "Draft post" });
  const result = h("div", { class: "draft-result" });
  const form = h(
    "form",
    {
      class: "form-row",
      onsubmit: (event) => {
        event.preventDefault();
        const draft = input.value.trim();
        if (!draft) return;
        loadInto(result, view, (signal) => apiGet("mix", { draft }, { signal }), (answer) => {
          clear(result);
          const verdict = firstRow(answer.draft);
          if (verdict) result.append(statGrid([{ label: "class", value: verdict.class }, { label: "rule", value: String(verdict.rule || "").replace(/_/g, " ") }, { label: "features", value: String(verdict.features || "none").replace(/_/g, " ") }]));
          if (verdict && verdict.evidence) result.append(h("p", { class: "note" }, `Evidence: ${verdict.evidence}`));
          const estimates = rowsOf(answer.draft_estimate);
          if (estimates.length) result.append(card("Expected per post, from posts like it", buildTable(estimates, orderedColumns("mix/draft_estimate", estimates))));
          const reasons = rowsOf(answer.draft_reasons);
          if (reasons.length) result.append(card("Why", h("ul", {}, reasons.map((row) => h("li", {}, row.reason)))));
        }, "Scoring the draft");
      },
    },
    input,
    h("button", { type: "submit", class: "primary" }, "Score"),
  );
  area.append(form, result);
}
