"""``check_patch``, ``check_sequence``, ``check_unmount``: patch a mock root, compare with the model.

Each step renders into one mock root, then checks the HTML against a fresh
render and ``render_to_string``, the host tree against the reference tree of
``vdom.testing.model`` (shape, listeners, kept host nodes), the counts of
moves, creations, removals and clears, and that an equal tree patches to
nothing.  Failures show the trees with ``describe``.
"""

from vdom.root import create_root
from vdom.vnode import VNode, normalize_children
from vdom.vnode import TEXT, Fragment, MEMO, RAW, STATIC
from vdom.testing.vtree import _clone_input
from vdom.testing.model import _build, _flat, _all_refs, _Expect, _match, _template_creates
from vdom.testing.printing import describe


# Renderer calls that make a host node (``clone``: one per mounted use of a static subtree).
_CREATE_OPS = ("create_element", "create_element_ns", "create_text", "create_raw", "clone")


def _default_renderer():
    from renderers.mock import MockRenderer

    return MockRenderer()


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
