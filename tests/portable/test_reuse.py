"""Reusing mounted keyed VNode objects: skipped when in place, copied when mounted elsewhere."""

from vdom import h, memo, create_root
from renderers.mock import MockRenderer, inner_html
from renderers.html import render_to_string


def _root():
    r = MockRenderer()
    c = r.create_container()
    return r, c, create_root(r, c)


class Rows:
    """Counts calls of the row function."""

    def __init__(self):
        self.calls = 0

    def row(self, i):
        self.calls += 1
        return h("li", None, "row %d" % i)


def _check(c, tree):
    assert inner_html(c) == render_to_string(tree), (inner_html(c), render_to_string(tree))


def test_same_keyed_memos_in_a_new_list_cost_no_call_and_no_render():
    r, c, root = _root()
    rows = Rows()
    memos = [memo(rows.row, i, key=i) for i in range(5)]
    root.render(h("ul", None, memos))
    assert rows.calls == 5
    r.reset()
    tree = h("ul", None, list(memos))
    root.render(tree)
    assert rows.calls == 5
    assert r.ops == []
    _check(c, tree)


def test_reused_memos_reordered_and_removed_move_minimally():
    r, c, root = _root()
    rows = Rows()
    memos = [memo(rows.row, i, key=i) for i in range(6)]
    root.render(h("ul", None, memos))
    lis = list(c.children[0].children)
    r.reset()
    new = [memos[5]] + memos[1:4] + [memos[0]]  # 4 removed, 0 and 5 swapped
    tree = h("ul", None, new)
    root.render(tree)
    assert rows.calls == 6
    assert root.stats["moves"] == 2
    assert r.count("remove") == 1
    _check(c, tree)
    got = c.children[0].children
    assert got[0] is lis[5] and got[4] is lis[0] and got[1] is lis[1]


def test_a_keyed_node_moved_to_another_parent_is_copied_and_both_lists_stay_right():
    r, c, root = _root()
    x = h("li", {"key": "x"}, "x")
    other = h("li", {"key": "x"}, "other x")
    root.render(h("div", None, [h("ul", {"key": "a"}, [x, h("li", {"key": "y"}, "y")]),
                                h("ol", {"key": "b"}, [other])]))
    # x leaves the <ul> and replaces the <ol>'s own "x" (same key, another object).
    tree = h("div", None, [h("ul", {"key": "a"}, [h("li", {"key": "y"}, "y")]),
                           h("ol", {"key": "b"}, [x])])
    root.render(tree)
    _check(c, tree)
    # Render again with fresh nodes: everything the reconciler holds must still be consistent.
    tree2 = h("div", None, [h("ul", {"key": "a"}, [h("li", {"key": "z"}, "z")]),
                            h("ol", {"key": "b"}, [h("li", {"key": "x"}, "new x")])])
    root.render(tree2)
    _check(c, tree2)


def test_one_keyed_node_in_two_places_of_one_tree_renders_twice():
    r, c, root = _root()
    x = h("li", {"key": "x"}, "x")
    root.render(h("div", None, [h("ul", None, [x])]))
    tree = h("div", None, [h("ul", None, [x]), h("ol", None, [x])])
    root.render(tree)
    _check(c, tree)
    tree2 = h("div", None, [h("ol", None, [h("li", {"key": "x"}, "y")])])
    root.render(tree2)
    _check(c, tree2)


def test_a_memo_returning_a_keyed_node_mounted_elsewhere_gets_a_copy():
    r, c, root = _root()
    shared = h("b", {"key": "s"}, "shared")
    which = ["own"]

    def part(n):
        return shared if which[0] == "shared" else h("b", {"key": "s"}, "own")

    root.render(h("div", None, [h("p", None, [shared]), memo(part, 1, key="m")]))
    which[0] = "shared"
    tree = h("div", None, [h("p", None, [shared]), memo(part, 2, key="m")])
    root.render(tree)
    _check(c, tree)


def test_unmounted_keyed_node_can_be_mounted_again():
    r, c, root = _root()
    x = h("li", {"key": "x"}, h("b", None, "x"))
    root.render(h("ul", None, [x]))
    root.render(h("ul", None, []))
    tree = h("ul", None, [h("li", {"key": "w"}, "w"), x])
    root.render(tree)
    _check(c, tree)
