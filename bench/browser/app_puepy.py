"""The js-framework-benchmark app written with PuePy 0.6.5, as a PuePy user would.

One Page whose ``populate()`` builds the whole app with ``t.*`` context
managers; state in ``self.state`` (rows, selected), replaced (never mutated
in place) so PuePy's reactive dict notices and redraws; a handler per row
link.  Each row gets ``ref="row<id>"`` so PuePy keeps the row's Tag (and so
its element id) across redraws and morphdom (loaded from /node_modules via
``js_modules``) matches rows by id: the keyed way to write it in PuePy.
The same data generator as bench/jfb.py (Park-Miller, seed 1).
Runs unchanged under MicroPython and Pyodide.
"""

import js
from puepy import Application, Page, t

ADJECTIVES = ("pretty", "large", "big", "small", "tall", "short", "long", "handsome", "plain",
              "quaint", "clean", "elegant", "easy", "angry", "crazy", "helpful", "mushy", "odd",
              "unsightly", "adorable", "important", "inexpensive", "cheap", "expensive", "fancy")
COLOURS = ("red", "yellow", "blue", "green", "pink", "brown", "purple", "brown", "white", "black",
           "orange")
NOUNS = ("table", "chair", "house", "bbq", "desk", "car", "pony", "cookie", "sandwich", "burger",
         "pizza", "mouse", "keyboard")


class Data:
    def __init__(self, seed=1):
        self.seed = seed
        self.next_id = 1

    def rand(self, n):
        self.seed = (self.seed * 16807) % 2147483647
        return ((self.seed % 1000000) * 1001 // 1000000) % n

    def build(self, count):
        out = []
        for i in range(count):
            label = ADJECTIVES[self.rand(25)] + " " + COLOURS[self.rand(11)] + " " + NOUNS[self.rand(13)]
            out.append((self.next_id + i, label))
        self.next_id += count
        return out


data = Data()
app = Application()


@app.page()
class JfbPage(Page):
    def initial(self):
        return {"rows": [], "selected": None}

    def populate(self):
        with t.div(classes="container"):
            with t.div(classes="jumbotron"):
                with t.div(classes="row"):
                    with t.div(classes="col-md-6"):
                        t.h1("PuePy 0.6.5 (keyed)")
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
                    selected = self.state["selected"]
                    for rid, label in self.state["rows"]:
                        with t.tr(classes={"danger": rid == selected}, ref="row%d" % rid):
                            t.td(str(rid), classes="col-md-1")
                            with t.td(classes="col-md-4"):
                                t.a(label, on_click=self.select_handler(rid))
                            with t.td(classes="col-md-1"):
                                with t.a(on_click=self.remove_handler(rid)):
                                    t.span(classes="glyphicon glyphicon-remove", aria_hidden="true")
                            t.td(classes="col-md-6")
            t.span(classes="preloadicon glyphicon glyphicon-remove", aria_hidden="true")

    def button(self, bid, text, handler):
        with t.div(classes="col-sm-6 smallpad"):
            t.button(text, id=bid, type="button", classes="btn btn-primary btn-block", on_click=handler)

    # Handlers.  (Not named add/remove/...: a Page method with a framework
    # method's name would silently replace it.)
    def on_run(self, event):
        self.state["rows"] = data.build(1000)
        self.state["selected"] = None

    def on_runlots(self, event):
        self.state["rows"] = data.build(10000)
        self.state["selected"] = None

    def on_add(self, event):
        self.state["rows"] = self.state["rows"] + data.build(1000)

    def on_update(self, event):
        rows = list(self.state["rows"])
        for i in range(0, len(rows), 10):
            rid, label = rows[i]
            rows[i] = (rid, label + " !!!")
        self.state["rows"] = rows

    def on_clear(self, event):
        self.state["rows"] = []
        self.state["selected"] = None

    def on_swap(self, event):
        rows = self.state["rows"]
        if len(rows) > 998:
            rows = list(rows)
            rows[1], rows[998] = rows[998], rows[1]
            self.state["rows"] = rows

    def select_handler(self, rid):
        def handler(event):
            self.state["selected"] = rid
        return handler

    def remove_handler(self, rid):
        def handler(event):
            self.state["rows"] = [r for r in self.state["rows"] if r[0] != rid]
        return handler


app.mount("#main")
js.window.benchReadyAt = js.performance.now()
js.document.documentElement.setAttribute("data-ready", "puepy")
