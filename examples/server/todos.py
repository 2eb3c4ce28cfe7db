"""A todo list on vdom.app whose data lives on the server (``examples/server``).

The same module runs in Flask (``server.py`` renders every route with
``vdom.app.server.render_page``, the list in the app state) and in the browser
(``main.py`` hydrates that page, then each change calls the JSON API and shows the
list it answers).  Routes (html5): ``/`` all, ``/active``, ``/completed``.
"""

import json

from vdom.app import Application, Page, Prop, t, Router, Link, NotFound
from vdom.app.runtime import IN_BROWSER, js

FILTERS = (("/", "All", "all"), ("/active", "Active", "active"), ("/completed", "Completed", "completed"))


async def api(method, url, data=None):
    """Call the server's JSON API; returns the decoded answer (the whole list)."""
    opts = js.Object.new()
    opts.method = method
    if data is not None:
        opts.body = json.dumps(data)
    resp = await js.fetch(url, opts)
    text = await resp.text()
    if not resp.ok:
        raise RuntimeError("%s %s: HTTP %s %s" % (method, url, resp.status, text))
    return json.loads(str(text))


class TodosPage(Page):
    props = [Prop("show", "all, active or completed", default="all")]

    def initial(self):
        return {"title": ""}

    def precheck(self):
        if self.show not in ("all", "active", "completed"):
            raise NotFound()

    def page_title(self):
        left = len([x for x in self.application.state["todos"] if not x["completed"]])
        return "(%d) Todos on the server" % left

    def populate(self):
        todos = self.application.state["todos"]
        t.h1("Todos on the server")
        with t.form(id="new", on_submit=self.add):
            t.input(id="title", bind="title", placeholder="What needs to be done?", autocomplete="off")
            t.button("Add", type="submit", id="add")
        with t.nav(id="filters"):
            for path, label, name in FILTERS:
                t(Link, label, href=path, classes="selected" if self.show == name else None, id="show-" + name)
                t(" ")
        with t.ul(id="todos"):
            for x in todos:
                if self.show == "active" and x["completed"] or self.show == "completed" and not x["completed"]:
                    continue
                with t.li(key=x["id"], classes="done" if x["completed"] else None, data_id=str(x["id"])):
                    t.input(type="checkbox", classes="toggle", checked=x["completed"],
                            on_change=lambda e, i=x["id"]: self.toggle(i))
                    t.span(x["title"], classes="text")
                    t.button("\u00d7", classes="delete", title="delete", on_click=lambda e, i=x["id"]: self.delete(i))
        left = len([x for x in todos if not x["completed"]])
        t.p("%d item%s left" % (left, "" if left == 1 else "s"), id="left")

    async def add(self, event):
        event.preventDefault()
        title = self.state["title"].strip()
        if title:
            self.state["title"] = ""
            self.application.state["todos"] = await api("POST", "/api/todos", {"title": title})

    async def toggle(self, todo_id):
        self.application.state["todos"] = await api("POST", "/api/todos/%d/toggle" % todo_id)

    async def delete(self, todo_id):
        self.application.state["todos"] = await api("DELETE", "/api/todos/%d" % todo_id)


class TodosApp(Application):
    def initial(self):
        return {"todos": []}


def make_app():
    app = TodosApp()
    app.install_router(Router, link_mode="html5")
    app.page("/", name="all")(TodosPage)
    app.page("/<show>", name="filtered")(TodosPage)
    return app
