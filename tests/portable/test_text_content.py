"""Elements whose only child is a string: text content, one set_text_content call."""

from vdom import h, create_root, memo
from vdom.renderer import Renderer
from vdom.testing import check_patch, check_sequence, check_unmount
from renderers.mock import MockRenderer, inner_html
from renderers.html import render_to_string


def _root(r=None):
    r = r or MockRenderer()
    c = r.create_container()
    return r, c, create_root(r, c)


def _names(r):
    return [op[0] for op in r.ops]


def _click(e):
    return None


def test_one_string_child_is_text_content_not_a_text_vnode():
    v = h("td", {"class": "c"}, "label")
    assert v.text == "label" and len(v.children) == 0
    # with a listener (or hook) the string stays a text child: the subtree must be visited on unmount
    w = h("td", {"on_click": _click}, "label")
    assert w.text is True and w.children[0].text == "label"
    # several children, or a list, keep text children
    assert h("td", None, "a", "b").children[1].text == "b"
    assert h("td", None, ["a"]).children[0].text == "a"
    assert render_to_string(v) == '<td class="c">label</td>'
    assert render_to_string(h("style", None, "a>b{}")) == "<style>a>b{}</style>"
    assert render_to_string(h("p", None, "<&>")) == "<p>&lt;&amp;&gt;</p>"


def test_mount_and_patch_make_one_call_per_change():
    r, c, root = _root()
    root.render(h("ul", None, h("li", None, "a")))
    ul = c.children[0]
    li = ul.children[0]
    assert _names(r) == ["create_element", "create_element", "set_text_content", "insert", "insert"]
    assert inner_html(c) == "<ul><li>a</li></ul>"
    r.reset()
    root.render(h("ul", None, h("li", None, "a")))
    assert r.ops == []
    r.reset()
    root.render(h("ul", None, h("li", None, "b")))
    assert r.ops == [("set_text_content", li, "b")] and ul.children[0] is li
    r.reset()
    root.render(h("ul", None, h("li", None, "")))
    assert r.ops == [("set_text_content", li, "")] and li.children == []
    r.reset()
    root.render(h("ul", None, h("li", None, "c")))
    assert r.ops == [("set_text_content", li, "c")] and inner_html(c) == "<ul><li>c</li></ul>"


def test_switching_between_text_content_and_children():
    r, c, root = _root()
    root.render(h("p", None, "t"))
    p = c.children[0]
    r.reset()
    root.render(h("p", None, "t", h("b", None, "x")))  # text content -> children: clear, then mount
    assert _names(r)[0] == "clear" and r.ops[0] == ("clear", p)
    assert inner_html(c) == "<p>t<b>x</b></p>" and c.children[0] is p
    b = p.children[1]
    r.reset()
    root.render(h("p", None, "u"))  # children -> text content: one call replaces them
    assert r.ops == [("set_text_content", p, "u")] and b.parent is None
    r.reset()
    root.render(h("p", None))  # text content -> nothing: one clear
    assert r.ops == [("clear", p)] and p.children == []
    r.reset()
    root.render(h("p", None, "v"))
    assert r.ops == [("set_text_content", p, "v")]
    # a listener appears: the string becomes a text child
    r.reset()
    root.render(h("p", {"on_click": _click}, "v"))
    assert inner_html(c) == "<p>v</p>" and r.count("add_listener") == 1 and r.count("create_text") == 1


def test_children_with_listeners_are_released_when_text_content_replaces_them():
    r, c, root = _root()
    root.render(h("div", None, h("button", {"on_click": _click}, "go"), "x"))
    assert r.listener_count(c) == 1
    root.render(h("div", None, "plain"))
    assert r.listener_count(c) == 0 and inner_html(c) == "<div>plain</div>"


def test_check_patch_pairs_and_sequences_with_text_content():
    pairs = [
        (h("p", None, "a"), h("p", None, "b")),
        (h("p", None, "a"), h("p", None, "a")),
        (h("p", None, "a"), h("p", None, "a", h("i"))),
        (h("p", None, h("i", {"on_click": _click}), "z"), h("p", None, "a")),
        (h("p", None, "a"), h("p", None)),
        (h("p", None), h("p", None, "")),
        (h("p", None, ""), h("p", None, "x")),
        (h("p", None, "a"), h("p", {"on_click": _click}, "a")),
        (h("ul", None, [h("li", {"key": k}, str(k)) for k in (1, 2, 3)]),
         h("ul", None, [h("li", {"key": k}, "#" + str(k)) for k in (3, 1)])),
        (h("svg", None, h("text", None, "s")), h("svg", None, h("text", None, "t"))),
    ]
    for old, new in pairs:
        check_patch(old, new)
    check_sequence([h("p", None, "a"), h("p", None, "b", "c"), h("p", None, "d"), h("p", None), None])
    check_unmount(h("div", None, h("p", None, "a"), h("p", {"on_click": _click}, "b")))


def test_memo_rows_with_text_content_update_with_one_call():
    def row(i, label):
        return h("tr", None, [h("td", None, str(i)), h("td", None, label)])

    labels = ["a", "b", "c"]
    r, c, root = _root()
    root.render(h("table", None, [memo(row, i, labels[i], key=i) for i in range(3)]))
    r.reset()
    labels[1] = "B"
    root.render(h("table", None, [memo(row, i, labels[i], key=i) for i in range(3)]))
    assert _names(r) == ["set_text_content"] and r.ops[0][2] == "B"


class _Plain:
    """A renderer that does not subclass Renderer and has no set_text_content."""

    def __init__(self):
        self.m = MockRenderer()

    def __getattr__(self, name):
        if name in ("set_text_content", "clone", "move", "release_listener"):
            raise AttributeError(name)
        return getattr(self.m, name)


def test_renderers_without_set_text_content_get_a_text_node():
    p = _Plain()
    c = p.m.create_container()
    root = create_root(p, c)
    root.render(h("p", None, "a"))
    assert inner_html(c) == "<p>a</p>" and p.m.count("create_text") == 1
    root.render(h("p", None, "b"))
    assert inner_html(c) == "<p>b</p>"

    class Base(Renderer):
        """The base class's default: clear, then a new text node."""

        def __init__(self):
            self.m = MockRenderer()

        def create_element(self, tag):
            return self.m.create_element(tag)

        def create_text(self, text):
            return self.m.create_text(text)

        def insert(self, parent, node, anchor):
            self.m.insert(parent, node, anchor)

        def clear(self, parent):
            self.m.clear(parent)

    b = Base()
    c2 = b.m.create_container()
    create_root(b, c2).render(h("p", None, "x"))
    assert inner_html(c2) == "<p>x</p>" and b.m.count("clear") == 1 and b.m.count("create_text") == 1
