"""Root.hydrate with the DOM renderer in Chromium, under MicroPython and Pyodide (issue 13).

tests/browser/pages/hydrate.html holds the hydratable server markup of
pages/hydrate_tree.py's tree (a test below keeps it equal to what
render_to_string writes).  Before the interpreter starts, the test marks every
node of the server's markup with a JS property; after hydration the marks are
still there (the very nodes were adopted), no node was created but the one
empty text markup cannot hold, clicks and typing reach the Python handlers, and
later renders patch (a keyed reorder moves the adopted rows).
"""

import json
import os
import sys

import pytest

from pagehelpers import write_page_configs, HERE

PAGES = os.path.join(HERE, "pages")
sys.path.insert(0, PAGES)


def server_markup():
    from hydrate_tree import tree, ITEMS
    from renderers.html import render_to_string

    return render_to_string(tree(0, ITEMS), hydratable=True)


def test_the_page_holds_what_the_server_renders():
    with open(os.path.join(PAGES, "hydrate.html")) as f:
        page = f.read()
    assert '<div id="app">%s</div>' % server_markup() in page, "regenerate pages/hydrate.html's #app"


@pytest.fixture(scope="module")
def configs():
    write_page_configs("hydrate", {"/tests/browser/pages/hydrate_tree.py": "./hydrate_tree.py"})


def _step(page, name):
    return json.loads(page.evaluate("(n) => window.hyStep(n)", name))


_MARK_ALL = """() => {
  let n = 0;
  const walk = (node) => { node.__server = ++n; node.childNodes.forEach(walk); };
  document.getElementById('app').childNodes.forEach(walk);
  return n;
}"""
_UNMARKED = """() => {
  const out = [];
  const walk = (node) => { if (!node.__server) out.push(node.nodeName + ':' + (node.nodeValue || '')); node.childNodes.forEach(walk); };
  document.getElementById('app').childNodes.forEach(walk);
  return out;
}"""


@pytest.mark.parametrize("interp", ["mpy", "py"])
def test_hydrate_adopts_the_server_nodes(page, origin, configs, interp):
    page.goto("%s/tests/browser/pages/hydrate.html?%s" % (origin, interp))
    # The server's content is there before any Python runs.
    assert page.inner_text("h1") == "Hydrated"
    marked = page.evaluate(_MARK_ALL)
    assert marked > 30
    page.wait_for_selector("body[data-ready]", state="attached", timeout=60_000)
    r = _step(page, "hydrate")
    assert r["ok"], r
    assert r["report"]["mismatches"] == 0 and r["warnings"] == [], r
    assert r["creates"] == 1, r  # the fragment's empty text: markup cannot hold one
    assert page.evaluate(_UNMARKED) == ["#text:"], "nodes not from the server"
    page.click("#inc")
    assert page.inner_text("#page p") == "count: 1"
    page.fill("#name", "Ada")
    assert page.inner_text("#hello") == "hello Ada"
    r = _step(page, "reorder")
    assert r["ok"] and r["creates"] == 0, r
    assert page.eval_on_selector_all("#list li", "els => els.map(e => e.id + ':' + !!e.__server)") == [
        "r5:true", "r1:true", "r2:true", "r3:true", "r4:true"]
    assert page.evaluate(_UNMARKED) == ["#text:"]


@pytest.mark.parametrize("interp", ["mpy", "py"])
def test_hydrate_repairs_a_mismatch(page, origin, configs, interp):
    page.goto("%s/tests/browser/pages/hydrate.html?%s&mismatch" % (origin, interp))
    page.wait_for_selector("body[data-ready]", state="attached", timeout=60_000)
    r = _step(page, "hydrate")
    assert r["ok"], r
    assert r["report"]["mismatches"] == 1, r
    assert len(r["warnings"]) == 1 and "Hydrated" in r["warnings"][0], r
    assert page.inner_text("h1") == "Other title"
    page.click("#inc")
    assert page.inner_text("#page p") == "count: 1"


_MARK_FAST = """() => { let n = 0;
  const walk = (node) => { node.__server = ++n; node.childNodes.forEach(walk); };
  document.getElementById('fast').childNodes.forEach(walk); return n; }"""
_UNMARKED_FAST = """() => { const out = [];
  const walk = (node) => { if (!node.__server) out.push(node.nodeName); node.childNodes.forEach(walk); };
  document.getElementById('fast').childNodes.forEach(walk); return out; }"""


@pytest.mark.parametrize("interp", ["mpy", "py"])
def test_a_matching_table_takes_the_fast_path(page, origin, configs, interp):
    # vdom/hydrate_fast.py: one match_tree call (the DOM renderer's JS helper) adopts the
    # whole table; listeners attached, nothing created or written, later renders patch it.
    page.goto("%s/tests/browser/pages/hydrate.html?%s" % (origin, interp))
    page.wait_for_selector("body[data-ready]", state="attached", timeout=60_000)
    assert _step(page, "hydrate")["ok"]                   # the page's own root (its handler counts)
    assert _step(page, "fast_load")["ok"]
    assert page.evaluate(_MARK_FAST) > 400
    r = _step(page, "fast_hydrate")
    assert r["ok"] and r["matched"] is True, r
    assert r["report"] == {"adopted": 50 * 5 + 2 + 2, "created": 0, "mounted": 0, "removed": 0,
                           "mismatches": 0}, r
    assert r["creates"] == 0 and r["calls"] == 50, r   # one add_listener per row, no other call
    assert page.evaluate(_UNMARKED_FAST) == []
    page.click("#f7")
    assert page.inner_text("#page p") == "count: 1"       # the row's listener runs the page's handler
    assert _step(page, "fast_patch")["ok"]
    assert page.inner_text("#f7 a") == "y 7"
    # patched in place: the elements are the server's (a text content update replaces its text node)
    assert [n for n in page.evaluate(_UNMARKED_FAST) if n != "#text"] == []
