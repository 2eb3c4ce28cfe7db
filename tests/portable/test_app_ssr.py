"""vdom.app server rendering and hydration on the mock renderer (CPython, Pyodide, MicroPython).

The server renders with ``vdom.app.server.render_page``; the client side loads that HTML
into a mock container (``MockRenderer.load_html``, as a browser parses it) and mounts with
``hydrate=``: the same DOM as a client render, made of the server's nodes, the state
restored, then events, updates and the router work as usual.
"""

import json

from vdom.testing import raises
from vdom.app import Application, Page, Component, Prop, t, Router, Link, Redirect, NotFound
from vdom.app.server import render_page, json_script, json_text, early_events_script
from vdom.app.testing import find1, type_into, html, EarlyEvents, text_of
from renderers.mock import MockRenderer, walk


@t.component()
class SsrCounter(Component):
    props = [Prop("label", "what it counts")]

    def initial(self):
        return {"n": 0}

    def populate(self):
        t.span("%s: %d" % (self.label, self.state["n"]), classes="count")
        t.button("+", classes="inc", on_click=self.inc)

    def inc(self, event):
        self.state["n"] += 1


class SsrHome(Page):
    def initial(self):
        return {"name": "", "items": ["a", "b"], "note": None}

    def page_title(self):
        return "Hello %s" % (self.state["name"] or "you")

    def populate(self):
        t.h1("Hello %s" % (self.state["name"] or "you"))
        t.input(bind="name", id="name")
        with t.ul():
            for x in self.state["items"]:
                t.li(x, key=x)
        t("user: ", self.application.state["user"] or "nobody")
        t.ssr_counter(label="clicks")
        t(Link, "pet 2", href="pet", args={"pet_id": 2}, id="to-pet")
        with t.form(id="f", on_submit=self.submit):
            t.button("go", type="submit")

    def submit(self, event):
        event.preventDefault()
        with self.state.mutate("items") as items:
            items.append(self.state["name"] or "?")


class SsrPet(Page):
    props = [Prop("pet_id", type=int)]

    def precheck(self):
        if self.pet_id > 9:
            raise NotFound()

    def page_title(self):
        return "Pet %d" % self.pet_id

    def populate(self):
        t.h1("Pet %d" % self.pet_id, id="pet")


class SsrPrivate(Page):
    def precheck(self):
        if not self.application.state["user"]:
            raise Redirect("/", next="/private")

    def populate(self):
        t.h1("private")


class SsrApp(Application):
    watched = None

    def initial(self):
        return {"user": None}

    def on_user_change(self, value):
        self.watched = (self.watched or []) + [value]


def make_app(link_mode="html5"):
    app = SsrApp()
    app.install_router(Router, link_mode=link_mode)
    app.page("/", name="home")(SsrHome)
    app.page("/pets/<pet_id>", name="pet")(SsrPet)
    app.page("/private", name="private")(SsrPrivate)
    return app


def client_html(path, **kw):
    """What a client-only render shows (the reference DOM)."""
    app = make_app()
    r = MockRenderer()
    c = r.create_container()
    app.mount(c, path=path, renderer=r, **kw)
    return html(c)


def hydrated(page, early=None, app=None):
    """(app, renderer, container, nodes before) after loading the server's HTML and hydrating."""
    r = MockRenderer()
    c = r.create_container()
    r.load_html(c, page.html)
    before = walk(c)[1:]
    if early is not None:
        early = early(r, c)
    app = app or make_app()
    r.reset()
    app.mount(c, renderer=r, hydrate=json.loads(json_text(page.data)), early_events=early)
    return app, r, c, before


def elements(c):
    return [n for n in walk(c)[1:] if n.tag is not None and n.tag[:1] != "#"]


# -- the server ----------------------------------------------------------------------------

def test_render_page_markup_title_data_and_script():
    page = render_page(make_app(), "/", state={"user": "ann"}, page_state={"name": "Bo", "items": ["x"]})
    assert page.status == 200 and page.redirect is None and page.path == "/"
    assert page.title == "Hello Bo"
    assert "<h1>Hello Bo</h1>" in page.html and 'value="Bo"' in page.html
    assert "user: <!--,-->ann" in page.html          # hydratable: adjacent texts are kept apart
    d = page.data
    assert d["v"] == 1 and d["path"] == "/" and d["page"] == "SsrHome" and d["title"] == "Hello Bo"
    assert d["state"] == {"user": "ann"}
    assert d["page_state"] == {"name": "Bo", "items": ["x"], "note": None}
    assert d["page_kwargs"] == {}
    start = page.state_script.index(">") + 1
    assert json.loads(page.state_script[start:-len("</script>")]) == d
    assert page.state_script.startswith('<script type="application/json" id="vdom-app-state">')
    assert page.head == page.early_script + page.css + page.state_script
    assert page.early_script == early_events_script()
    # The app and page state the server gave won over initial(), and no watcher ran for them.
    assert page.errors == []


def test_state_cannot_close_the_script_element():
    nasty = "</script><script>alert(1)</script><!-- \u2028\u2029 & <\\/SCRIPT> \U0001F600 caf\u00e9"
    s = json_script({"x": nasty, "</script>": [nasty]})
    body = s[s.index(">") + 1:-len("</script>")]
    low = body.lower()
    assert "<" not in body and ">" not in body and "&" not in body
    assert "\u2028" not in body and "\u2029" not in body and "</script" not in low and "<!--" not in low
    assert json.loads(body) == {"x": nasty, "</script>": [nasty]}
    page = render_page(make_app(), "/", state={"user": nasty})
    assert page.state_script.count("</script>") == 1
    assert json.loads(json_text(page.data))["state"]["user"] == nasty


def test_bad_state_is_refused_with_the_place_named():
    e = raises(TypeError, render_page, make_app(), "/", {"user": {"when": {1, 2}}})
    assert "state['user']['when']" in str(e) and "set" in str(e)
    e = raises(TypeError, render_page, make_app(), "/", {"user": {3: "x"}})
    assert "state['user']" in str(e) and "JSON keys are strings" in str(e)
    e = raises(ValueError, render_page, make_app(), "/", None, {"items": [1.0, float("nan")]})
    assert "page_state['items'][1]" in str(e) and "NaN" in str(e)
    raises(TypeError, render_page, make_app(), "/", ["user"])
    raises(ValueError, render_page, make_app(), "/", None, None, None, None, 'x" onload="')
    raises(ValueError, render_page, make_app(), "/", None, None, None, None, "vdom-app-state", "a b")
    # State a page builds in populate()/initial() that JSON cannot carry: refused too.
    app = make_app()
    app.state["tags"] = {"a"}
    e = raises(TypeError, render_page, app, "/")
    assert "app.state['tags']" in str(e)
    app = make_app()
    render_page(app, "/")
    e = raises(ValueError, render_page, app, "/")
    assert "one per request" in str(e)


def test_redirects_and_error_status():
    page = render_page(make_app(), "/private")
    assert page.redirect == "/?next=%2Fprivate" and page.path == "/?next=%2Fprivate"
    assert page.title == "Hello you" and page.status == 200
    page = render_page(make_app(), "/private", state={"user": "ann"})
    assert page.redirect is None and "<h1>private</h1>" in page.html
    assert render_page(make_app(), "/pets/12").status == 404
    assert render_page(make_app(), "/nowhere").status == 404
    assert render_page(make_app("hash"), "/private").redirect is None   # the server cannot redirect a hash


def test_document_fills_a_template_and_escapes_values():
    page = render_page(make_app(), "/pets/3")
    doc = page.document()
    assert doc.startswith("<!doctype html>") and "<title>Pet 3</title>" in doc
    assert '<div id="app">' + page.html + "</div>" in doc and page.state_script in doc
    doc = page.document("<title>{{title}}</title>{{head}}<main id={{app_id}}>{{app}}</main>{{x}}{{y}}",
                        app_id="main", x='"><script>', y=page)
    assert doc.endswith('<main id=main>%s</main>&quot;&gt;&lt;script&gt;%s' % (page.html, page.html))
    raises(ValueError, page.document, "<p>no app</p>")
    e = raises(ValueError, page.document, "{{app}}{{missing}}")
    assert "missing" in str(e)


# -- hydration -----------------------------------------------------------------------------

def test_hydration_adopts_every_node_and_shows_what_a_client_render_shows():
    page = render_page(make_app(), "/", state={"user": "ann"}, page_state={"name": "Bo"})
    app, r, c, before = hydrated(page)
    assert app.hydration["created"] == 0 and app.hydration["mismatches"] == 0
    assert app.hydration["removed"] == 0 and app.hydration["adopted"] > 10
    assert r.count("create_element") == 0 and r.count("create_text") == 0 and r.count("insert") == 0
    for n in walk(c)[1:]:
        assert n in before                        # every node is the server's (markers may go)
    # The same elements and texts as a client render of the same state.
    ref = MockRenderer()
    rc = ref.create_container()
    ref_app = make_app()
    ref_app.state["user"] = "ann"
    ref_app.mount(rc, path="/", renderer=ref)
    ref_app.active_page.state["name"] = "Bo"
    ref_app.flush()
    assert [n.tag for n in elements(c)] == [n.tag for n in elements(rc)]
    assert [n.attributes for n in elements(c)] == [n.attributes for n in elements(rc)]
    assert text_of(c) == text_of(rc)
    # State restored, silently (no watcher for the server's values), title set.
    assert app.state["user"] == "ann" and app.watched is None
    assert app.active_page.state["name"] == "Bo" and app.document_title == "Hello Bo"
    assert find1(c, "input").value == "Bo"


def test_hydrated_app_handles_events_updates_and_routes():
    page = render_page(make_app(), "/")
    app, r, c, before = hydrated(page)
    button = find1(c, "button", text="+")
    assert button in before
    r.dispatch(button, "click")
    app.flush()
    assert find1(c, "span").attributes == {"class": "count"} and text_of(find1(c, "span")) == "clicks: 1"
    field = find1(c, "input")
    type_into(r, field, "Cy")
    app.flush()
    assert text_of(find1(c, "h1")) == "Hello Cy" and app.document_title == "Hello Cy"
    assert find1(c, "h1") in before                    # patched in place
    r.dispatch(find1(c, "form"), "submit")
    app.flush()
    assert [text_of(li) for li in walk(c) if li.tag == "li"] == ["a", "b", "Cy"]
    # The router: a Link click navigates to another page.
    r.dispatch(find1(c, "a", id="to-pet"), "click")
    app.flush()
    assert text_of(find1(c, "h1")) == "Pet 2" and app.document_title == "Pet 2"
    assert html(c) == client_html("/pets/2")
    app.router.navigate_to_path("/")
    app.flush()
    assert text_of(find1(c, "h1")) == "Hello you"


def test_early_events_are_replayed_on_the_adopted_nodes():
    page = render_page(make_app(), "/")

    def early(r, c):
        rec = EarlyEvents(r)
        field = find1(c, "input")
        for s in ("D", "Di", "Dot"):                  # typed before the app was live
            field.value = s
            rec.record(field, "input")
        rec.record(find1(c, "button", text="+"), "click")
        rec.record(find1(c, "button", text="+"), "click")
        rec.record(find1(c, "form"), "submit")
        return rec

    app, r, c, before = hydrated(page, early)
    assert app.hydration["created"] == 0
    assert app.hydration["replayed"] == 4             # three inputs on one field count once
    assert find1(c, "input").value == "Dot"           # hydration kept what was typed
    assert app.active_page.state["name"] == "Dot"
    assert text_of(find1(c, "h1")) == "Hello Dot"
    assert text_of(find1(c, "span")) == "clicks: 2"
    assert [text_of(li) for li in walk(c) if li.tag == "li"] == ["a", "b", "Dot"]


def test_hydrate_restores_the_server_path_and_route_props():
    page = render_page(make_app(), "/pets/7")
    app, r, c, before = hydrated(page)
    assert app.active_page.__class__ is SsrPet and app.active_page.pet_id == 7
    assert app.hydration["created"] == 0 and text_of(find1(c, "h1")) == "Pet 7"
    # The page's state is restored only on the page class the server rendered.
    data = dict(page.data)
    data["page"] = "SsrHome"
    data["page_state"] = {"pet_id": 1}
    app2 = make_app()
    r2 = MockRenderer()
    c2 = r2.create_container()
    r2.load_html(c2, page.html)
    app2.mount(c2, renderer=r2, hydrate=data)
    assert "pet_id" not in app2.active_page.state


def test_a_mismatch_is_repaired_and_reported_in_development():
    page = render_page(make_app(), "/", page_state={"name": "Bo"})
    r = MockRenderer()
    c = r.create_container()
    r.load_html(c, page.html.replace("<h1>Hello Bo</h1>", "<h1>Hello Zed</h1>"))
    app = make_app()
    app.development = True
    app.mount(c, renderer=r, hydrate=page.data)
    assert app.hydration["mismatches"] >= 1
    assert text_of(find1(c, "h1")) == "Hello Bo"


def test_hydrate_refuses_bad_data_clearly():
    app = make_app()
    r = MockRenderer()
    c = r.create_container()
    e = raises(ValueError, app.mount, c, None, r, None, True)
    assert "vdom-app-state" in str(e) and "browser" in str(e)
    e = raises(ValueError, app.mount, c, None, r, None, "{not json")
    assert "not valid JSON" in str(e)
    e = raises(ValueError, app.mount, c, None, r, None, {"v": 99})
    assert "version 99" in str(e)
    e = raises(TypeError, app.mount, c, None, r, None, {"v": 1, "state": [1]})
    assert "'state'" in str(e)
    raises(TypeError, app.mount, c, None, r, None, 42)


def test_hydrate_auto_outside_a_browser_renders_afresh():
    # "auto" hydrates only when the page holds the state script; without a browser there is
    # none, so the app mounts as usual (the container's placeholder goes).
    from vdom.app.hydration import load_data

    assert load_data("auto") is None


def test_after_hydration_a_trailing_slash_is_the_same_route():
    # A static host serves about/index.html at /about and /about/: hydrating there must not
    # route again (which would drop the page's state and the replayed input).
    from vdom.app.application import _other_path

    assert not _other_path("/about/", "/about") and not _other_path("/about", "/about/")
    assert _other_path("/about", "/") and _other_path("/x", None)
