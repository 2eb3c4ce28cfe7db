"""PuePy's ``puepy.util`` helpers that apps import: ``jsobj`` and ``mixed_to_underscores``."""

from vdom.app.runtime import IN_BROWSER, js
from vdom.app.tags import kebab


def jsobj(**kwargs):
    """A JS object with ``kwargs`` as its properties (a plain dict without a page).

    For JS APIs that take an options object: ``el.scrollIntoView(jsobj(behavior="smooth"))``.
    Nested dicts become JS objects and lists JS arrays, on both interpreters.
    """
    if not IN_BROWSER:
        return kwargs
    try:
        from pyodide.ffi import to_js
    except ImportError:
        from jsffi import to_js  # MicroPython: dicts become JS objects

        return to_js(kwargs)
    return to_js(kwargs, dict_converter=js.Object.fromEntries)


def mixed_to_underscores(name, separator="_"):
    """``"MyComponent"`` -> ``"my_component"`` (how PuePy names a component's tag)."""
    return kebab(name, separator)
