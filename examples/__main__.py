"""Serve the examples gallery on localhost: ``python3 -m examples [--port N] [--open]``.

Run it from the repository root.  It serves the repository (so the pages
find ``/vdom``, ``/renderers`` and ``/node_modules``) on 127.0.0.1 and prints
the gallery's URL.  The interpreters (MicroPython, Pyodide) and PyScript
come from ``node_modules``: when they are missing it runs ``npm ci`` first
(needs Node.js and the npm registry once); nothing is fetched from a CDN.
"""

import argparse
import functools
import http.server
import os
import shutil
import subprocess
import sys
import webbrowser

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


class Handler(http.server.SimpleHTTPRequestHandler):
    """Static files with the right types for .mjs/.wasm and no stale caches while editing."""

    extensions_map = dict(http.server.SimpleHTTPRequestHandler.extensions_map)
    extensions_map.update({".mjs": "text/javascript", ".js": "text/javascript",
                           ".wasm": "application/wasm", ".py": "text/plain; charset=utf-8",
                           ".json": "application/json", ".toml": "text/plain; charset=utf-8"})

    def end_headers(self):
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, fmt, *args):
        if self.server.verbose:
            super().log_message(fmt, *args)


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    verbose = False


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
    args = ap.parse_args(argv)
    if not args.no_npm:
        ensure_node_modules()
    try:
        srv = make_server(args.port, verbose=args.verbose)
    except OSError as e:
        sys.exit("examples: cannot listen on 127.0.0.1:%d (%s); try --port N" % (args.port, e.strerror))
    url = "http://127.0.0.1:%d/examples/" % srv.server_address[1]
    print("pyvdom examples gallery: %s   (Ctrl+C stops it)" % url, flush=True)
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
