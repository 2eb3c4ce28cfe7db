"""renderers.mock: the op log, DOM-like checks, dispatch, serialisation.

Also a second, independent implementation of the renderer protocol
(``StringDom``) to show the core drives any protocol implementation to the
same result.  Portable: plain test functions and asserts, no dict order.
"""

from vdom import h, Fragment, memo, create_root, Renderer, Listener, SVG_NS, MATHML_NS, PatchError, trusted
from vdom.testing import raises
from vdom import testing
from renderers.mock import MockRenderer, MockNode, MockEvent, to_html, inner_html, walk
from renderers.html import render_to_string
from renderers import markup


class Trusted:
    def __init__(self, s):
        self.s = s

    def __html__(self):
        return self.s


def _h1(e=None):
    return 1


def _h2(e=None):
    return 2


def _names(ops):
    return [op[0] for op in ops]


def mount(v):
    """Render ``v`` into a fresh mock container; the op log starts empty afterwards."""
    r = MockRenderer()
    c = r.create_container()
    root = create_root(r, c)
    root.render(v)
    r.reset()
    return r, c, root


def _by_name(ops):
    # sort ops whose names are all distinct (props come in dict order)
    return sorted(ops, key=lambda op: op[0])


# -- op log ------------------------------------------------------------------------


def test_op_log_direct_calls():
    r = MockRenderer()
    c = r.create_container()
    assert r.ops == [] and r.count() == 0  # create_container is not recorded
    d = r.create_element("DIV")
    s = r.create_element_ns(SVG_NS, "clipPath")
    t = r.create_text("hi")
    w = r.create_raw("<b>x</b>")
    r.insert(c, d, None)
    r.insert(d, t, None)
    r.insert(d, w, t)
    r.set_text(t, "ho")
    r.set_attribute(d, "id", "a")
    r.set_attribute(d, "hidden", True)
    r.remove_attribute(d, "hidden")
    r.set_class(d, "k")
    r.set_style(d, "color", "red")
    r.remove_style(d, "color")
    lst = Listener(_h1, "click")
    r.add_listener(d, "click", lst)
    r.remove_listener(d, "click", lst)
    r.remove(d, w)
    r.clear(d)
    expected = [
        ("create_element", "DIV"),
        ("create_element_ns", SVG_NS, "clipPath"),
        ("create_text", "hi"),
        ("create_raw", "<b>x</b>"),
        ("insert", c, d, None),
        ("insert", d, t, None),
        ("insert", d, w, t),
        ("set_text", t, "ho"),
        ("set_attribute", d, "id", "a"),
        ("set_attribute", d, "hidden", True),
        ("remove_attribute", d, "hidden"),
        ("set_class", d, "k"),
        ("set_style", d, "color", "red"),
        ("remove_style", d, "color"),
        ("add_listener", d, "click", lst),
        ("remove_listener", d, "click", lst),
        ("remove", d, w),
        ("clear", d),
    ]
    assert len(r.ops) == len(expected)
    for i in range(len(expected)):
        got = r.ops[i]
        exp = expected[i]
        assert len(got) == len(exp), (got, exp)
        for a, b in zip(got, exp):
            assert a is b or (a.__class__ is str and a == b), (got, exp)
    # node kinds
    assert d.tag == "div" and d.namespace is None
    assert s.tag == "clipPath" and s.namespace == SVG_NS
    assert t.tag is None and t.text == "ho"
    assert w.tag == "#raw" and w.text == "<b>x</b>"
    assert r.count() == 18
    assert r.count("insert") == 3
    assert r.count("create_element") == 1
    assert r.count("nothing") == 0
    assert r.moves == 0


def test_op_log_of_a_render_and_patch():
    r = MockRenderer()
    c = r.create_container()
    root = create_root(r, c)
    # One string child and no listener: text content, set with one call before the insert.
    root.render(h("div", {"id": "a"}, "x"))
    div = c.children[0]
    t0 = div.children[0]
    assert t0.tag is None and t0.text == "x"
    assert r.ops == [
        ("create_element", "div"),
        ("set_attribute", div, "id", "a"),
        ("set_text_content", div, "x"),
        ("insert", c, div, None),
    ]
    # With a listener the string is a text child: the text content is cleared first.
    r.reset()
    root.render(h("div", {"id": "b", "class": "k", "style": {"color": "red"}, "on_click": _h1}, "x"))
    assert c.children[0] is div
    t = div.children[0]
    assert t is not t0 and t0.parent is None and t.text == "x"
    ops = _by_name(r.ops)
    assert _names(ops) == ["add_listener", "clear", "create_text", "insert", "set_attribute", "set_class",
                           "set_style"]
    lst = ops[0][3]
    assert ops[0][:3] == ("add_listener", div, "click") and isinstance(lst, Listener)
    assert ops[1] == ("clear", div) and ops[3] == ("insert", div, t, None)
    assert ops[4] == ("set_attribute", div, "id", "b")
    assert ops[5] == ("set_class", div, "k")
    assert ops[6] == ("set_style", div, "color", "red")
    # A text child is updated in place.
    r.reset()
    root.render(h("div", {"id": "b", "class": "k", "style": {"color": "red"}, "on_click": _h1}, "y"))
    assert r.ops == [("set_text", t, "y")] and div.children[0] is t
    # swapping the handler makes no renderer call
    r.reset()
    root.render(h("div", {"id": "b", "class": "k", "style": {"color": "red"}, "on_click": _h2}, "y"))
    assert r.ops == []
    assert lst.handler is _h2
    # everything goes away: one remove per prop/listener, one clear for the children
    r.reset()
    root.render(h("div"))
    ops = r.ops
    assert ops[-1] == ("clear", div)
    assert ("remove_listener", div, "click", lst) in ops
    for name in ("id", "class", "style"):
        assert ("remove_attribute", div, name) in ops
    assert len(ops) == 5
    r.reset()
    root.render(None)
    assert r.ops == [("remove", c, div)]
    assert c.children == [] and div.parent is None


def test_op_log_svg_raw_and_text():
    r, c, root = mount(h("div", None, h("svg", {"class": "i"}, h("clipPath")), Trusted("<i>r</i>")))
    svg = c.children[0].children[0]
    assert svg.namespace == SVG_NS and svg.tag == "svg"
    assert svg.children[0].tag == "clipPath"
    r.reset()
    root.render(h("div", None, h("svg", {"class": "j"}, h("clipPath")), Trusted("<b>s</b>")))
    assert ("set_attribute", svg, "class", "j") in r.ops
    assert r.count("set_class") == 0
    assert r.count("create_raw") == 1
    assert ("create_raw", "<b>s</b>") in r.ops
    r2, c2, root2 = mount(h("math", None, h("mi", None, "x")))
    assert c2.children[0].namespace == MATHML_NS
    assert inner_html(c2) == "<math><mi>x</mi></math>"
    math = c2.children[0]
    root2.render(h("p"))
    p = c2.children[0]
    assert r2.ops == [("remove", c2, math), ("create_element", "p"), ("insert", c2, p, None)]


def test_op_log_of_namespaced_raw_and_style_render():
    r = MockRenderer()
    c = r.create_container()
    root = create_root(r, c)
    root.render([h("svg", None, h("g")), Trusted("<b>x</b>"), h("p", {"style": {"top": "1px", "left": 0}})])
    svg, raw, p = c.children
    g = svg.children[0]
    ops = r.ops
    assert ops[0] == ("create_element_ns", SVG_NS, "svg")
    assert ops[1] == ("create_element_ns", SVG_NS, "g")
    assert ops[2] == ("insert", svg, g, None)
    assert ops[3] == ("insert", c, svg, None)
    assert ops[4] == ("create_raw", "<b>x</b>")
    assert ops[5] == ("insert", c, raw, None)
    assert ops[6] == ("create_element", "p")
    assert ("set_style", p, "left", "0") in ops[7:9] and ("set_style", p, "top", "1px") in ops[7:9]
    assert ops[9] == ("insert", c, p, None)
    assert len(ops) == 10
    r.reset()
    root.render([h("svg", None, h("g")), Trusted("<b>x</b>"), h("p", {"style": {"top": "2px"}})])
    assert _by_name(r.ops) == [("remove_style", p, "left"), ("set_style", p, "top", "2px")]
    assert to_html(p) == '<p style="top:2px"></p>'


def test_count_reset_and_moves():
    r, c, root = mount(h("ul", None, [h("li", {"key": k}, str(k)) for k in (1, 2, 3, 4)]))
    assert r.ops == [] and r.count() == 0  # mount() starts the log empty
    ul = c.children[0]
    lis = list(ul.children)
    root.render(h("ul", None, [h("li", {"key": k}, str(k)) for k in (4, 1, 2, 3)]))
    assert r.moves == 1
    assert root.stats["moves"] == 1
    assert r.count("insert") == 1
    assert r.ops == [("insert", ul, lis[3], lis[0])]
    assert ul.children == [lis[3], lis[0], lis[1], lis[2]]
    assert r.count() == len(r.ops) == 1
    r.reset()
    assert r.ops == [] and r.count() == 0 and r.moves == 0 and r.counts == {}
    # the nodes stay
    assert inner_html(c) == "<ul><li>4</li><li>1</li><li>2</li><li>3</li></ul>"
    root.render(h("ul", None, [h("li", {"key": k}, str(k)) for k in (3, 2, 1, 4)]))
    # old order 4 1 2 3 -> 3 2 1 4: longest kept run has length 1, so 3 moves
    assert r.moves == root.stats["moves"] == 3
    assert inner_html(c) == "<ul><li>3</li><li>2</li><li>1</li><li>4</li></ul>"


def test_log_false_keeps_counts_only():
    r = MockRenderer(log=False)
    c = r.create_container()
    root = create_root(r, c)
    root.render(h("ul", None, [h("li", {"key": k, "class": "c"}, str(k)) for k in (1, 2, 3)]))
    assert r.ops == []
    assert r.count("create_element") == 4
    assert r.count("set_text_content") == 3  # each <li>'s string is its text content
    assert r.count("set_class") == 3
    assert r.count("insert") == 4
    assert r.count() == 14
    root.render(h("ul", None, [h("li", {"key": k, "class": "c"}, str(k)) for k in (3, 1, 2)]))
    assert r.moves == 1
    assert r.ops == []
    assert r.count("insert") == 5
    assert inner_html(c) == '<ul><li class="c">3</li><li class="c">1</li><li class="c">2</li></ul>'
    r.reset()
    assert r.count() == 0 and r.moves == 0


# -- DOM-like checks -------------------------------------------------------------


def test_insert_before_non_child_raises():
    r = MockRenderer()
    a = r.create_container()
    b = r.create_container("p")
    x = r.create_element("i")
    y = r.create_element("b")
    r.insert(b, y, None)
    raises(ValueError, r.insert, a, x, y)  # y is a child of b, not a
    stray = r.create_element("u")
    raises(ValueError, r.insert, a, x, stray)  # detached anchor
    raises(ValueError, r.insert, a, x, x)  # before itself
    assert a.children == [] and x.parent is None


def test_failed_insert_leaves_tree_unchanged():
    # Like DOM insertBefore, a rejected insert must not detach the node first.
    r = MockRenderer()
    a = r.create_container()
    b = r.create_container("p")
    n = r.create_element("i")
    stray = r.create_element("b")
    r.insert(a, n, None)
    raises(ValueError, r.insert, b, n, stray)
    assert n.parent is a
    assert a.children == [n], a.children
    assert r.moves == 0
    assert to_html(a) == "<div><i></i></div>"


def test_remove_from_wrong_parent_raises():
    r = MockRenderer()
    a = r.create_container()
    b = r.create_container()
    n = r.create_text("t")
    r.insert(a, n, None)
    raises(ValueError, r.remove, b, n)
    assert n.parent is a and a.children == [n]
    r.remove(a, n)
    assert n.parent is None and a.children == []
    raises(ValueError, r.remove, a, n)  # already detached


def test_remove_unknown_listener_raises():
    r = MockRenderer()
    el = r.create_element("div")
    l1 = Listener(_h1, "click")
    raises(ValueError, r.remove_listener, el, "click", l1)  # no listeners at all
    r.add_listener(el, "click", l1)
    raises(ValueError, r.remove_listener, el, "input", l1)  # other type
    raises(ValueError, r.remove_listener, el, "click", Listener(_h1, "click"))  # other object
    assert r.listener_count(el) == 1
    r.remove_listener(el, "click", l1)
    assert r.listener_count(el) == 0
    raises(ValueError, r.remove_listener, el, "click", l1)  # removed twice


def test_insert_of_attached_node_moves_it():
    r = MockRenderer()
    a = r.create_container()
    b = r.create_container("section")
    x, y, z = r.create_text("x"), r.create_text("y"), r.create_text("z")
    for n in (x, y, z):
        r.insert(a, n, None)
    assert r.moves == 0
    r.insert(a, z, x)
    assert a.children == [z, x, y] and r.moves == 1
    r.insert(a, z, None)
    assert a.children == [x, y, z] and r.moves == 2
    r.insert(b, y, None)
    assert a.children == [x, z] and b.children == [y] and y.parent is b and r.moves == 3
    assert inner_html(a) == "xz" and inner_html(b) == "y"


def test_clear_detaches_all():
    r = MockRenderer()
    a = r.create_container()
    kids = [r.create_element("i"), r.create_text("t"), r.create_raw("<hr>")]
    for k in kids:
        r.insert(a, k, None)
    r.clear(a)
    assert a.children == []
    for k in kids:
        assert k.parent is None
    assert r.ops[-1] == ("clear", a)
    r.insert(a, kids[1], None)  # reusable, not a move
    assert r.moves == 0 and to_html(a) == "<div>t</div>"
    r.clear(r.create_container())  # clearing an empty element is fine


def test_style_and_attribute_bookkeeping():
    r = MockRenderer()
    el = r.create_element("p")
    r.set_style(el, "top", "1px")
    r.set_style(el, "color", "red")
    assert el.attributes["style"] == "color:red;top:1px"
    r.remove_style(el, "color")
    assert el.attributes["style"] == "top:1px"
    r.remove_style(el, "top")
    assert "style" not in el.attributes
    r.set_attribute(el, "style", "a:b")
    assert to_html(el) == '<p style="a:b"></p>'
    r.remove_attribute(el, "style")
    assert to_html(el) == "<p></p>"
    r.set_attribute(el, "hidden", True)
    r.set_class(el, "c")
    assert to_html(el) == '<p class="c" hidden></p>'


# -- dispatch ----------------------------------------------------------------------


def _tree_with_listeners(log):
    def mk(name):
        def f(e):
            log.append((name, e.type, e.target, e.current_target))
        return f

    return h("div", {"on_click": mk("div"), "on_focus": mk("div-focus"), "on_blur": mk("div-blur")},
             h("p", {"on_click": mk("p")},
               h("button", {"on_click": mk("button"), "on_focus": mk("button-focus")}, "b")))


def test_dispatch_calls_listener_and_bubbles():
    log = []
    r, c, root = mount(_tree_with_listeners(log))
    div = c.children[0]
    p = div.children[0]
    btn = p.children[0]
    ev = r.dispatch(btn, "click")
    assert isinstance(ev, MockEvent)
    assert ev.type == "click" and ev.target is btn
    assert log == [("button", "click", btn, btn), ("p", "click", btn, p), ("div", "click", btn, div)]
    assert r.ops == []  # dispatch is not a renderer call
    # from the text node inside the button
    del log[:]
    r.dispatch(btn.children[0], "click")
    assert [x[0] for x in log] == ["button", "p", "div"]
    assert log[0][2] is btn.children[0]
    # events nobody listens to
    del log[:]
    e2 = r.dispatch(btn, "keydown")
    assert log == [] and e2.type == "keydown"


def test_dispatch_calls_every_listener_of_a_node_in_order():
    r = MockRenderer()
    outer = r.create_container()
    el = r.create_element("button")
    r.insert(outer, el, None)
    got = []
    r.add_listener(el, "click", Listener(lambda e: got.append(("a", e.current_target)), "click"))
    r.add_listener(el, "click", Listener(lambda e: got.append(("b", e.current_target)), "click"))
    r.add_listener(outer, "click", Listener(lambda e: got.append(("outer", e.current_target)), "click"))
    r.add_listener(el, "input", Listener(lambda e: got.append(("input", e.current_target)), "input"))
    assert r.listener_count(outer) == 4 and r.listener_count(el) == 3
    ev = r.dispatch(el, "click")
    assert got == [("a", el), ("b", el), ("outer", outer)]
    assert ev.target is el and ev.currentTarget is outer


def test_dispatch_stop_propagation():
    log = []

    def stop(e):
        log.append("p")
        e.stopPropagation()

    r, c, root = mount(h("div", {"on_click": lambda e: log.append("div")},
                         h("p", {"on_click": stop}, h("b", {"on_click": lambda e: log.append("b")}))))
    b = c.children[0].children[0].children[0]
    ev = r.dispatch(b, "click")
    assert log == ["b", "p"]
    assert ev.propagation_stopped is True


def test_dispatch_focus_and_blur_do_not_bubble():
    log = []
    r, c, root = mount(_tree_with_listeners(log))
    div = c.children[0]
    btn = div.children[0].children[0]
    r.dispatch(btn, "focus")
    assert [x[0] for x in log] == ["button-focus"]
    del log[:]
    r.dispatch(btn, "blur")  # only the div listens to blur: not reached
    assert log == []
    r.dispatch(div, "blur")
    assert [x[0] for x in log] == ["div-blur"]
    assert MockEvent("focus").bubbles is False
    assert MockEvent("click").bubbles is True
    assert MockEvent("focus", bubbles=True).bubbles is True


def test_dispatch_custom_event_object():
    seen = []

    class Ev:
        pass

    r, c, root = mount(h("div", {"on_custom": lambda e: seen.append(("div", e))},
                         h("span", {"on_custom": lambda e: seen.append(("span", e))})))
    span = c.children[0].children[0]
    ev = Ev()
    ev.target = None
    out = r.dispatch(span, "custom", ev)
    assert out is ev
    assert [x[0] for x in seen] == ["span", "div"]
    assert seen[0][1] is ev and seen[1][1] is ev
    assert ev.target is span
    # a preset target is kept; bubbles=False is honoured
    del seen[:]
    ev2 = Ev()
    ev2.target = "elsewhere"
    ev2.bubbles = False
    r.dispatch(span, "custom", ev2)
    assert [x[0] for x in seen] == ["span"]
    assert ev2.target == "elsewhere"
    # MockEvent with detail, preventDefault
    del seen[:]
    me = MockEvent("custom", detail={"n": 1})
    r.dispatch(span, "custom", me)
    assert me.target is span and seen[0][1] is me and seen[0][1].detail == {"n": 1}
    me.preventDefault()
    assert me.default_prevented is True and me.defaultPrevented is True


def test_dispatch_handler_exceptions_propagate():
    def bad(e):
        raise KeyError("handler")

    called = []
    r, c, root = mount(h("div", {"on_click": lambda e: called.append(1)}, h("a", {"on_click": bad})))
    a = c.children[0].children[0]
    e = raises(KeyError, r.dispatch, a, "click")
    assert "handler" in str(e)
    assert called == []


def test_dispatch_uses_current_handler():
    got = []
    r, c, root = mount(h("button", {"on_click": lambda e: got.append("old")}))
    btn = c.children[0]
    root.render(h("button", {"on_click": lambda e: got.append("new")}))
    assert r.count("add_listener") == 0 and r.count("remove_listener") == 0
    r.dispatch(btn, "click")
    assert got == ["new"]
    root.render(h("button"))
    assert r.count("remove_listener") == 1
    r.dispatch(btn, "click")
    assert got == ["new"]


def test_listener_count():
    tree = h("div", {"on_click": _h1, "on_input": _h2},
             h("p", {"on_click": _h1}, h("b", {"on_mouseover": _h2})), h("i"))
    r, c, root = mount(tree)
    div = c.children[0]
    assert r.listener_count(c) == 4
    assert r.listener_count(div) == 4
    assert r.listener_count(div.children[0]) == 2
    assert r.listener_count(div.children[1]) == 0
    root.render(h("div", {"on_click": _h1}, h("p", {"on_click": _h1}, h("b")), h("i")))
    assert r.listener_count(c) == 2
    assert r.count("remove_listener") == 2
    root.unmount()
    assert r.listener_count(c) == 0
    assert c.children == []


# -- walk, to_html, inner_html ------------------------------------------------------


def test_walk_order():
    r, c, root = mount(h("div", None, h("p", None, "a", h("b", None, "c")), "d", h(Fragment, None, h("i"))))

    def label(n):
        return n.tag if n.tag is not None else "#" + n.text

    assert [label(n) for n in walk(c)] == ["div", "div", "p", "#a", "b", "#c", "#d", "#", "i"]
    p = c.children[0].children[0]
    assert [label(n) for n in walk(p)] == ["p", "#a", "b", "#c"]
    t = p.children[0]
    assert walk(t) == [t]


def test_to_html_vs_inner_html():
    r, c, root = mount(h("p", {"class": "x"}, "a<", h("br"), Trusted("<u>&amp;</u>")))
    p = c.children[0]
    assert to_html(p) == '<p class="x">a&lt;<br><u>&amp;</u></p>'
    assert inner_html(p) == "a&lt;<br><u>&amp;</u>"
    assert to_html(c) == "<div>" + to_html(p) + "</div>"
    assert inner_html(c) == to_html(p)
    assert to_html(p.children[0]) == "a&lt;"
    assert to_html(p.children[2]) == "<u>&amp;</u>"
    assert inner_html(p.children[1]) == ""
    assert p.__html__() == to_html(p)
    # inner_html of a raw-text element: raw but guarded
    r2, c2, root2 = mount(h("script", None, trusted("a < b && c </script>")))
    s = c2.children[0]
    assert inner_html(s) == "a < b && c \\x3C/script>"
    assert to_html(s) == "<script>a < b && c \\x3C/script></script>"
    # a container of another tag
    r3 = MockRenderer()
    sec = r3.create_container("section")
    create_root(r3, sec).render(["x", h("hr")])
    assert to_html(sec) == "<section>x<hr></section>"
    assert inner_html(sec) == "x<hr>"


def test_to_html_rejects_impossible_trees():
    r = MockRenderer()
    s = r.create_element("script")
    r.insert(s, r.create_element("b"), None)
    raises(ValueError, to_html, s)
    br = r.create_element("br")
    r.insert(br, r.create_text("x"), None)
    raises(ValueError, to_html, br)
    # in SVG a "br" would be an ordinary element
    g = r.create_element_ns(SVG_NS, "br")
    r.insert(g, r.create_text("x"), None)
    assert to_html(g) == "<br>x</br>"


# -- to_html of patched trees == render_to_string ----------------------------------


def _noop_hook(*a):
    return None


def _row(label, n):
    return h("li", {"data-n": n, "class": {"odd": n % 2 == 1}}, label)


def _sequences():
    """Lists of trees rendered one after another into one root."""
    hook = {"create": _noop_hook, "insert": _noop_hook, "update": _noop_hook, "remove": _noop_hook}
    deep = "end"
    for i in range(60):
        deep = h("div" if i % 2 else "section", {"data-d": i} if i % 7 == 0 else None, deep)
    return [
        # basics and top-level values
        [h("div"), "text & <more>", None, [h("i"), "t", 3, None, 1.5], h("div", None, "back")],
        # attributes and classes changing
        [
            h("div", {"id": "a", "class": "x", "title": "q\"<'"}, "hi"),
            h("div", {"id": "b", "class": ["y", None, "z"], "lang": "en"}, "bye"),
            h("div", {"class": {"zz": True, "aa": 1, "off": False}, "hidden": True}, "bye"),
            h("div", {"class": "", "hidden": False, "tabindex": 0}),
            h("div", {"class": {"q": True}, "tabindex": "0", "data-x": "1&2"}, "again"),
            h("div", None, "plain"),
        ],
        # styles: string <-> dict transitions
        [
            h("p", {"style": "color:red; top:0"}, "s"),
            h("p", {"style": {"color": "blue", "margin": 0, "z-index": 3}}, "s"),
            h("p", {"style": {"color": "blue", "top": "1px", "margin": None, "z-index": "3"}}, "s"),
            h("p", {"style": "top:2px"}, "s"),
            h("p", {"style": None}, "s"),
            h("p", {"style": {"a": None, "b": False}}, "s"),
            h("p", {"style": {"margin-top": "1px", "margin": "0"}}, "s"),
            h("p", {"style": ""}, "s"),
            h("p", {"style": {"opacity": 0.5, "font-family": "\"A\" & B"}}, "s"),
            h("p", {"style": False}),
        ],
        # listeners and hooks are never serialised
        [
            h("button", {"on_click": _h1, "disabled": True, "hook": hook, "key": "b"}, "go"),
            h("button", {"on_click": _h2, "disabled": False, "on_focus": _h1, "hook": hook, "key": "b"}, "go"),
            h("button", {"aria-pressed": True, "draggable": False}, "go"),
            h("button", {"aria-pressed": False, "draggable": None, "spellcheck": True}, "stop"),
        ],
        # SVG / MathML
        [
            h("svg", {"viewBox": "0 0 1 1", "class": "ic"},
              h("clipPath", {"id": "c"}, h("rect", {"width": 1})),
              h("foreignObject", None, h("DIV", None, "x"))),
            h("svg", {"viewBox": "0 0 2 2", "class": {"b": True, "a": True}},
              h("clipPath", {"id": "d"}),
              h("linearGradient", {"gradientUnits": "userSpaceOnUse"}),
              h("foreignObject", None, h("p", None, "y"), h("svg", None, h("feGaussianBlur")))),
            h("svg", None, h("style", None, "a<b"), h("text", None, "1 < 2")),
            h("math", None, h("mi", None, "x"), h("mo", None, "<")),
        ],
        # raw html
        [
            h("div", None, Trusted("<b>raw</b>"), "t"),
            h("div", None, Trusted("<i>other &amp;</i>"), "t"),
            h("div", None, "t", Trusted("<hr>")),
            h("div", {"title": Trusted("<b>")}, "attr"),
        ],
        # raw-text elements
        [
            h("script", None, trusted("a < b && c </script> <!-- x")),
            h("script", {"type": "module"}, trusted("x = 1 < 2;"), trusted("y = '<SCRIPT';")),
            h("style", None, "a>b{c:'&'}</style>"),
            h("xmp", None, "<b>&</b></xmp>"),
            h("textarea", None, "a < b & c"),
        ],
        # keyed lists: reorder, insert, remove, clear
        [
            h("ul", None, [h("li", {"key": k}, str(k)) for k in (1, 2, 3, 4, 5)]),
            h("ul", None, [h("li", {"key": k}, str(k)) for k in (5, 3, 1, 4, 2, 6)]),
            h("ul", None, [h("li", {"key": k, "class": "n"}, "#" + str(k)) for k in (6, 2)]),
            h("ul", None, []),
            h("ul", None, [h("li", {"key": k}, str(k)) for k in (7, 8)]),
            h("ul", None, [h("p", {"key": k}, str(k)) for k in (8, 7)]),
        ],
        # fragments, memos, holes
        [
            h("div", None, h(Fragment, {"key": "f"}, "a", h("b")), "c"),
            h("div", None, "c", h(Fragment, {"key": "f"}, "a2", h("b", None, "!"), h("i"))),
            h("div", None, None, "x", h("b"), memo(_row, "r", 1)),
            h("div", None, h("i"), "x", None, memo(_row, "r", 2)),
            h("ul", None, [memo(_row, "m" + str(n), n, key=n) for n in (1, 2, 3)]),
            h("ul", None, [memo(_row, "m" + str(n), n, key=n) for n in (3, 1, 4)]),
        ],
        # void elements, numbers, text escapes, tag changes, deep tree
        [
            h("p", None, h("br"), h("input", {"value": "v\"", "checked": True}), 0, -1),
            h("p", None, h("img", {"src": "a.png", "alt": ""}), "a<&>", h("wbr")),
            h("section", None, "s"),
            h("article", None, "a"),
            deep,
            h("div", None, "shallow"),
            [h("h1", None, "T"), h("p", None, "body")],
            None,
        ],
    ]


def _all_trees():
    out = []
    for seq in _sequences():
        for t in seq:
            out.append(t)
    return out


def test_tree_table_is_large():
    assert len(_all_trees()) >= 30


def test_patched_to_html_equals_render_to_string():
    for seq in _sequences():
        r = MockRenderer()
        c = r.create_container()
        root = create_root(r, c)
        for i in range(len(seq)):
            v = seq[i]
            expected = render_to_string(v)
            root.render(v)
            assert inner_html(c) == expected, (i, inner_html(c), expected)
            assert to_html(c) == "<div>" + expected + "</div>"
            assert render_to_string(v) == expected  # rendering did not change the vnode


def test_fresh_mount_to_html_equals_render_to_string():
    for v in _all_trees():
        expected = render_to_string(v)
        r, c, root = mount(v)
        assert r.ops == []
        assert inner_html(c) == expected, (inner_html(c), expected)


def test_patch_in_reverse_order_equals_render_to_string():
    problems = []
    seqs = _sequences()
    for k in range(len(seqs)):
        seq = seqs[k]
        r = MockRenderer()
        c = r.create_container()
        root = create_root(r, c)
        for i in range(len(seq) - 1, -1, -1):
            v = seq[i]
            try:
                root.render(v)
            except Exception as e:
                problems.append((k, i, repr(e)))
                break
            if inner_html(c) != render_to_string(v):
                problems.append((k, i, inner_html(c), render_to_string(v)))
    assert problems == [], problems


def test_keyed_fragment_moves():
    # A keyed fragment that has to move in a keyed reorder.
    for before, after in (
        ([h("b", {"key": 1}), h(Fragment, {"key": "f"}, "a", h("i"))],
         [h(Fragment, {"key": "f"}, "a", h("i")), h("b", {"key": 1})]),
        ([h("b", {"key": 1}), h(Fragment, {"key": "f"}, "a")],
         [h(Fragment, {"key": "f"}, "a"), h("b", {"key": 1})]),
        ([h(Fragment, {"key": "x"}, "1"), h(Fragment, {"key": "y"}, "2"), h(Fragment, {"key": "z"}, "3")],
         [h(Fragment, {"key": "z"}, "3"), h(Fragment, {"key": "x"}, "1"), h(Fragment, {"key": "y"}, "2")]),
    ):
        r, c, root = mount(h("div", None, before))
        new = h("div", None, after)
        root.render(new)
        assert inner_html(c) == render_to_string(new), inner_html(c)
        assert r.moves >= 1


def test_listeners_present_after_patches():
    seq = _sequences()[3]
    r = MockRenderer()
    c = r.create_container()
    root = create_root(r, c)
    counts = []
    for v in seq:
        root.render(v)
        counts.append(r.listener_count(c))
    assert counts == [1, 2, 0, 0]
    assert r.count("add_listener") == 2 and r.count("remove_listener") == 2


# -- a second protocol implementation ---------------------------------------------


class SNode:
    __slots__ = ("kind", "name", "ns", "attrs", "styles", "kids", "parent", "data", "handlers")

    def __init__(self, kind, name=None, ns=None, data=None):
        self.kind = kind  # "el", "text" or "raw"
        self.name = name
        self.ns = ns
        self.attrs = {}
        self.styles = {}
        self.kids = []
        self.parent = None
        self.data = data
        self.handlers = {}


class StringDom(Renderer):
    """The protocol from scratch: different node type, own bookkeeping and serialiser."""

    def __init__(self):
        self.calls = []

    def root(self):
        return SNode("el", "div")

    def create_element(self, tag):
        self.calls.append("create_element")
        return SNode("el", tag.lower())

    def create_element_ns(self, namespace, tag):
        self.calls.append("create_element_ns")
        return SNode("el", tag, namespace)

    def create_text(self, text):
        self.calls.append("create_text")
        return SNode("text", data=text)

    def create_raw(self, html):
        self.calls.append("create_raw")
        return SNode("raw", data=html)

    def insert(self, parent, node, anchor):
        self.calls.append("insert")
        if anchor is not None and (anchor.parent is not parent or anchor is node):
            raise ValueError("bad anchor")
        if node.parent is not None:
            sib = node.parent.kids
            del sib[sib.index(node)]
        kids = parent.kids
        if anchor is None:
            kids.append(node)
        else:
            kids.insert(kids.index(anchor), node)
        node.parent = parent

    def remove(self, parent, node):
        self.calls.append("remove")
        if node.parent is not parent:
            raise ValueError("not a child")
        del parent.kids[parent.kids.index(node)]
        node.parent = None

    def clear(self, parent):
        self.calls.append("clear")
        for k in parent.kids:
            k.parent = None
        parent.kids = []

    def set_text_content(self, el, text):
        self.calls.append("set_text_content")
        for k in el.kids:
            k.parent = None
        el.kids = []
        if text:
            t = SNode("text", data=text)
            t.parent = el
            el.kids.append(t)

    def set_text(self, node, text):
        self.calls.append("set_text")
        node.data = text

    def set_attribute(self, el, name, value):
        self.calls.append("set_attribute")
        assert value is True or value.__class__ is str, value
        if name == "style":
            el.styles = {}
        el.attrs[name] = value

    def remove_attribute(self, el, name):
        self.calls.append("remove_attribute")
        if name == "style":
            el.styles = {}
        if name in el.attrs:
            del el.attrs[name]

    def set_class(self, el, value):
        self.calls.append("set_class")
        assert value and value.__class__ is str
        el.attrs["class"] = value

    def set_style(self, el, name, value):
        self.calls.append("set_style")
        assert value.__class__ is str
        if "style" in el.attrs:  # a string style is replaced by properties
            del el.attrs["style"]
        el.styles[name] = value

    def remove_style(self, el, name):
        self.calls.append("remove_style")
        if name in el.styles:
            del el.styles[name]

    def add_listener(self, el, event_type, listener):
        self.calls.append("add_listener")
        assert event_type not in el.handlers
        el.handlers[event_type] = listener

    def remove_listener(self, el, event_type, listener):
        self.calls.append("remove_listener")
        if el.handlers.get(event_type) is not listener:
            raise ValueError("unknown listener")
        del el.handlers[event_type]


def _sdom_start(node):
    attrs = [(k, node.attrs[k]) for k in node.attrs]
    if node.styles:
        items = [(k, node.styles[k]) for k in node.styles]
        items.sort()
        attrs.append(("style", ";".join([k + ":" + v for k, v in items])))
    attrs.sort()
    return markup.open_tag(node.name, attrs)


def sdom_html(node):
    """Inner HTML of an SNode (iterative: MicroPython's stack is small)."""
    out = []
    st = list(reversed(node.kids))
    while st:
        x = st.pop()
        if x.__class__ is str:
            out.append(x)
        elif x.kind == "text":
            p = x.parent
            if p.ns is None and p.name in markup.RAW_TEXT:
                out.append(markup.raw_text(p.name, x.data))
            else:
                out.append(markup.escape_text(x.data))
        elif x.kind == "raw":
            out.append(x.data)
        else:
            out.append(_sdom_start(x))
            if x.ns is None and x.name in markup.VOID:
                assert not x.kids
                continue
            st.append("</" + x.name + ">")
            for i in range(len(x.kids) - 1, -1, -1):
                st.append(x.kids[i])
    return "".join(out)


def test_string_dom_conformance():
    seqs_m = _sequences()
    seqs_s = _sequences()  # fresh vnodes for the second renderer
    for k in range(len(seqs_m)):
        seq = seqs_m[k]
        seq2 = seqs_s[k]
        m = MockRenderer()
        mc = m.create_container()
        mroot = create_root(m, mc)
        s = StringDom()
        sc = s.root()
        sroot = create_root(s, sc)
        for i in range(len(seq)):
            m.reset()
            s.calls = []
            mroot.render(seq[i])
            sroot.render(seq2[i])
            mh = inner_html(mc)
            sh = sdom_html(sc)
            assert sh == mh, (k, i, sh, mh)
            assert sh == render_to_string(seq2[i])
            assert s.calls == _names(m.ops), (k, i, s.calls, _names(m.ops))
        # tear down through both: every listener released, nothing left
        mroot.unmount()
        sroot.unmount()
        assert mc.children == [] and sc.kids == []
        assert m.listener_count(mc) == 0


def test_string_dom_dispatch_like_handlers():
    # the stable Listener objects reach the second renderer too
    got = []
    s = StringDom()
    sc = s.root()
    root = create_root(s, sc)
    root.render(h("a", {"on_click": lambda e: got.append(("one", e))}))
    a = sc.kids[0]
    lst = a.handlers["click"]
    lst("E1")
    root.render(h("a", {"on_click": lambda e: got.append(("two", e))}))
    assert a.handlers["click"] is lst
    lst("E2")
    assert got == [("one", "E1"), ("two", "E2")]
    root.render(h("a"))
    assert a.handlers == {}


def test_string_dom_rejects_misuse():
    s = StringDom()
    a = s.root()
    n = s.create_text("x")
    raises(ValueError, s.insert, a, n, s.create_text("y"))
    raises(ValueError, s.remove, a, n)
    raises(ValueError, s.remove_listener, a, "click", Listener(_h1, "click"))


def test_testing_mount_starts_with_empty_log():
    # vdom.testing.mount documents: "the renderer's op log starts empty after
    # the render when renderer is None (a new MockRenderer)".
    v = h("div", None, "x")
    r, c, root = testing.mount(v)
    assert inner_html(c) == "<div>x</div>"
    assert v.el is None  # a clone was mounted
    assert r.ops == [], r.ops
    assert r.count() == 0


def test_base_renderer_names_missing_methods():
    class Half(Renderer):
        def create_element(self, tag):
            return MockNode(tag)

    e = raises(PatchError, create_root(Half(), MockNode("div")).render, h("p"))
    assert isinstance(e.original, NotImplementedError) and e.operation == "insert"
    assert "insert" in str(e)
