"""PuePy's routing tutorial (the pets app), with the router in html5 mode.

The tutorial's code as a PuePy user wrote it (its own ``Link`` component: ``__init__``
adds an ``on_click``, ``set_href`` turns a Page class into a URL with
``router.reverse``), with three changes:

* the imports (``vdom.app``);
* ``link_mode=Router.LINK_MODE_HTML5`` and ``base_path``: URLs are real paths under the
  folder the gallery serves the app from (``/examples/app-router-html5/pet/garfield``),
  changed with ``history.pushState``; Back and Forward route; ``python3 -m examples``
  answers a reload of such a path with this folder's ``index.html``;
* ``Link.on_click`` always prevents the browser's navigation: the tutorial's test
  ``and self.page.router.navigate_to_path(...)`` is never true (it returns None, in PuePy
  too), which in hash mode does not matter (the browser only changes the hash) but in html5
  mode would reload the page on every click.

Plus a not-found page and page titles, so the tests can tell the pages apart.
"""

from vdom.app import Application, Page, Component, t
from vdom.app.router import Router
from gallery import serve_app

BASE_PATH = "/examples/app-router-html5"   # where the gallery serves this app (index.html's <base>)

app = Application()
app.install_router(Router, link_mode=Router.LINK_MODE_HTML5, base_path=BASE_PATH)

pets = {
    "scooby": {"name": "Scooby-Doo", "type": "dog", "character": "fearful"},
    "garfield": {"name": "Garfield", "type": "cat", "character": "lazy"},
    "snoopy": {"name": "Snoopy", "type": "dog", "character": "playful"},
}


@t.component()
class Link(Component):
    props = ["args"]
    enclosing_tag = "a"

    def __init__(self, *args, **kwargs):
        on_click = kwargs.pop("on_click", None)
        if isinstance(on_click, (list, tuple)):
            on_click = list(on_click).copy()
        else:
            on_click = [on_click] if on_click else []

        on_click.append(self.on_click)
        kwargs["on_click"] = on_click
        super().__init__(*args, **kwargs)

    def set_href(self, href):
        if issubclass(href, Page):
            args = self.args or {}
            self._resolved_href = self.page.router.reverse(href, **args)
        else:
            self._resolved_href = href

        self.attrs["href"] = self._resolved_href

    def on_click(self, event):
        if isinstance(self._resolved_href, str) and self._resolved_href[0] in "#/":
            # A path of this app: route to it without reloading.
            event.preventDefault()
            self.page.router.navigate_to_path(self._resolved_href)


@app.page("/pet/<pet_id>")
class PetPage(Page):
    props = ["pet_id"]

    def page_title(self):
        pet = pets.get(self.pet_id)
        return "%s \u00b7 Pets" % (pet["name"] if pet else "No such pet")

    def populate(self):
        pet = pets.get(self.pet_id)
        if pet is None:
            t.h1("No such pet")
        else:
            t.h1("Pet Information")
            with t.dl():
                for k in ("name", "type", "character"):   # MicroPython's dicts are unordered
                    t.dt(k)
                    t.dd(pet[k])
        t.link("Back to Homepage", href=DefaultPage, id="home")


@app.page()
class DefaultPage(Page):
    def page_title(self):
        return "Pet Listing \u00b7 Pets"

    def populate(self):
        t.h1("PuePy Routing Demo: Pet Listing")
        with t.ul():
            for pet_id in sorted(pets):
                pet_details = pets[pet_id]
                with t.li():
                    t.link(pet_details["name"], href=PetPage, args={"pet_id": pet_id}, id="pet-" + pet_id)


class NotFoundPage(Page):
    props = ["error"]

    def page_title(self):
        return "Not found \u00b7 Pets"

    def populate(self):
        t.h1("Not found", id="not-found")
        t.p("Nothing at %s." % self.application.current_path, id="missing")
        t.link("Back to Homepage", href=DefaultPage, id="home")


app.not_found_page = NotFoundPage
serve_app(app)
