"""A Flask app serving a vdom.app app rendered on the server, hydrated in the browser.

    .venv/bin/python examples/server/server.py [--port 8322] [--interpreter mpy|py]

Every route of ``todos.py`` (``/``, ``/active``, ``/completed``) is rendered per request
with ``vdom.app.server.render_page`` (the list, kept in this process, goes into the app
state), so the page shows the list before any Python runs in the browser; ``main.py``
then hydrates it under MicroPython (default) or Pyodide.  The app calls the JSON API
below; the interpreters and PyScript are served from ``node_modules`` (offline).

JSON API: ``GET /api/todos`` the list; ``POST /api/todos`` ``{"title": ...}`` adds;
``POST /api/todos/<id>/toggle``; ``DELETE /api/todos/<id>``.  Each answers the whole list.
"""

import argparse
import json
import os
import sys
import threading

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path[:0] = [ROOT, HERE]

from flask import Flask, Response, abort, jsonify, redirect, request, send_from_directory  # noqa: E402

from vdom.app.server import render_page  # noqa: E402
import todos  # noqa: E402

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>{{title}}</title>
<style>body{font:16px system-ui,sans-serif;max-width:36em;margin:2em auto} .done .text{text-decoration:line-through;color:#888}
#filters .selected{font-weight:bold} li{list-style:none;padding:.2em 0}</style>
{{head}}
<script type="module" src="/node_modules/@pyscript/core/dist/core.js"></script>
</head>
<body>
<div id="app">{{app}}</div>
<script type="{{interp}}" src="/main.py" config="/pyscript/{{interp}}.json"></script>
</body>
</html>
"""
INTERPRETERS = {"mpy": "/node_modules/@micropython/micropython-webassembly-pyscript/micropython.mjs",
                "py": "/node_modules/pyodide/pyodide.mjs"}


class Store:
    """The todo list (in memory, shared by every request)."""

    def __init__(self, items=()):
        self.lock = threading.Lock()
        self.items = [{"id": i + 1, "title": x, "completed": False} for i, x in enumerate(items)]
        self.next = len(self.items) + 1

    def list(self):
        with self.lock:
            return [dict(x) for x in self.items]

    def add(self, title):
        with self.lock:
            self.items.append({"id": self.next, "title": title, "completed": False})
            self.next += 1

    def toggle(self, todo_id):
        with self.lock:
            for x in self.items:
                if x["id"] == todo_id:
                    x["completed"] = not x["completed"]
                    return True
        return False

    def delete(self, todo_id):
        with self.lock:
            n = len(self.items)
            self.items = [x for x in self.items if x["id"] != todo_id]
            return len(self.items) != n


def pyscript_config(interp):
    """The gallery's PyScript config (vdom, vdom.app, renderers) plus ``todos.py``."""
    with open(os.path.join(ROOT, "examples", "%s.json" % interp)) as f:
        cfg = json.load(f)
    files = {"{REPO}": "..", "/todos.py": "./todos.py"}
    for k, v in cfg["files"].items():
        if k.startswith("{REPO}/"):
            files[k] = v
    return {"interpreter": INTERPRETERS[interp], "files": files}


def create_app(interp="mpy", store=None):
    if interp not in INTERPRETERS:
        raise ValueError("interpreter: mpy or py, got %r" % (interp,))
    store = store if store is not None else Store(["Render on the server", "Hydrate in the browser"])
    app = Flask(__name__)
    app.config["store"] = store
    configs = {k: pyscript_config(k) for k in INTERPRETERS}

    @app.get("/")
    @app.get("/<show>")
    def page(show=None):
        path = request.full_path.rstrip("?")
        rendered = render_page(todos.make_app(), path, state={"todos": store.list()})
        if rendered.redirect:
            return redirect(rendered.redirect, 303)
        body = rendered.document(PAGE, interp=interp)
        return Response(body, rendered.status, {"Content-Type": "text/html; charset=utf-8"})

    @app.get("/api/todos")
    def api_list():
        return jsonify(store.list())

    @app.post("/api/todos")
    def api_add():
        data = request.get_json(force=True, silent=True)
        title = data.get("title") if isinstance(data, dict) else None
        if not isinstance(title, str) or not title.strip() or len(title) > 500:
            return jsonify({"error": "give {\"title\": a non-empty string of at most 500 characters}"}), 400
        store.add(title.strip())
        return jsonify(store.list())

    @app.post("/api/todos/<int:todo_id>/toggle")
    def api_toggle(todo_id):
        if not store.toggle(todo_id):
            abort(404)
        return jsonify(store.list())

    @app.delete("/api/todos/<int:todo_id>")
    def api_delete(todo_id):
        if not store.delete(todo_id):
            abort(404)
        return jsonify(store.list())

    @app.get("/pyscript/<name>.json")
    def config(name):
        if name not in configs:
            abort(404)
        return jsonify(configs[name])

    @app.get("/main.py")
    @app.get("/todos.py")
    def browser_module():
        return send_from_directory(HERE, request.path[1:], mimetype="text/plain")

    @app.get("/<any(vdom, renderers, node_modules):top>/<path:rest>")
    def repo_file(top, rest):
        return send_from_directory(os.path.join(ROOT, top), rest)

    return app


def main(argv=None):
    ap = argparse.ArgumentParser(description="the vdom.app server-rendering example (Flask)")
    ap.add_argument("--port", type=int, default=8322)
    ap.add_argument("--interpreter", choices=sorted(INTERPRETERS), default="mpy")
    args = ap.parse_args(argv)
    app = create_app(args.interpreter)
    print("vdom.app server example: http://127.0.0.1:%d/   (%s; Ctrl+C stops it)" % (args.port, args.interpreter),
          flush=True)
    app.run(host="127.0.0.1", port=args.port, threaded=True)


if __name__ == "__main__":
    main()
