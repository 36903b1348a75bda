// A table of API rows that pages through long lists with the API's limit/offset
// (and filters with q), numbers right-aligned and account handles clickable.
//
//   const table = createDataTable({
//     title: "Who unfollowed",
//     columnKey: "audience/unfollows",  // column order (columns.js)
//     load: ({ limit, offset, q }) => apiGet("audience", { table: "unfollows", limit, offset, q })
//       .then((data) => ({ rows: data.unfollows, paging: data.paging })),
//   });
//   container.append(table.element);
import { h, clear, formatNumber, formatShare, formatTimestamp, humanise, handleLink } from "./dom.js";
import { showLoading, showError, isAbort } from "./states.js";
import { columnsOf, orderedColumns } from "./columns.js";

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?Z$/;
const TEXT_COLUMNS = new Set(["text", "message", "reason", "evidence", "why"]);
const HANDLE_SHAPE = /^@?[\p{L}\p{N}_.:-]+$/u;
const HANDLE_COLUMNS = new Set(["handle", "account", "author", "ranked_account"]);

// How a cell of column `key` is shown: handles open the account panel, shares become percentages.
export function renderCell(key, value) {
  if (value === null || value === undefined) return "";
  // Some sources give a display name where a handle belongs ("Business Today"): only a real handle is a link.
  if (HANDLE_COLUMNS.has(key) && typeof value === "string" && HANDLE_SHAPE.test(value)) return handleLink(value);
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number" && /(^|_)share($|_)|_share$/.test(key) && value >= 0 && value <= 1) return formatShare(value);
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "object") return JSON.stringify(value);
  if (ISO_TIMESTAMP.test(value)) return formatTimestamp(value);
  return String(value);
}


// Renders rows into a <table> with a header; numeric columns are right-aligned.
export function buildTable(rows, columns = columnsOf(rows), { caption } = {}) {
  const numeric = new Set(columns.filter((key) => rows.some((row) => typeof row[key] === "number")));
  return h(
    "div",
    { class: "table-scroll" },
    h(
      "table",
      { class: "data-table" },
      caption ? h("caption", {}, caption) : null,
      h("thead", {}, h("tr", {}, columns.map((key) => h("th", { scope: "col", class: numeric.has(key) ? "num" : null }, humanise(key))))),
      h(
        "tbody",
        {},
        rows.map((row) =>
          h(
            "tr",
            {},
            columns.map((key) =>
              h("td", { class: [numeric.has(key) ? "num" : null, TEXT_COLUMNS.has(key) || (typeof row[key] === "string" && row[key].length > 80) ? "long" : null].filter(Boolean).join(" ") || null }, renderCell(key, row[key])),
            ),
          ),
        ),
      ),
    ),
  );
}

// The total row count of a paged table, when the server says it.
export function pagingTotal(paging) {
  if (!paging || typeof paging !== "object") return null;
  for (const key of ["total", "total_rows", "rows", "count"]) if (typeof paging[key] === "number") return paging[key];
  return null;
}

export function createDataTable({ title, load, columns, pageSize = 25, searchable = true, emptyMessage = "Nothing to list.", initial, signal, className, columnKey }) {
  const state = { offset: 0, q: "", requestId: 0 };
  const body = h("div", { class: "table-body" });
  const status = h("span", { class: "pager-status" });
  const previous = h("button", { type: "button", class: "pager-button", onclick: () => go(state.offset - pageSize) }, "‹ Previous");
  const next = h("button", { type: "button", class: "pager-button", onclick: () => go(state.offset + pageSize) }, "Next ›");
  let searchTimer = null;
  const search = searchable
    ? h("input", {
        type: "search",
        class: "table-search",
        placeholder: "Filter",
        "aria-label": `Filter ${title || "rows"}`,
        oninput: (event) => {
          clearTimeout(searchTimer);
          searchTimer = setTimeout(() => {
            state.q = event.target.value.trim();
            go(0);
          }, 250);
        },
      })
    : null;
  const element = h(
    "section",
    { class: ["card table-card", className].filter(Boolean).join(" ") },
    h("div", { class: "card-head" }, title ? h("h3", {}, title) : null, search),
    body,
    h("div", { class: "pager" }, previous, status, next),
  );

  function draw(rows, paging) {
    const total = pagingTotal(paging);
    if (!rows || rows.length === 0) {
      clear(body).append(h("div", { class: "state state-empty" }, state.q ? `No rows match “${state.q}”.` : emptyMessage));
    } else {
      clear(body).append(buildTable(rows, columns || orderedColumns(columnKey, rows)));
    }
    const count = rows ? rows.length : 0;
    const first = count ? state.offset + 1 : 0;
    status.textContent = total !== null ? `${formatNumber(first)}–${formatNumber(state.offset + count)} of ${formatNumber(total)}` : count ? `${formatNumber(first)}–${formatNumber(state.offset + count)}` : "";
    previous.disabled = state.offset === 0;
    next.disabled = total !== null ? state.offset + count >= total : count < pageSize;
  }

  async function go(offset) {
    state.offset = Math.max(0, offset);
    const requestId = ++state.requestId;
    showLoading(body);
    try {
      const { rows, paging } = await load({ limit: pageSize, offset: state.offset, q: state.q });
      if (requestId === state.requestId) draw(rows, paging);
    } catch (error) {
      if (isAbort(error) || (signal && signal.aborted)) return;
      if (requestId === state.requestId) showError(body, error);
    }
  }

  if (initial) draw(initial.rows, initial.paging);
  else go(0);
  return { element, reload: () => go(state.offset) };
}
