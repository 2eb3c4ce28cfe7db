"""Hypothesis properties of hydration (issue 13), with ``vdom.testing``'s strategies.

* For random trees: render to hydratable HTML, load it into mock nodes, hydrate
  an equal tree: no mismatch, no creation (beyond the empty texts markup cannot
  hold), the server's nodes adopted, the DOM equal to a fresh render, later
  renders and unmount correct (``check_hydrate``).
* For random pairs: the server renders ``old``, the client hydrates ``new``: the
  DOM equals a fresh render of ``new`` and the root goes on patching.

The first two run again through hydration's fast path (``TreeMatchMock``: one
``match_tree`` call when the markup matches, else the walk).
CPython and Pyodide; tests/portable/test_hydrate.py runs seeded versions everywhere.
Each check renders, parses and hydrates several times: 100 examples keep CI quick
(``HYPOTHESIS_PROFILE=thorough`` raises them).
"""

from hypothesis import given, note, settings

from vdom.testing import trees, tree_pairs, describe
from vdom.testing.hydration import check_hydrate, TreeMatchMock

_N = settings.default.max_examples
if _N <= 300:
    _N = min(_N, 100)


@settings(max_examples=_N)
@given(trees())
def test_hydrating_an_equal_tree_creates_nothing(tree):
    note(describe(tree))
    check_hydrate(tree)


@settings(max_examples=_N)
@given(tree_pairs())
def test_hydrating_another_tree_gives_it(pair):
    old, new = pair
    note(describe(old))
    note(describe(new))
    check_hydrate(old, new)


@settings(max_examples=_N)
@given(tree_pairs())
def test_hydrating_then_patching(pair):
    old, new = pair
    check_hydrate(old, then=new)


@settings(max_examples=_N)
@given(trees())
def test_fast_path_hydrating_an_equal_tree_creates_nothing(tree):
    note(describe(tree))
    check_hydrate(tree, renderer_class=TreeMatchMock)


@settings(max_examples=_N)
@given(tree_pairs())
def test_fast_path_hydrating_another_tree_gives_it(pair):
    old, new = pair
    note(describe(old))
    note(describe(new))
    check_hydrate(old, new, renderer_class=TreeMatchMock)
