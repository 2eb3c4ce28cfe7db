"""The gallery's server-rendered pages (``examples/ssr_pages.py``) in Chromium, under MicroPython
and Pyodide: content at first paint, hydration (the server's nodes adopted, none created),
events made before the interpreter was ready replayed, routing and state after.

The interpreter's module is held back (a route that answers only when the test says so), so
the tests look at the page and act on it while no Python has run, deterministically.  As in
every browser test (conftest.py), a request leaving 127.0.0.1, a console error or a traceback
fails the test.
"""

import base64
import hashlib
import json
import os
import urllib.error
import urllib.parse
import urllib.request

import pytest

from pagehelpers import stats

INTERPS = pytest.mark.parametrize("interp", ["mpy", "py"])
INTERPRETER_URL = {"mpy": "**/micropython.mjs", "py": "**/pyodide.mjs"}
READY = 60_000


class Held:
    """Holds the interpreter's module request until ``release()``: no Python runs before."""

    def __init__(self, page, interp):
        self.routes = []
        self.open = False
        page.route(INTERPRETER_URL[interp], self.hold)

    def hold(self, route):
        if self.open:
            route.continue_()
        else:
            self.routes.append(route)

    def release(self):
        self.open = True
        for r in self.routes:
            r.continue_()
        self.routes = []


def goto_held(page, url, interp):
    held = Held(page, interp)
    page.goto(url, wait_until="domcontentloaded")
    return held


@pytest.fixture(autouse=True)
def signed_out(page):
    """Leave no signed-in user (cookie, localStorage) to the next test of the shared context."""
    yield
    page.context.clear_cookies()
    if not page.is_closed() and page.url.startswith("http"):
        page.evaluate("localStorage.removeItem('user')")


def not_ready(page):
    return page.evaluate("!document.body.hasAttribute('data-py-ready') && !!window.pyvdomEarly")


def mark(page, selector):
    """Give every element matching ``selector`` a JS property (kept only by the same node)."""
    page.eval_on_selector_all(selector, "els => els.forEach((e, i) => { e.__ssr = i + 1; })")


def marks(page, selector):
    return page.eval_on_selector_all(selector, "els => els.map(e => e.__ssr || null)")


def ready(page):
    page.wait_for_selector("body[data-py-ready]", timeout=READY)


def fetch(url, cookie=None):
    """(status, Location, body) without following redirects."""
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *a, **k):
            return None

    req = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.build_opener(NoRedirect).open(req) as resp:
            return resp.status, resp.headers.get("Location"), resp.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Location"), e.read().decode()


def state_of(body):
    start = body.index('<script type="application/json" id="vdom-app-state">') + 52
    return json.loads(body[start:body.index("</script>", start)])


# -- the server: status codes, redirects, state -------------------------------------------

def test_server_answers_routes_redirects_and_not_found(origin):
    base = origin + "/examples/ssr-router/mpy"
    status, loc, body = fetch(base + "/pets/2")
    assert status == 200 and "<h1>Tom</h1>" in body and "<title>Tom \u00b7 Pets</title>" in body
    assert state_of(body)["path"] == "/examples/ssr-router/mpy/pets/2"
    assert '<script type="mpy" src="/examples/app-router/ssr.py" config="/examples/mpy.json">' in body
    # A guarded page: the precheck's Redirect is an HTTP 303 to the login page (under the base path).
    assert fetch(base + "/account")[:2] == (303, "/examples/ssr-router/mpy/login?next=%2Faccount")
    # Signed in (the cookie the app writes): the account page itself.
    status, loc, body = fetch(base + "/account", cookie="pets-user=al%3Cice")
    assert status == 200 and "<h1>Account of al&lt;ice</h1>" in body
    assert state_of(body)["state"] == {"user": "al<ice"}
    assert "al<ice" not in body.split("vdom-app-state")[1]      # escaped in the JSON too (\u003c)
    status, loc, body = fetch(base + "/nowhere")
    assert status == 404 and 'id="not-found"' in body
    assert fetch(origin + "/examples/ssr-router/")[:2] == (303, "/examples/ssr-router/mpy/")
    # A cookie that is not a todo list renders an empty one (checked, never trusted).
    status, loc, body = fetch(origin + "/examples/ssr-todomvc/py/", cookie="todos-vdom-app-ssr=%5B1%2C2%5D")
    assert status == 200 and state_of(body)["page_state"]["todos"] == []


# -- ssr-router ---------------------------------------------------------------------------

@INTERPS
def test_ssr_router_content_first_then_hydrated_and_routing(page, origin, interp):
    base = "%s/examples/ssr-router/%s" % (origin, interp)
    held = goto_held(page, base + "/pets?sort=desc", interp)
    # Before any Python: the server's markup is the page.
    assert not_ready(page)
    assert page.text_content("#app h1") == "All pets"
    assert page.eval_on_selector_all("#pets li", "els => els.map(e => e.textContent)") == ["Tom", "Rex", "Nemo", "Felix"]
    assert page.title() == "All pets (desc) \u00b7 Pets"
    mark(page, "#app *")
    n = page.eval_on_selector_all("#app *", "els => els.length")
    page.evaluate("window.__noReload = 1")
    held.release()
    ready(page)
    # Hydrated: every element is the server's (same JS objects), none created, none removed.
    assert marks(page, "#app *") == list(range(1, n + 1))
    h = stats(page)["hydration"]
    assert h["created"] == 0 and h["removed"] == 0 and h["mismatches"] == 0 and h["adopted"] > 20, h
    # The app is live: a Link navigates with pushState (no reload), the server's state is restored.
    page.click("#cats-desc")
    page.wait_for_function("document.querySelector('#sorting').textContent.startsWith('sorted desc, only cats')")
    assert page.url == base + "/pets?sort=desc&species=cat"
    page.click('a.pet[data-id="2"]')
    page.wait_for_function("document.querySelector('#app h1').textContent === 'Tom'")
    assert page.url == base + "/pets/2" and page.title() == "Tom \u00b7 Pets"
    page.go_back()
    page.wait_for_function("document.querySelector('#app h1').textContent === 'All pets'")
    assert page.evaluate("window.__noReload") == 1
    assert stats(page)["errors"] == 0


@INTERPS
def test_ssr_router_early_typing_is_kept_and_replayed(page, origin, interp):
    base = "%s/examples/ssr-router/%s" % (origin, interp)
    held = goto_held(page, base + "/login?next=%2Faccount", interp)
    assert not_ready(page)
    assert page.text_content("#app h1") == "Log in"
    assert page.is_disabled("#login-btn")                 # the server rendered username == ""
    # Typed before Python runs; Enter does nothing yet (the server's button is disabled, so the
    # browser submits nothing), as without the recorder.
    page.fill("#username", "alice")
    page.press("#username", "Enter")
    assert page.evaluate("pyvdomEarly.pending()") == 3      # input, keydown Enter, change
    held.release()
    ready(page)
    # Replayed: the typed value stayed in the field, the bound state caught up, the button is enabled.
    page.wait_for_selector("#login-btn:enabled")
    assert page.input_value("#username") == "alice"
    assert page.text_content("#app h1") == "Log in"
    assert stats(page)["hydration"]["replayed"] == 3
    page.click("#login-btn")
    page.wait_for_function("document.querySelector('#app h1').textContent === 'Account of alice'")


@INTERPS
def test_ssr_router_early_submit_is_held_and_replayed(page, origin, interp):
    base = "%s/examples/ssr-router/%s" % (origin, interp)
    held = goto_held(page, base + "/login?next=%2Faccount", interp)
    page.fill("#username", "alice")
    page.evaluate("window.__noReload = 1")
    page.evaluate("document.querySelector('#login').requestSubmit()")   # the form's submit event
    assert page.evaluate("pyvdomEarly.pending()") == 2       # input, submit (its default prevented)
    assert page.url == base + "/login?next=%2Faccount"
    held.release()
    ready(page)
    # Replayed in order: the input brought the state up to date, the submit logged in and navigated.
    page.wait_for_function("document.querySelector('#app h1').textContent === 'Account of alice'")
    assert page.url == base + "/account"
    assert page.evaluate("window.__noReload") == 1
    assert page.evaluate("localStorage.getItem('user')") == "alice"
    assert stats(page)["hydration"]["replayed"] >= 2
    # The cookie the app wrote: the server now renders the account page itself.
    page.reload(wait_until="domcontentloaded")
    assert page.text_content("#app h1") == "Account of alice"
    ready(page)
    page.click("#logout")
    page.wait_for_function("document.querySelector('#app h1').textContent === 'Pets'")
    assert page.url == base + "/"


# -- ssr-todomvc --------------------------------------------------------------------------

TODOS = [{"id": 1, "title": "Read <the> README", "completed": False},
         {"id": 2, "title": "Write a test", "completed": True},
         {"id": 3, "title": "Ship it", "completed": False}]


def set_todos(page, origin, todos):
    page.context.add_cookies([{"name": "todos-vdom-app-ssr", "url": origin + "/",
                               "value": urllib.parse.quote(json.dumps(todos), safe="")}])


def labels(page):
    return page.eval_on_selector_all(".todo-list li label", "els => els.map(e => e.textContent)")


@INTERPS
def test_ssr_todomvc_early_click_toggle_and_typing(page, origin, interp):
    set_todos(page, origin, TODOS)
    try:
        held = goto_held(page, "%s/examples/ssr-todomvc/%s/" % (origin, interp), interp)
        assert not_ready(page)
        assert labels(page) == ["Read <the> README", "Write a test", "Ship it"]
        assert page.text_content(".todo-count") == "2 items left"
        assert page.is_visible(".clear-completed")
        mark(page, ".todo-list li")
        # Before Python: tick item 3, delete item 1 (a click), type a new todo and press Enter.
        page.check(".todo-list li:nth-child(3) .toggle")
        page.hover(".todo-list li:nth-child(1)")
        page.click(".todo-list li:nth-child(1) .destroy")
        page.fill(".new-todo", "Buy milk")
        page.press(".new-todo", "Enter")
        page.check(".todo-list li:nth-child(3) .toggle")       # already ticked: no second change
        assert not_ready(page)
        assert labels(page) == ["Read <the> README", "Write a test", "Ship it"]   # nothing ran yet
        held.release()
        ready(page)
        page.wait_for_function("document.querySelectorAll('.todo-list li').length === 3")
        assert labels(page) == ["Write a test", "Ship it", "Buy milk"]
        assert marks(page, ".todo-list li") == [2, 3, None]    # the server's nodes, one new
        assert page.is_checked(".todo-list li:nth-child(2) .toggle")
        assert page.text_content(".todo-count") == "1 item left"
        assert page.input_value(".new-todo") == ""
        h = stats(page)["hydration"]
        assert h["created"] == 0 and h["mismatches"] == 0 and h["replayed"] >= 4, h
        # Live: toggle all, and the cookie keeps the list for the server.
        page.click("label[for='toggle-all']")              # the label is what a user clicks
        page.wait_for_function("document.querySelector('.todo-count').textContent === '0 items left'")
        saved = page.evaluate("document.cookie")
        assert "todos-vdom-app-ssr=" in saved
        page.reload(wait_until="domcontentloaded")
        assert labels(page) == ["Write a test", "Ship it", "Buy milk"]
        assert page.eval_on_selector_all(".todo-list li", "els => els.map(e => e.className)") == ["completed"] * 3
        ready(page)
        assert stats(page)["hydration"]["created"] == 0
    finally:
        page.context.clear_cookies()


@INTERPS
def test_ssr_todomvc_hash_filter_applies_after_hydration(page, origin, interp):
    set_todos(page, origin, TODOS)
    try:
        page.goto("%s/examples/ssr-todomvc/%s/#/completed" % (origin, interp), wait_until="domcontentloaded")
        assert len(labels(page)) == 3                         # the server cannot see the hash
        ready(page)
        page.wait_for_function("document.querySelectorAll('.todo-list li').length === 1")
        assert labels(page) == ["Write a test"]
        assert page.get_attribute(".filters a.selected", "href") == "#/completed"
    finally:
        page.context.clear_cookies()


# -- the recorder under a Content-Security-Policy -----------------------------------------

def test_early_events_recorder_runs_under_a_csp_hash(page, origin):
    from vdom.app.server import early_events_script, early_events_csp

    js_hash = early_events_csp()
    # The hash is the one of the script text a page carries (as a browser computes it).
    status, loc, body = fetch(origin + "/examples/ssr-todomvc/mpy/")
    start = body.index("<script>") + 8
    text = body[start:body.index("</script>", start)]
    assert js_hash == "'sha256-%s'" % base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
    html = "<!doctype html><title>csp</title>%s<button id=b>b</button>" % early_events_script()
    violations = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page.route(origin + "/csp-test", lambda r: r.fulfill(
        status=200, body=html, headers={"Content-Type": "text/html",
                                        "Content-Security-Policy": "script-src %s" % js_hash}))
    page.goto(origin + "/csp-test")
    page.click("#b")
    assert page.evaluate("window.pyvdomEarly.pending()") == 1
    assert violations == []


# -- examples/server (Flask) ----------------------------------------------------------------

@pytest.fixture(scope="module")
def flask_url():
    """flask_url(interp): the URL of ``examples/server`` (Flask, in a thread) for that interpreter."""
    import sys
    import threading
    from werkzeug.serving import make_server

    from pagehelpers import load_example_module, ROOT

    server = load_example_module(os.path.join(ROOT, "examples", "server", "server.py"), "ssr_example_server")

    servers = {}

    def start(interp):
        if interp not in servers:
            srv = make_server("127.0.0.1", 0, server.create_app(interp), threaded=True)
            threading.Thread(target=srv.serve_forever, daemon=True).start()
            servers[interp] = srv
        return "http://127.0.0.1:%d" % servers[interp].server_port

    yield start
    for srv in servers.values():
        srv.shutdown()


@INTERPS
def test_flask_example_renders_hydrates_and_calls_the_api(page, flask_url, interp):
    url = flask_url(interp)
    page.route(url + "/**", lambda r: r.continue_())            # the example's own origin
    held = Held(page, interp)
    page.goto(url + "/active", wait_until="domcontentloaded")
    assert page.eval_on_selector_all("#todos .text", "els => els.map(e => e.textContent)")[:2] == [
        "Render on the server", "Hydrate in the browser"]
    page.fill("#title", "Early bird")                            # typed before Python runs
    held.release()
    page.wait_for_selector("body[data-py-ready]", timeout=READY)
    page.wait_for_selector("#add")
    page.evaluate("window.sameDocument = true")
    page.click("#add")
    page.wait_for_function("[...document.querySelectorAll('#todos .text')].some(e => e.textContent === 'Early bird')")
    # the async handler's preventDefault() (before its first await) stopped the native submit
    assert page.evaluate("window.sameDocument === true") and page.url == url + "/active"
    assert page.input_value("#title") == ""
    assert "Early bird" in [x["title"] for x in json.loads(urllib.request.urlopen(url + "/api/todos").read())]
    page.click('#todos li:last-child .toggle')
    page.wait_for_function("!document.querySelector('#todos li:last-child') || "
                           "document.querySelector('#todos li:last-child .text').textContent !== 'Early bird'")
    page.click("#show-completed")
    page.wait_for_selector("#todos li")
    assert "Early bird" in page.eval_on_selector_all("#todos .text", "els => els.map(e => e.textContent)")
    assert page.url == url + "/completed"
    page.click("#todos li:last-child .delete")
    page.wait_for_function("![...document.querySelectorAll('#todos .text')].some(e => e.textContent === 'Early bird')")
