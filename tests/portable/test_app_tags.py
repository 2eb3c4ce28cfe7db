"""vdom.app: the tag builder t (names, attributes, classes, styles, nesting, text, raw html)."""

from vdom.app import Page, Component, t, html
from vdom.app.testing import mount, find1
from vdom.testing import raises


def _page(fn, cls=Page):
    class P(cls):
        def populate(self):
            fn(self)

    return P


def test_nesting_text_and_children():
    def view(self):
        with t.div(id="main"):
            t.h1("Title")
            t("some ", "text")
            with t.ul():
                for i in range(3):
                    t.li(str(i), key=i)
            t.p(t.b("bold"), " after")

    app, r, c = mount(_page(view))
    assert (c.children[0].children[0].tag == "div")
    html_ = "<div><div id=\"main\"><h1>Title</h1>some text<ul><li>0</li><li>1</li><li>2</li></ul>" \
            "<p><b>bold</b> after</p></div></div>"
    from renderers.mock import inner_html
    assert inner_html(c) == html_


def test_attribute_names_and_custom_tags():
    def view(self):
        t.label("Name", for_="n", aria_label="the name", data_id=3)
        t.sl_button("Go", variant="primary")
        t.input(type="checkbox", checked=True, disabled=False)
        t.div(tag="section")

    app, r, c = mount(_page(view))
    from renderers.mock import inner_html
    assert inner_html(c) == ('<div><label aria-label="the name" data-id="3" for="n">Name</label>'
                             '<sl-button variant="primary">Go</sl-button>'
                             '<input checked type="checkbox"><section></section></div>')


def test_classes_and_style_forms():
    def view(self):
        t.p("a", classes="x y")
        t.p("b", classes=["x", None, "z"])
        t.p("c", classes={"on": True, "off": False})
        t.p("d", style="color: red")
        t.p("e", style={"color": "blue", "margin-top": "2px", "display": None})

    app, r, c = mount(_page(view))
    from renderers.mock import inner_html
    assert inner_html(c) == ('<div><p class="x y">a</p><p class="x z">b</p><p class="on">c</p>'
                             '<p style="color: red">d</p><p style="color:blue;margin-top:2px">e</p></div>')


def test_component_default_classes_attrs_and_enclosing_tag():
    @t.component()
    class FancyBox(Component):
        enclosing_tag = "section"
        default_classes = ["box", "fancy"]
        default_attrs = {"role": "region", "data_kind": "fancy"}

        def populate(self):
            t.span("inside")

    def view(self):
        t.fancy_box(classes=["extra", "/fancy"], id="b1")

    app, r, c = mount(_page(view))
    from renderers.mock import inner_html
    assert inner_html(c) == ('<div><section class="box extra" data-kind="fancy" id="b1" role="region">'
                             '<span>inside</span></section></div>')


def test_raw_html_and_numbers():
    def view(self):
        t.div(html("<i>raw</i>"))
        t.span(42, " ", 1.5)

    app, r, c = mount(_page(view))
    from renderers.mock import inner_html
    assert inner_html(c) == "<div><div><i>raw</i></div><span>42 1.5</span></div>"


def test_text_outside_a_parent_raises():
    e = raises(ValueError, t, "orphan text")
    assert "parent" in str(e)


def test_child_passed_as_argument_moves_under_new_parent():
    def view(self):
        t.div(t.span("x"), t.span("y"), id="outer")

    app, r, c = mount(_page(view))
    outer = find1(c, "div", id="outer")
    assert [ch.tag for ch in outer.children] == ["span", "span"]
    assert len(c.children[0].children) == 1


def test_component_name_kebab_and_explicit_name():
    @t.component()
    class MyWidget(Component):
        def populate(self):
            t("w")

    @t.component()
    class Other(Component):
        component_name = "named_thing"

        def populate(self):
            t("o")

    def view(self):
        t.my_widget()
        t.named_thing()
        t(MyWidget, classes="direct")

    app, r, c = mount(_page(view))
    from renderers.mock import inner_html
    assert inner_html(c) == '<div><div>w</div><div>o</div><div class="direct">w</div></div>'


def test_static_subtrees_as_children_are_cloned_from_one_template():
    from vdom import h, static

    icon = static(h("span", {"class": "icon", "aria-hidden": "true"}, "x"))

    def view(self):
        with t.ul():
            for i in range(3):
                t.li(str(i), icon, key=i)
        t("tail ", icon)

    app, r, c = mount(_page(view))
    from renderers.mock import inner_html
    span = '<span aria-hidden="true" class="icon">x</span>'
    assert inner_html(c) == "<div><ul><li>0%s</li><li>1%s</li><li>2%s</li></ul>tail %s</div>" % (
        span, span, span, span)
    assert r.count("clone") == 4 and r.count("create_element") == 1 + 3 + 1 + 1  # template, li x3, ul, page div


def test_a_component_registered_after_its_name_was_used_as_a_tag_takes_over():
    # t.<name> functions are cached; registering a component under the name must replace them.
    def view(self):
        t.late_widget("as an element")

    app, r, c = mount(_page(view))
    assert find1(c, "late-widget") is not None

    @t.component()
    class LateWidget(Component):
        def populate(self):
            t.b("as a component")

    app2, r2, c2 = mount(_page(view))
    from vdom.app.testing import find
    assert find(c2, "late-widget") == [] and find1(c2, "b") is not None
