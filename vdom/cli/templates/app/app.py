"""{{title}}: a vdom.app app (made by `python -m vdom new {{name}}`).

    python -m vdom dev {{name}}      # serve it with live reload (?py: Pyodide, else MicroPython)
    python -m pytest {{name}}/tests  # its tests, on the mock renderer (no browser)
    python -m vdom build {{name}}    # a static folder, {{name}}/dist/, that works offline
    python -m vdom build {{name}} --prerender   # ... whose page shows before Python starts
"""

from vdom.app import Application, Component, Page, Prop, Router, Link, t
from vdom.app.runtime import is_server_side, is_null


@t.component()
class Counter(Component):
    """A component: its own state, a prop, an event handler."""

    props = [Prop("label", "what the button counts", default="Clicks")]

    def initial(self):
        return {"count": 0}

    def populate(self):
        t.button("%s: %d" % (self.label, self.state["count"]), classes="counter", on_click=self.inc)

    def inc(self, event):
        self.state["count"] += 1


class Home(Page):
    def initial(self):
        return {"name": ""}

    def page_title(self):
        return "Hello %s" % (self.state["name"] or "{{title}}")

    def populate(self):
        nav()
        t.h1("Hello, %s!" % (self.state["name"] or "world"))
        t.input(bind="name", placeholder="Your name", id="name", aria_label="Your name")   # two-way binding
        t.counter(label="Clicks")


class About(Page):
    def populate(self):
        nav()
        t.h1("About")
        t.p("Written in Python with vdom.app; runs under MicroPython or Pyodide with PyScript.")


def nav():
    with t.nav():
        t(Link, "Home", href="home")
        t(" | ")
        t(Link, "About", href="about")


def make_app():
    """A new application (tests, and a server rendering the first paint, make their own)."""
    app = Application()
    app.install_router(Router, link_mode="hash")     # #/about
    app.page("/", name="home")(Home)
    app.page("/about", name="about")(About)
    return app


if not is_server_side:       # in the browser; tests import this module and mount make_app() themselves
    import js

    # A page `python -m vdom build --prerender` wrote holds the first render and its state
    # (<script id="vdom-app-state">): adopt those nodes (hydrate) instead of rendering them again.
    prerendered = not is_null(js.document.getElementById("vdom-app-state"))
    APP = make_app()
    APP.mount("#app", hydrate=prerendered)
