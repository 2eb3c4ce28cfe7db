"""The end of PuePy's tutorial, a full app, on vdom.app: a login guard, a chart, routing and state.

* ``AppLayout`` is the layout every page puts itself in (header, sidebar of ``Link``s, the page
  in its slot, footer).  Its ``precheck()`` raises ``Unauthorized`` when the page needs a login
  and nobody is logged in; the app's ``handle_unauthorized`` (as in PuePy's tutorial) sends the
  user to ``/login?return_to=<the page>`` with a ``Redirect`` (it replaces the guarded page's
  history entry, so Back does not bounce on the guard).  Logging out re-renders the layout (its
  precheck read ``app.state``), so the guard acts on the page the user is on.
* ``Chart`` is PuePy's Chart component: a component with no children whose ``on_ready()`` and
  ``on_redraw()`` hand its element to a JS chart library (``chart.js`` here, a stand-in for
  Chart.js) with ``jsobj(type=..., data=..., options=...)``; the diff never touches what the
  library drew.
* State: the sales figures live in ``app.state`` (the dashboard and the chart page both show
  them); the chart page's own state picks the series and the chart type; the user's name is
  kept in ``sessionStorage`` (it survives a reload of the tab).
"""

import js
from vdom.app import Application, Page, Component, Prop, t, Router, Link, Redirect, Unauthorized, CssClass
from vdom.app.util import jsobj
from gallery import serve_app

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
SERIES = ("Tacos", "Burritos")


class FullApp(Application):
    def initial(self):
        return {
            "authenticated_user": self.session_storage.get("user") or "",
            "sales": {"Tacos": [54, 21, 3, 38, 26, 85], "Burritos": [12, 30, 45, 28, 50, 61]},
        }

    def handle_unauthorized(self, exception):
        self.handle_redirect(Redirect("/login", return_to=self.current_path or "/"))


app = FullApp()
app.install_router(Router, link_mode=Router.LINK_MODE_HASH)

LAYOUT = CssClass("display: grid", grid_template_columns="10em 1fr", gap="0 1.5em")
HEADER = CssClass("grid-column: 1 / 3", display="flex", justify_content="space-between",
                  align_items="center", border_bottom="1px solid #ccc", margin_bottom="1em")
SIDEBAR = CssClass("display: flex", flex_direction="column", gap="0.4em")
ACTIVE = CssClass("font-weight: bold", text_decoration="none")
FOOTER = CssClass("grid-column: 1 / 3", color="#888", margin_top="2em", font_size="0.9em")

SIDEBAR_ITEMS = (("Dashboard", "dashboard"), ("Charts", "charts"), ("About", "about"))


@t.component()
class AppLayout(Component):
    """Header, sidebar and footer around the page (its default slot); guards the page."""

    props = [Prop("login_required", "does the page need a logged-in user", type=bool, default=True)]
    default_classes = [LAYOUT]

    def precheck(self):
        if self.login_required and not self.application.state["authenticated_user"]:
            raise Unauthorized()

    def populate(self):
        user = self.application.state["authenticated_user"]
        with t.header(classes=HEADER):
            t.h2("The Dapper App")
            with t.div(id="user-box"):
                if user:
                    t.span("%s \u00b7 " % user, id="user")
                    t.button("Log out", id="logout", on_click=self.logout)
                else:
                    t(Link, "Log in", href="login", id="login-link")
        current = self.page.matched_route.name if self.page.matched_route is not None else None
        with t.nav(classes=SIDEBAR, id="sidebar"):
            for label, name in SIDEBAR_ITEMS:
                t(Link, label, href=name, id="nav-" + name, classes={ACTIVE: name == current})
        with t.main():
            self.insert_slot()
        t.footer("Business Time! (a vdom.app port of PuePy's full tutorial app)", classes=FOOTER)

    def logout(self, event):
        app = self.application
        if "user" in app.session_storage:
            del app.session_storage["user"]
        app.state["authenticated_user"] = ""   # this layout re-renders: its precheck now refuses


@t.component()
class Chart(Component):
    """PuePy's Chart component: the JS library draws into this component's (childless) element."""

    props = ["type", "data", "options"]

    def on_ready(self):
        self.call_chart_library()

    def on_redraw(self):
        self.call_chart_library()

    def call_chart_library(self):
        js.tinyChart(self.element, jsobj(type=self.type, data=self.data, options=self.options or {}))


@app.page("/", name="dashboard")
class DashboardPage(Page):
    def page_title(self):
        return "Dashboard \u00b7 Dapper"

    def populate(self):
        sales = self.application.state["sales"]
        with t.app_layout():
            t.h1("Hello, you are authenticated as %s" % self.application.state["authenticated_user"], id="hello")
            t.p("This app shows a login guard, a JavaScript chart library, routing and shared state.")
            with t.ul(id="totals"):
                for name in SERIES:
                    t.li("%s: %d sold in %d months" % (name, sum(sales[name]), len(sales[name])), key=name)
            t(Link, "See the charts", href="charts", id="to-charts")


@app.page("/charts", name="charts")
class ChartsPage(Page):
    def initial(self):
        return {"series": "Tacos", "type": "bar"}

    def page_title(self):
        return "Charts \u00b7 Dapper"

    def populate(self):
        series = self.state["series"]
        values = self.application.state["sales"][series]
        with t.app_layout():
            t.h1("%s per month" % series, id="chart-title")
            with t.p():
                with t.select(bind="series", id="series"):
                    for name in SERIES:
                        t.option(name, value=name)
                t(" ")
                with t.label():
                    t.input(type="radio", name="type", value="bar", bind="type", id="type-bar")
                    t(" bars ")
                with t.label():
                    t.input(type="radio", name="type", value="line", bind="type", id="type-line")
                    t(" line ")
                t.button("Add a month", id="add-month", on_click=self.add_month)
            labels = [MONTHS[i % 12] for i in range(len(values))]
            t.chart(type=self.state["type"], id="chart",
                    data={"labels": labels, "datasets": [{"label": "%s sold" % series, "data": list(values)}]},
                    options={"beginAtZero": True})
            t.p("total: %d" % sum(values), id="chart-total")

    def add_month(self, event):
        series = self.state["series"]
        with self.application.state.mutate("sales") as sales:
            values = sales[series]
            values.append((values[-1] * 7 + 13) % 90 + 5)


@app.page("/about", name="about")
class AboutPage(Page):
    def page_title(self):
        return "About \u00b7 Dapper"

    def populate(self):
        with t.app_layout(login_required=False):
            t.h1("About", id="about")
            t.p("This page needs no login; the dashboard and the charts do.")


@app.page("/login", name="login")
class LoginPage(Page):
    props = [Prop("return_to", "where to go after logging in", default="/")]

    def initial(self):
        return {"username": "", "password": "", "error": ""}

    def page_title(self):
        return "Log in \u00b7 Dapper"

    def populate(self):
        with t.app_layout(login_required=False):
            t.h1("Login")
            with t.form(on_submit=self.on_submit, id="login-form"):
                with t.p():
                    t.label("Username ", for_="username")
                    t.input(id="username", bind="username", autocomplete="off")
                with t.p():
                    t.label("Password ", for_="password")
                    t.input(id="password", type="password", bind="password")
                t.button("Login", type="submit", id="login-btn")
            if self.state["error"]:
                t.p(self.state["error"], id="login-error", style={"color": "#b00"})
            t.p("Use any username and password.", classes="muted")
            t.p("You will be returned to %s" % self.return_to, id="return-to")

    def on_submit(self, event):
        event.preventDefault()
        name = self.state["username"].strip()
        if not name or not self.state["password"]:
            self.state["error"] = "Enter a username and a password."
            return
        app = self.application
        app.session_storage["user"] = name
        app.state["authenticated_user"] = name
        self.router.navigate_to_path(self.return_to or "/")


class NotFoundPage(Page):
    props = ["error"]

    def page_title(self):
        return "Not found \u00b7 Dapper"

    def populate(self):
        with t.app_layout(login_required=False):
            t.h1("Page Not Found", id="not-found")


app.not_found_page = NotFoundPage
serve_app(app)
