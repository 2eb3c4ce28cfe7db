// The app and the interpreter of bench/browser/python.html, from the URL:
// ?app=pyvdom (default) or puepy, &interp=mpy (MicroPython, default) or py (Pyodide).
// A classic script runs while the page is parsed, before PyScript's core.js (a deferred
// module script) looks for Python scripts, so adding the script element here is the same
// as writing it in the page:
//   <script type="mpy" src="./app_pyvdom.py" config="./.cache/config/pyvdom-mpy.json"></script>
(() => {
  const q = new URLSearchParams(location.search);
  const app = q.get("app") === "puepy" ? "puepy" : "pyvdom";
  const interp = q.get("interp") === "py" ? "py" : "mpy";
  document.title = "JFB: " + (app === "puepy" ? "PuePy 0.6.5" : "pyvdom") + " (" +
    (interp === "py" ? "Pyodide" : "MicroPython") + ")";
  const s = document.createElement("script");
  s.setAttribute("type", interp);
  s.setAttribute("src", "./app_" + app + ".py");
  s.setAttribute("config", "./.cache/config/" + app + "-" + interp + ".json");
  document.currentScript.after(s);
})();
