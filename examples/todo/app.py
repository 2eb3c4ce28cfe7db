"""Keyed todo list: add, toggle, delete, reorder, filter by URL hash.

The input is controlled (its ``value`` comes from the state) and the page
re-renders on every keystroke (the character count below it changes), yet
the input keeps its focus and caret: it keeps its DOM node, and setting a
value equal to what the user typed does not move the caret.
"""

import js
from vdom import h
from gallery import App, on

FILTERS = ("all", "active", "done")


def filter_from_hash():
    f = str(js.location.hash or "").lstrip("#/")
    return f if f in FILTERS else "all"


def view(app):
    st = app.state
    todos = st["todos"]
    filt = st["filter"]
    draft = st["draft"]
    shown = [t for t in todos if filt == "all" or (filt == "done") == t["done"]]
    left = len([t for t in todos if not t["done"]])
    n = len(todos)
    rows = []
    for t in shown:
        i = todos.index(t)
        tid = t["id"]
        rows.append(h("li", {"key": tid, "class": {"done": t["done"]}, "data-id": str(tid)},
                      h("input", {"type": "checkbox", "class": "toggle", "checked": t["done"],
                                  "aria-label": "done", "on_change": app.handler(toggle, app, tid)}),
                      h("span", {"class": "text"}, t["text"]),
                      h("button", {"class": "up", "title": "move up", "disabled": i == 0,
                                   "on_click": app.handler(move, app, tid, -1)}, "\u2191"),
                      h("button", {"class": "down", "title": "move down", "disabled": i == n - 1,
                                   "on_click": app.handler(move, app, tid, 1)}, "\u2193"),
                      h("button", {"class": "delete", "title": "delete",
                                   "on_click": app.handler(delete, app, tid)}, "\u00d7")))
    return h("section", {"class": "todo"},
             h("form", {"id": "new", "on_submit": lambda e: add(app, e)},
               h("input", {"id": "new-todo", "placeholder": "What needs doing?", "autocomplete": "off",
                           "value": draft, "on_input": lambda e: typed(app, e)}),
               h("button", {"type": "submit", "id": "add", "disabled": not draft.strip()}, "Add")),
             h("p", {"id": "draft-info", "class": "muted"},
               "%d characters typed (re-rendered on every keystroke)" % len(draft)),
             h("nav", {"class": "filters"},
               [h("a", {"key": f, "href": "#/" + f, "class": {"selected": f == filt}}, f) for f in FILTERS]),
             h("ul", {"id": "todo-list"}, rows),
             h("footer", None,
               Html("<small id='tip' class='muted'>Tip: <kbd>Enter</kbd> adds a todo.</small>"),
               Html(" Made with <b>pyvdom</b> &amp; <i>PyScript</i>. "),
               h("span", {"id": "left"}, "%d item%s left" % (left, "" if left == 1 else "s")),
               h("button", {"id": "clear-done", "on_click": app.handler(clear_done, app)},
                 "Clear done (%d)" % (n - left)) if n - left else None))


class Html:
    """Trusted HTML (like markupsafe.Markup): the core hands it to create_raw."""

    def __init__(self, s):
        self.s = s

    def __html__(self):
        return self.s


def typed(app, e):
    app.set(draft=e.target.value)


def add(app, e):
    e.preventDefault()
    text = app.state["draft"].strip()
    if text:
        app.state["todos"].append({"id": app.state["next"], "text": text, "done": False})
        app.state["next"] += 1
    app.set(draft="")


def toggle(app, tid):
    for t in app.state["todos"]:
        if t["id"] == tid:
            t["done"] = not t["done"]


def move(app, tid, d):
    todos = app.state["todos"]
    for i in range(len(todos)):
        if todos[i]["id"] == tid:
            j = i + d
            if 0 <= j < len(todos):
                todos[i], todos[j] = todos[j], todos[i]
            return


def delete(app, tid):
    app.state["todos"] = [t for t in app.state["todos"] if t["id"] != tid]


def clear_done(app):
    app.state["todos"] = [t for t in app.state["todos"] if not t["done"]]


START = ["Read the README", "Write a view function", "Ship it with PyScript"]
app = App("#app", view, {"todos": [{"id": i + 1, "text": s, "done": i == 0} for i, s in enumerate(START)],
                         "next": len(START) + 1, "draft": "", "filter": filter_from_hash()})
on(js.window, "hashchange", lambda e: app.set(filter=filter_from_hash()))
