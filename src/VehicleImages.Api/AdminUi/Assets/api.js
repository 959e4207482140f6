// Talks to the admin API (/v1/admin) with the session cookie the browser holds. Changes carry the session's
// anti-forgery token, which only our own pages can learn (from GET /v1/admin/session).

let current = null;

/** An answer that was not a success: its status and the problem's detail. */
export class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

/** Who is signed in, the session's expiry and its anti-forgery token; fetched once per page. */
export function session() {
  current ??= request("/v1/admin/session");
  return current;
}

/** GET, or with { method, json } or { method, form } a change; resolves to the JSON answer (null for 204). */
export async function api(path, { method = "GET", json, form } = {}) {
  const headers = { Accept: "application/json" };
  let body;
  if (json !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(json);
  } else if (form !== undefined) {
    body = form;
  }
  if (method !== "GET") {
    headers["X-CSRF-Token"] = (await session()).csrfToken;
  }
  return request(path, { method, headers, body });
}

/** Sends the browser to the sign-in page, to come back here after. */
export function signIn() {
  location.assign(`/admin/login?next=${encodeURIComponent(location.pathname + location.search)}`);
}

async function request(path, init = {}) {
  const response = await fetch(path, { credentials: "same-origin", headers: { Accept: "application/json" }, ...init });
  if (response.status === 401) {
    signIn();
    throw new ApiError(401, "Signed out.");
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => null);
    throw new ApiError(response.status, problem?.detail ?? `${response.status} ${response.statusText}`);
  }
  return response.status === 204 ? null : response.json();
}
