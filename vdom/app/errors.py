"""Exceptions of the framework and how failures are reported.

``report(exc, where)`` prints the traceback on the console (MicroPython has
``sys.print_exception``, CPython ``traceback``) and, when the application
is in development mode, shows it in an overlay next to the page (the page
itself keeps its last good DOM).
"""

import sys


class PageError(Exception):
    """Like an HTTP error, for a page of a single-page app."""


class NotFound(PageError):
    def __str__(self):
        return "Page not found"


class Forbidden(PageError):
    def __str__(self):
        return "Forbidden"


class Unauthorized(PageError):
    def __str__(self):
        return "Unauthorized"


class Redirect(PageError):
    """Raise in ``precheck()`` (or a handler) to send the user to ``path``."""

    def __init__(self, path, **kwargs):
        super().__init__(path)
        self.path = path
        self.kwargs = kwargs

    def __str__(self):
        return "Redirect to %s" % (self.path,)


class PropsError(ValueError):
    """A component was given a prop it does not declare in a way that cannot work."""


def format_exception(exc):
    """The traceback of ``exc`` as a string, on every interpreter."""
    if hasattr(sys, "print_exception"):  # MicroPython
        import io

        buf = io.StringIO()
        sys.print_exception(exc, buf)
        return buf.getvalue()
    import traceback

    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))


def print_exception(exc, where=None):
    """Print ``exc`` with its traceback on the console (stderr / the browser console)."""
    text = format_exception(exc)
    if where:
        text = "vdom.app: error in %s\n%s" % (where, text)
    from vdom.app.runtime import IN_BROWSER, js

    if IN_BROWSER:
        # One console.error with the whole traceback.  (PyScript shows every write to
        # stderr in a box on the page, one line at a time: the in-page report is the
        # development overlay's job.)
        js.console.error(text)
        return text
    try:
        print(text, file=sys.stderr)
    except TypeError:  # a print without file=
        print(text)
    return text


def report(app, exc, where=None):
    """Report a failure in user code: console always, overlay in development mode."""
    text = print_exception(exc, where)
    if app is not None:
        app.errors.append((where, exc))
        if len(app.errors) > 50:
            del app.errors[0]
        if app.development:
            overlay = app._vd.overlay
            if overlay is None:
                overlay = app._vd.overlay = Overlay(app)
            overlay.add(where, text)
    return text


_OVERLAY_STYLE = {
    "position": "fixed", "left": "0", "right": "0", "bottom": "0", "max-height": "50%",
    "overflow": "auto", "z-index": "2147483647", "background": "#fff0f0", "color": "#600",
    "border-top": "3px solid #c00", "font": "13px/1.4 monospace", "padding": "8px 12px",
}


class Overlay:
    """The in-page error panel of development mode.

    It is a second root next to the page (in ``document.body`` in a browser,
    after the app's content in its container otherwise): the page keeps its
    DOM and stays usable; the panel's close button dismisses it.
    """

    def __init__(self, app):
        from vdom import create_root

        self.app = app
        self.entries = []
        r = app._vd.renderer
        container = None
        doc = getattr(r, "document", None)
        if doc is not None:
            try:
                container = doc.body
            except Exception:
                container = None
        if container is None:
            container = app._vd.container
        self.root = create_root(r, container)

    def add(self, where, text):
        self.entries.append((where or "?", text))
        if len(self.entries) > 5:
            del self.entries[0]
        self.render()

    def close(self, event=None):
        self.entries = []
        self.render()

    def render(self):
        from vdom import h

        if not self.entries:
            self.root.render(None)
            return
        items = []
        for i in range(len(self.entries)):
            where, text = self.entries[i]
            items.append(h("div", {"key": i, "class": "vdom-error"},
                           h("b", None, "Error in " + where), h("pre", None, text)))
        self.root.render(h("div", {"class": "vdom-error-overlay", "role": "alert", "style": _OVERLAY_STYLE},
                           h("button", {"class": "vdom-error-close", "on_click": self.close}, "close"),
                           items))
