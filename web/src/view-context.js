// What a view gets while it is on screen: the route's query parameters, an abort
// signal that cancels its requests when the user moves on, and a place to register
// clean-up (charts, the network renderer, the live event stream).

export class ViewContext {
  constructor(route, params) {
    this.route = route;
    this.params = params;
    this.controller = new AbortController();
    this.signal = this.controller.signal;
    this.cleanups = [];
  }

  get active() {
    return !this.signal.aborted;
  }

  onLeave(cleanup) {
    this.cleanups.push(cleanup);
  }

  leave() {
    this.controller.abort();
    for (const cleanup of this.cleanups.splice(0).reverse()) {
      try {
        cleanup();
      } catch {
        // A failed clean-up must not stop the next view from drawing.
      }
    }
  }

  // Rewrites the route's query (for example the listening query) without reloading the view.
  setParams(params) {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== "") search.set(key, value);
    const query = search.toString();
    history.replaceState(null, "", `#/${this.route}${query ? `?${query}` : ""}`);
    this.params = params;
  }
}
