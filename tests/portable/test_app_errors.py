"""vdom.app errors: populate()/handler exceptions are reported, the page keeps its last good
DOM and keeps working; development mode adds an overlay next to the page."""

from vdom.app import Application, Page, Component, t
from vdom.app.testing import mount, find, find1, text_of
from vdom.app.errors import format_exception
from renderers.mock import inner_html


@t.component()
class Fragile(Component):
    def initial(self):
        return {"n": 0}

    def populate(self):
        if self.state["n"] == 1:
            raise ValueError("fragile broke at 1")
        t.button("f%d" % self.state["n"], on_click=self.inc)

    def inc(self, e):
        self.state["n"] += 1


class ErrPage(Page):
    def initial(self):
        return {"clicks": 0}

    def populate(self):
        t.fragile()
        t.button("page%d" % self.state["clicks"], id="pb", on_click=self.click)
        t.button("boom", id="boom", on_click=self.boom)

    def click(self, e):
        self.state["clicks"] += 1

    def boom(self, e):
        raise RuntimeError("handler exploded")


def test_populate_error_keeps_last_good_dom_and_app_keeps_working():
    app, r, c = mount(ErrPage)
    before = inner_html(c)
    r.dispatch(find(c, "button")[0], "click")   # Fragile -> n=1 -> populate raises
    app.flush()
    assert inner_html(c) == before
    assert len(app.errors) == 1
    where, exc = app.errors[0]
    assert "Fragile" in where and isinstance(exc, ValueError)
    assert "fragile broke at 1" in format_exception(exc)
    r.dispatch(find1(c, "button", id="pb"), "click")
    app.flush()
    assert text_of(find1(c, "button", id="pb")) == "page1"
    r.dispatch(find(c, "button")[0], "click")   # n=2 renders again
    app.flush()
    assert text_of(find(c, "button")[0]) == "f2"


@t.component()
class BrokenAtMount(Component):
    props = ["level"]

    def populate(self):
        if self.level == "bad":
            raise ValueError("broken at mount")
        t.span("ok now", id="fixed")


class HostPage(Page):
    def initial(self):
        return {"clicks": 0, "level": "bad"}

    def populate(self):
        t.broken_at_mount(level=self.state["level"])
        t.button("host%d" % self.state["clicks"], id="hb", on_click=self.click)

    def click(self, e):
        self.state["clicks"] += 1


def test_failed_component_is_reported_once_while_its_parent_rerenders():
    # The core retries a failed memo whenever its parent re-renders; with the same
    # state and props the component is not run (nor reported) again.
    app, r, c = mount(HostPage, development=True)
    assert len(app.errors) == 1 and "BrokenAtMount" in app.errors[0][0]
    for i in range(3):
        r.dispatch(find1(c, "button", id="hb"), "click")
        app.flush()
        assert text_of(find1(c, "button", id="hb")) == "host%d" % (i + 1)
    assert len(app.errors) == 1
    assert len(find(c, "div", class_="vdom-error")) == 1
    # New props: it runs again, and renders.
    app.active_page.state["level"] = "good"
    app.flush()
    assert text_of(find1(c, "span", id="fixed")) == "ok now"
    assert len(app.errors) == 1


def test_handler_error_is_reported_and_page_keeps_working():
    app, r, c = mount(ErrPage)
    r.dispatch(find1(c, "button", id="boom"), "click")
    app.flush()
    assert isinstance(app.errors[-1][1], RuntimeError)
    assert "event handler" in app.errors[-1][0]
    r.dispatch(find1(c, "button", id="pb"), "click")
    app.flush()
    assert text_of(find1(c, "button", id="pb")) == "page1"


def test_development_overlay_next_to_the_page_and_closable():
    app, r, c = mount(ErrPage, development=True)
    page_node = c.children[0]
    r.dispatch(find1(c, "button", id="boom"), "click")
    overlay = find1(c, "div", class_="vdom-error-overlay")
    assert "handler exploded" in text_of(overlay)
    assert "RuntimeError" in text_of(overlay) and "boom" in text_of(overlay)  # the traceback
    assert c.children[0] is page_node  # the page is still there
    r.dispatch(find1(c, "button", id="pb"), "click")
    app.flush()
    assert text_of(find1(c, "button", id="pb")) == "page1"
    r.dispatch(find1(overlay, "button", class_="vdom-error-close"), "click")
    assert find(c, "div", class_="vdom-error-overlay") == []


def test_no_overlay_outside_development_mode():
    app, r, c = mount(ErrPage)
    r.dispatch(find1(c, "button", id="boom"), "click")
    assert find(c, "div", class_="vdom-error-overlay") == []
    assert len(app.errors) == 1


def test_watcher_and_lifecycle_errors_are_reported():
    class P(Page):
        def initial(self):
            return {"x": 0}

        def populate(self):
            t.p(str(self.state["x"]))

        def on_x_change(self, value):
            raise KeyError("watch")

        def on_ready(self):
            raise ValueError("ready")

    app, r, c = mount(P)
    assert isinstance(app.errors[0][1], ValueError)
    app.active_page.state["x"] = 1
    app.flush()
    assert isinstance(app.errors[1][1], KeyError)
    assert text_of(find1(c, "p")) == "1"


def test_render_loop_is_stopped_and_reported():
    class P(Page):
        def initial(self):
            return {"n": 0}

        def populate(self):
            t.p(str(self.state["n"]))

        def on_redraw(self):
            self.state["n"] += 1

    app, r, c = mount(P)
    app.active_page.state["n"] = 1
    app.flush()
    assert isinstance(app.errors[-1][1], RuntimeError)
    assert "rounds" in str(app.errors[-1][1])


def test_async_handler_error_is_reported():
    class P(Page):
        def populate(self):
            t.button("x", on_click=self.go)

        async def go(self, e):
            raise ValueError("async boom")

    app, r, c = mount(P)
    r.dispatch(find1(c, "button"), "click")
    assert isinstance(app.errors[-1][1], ValueError)


def test_duplicate_keys_in_populate_are_reported_not_fatal():
    class P(Page):
        def initial(self):
            return {"dup": False}

        def populate(self):
            t.li("a", key=1)
            t.li("b", key=2 if not self.state["dup"] else 1)

    app, r, c = mount(P)
    good = inner_html(c)
    app.active_page.state["dup"] = True
    app.flush()
    assert inner_html(c) == good
    assert "duplicate key" in str(app.errors[-1][1])


def test_component_failing_on_first_mount_recovers_on_its_own_state_change():
    @t.component()
    class Late(Component):
        def initial(self):
            return {"ok": False}

        def populate(self):
            if not self.state["ok"]:
                raise ValueError("not yet")
            t.b("ok")

    class P(Page):
        def populate(self):
            t.late(ref="late")
            t.p("rest")

    app, r, c = mount(P)
    assert inner_html(c) == "<div><p>rest</p></div>"
    app.active_page.refs["late"].state["ok"] = True
    app.flush()
    assert inner_html(c) == "<div><div><b>ok</b></div><p>rest</p></div>"
