// The three states every view and panel shows while it has no data to draw:
// loading, empty (the workspace has nothing for this question) and error (the API's message).
import { h, clear } from "./dom.js";

export function showLoading(container, what = "Loading") {
  clear(container).append(h("div", { class: "state state-loading", role: "status" }, h("span", { class: "spinner" }), `${what}…`));
}

export function showEmpty(container, message) {
  clear(container).append(h("div", { class: "state state-empty" }, message));
}

export function showError(container, error) {
  const message = error && error.message ? error.message : String(error);
  clear(container).append(
    h("div", { class: "state state-error", role: "alert" }, h("strong", {}, "Could not load this view. "), h("span", { class: message.includes("\n") ? "error-message multiline" : "error-message" }, message)),
  );
}

export function isAbort(error) {
  return error && error.name === "AbortError";
}
