"""The reference check of hydration: server markup adopted by a client root.

``check_hydrate(server, client)`` renders ``server`` with
``render_to_string(..., hydratable=True)``, loads the markup into mock
nodes (``MockRenderer.load_html``, the portable HTML parser), hydrates a
root with ``client`` (default: an equal copy of ``server``) and asserts:

* the container then equals a fresh render of ``client`` (comment markers
  aside: a hydrated fragment's host is the server's ``<!--[-->``);
* when the trees are equal: no mismatch, and no host node created except
  the empty text nodes markup cannot hold; every host the root knows is a
  node of the server's markup;
* every node left in the container is one the root knows (no orphan);
* rendering ``then`` (default: ``client`` again) afterwards gives a fresh
  render's tree, and ``unmount()`` empties the container and releases
  every listener.

Returns hydrate()'s counters.  Portable (MicroPython too).
"""

from vdom import create_root
from vdom.vnode import TEXT, RAW, STATIC
from vdom.testing.vtree import copy_tree
from vdom.testing.faults import host_nodes, fresh_html, _subtree
from renderers.mock import MockRenderer, to_html, inner_html, walk
from renderers.html import render_to_string

CREATES = ("create_element", "create_element_ns", "create_text", "create_raw", "clone")


def strip_comments(html):
    """``html`` without ``<!--...-->`` comments (the markers hydration adopts or leaves), and
    with ``name=""`` written ``name`` (a bare attribute, as a parser reads it back)."""
    html = html.replace('=""', "")
    out = []
    i = 0
    while True:
        j = html.find("<!--", i)
        if j < 0:
            out.append(html[i:])
            return "".join(out)
        out.append(html[i:j])
        k = html.find("-->", j + 4)
        if k < 0:
            return "".join(out)
        i = k + 3


def creations(r):
    """How many host nodes renderer ``r`` (a logging MockRenderer) created."""
    n = 0
    for name in CREATES:
        n += r.count(name)
    return n


def unmatchable(nodes):
    """The hosts hydration must create for mounted trees ``nodes`` even when the markup
    matches: empty text nodes (markup cannot hold one) and raw HTML that is not exactly
    one node (its host is a wrapper the renderer makes)."""
    n = 0
    st = list(nodes)
    while st:
        x = st.pop()
        t = x.tag
        if t == TEXT:
            if not x.text:
                n += 1
        elif t == RAW:
            r = MockRenderer(log=False)
            if len(r.load_html(r.create_container(), x.text)) != 1:
                n += 1
        elif t == STATIC:
            st.append(x.props.node)
        elif x.children:
            st.extend(x.children)
    return n


class TreeMatchMock(MockRenderer):
    """A MockRenderer that takes hydration's fast path (``match_tree``), as the DOM renderer does."""

    tree_match = True


# The renderer class ``load`` and ``check_hydrate`` use by default: MockRenderer (the walk);
# a suite sets TreeMatchMock to run every case through the fast path as well.
RENDERER_CLASS = MockRenderer


def load(html, renderer_class=None):
    """A logging mock renderer and a container holding ``html`` parsed (no op logged)."""
    r = (renderer_class or RENDERER_CLASS)()
    c = r.create_container()
    r.load_html(c, html)
    return r, c


def check_hydrate(server, client=None, then=None, warn=None, renderer_class=None):
    """Hydrate ``client`` over ``server``'s markup and check the result (see the module docs).

    ``renderer_class``: a MockRenderer subclass (e.g. one with ``bulk_reads = True``)."""
    match = client is None
    exact = False
    html = render_to_string(copy_tree(server), hydratable=True)
    r, c = load(html, renderer_class)
    if match and strip_comments(inner_html(c)) != strip_comments(html):
        # Markup a parser reads back as another tree (a <li> in a <p> closes the <p>): the
        # browser cannot show this tree from markup, so hydration repairs it (not a match).
        match = False
        client = server
    exact = match
    before = _subtree(c, {})
    r.reset()
    root = create_root(r, c)
    target = copy_tree(server if match else client)
    report = root.hydrate(target, warn)
    want = strip_comments(fresh_html(copy_tree(server if match else client)))
    got = strip_comments(to_html(c))
    assert got == want, "after hydration (server markup %s):\n  got  %s\n  want %s" % (html, got, want)
    known = host_nodes(root)
    for i in _subtree(c, {}):
        assert i in known, "a host node the root does not know after hydration: %r" % (_subtree(c, {})[i],)
    if match:
        made = creations(r)
        empty = unmatchable(root.children)
        assert report["mismatches"] == 0, "equal trees hydrated with %r (markup %s)" % (report, html)
        assert made == empty, "equal trees: %d hosts created, expected %d (empty texts, raw HTML): %r" % (
            made, empty, [op for op in r.ops if op[0] in CREATES])
        for x in walk(c):
            if x is not c and id(x) not in before and not (x.tag is None and x.text == "") and x.tag != "#raw":
                raise AssertionError("equal trees: %r is not a node of the server's markup" % (x,))
    after = copy_tree(client if then is None and not match else (server if then is None else then))
    root.render(after)
    want = strip_comments(fresh_html(copy_tree(client if then is None and not match else (server if then is None else then))))
    got = strip_comments(to_html(c))
    assert got == want, "render after hydration:\n  got  %s\n  want %s" % (got, want)
    hosts = walk(c)
    root.unmount()
    report = dict(report)
    report["exact"] = exact  # markup from equal trees that parses back as the same tree
    assert not c.children, "unmount after hydration left %r" % (c.children,)
    left = 0
    for x in hosts:
        if x.listeners:
            for t in x.listeners:
                left += len(x.listeners[t])
    assert left == 0, "unmount after hydration left %d listeners" % left
    return report
