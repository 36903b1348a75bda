// The dashboard's shell: the navigation, the hash router (#/overview, #/listen?query=...)
// and the one click handler that opens an account's detail panel from any handle.
import "./styles.css";
import { h, clear } from "./dom.js";
import { ViewContext } from "./view-context.js";
import { openAccountPanel, closeAccountPanel } from "./account-panel.js";
import { echarts } from "./charts.js";
import { apiGet } from "./api.js";
import { showLoading, showError } from "./states.js";
import { renderOverview } from "./views/overview.js";
import { renderAudience } from "./views/audience.js";
import { renderReach } from "./views/reach.js";
import { renderInfluence } from "./views/influence.js";
import { renderListen } from "./views/listen.js";
import { renderTrends } from "./views/trends.js";
import { renderMix } from "./views/mix.js";
import { renderDiscover } from "./views/discover.js";
import { renderEvents } from "./views/events.js";

const ROUTES = [
  { route: "overview", label: "Overview", render: renderOverview },
  { route: "audience", label: "Audience", render: renderAudience },
  { route: "reach", label: "Reach", render: renderReach },
  { route: "influence", label: "Influence", render: renderInfluence },
  { route: "listen", label: "Listen", render: renderListen },
  { route: "trends", label: "Trends", render: renderTrends },
  { route: "discover", label: "Discover", render: renderDiscover },
  { route: "events", label: "Events", render: renderEvents },
  { route: "mix", label: "Content mix", render: renderMix },
  { route: "network", label: "Network", render: renderNetworkLazily },
];

// sigma and graphology load only when the network is first opened.
let networkModule = null;
function renderNetworkLazily(container, view) {
  showLoading(container, "Loading the network renderer");
  import("./views/network.js")
    .then((module) => {
      networkModule = module;
      if (!view.active) return;
      clear(container);
      module.renderNetwork(container, view);
    })
    .catch((error) => showError(container, error));
}

const nav = document.getElementById("nav");
const viewElement = document.getElementById("view");
const navToggle = document.querySelector(".nav-toggle");
let current = null;

for (const { route, label } of ROUTES) {
  nav.append(h("a", { href: `#/${route}`, "data-route": route }, label));
}

function setNavOpen(open) {
  document.body.classList.toggle("nav-open", open);
  navToggle.setAttribute("aria-expanded", String(open));
}
navToggle.addEventListener("click", () => setNavOpen(!document.body.classList.contains("nav-open")));
// On a phone the open navigation closes on any choice, the current view's link included, or a tap beside it.
nav.addEventListener("click", (event) => {
  if (event.target.closest("a")) setNavOpen(false);
});
document.addEventListener("click", (event) => {
  if (document.body.classList.contains("nav-open") && !event.target.closest("#nav, .nav-toggle")) setNavOpen(false);
});

function parseHash() {
  const hash = location.hash.replace(/^#\/?/, "");
  const [route, query = ""] = hash.split("?");
  const params = Object.fromEntries(new URLSearchParams(query));
  const known = ROUTES.find((candidate) => candidate.route === route);
  return { entry: known || ROUTES[0], params };
}

function show() {
  const { entry, params } = parseHash();
  if (current) current.leave();
  setNavOpen(false);
  for (const link of nav.querySelectorAll("a")) link.classList.toggle("active", link.dataset.route === entry.route);
  document.title = `${entry.label} · crowdlens`;
  current = new ViewContext(entry.route, params);
  clear(viewElement);
  viewElement.dataset.view = entry.route;
  viewElement.append(h("h1", { class: "view-title" }, entry.label));
  const content = h("div", { class: "view-content" });
  viewElement.append(content);
  entry.render(content, current);
}

window.addEventListener("hashchange", show);

document.addEventListener("click", (event) => {
  const link = event.target.closest("[data-handle]");
  if (link) {
    event.preventDefault();
    openAccountPanel(link.dataset.handle);
  }
});
document.addEventListener("keydown", (event) => {
  if (event.key === "Escape") closeAccountPanel();
});

// The owner's handle in the top bar, from the workspace summary.
apiGet("status")
  .then((status) => {
    const owners = status && status.workspace && status.workspace.owners;
    if (owners) document.getElementById("workspace-owner").textContent = `Workspace of ${owners}`;
  })
  .catch(() => {});

// Read-only handles for browser tests and for people inspecting a chart from the console.
window.crowdlens = {
  chartOf: (element) => echarts.getInstanceByDom(element),
  network: () => (networkModule ? networkModule.currentNetwork() : null),
};

if (!location.hash) history.replaceState(null, "", "#/overview");
show();
