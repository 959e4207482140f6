// One image: the picture, its metadata and quality, every rendition, the API calls that return it in each family,
// the curation form (labels and verdict, delete) and its history from the audit log.
import { api, ApiError } from "./api.js";
import { h, fill, options, words, when, bytes } from "./dom.js";
import { announce, confirmIn, ready, report, startPage } from "./layout.js";
import { describeChange } from "./audit-format.js";
import { labelRows, visionRows } from "./predictions.js";

const id = decodeURIComponent(location.pathname.split("/").pop());
const form = document.getElementById("edit");
const status = document.getElementById("edit-status");
let image = null;

await startPage("/admin/images");
const vocabulary = await api("/v1/admin/vocabulary");
options(form.elements.view, [], vocabulary.views);
options(form.elements.licence, [["", "Not known"]], vocabulary.licences, String);
fill(document.getElementById("colour-names"), vocabulary.colours.map((value) => h("option", { value })));
form.addEventListener("submit", save);
document.getElementById("delete").addEventListener("click", remove);
if (document.referrer.startsWith(`${location.origin}/admin?`) || document.referrer === `${location.origin}/admin`) {
  document.getElementById("back").href = document.referrer; // back to the same filter
}
document.addEventListener("keydown", (event) => {
  if (event.key === "Escape" && !event.target.closest("input, select, textarea, dialog")) {
    location.assign(document.getElementById("back").href);
  }
});

try {
  draw(await api(`/v1/admin/images/${encodeURIComponent(id)}`));
  await drawHistory();
} catch (error) {
  report(document.getElementById("load-error"), error.message, "error");
}
ready();

function draw(answer) {
  image = answer;
  const c = answer.configuration;
  const vehicle = [c.make, c.model, c.years, c.trim].filter(Boolean).join(" ");
  document.title = `${vehicle} · Vehicle Images admin`;
  document.getElementById("title").textContent = `${vehicle}, ${words(answer.view)}`;

  const preview = document.getElementById("preview");
  preview.src = answer.preview;
  preview.alt = `${words(answer.view)} view of the ${c.make} ${c.model}${answer.colour ? `, ${answer.colour}` : ""}`;
  preview.style.backgroundColor = `#${answer.accentColour}`;
  document.getElementById("original-link").href = answer.original;
  document.getElementById("caption").textContent = `${answer.width} × ${answer.height} ${answer.format}, ${bytes(answer.byteSize)}. Select the picture for the original.`;

  fill(document.querySelector("#labels tbody"), labelRows(answer, accept));
  fill(document.getElementById("vision"), visionRows(answer.prediction));

  form.elements.view.value = answer.view;
  form.elements.colour.value = answer.colourName ?? answer.colour ?? "";
  form.elements.trim.value = c.trim ?? "";
  form.elements.licence.value = answer.licence ?? "";
  form.elements.verdict.value = "";

  const rows = [
    ["Image ID", answer.id],
    ["Make and model", `${c.make} ${c.model}`],
    ["Years", c.years ?? "not known"],
    ["Trim", c.trim ?? "none"],
    ["Body", c.body ?? "not known"],
    ["View", words(answer.view)],
    ["Photo type", answer.photoType],
    ["Colour", answer.colour ? `${answer.colour}${answer.colourName && answer.colourName !== answer.colour ? ` (${answer.colourName})` : ""}` : "not known"],
    ["Licence", answer.licence ?? `not known${answer.licenceNote ? ` (${answer.licenceNote})` : ""}`],
    ["Quality", answer.quality.good ? "good" : `flagged: ${answer.quality.reasons.map(words).join(", ")}`],
    ["Near-duplicate of", answer.quality.duplicateOf ? h("a", { href: `/admin/images/${answer.quality.duplicateOf}`, text: answer.quality.duplicateOf }) : null],
    ["Source", answer.source + (answer.provenance ? ` (${answer.provenance})` : "")],
    ["VIN", answer.vin ? [answer.vin, answer.sequence ? ` #${answer.sequence}` : ""] : null],
    ["Registration", answer.registration],
    ["Attribution", answer.attribution],
    ["Context page", answer.contextLink ? h("a", { href: answer.contextLink, rel: "noreferrer", text: answer.contextLink }) : null],
    ["Published", answer.datePublished],
    ["Has transparency", answer.hasAlpha ? "yes" : "no"],
    ["Accent colour", `#${answer.accentColour}`],
    ["Ingested", when(answer.ingestedAt)],
    ["SHA-256", h("code", { class: "wrap", text: answer.hash })],
  ];
  fill(document.getElementById("details"),
    rows.filter(([, value]) => value !== null && value !== undefined && value !== "").map(([term, value]) => [h("dt", { text: term }), h("dd", {}, value)]));

  fill(document.querySelector("#renditions tbody"), renditionRows(answer.renditions));

  fill(document.getElementById("calls"), answer.apiCalls.map((call, i) => h("li", {},
    h("h3", { id: `call-${i}`, text: call.family }),
    call.note ? h("p", { class: "hint", text: call.note }) : null,
    call.curl === null ? null : h("div", { class: "inline" },
      h("pre", { "aria-labelledby": `call-${i}` }, h("code", { text: call.curl })),
      h("button", { type: "button", class: "quiet", onclick: (e) => copy(call.curl, e.currentTarget), text: "Copy", "aria-label": `Copy the ${call.family} call` })))));
}

// One row per size and background, one cell per format: the same table a person would draw.
function renditionRows(renditions) {
  const rows = Map.groupBy(renditions, (r) => `${r.size} ${r.background}`);
  return [...rows.values()].map((group) => h("tr", {},
    h("th", { scope: "row", text: group[0].size }), h("td", { text: group[0].background }), h("td", { text: `${group[0].width} × ${group[0].height}` }),
    ["jpeg", "png", "webp", "avif"].map((format) => {
      const r = group.find((g) => g.format === format);
      return h("td", {}, r ? [
        h("a", { href: r.link, text: format, "aria-label": `${r.size} ${r.background} ${format}` }),
        r.madeAtIngest ? h("span", { class: "hint", text: ` ${bytes(r.byteSize)}, at ingest` }) : null,
      ] : "–");
    })));
}

async function save(event) {
  event.preventDefault();
  const change = {};
  const c = image.configuration;
  const fields = { view: image.view, colour: image.colourName ?? image.colour ?? "", trim: c.trim ?? "", licence: image.licence ?? "" };
  for (const [name, was] of Object.entries(fields)) {
    const value = form.elements[name].value.trim();
    if (value !== was) {
      change[name] = value;
    }
  }
  if (form.elements.verdict.value) {
    change.verdict = form.elements.verdict.value;
  }
  if (Object.keys(change).length === 0) {
    report(status, "Nothing changed.");
    return;
  }
  try {
    draw(await api(`/v1/admin/images/${encodeURIComponent(id)}`, { method: "PATCH", json: change }));
    report(status, `Saved: ${Object.entries(change).map(([k, v]) => `${k} ${v === "" ? "cleared" : `set to ${words(v)}`}`).join("; ")}.`);
    await drawHistory();
  } catch (error) {
    report(status, error instanceof ApiError ? error.message : "The change could not be saved.", "error");
  }
}

// One click makes the prediction the label, as the curator's decision.
async function accept(field, what, button) {
  const acceptStatus = document.getElementById("accept-status");
  button.disabled = true;
  try {
    draw(await api(`/v1/admin/images/${encodeURIComponent(id)}`, { method: "PATCH", json: { accept: field } }));
    report(acceptStatus, `Accepted the predicted ${words(what)}.`);
    await drawHistory();
  } catch (error) {
    button.disabled = false;
    report(acceptStatus, error instanceof ApiError ? error.message : "The prediction could not be accepted.", "error");
  }
}

async function remove() {
  const c = image.configuration;
  if (!await confirmIn(document.getElementById("confirm"), `The ${c.make} ${c.model} ${words(image.view)} image, its original and its renditions will be deleted. The audit log keeps a record.`)) {
    return;
  }
  try {
    await api(`/v1/admin/images/${encodeURIComponent(id)}`, { method: "DELETE" });
    announce("Image deleted.");
    location.assign(document.getElementById("back").href);
  } catch (error) {
    report(status, error.message, "error");
  }
}

async function drawHistory() {
  const entries = await api(`/v1/admin/audit?subject=${encodeURIComponent(`image:${id}`)}`);
  fill(document.getElementById("history"), entries.length === 0
    ? h("li", { text: "No changes since it was ingested." })
    : entries.map((entry) => h("li", {},
      h("time", { datetime: entry.at, text: when(entry.at) }), " ",
      h("strong", { text: entry.actor.name }), ` (${entry.actor.prefix}…) `, entry.action, ": ", describeChange(entry))));
}

async function copy(text, button) {
  await navigator.clipboard.writeText(text).catch(() => null);
  button.textContent = "Copied";
  announce("Copied to the clipboard.");
  setTimeout(() => { button.textContent = "Copy"; }, 2000);
}
