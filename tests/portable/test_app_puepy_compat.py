"""PuePy names apps use that are not components (issue 12): state listeners, runtime and util helpers."""

from vdom.app import Page, t, ReactiveDict
from vdom.app.state import Listener
from vdom.app import runtime, util
from vdom.app.testing import mount
from renderers.mock import inner_html


def test_str_of_state_is_the_plain_dict():
    d = ReactiveDict({"a": 1})
    assert str(d) == "{'a': 1}"
    assert "%s" % d == "{'a': 1}"
    assert repr(d) == "ReactiveDict({'a': 1})"


def test_listener_and_key_listeners_are_told_every_change():
    d = ReactiveDict({"a": 1, "b": 2})
    seen, seen_a = [], []
    d.listener.add_callback(lambda k, v: seen.append((k, v)))
    d.add_key_listener("a", lambda k, v: seen_a.append((k, v)))
    d["a"] = 5
    d["b"] = 6
    d["a"] = 5  # unchanged: no report
    with d.mutate("a"):
        pass
    assert sorted(seen) == [("a", 5), ("a", 5), ("b", 6)]
    assert seen_a == [("a", 5), ("a", 5)]
    assert "a" in d.key_listeners and isinstance(d.listener, Listener)


def test_a_raising_listener_does_not_stop_the_others():
    d = ReactiveDict()
    seen = []

    def bad(k, v):
        raise ValueError("listener")

    d.listener.add_callback(bad)
    d.listener.add_callback(lambda k, v: seen.append(k))
    d["x"] = 1
    assert seen == ["x"]
    assert str(d.listener) == "Listener with 2 callbacks"
    d.listener.remove_callback(bad)
    assert str(d.listener).startswith("Listener: ")


def test_page_state_listener_sees_changes_made_by_handlers():
    class P(Page):
        def initial(self):
            return {"n": 0}

        def on_ready(self):
            self.state.add_key_listener("n", self.changed)
            self.log = []

        def changed(self, key, value):
            self.log.append(value)

        def populate(self):
            t.p("n=%d" % self.state["n"])

    app, r, c = mount(P)
    page = app.active_page
    page.state["n"] = 3
    app.flush()
    assert page.log == [3]
    assert inner_html(c) == "<div><p>n=3</p></div>"  # a page renders into its own div, as in PuePy


def test_runtime_and_util_helpers_without_a_page():
    ran = []
    runtime.next_tick(lambda: ran.append(1))
    assert ran == [1]  # no page: at once, as PuePy does server side
    assert runtime.is_server_side is True
    assert runtime.platform in ("cpython", "micropython", "pyodide")  # Pyodide under Node: no page
    assert runtime.add_event_listener(object(), "click", lambda e: None) is None
    runtime.remove_event_listener(object(), "click", lambda e: None)
    assert util.jsobj(behavior="smooth", block="start") == {"behavior": "smooth", "block": "start"}
    assert util.mixed_to_underscores("MyLinkButton") == "my_link_button"


# -- issue 12: components as PuePy apps write them ---------------------------------------

from vdom.app import Component
from vdom.app.testing import type_into


@t.component()
class Badge(Component):
    enclosing_tag = "b"


@t.component()
class TitledCard(Component):
    def populate(self):
        t.h3("title")


class _Target(Page):
    pass


@t.component()
class HrefLink(Component):
    enclosing_tag = "a"

    def set_href(self, href):
        self.attrs["href"] = "/" + href.__name__.lower() if isinstance(href, type) else href


@t.component()
class SelfClicking(Component):
    enclosing_tag = "button"

    def __init__(self, *args, **kwargs):
        kwargs["on_click"] = self.clicked  # PuePy-style setup in __init__
        kwargs["role"] = "switch"
        super().__init__(*args, **kwargs)
        self.given = sorted(kwargs)

    def initial(self):
        return {"n": 0}

    def clicked(self, event):
        self.state["n"] += 1

    def populate(self):
        t.span("n=%d" % self.state["n"])


@t.component()
class OriginStepper(Component):
    enclosing_tag = "span"

    def populate(self):
        t.button("+", on_click=self.inc)

    def inc(self, event):
        self.origin.state[self.bind] = self.origin.state[self.bind] + 1


def test_positional_children_of_a_component_without_insert_slot():
    class P(Page):
        def initial(self):
            return {"n": 1}

        def populate(self):
            t.badge("label %d" % self.state["n"])
            with t.titled_card():
                t.p("inside")

    app, r, c = mount(P)
    assert inner_html(c) == "<div><b>label 1</b><div><p>inside</p><h3>title</h3></div></div>"
    app.active_page.state["n"] = 2
    app.flush()
    assert inner_html(c) == "<div><b>label 2</b><div><p>inside</p><h3>title</h3></div></div>"


def test_set_hooks_write_self_attrs():
    class P(Page):
        def populate(self):
            t.href_link("pets", href=_Target, title="t")
            t.href_link("x", href="/x")

    app, r, c = mount(P)
    assert inner_html(c) == '<div><a href="/_target" title="t">pets</a><a href="/x">x</a></div>'


def test_an_overridden_init_gets_the_kwargs_and_its_additions_apply():
    class P(Page):
        def populate(self):
            t.self_clicking("go", ref="c", data_x="1")

    app, r, c = mount(P)
    comp = app.active_page.refs["c"]
    assert comp.given == ["children", "data_x", "on_click", "ref", "role"]
    assert inner_html(c) == '<div><button data-x="1" role="switch">go<span>n=0</span></button></div>'
    r.dispatch(comp.element, "click")
    app.flush()
    assert inner_html(c) == '<div><button data-x="1" role="switch">go<span>n=1</span></button></div>'


def test_bind_and_origin_let_a_component_write_its_parents_state():
    class P(Page):
        def initial(self):
            return {"count": 5}

        def populate(self):
            t.p("count=%d" % self.state["count"])
            t.origin_stepper(bind="count", ref="s")

    app, r, c = mount(P)
    s = app.active_page.refs["s"]
    assert s.bind == "count" and s.origin is app.active_page
    r.dispatch(s.element.children[0], "click")
    app.flush()
    assert "count=6" in inner_html(c)


def test_a_ref_keeps_its_element_while_unkeyed_siblings_before_it_come_and_go():
    class P(Page):
        def initial(self):
            return {"word": ""}

        def populate(self):
            for ch in self.state["word"]:
                t.span(ch)
            with t.div():
                with t.label():
                    t.input(ref="box", bind="word")

    app, r, c = mount(P)
    box = app.active_page.refs["box"].element
    for s in ("a", "ab", "abc"):
        type_into(r, app.active_page.refs["box"].element, s)
        app.flush()
        assert app.active_page.refs["box"].element is box, s  # same host: focus and caret stay
    assert inner_html(c) == ('<div><span>a</span><span>b</span><span>c</span>'
                             '<div><label><input value="abc"></label></div></div>')


def test_text_in_a_void_element_is_ignored_not_fatal():
    class P(Page):
        def populate(self):
            t.input("Enabled", type="checkbox")
            t.p("ok")

    app, r, c = mount(P)
    assert inner_html(c) == '<div><input type="checkbox"><p>ok</p></div>'
    assert not app.errors


def test_a_childs_page_error_on_the_first_render_reaches_the_apps_handler():
    from vdom.app import Application, Unauthorized

    @t.component()
    class GuardedLayout(Component):
        def precheck(self):
            raise Unauthorized()

        def populate(self):
            t.p("secret")

    class Secret(Page):
        def populate(self):
            with t.guarded_layout():
                t.p("content")

    seen = []

    class App(Application):
        def handle_unauthorized(self, exception):
            seen.append(exception)

    app = App()
    app.default_page = Secret
    from vdom.app.testing import mount as mount_app

    mount_app(app)
    assert len(seen) == 1 and isinstance(seen[0], Unauthorized)


def test_page_mount_without_an_application():
    from renderers.mock import MockRenderer

    class Hello(Page):
        def initial(self):
            return {"name": "world"}

        def populate(self):
            t.p("hello " + self.state["name"])

    r = MockRenderer()
    c = r.create_container()
    page = Hello()
    app = page.mount(c, renderer=r)
    assert app.active_page is page
    assert inner_html(c) == "<div><p>hello world</p></div>"
    page.state["name"] = "you"
    app.flush()
    assert inner_html(c) == "<div><p>hello you</p></div>"


def test_handlers_read_event_target_value_and_checked_under_the_mock():
    # Written for the browser: the mock's nodes have live value/checked/selected properties.
    from vdom.app.testing import set_checked, find1

    class P(Page):
        def initial(self):
            return {"text": "", "on": False}

        def populate(self):
            t.input(id="t", value=self.state["text"], on_input=self.typed)
            t.input(id="c", type="checkbox", checked=self.state["on"], on_change=self.ticked)
            t.p("%s|%s" % (self.state["text"], self.state["on"]))

        def typed(self, event):
            self.state["text"] = event.target.value.upper()

        def ticked(self, event):
            self.state["on"] = event.target.checked

    app, r, c = mount(P)
    box = find1(c, "input", id="t")
    type_into(r, box, "abc")
    set_checked(r, find1(c, "input", id="c"))
    app.flush()
    assert inner_html(c).endswith("<p>ABC|True</p></div>")
    assert box.value == "ABC" and box.attributes["value"] == "ABC"  # the render set it again
    assert find1(c, "input", id="c").checked is True
    assert box.tagName == "INPUT" and box.type == "text"


def test_an_empty_element_is_left_alone_for_a_widget_to_fill():
    # Issue 12, item 11: the supported way to embed foreign DOM (a chart, a widget library's
    # output, a template engine's HTML): an element the component renders empty, filled from
    # on_ready; the diff never touches children it did not render.
    from renderers.mock import MockNode
    from vdom.app import html

    class Chart(Page):
        def initial(self):
            return {"title": "a"}

        def populate(self):
            t.h2(self.state["title"])
            t.div(ref="host", classes=["chart", self.state["title"]])
            t.div(html("<em>trusted markup</em>"))

        def on_ready(self):
            host = self.refs["host"].element
            host.children.append(MockNode("canvas"))  # what a widget library would do
            host.children[-1].parent = host

    app, r, c = mount(Chart)
    host = app.active_page.refs["host"].element
    assert inner_html(c) == ('<div><h2>a</h2><div class="chart a"><canvas></canvas></div>'
                             '<div><em>trusted markup</em></div></div>')
    app.active_page.state["title"] = "b"
    app.flush()
    assert app.active_page.refs["host"].element is host
    assert inner_html(c) == ('<div><h2>b</h2><div class="chart b"><canvas></canvas></div>'
                             '<div><em>trusted markup</em></div></div>')
