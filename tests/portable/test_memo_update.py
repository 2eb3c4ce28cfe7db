"""Root.update(): re-rendering one memo in place (the basis of components)."""

from vdom import h, memo, create_root, Fragment, RenderError
from vdom.testing import raises
from renderers.mock import MockRenderer, inner_html
from renderers.html import render_to_string


def _root():
    r = MockRenderer()
    c = r.create_container()
    return r, c, create_root(r, c)


class Counter:
    """A tiny component: state lives here, render reads it."""

    def __init__(self, name):
        self.name = name
        self.count = 0
        self.calls = 0
        self.fail = False

    def render(self, label):
        self.calls += 1
        if self.fail:
            raise ValueError("broken " + self.name)
        return h("p", {"class": self.name}, label, ": ", str(self.count))


def test_update_rerenders_only_that_memo():
    r, c, root = _root()
    a, b = Counter("a"), Counter("b")
    ma, mb = memo(a.render, "A", key="a"), memo(b.render, "B", key="b")
    root.render(h("div", None, ma, h("hr"), mb))
    p_b = c.children[0].children[2]
    r.reset()
    b.count = 5
    root.update(mb)
    assert inner_html(c) == '<div><p class="a">A: 0</p><hr><p class="b">B: 5</p></div>'
    assert r.ops == [("set_text", p_b.children[2], "5")]
    assert a.calls == 1 and b.calls == 2
    # the next full render compares against the updated subtree
    r.reset()
    root.render(h("div", None, memo(a.render, "A", key="a"), h("hr"), memo(b.render, "B", key="b")))
    assert r.ops == [] and b.calls == 2
    assert inner_html(c) == render_to_string(h("div", None, h("p", {"class": "a"}, "A: 0"), h("hr"),
                                                   h("p", {"class": "b"}, "B: 5")))


def test_update_uses_replaced_args():
    r, c, root = _root()
    a = Counter("a")
    m = memo(a.render, "first")
    root.render(h("div", None, m))
    m.args = ("second",)
    root.update(m)
    assert inner_html(c) == '<div><p class="a">second: 0</p></div>'


def test_update_with_another_tag_replaces_in_place():
    r, c, root = _root()
    state = {"tag": "p"}

    def view():
        return h(state["tag"], None, "x")

    m = memo(view)
    root.render(h("div", None, h("i"), m, h("b")))
    state["tag"] = "span"
    root.update(m)
    assert inner_html(c) == "<div><i></i><span>x</span><b></b></div>"
    state["tag"] = "p"
    root.update(m)
    assert inner_html(c) == "<div><i></i><p>x</p><b></b></div>"
    assert m.el is c.children[0].children[1]


def test_update_error_keeps_content_and_args():
    r, c, root = _root()
    a = Counter("a")
    m = memo(a.render, "L")
    root.render(h("div", None, m))
    a.fail = True
    a.count = 1
    e = raises(RenderError, root.update, m)
    assert "broken a" in str(e) and isinstance(e.original, ValueError)
    assert inner_html(c) == '<div><p class="a">L: 0</p></div>'
    a.fail = False
    root.update(m)
    assert inner_html(c) == '<div><p class="a">L: 1</p></div>'
    assert m.args == ("L",)


def test_failed_memo_rerenders_on_next_render_with_equal_args():
    r, c, root = _root()
    a = Counter("a")
    a.fail = True
    raises(RenderError, root.render, h("div", None, memo(a.render, "L")))
    assert inner_html(c) == "<div></div>"
    a.fail = False
    root.render(h("div", None, memo(a.render, "L")))
    assert inner_html(c) == '<div><p class="a">L: 0</p></div>'


def test_update_of_a_fragment_memo_keeps_position():
    r, c, root = _root()
    items = ["a", "b"]

    def view():
        return h(Fragment, None, [h("li", None, x) for x in items])

    m = memo(view)
    root.render(h("ul", None, h("li", None, "first"), m, h("li", None, "last")))
    items.append("c")
    root.update(m)
    assert inner_html(c) == "<ul><li>first</li><li>a</li><li>b</li><li>c</li><li>last</li></ul>"
    items[:] = ["z"]
    root.update(m)
    assert inner_html(c) == "<ul><li>first</li><li>z</li><li>last</li></ul>"


def test_update_nested_memo_inside_element():
    r, c, root = _root()
    inner = Counter("in")
    mi = memo(inner.render, "I")

    def outer():
        return h("section", None, h("h1", None, "t"), mi)

    root.render(memo(outer))
    inner.count = 3
    r.reset()
    root.update(mi)
    assert inner_html(c) == '<section><h1>t</h1><p class="in">I: 3</p></section>'
    assert len(r.ops) == 1


def test_update_unmounted_memo_raises():
    r, c, root = _root()
    raises(ValueError, root.update, memo(lambda: h("p")))


def test_update_inside_svg_keeps_namespace():
    r, c, root = _root()
    state = {"r": 1}

    def dot():
        return h("circle", {"r": str(state["r"])})

    m = memo(dot)
    root.render(h("svg", None, m))
    state["r"] = 2
    root.update(m)
    circle = c.children[0].children[0]
    assert circle.namespace == "http://www.w3.org/2000/svg"
    assert circle.attributes["r"] == "2"


def test_update_of_an_unmounted_memo_raises_even_without_listeners():
    r, c, root = _root()
    st = {"n": 0}
    m = memo(lambda: h("p", None, str(st["n"])))
    root.render(h("div", None, m))
    root.render(h("div", None))
    st["n"] = 1
    raises(ValueError, root.update, m)
    assert inner_html(c) == "<div></div>"


def test_update_several_memos_in_one_patch():
    r, c, root = _root()
    cs = [Counter("c%d" % i) for i in range(4)]
    ms = [memo(x.render, str(i), key=i) for i, x in enumerate(cs)]
    root.render(h("div", None, ms))
    cs[1].count = 7
    cs[3].count = 9
    r.reset()
    root.update(ms[1], ms[3])
    assert [op[0] for op in r.ops] == ["set_text", "set_text"]
    assert [x.calls for x in cs] == [1, 2, 1, 2]
    assert inner_html(c) == ('<div><p class="c0">0: 0</p><p class="c1">1: 7</p>'
                             '<p class="c2">2: 0</p><p class="c3">3: 9</p></div>')
