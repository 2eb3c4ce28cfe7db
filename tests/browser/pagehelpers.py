"""Page helpers shared by the Playwright tests (JSON stats, texts, node marks)."""

import json


def stats(page):
    """The gallery's ``window.pyvdom.stats()`` (renderer calls, crossings, proxies, root stats)."""
    return json.loads(page.evaluate("pyvdom.stats()"))


def texts(page, selector):
    return page.eval_on_selector_all(selector, "els => els.map(e => e.textContent)")


def mark(page, selector, attr):
    """Give every matching element a JS property ``__mark`` = its ``attr`` (it survives only on the same node)."""
    page.eval_on_selector_all(selector, "(els, a) => els.forEach(e => { e.__mark = e.getAttribute(a); })", attr)


def marks(page, selector, attr):
    """[[attr value, __mark]] of the matching elements, in document order."""
    return page.eval_on_selector_all(selector, "(els, a) => els.map(e => [e.getAttribute(a), e.__mark || null])", attr)
