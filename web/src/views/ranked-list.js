// A ranked list with its reasons, as the discovery commands give them (prospects,
// suggest, triage, engage, event, match): the rank and the account first, a few of
// the command's own figures, then the score and why the row is there. Every column
// is in the API answer and in the command's `-o csv`; a card shows the ones a person
// reads at a glance, ten rows at first.
import { h, clear } from "../dom.js";
import { buildTable } from "../data-table.js";
import { rowsOf, firstRow, statGrid, card, emptyCard } from "./common.js";

const SHOWN_AT_FIRST = 10;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T/;

// One table of an answer as a card with `columns` (those present), or `empty` when it has no rows.
export function rankedCard(title, table, empty, className, columns) {
  const rows = rowsOf(table);
  if (!rows.length) {
    const element = emptyCard(title, empty);
    if (className) element.classList.add(className);
    return element;
  }
  const present = columns.filter((name) => rows.some((row) => name in row));
  const holder = h("div");
  const element = card(title, holder);
  if (className) element.classList.add(className);
  const draw = (all) => {
    clear(holder);
    const shown = all ? rows : rows.slice(0, SHOWN_AT_FIRST);
    holder.append(buildTable(shown, present));
    if (rows.length > shown.length) {
      holder.append(h("button", { type: "button", class: "pager-button show-all", onclick: () => draw(true) }, `Show all ${rows.length}`));
    }
  };
  draw(false);
  return element;
}

// Headline figures of a summary table (one record): `keys` in that order, times shown as their day.
export function summaryFigures(table, keys) {
  const summary = firstRow(table);
  if (!summary) return null;
  const items = keys
    .filter((key) => key in summary)
    .map((key) => {
      const value = summary[key];
      return { label: key.replace(/_/g, " "), value: typeof value === "string" && ISO_TIME.test(value) ? value.slice(0, 10) : value };
    });
  return statGrid(items);
}
