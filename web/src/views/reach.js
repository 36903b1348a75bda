// Reach: how many followers (and target followers) each post is expected to
// reach, and the hours of the week a post reaches most (the heat map of `reach --when`).
import { apiGet } from "../api.js";
import { h, formatNumber } from "../dom.js";
import { buildTable, createDataTable } from "../data-table.js";
import { orderedColumns } from "../columns.js";
import { chartCard, drawChart, GRID, categoryAxis, valueAxis, PALETTE } from "../charts.js";
import { loadInto, rowsOf, firstRow, statGrid, card, emptyCard } from "./common.js";

const CHART_POSTS = 60;

export function renderReach(container, view) {
  const postsArea = h("div");
  const whenArea = h("div");
  container.append(postsArea, h("h2", { class: "section-title" }, "When to post"), whenArea);

  loadInto(postsArea, view, (signal) => apiGet("reach", { top: CHART_POSTS }, { signal }), (reach) => {
    const summary = firstRow(reach.reach);
    if (!summary) {
      postsArea.append(emptyCard(null, "No reach figures: import the owner's followers and posts."));
      return;
    }
    postsArea.append(
      statGrid([
        { label: "followers", value: summary.followers },
        { label: "target followers", value: summary.target_followers },
        { label: "posts", value: summary.posts },
        { label: "a follower sees one in", value: summary.one_in_follower },
        { label: "a target follower sees one in", value: summary.one_in_target },
      ]),
    );
    for (const sentence of [summary.summary_followers, summary.summary_target]) if (sentence) postsArea.append(h("p", { class: "note" }, sentence));
    const posts = rowsOf(reach.posts);
    if (!posts.length) {
      postsArea.append(emptyCard("Expected audience per post", "The owner has no posts in this period."));
    } else {
      const oldestFirst = [...posts].reverse();
      const chart = chartCard("Expected real audience per post", { height: 300, note: `The ${formatNumber(posts.length)} most recent posts; model in docs/reach.md.` });
      chart.element.classList.add("posts-chart");
      postsArea.append(chart.element);
      drawChart(
        chart.holder,
        {
          grid: { ...GRID, top: 36 },
          legend: { top: 0, left: 0 },
          tooltip: { trigger: "axis", formatter: (items) => `${oldestFirst[items[0].dataIndex].published}<br>${escapeText(oldestFirst[items[0].dataIndex].text)}<br>${items.map((item) => `${item.marker}${item.seriesName}: ${formatNumber(item.value)}`).join("<br>")}` },
          xAxis: categoryAxis(oldestFirst.map((row) => String(row.published).slice(5, 16).replace("T", " "))),
          yAxis: valueAxis(),
          series: [
            { type: "bar", name: "expected followers", data: oldestFirst.map((row) => row.expected_followers), barMaxWidth: 22 },
            { type: "bar", name: "expected target followers", data: oldestFirst.map((row) => row.expected_target), barMaxWidth: 22 },
          ],
        },
        view,
      );
    }
    postsArea.append(
      createDataTable({
        title: "Posts (newest first)",
        columnKey: "reach/posts",
        emptyMessage: "The owner has no posts in this period.",
        signal: view.signal,
        load: ({ limit, offset, q }) => apiGet("reach", { top: 0, table: "posts", limit, offset, q }, { signal: view.signal }).then((data) => ({ rows: rowsOf(data.posts), paging: data.paging })),
      }).element,
    );
    const sources = rowsOf(reach.sources);
    if (sources.length) postsArea.append(card("What the figures rest on", buildTable(sources, orderedColumns("reach/sources", sources))));
  });

  loadInto(whenArea, view, (signal) => apiGet("reach", { when: 1 }, { signal }), (when) => {
    const week = rowsOf(when.week_hours);
    if (!week.length) {
      whenArea.append(emptyCard("Week hours", "No followers to model: import the owner's followers."));
      return;
    }
    const hours = Object.keys(week[0]).filter((key) => /^h\d\d$/.test(key));
    const cells = [];
    let max = 0;
    let min = Infinity;
    week.forEach((row, dayIndex) =>
      hours.forEach((hour, hourIndex) => {
        cells.push([hourIndex, dayIndex, row[hour]]);
        max = Math.max(max, row[hour] || 0);
        min = Math.min(min, row[hour] || 0);
      }),
    );
    const byTarget = (firstRow(when.reach) || {}).target_followers > 0;
    const chart = chartCard(`Expected ${byTarget ? "target followers" : "followers"} reached by a post published in each hour of the week (UTC)`, { height: 320 });
    chart.element.classList.add("heatmap-chart");
    whenArea.append(chart.element);
    drawChart(
      chart.holder,
      {
        grid: { ...GRID, top: 8, bottom: 48 },
        tooltip: { formatter: (item) => `${week[item.value[1]].day} ${hours[item.value[0]].slice(1)}:00 UTC: ${formatNumber(item.value[2])}` },
        xAxis: categoryAxis(hours.map((hour) => hour.slice(1)), { splitArea: { show: true } }),
        yAxis: categoryAxis(week.map((row) => row.day), { inverse: true, splitArea: { show: true } }),
        visualMap: { min, max: max > min ? max : min + 1, calculable: false, orient: "horizontal", left: "center", bottom: 0, itemHeight: 160, itemWidth: 12, text: [formatNumber(max), formatNumber(min)], inRange: { color: ["#f1f5fa", PALETTE[0], "#17406e"] } },
        series: [{ type: "heatmap", name: "expected reach", data: cells, emphasis: { itemStyle: { borderColor: "#333", borderWidth: 1 } } }],
      },
      view,
    );
    const best = rowsOf(when.best_slots);
    if (best.length) whenArea.append(card("Best posting slots", buildTable(best, orderedColumns("reach/best_slots", best))));
  });
}

function escapeText(text) {
  const element = document.createElement("span");
  element.textContent = String(text || "");
  return element.innerHTML;
}
