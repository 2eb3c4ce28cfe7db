"""The front end of examples/backend: a vdom.app page that reads and writes the Flask API.

It is built like any app (``python -m vdom build examples/backend/frontend``) and the
backend serves the build: ``GET /api/items`` lists, ``POST`` adds, ``PUT /api/items/<id>``
edits, ``DELETE`` removes.  Requests go through PyScript's ``fetch`` (both interpreters).
"""

import json

from vdom.app import Application, Page, run_async, t
from vdom.app.runtime import is_server_side


async def api(method, path, data=None):
    """``method`` ``./api/<path>`` with a JSON body; the decoded JSON answer (None for 204)."""
    from pyscript import fetch

    options = {"method": method}
    if data is not None:
        options["headers"] = {"Content-Type": "application/json"}
        options["body"] = json.dumps(data)
    response = await fetch("./api/" + path, **options)
    if not response.ok:
        raise RuntimeError("%s /api/%s: HTTP %s" % (method, path, response.status))
    if response.status == 204:
        return None
    return json.loads(await response.text())


class Items(Page):
    def initial(self):
        return {"items": [], "draft": "", "editing": None, "edit_text": "", "loaded": False, "error": None}

    def on_ready(self):
        run_async(self.load(), self.application)

    async def load(self):
        self.state["items"] = await api("GET", "items")
        self.state["loaded"] = True

    def page_title(self):
        return "Items (%d)" % len(self.state["items"])

    def populate(self):
        t.h1("Items")
        if self.state["error"]:
            t.p(self.state["error"], classes="error", role="alert")
        with t.form(id="new", on_submit=self.add):
            t.input(bind="draft", id="draft", placeholder="New item", aria_label="New item", autocomplete="off")
            t.button("Add", type="submit", id="add", disabled=not self.state["draft"].strip())
        if not self.state["loaded"]:
            t.p("Loading items\u2026", id="loading")
            return
        with t.ul(id="items"):
            for item in self.state["items"]:
                with t.li(key=item["id"], data_id=str(item["id"]), classes={"done": item["done"]}):
                    t.input(type="checkbox", classes="toggle", checked=item["done"],
                            on_change=lambda e, it=item: self.save(it, done=not it["done"]))
                    if self.state["editing"] == item["id"]:
                        with t.form(classes="edit", on_submit=lambda e, it=item: self.finish_edit(e, it)):
                            t.input(bind="edit_text", classes="edit-text", aria_label="Text")
                            t.button("Save", type="submit", classes="save")
                    else:
                        t.span(item["text"], classes="text")
                        t.button("Edit", classes="edit-btn", on_click=lambda e, it=item: self.start_edit(it))
                    t.button("Delete", classes="delete", on_click=lambda e, it=item: self.delete(it))
        t.p("%d items on the server" % len(self.state["items"]), id="count")

    # Form handlers prevent the browser's submit at once, then talk to the server in a task.
    def add(self, event):
        event.preventDefault()
        text = self.state["draft"].strip()
        if text:
            self.state["draft"] = ""
            run_async(self._add(text), self.application)

    async def _add(self, text):
        item = await api("POST", "items", {"text": text})
        with self.state.mutate("items") as items:
            items.append(item)

    def start_edit(self, item):
        self.state["edit_text"] = item["text"]
        self.state["editing"] = item["id"]

    def finish_edit(self, event, item):
        event.preventDefault()
        self.state["editing"] = None
        self.save(item, text=self.state["edit_text"].strip() or item["text"])

    def save(self, item, **changes):
        run_async(self._save(item["id"], changes), self.application)

    async def _save(self, item_id, changes):
        new = await api("PUT", "items/%d" % item_id, changes)
        self.state["items"] = [new if i["id"] == item_id else i for i in self.state["items"]]

    def delete(self, item):
        run_async(self._delete(item["id"]), self.application)

    async def _delete(self, item_id):
        await api("DELETE", "items/%d" % item_id)
        self.state["items"] = [i for i in self.state["items"] if i["id"] != item_id]


def make_app():
    app = Application()
    app.default_page = Items
    return app


if not is_server_side:
    make_app().mount("#app")
