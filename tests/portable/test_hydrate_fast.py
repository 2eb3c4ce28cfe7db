"""Hydration's fast path (``match_tree``, vdom/hydrate_fast.py): the whole hydration suite
again with a renderer that takes it, plus the cases that must take or leave it.

Every case of test_hydrate.py runs with ``TreeMatchMock``: where the markup matches exactly
and the tree is one the fast path describes, hydration is one ``match_tree`` call; anywhere
else (a mismatch, fragments, memos, ...) it falls back to the walk, and every assertion of the
case must hold either way.  Portable (CPython, Pyodide, MicroPython).
"""

import vdom.testing.hydration as hy
from vdom import h, static, memo, create_root, Fragment
from vdom.hydrate_fast import describe
from vdom.testing.hydration import TreeMatchMock, load
from renderers.html import render_to_string
from renderers.mock import MockRenderer

import test_hydrate as _suite


def _fast(fn):
    def case():
        saved = hy.RENDERER_CLASS
        hy.RENDERER_CLASS = TreeMatchMock
        try:
            fn()
        finally:
            hy.RENDERER_CLASS = saved
    return case


for _name in sorted(_suite.__dict__):
    if _name.startswith("test_") and callable(_suite.__dict__[_name]):
        globals()["test_fast_" + _name[5:]] = _fast(_suite.__dict__[_name])


class Counting(TreeMatchMock):
    def __init__(self):
        TreeMatchMock.__init__(self)
        self.matches = 0
        self.reads = 0

    def match_tree(self, container, description):
        self.matches += 1
        return TreeMatchMock.match_tree(self, container, description)

    def child_nodes(self, node):
        self.reads += 1
        return TreeMatchMock.child_nodes(self, node)


def _click(e):
    return None


REMOVE = static(h("td", {"class": "col-md-1"}, h("a", None, h("span", {"class": "glyphicon", "aria-hidden": True}))))


def _rows(n, label="row"):
    return h("table", None, h("tbody", None, [h("tr", {"key": i, "on_click": _click}, [
        h("td", {"class": "col-md-1"}, str(i)), h("td", None, h("a", None, "%s %d" % (label, i))), REMOVE,
        h("td", None, "a ", h("b", None, "b"), " c")]) for i in range(n)]))


def _hydrate(html, tree):
    r = Counting()
    c = r.create_container()
    r.load_html(c, html)
    r.reset()
    root = create_root(r, c)
    return r, c, root, root.hydrate(tree)


def test_a_matching_table_takes_one_call_and_adopts_every_node():
    html = render_to_string(_rows(30), hydratable=True)
    r, c, root, rep = _hydrate(html, _rows(30))
    assert r.matches == 1 and r.reads == 0
    assert rep == {"adopted": 30 * 9 + 2 + 2, "created": 0, "mounted": 0, "removed": 0, "mismatches": 0}, rep
    assert [op[0] for op in r.ops] == ["add_listener"] * 30
    tbody = c.children[0].children[0]
    vbody = root.children[0].children[0]
    assert vbody.el is tbody and vbody.children[5].el is tbody.children[5]
    row = vbody.children[5]
    assert row.children[2].el is tbody.children[5].children[2]  # a static use: its root
    # Later renders patch the adopted nodes.
    root.render(_rows(31, "new"))
    assert tbody.children[5].children[1].children[0].children[0].text == "new 5"
    assert len(tbody.children) == 31
    r2 = MockRenderer(log=False)
    c2 = r2.create_container()
    create_root(r2, c2).render(_rows(31, "new"))
    from renderers.mock import inner_html
    assert inner_html(c) == inner_html(c2)
    r.dispatch(tbody.children[3], "click")


def test_a_difference_falls_back_to_the_walk_which_repairs():
    html = render_to_string(_rows(10), hydratable=True).replace("row 7", "row seven")
    r, c, root, rep = _hydrate(html, _rows(10))
    assert r.matches == 1 and r.reads > 0  # tried, then walked
    assert rep["mismatches"] == 1 and rep["created"] == 0
    assert c.children[0].children[0].children[7].children[1].children[0].children[0].text == "row 7"


def test_whitespace_between_elements_falls_back():
    r, c, root, rep = _hydrate("<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>", h("ul", None, h("li", None, "a"), h("li", None, "b")))
    assert r.matches == 1 and rep["mismatches"] == 0 and len(c.children[0].children) == 2


def test_trees_only_the_walk_handles_are_not_described():
    for tree in (h("div", None, memo(lambda: h("b"))),
                 h("div", {"style": {"color": "red"}}),
                 h("select", {"value": "a"}, h("option", None, "a")), h("svg", None),
                 h("pre", None, "\nx"), h("div", {"hook": {"create": lambda v: None}})):
        assert describe([tree]).ok is False, tree   # (a memo needs a patcher to render it)
    toks = describe([h("div", {"class": ["a", "b"], "hidden": True, "title": None}, "x")]).tokens
    assert toks in (["1", "div", "2", "class", "a b", "hidden", "", "=", "x"],
                    ["1", "div", "2", "hidden", "", "class", "a b", "=", "x"]), toks


def test_adjacent_and_empty_texts_fall_back_to_the_walk():
    # Described, but their markup separates them with comments, which the match refuses.
    for tree in (h("p", None, "a", "b"), h("p", None, h("b"), ""), h("p", None, "", "x")):
        r, c, root, rep = _hydrate(render_to_string(tree, hydratable=True), tree)
        assert r.matches == 1 and r.reads > 0 and rep["mismatches"] == 0, rep


def test_the_separator_in_a_text_or_value_is_left_to_the_walk():
    assert describe([h("p", None, "a\x1fb")]).ok is False
    assert describe([h("p", {"title": "a\x1fb"})]).ok is False
    assert describe([h("p", None, h("b"), "a\x1fb")]).ok is False
    r, c, root, rep = _hydrate(render_to_string(h("p", {"title": "x\x1fy"}, "a\x1fb"), hydratable=True),
                               h("p", {"title": "x\x1fy"}, "a\x1fb"))
    assert r.matches == 0 and rep["mismatches"] == 0


def test_static_uses_compare_with_the_first_use():
    html = render_to_string(_rows(3), hydratable=True)
    html = html.replace('aria-hidden="true"', 'aria-hidden="x"', 1)  # the first use differs from its VNodes
    r, c, root, rep = _hydrate(html, _rows(3))
    assert rep["mismatches"] >= 1
    html = render_to_string(_rows(3), hydratable=True)
    i = html.rindex('aria-hidden="true"')
    html = html[:i] + 'aria-hidden="x"' + html[i + len('aria-hidden="true"'):]  # a later use differs
    r, c, root, rep = _hydrate(html, _rows(3))
    assert r.matches == 1 and rep["mismatches"] >= 1


def test_extra_or_missing_hosts_fall_back():
    tree = lambda n: h("ul", None, [h("li", None, str(i)) for i in range(n)])
    for server, client in ((3, 4), (4, 3), (0, 2), (2, 0)):
        r, c, root, rep = _hydrate(render_to_string(tree(server), hydratable=True), tree(client))
        assert len(c.children[0].children) == client
        assert rep["mismatches"] >= 1


calls = []


def _memo_row(i, label):
    calls.append(i)
    return h("li", {"key": i, "class": "row", "on_click": _click}, h("b", None, str(i)), " " + label)


def _memo_list(labels):
    return h("div", {"id": "page"}, h("h1", None, "list"),
             h("ul", None, [memo(_memo_row, i, lab, key=i) for i, lab in enumerate(labels)]))


def test_memo_rows_take_the_fast_path_each_called_once():
    labels = ["a", "b", "c", "d"]
    html = render_to_string(_memo_list(labels), hydratable=True)
    del calls[:]
    r, c, root, rep = _hydrate(html, memo(_memo_list, labels))
    assert r.matches == 1 and r.reads == 0 and rep["mismatches"] == 0 and rep["created"] == 0, rep
    assert sorted(calls) == [0, 1, 2, 3]  # each row rendered once
    ul = c.children[0].children[1]
    top = root.children[0]
    assert top.el is c.children[0] and top.parent is c  # the page memo: its host and parent
    rows = top.children[0].children[1].children
    assert [m.el for m in rows] == ul.children and [m.parent for m in rows] == [ul] * 4
    del calls[:]
    root.render(memo(_memo_list, ["a", "B", "c", "d"]))
    assert calls == [1] and ul.children[1].children[1].text == " B"  # only the changed row
    r.dispatch(ul.children[2], "click")


def test_a_memo_rendered_by_a_failed_attempt_is_not_called_again():
    labels = ["a", "b", "c"]
    html = render_to_string(_memo_list(labels), hydratable=True).replace(" b<", " x<")
    del calls[:]
    msgs = []
    r = Counting()
    c = r.create_container()
    r.load_html(c, html)
    root = create_root(r, c)
    rep = root.hydrate(memo(_memo_list, labels), msgs.append)
    assert r.matches == 1 and r.reads > 0                  # tried, then walked
    assert sorted(calls) == [0, 1, 2], calls               # each row rendered once in all
    assert rep["mismatches"] == 1 and len(msgs) == 1, (rep, msgs)
    assert c.children[0].children[1].children[1].children[1].text == " b"


def _frag_page(label):
    return h("div", {"id": "page"},
             h(Fragment, None, h("h1", None, label), h(Fragment, None, h("p", None, "a"), h("p", None, "b")), "tail"),
             h("ul", None, [h(Fragment, {"key": i}, h("li", None, str(i)), h("li", None, "x")) for i in range(3)]),
             h(Fragment, None))


def test_fragments_take_the_fast_path_and_lose_their_end_markers():
    html = render_to_string(_frag_page("t"), hydratable=True)
    assert html.count("<!--[-->") == 6 and html.count("<!--]-->") == 6
    r, c, root, rep = _hydrate(html, _frag_page("t"))
    assert r.matches == 1 and r.reads == 0, rep
    assert rep["mismatches"] == 0 and rep["created"] == 0
    from renderers.mock import inner_html
    assert "<!--]-->" not in inner_html(c) and inner_html(c).count("<!--[-->") == 6  # as the walk leaves it
    assert [op[0] for op in r.ops] == ["remove"] * 6
    page = root.children[0]
    assert page.children[0].el is c.children[0].children[0]  # a fragment's host: its "[" marker
    root.render(_frag_page("u"))
    r2 = MockRenderer(log=False)
    c2 = r2.create_container()
    create_root(r2, c2).render(_frag_page("u"))
    from vdom.testing.hydration import strip_comments
    assert strip_comments(inner_html(c)) == strip_comments(inner_html(c2))


def test_a_fragment_missing_its_end_marker_falls_back():
    html = render_to_string(_frag_page("t"), hydratable=True)
    i = html.rindex("<!--]-->")
    html = html[:i] + html[i + len("<!--]-->"):]
    r, c, root, rep = _hydrate(html, _frag_page("t"))
    assert r.matches == 1 and r.reads > 0  # tried (nothing removed), then walked
