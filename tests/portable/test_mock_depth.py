"""MockRenderer on deep trees (issue 11, section 4): its check that a node is never inserted
into its own subtree walks ancestors only for a node with element children, so mounting a deep
tree is linear (it was quadratic: 55 s for 40,000 levels), and real cycles are still refused.

Portable: plain ``test_*`` functions (CPython via pytest, MicroPython via tests/run_portable.py).
"""

import sys

from vdom import h, create_root
from vdom.testing import raises
from renderers.mock import MockRenderer

# Pyodide (CPython in wasm, small C stack) dies with "Maximum call stack size exceeded" when it
# frees a chain of more than ~2,000 nested VNodes (deallocation recurses; not the mock's doing).
DEPTH = 1000 if sys.platform == "emscripten" else 5000


def _deep(depth, leaf):
    v = h("b", None, leaf)
    for i in range(depth):
        # a text-content sibling on every level: inserted with its text child already set
        v = h("div", None, h("i", None, "t"), v)
    return v


def _depth_of(c):
    d = 0
    x = c
    while x.children:
        x = x.children[-1]
        d += 1
    return d


def test_deep_tree_mounts_patches_and_unmounts():
    r = MockRenderer(log=False)
    c = r.create_container()
    root = create_root(r, c)
    root.render(_deep(DEPTH, "x"))
    assert _depth_of(c) == DEPTH + 2  # the divs, the <b> and its text
    assert r.count("insert") == 2 * DEPTH + 1  # the divs, the <i>s and the <b> (texts: set_text_content)
    root.render(_deep(DEPTH, "y"))
    x = c
    while x.children:
        x = x.children[-1]
    assert x.text == "y"
    root.render(None)
    assert c.children == []


def test_mock_still_refuses_cycles():
    r = MockRenderer()
    c = r.create_container()
    root = create_root(r, c)
    root.render(_deep(50, "x"))
    top = c.children[0]
    low = top
    for i in range(40):
        low = low.children[-1]
    e = raises(ValueError, r.insert, low, top, None)  # an ancestor into its descendant
    assert "own descendant" in str(e)
    raises(ValueError, r.insert, low.children[-1], low, None)  # into its child
    raises(ValueError, r.insert, low, low, None)  # into itself
    text = low.children[0].children[0]
    assert text.tag is None
    e = raises(ValueError, r.insert, text, r.create_element("p"), None)  # into a text node
    assert "not an element" in str(e)
    # a rejected call changed nothing
    assert top.parent is c and low.parent.children[-1] is low
    # a node without element children goes anywhere, however deep
    p = r.create_element("p")
    r.insert(low, p, None)
    assert p.parent is low
    r.insert(top, p, None)  # moved up
    assert p.parent is top and r.moves == 1
