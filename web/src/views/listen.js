// Listen: a boolean query over the workspace's posts (the `listen` language:
// acme OR @acme OR "acme air" -from:acme) with its volume over time, share of
// voice, top voices, sentiment and complaints.
import { apiGet } from "../api.js";
import { h, formatNumber, formatShare } from "../dom.js";
import { buildTable } from "../data-table.js";
import { orderedColumns } from "../columns.js";
import { chartCard, drawChart, GRID, categoryAxis, valueAxis } from "../charts.js";
import { loadInto, rowsOf, firstRow, statGrid, card, emptyCard } from "./common.js";

const SENTIMENT_COLOURS = { positive: "#3f9c6d", neutral: "#9aa6b2", negative: "#c8504b", unscored: "#d9dee4" };

export function renderListen(container, view) {
  const query = view.params.query || "";
  const bin = view.params.bin || "";
  const queryInput = h("input", { type: "search", name: "query", value: query, placeholder: 'brand OR @brand OR "brand name" -from:brand', "aria-label": "Listening query" });
  const binSelect = h("select", { name: "bin", "aria-label": "Volume per" }, ["", "hour", "day", "week"].map((name) => h("option", { value: name, selected: name === bin }, name ? `per ${name}` : "bin: automatic")));
  const form = h(
    "form",
    {
      class: "form-row listen-form",
      onsubmit: (event) => {
        event.preventDefault();
        const search = new URLSearchParams({ query: queryInput.value.trim() });
        if (binSelect.value) search.set("bin", binSelect.value);
        location.hash = `#/listen?${search}`;
      },
    },
    queryInput,
    binSelect,
    h("button", { type: "submit", class: "primary" }, "Listen"),
  );
  const results = h("div", { class: "listen-results" });
  container.append(form, results);
  if (!query) {
    results.append(emptyCard(null, "Type a query to listen: words, #hashtags, @mentions, \"phrases\", OR, AND, -exclusions and from:handle."));
    return;
  }
  loadInto(results, view, (signal) => apiGet("listen", { query, bin, top: 10 }, { signal }), (report) => drawReport(results, report, view), `Listening for ${query}`);
}

function drawReport(results, report, view) {
  const summary = firstRow(report.summary) || {};
  results.append(
    statGrid([
      { label: "matched posts", value: summary.matched },
      { label: "posts scanned", value: summary.posts_scanned },
      { label: "authors", value: summary.authors },
      { label: "retweets", value: summary.retweets },
      { label: "mean sentiment", value: summary.mean_compound, note: "VADER compound, −1 to 1" },
      { label: "complaints", value: summary.complaints },
    ]),
  );
  if (summary.parsed_as) results.append(h("p", { class: "note" }, `Parsed as ${summary.parsed_as}${summary.first_post ? `, ${summary.first_post.slice(0, 10)} to ${summary.last_post.slice(0, 10)}` : ""}.`));
  if (!summary.matched) {
    results.append(emptyCard(null, "No post matches this query. Try other words, or an OR between alternatives."));
    return;
  }
  const volume = rowsOf(report.volume);
  if (volume.length) {
    const binName = ["hour", "day", "week"].find((name) => name in volume[0]) || "bin";
    const chart = chartCard(`Volume per ${binName}`, { height: 300 });
    chart.element.classList.add("volume-chart");
    results.append(chart.element);
    drawChart(
      chart.holder,
      {
        grid: { ...GRID, top: 36 },
        legend: { top: 0, left: 0 },
        tooltip: { trigger: "axis" },
        dataZoom: volume.length > 60 ? [{ type: "inside" }, { type: "slider", height: 18, bottom: 0 }] : [],
        xAxis: categoryAxis(volume.map((row) => row[binName])),
        yAxis: valueAxis(),
        series: ["positive", "neutral", "negative", "unscored"].map((kind) => ({ type: "bar", stack: "volume", name: kind, data: volume.map((row) => row[kind]), color: SENTIMENT_COLOURS[kind], barMaxWidth: 24 })),
      },
      view,
    );
  }
  const grid = h("div", { class: "grid" });
  results.append(grid);
  const share = rowsOf(report.share_of_voice);
  if (share.length) {
    const chart = chartCard("Share of voice", { height: Math.max(180, share.length * 30 + 40), note: "This query against the saved queries of crowdlens.toml." });
    chart.element.classList.add("share-chart");
    grid.append(chart.element);
    drawChart(
      chart.holder,
      {
        grid: { ...GRID, top: 8, right: 48 },
        tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: (value) => formatNumber(value) },
        xAxis: valueAxis(),
        yAxis: categoryAxis(share.map((row) => row.query), { inverse: true }),
        series: [{ type: "bar", name: "posts", data: share.map((row) => row.posts), barMaxWidth: 18, label: { show: true, position: "right", formatter: ({ dataIndex }) => formatShare(share[dataIndex].share) } }],
      },
      view,
    );
  }
  const sentiment = ["positive", "neutral", "negative"].map((kind) => ({ kind, posts: summary[kind] || 0 }));
  sentiment.push({ kind: "unscored", posts: summary.unscored_language || 0 });
  const sentimentChart = chartCard("Sentiment of matched posts", { height: 200, note: "Unscored: posts not in English, which VADER does not score." });
  sentimentChart.element.classList.add("sentiment-chart");
  grid.append(sentimentChart.element);
  drawChart(
    sentimentChart.holder,
    {
      grid: { ...GRID, top: 8 },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      xAxis: valueAxis(),
      yAxis: categoryAxis(sentiment.map((item) => item.kind), { inverse: true }),
      series: [{ type: "bar", name: "posts", barMaxWidth: 18, data: sentiment.map((item) => ({ value: item.posts, itemStyle: { color: SENTIMENT_COLOURS[item.kind] } })), label: { show: true, position: "right", formatter: ({ value }) => formatNumber(value) } }],
    },
    view,
  );
  const tables = h("div", { class: "grid" });
  results.append(tables);
  for (const [name, title, columnKey] of [
    ["voices_by_reach", "Top voices by reach", "listen/voices"],
    ["voices_by_retweets", "Top voices by retweets received", "listen/voices"],
    ["hashtags", "Hashtags used with the query", "listen/hashtags"],
    ["terms", "Terms used with the query", "listen/terms"],
    ["complaint_categories", "Complaints by category", "listen/complaint_categories"],
  ]) {
    const rows = rowsOf(report[name]);
    if (rows.length) tables.append(card(title, buildTable(rows, orderedColumns(columnKey, rows))));
  }
  const complaints = rowsOf(report.complaints);
  if (complaints.length) results.append(card("Complaints: negative posts addressed to the brand", buildTable(complaints, orderedColumns("listen/complaints", complaints))));
}
