// Uploads images or a manifest, then follows the background ingest: progress while it runs, then its summary
// (ingested, duplicates, rejected by reason, each rejection with its reason).
import { api, ApiError } from "./api.js";
import { h, fill, options, when, words } from "./dom.js";
import { announce, ready, report, startPage } from "./layout.js";

const form = document.getElementById("upload");
const status = document.getElementById("upload-status");

await startPage("/admin/ingest");
const vocabulary = await api("/v1/admin/vocabulary");
options(form.elements.view, [["", "As the files say"]], vocabulary.views);
options(form.elements.licence, [["", "As the files say"]], vocabulary.licences, String);
options(form.elements.source, [["", "As the files say"]], vocabulary.sources);
form.addEventListener("submit", upload);
await drawRecent();
ready();

async function upload(event) {
  event.preventDefault();
  const data = new FormData();
  for (const file of form.elements.files.files) {
    data.append("files", file, file.name);
  }
  for (const name of ["make", "model", "year", "trim", "view", "colour", "licence", "source"]) {
    const value = form.elements[name].value.trim();
    if (value) {
      data.append(name, value);
    }
  }
  report(status, "Uploading…");
  form.querySelector("button[type=submit]").disabled = true;
  try {
    const job = await api("/v1/admin/ingests", { method: "POST", form: data });
    report(status, "Uploaded; ingesting in the background.");
    form.elements.files.value = "";
    await follow(job);
  } catch (error) {
    report(status, error instanceof ApiError ? error.message : "The upload failed.", "error");
  } finally {
    form.querySelector("button[type=submit]").disabled = false;
  }
}

async function follow(job) {
  const section = document.getElementById("job");
  section.hidden = false;
  fill(document.getElementById("summary"));
  while (job.state === "queued" || job.state === "running") {
    drawProgress(job);
    await new Promise((resolve) => setTimeout(resolve, 400));
    job = await api(`/v1/admin/ingests/${job.id}`);
  }
  drawProgress(job);
  if (job.summary) {
    drawSummary(job.summary);
  }
  announce(document.getElementById("progress-text").textContent);
  await drawRecent();
}

function drawProgress(job) {
  const progress = document.getElementById("progress");
  progress.max = Math.max(1, job.total);
  progress.value = job.done;
  const text = {
    queued: "Waiting for the ingest before it to finish…",
    running: `${job.done} of ${job.total} done${job.current ? `: ${job.current}` : ""}`,
    finished: `Finished: ${job.summary?.ingested ?? 0} ingested, ${job.summary?.duplicates ?? 0} duplicates, ${job.summary?.rejected ?? 0} rejected.`,
    failed: job.error ?? "The ingest failed.",
  }[job.state];
  report(document.getElementById("progress-text"), text, job.state === "failed" ? "error" : "ok");
}

function drawSummary(summary) {
  const reasons = Object.entries(summary.rejectedByReason);
  const flagged = Object.entries(summary.flaggedByReason);
  fill(document.getElementById("summary"),
    h("dl", { class: "summary" },
      [["Items", summary.items], ["Ingested", summary.ingested], ["Duplicates", summary.duplicates], ["Rejected", summary.rejected], ["Seconds", summary.elapsedSeconds]]
        .map(([term, value]) => [h("dt", { text: term }), h("dd", { text: String(value) })])),
    reasons.length ? [h("h3", { text: "Rejected by reason" }), h("ul", {}, reasons.map(([reason, n]) => h("li", { text: `${words(reason)}: ${n}` })))] : null,
    flagged.length ? [h("h3", { text: "Ingested but flagged" }), h("ul", {}, flagged.map(([reason, n]) => h("li", { text: `${words(reason)}: ${n}` })))] : null,
    summary.rejections.length ? [
      h("h3", { text: "Rejections" }),
      h("table", {},
        h("thead", {}, h("tr", {}, ["Item", "Reason", "Why"].map((t) => h("th", { scope: "col", text: t })))),
        h("tbody", {}, summary.rejections.map((r) => h("tr", {}, h("td", { text: r.item }), h("td", { text: words(r.reason) }), h("td", { text: r.message }))))),
    ] : null,
    summary.warnings.length ? [h("h3", { text: "Warnings" }), h("ul", {}, summary.warnings.map((w) => h("li", { text: `${w.item}: ${w.message}` })))] : null,
    summary.ingested ? h("p", {}, h("a", { href: "/admin", text: "See the library" })) : null);
}

async function drawRecent() {
  const jobs = await api("/v1/admin/ingests");
  fill(document.querySelector("#jobs tbody"), jobs.length === 0
    ? h("tr", {}, h("td", { colspan: 7, text: "None since the server started." }))
    : jobs.map((job) => h("tr", {},
      h("td", {}, h("time", { datetime: job.startedAt, text: when(job.startedAt) })), h("td", { text: job.startedBy }), h("td", { text: job.state }),
      h("td", { text: String(job.summary?.items ?? job.total) }), h("td", { text: String(job.summary?.ingested ?? "") }),
      h("td", { text: String(job.summary?.duplicates ?? "") }), h("td", { text: String(job.summary?.rejected ?? "") }))));
}
