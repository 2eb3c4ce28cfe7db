"""Serve an app on 127.0.0.1 with live reload and an in-page error overlay.

    python -m vdom dev myapp              # http://127.0.0.1:8000/  (MicroPython), /?py (Pyodide)
    python -m vdom dev myapp --port 0     # any free port
    python -m vdom dev myapp --cdn        # PyScript and the interpreters from PyScript's CDN

The page reloads when a file of the app changes (watched with watchfiles). A syntax error
is shown in an overlay instead (checked before reloading), as is an error raised while the
app's module runs; vdom.app runs in development mode, so errors in components show in its
own overlay. Only the modules app.py imports are loaded, as in a build. PyScript and the
interpreters come from the pinned npm packages (node_modules: the app's, pyvdom's checkout
or a cache folder where `npm ci` installs them on first use), or with --cdn from the CDN.
"""

import json
import os
import queue
import sys
import threading
import urllib.parse

from vdom.cli import appkit
from vdom.cli.errors import CliError

DEFAULT_PORT = 8000
PREFIX = "/__vdom__/"
PYVDOM_URL = "/__pyvdom__/"
NODE_URL = "/node_modules/"
WATCH_EXTS = (".py", ".html", ".css", ".js", ".mjs", ".json", ".svg", ".png", ".jpg", ".webp", ".toml")


def add_arguments(parser):
    parser.add_argument("path", metavar="PATH", nargs="?", default=".",
                        help="the app folder (its app.py is the entry) or an entry .py file (default: .)")
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", DEFAULT_PORT)),
                        help="port on 127.0.0.1 (default %d; 0 picks a free one)" % DEFAULT_PORT)
    parser.add_argument("--cdn", action="store_true",
                        help="load PyScript and the interpreters from PyScript's CDN (jsDelivr, the pinned "
                             "versions) instead of local npm packages: no Node.js needed, not offline")
    parser.add_argument("--no-reload", action="store_true", help="do not watch the files (no live reload)")
    parser.add_argument("--open", action="store_true", help="open the page in the default browser")
    parser.add_argument("-v", "--verbose", action="store_true", help="log every request")


class Hub:
    """Live-reload clients (one queue each) and the current syntax error."""

    def __init__(self):
        self.lock = threading.Lock()
        self.clients = []
        self.error = None

    def subscribe(self):
        q = queue.Queue()
        with self.lock:
            self.clients.append(q)
        return q

    def unsubscribe(self, q):
        with self.lock:
            if q in self.clients:
                self.clients.remove(q)

    def send(self, event, data=None):
        with self.lock:
            for q in self.clients:
                q.put((event, data))


def urls(cdn):
    """(core.js, core.css, {type: interpreter URL})."""
    pins = appkit.pins()
    if cdn:
        base = appkit.CDN
        core = "%s%s@%s/dist/" % (base, appkit.PYSCRIPT_PKG, pins[appkit.PYSCRIPT_PKG])
        interp = {it: "%s%s@%s/%s" % (base, pkg, pins[pkg], mjs)
                  for it, (pkg, _, mjs) in appkit.INTERPRETER_FILES.items()}
    else:
        core = NODE_URL + appkit.PYSCRIPT_PKG + "/dist/"
        interp = {it: NODE_URL + pkg + "/" + mjs for it, (pkg, _, mjs) in appkit.INTERPRETER_FILES.items()}
    return core + "core.js", core + "core.css", interp


class DevHandler(appkit.StaticHandler):
    def end_headers(self):
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def _send(self, body, ctype, status=200):
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def do_GET(self):
        srv = self.server
        path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        if path == "/pyvdom.js":
            return self._send(srv.loader, "text/javascript")
        if path.startswith(PREFIX):
            name = path[len(PREFIX):]
            if name == "events":
                return self._events()
            if name == "dev_main.py":
                return self._send(srv.dev_main, "text/plain; charset=utf-8")
            if name in ("config-mpy.json", "config-py.json"):
                return self._send(json.dumps(srv.config(name[7:-5]), indent=1), "application/json")
            return self._send("not found", "text/plain", 404)
        if path.startswith(NODE_URL) and srv.node_modules is None:
            return self._send("not found (dev --cdn)", "text/plain", 404)
        if path.startswith(PYVDOM_URL) and not path.endswith(".py"):
            return self._send("not found", "text/plain", 404)
        return super().do_GET()

    def translate_path(self, path):
        srv = self.server
        clean = urllib.parse.unquote(urllib.parse.urlsplit(path).path)
        if clean.startswith(PYVDOM_URL):
            rel = clean[len(PYVDOM_URL):]
            if rel.split("/", 1)[0] in appkit.PYVDOM_PACKAGES:
                return self._under(appkit.PYVDOM_ROOT, rel)
            return os.path.join(srv.app.dir, ".does-not-exist")
        if clean.startswith(NODE_URL) and srv.node_modules is not None:
            rel = clean[len(NODE_URL):]
            if rel.startswith(tuple(p + "/" for p in appkit.pins())):
                return self._under(srv.node_modules, rel)
            return os.path.join(srv.app.dir, ".does-not-exist")
        local = super().translate_path(path)
        # A route of an app using the history API (an extensionless path that is no file): the page.
        last = clean.rsplit("/", 1)[-1]
        if clean != "/" and "." not in last and not os.path.exists(local):
            return srv.app.index
        return local

    @staticmethod
    def _under(root, rel):
        parts = [p for p in rel.split("/") if p not in ("", ".", "..")]
        return os.path.join(root, *parts)

    def _events(self):
        hub = self.server.hub
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        q = hub.subscribe()
        try:
            self.wfile.write(b"retry: 500\n\n")
            if hub.error:
                self._event("error-text", hub.error)
            self.wfile.flush()
            while not self.server.stopping:
                try:
                    event, data = q.get(timeout=10)
                except queue.Empty:
                    self.wfile.write(b": ping\n\n")
                    self.wfile.flush()
                    continue
                self._event(event, data)
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError, OSError):
            pass
        finally:
            hub.unsubscribe(q)

    def _event(self, event, data):
        self.wfile.write(("event: %s\ndata: %s\n\n" % (event, json.dumps(data))).encode("utf-8"))


class DevServer(appkit.Server):
    stopping = False

    def setup(self, app, node_modules, cdn):
        self.app = app
        self.node_modules = node_modules
        self.hub = Hub()
        core, css, self.interpreters = urls(cdn)
        self.loader = appkit.loader_js({
            "core": core, "css": css, "main": PREFIX + "dev_main.py", "sw": None, "dev": PREFIX + "events",
            "configs": {"mpy": PREFIX + "config-mpy.json", "py": PREFIX + "config-py.json"}})
        with open(os.path.join(appkit.TEMPLATES, "dev_main.py")) as f:
            self.dev_main = f.read().replace("{{module}}", app.module)

    def config(self, it):
        """Recomputed for every page load: a new import is picked up by the next reload."""
        files = {}
        for rel, src in appkit.shipped_files(self.app, strict=False):
            if os.path.commonpath([src, self.app.dir]) == self.app.dir:
                files["/" + os.path.relpath(src, self.app.dir).replace(os.sep, "/")] = "./" + rel
            else:
                files[PYVDOM_URL + rel] = "./" + rel
        return appkit.config(self.interpreters[it], files)


def _watch(srv, stop):
    """Reload the pages when a file changes; show a syntax error instead of reloading."""
    import watchfiles

    app = srv.app
    paths = [app.dir]
    if os.path.isdir(os.path.join(appkit.PYVDOM_ROOT, ".git")):   # a pyvdom checkout: its sources too
        paths += [os.path.join(appkit.PYVDOM_ROOT, p) for p in appkit.PYVDOM_PACKAGES]
    skip = ("dist", "node_modules", "tests", "__pycache__")

    def keep(change, path):
        if not path.endswith(WATCH_EXTS):
            return False
        for root in paths:
            if path.startswith(root + os.sep):
                parts = os.path.relpath(path, root).split(os.sep)
                return not (parts[0] in skip or any(p.startswith(".") for p in parts))
        return False

    for changes in watchfiles.watch(*paths, watch_filter=keep, stop_event=stop, debounce=150, step=50,
                                    raise_interrupt=False):
        changed = sorted(p for _, p in changes)
        try:
            graph = [src for _, src in appkit.shipped_files(app, strict=False)]
        except Exception:
            graph = []
        error = appkit.check_syntax([p for p in changed if p.endswith(".py")] + graph)
        srv.hub.error = error
        if error:
            appkit.log("pyvdom dev: %s" % error.splitlines()[0] + " (shown in the page)")
            srv.hub.send("error-text", error)
        else:
            appkit.log("pyvdom dev: changed %s: reloading" % ", ".join(os.path.relpath(p, app.dir) for p in changed))
            srv.hub.send("reload")


def make_server(path, port=DEFAULT_PORT, cdn=False, reload=True, verbose=False):
    """The dev server (not started) and its watcher thread (not started, or None)."""
    app = appkit.App(path)
    appkit.check_index(app)
    if reload:
        try:
            import watchfiles  # noqa: F401
        except ImportError:
            raise CliError("live reload needs watchfiles: pip install 'pyvdom[cli]' (or pip install watchfiles), "
                           "or pass --no-reload")
    node_modules = None if cdn else appkit.find_node_modules(app.dir)
    try:
        srv = DevServer(("127.0.0.1", port), DevHandler)
    except OSError as e:
        raise CliError("cannot listen on 127.0.0.1:%d (%s): try --port N (0: any free port)"
                       % (port, e.strerror or e))
    srv.RequestHandlerClass = lambda *a, **kw: DevHandler(*a, directory=app.dir, **kw)
    srv.verbose = verbose
    srv.setup(app, node_modules, cdn)
    srv.stop_event = threading.Event()
    watcher = None
    if reload:
        watcher = threading.Thread(target=_watch, args=(srv, srv.stop_event), daemon=True)
    return srv, watcher


def run(args):
    srv, watcher = make_server(args.path, args.port, args.cdn, not args.no_reload, args.verbose)
    url = "http://127.0.0.1:%d/" % srv.server_address[1]
    print("pyvdom dev: %s  (MicroPython; %s?py Pyodide)  serving %s%s  (Ctrl+C stops it)"
          % (url, url, srv.app.dir, "" if watcher else ", no live reload"), flush=True)
    if watcher:
        watcher.start()
    if args.open:
        import webbrowser

        webbrowser.open(url)
    try:
        srv.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        srv.stopping = True
        srv.stop_event.set()
        srv.server_close()
    sys.stdout.flush()
    return 0
