// The app and the interpreter of bench/browser/python.html, from the URL:
// ?app=pyvdom (default), puepy, vdomapp (PuePy's page with its imports changed to vdom.app,
// written by `python -m bench.browser` into .cache/) or vdomapp-rows (vdom.app, a keyed row
// component), &interp=mpy (MicroPython, default) or py (Pyodide).
// A classic script runs while the page is parsed, before PyScript's core.js (a deferred
// module script) looks for Python scripts, so adding the script elements here is the same
// as writing them in the page:
//   <script type="mpy" src="./app_pyvdom.py" config="./.cache/config/pyvdom-mpy.json"></script>
//   <script type="mpy" src="./memprobe.py"></script>
// memprobe.py runs after the app in the same interpreter: window.benchGcCollect() and
// window.benchHeap() let the harness and the browser tests read the Python heap.
(() => {
  const q = new URLSearchParams(location.search);
  const APPS = {
    pyvdom: ["./app_pyvdom.py", "pyvdom", "pyvdom"],
    puepy: ["./app_puepy.py", "puepy", "PuePy 0.6.5"],
    vdomapp: ["./.cache/app_vdomapp.py", "vdomapp", "vdom.app (PuePy's page, imports changed)"],
    "vdomapp-rows": ["./app_vdomapp_rows.py", "vdomapp", "vdom.app (row components)"],
  };
  const app = APPS[q.get("app")] || APPS.pyvdom;
  const interp = q.get("interp") === "py" ? "py" : "mpy";
  document.title = "JFB: " + app[2] + " (" + (interp === "py" ? "Pyodide" : "MicroPython") + ")";
  const s = document.createElement("script");
  s.setAttribute("type", interp);
  s.setAttribute("src", app[0]);
  s.setAttribute("config", "./.cache/config/" + app[1] + "-" + interp + ".json");
  const probe = document.createElement("script");
  probe.setAttribute("type", interp);
  probe.setAttribute("src", "./memprobe.py");
  document.currentScript.after(s, probe);
})();
