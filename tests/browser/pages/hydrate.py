"""Hydration with the DOM renderer, under the page's interpreter (tests/browser/test_hydrate_dom.py).

The page holds the server's markup of hydrate_tree.tree(0, ITEMS); window.hyStep(name) runs
one step and returns a JSON report.  ``?mismatch`` hydrates another title (one text mismatch).
"""

import json
import js
from vdom import create_root, h, static
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


# The fast path (vdom/hydrate_fast.py): a table whose markup matches exactly, hydrated in
# #fast by a second root; the renderer's match_tree is watched.
CELL = static(h("td", {"class": "cell"}, h("a", None, h("span", {"class": "icon", "aria-hidden": True}))))
fast = {"root": None, "matched": None}


def fast_tree(label):
    return h("table", {"id": "fast-table"}, h("tbody", None, [
        h("tr", {"key": i, "id": "f%d" % i, "on_click": on_click}, [
            h("td", {"class": "c"}, str(i)), h("td", None, h("a", None, "%s %d" % (label, i))), CELL])
        for i in range(50)]))


def _watched_match(c, d):
    got = DomRenderer.match_tree(renderer, c, d)
    fast["matched"] = got is not None
    return got


def fast_step(name):
    box = js.document.getElementById("fast")
    if name == "fast_load":
        from renderers.html import render_to_string

        box.innerHTML = render_to_string(fast_tree("x"), hydratable=True)
        return {}
    if name == "fast_hydrate":
        renderer.match_tree = _watched_match
        fast["root"] = create_root(renderer, box)
        return {"report": fast["root"].hydrate(fast_tree("x")), "matched": fast["matched"]}
    fast["root"].render(fast_tree("y"))
    return {}


def step(name):
    out = {"ok": True}
    try:
        renderer.reset_counts()
        if name == "hydrate":
            out["report"] = root.hydrate(view(), warnings.append)
            out["warnings"] = warnings
        elif name.startswith("fast"):
            out.update(fast_step(name))
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
