"""Unmounting visits only subtrees with listeners, hooks or memos, and misses none of them."""

from vdom import h, memo, create_root, Fragment
from renderers.mock import MockRenderer, inner_html


def _root():
    r = MockRenderer()
    c = r.create_container()
    return r, c, create_root(r, c)


def _noop(e):
    pass


def test_h_marks_subtrees_that_unmount_must_visit():
    assert h("p", None, "x").text == "x"  # text content (not a flag): nothing to visit
    assert h("p", None, "x", "y").text is None
    assert h("p", {"on_click": _noop}).text is True
    assert h("p", {"on_click": None}).text is None
    assert h("p", {"hook": {"remove": _noop}}).text is True
    assert h("div", None, h("span", None, h("b", {"on_click": _noop}))).text is True
    assert h("div", None, "a", h("i"), [h("b", {"key": 1, "on_input": _noop})]).text is True
    assert h(Fragment, None, memo(lambda: "m")).text is True
    assert h("div", None, "a", h("i"), [h("b", {"key": 1})]).text is None
    # text nodes keep their string
    assert h("p", None, "x", "y").children[0].text == "x"
    assert h("p", {"on_click": _noop}, "x").children[0].text == "x"


def test_listeners_and_hooks_deep_inside_removed_subtrees_are_released():
    r, c, root = _root()
    removed = []
    hook = {"remove": lambda v: removed.append(v.el.tag)}
    rows = [h("li", {"key": i}, h("span", None, h("button", {"on_click": _noop}) if i == 2 else "x"),
              h("em", {"hook": hook}) if i == 3 else None) for i in range(5)]
    root.render(h("ul", {"on_click": _noop}, rows))
    assert r.listener_count(c) == 2
    r.reset()
    root.render(h("ul", {"on_click": _noop}, rows[:1]))
    assert r.count("remove_listener") == 1 and removed == ["em"]
    assert r.listener_count(c) == 1
    assert inner_html(c) == "<ul><li><span>x</span></li></ul>"


def test_clearing_rows_without_listeners_makes_one_clear_and_keeps_others():
    r, c, root = _root()
    rows = [h("tr", {"key": i}, h("td", None, str(i))) for i in range(100)]
    root.render(h("div", None, h("button", {"on_click": _noop}), h("table", None, h("tbody", None, rows))))
    r.reset()
    root.render(h("div", None, h("button", {"on_click": _noop}), h("table", None, h("tbody", None))))
    assert [op[0] for op in r.ops] == ["clear"]
    assert r.listener_count(c) == 1


def test_removed_memo_inside_plain_subtree_is_marked_unmounted():
    r, c, root = _root()
    m = memo(lambda: h("b", None, "m"))
    root.render(h("div", None, h("section", {"key": "s"}, h("p", None, m))))
    assert m.el is not None
    root.render(h("div", None))
    assert m.el is None
