"""Batched read methods for hydration: the proposal for ``renderers/dom.py`` (issue 13).

``Root.hydrate`` reads the server's DOM through the renderer's read
methods.  ``DomRenderer`` answers each with one or more JS crossings:
``child_nodes`` 2 + one per child, ``node_type``/``node_name``/``node_text``
1 each, ``attributes`` 2 + 3 per attribute; about 80 per JFB row (the core
creates a row with 16).  The renderers here answer them from one crossing
per element instead, and are measured side by side in ``bench.browser``
(``?read=fast``, ``?read=tree``; ``?read=count`` counts the plain renderer's reads;
``?read=snapshot`` serves every read from Python, taken before the timer
starts: the core's own cost, for the profile).

``FastReadDomRenderer`` (``?read=fast``): ``child_nodes(el)`` makes ONE call
to a JS helper that returns a description of every child, as a JSON string
(type; tag and attributes, and how many children, for an element; the data
for text and comments), and keeps the children in JS; then one call per child
fetches its proxy.  ``node_type``, ``node_name``, ``node_text`` and
``attributes`` of those children are answered from that description (a dict
keyed by ``id()`` that also holds the proxy, so no id is reused while it
lives; dropped by a microtask after the patch, as ``_pending`` is).  An
element the description says is empty gets ``[]`` without a call.  The
children are read live at every ``child_nodes`` call, so the description is
never older than the core's own snapshot of that list.

``TreeReadDomRenderer`` (``?read=tree``): the first ``child_nodes`` of a
hydration reads the container's whole subtree in ONE helper call (nodes in
document order and one JSON description); every later read is answered from
it, until any structural write (insert, remove, move, clear, text) drops it
and the reads go back to the per-element helper.

``patch_core_props`` and ``patch_core_static`` (``?core=props``, ``?core=static``)
are profiling experiments on the core's walk, for the bench only.

The helper comes from an inline script added once per page, like the
renderer's guards; where a Content-Security-Policy refuses it, the plain
methods are used.  Portable: MicroPython and Pyodide.
"""

import json

from renderers.dom import DomRenderer
from vdom.hydrate import TreeReads

_READ = "__pyvdomRead"
_READ_JS = (
    "window.__pyvdomRead = (function () {"
    "var last = [];"
    "function d(c, out) {"
    " var t = c.nodeType;"
    " if (t === 1) { var a = c.attributes, s = [1, c.localName, c.childNodes.length], j;"
    "  for (j = 0; j < a.length; j++) s.push(a[j].name, a[j].value); out.push(s) }"
    " else if (t === 3 || t === 8) out.push([t, c.data]);"
    " else out.push([t]) }"
    "return {"
    # kids(el): JSON of el's children; the nodes wait in `last` for node(i).
    "kids: function (el) { var n = el.childNodes, out = [], i; last = [];"
    " for (i = 0; i < n.length; i++) { last.push(n[i]); d(n[i], out) } return JSON.stringify(out) },"
    "node: function (i) { return last[i] },"
    # tree(el): JSON of every node under el in document order; the nodes in `last`.
    "tree: function (el) { var out = [], st = [], n = el.childNodes, i, c; last = [];"
    " for (i = n.length - 1; i >= 0; i--) st.push(n[i]);"
    " while (st.length) { c = st.pop(); last.push(c); d(c, out); n = c.childNodes;"
    "  for (i = n.length - 1; i >= 0; i--) st.push(n[i]) }"
    " return JSON.stringify(out) },"
    "all: function () { return last } } })();")

try:
    from pyodide.ffi import JsProxy as _JsProxy  # noqa: Pyodide converts the node array in one call
    _PYODIDE = True
except ImportError:
    _PYODIDE = False


class FastReadDomRenderer(DomRenderer):
    """``DomRenderer`` whose read methods make one crossing per element (see the module docs)."""

    def __init__(self, *args, **kwargs):
        DomRenderer.__init__(self, *args, **kwargs)
        self._info = None       # id(node) -> its description: [1, tag, child count, name, value, ...] | [type, data]
        self._alive = None      # the described nodes (kept alive while their ids are keys)
        self._info_proxy = None
        self._rkids = None
        js = self._js
        win = getattr(js, "window", js)
        if not js.Reflect.has(win, _READ):
            s = self.document.createElement("script")
            s.textContent = _READ_JS
            self.document.documentElement.appendChild(s)
            s.remove()
        if js.Reflect.has(win, _READ):  # else refused by a CSP: the plain methods
            h = js.Reflect.get(win, _READ)
            self._rkids = h.kids
            self._rnode = h.node
            self._rtree = h.tree
            self._rall = h.all

    def _table(self):
        info = self._info
        if info is None:
            info = self._info = {}
            self._alive = []
            if self._info_proxy is None:
                self._info_proxy = self.create_proxy(self._forget)
            self._js.queueMicrotask(self._info_proxy)
        return info

    def _forget(self, *args):
        self._info = None
        self._alive = None

    def child_nodes(self, node):
        if self._rkids is None:
            return DomRenderer.child_nodes(self, node)
        info = self._table()
        known = info.get(id(node))
        if known is not None and known[0] == 1 and known[2] == 0:
            return []
        desc = json.loads(self._rkids(node))
        n = len(desc)
        if not n:
            return []
        if _PYODIDE:
            out = self._rall().to_py(depth=1)
        else:
            g = self._rnode
            out = [g(i) for i in range(n)]
        for i in range(n):
            info[id(out[i])] = desc[i]
        self._alive.append(out)
        return out

    def node_type(self, node):
        info = self._info
        if info is not None:
            d = info.get(id(node))
            if d is not None:
                return d[0]
        return node.nodeType

    def node_name(self, el):
        info = self._info
        if info is not None:
            d = info.get(id(el))
            if d is not None:
                return d[1]
        return el.localName

    def node_text(self, node):
        info = self._info
        if info is not None:
            d = info.get(id(node))
            if d is not None and len(d) > 1:
                return d[1]
        return node.data

    def attributes(self, el):
        info = self._info
        if info is not None:
            d = info.get(id(el))
            if d is not None:
                out = {}
                for j in range(3, len(d), 2):
                    out[d[j]] = d[j + 1]
                return out
        return DomRenderer.attributes(self, el)


class TreeReadDomRenderer(FastReadDomRenderer):
    """Reads the container's whole subtree at the first ``child_nodes`` (see the module docs)."""

    def __init__(self, *args, **kwargs):
        FastReadDomRenderer.__init__(self, *args, **kwargs)
        self._kids = None  # id(element) -> its children (from the subtree read), while valid
        for name in ("insert", "remove", "move", "clear", "set_text", "set_text_content"):
            setattr(self, name, self._dropping(getattr(self, name)))

    def _dropping(self, method):
        def write(*args):
            self._kids = None
            return method(*args)
        return write

    def _forget(self, *args):
        self._info = None
        self._alive = None
        self._kids = None

    def child_nodes(self, node):
        if self._rkids is None:
            return DomRenderer.child_nodes(self, node)
        kids = self._kids
        if kids is not None:
            k = kids.get(id(node))
            if k is not None:
                return k
        if self._info is not None:  # not the first read of this hydration: per element
            return FastReadDomRenderer.child_nodes(self, node)
        info = self._table()
        desc = json.loads(self._rtree(node))
        n = len(desc)
        if _PYODIDE:
            nodes = self._rall().to_py(depth=1)
        else:
            g = self._rnode
            nodes = [g(i) for i in range(n)]
        self._alive.append(nodes)
        # The core's rebuild of the lists from document order (what DomRenderer.read_tree feeds).
        t = TreeReads(self, node, nodes, desc)
        info.update(t.info)
        self._kids = t.kid_lists
        return t.kid_lists[id(node)]


class SnapshotReadDomRenderer(TreeReadDomRenderer):
    """Profiling: ``prefetch(container)`` reads the subtree before the timer; then every
    read of the hydration is answered from Python (the core's own cost)."""

    def prefetch(self, container):
        self._info = None
        self._kids = None
        self.child_nodes(container)

    def _table(self):
        if self._info is None:
            self._info = {}
            self._alive = []
        return self._info


class CountingReads:
    """Counts the read calls of a plain ``DomRenderer`` and the crossings they make."""

    def __init__(self, r):
        self.calls = {}
        self.crossings = 0
        for name in ("child_nodes", "node_type", "node_name", "node_text", "attributes"):
            setattr(r, name, self._wrap(name, getattr(r, name)))

    def reset(self):
        self.calls = {}
        self.crossings = 0

    def _wrap(self, name, method):
        def counted(node):
            res = method(node)
            self.calls[name] = self.calls.get(name, 0) + 1
            if name == "child_nodes":
                self.crossings += 2 + len(res)
            elif name == "attributes":
                self.crossings += 2 + 3 * len(res)
            else:
                self.crossings += 1
            return res
        return counted


def patch_core_props():
    """Profiling experiment (``?core=props``, never for real use): ``Hydration.props`` with a
    fast path for the matching case: every prop a plain attribute or class string equal to
    the host's attribute, and no other attribute.  Measures what the general comparison
    (``_class_set`` dicts, ``attr_value``) costs per element."""
    import vdom.hydrate as hy
    general = hy.Hydration.props
    kinds = hy._kinds
    ATTR = hy.ATTR
    CLASS = hy.CLASS

    def props(self, v, el, ens):
        p = v.props
        dom = self.r.attributes(el)
        if not p:
            if not dom:
                return
        elif len(p) == len(dom):
            for name in p:
                k = kinds.get(name)
                if (k != ATTR and k != CLASS) or dom.get(name) != p[name]:
                    break
            else:
                return
        # not the simple case: the general comparison (it reads the attributes again)
        return general(self, v, el, ens)

    hy.Hydration.props = props


def patch_core_static():
    """Profiling experiment (``?core=static``, never for real use): a ``static()`` use is
    adopted by its root element alone, its subtree compared with ONE ``outer_html`` call
    against the first use's (which took the general walk), as mounting clones it with one
    call; any difference falls back to the general walk.  Measures what walking the hosts
    of static subtrees costs (JFB: 4 of the 8 hosts of a row)."""
    import vdom.hydrate as hy
    general = hy.Hydration.node
    STATIC = hy.STATIC
    ELEMENT = hy.ELEMENT
    seen = {}  # id(static VNode's template) -> outer HTML of its first adopted use

    def node(self, v, f, vs, i, stack, wrappers):
        if wrappers is not None and wrappers[-1].tag == STATIC and self.outer is not None:
            key = id(wrappers[-1].props)
            html = seen.get(key)
            cur = f[3]
            host, typ, anchor = self.skip(cur, f[7], True)
            if html is None:
                v = general(self, v, f, vs, i, stack, wrappers)
                if host is not None and v.el is host:
                    seen[key] = self.outer(host)
                return v
            if typ == ELEMENT and self.outer(host) == html:
                v.el = host
                cur[1] += 1
                self.adopted += 1
                return v
        return general(self, v, f, vs, i, stack, wrappers)

    hy.Hydration.node = node
