// A stand-in for a chart library (Chart.js and the like), for examples/app-fullapp/app.py:
//
//   tinyChart(element, {type: "bar" | "line", data: {labels: [...], datasets: [{label, data: [...]}]}})
//
// draws an SVG chart into `element`, replacing whatever the element held (as libraries do with the
// element they are given). The Python side passes the config with vdom.app.util.jsobj(...).
window.tinyChart = (el, config) => {
  const NS = "http://www.w3.org/2000/svg";
  const W = 360, H = 160, PAD = 24;
  const data = config.data || {};
  const labels = Array.from(data.labels || []);
  const set = (data.datasets || [])[0] || { label: "", data: [] };
  const values = Array.from(set.data || []).map(Number);
  const top = Math.max(1, ...values);
  const svg = document.createElementNS(NS, "svg");
  svg.setAttribute("viewBox", "0 0 " + W + " " + (H + PAD));
  svg.setAttribute("width", W);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", set.label + ": " + values.join(", "));
  const add = (tag, attrs, text) => {
    const e = document.createElementNS(NS, tag);
    for (const k in attrs) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    svg.append(e);
    return e;
  };
  const step = (W - PAD) / Math.max(1, values.length);
  const x = (i) => PAD + i * step + step / 2;
  const y = (v) => H - (H - PAD) * v / top;
  add("line", { x1: PAD, y1: H, x2: W, y2: H, stroke: "#888" });
  add("text", { x: PAD, y: 14, "font-size": 12, class: "chart-title" }, set.label);
  values.forEach((v, i) => {
    if (config.type === "line") {
      add("circle", { cx: x(i), cy: y(v), r: 3, fill: "#47a", class: "point" }).dataset.value = v;
    } else {
      add("rect", { x: x(i) - step * 0.35, y: y(v), width: step * 0.7, height: H - y(v), fill: "#4a7",
                    class: "point" }).dataset.value = v;
    }
    add("text", { x: x(i), y: H + 14, "font-size": 10, "text-anchor": "middle" }, String(labels[i] || ""));
  });
  if (config.type === "line" && values.length) {
    add("polyline", { points: values.map((v, i) => x(i) + "," + y(v)).join(" "), fill: "none", stroke: "#47a" });
  }
  el.textContent = "";
  el.append(svg);
  el.dataset.drawn = String(Number(el.dataset.drawn || 0) + 1);
};
