"""Cold start-up of a built app against a bare PyScript page (a maintainer's tool; needs Playwright
and Chromium: pip install -e '.[browser]').

    python -m vdom.cli.measure_startup [--runs 9] [--py-runs 5] [--app DIR]

Builds the app (default: a fresh ``python -m vdom new`` app) twice, with .mpy and with --no-mpy,
adds to the build a bare page per interpreter that only runs ``print("ready")`` (the same
PyScript and interpreter files, the same server), and loads each page in a fresh browser
context (cold HTTP cache) ``--runs`` times (``--py-runs`` under Pyodide). "Ready" is
``performance.now()`` (ms since navigation start) when the app's first ``<h1>`` appears in
``#app`` (a MutationObserver), or when the bare page's print reaches the console. Bytes are the
response bodies the page fetched. Prints medians with min-max and a Markdown table.
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
<body><script type="%s" config='{"interpreter": "%s"}'>print("ready")</script></body></html>
"""
PROBE = """
(() => {
  window.__ready = null;
  const log = console.log;
  console.log = function (...a) { if (window.__ready === null && String(a[0]).trim() === "ready") window.__ready = performance.now(); return log.apply(this, a); };
  new MutationObserver((_, obs) => {
    if (window.__ready === null && document.querySelector("#app h1")) { window.__ready = performance.now(); obs.disconnect(); }
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
    ready = page.evaluate("window.__ready")
    page.wait_for_timeout(200)
    ctx.close()
    return ready, sum(sizes), len(sizes)


def main(argv=None):
    ap = argparse.ArgumentParser(prog="python -m vdom.cli.measure_startup", description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=9, help="cold loads per MicroPython page (default 9)")
    ap.add_argument("--py-runs", type=int, default=5, help="cold loads per Pyodide page (default 5)")
    ap.add_argument("--app", help="the app folder (default: a new one from `python -m vdom new`)")
    args = ap.parse_args(argv)
    from playwright.sync_api import sync_playwright
    from vdom.cli import build as build_cmd, new as new_cmd

    tmp = tempfile.mkdtemp(prefix="pyvdom-startup-")
    try:
        app = args.app or os.path.join(tmp, "app")
        if not args.app:
            new_cmd.create(app)
        builds = {}
        for kind, mpy in (("mpy", True), ("py", False)):
            out = os.path.join(tmp, "dist-" + kind)
            build_cmd.build(app, out, mpy=mpy)
            for it, mjs in (("mpy", "micropython/micropython.mjs"), ("py", "pyodide/pyodide.mjs")):
                with open(os.path.join(out, "bare-%s.html" % it), "w") as f:
                    f.write(BARE % (it, "./interpreters/" + mjs))
            builds[kind] = appkit.serve_static(out)
        base = {k: "http://127.0.0.1:%d/" % s.server_address[1] for k, s in builds.items()}
        cases = [("MicroPython", "bare page (print only)", base["mpy"] + "bare-mpy.html", args.runs),
                 ("MicroPython", "vdom.app app, .mpy", base["mpy"] + "?mpy", args.runs),
                 ("MicroPython", "vdom.app app, .py (--no-mpy)", base["py"] + "?mpy", args.runs),
                 ("Pyodide", "bare page (print only)", base["py"] + "bare-py.html", args.py_runs),
                 ("Pyodide", "vdom.app app, .py", base["py"] + "?py", args.py_runs)]
        rows = []
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"),
                                        args=CHROMIUM_ARGS)
            load_once(browser, cases[0][2])                        # warm the browser itself
            for interp, what, url, runs in cases:
                samples = [load_once(browser, url) for _ in range(runs)]
                times = [s[0] for s in samples]
                rows.append((interp, what, statistics.median(times), min(times), max(times), samples[0][1],
                             samples[0][2], runs))
                sys.stderr.write("%-11s %-30s median %6.0f ms (%.0f-%.0f)  %s bytes in %d requests\n"
                                 % (interp, what, rows[-1][2], rows[-1][3], rows[-1][4],
                                    "{:,}".format(rows[-1][5]), rows[-1][6]))
            browser.close()
        bare = {r[0]: r[2] for r in rows if r[1].startswith("bare")}
        print("| interpreter | page | ready, median (min-max) | vs bare | bytes (requests) |")
        print("|---|---|---|---|---|")
        for interp, what, med, lo, hi, size, n, runs in rows:
            print("| %s | %s | %.0f ms (%.0f-%.0f), %d runs | %.2fx | %s (%d) |"
                  % (interp, what, med, lo, hi, runs, med / bare[interp], "{:,}".format(size), n))
        for s in builds.values():
            s.shutdown()
            s.server_close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
