"""Keyed reconciliation: the keyed cases of the classic VDOM suites.

Cases from ivi's list tests, Inferno/kivi keyed tables, snabbdom's
``updateChildren`` and Preact's keys.test, rendered through ``create_root``
and ``MockRenderer``.  For every (old_keys, new_keys) pair the table checks:
the resulting HTML, identity of every kept node, the exact (minimal) number
of moves, creates/removes, and that re-rendering an equal tree is free.

Portable: plain ``test_*`` functions with ``assert`` (CPython via pytest,
MicroPython via tests/run_portable.py).  No dict-order reliance, no
``random.shuffle`` (own PRNG below).
"""

from vdom import h, create_root, Fragment, memo, lis
from renderers.mock import MockRenderer, inner_html
from renderers.html import render_to_string


# -- helpers -------------------------------------------------------------------


class Rng:
    """Tiny deterministic LCG, identical on every interpreter."""

    def __init__(self, seed):
        self.s = (seed & 0x7FFFFFFF) or 1

    def below(self, n):
        self.s = (self.s * 1103515245 + 12345) & 0x7FFFFFFF
        return (self.s >> 8) % n

    def shuffle(self, items):
        for i in range(len(items) - 1, 0, -1):
            j = self.below(i + 1)
            items[i], items[j] = items[j], items[i]
        return items


def lis_length(seq):
    """Length of a longest strictly increasing subsequence (O(n^2) DP, negatives ignored)."""
    best = []
    top = 0
    for i in range(len(seq)):
        v = seq[i]
        if v < 0:
            best.append(0)
            continue
        b = 1
        for j in range(i):
            if best[j] >= b and seq[j] < v:
                b = best[j] + 1
        best.append(b)
        if b > top:
            top = b
    return top


def item(k):
    """A keyed list item: ``k`` or ``(k, tag)``."""
    if isinstance(k, tuple):
        return h(k[1], {"key": k[0]}, str(k[0]))
    return h("span", {"key": k}, str(k))


def keyed(keys):
    return h("div", None, [item(k) for k in keys])


def key_of(k):
    return k[0] if isinstance(k, tuple) else k


def tag_of(k):
    return k[1] if isinstance(k, tuple) else "span"


def setup(tree):
    r = MockRenderer()
    c = r.create_container()
    root = create_root(r, c)
    root.render(tree)
    r.reset()
    return r, c, root


def expected_moves(old, new):
    """|common| - LIS, common = same key and same tag."""
    pos = {}
    for i in range(len(old)):
        pos[key_of(old[i])] = (i, tag_of(old[i]))
    seq = []
    for k in new:
        p = pos.get(key_of(k))
        if p is not None and p[1] == tag_of(k):
            seq.append(p[0])
    return len(seq) - lis_length(seq), len(seq)


def check_case(old, new, moves=None):
    """Render ``old`` then ``new`` and check html, identity, moves, creates/removes, no-op re-render."""
    r, c, root = setup(keyed(old))
    div = c.children[0]
    before = {}
    for i in range(len(old)):
        before[key_of(old[i])] = (div.children[i], tag_of(old[i]))
    t = keyed(new)
    root.render(t)
    # (a) html
    assert inner_html(c) == render_to_string(t), (old, new, inner_html(c))
    assert c.children[0] is div, (old, new)
    assert len(div.children) == len(new)
    # (b) identity of kept nodes, fresh nodes for added or re-tagged keys
    new_keys = {}
    for i in range(len(new)):
        k = key_of(new[i])
        new_keys[k] = 1
        b = before.get(k)
        if b is not None and b[1] == tag_of(new[i]):
            assert div.children[i] is b[0], (old, new, k)
        elif b is not None:
            assert div.children[i] is not b[0], (old, new, k)
            assert b[0].parent is None
    # nodes of removed keys are detached
    for k in before:
        if k not in new_keys:
            assert before[k][0].parent is None, (old, new, k)
    # (c) minimal moves
    want, common = expected_moves(old, new)
    if moves is not None:
        assert want == moves, (old, new, want, moves)
    assert r.moves == want, (old, new, r.moves, want)
    assert root.stats["moves"] == want, (old, new, root.stats, want)
    # (d) creates = added keys, removals = removed keys (or one clear when nothing survives)
    added = len(new) - common
    removed = len(old) - common
    assert r.count("create_element") == added, (old, new, r.count("create_element"), added)
    if old and common == 0:
        assert r.count("clear") == 1, (old, new)
        assert r.count("remove") == 0, (old, new)
    else:
        assert r.count("clear") == 0, (old, new)
        assert r.count("remove") == removed, (old, new, r.count("remove"), removed)
    top_inserts = 0
    for op in r.ops:
        if op[0] == "insert" and op[1] is div:
            top_inserts += 1
    assert top_inserts == added + want, (old, new, top_inserts)
    # (e) an equal tree re-renders with zero ops, the identical tree too
    r.reset()
    root.render(keyed(new))
    assert r.count() == 0, (old, new, r.ops)
    root.render(root.vnode)
    assert r.count() == 0
    assert inner_html(c) == render_to_string(keyed(new))
    return r, c, root


def label(node):
    if node is None:
        return "-"
    if node.tag is None:
        return "#" + node.text
    if node.children and node.children[0].tag is None:
        return node.children[0].text
    return node.tag


def trace(r, parent):
    """The ops on ``parent``'s direct children, nodes replaced by their text."""
    out = []
    for op in r.ops:
        if op[0] in ("insert", "remove") and op[1] is parent:
            out.append((op[0],) + tuple([label(x) for x in op[2:]]))
        elif op[0] == "clear" and op[1] is parent:
            out.append(("clear",))
        elif op[0] == "create_element":
            out.append(op)
    return out


# -- the case table ------------------------------------------------------------

ADDITIONS = [
    ([], [1]),
    ([], [1, 2, 3, 4, 5]),
    ([1], [1, 2]),
    ([1, 2, 3], [1, 2, 3, 4, 5, 6]),  # append
    ([4, 5], [1, 2, 3, 4, 5]),  # prepend
    ([1], [0, 1]),
    ([1, 2, 5], [1, 2, 3, 4, 5]),  # middle
    ([1, 5], [1, 2, 3, 4, 5]),
    ([2, 3, 4], [1, 2, 3, 4, 5]),  # both ends
    ([3], [1, 2, 3, 4, 5]),
    ([1, 3, 5], [1, 2, 3, 4, 5]),  # interleaved
    ([2, 4], [1, 2, 3, 4, 5]),
]

REMOVALS = [
    ([1], []),
    ([1, 2, 3, 4, 5], []),  # all
    ([1, 2], [2]),  # start
    ([1, 2, 3, 4, 5], [3, 4, 5]),
    ([1, 2], [1]),  # end
    ([1, 2, 3, 4, 5], [1, 2, 3]),
    ([1, 2, 3, 4, 5], [1, 2, 4, 5]),  # middle
    ([1, 2, 3, 4, 5], [1, 5]),
    ([1, 2, 3, 4, 5], [2, 3, 4]),  # both ends
    ([1, 2, 3, 4, 5], [2, 4]),  # several
    ([1, 2, 3, 4, 5, 6, 7, 8], [1, 3, 6, 8]),
    ([1, 2, 3, 4, 5], [3]),
]

REORDERS = [
    ([1, 2, 3, 4, 5], [2, 3, 1, 4, 5], 1),  # forward move
    ([1, 2, 3, 4, 5], [1, 4, 2, 3, 5], 1),  # backward move
    ([1, 2, 3, 4, 5], [2, 3, 4, 5, 1], 1),  # move first to end
    ([1, 2, 3, 4, 5], [5, 1, 2, 3, 4], 1),  # move last to start
    ([1, 2, 3, 4, 5], [5, 2, 3, 4, 1], 2),  # swap first/last
    ([1, 2], [2, 1], 1),
    ([1, 2, 3], [3, 2, 1], 2),
    ([0, 1, 2, 3], [3, 2, 1, 0], 3),
    ([0, 1, 2, 3], [0, 2, 3, 1], 1),
    ([0, 1, 2, 3, 4, 5, 6, 7], [7, 0, 1, 2, 3, 4, 5, 6], 1),
    ([0, 1, 2, 3, 4, 5, 6, 7], [1, 2, 3, 4, 5, 6, 7, 0], 1),
    ([0, 1, 2, 3, 4, 5, 6, 7], [2, 1, 4, 3, 6, 5, 0, 7], 4),
    ([0, 1, 2, 3, 4, 5, 6, 7], [7, 6, 5, 4, 3, 2, 1, 0], 7),
    ([1, 2, 3, 4, 5, 6], [2, 1, 4, 3, 6, 5], 3),  # pairwise swaps
    ([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [1, 9, 3, 4, 5, 6, 7, 8, 2, 10], 2),  # swap 2nd and 2nd-to-last
]

MIXED = [
    ([1, 2, 3, 4, 5], [6, 7, 8]),  # full replacement
    ([1, 2], [3, 4]),
    ([1, 2, 3, 4, 5], [4, 6, 2, 7, 3]),  # insert + remove + move
    ([0, 1], [3, 1, 2, 0]),
    ([1, 2, 3, 4, 5, 6], [7, 2, 5, 8, 3]),
    ([1, 2, 3, 4, 5], [1, 6, 3, 7, 5]),  # replace middles
    ([1, 2, 3, 4, 5], [5, 4, 9, 2, 1]),  # reverse with replace
    ([1, 2, 3, 4, 5, 6, 7], [1, 8, 4, 3, 9, 6, 2]),
    (["a", "b", "c"], ["c", "x", "a"]),
    ([1, 2, 3, 4, 5], [3, 1, 2, 6]),
    ([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [9, 3, 8, 1, 7, 10, 11, 0]),
    ([1, 2, 3, 4], [(1, "em"), 2, 3, 4]),  # same key, other tag
    ([1, 2, 3, 4], [4, (2, "em"), 3, 1]),  # move + replace
    ([1, 2, 3, 4], [(4, "b"), (3, "i"), (2, "b"), (1, "i")]),  # every key re-tagged
]


def test_additions():
    for old, new in ADDITIONS:
        check_case(old, new, 0)


def test_removals():
    for old, new in REMOVALS:
        check_case(old, new, 0)


def test_reorders():
    for old, new, moves in REORDERS:
        check_case(old, new, moves)


def test_reverse_various_sizes():
    for n in (2, 3, 4, 5, 7, 10, 31, 100):
        keys = list(range(n))
        new = list(range(n - 1, -1, -1))
        check_case(keys, new, n - 1)


def test_combinations():
    for old, new in MIXED:
        check_case(old, new)


def test_random_permutations_with_additions_and_removals():
    rng = Rng(12345)
    for n in (4, 7, 12, 20):
        for _ in range(8):
            keys = list(range(n))
            new = [k for k in rng.shuffle(list(keys)) if rng.below(4)]
            for extra in range(rng.below(4)):
                new.insert(rng.below(len(new) + 1), 100 + extra)
            check_case(keys, new)


def test_swap_rows_like_js_framework_benchmark():
    for n in (20, 1000):
        keys = list(range(n))
        new = list(keys)
        new[1], new[n - 2] = new[n - 2], new[1]
        check_case(keys, new, 2)
        check_case(new, keys, 2)


def test_rotate_1000_by_3_is_three_moves():
    keys = list(range(1000))
    check_case(keys, keys[3:] + keys[:3], 3)
    check_case(keys, keys[-3:] + keys[:-3], 3)


def test_reverse_1000():
    keys = list(range(1000))
    r, c, root = setup(keyed(keys))
    old_nodes = list(c.children[0].children)
    new = list(range(999, -1, -1))
    root.render(keyed(new))
    nodes = c.children[0].children
    for i in range(1000):
        assert nodes[i] is old_nodes[999 - i]
    assert r.moves == 999
    assert root.stats["moves"] == 999
    assert r.count("create_element") == 0
    assert r.count("remove") == 0


def test_append_and_clear_1000():
    r, c, root = setup(keyed([]))
    root.render(keyed(list(range(1000))))
    assert r.count("create_element") == 1000
    assert r.moves == 0
    div = c.children[0]
    assert len(div.children) == 1000
    assert div.children[999].children[0].text == "999"
    r.reset()
    root.render(keyed([]))
    assert r.count("clear") == 1
    assert r.count("remove") == 0
    assert div.children == []


# -- exact op traces (ivi style) ----------------------------------------------


def test_trace_reverse_4():
    r, c, root = setup(keyed([0, 1, 2, 3]))
    div = c.children[0]
    root.render(keyed([3, 2, 1, 0]))
    assert trace(r, div) == [
        ("insert", "1", "0"),
        ("insert", "2", "1"),
        ("insert", "3", "2"),
    ]
    assert r.count() == 3


def test_trace_move_one_to_end():
    r, c, root = setup(keyed([0, 1, 2, 3]))
    div = c.children[0]
    root.render(keyed([0, 2, 3, 1]))
    assert trace(r, div) == [("insert", "1", "-")]
    assert r.count() == 1


def test_trace_move_one_to_start():
    r, c, root = setup(keyed([0, 1, 2, 3]))
    div = c.children[0]
    root.render(keyed([3, 0, 1, 2]))
    assert trace(r, div) == [("insert", "3", "0")]
    assert r.count() == 1


def test_trace_creates_and_moves():
    # [0, 1] -> [3, 1, 2, 0]: 0 stays, 1 moves once, 3 and 2 are created.
    r, c, root = setup(keyed([0, 1]))
    div = c.children[0]
    root.render(keyed([3, 1, 2, 0]))
    assert trace(r, div) == [
        ("create_element", "span"),
        ("insert", "2", "0"),
        ("insert", "1", "2"),
        ("create_element", "span"),
        ("insert", "3", "1"),
    ]
    assert r.count("create_element") == 2
    assert r.count("set_text_content") == 2  # each new span's string is its text content
    assert r.moves == 1


def test_trace_swap_ends():
    r, c, root = setup(keyed([0, 1, 2, 3, 4]))
    div = c.children[0]
    root.render(keyed([4, 1, 2, 3, 0]))
    assert trace(r, div) == [("insert", "0", "-"), ("insert", "4", "1")]


def test_trace_remove_and_insert():
    r, c, root = setup(keyed([0, 1, 2]))
    div = c.children[0]
    root.render(keyed([0, 3, 2]))
    assert trace(r, div) == [("remove", "1"), ("create_element", "span"), ("insert", "3", "2")]


def test_trace_full_replacement_clears_once():
    r, c, root = setup(keyed([0, 1, 2]))
    div = c.children[0]
    root.render(keyed([3, 4]))
    assert trace(r, div) == [
        ("clear",),
        ("create_element", "span"),
        ("insert", "3", "-"),
        ("create_element", "span"),
        ("insert", "4", "-"),
    ]


def test_root_level_keyed_list_removes_individually():
    # the root does not own its container: no clear, one remove per node
    r = MockRenderer()
    c = r.create_container()
    keep = r.create_container("p")
    r.insert(c, keep, None)
    root = create_root(r, c)
    root.render([item(k) for k in (1, 2, 3)])
    r.reset()
    root.render([item(k) for k in (3, 1, 4)])
    assert inner_html(c) == "<p></p><span>3</span><span>1</span><span>4</span>"
    assert r.moves == 1
    assert r.count("remove") == 1
    r.reset()
    root.render([])
    assert r.count("clear") == 0
    assert r.count("remove") == 3
    assert c.children == [keep]


# -- keyed nodes among holes, unkeyed siblings, text, fragments -----------------


def test_holes_among_keyed_nodes():
    def tree(spec):
        return h("div", None, [None if k is None else item(k) for k in spec])

    cases = [
        ([1, None, 2, 3], [3, 2, None, 1]),
        ([None, 1, 2], [1, 2, None]),
        ([1, 2, 3], [None, None, 1, None, 3]),
        ([None, None, 1, 2], [2, 1]),
    ]
    for old, new in cases:
        r, c, root = setup(tree(old))
        div = c.children[0]
        nodes = {}
        for x in div.children:
            nodes[x.children[0].text] = x
        t = tree(new)
        root.render(t)
        assert inner_html(c) == render_to_string(t)
        for x in div.children:
            k = x.children[0].text
            if k in nodes:
                assert x is nodes[k]
        ko = [k for k in old if k is not None]
        kn = [k for k in new if k is not None]
        assert r.moves == expected_moves(ko, kn)[0], (old, new)
        assert r.count("create_element") == len([k for k in kn if k not in ko])


def test_keyed_nodes_moving_among_unkeyed_siblings():
    def tree(spec):
        out = []
        for s in spec:
            if isinstance(s, int):
                out.append(item(s))
            else:
                out.append(h("p", None, s))
        return h("div", None, out)

    r, c, root = setup(tree(["u0", 1, "u1", 2, 3, "u2"]))
    div = c.children[0]
    old = list(div.children)
    t = tree(["v0", 3, "v1", 1, "v2", 2])
    root.render(t)
    assert inner_html(c) == render_to_string(t)
    now = div.children
    # unkeyed p's keep identity by slot (their text content is set again)
    assert now[0] is old[0] and now[2] is old[2] and now[4] is old[5]
    # keyed spans keep identity by key
    assert now[1] is old[4] and now[3] is old[1] and now[5] is old[3]
    assert r.count("create_element") == 0
    assert r.count("set_text_content") == 3
    # old positions of the new order: p0=0, 3->4, p1=2, 1->1, p2->5, 2->3
    want = 6 - lis_length([0, 4, 2, 1, 5, 3])
    assert want == 3
    assert r.moves == want
    assert root.stats["moves"] == want


def test_unkeyed_siblings_keep_identity_around_changing_keyed_list():
    def tree(keys, title):
        return h("div", None, h("header", {"title": title}), [item(k) for k in keys], "tail", h("footer"))

    r, c, root = setup(tree([1, 2, 3], "a"))
    div = c.children[0]
    header = div.children[0]
    footer = div.children[-1]
    tail = div.children[-2]
    for keys in ([3, 2, 1], [], [4, 1], [1, 2, 3, 4, 5], [5, 3, 1]):
        t = tree(keys, "t%d" % len(keys))
        root.render(t)
        assert inner_html(c) == render_to_string(t)
        assert div.children[0] is header
        assert div.children[-1] is footer
        assert div.children[-2] is tail
        assert header.attributes["title"] == "t%d" % len(keys)


def test_same_key_other_tag_replaces_node():
    r, c, root = setup(keyed([1, 2, 3]))
    div = c.children[0]
    old2 = div.children[1]
    root.render(keyed([1, (2, "em"), 3]))
    assert inner_html(c) == "<div><span>1</span><em>2</em><span>3</span></div>"
    assert div.children[1] is not old2
    assert old2.parent is None
    assert r.count("create_element") == 1
    assert r.count("remove") == 1
    assert root.stats["mounted"] == 1
    assert root.stats["unmounted"] == 1


def test_keyed_text_children():
    def tree(keys):
        return h("div", None, "head", [h("b", {"key": k}, k, " ", k + k) for k in keys], "tail")

    r, c, root = setup(tree(["a", "b", "c"]))
    div = c.children[0]
    b = div.children[2]
    t = tree(["c", "b", "a", "d"])
    root.render(t)
    assert inner_html(c) == render_to_string(t)
    assert inner_html(c) == "<div>head<b>c cc</b><b>b bb</b><b>a aa</b><b>d dd</b>tail</div>"
    assert div.children[2] is b
    assert r.moves == 2
    assert r.count("set_text") == 0


def frag(k):
    return h(Fragment, {"key": k}, h("i", None, k), k + "!")


def test_keyed_fragments_append_and_remove():
    r, c, root = setup(h("div", None, frag("a"), frag("b")))
    div = c.children[0]
    b_nodes = list(div.children[3:6])
    t = h("div", None, frag("b"))
    root.render(t)
    assert inner_html(c) == render_to_string(t) == "<div><i>b</i>b!</div>"
    assert div.children == b_nodes
    t = h("div", None, frag("b"), frag("c"))
    root.render(t)
    assert inner_html(c) == "<div><i>b</i>b!<i>c</i>c!</div>"
    assert div.children[:3] == b_nodes


def test_keyed_fragments_move_as_units():
    # BUG: moving a keyed fragment crashes (hosts() reads the new children's
    # host nodes before the fragment's children are patched).
    r, c, root = setup(h("div", None, frag("a"), frag("b"), frag("c")))
    div = c.children[0]
    nodes = {}
    for x in div.children:
        nodes[x] = 1
    t = h("div", None, frag("c"), frag("a"), frag("b"))
    root.render(t)
    assert inner_html(c) == render_to_string(t) == "<div><i>c</i>c!<i>a</i>a!<i>b</i>b!</div>"
    for x in div.children:
        assert x in nodes
    assert root.stats["moves"] == 1  # a fragment counts once...
    assert r.moves == 3  # ...but its 3 hosts (marker, <i>, text) are moved
    t = h("div", None, frag("b"), frag("a"))
    root.render(t)
    assert inner_html(c) == "<div><i>b</i>b!<i>a</i>a!</div>"


def test_keyed_memos_returning_lists_move_as_units():
    # same bug through memo: a memo whose function returns a list renders a fragment
    def row(k, n):
        return [h("i", None, k), str(n)]

    def tree(spec):
        return h("div", None, [memo(row, k, n, key=k) for k, n in spec])

    r, c, root = setup(tree([("a", 1), ("b", 1)]))
    t = tree([("b", 2), ("a", 2)])
    root.render(t)
    assert inner_html(c) == render_to_string(t) == "<div><i>b</i>2<i>a</i>2</div>"


def test_keyed_memos_move_without_rerender():
    calls = []

    def row(k):
        calls.append(k)
        return h("li", None, k)

    def tree(keys):
        return h("ul", None, [memo(row, k, key=k) for k in keys])

    r, c, root = setup(tree(["a", "b", "c", "d"]))
    ul = c.children[0]
    old = list(ul.children)
    del calls[:]
    root.render(tree(["d", "a", "b", "c"]))
    assert calls == []
    assert ul.children == [old[3], old[0], old[1], old[2]]
    assert r.moves == 1
    assert r.count() == 1


# -- vdom.lis --------------------------------------------------------------------


def check_lis(seq):
    idx = lis(seq)
    for i in range(len(idx)):
        assert 0 <= idx[i] < len(seq)
        assert seq[idx[i]] >= 0
        if i:
            assert idx[i - 1] < idx[i], (seq, idx)
            assert seq[idx[i - 1]] < seq[idx[i]], (seq, idx)
    assert len(idx) == lis_length(seq), (seq, idx)
    return idx


def test_lis_known_sequences():
    assert lis([]) == []
    assert lis([5]) == [0]
    assert lis([-1]) == []
    assert lis([-1, -1, -1]) == []
    assert lis([0, 1, 2, 3]) == [0, 1, 2, 3]
    assert len(lis([3, 2, 1, 0])) == 1
    assert lis([2, 3, 1]) == [0, 1]
    assert lis([-1, 0, -1, 1, -1, 2]) == [1, 3, 5]
    assert len(check_lis([1, 1, 1])) == 1
    known = [
        ([0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15], 6),
        ([3, 1, 2], 2),
        ([2, 1, 4, 3, 6, 5], 3),
        ([10, 9, 2, 5, 3, 7, 101, 18], 4),
        ([5, -1, 6, -1, 0, 1, 2], 3),
        ([4, 0, 1, 2, 3], 4),
        ([1, 2, 3, 0], 3),
    ]
    for seq, n in known:
        idx = check_lis(seq)
        assert len(idx) == n, (seq, idx)


def test_lis_random_against_dp():
    rng = Rng(2024)
    for n in range(0, 40):
        for _ in range(6):
            if rng.below(2):
                seq = rng.shuffle(list(range(n)))
                for i in range(n):
                    if rng.below(5) == 0:
                        seq[i] = -1
            else:
                seq = [rng.below(12) - 2 for _ in range(n)]  # duplicates and negatives
            check_lis(seq)
