// A stacked bar chart drawn as inline SVG: one bar per day, one coloured segment per series. Each bar has a
// <title> (hover and screen readers); the chart names itself with a title and a summary.
import { svg, h } from "./dom.js";

const palette = ["#1f5fa8", "#e07b00", "#2e8b57", "#b83280", "#6b5ca5", "#8c6d1f", "#0f8a8a", "#c0392b"];
const size = { width: 1000, height: 220, left: 48, right: 12, top: 12, bottom: 30 };

/** Draws `series` ([{ name, values }]) over `days` (yyyy-MM-dd) into `container`, replacing what was there. */
export function stackedBars(container, days, series, { title, summary }) {
  const totals = days.map((_, d) => series.reduce((sum, s) => sum + s.values[d], 0));
  const max = niceCeiling(Math.max(1, ...totals));
  const plotWidth = size.width - size.left - size.right;
  const plotHeight = size.height - size.top - size.bottom;
  const slot = plotWidth / Math.max(1, days.length);
  const barWidth = Math.max(2, slot * 0.7);
  const y = (value) => size.top + plotHeight - (value / max) * plotHeight;

  const ticks = [...new Set([0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(max * f)))];
  const grid = ticks.map((value) => {
    return svg("g", { class: "tick" },
      svg("line", { x1: size.left, x2: size.width - size.right, y1: y(value), y2: y(value) }),
      svg("text", { x: size.left - 6, y: y(value) + 4, "text-anchor": "end", text: value.toLocaleString() }));
  });
  const labelEvery = Math.ceil(days.length / 12);
  const bars = days.map((day, d) => {
    let base = 0;
    const x = size.left + d * slot + (slot - barWidth) / 2;
    const segments = series.map((s, i) => {
      const value = s.values[d];
      const rect = svg("rect", { x, y: y(base + value), width: barWidth, height: y(base) - y(base + value), fill: palette[i % palette.length] },
        svg("title", { text: `${day}, ${s.name}: ${value.toLocaleString()}` }));
      base += value;
      return value > 0 ? rect : null;
    });
    const label = d % labelEvery === 0 ? svg("text", { x: x + barWidth / 2, y: size.height - size.bottom + 16, "text-anchor": "middle", text: day.slice(5) }) : null;
    return svg("g", {}, segments, label);
  });

  const titleId = `${container.id}-title`;
  const descId = `${container.id}-desc`;
  container.replaceChildren(
    svg("svg", { viewBox: `0 0 ${size.width} ${size.height}`, role: "img", "aria-labelledby": `${titleId} ${descId}`, class: "bars" },
      svg("title", { id: titleId, text: title }),
      svg("desc", { id: descId, text: summary }),
      grid, bars),
    h("ul", { class: "legend" }, series.map((s, i) => {
      const swatch = h("span", { class: "swatch", "aria-hidden": "true" });
      swatch.style.backgroundColor = palette[i % palette.length];
      return h("li", {}, swatch, s.name);
    })));
}

// 1, 2 or 5 times a power of ten, at or above the value: round numbers for the axis.
function niceCeiling(value) {
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((m) => m * power).find((n) => n >= value);
}
