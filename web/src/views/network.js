// Network: the crowd as a graph (sigma.js over graphology): the owner, the target
// audience, followers and follows, each node sized by its influence score and
// laid out by ForceAtlas2. Clicking a node opens the account's detail panel.
import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import Sigma from "sigma";
import { apiGet } from "../api.js";
import { h, formatNumber } from "../dom.js";
import { openAccountPanel } from "../account-panel.js";
import { loadInto, statGrid, emptyCard } from "./common.js";

const LAYERS = ["follow", "retweet", "mention", "reply"];
const LIMITS = [100, 300, 1000];
const KIND_COLOURS = { owner: "#1f2d3d", target: "#3f9c6d", mutual: "#8a5fa8", follower: "#2f6db5", followed: "#e2892f" };
const LAYOUT_ITERATIONS = 200;

let network = null;

// The graph on screen, for the console and browser tests: {graph, renderer} or null.
export function currentNetwork() {
  return network;
}

function kindOf(node) {
  if (node.kind === "owner") return "owner";
  if (node.in_target) return "target";
  return KIND_COLOURS[node.kind] ? node.kind : "follower";
}

// Deterministic start positions (a sunflower spiral) so the same data draws the same picture.
function spiral(index) {
  const angle = index * 2.399963;
  const radius = Math.sqrt(index + 1);
  return { x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
}

export function renderNetwork(container, view) {
  const layer = LAYERS.includes(view.params.layer) ? view.params.layer : "follow";
  const limit = LIMITS.includes(Number(view.params.limit)) ? Number(view.params.limit) : 300;
  const go = (next) => (location.hash = `#/network?${new URLSearchParams({ layer, limit, ...next })}`);
  container.append(
    h(
      "div",
      { class: "form-row" },
      h("select", { "aria-label": "Graph layer", onchange: (event) => go({ layer: event.target.value }) }, LAYERS.map((name) => h("option", { value: name, selected: name === layer }, `${name} layer`))),
      h("select", { "aria-label": "Accounts shown", onchange: (event) => go({ limit: event.target.value }) }, LIMITS.map((count) => h("option", { value: count, selected: count === limit }, `${count} accounts`))),
    ),
  );
  const body = h("div");
  container.append(body);
  view.onLeave(() => {
    if (network) network.renderer.kill();
    network = null;
  });

  loadInto(body, view, (signal) => apiGet("network", { layer, limit }, { signal }), (data) => {
    const nodes = Array.isArray(data.nodes) ? data.nodes : [];
    const edges = Array.isArray(data.edges) ? data.edges : [];
    if (!nodes.length) {
      body.append(emptyCard(null, `No accounts on the ${layer} layer: import follows, retweets or mentions first.`));
      return;
    }
    const graph = new Graph({ type: "directed", multi: false, allowSelfLoops: false });
    nodes.forEach((node, index) => {
      const kind = kindOf(node);
      const score = typeof node.score === "number" ? node.score : 0;
      graph.mergeNode(String(node.id), {
        ...spiral(index),
        label: `@${node.handle}`,
        handle: node.handle,
        kind,
        score,
        size: kind === "owner" ? 16 : 2.5 + (score / 100) * 13,
        color: KIND_COLOURS[kind],
        zIndex: kind === "owner" ? 2 : 1,
      });
    });
    for (const edge of edges) {
      const source = String(edge.source);
      const target = String(edge.target);
      if (source === target || !graph.hasNode(source) || !graph.hasNode(target)) continue;
      graph.mergeEdge(source, target, { color: "#cfd6de", size: 0.6 });
    }
    if (graph.size > 0) forceAtlas2.assign(graph, { iterations: LAYOUT_ITERATIONS, settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 500 } });

    const counts = {};
    graph.forEachNode((_, attributes) => (counts[attributes.kind] = (counts[attributes.kind] || 0) + 1));
    body.append(statGrid([{ label: "accounts", value: graph.order }, { label: `${layer} edges`, value: graph.size }, ...Object.keys(KIND_COLOURS).map((kind) => ({ label: kind, value: counts[kind] }))]));
    const canvas = h("div", { class: "network-canvas", role: "img", "aria-label": `The ${layer} graph of ${graph.order} accounts` });
    body.append(
      h(
        "section",
        { class: "card" },
        canvas,
        h("div", { class: "legend" }, Object.entries(KIND_COLOURS).map(([kind, colour]) => h("span", {}, h("span", { class: "legend-swatch", style: `background:${colour}` }), kind === "target" ? "target audience" : kind)), h("span", {}, "size: influence score")),
        h("p", { class: "note" }, `The owner and the ${formatNumber(Math.max(graph.order - 1, 0))} most influential accounts of the crowd; click an account to open it.`),
      ),
    );
    const renderer = new Sigma(graph, canvas, {
      labelRenderedSizeThreshold: 6,
      labelFont: "system-ui, sans-serif",
      labelSize: 12,
      defaultEdgeType: "line",
      zIndex: true,
    });
    renderer.on("clickNode", ({ node }) => openAccountPanel(graph.getNodeAttribute(node, "handle")));
    renderer.on("enterNode", () => (canvas.style.cursor = "pointer"));
    renderer.on("leaveNode", () => (canvas.style.cursor = ""));
    network = { graph, renderer };
  });
}
