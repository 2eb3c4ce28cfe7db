"""Hypothesis strategies for VNode trees: ``vnodes``, ``trees``, ``keyed_lists``, ``tree_pairs``,
``tree_sequences``.

They drive the generators of ``random_tree``/``mutate`` with Hypothesis'
choices, so failing examples shrink to small trees.  This module imports
``hypothesis``; ``vdom.testing`` imports it only when one of these names is
first asked for.  CPython and Pyodide only.
"""

import hypothesis.strategies as _st

from vdom.testing.pool import _TEXTS
from vdom.testing.generation import _Gen, _gen_node, random_tree, keyed_list
from vdom.testing.mutation import mutate
from vdom.testing.pairs import reorder_pair


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
