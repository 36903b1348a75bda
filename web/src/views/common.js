// Pieces the views share: loading a view's data with its loading, empty and error
// states, summary figures as cards, and reading a table of an API answer.
import { h, clear, formatNumber, formatShare } from "../dom.js";
import { showLoading, showError, isAbort } from "../states.js";

// A table of an answer as rows: arrays as they are, a summary object as one row, absent as none.
export function rowsOf(table) {
  if (Array.isArray(table)) return table;
  return table && typeof table === "object" ? [table] : [];
}

export function firstRow(table) {
  return rowsOf(table)[0] || null;
}

// Shows the loading state, awaits `load(signal)`, then hands the data to `draw`;
// a failure shows the API's message. Nothing is drawn once the user has moved on.
export async function loadInto(container, view, load, draw, what = "Loading") {
  showLoading(container, what);
  let data;
  try {
    data = await load(view.signal);
  } catch (error) {
    if (!isAbort(error) && view.active) showError(container, error);
    return;
  }
  if (!view.active) return;
  clear(container);
  try {
    draw(data);
  } catch (error) {
    showError(container, error);
  }
}

// Headline figures: [{label, value, share: bool, note}] -> a row of cards.
export function statGrid(items) {
  return h(
    "div",
    { class: "stat-grid" },
    items
      .filter((item) => item.value !== undefined && item.value !== null && item.value !== "")
      .map((item) =>
        h(
          "div",
          { class: "stat" },
          h("div", { class: "stat-label" }, item.label),
          h("div", { class: "stat-value" }, item.share ? formatShare(item.value) : typeof item.value === "number" ? formatNumber(item.value) : String(item.value)),
          item.note ? h("div", { class: "stat-note" }, item.note) : null,
        ),
      ),
  );
}

export function grid(...children) {
  return h("div", { class: "grid" }, ...children);
}

export function card(title, ...children) {
  return h("section", { class: "card" }, title ? h("h3", {}, title) : null, ...children);
}

export function emptyCard(title, message) {
  return card(title, h("div", { class: "state state-empty" }, message));
}
