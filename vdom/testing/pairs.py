"""``reorder_pair`` and ``random_pair``: ``(old, new)`` pairs for ``check_patch``."""

from vdom.vnode import VNode, clone, h
from vdom.testing.rng import shuffled
from vdom.testing.generation import _Gen, _gen_node, random_tree
from vdom.testing.mutation import mutate, _fresh_leaf


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
