"""Hypothesis property tests of the reconciler, the mock and the HTML renderer.

The strategies and the checker live in ``vdom.testing`` (public: framework
authors use the same ones).  Run with a profile from conftest.py, e.g.
``--hypothesis-profile=ci`` (300 examples per test).  CPython and Pyodide;
the seeded, MicroPython-friendly variant is tests/portable/test_random.py.
"""

from hypothesis import given, strategies as st

from vdom.root import create_root
from vdom.testing import (
    check_patch, check_sequence, check_unmount, describe, keyed_list, keyed_lists, min_moves,
    tree_pairs, tree_sequences, trees, vnodes, copy_tree,
)
from renderers.html import render_to_string
from renderers.mock import MockRenderer, inner_html, walk


@given(tree_pairs())
def test_patch_is_exact(pair):
    """Oracle, identity of kept nodes, minimal moves, exact creations/removals, idempotence."""
    old, new = pair
    check_patch(old, new)


@given(keyed_lists(max_size=16), st.randoms(use_true_random=False))
def test_keyed_permutation_moves_are_minimal(old, rnd):
    keys = [c.key for c in old.children]
    perm = list(keys)
    rnd.shuffle(perm)
    rep = check_patch(old, keyed_list(perm))
    assert rep["moves"] == min_moves(keys, perm)
    assert rep["creates"] == 0 and rep["removes"] == 0 and rep["clears"] == 0
    assert rep["calls"] == rep["moves"]  # a reorder is nothing but moves


@given(keyed_lists(max_size=10), keyed_lists(max_size=10))
def test_keyed_lists_create_and_remove_exactly(old, new):
    a = [c.key for c in old.children]
    b = [c.key for c in new.children]
    common = [k for k in b if k in a]
    rep = check_patch(old, new)
    assert rep["moves"] == min_moves(a, b)
    assert rep["creates"] == len(b) - len(common)  # each <li> (its text is text content)
    if a and not common:
        assert rep["clears"] == 1 and rep["removes"] == 0
    else:
        assert rep["removes"] == len(a) - len(common) and rep["clears"] == 0


@given(trees())
def test_identical_rerender_makes_no_calls(tree):
    r = MockRenderer()
    c = r.create_container()
    root = create_root(r, c)
    v = copy_tree(tree)
    root.render(v)
    before = inner_html(c)
    r.reset()
    root.render(v)  # the very same object
    assert r.count() == 0
    root.render(copy_tree(tree))  # an equal copy
    assert r.count() == 0, r.ops
    assert root.stats["moves"] == 0
    assert inner_html(c) == before


@given(tree_sequences(min_size=2, max_size=6))
def test_successive_patches_equal_a_fresh_render(seq):
    # check_sequence checks every step; the final state is compared here once more.
    check_sequence(seq)
    r = MockRenderer()
    c = r.create_container()
    root = create_root(r, c)
    for t in seq:
        root.render(copy_tree(t))
    fresh = MockRenderer()
    fc = fresh.create_container()
    create_root(fresh, fc).render(copy_tree(seq[-1]))
    assert inner_html(c) == inner_html(fc) == render_to_string(copy_tree(seq[-1])), describe(seq[-1])


@given(trees())
def test_html_renderer_equals_mock_serialization(tree):
    r = MockRenderer()
    c = r.create_container()
    create_root(r, c).render(copy_tree(tree))
    assert render_to_string(copy_tree(tree)) == inner_html(c)


@given(vnodes())
def test_vnode_html_protocol(v):
    # VNode.__html__ (markupsafe protocol) is render_to_string.
    assert v.__html__() == render_to_string(copy_tree(v))


@given(trees())
def test_unmount_leaves_nothing(tree):
    check_unmount(tree)
    r = MockRenderer()
    c = r.create_container()
    root = create_root(r, c)
    root.render(copy_tree(tree))
    nodes = walk(c)
    root.unmount()
    assert c.children == []
    assert r.listener_count(c) == 0
    for n in nodes:
        assert not n.listeners
