// Small functions for building the page without a framework: element creation and
// the number, date and share formats every view uses.

// h("div", {class: "card", onclick: fn}, child, "text", [more]) -> HTMLElement
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") element.addEventListener(name.slice(2), value);
    else if (name === "dataset") Object.assign(element.dataset, value);
    else if (value === true) element.setAttribute(name, "");
    else element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(element, child);
    else element.append(child instanceof Node ? child : String(child));
  }
}

export function clear(element) {
  element.replaceChildren();
  return element;
}

const integerFormat = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });
const smallFormat = new Intl.NumberFormat("en-GB", { maximumSignificantDigits: 3 });

export function formatNumber(value) {
  if (typeof value !== "number" || !Number.isFinite(value)) return value === null || value === undefined ? "" : String(value);
  if (Number.isInteger(value)) return integerFormat.format(value);
  if (Math.abs(value) < 0.01 && value !== 0) return smallFormat.format(value);
  return decimalFormat.format(value);
}

// A share in [0, 1] as a percentage ("12.5%").
export function formatShare(value) {
  if (typeof value !== "number" || !Number.isFinite(value)) return "";
  const percent = value * 100;
  return `${percent >= 10 || percent === 0 ? percent.toFixed(1) : percent.toPrecision(2)}%`;
}

// Turns "retweets_received" into "Retweets received".
export function humanise(name) {
  const text = String(name).replace(/_/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// A handle cell that opens the account panel when clicked (see account-panel.js).
export function handleLink(handle) {
  const bare = String(handle).replace(/^@/, "");
  if (!bare) return "";
  return h("button", { type: "button", class: "handle-link", "data-handle": bare, title: `Open @${bare}` }, `@${bare}`);
}

// "@name" for a handle however the API spells it ("name", "@name").
export function atHandle(handle) {
  return `@${String(handle).replace(/^@/, "")}`;
}

// "2021-03-01T09:30:00Z" -> "2021-03-01 09:30" (the API's times are UTC).
export function formatTimestamp(text) {
  return String(text).replace("T", " ").replace(/(:\d{2})?Z$/, "");
}
