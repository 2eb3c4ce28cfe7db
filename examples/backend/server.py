"""A Flask backend with a JSON API and a vdom.app front end built by ``python -m vdom build``.

    pip install flask                                   # (pyvdom's test extra pins it)
    python -m vdom build examples/backend/frontend      # the front end -> examples/backend/frontend/dist/
    python examples/backend/server.py                   # http://127.0.0.1:5000/ (?py: Pyodide)
    python examples/backend/server.py --build           # both steps

The API (JSON in and out; the items live in memory, as a database would hold them):

    GET    /api/items          the list: [{"id": 1, "text": "...", "done": false}, ...]
    POST   /api/items          {"text": "..."}                -> 201 and the new item
    PUT    /api/items/<id>     {"text": "...", "done": true}  -> the edited item (either key)
    DELETE /api/items/<id>                                    -> 204

Every other path is a file of the build (``/`` is its index.html): the front end's pages,
pyvdom.js, PyScript, the interpreters and the precompiled modules, all from this server.
"""

import argparse
import os
import sys
import threading

from flask import Flask, abort, jsonify, request, send_from_directory

HERE = os.path.dirname(os.path.abspath(__file__))
FRONTEND = os.path.join(HERE, "frontend")
DIST = os.path.join(FRONTEND, "dist")
SEED = ("Read the API in server.py", "Build the front end", "Ship it")


def create_app(dist=DIST, seed=SEED):
    app = Flask(__name__, static_folder=None)
    lock = threading.Lock()
    db = {"items": {}, "next": 1}
    for text in seed:
        db["items"][db["next"]] = {"id": db["next"], "text": text, "done": False}
        db["next"] += 1

    def body():
        data = request.get_json(silent=True)
        if not isinstance(data, dict):
            abort(400, "a JSON object is expected")
        return data

    def check(data):
        if "text" in data and (not isinstance(data["text"], str) or not data["text"].strip()):
            abort(400, "text: a non-empty string")
        if "done" in data and not isinstance(data["done"], bool):
            abort(400, "done: true or false")

    @app.get("/api/items")
    def list_items():
        with lock:
            return jsonify([db["items"][k] for k in sorted(db["items"])])

    @app.post("/api/items")
    def add_item():
        data = body()
        if "text" not in data:
            abort(400, "text: a non-empty string")
        check(data)
        with lock:
            item = {"id": db["next"], "text": data["text"].strip(), "done": bool(data.get("done", False))}
            db["items"][item["id"]] = item
            db["next"] += 1
        return jsonify(item), 201

    @app.put("/api/items/<int:item_id>")
    def edit_item(item_id):
        data = body()
        check(data)
        with lock:
            item = db["items"].get(item_id)
            if item is None:
                abort(404)
            if "text" in data:
                item["text"] = data["text"].strip()
            if "done" in data:
                item["done"] = data["done"]
            return jsonify(item)

    @app.delete("/api/items/<int:item_id>")
    def delete_item(item_id):
        with lock:
            if db["items"].pop(item_id, None) is None:
                abort(404)
        return "", 204

    @app.get("/")
    @app.get("/<path:path>")
    def front_end(path="index.html"):
        if not os.path.isfile(os.path.join(dist, "index.html")):
            return ("The front end is not built: python -m vdom build examples/backend/frontend "
                    "(or start this server with --build)\n", 503, {"Content-Type": "text/plain"})
        return send_from_directory(dist, path, max_age=0)

    return app


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--port", type=int, default=5000, help="port on 127.0.0.1 (default 5000; 0: any free port)")
    ap.add_argument("--build", action="store_true", help="build the front end first (python -m vdom build)")
    args = ap.parse_args(argv)
    if args.build:
        from vdom.cli.build import build

        build(FRONTEND)
    from werkzeug.serving import make_server

    srv = make_server("127.0.0.1", args.port, create_app(), threaded=True)
    print("examples/backend: http://127.0.0.1:%d/  (MicroPython; ?py Pyodide)  Ctrl+C stops it"
          % srv.server_port, flush=True)
    try:
        srv.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
