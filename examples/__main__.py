"""Serve the examples gallery on localhost: ``python3 -m examples [--port N] [--open]``.

Run it from the repository root.  It serves the repository (so the pages
find ``/vdom``, ``/renderers`` and ``/node_modules``) on 127.0.0.1 and prints
the gallery's URL.  The interpreters (MicroPython, Pyodide) and PyScript
come from ``node_modules``: when they are missing it runs ``npm ci`` first
(needs Node.js and the npm registry once); nothing is fetched from a CDN.

Two more things for particular examples:

* Deep links of apps that route with the history API (``app-router-html5``):
  a request for an extensionless path under ``/examples/NAME/`` that is not
  a file gets that example's ``index.html``, so reloading
  ``/examples/app-router-html5/pet/garfield`` shows the pet again.
* ``app-jinja`` (Pyodide only) imports Jinja2 and MarkupSafe from
  ``examples/app-jinja/.cache/jinja2-markupsafe.zip`` (git-ignored): their
  pure-Python files, taken from the wheels ``pip download`` fetches from PyPI
  once.  The download runs in the background after the server starts; a
  request for the zip waits for it.  Without PyPI the page says so.
"""

import argparse
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
import urllib.parse
import webbrowser
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_PORT = 8321
NEEDED = (
    "node_modules/@pyscript/core/dist/core.js",
    "node_modules/@micropython/micropython-webassembly-pyscript/micropython.mjs",
    "node_modules/pyodide/pyodide.mjs",
    "node_modules/todomvc-app-css/index.css",
)


def ensure_node_modules(root=ROOT):
    """Run ``npm ci`` in ``root`` unless the pinned interpreters are installed."""
    if all(os.path.exists(os.path.join(root, p)) for p in NEEDED):
        return
    npm = shutil.which("npm")
    if npm is None:
        sys.exit("examples: node_modules/ is missing and npm is not installed: install Node.js >= 20 "
                 "with npm, then run this again (it runs `npm ci` for you)")
    print("examples: node_modules/ is missing: running `npm ci` (PyScript, MicroPython, Pyodide) ...",
          flush=True)
    rc = subprocess.call([npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"],
                         cwd=root)
    if rc != 0:
        sys.exit("examples: `npm ci` failed (exit %d)" % rc)


# -- app-jinja: Jinja2 and MarkupSafe from PyPI, pure-Python files in one zip -------------------

JINJA_DIR = "examples/app-jinja/.cache"
JINJA_ZIP = JINJA_DIR + "/jinja2-markupsafe.zip"
# Pinned; markupsafe has no pure-Python wheel: its .py files are taken from one platform's wheel
# (without the _speedups extension markupsafe uses its pure-Python _native module).
JINJA_WHEELS = (
    ("jinja2-3.1.6-py3-none-any.whl", "jinja2==3.1.6", ["--platform", "any", "--implementation", "py",
                                                       "--abi", "none", "--python-version", "3.12"]),
    ("markupsafe-3.0.3-cp312-cp312-manylinux2014_x86_64.manylinux_2_17_x86_64.manylinux_2_28_x86_64.whl",
     "markupsafe==3.0.3", ["--platform", "manylinux2014_x86_64", "--implementation", "cp",
                           "--python-version", "3.12"]),
)
_jinja_lock = threading.Lock()


def _pip(root):
    """A Python that has pip: this one, else the repository's .venv (scripts/test.sh makes it)."""
    for py in (sys.executable, os.path.join(root, ".venv", "bin", "python")):
        if py and os.path.exists(py) and subprocess.call([py, "-m", "pip", "--version"], stdout=subprocess.DEVNULL,
                                                         stderr=subprocess.DEVNULL) == 0:
            return py
    return None


def ensure_jinja(root=ROOT, log=None):
    """Make ``JINJA_ZIP`` (jinja2/ and markupsafe/, .py files and licences) unless it exists.

    Downloads the pinned wheels with ``pip download`` into ``JINJA_DIR`` first.  Returns the
    zip's path, or None (with a message to ``log``) when it cannot be made.
    """
    with _jinja_lock:
        out = os.path.join(root, JINJA_ZIP)
        if os.path.exists(out):
            return out
        cache = os.path.join(root, JINJA_DIR)
        os.makedirs(cache, exist_ok=True)
        for wheel, req, how in JINJA_WHEELS:
            if os.path.exists(os.path.join(cache, wheel)):
                continue
            py = _pip(root)
            if py is None:
                if log:
                    log("examples: app-jinja needs pip to download %s from PyPI (python3 -m pip is missing)" % req)
                return None
            if log:
                log("examples: app-jinja: pip download %s ..." % req)
            r = subprocess.run([py, "-m", "pip", "download", "-q", "--disable-pip-version-check", "--no-deps",
                                "--only-binary", ":all:", "-d", cache] + how + [req],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            if r.returncode != 0 or not os.path.exists(os.path.join(cache, wheel)):
                if log:
                    log("examples: app-jinja: `pip download %s` failed; the page will say so:\n%s"
                        % (req, r.stdout.strip()[-2000:]))
                return None
        tmp = out + ".tmp"
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
            for wheel, req, how in JINJA_WHEELS:
                with zipfile.ZipFile(os.path.join(cache, wheel)) as w:
                    for name in sorted(w.namelist()):
                        top = name.split("/", 1)[0]
                        if top in ("jinja2", "markupsafe") and name.endswith(".py"):
                            z.writestr(name, w.read(name))
                        elif top.endswith(".dist-info") and "LICENSE" in name.upper() and not name.endswith("/"):
                            z.writestr(top.split("-")[0] + "/" + name.rsplit("/", 1)[-1], w.read(name))
        os.replace(tmp, out)
        return out


class Handler(http.server.SimpleHTTPRequestHandler):
    """Static files with the right types for .mjs/.wasm and no stale caches while editing."""

    extensions_map = dict(http.server.SimpleHTTPRequestHandler.extensions_map)
    extensions_map.update({".mjs": "text/javascript", ".js": "text/javascript",
                           ".wasm": "application/wasm", ".py": "text/plain; charset=utf-8",
                           ".json": "application/json", ".toml": "text/plain; charset=utf-8"})

    def end_headers(self):
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def send_head(self):
        from examples import ssr_pages   # server-rendered pages: /examples/ssr-router/..., ssr-todomvc

        page = ssr_pages.send_head(self)
        if page is not None:
            return page
        path = urllib.parse.urlsplit(self.path).path
        if path == "/" + JINJA_ZIP and self.server.fetch:
            ensure_jinja(self.directory, self.server.log)   # waits for the download, if it is running
        else:
            index = self.deep_link(path)
            if index is not None:
                self.path = index
        return super().send_head()

    def deep_link(self, path):
        """``/examples/NAME/index.html`` for an extensionless path under ``/examples/NAME/``
        that is not a file or folder (a route of an app using the history API), else None."""
        parts = path.split("/")
        if len(parts) < 4 or parts[1] != "examples" or parts[2] in ("", ".", ".."):
            return None
        if parts[3:] == [""] or "." in parts[-1]:
            return None   # the example itself, or a file name: served (or 404) as usual
        if os.path.exists(self.translate_path(path)):
            return None
        index = "/examples/%s/index.html" % parts[2]
        if not os.path.isfile(self.translate_path(index)):
            return None
        return index

    def log_message(self, fmt, *args):
        if self.server.verbose:
            super().log_message(fmt, *args)


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    verbose = False
    fetch = True   # download app-jinja's packages when they are missing

    def log(self, msg):
        sys.stderr.write(msg + "\n")
        sys.stderr.flush()


def make_server(port=DEFAULT_PORT, root=ROOT, host="127.0.0.1", verbose=False):
    """An HTTP server for ``root`` on ``host:port`` (port 0: any free port); call serve_forever()."""
    srv = Server((host, port), functools.partial(Handler, directory=root))
    srv.verbose = verbose
    return srv


def main(argv=None):
    ap = argparse.ArgumentParser(prog="python3 -m examples", description=__doc__.split("\n\n")[0])
    ap.add_argument("--port", type=int, default=int(os.environ.get("PORT", DEFAULT_PORT)),
                    help="port on 127.0.0.1 (default %d; 0 picks a free one)" % DEFAULT_PORT)
    ap.add_argument("--open", action="store_true", help="open the gallery in the default browser")
    ap.add_argument("-v", "--verbose", action="store_true", help="log every request")
    ap.add_argument("--no-npm", action="store_true", help="do not run `npm ci` when node_modules/ is missing")
    ap.add_argument("--no-pip", action="store_true",
                    help="do not download Jinja2 and MarkupSafe from PyPI for app-jinja when they are missing")
    args = ap.parse_args(argv)
    if not args.no_npm:
        ensure_node_modules()
    try:
        srv = make_server(args.port, verbose=args.verbose)
    except OSError as e:
        sys.exit("examples: cannot listen on 127.0.0.1:%d (%s); try --port N" % (args.port, e.strerror))
    url = "http://127.0.0.1:%d/examples/" % srv.server_address[1]
    print("pyvdom examples gallery: %s   (Ctrl+C stops it)" % url, flush=True)
    srv.fetch = not args.no_pip
    if srv.fetch and not os.path.exists(os.path.join(ROOT, JINJA_ZIP)):
        threading.Thread(target=ensure_jinja, args=(ROOT, srv.log), daemon=True).start()
    if args.open:
        webbrowser.open(url)
    try:
        srv.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        srv.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
