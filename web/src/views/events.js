// Events: who posted with an event's hashtags before, during and after it, in what
// role; who of the crowd and the address book is there; a meeting shortlist with its
// iCalendar file; and the address book matched to accounts.
import { apiGet, apiUrl } from "../api.js";
import { h, clear } from "../dom.js";
import { chartCard, drawChart, GRID, categoryAxis, valueAxis } from "../charts.js";
import { loadInto, rowsOf, grid } from "./common.js";
import { rankedCard } from "./ranked-list.js";
import { busiestHashtag } from "./discover.js";

export function renderEvents(container, view) {
  const tags = h("input", { type: "text", name: "tags", placeholder: "#tag #other", "aria-label": "Event hashtags" });
  const from = h("input", { type: "date", name: "from", "aria-label": "First day" });
  const to = h("input", { type: "date", name: "to", "aria-label": "Last day" });
  const result = h("div", { class: "event-result" });
  const contacts = h("div", { class: "contacts-section" });
  const run = () => {
    const tagList = tags.value.split(/[\s,]+/).filter(Boolean);
    if (!tagList.length || !from.value || !to.value) return;
    view.setParams({ tags: tagList.join(" "), from: from.value, to: to.value });
    const params = { tag: tagList, from: from.value, to: to.value };
    loadInto(result, view, (signal) => apiGet("event", params, { signal }), (answer) => drawEvent(result, answer, params, view), "Reading the event");
  };
  const form = h(
    "form",
    { class: "form-row", onsubmit: (event) => { event.preventDefault(); run(); } },
    tags, from, to,
    h("button", { type: "submit", class: "primary" }, "Show the event"),
  );
  container.append(form, result, h("h2", { class: "section-title" }, "Address book matched to accounts"), contacts);
  loadInto(contacts, view, (signal) => apiGet("match", {}, { signal }), (answer) => {
    contacts.append(
      rankedCard("Contacts with their accounts", answer.matches, "No contact matched an account (import an address book with `crowdlens import`).", "contact-matches", ["rank", "handle", "name", "contact", "company", "method", "score", "why"]),
      rankedCard("Contacts with no account found", answer.unmatched, "Every contact matched an account.", "contact-unmatched", ["rank", "contact", "company", "closest_handle", "why"]),
    );
  }, "Matching contacts");

  if (view.params.tags && view.params.from && view.params.to) {
    tags.value = view.params.tags;
    from.value = view.params.from;
    to.value = view.params.to;
    run();
    return;
  }
  // Nothing asked yet: the strongest burst of a hashtag, taken as an event.
  loadInto(result, view, busiestHashtag, (burst) => {
    if (!burst) {
      clear(result);
      result.append(h("p", { class: "note" }, "Give the event's hashtags and its first and last day."));
      return;
    }
    tags.value = burst.item;
    from.value = String(burst.start).slice(0, 10);
    to.value = String(burst.end).slice(0, 10);
    run();
  }, "Finding an event");
}

function drawEvent(area, answer, params, view) {
  const charts = grid();
  area.append(charts);
  const phases = rowsOf(answer.phases);
  if (phases.length) {
    const phaseChart = chartCard("Posts before, during and after", { height: 220 });
    phaseChart.element.classList.add("phases-chart");
    charts.append(phaseChart.element);
    const numeric = Object.keys(phases[0]).filter((key) => typeof phases[0][key] === "number");
    drawChart(phaseChart.holder, {
      grid: { ...GRID, top: 36 },
      legend: { top: 0, left: 0 },
      tooltip: { trigger: "axis" },
      xAxis: categoryAxis(phases.map((row) => row.phase)),
      yAxis: valueAxis(),
      series: numeric.map((key) => ({ type: "bar", name: key.replace(/_/g, " "), data: phases.map((row) => row[key]), barMaxWidth: 28 })),
    }, view);
  }
  const roles = rowsOf(answer.roles);
  if (roles.length) {
    const roleChart = chartCard("Accounts by role", { height: 220 });
    roleChart.element.classList.add("roles-chart");
    charts.append(roleChart.element);
    drawChart(roleChart.holder, {
      grid: { ...GRID, top: 16, left: 130 },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      xAxis: valueAxis(),
      yAxis: categoryAxis(roles.map((row) => String(row.role).replace(/_/g, " ")), { inverse: true }),
      series: [{ type: "bar", name: "accounts", data: roles.map((row) => row.accounts), barMaxWidth: 22 }],
    }, view);
  }
  const ics = h("a", { class: "button ics-link", href: apiUrl("event.ics", params), download: "meetings.ics" }, "Download the meetings as .ics");
  area.append(
    rankedCard("Meeting shortlist", answer.shortlist, "No one on the shortlist.", "shortlist", ["rank", "handle", "name", "role", "slot", "score", "why"]),
    h("p", {}, ics),
    rankedCard("Your crowd and contacts at the event", answer.crowd, "No one of your crowd or contacts posted with these tags.", "event-crowd", ["rank", "handle", "name", "role", "posts_before", "posts_during", "posts_after", "contact", "score", "why"]),
    rankedCard("Everyone who posted with the tags", answer.accounts, "No one posted with these tags in the window.", "event-accounts", ["rank", "handle", "name", "role", "posts_before", "posts_during", "posts_after", "contact", "score", "why"]),
  );
}
