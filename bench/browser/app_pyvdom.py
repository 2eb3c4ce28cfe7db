"""The js-framework-benchmark app with pyvdom in the browser (MicroPython and Pyodide).

The store and the row markup are bench/jfb.py's (served as ``jfb.py``);
this file adds the page: the buttons, one delegated click listener on
<tbody> (like vanilla JS: rows carry no listeners), and a render after
every action.  ``?memo=1`` makes each row a ``vdom.memo`` keyed by id, so
a re-render skips the rows whose (item, selected) did not change.

Every render stores where its time went in ``window.benchPyBuild`` (ms to
build the VNode tree) and ``window.benchPyRender`` (ms in ``root.render``:
the diff plus the DOM calls), and the handler's entry and exit times
(``benchPyEnter``/``benchPyExit``); the harness reports them.  ``?count=1``
counts renderer calls and JS crossings per render (``benchPyCalls``,
``benchPyCrossings``; slower, for profiling only).
"""

import js
from vdom import h, memo, create_root
from renderers.dom import DomRenderer
from jfb import Store, row

_query = str(js.location.search)
# ?fine=1: memo rows, and select/update re-render only the rows they change
# with Root.update (what a vdom.app row component does); the other
# operations re-render the list reusing the mounted memo of every unchanged row.
FINE = "fine=1" in _query
USE_MEMO = "memo=1" in _query or FINE
COUNT = "count=1" in _query  # profiling: count renderer calls and JS crossings per render
_perf = js.performance
_win = js.window

store = Store(seed=1)

_TABLE = {"class": "table table-hover table-striped test-data"}
_BTN_COL = {"class": "col-sm-6 smallpad"}
_ICON = {"class": "preloadicon glyphicon glyphicon-remove", "aria-hidden": "true"}


def on_tbody_click(event):
    """The one listener for every row: select (label link) or remove (icon)."""
    _win.benchPyEnter = _perf.now()
    target = event.target
    tag = target.tagName
    if tag == "SPAN":
        a = target.parentNode
    elif tag == "A":
        a = target
    else:
        return
    td = a.parentNode
    rid = int(td.parentNode.firstChild.textContent)
    if td.className == "col-md-4":
        if FINE:
            select_fine(rid)
            return
        store.select(rid)
    else:
        store.remove(rid)
    render()


_TBODY = {"id": "tbody", "on_click": on_tbody_click}


def button(bid, label, action, fine=None):
    def on_click(event):
        _win.benchPyEnter = _perf.now()
        if FINE and fine is not None:
            fine()
            return
        action()
        render()
    return h("div", _BTN_COL, h("button", {"type": "button", "class": "btn btn-primary btn-block", "id": bid,
                                           "on_click": on_click}, label))


# The part that never changes is built once: re-rendering the very same
# VNode object costs nothing.
HEADER = h("div", {"class": "jumbotron"}, h("div", {"class": "row"}, [
    h("div", {"class": "col-md-6"}, h("h1", None, "pyvdom (keyed%s)" % (", memo rows" if USE_MEMO else ""))),
    h("div", {"class": "col-md-6"}, h("div", {"class": "row"}, [
        button("run", "Create 1,000 rows", lambda: store.run(1000)),
        button("runlots", "Create 10,000 rows", lambda: store.run(10000)),
        button("add", "Append 1,000 rows", lambda: store.add(1000)),
        button("update", "Update every 10th row", lambda: store.update(10),
               lambda: update_fine(10) if FINE else None),
        button("clear", "Clear", store.clear),
        button("swaprows", "Swap Rows", store.swap),
    ]))]))
ICON = h("span", _ICON)
_CONTAINER = {"class": "container"}


def view():
    sel = store.selected
    if FINE:
        # Keep the mounted memo of every row whose item and selection are
        # unchanged (a framework keeps its row components the same way):
        # the reconciler skips a keyed VNode that is the very object mounted.
        rows = []
        old = _row_memos
        for it in store.rows:
            rid = it[0]
            m = old.get(rid)
            if m is None or m.args[0] is not it or m.args[1] != (rid == sel):
                m = memo(row, it, rid == sel, key=rid)
            rows.append(m)
    elif USE_MEMO:
        rows = [memo(row, it, it[0] == sel, key=it[0]) for it in store.rows]
    else:
        rows = [row(it, it[0] == sel) for it in store.rows]
    return h("div", _CONTAINER, [HEADER, h("table", _TABLE, h("tbody", _TBODY, rows)), ICON])


renderer = DomRenderer(count=COUNT)
_idle = renderer.idle_gc  # MicroPython: collections run after the paint (the harness checks they do)
root = create_root(renderer, js.document.getElementById("main"))


def render():
    if COUNT:
        renderer.reset_counts()
    t0 = _perf.now()
    tree = view()
    t1 = _perf.now()
    root.render(tree)
    t2 = _perf.now()
    if FINE:
        _remember_rows(tree)
    _win.benchPyBuild = t1 - t0
    _win.benchPyRender = t2 - t1
    _win.benchPyExit = t2
    _win.benchIdleGc = -1 if _idle is None else _idle.collections
    if COUNT:
        _win.benchPyCalls = renderer.count()
        _win.benchPyCrossings = renderer.crossings


_row_memos = {}  # id -> the mounted memo of that row (FINE)


def _remember_rows(tree):
    _row_memos.clear()
    for m in tree.children[1].children[0].children:
        _row_memos[m.key] = m


def _update_rows(items):
    """Re-render just these rows: new args on their mounted memos, then Root.update."""
    t0 = _perf.now()
    sel = store.selected
    todo = []
    for it in items:
        m = _row_memos.get(it[0])
        if m is not None:
            m.args = (it, it[0] == sel)
            todo.append(m)
    root.update(*todo)
    t1 = _perf.now()
    _win.benchPyBuild = 0
    _win.benchPyRender = t1 - t0
    _win.benchPyExit = t1


def select_fine(rid):
    old = store.selected
    store.select(rid)
    # The mounted memos hold their items: no scan of the store's rows.
    items = []
    for k in (old, rid):
        m = _row_memos.get(k)
        if m is not None:
            items.append(m.args[0])
    _update_rows(items)


def update_fine(step):
    store.update(step)
    rows = store.rows
    _update_rows([rows[i] for i in range(0, len(rows), step)])


render()
_win.benchReadyAt = _perf.now()
js.document.documentElement.setAttribute("data-ready", "pyvdom")
