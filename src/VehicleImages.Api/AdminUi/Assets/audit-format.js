// Says what an audit entry changed, field by field, as "view: left → rear".
import { words } from "./dom.js";

export function describeChange(entry) {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  if (names.length === 0) {
    return "";
  }
  if (entry.after === null) {
    return `was ${names.map((n) => `${words(n)} ${show(before[n])}`).join(", ")}`;
  }
  if (entry.before === null) {
    return names.map((n) => `${words(n)} ${show(after[n])}`).join(", ");
  }
  return names.map((n) => `${words(n)}: ${show(before[n])} → ${show(after[n])}`).join("; ");
}

function show(value) {
  if (value === null || value === undefined || value === "") {
    return "none";
  }
  if (Array.isArray(value)) {
    return value.length ? value.map(show).join(", ") : "none";
  }
  if (typeof value === "object") {
    return Object.entries(value).map(([k, v]) => `${words(k)} ${show(v)}`).join(", ");
  }
  return words(value);
}
