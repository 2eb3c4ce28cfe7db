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
``tree_pairs()`` and ``tree_sequences()`` are available only when
``hypothesis`` is installed (``HAVE_HYPOTHESIS``), and are imported on first
use: importing ``vdom.testing`` does not import ``hypothesis``.  They drive
the same generators as ``random_tree``/``mutate`` with Hypothesis' choices,
so failing examples shrink to small trees.

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

Modules (import the names from ``vdom.testing``; the modules are an
implementation detail):

* ``helpers``: ``raises``, ``mount``.
* ``vtree``: ``copy_tree`` and the tree facts the others share (namespaces,
  children with holes).
* ``model``: the reference model of a patch (``min_moves``).
* ``checks``: ``check_patch``, ``check_sequence``, ``check_unmount``.
* ``printing``: ``describe``.
* ``rng``: ``Rng``, ``make_rng``, ``shuffled``.
* ``pool``: what the generators draw from (``Html``, ``STATICS``...).
* ``generation``: ``random_tree``, ``keyed_list``; ``mutation``: ``mutate``;
  ``pairs``: ``reorder_pair``, ``random_pair``.
* ``strategies``: the Hypothesis strategies (imports ``hypothesis``).
"""

# Everything but ``strategies`` is portable (MicroPython 1.27): no typing, no dataclasses,
# no reliance on dict order, no random.shuffle, no [*a] / {**a} literals; the modules import
# each other absolutely (``from vdom.testing.x import y``), never from this package.

from vdom.testing.helpers import raises, mount
from vdom.testing.vtree import copy_tree
from vdom.testing.model import min_moves
from vdom.testing.checks import check_patch, check_sequence, check_unmount
from vdom.testing.printing import describe
from vdom.testing.rng import Rng, make_rng, shuffled
from vdom.testing.pool import (
    Html, on_a, on_b, on_c, memo_span, memo_list, memo_text, STATICS, STATIC_A, STATIC_A2,
    STATIC_B, STATIC_C, STATIC_LINK, STATIC_ICON, STATIC_CIRCLE, STATIC_NEST,
)
from vdom.testing.generation import random_tree, keyed_list
from vdom.testing.mutation import mutate
from vdom.testing.pairs import reorder_pair, random_pair

# Core names the single-module vdom.testing imported for its own use: still importable from here.
from vdom.vnode import VNode, MemoNode, Static, h, memo, static, normalize_children, as_vnode, clone
from vdom.vnode import TEXT, Fragment, MEMO, RAW, STATIC
from vdom.reconcile import SVG_NS, MATHML_NS
from vdom.elements import VOID
from vdom.root import create_root

__all__ = [
    "raises", "mount", "check_patch", "check_sequence", "check_unmount", "describe", "copy_tree",
    "min_moves", "make_rng", "Rng", "random_tree", "mutate", "keyed_list", "shuffled",
    "Html", "reorder_pair", "random_pair", "HAVE_HYPOTHESIS", "STATICS", "STATIC_A", "STATIC_A2",
    "STATIC_B", "STATIC_C", "STATIC_LINK", "STATIC_ICON", "STATIC_CIRCLE", "STATIC_NEST",
]

_STRATEGIES = ("vnodes", "trees", "keyed_lists", "tree_pairs", "tree_sequences")


def _installed(name):
    """True when top-level module ``name`` can be found, without importing it (False on MicroPython)."""
    try:
        from importlib.util import find_spec
    except ImportError:  # MicroPython: no importlib, and no Hypothesis
        return False
    return find_spec(name) is not None


HAVE_HYPOTHESIS = _installed("hypothesis")

if HAVE_HYPOTHESIS:
    __all__ += list(_STRATEGIES)

    def __getattr__(name):
        """The Hypothesis strategies, imported (with ``hypothesis``) when first asked for."""
        if name not in _STRATEGIES:
            raise AttributeError("module 'vdom.testing' has no attribute %r" % (name,))
        from vdom.testing import strategies

        g = globals()
        for n in _STRATEGIES:
            g[n] = getattr(strategies, n)
        return g[name]
