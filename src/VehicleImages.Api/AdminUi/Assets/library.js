// The library: a make → model → years → trim drill-down with counts, filters, VIN search, and a grid of
// thumbnails that loads a page at a time as it scrolls. The filter lives in the page's own URL, so back and
// forward and shared links work. A parameter present but empty means "not set" (no trim, unknown colour...).
import { api } from "./api.js";
import { h, fill, options, words } from "./dom.js";
import { announce, ready, startPage } from "./layout.js";

const PAGE = 60;
const NOT_SET = "__not_set__"; // the select value standing for "present but empty"
const drill = [["make", "Make"], ["model", "Model"], ["years", "Years"], ["trim", "Trim"]];
const filterNames = ["view", "photoType", "colour", "licence", "source", "quality"];
const blankable = new Set(["colour", "licence"]);
// Quality values that read better as a phrase than as their API name.
const qualityPhrases = { label_mismatch: "disagrees with its label" };

const grid = document.getElementById("grid");
const more = document.getElementById("more");
const count = document.getElementById("result-count");
const filters = document.getElementById("filters");
let loaded = 0;
let total = 0;
let loading = false;
// Which filter the page shows: an answer for an older one (the person changed the filter while it was on its way)
// is dropped, so the grid and facets never mix two filters' results.
let generation = 0;

await startPage("/admin");
await fillFilterChoices();
document.getElementById("search").addEventListener("submit", search);
filters.addEventListener("change", () => navigate(fromFilterForm()));
filters.addEventListener("reset", () => setTimeout(() => navigate(new URLSearchParams())));
more.addEventListener("click", loadMore);
grid.addEventListener("keydown", moveFocus);
window.addEventListener("popstate", show);
new IntersectionObserver((entries) => {
  if (entries.some((e) => e.isIntersecting) && !more.hidden) {
    loadMore();
  }
}, { rootMargin: "400px" }).observe(document.getElementById("sentinel"));
await show();
ready();

function state() {
  return new URLSearchParams(location.search);
}

function navigate(params) {
  history.pushState(null, "", params.size ? `?${params}` : location.pathname);
  show();
}

async function show() {
  const shown = ++generation;
  const params = state();
  reflectInForm(params);
  await Promise.all([drawFacets(params, shown), drawFirstPage(params, shown)]);
}

async function fillFilterChoices() {
  const vocabulary = await api("/v1/admin/vocabulary");
  const any = [["", "Any"]];
  options(filters.elements.view, any, vocabulary.views);
  options(filters.elements.photoType, any, vocabulary.photoTypes);
  options(filters.elements.colour, [...any, [NOT_SET, "Not known"]], vocabulary.colours, String);
  options(filters.elements.licence, [...any, [NOT_SET, "Not known"]], vocabulary.licences, String);
  options(filters.elements.source, any, vocabulary.sources);
  options(filters.elements.quality, any, vocabulary.quality, (value) => qualityPhrases[value] ?? words(value));
}

function reflectInForm(params) {
  for (const name of filterNames) {
    const value = params.get(name);
    filters.elements[name].value = value === null ? "" : value === "" && blankable.has(name) ? NOT_SET : value;
  }
  document.getElementById("vin").value = params.get("vin") ?? "";
}

function fromFilterForm() {
  const params = state();
  for (const name of filterNames) {
    const value = filters.elements[name].value;
    if (value === "") {
      params.delete(name);
    } else {
      params.set(name, value === NOT_SET ? "" : value);
    }
  }
  return params;
}

// An image ID opens the image; anything else is looked up as a VIN.
function search(event) {
  event.preventDefault();
  const text = document.getElementById("vin").value.trim();
  if (/^[0-9a-f]{16}$/i.test(text)) {
    location.assign(`/admin/images/${text.toLowerCase()}`);
    return;
  }
  const params = state();
  if (text) {
    params.set("vin", text);
  } else {
    params.delete("vin");
  }
  navigate(params);
}

async function drawFacets(params, shown) {
  const facets = await api(`/v1/admin/images/facets?${params}`);
  if (shown !== generation) {
    return;
  }
  const lists = { make: facets.makes, model: facets.models, years: facets.years, trim: facets.trims };
  const nav = document.getElementById("facets");
  fill(nav, drill.map(([name, label], level) => {
    const values = lists[name];
    if (level > 0 && values.length === 0) {
      return null; // a level the drill-down has not reached yet
    }
    return h("section", { class: "facet" },
      h("h2", { id: `facet-${name}`, text: label }),
      h("ul", { "aria-labelledby": `facet-${name}` }, values.map(({ value, count: n }) => {
        const chosen = params.has(name) && params.get(name) === value;
        return h("li", {}, h("button", {
          type: "button",
          "aria-pressed": String(chosen),
          onclick: () => choose(level, name, value, chosen),
        }, h("span", { text: value === "" ? "(not set)" : value }), h("span", { class: "count", text: n.toLocaleString() })));
      })));
  }));
}

// Choosing a level clears the levels below it; choosing the chosen value again clears it.
function choose(level, name, value, chosen) {
  const params = state();
  for (const [deeper] of drill.slice(level)) {
    params.delete(deeper);
  }
  if (!chosen) {
    params.set(name, value);
  }
  navigate(params);
}

async function drawFirstPage(params, shown) {
  loaded = 0;
  fill(grid);
  await loadPage(params, shown);
}

async function loadMore() {
  if (!loading && loaded < total) {
    await loadPage(state(), generation);
  }
}

async function loadPage(params, shown) {
  loading = true;
  try {
    const query = new URLSearchParams(params);
    query.set("offset", loaded);
    query.set("limit", PAGE);
    const page = await api(`/v1/admin/images?${query}`);
    if (shown !== generation) {
      return;
    }
    total = page.total;
    loaded += page.images.length;
    grid.append(...page.images.map(card));
    count.textContent = `${total.toLocaleString()} ${total === 1 ? "image" : "images"}${total > loaded ? `, ${loaded.toLocaleString()} shown` : ""}`;
    more.hidden = loaded >= total;
    if (page.offset === 0) {
      announce(count.textContent);
    }
  } finally {
    if (shown === generation) {
      loading = false;
    }
  }
}

function card(image) {
  const vehicle = [image.make, image.model, image.years, image.trim].filter(Boolean).join(" ");
  const thumb = h("span", { class: "thumb" },
    h("img", {
      src: image.thumbnail,
      srcset: `${image.thumbnail} 1x, ${image.small} 2x`,
      width: image.thumbnailWidth,
      height: image.thumbnailHeight,
      loading: "lazy",
      decoding: "async",
      alt: `${words(image.view)} view of the ${image.make} ${image.model}`,
      onload: (event) => { event.currentTarget.parentElement.style.backgroundColor = ""; },
    }));
  // The accent colour fills the frame until the picture arrives, so the grid never flashes empty boxes; then it
  // goes, so a cut-out shows on the page's own background.
  thumb.style.backgroundColor = `#${image.accentColour}`;
  return h("li", {},
    h("a", { class: "card", href: `/admin/images/${image.id}`, dataset: { id: image.id } },
      thumb,
      h("span", { class: "caption" },
        h("strong", { text: vehicle }),
        h("span", { text: [words(image.view), image.colour].filter(Boolean).join(" · ") }),
        image.good ? null : h("span", { class: "flag", text: `Flagged: ${image.reasons.map(words).join(", ")}` }))));
}

// Arrow keys move through the grid by card and by row, as in a file manager.
function moveFocus(event) {
  const cards = [...grid.querySelectorAll("a.card")];
  const index = cards.indexOf(document.activeElement);
  if (index < 0) {
    return;
  }
  const columns = getComputedStyle(grid).gridTemplateColumns.split(" ").length;
  const step = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: columns, ArrowUp: -columns }[event.key];
  const next = cards[index + (step ?? 0)];
  if (step && next) {
    event.preventDefault();
    next.focus();
    if (index + step >= cards.length - columns) {
      loadMore();
    }
  }
}
