"""Fault injection: a renderer that raises on its k-th call, and the check that a root survives it.

``check_faults(old, new)`` renders ``old``, then for every k makes the
k-th renderer call of the patch ``old -> new`` raise, and checks what
``vdom.PatchError`` promises after each fault:

* the patch raised ``PatchError`` naming the operation that failed;
* rendering again works and gives exactly the host tree a fresh render of
  the same tree gives, with no host node the root does not know about
  (no duplicate, no orphan);
* ``unmount()`` releases every listener ever added and leaves the
  container empty.

Portable (MicroPython too).  From the command line, a seeded long run over
random tree pairs::

    python -m vdom.testing.faults --seed 1 --count 2000
"""

from vdom import create_root, PatchError
from renderers.mock import MockRenderer, MockNode, to_html

PROTOCOL = ("create_element", "create_element_ns", "create_text", "create_raw", "insert", "move",
            "remove", "set_text_content", "clear", "set_text", "set_attribute", "remove_attribute",
            "set_class", "set_style", "remove_style", "add_listener", "remove_listener",
            "release_listener", "clone")


class Fault(Exception):
    """What ``FaultRenderer`` raises."""


class FaultRenderer:
    """Forwards every protocol call to ``inner`` (a ``MockRenderer`` by default) and
    raises ``Fault`` on call number ``fail_at`` (counted from ``arm()``), once.

    ``live`` holds the listeners added and not yet removed or released.
    """

    def __init__(self, inner=None):
        self.inner = inner or MockRenderer(log=False)
        self.calls = 0
        self.fail_at = None
        self.times = 0
        self.failed = None
        self.live = {}

    def __getattr__(self, name):
        # Anything else (create_container, dispatch...) is the inner renderer's, uncounted.
        return getattr(self.inner, name)

    def arm(self, k, times=1):
        """Make the k-th call from now raise (k >= 1), and the ``times - 1`` calls after it."""
        self.calls = 0
        self.fail_at = k
        self.times = times
        self.failed = None

    def disarm(self):
        self.fail_at = None

    def _tick(self, name):
        self.calls += 1
        if self.calls == self.fail_at:
            self.times -= 1
            self.fail_at = self.fail_at + 1 if self.times > 0 else None
            if self.failed is None:
                self.failed = name
            raise Fault("injected fault in call %d (%s)" % (self.calls, name))

    # The protocol, each method under its own name (PatchError.operation reads it).
    def create_element(self, tag):
        self._tick('create_element')
        res = self.inner.create_element(tag)
        return res

    def create_element_ns(self, ns, tag):
        self._tick('create_element_ns')
        res = self.inner.create_element_ns(ns, tag)
        return res

    def create_text(self, text):
        self._tick('create_text')
        res = self.inner.create_text(text)
        return res

    def create_raw(self, html):
        self._tick('create_raw')
        res = self.inner.create_raw(html)
        return res

    def insert(self, parent, node, anchor):
        self._tick('insert')
        res = self.inner.insert(parent, node, anchor)
        return res

    def move(self, parent, node, anchor):
        self._tick('move')
        res = self.inner.move(parent, node, anchor)
        return res

    def remove(self, parent, node):
        self._tick('remove')
        res = self.inner.remove(parent, node)
        return res

    def set_text_content(self, el, text):
        self._tick('set_text_content')
        res = self.inner.set_text_content(el, text)
        return res

    def clear(self, parent):
        self._tick('clear')
        res = self.inner.clear(parent)
        return res

    def set_text(self, node, text):
        self._tick('set_text')
        res = self.inner.set_text(node, text)
        return res

    def set_attribute(self, el, name, value):
        self._tick('set_attribute')
        res = self.inner.set_attribute(el, name, value)
        return res

    def remove_attribute(self, el, name):
        self._tick('remove_attribute')
        res = self.inner.remove_attribute(el, name)
        return res

    def set_class(self, el, value):
        self._tick('set_class')
        res = self.inner.set_class(el, value)
        return res

    def set_style(self, el, name, value):
        self._tick('set_style')
        res = self.inner.set_style(el, name, value)
        return res

    def remove_style(self, el, name):
        self._tick('remove_style')
        res = self.inner.remove_style(el, name)
        return res

    def add_listener(self, el, event_type, listener):
        self._tick('add_listener')
        res = self.inner.add_listener(el, event_type, listener)
        self.live[id(listener)] = listener
        return res

    def remove_listener(self, el, event_type, listener):
        self._tick('remove_listener')
        res = self.inner.remove_listener(el, event_type, listener)
        self.live.pop(id(listener), None)
        return res

    def release_listener(self, el, event_type, listener):
        self._tick('release_listener')
        res = self.inner.release_listener(el, event_type, listener)
        self.live.pop(id(listener), None)
        return res

    def clone(self, node):
        self._tick('clone')
        res = self.inner.clone(node)
        return res



def host_nodes(root):
    """Every host node the root's VNodes point at (ids)."""
    out = {}
    st = list(root.children)
    while st:
        x = st.pop()
        if x is None:
            continue
        if x.el is not None:
            out[id(x.el)] = 1
            if x.text.__class__ is str or x.tag == "#raw" or x.tag == "#static":
                _subtree(x.el, out)  # text content, raw HTML, a static clone: hosts no VNode names
        ev = x.ev
        if ev is not None and hasattr(ev, "tag"):
            st.append(ev)
        if x.children:
            st.extend(x.children)
    return out


def _subtree(node, out):
    st = list(node.children)
    while st:
        x = st.pop()
        out[id(x)] = x
        ch = getattr(x, "children", None)
        if ch:
            st.extend(ch)
    return out


def fresh_html(tree):
    r = MockRenderer(log=False)
    c = MockNode("div")
    create_root(r, c).render(tree)
    return to_html(c)


def check_fault(old, new, k, after=None, copy=None):
    """One fault: the k-th call of ``old -> new`` raises; returns False when the patch has fewer calls.

    ``copy(tree)`` gives a fresh equal tree (VNodes cannot be rendered twice
    unchanged by two roots); ``after`` is what to render after the fault
    (default: ``new`` again).
    """
    copy = copy or _clone
    r = FaultRenderer()
    c = MockNode("div")
    root = create_root(r, c)
    root.render(copy(old))
    r.arm(k)
    try:
        root.render(copy(new))
    except PatchError as e:
        err = e
        assert r.failed is not None, "PatchError without an injected fault: %r" % (e,)
        assert isinstance(e.original, Fault), "PatchError.original is %r" % (e.original,)
        assert e.operation == r.failed, "operation %r, the fault was in %r" % (e.operation, r.failed)
    else:
        if r.failed is None:
            return False
        raise AssertionError("call %d (%s) raised but render() returned" % (k, r.failed))
    r.disarm()
    if err.rebuilt:  # the host tree already shows ``new``, and nothing else
        _same_as_fresh(root, c, new, copy, "right after a fault in call %d (%s)" % (k, r.failed))
    else:
        assert not c.children, "PatchError.rebuilt is False but the container holds %r" % (c.children,)
    target = copy(new if after is None else after)
    root.render(target)
    _same_as_fresh(root, c, new if after is None else after, copy, "after a fault in call %d (%s)" % (k, r.failed))
    root.unmount()
    assert not c.children, "unmount left %r" % (c.children,)
    assert not r.live, "unmount left %d listeners after a fault in call %d (%s)" % (len(r.live), k, r.failed)
    return True


def _same_as_fresh(root, c, tree, copy, when):
    got = to_html(c)
    want = fresh_html(copy(tree))
    assert got == want, "%s:\n  got  %s\n  want %s" % (when, got, want)
    known = host_nodes(root)
    hosts = _subtree(c, {})
    for i in hosts:
        assert i in known, "%s: a host node the root does not know: %r" % (when, hosts[i])


def check_faults(old, new, after=None, copy=None, limit=10000):
    """``check_fault`` for every call position of ``old -> new``; returns the number of faults checked."""
    k = 1
    while k <= limit:
        if not check_fault(old, new, k, after, copy):
            return k - 1
        k += 1
    return limit


def _clone(tree):
    from vdom import clone, VNode

    if isinstance(tree, VNode):
        return clone(tree)
    if isinstance(tree, list):
        return [_clone(x) for x in tree]
    return tree


def long_run(seed=1, count=1000, out=print):
    """Random pairs (``random_tree``/``mutate``), every call position faulted; returns faults checked."""
    from vdom.testing import make_rng, random_tree, mutate

    total = 0
    for i in range(count):
        s = seed * 1000003 + i
        rng = make_rng(s)
        old = random_tree(rng, max_nodes=25)
        new = mutate(rng, old)
        try:
            total += check_faults(old, new)
        except AssertionError as e:
            raise AssertionError("seed %d, pair %d (make_rng(%d)): %s" % (seed, i, s, e))
        if out is not None and (i + 1) % 100 == 0:
            out("%d pairs, %d faults checked" % (i + 1, total))
    return total


def main(argv=None):
    import sys

    args = list(sys.argv[1:] if argv is None else argv)
    seed, count = 1, 1000
    while args:
        a = args.pop(0)
        if a == "--seed":
            seed = int(args.pop(0))
        elif a == "--count":
            count = int(args.pop(0))
        else:
            print("usage: python -m vdom.testing.faults [--seed N] [--count PAIRS]")
            return 2
    n = long_run(seed, count)
    print("ok: %d pairs, %d faults, every root recovered" % (count, n))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
