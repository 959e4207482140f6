// What every signed-in page shares: the header with its navigation and the signed-in key, sign-out, a polite
// live region for announcements, and the keyboard shortcuts.
import { api, session } from "./api.js";
import { h, fill } from "./dom.js";

const pages = [
  ["/admin", "Library", "l"],
  ["/admin/ingest", "Ingest", "i"],
  ["/admin/keys", "Keys and usage", "k"],
  ["/admin/audit", "Audit log", "a"],
];

/** Draws the header for the page at `path`, then resolves with the session. */
export async function startPage(path) {
  const header = document.getElementById("site-header");
  const who = h("span", { class: "who" });
  fill(header,
    h("a", { class: "brand", href: "/admin", text: "Vehicle Images" }),
    h("nav", { "aria-label": "Admin pages" },
      h("ul", {}, pages.map(([href, label]) =>
        h("li", {}, h("a", { href, "aria-current": href === path ? "page" : null, text: label }))))),
    who,
    h("button", { type: "button", class: "quiet", onclick: signOut, text: "Sign out" }));
  document.body.append(h("div", { id: "announcer", class: "visually-hidden", "aria-live": "polite" }));
  document.body.append(h("footer", { class: "shortcuts" },
    "Shortcuts: ", h("kbd", { text: "/" }), " search · ",
    pages.map(([, label, key], i) => [h("kbd", { text: `g ${key}` }), ` ${label.toLowerCase()}`, i < pages.length - 1 ? " · " : ""])));
  listenForShortcuts();

  const signedIn = await session();
  fill(who, "Signed in as ", h("strong", { text: signedIn.key.name }), ` (${signedIn.key.prefix}…)`);
  return signedIn;
}

/** Marks the page ready: its data drawn and its controls live (main stops being aria-busy). */
export function ready() {
  document.getElementById("main").removeAttribute("aria-busy");
}

/** Says something to screen reader users without moving their focus. */
export function announce(text) {
  const announcer = document.getElementById("announcer");
  announcer.textContent = "";
  requestAnimationFrame(() => { announcer.textContent = text; });
}

/** Shows a message in a status element: kind "ok" or "error". */
export function report(element, text, kind = "ok") {
  element.textContent = text;
  element.dataset.kind = kind;
}

/** Asks for confirmation in the page's <dialog>; resolves true when the person confirms. */
export function confirmIn(dialog, message) {
  dialog.querySelector("[data-message]").textContent = message;
  dialog.returnValue = "";
  dialog.showModal();
  return new Promise((resolve) => {
    dialog.addEventListener("close", () => resolve(dialog.returnValue === "confirm"), { once: true });
  });
}

async function signOut() {
  await api("/v1/admin/session", { method: "DELETE" }).catch(() => null);
  location.assign("/admin/login");
}

function listenForShortcuts() {
  let leader = false;
  document.addEventListener("keydown", (event) => {
    const target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey || target.closest("input, textarea, select, [contenteditable]")) {
      return;
    }
    if (event.key === "/") {
      const search = document.querySelector("[data-shortcut='/']");
      if (search) {
        event.preventDefault();
        search.focus();
      }
    } else if (leader) {
      const page = pages.find(([, , key]) => key === event.key);
      if (page) {
        location.assign(page[0]);
      }
      leader = false;
    } else if (event.key === "g") {
      leader = true;
      setTimeout(() => { leader = false; }, 1500);
    }
  });
}
