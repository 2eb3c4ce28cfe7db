"""A small js-framework-benchmark-style table: create 1,000 rows, update
every 10th, swap rows 2 and 999, select a row (click its label), remove a
row (click x), clear.  Each row is a memo, so an update touches only the
rows whose data changed.  The status line shows the last operation's time
(Python + DOM calls, without layout and paint) and its JS calls.
See bench/ for the real benchmark.
"""

import js
from vdom import h, memo
from gallery import App, now, Rand

ADJ = ("pretty", "large", "big", "small", "tall", "short", "long", "handsome", "plain", "quaint",
       "clean", "elegant", "easy", "angry", "crazy", "helpful", "mushy", "odd", "unsightly",
       "adorable", "important", "inexpensive", "cheap", "expensive", "fancy")
COLOURS = ("red", "yellow", "blue", "green", "pink", "brown", "purple", "brown", "white", "black", "orange")
NOUNS = ("table", "chair", "house", "bbq", "desk", "car", "pony", "cookie", "sandwich", "burger",
         "pizza", "mouse", "keyboard")

TD1 = {"class": "col-id"}
TD2 = {"class": "col-label"}
TD3 = {"class": "col-remove"}
REMOVE_ICON = {"class": "remove", "aria-hidden": "true"}


def build(st, n):
    rnd = st["rand"]
    out = []
    nid = st["next"]
    for i in range(n):
        out.append([nid, ADJ[rnd.below(len(ADJ))] + " " + COLOURS[rnd.below(len(COLOURS))] + " " +
                    NOUNS[rnd.below(len(NOUNS))]])
        nid += 1
    st["next"] = nid
    return out


def row(rid, label, selected, app):
    return h("tr", {"key": rid, "class": "danger" if selected else None},
             h("td", TD1, str(rid)),
             h("td", TD2, h("a", {"class": "lbl", "on_click": app.handler(select, app, rid)}, label)),
             h("td", TD3, h("a", {"class": "rm", "on_click": app.handler(remove, app, rid)},
                              h("span", REMOVE_ICON, "\u00d7"))))


def view(app):
    st = app.state
    sel = st["selected"]
    return h("section", {"class": "table"},
             h("div", {"class": "buttons"},
               [h("button", {"key": name, "id": name, "on_click": app.handler(timed, app, name)}, label)
                for name, label in OPS]),
             h("p", {"id": "status", "class": "muted"}, st["status"]),
             h("table", {"class": "rows"},
               h("tbody", {"id": "tbody"},
                 [memo(row, r[0], r[1], r[0] == sel, app, key=r[0]) for r in st["rows"]])))


OPS = (("run", "Create 1,000 rows"), ("add", "Append 1,000 rows"), ("update", "Update every 10th row"),
       ("swaprows", "Swap rows"), ("clear", "Clear"))


def timed(app, name):
    st = app.state
    rows = st["rows"]
    if name == "run":
        st["rows"] = build(st, 1000)
    elif name == "add":
        st["rows"] = rows + build(st, 1000)
    elif name == "update":
        st["rows"] = [[r[0], r[1] + " !!!"] if i % 10 == 0 else r for i, r in enumerate(rows)]
    elif name == "swaprows":
        if len(rows) > 998:
            rows = list(rows)
            rows[1], rows[998] = rows[998], rows[1]
            st["rows"] = rows
    elif name == "clear":
        st["rows"] = []
    measure(app, name)


def select(app, rid):
    app.state["selected"] = rid
    measure(app, "select")


def remove(app, rid):
    app.state["rows"] = [r for r in app.state["rows"] if r[0] != rid]
    measure(app, "remove")


def measure(app, name):
    app.reset()
    t0 = now()
    app.render()
    ms = now() - t0
    app.state["status"] = "%s: %.1f ms, %d JS calls, %d rows" % (name, ms, app.renderer.crossings,
                                                                 len(app.state["rows"]))


# ?nocount in the URL: no call counting (what an app ships; the status then shows 0 JS calls).
COUNT = "nocount" not in str(js.location.search)
app = App("#app", view, count=COUNT, state={"rows": [], "next": 1, "selected": None, "rand": Rand(42),
                         "status": "Press a button."})
