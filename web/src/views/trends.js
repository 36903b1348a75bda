// Trends: bursts of hashtags and terms (Kleinberg's automaton), rising voices,
// a recurring tag's distinctive terms, and a live panel fed by a running
// `watch` through the server's event stream (/api/v1/events).
import { apiGet, apiUrl } from "../api.js";
import { h, clear, formatNumber } from "../dom.js";
import { buildTable, createDataTable } from "../data-table.js";
import { orderedColumns } from "../columns.js";
import { chartCard, drawChart, GRID, categoryAxis, valueAxis } from "../charts.js";
import { loadInto, rowsOf, firstRow, statGrid, card, emptyCard } from "./common.js";

const CHART_BURSTS = 15;
const LISTED_BURSTS = 500; // the bursts table pages through this many
const LIVE_WINDOWS = 60;
const LIVE_ALERTS = 20;

export function renderTrends(container, view) {
  const liveArea = h("div");
  const burstArea = h("div");
  container.append(burstArea, h("h2", { class: "section-title" }, "Live"), liveArea);
  renderLive(liveArea, view);

  loadInto(burstArea, view, (signal) => apiGet("trends", { top: 50 }, { signal }), (trends) => {
    const summary = firstRow(trends.summary) || {};
    burstArea.append(
      statGrid([
        { label: "posts", value: summary.posts },
        { label: "time bin", value: summary.bin },
        { label: "bins with posts", value: summary.bins_with_posts },
        { label: "items tested", value: summary.items_tested },
        { label: "recurring tag", value: summary.recurring_tag },
      ]),
    );
    const bursts = rowsOf(trends.bursts);
    if (!bursts.length) {
      burstArea.append(emptyCard("Bursts", "No burst: no hashtag or term rose above its base rate. Import more posts or lower --min-count."));
    } else {
      const shown = bursts.slice(0, CHART_BURSTS);
      const chart = chartCard("Strongest bursts", { height: Math.max(240, shown.length * 26 + 40) });
      chart.element.classList.add("bursts-chart");
      burstArea.append(chart.element);
      drawChart(
        chart.holder,
        {
          grid: { ...GRID, top: 8 },
          tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, formatter: (items) => { const row = shown[items[0].dataIndex]; return `${row.item}<br>${row.start} – ${row.end}<br>strength ${formatNumber(row.strength)}, ${formatNumber(row.posts)} posts`; } },
          xAxis: valueAxis(),
          yAxis: categoryAxis(shown.map((row) => row.item), { inverse: true }),
          series: [{ type: "bar", name: "strength", data: shown.map((row) => row.strength), barMaxWidth: 16 }],
        },
        view,
      );
    }
    burstArea.append(
      createDataTable({
        title: "Bursts (strongest first)",
        columnKey: "trends/bursts",
        emptyMessage: "No burst found.",
        signal: view.signal,
        load: ({ limit, offset, q }) => apiGet("trends", { top: LISTED_BURSTS, table: "bursts", limit, offset, q }, { signal: view.signal }).then((data) => ({ rows: rowsOf(data.bursts), paging: data.paging })),
      }).element,
    );
    const voices = rowsOf(trends.rising_voices);
    burstArea.append(voices.length ? card("Rising voices", buildTable(voices, orderedColumns("trends/rising_voices", voices))) : emptyCard("Rising voices", "No author's share of a bursting topic burst."));
    const distinctive = rowsOf(trends.distinctive_terms);
    if (distinctive.length) burstArea.append(card(`Distinctive terms of ${summary.recurring_tag || "the recurring tag"}`, buildTable(distinctive, orderedColumns("trends/distinctive_terms", distinctive))));
  });
}

// The live panel: "No watch running" until the stream sends a window or an alert.
function renderLive(area, view) {
  const status = h("span", { class: "live-status", role: "status" }, h("span", { class: "live-dot" }), h("span", { class: "live-text" }, "No watch running"));
  const hint = h("p", { class: "note" }, "Windows and alerts appear here while the server watches a stream of posts (crowdlens serve --watch FILE).");
  const chartHolder = h("div");
  const latestTerms = h("p", { class: "note live-terms" });
  const alerts = h("ul", { class: "alert-list" });
  const panel = h("section", { class: "card live-panel" }, h("div", { class: "card-head" }, h("h3", {}, "Live windows and alerts"), status), hint, chartHolder, latestTerms, alerts);
  area.append(panel);
  const windows = [];
  let chart = null;

  function markLive() {
    status.classList.add("live");
    status.querySelector(".live-text").textContent = "Watch running";
    hint.remove();
  }

  function drawWindows() {
    const queryNames = [...new Set(windows.flatMap((window) => Object.keys(window.queries || {})))];
    const option = {
      grid: { ...GRID, top: 36 },
      legend: { top: 0, left: 0 },
      tooltip: { trigger: "axis" },
      xAxis: categoryAxis(windows.map((window) => String(window.window_start).slice(0, 16).replace("T", " "))),
      yAxis: valueAxis(),
      series: [
        { type: "line", name: "posts", data: windows.map((window) => window.posts), symbolSize: 4 },
        ...queryNames.map((name) => ({ type: "line", name, data: windows.map((window) => (window.queries || {})[name] || 0), symbolSize: 4 })),
      ],
    };
    if (!chart) {
      const chartBox = chartCard(null, { height: 240 });
      chartBox.element.classList.add("live-chart");
      clear(chartHolder).append(chartBox.element);
      chart = drawChart(chartBox.holder, option, view);
    } else {
      chart.setOption(option, { replaceMerge: ["series"] });
    }
  }

  if (typeof EventSource === "undefined") return;
  const source = new EventSource(apiUrl("events"));
  view.onLeave(() => source.close());
  source.addEventListener("window", (event) => {
    let window;
    try {
      window = JSON.parse(event.data);
    } catch {
      return;
    }
    markLive();
    windows.push(window);
    if (windows.length > LIVE_WINDOWS) windows.shift();
    drawWindows();
    const terms = Array.isArray(window.top_terms) ? window.top_terms.join(", ") : window.top_terms;
    latestTerms.textContent = terms ? `Top terms of the window from ${window.window_start}: ${terms}` : "";
  });
  source.addEventListener("alert", (event) => {
    let alert;
    try {
      alert = JSON.parse(event.data);
    } catch {
      return;
    }
    markLive();
    alerts.prepend(h("li", {}, h("strong", {}, `${alert.kind}: ${alert.item}`), ` — ${formatNumber(alert.count)} against a baseline of ${formatNumber(alert.baseline)}`, typeof alert.z === "number" ? ` (z ${formatNumber(alert.z)})` : "", alert.at || alert.window_start ? `, ${alert.at || alert.window_start}` : ""));
    while (alerts.children.length > LIVE_ALERTS) alerts.lastElementChild.remove();
  });
}
