"""``async def`` event handlers in Chromium, under both interpreters.

As a JS async function, the handler runs at once up to its first ``await`` (its
``event.preventDefault()`` stops a form's submit or a link), then the rest as an
asyncio task: awaiting a timer, a JS promise, an ``asyncio.Event`` set by another
handler, a handler dispatched inside another's first step; an exception after an
await is reported and the page keeps working.
"""

import os

import pytest

from pagehelpers import write_page_configs, ROOT


@pytest.fixture(scope="module")
def configs():
    app = os.path.join(ROOT, "vdom", "app")
    write_page_configs("async_handlers", {"/vdom/app/%s" % f: "./vdom/app/%s" % f
                                          for f in sorted(os.listdir(app)) if f.endswith(".py")})


def log(page):
    return page.eval_on_selector_all("#log li", "els => els.map(e => e.textContent)")


def wait_log(page, line):
    page.wait_for_function("(l) => [...document.querySelectorAll('#log li')].some(e => e.textContent === l)", arg=line)


@pytest.mark.parametrize("interp", ["mpy", "py"])
def test_async_handlers_prevent_default_await_and_report(page, origin, configs, interp):
    url = "%s/tests/browser/pages/async_handlers.html?%s" % (origin, interp)
    page.goto(url)
    page.wait_for_selector("body[data-ready]", state="attached", timeout=60_000)
    page.evaluate("window.sameDocument = true")

    page.fill("#text", "hello")
    page.click("#send")
    wait_log(page, "submit hello")
    page.click("#away")
    wait_log(page, "promise 7")
    assert page.evaluate("window.sameDocument") is True, "the page was reloaded: preventDefault came too late"
    assert page.url == url                                   # neither the form nor the link navigated

    page.click("#wait")
    wait_log(page, "waiting")
    page.wait_for_timeout(50)
    assert "gate open" not in log(page)
    page.click("#open")
    wait_log(page, "gate open")

    page.click("#outer")
    wait_log(page, "outer done")
    wait_log(page, "inner done")
    lines = log(page)
    assert lines.index("inner sync") < lines.index("outer sync") < lines.index("outer done")

    page.click("#fail")                                      # reported on the console, with its traceback
    errors = page._watch.errors
    for _ in range(100):
        if any("failed after an await" in e for e in errors):
            break
        page.wait_for_timeout(50)
    assert [e for e in errors if "failed after an await" in e and "async handler" in e], errors
    errors[:] = [e for e in errors if "failed after an await" not in e]
    page.click("#send")                                      # the page still works
    page.wait_for_function("() => document.querySelectorAll('#log li').length >= 10")
    assert log(page)[:2] == ["submit sync", "submit hello"]
    assert page.evaluate("window.sameDocument") is True
