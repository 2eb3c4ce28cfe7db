"""The js-framework-benchmark app written for vdom.app the way the README recommends.

Each row is a keyed ``JfbRow`` component (``enclosing_tag = "tr"``) with
its props (id, label) and its own ``selected`` state; the page renders
``t.jfb_row(key=rid, ...)`` per row and keeps the row components by
``ref=``.  Selecting a row changes the state of the two rows concerned
(``row.state["selected"]``), so the scheduler re-renders those two rows
only; the operations that change the list re-run the page's populate(),
where every row whose props did not change is skipped as a unit.
The data come from bench/jfb.py (served as ``jfb.py``; Park-Miller, seed 1).
Runs unchanged under MicroPython and Pyodide.
"""

import js
from vdom.app import Application, Page, Component, t
from jfb import Store

data = Store(seed=1)  # its build(n): the (id, label) rows, the generator every page uses
app = Application()


@t.component()
class JfbRow(Component):
    """One table row: ``<tr>`` with the four JFB cells; ``select``/``remove`` events go to the page."""

    enclosing_tag = "tr"
    props = ["rid", "label"]

    def initial(self):
        return {"selected": False}

    def populate(self):
        t.td(str(self.rid), classes="col-md-1")
        with t.td(classes="col-md-4"):
            t.a(self.label, on_click=self.on_select)
        with t.td(classes="col-md-1"):
            with t.a(on_click=self.on_remove):
                t.span(classes="glyphicon glyphicon-remove", aria_hidden="true")
        t.td(classes="col-md-6")

    def get_default_classes(self):
        return ["danger"] if self.state["selected"] else []

    def on_select(self, event):
        self.trigger_event("select", detail={"rid": self.rid})

    def on_remove(self, event):
        self.trigger_event("remove", detail={"rid": self.rid})


@app.page()
class JfbPage(Page):
    def initial(self):
        self.selected = None  # the selected row's id (kept in the row components' state)
        return {"rows": []}

    def populate(self):
        with t.div(classes="container"):
            with t.div(classes="jumbotron"):
                with t.div(classes="row"):
                    with t.div(classes="col-md-6"):
                        t.h1("vdom.app (keyed row components)")
                    with t.div(classes="col-md-6"):
                        with t.div(classes="row"):
                            self.button("run", "Create 1,000 rows", self.on_run)
                            self.button("runlots", "Create 10,000 rows", self.on_runlots)
                            self.button("add", "Append 1,000 rows", self.on_add)
                            self.button("update", "Update every 10th row", self.on_update)
                            self.button("clear", "Clear", self.on_clear)
                            self.button("swaprows", "Swap Rows", self.on_swap)
            with t.table(classes="table table-hover table-striped test-data"):
                with t.tbody(id="tbody"):
                    for rid, label in self.state["rows"]:
                        t.jfb_row(key=rid, ref=rid, rid=rid, label=label, on_select=self.on_select_row,
                                  on_remove=self.on_remove_row)
            t.span(classes="preloadicon glyphicon glyphicon-remove", aria_hidden="true")

    def button(self, bid, text, handler):
        with t.div(classes="col-sm-6 smallpad"):
            t.button(text, id=bid, type="button", classes="btn btn-primary btn-block", on_click=handler)

    def set_selected(self, rid):
        """Only the two rows concerned change: the page itself does not re-render."""
        refs = self.refs
        old = refs.get(self.selected)
        if old is not None:
            old.state["selected"] = False
        self.selected = rid
        row = refs.get(rid)
        if row is not None:
            row.state["selected"] = True

    def on_run(self, event):
        self.selected = None
        self.state["rows"] = data.build(1000)

    def on_runlots(self, event):
        self.selected = None
        self.state["rows"] = data.build(10000)

    def on_add(self, event):
        self.state["rows"] = self.state["rows"] + data.build(1000)

    def on_update(self, event):
        rows = list(self.state["rows"])
        for i in range(0, len(rows), 10):
            rid, label = rows[i]
            rows[i] = (rid, label + " !!!")
        self.state["rows"] = rows

    def on_clear(self, event):
        self.selected = None
        self.state["rows"] = []

    def on_swap(self, event):
        rows = self.state["rows"]
        if len(rows) > 998:
            rows = list(rows)
            rows[1], rows[998] = rows[998], rows[1]
            self.state["rows"] = rows

    def on_select_row(self, event):
        self.set_selected(event.detail["rid"])

    def on_remove_row(self, event):
        rid = event.detail["rid"]
        self.state["rows"] = [r for r in self.state["rows"] if r[0] != rid]


app.mount("#main")
js.window.benchReadyAt = js.performance.now()
js.document.documentElement.setAttribute("data-ready", "vdomapp-rows")
