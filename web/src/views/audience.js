// Audience: the crowd by segment (topics, roles, countries on a world map),
// its growth since the first follower list and who unfollowed.
import { apiGet } from "../api.js";
import { h, formatNumber, formatShare } from "../dom.js";
import { createDataTable } from "../data-table.js";
import { chartCard, drawChart, GRID, categoryAxis, valueAxis, PALETTE } from "../charts.js";
import { worldMapNames, WORLD_MAP } from "../world-map.js";
import { loadInto, rowsOf, firstRow, statGrid, emptyCard } from "./common.js";

const PERIODS = ["week", "day", "month"];
const BARS_PER_KIND = 12;

export function renderAudience(container, view) {
  const period = PERIODS.includes(view.params.period) ? view.params.period : "week";
  const periodSelect = h(
    "select",
    { "aria-label": "Growth period", onchange: (event) => (location.hash = `#/audience?period=${event.target.value}`) },
    PERIODS.map((name) => h("option", { value: name, selected: name === period }, `Growth per ${name}`)),
  );
  const body = h("div");
  container.append(h("div", { class: "form-row" }, periodSelect), body);

  loadInto(body, view, (signal) => apiGet("audience", { period, top: 0, unfollows: 0, table: "unfollows", limit: 25, offset: 0 }, { signal }), (audience) => {
    const summary = firstRow(audience.audience);
    if (!summary) {
      body.append(emptyCard(null, "No audience yet: import the owner's followers and follows."));
      return;
    }
    body.append(
      statGrid([
        { label: "followers", value: summary.followers },
        { label: "follows", value: summary.follows },
        { label: "mutual", value: summary.mutual },
        { label: "classified followers", value: summary.classified_followers },
        { label: "target followers", value: summary.target_followers },
        { label: "target share", value: summary.target_share, share: true },
      ]),
      h("p", { class: "note" }, `Target audience: ${summary.target_rule}`),
    );
    const members = membersSection(view);
    const segments = rowsOf(audience.segments);
    const kinds = [...new Set(segments.map((row) => row.kind))];
    const segmentGrid = h("div", { class: "grid" });
    body.append(segmentGrid);
    const countryRows = segments.filter((row) => row.kind === "country");
    for (const kind of kinds.filter((name) => name !== "country")) {
      drawSegmentBars(segmentGrid, kind, segments.filter((row) => row.kind === kind), view, members.show);
    }
    if (countryRows.length) drawCountries(body, countryRows, summary.followers, view, members.show);
    else body.append(emptyCard("Followers by country", "No follower has a known country yet."));
    drawGrowth(body, rowsOf(audience.growth), period, view);
    body.append(
      createDataTable({
        title: "Who unfollowed (newest first)",
        className: "unfollows-table",
        columnKey: "audience/unfollows",
        emptyMessage: "No unfollows: import a later follower list to see who left.",
        initial: { rows: rowsOf(audience.unfollows), paging: audience.paging },
        signal: view.signal,
        load: ({ limit, offset, q }) => apiGet("audience", { period, unfollows: 0, table: "unfollows", limit, offset, q }, { signal: view.signal }).then((data) => ({ rows: rowsOf(data.unfollows), paging: data.paging })),
      }).element,
      members.element,
    );
    members.show(summary.target_followers ? "target" : "");
  });
}

// The crowd members matching a rule ("target", "country = GB and topic = news", a [segments] name).
function membersSection(view) {
  const input = h("input", { type: "search", name: "segment", placeholder: 'target, or a rule such as country = GB and role = journalist', "aria-label": "Segment rule" });
  const tableHolder = h("div");
  const element = h(
    "section",
    { class: "members-section" },
    h("h2", { class: "section-title" }, "Crowd members"),
    h(
      "form",
      {
        class: "form-row",
        onsubmit: (event) => {
          event.preventDefault();
          show(input.value.trim());
        },
      },
      input,
      h("button", { type: "submit", class: "primary" }, "List members"),
    ),
    tableHolder,
  );
  function show(rule, { scroll = false } = {}) {
    input.value = rule;
    if (!rule) {
      tableHolder.replaceChildren(h("div", { class: "state state-empty" }, "Name a segment to list its members, or click a bar above."));
      return;
    }
    const table = createDataTable({
      title: `Members of ${rule}`,
      className: "members-table",
      columnKey: "audience/members",
      emptyMessage: "No member of the crowd matches this rule.",
      signal: view.signal,
      load: ({ limit, offset, q }) => apiGet("audience", { segment: rule, table: "members", limit, offset, q }, { signal: view.signal }).then((data) => ({ rows: rowsOf(data.members), paging: data.paging })),
    });
    tableHolder.replaceChildren(table.element);
    if (scroll) element.scrollIntoView({ behavior: "smooth", block: "start" });
  }
  return { element, show: (rule) => show(rule, { scroll: rule !== "target" }) };
}

function drawSegmentBars(parent, kind, rows, view, showMembers) {
  const shown = rows.slice(0, BARS_PER_KIND);
  if (!shown.length) return;
  const chart = chartCard(`Followers by ${kind}`, { height: Math.max(200, shown.length * 30 + 60) });
  chart.element.dataset.segmentKind = kind;
  parent.append(chart.element);
  drawChart(
    chart.holder,
    {
      grid: { ...GRID, top: 28 },
      legend: { top: 0, left: 0 },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      xAxis: valueAxis(),
      yAxis: categoryAxis(shown.map((row) => row.segment), { inverse: true }),
      series: [
        { type: "bar", name: "followers", data: shown.map((row) => row.followers), barMaxWidth: 16 },
        { type: "bar", name: "in target", data: shown.map((row) => row.target_followers), barMaxWidth: 16 },
      ],
    },
    view,
  ).on("click", ({ name }) => showMembers(`${kind} = ${name}`));
}

function drawCountries(parent, allRows, followers, view, showMembers) {
  // "(unknown)" and the like are not countries: they are counted in the note, not drawn.
  const rows = allRows.filter((row) => !String(row.segment).startsWith("("));
  const unknown = allRows.filter((row) => String(row.segment).startsWith("(")).reduce((sum, row) => sum + row.followers, 0);
  if (!rows.length) {
    parent.append(emptyCard("Followers by country", `No follower's country is known yet (${formatNumber(unknown)} unknown).`));
    return;
  }
  const nameOf = worldMapNames();
  const mapped = [];
  const unmapped = [];
  for (const row of rows) {
    const name = nameOf(row.segment);
    if (name) mapped.push({ name, value: row.followers, code: row.segment, target: row.target_followers });
    else unmapped.push(row.segment);
  }
  const grid = h("div", { class: "grid" });
  parent.append(grid);
  const map = chartCard("Followers by country", {
    height: 340,
    note: `${formatNumber(followers - unknown)} of ${formatNumber(followers)} followers have a known country.${unmapped.length ? ` Not on the map: ${unmapped.join(", ")}.` : ""} Outlines: Natural Earth.`,
  });
  map.element.classList.add("country-map");
  grid.append(map.element);
  const max = Math.max(...mapped.map((item) => item.value), 1);
  drawChart(
    map.holder,
    {
      tooltip: { trigger: "item", formatter: (item) => (item.data ? `${item.name}: ${formatNumber(item.data.value)} followers (${formatNumber(item.data.target)} in target)` : `${item.name}: none`) },
      visualMap: { min: 0, max, left: 8, bottom: 8, calculable: false, itemHeight: 90, inRange: { color: ["#dbe7f5", PALETTE[0], "#17406e"] }, text: [formatNumber(max), "0"] },
      series: [{ type: "map", map: WORLD_MAP, roam: true, name: "followers", data: mapped, emphasis: { label: { show: false } }, itemStyle: { areaColor: "#eef1f4", borderColor: "#c5ccd4" } }],
    },
    view,
  );
  const top = rows.slice(0, BARS_PER_KIND);
  const bars = chartCard("Top countries", { height: Math.max(200, top.length * 26 + 40) });
  grid.append(bars.element);
  drawChart(
    bars.holder,
    {
      grid: { ...GRID, top: 8 },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: (value) => formatNumber(value) },
      xAxis: valueAxis(),
      yAxis: categoryAxis(top.map((row) => row.segment), { inverse: true }),
      series: [{ type: "bar", name: "followers", data: top.map((row) => row.followers), barMaxWidth: 16, label: { show: true, position: "right", formatter: ({ dataIndex }) => formatShare(top[dataIndex].share_of_followers) } }],
    },
    view,
  ).on("click", ({ name }) => showMembers(`country = ${name}`));
}

function drawGrowth(parent, rows, period, view) {
  if (!rows.length) {
    parent.append(emptyCard("Growth", "No growth yet: growth is measured from a second follower list onward."));
    return;
  }
  const chart = chartCard(`Growth per ${period}`, { height: 300 });
  chart.element.classList.add("growth-chart");
  parent.append(chart.element);
  drawChart(
    chart.holder,
    {
      grid: { ...GRID, top: 36 },
      legend: { top: 0, left: 0 },
      tooltip: { trigger: "axis" },
      xAxis: categoryAxis(rows.map((row) => row.period)),
      yAxis: valueAxis(),
      dataZoom: rows.length > 40 ? [{ type: "inside" }] : [],
      series: [
        { type: "bar", name: "new followers", stack: "flow", data: rows.map((row) => row.new_followers) },
        { type: "bar", name: "unfollowers", stack: "flow", data: rows.map((row) => -row.unfollowers) },
        { type: "line", name: "net", data: rows.map((row) => row.net), symbolSize: 5 },
      ],
    },
    view,
  );
}
