"""Forms on vdom.app: ``bind=`` on every kind of input, and the development error overlay.

* ``bind="key"`` keeps an input and ``self.state[key]`` in sync both ways: text,
  number (converted to int/float, None when empty), textarea, select,
  checkbox (bool), radio buttons (the value of the checked one) and a nested
  path (``bind=("extras", "cheese")``); on a ``<select multiple>`` the state is the
  list of selected values.  "Reset" sets the state: the inputs follow.
* The summary's look comes from a ``CssClass`` (rules written by the app into
  ``<style id="puepy-runtime-css">``).
* "Show the broken widget" renders a component whose ``populate()`` raises: in
  development mode the traceback appears in an overlay next to the page (and
  on the console), while the rest of the page keeps its DOM and keeps working.
"""

from vdom.app import Application, Page, Component, Prop, t, CssClass
from gallery import serve_app

app = Application(development=True)

COLORS = (("red", "Red"), ("green", "Green"), ("blue", "Blue"))
SIZES = (("s", "Small"), ("m", "Medium"), ("l", "Large"))
TOPPINGS = (("basil", "Basil"), ("chili", "Chili"), ("garlic", "Garlic"), ("onion", "Onion"))
SUMMARY = CssClass("border-left: 3px solid rgb(0, 128, 0)", padding_left="8px")


def initial_form():
    return {"name": "", "age": 30, "bio": "", "color": "green", "subscribe": False, "size": "m",
            "extras": {"cheese": True, "olives": False}, "toppings": ["basil", "garlic"],
            "show_broken": False}


@t.component()
class BrokenWidget(Component):
    def populate(self):
        t.p("you never see this")
        raise ValueError("deliberate error in BrokenWidget.populate()")


@t.component()
class Field(Component):
    """A labelled row; the input goes in its default slot."""

    enclosing_tag = "div"
    default_classes = ["field"]
    props = [Prop("label", "the label's text")]

    def populate(self):
        t.span(self.label, classes="label")
        self.insert_slot()


@app.page()
class FormPage(Page):
    def initial(self):
        return initial_form()

    def page_title(self):
        return "Form \u00b7 vdom.app"

    def populate(self):
        s = self.state
        with t.form(id="form", classes="app-form", on_submit=self.submit):
            with t.field(label="Name"):
                t.input(id="name", bind="name", placeholder="your name", autocomplete="off")
            with t.field(label="Age"):
                t.input(id="age", type="number", bind="age")
            with t.field(label="Bio"):
                t.textarea(id="bio", bind="bio", rows=3)
            with t.field(label="Colour"):
                with t.select(id="color", bind="color"):
                    for value, label in COLORS:
                        t.option(label, value=value)
            with t.field(label="Newsletter"):
                t.input(id="subscribe", type="checkbox", bind="subscribe")
            with t.field(label="Size"):
                for value, label in SIZES:
                    with t.label(for_="size-" + value):
                        t.input(id="size-" + value, type="radio", name="size", value=value, bind="size")
                        t(" " + label + " ")
            with t.field(label="Extras"):
                for extra in ("cheese", "olives"):
                    with t.label():
                        t.input(id="extra-" + extra, type="checkbox", bind=("extras", extra))
                        t(" " + extra + " ")
            with t.field(label="Toppings"):
                with t.select(id="toppings", bind="toppings", multiple=True, size=4):
                    for value, label in TOPPINGS:
                        t.option(label, value=value)
            with t.div(classes="buttons"):
                t.button("Reset", type="button", id="reset", on_click=self.reset)
                t.button("Show the broken widget" if not s["show_broken"] else "Hide the broken widget",
                         type="button", id="toggle-broken", on_click=self.toggle_broken)
        with t.dl(id="summary", classes=SUMMARY):
            age = s["age"]
            extras = s["extras"]
            for label, key, value in (
                    ("name", "name", repr(s["name"])),
                    ("age", "age", "%r (%s)" % (age, type(age).__name__)),
                    ("bio", "bio", "%d line%s" % (len(s["bio"].splitlines()), "" if len(s["bio"].splitlines()) == 1 else "s")),
                    ("colour", "color", s["color"]),
                    ("newsletter", "subscribe", repr(s["subscribe"])),
                    ("size", "size", s["size"]),
                    ("extras", "extras", ", ".join([k for k in sorted(extras) if extras[k]]) or "none"),
                    ("toppings", "toppings", ", ".join(s["toppings"]) or "none")):
                t.dt(label, key=key + "-dt")
                t.dd(value, key=key, id="out-" + key)
        if s["show_broken"]:
            t.broken_widget(id="broken")

    def submit(self, event):
        event.preventDefault()

    def reset(self, event):
        self.state.update(initial_form())

    def toggle_broken(self, event):
        self.state["show_broken"] = not self.state["show_broken"]


serve_app(app)
