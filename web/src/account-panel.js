// The account detail panel: opened by clicking any handle, it shows what
// GET /api/v1/accounts/HANDLE answers (the account's influence score with its
// breakdown, activity and engagement style, and its segment labels).
import { apiGet } from "./api.js";
import { h, clear, formatNumber } from "./dom.js";
import { showLoading, showError, showEmpty, isAbort } from "./states.js";
import { buildTable } from "./data-table.js";
import { chartCard, drawChart, GRID, categoryAxis, valueAxis } from "./charts.js";

const panel = document.getElementById("account-panel");
let controller = null;
let panelCleanups = [];
const panelScope = { onLeave: (cleanup) => panelCleanups.push(cleanup) };

function runCleanups() {
  for (const cleanup of panelCleanups.splice(0)) cleanup();
}

export function closeAccountPanel() {
  if (panel.hidden) return;
  if (controller) controller.abort();
  runCleanups();
  panel.hidden = true;
  document.body.classList.remove("panel-open");
}

function firstRow(table) {
  if (Array.isArray(table)) return table[0] || null;
  return table && typeof table === "object" ? table : null;
}

function rowsOf(table) {
  if (Array.isArray(table)) return table;
  return table && typeof table === "object" ? [table] : [];
}

function fact(label, value) {
  if (value === undefined || value === null || value === "") return null;
  return h("div", { class: "fact" }, h("dt", {}, label), h("dd", {}, typeof value === "number" ? formatNumber(value) : String(value)));
}

export async function openAccountPanel(handle) {
  if (controller) controller.abort();
  runCleanups();
  controller = new AbortController();
  const { signal } = controller;
  panel.hidden = false;
  panel.dataset.handle = handle;
  document.body.classList.add("panel-open");
  const body = h("div", { class: "panel-body" });
  clear(panel).append(
    h("div", { class: "panel-head" }, h("h2", { class: "panel-title" }, `@${handle}`), h("button", { type: "button", class: "panel-close", "aria-label": "Close account detail", onclick: closeAccountPanel }, "×")),
    body,
  );
  showLoading(body, `Loading @${handle}`);
  let data;
  try {
    data = await apiGet(`accounts/${encodeURIComponent(handle)}`, {}, { signal });
  } catch (error) {
    if (!isAbort(error)) showError(body, error);
    return;
  }
  if (signal.aborted) return;
  renderAccount(body, handle, data);
}

function renderAccount(body, handle, data) {
  clear(body);
  const influence = firstRow(data.influence);
  const account = rowsOf(data.accounts).find((row) => String(row.handle || "").toLowerCase() === handle.toLowerCase()) || firstRow(data.accounts);
  if (!influence && !account) {
    showEmpty(body, `The workspace has nothing on @${handle}.`);
    return;
  }
  if (account && account.name) body.append(h("p", { class: "account-name" }, account.name));
  body.append(
    h(
      "dl",
      { class: "facts" },
      fact("Score", influence && influence.score),
      fact("Rank", influence && influence.rank),
      fact("Followers", (influence && influence.followers) ?? (account && account.followers)),
      fact("Following", influence && influence.following),
      fact("Posts", influence && influence.posts),
      fact("Location", account && account.location),
      fact("Topics", account && account.topics),
      fact("Roles", account && account.roles),
      fact("Spam score", account && account.spam_score),
    ),
  );
  const summary = rowsOf(data.activity_summary);
  for (const row of summary) if (row.message) body.append(h("p", { class: "account-summary" }, row.message));
  const style = firstRow(data.engagement_style);
  if (style && style.style) body.append(h("p", { class: "account-style" }, h("strong", {}, `Engagement: ${style.style}. `), style.reason || ""));

  const breakdown = rowsOf(data.score_breakdown).filter((row) => typeof row.points === "number");
  if (breakdown.length) {
    const card = chartCard("Score breakdown (points per component)", { height: Math.max(160, breakdown.length * 26 + 40) });
    body.append(card.element);
    drawChart(
      card.holder,
      {
        grid: { ...GRID, top: 8 },
        tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
        xAxis: valueAxis(),
        yAxis: categoryAxis(breakdown.map((row) => row.component), { inverse: true }),
        series: [{ type: "bar", name: "points", data: breakdown.map((row) => row.points), label: { show: true, position: "right", formatter: ({ value }) => formatNumber(value) } }],
      },
      panelScope,
    );
  }
  const labels = rowsOf(data.labels);
  if (labels.length) {
    body.append(h("h3", {}, "Segment labels"));
    body.append(buildTable(labels, ["kind", "label", "score", "evidence"].filter((key) => key in labels[0])));
  }
  const mentions = rowsOf(data.mentions_by_kind);
  if (mentions.length) {
    body.append(h("h3", {}, "Mentions received by kind"));
    body.append(buildTable(mentions, ["kind", "mentions"]));
  }
}

