"""``mutate``: a new tree derived from another, so that keys and static subtrees overlap."""

from vdom.vnode import VNode, Static, h, memo
from vdom.vnode import TEXT, Fragment, MEMO, RAW, STATIC
from vdom.elements import VOID
from vdom.testing.vtree import _child_items, _elem_ns, _kid_ns
from vdom.testing.rng import shuffled
from vdom.testing.pool import Html, _TAGS, _VOIDS, _SVG_TAGS, _RAWS, _MEMO_FNS, _LABELS
from vdom.testing.generation import _Gen, _gen_root, _gen_node, _gen_hole, _set_random_prop


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
    if len(items) == 1 and items[0].__class__ is str and rng.randrange(2):
        return h(tag, props, items[0])  # text content (or a text child when props hold a listener)
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
