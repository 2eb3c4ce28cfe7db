"""Page helpers shared by the Playwright tests (JSON stats, texts, node marks)."""

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
INTERPRETERS = {
    "mpy": "/node_modules/@micropython/micropython-webassembly-pyscript/micropython.mjs",
    "py": "/node_modules/pyodide/pyodide.mjs",
}


def write_page_configs(name, extra=None):
    """PyScript configs of tests/browser/pages/NAME.html (loaded by pages/load.js): every
    module of vdom/ and renderers/, plus ``extra`` ({url: path}), for both interpreters."""
    out = os.path.join(HERE, "pages", ".cache")
    os.makedirs(out, exist_ok=True)
    files = dict(extra or {})
    for pkg in ("vdom", "renderers"):
        for f in sorted(os.listdir(os.path.join(ROOT, pkg))):
            if f.endswith(".py"):
                files["/%s/%s" % (pkg, f)] = "./%s/%s" % (pkg, f)
    for it, interp in INTERPRETERS.items():
        with open(os.path.join(out, "%s-%s.json" % (name, it)), "w") as fh:
            json.dump({"interpreter": interp, "files": files}, fh)


def stats(page):
    """The gallery's ``window.pyvdom.stats()`` (renderer calls, crossings, proxies, root stats)."""
    return json.loads(page.evaluate("pyvdom.stats()"))


def texts(page, selector):
    return page.eval_on_selector_all(selector, "els => els.map(e => e.textContent)")


def mark(page, selector, attr):
    """Give every matching element a JS property ``__mark`` = its ``attr`` (it survives only on the same node)."""
    page.eval_on_selector_all(selector, "(els, a) => els.forEach(e => { e.__mark = e.getAttribute(a); })", attr)


def marks(page, selector, attr):
    """[[attr value, __mark]] of the matching elements, in document order."""
    return page.eval_on_selector_all(selector, "(els, a) => els.map(e => [e.getAttribute(a), e.__mark || null])", attr)


def load_example_module(path, name):
    """Import the file ``path`` as module ``name`` (two examples have a ``server.py``: importing
    both as ``server`` would give the second test the first one's module); its folder is on
    sys.path while it runs, for its sibling imports."""
    import importlib.util

    folder = os.path.dirname(path)
    sys.path.insert(0, folder)
    try:
        spec = importlib.util.spec_from_file_location(name, path)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
    finally:
        sys.path.remove(folder)
    return mod
