"""What ``new``, ``dev`` and ``build`` share (CPython only).

* the pinned npm packages (PyScript and both interpreters) and where they are
  installed (``node_modules`` found or made with ``npm ci`` on first use);
* the modules an app imports (``ast`` over the app's and pyvdom's files,
  starting from the entry file), which are all a page ships;
* the PyScript configs and the page loader (``pyvdom.js``) both commands write;
* a static file server for 127.0.0.1.
"""

import ast
import functools
import hashlib
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading

from vdom.cli.errors import CliError

HERE = os.path.dirname(os.path.abspath(__file__))
TEMPLATES = os.path.join(HERE, "templates")
# The folder holding the ``vdom`` and ``renderers`` packages (a checkout or site-packages).
PYVDOM_ROOT = os.path.dirname(os.path.dirname(HERE))
PYVDOM_PACKAGES = ("vdom", "renderers")
NPM_DIR = os.path.join(TEMPLATES, "npm")

MPY_PKG = "@micropython/micropython-webassembly-pyscript"
PYODIDE_PKG = "pyodide"
PYSCRIPT_PKG = "@pyscript/core"
# Files each interpreter needs (checked by loading from folders holding only these).
INTERPRETER_FILES = {
    "mpy": (MPY_PKG, ("micropython.mjs", "micropython.wasm"), "micropython.mjs"),
    "py": (PYODIDE_PKG, ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
                         "pyodide-lock.json"), "pyodide.mjs"),
}
INTERPRETER_NAMES = {"mpy": "MicroPython", "py": "Pyodide"}
# Chunks of @pyscript/core's dist/ (name before the hash) that core.js loads on every page.
PYSCRIPT_CHUNKS = ("core", "error", "deprecations-manager", "donkey", "py-editor", "py-game", "py-terminal")
CDN = "https://cdn.jsdelivr.net/npm/"
ENTRY_MODULE_SOURCE = "import %s  # the app (written by python -m vdom %s)\n"


def log(msg):
    sys.stderr.write(msg + "\n")
    sys.stderr.flush()


# -- npm packages ---------------------------------------------------------------------------

def pins():
    """{npm package: exact version} of PyScript and the interpreters (templates/npm/package.json)."""
    with open(os.path.join(NPM_DIR, "package.json")) as f:
        return json.load(f)["dependencies"]


def _installed_version(node_modules, pkg):
    try:
        with open(os.path.join(node_modules, pkg, "package.json")) as f:
            return json.load(f).get("version")
    except (OSError, ValueError):
        return None


def _fits(node_modules):
    want = pins()
    return all(_installed_version(node_modules, p) == v for p, v in want.items())


def cache_dir():
    base = os.environ.get("PYVDOM_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "pyvdom")
    return base


def find_node_modules(app_dir=None, install=True):
    """A ``node_modules`` folder holding the pinned packages.

    Looked for in ``$PYVDOM_NODE_MODULES``, the app's folder, pyvdom's checkout, then the
    cache (``~/.cache/pyvdom/npm-<hash>``), where ``npm ci`` installs them on first use.
    """
    candidates = []
    if os.environ.get("PYVDOM_NODE_MODULES"):
        candidates.append(os.environ["PYVDOM_NODE_MODULES"])
    if app_dir:
        candidates.append(os.path.join(app_dir, "node_modules"))
    candidates.append(os.path.join(PYVDOM_ROOT, "node_modules"))
    with open(os.path.join(NPM_DIR, "package-lock.json"), "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()[:12]
    cache = os.path.join(cache_dir(), "npm-" + digest)
    candidates.append(os.path.join(cache, "node_modules"))
    for c in candidates:
        if _fits(c):
            return os.path.abspath(c)
    if not install:
        raise CliError("PyScript and its interpreters are not installed (looked in %s)" % ", ".join(candidates))
    npm = shutil.which("npm")
    want = ", ".join("%s@%s" % kv for kv in sorted(pins().items()))
    if shutil.which("node") is None or npm is None:
        raise CliError("the interpreters come from npm packages (%s), installed on first use with `npm ci`, "
                       "but %s is not installed: install Node.js >= 20 with npm (https://nodejs.org), "
                       "or pass --cdn (dev only) to load them from PyScript's CDN"
                       % (want, "node" if shutil.which("node") is None else "npm"))
    os.makedirs(cache, exist_ok=True)
    for name in ("package.json", "package-lock.json"):
        shutil.copyfile(os.path.join(NPM_DIR, name), os.path.join(cache, name))
    log("pyvdom: installing %s into %s (npm ci, once) ..." % (want, cache))
    r = subprocess.run([npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"], cwd=cache)
    if r.returncode != 0 or not _fits(os.path.join(cache, "node_modules")):
        raise CliError("`npm ci` in %s failed (exit %d): is the npm registry reachable?" % (cache, r.returncode))
    return os.path.join(cache, "node_modules")


def pyscript_files(node_modules):
    """The files of @pyscript/core's dist/ a page loads: core.js, core.css and the chunks
    core.js imports at start-up (its plugins' entry points); not the source maps, nor what
    only the editor, terminal or zip archives load (codemirror, xterm, toml, zip)."""
    dist = os.path.join(node_modules, PYSCRIPT_PKG, "dist")
    names = sorted(os.listdir(dist))
    keep = []
    for n in names:
        stem = n.rsplit(".", 1)[0].rsplit("-", 1)[0]     # the name without its content hash
        if n.endswith(".map") or not n.endswith((".js", ".css")):
            continue
        if n in ("core.js", "core.css") or stem in PYSCRIPT_CHUNKS:
            keep.append(n)
    return dist, keep


# -- the app -------------------------------------------------------------------------------

class App:
    """An app folder and its entry file (``app.py`` unless PATH names a ``.py`` file)."""

    def __init__(self, path):
        path = os.path.abspath(path or ".")
        if os.path.isdir(path):
            entry = os.path.join(path, "app.py")
            if not os.path.isfile(entry):
                raise CliError("%s has no app.py (make an app with `python -m vdom new NAME`, or name the "
                               "entry file: PATH/main.py)" % path)
        elif os.path.isfile(path) and path.endswith(".py"):
            entry = path
        else:
            raise CliError("%s: no such app folder or .py file" % path)
        self.entry = entry
        self.dir = os.path.dirname(entry)
        self.module = os.path.basename(entry)[:-3]
        self.name = os.path.basename(self.dir) or "app"
        self.index = os.path.join(self.dir, "index.html")


def _module_file(root, name):
    base = os.path.join(root, *name.split("."))
    if os.path.isfile(base + ".py"):
        return base + ".py"
    if os.path.isfile(os.path.join(base, "__init__.py")):
        return os.path.join(base, "__init__.py")
    return None


def _locate(name, app_dir):
    """(root, file) of module ``name`` in the app's folder or pyvdom's packages, or None."""
    top = name.split(".")[0]
    f = _module_file(app_dir, name)
    if f is not None:
        return app_dir, f
    if top in PYVDOM_PACKAGES:
        f = _module_file(PYVDOM_ROOT, name)
        if f is not None:
            return PYVDOM_ROOT, f
    return None


def _imported_names(tree, modname, is_package):
    """Every module name an import statement anywhere in ``tree`` may load (functions included:
    pyvdom imports some modules lazily)."""
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                parts = a.name.split(".")
                out.extend(".".join(parts[:i]) for i in range(1, len(parts) + 1))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                pkg = modname.split(".") if is_package else modname.split(".")[:-1]
                if node.level > 1:
                    pkg = pkg[:len(pkg) - (node.level - 1)]
                base = ".".join(pkg + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            if base:
                parts = base.split(".")
                out.extend(".".join(parts[:i]) for i in range(1, len(parts) + 1))
            for a in node.names:
                if a.name != "*":
                    out.append((base + "." if base else "") + a.name)   # maybe a submodule
    return out


def module_graph(app, strict=True):
    """{module name: (root, file)} of every module reachable by imports from the entry file,
    among the app's own modules and pyvdom's (``vdom``, ``renderers``); stdlib, ``js``,
    ``pyscript`` and anything else the browser provides are not files to ship.  A syntax
    error is a CliError, or with ``strict=False`` a module whose imports are not followed."""
    found = {app.module: (app.dir, app.entry)}
    todo = [app.module]
    while todo:
        name = todo.pop()
        root, path = found[name]
        with open(path, "rb") as f:
            src = f.read()
        try:
            tree = ast.parse(src, path)
        except SyntaxError as e:
            if strict:
                raise CliError(syntax_message(e))
            continue
        for dep in _imported_names(tree, name, path.endswith("__init__.py")):
            if dep in found:
                continue
            loc = _locate(dep, app.dir)
            if loc is None:
                continue
            found[dep] = loc
            todo.append(dep)
    return found


def shipped_files(app, strict=True):
    """Sorted [(relative path in the interpreter's FS, source file)] of the app's modules."""
    out = []
    for name, (root, path) in module_graph(app, strict).items():
        out.append((os.path.relpath(path, root).replace(os.sep, "/"), path))
    return sorted(out)


def syntax_message(e):
    """A SyntaxError as ``file:line:col: message`` + the line and a caret."""
    where = "%s:%s:%s" % (e.filename, e.lineno, e.offset)
    text = (e.text or "").rstrip("\n")
    caret = ""
    if text and e.offset:
        caret = "\n    " + " " * (max(e.offset, 1) - 1 - (len(text) - len(text.lstrip()))) + "^"
    return "SyntaxError: %s\n  File %s\n    %s%s" % (e.msg, where, text.strip(), caret)


def check_syntax(paths):
    """The first SyntaxError message among ``paths`` (.py files), or None."""
    for p in paths:
        try:
            with open(p, "rb") as f:
                compile(f.read(), p, "exec", dont_inherit=True)
        except SyntaxError as e:
            return syntax_message(e)
        except (OSError, ValueError):
            continue
    return None


# -- pages ---------------------------------------------------------------------------------

def config(interpreter_url, files):
    """A PyScript config: the interpreter's URL and ``files`` (URL -> path in its FS)."""
    return {"interpreter": interpreter_url, "files": dict(sorted(files.items()))}


def loader_js(settings):
    """``pyvdom.js``: the page's classic script that picks the interpreter (``?py``: Pyodide,
    else MicroPython) and starts PyScript (templates/loader.js, with ``settings``)."""
    from renderers.dom import _GUARDS_JS

    with open(os.path.join(TEMPLATES, "loader.js")) as f:
        src = f.read()
    src = src.replace("/*GUARDS*/", _GUARDS_JS)
    return src.replace("/*SETTINGS*/{}", json.dumps(settings, sort_keys=True))


def check_index(app):
    """The app's index.html text; a clear error when it does not load ``pyvdom.js``."""
    if not os.path.isfile(app.index):
        raise CliError("%s is missing: the page that loads the app (`python -m vdom new` writes one; it needs "
                       "<div id=\"app\"></div> and <script src=\"./pyvdom.js\"></script>)" % app.index)
    with open(app.index, encoding="utf-8") as f:
        html = f.read()
    if "pyvdom.js" not in html:
        raise CliError("%s does not load ./pyvdom.js (add <script src=\"./pyvdom.js\"></script> at the end of "
                       "<body>: it starts PyScript with the app under MicroPython, or Pyodide with ?py)"
                       % app.index)
    return html


# -- serving -------------------------------------------------------------------------------

MIME = {".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm",
        ".py": "text/plain; charset=utf-8", ".mpy": "application/octet-stream", ".json": "application/json",
        ".webmanifest": "application/manifest+json", ".svg": "image/svg+xml", ".zip": "application/zip"}


class StaticHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with the right types for .mjs, .wasm, .mpy and the manifest."""

    extensions_map = dict(http.server.SimpleHTTPRequestHandler.extensions_map)
    extensions_map.update(MIME)

    def log_message(self, fmt, *args):
        if getattr(self.server, "verbose", False):
            super().log_message(fmt, *args)


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    verbose = False


def serve_static(directory, port=0, host="127.0.0.1"):
    """Serve ``directory`` on a thread; returns the server (``server_address``, ``shutdown()``)."""
    srv = Server((host, port), functools.partial(StaticHandler, directory=directory))
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv
