"""`python -m vdom new` + `build`, `dev`, `build --pwa` and the backend example, in Chromium under
MicroPython and Pyodide, offline: every request must stay on 127.0.0.1 (others are aborted and
fail the test), and the pages must log no console error.

The built app is served from a temporary folder by a plain static server (as any static host
would); `dev` is the command itself in a subprocess.
"""

import json
import os
import re
import subprocess
import sys
import threading

import pytest

from vdom.cli import main as cli
from vdom.cli import appkit

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
READY = 60_000


class Watch:
    def __init__(self, context, origin):
        self.requests, self.blocked, self.errors = [], [], []
        self.origin = origin

        def route(r):
            url = r.request.url
            if url.startswith(origin + "/") or url.startswith(("data:", "blob:")):
                self.requests.append(url[len(origin):])
                r.continue_()
            else:
                self.blocked.append(url)
                r.abort()

        context.route("**/*", route)

    def page(self, context):
        pg = context.new_page()
        pg.set_default_timeout(20_000)
        pg.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        pg.on("pageerror", lambda e: self.errors.append("pageerror: %s" % e))
        return pg

    def check(self):
        assert not self.blocked, "requests left 127.0.0.1: %r" % self.blocked
        assert not self.errors, "console errors: %r" % self.errors


class Served:
    """``with Served(browser, folder) as sv``: the folder on a static server (``sv.origin``),
    a fresh browser context (``sv.ctx``) and a ``Watch`` on it (``sv.watch``); ``sv.stop()``
    takes the server down (offline tests)."""

    def __init__(self, browser, folder):
        self.srv = appkit.serve_static(folder)
        self.origin = "http://127.0.0.1:%d" % self.srv.server_address[1]
        self.ctx = browser.new_context()
        self.watch = Watch(self.ctx, self.origin)
        self.stopped = False

    def page(self):
        return self.watch.page(self.ctx)

    def stop(self):
        if not self.stopped:
            self.stopped = True
            self.srv.shutdown()
            self.srv.server_close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.ctx.close()
        self.stop()


@pytest.fixture(scope="module")
def new_app(tmp_path_factory):
    """An app made by ``new``."""
    app = str(tmp_path_factory.mktemp("built") / "myapp")
    assert cli(["new", app]) == 0
    return app


@pytest.fixture(scope="module")
def built_app(new_app):
    """``new`` then ``build`` (.mpy for MicroPython) into a temporary folder, served on 127.0.0.1."""
    assert cli(["build", new_app, "-q"]) == 0
    srv = appkit.serve_static(os.path.join(new_app, "dist"))
    yield "http://127.0.0.1:%d" % srv.server_address[1]
    srv.shutdown()
    srv.server_close()


def drive_template_app(page):
    """What the generated app does: greet, count, route."""
    page.wait_for_selector("#app h1", timeout=READY)
    assert page.text_content("#app h1") == "Hello, world!"
    assert "Loading" not in page.text_content("#app")           # the placeholder went
    page.fill("#name", "Ann")
    page.wait_for_selector("h1:text-is('Hello, Ann!')")
    page.wait_for_function("document.title === 'Hello Ann'")
    page.click("button.counter")
    page.click("button.counter")
    page.wait_for_selector("button.counter:text-is('Clicks: 2')")
    page.click("nav a:text-is('About')")
    page.wait_for_selector("h1:text-is('About')")
    assert page.url.endswith("#/about")


@pytest.mark.parametrize("interp", ["mpy", "py"])
def test_built_app_runs_offline_under_both_interpreters(browser, built_app, interp):
    ctx = browser.new_context()
    watch = Watch(ctx, built_app)
    page = watch.page(ctx)
    page.goto(built_app + "/?" + interp)
    drive_template_app(page)
    watch.check()
    mods = [u for u in watch.requests if u.startswith(("/mpy/", "/py/"))]
    if interp == "mpy":       # the precompiled modules (in their bundle: tests/test_cli_app.py), no source
        assert mods == ["/mpy/modules.bundle"], mods
        assert page.evaluate("pyvdom.loader.bundles.mpy") == "./mpy/modules.bundle"
        assert watch.requests.count("/interpreters/micropython/micropython.wasm") == 1     # preloaded once
        assert not [u for u in watch.requests if "pyodide" in u]
    else:
        assert mods == ["/py/modules.bundle"], mods
        assert "/interpreters/pyodide/pyodide.asm.wasm" in watch.requests
    assert "/main.py" not in watch.requests                      # the entry's line is inline
    ctx.close()


def test_built_app_without_bundle_fetches_each_precompiled_module(browser, new_app, tmp_path):
    out = str(tmp_path / "files")
    assert cli(["build", new_app, "-o", out, "--no-bundle", "-q"]) == 0
    with Served(browser, out) as sv:
        page = sv.page()
        page.goto(sv.origin + "/?mpy")
        page.wait_for_selector("#app h1", timeout=READY)
        page.click("button.counter")
        page.wait_for_selector("button.counter:text-is('Clicks: 1')")
        sv.watch.check()
        mods = [u for u in sv.watch.requests if u.startswith(("/mpy/", "/py/"))]
        assert "/mpy/app.mpy" in mods and "/mpy/vdom/app/router.mpy" in mods and "/mpy/renderers/dom.mpy" in mods
        assert all(u.endswith(".mpy") for u in mods), mods
        assert "/mpy/vdom/app/testing.mpy" not in mods


# -- build --prerender ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def prerendered_app(new_app, tmp_path_factory):
    """The same ``new`` app built with ``--prerender`` (and the default module bundle)."""
    out = str(tmp_path_factory.mktemp("prerendered") / "dist")
    assert cli(["build", new_app, "-o", out, "--prerender", "-q"]) == 0
    srv = appkit.serve_static(out)
    yield "http://127.0.0.1:%d" % srv.server_address[1]
    srv.shutdown()
    srv.server_close()


# The entry's one line, plus what the test reads: the app's hydration report.
REPORT = ("import app  # the app (written by python -m vdom build)\nimport js, json\n"
          "js.window.__hydration = json.dumps(app.APP.hydration)\n")


@pytest.mark.parametrize("interp", ["mpy", "py"])
def test_prerendered_app_shows_first_then_hydrates_with_no_node_created(browser, prerendered_app, interp):
    ctx = browser.new_context()
    watch = Watch(ctx, prerendered_app)
    held = []

    def loader(route):         # the page's entry also reports app.APP.hydration
        r = route.fetch()
        body = r.text()
        line = json.dumps("import app  # the app (written by python -m vdom build)\n")
        assert line in body
        route.fulfill(response=r, body=body.replace(line, json.dumps(REPORT)))

    ctx.route("**/pyvdom.js", loader)
    ctx.route("**/micropython.mjs" if interp == "mpy" else "**/pyodide.mjs", lambda r: held.append(r))   # no Python yet
    page = watch.page(ctx)
    page.goto(prerendered_app + "/?" + interp, wait_until="domcontentloaded")
    # The server's render, before any Python ran: content, title, and the recorder of early events.
    assert page.text_content("#app h1") == "Hello, world!" and page.title() == "Hello myapp"
    assert page.evaluate("!!window.pyvdomEarly && window.__hydration === undefined")
    page.eval_on_selector_all("#app *", "els => els.forEach((e, i) => { e.__ssr = i + 1; })")
    page.evaluate("""() => { window.__added = []; new MutationObserver((ms) => { for (const m of ms)
        for (const n of m.addedNodes) window.__added.push(n.nodeName); }).observe(document.getElementById('app'),
        { childList: true, subtree: true }); }""")
    page.fill("#name", "Ann")                                   # typed before the app is live
    page.wait_for_function("window.pyvdomEarly.pending() > 0")
    page.wait_for_timeout(100)
    for r in held:
        r.continue_()
    try:
        page.wait_for_function("window.__hydration !== undefined", timeout=READY)
    except Exception:
        raise AssertionError("no hydration report: console errors %r, requests %r" % (watch.errors, watch.requests))
    report = json.loads(page.evaluate("window.__hydration"))
    assert report["created"] == 0 and report["mounted"] == 0 and report["mismatches"] == 0, report
    assert report["adopted"] >= 10 and report["replayed"] == 1, report
    # Not one element added to #app (the replayed typing sets the <h1>'s text: a text node at most).
    assert set(page.evaluate("window.__added")) <= {"#text"}, page.evaluate("window.__added")
    assert all(page.eval_on_selector_all("#app *", "els => els.map(e => !!e.__ssr)"))   # the server's nodes
    page.wait_for_selector("h1:text-is('Hello, Ann!')")          # the early typing, replayed
    page.click("button.counter")
    page.wait_for_selector("button.counter:text-is('Clicks: 1')")
    page.click("nav a:text-is('About')")
    page.wait_for_selector("h1:text-is('About')")
    watch.check()
    mods = [u for u in watch.requests if u.startswith(("/mpy/", "/py/"))]
    assert mods == ["/mpy/modules.bundle" if interp == "mpy" else "/py/modules.bundle"], mods
    ctx.close()


# -- dev -----------------------------------------------------------------------------------

@pytest.fixture
def dev_server(tmp_path):
    app = tmp_path / "devapp"
    assert cli(["new", str(app)]) == 0
    proc = subprocess.Popen([sys.executable, "-m", "vdom", "dev", str(app), "--port", "0"], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    line = proc.stdout.readline()
    m = re.search(r"(http://127\.0\.0\.1:\d+)/", line)
    if not m:
        proc.kill()
        raise RuntimeError("python -m vdom dev did not print its URL: %r" % (line + proc.stdout.read()))
    threading.Thread(target=proc.stdout.read, daemon=True).start()     # drain its log
    yield m.group(1), app
    proc.terminate()
    proc.wait(timeout=10)


def test_a_config_that_names_the_other_interpreter_is_explained(browser, dev_server):
    """The loader's check (of config files: a build passes its own inline): a Pyodide page given
    MicroPython's config says so in the page."""
    url, app = dev_server
    ctx = browser.new_context()
    watch = Watch(ctx, url)

    def swap(route):
        route.fulfill(path=None, status=200, content_type="application/json",
                      body='{"interpreter": "./interpreters/micropython/micropython.mjs", "files": {}}')

    ctx.route("**/config-py.json", swap)
    page = watch.page(ctx)
    page.goto(url + "/?py")
    page.wait_for_selector(".pyvdom-config-error", timeout=READY)
    text = page.text_content(".pyvdom-config-error")
    assert "names the MicroPython interpreter" in text and 'type="py"' in text and "pyodide.mjs" in text
    ctx.close()


def test_dev_reloads_on_change_and_shows_syntax_errors_until_fixed(browser, dev_server):
    url, app = dev_server
    ctx = browser.new_context()
    watch = Watch(ctx, url)
    page = watch.page(ctx)
    page.goto(url + "/?mpy")
    page.wait_for_selector("h1:text-is('Hello, world!')", timeout=READY)
    page.evaluate("window.__before = 1")
    src = (app / "app.py").read_text()
    (app / "app.py").write_text(src.replace('"Hello, %s!"', '"Howdy, %s!"'))
    page.wait_for_selector("h1:text-is('Howdy, world!')", timeout=READY)
    assert page.evaluate("window.__before") is None                     # a reload, not a patch
    (app / "app.py").write_text(src.replace("def inc(self, event):", "def inc(self, event)"))
    page.wait_for_selector("#vdom-dev-overlay", timeout=READY)
    text = page.text_content("#vdom-dev-overlay pre")
    assert "SyntaxError" in text and "app.py:" in text and "def inc(self, event)" in text
    (app / "app.py").write_text(src)
    page.wait_for_selector("h1:text-is('Hello, world!')", timeout=READY)
    assert page.query_selector("#vdom-dev-overlay") is None
    page.click("button.counter")
    page.wait_for_selector("button.counter:text-is('Clicks: 1')")
    watch.check()
    ctx.close()


# -- PWA -----------------------------------------------------------------------------------

def test_pwa_example_is_installable_and_starts_offline(browser, tmp_path):
    out = str(tmp_path / "pwa")
    assert cli(["build", os.path.join(ROOT, "examples", "pwa"), "-o", out, "--pwa", "-q"]) == 0
    srv = appkit.serve_static(out)
    origin = "http://127.0.0.1:%d" % srv.server_address[1]
    ctx = browser.new_context()
    try:
        blocked, errors = [], []
        ctx.on("request", lambda r: blocked.append(r.url) if not r.url.startswith((origin + "/", "data:", "blob:")) else None)
        page = ctx.new_page()
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(origin + "/")
        page.wait_for_selector("#app h1", timeout=READY)
        page.fill("#draft", "Buy milk")
        page.click("#add")
        page.wait_for_selector("#notes li .text:text-is('Buy milk')")
        # The worker installed (everything precached) and controls the page.
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        page.wait_for_function("navigator.serviceWorker.controller !== null")
        cdp = ctx.new_cdp_session(page)
        manifest = cdp.send("Page.getAppManifest")
        assert not manifest.get("errors"), manifest
        assert '"display": "standalone"' in manifest["data"]
        installability = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
        assert not [e for e in installability if e["errorId"] != "in-incognito"], installability
        # Offline: the server is gone too.
        ctx.set_offline(True)
        srv.shutdown()
        srv.server_close()
        page.reload()
        page.wait_for_selector("#notes li .text:text-is('Buy milk')", timeout=READY)
        page.fill("#draft", "Offline note")
        page.click("#add")
        page.wait_for_selector("#notes li .text:text-is('Offline note')")
        assert not blocked and not errors, (blocked, errors)
    finally:
        ctx.close()
        srv.server_close()


def test_pwa_with_prerendered_routes_opens_a_deep_link_offline(browser, tmp_path):
    # `new`'s app with html5 links, built with --pwa --prerender: about/index.html is precached
    # as ./about/, so /about/ and /about open offline, hydrate, and the app works.
    app = str(tmp_path / "deep")
    assert cli(["new", app]) == 0
    with open(os.path.join(app, "app.py")) as f:
        src = f.read()
    assert 'link_mode="hash"' in src
    with open(os.path.join(app, "app.py"), "w") as f:
        f.write(src.replace('link_mode="hash"', 'link_mode="html5"'))
    out = str(tmp_path / "dist")
    assert cli(["build", app, "-o", out, "--pwa", "--prerender", "-q"]) == 0
    assert os.path.exists(os.path.join(out, "about", "index.html"))
    with open(os.path.join(out, "sw.js")) as f:
        assert '"./about/"' in f.read()
    with Served(browser, out) as sv:
        page = sv.page()
        page.goto(sv.origin + "/")
        page.wait_for_selector("#app h1", timeout=READY)
        page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=READY)
        sv.ctx.set_offline(True)
        sv.stop()
        for path in ("/about/", "/about"):
            page.goto(sv.origin + path)
            assert page.text_content("#app h1") == "About"          # the prerendered page, from the cache
            page.wait_for_function("document.body.hasAttribute('data-py-ready') || !!window.pyvdomEarly")
        page.click("nav a:text-is('Home')")
        page.wait_for_selector("h1:text-is('Hello, world!')", timeout=READY)
        page.click("button.counter")
        page.wait_for_selector("button.counter:text-is('Clicks: 1')")
        sv.watch.check()


# -- the backend example -------------------------------------------------------------------

@pytest.fixture(scope="module")
def backend_build(tmp_path_factory):
    pytest.importorskip("flask")
    out = str(tmp_path_factory.mktemp("backend") / "dist")
    assert cli(["build", os.path.join(ROOT, "examples", "backend", "frontend"), "-o", out, "-q"]) == 0
    return out


@pytest.mark.parametrize("interp", ["mpy", "py"])
def test_backend_example_front_end_reads_and_writes_the_api(browser, backend_build, interp):
    from pagehelpers import load_example_module

    server = load_example_module(os.path.join(ROOT, "examples", "backend", "server.py"), "backend_example_server")
    from werkzeug.serving import make_server

    flask_app = server.create_app(dist=backend_build)
    srv = make_server("127.0.0.1", 0, flask_app, threaded=True)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    url = "http://127.0.0.1:%d" % srv.server_port
    api = flask_app.test_client()
    ctx = browser.new_context()
    try:
        watch = Watch(ctx, url)
        page = watch.page(ctx)
        page.goto(url + "/?" + interp)
        page.wait_for_selector("#items li", timeout=READY)
        assert page.eval_on_selector_all("#items .text", "els => els.map(e => e.textContent)") == [
            "Read the API in server.py", "Build the front end", "Ship it"]
        page.fill("#draft", "Milk")
        page.click("#add")
        page.wait_for_selector("li[data-id='4'] .text:text-is('Milk')")
        page.click("li[data-id='1'] .edit-btn")
        page.fill("li[data-id='1'] .edit-text", "Read it twice")
        page.click("li[data-id='1'] .save")
        page.wait_for_selector("li[data-id='1'] .text:text-is('Read it twice')")
        page.click("li[data-id='2'] .toggle")
        page.wait_for_selector("li[data-id='2'].done")
        page.click("li[data-id='3'] .delete")
        page.wait_for_selector("li[data-id='3']", state="detached")
        page.wait_for_selector("#count:text-is('3 items on the server')")
        assert api.get("/api/items").get_json() == [
            {"id": 1, "text": "Read it twice", "done": False}, {"id": 2, "text": "Build the front end", "done": True},
            {"id": 4, "text": "Milk", "done": False}]
        if interp == "mpy":                                  # what the server holds, read again
            page.reload()
            page.wait_for_selector("li[data-id='2'].done", timeout=READY)
            assert page.query_selector("li[data-id='3']") is None
        watch.check()
    finally:
        ctx.close()
        srv.shutdown()
