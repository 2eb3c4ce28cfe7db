"""The vdom.app examples (app-todo, app-router, app-router-html5, app-form, app-widgets, app-todomvc,
app-tutorial, app-fullapp, app-jinja) driven like a user in Chromium, under MicroPython and Pyodide.

See conftest.py: every test also fails on a request leaving 127.0.0.1, a console
error or a Python traceback on the page (the form example's deliberate error is
asserted and then the only one allowed).  ``window.pyvdom`` is the hooks of
``examples/gallery.serve_app``.
"""

import json

import pytest

from pagehelpers import stats, texts, mark, marks

INTERPS = pytest.mark.parametrize("interp", ["mpy", "py"])


def focused(page):
    """[id or class of the focused element, its value, selectionStart, its __mark]."""
    return page.evaluate("(() => { const e = document.activeElement; "
                         "return [e.id || e.className, e.value, e.selectionStart, e.__mark || null]; })()")


def wait_count(page, selector, n):
    page.wait_for_function("([s, n]) => document.querySelectorAll(s).length === n", arg=[selector, n])


def wait_text(page, selector, prefix):
    """Renders run on the next tick (setTimeout 0): wait until ``selector``'s text starts with ``prefix``."""
    page.wait_for_function("([s, p]) => { const e = document.querySelector(s); return e && e.textContent.startsWith(p); }",
                           arg=[selector, prefix])


def test_index_links_the_app_examples_under_both_interpreters(page, gallery_url):
    page.goto(gallery_url)
    for name in ("app-todo", "app-router", "app-router-html5", "app-form", "app-widgets", "app-todomvc",
                 "app-tutorial", "app-fullapp", "app-jinja"):
        hrefs = page.eval_on_selector_all('tr[data-example="%s"] a' % name, "els => els.map(a => a.getAttribute('href'))")
        assert hrefs == ["%s/?mpy" % name, "%s/?py" % name, "%s/app.py" % name], hrefs


# -- app-todo ------------------------------------------------------------------------------

TODO_ITEMS = "#todo-list li"


@INTERPS
def test_app_todo_add_toggle_edit_delete_async(open_example, interp):
    page = open_example("app-todo", interp)
    assert texts(page, "#todo-list .text") == ["Read the README", "Write a component", "Ship it with PyScript"]
    assert page.text_content("#left") == "2 items left"
    assert page.text_content("#done-count") == "1 done"
    assert page.title() == "(2) Todo \u00b7 vdom.app"           # page_title() -> document.title
    assert page.is_disabled("#add")
    # Type and press Enter: the form's submit handler adds it, the bound input empties.
    page.click("#new-todo")
    page.keyboard.type("Buy milk")
    page.wait_for_selector("#add:enabled")
    page.keyboard.press("Enter")
    wait_count(page, TODO_ITEMS, 4)
    assert page.input_value("#new-todo") == ""
    assert texts(page, "#todo-list .text")[-1] == "Buy milk"
    assert page.text_content("#left") == "3 items left"
    page.wait_for_function("document.title === '(3) Todo \u00b7 vdom.app'")
    mark(page, TODO_ITEMS, "data-id")
    # Toggle: the item triggers "toggle", the page updates the list, classes and counts.
    page.click('li[data-id="4"] .toggle')
    page.wait_for_selector('li[data-id="4"].done')
    assert page.is_checked('li[data-id="4"] .toggle')
    assert page.text_content("#left") == "2 items left"
    assert page.text_content("#done-count") == "2 done"
    page.click('li[data-id="1"] .toggle')                      # untick
    page.wait_for_function("!document.querySelector('li[data-id=\"1\"]').classList.contains('done')")
    assert not page.is_checked('li[data-id="1"] .toggle')
    # Edit item 2 (the item's own state): its input is focused on redraw (refs + on_redraw).
    page.click('li[data-id="2"] .edit-btn')
    page.wait_for_selector('li[data-id="2"] .edit-text')
    assert focused(page)[:2] == ["edit-text", "Write a component"]
    page.fill('li[data-id="2"] .edit-text', "Write two components")
    page.click('li[data-id="2"] .save')
    page.wait_for_selector('li[data-id="2"] .text')
    assert page.text_content('li[data-id="2"] .text') == "Write two components"
    # Delete one, clear the done ones: the rest keep their DOM nodes.
    page.click('li[data-id="3"] .delete')
    wait_count(page, TODO_ITEMS, 3)
    page.click("#clear-done")
    wait_count(page, TODO_ITEMS, 2)
    m = marks(page, TODO_ITEMS, "data-id")
    assert m == [["1", "1"], ["2", "2"]], m
    assert page.query_selector("#clear-done") is None
    assert page.text_content("#done-count") == "0 done"
    # An async handler (asyncio task in the browser) adds three items, one render each.
    page.click("#add-later")
    wait_count(page, TODO_ITEMS, 5)
    assert texts(page, "#todo-list .text")[2:] == ["Later 1", "Later 2", "Later 3"]
    assert page.text_content("#left") == "5 items left"
    assert stats(page)["errors"] == 0


@INTERPS
def test_app_todo_bound_input_keeps_focus_and_caret_and_item_state_follows_key(open_example, interp):
    page = open_example("app-todo", interp)
    page.eval_on_selector("#new-todo", "e => { e.__mark = 'input' }")
    page.click("#new-todo")
    for i, ch in enumerate("hello world"):
        page.keyboard.type(ch)
        # bind= wrote the state and the page re-rendered for this keystroke.
        wait_text(page, "#draft-info", "%d characters" % (i + 1))
    page.eval_on_selector("#new-todo", "e => e.setSelectionRange(5, 5)")
    page.keyboard.type("XY")
    wait_text(page, "#draft-info", "13 characters")
    assert focused(page) == ["new-todo", "helloXY world", 7, "input"]
    page.keyboard.press("Backspace")
    wait_text(page, "#draft-info", "12 characters")
    assert focused(page) == ["new-todo", "helloX world", 6, "input"]
    page.keyboard.press("Enter")
    wait_count(page, TODO_ITEMS, 4)
    assert focused(page) == ["new-todo", "", 0, "input"]

    # Component state follows its key: put item 2 in edit mode with typed text, delete item 1.
    mark(page, TODO_ITEMS, "data-id")
    page.click('li[data-id="2"] .edit-btn')
    page.wait_for_selector('li[data-id="2"] .edit-text')
    page.keyboard.press("End")
    page.keyboard.type(" (draft)")
    assert page.input_value('li[data-id="2"] .edit-text') == "Write a component (draft)"
    page.click('li[data-id="1"] .delete')
    wait_count(page, TODO_ITEMS, 3)
    assert [k for k, _ in marks(page, TODO_ITEMS, "data-id")] == ["2", "3", "4"]
    assert all(k == mk for k, mk in marks(page, TODO_ITEMS, "data-id"))    # same DOM nodes
    # The first item is now 2, still editing its own draft; item 3 is not editing.
    assert page.input_value("#todo-list li:first-child .edit-text") == "Write a component (draft)"
    assert page.query_selector('li[data-id="3"] .edit-text') is None
    assert page.text_content('li[data-id="3"] .text') == "Ship it with PyScript"
    page.click('li[data-id="2"] .cancel')
    page.wait_for_selector('li[data-id="2"] .text')
    assert page.text_content('li[data-id="2"] .text') == "Write a component"
    # Deleting the (new) first item again: the handlers act on the right item.
    page.click("#todo-list li:first-child .delete")
    wait_count(page, TODO_ITEMS, 2)
    assert texts(page, "#todo-list .text") == ["Ship it with PyScript", "hello world"[:5] + "X world"]


@INTERPS
def test_app_todo_listeners_stay_flat_over_many_renders(open_example, interp):
    page = open_example("app-todo", interp)
    before = stats(page)
    live0 = page.evaluate("__liveListeners()")
    assert before["live_proxies"] > 0 and live0 > 0
    # Redraw every component 300 times: each populate() makes new bound-method handlers.
    after = json.loads(page.evaluate("pyvdom.rerender(300)"))
    assert after["live_proxies"] == before["live_proxies"]
    assert after["components"] == before["components"] == 4
    assert page.evaluate("__liveListeners()") == live0
    # Typing re-renders too; still one listener per element and event.
    page.click("#new-todo")
    page.keyboard.type("abc")
    wait_text(page, "#draft-info", "3 characters")
    assert page.evaluate("__liveListeners()") == live0
    # Removing an item releases its listeners and proxies: checkbox, span, 2 buttons, and the
    # <li>'s listeners for the parent's on_toggle/on_delete/on_save (a component's on_<event>=
    # also catches DOM events of that name on its root element).
    page.click('li[data-id="3"] .delete')
    wait_count(page, TODO_ITEMS, 2)
    assert page.evaluate("__liveListeners()") == live0 - 7
    assert stats(page)["live_proxies"] == before["live_proxies"] - 7
    page.click('li[data-id="2"] .toggle')
    page.wait_for_selector('li[data-id="2"].done')
    assert stats(page)["errors"] == 0


def allow_deliberate_error(page, where, message):
    """Assert that the app reported ``message`` (raised in ``where``) on the console with its
    traceback, then drop exactly those lines from the page's console errors so that
    the fixture's teardown check still fails on any other error."""
    errs = page._watch.errors
    assert any(message in e for e in errs), errs
    rest = []
    for e in errs:
        first = e.split("\n", 1)[0]
        if (message in e or first == "vdom.app: error in " + where or first.startswith("Traceback (most recent")
                or first.startswith(" ") or first == ""):
            continue
        rest.append(e)
    errs[:] = rest


def wait_h1(page, text):
    page.wait_for_function("t => { const e = document.querySelector('#app h1'); return e && e.textContent === t; }",
                           arg=text)


def hash_of(page):
    return page.evaluate("location.hash")


# -- app-router ----------------------------------------------------------------------------

@INTERPS
def test_app_router_links_params_query_back_forward(open_example, interp):
    page = open_example("app-router", interp)
    page.evaluate("window.__noreload = 1")
    wait_h1(page, "Pets")
    assert page.title() == "Home \u00b7 Pets"
    assert hash_of(page) == ""
    assert page.get_attribute('a.pet[data-id="2"]', "href") == "#/pets/2"       # router.reverse("pet", pet_id=2)
    # A Link navigates without reloading; <pet_id> reaches the int prop.
    page.click('a.pet[data-id="2"]')
    wait_h1(page, "Tom")
    assert hash_of(page) == "#/pets/2"
    assert page.title() == "Tom \u00b7 Pets"
    assert page.text_content("#about") == "Tom is a cat (pet_id=2, a int)"
    page.go_back()
    wait_h1(page, "Pets")
    assert hash_of(page) == "" and page.title() == "Home \u00b7 Pets"
    page.go_forward()
    wait_h1(page, "Tom")
    page.click("#next")
    wait_h1(page, "Nemo")
    assert hash_of(page) == "#/pets/3"
    # Query arguments go to the page's props.
    page.click("#nav-pets")
    wait_h1(page, "All pets")
    assert texts(page, "#pets a") == ["Felix", "Nemo", "Rex", "Tom"]
    page.click("#sort-desc")
    page.wait_for_function("document.title === 'All pets (desc) \u00b7 Pets'")
    assert hash_of(page) == "#/pets?sort=desc"
    assert texts(page, "#pets a") == ["Tom", "Rex", "Nemo", "Felix"]
    page.click("#cats-desc")
    page.wait_for_function("document.querySelectorAll('#pets a').length === 2")
    assert hash_of(page) == "#/pets?sort=desc&species=cat"
    assert texts(page, "#pets a") == ["Tom", "Felix"]
    assert page.text_content("#sorting").startswith("sorted desc, only cats")
    page.go_back()
    page.wait_for_function("document.querySelectorAll('#pets a').length === 4")
    assert texts(page, "#pets a") == ["Tom", "Rex", "Nemo", "Felix"]
    page.go_back()
    page.wait_for_function("document.title === 'All pets (asc) \u00b7 Pets'")
    page.go_back()
    wait_h1(page, "Nemo")
    # A plain <a href="#..."> or a hash typed into the address bar routes too (hashchange).
    page.evaluate("location.hash = '#/pets/4'")
    wait_h1(page, "Felix")
    assert page.title() == "Felix \u00b7 Pets"
    page.go_back()
    wait_h1(page, "Nemo")
    assert page.evaluate("window.__noreload") == 1                              # never reloaded
    assert stats(page)["errors"] == 0


@INTERPS
def test_app_router_login_guard_not_found_and_error_pages(open_example, interp):
    page = open_example("app-router", interp)
    try:
        _router_guard_flow(page, interp)
    finally:
        page.evaluate("localStorage.removeItem('user')")


def _router_guard_flow(page, interp):
    if page.evaluate("localStorage.getItem('user')") is not None:    # left over by an aborted run
        page.evaluate("localStorage.removeItem('user')")
        page.reload()
        page.wait_for_selector("body[data-py-ready]")
    wait_h1(page, "Pets")
    assert page.text_content("#user") == " \u00b7 not signed in"
    # The guard: precheck() raises Redirect("/login", next="/account"); the redirect replaces
    # the history entry of /account.
    page.click("#nav-account")
    wait_h1(page, "Log in")
    assert hash_of(page) == "#/login?next=%2Faccount"
    assert page.title() == "Log in \u00b7 Pets"
    assert page.is_disabled("#login-btn")
    page.click("#username")
    page.keyboard.type("alice")
    page.wait_for_selector("#login-btn:enabled")
    page.keyboard.press("Enter")
    wait_h1(page, "Account of alice")
    assert hash_of(page) == "#/account"
    assert page.text_content("#user") == " \u00b7 signed in as alice"     # NavBar follows app.state
    assert page.evaluate("localStorage.getItem('user')") == "alice"       # app.local_storage
    page.go_back()
    wait_h1(page, "Log in")
    page.go_back()
    wait_h1(page, "Pets")                                                 # not the guard again
    page.go_forward()
    wait_h1(page, "Log in")
    page.go_forward()
    wait_h1(page, "Account of alice")
    # The login survives a reload (localStorage); the guard lets the user in directly.
    page.reload()
    page.wait_for_selector("body[data-py-ready]")
    wait_h1(page, "Account of alice")
    page.click("#logout")
    wait_h1(page, "Pets")
    assert hash_of(page) == "#/"
    assert page.evaluate("localStorage.getItem('user')") is None
    assert page.text_content("#user") == " \u00b7 not signed in"
    page.click("#nav-account")
    wait_h1(page, "Log in")
    # Not found: an unknown path, and a pet whose precheck() raises NotFound.
    page.click("#nav-nowhere")
    page.wait_for_selector("#not-found")
    assert page.text_content("#missing") == "Nothing at /nowhere."
    assert page.title() == "Not found \u00b7 Pets"
    page.click("#home-link")
    wait_h1(page, "Pets")
    page.evaluate("location.hash = '#/pets/99'")
    page.wait_for_selector("#not-found")
    assert page.text_content("#missing") == "Nothing at /pets/99."
    # A page raising in populate(): the app's error page (handle_error), its traceback on the console.
    page.click("#nav-broken")
    page.wait_for_selector("#error")
    assert page.text_content("#error-message") == "RuntimeError: deliberate failure in BrokenPage.populate()"
    assert page.title() == "Error \u00b7 Pets"
    allow_deliberate_error(page, "rendering BrokenPage (precheck/populate)",
                           "RuntimeError: deliberate failure in BrokenPage.populate()")
    # The app still works: back to the not-found page, then home.
    page.go_back()
    page.wait_for_selector("#not-found")
    page.click("#nav-home")
    wait_h1(page, "Pets")
    assert stats(page)["errors"] == 1


# -- app-form ------------------------------------------------------------------------------

def summary(page):
    return page.eval_on_selector_all("#summary dd", "els => Object.fromEntries(els.map(e => [e.id.slice(4), e.textContent]))")


INITIAL_SUMMARY = {"name": "''", "age": "30 (int)", "bio": "0 lines", "color": "green", "subscribe": "False",
                   "size": "m", "extras": "cheese", "toppings": "basil, garlic"}


def selected(page, sel):
    return page.eval_on_selector(sel, "e => [...e.selectedOptions].map(o => o.value)")


def wait_out(page, key, text):
    page.wait_for_function("([k, t]) => document.querySelector('#out-' + k).textContent === t", arg=[key, text])


@INTERPS
def test_app_form_bind_every_input_and_error_overlay(open_example, interp):
    page = open_example("app-form", interp)
    assert summary(page) == INITIAL_SUMMARY
    # State -> DOM at mount: the select's value is set once its options exist.
    assert page.input_value("#color") == "green"
    assert page.input_value("#age") == "30"
    assert page.is_checked("#size-m") and not page.is_checked("#size-l")
    assert page.is_checked("#extra-cheese") and not page.is_checked("#extra-olives")
    assert not page.is_checked("#subscribe")
    assert selected(page, "#toppings") == ["basil", "garlic"]   # <select multiple>: option.selected
    # CssClass: the app wrote its rules into the head; the summary has the generated class.
    assert page.eval_on_selector("#summary", "e => [...e.classList].some(c => c.startsWith('-ps-'))")
    assert page.eval_on_selector("#summary", "e => getComputedStyle(e).borderLeftColor") == "rgb(0, 128, 0)"
    assert page.eval_on_selector("#puepy-runtime-css", "e => e.parentNode === document.head")
    # DOM -> state, for every kind of input.
    page.click("#name")
    page.keyboard.type("Ann")
    wait_out(page, "name", "'Ann'")
    page.fill("#age", "42")
    wait_out(page, "age", "42 (int)")                  # number inputs give numbers
    page.fill("#age", "4.5")
    wait_out(page, "age", "4.5 (float)")
    page.fill("#age", "")
    wait_out(page, "age", "None (NoneType)")
    page.fill("#bio", "first line\nsecond line")
    wait_out(page, "bio", "2 lines")
    page.select_option("#color", "blue")
    wait_out(page, "color", "blue")
    page.check("#subscribe")
    wait_out(page, "subscribe", "True")
    page.click("#size-l")
    wait_out(page, "size", "l")
    assert not page.is_checked("#size-m")
    page.check("#extra-olives")                        # bind=("extras", "olives"): a nested path
    page.uncheck("#extra-cheese")
    wait_out(page, "extras", "olives")
    page.select_option("#toppings", ["chili", "onion"])
    wait_out(page, "toppings", "chili, onion")
    page.select_option("#toppings", [])
    wait_out(page, "toppings", "none")
    page.select_option("#toppings", ["onion"])
    wait_out(page, "toppings", "onion")
    assert selected(page, "#toppings") == ["onion"]
    assert summary(page) == {"name": "'Ann'", "age": "None (NoneType)", "bio": "2 lines", "color": "blue",
                             "subscribe": "True", "size": "l", "extras": "olives", "toppings": "onion"}
    # State -> DOM: Reset assigns the initial state; every input follows.
    page.click("#reset")
    wait_out(page, "name", "''")
    assert summary(page) == INITIAL_SUMMARY
    assert [page.input_value(s) for s in ("#name", "#age", "#bio", "#color")] == ["", "30", "", "green"]
    assert selected(page, "#toppings") == ["basil", "garlic"]
    assert [page.is_checked(s) for s in ("#subscribe", "#size-s", "#size-m", "#size-l", "#extra-cheese",
                                         "#extra-olives")] == [False, False, True, False, True, False]
    assert stats(page)["errors"] == 0
    assert page.query_selector(".vdom-error-overlay") is None

    # A component raising in populate(): the overlay (development mode) shows the traceback next
    # to the page, the console has it, the page keeps its DOM and keeps working.
    page.eval_on_selector("#name", "e => { e.__mark = 'name' }")
    page.click("#toggle-broken")
    page.wait_for_selector(".vdom-error-overlay")
    overlay = page.text_content(".vdom-error-overlay")
    assert "Error in rendering BrokenWidget (precheck/populate)" in overlay
    assert "Traceback (most recent call last)" in overlay
    assert "ValueError: deliberate error in BrokenWidget.populate()" in overlay
    assert page.eval_on_selector(".vdom-error-overlay", "e => e.parentNode === document.body")
    assert page.eval_on_selector(".vdom-error-overlay", "e => getComputedStyle(e).position") == "fixed"
    assert page.text_content("#toggle-broken") == "Hide the broken widget"
    assert page.query_selector("#broken") is None       # the failed component rendered nothing
    page.click("#name")
    page.keyboard.type("Bob")
    wait_out(page, "name", "'Bob'")
    page.check("#subscribe")
    wait_out(page, "subscribe", "True")
    assert page.eval_on_selector("#name", "e => e.__mark") == "name"
    # Reported once (not again on every re-render of its parent).
    assert stats(page)["errors"] == 1
    assert len(page.query_selector_all(".vdom-error-overlay .vdom-error")) == 1
    allow_deliberate_error(page, "rendering BrokenWidget (precheck/populate)",
                           "ValueError: deliberate error in BrokenWidget.populate()")
    # The overlay closes; hiding the widget works.
    page.click(".vdom-error-close")
    page.wait_for_selector(".vdom-error-overlay", state="detached")
    page.click("#toggle-broken")
    page.wait_for_function("document.querySelector('#toggle-broken').textContent === 'Show the broken widget'")
    assert stats(page)["errors"] == 1


# -- app-widgets ---------------------------------------------------------------------------

def stars(page, name):
    """The <star-rating> of ``name``: its value attribute and the classes of its shadow buttons."""
    return page.eval_on_selector("#stars-" + name, "e => [e.getAttribute('value'), "
                                 "[...e.shadowRoot.querySelectorAll('button')].map(b => b.className).join(' ')]")


@INTERPS
def test_app_widgets_web_component_and_js_chart(open_example, interp):
    page = open_example("app-widgets", interp)
    # The web component got value= as an attribute (components read attributes) and drew itself.
    assert stars(page, "tea") == ["3", "on on on off off"]
    assert stars(page, "cocoa") == ["4", "on on on on off"]
    assert page.text_content("#total") == "total: 8 stars"
    # The JS function filled the empty ref'd element in on_ready: three bars.
    page.wait_for_function("document.querySelectorAll('#chart .bar').length === 3")
    assert page.eval_on_selector_all("#chart .bar", "els => els.map(e => e.title)") == ["3", "1", "4"]
    page.eval_on_selector("#chart", "e => { e.__mark = 'chart' }")
    assert page.text_content("#note") == "Bars drawn by a JS function into an element the diff leaves alone."
    # Click the fifth star of coffee (inside the component's shadow DOM): its change event
    # reaches the row's handler, trigger_event reaches the page, the page re-renders.
    page.click("#stars-coffee >> button[aria-label='5 stars']")
    wait_text(page, "#total", "total: 12 stars")
    assert stars(page, "coffee") == ["5", "on on on on on"]
    # on_redraw drew the chart again into the same element (the diff left its bars alone).
    page.wait_for_function("document.querySelector('#chart').dataset.drawn === '2'")
    assert page.eval_on_selector_all("#chart .bar", "els => els.map(e => e.title)") == ["3", "5", "4"]
    assert page.eval_on_selector("#chart", "e => e.__mark") == "chart"
    assert stats(page)["errors"] == 0


# -- app-todomvc ---------------------------------------------------------------------------

def add_todo(page, title):
    page.click(".new-todo")
    page.keyboard.type(title)
    page.keyboard.press("Enter")


@INTERPS
def test_app_todomvc_follows_the_spec(open_example, interp):
    page = open_example("app-todomvc", interp)
    page.evaluate("localStorage.removeItem('todos-vdom-app')")
    # The standard look: todomvc-app-css is loaded (its rules style .todoapp).
    assert page.eval_on_selector(".todoapp h1", "e => getComputedStyle(e).position") == "absolute"
    # No todos: main and footer are hidden (not rendered).
    assert page.query_selector(".main") is None and page.query_selector(".footer") is None
    add_todo(page, "  buy milk  ")                        # trimmed
    wait_count(page, ".todo-list li", 1)
    assert page.input_value(".new-todo") == ""
    add_todo(page, "walk the dog")
    add_todo(page, "   ")                                 # blank: nothing added
    add_todo(page, "write tests")
    wait_count(page, ".todo-list li", 3)
    assert texts(page, ".todo-list label") == ["buy milk", "walk the dog", "write tests"]
    assert page.text_content(".todo-count") == "3 items left"
    assert page.query_selector(".clear-completed") is None
    # Complete one: class, count, clear-completed appears; persisted.
    page.check(".todo-list li:nth-child(2) .toggle")
    wait_text(page, ".todo-count", "2 items left")
    assert page.get_attribute(".todo-list li:nth-child(2)", "class") == "completed"
    page.wait_for_selector(".clear-completed")
    stored = json.loads(page.evaluate("localStorage.getItem('todos-vdom-app')"))
    assert [(x["title"], x["completed"]) for x in stored] == [("buy milk", False), ("walk the dog", True),
                                                              ("write tests", False)]
    # Filters follow the hash.
    page.click(".filters a[href='#/active']")
    wait_count(page, ".todo-list li", 2)
    assert page.get_attribute(".filters a[href='#/active']", "class") == "selected"
    page.click(".filters a[href='#/completed']")
    wait_count(page, ".todo-list li", 1)
    page.go_back()
    wait_count(page, ".todo-list li", 2)
    page.click(".filters a[href='#/']")
    wait_count(page, ".todo-list li", 3)
    # Edit: double-click, the field has focus and the title; Enter saves (trimmed).
    page.dblclick(".todo-list li:nth-child(1) label")
    page.wait_for_selector(".todo-list li.editing .edit")
    page.wait_for_function("document.activeElement && document.activeElement.classList.contains('edit')")
    page.fill(".todo-list li.editing .edit", "  buy oat milk ")
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('.todo-list li:nth-child(1) label').textContent === 'buy oat milk'")
    assert page.query_selector(".todo-list li.editing") is None
    # Escape cancels.
    page.dblclick(".todo-list li:nth-child(3) label")
    page.wait_for_selector(".todo-list li.editing .edit")
    page.fill(".todo-list li.editing .edit", "never saved")
    page.keyboard.press("Escape")
    page.wait_for_function("!document.querySelector('.todo-list li.editing')")
    assert texts(page, ".todo-list label")[2] == "write tests"
    # Saving an empty title deletes the todo.
    page.dblclick(".todo-list li:nth-child(3) label")
    page.wait_for_selector(".todo-list li.editing .edit")
    page.fill(".todo-list li.editing .edit", "   ")
    page.keyboard.press("Enter")
    wait_count(page, ".todo-list li", 2)
    # Toggle all, then clear completed.
    page.click("label[for='toggle-all']")              # the label is what a user clicks
    wait_text(page, ".todo-count", "0 items left")
    page.click(".clear-completed")
    page.wait_for_selector(".main", state="detached")
    assert page.query_selector(".footer") is None
    assert json.loads(page.evaluate("localStorage.getItem('todos-vdom-app')")) == []
    assert stats(page)["errors"] == 0


# -- app-tutorial ---------------------------------------------------------------------------

@INTERPS
def test_app_tutorial_steps_as_a_user_drives_them(open_example, interp):
    page = open_example("app-tutorial", interp)
    assert texts(page, "#steps a") == ["Hello, World", "Hello, name", "Counter", "Refs", "Watchers", "Components"]
    page.click("#go-hello")
    wait_text(page, "#out", "Hello, World!")
    page.go_back()
    page.wait_for_selector("#steps")
    # Hello, name: bind= both ways.
    page.click("#go-hello-name")
    page.wait_for_selector("#name")
    page.click("#name")
    page.keyboard.type("Ann")
    wait_text(page, "#out", "Hello, Ann!")
    page.go_back()
    # Counter.
    page.click("#go-counter")
    page.wait_for_selector("#inc")
    for _ in range(3):
        page.click("#inc")
    page.click("#dec")
    page.wait_for_function("document.querySelector('#out').textContent === '2'")
    page.go_back()
    # Refs: one span per letter goes before the input's container; the input keeps its node
    # and the focus, so typing letter by letter gives the whole word.
    page.click("#go-refs")
    page.wait_for_selector("#word")
    page.eval_on_selector("#word", "e => { e.__mark = 'box' }")
    page.click("#word")
    page.keyboard.type("abc")
    page.wait_for_function("document.querySelectorAll('#letters .letter').length === 3")
    assert page.input_value("#word") == "abc"
    assert page.eval_on_selector("#word", "e => e.__mark") == "box"
    assert page.evaluate("document.activeElement.id") == "word"
    page.click("#clear")
    page.wait_for_function("document.querySelectorAll('#letters .letter').length === 0")
    assert page.input_value("#word") == "" and page.evaluate("document.activeElement.id") == "word"
    page.go_back()
    # Watchers: on_guess_change answers every change.
    page.click("#go-watchers")
    page.wait_for_selector("#guess")
    for guess, answer in (("3", "3 is too low"), ("9", "9 is too high"), ("7", "You got it!")):
        page.fill("#guess", guess)
        wait_text(page, "#out", answer)
    page.go_back()
    # Components: props, named and default slots, an event to the parent.
    page.click("#go-components")
    page.wait_for_selector("#card-1")
    assert texts(page, ".card h3") == ["Cats", "Dogs"]
    assert texts(page, ".card-body p") == ["Independent.", "Loyal."]
    page.click("#card-1 .pick")
    wait_text(page, "#out", "picked: 1")
    assert texts(page, ".card .pick") == ["select", "selected"]
    assert stats(page)["errors"] == 0


# -- app-router-html5 -----------------------------------------------------------------------

IMPL = {"mpy": "micropython", "py": "pyodide"}


def wait_ready(page, interp):
    """After a goto/reload of a page of the gallery: the app's first render is done, under ``interp``."""
    page.wait_for_selector("body[data-py-ready]", timeout=60_000)
    assert page.get_attribute("body", "data-py-ready") == IMPL[interp]


def pet_facts(page):
    return texts(page, "#app dd")


@INTERPS
def test_app_router_html5_deep_link_reload_and_navigation(page, gallery_url, interp):
    base = gallery_url + "app-router-html5/"
    # A deep link (a bookmark, a shared URL): the gallery answers a path under the example that
    # is not a file with the example's index.html; the router reads the path (base_path stripped).
    page.goto(base + "pet/garfield?" + interp)
    wait_ready(page, interp)
    wait_h1(page, "Pet Information")
    assert pet_facts(page) == ["Garfield", "cat", "lazy"]
    assert page.title() == "Garfield \u00b7 Pets"
    page.evaluate("window.__noreload = 1")
    # PuePy's Link (set_href -> router.reverse(DefaultPage)): a path under the base path.
    assert page.get_attribute("#home", "href") == "/examples/app-router-html5/"
    page.click("#home")
    wait_h1(page, "PuePy Routing Demo: Pet Listing")
    assert page.evaluate("location.pathname") == "/examples/app-router-html5/"
    assert texts(page, "#app li a") == ["Garfield", "Scooby-Doo", "Snoopy"]
    assert page.get_attribute("#pet-snoopy", "href") == "/examples/app-router-html5/pet/snoopy"
    page.click("#pet-snoopy")
    wait_h1(page, "Pet Information")
    assert pet_facts(page) == ["Snoopy", "dog", "playful"]
    assert page.evaluate("location.pathname") == "/examples/app-router-html5/pet/snoopy"
    assert page.title() == "Snoopy \u00b7 Pets"
    # Back and Forward route (popstate); nothing reloaded.
    page.go_back()
    wait_h1(page, "PuePy Routing Demo: Pet Listing")
    page.go_back()
    page.wait_for_function("document.title === 'Garfield \u00b7 Pets'")
    assert pet_facts(page) == ["Garfield", "cat", "lazy"]
    page.go_forward()
    wait_h1(page, "PuePy Routing Demo: Pet Listing")
    page.go_forward()
    page.wait_for_function("document.title === 'Snoopy \u00b7 Pets'")
    assert page.evaluate("window.__noreload") == 1
    # Reload the pushed URL (it has no query): same pet, same interpreter (the page's inline
    # script put this tab's choice back into the query before examples/loader.js read it).
    page.reload()
    wait_ready(page, interp)
    wait_h1(page, "Pet Information")
    assert pet_facts(page) == ["Snoopy", "dog", "playful"]
    assert page.evaluate("location.pathname + location.search") == "/examples/app-router-html5/pet/snoopy?" + interp
    assert page.evaluate("window.__noreload") is None
    # A path under the example that no route matches: the app's not-found page.
    page.goto(base + "no/such/page")
    wait_ready(page, interp)
    page.wait_for_selector("#not-found")
    assert page.text_content("#missing") == "Nothing at /examples/app-router-html5/no/such/page?%s." % interp
    page.click("#home")
    wait_h1(page, "PuePy Routing Demo: Pet Listing")
    assert stats(page)["errors"] == 0
    # The fallback serves pages, not files: a missing file is still a 404.
    assert page.request.get(base + "pet/missing.py").status == 404
    assert page.request.get(base + "pet/scooby").status == 200


# -- app-fullapp ----------------------------------------------------------------------------

def chart_values(page):
    return page.eval_on_selector_all("#chart svg .point", "els => els.map(e => Number(e.dataset.value))")


def log_in(page, user, password):
    page.click("#username")
    page.keyboard.type(user)
    page.click("#password")
    page.keyboard.type(password)
    page.keyboard.press("Enter")


@INTERPS
def test_app_fullapp_login_guard_chart_and_state(open_example, interp):
    page = open_example("app-fullapp", interp)
    # Nobody logged in: the layout's precheck() raised Unauthorized on the first render; the
    # app's handle_unauthorized redirected to the login page, which will return to "/".
    wait_h1(page, "Login")
    assert hash_of(page) == "#/login?return_to=%2F"
    assert page.text_content("#return-to") == "You will be returned to /"
    assert page.title() == "Log in \u00b7 Dapper"
    page.click("#login-btn")
    page.wait_for_selector("#login-error")
    log_in(page, "ann", "secret")
    wait_h1(page, "Hello, you are authenticated as ann")
    assert hash_of(page) == "#/"
    assert page.text_content("#user") == "ann \u00b7 "
    assert texts(page, "#totals li") == ["Tacos: 227 sold in 6 months", "Burritos: 226 sold in 6 months"]
    # The chart page: the JS library drew into the Chart component's element in on_ready.
    page.click("#to-charts")
    wait_h1(page, "Tacos per month")
    page.wait_for_function("document.querySelectorAll('#chart svg .point').length === 6")
    assert chart_values(page) == [54, 21, 3, 38, 26, 85]
    assert page.get_attribute("#chart", "data-drawn") == "1"
    assert page.get_attribute("#chart svg", "aria-label") == "Tacos sold: 54, 21, 3, 38, 26, 85"
    page.eval_on_selector("#chart", "e => { e.__mark = 'chart' }")
    # App state changes: the chart is redrawn (on_redraw) into the same element.
    page.click("#add-month")
    page.wait_for_function("document.querySelectorAll('#chart svg .point').length === 7")
    assert chart_values(page) == [54, 21, 3, 38, 26, 85, 73]
    assert page.text_content("#chart-total") == "total: 300"
    assert page.eval_on_selector("#chart", "e => [e.__mark, e.dataset.drawn]") == ["chart", "2"]
    # Page state: another series, another chart type.
    page.select_option("#series", "Burritos")
    wait_h1(page, "Burritos per month")
    page.wait_for_function("document.querySelector('#chart svg').getAttribute('aria-label').startsWith('Burritos')")
    assert chart_values(page) == [12, 30, 45, 28, 50, 61]
    page.check("#type-line")
    page.wait_for_selector("#chart svg polyline")
    assert page.eval_on_selector_all("#chart svg .point", "els => els.map(e => e.tagName)") == ["circle"] * 6
    assert page.eval_on_selector("#chart", "e => e.__mark") == "chart"
    # The dashboard reads the same app state.
    page.click("#nav-dashboard")
    wait_h1(page, "Hello, you are authenticated as ann")
    assert texts(page, "#totals li") == ["Tacos: 300 sold in 7 months", "Burritos: 226 sold in 6 months"]
    page.click("#nav-charts")
    wait_h1(page, "Tacos per month")
    # Log out on the chart page: the layout re-renders, its guard sends the user to the login
    # page, which returns to the charts; a page without login_required stays open.
    page.click("#logout")
    wait_h1(page, "Login")
    assert hash_of(page) == "#/login?return_to=%2Fcharts"
    assert page.evaluate("sessionStorage.getItem('user')") is None
    page.click("#nav-about")
    wait_h1(page, "About")
    page.click("#nav-charts")
    wait_h1(page, "Login")
    assert hash_of(page) == "#/login?return_to=%2Fcharts"
    log_in(page, "bob", "pw")
    wait_h1(page, "Tacos per month")
    assert hash_of(page) == "#/charts"
    assert page.text_content("#user") == "bob \u00b7 "
    page.wait_for_function("document.querySelectorAll('#chart svg .point').length === 7")
    # The login survives a reload of the tab (sessionStorage); the guard lets bob in.
    page.reload()
    wait_ready(page, interp)
    wait_h1(page, "Tacos per month")
    page.wait_for_function("document.querySelectorAll('#chart svg .point').length === 6")
    page.evaluate("location.hash = '#/nowhere'")
    wait_h1(page, "Page Not Found")
    assert stats(page)["errors"] == 0


# -- app-jinja ------------------------------------------------------------------------------

def test_app_jinja_says_it_needs_pyodide_under_micropython(open_example):
    page = open_example("app-jinja", "mpy")
    page.wait_for_selector("#pyodide-only")
    assert "runs under Pyodide only" in page.text_content("#pyodide-only")
    assert page.get_attribute("#to-pyodide", "href") == "?py"
    assert stats(page)["errors"] == 0


def test_app_jinja_template_renders_and_follows_state_under_pyodide(open_example):
    page = open_example("app-jinja", "py")
    # Jinja2 and MarkupSafe came from the gallery (the zip python3 -m examples made from PyPI's
    # wheels); the fixture fails on any request leaving 127.0.0.1.
    page.wait_for_selector("#jinja-out h2.greeting", timeout=30_000)
    assert page.text_content("#jinja-out h2.greeting") == "Hello, Monty!"
    assert page.eval_on_selector_all("#jinja-out li.pet", "els => els.map(e => e.dataset.name)") == ["Rex", "Tom"]
    assert page.text_content("#jinja-out .footnote").startswith("2 pets, rendered by Jinja2 3.")
    # State -> template: the bound input re-renders the page, the template's new output replaces
    # the old; Jinja's autoescape keeps typed markup as text.
    page.fill("#name", "<i>Ann</i>")
    wait_text(page, "#jinja-out h2.greeting", "Hello, <i>Ann</i>!")
    assert page.query_selector("#jinja-out h2 i") is None
    page.fill("#new-pet", "Nemo")
    page.select_option("#kind", "fish")
    page.click("#add")
    page.wait_for_function("document.querySelectorAll('#jinja-out li.pet').length === 3")
    assert page.text_content("#jinja-out li.pet[data-name=Nemo]").split() == ["Nemo", "the", "fish", "pick"]
    assert page.text_content("#jinja-out .footnote").startswith("3 pets")
    assert page.input_value("#new-pet") == ""
    # A click inside the inserted markup reaches the component (its on_click), which tells the page.
    page.click("#jinja-out button[data-pick=Tom]")
    wait_text(page, "#picked", "picked: Tom")
    assert page.eval_on_selector_all("#jinja-out li.picked", "els => els.map(e => e.dataset.name)") == ["Tom"]
    assert page.text_content("#jinja-out button[data-pick=Tom]") == "picked"
    assert stats(page)["errors"] == 0
