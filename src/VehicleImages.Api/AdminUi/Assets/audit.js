// The audit log: who changed what, newest first, with the fields that changed; filtered by subject, paged back.
import { api } from "./api.js";
import { h, when } from "./dom.js";
import { ready, startPage } from "./layout.js";
import { describeChange } from "./audit-format.js";

const PAGE = 50;
const form = document.getElementById("filter");
const body = document.querySelector("#entries tbody");
const older = document.getElementById("older");
let oldest = null;

await startPage("/admin/audit");
form.elements.subject.value = new URLSearchParams(location.search).get("subject") ?? "";
form.addEventListener("submit", (event) => {
  event.preventDefault();
  const subject = form.elements.subject.value.trim();
  history.replaceState(null, "", subject ? `?subject=${encodeURIComponent(subject)}` : location.pathname);
  body.replaceChildren();
  oldest = null;
  load();
});
older.addEventListener("click", load);
await load();
ready();

async function load() {
  const query = new URLSearchParams({ limit: PAGE });
  const subject = form.elements.subject.value.trim();
  if (subject) {
    query.set("subject", subject);
  }
  if (oldest !== null) {
    query.set("before", oldest);
  }
  const entries = await api(`/v1/admin/audit?${query}`);
  body.append(...entries.map(row));
  if (entries.length) {
    oldest = entries[entries.length - 1].id;
  } else if (oldest === null) {
    body.append(h("tr", {}, h("td", { colspan: 5, text: "No entries." })));
  }
  older.hidden = entries.length < PAGE;
}

function row(entry) {
  const [kind, id] = entry.subject.split(":");
  const subject = kind === "image" ? h("a", { href: `/admin/images/${id}`, text: entry.subject }) : h("code", { text: entry.subject });
  return h("tr", {},
    h("td", {}, h("time", { datetime: entry.at, text: when(entry.at) })),
    h("td", {}, entry.actor.name, " ", h("code", { text: `${entry.actor.prefix}…` })),
    h("td", { text: entry.action }),
    h("td", {}, subject),
    h("td", { text: describeChange(entry) }));
}
