"""Cold start-up of a built app against a bare PyScript page (a maintainer's tool; needs Playwright
and Chromium: pip install -e '.[browser]').

    python -m vdom.cli.measure_startup [--runs 9] [--py-runs 3] [--app DIR]

Builds the app (default: a fresh ``python -m vdom new`` app) in four ways: .mpy with the module
bundle (the default build), .mpy with one request per module (``--no-bundle``), .py (``--no-mpy``),
and .mpy + bundle + ``--prerender``; adds to a build a bare page per interpreter that only runs
``print("ready")`` (the same PyScript and interpreter files, the same server), and loads each page
in a fresh browser context (cold HTTP cache), the cases taking turns (round robin: load on the
machine hits them alike), ``--runs`` times each (``--py-runs`` under Pyodide). "Ready" is
``performance.now()`` (ms since navigation start) when the app is interactive: its first ``<h1>``
appears in ``#app`` (a MutationObserver; its listeners are attached in the same render), for a
prerendered page when hydration is done (the app takes the early events recorder's queue), for the
bare page when its print reaches the console. "First content" is when an ``<h1>`` is first in
``#app`` (at HTML parse time for a prerendered page). Bytes are the response bodies the page
fetched. Prints medians with min-max and a Markdown table.
"""

import argparse
import os
import shutil
import statistics
import sys
import tempfile

from vdom.cli import appkit

BARE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>bare</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="./pyscript/core.css">
<script type="module" src="./pyscript/core.js"></script></head>
%s<body><script type="%s" config='{"interpreter": "%s"}'>print("ready")</script></body></html>
"""
# What the built page's loader preloads (settings "preload"), for a bare page that does the same.
PRELOAD = """<link rel="modulepreload" href="./interpreters/micropython/micropython.mjs">
<link rel="preload" as="fetch" crossorigin="anonymous" href="./interpreters/micropython/micropython.wasm">
"""


def without_preload(out):
    """index-nopreload.html: the built page with a loader that preloads nothing."""
    import json

    with open(os.path.join(out, "pyvdom.js")) as f:
        src = f.read()
    i = src.index("const S = ") + len("const S = ")
    j = src.index(";\n", i)
    settings = json.loads(src[i:j])
    settings["preload"] = None
    with open(os.path.join(out, "pyvdom-nopreload.js"), "w") as f:
        f.write(src[:i] + json.dumps(settings) + src[j:])
    with open(os.path.join(out, "index.html")) as f:
        html = f.read()
    with open(os.path.join(out, "index-nopreload.html"), "w") as f:
        f.write(html.replace("./pyvdom.js", "./pyvdom-nopreload.js"))
PROBE = """
(() => {
  window.__ready = window.__content = null;
  let early = null, prerendered = false;
  const log = console.log;
  console.log = function (...a) { if (window.__ready === null && String(a[0]).trim() === "ready") window.__ready = performance.now(); return log.apply(this, a); };
  // A prerendered page: interactive when the app takes the recorder's queue (after hydration).
  Object.defineProperty(window, "pyvdomEarly", { configurable: true, get: () => early, set: (v) => {
    early = v; prerendered = true;
    const take = v.take;
    v.take = function () { if (window.__ready === null) window.__ready = performance.now(); return take.apply(this, arguments); };
  } });
  new MutationObserver((_, obs) => {
    if (window.__content === null && document.querySelector("#app h1")) {
      window.__content = performance.now();
      if (!prerendered && window.__ready === null) window.__ready = window.__content;
    }
  }).observe(document, { childList: true, subtree: true });
})();
"""
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--headless", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def load_once(browser, url):
    ctx = browser.new_context()
    ctx.add_init_script(PROBE)
    page = ctx.new_page()
    sizes = []
    page.on("requestfinished", lambda r: sizes.append(r.sizes()["responseBodySize"]))
    page.goto(url)
    page.wait_for_function("window.__ready !== null", timeout=120_000)
    ready, content = page.evaluate("[window.__ready, window.__content]")
    page.wait_for_timeout(200)
    ctx.close()
    return ready, sum(sizes), len(sizes), content if content is not None else ready


def _spread(values):
    return statistics.median(values), min(values), max(values)


def main(argv=None):
    ap = argparse.ArgumentParser(prog="python -m vdom.cli.measure_startup", description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=9, help="cold loads per MicroPython page (default 9)")
    ap.add_argument("--py-runs", type=int, default=3, help="cold loads per Pyodide page (default 3)")
    ap.add_argument("--app", help="the app folder (default: a new one from `python -m vdom new`)")
    args = ap.parse_args(argv)
    from playwright.sync_api import sync_playwright
    from vdom.cli import build as build_cmd, new as new_cmd

    tmp = tempfile.mkdtemp(prefix="pyvdom-startup-")
    servers = []
    try:
        app = args.app or os.path.join(tmp, "app")
        if not args.app:
            new_cmd.create(app)
        base = {}
        for kind, opts in (("mpy", {}), ("files", {"bundle": False}), ("py", {"mpy": False}),
                           ("pre", {"prerender": True})):
            out = os.path.join(tmp, "dist-" + kind)
            build_cmd.build(app, out, **opts)
            for it, mjs in (("mpy", "micropython/micropython.mjs"), ("py", "pyodide/pyodide.mjs")):
                with open(os.path.join(out, "bare-%s.html" % it), "w") as f:
                    f.write(BARE % ("", it, "./interpreters/" + mjs))
            with open(os.path.join(out, "bare-mpy-preload.html"), "w") as f:
                f.write(BARE % (PRELOAD, "mpy", "./interpreters/micropython/micropython.mjs"))
            without_preload(out)
            servers.append(appkit.serve_static(out))
            base[kind] = "http://127.0.0.1:%d/" % servers[-1].server_address[1]
        cases = [("MicroPython", "bare page (print only)", base["mpy"] + "bare-mpy.html", args.runs),
                 ("MicroPython", "bare page, interpreter preloaded", base["mpy"] + "bare-mpy-preload.html",
                  args.runs),
                 ("MicroPython", "app, .mpy, a request per module (--no-bundle)", base["files"] + "?mpy", args.runs),
                 ("MicroPython", "app, .mpy, bundle, no preload", base["mpy"] + "index-nopreload.html?mpy",
                  args.runs),
                 ("MicroPython", "app, .mpy, module bundle (default)", base["mpy"] + "?mpy", args.runs),
                 ("MicroPython", "app, .mpy, bundle, --prerender", base["pre"] + "?mpy", args.runs),
                 ("MicroPython", "app, .py (--no-mpy), bundle", base["py"] + "?mpy", args.runs),
                 ("Pyodide", "bare page (print only)", base["py"] + "bare-py.html", args.py_runs),
                 ("Pyodide", "app, .py, module bundle (default)", base["py"] + "?py", args.py_runs),
                 ("Pyodide", "app, .py, bundle, --prerender", base["pre"] + "?py", args.py_runs)]
        samples = {i: [] for i in range(len(cases))}
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"),
                                        args=CHROMIUM_ARGS)
            load_once(browser, cases[0][2])                        # warm the browser itself
            for r in range(max(args.runs, args.py_runs)):          # round robin: the cases take turns
                for i, (interp, what, url, runs) in enumerate(cases):
                    if r < runs:
                        samples[i].append(load_once(browser, url))
                sys.stderr.write("round %d done\n" % (r + 1))
            browser.close()
        rows = []
        for i, (interp, what, url, runs) in enumerate(cases):
            ss = samples[i]
            rows.append((interp, what, _spread([x[0] for x in ss]), _spread([x[3] for x in ss]), ss[0][1], ss[0][2],
                         runs))
        bare = {r[0]: r[2][0] for r in rows if r[1].startswith("bare page (")}
        print("| interpreter | page | ready, median (min-max) | vs bare | first content | bytes (requests) |")
        print("|---|---|---|---|---|---|")
        for interp, what, ready, content, size, n, runs in rows:
            print("| %s | %s | %.0f ms (%.0f-%.0f) | %.2fx | %.0f ms | %s (%d) |"
                  % (interp, what, ready[0], ready[1], ready[2], ready[0] / bare[interp], content[0],
                     "{:,}".format(size), n))
        print("\n%d cold loads per MicroPython page, %d per Pyodide page, round robin."
              % (args.runs, args.py_runs))
    finally:
        for s in servers:
            s.shutdown()
            s.server_close()
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
