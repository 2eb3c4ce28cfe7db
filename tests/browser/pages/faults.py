"""A DOM exception in the middle of a patch, under the page's interpreter (tests/browser/test_faults.py).

window.faultStep(name) runs one step and returns a JSON report; the test drives it.
"""

import json
import js
from vdom import h, create_root, PatchError
from renderers.dom import DomRenderer

try:
    from pyodide.ffi import create_proxy
except ImportError:
    from jsffi import create_proxy

renderer = DomRenderer()
container = js.document.getElementById("app")
root = create_root(renderer, container)
clicks = []


def on_click(event):
    clicks.append(1)


def rows(keys):
    return h("ul", {"id": "list"}, [h("li", {"key": k, "id": "r%d" % k, "on_click": on_click}, "row %d" % k) for k in keys])


def step(name):
    out = {"ok": True}
    try:
        if name == "mount":
            root.render(rows(range(1, 101)))
        elif name == "break":
            # Someone else's code removes row 50 behind the root's back; the next patch
            # removes row 50 too: removeChild throws NotFoundError in the DOM.
            js.document.getElementById("r50").remove()
            root.render(rows([k for k in range(1, 101) if k != 50 and k % 7]))
        elif name == "good":
            root.render(rows([3, 1, 2]))
        elif name == "unmount":
            root.unmount()
    except PatchError as e:
        out = {"ok": False, "type": "PatchError", "operation": e.operation, "rebuilt": e.rebuilt,
               "original": type(e.original).__name__, "message": str(e)}
    except Exception as e:
        out = {"ok": False, "type": type(e).__name__, "message": str(e)}
    out["proxies"] = renderer.live_proxies
    out["guarded"] = renderer.guarded
    out["html"] = container.innerHTML
    return json.dumps(out)


js.window.faultStep = create_proxy(step)
js.document.body.setAttribute("data-ready", "1")
