"""Keyed shuffle: every row has DOM state the VNodes do not know about (a
checkbox and a text input, both uncontrolled); reordering moves the rows'
DOM nodes, so the state follows its row.  The status line shows how many
nodes each reorder moved (the minimum: rows off the longest increasing
subsequence) and how many JS calls the renderer made.
"""

from vdom import h
from gallery import App, Rand


def shuffled(items, rnd):
    items = list(items)
    for i in range(len(items) - 1, 0, -1):
        j = rnd.below(i + 1)
        items[i], items[j] = items[j], items[i]
    return items


def view(app):
    st = app.state
    rows = [h("li", {"key": k, "data-key": str(k)},
              h("input", {"type": "checkbox", "class": "pick", "aria-label": "pick %d" % k}),
              h("span", {"class": "label"}, "Row %d" % k),
              h("input", {"class": "note", "placeholder": "type a note", "aria-label": "note %d" % k}),
              h("button", {"class": "remove", "title": "remove", "on_click": app.handler(remove, app, k)}, "\u00d7"))
            for k in st["rows"]]
    last = st["last"]
    return h("section", {"class": "shuffle"},
             h("div", {"class": "buttons"},
               [h("button", {"key": name, "id": name, "on_click": app.handler(op, app, name)}, label)
                for name, label in OPS]),
             h("ol", {"id": "rows"}, rows),
             h("p", {"id": "status", "class": "muted"},
               "%s: %d rows, %d moved, %d JS calls" % (last, len(st["rows"]), st["moves"], st["crossings"])
               if last else "Check some boxes, type in some notes, then reorder."))


OPS = (("shuffle", "Shuffle"), ("reverse", "Reverse"), ("rotate", "Rotate by 1"), ("sort", "Sort"),
       ("add", "Insert a row"), ("drop", "Remove first"))


def op(app, name):
    st = app.state
    rows = st["rows"]
    if name == "shuffle":
        rows = shuffled(rows, st["rand"])
    elif name == "reverse":
        rows = rows[::-1]
    elif name == "rotate":
        rows = rows[1:] + rows[:1]
    elif name == "sort":
        rows = sorted(rows)
    elif name == "add":
        st["next"] += 1
        i = st["rand"].below(len(rows) + 1)
        rows = rows[:i] + [st["next"]] + rows[i:]
    elif name == "drop":
        rows = rows[1:]
    st["rows"] = rows
    measure(app, name)


def remove(app, k):
    app.state["rows"] = [r for r in app.state["rows"] if r != k]
    measure(app, "remove %d" % k)


def measure(app, name):
    # Render now to count this reorder's moves and JS calls, then show them.
    app.reset()
    app.render()
    st = app.state
    st["moves"] = app.root.stats["moves"]
    st["crossings"] = app.renderer.crossings
    st["last"] = name


N = 8
app = App("#app", view, {"rows": list(range(1, N + 1)), "next": N, "rand": Rand(7), "last": "",
                         "moves": 0, "crossings": 0})
