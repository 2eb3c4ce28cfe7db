"""vdom.app Application, pages and Router: routes, params, query props, reverse, navigation,
Link, guards (precheck), error pages, page_title, storage."""

from vdom.app import Application, Page, Component, Prop, t, Router, Link, Redirect, NotFound, \
    Unauthorized, Forbidden
from vdom.app.router import url_quote, url_unquote, parse_query
from vdom.app.testing import mount, find, find1, text_of
from vdom.testing import raises
from renderers.mock import MockRenderer, inner_html


def make_app(link_mode="hash", base_path=None):
    class App(Application):
        def initial(self):
            return {"user": None}

    app = App()
    app.install_router(Router, link_mode=link_mode, base_path=base_path)
    log = []

    @app.page()
    class Home(Page):
        def page_title(self):
            return "Home"

        def populate(self):
            t.h1("home")
            t(Link, "Pets", href="/pets", id="to-pets")
            t.router_link("Pet 2", href="pet", args={"pet_id": 2}, id="to-pet")

    @app.page("/pets", name="pets")
    class PetList(Page):
        props = [Prop("tag", type=list), Prop("n", type=int, default=1)]

        def page_title(self):
            return "Pets p%d" % self.n

        def populate(self):
            t.h1("pets")
            t.p("page=%r tags=%r" % (self.n, self.tag))
            for i in (1, 2):
                t(Link, "pet %d" % i, href=PetDetail, args={"pet_id": i})

        def on_unmount(self):
            log.append("pets unmounted")

    @app.page("/pets/<pet_id>", name="pet")
    class PetDetail(Page):
        props = ["pet_id"]

        def populate(self):
            t.h1("pet " + self.pet_id)

    @app.page("/private")
    class Private(Page):
        def precheck(self):
            if not self.application.state["user"]:
                raise Redirect("/login")

        def populate(self):
            t.h1("secret for " + self.application.state["user"])

    @app.page("/login")
    class Login(Page):
        def populate(self):
            t.h1("login")
            t.button("log in", on_click=self.login)

        def login(self, e):
            self.application.state["user"] = "ann"
            self.router.navigate_to_path("/private")

    @app.page("/admin")
    class Admin(Page):
        def precheck(self):
            raise Forbidden()

    @app.page("/whoami")
    class WhoAmI(Page):
        def precheck(self):
            raise Unauthorized()

    @app.page("/gone")
    class Gone(Page):
        def populate(self):
            raise NotFound()

    @app.page("/broken")
    class Broken(Page):
        def populate(self):
            t.p("half")
            raise ZeroDivisionError("broken page")

    app.pages = {"PetDetail": PetDetail, "PetList": PetList}
    app.log = log
    r = MockRenderer()
    c = r.create_container()
    return app, r, c


def h1(c):
    return text_of(find1(c, "h1"))


def test_default_page_and_title_and_links_hash_mode():
    app, r, c = make_app()
    app.mount(c, renderer=r)
    assert h1(c) == "home"
    assert app.document_title == "Home"
    assert find1(c, "a", id="to-pets").attributes["href"] == "#/pets"
    assert find1(c, "a", id="to-pet").attributes["href"] == "#/pets/2"


def test_navigate_to_path_then_flush_shows_routed_page_with_params_and_query_props():
    app, r, c = make_app()
    app.mount(c, renderer=r)
    app.router.navigate_to_path("/pets/7")
    assert h1(c) == "home"
    app.flush()
    assert h1(c) == "pet 7"
    app.router.navigate_to_path("/pets?n=3&tag=a&tag=b%20c")
    app.flush()
    assert h1(c) == "pets"
    assert text_of(find1(c, "p")) == "page=3 tags=['a', 'b c']"
    assert app.document_title == "Pets p3"
    assert app.active_page.__class__.__name__ == "PetList"


def test_navigate_by_name_and_page_class_and_reverse():
    app, r, c = make_app()
    app.mount(c, renderer=r)
    router = app.router
    assert router.reverse("pet", pet_id=5) == "#/pets/5"
    assert router.reverse(app.pages["PetDetail"], pet_id="a b") == "#/pets/a%20b"
    assert router.reverse("pets", n=2) == "#/pets?n=2"
    assert router.reverse(app.default_page) == "#/"
    raises(KeyError, router.reverse, "nope")
    router.navigate_to_path("pet", pet_id=9)
    app.flush()
    assert h1(c) == "pet 9"
    router.navigate_to_path(app.pages["PetList"], n=4)
    app.flush()
    assert text_of(find1(c, "p")).startswith("page=4")


def test_mount_with_path_and_link_click_navigates_without_reload():
    app, r, c = make_app()
    app.mount(c, path="/pets", renderer=r)
    assert h1(c) == "pets"
    links = find(c, "a")
    assert [a.attributes["href"] for a in links] == ["#/pets/1", "#/pets/2"]
    ev = r.dispatch(links[1], "click")
    assert ev.default_prevented
    app.flush()
    assert h1(c) == "pet 2"
    assert app.log == ["pets unmounted"]


def test_html5_mode_hrefs_and_base_path():
    app, r, c = make_app("html5", base_path="/app")
    app.mount(c, path="/app/pets?n=2", renderer=r)
    assert h1(c) == "pets"
    assert [a.attributes["href"] for a in find(c, "a")] == ["/app/pets/1", "/app/pets/2"]
    r.dispatch(find(c, "a")[0], "click")
    app.flush()
    assert h1(c) == "pet 1"
    app.router.navigate_to_path("/app/")
    app.flush()
    assert h1(c) == "home"
    assert find1(c, "a", id="to-pets").attributes["href"] == "/app/pets"


def test_not_found_page_and_override():
    app, r, c = make_app()
    app.mount(c, path="/nowhere", renderer=r)
    assert h1(c) == "Error: Page not found"
    app.router.navigate_to_path("/gone")
    app.flush()
    assert h1(c) == "Error: Page not found"

    class My404(Page):
        props = ["error"]

        def populate(self):
            t.h1("custom 404")

    app.not_found_page = My404
    app.router.navigate_to_path("/nowhere/else")
    app.flush()
    assert h1(c) == "custom 404"


def test_guards_redirect_forbidden_unauthorized():
    app, r, c = make_app()
    app.mount(c, path="/private", renderer=r)
    assert h1(c) == "login"
    r.dispatch(find1(c, "button"), "click")
    app.flush()
    assert h1(c) == "secret for ann"
    app.router.navigate_to_path("/admin")
    app.flush()
    assert h1(c) == "Error: Forbidden"
    app.router.navigate_to_path("/whoami")
    app.flush()
    assert h1(c) == "Error: Unauthorized"


def test_guard_rechecked_when_app_state_changes_on_the_page():
    app, r, c = make_app()
    app.state["user"] = "bob"
    app.mount(c, path="/private", renderer=r)
    assert h1(c) == "secret for bob"
    app.state["user"] = None
    app.flush()
    app.flush()
    assert h1(c) == "login"


def test_page_failing_while_routed_shows_error_page_and_handle_error_override():
    app, r, c = make_app()
    app.mount(c, path="/broken", renderer=r)
    assert h1(c) == "Error: broken page"
    assert "ZeroDivisionError" in text_of(find1(c, "pre"))
    app.router.navigate_to_path("/pets/1")
    app.flush()
    assert h1(c) == "pet 1"

    seen = []

    class App2(Application):
        def handle_error(self, exception):
            seen.append(type(exception).__name__)
            Application.handle_error(self, exception)

    app2 = App2()
    app2.install_router(Router)

    @app2.page("/x")
    class X(Page):
        def populate(self):
            raise KeyError("x")

    r2 = MockRenderer()
    c2 = r2.create_container()
    app2.mount(c2, path="/x", renderer=r2)
    assert seen == ["KeyError"]
    assert text_of(find1(c2, "h1")).startswith("Error:")


def test_page_without_router_and_page_decorator_requires_router():
    app = Application()

    def deco():
        @app.page("/x")
        class X(Page):
            pass

    raises(ValueError, deco)


def test_storage_is_made_on_first_use_and_can_be_replaced():
    from vdom.app import MemoryStorage

    app = Application()
    assert app._vd.local_storage is None and app._vd.session_storage is None  # not opened at start
    st = app.local_storage
    assert st is app.local_storage and app._vd.session_storage is None
    mine = MemoryStorage("mine")
    app.session_storage = mine
    assert app.session_storage is mine

    class UsesIt(Application):
        def initial(self):
            return {"user": self.session_storage.get("user") or "nobody"}

    assert UsesIt().state["user"] == "nobody"


def test_storage_is_dict_like():
    app = Application()
    for st in (app.local_storage, app.session_storage):
        st["a"] = 1
        assert st["a"] == "1" and "a" in st and st.get("zz", 5) == 5
        assert st.setdefault("b", "x") == "x"
        assert sorted(st.keys()) == ["a", "b"]
        assert st.pop("a") == "1" and "a" not in st
        raises(KeyError, st.__getitem__, "a")
        st.update({"c": "3"})
        assert sorted(st.items()) == [("b", "x"), ("c", "3")]
        st.clear()
        assert len(st) == 0


def test_url_helpers():
    assert url_quote("a b/é") == "a%20b%2F%C3%A9"
    assert url_unquote("a%20b%2F%C3%A9") == "a b/é"
    assert parse_query("?x=1&x=2&y=a+b&z") == {"x": ["1", "2"], "y": ["a b"], "z": [""]}


def test_remount_and_active_page():
    app, r, c = make_app()
    app.mount(c, renderer=r)
    page = app.active_page
    app.remount("/pets/3")
    assert h1(c) == "pet 3" and app.active_page is not page


def test_redirect_raised_in_a_handler_navigates():
    app, r, c = make_app()

    @app.page("/go")
    class Go(Page):
        def populate(self):
            t.button("go", on_click=self.go)

        def go(self, e):
            raise Redirect("/pets/4")

    app.mount(c, path="/go", renderer=r)
    r.dispatch(find1(c, "button"), "click")
    app.flush()
    assert h1(c) == "pet 4"
    assert app.errors == []
