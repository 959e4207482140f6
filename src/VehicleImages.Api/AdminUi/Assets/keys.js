// Keys: create (the secret shown once), change plan, revoke; and usage per key and day as a stacked bar chart.
// Everything goes through the same admin API scripts use, so the rules live in one place on the server.
import { api, ApiError } from "./api.js";
import { h, fill, when } from "./dom.js";
import { announce, confirmIn, ready, report, startPage } from "./layout.js";
import { stackedBars } from "./chart.js";

const create = document.getElementById("create");
const usage = document.getElementById("usage");
let keys = [];
let plans = [];

await startPage("/admin/keys");
plans = await api("/v1/admin/plans");
fill(create.elements.plan, plans.map((p) => h("option", { value: p.name, text: describePlan(p) })));
create.elements.plan.value = "default";
create.addEventListener("submit", createKey);
document.getElementById("copy-secret").addEventListener("click", copySecret);
usage.addEventListener("submit", (event) => { event.preventDefault(); drawUsage(); });
const today = new Date();
usage.elements.to.value = isoDay(today);
usage.elements.from.value = isoDay(new Date(today.getTime() - 29 * 86400000));
await drawKeys();
await drawUsage();
ready();

function describePlan(plan) {
  const quota = plan.monthlyQuota ? `, ${plan.monthlyQuota.toLocaleString()} a month` : "";
  return `${plan.name} (${plan.requestsPerSecond}/s${quota})`;
}

async function createKey(event) {
  event.preventDefault();
  const scopes = [...create.querySelectorAll("input[name=scope]:checked")].map((c) => c.value);
  try {
    const created = await api("/v1/admin/keys", { method: "POST", json: { name: create.elements.name.value.trim(), plan: create.elements.plan.value, scopes } });
    const secret = document.getElementById("secret");
    document.getElementById("secret-value").textContent = created.secret;
    secret.hidden = false;
    secret.focus();
    report(document.getElementById("create-status"), `Created "${created.key.name}".`);
    create.reset();
    create.elements.plan.value = "default";
    await drawKeys();
  } catch (error) {
    report(document.getElementById("create-status"), error instanceof ApiError ? error.message : "The key could not be created.", "error");
  }
}

async function copySecret(event) {
  await navigator.clipboard.writeText(document.getElementById("secret-value").textContent).catch(() => null);
  event.currentTarget.textContent = "Copied";
  announce("Secret copied to the clipboard.");
}

async function drawKeys() {
  keys = await api("/v1/admin/keys");
  const status = document.getElementById("keys-status");
  fill(document.querySelector("#keys tbody"), keys.map((key) => {
    const plan = h("select", { "aria-label": `Plan of ${key.name}`, disabled: key.revokedAt !== null },
      plans.map((p) => h("option", { value: p.name, text: p.name })));
    plan.value = key.plan;
    const actions = key.revokedAt === null ? [
      h("button", { type: "button", class: "quiet", onclick: () => changePlan(key, plan.value), text: "Set plan", "aria-label": `Set the plan of ${key.name}` }),
      h("button", { type: "button", class: "danger", onclick: () => revoke(key), text: "Revoke", "aria-label": `Revoke ${key.name}` }),
    ] : null;
    return h("tr", { dataset: { key: key.id } },
      h("th", { scope: "row", text: key.name }), h("td", {}, h("code", { text: `${key.prefix}…` })), h("td", {}, plan),
      h("td", { text: key.scopes.join(", ") }), h("td", {}, h("time", { datetime: key.createdAt, text: when(key.createdAt) })),
      h("td", { text: key.revokedAt ? `revoked ${when(key.revokedAt)}` : "live" }), h("td", {}, h("div", { class: "actions" }, actions)));
  }));

  async function changePlan(key, plan) {
    try {
      await api(`/v1/admin/keys/${key.id}`, { method: "PATCH", json: { plan } });
      report(status, `${key.name} is now on the ${plan} plan.`);
      await drawKeys();
    } catch (error) {
      report(status, error.message, "error");
    }
  }

  async function revoke(key) {
    if (!await confirmIn(document.getElementById("confirm"), `Requests with "${key.name}" (${key.prefix}…) will be refused from now on. This cannot be undone.`)) {
      return;
    }
    try {
      await api(`/v1/admin/keys/${key.id}`, { method: "DELETE" });
      report(status, `${key.name} is revoked.`);
      await drawKeys();
    } catch (error) {
      report(status, error.message, "error");
    }
  }

  const chosen = usage.elements.key.value;
  fill(usage.elements.key, h("option", { value: "", text: "All keys" }), keys.map((k) => h("option", { value: k.id, text: `${k.name} (${k.prefix}…)` })));
  usage.elements.key.value = chosen;
}

async function drawUsage() {
  const query = new URLSearchParams({ from: usage.elements.from.value, to: usage.elements.to.value });
  const keyId = usage.elements.key.value;
  if (keyId) {
    query.set("key", keyId);
  }
  const caption = document.getElementById("chart-caption");
  let answer;
  try {
    answer = await api(`/v1/admin/usage?${query}`);
  } catch (error) {
    report(caption, error.message, "error");
    return;
  }
  const days = daysBetween(answer.firstDay, answer.lastDay);
  const index = new Map(days.map((d, i) => [d, i]));
  const names = new Map(keys.map((k) => [k.id, `${k.name} (${k.prefix}…)`]));
  // All keys: one segment per key. One key: chargeable and not, which is what its quota counts.
  const series = new Map();
  const add = (name, day, value) => {
    if (!series.has(name)) {
      series.set(name, new Array(days.length).fill(0));
    }
    series.get(name)[index.get(day)] += value;
  };
  for (const line of answer.days) {
    if (keyId) {
      add("chargeable", line.day, line.chargeable);
      add("not chargeable", line.day, line.notChargeable);
    } else {
      add(names.get(line.key) ?? line.key, line.day, line.chargeable + line.notChargeable);
    }
  }
  const total = answer.chargeable + answer.notChargeable;
  const summary = `${total.toLocaleString()} ${total === 1 ? "request" : "requests"} from ${answer.firstDay} to ${answer.lastDay}, ${answer.chargeable.toLocaleString()} chargeable.`;
  stackedBars(document.getElementById("chart"), days, [...series].map(([name, values]) => ({ name, values })), {
    title: keyId ? `Requests per day by ${names.get(keyId)}` : "Requests per day, by key",
    summary,
  });
  report(caption, summary);
  fill(document.querySelector("#usage-table tbody"), answer.days.map((line) => h("tr", {},
    h("td", { text: line.day }), h("td", { text: names.get(line.key) ?? line.key }), h("td", {}, h("code", { text: line.endpoint })),
    h("td", { text: line.chargeable.toLocaleString() }), h("td", { text: line.notChargeable.toLocaleString() }))));
}

function daysBetween(first, last) {
  const days = [];
  for (let day = new Date(`${first}T00:00:00Z`); isoDay(day) <= last; day = new Date(day.getTime() + 86400000)) {
    days.push(isoDay(day));
  }
  return days;
}

function isoDay(date) {
  return date.toISOString().slice(0, 10);
}
