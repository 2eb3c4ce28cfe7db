"""PuePy's tutorial steps, written for vdom.app as a PuePy user writes them (one page per step,
hash routes): hello world, hello name (``bind=``), a counter, refs (an input that keeps focus
while the page around it changes), watchers (``on_<key>_change``), and components with props,
slots and events (``trigger_event``).  The routed pets app is ``app-router``; web components and
a JS chart are ``app-widgets``.
"""

from vdom.app import Application, Page, Component, Prop, t, Router
from gallery import serve_app

app = Application()
app.install_router(Router, link_mode="hash")

STEPS = (("hello", "Hello, World"), ("hello-name", "Hello, name"), ("counter", "Counter"),
         ("refs", "Refs"), ("watchers", "Watchers"), ("components", "Components"))


@app.page("/")
class Index(Page):
    def populate(self):
        t.h1("PuePy's tutorial on vdom.app")
        with t.ol(id="steps"):
            for path, title in STEPS:
                with t.li():
                    t.router_link(title, href="/" + path, id="go-" + path)


@app.page("/hello")
class HelloWorld(Page):
    def populate(self):
        t.h1("Hello, World!", id="out")


@app.page("/hello-name")
class HelloName(Page):
    def initial(self):
        return {"name": ""}

    def populate(self):
        t.input(placeholder="Your name", bind="name", id="name")
        if self.state["name"]:
            t.p("Hello, %s!" % self.state["name"], id="out")


@app.page("/counter")
class Counter(Page):
    def initial(self):
        return {"current_value": 0}

    def populate(self):
        with t.div(classes="counter"):
            t.button("-", on_click=self.on_decrement, id="dec")
            t.span(str(self.state["current_value"]), id="out")
            t.button("+", on_click=self.on_increment, id="inc")

    def on_decrement(self, event):
        self.state["current_value"] -= 1

    def on_increment(self, event):
        self.state["current_value"] += 1


@app.page("/refs")
class Refs(Page):
    """Typing re-renders the page: one span per character goes before the input's
    container, and ``ref=`` keeps the very same input (and its focus and caret)."""

    def initial(self):
        return {"word": ""}

    def populate(self):
        with t.p(id="letters"):
            for ch in self.state["word"]:
                t.span(ch, classes="letter")
        with t.div():
            with t.label():
                t("Type a word: ")
                t.input(ref="box", bind="word", id="word")
        t.button("Clear", on_click=self.clear, id="clear")

    def clear(self, event):
        self.state["word"] = ""
        self.refs["box"].element.focus()


@app.page("/watchers")
class Watchers(Page):
    """A guessing game: ``on_guess_change`` runs whenever ``state["guess"]`` changes."""

    def initial(self):
        return {"guess": None, "message": "Guess a number between 1 and 10", "secret": 7}

    def populate(self):
        t.input(type="number", bind="guess", id="guess", min="1", max="10")
        t.p(self.state["message"], id="out")

    def on_guess_change(self, value):
        if value is None:
            self.state["message"] = "Guess a number between 1 and 10"
        elif value < self.state["secret"]:
            self.state["message"] = "%s is too low" % value
        elif value > self.state["secret"]:
            self.state["message"] = "%s is too high" % value
        else:
            self.state["message"] = "You got it!"


@t.component()
class Card(Component):
    """Props, two slots (``header`` and the default one) and an event for its parent."""

    default_classes = ["card"]
    props = [Prop("card_id", "which card", type=int), Prop("selected", "highlighted", type=bool, default=False)]

    def populate(self):
        with t.div(classes="card-header"):
            self.insert_slot("header")
        with t.div(classes="card-body"):
            self.insert_slot()
        t.button("selected" if self.selected else "select", classes="pick", on_click=self.pick)

    def pick(self, event):
        self.trigger_event("pick", detail={"card_id": self.card_id})


@app.page("/components")
class Components(Page):
    def initial(self):
        return {"picked": None}

    def populate(self):
        for i, (title, body) in enumerate((("Cats", "Independent."), ("Dogs", "Loyal."))):
            card = t.card(card_id=i, selected=self.state["picked"] == i, on_pick=self.picked, key=i,
                          id="card-%d" % i)
            with card.slot("header"):
                t.h3(title)
            with card.slot():
                t.p(body)
        t.p("picked: %s" % ("nothing" if self.state["picked"] is None else self.state["picked"]), id="out")

    def picked(self, event):
        self.state["picked"] = event.detail["card_id"]


serve_app(app)
