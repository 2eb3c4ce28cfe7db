"""Async event handlers under the page's interpreter (tests/browser/test_async_handlers.py).

Each handler logs what it did into the page state; ``<ol id="log">`` shows it.  The code of
an ``async def`` handler before its first ``await`` runs while the event is dispatched (so
``preventDefault()`` there works); the rest runs as an asyncio task.
"""

import asyncio
import js
from vdom.app import Application, Page, t

app = Application()
gate = asyncio.Event()


def log(page, line):
    page.state["log"] = page.state["log"] + [line]


@app.page()
class AsyncPage(Page):
    def initial(self):
        return {"log": [], "text": ""}

    def populate(self):
        with t.form(id="form", on_submit=self.submit):
            t.input(id="text", bind="text")
            t.button("Send", id="send", type="submit")
        t.a("Away", id="away", href="#away", on_click=self.away)
        t.button("Wait for the gate", id="wait", on_click=self.wait)
        t.button("Open the gate", id="open", on_click=self.open)
        t.button("Fail later", id="fail", on_click=self.fail)
        t.button("Outer", id="outer", on_click=self.outer)
        t.button("Inner", id="inner", on_click=self.inner)
        with t.ol(id="log"):
            for line in self.state["log"]:
                t.li(line)

    async def submit(self, event):
        event.preventDefault()
        log(self, "submit sync")
        await asyncio.sleep(0.01)
        log(self, "submit " + self.state["text"])

    async def away(self, event):
        event.preventDefault()
        value = await js.Promise.resolve(7)
        log(self, "promise %s" % value)

    async def wait(self, event):
        log(self, "waiting")
        await gate.wait()
        log(self, "gate open")

    def open(self, event):
        gate.set()

    async def fail(self, event):
        await asyncio.sleep(0)
        raise ValueError("failed after an await")

    async def outer(self, event):
        js.document.getElementById("inner").click()   # dispatched inside this handler's first step
        log(self, "outer sync")
        await asyncio.sleep(0.01)
        log(self, "outer done")

    async def inner(self, event):
        log(self, "inner sync")
        await asyncio.sleep(0)
        log(self, "inner done")


app.mount("#app")
js.document.body.setAttribute("data-ready", "1")
