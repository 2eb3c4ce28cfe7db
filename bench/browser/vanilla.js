// The JFB app in plain DOM calls: the lower bound.  Modelled on JFB's
// vanillajs-keyed: rows cloned from a template, one delegated click listener
// on <tbody>, data objects holding their <tr> and label text node, the
// tbody detached while filling an empty table, textContent = "" to clear.
// Same data generator as bench/jfb.py (Park-Miller, seed 1).
"use strict";
const A = ["pretty", "large", "big", "small", "tall", "short", "long", "handsome", "plain",
  "quaint", "clean", "elegant", "easy", "angry", "crazy", "helpful", "mushy", "odd",
  "unsightly", "adorable", "important", "inexpensive", "cheap", "expensive", "fancy"];
const C = ["red", "yellow", "blue", "green", "pink", "brown", "purple", "brown", "white", "black", "orange"];
const N = ["table", "chair", "house", "bbq", "desk", "car", "pony", "cookie", "sandwich", "burger",
  "pizza", "mouse", "keyboard"];

let seed = 1, nextId = 1;
function rand(n) {
  seed = (seed * 16807) % 2147483647;
  return Math.floor(((seed % 1000000) * 1001) / 1000000) % n;
}
function buildData(count) {
  const data = new Array(count);
  for (let i = 0; i < count; i++) {
    const a = A[rand(25)], c = C[rand(11)], n = N[rand(13)];
    data[i] = { id: nextId++, label: a + " " + c + " " + n };
  }
  return data;
}

const tpl = document.createElement("template");
tpl.innerHTML = '<tr><td class="col-md-1"> </td><td class="col-md-4"><a> </a></td>' +
  '<td class="col-md-1"><a><span class="glyphicon glyphicon-remove" aria-hidden="true"></span></a></td>' +
  '<td class="col-md-6"></td></tr>';
const rowTpl = tpl.content.firstChild;

class Main {
  constructor() {
    this.rows = [];       // {id, label, tr, text}
    this.selected = null; // row object
    this.tbody = document.getElementById("tbody");
    this.table = this.tbody.parentNode;
    const on = (id, fn) => document.getElementById(id).addEventListener("click", (e) => { e.preventDefault(); fn(); });
    on("run", () => this.run(1000));
    on("runlots", () => this.run(10000));
    on("add", () => this.add());
    on("update", () => this.update());
    on("clear", () => this.clear());
    on("swaprows", () => this.swapRows());
    on("hydrate", () => this.hydrate(1000));
    this.tbody.addEventListener("click", (e) => {
      const t = e.target;
      const a = t.closest("a");
      if (!a) return;
      e.preventDefault();
      const tr = a.closest("tr");
      const idx = this.rows.findIndex((r) => r.tr === tr);
      if (idx < 0) return;
      if (a.parentNode.className === "col-md-4") this.select(idx); else this.remove(idx);
    });
  }
  createRow(d) {
    const tr = rowTpl.cloneNode(true);
    const td1 = tr.firstChild, a = td1.nextSibling.firstChild;
    td1.firstChild.nodeValue = d.id;
    a.firstChild.nodeValue = d.label;
    d.tr = tr;
    d.text = a.firstChild;
    return tr;
  }
  appendRows(data) {
    const empty = !this.tbody.firstChild;
    if (empty) this.tbody.remove();
    for (let i = 0; i < data.length; i++) this.tbody.appendChild(this.createRow(data[i]));
    if (empty) this.table.insertBefore(this.tbody, null);
  }
  run(n) {
    this.clear();
    this.rows = buildData(n);
    this.appendRows(this.rows);
  }
  add() {
    const data = buildData(1000);
    this.rows = this.rows.concat(data);
    this.appendRows(data);
  }
  update() {
    for (let i = 0; i < this.rows.length; i += 10) {
      const r = this.rows[i];
      r.label += " !!!";
      r.text.nodeValue = r.label;
    }
  }
  select(idx) {
    if (this.selected) this.selected.tr.className = "";
    this.selected = this.rows[idx];
    this.selected.tr.className = "danger";
  }
  remove(idx) {
    const r = this.rows[idx];
    if (r === this.selected) this.selected = null;
    r.tr.remove();
    this.rows.splice(idx, 1);
  }
  // hydrate1k: the store's next n rows are already in <tbody> (server-rendered): build
  // the data as run() does and adopt each row's <tr> and label text node instead of
  // creating them (the least any client can do to take over server-rendered rows).
  hydrate(n) {
    this.rows = buildData(n);
    this.selected = null;
    const trs = this.tbody.rows;
    let adopted = 0, mismatches = 0;
    for (let i = 0; i < n; i++) {
      const d = this.rows[i], tr = trs[i];
      const text = tr.cells[1].firstChild.firstChild;
      if (text.nodeValue !== d.label) mismatches++;
      d.tr = tr;
      d.text = text;
      adopted += 2;
    }
    window.benchHydration = JSON.stringify({ adopted, created: 0, mounted: 0, removed: 0, mismatches });
  }
  clear() {
    this.rows = [];
    this.selected = null;
    this.tbody.textContent = "";
  }
  swapRows() {
    const rows = this.rows;
    if (rows.length > 998) {
      const a = rows[1], b = rows[998];
      const afterB = b.tr.nextSibling;
      this.tbody.insertBefore(b.tr, a.tr);
      this.tbody.insertBefore(a.tr, afterB);
      rows[1] = b;
      rows[998] = a;
    }
  }
}

const main = new Main();
window.benchSsrTarget = "tbody";
// ?rows=N: start with N rows (the first-content / interactive pages, ?ttfc=1).
const startRows = +(new URLSearchParams(location.search).get("rows") || 0);
if (startRows) main.run(startRows);
window.benchReadyAt = performance.now();
document.documentElement.dataset.ready = "vanilla";
