"""``random_tree`` and ``keyed_list``: fresh VNode trees, random or keyed."""

from vdom.vnode import h, memo, Fragment
from vdom.reconcile import SVG_NS
from vdom.testing.vtree import _elem_ns, _kid_ns
from vdom.testing.pool import (
    Html, _HTML_STATICS, _SVG_STATICS, _TAGS, _VOIDS, _SVG_TAGS, _TEXTS, _RAWS, _ATTRS, _ATTR_VALUES,
    _CLASS_NAMES, _STYLE_PROPS, _STYLE_VALUES, _STYLE_STRINGS, _EVENTS, _HANDLERS, _MEMO_FNS, _LABELS,
)


def keyed_list(keys, tag="ul", item="li"):
    """``h(tag, None, h(item, {"key": k}, str(k)) for k in keys)``: a one-level keyed list."""
    return h(tag, None, [h(item, {"key": k}, str(k)) for k in keys])


class _Gen:
    """Generation options and state (node budget, key pool)."""

    def __init__(self, rng, max_depth=4, max_width=5, max_nodes=40, keys=12, svg=True,
                 memos=True, raw=True, any_root=True, statics=True):
        self.rng = rng
        self.max_depth = max_depth
        self.max_width = max_width
        self.budget = max_nodes
        self.keys = keys
        self.svg = svg
        self.memos = memos
        self.raw = raw
        self.any_root = any_root
        self.statics = statics
        self.extra = 0

    def pick(self, seq):
        return seq[self.rng.randrange(len(seq))]

    def chance(self, n):
        """True with probability 1/n (0 is the 'no' answer, for shrinking)."""
        return self.rng.randrange(n) == n - 1

    def static(self, ns):
        """One of ``STATICS`` that fits context ``ns`` (an element of any namespace under SVG)."""
        return self.pick(_HTML_STATICS if ns is None else _SVG_STATICS)

    def text(self):
        f = getattr(self.rng, "text", None)
        if f is not None:
            return f()
        return self.pick(_TEXTS)

    def key_of(self, i):
        return i if i % 3 == 0 else "k%d" % i

    def fresh_key(self, used):
        """A key not in ``used`` (preferably from the shared pool, so trees overlap)."""
        n = self.keys
        i = self.rng.randrange(n) if n else 0
        for d in range(n):
            k = self.key_of((i + d) % n)
            if k not in used:
                return k
        while True:
            self.extra += 1
            k = "x%d" % self.extra
            if k not in used:
                return k


def _gen_class(g):
    c = g.rng.randrange(4)
    if c == 0:
        return g.pick(("a", "a b", "", "c d-e"))
    if c == 1:
        return [g.pick(_CLASS_NAMES), g.pick(("", None, "b", False)), [g.pick(_CLASS_NAMES)], {"z": g.chance(2)}]
    if c == 2:
        d = {}
        for _ in range(g.rng.randrange(4)):
            d[g.pick(_CLASS_NAMES)] = g.pick((True, False, 1, 0, None))
        return d
    return None


def _gen_style(g):
    c = g.rng.randrange(3)
    if c == 0:
        return g.pick(_STYLE_STRINGS)
    if c == 1:
        d = {}
        for _ in range(g.rng.randrange(4)):
            d[g.pick(_STYLE_PROPS)] = g.pick(_STYLE_VALUES)
        return d
    return None


def _set_random_prop(g, p, tag):
    c = g.rng.randrange(9)
    if c == 0:
        p["class"] = _gen_class(g)
    elif c == 1:
        p["style"] = _gen_style(g)
    elif c == 2:
        p["on_" + g.pick(_EVENTS)] = g.pick(_HANDLERS)
    elif c == 3 and tag == "input":
        p[g.pick(("value", "type", "checked"))] = g.pick(("x", "text", True, False, None))
    else:
        p[g.pick(_ATTRS)] = g.pick(_ATTR_VALUES)


def _gen_props(g, tag, key):
    p = {}
    if key is not None:
        p["key"] = key
    for _ in range(g.rng.randrange(4)):
        _set_random_prop(g, p, tag)
    return p or None


def _gen_hole(g):
    return g.pick((None, False, True))


def _gen_children(g, depth, ns, mode=None):
    """A list of child items (VNodes, strings, numbers, holes) for ``h()``."""
    rng = g.rng
    if depth >= g.max_depth or g.budget <= 0:
        return []
    n = rng.randrange(g.max_width + 1)
    if depth <= 1 and n < g.max_width and g.budget > 3 * g.max_width:
        n += 1  # the top levels are rarely empty
    if mode is None:
        mode = rng.randrange(3)  # 0 unkeyed, 1 keyed, 2 mixed
    used = {}
    out = []
    for _ in range(n):
        if g.budget <= 0:
            break
        keyed = mode == 1 or (mode == 2 and rng.randrange(2) == 1)
        if not keyed and g.chance(6):
            out.append(_gen_hole(g))
            continue
        key = None
        if keyed:
            key = g.fresh_key(used)
            used[key] = 1
        out.append(_gen_node(g, depth + 1, ns, key))
    return out


def _gen_node(g, depth, ns, key=None, element=False):
    """One random child: text, element, void leaf, fragment, SVG subtree, memo, raw HTML or static."""
    rng = g.rng
    g.budget -= 1
    leaf = depth >= g.max_depth or g.budget <= 0
    c = 1 if element else rng.randrange(19)
    if c <= 2 and key is None and not element:  # text (or a number)
        if c == 2:
            return g.pick((0, 7, 2.5))
        return g.text()
    if c == 15 and key is None and g.raw:
        return Html(g.pick(_RAWS))
    if c == 18 and key is None and g.statics:  # uses of a static subtree are unkeyed
        return g.static(ns)
    if c == 14 and g.memos:
        return memo(g.pick(_MEMO_FNS), g.pick(_LABELS), rng.randrange(3), key=key)
    if (c == 12 or c == 13) and not leaf:
        return h(Fragment, {"key": key} if key is not None else None, _gen_children(g, depth, ns))
    if c == 16 and g.svg and ns is None and not leaf:
        return _gen_svg(g, depth, key)
    if ns is None:
        if c == 11 or c == 17:
            tag = g.pick(_VOIDS)
            return h(tag, _gen_props(g, tag, key))
        tag = g.pick(_TAGS)
    else:
        tag = g.pick(_SVG_TAGS)
    props = _gen_props(g, tag, key)
    kns = _kid_ns(tag, _elem_ns(tag, ns))
    if tag == "ul" and not leaf:
        kids = _gen_children(g, depth, kns)
        kids = [_as_li(k) for k in kids]
        return h(tag, props, kids)
    kids = _gen_children(g, depth, kns) if not leaf else []
    if len(kids) == 1 and kids[0].__class__ is str and g.rng.randrange(2):
        return h(tag, props, kids[0])  # one string: text content (unless props hold a listener)
    return h(tag, props, kids)


def _as_li(item):
    """Children of a <ul> are mostly <li>: wrap plain text in one."""
    if isinstance(item, str):
        return h("li", None, item)
    return item


def _gen_svg(g, depth, key):
    props = {"viewBox": "0 0 10 10"}
    if key is not None:
        props["key"] = key
    if g.chance(2):
        props["class"] = _gen_class(g)
    return h("svg", props, _gen_children(g, depth, SVG_NS))


def random_tree(rng, max_depth=4, max_width=5, max_nodes=40, keys=12, svg=True, memos=True,
                raw=True, any_root=True, statics=True):
    """A random VNode tree for ``Root.render``, built fresh.

    ``rng`` is anything with ``randrange(n)``: ``make_rng(seed)`` (the same
    trees on every interpreter), a ``random.Random``, the ``random`` module
    itself (MicroPython, after ``random.seed(n)``), or Hypothesis' choices
    through the strategies.  Children lists are
    unkeyed, keyed or mixed, with holes (None/True/False), text and
    numbers, fragments (keyed or not), elements (div span p ul/li a b, and
    input/br as void leaves) with attributes, ``class`` as a string, list
    or dict, ``style`` as a dict or string, listeners (``on_a``, ``on_b``,
    ``on_c``), occasionally an SVG subtree (with ``foreignObject``), a memo
    (``memo_span``/``memo_list``/``memo_text``), raw HTML (``Html``) or,
    with ``statics``, a use of one of ``STATICS`` (SVG ones under SVG).

    Bounds: ``max_depth`` levels, ``max_width`` children per list,
    about ``max_nodes`` nodes.  Keys come from a pool of ``keys`` values
    (ints and strings) so independent trees share keys.  With ``any_root``
    the result is sometimes a list of children, a string or None instead of
    a VNode.
    """
    g = _Gen(rng, max_depth, max_width, max_nodes, keys, svg, memos, raw, any_root, statics)
    return _gen_root(g)


def _gen_root(g):
    c = g.rng.randrange(24) if g.any_root else 0
    if c == 21:
        return _gen_children(g, 0, None)
    if c == 22:
        return g.text()
    if c == 23:
        return None
    if c >= 18:
        return _gen_node(g, 0, None)
    return _gen_node(g, 0, None, None, True)
