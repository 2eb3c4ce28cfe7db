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

# PuePy's names (``puepy.runtime``): which interpreter, and whether there is a page.
PLATFORM_PYODIDE = "pyodide"
PLATFORM_MICROPYTHON = "micropython"
PLATFORM_CPYTHON = "cpython"
if sys.platform == "emscripten":
    platform = PLATFORM_PYODIDE
elif IS_MICROPYTHON and sys.platform == "webassembly":
    platform = PLATFORM_MICROPYTHON
else:
    platform = PLATFORM_CPYTHON if sys.implementation.name == "cpython" else sys.implementation.name
is_server_side = not IN_BROWSER

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


def _destroy(proxy):
    d = getattr(proxy, "destroy", None)
    if d is not None:
        try:
            d()
        except Exception:
            pass


class _Once:
    """A timer callback that calls ``fn`` once, then frees its JS proxy."""

    def __init__(self, fn):
        self.fn = fn
        self.proxy = None

    def __call__(self, *args):
        fn = self.fn
        self.fn = None
        proxy = self.proxy
        self.proxy = None
        if proxy is not None:
            _destroy(proxy)
        if fn is not None:
            fn()


def next_tick(fn):
    """Call ``fn()`` soon, after the current event handler and the render it scheduled.

    PuePy's ``puepy.runtime.next_tick``.  In a browser it is a zero-delay timer
    (PuePy waits 100 ms; a render scheduled before it has run by then too);
    without a page (tests, server side) ``fn`` runs at once, as in PuePy.
    """
    if not IN_BROWSER:
        fn()
        return
    once = _Once(fn)
    once.proxy = create_proxy(once)
    js.setTimeout(once.proxy, 0)


_listeners = {}  # (id(element), event, id(listener)) -> (element, JS proxy)


def add_event_listener(element, event, listener):
    """``element.addEventListener(event, listener)`` for a Python callable (PuePy's helper).

    The JS proxy made for ``listener`` is kept until ``remove_event_listener``
    with the same three arguments frees it.
    """
    if not IN_BROWSER:
        return None
    key = (id(element), event, id(listener))
    old = _listeners.get(key)
    if old is not None:
        return old[1]
    proxy = create_proxy(listener)
    _listeners[key] = (element, proxy)
    element.addEventListener(event, proxy)
    return proxy


def remove_event_listener(element, event, listener):
    """Undo ``add_event_listener(element, event, listener)`` and free its proxy."""
    if not IN_BROWSER:
        return
    entry = _listeners.pop((id(element), event, id(listener)), None)
    if entry is None:
        return
    element.removeEventListener(event, entry[1])
    _destroy(entry[1])
