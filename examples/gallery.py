"""Shared by the gallery's examples: run a view function with pyvdom's DOM renderer.

An example is a ``view(app)`` function returning VNodes; ``App`` owns the
state (``app.state``, a dict), re-renders on ``app.set(**changes)`` or
``app.render()``, and exposes test hooks on ``window`` (for the Playwright
tests and for curious users in the browser console):

* ``pyvdom.stats()``      JSON: interpreter, renders, live JS proxies, protocol
  calls and JS crossings since the last reset, ``root.stats``, last render's ms.
* ``pyvdom.reset()``      zero the counters.
* ``pyvdom.rerender(n)``  render ``n`` times (each render builds new VNodes
  and new handler functions), then return ``stats()``.

When the first render is done, ``<body data-py-ready="micropython|pyodide">``.
``serve_app(app)`` does the same for the ``vdom.app`` examples (app-todo,
app-router, app-form): it mounts an ``Application`` and exposes its hooks.
"""

import sys
import json

import js
from vdom import create_root
from renderers.dom import DomRenderer

try:
    from pyodide.ffi import create_proxy
except ImportError:
    from jsffi import create_proxy

IMPL = sys.implementation.name
if IMPL == "cpython":
    IMPL = "pyodide"
document = js.document
now = js.performance.now


class Rand:
    """A tiny LCG: the same sequence on MicroPython and Pyodide (examples' random data)."""

    def __init__(self, seed):
        self.s = seed

    def below(self, n):
        self.s = (self.s * 1103515245 + 12345) & 0x7FFFFFFF
        return self.s % n


class App:
    def __init__(self, selector, view, state=None, count=True):
        self.view = view
        self.state = state if state is not None else {}
        self.renderer = DomRenderer(count=count)
        container = document.querySelector(selector)
        container.textContent = ""
        self.root = create_root(self.renderer, container)
        self.renders = 0
        self.last_ms = 0.0
        self._hooks = []
        hooks = js.Object.new()
        hooks.stats = self._proxy(self.stats_json)
        hooks.reset = self._proxy(self.reset)
        hooks.rerender = self._proxy(self.rerender)
        js.window.pyvdom = hooks
        self.render()
        document.body.setAttribute("data-py-ready", IMPL)

    def _proxy(self, fn):
        p = create_proxy(fn)
        self._hooks.append(p)
        return p

    def render(self):
        t0 = now()
        self.root.render(self.view(self))
        self.last_ms = now() - t0
        self.renders += 1

    def set(self, **changes):
        """Update the state and re-render."""
        st = self.state
        for k in changes:
            st[k] = changes[k]
        self.render()

    def handler(self, fn, *args):
        """A listener calling ``fn(*args)`` and re-rendering (a new function every render)."""
        def on_event(event):
            fn(*args)
            self.render()
        return on_event

    def stats(self):
        r = self.renderer
        calls = r.calls or {}
        return {"impl": IMPL, "renders": self.renders, "live_proxies": r.live_proxies,
                "calls": dict(calls), "crossings": r.crossings, "root": self.root.stats,
                "last_ms": round(self.last_ms, 2)}

    def stats_json(self, *args):
        return json.dumps(self.stats())

    def reset(self, *args):
        self.renderer.reset_counts()

    def rerender(self, n=1, *args):
        for _ in range(int(n)):
            self.render()
        return self.stats_json()


def on(target, event_type, fn):
    """addEventListener outside the VNode tree (window, document); returns the proxy."""
    p = create_proxy(fn)
    target.addEventListener(event_type, p)
    return p


# -- vdom.app examples ---------------------------------------------------------------------

def _components(app):
    """Every live component of the app's page (the page first)."""
    out = []
    page = app.active_page
    st = [page] if page is not None else []
    while st:
        c = st.pop()
        out.append(c)
        kids = c._vd.kids
        for p in kids:
            st.append(kids[p])
    return out


def serve_app(app, selector="#app", **mount_kwargs):
    """Mount a ``vdom.app`` Application on ``selector`` and expose test hooks on ``window.pyvdom``.

    * ``pyvdom.stats()``      JSON: interpreter, live JS proxies, components, errors reported,
      ``app.hydration`` (server-rendered pages: adopted/created/removed/mismatches/replayed).
    * ``pyvdom.rerender(n)``  redraw every component ``n`` times (each render builds new
      handler functions), flushing after each, then return ``stats()``.
    * ``pyvdom.errors()``     JSON list of ``[where, message]`` the app reported.
    """
    container = document.querySelector(selector)
    container.classList.remove("loading")
    app.mount(selector, **mount_kwargs)
    hooks = js.Object.new()
    keep = []

    def stats(*args):
        return json.dumps({"impl": IMPL, "live_proxies": app._vd.renderer.live_proxies,
                           "components": len(_components(app)), "errors": len(app.errors),
                           "title": app.document_title, "hydration": app.hydration})

    def rerender(n=1, *args):
        for _ in range(int(n)):
            for c in _components(app):
                c.redraw()
            app.flush()
        return stats()

    def errors(*args):
        return json.dumps([[w, str(e)] for w, e in app.errors])

    for name, fn in (("stats", stats), ("rerender", rerender), ("errors", errors)):
        p = create_proxy(fn)
        keep.append(p)
        setattr(hooks, name, p)
    app._gallery_hooks = keep
    js.window.pyvdom = hooks
    document.body.setAttribute("data-py-ready", IMPL)
    return app
