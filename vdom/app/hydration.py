"""The client half of server rendering: the page's serialised state, and early events.

``vdom.app.server.render_page`` (CPython, on the server) writes the app's
markup, a ``<script type="application/json" id="vdom-app-state">`` with
what the client needs to render exactly the same tree, and a small inline
script (``EARLY_EVENTS_JS``) that records the user's clicks, typing,
changes and submits until the interpreter is ready.
``app.mount(selector, hydrate=True)`` reads the state (``load_data``),
restores it, adopts the server's DOM (``Root.hydrate``) instead of
building it, then replays the recorded events on the adopted nodes
(``replay``).

The data is a JSON object: ``{"v": 1, "path": ..., "page": <Page class
name>, "page_state": {...}, "state": {...}, "page_kwargs": {...},
"title": ...}``.
"""

import json

from vdom.app.runtime import IN_BROWSER, js, is_null

STATE_ID = "vdom-app-state"
VERSION = 1
# The name of the recorder the inline script makes (``window.pyvdomEarly``).
EARLY_NAME = "pyvdomEarly"

# Recorded before the interpreter is ready (capture phase on the document, so nothing the
# page does can hide an event from it).  Not recorded: clicks inside a link (the browser
# follows it: a server-rendered page, or a hash the router reads once live), keys other
# than Enter and Escape.  Submits are stopped (no reload) and replayed.  take() stops
# recording and keeps the last of consecutive input events on one field; fire(i)
# dispatches the i-th taken record again as a plain Event (a KeyboardEvent with its key
# for keydown): listeners run, no default action (a checkbox is not toggled twice, a
# link not followed, a form not submitted).  A node the hydration replaced is skipped.
EARLY_EVENTS_JS = (
    "(()=>{if(window.pyvdomEarly)return;"
    "const T=['click','input','change','submit','keydown'],q=[];let got=[];"
    "const rec=e=>{const t=e.target;if(!(t instanceof Element))return;"
    "if(e.type==='keydown'&&e.key!=='Enter'&&e.key!=='Escape')return;"
    "if(e.type==='click'&&t.closest('a[href]'))return;"
    "if(e.type==='submit')e.preventDefault();"
    "q.push([e.type,t,e.key||'']);};"
    "for(const k of T)document.addEventListener(k,rec,true);"
    "window.pyvdomEarly={"
    "pending(){return q.length},"
    "take(){for(const k of T)document.removeEventListener(k,rec,true);"
    "got=q.filter((r,i)=>!(r[0]==='input'&&q[i+1]&&q[i+1][0]==='input'&&q[i+1][1]===r[1]));"
    "q.length=0;return got.length},"
    "fire(i){const r=got[i];if(!r||!r[1].isConnected)return false;"
    "const o={bubbles:true,cancelable:true};"
    "if(r[0]==='keydown'){o.key=r[2];r[1].dispatchEvent(new KeyboardEvent('keydown',o))}"
    "else r[1].dispatchEvent(new Event(r[0],o));return true}};})();"
)


def load_data(source, state_id=STATE_ID):
    """The serialised state as a dict.

    ``source``: True (read ``<script id=state_id>`` of the page: browser
    only), ``"auto"`` (the same when the page has that script, else None:
    the app renders afresh), a dict (``render_page(...).data``) or its JSON text.
    """
    if source == "auto":
        if not IN_BROWSER or is_null(js.document.getElementById(state_id)):
            return None
        source = True
    if source is True:
        if not IN_BROWSER:
            raise ValueError("mount(hydrate=True) reads the page's <script id=%r>, which needs a browser: "
                             "pass the data instead (render_page(...).data or its JSON)" % (state_id,))
        el = js.document.getElementById(state_id)
        if is_null(el):
            raise ValueError("mount(hydrate=True): the page has no <script id=%r> (render it with "
                             "vdom.app.server.render_page)" % (state_id,))
        source = str(el.textContent)
    if isinstance(source, str):
        try:
            source = json.loads(source)
        except ValueError as e:
            raise ValueError("mount(hydrate=...): the serialised state is not valid JSON (%s)" % (e,))
    if not isinstance(source, dict):
        raise TypeError("mount(hydrate=...): True, a dict or a JSON string, got %r" % (source,))
    if source.get("v") != VERSION:
        raise ValueError("mount(hydrate=...): serialised state of version %r, this vdom.app reads %d"
                         % (source.get("v"), VERSION))
    for k in ("state", "page_state", "page_kwargs"):
        v = source.get(k)
        if v is not None and not isinstance(v, dict):
            raise TypeError("mount(hydrate=...): %r must be an object, got %r" % (k, v))
    return source


def set_silently(d, values):
    """Put ``values`` in the reactive dict ``d`` without reporting changes (restored state:
    no watcher runs, nothing re-renders)."""
    if not values:
        return
    saved = (d._notify, d._listener, d._key_listeners)
    d._notify = d._listener = d._key_listeners = None
    try:
        for k in values:
            d[k] = values[k]
    finally:
        d._notify, d._listener, d._key_listeners = saved


def early_source():
    """The page's recorder (``window.pyvdomEarly``), or None."""
    if not IN_BROWSER:
        return None
    try:
        src = getattr(js.window, EARLY_NAME, None)
    except Exception:
        return None
    if is_null(src) or not hasattr(src, "take"):
        return None
    return src


def replay(app, source):
    """Dispatch the events ``source`` recorded again, each followed by a flush.

    ``source`` has ``take()`` (stop recording; how many records) and
    ``fire(i)`` (dispatch record ``i``; False if its node is gone): the
    page's ``window.pyvdomEarly``, or ``vdom.app.testing.EarlyEvents``.
    Returns how many were dispatched.
    """
    if source is None:
        return 0
    n = int(source.take())
    done = 0
    for i in range(n):
        if source.fire(i):
            done += 1
        app.flush()
    return done
