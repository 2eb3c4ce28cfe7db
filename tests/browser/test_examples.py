"""The examples gallery, driven like a user in Chromium, under MicroPython and Pyodide.

See conftest.py: every test also fails on a request leaving 127.0.0.1, a
console error or a Python traceback on the page.
"""

import json

import pytest

from pagehelpers import stats, texts, mark, marks

INTERPS = pytest.mark.parametrize("interp", ["mpy", "py"])
EXAMPLES = ("todo", "shuffle", "svg", "table")


# -- gallery and serve command ---------------------------------------------------------------

def test_index_lists_every_example_under_both_interpreters(page, gallery_url):
    page.goto(gallery_url)
    for name in EXAMPLES:
        hrefs = page.eval_on_selector_all('tr[data-example="%s"] a' % name, "els => els.map(a => a.getAttribute('href'))")
        assert "%s/?mpy" % name in hrefs and "%s/?py" % name in hrefs, hrefs
    # Navigate: index -> MicroPython todo -> the Pyodide twin -> back -> back to the index.
    # One page per example; the query picks the interpreter (examples/loader.js).
    page.click('tr[data-example="todo"] a[href="todo/?mpy"]')
    page.wait_for_selector("body[data-py-ready=micropython]")
    assert page.url == gallery_url + "todo/?mpy"
    assert page.title() == "Todo list \u00b7 MicroPython \u00b7 pyvdom"
    assert [page.text_content("#interp"), page.text_content("#other"), page.get_attribute("#other", "href")] == \
        ["MicroPython", "Pyodide", "?py"]
    page.click("#other")
    page.wait_for_selector("body[data-py-ready=pyodide]", timeout=60_000)
    assert page.url == gallery_url + "todo/?py"
    assert page.title() == "Todo list \u00b7 Pyodide \u00b7 pyvdom"
    assert [page.text_content("#interp"), page.text_content("#other"), page.get_attribute("#other", "href")] == \
        ["Pyodide", "MicroPython", "?mpy"]
    page.go_back()
    page.wait_for_selector("body[data-py-ready=micropython]")
    page.go_back()
    page.wait_for_selector("#examples")
    assert page.url == gallery_url
    # Without a query the page runs under MicroPython.
    page.goto(gallery_url + "svg/")
    page.wait_for_selector("body[data-py-ready=micropython]")
    assert page.text_content("#interp") == "MicroPython"


# -- todo ----------------------------------------------------------------------------------

@INTERPS
def test_todo_add_toggle_reorder_delete(open_example, interp):
    page = open_example("todo", interp)
    assert texts(page, "#todo-list .text") == ["Read the README", "Write a view function", "Ship it with PyScript"]
    assert page.text_content("#left") == "2 items left"
    page.fill("#new-todo", "Buy milk")
    page.press("#new-todo", "Enter")
    page.wait_for_function("document.querySelectorAll('#todo-list li').length === 4")
    assert page.input_value("#new-todo") == ""
    assert texts(page, "#todo-list .text")[-1] == "Buy milk"
    mark(page, "#todo-list li", "data-id")
    # Toggle the new one: class and checkbox follow the state.
    page.click('#todo-list li[data-id="4"] .toggle')
    assert page.get_attribute('#todo-list li[data-id="4"]', "class") == "done"
    assert page.is_checked('#todo-list li[data-id="4"] .toggle')
    assert page.text_content("#left") == "2 items left"
    # Reorder: move it up twice; every li keeps its DOM node (its mark).
    page.click('#todo-list li[data-id="4"] .up')
    page.click('#todo-list li[data-id="4"] .up')
    m = marks(page, "#todo-list li", "data-id")
    assert [k for k, _ in m] == ["1", "4", "2", "3"]
    assert all(k == mk for k, mk in m), m
    assert page.is_disabled('#todo-list li[data-id="1"] .up')
    # Delete one; clear the done ones.
    page.click('#todo-list li[data-id="2"] .delete')
    assert [k for k, _ in marks(page, "#todo-list li", "data-id")] == ["1", "4", "3"]
    page.click("#clear-done")
    m = marks(page, "#todo-list li", "data-id")
    assert m == [["3", "3"]]
    assert page.query_selector("#clear-done") is None
    assert page.text_content("#left") == "1 item left"
    # Raw HTML children: one element as is, several text/element nodes in a display:contents span.
    assert page.eval_on_selector("#tip", "e => e.parentNode.tagName + '|' + e.innerHTML") == \
        "FOOTER|Tip: <kbd>Enter</kbd> adds a todo."
    assert page.eval_on_selector("footer", "f => [...f.children].map(c => c.tagName + ':' + (c.getAttribute('style') || '')).join(',')") \
        .startswith("SMALL:,SPAN:display:contents,SPAN:")
    assert "Made with pyvdom & PyScript." in page.text_content("footer")


@INTERPS
def test_todo_input_keeps_focus_and_caret_while_rerendering(open_example, interp):
    page = open_example("todo", interp)
    page.eval_on_selector("#new-todo", "e => { e.__mark = 'input' }")
    renders0 = stats(page)["renders"]
    page.click("#new-todo")
    page.keyboard.type("hello world")
    assert page.text_content("#draft-info").startswith("11 characters")
    assert stats(page)["renders"] - renders0 >= 11          # one render per keystroke
    # Move the caret into the middle and type there: caret and focus stay put.
    page.eval_on_selector("#new-todo", "e => e.setSelectionRange(5, 5)")
    page.keyboard.type("XY")
    st = page.eval_on_selector("#new-todo", "e => [e.value, e.selectionStart, e.selectionEnd, "
                                            "document.activeElement === e, e.__mark]")
    assert st == ["helloXY world", 7, 7, True, "input"]
    assert page.text_content("#draft-info").startswith("13 characters")
    page.keyboard.press("Backspace")
    st = page.eval_on_selector("#new-todo", "e => [e.value, e.selectionStart, document.activeElement === e]")
    assert st == ["helloX world", 6, True]
    assert page.is_enabled("#add")
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelectorAll('#todo-list li').length === 4")
    st = page.eval_on_selector("#new-todo", "e => [e.value, document.activeElement === e, e.__mark]")
    assert st == ["", True, "input"]


@INTERPS
def test_todo_filters_follow_the_url_and_back_button(open_example, interp):
    page = open_example("todo", interp)
    page.click('.filters a[href="#/active"]')
    page.wait_for_function("document.querySelectorAll('#todo-list li').length === 2")
    assert page.url.endswith("#/active")
    assert page.text_content(".filters a.selected") == "active"
    page.click('.filters a[href="#/done"]')
    page.wait_for_function("document.querySelectorAll('#todo-list li').length === 1")
    assert texts(page, "#todo-list .text") == ["Read the README"]
    page.go_back()
    page.wait_for_function("document.querySelectorAll('#todo-list li').length === 2")
    assert page.text_content(".filters a.selected") == "active"
    page.go_back()
    page.wait_for_function("document.querySelectorAll('#todo-list li').length === 3")
    assert page.text_content(".filters a.selected") == "all"


@INTERPS
def test_listeners_and_proxies_stay_flat_over_thousands_of_rerenders(open_example, interp):
    page = open_example("todo", interp)
    page.evaluate("pyvdom.reset()")
    before = stats(page)
    live_before = page.evaluate("__liveListeners()")
    # Every render makes new handler functions for every button and checkbox.
    after = json.loads(page.evaluate("pyvdom.rerender(2000)"))
    assert after["renders"] == before["renders"] + 2000
    assert after["live_proxies"] == before["live_proxies"] > 0
    assert page.evaluate("__liveListeners()") == live_before
    assert "add_listener" not in after["calls"] and "remove_listener" not in after["calls"], after["calls"]
    # Equal trees: the only DOM writes are the controlled input's value (none here) -> no crossings.
    assert after["crossings"] == 0, after
    # Removing rows releases their proxies and listeners.
    page.click("#clear-done")
    page.click('#todo-list li[data-id="2"] .delete')
    st = stats(page)
    assert st["live_proxies"] == before["live_proxies"] - 4 - 4 - 1   # 2 rows x 4 listeners, one button
    assert page.evaluate("__liveListeners()") == live_before - 9
    # Still working after all that.
    page.click('#todo-list li[data-id="3"] .toggle')
    assert page.get_attribute('#todo-list li[data-id="3"]', "class") == "done"


# -- shuffle -------------------------------------------------------------------------------

@INTERPS
def test_shuffled_rows_keep_their_dom_node_and_state(open_example, interp):
    page = open_example("shuffle", interp)
    mark(page, "#rows li", "data-key")
    page.check('#rows li[data-key="3"] .pick')
    page.fill('#rows li[data-key="5"] .note', "note of five")
    page.click('#rows li[data-key="5"] .note')
    page.keyboard.type("!")

    def check_rows(expected_count):
        m = marks(page, "#rows li", "data-key")
        assert len(m) == expected_count
        for k, mk in m:
            assert mk is None or mk == k, m            # a kept row is the same DOM node
        assert page.is_checked('#rows li[data-key="3"] .pick')
        assert page.input_value('#rows li[data-key="5"] .note') == "note of five!"
        assert page.eval_on_selector_all("#rows li .pick:checked", "e => e.length") == 1
        labels = texts(page, "#rows li .label")
        assert labels == ["Row " + k for k, _ in m]
        return [int(k) for k, _ in m]

    page.click("#reverse")
    assert check_rows(8) == [8, 7, 6, 5, 4, 3, 2, 1]
    # Reversing 8 rows is 7 moves; each move is 2 JS calls (parent.isConnected, moveBefore).
    assert page.text_content("#status") == "reverse: 8 rows, 7 moved, 14 JS calls"
    page.click("#rotate")
    assert check_rows(8) == [7, 6, 5, 4, 3, 2, 1, 8]
    assert page.text_content("#status") == "rotate: 8 rows, 1 moved, 2 JS calls"
    for _ in range(3):
        page.click("#shuffle")
        order = check_rows(8)
        assert sorted(order) == list(range(1, 9))
    page.click("#sort")
    assert check_rows(8) == list(range(1, 9))
    page.click("#add")
    order = check_rows(9)
    assert 9 in order
    assert page.text_content("#status").startswith("add: 9 rows, 0 moved")
    page.click("#drop")
    order2 = check_rows(8)
    assert order2 == order[1:]
    page.click('#rows li[data-key="9"] .remove')
    assert check_rows(7) == [k for k in order2 if k != 9]
    # A focused note keeps focus and caret when a reorder moves other rows around it
    # (rotate moves only the first row), and when its own row moves (moveBefore).
    page.click('#rows li[data-key="5"] .note')
    page.evaluate("document.querySelector('#rows li[data-key=\"5\"] .note').setSelectionRange(2, 2)")
    first = page.eval_on_selector("#rows li", "li => li.dataset.key")
    assert first != "5"
    page.eval_on_selector("#rotate", "b => b.click()")          # click without moving focus
    assert page.eval_on_selector_all("#rows li", "lis => lis.map(l => l.dataset.key)")[-1] == first
    assert page.evaluate("document.activeElement.closest('li').dataset.key") == "5"
    assert page.evaluate("document.activeElement.selectionStart") == 2
    before = page.eval_on_selector_all("#rows li", "lis => lis.map(l => l.dataset.key)")
    page.eval_on_selector("#reverse", "b => b.click()")         # moves row 5 itself
    after = page.eval_on_selector_all("#rows li", "lis => lis.map(l => l.dataset.key)")
    assert after == before[::-1] and after.index("5") != before.index("5")
    assert page.evaluate("document.activeElement.closest('li').dataset.key") == "5"
    assert page.evaluate("document.activeElement.selectionStart") == 2


# -- svg -----------------------------------------------------------------------------------

SVG_NS = "http://www.w3.org/2000/svg"
MATHML_NS = "http://www.w3.org/1998/Math/MathML"
XHTML_NS = "http://www.w3.org/1999/xhtml"


@INTERPS
def test_svg_and_mathml_namespaces(open_example, interp):
    page = open_example("svg", interp)
    ns = page.evaluate("""() => ({
        svg: document.querySelector('#chart').namespaceURI,
        rect: document.querySelector('#chart rect').namespaceURI,
        title: document.querySelector('#chart rect title').namespaceURI,
        fo_div: document.querySelector('#caption').namespaceURI,
        math: document.querySelector('#formula').namespaceURI,
        mn: document.querySelector('#total').namespaceURI,
        viewBox: document.querySelector('#chart').getAttribute('viewBox'),
        vbw: document.querySelector('#chart').viewBox.baseVal.width,
        bbox: document.querySelector('#chart rect').getBBox().height,
    })""")
    assert ns == {"svg": SVG_NS, "rect": SVG_NS, "title": SVG_NS, "fo_div": XHTML_NS, "math": MATHML_NS,
                  "mn": MATHML_NS, "viewBox": "0 0 300 150", "vbw": 300, "bbox": 40}
    assert page.text_content("#total") == "300"
    mark(page, "#chart rect", "data-key")
    page.click('#chart rect[data-key="2"]')
    assert page.get_attribute('#chart rect[data-key="2"]', "class") == "bar selected"
    assert page.text_content("#caption") == "4 bars, selected: 2"
    page.click("#add")
    assert page.eval_on_selector_all("#chart rect", "r => r.length") == 5
    assert page.eval_on_selector('#chart rect[data-key="5"]', "r => r.namespaceURI") == SVG_NS
    page.click("#randomize")
    m = marks(page, "#chart rect", "data-key")
    assert [k for k, _ in m] == ["1", "2", "3", "4", "5"]
    assert all(mk in (k, None) for k, mk in m) and m[0][1] == "1"      # resized in place
    heights = page.eval_on_selector_all("#chart rect", "rs => rs.map(r => r.getBBox().height)")
    total = sum(int(h) for h in heights)
    assert page.text_content("#total") == str(total)
    page.click('#chart rect[data-key="2"]')                 # deselect
    assert page.get_attribute('#chart rect[data-key="2"]', "class") == "bar"
    page.click("#remove")
    assert [k for k, _ in marks(page, "#chart rect", "data-key")] == ["2", "3", "4", "5"]
    assert page.text_content("#caption") == "4 bars, selected: none"


# -- table ---------------------------------------------------------------------------------

@INTERPS
def test_table_operations(open_example, interp):
    page = open_example("table", interp)
    rows = "#tbody tr"
    live0 = stats(page)["live_proxies"]
    listeners0 = page.evaluate("__liveListeners()")
    page.click("#run")
    page.wait_for_function("document.querySelectorAll('#tbody tr').length === 1000")
    assert page.text_content("#status").startswith("run: ")
    assert stats(page)["live_proxies"] == live0 + 2000
    ids = texts(page, "#tbody tr td.col-id")
    assert ids[0] == "1" and ids[-1] == "1000"
    page.eval_on_selector_all(rows, "trs => trs.forEach(t => { t.__mark = t.firstChild.textContent })")

    page.click("#update")
    labels = texts(page, "#tbody a.lbl")
    assert labels[0].endswith(" !!!") and labels[10].endswith(" !!!") and not labels[1].endswith(" !!!")
    assert sum(1 for x in labels if x.endswith(" !!!")) == 100

    page.click("#swaprows")
    ids = texts(page, "#tbody tr td.col-id")
    assert ids[1] == "999" and ids[998] == "2"
    assert page.evaluate("[...document.querySelectorAll('#tbody tr')].every(t => t.__mark === t.firstChild.textContent)")

    page.click("#tbody tr:nth-child(5) a.lbl")
    assert page.get_attribute("#tbody tr:nth-child(5)", "class") == "danger"
    assert page.eval_on_selector_all("#tbody tr.danger", "t => t.length") == 1
    page.click("#tbody tr:nth-child(7) a.lbl")
    assert page.get_attribute("#tbody tr:nth-child(5)", "class") is None
    assert page.get_attribute("#tbody tr:nth-child(7)", "class") == "danger"

    page.click("#tbody tr:nth-child(3) a.rm")
    assert page.eval_on_selector_all(rows, "t => t.length") == 999
    assert "3" not in texts(page, "#tbody tr td.col-id")[:5]

    page.click("#add")
    page.wait_for_function("document.querySelectorAll('#tbody tr').length === 1999")
    page.click("#clear")
    page.wait_for_function("document.querySelectorAll('#tbody tr').length === 0")
    assert page.text_content("#status").startswith("clear: ")
    # Every row's proxies were released, and its DOM listeners removed.
    assert stats(page)["live_proxies"] == live0
    assert page.evaluate("__liveListeners()") == listeners0
