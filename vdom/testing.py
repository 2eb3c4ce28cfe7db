"""Testing helpers for pyvdom and for frameworks built on it.

The portable part runs on CPython, Pyodide and MicroPython:

* ``raises(ExcType, fn, *args, **kw)`` and ``mount(vnode)``: small helpers.
* ``check_patch(old, new)``: the reference check of one patch.  It renders
  ``old``, then ``new`` into one mock root and asserts that the result equals
  a fresh render and the HTML renderer's string, that every node that should
  survive kept its host node, that moves, creations and removals are exactly
  the minimal ones, and that re-rendering an equal tree makes no renderer
  call.  ``check_sequence(trees)`` does the same for successive patches of
  one root, then unmounts it; ``check_unmount(tree)`` only the last part.
* ``make_rng(seed)``, ``random_tree(rng)``, ``mutate(rng, tree)``,
  ``keyed_list(keys)``, ``shuffled(rng, seq)``: seeded generators of VNode
  trees, identical on every interpreter, for property tests without
  Hypothesis (MicroPython).
  ``random_pair(rng)`` and ``reorder_pair(rng)`` draw ``(old, new)`` pairs.
* ``min_moves(old_keys, new_keys)``: the minimal number of moves of a keyed
  list diff; ``describe(tree)``: a tree as ``h()`` source, for messages;
  ``copy_tree(tree)``: a fresh copy of a render input.
* ``STATICS``: the ``static()`` subtrees the generators use (``STATIC_A``...,
  module-level, so two trees share them); ``describe`` prints them by name.

The Hypothesis strategies ``vnodes()``, ``trees()``, ``keyed_lists()``,
``tree_pairs()`` and ``tree_sequences()`` are defined only when
``hypothesis`` can be imported (``HAVE_HYPOTHESIS``).  They drive the same
generators as ``random_tree``/``mutate`` with Hypothesis' choices, so
failing examples shrink to small trees.

Typical use in a framework's test suite::

    from hypothesis import given
    from vdom.testing import tree_pairs, check_patch

    @given(tree_pairs())
    def test_patch(pair):
        check_patch(*pair)

or, portable::

    rng = make_rng(seed)
    old = random_tree(rng)
    check_patch(old, mutate(rng, old))
"""

from vdom.vnode import clone
from vdom.root import create_root


def raises(exc_type, fn, *args, **kwargs):
    """Call ``fn`` and return the ``exc_type`` it raises; fail if it does not.

    A portable stand-in for ``pytest.raises`` (MicroPython has no pytest).
    """
    try:
        fn(*args, **kwargs)
    except exc_type as e:
        return e
    raise AssertionError("%s did not raise %s" % (getattr(fn, "__name__", fn), exc_type.__name__))


def mount(vnode, renderer=None):
    """Render a copy of ``vnode`` into a fresh mock container.

    Returns ``(renderer, container, root)``; the renderer's op log starts
    empty after the render when ``renderer`` is None (a new MockRenderer).
    """
    fresh = renderer is None
    if fresh:
        from renderers.mock import MockRenderer

        renderer = MockRenderer()
    container = renderer.create_container()
    root = create_root(renderer, container)
    root.render(clone(vnode))
    if fresh:
        renderer.reset()
    return renderer, container, root


# ---------------------------------------------------------------------------
# Everything below is portable (MicroPython 1.27): no typing, no dataclasses,
# no reliance on dict order, no random.shuffle, no [*a] / {**a} literals.
# ---------------------------------------------------------------------------

from vdom.vnode import VNode, MemoNode, Static, h, memo, static, normalize_children, as_vnode
from vdom.vnode import TEXT, Fragment, MEMO, RAW, STATIC
from vdom.reconcile import SVG_NS, MATHML_NS
from vdom.elements import VOID

__all__ = [
    "raises", "mount", "check_patch", "check_sequence", "check_unmount", "describe", "copy_tree",
    "min_moves", "make_rng", "Rng", "random_tree", "mutate", "keyed_list", "shuffled",
    "Html", "reorder_pair", "random_pair", "HAVE_HYPOTHESIS", "STATICS", "STATIC_A", "STATIC_A2",
    "STATIC_B", "STATIC_C", "STATIC_LINK", "STATIC_ICON", "STATIC_CIRCLE", "STATIC_NEST",
]

# Renderer calls that make a host node (``clone``: one per mounted use of a static subtree).
_CREATE_OPS = ("create_element", "create_element_ns", "create_text", "create_raw", "clone")


def _default_renderer():
    from renderers.mock import MockRenderer

    return MockRenderer()


# -- small portable helpers ---------------------------------------------------


def _lis_len(seq):
    """Length of a longest strictly increasing subsequence (patience sorting).

    Written here on purpose (not ``vdom.lis``): the checker must not trust
    the code it checks.
    """
    tails = []
    for x in seq:
        lo = 0
        hi = len(tails)
        while lo < hi:
            mid = (lo + hi) // 2
            if tails[mid] < x:
                lo = mid + 1
            else:
                hi = mid
        if lo == len(tails):
            tails.append(x)
        else:
            tails[lo] = x
    return len(tails)


def min_moves(old_keys, new_keys):
    """Minimal number of moves turning keyed list ``old_keys`` into ``new_keys``.

    Keys present in both lists keep their node; the nodes on a longest
    increasing subsequence (of their old positions, in new order) stay put
    and every other common key moves once: ``|common| - LIS``.
    """
    pos = {}
    for i in range(len(old_keys)):
        pos[old_keys[i]] = i
    seq = []
    for k in new_keys:
        i = pos.get(k)
        if i is not None:
            seq.append(i)
    return len(seq) - _lis_len(seq)


def _clone_input(x):
    """A copy of a render input (VNode, list/tuple of inputs, or a leaf) safe to mount."""
    if isinstance(x, VNode):
        return clone(x)
    if isinstance(x, (list, tuple)):
        return [_clone_input(c) for c in x]
    return x


def copy_tree(tree):
    """A fresh copy of a render input (VNode, list/tuple of inputs, str, None...).

    VNodes are cloned (``vdom.clone``: no host nodes, props dicts shared), so
    the copy can be rendered while ``tree`` stays unmounted.
    """
    return _clone_input(tree)


def _equal_copy(x):
    """Like ``_clone_input`` but every props dict (and style/class value) is a new equal object."""
    x = _clone_input(x)
    st = [x]
    while st:
        v = st.pop()
        if isinstance(v, list):
            for c in v:
                st.append(c)
            continue
        if not isinstance(v, VNode):
            continue
        p = v.props
        if p is not None and v.tag != STATIC:  # a use of the same Static is equal; another is not
            q = {}
            for name in p:
                val = p[name]
                if isinstance(val, dict):
                    val = dict(val)
                elif isinstance(val, list):
                    val = list(val)
                q[name] = val
            v.props = q
        if v.tag != MEMO and v.children:
            for c in v.children:
                st.append(c)
    return x


def _root_list(x):
    """The children list a Root makes of a render input."""
    return normalize_children((x,), "root")


def _elem_ns(tag, ns):
    if tag == "svg":
        return SVG_NS
    if tag == "math":
        return MATHML_NS
    return ns


def _kid_ns(tag, ens):
    if ens is not None and tag == "foreignObject":
        return None
    return ens


# -- describe -----------------------------------------------------------------


def _fn_name(f):
    return getattr(f, "__name__", None) or repr(f)


def _value_src(v):
    if callable(v) and not isinstance(v, (str, dict, list, tuple)):
        return _fn_name(v)
    if isinstance(v, dict):
        names = [k for k in v]
        names.sort(key=repr)
        return "{" + ", ".join([repr(k) + ": " + _value_src(v[k]) for k in names]) + "}"
    if isinstance(v, list):
        return "[" + ", ".join([_value_src(c) for c in v]) + "]"
    return repr(v)


def _props_src(props):
    if not props:
        return "None"
    return _value_src(props)


def _child_items(v):
    """The children of an element/fragment VNode with holes put back (from slots)."""
    out = []
    nxt = 0
    for c in v.children or ():
        if c.key is None and c.slot is not None and c.slot >= 0:
            while nxt < c.slot:
                out.append(None)
                nxt += 1
            nxt = c.slot + 1
        out.append(c)
    return out


def _static_name(s):
    """The name of ``s`` in ``vdom.testing`` when it is one of ``STATICS``, else None."""
    for name, x in _STATIC_NAMES:
        if x is s:
            return name
    return None


def describe(tree, indent="  "):
    """Return ``tree`` (VNode, list, str, None) as ``h()`` source, one node per line.

    Holes are shown as ``None`` (recovered from the children's slots),
    listeners and memo functions by name, raw HTML as ``Html(...)``, a use of
    a static subtree by its name when it is one of ``STATICS`` (the same
    object, as a patch needs), else as ``static(<its source>)``.  Used in
    the messages of ``check_patch``; handy to paste a failing case into a test.
    """
    lines = []
    # stack items: (item, depth, suffix) or ("#close", depth, suffix, text)
    st = [(tree, 0, "")]
    while st:
        item = st.pop()
        if len(item) == 4:
            lines.append(indent * item[1] + item[3] + item[2])
            continue
        x, d, suffix = item
        pad = indent * d
        s = x if isinstance(x, Static) else (x.props if isinstance(x, VNode) and x.tag == STATIC else None)
        if s is not None:
            name = _static_name(s)
            if name is not None:
                lines.append(pad + name + suffix)
            else:
                lines.append(pad + "static(")
                st.append(("#close", d, suffix, ")"))
                st.append((s.node, d + 1, ""))
            continue
        if isinstance(x, (list, tuple)):
            if not x:
                lines.append(pad + "[]" + suffix)
                continue
            lines.append(pad + "[")
            st.append(("#close", d, suffix, "]"))
            for i in range(len(x) - 1, -1, -1):
                st.append((x[i], d + 1, ","))
            continue
        if not isinstance(x, VNode):
            if hasattr(x, "__html__") and not isinstance(x, str):
                lines.append(pad + "Html(%r)" % (str(x.__html__()),) + suffix)
            else:
                lines.append(pad + repr(x) + suffix)
            continue
        t = x.tag
        if t == TEXT:
            lines.append(pad + repr(x.text) + suffix)
            continue
        if t == RAW:
            lines.append(pad + "Html(%r)" % (x.text,) + suffix)
            continue
        if t == MEMO:
            parts = [_fn_name(x.fn)]
            for a in x.args:
                parts.append(_value_src(a))
            if x.key is not None:
                parts.append("key=%r" % (x.key,))
            lines.append(pad + "memo(" + ", ".join(parts) + ")" + suffix)
            continue
        head = "h(%s, %s" % ("Fragment" if t == Fragment else repr(t), _props_src(x.props))
        kids = _child_items(x)
        if not kids:
            lines.append(pad + head + ")" + suffix)
            continue
        lines.append(pad + head + ",")
        st.append(("#close", d, suffix, ")"))
        for i in range(len(kids) - 1, -1, -1):
            st.append((kids[i], d + 1, ","))
    return "\n".join(lines)


# -- the reference model -------------------------------------------------------


class _R:
    """Reference node: what the host tree must contain for one VNode.

    ``kids``: reference children (a memo has one: what it rendered; a use
    of a static subtree one: the ``Static``'s source node, whose host is the
    use's host); ``host``: the host node found there after a render;
    ``mate``: the old reference node whose host it must keep; ``replaced``:
    matched, but the host is replaced (raw HTML whose text changed, another
    ``Static`` at the same slot).
    """

    __slots__ = ("v", "tag", "key", "slot", "text", "kids", "host", "mate", "ns", "replaced")

    def __init__(self, v, ns):
        self.v = v
        self.tag = v.tag
        self.key = v.key
        self.slot = v.slot
        self.text = v.text
        self.kids = None
        self.host = None
        self.mate = None
        self.ns = ns
        self.replaced = False


def _build(vlist, ns, flags):
    """Reference list for a normalized VNode list (memos rendered by calling them)."""
    out = []
    st = [(vlist, out, ns)]
    while st:
        vl, dst, ns = st.pop()
        for v in vl:
            t = v.tag
            if t == TEXT or t == RAW:
                dst.append(_R(v, ns))
                continue
            if t == MEMO:
                r = _R(v, ns)
                flags["frag"] = True
                r.kids = []
                st.append(([as_vnode(v.fn(*v.args), "memo")], r.kids, ns))
            elif t == Fragment:
                r = _R(v, ns)
                flags["frag"] = True
                r.kids = []
                st.append((v.children or [], r.kids, ns))
            elif t == STATIC:
                r = _R(v, ns)
                r.kids = []
                st.append(([v.props.node], r.kids, ns))
            else:
                ens = _elem_ns(t, ns)
                r = _R(v, ens)
                r.kids = []
                st.append((v.children or [], r.kids, _kid_ns(t, ens)))
            dst.append(r)
    return out


def _copy_kept(kids):
    """Copies of old reference nodes, each the mate of its original (a skipped memo)."""
    out = []
    st = [(kids, out)]
    while st:
        src, dst = st.pop()
        for a in src:
            b = _R(a.v, a.ns)
            b.mate = a
            if a.kids is not None:
                b.kids = []
                st.append((a.kids, b.kids))
            dst.append(b)
    return out


def _flat(refs):
    """The reference nodes that own a host node, in host order (memos expanded)."""
    out = []
    st = []
    for i in range(len(refs) - 1, -1, -1):
        st.append(refs[i])
    while st:
        x = st.pop()
        t = x.tag
        if t == MEMO or t == Fragment or t == STATIC:
            if t == Fragment:
                out.append(x)
            k = x.kids
            for i in range(len(k) - 1, -1, -1):
                st.append(k[i])
        else:
            out.append(x)
    return out


def _all_refs(refs):
    out = []
    st = list(refs)
    while st:
        x = st.pop()
        out.append(x)
        if x.kids:
            for c in x.kids:
                st.append(c)
    return out


def _count_hosts(r, ex):
    """The host nodes a mount of reference node ``r`` creates.

    With a renderer that clones (``ex.clone``), a use of a static subtree is
    one node (one ``clone`` call), and is recorded in ``ex.statics`` (its
    template may have to be built first, see ``_template_creates``);
    without, its whole subtree is built.
    """
    n = 0
    st = [r]
    while st:
        x = st.pop()
        t = x.tag
        if t == STATIC:
            if ex.clone:
                n += 1
                ex.statics.append(x)
                continue
        elif t != MEMO:
            n += 1
        if x.kids:
            for c in x.kids:
                st.append(c)
    return n


class _Expect:
    """What one patch must do, computed by ``_match``."""

    def __init__(self, clone):
        self.clone = clone  # the renderer has ``clone``: static subtrees are cloned from templates
        self.statics = []  # reference nodes of the static uses mounted by cloning
        self.moves = 0
        self.creates = 0
        self.removes = []  # (host parent, host node)
        self.clears = []   # host parents
        self.gone = []     # top-level hosts of removed subtrees
        self.kept = 0


def _match(old, new, container, ex):
    """Pair the reference trees ``old`` and ``new`` by the identity rules.

    A child is kept when its parent was kept and the old list has a child
    with the same key (keyed) or the same slot (unkeyed) and the same tag;
    raw HTML with another text and a use of another ``Static`` are matched
    but replaced (a new host, the old one removed).  Computes the expected
    moves (``|kept| - LIS`` per list), creations, removals and clears into
    ``ex``.
    """
    # stack items: (old list, new list, host parent, own)
    st = [(old, new, container, False)]
    while st:
        A, B, ph, own = st.pop()
        bykey = {}
        byslot = {}
        for i in range(len(A)):
            a = A[i]
            if a.key is None:
                byslot[a.slot] = i
            else:
                bykey[a.key] = i
        used = [False] * len(A)
        seq = []
        for b in B:
            if b.key is None:
                i = byslot.get(b.slot)
            else:
                i = bykey.get(b.key)
            if i is None or used[i] or A[i].tag != b.tag:
                ex.creates += _count_hosts(b, ex)
                continue
            a = A[i]
            used[i] = True
            seq.append(i)
            b.mate = a
            t = b.tag
            if t == RAW or t == STATIC:
                if a.text != b.text or a.v.props is not b.v.props:
                    b.replaced = True  # new host before the old one, then the old one removed
                    ex.creates += _count_hosts(b, ex)
                    host = _flat([a])[0].host
                    ex.removes.append((ph, host))
                    ex.gone.append(host)
                else:
                    ex.kept += 1
                    if t == STATIC:  # the same Static: nothing inside is touched
                        b.kids = _copy_kept(a.kids)
                        ex.kept += len(_all_refs(b.kids))
                continue
            ex.kept += 1
            if t == TEXT:
                continue
            if t == MEMO:
                va = a.v
                vb = b.v
                if va.args == vb.args and va.fn == vb.fn:
                    b.kids = _copy_kept(a.kids)
                    ex.kept += len(_all_refs(b.kids))
                else:
                    st.append((a.kids, b.kids, ph, False))
            elif t == Fragment:
                st.append((a.kids, b.kids, ph, False))
            else:
                st.append((a.kids, b.kids, a.host, True))
        ex.moves += len(seq) - _lis_len(seq)
        if not A:
            continue
        if own and not seq:
            ex.clears.append(ph)
            for a in A:
                for x in _flat([a]):
                    ex.gone.append(x.host)
            continue
        for i in range(len(A)):
            if not used[i]:
                for x in _flat([A[i]]):
                    ex.removes.append((ph, x.host))
                    ex.gone.append(x.host)


def _template_creates(ex, r):
    """Host nodes ``r`` must create to build the templates of the static uses in ``ex.statics``.

    A template is built once per renderer and namespace: a ``(Static,
    namespace)`` pair needs one unless ``r`` has it already, which only the
    ``Static`` knows (``Static.template``, asked before the patch), or an
    earlier use of the same patch built it.  A nested use inside a template
    is one more clone (and maybe one more template).
    """
    n = 0
    built = {}
    q = ex.statics
    i = 0
    while i < len(q):
        x = q[i]
        i += 1
        s = x.v.props
        k = (id(s), x.ns)
        if k in built:
            continue
        built[k] = 1
        if s.template(r, x.ns) is not None:
            continue
        n += _count_hosts(x.kids[0], ex)  # may append nested uses to q
    return n


def _check_templates(ex, r, fail):
    """A template stays detached: a use shows a clone of it, never the template itself."""
    for x in ex.statics:
        tpl = x.v.props.template(r, x.ns)
        if tpl is not None and tpl.parent is not None:
            fail("the template of %r (namespace %r) is attached to %r: a use must show a clone"
                 % (x.v.props, x.ns, tpl.parent))


def _layout(refs, container, fail):
    """Walk the host tree along the reference tree; set every ``host``.

    Fails unless every host parent has exactly the expected children: same
    kind, tag, namespace and text, fragment markers as empty text nodes,
    and, on elements, exactly one listener per ``on_*`` prop whose handler
    is the prop's function.
    """
    st = [(container, refs)]
    while st:
        hp, rl = st.pop()
        flat = _flat(rl)
        hc = hp.children
        if len(hc) != len(flat):
            fail("host node %r has %d children, the tree needs %d" % (hp, len(hc), len(flat)))
        for i in range(len(flat)):
            x = flat[i]
            hn = hc[i]
            if hn.parent is not hp:
                fail("host node %r: .parent is not %r" % (hn, hp))
            t = x.tag
            if t == TEXT or t == Fragment:
                want = x.text if t == TEXT else ""
                if hn.tag is not None or hn.text != want:
                    what = "text %r" % (want,) if t == TEXT else "an empty text node (fragment marker)"
                    fail("child %d of %r is %r, expected %s" % (i, hp, hn, what))
            elif t == RAW:
                if hn.tag != "#raw" or hn.text != x.text:
                    fail("child %d of %r is %r, expected raw HTML %r" % (i, hp, hn, x.text))
            else:
                name = t.lower() if x.ns is None else t
                if hn.tag != name or getattr(hn, "namespace", None) != x.ns:
                    fail("child %d of %r is %r, expected <%s> in namespace %r" % (i, hp, hn, name, x.ns))
                _check_listeners(x, hn, fail)
                st.append((hn, x.kids))
            x.host = hn


def _check_listeners(x, hn, fail):
    props = x.v.props
    want = {}
    if props:
        for name in props:
            if name.startswith("on_") and props[name] is not None:
                want[name[3:]] = props[name]
    have = getattr(hn, "listeners", None) or {}
    for t in have:
        if have[t] and t not in want:
            fail("%r still has a %r listener (%d) its props do not ask for" % (hn, t, len(have[t])))
    for t in want:
        lst = have.get(t)
        if not lst or len(lst) != 1:
            fail("%r has %d %r listeners, expected 1" % (hn, len(lst) if lst else 0, t))
        if getattr(lst[0], "handler", lst[0]) is not want[t]:
            fail("%r: the %r listener calls %r, expected %r" % (hn, t, getattr(lst[0], "handler", lst[0]), want[t]))


def _listeners_left(node):
    n = 0
    st = [node]
    while st:
        x = st.pop()
        ls = getattr(x, "listeners", None)
        if ls:
            for t in ls:
                n += len(ls[t])
        for c in x.children:
            st.append(c)
    return n


def _first_diff(a, b):
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i


def _ops_text(ops, limit=40):
    out = []
    for op in ops[:limit]:
        out.append("  " + op[0] + "(" + ", ".join([repr(x)[:60] for x in op[1:]]) + ")")
    if len(ops) > limit:
        out.append("  ... %d more" % (len(ops) - limit))
    return "\n".join(out)


def _sorted_ids(pairs):
    out = [(id(p), id(n)) for p, n in pairs]
    out.sort()
    return out


class _Checker:
    """One mock root and the reference tree of what it shows."""

    def __init__(self, renderer_factory):
        self.factory = renderer_factory or _default_renderer
        self.r = self.factory()
        self.container = self.r.create_container()
        self.root = create_root(self.r, self.container)
        self.refs = []
        self.tree = None
        self.started = False

    def _fresh_html(self, tree):
        from renderers.mock import inner_html

        r = self.factory()
        c = r.create_container()
        create_root(r, c).render(_clone_input(tree))
        return inner_html(c)

    def step(self, new, check_idempotent=True):
        """Render ``new`` over what the root shows; check everything; return the report."""
        from renderers.mock import inner_html
        from renderers.html import render_to_string

        old = self.tree
        first = not self.started
        r = self.r
        ops_box = [[]]

        def fail(what):
            msg = ["check_patch: " + what]
            if not first:
                msg.append("--- old tree ---")
                msg.append(describe(old))
            msg.append("--- new tree ---")
            msg.append(describe(new))
            if ops_box[0]:
                msg.append("--- renderer calls of the patch ---")
                msg.append(_ops_text(ops_box[0]))
            raise AssertionError("\n".join(msg))

        flags = {"frag": False}
        old_refs = self.refs
        new_refs = _build(_root_list(_clone_input(new)), self.root.namespace, flags)
        for x in _all_refs(old_refs):
            if x.tag == Fragment or x.tag == MEMO:
                flags["frag"] = True
        ex = _Expect(getattr(r, "clone", None) is not None)
        _match(old_refs, new_refs, self.container, ex)
        tpl = _template_creates(ex, r)
        old_ids = {}
        for x in _all_refs(old_refs):
            if x.host is not None:
                old_ids[id(x.host)] = x

        r.reset()
        try:
            self.root.render(_clone_input(new))
        except Exception as e:
            ops_box[0] = list(getattr(r, "ops", ()))
            fail("root.render raised %s: %s" % (type(e).__name__, e))
        self.started = True
        ops_box[0] = list(getattr(r, "ops", ()))
        _check_templates(ex, r, fail)

        # 1. the oracle: the patched tree shows what a fresh render and the HTML renderer show
        actual = inner_html(self.container)
        fresh = self._fresh_html(new)
        ssr = render_to_string(_clone_input(new))
        if actual != fresh or fresh != ssr:
            i = _first_diff(actual, fresh) if actual != fresh else _first_diff(fresh, ssr)
            fail(
                "the HTML differs (first difference at character %d)\n  patched:          %r\n"
                "  fresh render:     %r\n  render_to_string: %r" % (i, actual, fresh, ssr)
            )

        # 2. the host tree has exactly the expected shape, listeners included
        _layout(new_refs, self.container, fail)

        # 3. identity: kept nodes kept their host, all others are new hosts
        for x in _all_refs(new_refs):
            if x.tag == MEMO or x.tag == STATIC:  # no host of their own
                continue
            m = x.mate
            if m is not None and not x.replaced:
                if x.host is not m.host:
                    fail("%r should have kept its host node %r (same key/slot and tag under a kept "
                         "parent) but is shown by %r" % (x.v, m.host, x.host))
            elif id(x.host) in old_ids:
                fail("%r is new (or replaced) but reuses the old host node %r of %r"
                     % (x.v, x.host, old_ids[id(x.host)].v))

        # 4. minimal moves, exact creations and removals
        stats = self.root.stats
        if stats["moves"] != ex.moves:
            fail("root.stats['moves'] is %d, the minimum (|kept| - LIS per list) is %d" % (stats["moves"], ex.moves))
        if not flags["frag"] and r.moves != ex.moves:
            fail("the renderer saw %d moves (inserts of attached nodes), the minimum is %d" % (r.moves, ex.moves))
        creates = 0
        for name in _CREATE_OPS:
            creates += r.count(name)
        if creates != ex.creates + tpl:
            fail("%d host nodes were created (clone calls included), the new nodes that are not kept need "
                 "%d, plus %d to build static templates" % (creates, ex.creates, tpl))
        if r.count("remove") != len(ex.removes) or r.count("clear") != len(ex.clears):
            fail("%d remove and %d clear calls, expected %d and %d"
                 % (r.count("remove"), r.count("clear"), len(ex.removes), len(ex.clears)))
        if getattr(r, "log", False):
            got = [(op[1], op[2]) for op in ops_box[0] if op[0] == "remove"]
            if _sorted_ids(got) != _sorted_ids(ex.removes):
                fail("the removed host nodes are not the top-level hosts of the removed subtrees:\n"
                     "  removed:  %r\n  expected: %r" % ([n for p, n in got], [n for p, n in ex.removes]))
            gotc = [(op[1], op[1]) for op in ops_box[0] if op[0] == "clear"]
            if _sorted_ids(gotc) != _sorted_ids([(c, c) for c in ex.clears]):
                fail("clear() was called on %r, expected on %r" % ([p for p, q in gotc], ex.clears))
        for g in ex.gone:
            if g.parent is not None:
                fail("removed host node %r is still attached to %r" % (g, g.parent))
            n = _listeners_left(g)
            if n:
                fail("removed host node %r still holds %d listener(s)" % (g, n))

        report = {
            "moves": ex.moves,
            "creates": ex.creates + tpl,
            "templates": tpl,
            "removes": len(ex.removes),
            "clears": len(ex.clears),
            "kept": ex.kept,
            "calls": r.count(),
        }
        self.refs = new_refs
        self.tree = new

        # 5. rendering an equal tree again changes nothing
        if check_idempotent:
            for label, again in (("a clone of the new tree", _clone_input(new)),
                                 ("an equal copy of the new tree (new props dicts)", _equal_copy(new))):
                r.reset()
                self.root.render(again)
                if r.count() or self.root.stats["moves"]:
                    ops_box[0] = list(getattr(r, "ops", ()))
                    fail("rendering %s over it made %d renderer calls, expected none" % (label, r.count()))
        r.reset()
        return report

    def unmount(self):
        r = self.r
        tops = _flat(self.refs)
        hosts = [x.host for x in _all_refs(self.refs) if x.host is not None]
        r.reset()
        self.root.unmount()
        ops = list(getattr(r, "ops", ()))

        def fail(what):
            raise AssertionError("check_unmount: %s\n--- tree ---\n%s\n--- renderer calls ---\n%s"
                                 % (what, describe(self.tree), _ops_text(ops)))

        if self.container.children:
            fail("the container still has %d children" % len(self.container.children))
        if r.count("remove") != len(tops) or r.count("clear") or r.count() - r.count("remove") != r.count("remove_listener"):
            fail("unmount made %d remove, %d clear and %d calls in all; expected %d removes (one per "
                 "top-level host) plus one remove_listener per listener"
                 % (r.count("remove"), r.count("clear"), r.count(), len(tops)))
        for hn in hosts:
            ls = getattr(hn, "listeners", None)
            if ls:
                for t in ls:
                    if ls[t]:
                        fail("%r still holds a %r listener after unmount" % (hn, t))
        self.refs = []
        self.tree = None


def check_patch(old, new, renderer_factory=None):
    """Render ``old``, patch it to ``new`` in one mock root, and check the patch.

    ``old`` and ``new`` are anything ``Root.render`` accepts (VNode, str,
    number, None, or a list of these); clones are rendered, the arguments
    are never mounted or changed.  ``renderer_factory`` is a zero-argument
    callable returning a ``renderers.mock.MockRenderer`` (or a subclass that
    keeps its node model and op log); the default makes a MockRenderer.

    Raises ``AssertionError`` (showing both trees as ``h()`` source, the HTML
    and the renderer calls) unless:

    * the container's HTML equals a fresh render of ``new`` and
      ``renderers.html.render_to_string(new)``, and the host tree has exactly
      the expected nodes (fragment markers, namespaces, one listener per
      ``on_*`` prop with the current handler);
    * every kept node (same key, or same unkeyed slot, and same tag, under a
      parent that was itself kept) is shown by the very host node it had,
      and no other node reuses an old host;
    * ``root.stats["moves"]`` (and ``renderer.moves`` when neither tree has
      fragments or memos) is the minimum, the sum over kept lists of
      ``|kept| - LIS``;
    * the created host nodes are exactly those of the new subtrees that are
      not kept (a fragment counts its marker), each removed subtree's
      top-level hosts are removed once, or the element gets one ``clear``
      when none of its old children is kept; removed hosts are detached and
      hold no listener;
    * rendering a clone of ``new``, and an equal copy with new props dicts,
      over the result makes no renderer call at all.

    Memo functions are called by the checker too, so they must be pure.
    A use of a ``static()`` subtree is an unkeyed child like any other: the
    same ``Static`` at its slot keeps its host (and everything inside), another
    one replaces it.  Its host must be a tree equal to the ``Static``'s source;
    with a renderer that has ``clone`` it costs one ``clone`` call (counted as
    a creation) plus, once per renderer and namespace, the creations that
    build its detached template; without ``clone``, its whole subtree.

    Returns ``{"moves", "creates", "templates", "removes", "clears", "kept",
    "calls"}`` for the patch (``calls``: all renderer calls it made;
    ``creates`` includes ``clone`` calls and the ``templates`` host nodes
    built for static templates).
    """
    c = _Checker(renderer_factory)
    c.step(old, False)
    return c.step(new)


def check_sequence(trees, renderer_factory=None):
    """Patch every tree of ``trees`` in turn into one mock root, checking each step.

    Each step gets all the checks of ``check_patch`` (against the previous
    tree), the first one those of a first render; at the end the root is
    unmounted and checked like ``check_unmount``.  Returns the list of step
    reports.
    """
    c = _Checker(renderer_factory)
    reports = []
    for t in trees:
        reports.append(c.step(t))
    c.unmount()
    return reports


def check_unmount(tree, renderer_factory=None):
    """Render ``tree``, unmount the root, and check that nothing is left.

    The container must be empty, every top-level host removed once (no
    ``clear``: the container may hold nodes the root does not own), no other
    renderer call but one ``remove_listener`` per listener, and no host node
    of the tree may still hold a listener.
    """
    c = _Checker(renderer_factory)
    c.step(tree, False)
    c.unmount()


# -- seeded random generation -------------------------------------------------


class Rng:
    """A small deterministic random generator (Lehmer / Park-Miller).

    Gives the same numbers on CPython, Pyodide and MicroPython (whose
    ``random`` module has no ``Random`` class and one global state), so a
    failing seed reproduces on every interpreter.  Only ``randrange`` is
    needed by the generators; ``random.Random`` instances work as well.
    """

    def __init__(self, seed=0):
        self.seed(seed)

    def seed(self, seed):
        """Restart the sequence from ``seed`` (an int)."""
        s = (int(seed) * 1103515245 + 12345) % 2147483646 + 1
        self.state = s
        for _ in range(4):
            self._next()

    def _next(self):
        s = (self.state * 48271) % 2147483647
        self.state = s
        return s

    def getrandbits(self, k):
        """An integer of ``k`` random bits (k <= 30)."""
        return self._next() >> (31 - k) if k else 0

    def randrange(self, n):
        """A uniform-enough integer in ``range(n)`` (n >= 1)."""
        if n <= 1:
            return 0
        return ((self._next() - 1) * n) // 2147483646

    def random(self):
        """A float in [0, 1)."""
        return (self._next() - 1) / 2147483646.0

    def choice(self, seq):
        """A random item of the non-empty sequence ``seq``."""
        return seq[self.randrange(len(seq))]

    def shuffle(self, lst):
        """Shuffle ``lst`` in place (Fisher-Yates)."""
        for i in range(len(lst) - 1, 0, -1):
            j = self.randrange(i + 1)
            lst[i], lst[j] = lst[j], lst[i]


def make_rng(seed=0):
    """Return ``Rng(seed)``: the seeded generator for ``random_tree``/``mutate``."""
    return Rng(seed)


def shuffled(rng, seq):
    """A new list with the items of ``seq`` in random order (Fisher-Yates, ``rng.randrange``)."""
    out = list(seq)
    for i in range(len(out) - 1, 0, -1):
        j = rng.randrange(i + 1)
        out[i], out[j] = out[j], out[i]
    return out


class Html:
    """Trusted HTML (``__html__``): ``h()`` makes a raw-HTML node of it."""

    def __init__(self, html):
        self.html = html

    def __html__(self):
        return self.html

    def __repr__(self):
        return "Html(%r)" % (self.html,)


def keyed_list(keys, tag="ul", item="li"):
    """``h(tag, None, h(item, {"key": k}, str(k)) for k in keys)``: a one-level keyed list."""
    return h(tag, None, [h(item, {"key": k}, str(k)) for k in keys])


# Listener and memo functions the generators use (named, so messages show them).
def on_a(event):
    """A listener used by the generators."""
    return "a"


def on_b(event):
    """A listener used by the generators."""
    return "b"


def on_c(event):
    """A listener used by the generators."""
    return "c"


def memo_span(label, n):
    """A memo render function used by the generators: one element."""
    return h("span", {"class": "m"}, label, n)


def memo_list(label, n):
    """A memo render function used by the generators: a list (a fragment)."""
    return [label, h("b", None, n), None]


def memo_text(label, n):
    """A memo render function used by the generators: text."""
    return "%s%d" % (label, n)


# Static subtrees the generators use: module-level, so the trees of a pair
# share them (same object: kept) or not (another one at a slot: replaced).
STATIC_A = static(h("span", {"class": "st"}, "static"))
STATIC_A2 = static(h("span", {"class": "st"}, "static"))  # equal to STATIC_A, another object
STATIC_B = static(h("p", {"id": "sb", "style": {"color": "red", "margin": 0}}, h("b", None, "b"), None,
                    "t&<", h("input", {"type": "text", "disabled": True})))
STATIC_C = static(h("div", {"class": ["c", "d"]}, h(Fragment, None, "f", h("i")), Html("<em>r</em>"), ""))
STATIC_LINK = static(h("a", {"href": "#s", "class": "l"}, "link"))  # used in HTML and in SVG
STATIC_ICON = static(h("svg", {"viewBox": "0 0 2 2"}, h("rect", {"width": 1, "class": "r"}),
                       h("foreignObject", None, h("b", {"title": "fo"}, "fo"))))
STATIC_CIRCLE = static(h("circle", {"r": 1, "class": "c"}))
STATIC_NEST = static(h("div", {"class": "n"}, STATIC_A, h("i", None, "n"), STATIC_LINK))
_STATIC_NAMES = (("STATIC_A", STATIC_A), ("STATIC_A2", STATIC_A2), ("STATIC_B", STATIC_B),
                 ("STATIC_C", STATIC_C), ("STATIC_LINK", STATIC_LINK), ("STATIC_ICON", STATIC_ICON),
                 ("STATIC_CIRCLE", STATIC_CIRCLE), ("STATIC_NEST", STATIC_NEST))
STATICS = tuple([x for name, x in _STATIC_NAMES])
_HTML_STATICS = (STATIC_A, STATIC_A2, STATIC_B, STATIC_C, STATIC_LINK, STATIC_ICON, STATIC_NEST)
_SVG_STATICS = (STATIC_LINK, STATIC_CIRCLE, STATIC_ICON)

_TAGS = ("div", "span", "p", "ul", "li", "a", "b")
_VOIDS = ("input", "br")
_SVG_TAGS = ("g", "rect", "circle", "path", "text", "linearGradient", "foreignObject")
_TEXTS = ("a", "b", "", "x y", "a&b", "<i>", "\"q'", "\u00e9t\u00e9", "1", "  ")
_RAWS = ("<i>r</i>", "<b>&amp;</b>", "", "r")
_ATTRS = ("id", "title", "href", "data-n", "tabindex", "hidden", "aria-hidden", "draggable", "lang")
_ATTR_VALUES = ("x", "", "a b", "&<>\"'", 0, 1, 2.5, True, False, None)
_CLASS_NAMES = ("a", "b", "c", "d-e")
_STYLE_PROPS = ("color", "margin", "margin-top", "--v", "top")
_STYLE_VALUES = ("red", "0", 0, 1.5, "", None, False, "1px")
_STYLE_STRINGS = ("color:red", "", "margin:0;top:1px")
_EVENTS = ("click", "input", "my-event")
_HANDLERS = (on_a, on_b, on_c, None)
_MEMO_FNS = (memo_span, memo_list, memo_text)
_LABELS = ("a", "b")


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
    return h(tag, props, _gen_children(g, depth, kns) if not leaf else [])


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


# -- mutation -------------------------------------------------------------------


class _Mut:
    def __init__(self, g, rate):
        self.g = g
        self.rate = rate  # one list/node in about ``rate`` is changed


def mutate(rng, tree, rate=2, max_depth=4, max_width=5, max_nodes=40, keys=12, svg=True,
           memos=True, raw=True, statics=True):
    """Derive a new tree from ``tree`` (never changing it) so that keys overlap.

    Every VNode of the result is new; unchanged elements keep their props
    dict (the reconciler's ``old.props is new.props`` fast path) unless
    their props change.  About one children list in ``rate`` gets one or
    two edits: swap, move, shuffle, reverse, insert a new subtree (often
    with a key from the shared pool), remove, turn a child into a hole or
    back, insert a hole (shifting the unkeyed slots after it), wrap a child
    in a fragment (keyed or not) or unwrap one, change a key.  About one node
    in ``rate`` changes: retag (same key, other tag), new text, new
    attributes/class/style/listeners, new memo arguments, another static
    subtree.  A ``Static`` is never copied: the result uses the very object.
    The generation options are those of ``random_tree`` (for inserted
    subtrees).
    """
    g = _Gen(rng, max_depth, max_width, max_nodes, keys, svg, memos, raw, True, statics)
    m = _Mut(g, max(1, rate))
    if tree is None or isinstance(tree, (str, int, float)) or (hasattr(tree, "__html__") and not isinstance(tree, VNode)):
        c = rng.randrange(4)
        if c == 3:
            return _gen_root(g)
        if c == 2 and tree is not None:
            return g.text()
        if c == 1 and isinstance(tree, Static):
            return g.static(None)
        if isinstance(tree, (str, int, float)):
            return tree
        return _fresh_leaf(tree)
    if isinstance(tree, (list, tuple)):
        items = [_rebuild(m, c, None, 0) for c in tree]
        return _edit_list(m, items, None, 0)
    c = rng.randrange(8 * m.rate)
    if c == 1:
        return [_rebuild(m, tree, None, 0), g.text()]
    if c == 2:
        return _gen_root(g)
    return _rebuild(m, tree, None, 0)


def _fresh_leaf(x):
    if hasattr(x, "__html__") and not isinstance(x, (str, VNode, Static)):
        return Html(str(x.__html__()))
    return x


def _item_key(x):
    return x.key if isinstance(x, VNode) else None


def _rebuild(m, v, ns, depth):
    """A fresh copy of child item ``v`` with random changes."""
    g = m.g
    rng = g.rng
    if not isinstance(v, VNode):
        return _fresh_leaf(v)
    t = v.tag
    if t == TEXT:
        if g.chance(m.rate * 2):
            return g.text()
        return v.text
    if t == RAW:
        if g.chance(m.rate * 2):
            return Html(g.pick(_RAWS))
        return Html(v.text)
    if t == STATIC:
        if g.chance(m.rate * 2):
            return g.static(ns)
        return v.props  # the same Static: the use is kept
    if t == MEMO:
        args = v.args
        fn = v.fn
        if g.chance(m.rate):
            args = (g.pick(_LABELS), rng.randrange(3))
        if g.chance(m.rate * 4):
            fn = g.pick(_MEMO_FNS)
        return memo(fn, *args, key=v.key)
    props = v.props
    tag = v.tag
    if t != Fragment:
        ens = _elem_ns(tag, ns)
        kns = _kid_ns(tag, ens)
    else:
        kns = ns
    items = [_rebuild(m, c, kns, depth + 1) for c in _child_items(v)]
    items = _edit_list(m, items, kns, depth)
    if t != Fragment:
        if g.chance(m.rate * 2):
            props = _edit_props(g, props, tag)
        if g.chance(m.rate * 6):
            if ns is None:
                tag = g.pick(_TAGS + _VOIDS)
            else:
                tag = g.pick(_SVG_TAGS)
    if tag.lower() in VOID:  # h() refuses children of a void tag name in any namespace
        items = []
    return h(tag, props, items)


def _edit_props(g, props, tag):
    p = dict(props) if props else {}
    for _ in range(1 + g.rng.randrange(2)):
        names = [n for n in p if n != "key"]
        names.sort()
        if names and g.rng.randrange(3) == 0:
            del p[g.pick(names)]
        else:
            _set_random_prop(g, p, tag)
    return p or None


def _rekey(g, item, key):
    """``item`` (a fresh VNode) again, with ``key`` (None: unkeyed)."""
    if item.tag == MEMO:
        return memo(item.fn, *item.args, key=key)
    p = dict(item.props) if item.props else {}
    if key is None:
        p.pop("key", None)
    else:
        p["key"] = key
    return h(item.tag, p or None, _child_items(item))


def _edit_list(m, items, ns, depth):
    g = m.g
    rng = g.rng
    if not g.chance(m.rate):
        return _dedupe(g, items)
    for _ in range(1 + rng.randrange(2)):
        n = len(items)
        op = rng.randrange(15)
        if op >= 12:
            op -= 12  # swap, move and shuffle are the most frequent edits
        if op == 0 and n >= 2:  # swap
            i = rng.randrange(n)
            j = rng.randrange(n)
            items[i], items[j] = items[j], items[i]
        elif op == 1 and n >= 2:  # move one
            x = items.pop(rng.randrange(n))
            items.insert(rng.randrange(n), x)
        elif op == 2:
            items = shuffled(rng, items)
        elif op == 3:
            items.reverse()
        elif op == 4:  # insert a new subtree, often keyed with a pooled key
            used = {}
            for x in items:
                k = _item_key(x)
                if k is not None:
                    used[k] = 1
            key = g.fresh_key(used) if rng.randrange(3) else None
            g.budget = max(g.budget, 6)
            items.insert(rng.randrange(n + 1), _gen_node(g, min(depth + 1, g.max_depth - 1), ns, key))
        elif op == 5 and n:  # remove
            items.pop(rng.randrange(n))
        elif op == 6 and n:  # child -> hole
            items[rng.randrange(n)] = _gen_hole(g)
        elif op == 7:  # hole -> child, or a new hole (shifts the slots after it)
            holes = [i for i in range(n) if items[i] is None or items[i] is True or items[i] is False]
            if holes and rng.randrange(2):
                g.budget = max(g.budget, 4)
                items[g.pick(holes)] = _gen_node(g, min(depth + 1, g.max_depth - 1), ns)
            else:
                items.insert(rng.randrange(n + 1), None)
        elif op == 8 and n:  # wrap in a fragment
            i = rng.randrange(n)
            k = _item_key(items[i])
            c = rng.randrange(3)
            fkey = k if c == 0 else (None if c == 1 else "f%d" % rng.randrange(3))
            items[i] = h(Fragment, {"key": fkey} if fkey is not None else None, items[i])
        elif op == 9 and n:  # unwrap a fragment
            i = rng.randrange(n)
            x = items[i]
            if isinstance(x, VNode) and x.tag == Fragment:
                items = items[:i] + _child_items(x) + items[i + 1:]
        elif op == 10 and n:  # change a key
            i = rng.randrange(n)
            x = items[i]
            if isinstance(x, VNode) and x.tag not in (TEXT, RAW):
                used = {}
                for y in items:
                    k = _item_key(y)
                    if k is not None:
                        used[k] = 1
                c = rng.randrange(3)
                items[i] = _rekey(g, x, None if c == 0 else g.fresh_key(used))
        elif op == 11 and n:  # replace with a brand new subtree
            g.budget = max(g.budget, 6)
            items[rng.randrange(n)] = _gen_node(g, min(depth + 1, g.max_depth - 1), ns, None)
    return _dedupe(g, items)


def _dedupe(g, items):
    """Give a fresh key to every later duplicate of a key (h() rejects duplicates)."""
    used = {}
    dup = False
    for x in items:
        k = _item_key(x)
        if k is not None:
            if k in used:
                dup = True
            used[k] = 1
    if not dup:
        return items
    seen = {}
    out = []
    for x in items:
        k = _item_key(x)
        if k is not None:
            if k in seen:
                k = g.fresh_key(used)
                used[k] = 1
                x = _rekey(g, x, k)
            seen[k] = 1
        out.append(x)
    return out


def _rebuild_plain(v):
    """A fresh, unowned copy of item ``v`` (same props dicts)."""
    if isinstance(v, VNode):
        c = clone(v)
        c.slot = None
        return c
    return _fresh_leaf(v)


def reorder_pair(rng, size=None, keys=12, max_nodes=20):
    """``(old, new)``: a keyed list of random subtrees and the same list permuted.

    ``old`` is a ``<div>`` whose children are all keyed (elements,
    fragments, memos); ``new`` holds equal fresh copies (same props dicts) in
    a random order, so a patch only moves.
    """
    g = _Gen(rng, 3, 3, max_nodes, keys, True, True, False, False)
    n = size if size is not None else rng.randrange(9)
    used = {}
    items = []
    for _ in range(n):
        k = g.fresh_key(used)
        used[k] = 1
        items.append(_gen_node(g, 1, None, k))
    old = h("div", None, items)
    perm = shuffled(rng, list(range(len(items))))
    new = h("div", None, [_rebuild_plain(old.children[i]) for i in perm])
    return old, new


def random_pair(rng, **options):
    """``(old, new)``: mostly ``(t, mutate(t))``, sometimes two independent trees or a reorder."""
    c = rng.randrange(10)
    if c < 7:
        old = random_tree(rng, **options)
        new = old
        opts = dict(options)
        opts.pop("any_root", None)
        for _ in range(1 + rng.randrange(2)):
            new = mutate(rng, new, 2, **opts)
        return old, new
    if c < 9:
        return random_tree(rng, **options), random_tree(rng, **options)
    return reorder_pair(rng)


# -- Hypothesis strategies --------------------------------------------------------

try:
    import hypothesis.strategies as _st

    HAVE_HYPOTHESIS = True
except ImportError:
    _st = None
    HAVE_HYPOTHESIS = False

if HAVE_HYPOTHESIS:
    __all__ += ["vnodes", "trees", "keyed_lists", "tree_pairs", "tree_sequences"]

    _TEXT_ST = _st.one_of(_st.sampled_from(_TEXTS), _st.text(max_size=4))

    class _DrawRng:
        """``randrange`` backed by Hypothesis draws, so generated trees shrink."""

        def __init__(self, draw):
            self.draw = draw

        def randrange(self, n):
            if n <= 1:
                return 0
            return self.draw(_st.integers(0, n - 1))

        def text(self):
            return self.draw(_TEXT_ST)

    def _opts(max_depth, max_width, max_nodes, keys, svg, memos, raw, statics):
        return {"max_depth": max_depth, "max_width": max_width, "max_nodes": max_nodes, "keys": keys,
                "svg": svg, "memos": memos, "raw": raw, "statics": statics}

    @_st.composite
    def vnodes(draw, max_depth=4, max_width=5, max_nodes=40, keys=12, svg=True, memos=True, raw=True,
               statics=True):
        """Strategy: one fresh VNode element tree (see ``random_tree`` for what it contains)."""
        g = _Gen(_DrawRng(draw), max_depth, max_width, max_nodes, keys, svg, memos, raw, False, statics)
        return _gen_node(g, 0, None, None, True)

    @_st.composite
    def trees(draw, max_depth=4, max_width=5, max_nodes=40, keys=12, svg=True, memos=True, raw=True,
              statics=True):
        """Strategy: anything ``Root.render`` takes, built fresh: mostly an element tree,
        sometimes a fragment, text, memo, raw HTML, static subtree, a list of children
        (with holes), a string or None.  Options as in ``random_tree``."""
        o = _opts(max_depth, max_width, max_nodes, keys, svg, memos, raw, statics)
        return random_tree(_DrawRng(draw), any_root=True, **o)

    @_st.composite
    def keyed_lists(draw, min_size=0, max_size=12, tag="ul", item="li", keys=None):
        """Strategy: ``keyed_list(ks, tag, item)`` for a list ``ks`` of unique keys.

        ``keys`` is a strategy for one key (default: ints 0..2*max_size and a few
        strings, so two drawn lists overlap).  The keys are ``[c.key for c in
        result.children]``.
        """
        ks = keys
        if ks is None:
            ks = _st.one_of(_st.integers(0, 2 * max_size), _st.sampled_from(("a", "b", "c", "k1")))
        lst = draw(_st.lists(ks, min_size=min_size, max_size=max_size, unique=True))
        return keyed_list(lst, tag, item)

    @_st.composite
    def tree_pairs(draw, max_depth=4, max_width=5, max_nodes=40, keys=12, svg=True, memos=True, raw=True,
                   statics=True):
        """Strategy: ``(old, new)`` pairs of fresh trees for ``check_patch``.

        Mostly ``new`` = one or two ``mutate`` steps of ``old`` (keys overlap,
        nodes move, appear, vanish, change tag, text and props, static subtrees
        stay or change), sometimes two independent trees (sharing a key pool and
        the ``STATICS``), sometimes a pure reorder of a keyed list of subtrees
        (``reorder_pair``).
        """
        rng = _DrawRng(draw)
        o = _opts(max_depth, max_width, max_nodes, keys, svg, memos, raw, statics)
        c = rng.randrange(10)
        if c < 7:
            old = random_tree(rng, any_root=True, **o)
            new = mutate(rng, old, 2, **o)
            if rng.randrange(3) == 2:
                new = mutate(rng, new, 2, **o)
            return old, new
        if c < 9:
            return random_tree(rng, any_root=True, **o), random_tree(rng, any_root=True, **o)
        return reorder_pair(rng, None, keys)

    @_st.composite
    def tree_sequences(draw, min_size=2, max_size=6, max_depth=4, max_width=5, max_nodes=40, keys=12,
                       svg=True, memos=True, raw=True, statics=True):
        """Strategy: a list of ``min_size``..``max_size`` fresh trees for ``check_sequence``,
        each mostly a mutation of the one before, sometimes an independent tree."""
        rng = _DrawRng(draw)
        o = _opts(max_depth, max_width, max_nodes, keys, svg, memos, raw, statics)
        n = min_size + rng.randrange(max_size - min_size + 1)
        out = [random_tree(rng, any_root=True, **o)]
        while len(out) < n:
            if rng.randrange(5) == 4:
                out.append(random_tree(rng, any_root=True, **o))
            else:
                out.append(mutate(rng, out[-1], 2, **o))
        return out
