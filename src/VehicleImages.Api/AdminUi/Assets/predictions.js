// The image's labels beside what the vision stage saw: each label with where it came from, the prediction with its
// score, and a button to accept a prediction that disagrees with its label or fills a gap.
import { h, words } from "./dom.js";

const origins = { given: "given at ingest", predicted: "predicted", curator: "set by a curator", none: "not set" };

/** Table rows for view, photo type, colour and verdict; accept(field, what, button) is called with the field to accept. */
export function labelRows(answer, accept) {
  const p = answer.prediction;
  const rows = [
    { field: "view", label: "view", labelled: words(answer.view), origin: answer.origins.view,
      said: p && p.view !== "unknown" ? words(p.view) : null, shown: p ? [words(p.view), " ", score(p.viewScore)] : null },
    { field: "photo_type", label: "photo type", labelled: answer.photoType, origin: answer.origins.photoType,
      said: p?.photoType, shown: p ? (p.photoType ?? `none (${words(p.content)})`) : null },
    { field: "colour", label: "colour", labelled: answer.colour ?? "not known", origin: answer.origins.colour,
      said: p?.colour, shown: p ? (p.colour ? colour(p) : "none measured") : null },
    { field: "verdict", label: "verdict", labelled: answer.quality.good ? "good" : "flagged", origin: answer.origins.verdict, said: null, shown: p ? "–" : null },
  ];
  return rows.map(({ field, label, labelled, origin, said, shown }) => {
    const differs = p?.differs.includes(field) ?? false;
    return h("tr", { dataset: { field } },
      h("th", { scope: "row", text: label[0].toUpperCase() + label.slice(1) }),
      h("td", {}, h("span", { class: "value", text: labelled }), " ", h("span", { class: "origin", text: `(${origins[origin] ?? origin})` })),
      h("td", { class: differs ? "differs" : null }, shown ?? "no prediction"),
      h("td", {}, differs ? h("button", {
        type: "button",
        class: "quiet",
        text: "Accept",
        "aria-label": `Accept the predicted ${label}: ${said}`,
        onclick: (event) => accept(field, `${label} ${said}`, event.currentTarget),
      }) : null));
  });
}

/** Description rows for the content class, every class's score and the models; one line when there is no prediction. */
export function visionRows(prediction) {
  if (!prediction) {
    return [h("dt", { text: "Vision" }), h("dd", { text: "No prediction: the vision stage has not seen this image." })];
  }
  const classes = Object.entries(prediction.contentScores).sort(([, a], [, b]) => b - a);
  return [
    h("dt", { text: "Content" }),
    h("dd", { id: "vision-content", text: `${words(prediction.content)}; a vehicle photo: ${percent(prediction.vehiclePhotoScore)}` }),
    h("dt", { text: "Class scores" }),
    h("dd", { text: classes.map(([name, value]) => `${words(name)} ${percent(value)}`).join(" · ") }),
    h("dt", { text: "Models" }),
    h("dd", {}, h("code", { class: "wrap", text: prediction.models })),
  ];
}

function colour(p) {
  const swatch = h("span", { class: "swatch", "aria-hidden": "true" });
  swatch.style.backgroundColor = `#${p.colourHex}`;
  return [swatch, p.colour, " ", score(p.colourScore)];
}

function score(value) {
  return h("span", { class: "hint", text: percent(value) });
}

function percent(value) {
  return `${Math.round(value * 100)}%`;
}
