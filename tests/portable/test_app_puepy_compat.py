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
