"""The gallery's server-rendered pages: ``/examples/ssr-router/<mpy|py>/...`` and
``/examples/ssr-todomvc/<mpy|py>/``.

``python3 -m examples`` (``examples/__main__.py``) asks ``send_head(handler)`` first for every
request: for these paths it renders the app under CPython with
``vdom.app.server.render_page`` and answers with the whole document (the app's markup, its
serialised state, the early-events recorder, PyScript); the page's Python
(``app-router/ssr.py``, ``app-todomvc/ssr.py``) then hydrates it with
``app.mount("#app", hydrate=True)``.  The interpreter is a path segment (``mpy`` or ``py``)
rather than the query, which the router owns.

* ``ssr-router``: the pets app of ``app-router`` (``app-router/pets.py``) with html5 routing
  under ``/examples/ssr-router/<interp>``: every route is rendered by the server (a reload or a
  link opened in a new tab too), ``Redirect`` becomes an HTTP 303 and a not-found route a 404.
  The signed-in user is read from the ``pets-user`` cookie the app writes.
* ``ssr-todomvc``: TodoMVC (``app-todomvc/todomvc.py``) keeping its list in the
  ``todos-vdom-app-ssr`` cookie, which the server reads to render the list.
"""

import io
import importlib.util
import os
import sys
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from vdom.app.server import render_page  # noqa: E402

NAMES = {"mpy": "MicroPython", "py": "Pyodide"}
_modules = {}

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>{{title}}</title>
<link rel="stylesheet" href="/node_modules/@pyscript/core/dist/core.css">
<link rel="stylesheet" href="/examples/gallery.css">
{{styles}}
{{head}}
<script type="module" src="/node_modules/@pyscript/core/dist/core.js"></script>
</head>
<body data-ssr="{{example}}">
<nav class="top"><a href="/examples/">pyvdom examples</a> \u203a {{label}} (server-rendered) \u00b7 <b id="interp">{{interp_name}}</b> | <a id="other" href="{{other}}">{{other_name}}</a></nav>
<div id="app">{{app}}</div>
<script type="{{interp}}" src="{{entry}}" config="/examples/{{interp}}.json"></script>
{{footer}}
</body>
</html>
"""


class Html(str):
    def __html__(self):
        return str(self)


def _load(name, path):
    """Import an example's app module by file (once), under a name of its own."""
    mod = _modules.get(name)
    if mod is None:
        spec = importlib.util.spec_from_file_location(name, os.path.join(HERE, path))
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        _modules[name] = mod
    return mod


def cookie(header, name):
    """The value of cookie ``name`` in a ``Cookie:`` header (percent-decoded), or None."""
    for part in (header or "").split(";"):
        k, _, v = part.strip().partition("=")
        if k == name:
            return urllib.parse.unquote(v)
    return None


def render(url, cookies=None):
    """``(status, [(header, value)], body bytes)`` for a gallery URL, or None when the URL
    is not a server-rendered page (a file: served as usual)."""
    split = urllib.parse.urlsplit(url)
    parts = split.path.split("/")
    if len(parts) < 3 or parts[1] != "examples" or parts[2] not in ("ssr-router", "ssr-todomvc"):
        return None
    example = parts[2]
    if len(parts) == 3 or (len(parts) == 4 and parts[3] == ""):
        return 303, [("Location", "/examples/%s/mpy/" % example)], b""
    interp = parts[3]
    if interp not in NAMES:
        return None  # /examples/ssr-router/app.py...: not a page
    base = "/examples/%s/%s" % (example, interp)
    if len(parts) == 4:
        return 303, [("Location", base + "/")], b""
    path = split.path + ("?" + split.query if split.query else "")
    if example == "ssr-router":
        pets = _load("gallery_ssr_pets", "app-router/pets.py")
        app = pets.make_app("html5", base)
        user = cookie(cookies, pets.USER_COOKIE) or None
        page = render_page(app, path, state={"user": user})
        values = {"label": "Router", "entry": "/examples/app-router/ssr.py", "styles": "", "footer": ""}
    else:
        todomvc = _load("gallery_ssr_todomvc", "app-todomvc/todomvc.py")
        app = todomvc.make_app(todomvc.CookieStore())
        todos = todomvc.parse_todos(cookie(cookies, todomvc.COOKIE))
        page = render_page(app, path, page_state={"todos": todos, "next": max([x["id"] for x in todos] + [0]) + 1})
        values = {"label": "TodoMVC", "entry": "/examples/app-todomvc/ssr.py",
                  "styles": Html('<link rel="stylesheet" href="/node_modules/todomvc-app-css/index.css">'),
                  "footer": Html('<footer class="info"><p>Double-click to edit a todo</p>'
                                 '<p>Rendered by the server, hydrated by <code>vdom.app</code></p></footer>')}
    if page.redirect is not None:
        return 303, [("Location", page.redirect)], b""
    other = "py" if interp == "mpy" else "mpy"
    rest = split.path[len(base):]
    values.update(example=example, interp=interp, interp_name=NAMES[interp], other_name=NAMES[other],
                  other="/examples/%s/%s%s" % (example, other, rest + ("?" + split.query if split.query else "")))
    body = page.document(PAGE, **values).encode("utf-8")
    return page.status, [("Content-Type", "text/html; charset=utf-8")], body


def send_head(handler):
    """For ``examples/__main__.py``'s ``Handler.send_head``: answer a server-rendered page
    (headers sent, the body as a file to copy), or None to serve files as usual."""
    try:
        res = render(handler.path, handler.headers.get("Cookie"))
    except Exception as e:  # a bug in an example: a 500 that says so, the server keeps running
        import traceback

        traceback.print_exc()
        res = 500, [("Content-Type", "text/plain; charset=utf-8")], ("server rendering failed: %r" % (e,)).encode()
    if res is None:
        return None
    status, headers, body = res
    handler.send_response(status)
    for k, v in headers:
        handler.send_header(k, v)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    return io.BytesIO(body)

