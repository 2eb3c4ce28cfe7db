"""A PuePy-style todo app on vdom.app: components with their own state, keyed by id.

* ``TodoItem`` is a component (``<li>``) with its own state (``editing``,
  ``edit_text``); the page renders one per todo with ``key=`` its id, so an
  item's state follows the item when others are added or deleted (PuePy
  keeps it by list position).
* The new-todo input is bound to the page's state (``bind="draft"``): the
  page re-renders on every keystroke and the input keeps focus and caret.
* Items tell the page what the user did with ``trigger_event`` (toggle,
  delete, save); the page owns the list and the counts.
* "Add 3 later" is an ``async def`` handler (an asyncio task in the browser).
"""

import asyncio

from vdom.app import Application, Page, Component, Prop, t
from gallery import serve_app

app = Application()


@t.component()
class TodoItem(Component):
    enclosing_tag = "li"
    props = [Prop("item_id", "the todo's id", type=int), Prop("text", "what to do"),
             Prop("done", "ticked", type=bool, default=False)]

    def initial(self):
        return {"editing": False, "edit_text": ""}

    def populate(self):
        if self.state["editing"]:
            with t.form(classes="edit", on_submit=self.save):
                t.input(classes="edit-text", bind="edit_text", ref="edit", aria_label="edit")
                t.button("Save", type="submit", classes="save")
                t.button("Cancel", type="button", classes="cancel", on_click=self.cancel)
        else:
            t.input(type="checkbox", classes="toggle", checked=self.done, aria_label="done",
                    on_change=self.toggle)
            t.span(self.text, classes="text", on_dblclick=self.edit)
            t.button("edit", classes="edit-btn", on_click=self.edit)
            t.button("\u00d7", classes="delete", title="delete", on_click=self.delete)

    def on_editing_change(self, editing):
        self.focus_editor = editing

    def on_redraw(self):
        if getattr(self, "focus_editor", False) and "edit" in self.refs:
            self.focus_editor = False
            self.refs["edit"].element.focus()

    def toggle(self, event):
        self.trigger_event("toggle", detail={"id": self.item_id, "done": bool(event.target.checked)})

    def delete(self, event):
        self.trigger_event("delete", detail={"id": self.item_id})

    def edit(self, event):
        self.state.update(editing=True, edit_text=self.text)

    def cancel(self, event):
        self.state["editing"] = False

    def save(self, event):
        event.preventDefault()
        text = self.state["edit_text"].strip()
        if text:
            self.trigger_event("save", detail={"id": self.item_id, "text": text})
        self.state["editing"] = False


START = ["Read the README", "Write a component", "Ship it with PyScript"]


@app.page()
class TodoPage(Page):
    def initial(self):
        return {"todos": [{"id": i + 1, "text": s, "done": i == 0} for i, s in enumerate(START)],
                "next": len(START) + 1, "draft": ""}

    def page_title(self):
        left = len([x for x in self.state["todos"] if not x["done"]])
        return "(%d) Todo \u00b7 vdom.app" % left

    def populate(self):
        todos = self.state["todos"]
        draft = self.state["draft"]
        left = len([x for x in todos if not x["done"]])
        with t.section(classes="todo"):
            with t.form(id="new", on_submit=self.add):
                t.input(id="new-todo", bind="draft", placeholder="What needs doing?", autocomplete="off")
                t.button("Add", type="submit", id="add", disabled=not draft.strip())
                t.button("Add 3 later", type="button", id="add-later", on_click=self.add_later)
            t.p("%d characters typed (the page re-renders on every keystroke)" % len(draft),
                id="draft-info", classes="muted")
            with t.ul(id="todo-list"):
                for x in todos:
                    t.todo_item(key=x["id"], item_id=x["id"], text=x["text"], done=x["done"],
                                data_id=str(x["id"]), classes={"done": x["done"]},
                                on_toggle=self.on_toggle, on_delete=self.on_delete, on_save=self.on_save)
            with t.footer():
                t.span("%d item%s left" % (left, "" if left == 1 else "s"), id="left")
                t(" \u00b7 ")
                t.span("%d done" % (len(todos) - left), id="done-count")
                if len(todos) > left:
                    t.button("Clear done", id="clear-done", on_click=self.clear_done)

    def _append(self, text):
        with self.state.mutate("todos") as todos:
            todos.append({"id": self.state["next"], "text": text, "done": False})
        self.state["next"] += 1

    def add(self, event):
        event.preventDefault()
        text = self.state["draft"].strip()
        if text:
            self._append(text)
        self.state["draft"] = ""

    async def add_later(self, event):
        for i in range(3):
            await asyncio.sleep(0.02)
            self._append("Later %d" % (i + 1))

    def _find(self, todo_id):
        for x in self.state["todos"]:
            if x["id"] == todo_id:
                return x
        return None

    def on_toggle(self, event):
        with self.state.mutate("todos"):
            x = self._find(event.detail["id"])
            x["done"] = event.detail["done"]

    def on_save(self, event):
        with self.state.mutate("todos"):
            self._find(event.detail["id"])["text"] = event.detail["text"]

    def on_delete(self, event):
        with self.state.mutate("todos") as todos:
            todos.remove(self._find(event.detail.get("id")))

    def clear_done(self, event):
        self.state["todos"] = [x for x in self.state["todos"] if not x["done"]]


serve_app(app)
