"""The browser DOM renderer: the protocol on real DOM nodes through ``js``.

Runs unchanged on Pyodide and on MicroPython (PyScript's two interpreters)::

    from vdom import h, create_root
    from renderers.dom import DomRenderer, mount

    root = mount("#app")                       # = create_root(DomRenderer(), document.querySelector("#app"))
    root.render(h("p", None, "hello"))

Every Python -> JS crossing costs far more than the DOM work it asks for
(0.3-2 us each, see the README), so each protocol call makes as few as it
can and never reads DOM state back (the VNodes know it):

===================  =========  ====================================================
protocol call        crossings  JS work
===================  =========  ====================================================
create_element       1          cached bound ``document.createElement(tag)``
create_element_ns    1          cached bound ``document.createElementNS(ns, tag)``
create_text          1          cached bound ``document.createTextNode(text)``
create_raw           6-8        ``<template>`` parse (see ``create_raw``)
insert               1          ``Node.prototype.insertBefore`` called through a cached
                                uncurried function (``anchor`` None appends)
remove               1          uncurried ``Node.prototype.removeChild``
clear                1          ``parent.textContent = ""``
set_text_content     1          ``el.textContent = text`` (an element whose only child is a string)
set_text             1          ``node.nodeValue = text``
set_attribute        1          a DOM property for ``value``, ``checked``, ``selected``,
                                ``selectedIndex``, ``muted``, ``indeterminate`` (+1:
                                ``localName``; a custom element gets the attribute);
                                uncurried ``setAttribute`` otherwise
remove_attribute     1          the property reset (``value``: 2, also drops the attribute)
                                or uncurried ``removeAttribute``
set_class            1          uncurried ``setAttribute("class", value)`` (faster
                                than ``className`` on both interpreters)
set_style            2          ``el.style`` + uncurried ``setProperty``
remove_style         2          ``el.style`` + uncurried ``removeProperty``
add_listener         2          uncurried ``Function.prototype.bind`` + ``addEventListener``
remove_listener      1 (+1)     uncurried ``removeEventListener`` (+ ``destroy()`` on Pyodide)
clone                1          uncurried ``cloneNode(true)`` (a ``static()`` subtree)
===================  =========  ====================================================

Uncurried functions (``Function.prototype.call.bind(Node.prototype.insertBefore)``)
turn ``parent.insertBefore(node, anchor)`` (a method lookup, then a call)
into a single call.  They are built once per renderer, from the page's own
prototypes, without ``eval`` (fine under a strict Content-Security-Policy).

Listeners: the renderer makes ONE proxy, of its ``_dispatch(n, event)``,
and ``add_listener`` gives the element ``dispatch.bind(null, n)``: a JS
function that holds a number, not a Python object.  ``n`` names the core's
``vdom.Listener`` in a dict; the listener calls whatever Python handler it
holds at the time (the core swaps handlers without telling the renderer).
``remove_listener`` detaches the function and drops ``n``;
``release_listener`` (element unmounted) only drops ``n``.  Pyodide cannot
bind its proxies (Function.prototype.bind of a PyProxy aborts the
interpreter), so there each listener gets its own proxy of a small
``_Numbered`` object, destroyed when the listener is released (Pyodide
frees it at once); ``DomRenderer(bind_listeners=...)`` overrides the choice.  Why not a proxy
per listener: a JS proxy of a Python object keeps that object alive until
JS garbage-collects the proxy, which under MicroPython happens only after
the element, Python's reference to it, and a FinalizationRegistry callback
have all gone, collections apart; every removed row's listeners (and what
their handlers reference) stayed on MicroPython's heap long after the row
left, and a growing heap makes MicroPython's allocator slower (issue 10).
A number costs nothing to drop, on both interpreters, and adding a
listener no longer creates a proxy.  ``live_proxies`` counts the listeners
added and not yet released: it stays flat while a page re-renders with new
handler functions.

Garbage collection on MicroPython (``IdleGC``): MicroPython's webassembly
port cannot collect while Python runs; it collects when a call from JS
returns, if the handler allocated more than ``gc.threshold`` (16 KB in
PyScript), so a click that changes one row pays a full collection (3-5 ms
with 1,000 rows mounted, 20+ ms with 10,000) before the browser can paint.
Under MicroPython the renderer raises the threshold to ``IDLE_GC_THRESHOLD``
and, after every event handler it dispatched, asks for one collection
right after the next paint (``requestAnimationFrame``, then a zero-delay
timer), so the user sees the update before the collection runs, as
browsers schedule their own GC for idle time.  A handler that allocates more than the threshold still
collects on return.  ``DomRenderer(idle_gc=False)`` keeps MicroPython's
default; ``renderer.idle_gc.schedule()`` asks for a collection after work
that did not come from a listener (a timer).

Counting: ``DomRenderer(count=True)`` counts protocol calls per method in
``renderer.calls`` and JS crossings in ``renderer.crossings`` (the table
above; the optional extras are counted exactly); ``renderer.reset_counts()``
starts again.  Without ``count`` the methods run with no counting overhead.

Property vs attribute: the six names above are DOM properties (what the user
sees and edits), except on custom elements (a ``-`` in the name), whose
components read attributes; everything else is an attribute, as
``render_to_string`` writes it.  A ``<select>``'s ``value``/``selectedIndex`` given at mount time
is applied again as its options are inserted (the core sets an element's
props before it creates or patches its children): every ``value`` and
``selectedIndex`` set during a render is set again when a child is inserted
into that element, until the render returns (a microtask forgets them).

Moves: where the browser has ``moveBefore`` (Chromium 133+), ``move`` uses
it when the parent is in the document (2 calls: ``isConnected`` and the
move), so a moved element keeps focus, caret and iframe state; elsewhere it
is ``insertBefore`` (1 call), which blurs a focused element that is itself
moved (its value and caret survive).  ``release_listener`` (element
unmounted) only drops the listener's number (and destroys its proxy on Pyodide) and makes no DOM call: the
listener goes away with the element.  SVG and MathML elements get
attributes only (``class`` arrives as ``set_attribute``), and their names
keep their case (``viewBox``).
"""

import json
import sys

from vdom.renderer import Renderer

_jsnull = None
_PYODIDE = False
try:  # Pyodide (what pyscript.ffi uses there)
    from pyodide.ffi import create_proxy as _create_proxy
    _PYODIDE = True
    try:
        from pyodide.ffi import jsnull as _jsnull
    except ImportError:  # Pyodide < 0.28: null is None
        pass
except ImportError:
    try:  # MicroPython's webassembly port (what pyscript.ffi uses there)
        from jsffi import create_proxy as _create_proxy
    except ImportError:  # CPython: pass create_proxy= (tests use a fake js)
        _create_proxy = None

# Names set as DOM properties instead of attributes, and how the value is converted.
_BOOL = 1
_STR = 2
_INT = 3
PROPERTIES = {"value": _STR, "checked": _BOOL, "selected": _BOOL, "selectedIndex": _INT,
              "muted": _BOOL, "indeterminate": _BOOL}

# Crossings into JS per protocol call (see the module docstring); extras are counted where made.
CROSSINGS = {"create_element": 1, "create_element_ns": 1, "create_text": 1, "create_raw": 5,
             "insert": 1, "remove": 1, "clear": 1, "set_text": 1, "set_attribute": 1,
             "remove_attribute": 1, "set_class": 1, "set_style": 2, "remove_style": 2,
             "add_listener": 2, "remove_listener": 1, "release_listener": 0, "move": 1,
             "clone": 1, "set_text_content": 1}


class DomError(Exception):
    """A DOM call raised (MicroPython only: Pyodide raises its own ``JsException``).

    ``name`` and ``message`` are the JS exception's (``"NotFoundError"``...).
    """

    def __init__(self, call, name, message):
        super().__init__("%s: %s: %s" % (call, name, message))
        self.call = call
        self.name = name
        self.message = message


# JS functions that call f and return the exception it throws (undefined when none): a JS
# exception crossing into MicroPython aborts the whole call from JS, skipping every
# Python except/finally, so the calls that can throw go through these.
# They are defined by an inline script the renderer adds once per page (no eval: under a
# Content-Security-Policy that refuses inline scripts it does not run, nothing throws, and
# the renderer goes on unguarded).  null, not undefined, on success: MicroPython gives
# null as None.
_GUARDS = "__pyvdomGuards"
_GUARDS_JS = (
    "window.__pyvdomGuards = {"
    "g2: function (f) { return function (a, b) { try { f(a, b); return null } catch (e) { return e } } },"
    "g3: function (f) { return function (a, b, c) { try { f(a, b, c); return null } catch (e) { return e } } },"
    "set: function (o, k, v) { try { o[k] = v; return null } catch (e) { return e } } };")


def _py_list(arr):
    """A JS array of host nodes as a Python list of them, in one call under Pyodide;
    under MicroPython iterating it is ~3x faster than indexing it (measured in Node)."""
    if _PYODIDE:
        return arr.to_py(depth=1)
    return list(arr)


def _raise_dom(call, e):
    raise DomError(call, str(getattr(e, "name", "Error")), str(getattr(e, "message", e)))


def _js_module():
    import js  # noqa: only in a browser (or a test's fake module)
    return js


def _default_document(js):
    try:
        d = js.document
        if d is not None:
            return d
    except AttributeError:
        pass
    from pyscript import document  # a PyScript worker: the main thread's document
    return document


# Bytes a handler may allocate before MicroPython collects when it returns
# (JFB: selecting or swapping rows allocates 5-40 KB, updating 100 rows
# ~150 KB, creating 1,000 rows a few MB).
IDLE_GC_THRESHOLD = 512 * 1024
_MICROPYTHON = sys.implementation.name == "micropython"

# Hydration's bulk read (``read_tree``): one call returns the description of every node under an
# element, in document order, as JSON ([1, localName, child count, name, value, ...] for an
# element, [type, data] for text and comments); ``all()`` then gives the nodes.  From an inline
# script added on the first hydration (no eval; a CSP that refuses it leaves the per-node reads).
_READ = "__pyvdomRead"
_READ_JS = (
    "window.__pyvdomRead = (function () { var last = [];"
    "function d(c, out) { var t = c.nodeType;"
    " if (t === 1) { var a = c.attributes, s = [1, c.localName, c.childNodes.length], j;"
    "  for (j = 0; j < a.length; j++) s.push(a[j].name, a[j].value); out.push(s) }"
    " else if (t === 3 || t === 8) out.push([t, c.data]); else out.push([t]) }"
    "return { tree: function (el) { var out = [], st = [], n = el.childNodes, i, c; last = [];"
    " for (i = n.length - 1; i >= 0; i--) st.push(n[i]);"
    " while (st.length) { c = st.pop(); last.push(c); d(c, out); n = c.childNodes;"
    "  for (i = n.length - 1; i >= 0; i--) st.push(n[i]) }"
    " return JSON.stringify(out) },"
    "all: function () { var r = last; last = []; return r } } })();")

# Hydration's fast path (``match_tree``, see vdom/hydrate_fast.py): compares the container's
# subtree with the VNodes' description in one call and returns the host nodes in its order
# (having removed the fragments' "]" markers, as the walk does), or
# false at the first difference or on any exception (a JS exception would abort MicroPython's
# whole call; false lets the walk take over).  Installed like the read helper.
_MATCH = "__pyvdomMatch"
_MATCH_JS = (
    "window.__pyvdomMatch = function (root, s) { var t = s.split('\\x1f'), i = 0, out = [], ends = [], first = {};"
    # items(c, n): match the next n items from host c on; the host after them (null at the end)
    # or false.  A fragment's items lie between its "[" and "]" comments in the same parent.
    "function items(c, n) { var k, j, tok, x, a, m;"
    " for (k = 0; k < n; k++) { if (c === null) return false; tok = t[i++];"
    "  if (tok === '#') { if (c.nodeType !== 3 || c.data !== t[i++]) return false; out.push(c) }"
    "  else if (tok === '@') { x = t[i++]; a = first[x];"
    "   if (a === undefined) { a = first[x] = out[+x]; if (!a) return false }"
    "   if (!c.isEqualNode(a)) return false; out.push(c) }"
    "  else if (tok === '[') { if (c.nodeType !== 8 || c.data !== '[') return false; out.push(c);"
    "   c = items(c.nextSibling, +t[i++]);"
    "   if (c === false || c === null || c.nodeType !== 8 || c.data !== ']') return false; ends.push(c) }"
    "  else { if (c.nodeType !== 1 || c.localName !== tok || c.namespaceURI !== 'http://www.w3.org/1999/xhtml') return false;"
    "   out.push(c); m = +t[i++]; a = c.attributes; if (a.length !== m) return false;"
    "   for (j = 0; j < m; j++) { x = t[i++]; if (c.getAttribute(x) !== t[i++]) return false }"
    "   x = t[i++];"
    "   if (x === '=') { a = c.firstChild; x = t[i++];"
    "    if (a === null || a !== c.lastChild || a.nodeType !== 3 || a.data !== x) return false }"
    "   else if (items(c.firstChild, +x) !== null) return false }"
    "  c = c.nextSibling }"
    " return c }"
    "try { if (items(root.firstChild, +t[i++]) !== null || i !== t.length) return false;"
    " for (var k = 0; k < ends.length; k++) ends[k].remove(); return out } catch (e) { return false } };")


class IdleGC:
    """Runs MicroPython's garbage collection right after the next paint (see the module docs).

    ``schedule()`` asks for one collection (at most one pending): a
    ``requestAnimationFrame`` callback queues a zero-delay timer, which runs
    once the frame is painted, so the user sees the update first.
    ``collections`` counts those that ran.  ``gc`` is the gc module (tests
    pass a fake).
    """

    def __init__(self, js, create_proxy, threshold=IDLE_GC_THRESHOLD, gc=None):
        if gc is None:
            import gc
        self._gc = gc
        self.threshold = threshold
        gc.threshold(threshold)
        self.pending = False
        self.collections = 0
        self._proxy = create_proxy(self._collect)
        self._frame_proxy = create_proxy(self._after_frame)
        win = getattr(js, "window", js)
        self._raf = getattr(win, "requestAnimationFrame", None)
        self._set_timeout = js.setTimeout

    def schedule(self):
        if self.pending:
            return
        self.pending = True
        if self._raf is not None:
            self._raf(self._frame_proxy)
        else:
            self._set_timeout(self._proxy, 0)

    def _after_frame(self, *args):
        # Still before this frame's paint: a timer runs after it.
        self._set_timeout(self._proxy, 0)

    def _collect(self, *args):
        self.pending = False
        self.collections += 1
        # In MicroPython's webassembly port this only marks a collection as
        # due; it runs as this callback returns to JS (after the paint).
        self._gc.collect()


class _Numbered:
    """Pyodide's listener function: calls the renderer's dispatch with its number."""

    __slots__ = ("renderer", "n")

    def __init__(self, renderer, n):
        self.renderer = renderer
        self.n = n

    def __call__(self, event=None):
        return self.renderer._dispatch(self.n, event)


class DomRenderer(Renderer):
    """Renders into the browser DOM.

    ``document``: the document to create nodes in (default ``js.document``,
    or ``pyscript.document`` in a worker).  ``js``: the module giving the
    page's globals (default: ``import js``).  ``create_proxy``: Pyodide's or
    MicroPython's (default: found by import).  ``count``: keep per-call and
    crossing counters (``calls``, ``crossings``).  ``idle_gc``: run
    MicroPython's collections in idle time (``IdleGC``; default: on under
    MicroPython, off elsewhere); the ``IdleGC`` is ``renderer.idle_gc``
    (None when off).  ``guard``: route the DOM calls that can throw through
    JS functions that return the exception, raised here as ``DomError``
    (default: on under MicroPython, where a JS exception would abort the
    whole call; ``renderer.guarded`` says whether the page allowed it).
    """

    # Hydration reads the whole tree in one call (read_tree) where crossings are dear: Pyodide
    # (hydrate 1,000 rows: 78 -> 59 ms).  Under MicroPython decoding the JSON costs more than
    # the crossings it saves (159 -> 199 ms), so it reads node by node.
    bulk_reads = _PYODIDE

    def __init__(self, document=None, js=None, create_proxy=None, count=False, idle_gc=None,
                 bind_listeners=None, guard=None):
        if js is None:
            js = _js_module()
        if document is None:
            document = _default_document(js)
        if create_proxy is None:
            create_proxy = _create_proxy
            if create_proxy is None:
                raise RuntimeError("DomRenderer needs pyodide.ffi or jsffi (a browser), or create_proxy=")
        self.document = document
        self.create_proxy = create_proxy
        self.live_proxies = 0
        self._extra = 0
        self._pending = None      # [(el, name, value), ...] re-applied as children go in
        self._flush_proxy = None
        self._grave = None        # Pyodide: listener proxies released in this patch, destroyed after it
        self._bury_proxy = None
        self._js = js
        # Cached bound methods and uncurried prototype methods: one crossing per call.
        self._ce = document.createElement
        self._cens = document.createElementNS
        self._ct = document.createTextNode
        # Uncurried prototype methods: f(el, *args) is el.method(*args) in one call.
        # The raw functions come from Reflect.get: an attribute lookup would give
        # MicroPython's method proxy, bound to the prototype ("Illegal invocation").
        bind = js.Function.prototype.call.bind
        get = js.Reflect.get
        node = js.Node.prototype
        elem = js.Element.prototype
        target = js.EventTarget.prototype
        style = js.CSSStyleDeclaration.prototype
        self._ins = bind(get(node, "insertBefore"))
        self._rm = bind(get(node, "removeChild"))
        self._cn = bind(get(node, "cloneNode"))
        self._sa = bind(get(elem, "setAttribute"))
        self._ra = bind(get(elem, "removeAttribute"))
        self._sp = bind(get(style, "setProperty"))
        self._rp = bind(get(style, "removeProperty"))
        self._ael = bind(get(target, "addEventListener"))
        self._rel = bind(get(target, "removeEventListener"))
        self._mb = bind(get(elem, "moveBefore")) if js.Reflect.has(elem, "moveBefore") else None
        if guard is None:
            guard = _MICROPYTHON
        self.guarded = bool(guard)
        if guard:
            self._install_guards()
        # Listeners: one proxy for the renderer, bound to a number per element and type
        # (Pyodide: a proxy per listener, destroyed when released; see the module docs).
        if bind_listeners is None:
            bind_listeners = not _PYODIDE
        self._bind_fn = bind(get(js.Function.prototype, "bind")) if bind_listeners else None
        self._listeners = {}      # n -> vdom.Listener
        self._next_listener = 0
        self._freed = 0
        self._dispatch_proxy = create_proxy(self._dispatch) if bind_listeners else None
        self.calls = None
        self.crossings = 0
        if idle_gc is None:
            idle_gc = _MICROPYTHON
        if idle_gc is True:
            idle_gc = IdleGC(js, create_proxy)
        self.idle_gc = idle_gc or None
        if count:
            self._install_counters()

    def _inline_helper(self, name, code):
        """``window[name]``, defined first by an inline script holding ``code`` (no eval);
        None where the page's Content-Security-Policy refuses inline scripts."""
        js = self._js
        win = getattr(js, "window", js)
        if not js.Reflect.has(win, name):
            doc = self.document
            s = doc.createElement("script")
            s.textContent = code
            doc.documentElement.appendChild(s)  # an inline script runs as it is inserted
            s.remove()
            if not js.Reflect.has(win, name):
                return None
        return js.Reflect.get(win, name)

    def _install_guards(self):
        # MicroPython: the calls that can throw (a node moved or removed behind the
        # root's back, a property the element rejects, a name the DOM refuses) go
        # through small JS functions that return the exception instead of throwing
        # it, and DomError is raised in Python (see DomError).  Same crossings.
        g = self._inline_helper(_GUARDS, _GUARDS_JS)
        if g is None:  # refused by the page's CSP: stay unguarded
            self.guarded = False
            return
        g2 = g.g2
        g3 = g.g3
        self._gins = g3(self._ins)
        self._grm = g2(self._rm)
        self._gsa = g3(self._sa)
        self._gra = g2(self._ra)
        self._gmb = g3(self._mb) if self._mb is not None else None
        self._gset = g.set
        self.insert = self._insert_g
        self.move = self._move_g
        self.remove = self._remove_g
        self.set_class = self._set_class_g
        self.set_attribute = self._set_attribute_g
        self.remove_attribute = self._remove_attribute_g
        self._setp = self._setp_g

    # -- counters -------------------------------------------------------------

    def _install_counters(self):
        self.calls = {}
        for name in CROSSINGS:
            setattr(self, name, _counted(self, name, getattr(self, name), CROSSINGS[name]))

    def reset_counts(self):
        """Zero ``calls`` and ``crossings`` (counting renderers only)."""
        if self.calls is not None:
            self.calls = {}
        self.crossings = 0
        self._extra = 0

    def count(self, name=None):
        """Calls of protocol method ``name`` (all calls when None), as ``MockRenderer.count``."""
        calls = self.calls or {}
        if name is None:
            n = 0
            for k in calls:
                n += calls[k]
            return n
        return calls.get(name, 0)

    # -- the protocol ---------------------------------------------------------

    def create_element(self, tag):
        return self._ce(tag)

    def create_element_ns(self, namespace, tag):
        return self._cens(namespace, tag)

    def create_text(self, text):
        return self._ct(text)

    def create_raw(self, html):
        """Trusted HTML as ONE node: the node itself when ``html`` parses to
        exactly one node (``<li>..</li>``, ``<tr>..</tr>`` and ``<svg>``
        included: a ``<template>`` parses them in any context), otherwise a
        ``<span style="display:contents">`` holding all of them, which lays
        out as if its children stood in its place.

        ``html`` is inserted as markup, so it must be trusted: it comes from
        an object with ``__html__`` (markupsafe's ``Markup``, or markup you
        wrote), which is how a developer says so; never wrap user data in
        one.  ``<script>`` elements in it do not run (the fragment parser
        marks them as already started), but everything else does: inline
        handlers (``<img onerror>``), ``javascript:`` links, ``<iframe
        srcdoc>``.  ``render_to_string`` writes it as is, where its scripts
        do run when the page loads.
        """
        t = self._ce("template")
        t.innerHTML = html
        content = t.content
        nodes = content.childNodes
        if nodes.length == 1:
            self._extra += 1
            return nodes[0]
        wrap = self._ce("span")
        self._sa(wrap, "style", "display:contents")
        wrap.append(content)
        self._extra += 3
        return wrap

    def clone(self, node):
        return self._cn(node, True)

    def insert(self, parent, node, anchor):
        self._ins(parent, node, anchor)
        if self._pending is not None:
            self._reapply(parent)

    def move(self, parent, node, anchor):
        # moveBefore keeps focus and state but throws unless the parent is in
        # the document (and a JS exception cannot be caught on MicroPython).
        if self._mb is not None and parent.isConnected:
            self._extra += 1
            self._mb(parent, node, anchor)
        else:
            self._ins(parent, node, anchor)

    def remove(self, parent, node):
        self._rm(parent, node)

    def clear(self, parent):
        parent.textContent = ""

    def set_text_content(self, el, text):
        el.textContent = text

    def set_text(self, node, text):
        node.nodeValue = text

    def set_attribute(self, el, name, value):
        kind = PROPERTIES.get(name)
        if kind is None:
            self._sa(el, name, "" if value is True else value)
            return
        self._extra += 1
        if "-" in el.localName:
            # A custom element (<sl-menu-item value=...>): web components read attributes.
            self._sa(el, name, "" if value is True else str(value))
            return
        if kind == _STR:
            value = "" if value is True else value
        elif kind == _BOOL:
            value = True
        else:
            value = int(value)
        self._setp(el, name, value)
        if kind != _BOOL:
            self._defer(el, name, value)

    def remove_attribute(self, el, name):
        kind = PROPERTIES.get(name)
        if kind is None:
            self._ra(el, name)
            return
        self._extra += 1
        if "-" in el.localName:
            self._ra(el, name)
        elif kind == _STR:
            self._setp(el, "value", "")
            self._ra(el, name)
            self._extra += 1
        elif kind == _BOOL:
            self._setp(el, name, False)
        else:
            self._setp(el, name, -1)

    def _setp(self, el, name, value):
        setattr(el, name, value)

    # -- guarded variants (MicroPython; see DomError), installed over the plain ones ----
    # (``_NAME_g``: PatchError.operation reports them as ``NAME``.)

    def _insert_g(self, parent, node, anchor):
        e = self._gins(parent, node, anchor)
        if e is not None:
            _raise_dom("insertBefore", e)
        if self._pending is not None:
            self._reapply(parent)

    def _move_g(self, parent, node, anchor):
        if self._gmb is not None and parent.isConnected:
            self._extra += 1
            e = self._gmb(parent, node, anchor)
            call = "moveBefore"
        else:
            e = self._gins(parent, node, anchor)
            call = "insertBefore"
        if e is not None:
            _raise_dom(call, e)

    def _remove_g(self, parent, node):
        e = self._grm(parent, node)
        if e is not None:
            _raise_dom("removeChild", e)

    def _set_class_g(self, el, value):
        e = self._gsa(el, "class", value)
        if e is not None:
            _raise_dom("setAttribute('class')", e)

    def _setp_g(self, el, name, value):
        e = self._gset(el, name, value)
        if e is not None:
            _raise_dom("set %s" % (name,), e)

    def _set_attribute_g(self, el, name, value):
        if name not in PROPERTIES:
            e = self._gsa(el, name, "" if value is True else value)
            if e is not None:
                _raise_dom("setAttribute(%r)" % (name,), e)
            return
        DomRenderer.set_attribute(self, el, name, value)

    def _remove_attribute_g(self, el, name):
        if name not in PROPERTIES:
            e = self._gra(el, name)
            if e is not None:
                _raise_dom("removeAttribute(%r)" % (name,), e)
            return
        DomRenderer.remove_attribute(self, el, name)

    def set_class(self, el, value):
        # Measured: uncurried setAttribute("class") beats the className setter
        # (MicroPython 0.58 vs 0.88 us, Pyodide 0.85 vs 0.96 us).
        self._sa(el, "class", value)

    def set_style(self, el, name, value):
        if value.endswith("important") and "!" in value:
            i = value.rindex("!")
            self._sp(el.style, name, value[:i].strip(), "important")
        else:
            self._sp(el.style, name, value)

    def remove_style(self, el, name):
        self._rp(el.style, name)

    def add_listener(self, el, event_type, listener):
        n = self._next_listener + 1
        self._next_listener = n
        self._listeners[n] = listener
        if self._bind_fn is not None:
            # Function.prototype.bind(dispatch, null, n): JS holds a number, not a Python object.
            fn = self._bind_fn(self._dispatch_proxy, None, n)
        else:
            fn = self.create_proxy(_Numbered(self, n))
        listener.host = (n, fn)
        self.live_proxies += 1
        self._ael(el, event_type, fn)

    def remove_listener(self, el, event_type, listener):
        host = listener.host
        if host is None:
            return
        self._rel(el, event_type, host[1])
        self._free(listener, host)

    def release_listener(self, el, event_type, listener):
        # The element is being unmounted: its DOM listener goes with it.
        host = listener.host
        if host is not None:
            self._free(listener, host)

    def _free(self, listener, host):
        listener.host = None
        self.live_proxies -= 1
        n = host[0]
        table = self._listeners
        table[n] = None  # MicroPython keeps a deleted entry's value in the table: drop it first
        del table[n]
        if self._bind_fn is None:
            # Destroyed after the patch (a microtask), not now: removing a focused element
            # fires blur at it on the way out, and a destroyed proxy would throw ("Object has
            # already been destroyed"); until then it calls _dispatch, which finds nothing.
            self._extra += 1
            grave = self._grave
            if grave is None:
                grave = self._grave = []
                if self._bury_proxy is None:
                    self._bury_proxy = self.create_proxy(self._bury)
                self._js.queueMicrotask(self._bury_proxy)
            grave.append(host[1])
        self._freed += 1
        if not table:
            self._listeners = {}
            self._freed = 0
        elif self._freed > 4096 and self._freed > 2 * len(table):
            # A MicroPython dict never reclaims deleted slots (lookups probe them):
            # after many removals, copy the live entries into a fresh one.
            fresh = {}
            for k in table:
                fresh[k] = table[k]
            self._listeners = fresh
            self._freed = 0

    def _dispatch(self, n, event):
        """What every DOM listener calls: the Python listener registered as ``n``."""
        listener = self._listeners.get(n)
        if listener is None:
            return None  # released while the event was on its way
        idle = self.idle_gc
        if idle is None:
            return listener(event)
        try:
            return listener(event)
        finally:
            idle.schedule()

    # -- value / selectedIndex of a <select> whose options arrive later ---------

    # -- reading host nodes (hydration: Root.hydrate) --------------------------------

    def read_tree(self, container):
        """Every node under ``container`` in document order and their descriptions (see
        ``_READ_JS``), in two calls; None where the page refuses the inline helper.  Pyodide
        pays ~2 us per crossing, so hydration reads this way there (5-10 crossings a node
        otherwise); under MicroPython crossings are cheap and decoding the JSON is not."""
        helper = self._inline_helper(_READ, _READ_JS)
        if helper is None:
            return None
        desc = json.loads(helper.tree(container))
        return _py_list(helper.all()), desc

    # Hydration's fast path (vdom/hydrate_fast.py): the whole match in one call.
    tree_match = True

    def match_tree(self, container, description):
        """The host nodes matching ``description`` under ``container``, in its order, or None
        at the first difference (or where the page refuses the inline helper)."""
        helper = self._inline_helper(_MATCH, _MATCH_JS)
        if helper is None:
            return None
        got = helper(container, description)
        if got is False or got is None:
            return None
        return _py_list(got)

    def child_nodes(self, node):
        nodes = node.childNodes
        return [nodes[i] for i in range(nodes.length)]

    def node_type(self, node):
        return node.nodeType

    def node_name(self, el):
        return el.localName

    def node_text(self, node):
        return node.data

    def outer_html(self, el):
        return el.outerHTML

    def text_content(self, el):
        # The text of an element that holds no element (else None): 2 crossings, not 5.
        if el.childElementCount:
            return None
        return el.textContent

    def attributes(self, el):
        attrs = el.attributes
        out = {}
        for i in range(attrs.length):
            a = attrs[i]
            out[a.name] = a.value
        return out

    def _bury(self, *args):
        grave = self._grave
        self._grave = None
        if grave:
            for p in grave:
                p.destroy()

    def _defer(self, el, name, value):
        # The core sets an element's props before it creates or patches its
        # children, so a <select>'s value may name an option not inserted yet:
        # keep it for this render and set it again as children go in.
        if self._pending is None:
            self._pending = []
            if self._flush_proxy is None:
                self._flush_proxy = self.create_proxy(self.flush)
            self._js.queueMicrotask(self._flush_proxy)
            self._extra += 1
        self._pending.append((el, name, value))

    def _reapply(self, parent):
        for p in self._pending:
            if p[0] is parent:
                setattr(parent, p[1], p[2])
                self._extra += 1

    def flush(self, *args):
        """Forget the values of the last render (runs as a microtask after it)."""
        self._pending = None


def _counted(r, name, method, cost):
    def counted(*args):
        calls = r.calls
        calls[name] = calls.get(name, 0) + 1
        before = r._extra
        res = method(*args)
        r.crossings += cost + r._extra - before
        return res
    return counted


def mount(target, renderer=None, count=False):
    """A ``vdom.Root`` rendering into ``target``: a CSS selector or an element.

    ``mount("#app").render(vnode)`` is ``create_root(DomRenderer(), document.querySelector("#app"))``
    after clearing the container: a placeholder it held ("Loading...") goes, the root owns it
    (to adopt server-rendered markup instead, ``create_root(...).hydrate(vnode)``).
    """
    from vdom import create_root
    if renderer is None:
        renderer = DomRenderer(count=count)
    el = target
    if isinstance(target, str):
        el = renderer.document.querySelector(target)
        if el is None or (_jsnull is not None and el is _jsnull):
            raise ValueError("mount: no element matches %r" % (target,))
    renderer.clear(el)
    return create_root(renderer, el)
