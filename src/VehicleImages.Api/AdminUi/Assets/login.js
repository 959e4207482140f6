// The sign-in page: sends the pasted admin key once, in the body of a POST, and leaves with a session cookie.
// The key is never put in a URL or kept by the page.
const form = document.getElementById("sign-in");
const error = document.getElementById("sign-in-error");

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  error.textContent = "";
  const key = form.elements.key;
  const response = await fetch("/v1/admin/session", {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ key: key.value }),
  }).catch(() => null);
  key.value = "";
  if (response?.ok) {
    location.replace(destination());
    return;
  }
  const problem = await response?.json().catch(() => null);
  error.textContent = problem?.detail ?? "The server could not be reached; try again.";
  key.focus();
});

// Only back to one of our own admin pages: a crafted "next" must not send the operator anywhere else.
function destination() {
  const next = new URLSearchParams(location.search).get("next") ?? "";
  return /^\/admin(\/|$|\?)/.test(next) && !next.startsWith("/admin/login") ? next : "/admin";
}
