"""Server rendering of a ``vdom.app`` page (CPython; the tests run it everywhere).

    from vdom.app.server import render_page

    page = render_page(make_app(), "/pets/2", state={"user": "ann"})
    page.html          # the app's markup (hydratable), for inside the mount container
    page.title         # what page_title() returned (None: none)
    page.head          # early-events recorder + runtime CSS + the state <script>: put it in <head>
    page.document(TEMPLATE, app_id="app")   # or a whole document from a template

The app is mounted on a renderer (``MockRenderer`` unless given one:
everything runs as in the browser: components, ``precheck()``,
``populate()``, ``on_ready()``, redirects), then its VNode tree is
serialised with ``render_to_string(..., hydratable=True)``.  Give every
request its own ``Application`` (a factory function): the app, its state
and its pages are per request.  Renders are serialised by a lock
(``vdom.app`` keeps its build stack in module globals).

In the browser ``app.mount("#app", hydrate=True)`` reads the state back
(``vdom.app.hydration``) and adopts the server's DOM.
"""

import json

from vdom.app.hydration import STATE_ID, VERSION, EARLY_EVENTS_JS
from vdom.app.errors import NotFound, Forbidden, Unauthorized

try:
    import _thread

    _lock = _thread.allocate_lock()
except ImportError:  # a MicroPython port without threads
    _lock = None

DEFAULT_TEMPLATE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}}</title>
{{head}}
</head>
<body>
<div id="{{app_id}}">{{app}}</div>
{{scripts}}
</body>
</html>
"""


class RenderedPage:
    """What ``render_page`` returns.

    ``html``: the app's markup for inside the container; ``title``;
    ``data``: the dict serialised for the client; ``state_script``: that
    ``<script type="application/json">``; ``early_script``: the inline
    recorder of early events (``nonce`` if given); ``css``: the
    ``<style id="puepy-runtime-css">`` of the CssClasses used (or "");
    ``head``: the three together; ``path``: the path rendered (after
    redirects); ``redirect``: when a ``Redirect`` led from the requested path
    to another (html5 routing), the URL to send the browser to (HTTP 303), else None; ``status``: 200, or 404/403/401/500 when an
    error page shows; ``errors``: the app's ``(where, exception)`` list.
    """

    def __init__(self):
        self.html = ""
        self.title = None
        self.data = None
        self.state_script = ""
        self.early_script = ""
        self.css = ""
        self.path = None
        self.redirect = None
        self.status = 200
        self.errors = []

    @property
    def head(self):
        """``early_script + css + state_script``: what goes in ``<head>``."""
        return self.early_script + self.css + self.state_script

    def document(self, template=None, app_id="app", **values):
        """A whole HTML document: ``template`` (default ``DEFAULT_TEMPLATE``) with
        ``{{title}}`` (escaped), ``{{head}}``, ``{{app}}`` (the markup) and
        ``{{app_id}}`` replaced, and ``{{name}}`` for each keyword: escaped (as an
        attribute value, so it is safe in text and in quoted attributes) unless it
        has ``__html__()`` (markup you trust)."""
        from renderers.markup import escape_text, escape_attr

        if template is None:
            template = DEFAULT_TEMPLATE
        if not isinstance(template, str):
            raise TypeError("document(): the template is a string, got %r" % (template,))
        parts = {"title": escape_text(self.title or ""), "head": self.head, "app": self.html,
                 "app_id": escape_attr(app_id), "scripts": ""}
        for k in values:
            v = values[k]
            if v is None:
                v = ""
            elif hasattr(v, "__html__"):
                v = v.__html__()
            else:
                v = escape_attr(str(v))
            parts[k] = v
        if "{{app}}" not in template:
            raise ValueError("document(): the template has no {{app}} placeholder")
        out = []
        rest = template
        while True:
            i = rest.find("{{")
            if i < 0:
                out.append(rest)
                break
            j = rest.find("}}", i)
            if j < 0:
                out.append(rest)
                break
            name = rest[i + 2:j].strip()
            out.append(rest[:i])
            if name in parts:
                out.append(parts[name])
            else:
                raise ValueError("document(): the template's {{%s}} has no value (give %s=...)" % (name, name))
            rest = rest[j + 2:]
        return "".join(out)

    def __html__(self):
        """The app's markup: a Jinja template inserts ``{{ page }}`` unescaped."""
        return self.html


def render_page(app, path=None, state=None, page_state=None, page_kwargs=None, renderer=None,
                state_id=STATE_ID, nonce=None):
    """Render ``app`` (a fresh ``Application``) at ``path`` to a ``RenderedPage``.

    ``state`` updates the app state and ``page_state`` the state of the page
    shown before the first render (what this request knows: the signed-in
    user, rows from a database); both must be JSON data (dicts with string
    keys, lists, strings, numbers, booleans, None): they are serialised for
    the client along with the path, the page class and ``page_kwargs``.
    """
    if state is not None and not isinstance(state, dict):
        raise TypeError("render_page(state=...): a dict, got %r" % (state,))
    if page_state is not None and not isinstance(page_state, dict):
        raise TypeError("render_page(page_state=...): a dict, got %r" % (page_state,))
    if page_kwargs is not None and not isinstance(page_kwargs, dict):
        raise TypeError("render_page(page_kwargs=...): a dict, got %r" % (page_kwargs,))
    check_json(state, "state")
    check_json(page_state, "page_state")
    check_json(page_kwargs, "page_kwargs")
    check_id(state_id)
    if nonce is not None:
        check_nonce(nonce)
    if app._vd.root is not None:
        raise ValueError("render_page(): this Application is already mounted: make one per request")
    if _lock is not None:
        _lock.acquire()
    try:
        return _render(app, path, state, page_state, page_kwargs, renderer, state_id, nonce)
    finally:
        if _lock is not None:
            _lock.release()


def _render(app, path, state, page_state, page_kwargs, renderer, state_id, nonce):
    from renderers.html import render_to_string
    from vdom.app.hydration import set_silently

    if renderer is None:
        from renderers.mock import MockRenderer

        renderer = MockRenderer(log=False)
    set_silently(app.state, state)
    vd = app._vd
    vd.restore = (None, page_state) if page_state else None
    container = renderer.create_container()
    start = path or "/"
    app.mount(container, path=start, renderer=renderer, page_kwargs=page_kwargs)
    app.flush()
    out = RenderedPage()
    out.html = render_to_string(vd.root.vnode, hydratable=True)
    out.title = vd.title
    out.errors = list(app.errors)
    page = app.active_page
    out.path = vd.last_path if app.router is not None else None
    router = app.router
    if out.path is not None and out.path != start and router.link_mode != router.LINK_MODE_HASH:
        out.redirect = router.href(out.path)
    out.status = _status(page)
    data = {"v": VERSION, "path": out.path, "title": out.title,
            "page": page.__class__.__name__ if page is not None else None,
            "page_state": _plain(page.state, "the page's state") if page is not None else {},
            "state": _plain(app.state, "app.state"), "page_kwargs": page_kwargs or {}}
    out.data = data
    out.state_script = json_script(data, state_id)
    out.early_script = early_events_script(nonce)
    css = app.runtime_css
    if css:
        from renderers.markup import raw_text

        out.css = '<style id="puepy-runtime-css">' + raw_text("style", css) + "</style>"
    return out


def _plain(d, where):
    out = {}
    for k in d:
        out[k] = d[k]
    check_json(out, where)
    return out


def _status(page):
    if page is None:
        return 500
    err = page._vd.props.get("error") if page._vd.props else None
    if err is None:
        return 200
    if isinstance(err, NotFound):
        return 404
    if isinstance(err, Forbidden):
        return 403
    if isinstance(err, Unauthorized):
        return 401
    return 500


# -- JSON in a script element ------------------------------------------------------------

def check_json(value, where):
    """Raise a TypeError/ValueError naming the place (``state['todos'][2]['when']``) of the
    first value JSON cannot carry back unchanged: only dicts with string keys, lists,
    tuples (they come back as lists), strings, ints, finite floats, booleans and None."""
    if value is None:
        return
    st = [[value, where]]
    while st:
        v, at = st.pop()
        c = v.__class__
        if v is None or c is str or c is bool or c is int:
            continue
        if c is float:
            if v != v or v in (float("inf"), float("-inf")):
                raise ValueError("%s is %r: JSON has no NaN or infinity" % (at, v))
            continue
        if isinstance(v, dict):
            for k in v:
                if k.__class__ is not str:
                    raise TypeError("%s has the key %r: JSON keys are strings (it would come back as %r)"
                                    % (at, k, str(k)))
                st.append([v[k], "%s[%r]" % (at, k)])
            continue
        if isinstance(v, (list, tuple)):
            for i in range(len(v)):
                st.append([v[i], "%s[%d]" % (at, i)])
            continue
        if isinstance(v, (str, int, float)):  # subclasses: their plain value is written
            continue
        raise TypeError("%s is %r (%s): not JSON data (dicts, lists, strings, numbers, booleans, None)"
                        % (at, v, v.__class__.__name__))


def json_text(data):
    """``json.dumps(data)`` that cannot end a ``<script>`` or start a comment: ``<``, ``>``
    and ``&`` are written ``\\u003c``, ``\\u003e``, ``\\u0026``, and U+2028/U+2029 (line
    ends to old JS parsers) ``\\u2028``/``\\u2029``; other text stays UTF-8."""
    try:
        s = json.dumps(data, ensure_ascii=False)
    except TypeError:  # MicroPython: no keyword arguments (it writes UTF-8 as is)
        s = json.dumps(data)
    if "<" in s:
        s = s.replace("<", "\\u003c")
    if ">" in s:
        s = s.replace(">", "\\u003e")
    if "&" in s:
        s = s.replace("&", "\\u0026")
    if "\u2028" in s:
        s = s.replace("\u2028", "\\u2028")
    if "\u2029" in s:
        s = s.replace("\u2029", "\\u2029")
    try:
        s.encode("utf-8")
    except UnicodeError:
        raise ValueError("the serialised state holds a lone surrogate (invalid text)")
    return s


def json_script(data, element_id=STATE_ID):
    """``<script type="application/json" id=...>`` holding ``data`` (see ``json_text``)."""
    from renderers.markup import raw_text

    check_json(data, "the data")
    check_id(element_id)
    return '<script type="application/json" id="%s">%s</script>' % (element_id, raw_text("script", json_text(data)))


def check_id(element_id):
    ok = isinstance(element_id, str) and element_id != "" and element_id[0].isalpha()
    if ok:
        for ch in element_id:
            if not (ch.isalpha() or ch.isdigit() or ch in "-_:."):
                ok = False
                break
    if not ok:
        raise ValueError("state_id must be a name of letters, digits, '-', '_', ':' or '.' starting with a "
                         "letter, got %r" % (element_id,))


def check_nonce(nonce):
    ok = isinstance(nonce, str) and nonce != ""
    if ok:
        for ch in nonce:
            if not (ch.isalpha() or ch.isdigit() or ch in "+/=-_"):
                ok = False
                break
    if not ok:
        raise ValueError("nonce must be base64 text (letters, digits, + / = - _), got %r" % (nonce,))


# -- the early-events recorder -------------------------------------------------------------

def early_events_script(nonce=None):
    """The inline ``<script>`` that records events until the app is live (``nonce``: the
    CSP nonce of this response; with a hash instead, allow ``early_events_csp()``)."""
    if nonce is not None:
        check_nonce(nonce)
        return '<script nonce="%s">%s</script>' % (nonce, EARLY_EVENTS_JS)
    return "<script>%s</script>" % (EARLY_EVENTS_JS,)


def early_events_csp():
    """``'sha256-...'``: the CSP source allowing the recorder (``script-src 'self' <this>``)."""
    import hashlib
    import binascii

    digest = hashlib.sha256(EARLY_EVENTS_JS.encode("utf-8")).digest()
    return "'sha256-%s'" % binascii.b2a_base64(digest).decode().strip()
