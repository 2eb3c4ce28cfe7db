"""The pets app of ``app-router`` (hash routing) and ``ssr-router`` (html5 routing, rendered
by the server and hydrated): ``make_app(link_mode, base_path)`` makes a new one.

* ``/pets/<pet_id>`` passes ``pet_id`` to the page's prop (declared ``int``:
  converted); ``/pets?sort=desc&species=cat`` passes query arguments to props.
* ``Link`` (``t.router_link``) navigates without reloading the page.
* ``/account`` is guarded: its ``precheck()`` raises ``Redirect`` to the login
  page unless a user is signed in (kept in ``app.local_storage``, so it survives a
  reload, and in a cookie the server-rendered version reads).
* Unknown paths and unknown pets show the not-found page; ``/broken`` raises in
  ``populate()`` and shows the app's error page; every page sets ``page_title()``.
"""

from vdom.app import Application, Page, Component, Prop, t, Router, Link, Redirect, NotFound
from vdom.app.runtime import IN_BROWSER, js
from vdom.app.router import url_quote

PETS = {1: ("Rex", "dog"), 2: ("Tom", "cat"), 3: ("Nemo", "fish"), 4: ("Felix", "cat")}
USER_COOKIE = "pets-user"


class PetsApp(Application):
    def initial(self):
        return {"user": self.local_storage.get("user")}

    def remember(self, name):
        """Sign in (``name``) or out (None): ``localStorage`` for the client, a cookie the
        server-rendered version reads to render the signed-in pages."""
        if name is None:
            self.local_storage.pop("user", None)
        else:
            self.local_storage["user"] = name
        self.state["user"] = name
        if IN_BROWSER:
            js.document.cookie = "%s=%s; path=/; SameSite=Lax%s" % (
                USER_COOKIE, url_quote(name or ""), "; max-age=0" if name is None else "")

    def handle_error(self, exception):
        from vdom.app.application import show_page

        show_page(self, ErrorPage, None, {"error": exception}, False)


@t.component()
class NavBar(Component):
    """The menu of every page; re-renders when ``app.state["user"]`` changes (it reads it)."""

    enclosing_tag = "nav"
    default_classes = ["menu"]

    def populate(self):
        t.router_link("Home", href="/", id="nav-home")
        t(" | ")
        t.router_link("All pets", href="pets", id="nav-pets")
        t(" | ")
        t.router_link("Account", href="account", id="nav-account")
        t(" | ")
        t.a("Nowhere", href=self.router.href("/nowhere"), id="nav-nowhere")
        t(" | ")
        t.a("Broken page", href=self.router.href("/broken"), id="nav-broken")
        user = self.application.state["user"]
        with t.span(id="user", classes="muted"):
            t(" \u00b7 signed in as %s" % user if user else " \u00b7 not signed in")


def pet_link(pet_id):
    name, species = PETS[pet_id]
    t(Link, name, href="pet", args={"pet_id": pet_id}, classes="pet", data_id=str(pet_id))


class HomePage(Page):
    def page_title(self):
        return "Home \u00b7 Pets"

    def populate(self):
        t.nav_bar()
        t.h1("Pets")
        t.p("Pick a pet:")
        with t.ul(id="pets"):
            for pet_id in sorted(PETS):
                with t.li(key=pet_id):
                    pet_link(pet_id)


class PetsPage(Page):
    props = [Prop("sort", "asc or desc", default="asc"), Prop("species", "only this species")]

    def page_title(self):
        return "All pets (%s) \u00b7 Pets" % self.sort

    def populate(self):
        t.nav_bar()
        t.h1("All pets")
        ids = sorted(PETS, key=lambda i: PETS[i][0], reverse=self.sort == "desc")
        if self.species:
            ids = [i for i in ids if PETS[i][1] == self.species]
        with t.p(id="sorting"):
            t("sorted %s%s: " % (self.sort, ", only %ss" % self.species if self.species else ""))
            t(Link, "A-Z", href="pets", id="sort-asc")
            t(" ")
            t(Link, "Z-A", href="pets", args={"sort": "desc"}, id="sort-desc")
            t(" ")
            t(Link, "cats Z-A", href="pets", args={"sort": "desc", "species": "cat"}, id="cats-desc")
        with t.ol(id="pets"):
            for pet_id in ids:
                with t.li(key=pet_id):
                    pet_link(pet_id)


class PetPage(Page):
    props = [Prop("pet_id", "the pet's id", type=int)]

    def precheck(self):
        if self.pet_id not in PETS:
            raise NotFound()

    def page_title(self):
        return "%s \u00b7 Pets" % PETS[self.pet_id][0]

    def populate(self):
        name, species = PETS[self.pet_id]
        t.nav_bar()
        t.h1(name)
        t.p("%s is a %s (pet_id=%r, a %s)" % (name, species, self.pet_id, type(self.pet_id).__name__),
            id="about")
        nxt = self.pet_id % len(PETS) + 1
        t(Link, "Next pet: %s" % PETS[nxt][0], href="/pets/%d" % nxt, id="next")


class AccountPage(Page):
    def precheck(self):
        if not self.application.state["user"]:
            raise Redirect("/login", next="/account")

    def page_title(self):
        return "Account \u00b7 Pets"

    def populate(self):
        t.nav_bar()
        t.h1("Account of %s" % self.application.state["user"])
        t.button("Log out", id="logout", on_click=self.logout)

    def logout(self, event):
        self.application.remember(None)
        self.router.navigate_to_path("/")


class LoginPage(Page):
    props = [Prop("next", "where to go after logging in", default="/")]

    def initial(self):
        return {"username": ""}

    def page_title(self):
        return "Log in \u00b7 Pets"

    def populate(self):
        t.nav_bar()
        t.h1("Log in")
        t.p("(a fake login: any name works; it is kept in localStorage)", classes="muted")
        with t.form(id="login", on_submit=self.login):
            t.input(id="username", bind="username", placeholder="your name", autocomplete="off")
            t.button("Log in", type="submit", id="login-btn", disabled=not self.state["username"].strip())

    def login(self, event):
        event.preventDefault()
        name = self.state["username"].strip()
        if name:
            self.application.remember(name)
            self.router.navigate_to_path(self.next)


class BrokenPage(Page):
    def populate(self):
        t.nav_bar()
        raise RuntimeError("deliberate failure in BrokenPage.populate()")


class NotFoundPage(Page):
    props = ["error"]

    def page_title(self):
        return "Not found \u00b7 Pets"

    def populate(self):
        t.nav_bar()
        t.h1("Not found", id="not-found")
        t.p("Nothing at %s." % self.application.current_path, id="missing")
        t(Link, "Back home", href="/", id="home-link")


class ErrorPage(Page):
    props = ["error"]

    def page_title(self):
        return "Error \u00b7 Pets"

    def populate(self):
        t.nav_bar()
        t.h1("Something went wrong", id="error")
        t.p("%s: %s" % (type(self.error).__name__, self.error), id="error-message")


ROUTES = (
    ("/", "home", HomePage),
    ("/pets", "pets", PetsPage),
    ("/pets/<pet_id>", "pet", PetPage),
    ("/account", "account", AccountPage),
    ("/login", "login", LoginPage),
    ("/broken", "broken", BrokenPage),
)


def make_app(link_mode="hash", base_path=None):
    """A new app: ``link_mode="hash"`` (the gallery's app-router) or ``"html5"`` under
    ``base_path`` (its server-rendered version: the server sees the routes)."""
    app = PetsApp()
    app.install_router(Router, link_mode=link_mode, base_path=base_path)
    for path, name, page in ROUTES:
        app.page(path, name=name)(page)
    app.not_found_page = NotFoundPage
    return app

