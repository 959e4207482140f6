// Builds DOM nodes from data without ever parsing it as HTML: text goes in as text, so a label holding
// "<script>" shows as those characters and runs nothing.

/**
 * Creates an element. Attributes: "class", "text", "dataset" (an object), on<Event> handlers (functions),
 * booleans (set when true), anything else as an attribute. Children: nodes, strings (as text), arrays; null skipped.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  applyAttributes(element, attributes);
  append(element, children);
  return element;
}

/** The same for SVG elements, which live in their own namespace. */
export function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS("http://www.w3.org/2000/svg", tag);
  applyAttributes(element, attributes);
  append(element, children);
  return element;
}

/** Replaces an element's children. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

function applyAttributes(element, attributes) {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name === "text") {
      element.textContent = value;
    } else if (name === "dataset") {
      Object.assign(element.dataset, value);
    } else if (name.startsWith("on") && typeof value === "function") {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else {
      element.setAttribute(name, value === true ? "" : String(value));
    }
  }
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** "front_left" → "front left": vocabulary values as people read them. */
export function words(value) {
  return value === null || value === undefined || value === "" ? "" : String(value).replaceAll("_", " ");
}

/** A date and time in the reader's own locale and time zone. */
export function when(iso) {
  return new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

/** Bytes as people read them: 1.2 MB. */
export function bytes(count) {
  if (count === null || count === undefined) {
    return "";
  }
  const units = ["B", "KB", "MB", "GB"];
  let value = count;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toLocaleString(undefined, { maximumFractionDigits: unit === 0 ? 0 : 1 })} ${units[unit]}`;
}

/** Puts options into a select: a leading set of [value, label] pairs, then the values themselves. */
export function options(select, leading, values, label = words) {
  fill(select,
    leading.map(([value, text]) => h("option", { value, text })),
    values.map((value) => h("option", { value, text: label(value) })));
}
