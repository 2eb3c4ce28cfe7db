"""vdom.app components: state, props, keyed identity, events, bind, refs, slots, lifecycle,
batching and partial re-renders (mock renderer)."""

from vdom.app import Application, Page, Component, Prop, t
from vdom.app.testing import mount, find, find1, text_of, type_into, set_checked
from vdom.testing import raises
from renderers.mock import inner_html


# -- state and batching ------------------------------------------------------------------

def test_counter_click_renders_after_flush_and_batches():
    calls = []

    class P(Page):
        def initial(self):
            return {"n": 0}

        def populate(self):
            calls.append(1)
            t.span(str(self.state["n"]))
            t.button("+", on_click=self.inc)

        def inc(self, event):
            self.state["n"] += 1
            self.state["n"] += 1

    app, r, c = mount(P)
    btn = find1(c, "button")
    r.dispatch(btn, "click")
    r.dispatch(btn, "click")
    assert text_of(find1(c, "span")) == "0"  # nothing before the flush
    r.reset()
    app.flush()
    assert text_of(find1(c, "span")) == "4"
    assert len(calls) == 2  # one render for the four changes
    # An element whose only child is a string gets it as text content (one call).
    assert r.ops == [("set_text_content", find1(c, "span"), "4")]
    app.flush()
    assert len(calls) == 2


def test_only_dirty_component_rerenders():
    renders = {}

    @t.component()
    class Tile(Component):
        props = ["name"]

        def initial(self):
            return {"n": 0}

        def populate(self):
            renders[self.name] = renders.get(self.name, 0) + 1
            t.button(self.name, str(self.state["n"]), on_click=self.bump)

        def bump(self, e):
            self.state["n"] += 1

    class P(Page):
        def populate(self):
            renders["page"] = renders.get("page", 0) + 1
            for name in ("a", "b", "c"):
                t.tile(name=name, key=name)

    app, r, c = mount(P)
    assert renders == {"page": 1, "a": 1, "b": 1, "c": 1}
    r.dispatch(find(c, "button")[1], "click")
    app.flush()
    assert renders == {"page": 1, "a": 1, "b": 2, "c": 1}
    assert [text_of(b) for b in find(c, "button")] == ["a0", "b1", "c0"]


def test_parent_rerender_skips_children_with_same_props():
    renders = []

    @t.component()
    class Leaf(Component):
        props = ["label"]

        def populate(self):
            renders.append(self.label)
            t.span(self.label)

    class P(Page):
        def initial(self):
            return {"title": "x", "second": "B"}

        def populate(self):
            t.h1(self.state["title"])
            t.leaf(label="A")
            t.leaf(label=self.state["second"])

    app, r, c = mount(P)
    del renders[:]
    app.active_page.state["title"] = "y"
    app.flush()
    assert renders == []
    assert inner_html(c) == "<div><h1>y</h1><div><span>A</span></div><div><span>B</span></div></div>"
    app.active_page.state["second"] = "C"
    app.flush()
    assert renders == ["C"]
    assert inner_html(c) == "<div><h1>y</h1><div><span>A</span></div><div><span>C</span></div></div>"


def test_every_dict_mutator_triggers_a_render():
    class P(Page):
        def initial(self):
            return {"a": 1, "b": 2, "items": [1], "d": {"x": 1}}

        def populate(self):
            keys = sorted(self.state.keys())
            t.p(",".join("%s=%r" % (k, self.state[k]) for k in keys))

    app, r, c = mount(P)
    s = app.active_page.state

    def shown():
        return text_of(find1(c, "p"))

    steps = [
        (lambda: s.__setitem__("a", 5), "a=5"),
        (lambda: s.__delitem__("b"), None),
        (lambda: s.pop("a"), None),
        (lambda: s.setdefault("z", 9), "z=9"),
        (lambda: s.update({"y": 7}), "y=7"),
        (lambda: s.update(w=3), "w=3"),
        (lambda: s.popitem(), None),
        (lambda: s.clear(), None),
    ]
    before = shown()
    for fn, expect in steps:
        fn()
        app.flush()
        now = shown()
        assert now != before, (fn, now)
        if expect:
            assert expect in now
        before = now
    assert shown() == ""


def test_in_place_edits_through_mutate_are_reactive():
    class P(Page):
        def initial(self):
            return {"items": ["a"], "form": {"name": "x"}}

        def populate(self):
            t.p(",".join(self.state["items"]), " ", self.state["form"]["name"])
            t.button("add", on_click=self.add)

        def add(self, e):  # a method named like PuePy's internal Tag.add
            with self.state.mutate("items") as items:
                items.append("b")
                items.append("c")
            with self.state.mutate("items", "form") as (items, form):
                items.pop(0)
                form["name"] = "y"

    app, r, c = mount(P)
    r.dispatch(find1(c, "button"), "click")
    app.flush()
    assert text_of(find1(c, "p")) == "b,c y"


def test_same_list_object_assigned_again_is_a_change_and_equal_value_is_not():
    renders = []

    class P(Page):
        def initial(self):
            return {"items": [1], "n": 1}

        def populate(self):
            renders.append(1)
            t.p(str(len(self.state["items"])))

    app, r, c = mount(P)
    s = app.active_page.state
    s["n"] = 1
    app.flush()
    assert len(renders) == 1
    lst = s["items"]
    lst.append(2)
    s["items"] = lst
    app.flush()
    assert len(renders) == 2 and text_of(find1(c, "p")) == "2"


def test_redraw_rules_and_watchers():
    seen = []

    class P(Page):
        redraw_on_state_changes = ["shown"]

        def initial(self):
            return {"shown": 0, "hidden": 0}

        def populate(self):
            seen.append("render")
            t.p("%d/%d" % (self.state["shown"], self.state["hidden"]))

        def on_hidden_change(self, value):
            seen.append(("hidden", value))

        def on_state_change(self, key, value):
            seen.append(("any", key, value))

    app, r, c = mount(P)
    del seen[:]
    app.active_page.state["hidden"] = 5
    app.flush()
    assert seen == [("any", "hidden", 5), ("hidden", 5)]
    assert text_of(find1(c, "p")) == "0/0"
    app.active_page.state["shown"] = 1
    app.flush()
    assert seen[-1] == "render" and text_of(find1(c, "p")) == "1/5"

    class Q(Page):
        redraw_on_state_changes = False

        def initial(self):
            return {"v": 0}

        def populate(self):
            t.p(str(self.state["v"]))

    app, r, c = mount(Q)
    app.active_page.state["v"] = 3
    app.flush()
    assert text_of(find1(c, "p")) == "0"
    app.active_page.redraw()
    app.flush()
    assert text_of(find1(c, "p")) == "3"


# -- props -------------------------------------------------------------------------------

def test_props_names_prop_objects_defaults_and_attribute_access():
    @t.component()
    class Card(Component):
        props = ["title", Prop("count", "how many", type=int, default=2), {"name": "tone", "default": "x"}]

        def initial(self):
            return {"double": (self.count or 0) * 2}

        def populate(self):
            t.h2(self.title)
            t.p("%s %s %s" % (self.count, self.tone, self.state["double"]))

    class P(Page):
        def populate(self):
            t.card(title="One")
            t.card(title="Two", count=5, tone="y")

    app, r, c = mount(P)
    assert inner_html(c) == ("<div><div><h2>One</h2><p>2 x 4</p></div>"
                             "<div><h2>Two</h2><p>5 y 10</p></div></div>")


def test_prop_named_like_a_method_or_framework_name_is_rejected():
    class Bad(Component):
        props = ["populate"]

    class Bad2(Component):
        props = ["state"]

    class Bad3(Component):
        def trigger_event(self, name):
            pass

    class P(Page):
        def initial(self):
            return {"which": Bad}

        def populate(self):
            t(self.state["which"])

    for cls in (Bad, Bad2, Bad3):
        app = Application()
        app.default_page = P
        P.initial = lambda self, cls=cls: {"which": cls}
        from renderers.mock import MockRenderer
        r = MockRenderer()
        cont = r.create_container()
        app.mount(cont, renderer=r)
        assert len(app.errors) >= 1
        assert isinstance(app.errors[0][1], (TypeError, ValueError))


def test_user_method_named_like_framework_internals_is_fine():
    class P(Page):
        def initial(self):
            return {"n": 0}

        def add(self, e):
            self.state["n"] += 1

        def render(self):
            return "user render"

        def update(self):
            return "user update"

        def mount(self):
            return "user mount"

        def populate(self):
            t.button(str(self.state["n"]), on_click=self.add)

    app, r, c = mount(P)
    r.dispatch(find1(c, "button"), "click")
    app.flush()
    assert text_of(find1(c, "button")) == "1"


# -- keyed identity and stale handlers (PuePy flaws) ----------------------------------------

def test_component_state_follows_key_after_deleting_first_item():
    @t.component()
    class Row(Component):
        props = ["label"]

        def initial(self):
            return {"clicks": 0}

        def populate(self):
            t.button("%s:%d" % (self.label, self.state["clicks"]), on_click=self.click)

        def click(self, e):
            self.state["clicks"] += 1

    class P(Page):
        def initial(self):
            return {"items": ["a", "b", "c"]}

        def populate(self):
            for it in self.state["items"]:
                t.row(label=it, key=it)

    app, r, c = mount(P)
    buttons = find(c, "button")
    r.dispatch(buttons[1], "click")
    r.dispatch(buttons[2], "click")
    r.dispatch(buttons[2], "click")
    app.flush()
    b_node = find(c, "button")[1]
    with app.active_page.state.mutate("items") as items:
        del items[0]
    app.flush()
    assert [text_of(b) for b in find(c, "button")] == ["b:1", "c:2"]
    assert find(c, "button")[0] is b_node


def test_handler_closing_over_item_acts_on_right_item_after_rerenders():
    class P(Page):
        def initial(self):
            return {"items": ["a", "b", "c", "d"], "log": []}

        def populate(self):
            for it in self.state["items"]:
                with t.li(key=it):
                    t.span(it)
                    t.button("x", on_click=lambda e, it=it: self.remove(it))
            t.p(",".join(self.state["log"]))

        def remove(self, it):
            with self.state.mutate("items", "log") as (items, log):
                items.remove(it)
                log.append(it)

    app, r, c = mount(P)
    r.dispatch(find(c, "button")[0], "click")
    app.flush()
    r.dispatch(find(c, "button")[1], "click")  # now "c"
    app.flush()
    r.dispatch(find(c, "button")[0], "click")  # now "b"
    app.flush()
    assert [text_of(s) for s in find(c, "span")] == ["d"]
    assert text_of(find1(c, "p")) == "a,c,b"


def test_one_listener_per_element_and_event_after_many_renders():
    class P(Page):
        def initial(self):
            return {"n": 0}

        def populate(self):
            t.button(str(self.state["n"]), on_click=lambda e: self.state.__setitem__("n", self.state["n"] + 1))
            t.input(bind="n", type="number", on_input=lambda e: None)

    app, r, c = mount(P)
    btn = find1(c, "button")
    for _ in range(25):
        r.dispatch(btn, "click")
        app.flush()
    assert text_of(btn) == "25"
    assert r.listener_count(c) == 2
    assert len(btn.listeners["click"]) == 1
    assert r.count("add_listener") == 2


# -- events ------------------------------------------------------------------------------------

def test_handlers_receive_event_with_target():
    got = []

    class P(Page):
        def populate(self):
            t.button("go", id="b", on_click=lambda e: got.append(e.target))

    app, r, c = mount(P)
    b = find1(c, "button")
    r.dispatch(b, "click")
    assert got == [b]


def test_async_handler_runs_and_renders():
    class P(Page):
        def initial(self):
            return {"v": "idle"}

        def populate(self):
            t.button(self.state["v"], on_click=self.go)

        async def go(self, event):
            self.state["v"] = "busy"
            await _nothing()
            self.state["v"] = "done"

    app, r, c = mount(P)
    r.dispatch(find1(c, "button"), "click")
    app.flush()
    assert text_of(find1(c, "button")) == "done"


async def _nothing():
    return None


def test_trigger_event_reaches_parent_handler_with_detail():
    got = []

    @t.component()
    class Picker(Component):
        def populate(self):
            t.button("pick", on_click=self.pick)

        def pick(self, e):
            self.trigger_event("picked", detail={"value": 42, "name": "x"})
            self.trigger_event("other_thing", detail={"k": 1})

    class P(Page):
        def initial(self):
            return {"v": None}

        def populate(self):
            t.picker(on_picked=self.on_picked, on_other_thing=lambda e: got.append(e.detail.get("k")))
            t.p(str(self.state["v"]))

        def on_picked(self, event):
            got.append((event.type, event.detail["value"], event.detail.get("name"), event.detail.get("nope")))
            self.state["v"] = event.detail["value"]

    app, r, c = mount(P)
    r.dispatch(find1(c, "button"), "click")
    app.flush()
    assert got == [("picked", 42, "x", None), 1]
    assert text_of(find1(c, "p")) == "42"


def test_dom_listener_on_component_root_and_parent_handler_swap_without_rerender():
    got = []
    renders = []

    @t.component()
    class Box(Component):
        def populate(self):
            renders.append(1)
            t.span("in box")

    class P(Page):
        def initial(self):
            return {"n": 0}

        def populate(self):
            n = self.state["n"]
            t.box(on_click=lambda e: got.append(n))
            t.p(str(n))

    app, r, c = mount(P)
    span = find1(c, "span")
    r.dispatch(span, "click")
    app.active_page.state["n"] = 1
    app.flush()
    r.dispatch(span, "click")
    assert got == [0, 1]
    assert len(renders) == 1


# -- bind ----------------------------------------------------------------------------------------

def test_bind_text_textarea_select_number_checkbox_radio_and_nested():
    class P(Page):
        def initial(self):
            return {"name": "Ann", "bio": "", "pet": "cat", "age": 3, "ok": False, "color": "red",
                    "form": {"city": "Oslo"}}

        def populate(self):
            s = self.state
            t.input(bind="name", id="name")
            t.textarea(bind="bio", id="bio")
            with t.select(bind="pet", id="pet"):
                t.option("Cat", value="cat")
                t.option("Dog", value="dog")
            t.input(type="number", bind="age", id="age")
            t.input(type="checkbox", bind="ok", id="ok")
            for col in ("red", "green"):
                t.input(type="radio", name="color", value=col, bind="color", id=col)
            t.input(bind=("form", "city"), id="city")
            t.p("%s|%s|%s|%r|%r|%s|%s" % (s["name"], s["bio"], s["pet"], s["age"], s["ok"], s["color"],
                                          s["form"]["city"]))

    app, r, c = mount(P)
    assert find1(c, "input", id="name").attributes["value"] == "Ann"
    assert "checked" in find1(c, "input", id="red").attributes
    type_into(r, find1(c, "input", id="name"), "Bob")
    type_into(r, find1(c, "textarea", id="bio"), "hi")
    type_into(r, find1(c, "select", id="pet"), "dog")
    type_into(r, find1(c, "input", id="age"), "41")
    set_checked(r, find1(c, "input", id="ok"))
    set_checked(r, find1(c, "input", id="green"))
    type_into(r, find1(c, "input", id="city"), "Rome")
    app.flush()
    assert text_of(find1(c, "p")) == "Bob|hi|dog|41|True|green|Rome"
    assert app.active_page.state["age"] == 41
    assert "checked" not in find1(c, "input", id="red").attributes
    assert "checked" in find1(c, "input", id="green").attributes
    type_into(r, find1(c, "input", id="age"), "2.5")
    set_checked(r, find1(c, "input", id="ok"), False)
    app.flush()
    assert app.active_page.state["age"] == 2.5 and app.active_page.state["ok"] is False


def test_bind_and_value_together_is_an_error():
    class P(Page):
        def initial(self):
            return {"x": "1"}

        def populate(self):
            t.input(bind="x", value="2")

    app, r, c = mount(P)
    assert isinstance(app.errors[0][1], ValueError)


def test_input_keeps_its_node_and_value_while_page_rerenders_around_it():
    class P(Page):
        def initial(self):
            return {"q": "", "n": 0}

        def populate(self):
            if self.state["q"]:
                t.p("searching " + self.state["q"])
            t.input(bind="q", ref="q")
            for i in range(self.state["n"]):
                t.span(str(i))

    app, r, c = mount(P)
    inp = app.active_page.refs["q"].element
    assert inp is find1(c, "input")
    r.reset()
    type_into(r, inp, "ab")
    app.flush()
    assert find1(c, "input") is inp
    assert r.count("remove") == 0 and r.count("create_element") == 1  # only the <p>
    assert ("set_attribute", inp, "value", "ab") in r.ops  # same value: no caret jump in a browser
    app.active_page.state["n"] = 3
    app.flush()
    assert find1(c, "input") is inp
    assert app.active_page.refs["q"].element is inp


# -- refs -----------------------------------------------------------------------------------------

def test_refs_give_elements_and_component_instances():
    @t.component()
    class Thing(Component):
        def initial(self):
            return {"n": 7}

        def populate(self):
            t.span(str(self.state["n"]))

    class P(Page):
        def populate(self):
            t.input(ref="field")
            t.thing(ref="thing")

        def on_ready(self):
            self.state["ready_field"] = self.refs["field"].element.tag
            self.state["thing_n"] = self.refs["thing"].state["n"]

    app, r, c = mount(P)
    assert app.active_page.state["ready_field"] == "input"
    assert app.active_page.state["thing_n"] == 7
    assert isinstance(app.active_page.refs["thing"], Component)


def test_ref_keeps_component_instance_when_siblings_appear_before_it():
    @t.component()
    class Counter(Component):
        def initial(self):
            return {"n": 0}

        def populate(self):
            t.button(str(self.state["n"]), on_click=self.inc)

        def inc(self, e):
            self.state["n"] += 1

    class P(Page):
        def initial(self):
            return {"extra": False}

        def populate(self):
            if self.state["extra"]:
                t.counter()
            t.counter(ref="main")

    app, r, c = mount(P)
    main = app.active_page.refs["main"]
    r.dispatch(find1(c, "button"), "click")
    app.flush()
    app.active_page.state["extra"] = True
    app.flush()
    assert app.active_page.refs["main"] is main
    assert [text_of(b) for b in find(c, "button")] == ["0", "1"]


# -- slots -------------------------------------------------------------------------------------------

def test_named_and_default_slots_without_wrapper():
    @t.component()
    class Panel(Component):
        default_classes = ["panel"]

        def populate(self):
            with t.header():
                self.insert_slot("header")
            with t.main():
                self.insert_slot()
            t.footer("end")

    class P(Page):
        def initial(self):
            return {"title": "T"}

        def populate(self):
            with t.panel() as panel:
                with panel.slot("header"):
                    t.h2(self.state["title"])
                with panel.slot():
                    t.p("body")
                    t("text")

    app, r, c = mount(P)
    assert inner_html(c) == ('<div><div class="panel"><header><h2>T</h2></header>'
                             '<main><p>body</p>text</main><footer>end</footer></div></div>')
    app.active_page.state["title"] = "U"
    app.flush()
    assert text_of(find1(c, "h2")) == "U"


def test_default_slot_from_with_block_and_positional_children():
    @t.component()
    class Wrap(Component):
        enclosing_tag = "section"

        def populate(self):
            t.span("[")
            self.insert_slot()
            t.span("]")

    class P(Page):
        def populate(self):
            with t.wrap():
                t.b("x")
            t.wrap("plain")

    app, r, c = mount(P)
    assert inner_html(c) == ("<div><section><span>[</span><b>x</b><span>]</span></section>"
                             "<section><span>[</span>plain<span>]</span></section></div>")


def test_slot_content_with_stateful_component_keeps_state_when_host_rerenders():
    @t.component()
    class Count(Component):
        def initial(self):
            return {"n": 0}

        def populate(self):
            t.button(str(self.state["n"]), on_click=self.inc)

        def inc(self, e):
            self.state["n"] += 1

    @t.component()
    class Host(Component):
        def initial(self):
            return {"open": True}

        def populate(self):
            t.i("host" + ("+" if self.state["open"] else "-"))
            self.insert_slot()

    class P(Page):
        def populate(self):
            with t.host(ref="host"):
                t.count(ref="count")

    app, r, c = mount(P)
    r.dispatch(find1(c, "button"), "click")
    app.flush()
    assert text_of(find1(c, "button")) == "1"
    app.active_page.refs["host"].state["open"] = False
    app.flush()
    assert text_of(find1(c, "i")) == "host-" and text_of(find1(c, "button")) == "1"
    r.dispatch(find1(c, "button"), "click")
    app.flush()
    assert text_of(find1(c, "button")) == "2"


# -- lifecycle ------------------------------------------------------------------------------------------

def test_on_ready_on_redraw_on_unmount():
    log = []

    @t.component()
    class Child(Component):
        props = ["name"]

        def populate(self):
            t.span(self.name)

        def on_ready(self):
            log.append(("ready", self.name, self.element is not None))

        def on_redraw(self):
            log.append(("redraw", self.name))

        def on_unmount(self):
            log.append(("unmount", self.name))

    class P(Page):
        def initial(self):
            return {"names": ["a"], "x": 0}

        def populate(self):
            t.p(str(self.state["x"]))
            for n in self.state["names"]:
                t.child(name=n, key=n)

        def on_ready(self):
            log.append(("ready", "page"))

        def on_redraw(self):
            log.append(("redraw", "page"))

    app, r, c = mount(P)
    assert log == [("ready", "a", True), ("ready", "page")]
    del log[:]
    app.active_page.state["names"] = ["a", "b"]
    app.flush()
    assert log == [("ready", "b", True), ("redraw", "page")]
    del log[:]
    app.active_page.state["names"] = ["b"]
    app.flush()
    assert log == [("unmount", "a"), ("redraw", "page")]


def test_on_unmount_runs_for_nested_components_when_page_changes():
    log = []

    @t.component()
    class Inner(Component):
        def populate(self):
            t("i")

        def on_unmount(self):
            log.append("inner")

    @t.component()
    class Outer(Component):
        def populate(self):
            t.inner()

        def on_unmount(self):
            log.append("outer")

    class P(Page):
        def initial(self):
            return {"show": True}

        def populate(self):
            if self.state["show"]:
                with t.div():
                    t.outer()

    app, r, c = mount(P)
    app.active_page.state["show"] = False
    app.flush()
    assert sorted(log) == ["inner", "outer"] and log[0] == "inner"
    assert inner_html(c) == "<div></div>"


def test_on_ready_state_change_renders_in_same_flush():
    class P(Page):
        def initial(self):
            return {"loaded": False}

        def populate(self):
            t.p("loaded" if self.state["loaded"] else "loading")

        def on_ready(self):
            self.state["loaded"] = True

    app, r, c = mount(P)
    assert text_of(find1(c, "p")) == "loaded"


def test_app_state_rerenders_only_components_that_read_it():
    renders = []

    @t.component()
    class UserBadge(Component):
        def populate(self):
            renders.append("badge")
            t.span(self.application.state["user"] or "anon")

    @t.component()
    class Static(Component):
        def populate(self):
            renders.append("static")
            t.span("static")

    @t.component()
    class Listed(Component):
        redraw_on_app_state_changes = ["theme"]

        def populate(self):
            renders.append("listed")

    class P(Page):
        def populate(self):
            t.user_badge()
            t.static()
            t.listed()

    class App(Application):
        def initial(self):
            return {"user": None, "theme": "light"}

    app = App()
    app.default_page = P
    app, r, c = mount(app)
    del renders[:]
    app.state["user"] = "ann"
    app.flush()
    assert renders == ["badge"]
    assert "ann" in inner_html(c)
    app.state["theme"] = "dark"
    app.flush()
    assert renders == ["badge", "listed"]
