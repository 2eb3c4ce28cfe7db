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

Server rendering and hydration (issue 13; the page shell is
``jfb_shell.py``, which the bench server renders too):

- ``?rows=N`` starts with N rows (the first-content / interactive pages);
  with ``&ssr=1`` the page came from the bench server with those rows
  already in ``#main`` (``render_to_string(..., hydratable=True)``), and
  the app calls ``root.hydrate`` instead of ``root.render``.
- The ``hydrate1k`` operation: ``window.benchSsrPrepare()`` unmounts the
  root (the harness then writes the server's markup into ``#main``), and
  a click on ``#hydrate`` (outside ``#main``) makes a new root and hydrates
  it with the store's next 1,000 rows.  ``window.benchHydration`` holds the
  counters of the last hydration (JSON).
- ``?read=fast`` / ``?read=tree``: the DOM renderer with the batched read
  methods proposed in ``dom_read.py`` (measured side by side with the plain
  one); ``?read=snapshot`` answers hydration's reads from Python, read
  before the timer starts (the core's own cost); ``?read=count`` counts the
  plain renderer's reads (``window.benchReadCounts``).
"""

import json

import js
from vdom import memo, create_root
from renderers.dom import DomRenderer
from jfb import Store, row
import jfb_shell

try:
    from pyodide.ffi import create_proxy
except ImportError:
    from jsffi import create_proxy

_query = str(js.location.search)
# ?fine=1: memo rows, and select/update re-render only the rows they change
# with Root.update (what a vdom.app row component does); the other
# operations re-render the list reusing the mounted memo of every unchanged row.
FINE = "fine=1" in _query
USE_MEMO = "memo=1" in _query or FINE
COUNT = "count=1" in _query  # profiling: count renderer calls and JS crossings per render
SSR = "ssr=1" in _query  # #main holds the server's markup: hydrate it at start
READ = ""  # ?read=fast|tree|snapshot|count: hydration's read methods (dom_read.py)
if "read=" in _query:
    READ = _query[_query.index("read=") + 5:].split("&")[0]


def _query_int(name, default):
    i = _query.find(name + "=")
    if i < 0:
        return default
    j = i + len(name) + 1
    k = j
    while k < len(_query) and _query[k].isdigit():
        k += 1
    return int(_query[j:k])


START_ROWS = _query_int("rows", 0)
_perf = js.performance
_win = js.window

store = Store(seed=1)


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


def button(action, fine=None):
    def on_click(event):
        _win.benchPyEnter = _perf.now()
        if FINE and fine is not None:
            fine()
            return
        action()
        render()
    return on_click


def make_header():
    # The part that never changes is built once per root: re-rendering the very
    # same VNode object costs nothing.
    return jfb_shell.header(jfb_shell.title(USE_MEMO), {
        "run": button(lambda: store.run(1000)),
        "runlots": button(lambda: store.run(10000)),
        "add": button(lambda: store.add(1000)),
        "update": button(lambda: store.update(10), lambda: update_fine(10) if FINE else None),
        "clear": button(store.clear),
        "swaprows": button(store.swap),
    })


HEADER = make_header()


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
    return jfb_shell.page(HEADER, _TBODY, rows)


_reads = None
if "core=" in _query:  # profiling experiments (dom_read.patch_core_*)
    import dom_read
    if "core=props" in _query:
        dom_read.patch_core_props()
    if "core=static" in _query:
        dom_read.patch_core_static()
if READ in ("fast", "tree", "snapshot"):
    import dom_read
    renderer = {"fast": dom_read.FastReadDomRenderer, "tree": dom_read.TreeReadDomRenderer,
                "snapshot": dom_read.SnapshotReadDomRenderer}[READ](count=COUNT)
else:
    renderer = DomRenderer(count=COUNT)
    if READ == "count":
        import dom_read
        _reads = dom_read.CountingReads(renderer)
_idle = renderer.idle_gc  # MicroPython: collections run after the paint (the harness checks they do)
root = create_root(renderer, js.document.getElementById("main"))


def render(hydrate=False):
    if COUNT:
        renderer.reset_counts()
    t0 = _perf.now()
    tree = view()
    t1 = _perf.now()
    if hydrate:
        root.hydrate(tree)
    else:
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


def _report_hydration():
    _win.benchHydration = json.dumps(root.hydration)
    if _reads is not None:
        _win.benchReadCounts = json.dumps({"calls": _reads.calls, "crossings": _reads.crossings})
        _reads.reset()


def ssr_prepare(*args):
    """hydrate1k setup (untimed): let go of the root and its DOM; the harness then
    writes the server's markup into #main."""
    global HEADER
    root.unmount()
    HEADER = make_header()
    _row_memos.clear()


def on_hydrate(event):
    """hydrate1k (timed): the store's next 1,000 rows, hydrated onto the server's markup."""
    global root
    _win.benchPyEnter = _perf.now()
    main = js.document.getElementById("main")
    root = create_root(renderer, main)
    store.run(1000)
    if READ == "snapshot":
        renderer.prefetch(main)  # outside render()'s timer: benchPyRender is the core's cost
    if _reads is not None:
        _reads.reset()
    render(True)
    _report_hydration()
    if READ == "snapshot" and "core=readcost" in _query:
        _read_cost()
    if _idle is not None:
        _idle.schedule()  # as after every handler the renderer dispatches


def _read_cost():
    """Profiling (``?read=snapshot&core=readcost``): what the core's ~44k read calls cost
    when every one is answered from Python (as in the snapshot): the same number of
    calls, in the same mix, on the nodes just hydrated; ms in ``window.benchReadCost``."""
    r = renderer
    nodes = []
    for lst in r._alive:
        nodes.extend(lst)
    nt = r.node_type
    nn = r.node_name
    tx = r.node_text
    at = r.attributes
    ck = r.child_nodes
    t0 = _perf.now()
    for x in nodes:
        if nt(x) == 1:
            nt(x)
            nn(x)
            nn(x)
            at(x)
            ck(x)
        else:
            tx(x)
    _win.benchReadCost = "%d nodes: %.1f ms" % (len(nodes), _perf.now() - t0)


_win.benchSsrPrepare = create_proxy(ssr_prepare)
_win.benchSsrTarget = "main"
_hydrate_btn = js.document.getElementById("hydrate")
if _hydrate_btn is not None:
    _hydrate_btn.addEventListener("click", create_proxy(on_hydrate))

if START_ROWS:
    store.run(START_ROWS)
if SSR:
    if READ == "snapshot":
        renderer.prefetch(js.document.getElementById("main"))
    render(True)
    _report_hydration()
else:
    render()
_win.benchStartBuild = _win.benchPyBuild  # the first render's (a click overwrites benchPy*)
_win.benchStartRender = _win.benchPyRender
_win.benchReadyAt = _perf.now()
js.document.documentElement.setAttribute("data-ready", "pyvdom")
