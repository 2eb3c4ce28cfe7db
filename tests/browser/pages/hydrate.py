"""Hydration with the DOM renderer, under the page's interpreter (tests/browser/test_hydrate_dom.py).

The page holds the server's markup of hydrate_tree.tree(0, ITEMS); window.hyStep(name) runs
one step and returns a JSON report.  ``?mismatch`` hydrates another title (one text mismatch).
"""

import json
import js
from vdom import create_root
from renderers.dom import DomRenderer
from hydrate_tree import tree, ITEMS

try:
    from pyodide.ffi import create_proxy
except ImportError:
    from jsffi import create_proxy

renderer = DomRenderer(count=True)
container = js.document.getElementById("app")
root = create_root(renderer, container)
state = {"count": 0, "name": "", "items": list(ITEMS)}
warnings = []
mismatch = "mismatch" in str(js.location.search)


def on_click(event):
    state["count"] += 1
    render()


def on_input(event):
    state["name"] = event.target.value
    render()


def view():
    return tree(state["count"], state["items"], on_click, on_input, state["name"],
                "Other title" if mismatch else "Hydrated")


def render():
    root.render(view())


CREATES = ("create_element", "create_element_ns", "create_text", "create_raw", "clone")


def step(name):
    out = {"ok": True}
    try:
        renderer.reset_counts()
        if name == "hydrate":
            out["report"] = root.hydrate(view(), warnings.append)
            out["warnings"] = warnings
        elif name == "reorder":
            state["items"] = [state["items"][4]] + state["items"][:4]
            render()
        out["creates"] = sum([renderer.count(n) for n in CREATES])
        out["calls"] = renderer.count()
    except Exception as e:
        out = {"ok": False, "type": type(e).__name__, "message": str(e)}
    out["html"] = container.innerHTML
    return json.dumps(out)


js.window.hyStep = create_proxy(step)
js.document.body.setAttribute("data-ready", "1")
