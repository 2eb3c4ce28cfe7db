"""Offline notes: a progressive web app on vdom.app (built with `python -m vdom build --pwa`).

    python -m vdom dev examples/pwa                       # while editing
    python -m vdom build examples/pwa --pwa               # examples/pwa/dist/: installable, starts offline
    python3 -m http.server -d examples/pwa/dist 8080      # open http://127.0.0.1:8080/ once, then offline

The notes live in the browser's localStorage (``app.local_storage``), so the app needs no
server after the first visit: the service worker serves the page, PyScript, MicroPython and
these modules from its cache.
"""

import json

from vdom.app import Application, Page, t
from vdom.app.runtime import is_server_side, IN_BROWSER, js

KEY = "pwa-notes"


class Notes(Page):
    def initial(self):
        return {"notes": json.loads(self.application.local_storage.get(KEY) or "[]"), "draft": "",
                "online": bool(js.navigator.onLine) if IN_BROWSER else True}

    def on_notes_change(self, notes):        # a watcher: every change is saved
        self.application.local_storage[KEY] = json.dumps(notes)

    def page_title(self):
        return "Notes (%d)" % len(self.state["notes"])

    def populate(self):
        with t.header():
            t.h1("Offline notes")
            t.span("online" if self.state["online"] else "offline", id="status",
                   classes=["status", "online" if self.state["online"] else "offline"])
        with t.form(on_submit=self.add, id="new"):
            t.input(bind="draft", id="draft", placeholder="A note", aria_label="A note", autocomplete="off")
            t.button("Add", type="submit", id="add", disabled=not self.state["draft"].strip())
        with t.ul(id="notes"):
            for note in self.state["notes"]:
                with t.li(key=note["id"], classes={"done": note["done"]}, data_id=str(note["id"])):
                    t.input(type="checkbox", checked=note["done"], classes="toggle",
                            on_change=lambda e, i=note["id"]: self.toggle(i))
                    t.span(note["text"], classes="text")
                    t.button("\u00d7", classes="delete", aria_label="Delete",
                             on_click=lambda e, i=note["id"]: self.delete(i))
        t.p("%d notes, kept in this browser" % len(self.state["notes"]), id="count")

    def add(self, event):
        event.preventDefault()
        text = self.state["draft"].strip()
        if text:
            with self.state.mutate("notes") as notes:
                notes.append({"id": max([n["id"] for n in notes] + [0]) + 1, "text": text, "done": False})
            self.state["draft"] = ""

    def toggle(self, note_id):
        with self.state.mutate("notes") as notes:
            for n in notes:
                if n["id"] == note_id:
                    n["done"] = not n["done"]

    def delete(self, note_id):
        self.state["notes"] = [n for n in self.state["notes"] if n["id"] != note_id]

    def set_online(self, event=None):
        self.state["online"] = bool(js.navigator.onLine)


def make_app():
    app = Application()
    app.default_page = Notes
    return app


if not is_server_side:
    from vdom.app.runtime import add_event_listener

    page = make_app().mount("#app")
    add_event_listener(js.window, "online", page.set_online)
    add_event_listener(js.window, "offline", page.set_online)
