// The dashboard's one way to call crowdlens's JSON API (/api/v1/...).
// A failed call throws an ApiError carrying the server's {"error": "..."} message,
// so every view can show the user what went wrong and what to do.

export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.name = "ApiError";
    this.status = status;
  }
}

// A server bound beyond loopback needs its token (<workspace>/server-token): open the
// dashboard once as http://HOST:PORT/?token=TOKEN and it is kept for the browser tab.
const TOKEN_KEY = "crowdlens-token";
const tokenInPage = new URLSearchParams(location.search).get("token");
if (tokenInPage) sessionStorage.setItem(TOKEN_KEY, tokenInPage);
const token = sessionStorage.getItem(TOKEN_KEY);

// Builds "api/v1/PATH?k=v&..." leaving out empty values; an array repeats its key.
export function apiUrl(path, params = {}) {
  const search = new URLSearchParams();
  if (token) search.set("token", token);
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "" || value === false) continue;
    const values = Array.isArray(value) ? value : [value];
    for (const item of values) search.append(key, item === true ? "1" : String(item));
  }
  const query = search.toString();
  return `api/v1/${path}${query ? `?${query}` : ""}`;
}

export async function apiGet(path, params = {}, { signal } = {}) {
  let response;
  try {
    response = await fetch(apiUrl(path, params), { signal, headers: { Accept: "application/json" } });
  } catch (error) {
    if (error.name === "AbortError") throw error;
    throw new ApiError(`The crowdlens server did not answer (${error.message}). Is \`crowdlens serve\` running?`, 0);
  }
  const body = await response.text();
  let data = null;
  try {
    data = body ? JSON.parse(body) : null;
  } catch {
    if (response.ok) throw new ApiError(`The server sent something that is not JSON for ${path}.`, response.status);
  }
  if (!response.ok) {
    const message = data && typeof data.error === "string" ? data.error : `${response.status} ${response.statusText}`;
    throw new ApiError(message, response.status);
  }
  return data;
}
