"""End-to-end tests of the examples gallery in Debian's Chromium (pytest-playwright).

Collected only when ``PYVDOM_BROWSER=1`` (``TEST_STAGES=browser bash scripts/test.sh``
sets it): the default CPython and Pyodide runs skip this directory, which
needs Playwright and a browser.

    PYVDOM_BROWSER=1 .venv/bin/python -m pytest tests/browser -q

One Chromium and one browser context (so one HTTP cache: Pyodide's 13 MB are
fetched once) serve the whole session; every test gets a fresh page.  The
gallery is served by the README's command itself (``python3 -m examples``).
Every page must stay on 127.0.0.1 (other requests are aborted and fail the
test) and must end with no console error, no page error and no Python
traceback.  Chromium is ``$CHROMIUM_PATH`` (default ``/usr/bin/chromium``):
never ``playwright install``.
"""

import os
import re
import subprocess
import sys
import time

ENABLED = os.environ.get("PYVDOM_BROWSER", "") not in ("", "0")

if not ENABLED:
    # Not even imported: pytest skips every file of this directory.
    collect_ignore_glob = ["*"]
else:
    import pytest

    ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    CHROMIUM_ARGS = [
        "--no-sandbox", "--disable-gpu", "--headless", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ]
    INTERPRETERS = ("mpy", "py")
    READY_TIMEOUT = 60_000

    # Installed before any page script: counts live DOM event listeners (on targets in the
    # document), so tests can check that re-renders do not pile them up (no
    # getEventListeners outside DevTools).
    LISTENER_COUNTER = """
    (() => {
      const P = EventTarget.prototype, add = P.addEventListener, rem = P.removeEventListener;
      const live = new Map();   // target -> Set of "type" + listener identity
      let n = 0;
      const ids = new WeakMap(); let next = 1;
      const id = (f) => { if (!ids.has(f)) ids.set(f, next++); return ids.get(f); };
      P.addEventListener = function (type, f, opts) {
        if (f) { let s = live.get(this); if (!s) live.set(this, s = new Set());
                 const k = type + "#" + id(f); if (!s.has(k)) { s.add(k); n++; } }
        return add.call(this, type, f, opts);
      };
      P.removeEventListener = function (type, f, opts) {
        if (f) { const s = live.get(this); const k = type + "#" + id(f);
                 if (s && s.has(k)) { s.delete(k); n--; } }
        return rem.call(this, type, f, opts);
      };
      // Listeners on targets still in the document (an unmounted element's listeners go
      // with it: the renderer releases its proxy without a removeEventListener call).
      window.__liveListeners = () => {
        let c = 0;
        for (const [t, s] of live) if (!(t instanceof Node) || t.isConnected) c += s.size;
        return c;
      };
    })();
    """

    @pytest.fixture(scope="session")
    def browser_type_launch_args(browser_type_launch_args):
        return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}

    @pytest.fixture(scope="session")
    def gallery_url():
        """Start ``python -m examples --port 0`` (the README's command) and return its URL."""
        proc = subprocess.Popen([sys.executable, "-m", "examples", "--port", "0", "--no-npm"], cwd=ROOT,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        line = proc.stdout.readline()
        m = re.search(r"(http://127\.0\.0\.1:\d+/examples/)", line)
        if not m:
            proc.kill()
            raise RuntimeError("python -m examples did not print its URL: %r %r" % (line, proc.stdout.read()))
        yield m.group(1)
        proc.terminate()
        proc.wait(timeout=10)

    @pytest.fixture(scope="session")
    def origin(gallery_url):
        return gallery_url.rsplit("/examples/", 1)[0]

    class Watch:
        """What a page did that it must not: requests off 127.0.0.1, console errors, tracebacks."""

        def __init__(self):
            self.blocked = []
            self.errors = []

        def check(self, page):
            tracebacks = page.evaluate(
                "() => [...document.querySelectorAll('.py-error, py-error')].map(e => e.textContent)"
                ".concat(document.body.innerText.includes('Traceback (most recent call last)') ? ['Traceback in page'] : [])")
            assert not self.blocked, "requests left 127.0.0.1: %r" % self.blocked
            assert not self.errors, "console errors: %r" % self.errors
            assert not tracebacks, "Python errors shown on the page: %r" % tracebacks

    @pytest.fixture(scope="session")
    def shared_context(browser, origin):
        """One context for the session: its HTTP cache makes the second Pyodide page fast."""
        ctx = browser.new_context()
        ctx.add_init_script(LISTENER_COUNTER)
        state = {"watch": None}

        def route(r):
            url = r.request.url
            if url.startswith(origin + "/") or url.startswith(("data:", "blob:")):
                r.continue_()
            else:
                if state["watch"] is not None:
                    state["watch"].blocked.append(url)
                r.abort()

        ctx.route("**/*", route)
        ctx._pyvdom_state = state
        yield ctx
        ctx.close()

    @pytest.fixture
    def page(shared_context):
        """A fresh page; at teardown it must have made no off-host request and logged no error."""
        watch = Watch()
        shared_context._pyvdom_state["watch"] = watch
        pg = shared_context.new_page()
        pg.set_default_timeout(15_000)
        pg.on("console", lambda m: watch.errors.append(m.text) if m.type == "error" else None)
        pg.on("pageerror", lambda e: watch.errors.append("pageerror: %s" % e))
        pg._watch = watch
        yield pg
        try:
            if not pg.is_closed():
                watch.check(pg)
        finally:
            shared_context._pyvdom_state["watch"] = None
            pg.close()

    @pytest.fixture
    def open_example(page, gallery_url):
        """open_example("todo", "mpy") -> the page, after the app's first render.

        One page per example (``todo/index.html``); the query picks the interpreter
        (``todo/?mpy``, ``todo/?py``) and ``examples/loader.js`` adds the PyScript script."""
        def go(name, interp):
            t0 = time.perf_counter()
            page.goto("%s%s/?%s" % (gallery_url, name, interp))
            page.wait_for_selector("body[data-py-ready]", timeout=READY_TIMEOUT)
            page._ready_s = time.perf_counter() - t0
            impl = page.get_attribute("body", "data-py-ready")
            assert impl == {"mpy": "micropython", "py": "pyodide"}[interp]
            scripts = page.eval_on_selector_all("script[type=mpy], script[type=py]",
                                                "els => els.map(e => [e.type, e.getAttribute('config')])")
            assert scripts == [[interp, "../%s.json" % interp]], scripts
            return page
        return go
