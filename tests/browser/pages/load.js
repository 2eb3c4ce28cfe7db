// The Python script of a test page, under the interpreter the URL names: `?py` Pyodide, else
// MicroPython.  The page names its script in data-script on this element; the config
// (./.cache/NAME-mpy.json or -py.json) is written by pagehelpers.write_page_configs.
(() => {
  const me = document.currentScript;
  const name = me.dataset.script;
  const t = new URLSearchParams(location.search).has("py") ? "py" : "mpy";
  const s = document.createElement("script");
  s.setAttribute("type", t);
  s.setAttribute("src", "./" + name + ".py");
  s.setAttribute("config", "./.cache/" + name + "-" + t + ".json");
  me.after(s);
})();
