"""vdom.app: PuePy's CssClass, bind= on <select multiple> and bind= on components."""

from vdom.app import Page, Component, Prop, t, CssClass, PropsError
from vdom.app import runtime
from vdom.app.testing import mount, find, find1, type_into, set_checked, select_options, html, text_of
from vdom.testing import raises


def _classes(node):
    return (node.attributes.get("class") or "").split()


def _selected(select):
    return [o.attributes.get("value") for o in find(select, "option")
            if o.attributes.get("selected") not in (None, False)]


# -- CssClass ------------------------------------------------------------------------------------

def test_css_class_rules_name_and_css_text():
    a = CssClass("color: red", margin_top="1em")
    b = CssClass()
    assert a.rules == ["color: red", "margin-top: 1em"]
    assert a.class_name.startswith("-ps-") and str(a) == a.class_name
    assert a.class_name != b.class_name
    assert a.render_css() == ".%s { color: red;margin-top: 1em }" % a.class_name
    assert b.render_css() == ".%s {  }" % b.class_name


def test_css_class_bad_rule_is_a_clear_error():
    e = raises(TypeError, CssClass, "color: red", 42)
    assert "CssClass" in str(e) and "42" in str(e)


def test_css_class_in_every_classes_form_and_default_classes():
    BIG = CssClass(font_size="2em")
    NOTE = CssClass("color: gray")
    OFF = CssClass("display: none")
    CARD = CssClass("border: 1px solid")
    EXTRA = CssClass("padding: 1px")
    UNUSED = CssClass("color: pink")

    @t.component()
    class CssCard(Component):
        default_classes = ["card", CARD]

        def populate(self):
            t.span("in card")

    class P(Page):
        def populate(self):
            t.p("a", id="a", classes=BIG)
            t.p("b", id="b", classes=[BIG, "note", None])
            t.p("c", id="c", classes={NOTE: True, OFF: False, "x": True})
            t.p("d", id="d", class_name=BIG, classes="also")
            t.css_card(id="card", classes=[EXTRA, "/card"])

    app, r, c = mount(P)
    assert _classes(find1(c, "p", id="a")) == [BIG.class_name]
    assert _classes(find1(c, "p", id="b")) == [BIG.class_name, "note"]
    assert sorted(_classes(find1(c, "p", id="c"))) == sorted([NOTE.class_name, "x"])
    assert sorted(_classes(find1(c, "p", id="d"))) == sorted([BIG.class_name, "also"])
    assert sorted(_classes(find1(c, "div", id="card"))) == sorted([CARD.class_name, EXTRA.class_name])
    used = app.python_css_classes
    for x in (BIG, NOTE, CARD, EXTRA):
        assert x in used
    assert OFF not in used and UNUSED not in used   # a False dict entry is not used
    assert len(used) == 4                           # each once, however often used
    css = app.runtime_css
    assert BIG.render_css() in css and CARD.render_css() in css
    assert UNUSED.class_name not in css and OFF.class_name not in css


def test_css_class_used_on_a_later_render_is_added_to_the_stylesheet():
    SHOWN = CssClass("color: green")
    LATER = CssClass("color: blue")

    class P(Page):
        def initial(self):
            return {"on": False}

        def populate(self):
            t.p("x", classes=LATER if self.state["on"] else SHOWN)
            t.button("go", on_click=self.go)

        def go(self, event):
            self.state["on"] = True

    app, r, c = mount(P)
    assert app.python_css_classes == [SHOWN]
    r.dispatch(find1(c, "button"), "click")
    app.flush()
    assert _classes(find1(c, "p")) == [LATER.class_name]
    assert app.python_css_classes == [SHOWN, LATER]
    assert app.runtime_css == SHOWN.render_css() + "\n" + LATER.render_css()


class _FakeEl:
    def __init__(self, tag):
        self.tag = tag
        self.id = None
        self.textContent = ""
        self.children = []

    def appendChild(self, el):
        self.children.append(el)


class _FakeDoc:
    def __init__(self):
        self.head = _FakeEl("head")

    def getElementById(self, i):
        for el in self.head.children:
            if el.id == i:
                return el
        return None

    def createElement(self, tag):
        return _FakeEl(tag)


class _FakeJs:
    def __init__(self):
        self.document = _FakeDoc()


def test_css_class_stylesheet_is_written_into_one_style_element_in_the_head():
    A = CssClass("color: red")
    B = CssClass("color: blue")

    class P(Page):
        def initial(self):
            return {"n": 1}

        def populate(self):
            t.p("x", classes=[A] if self.state["n"] == 1 else [A, B])

    app, r, c = mount(P)
    fake = _FakeJs()
    saved = (runtime.IN_BROWSER, runtime.js)
    runtime.IN_BROWSER, runtime.js = True, fake
    try:
        app.active_page.state["n"] = 2       # B is new: the stylesheet is written
        app.flush()
        styles = fake.document.head.children
        assert len(styles) == 1 and styles[0].tag == "style" and styles[0].id == "puepy-runtime-css"
        assert styles[0].textContent == A.render_css() + "\n" + B.render_css()
        app.active_page.state["n"] = 1       # nothing new: not written again
        styles[0].textContent = "untouched"
        app.flush()
        assert len(styles) == 1 and styles[0].textContent == "untouched"
    finally:
        runtime.IN_BROWSER, runtime.js = saved


# -- <select multiple> bind ----------------------------------------------------------------------

def test_select_multiple_bind_both_ways():
    class P(Page):
        def initial(self):
            return {"tags": ["b", "c"]}

        def populate(self):
            with t.select(bind="tags", multiple=True, id="tags"):
                for v in ("a", "b", "c"):
                    t.option(v.upper(), value=v)
            t.p(",".join(self.state["tags"]), id="out")
            t.button("only c", on_click=self.only_c)

        def only_c(self, event):
            self.state["tags"] = ["c"]

    app, r, c = mount(P)
    sel = find1(c, "select", id="tags")
    assert "value" not in sel.attributes           # a multi-select's value would pick one option
    assert _selected(sel) == ["b", "c"]
    select_options(r, sel, ["a", "c"])               # DOM event -> state
    app.flush()
    assert app.active_page.state["tags"] == ["a", "c"]
    assert text_of(find1(c, "p", id="out")) == "a,c"
    assert _selected(sel) == ["a", "c"]
    r.dispatch(find1(c, "button"), "click")        # state -> DOM
    app.flush()
    assert _selected(sel) == ["c"]
    select_options(r, sel, [])
    app.flush()
    assert app.active_page.state["tags"] == []
    assert _selected(sel) == []


def test_select_multiple_keeps_python_values_text_values_optgroups_and_paths():
    class P(Page):
        def initial(self):
            return {"f": {"ids": [2]}, "names": None}

        def populate(self):
            with t.select(bind=("f", "ids"), multiple=True, id="ids"):
                with t.optgroup(label="low"):
                    t.option("one", value=1)
                    t.option("two", value=2)
                t.option("three", value=3)
            with t.select(bind="names", multiple="multiple", id="names"):
                t.option("  Ann  ")
                t.option("Bob")

    app, r, c = mount(P)
    ids = find1(c, "select", id="ids")
    assert _selected(ids) == ["2"]
    assert _selected(find1(c, "select", id="names")) == []     # None: nothing selected
    select_options(r, ids, [1, 3])
    app.flush()
    assert app.active_page.state["f"]["ids"] == [1, 3]         # ints, as given to value=
    assert _selected(ids) == ["1", "3"]
    select_options(r, find1(c, "select", id="names"), ["Ann"])
    app.flush()
    assert app.active_page.state["names"] == ["Ann"]           # the option's text, trimmed
    app.active_page.state["names"] = ("Bob",)
    app.flush()
    names = find1(c, "select", id="names")
    assert [text_of(o) for o in find(names, "option") if o.attributes.get("selected")] == ["Bob"]


def test_single_select_bind_is_unchanged():
    class P(Page):
        def initial(self):
            return {"pet": "dog"}

        def populate(self):
            with t.select(bind="pet", id="pet", multiple=False):
                t.option("Cat", value="cat")
                t.option("Dog", value="dog")

    app, r, c = mount(P)
    sel = find1(c, "select")
    assert sel.attributes["value"] == "dog"
    type_into(r, sel, "cat")
    app.flush()
    assert app.active_page.state["pet"] == "cat"


def _page(state, view):
    """A page class with initial state ``state`` whose populate() is ``view``."""
    class ErrPage(Page):
        def initial(self):
            return dict(state)

        def populate(self):
            view(self)

    return ErrPage


def _error_of(state, view):
    """Mount ``_page(state, view)``: the one error it reported."""
    app, r, c = mount(_page(state, view))
    assert len(app.errors) == 1, app.errors
    return app.errors[0][1]


def _multi(value=None, selected=None):
    def view(self):
        kw = {} if value is None else {"value": value}
        with t.select(bind="tags", multiple=True, **kw):
            if selected is None:
                t.option("A", value="a")
            else:
                t.option("A", value="a", selected=selected)
    return view


def test_select_multiple_bind_errors():
    e = _error_of({"tags": "a"}, _multi())
    assert isinstance(e, TypeError) and "select multiple" in str(e) and "list" in str(e) and "'a'" in str(e)
    e = _error_of({"tags": []}, _multi(value="a"))
    assert isinstance(e, ValueError) and "bind= or value=" in str(e)
    e = _error_of({"tags": []}, _multi(selected=True))
    assert isinstance(e, ValueError) and "selected=" in str(e) and "'tags'" in str(e)


# -- bind= on components -------------------------------------------------------------------------

@t.component()
class NameBox(Component):
    """An input wrapped in a label; its value comes from the bound state (the value prop)."""

    props = [Prop("label"), Prop("value")]

    def populate(self):
        with t.label():
            t(self.label)
            t.input(value=self.value or "", id="inner")


@t.component()
class Stepper(Component):
    """Writes its value with trigger_event("input", detail={"value": ...})."""

    props = [Prop("value", type=int, default=0)]

    def populate(self):
        t.span(str(self.value), id="shown")
        t.button("+", id="plus", on_click=self.plus)
        t.button("bad", id="bad", on_click=self.bad)

    def plus(self, event):
        self.trigger_event("input", detail={"value": self.value + 1})

    def bad(self, event):
        self.trigger_event("input", detail={"oops": 1})


def test_bind_on_component_value_prop_both_ways():
    class P(Page):
        def initial(self):
            return {"name": "Ann"}

        def populate(self):
            t.name_box(label="Name", bind="name", id="box")
            t.p(self.state["name"], id="out")
            t.button("reset", id="reset", on_click=self.reset)

        def reset(self, event):
            self.state["name"] = "Zed"

    app, r, c = mount(P)
    box = find1(c, "div", id="box")
    assert "value" not in box.attributes              # it went to the value prop
    assert find1(c, "input", id="inner").attributes["value"] == "Ann"
    type_into(r, find1(c, "input", id="inner"), "Bob")   # bubbles to the component's root
    app.flush()
    assert app.active_page.state["name"] == "Bob"
    assert text_of(find1(c, "p", id="out")) == "Bob"
    r.dispatch(find1(c, "button", id="reset"), "click")  # state -> the component's prop -> DOM
    app.flush()
    assert find1(c, "input", id="inner").attributes["value"] == "Zed"


def test_bind_on_component_trigger_event_and_parent_on_input():
    seen = []

    class P(Page):
        def initial(self):
            return {"form": {"n": 5}}

        def populate(self):
            t.stepper(bind=("form", "n"), on_input=lambda e: seen.append(e.detail.get("value")))
            t.p(str(self.state["form"]["n"]), id="out")

    app, r, c = mount(P)
    assert text_of(find1(c, "span", id="shown")) == "5"
    r.dispatch(find1(c, "button", id="plus"), "click")
    app.flush()
    r.dispatch(find1(c, "button", id="plus"), "click")
    app.flush()
    assert app.active_page.state["form"]["n"] == 7 and seen == [6, 7]   # the parent's on_input too
    assert text_of(find1(c, "span", id="shown")) == "7" and text_of(find1(c, "p", id="out")) == "7"
    r.dispatch(find1(c, "button", id="bad"), "click")   # no "value" in detail: reported
    app.flush()
    assert app.active_page.state["form"]["n"] == 7
    assert len(app.errors) == 1
    assert "bind=" in app.errors[0][0]
    msg = str(app.errors[0][1])
    assert "trigger_event" in msg and "value" in msg and "Stepper" in msg


def test_bind_on_component_without_value_prop_uses_root_value_and_target_kinds():
    @t.component()
    class Prefs(Component):
        def populate(self):
            t.input(type="checkbox", id="cb")
            t.input(type="number", id="num")
            with t.select(multiple=True, id="ms"):
                t.option("x", value="x")
                t.option("y", value="y")
            t.input(type="radio", name="r", value="r1", id="r1")

    app, r, c = mount(_page({"v": "start"}, lambda self: t.prefs(bind="v", id="prefs")))
    assert find1(c, "div", id="prefs").attributes["value"] == "start"   # PuePy: the root's value
    state = app.active_page.state
    cb = find1(c, "input", id="cb")
    cb.attributes["checked"] = True
    r.dispatch(cb, "input")
    assert state["v"] is True
    type_into(r, find1(c, "input", id="num"), "12")
    assert state["v"] == 12
    select_options(r, find1(c, "select", id="ms"), ["y"])
    assert state["v"] == ["y"]
    rb = find1(c, "input", id="r1")
    r.dispatch(rb, "input")                 # not checked: nothing written
    assert state["v"] == ["y"]
    rb.attributes["checked"] = True
    r.dispatch(rb, "input")
    assert state["v"] == "r1"
    app.flush()
    assert find1(c, "div", id="prefs").attributes["value"] == "r1"
    set_checked(r, cb, False)               # change events are not the binding's
    assert state["v"] == "r1"
    assert app.errors == []


def test_bind_on_component_errors():
    e = _error_of({"name": "x"}, lambda self: t.name_box(bind="name", value="y"))
    assert isinstance(e, PropsError) and "NameBox" in str(e) and "bind= or value=" in str(e)
    e = _error_of({"form": {}}, lambda self: t.name_box(bind=("form", "a", "b")))
    assert isinstance(e, PropsError) and "NameBox" in str(e) and "ErrPage.state" in str(e)


def test_bind_on_component_outside_populate_still_needs_a_component():
    e = raises(ValueError, t.name_box, bind="x")
    assert "populate" in str(e)


# -- props holding state edited in place; a list of handlers in __init__ ---------------------------

def test_new_dict_prop_holding_state_edited_in_place_rerenders_the_child():
    @t.component()
    class PetCountX(Component):
        props = ["context"]

        def populate(self):
            t.span("%d pets" % len(self.context["pets"]), id="n")

    class P(Page):
        def initial(self):
            return {"pets": ["rex"], "other": 0}

        def populate(self):
            t.pet_count_x(context={"pets": self.state["pets"]})
            t.b(str(self.state["other"]))

    app, r, c = mount(P)
    assert text_of(find1(c, "span", id="n")) == "1 pets"
    page = app.active_page
    with page.state.mutate("pets"):
        page.state["pets"].append("tom")
    app.flush()
    assert text_of(find1(c, "span", id="n")) == "2 pets"


def test_list_of_own_handlers_set_in_init_all_run():
    seen = []

    @t.component()
    class TwoHandlersX(Component):
        def __init__(self, *args, **kwargs):
            kwargs["on_click"] = [lambda e: seen.append("a"), lambda e: seen.append("b")]
            super().__init__(*args, **kwargs)

        def populate(self):
            t.button("go", id="go")

    class P(Page):
        def populate(self):
            t.two_handlers_x()

    app, r, c = mount(P)
    r.dispatch(find1(c, "button", id="go"), "click")
    assert seen == ["a", "b"]
