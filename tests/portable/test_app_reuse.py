"""vdom.app: a keyed (or ref'd) element whose subtree got the same inputs as last render is reused.

A whole-page populate() (PuePy's way) rebuilds every row on every change;
the builder compares each keyed row with the one of the same key from the
last render and, when every tag, argument and keyword is equal (handlers
aside), hands the mounted VNode back: the diff skips the row, no renderer
call is made, and only the handlers behind its listeners are swapped.
"""

from vdom.app import Page, Component, t
from vdom.app.testing import mount, find, find1, text_of, type_into
from renderers.mock import inner_html


class Table(Page):
    def initial(self):
        return {"rows": [(1, "one"), (2, "two"), (3, "three")], "selected": None, "suffix": ""}

    def populate(self):
        self.clicks = getattr(self, "clicks", [])
        sel = self.state["selected"]
        suffix = self.state["suffix"]
        with t.table():
            with t.tbody():
                for rid, label in self.state["rows"]:
                    with t.tr(classes={"danger": rid == sel}, ref="row%d" % rid):
                        t.td(str(rid))
                        with t.td():
                            t.a(label, on_click=self.clicker(rid, suffix))

    def clicker(self, rid, suffix):
        def handler(event):
            self.clicks.append("%d%s" % (rid, suffix))
        return handler


def rows_of(c):
    return [text_of(tr) for tr in find(c, "tr")]


def test_unchanged_rows_make_no_renderer_call_and_keep_their_nodes():
    app, r, c = mount(Table)
    page = app.active_page
    trs = find(c, "tr")
    vnodes = [page.refs["row%d" % i].vn for i in (1, 2, 3)]
    r.reset()
    page.state["selected"] = 2
    app.flush()
    assert find(c, "tr") == trs
    # Rows 1 and 3 are the very VNodes mounted before (the diff skipped them); row 2 is new.
    after = [page.refs["row%d" % i].vn for i in (1, 2, 3)]
    assert after[0] is vnodes[0] and after[2] is vnodes[2] and after[1] is not vnodes[1]
    # Only the selected row changes: one class set, nothing created, nothing removed.
    assert r.ops == [("set_class", trs[1], "danger")]
    assert page.refs["row1"].element is trs[0] and page.refs["row2"].element is trs[1]


def test_reused_rows_get_the_new_handlers():
    app, r, c = mount(Table)
    page = app.active_page
    page.state["suffix"] = "!"      # the handlers close over a new suffix; the markup is the same
    r.reset()
    app.flush()
    assert r.ops == []
    r.dispatch(find(c, "a")[2], "click")
    assert page.clicks == ["3!"]


def test_a_changed_row_is_patched_and_moves_keep_nodes():
    app, r, c = mount(Table)
    page = app.active_page
    trs = find(c, "tr")
    page.state["rows"] = [(3, "three"), (2, "TWO"), (1, "one")]
    app.flush()
    assert rows_of(c) == ["3three", "2TWO", "1one"]
    assert find(c, "tr") == [trs[2], trs[1], trs[0]]
    # And back: reused or patched, the DOM always matches a fresh render.
    page.state["rows"] = [(1, "one"), (2, "two")]
    app.flush()
    assert rows_of(c) == ["1one", "2two"]
    app2, r2, c2 = mount(Table)
    app2.active_page.state["rows"] = [(1, "one"), (2, "two")]
    app2.flush()
    assert inner_html(c) == inner_html(c2)


def test_handlers_that_appear_or_disappear_are_not_reused_silently():
    class P(Page):
        def initial(self):
            return {"on": False}

        def populate(self):
            with t.ul():
                with t.li(key="a"):
                    t.button("x", on_click=(self.hit if self.state["on"] else None))

        def hit(self, event):
            self.hits = getattr(self, "hits", 0) + 1

    app, r, c = mount(P)
    page = app.active_page
    r.dispatch(find1(c, "button"), "click")
    assert getattr(page, "hits", 0) == 0
    page.state["on"] = True
    app.flush()
    r.dispatch(find1(c, "button"), "click")
    assert page.hits == 1


def test_bound_inputs_are_never_reused():
    class P(Page):
        def initial(self):
            return {"q": "", "n": 0}

        def populate(self):
            with t.div(key="box"):
                t.input(bind="q")
            t.span(str(self.state["n"]))

    app, r, c = mount(P)
    page = app.active_page
    inp = find1(c, "input")
    type_into(r, inp, "ab")
    app.flush()
    page.state["q"] = ""             # set from code: the DOM must follow
    app.flush()
    assert inp.attributes.get("value") == ""
    assert find1(c, "input") is inp


def test_duplicate_keys_in_different_parents_and_components_inside_rows():
    @t.component()
    class Badge(Component):
        props = ["n"]

        def populate(self):
            t.b(str(self.n))

    class P(Page):
        def initial(self):
            return {"n": 1, "m": 0}

        def populate(self):
            with t.div():
                with t.p(key="k"):
                    t.badge(n=self.state["n"])
            with t.section():
                with t.p(key="k"):
                    t("same key elsewhere %d" % self.state["m"])

    app, r, c = mount(P)
    page = app.active_page
    page.state["n"] = 2
    app.flush()
    assert text_of(find1(c, "b")) == "2"
    page.state["m"] = 5
    app.flush()
    assert "same key elsewhere 5" in inner_html(c) and text_of(find1(c, "b")) == "2"


def test_nodes_changed_after_their_block_ended_still_render_right():
    # Elements are built as their ``with`` block ends; adding to one later, or moving a node
    # out of a finished block, must still give what PuePy gives.
    class P(Page):
        def populate(self):
            with t.div(id="a"):
                moved = t.span("moved")
                t.b("stays")
            d = t.section()
            with d:
                t.i("1")
            d.add(t.u("2"))
            t.p(moved)

    app, r, c = mount(P)
    assert inner_html(c) == ('<div><div id="a"><b>stays</b></div><section><i>1</i><u>2</u></section>'
                             '<p><span>moved</span></p></div>')


def test_rows_reused_after_a_change_are_recorded_again():
    app, r, c = mount(Table)
    page = app.active_page
    page.state["rows"] = [(1, "one"), (2, "TWO"), (3, "three")]
    app.flush()
    v2 = page.refs["row2"].vn
    page.state["selected"] = 1
    app.flush()
    assert page.refs["row2"].vn is v2      # changed last time, unchanged now: reused


def test_shared_empty_defaults_stay_empty():
    # Records and render contexts share one empty dict until they need their own: binding a
    # component, filling a slot and listening on a component must never write into it.
    from vdom.app import tags

    @t.component()
    class Field(Component):
        props = ["value"]

        def populate(self):
            t.input(value=self.value or "")
            self.insert_slot()

    class P(Page):
        def initial(self):
            return {"v": "x"}

        def populate(self):
            with t.field(bind="v", on_focus=self.noop) as f:
                t.span("in the slot")
            t.field(title="plain")

        def noop(self, event):
            pass

    app, r, c = mount(P)
    app.active_page.state["v"] = "y"
    app.flush()
    assert "in the slot" in inner_html(c)
    assert tags.EMPTY == {}


def test_a_reactive_dict_prop_passed_again_rerenders_the_child():
    # The same dict object (here the page's ReactiveDict, a dict subclass) given again may have
    # changed in place: the child must render again.
    from vdom.app import Component
    from vdom.app.testing import find1

    @t.component()
    class ShowsTick(Component):
        props = ["data"]

        def populate(self):
            t.span(str(self.data["tick"]))

    class P(Page):
        def initial(self):
            return {"tick": 0}

        def populate(self):
            t.shows_tick(data=self.state)

    app, r, c = mount(P)
    page = app.active_page
    page.state["tick"] = 1
    app.flush()
    assert text_of(find1(c, "span")) == "1"
