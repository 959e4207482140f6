// Says what an audit entry changed, field by field, as "view: left → rear", in words people read: camelCase field
// names split ("expires at"), timestamps in the reader's time zone, empty values as "none".
import { when, words } from "./dom.js";

const timestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

export function describeChange(entry) {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  if (names.length === 0) {
    return "";
  }
  if (entry.after === null) {
    return `was ${names.map((n) => `${field(n)} ${show(before[n])}`).join(", ")}`;
  }
  if (entry.before === null) {
    return names.map((n) => `${field(n)} ${show(after[n])}`).join(", ");
  }
  return names.map((n) => `${field(n)}: ${show(before[n])} → ${show(after[n])}`).join("; ");
}

function field(name) {
  return words(name.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase());
}

function show(value) {
  if (value === null || value === undefined || value === "") {
    return "none";
  }
  if (Array.isArray(value)) {
    return value.length ? value.map(show).join(", ") : "none";
  }
  if (typeof value === "object") {
    const entries = Object.entries(value);
    return entries.length ? entries.map(([k, v]) => `${field(k)} ${show(v)}`).join(", ") : "none";
  }
  if (typeof value === "string" && timestamp.test(value)) {
    return when(value);
  }
  return words(value);
}
