// pyvdom.js, written by `python -m vdom dev` (served) and `python -m vdom build` (a file):
// the page's classic script, at the end of <body>.  It picks the interpreter from the URL
// (`?py`: Pyodide, otherwise MicroPython; `?mpy` says so explicitly), adds PyScript's
// stylesheet and what a page with a fixed interpreter would hold:
//
//   <script type="mpy" src="./main.py" config="./pyscript-mpy.json"></script>
//   <script type="module" src="./pyscript/core.js"></script>
//
// (a build inlines main.py's one line and, with its module bundle, imports core.js itself to
// hook PyScript's start-up)
// and checks, while PyScript starts, that the config names the interpreter of the script's type
// (PyScript itself fails with "e is not a function" when a Pyodide page gets MicroPython's).
// The DomRenderer's guards (renderers/dom.py, _GUARDS_JS), defined here so that under MicroPython
// it need not add its inline script while the app starts.
if (!window.__pyvdomGuards) /*GUARDS*/
(() => {
  const S = /*SETTINGS*/{};
  const NAMES = { mpy: "MicroPython", py: "Pyodide" };
  const q = new URLSearchParams(location.search);
  const type = q.has("py") ? "py" : "mpy";
  const me = document.currentScript;
  const add = (tag, attrs, where) => {
    const e = document.createElement(tag);
    for (const k in attrs) e.setAttribute(k, attrs[k]);
    where(e);
    return e;
  };
  // URLs are relative to the page's base URL (a prerendered route's page, route/index.html, has
  // <base href="../">); PyScript resolves them against the address instead, so they go absolute.
  const abs = (u) => (u ? new URL(u, document.baseURI).href : u);
  window.pyvdom = Object.assign(window.pyvdom || {}, { interpreter: type, loader: S });
  // `build`: the app's modules in one file (S.bundles), fetched now, beside PyScript and the
  // interpreter, and written into the interpreter's file system before the app's code runs (the
  // config then lists no files); the interpreter's files preloaded (S.preload).
  const bundle = S.bundles && S.bundles[type]
    ? fetch(abs(S.bundles[type])).then((r) => {
        if (!r.ok) throw new Error(S.bundles[type] + ": HTTP " + r.status);
        return r.arrayBuffer();
      })
    : null;
  if (bundle) bundle.catch(() => {});            // reported when PyScript asks for it
  for (const [as, href] of (S.preload && S.preload[type]) || []) {
    const attrs = as === "module" ? { rel: "modulepreload", href: abs(href) }
      : { rel: "preload", as, href: abs(href), crossorigin: "anonymous" };
    add("link", attrs, (e) => document.head.append(e));
  }
  add("link", { rel: "stylesheet", href: abs(S.css) }, (e) => document.head.append(e));
  // `build` gives the config itself (S.configData): passed inline, its URLs made absolute, since
  // PyScript resolves a config's URLs against the address, not the page's <base> (a prerendered
  // route's page, route/index.html, would ask for route/interpreters/...); and no request for it.
  const data = S.configData && S.configData[type];
  let config = abs(S.configs[type]);
  if (data) {
    const c = Object.assign({}, data), files = {};
    if (c.interpreter) c.interpreter = abs(c.interpreter);
    for (const k in c.files || {}) files[abs(k)] = c.files[k];
    c.files = files;
    config = JSON.stringify(c);
  }
  const script = add("script", { type, config }, (e) => me.after(e));
  if (S.mainCode) script.textContent = S.mainCode;   // no request for the entry module
  else script.setAttribute("src", abs(S.main));
  if (bundle) {
    import(abs(S.core)).then(({ hooks }) => hooks.main.onReady.add(async (wrap, element) => {
      if (element !== script) return;
      const FS = wrap.interpreter.FS, data = await bundle;
      // [4 bytes: n, little-endian][n bytes: JSON [[path, size], ...]][the files, in that order]
      const n = new DataView(data, 0, 4).getUint32(0, true);
      const index = JSON.parse(new TextDecoder().decode(new Uint8Array(data, 4, n)));
      const made = new Set();
      let at = 4 + n;
      for (const [path, size] of index) {
        const parts = path.split("/");
        for (let i = 1; i < parts.length; i++) {
          const dir = parts.slice(0, i).join("/");
          if (!made.has(dir)) {
            made.add(dir);
            try { FS.mkdir(dir); } catch (_) { /* exists */ }
          }
        }
        FS.writeFile(path, new Uint8Array(data, at, size));
        at += size;
      }
    }));
  } else {
    add("script", { type: "module", src: abs(S.core) }, (e) => document.head.append(e));
  }

  const fail = (msg) => {
    console.error("pyvdom: " + msg);
    const box = document.getElementById("app") || document.body;
    const p = document.createElement("pre");
    p.className = "pyvdom-config-error";
    p.textContent = msg;
    box.replaceChildren(p);
  };
  // The check runs beside PyScript's own fetch of the config (the HTTP cache serves one of them);
  // a config the build gave inline names the right interpreter.
  if (!data) fetch(abs(S.configs[type])).then((r) => r.json()).then((cfg) => {
    const url = String(cfg.interpreter || "");
    const isMpy = /micropython/i.test(url), isPy = /pyodide/i.test(url);
    if ((type === "py" && isMpy) || (type === "mpy" && isPy)) {
      const other = type === "py" ? "mpy" : "py";
      fail(S.configs[type] + ' names the ' + NAMES[other] + ' interpreter (' + url + ') but this page runs ' +
           '<script type="' + type + '"> (' + NAMES[type] + '). A PyScript config serves one interpreter: use one ' +
           'whose "interpreter" is ' + (type === "py" ? "pyodide.mjs" : "micropython.mjs") +
           ', or type="' + other + '".');
    }
  }).catch(() => {});

  if (S.sw && "serviceWorker" in navigator) {
    navigator.serviceWorker.register(S.sw).catch((e) => console.warn("pyvdom: service worker: " + e));
  }
  if (S.dev) {
    // `python -m vdom dev`: reload when a source file changes; a syntax error (checked by the
    // server) or an error while the app's module runs (dev_main.py) shows in an overlay.
    const overlay = (text) => {
      let box = document.getElementById("vdom-dev-overlay");
      if (!text) { if (box) box.remove(); return; }
      if (!box) {
        box = document.createElement("div");
        box.id = "vdom-dev-overlay";
        box.setAttribute("role", "alert");
        box.style.cssText = "position:fixed;left:0;right:0;bottom:0;max-height:60%;overflow:auto;" +
          "z-index:2147483647;background:#fff0f0;color:#600;border-top:3px solid #c00;" +
          "font:13px/1.4 monospace;padding:8px 12px";
        const close = document.createElement("button");
        close.textContent = "close";
        close.style.float = "right";
        close.onclick = () => box.remove();
        box.append(close, document.createElement("pre"));
        document.body.append(box);
      }
      box.querySelector("pre").textContent = text;
    };
    window.pyvdomDevError = overlay;
    const events = new EventSource(S.dev);
    events.addEventListener("reload", () => location.reload());
    events.addEventListener("error-text", (e) => overlay(JSON.parse(e.data)));
  }
})();
