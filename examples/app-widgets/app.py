"""Web components and JS widgets on vdom.app (issue 12): how a PuePy app embeds the JS world.

* ``<star-rating>`` is a web component (examples/app-widgets/widgets.js). It is an ordinary tag
  here: ``t.star_rating(value=..., max=..., on_change=...)``; on a custom element ``value`` is
  set as an attribute (components read attributes), and its ``change`` CustomEvent arrives at
  the handler with ``event.detail.value``.
* The chart is drawn by a JS "library" function into an element the page renders empty with a
  ``ref``: the diff never touches children it did not render, and the ref keeps the element, so
  the page fills it in ``on_ready()`` and again in ``on_redraw()``.
* ``html(...)`` inserts markup the developer trusts (a template engine's output, for example).
"""

import js
from vdom.app import Application, Page, Component, Prop, t, html
from gallery import serve_app

app = Application(development=True)


@t.component()
class Rated(Component):
    """A row: a label and a star rating; reports changes with trigger_event."""

    props = [Prop("label", "what is rated"), Prop("stars", "how many stars", type=int, default=0)]

    def populate(self):
        t.span(self.label, classes="label")
        t.star_rating(value=self.stars, max=5, on_change=self.changed, id="stars-" + self.label)

    def changed(self, event):
        self.trigger_event("rated", detail={"label": self.label, "stars": int(event.detail.value)})


@app.page()
class WidgetsPage(Page):
    def initial(self):
        return {"ratings": {"tea": 3, "coffee": 1, "cocoa": 4}}

    def page_title(self):
        return "Widgets \u00b7 vdom.app"

    def populate(self):
        r = self.state["ratings"]
        t.h2("Rate the drinks")
        for name in ("tea", "coffee", "cocoa"):
            t.rated(label=name, stars=r[name], on_rated=self.rated, key=name)
        t.p("total: %d stars" % sum(r.values()), id="total")
        t.div(ref="chart", id="chart", style={"height": "64px"})
        t.div(html("<p id='note'><em>Bars drawn by a JS function</em> into an element the diff leaves alone.</p>"))

    def rated(self, event):
        d = event.detail
        with self.state.mutate("ratings") as ratings:
            ratings[d["label"]] = d["stars"]

    def draw(self):
        r = self.state["ratings"]
        js.miniChart(self.refs["chart"].element, ",".join(str(r[n]) for n in ("tea", "coffee", "cocoa")))

    def on_ready(self):
        self.draw()

    def on_redraw(self):
        self.draw()


serve_app(app)
