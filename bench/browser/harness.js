// In-page measurement and DOM checks shared by every implementation page.
//
// The driver (bench/browser/run.py) calls window.__bench.iteration(op, timed)
// through Playwright.  One iteration = set the page up for the operation
// (untimed), then click the operation's button (or row link) and measure,
// with performance.now(), the time from just before the click is dispatched
// until the DOM shows the expected result, plus a forced layout.  "Shows the
// result" is checked on every MutationObserver callback (and right after the
// click returns, and on a 4 ms fallback timer) with a cheap probe of a few
// rows; afterwards, untimed, every row is checked against a model of the
// JFB store kept here (same Park-Miller generator as bench/jfb.py), and
// keyed behaviour (which <tr> nodes survive or move) is checked.
//
// Nothing here depends on the implementation: every app renders the JFB
// markup into a document with the buttons #run #runlots #add #update
// #clear #swaprows and <tbody id="tbody">, and sets
// document.documentElement.dataset.ready (and window.benchReadyAt) once ready.
//
// Server rendering (issue 13): a page that can hydrate sets
// window.benchSsrTarget ("main": the app's whole root; "tbody": the rows only)
// and optionally window.benchSsrPrepare() (let go of what it rendered).  The
// hydrate1k operation's setup fetches the server's hydratable markup of the
// store's next 1,000 rows (/bench/ssr-markup, rendered by the bench server with
// render_to_string(hydratable=True)), writes it into the target, and the
// measured action clicks #hydrate (outside #main): the app adopts those nodes.
// Done = the app set window.benchHydration (its counters, JSON) and the DOM
// shows the rows; every mutation during the action is counted (a hydration
// that matches adds no node).  Then, untimed, update every 10th row and
// select run on the hydrated page and are checked.
// With ?ttfc=1 (and ?rows=N) a page records its first content and the time
// it becomes interactive (see ttfc() below) in window.benchTtfc.
(function () {
  "use strict";
  const A = ["pretty", "large", "big", "small", "tall", "short", "long", "handsome", "plain",
    "quaint", "clean", "elegant", "easy", "angry", "crazy", "helpful", "mushy", "odd",
    "unsightly", "adorable", "important", "inexpensive", "cheap", "expensive", "fancy"];
  const C = ["red", "yellow", "blue", "green", "pink", "brown", "purple", "brown", "white", "black",
    "orange"];
  const N = ["table", "chair", "house", "bbq", "desk", "car", "pony", "cookie", "sandwich", "burger",
    "pizza", "mouse", "keyboard"];

  // The model of the app's store: every click the harness makes is applied to it too.
  const model = { nextId: 1, seed: 1, rows: [], selected: null };
  function rand(n) {
    model.seed = (model.seed * 16807) % 2147483647;
    return Math.floor(((model.seed % 1000000) * 1001) / 1000000) % n;
  }
  function build(count) {
    const out = [];
    for (let i = 0; i < count; i++) {
      const a = A[rand(25)], c = C[rand(11)], n = N[rand(13)];
      out.push({ id: model.nextId + i, label: a + " " + c + " " + n });
    }
    model.nextId += count;
    return out;
  }
  const M = {
    run(n) { model.rows = build(n); model.selected = null; },
    add() { model.rows = model.rows.concat(build(1000)); },
    update() {
      model.rows = model.rows.map((r, i) => (i % 10 === 0 ? { id: r.id, label: r.label + " !!!" } : r));
    },
    select(idx) { model.selected = model.rows[idx].id; },
    remove(idx) { model.rows = model.rows.filter((_, i) => i !== idx); },
    swap() {
      if (model.rows.length > 998) {
        const r = model.rows.slice(); const t = r[1]; r[1] = r[998]; r[998] = t; model.rows = r;
      }
    },
    clear() { model.rows = []; model.selected = null; },
  };

  // Actions: [what to click, how the model changes].
  function rowLink(idx, which) {
    const tr = document.getElementById("tbody").rows[idx];
    // JFB: select clicks "tr:nth(idx) td:nth(2) a", remove clicks "td:nth(3) a span".
    return which === "select" ? tr.cells[1].firstElementChild : tr.cells[2].firstElementChild.firstElementChild;
  }
  const ACTIONS = {
    run: [() => document.getElementById("run"), () => M.run(1000)],
    runlots: [() => document.getElementById("runlots"), () => M.run(10000)],
    add: [() => document.getElementById("add"), () => M.add()],
    update: [() => document.getElementById("update"), () => M.update()],
    clear: [() => document.getElementById("clear"), () => M.clear()],
    swap: [() => document.getElementById("swaprows"), () => M.swap()],
    select1: [() => rowLink(1, "select"), () => M.select(1)],
    select4: [() => rowLink(4, "select"), () => M.select(4)],
    remove3: [() => rowLink(3, "remove"), () => M.remove(3)],
    // The model took the rows at the setup ("ssr"): hydrating changes nothing in it.
    hydrate: [() => document.getElementById("hydrate"), () => {}, () => window.benchHydration != null],
  };

  // The nine JFB operations: setup actions (untimed), then the measured action.
  const OPS = {
    create1k: [["clear?"], "run"],
    replace1k: [["run"], "run"],
    update10th: [["run"], "update"],
    select: [["run", "select4"], "select1"],
    swap: [["run"], "swap"],
    remove: [["run"], "remove3"],
    create10k: [["clear?"], "runlots"],
    append1k: [["run"], "add"],
    clear1k: [["run"], "clear"],
    hydrate1k: [["clear?", "ssr"], "hydrate"],
  };

  function rowText(tr) {
    return [tr.cells[0].textContent, tr.cells[1].textContent, tr.className];
  }
  const PROBES = [0, 1, 3, 4, 990, 998];
  // Cheap "is the DOM done?" test: row count and a few probe rows.
  function probe() {
    const tbody = document.getElementById("tbody");
    if (!tbody) return false;
    const rows = tbody.rows, n = model.rows.length;
    if (rows.length !== n) return false;
    if (n === 0) return true;
    const sel = model.selected;
    const idx = PROBES.filter((i) => i < n);
    idx.push(n - 1);
    for (const i of idx) {
      const tr = rows[i], m = model.rows[i];
      if (tr.cells.length < 2) return false;
      if (tr.cells[0].textContent !== String(m.id)) return false;
      if (tr.cells[1].textContent !== m.label) return false;
      if ((tr.className === "danger") !== (m.id === sel)) return false;
    }
    return true;
  }

  // Full check of every row: markup and content (untimed).
  function fullCheck() {
    const errs = [];
    const tbody = document.getElementById("tbody");
    const table = tbody && tbody.parentElement;
    if (!tbody) return ["no tbody#tbody"];
    if (!table || table.tagName !== "TABLE" || !table.matches(".table.table-hover.table-striped.test-data"))
      errs.push("tbody is not inside table.table.table-hover.table-striped.test-data");
    const rows = tbody.rows, n = model.rows.length;
    if (rows.length !== n) errs.push("row count " + rows.length + ", expected " + n);
    if (tbody.children.length !== rows.length) errs.push("tbody has non-row children");
    const sel = model.selected;
    for (let i = 0; i < Math.min(rows.length, n) && errs.length < 5; i++) {
      const tr = rows[i], m = model.rows[i];
      const c = tr.cells;
      const want = m.id === sel ? "danger" : "";
      if (tr.className !== want) errs.push("row " + i + " class " + JSON.stringify(tr.className) + ", expected " + JSON.stringify(want));
      if (c.length !== 4 || tr.children.length !== 4) { errs.push("row " + i + " has " + c.length + " cells"); continue; }
      if (c[0].className !== "col-md-1" || c[1].className !== "col-md-4" || c[2].className !== "col-md-1" || c[3].className !== "col-md-6")
        errs.push("row " + i + " cell classes");
      if (c[0].textContent !== String(m.id)) errs.push("row " + i + " id " + c[0].textContent + ", expected " + m.id);
      const a = c[1].firstElementChild;
      if (!a || a.tagName !== "A" || c[1].childNodes.length !== 1 || a.textContent !== m.label)
        errs.push("row " + i + " label " + JSON.stringify(c[1].textContent) + ", expected " + JSON.stringify(m.label));
      const a2 = c[2].firstElementChild, sp = a2 && a2.firstElementChild;
      if (!a2 || a2.tagName !== "A" || !sp || sp.tagName !== "SPAN" || sp.classList.length !== 2 ||
          !sp.classList.contains("glyphicon") || !sp.classList.contains("glyphicon-remove") ||
          sp.getAttribute("aria-hidden") !== "true" || sp.childNodes.length !== 0 || a2.childNodes.length !== 1)
        errs.push("row " + i + " remove icon markup");
      if (c[3].childNodes.length !== 0) errs.push("row " + i + " last cell not empty");
    }
    return errs;
  }

  // Keyed-ness (JFB isKeyed): which <tr> nodes must survive the measured action.
  function keyedCheck(op, before) {
    const rows = Array.from(document.getElementById("tbody").rows);
    const old = new Set(before);
    if (op === "swap") {
      if (rows[1] !== before[998] || rows[998] !== before[1]) return "swap did not move the same <tr> nodes";
      if (rows.some((r) => !old.has(r))) return "swap created new <tr> nodes";
    } else if (op === "remove") {
      if (before[3].isConnected) return "the removed row's <tr> is still in the document (recycled)";
      if (rows[3] !== before[4]) return "rows after the removed one are not the same nodes";
    } else if (op === "update10th" || op === "select" || op === "hydrate1k") {
      if (rows.some((r, i) => r !== before[i])) return op + " replaced <tr> nodes";
    } else if (op === "replace1k") {
      if (rows.some((r) => old.has(r))) return "replace reused old <tr> nodes";
    } else if (op === "append1k") {
      if (before.some((r, i) => rows[i] !== r)) return "append replaced existing <tr> nodes";
    }
    return null;
  }

  function click(el) {
    el.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, view: window }));
  }

  // Click the action's target and resolve with ms until probe() holds, plus a forced layout.
  // What the MutationObserver saw during the last act().
  const mut = { added: 0, removed: 0, attributes: 0, characterData: 0 };
  function act(name, timeoutMs) {
    const [target, apply, ready] = ACTIONS[name];
    const el = target();
    if (!el) return Promise.reject(new Error("no target for " + name));
    apply();
    mut.added = mut.removed = mut.attributes = mut.characterData = 0;
    return new Promise((resolve, reject) => {
      let done = false, t0 = 0;
      const finish = (recs) => {
        if (recs && recs.length) {
          for (const r of recs) {
            if (r.type === "childList") { mut.added += r.addedNodes.length; mut.removed += r.removedNodes.length; }
            else mut[r.type]++;
          }
        }
        if (done || (ready && !ready()) || !probe()) return;
        done = true;
        void document.body.offsetHeight; // force style + layout
        const t1 = performance.now();
        mo.disconnect(); clearInterval(iv); clearTimeout(to);
        resolve(t1 - t0);
      };
      const mo = new MutationObserver(finish);
      mo.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      const iv = setInterval(() => finish(mo.takeRecords()), 4);
      const to = setTimeout(() => {
        if (done) return;
        done = true; mo.disconnect(); clearInterval(iv);
        reject(new Error(name + ": DOM did not reach the expected state within " + timeoutMs + " ms"));
      }, timeoutMs);
      t0 = window.benchT0 = performance.now();
      click(el);
      window.benchTRet = performance.now();
      finish(mo.takeRecords());
    });
  }

  const settle = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

  async function iteration(op, timeoutMs) {
    timeoutMs = timeoutMs || 300000;
    const [setup, action] = OPS[op];
    const ts = performance.now();
    for (const s of setup) {
      if (s === "ssr") {
        await ssrSetup();
      } else if (s === "clear?") {
        if (model.rows.length) await act("clear", timeoutMs);
      } else {
        await act(s, timeoutMs);
      }
      await settle();
    }
    const setupMs = performance.now() - ts;
    const errs = fullCheck();
    if (errs.length) return { error: "after setup of " + op + ": " + errs.join("; ") };
    const before = Array.from(document.getElementById("tbody").rows);
    window.benchPyBuild = window.benchPyRender = null;
    if (window.gc) window.gc();
    await settle();
    const ms = await act(action, timeoutMs);
    // Python apps may report where their time went (ms): building VNodes, root.render.
    const py = window.benchPyBuild == null ? null : { build: window.benchPyBuild, render: window.benchPyRender,
      calls: window.benchPyCalls, crossings: window.benchPyCrossings,
      // click -> Python handler entered; handler exit -> DOM checked and laid out
      enter: window.benchPyEnter - window.benchT0, after: ms - (window.benchPyExit - window.benchT0),
      ret: window.benchTRet - window.benchPyExit };
    const check = fullCheck();
    const keyed = keyedCheck(op, before);
    await settle();
    const out = { ms, setupMs, py, errors: check, keyed, rows: model.rows.length };
    if (op === "hydrate1k" && !check.length) {
      out.mutations = Object.assign({}, mut);
      out.hydration = JSON.parse(window.benchHydration);
      // The hydrated page keeps working: update every 10th row, then select, checked.
      out.after = {};
      for (const [a, kop] of [["update", "update10th"], ["select1", "select"]]) {
        const rows = Array.from(document.getElementById("tbody").rows);
        out.after[kop] = await act(a, timeoutMs);
        const errs = fullCheck();
        const k = keyedCheck(kop, rows);
        if (errs.length || k) out.errors = ["after hydration, " + kop + ": " + errs.concat(k ? [k] : []).join("; ")];
        await settle();
      }
    }
    return out;
  }

  // hydrate1k's setup: the server's hydratable markup for the store's next 1,000 rows.
  async function ssrSetup() {
    const target = window.benchSsrTarget;
    if (!target) throw new Error("this page cannot hydrate (no window.benchSsrTarget)");
    const h1 = document.querySelector("h1");
    const q = new URLSearchParams({ next_id: model.nextId, seed: model.seed, count: 1000, part: target,
      title: h1 ? h1.textContent : "" });
    const resp = await fetch("/bench/ssr-markup?" + q);
    if (!resp.ok) throw new Error("/bench/ssr-markup: HTTP " + resp.status);
    const html = await resp.text();
    if (window.benchSsrPrepare) window.benchSsrPrepare();
    document.getElementById(target).innerHTML = html;
    window.benchHydration = null;
    M.run(1000);
  }

  // ?ttfc=1: first content and interactive, in ms after navigation start (performance.now()).
  // fcp: the first-contentful-paint entry; content: when <tbody> first holds ?rows=N rows
  // (a MutationObserver while the page loads; DOMContentLoaded checks too); interactive:
  // row 1's label link is clicked every 5 ms (a synthetic click, as a user's) from the
  // moment it exists, and the first click that selects the row (class "danger", set by
  // the app's handler, synchronously) gives the time.
  function ttfc() {
    const q = new URLSearchParams(location.search);
    if (q.get("ttfc") !== "1") return;
    const want = +(q.get("rows") || 0);
    const T = window.benchTtfc = { fcp: null, fp: null, content: null, dcl: null, interactive: null, pokes: 0 };
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          if (e.name === "first-contentful-paint") T.fcp = e.startTime;
          else if (e.name === "first-paint") T.fp = e.startTime;
        }
      }).observe({ type: "paint", buffered: true });
    } catch (e) { T.paintError = String(e); }
    const check = () => {
      const tb = document.getElementById("tbody");
      if (T.content == null && tb && tb.rows.length === want) { T.content = performance.now(); mo.disconnect(); }
    };
    const mo = new MutationObserver(check);
    mo.observe(document, { childList: true, subtree: true });
    document.addEventListener("DOMContentLoaded", () => { T.dcl = performance.now(); check(); });
    const poke = setInterval(() => {
      const tb = document.getElementById("tbody");
      const tr = tb && tb.rows[1];
      const a = tr && tr.cells[1] && tr.cells[1].firstElementChild;
      if (!a) return;
      T.pokes++;
      click(a);
      if (tr.className === "danger") { T.interactive = performance.now(); clearInterval(poke); }
    }, 5);
  }
  ttfc();

  window.__bench = { iteration, model, fullCheck, probe, OPS, mut };
})();
