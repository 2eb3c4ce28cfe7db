"""TodoMVC on vdom.app (``app-todomvc``, and ``ssr-todomvc`` rendered by the server and
hydrated): ``make_app(store)`` makes a new one.

* The page is a ``<section class="todoapp">``; ``TodoItem`` is a keyed component per todo with
  its own ``editing`` state: double-click the label to edit, Enter or leaving the field saves
  (trimmed; empty deletes), Escape cancels.
* The filter follows the URL's hash (``#/``, ``#/active``, ``#/completed``), so Back and
  Forward work; the list is kept in ``localStorage`` (``todos-vdom-app``), or in a cookie the
  server reads (``CookieStore``).
* "Mark all as complete", the item count ("1 item left" / "N items left"), "Clear completed"
  (only when some are completed); the main section and footer are hidden without todos.
"""

import json

from vdom.app import Application, Page, Component, Prop, t
from vdom.app.runtime import IN_BROWSER, js, add_event_listener
from vdom.app.router import url_quote, url_unquote

STORE = "todos-vdom-app"
COOKIE = "todos-vdom-app-ssr"
FILTERS = (("", "All"), ("active", "Active"), ("completed", "Completed"))


def parse_todos(raw):
    """The todo list stored as JSON text, checked (a list of {"id": int, "title": str,
    "completed": bool}); [] for anything else."""
    if not isinstance(raw, str) or not raw:  # null (None, or Pyodide's jsnull): nothing stored
        return []
    try:
        data = json.loads(raw)
    except ValueError:
        return []
    out = []
    if not isinstance(data, list):
        return []
    for x in data:
        if not isinstance(x, dict):
            return []
        i, title, done = x.get("id"), x.get("title"), x.get("completed")
        if not isinstance(i, int) or isinstance(i, bool) or not isinstance(title, str) or not isinstance(done, bool):
            return []
        out.append({"id": i, "title": title, "completed": done})
    return out


class LocalStore:
    """The list in ``localStorage`` (the TodoMVC way)."""

    def load(self):
        return parse_todos(js.localStorage.getItem(STORE)) if IN_BROWSER else []

    def save(self, todos):
        if IN_BROWSER:
            js.localStorage.setItem(STORE, json.dumps(todos))


class CookieStore:
    """The list in a cookie (JSON, percent-encoded), which the server reads to render it
    (``ssr-todomvc``; a cookie holds about 4 KB)."""

    def load(self):
        if not IN_BROWSER:
            return []
        for part in str(js.document.cookie or "").split(";"):
            k, _, v = part.strip().partition("=")
            if k == COOKIE:
                return parse_todos(url_unquote(v))
        return []

    def save(self, todos):
        if IN_BROWSER:
            js.document.cookie = "%s=%s; path=/; SameSite=Lax; max-age=31536000" % (COOKIE, url_quote(json.dumps(todos)))


def load(page):
    return page.application.store.load()


def save(page, todos):
    page.application.store.save(todos)


def updated(todo, key, value):
    d = dict(todo)
    d[key] = value
    return d


def current_filter():
    if not IN_BROWSER:
        return ""
    h = str(js.window.location.hash or "")
    f = h[2:] if h.startswith("#/") else ""
    return f if f in ("active", "completed") else ""


@t.component()
class TodoItem(Component):
    enclosing_tag = "li"
    props = [Prop("todo_id", "the todo's id", type=int), Prop("title", "what to do"),
             Prop("completed", "done", type=bool, default=False)]

    def initial(self):
        return {"editing": False}

    def get_default_classes(self):
        out = []
        if self.completed:
            out.append("completed")
        if self.state["editing"]:
            out.append("editing")
        return out

    def populate(self):
        with t.div(classes="view"):
            t.input(classes="toggle", type="checkbox", checked=self.completed, on_change=self.toggle)
            t.label(self.title, on_dblclick=self.edit)
            t.button(classes="destroy", on_click=self.destroy)
        if self.state["editing"]:
            t.input(classes="edit", value=self.title, ref="edit", on_keydown=self.key, on_blur=self.done)

    def on_redraw(self):
        if self.state["editing"]:
            el = self.refs["edit"].element
            if IN_BROWSER and js.document.activeElement != el:
                el.focus()
                n = len(str(el.value))
                el.setSelectionRange(n, n)

    def toggle(self, event):
        self.trigger_event("toggle", detail={"id": self.todo_id})

    def destroy(self, event):
        self.trigger_event("destroy", detail={"id": self.todo_id})

    def edit(self, event):
        self.state["editing"] = True

    def key(self, event):
        if event.key == "Enter":
            self.done(event)
        elif event.key == "Escape":
            self.state["editing"] = False  # the edit field goes; its text is not saved

    def done(self, event):
        if not self.state["editing"]:
            return
        self.state["editing"] = False
        self.trigger_event("save", detail={"id": self.todo_id, "title": str(event.target.value)})


class TodoMVC(Page):
    enclosing_tag = "section"
    default_classes = ["todoapp"]

    def initial(self):
        todos = load(self)
        return {"todos": todos, "next": max([x["id"] for x in todos] + [0]) + 1, "filter": current_filter()}

    def page_title(self):
        return "TodoMVC \u00b7 vdom.app"

    def on_ready(self):
        if IN_BROWSER:
            add_event_listener(js.window, "hashchange", self.route)
        self.route()  # a server-rendered page shows "All": the hash is the browser's

    def route(self, event=None):
        f = current_filter()
        if f != self.state["filter"]:
            self.state["filter"] = f

    def populate(self):
        todos = self.state["todos"]
        f = self.state["filter"]
        left = len([x for x in todos if not x["completed"]])
        with t.header(classes="header"):
            t.h1("todos")
            t.input(classes="new-todo", placeholder="What needs to be done?", autofocus=True,
                    on_keydown=self.new_key, ref="new")
        if todos:
            with t.section(classes="main"):
                t.input(id="toggle-all", classes="toggle-all", type="checkbox", checked=left == 0,
                        on_change=self.toggle_all)
                t.label("Mark all as complete", for_="toggle-all")
                with t.ul(classes="todo-list"):
                    for x in todos:
                        if f == "active" and x["completed"] or f == "completed" and not x["completed"]:
                            continue
                        t.todo_item(key=x["id"], todo_id=x["id"], title=x["title"], completed=x["completed"],
                                    on_toggle=self.toggle, on_destroy=self.destroy, on_save=self.rename)
            with t.footer(classes="footer"):
                with t.span(classes="todo-count"):
                    t.strong(str(left))
                    t(" item left" if left == 1 else " items left")
                with t.ul(classes="filters"):
                    for name, label in FILTERS:
                        with t.li():
                            t.a(label, href="#/" + name, classes="selected" if f == name else None)
                if len(todos) > left:
                    t.button("Clear completed", classes="clear-completed", on_click=self.clear_completed)

    # -- changes (every one is saved) -------------------------------------------------------

    def change(self, todos):
        self.state["todos"] = todos
        save(self, todos)

    def new_key(self, event):
        if event.key != "Enter":
            return
        title = str(event.target.value).strip()
        if not title:
            return
        n = self.state["next"]
        self.state["next"] = n + 1
        event.target.value = ""
        self.change(self.state["todos"] + [{"id": n, "title": title, "completed": False}])

    def toggle(self, event):
        i = event.detail["id"]
        self.change([updated(x, "completed", not x["completed"]) if x["id"] == i else x for x in self.state["todos"]])

    def toggle_all(self, event):
        on = bool(event.target.checked)
        self.change([updated(x, "completed", on) for x in self.state["todos"]])

    def destroy(self, event):
        i = event.detail["id"]
        self.change([x for x in self.state["todos"] if x["id"] != i])

    def rename(self, event):
        i = event.detail["id"]
        title = event.detail["title"].strip()
        if not title:
            self.change([x for x in self.state["todos"] if x["id"] != i])
        else:
            self.change([updated(x, "title", title) if x["id"] == i else x for x in self.state["todos"]])

    def clear_completed(self, event):
        self.change([x for x in self.state["todos"] if not x["completed"]])


def make_app(store=None):
    """A new TodoMVC app keeping its list in ``store`` (default ``LocalStore()``)."""
    app = Application()
    app.store = store if store is not None else LocalStore()
    app.page()(TodoMVC)
    return app
