"""What the framework needs from its host: the browser (``js``) or nothing.

In a browser (Pyodide or MicroPython under PyScript) ``IN_BROWSER`` is True
and ``js`` is the page's globals; under CPython (tests, server side) there
is no ``js`` module and everything that would touch the page is a no-op.
"""

import sys

js = None
IN_BROWSER = False
try:
    import js  # noqa: F811  (Pyodide, MicroPython's webassembly port)

    IN_BROWSER = hasattr(js, "document") and hasattr(js, "setTimeout")
except ImportError:
    js = None

IS_MICROPYTHON = sys.implementation.name == "micropython"

# Pyodide >= 0.28 gives JS null as ``pyodide.ffi.jsnull``, not None (MicroPython gives None).
JSNULL = None
if IN_BROWSER:
    try:
        from pyodide.ffi import jsnull as JSNULL  # noqa: F811
    except ImportError:
        JSNULL = None


def is_null(v):
    """True for None and JS null (``localStorage.getItem`` of a missing key, ``querySelector`` of nothing)."""
    return v is None or (JSNULL is not None and v is JSNULL)

_create_proxy = None


def create_proxy(fn):
    """A JS function calling ``fn`` that stays alive until destroyed (one per use site)."""
    global _create_proxy
    if _create_proxy is None:
        try:
            from pyodide.ffi import create_proxy as cp
        except ImportError:
            try:
                from jsffi import create_proxy as cp
            except ImportError:
                from pyscript.ffi import create_proxy as cp
        _create_proxy = cp
    return _create_proxy(fn)


def set_document_title(title):
    if IN_BROWSER:
        try:
            js.document.title = title
        except Exception:
            pass


RUNTIME_CSS_ID = "puepy-runtime-css"


def set_runtime_css(text):
    """Put ``text`` in ``<style id="puepy-runtime-css">`` in the document's head (made once)."""
    if not IN_BROWSER:
        return
    doc = js.document
    el = doc.getElementById(RUNTIME_CSS_ID)
    if is_null(el):
        el = doc.createElement("style")
        el.id = RUNTIME_CSS_ID
        doc.head.appendChild(el)
    el.textContent = text


def location_path(link_mode):
    """The path the browser shows, for the router's link mode."""
    if not IN_BROWSER:
        return None
    loc = js.window.location
    if link_mode == "hash":
        h = str(loc.hash or "")
        i = h.find("#")
        return h[i + 1:] if i >= 0 else ""
    return str(loc.pathname or "/") + str(loc.search or "")


def push_state(url):
    if IN_BROWSER:
        try:
            from pyscript.ffi import to_js
            state = to_js({})
        except ImportError:
            state = None
        js.history.pushState(state, "", url)


def replace_state(url):
    if IN_BROWSER:
        js.history.replaceState(None, "", url)
