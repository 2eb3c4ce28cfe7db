// The gallery's page chrome, and the interpreter the URL names: `?mpy` MicroPython (also
// without a query), `?py` Pyodide.  An example's page (examples/NAME/index.html) is only
//
//   <!doctype html>
//   <meta charset="utf-8">
//   <title>Todo list &middot; pyvdom</title>
//   <script type="module" src="/node_modules/@pyscript/core/dist/core.js"></script>
//   <body><script src="../loader.js"></script>
//
// This classic script runs while the page is parsed, so before core.js (a module script:
// deferred until the document is parsed) looks for Python scripts.  It adds the stylesheets,
// the navigation bar (#interp, and #other: the same example under the other interpreter),
// `<div id="app" class="loading">` and, right after itself, what a page with a fixed
// interpreter would contain:
//
//   <script type="mpy" src="./app.py" config="../mpy.json"></script>   (or "py", ../py.json)
//
// The query, not the hash, names the interpreter: the todo and router examples route on the hash.
(() => {
  const NAMES = { mpy: "MicroPython", py: "Pyodide" };
  const type = new URLSearchParams(location.search).has("py") ? "py" : "mpy";
  const other = type === "py" ? "mpy" : "py";
  const example = document.title.split(" \u00b7 ")[0];
  const el = (tag, attrs, ...children) => {
    const e = document.createElement(tag);
    for (const name in attrs) e.setAttribute(name, attrs[name]);
    e.append(...children);
    return e;
  };

  document.documentElement.lang = "en";
  document.title = [example, NAMES[type], "pyvdom"].join(" \u00b7 ");
  document.head.append(
    el("meta", { name: "viewport", content: "width=device-width, initial-scale=1" }),
    el("link", { rel: "icon", href: "data:," }),
    el("link", { rel: "stylesheet", href: "/node_modules/@pyscript/core/dist/core.css" }),
    el("link", { rel: "stylesheet", href: "../gallery.css" }));
  const me = document.currentScript;
  me.before(
    el("nav", { class: "top" }, el("a", { href: "../" }, "pyvdom examples"),
       " \u203a " + example + " \u00b7 ", el("b", { id: "interp" }, NAMES[type]),
       " | ", el("a", { id: "other", href: "?" + other }, NAMES[other])),
    el("div", { id: "app", class: "loading" }, "Loading " + NAMES[type] + "\u2026"));
  me.after(el("script", { type, src: "./app.py", config: "../" + type + ".json" }));
})();
