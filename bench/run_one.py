"""Run the js-framework-benchmark operations on this interpreter; print JSON.

Portable (CPython, Pyodide, MicroPython).  Usage::

    python bench/run_one.py [--runs N] [--warmup N] [--quick] [--ops a,b] [--variants plain,memo]

Each operation: set up the state and render it (untimed), ``gc.collect()``,
then time building the new VNode tree (``build``) and ``root.render``
(``patch``) separately.  A separate logged run counts the renderer calls.
The result is one line ``BENCH_JSON {...}`` on stdout.

The work is a generator, ``run(argv)``, that yields wherever a browser
handler would return to JS: after each setup and after each timed
operation, each time with a collection requested.  That matters on
MicroPython's webassembly port, which cannot collect while Python runs:
``gc.collect()`` only marks a collection as due and it happens when the
call from JS returns.  ``tools/mpy_run.mjs --steps`` drives the generator
with one top-level call per step (``__step__()``), so collections happen
between steps as they do between clicks, and the allocator works on the
fragmented heap it sees in a browser.  Run as a plain script (CPython,
Pyodide, or MicroPython without ``--steps``) the generator is drained in
one go, collecting at every step (a no-op for MicroPython then).
"""

import sys
import gc
import json

try:
    sys.path.insert(0, __file__.rsplit("/", 2)[0] or ".")
except NameError:
    pass

from vdom import create_root  # noqa: E402
from renderers.mock import MockRenderer, inner_html  # noqa: E402
from renderers.html import render_to_string  # noqa: E402

try:
    from bench.jfb import Store, table, OPERATIONS  # noqa: E402
except ImportError:
    from jfb import Store, table, OPERATIONS  # noqa: E402

IMPL = sys.implementation.name
if sys.platform == "emscripten":
    IMPL = "pyodide"

try:
    import js

    _perf = js.performance

    def now():
        return _perf.now()
except ImportError:
    from time import perf_counter

    def now():
        return perf_counter() * 1000.0

# tr, 2 tds and an <a> created and inserted, 2 classes, 2 text contents (the id's <td>
# and the label's <a>: set_text_content), and the 2 static cells (jfb.REMOVE_CELL,
# EMPTY_CELL) cloned and inserted.
PER_ROW_OPS = 16
# Building the two static templates, once per renderer: <td><a><span></a></td>
# (3 created, 2 inserted, 2 classes, 1 attribute) and <td class> (created, 1 class).
TEMPLATE_OPS = 10


def minimum(name, rows_before):
    """The fewest renderer calls an operation needs, and the key counter to check."""
    # create1k/create10k start from an empty table: the static templates are built then.
    if name == "create1k":
        return {"row_inserts": 1000, "total": 1000 * PER_ROW_OPS + TEMPLATE_OPS}
    if name == "append1k":
        return {"row_inserts": 1000, "total": 1000 * PER_ROW_OPS}
    if name == "create10k":
        return {"row_inserts": 10000, "total": 10000 * PER_ROW_OPS + TEMPLATE_OPS}
    if name == "replace1k":
        return {"row_inserts": 1000, "row_removes": 1, "total": 1000 * PER_ROW_OPS + 1}
    if name == "update10th":
        return {"set_text": 100, "total": 100}
    if name == "select":
        return {"class_changes": 2, "total": 2}
    if name == "swap":
        return {"moves": 2, "total": 2}
    if name == "remove":
        return {"row_removes": 1, "total": 1}
    if name == "clear1k":
        return {"row_removes": 1, "total": 1}
    return {}


def _setup(setup, use_memo, log):
    store = Store(seed=42)
    r = MockRenderer(log=log)
    root = create_root(r, r.create_container())
    setup(store)
    root.render(table(store, use_memo))
    return store, r, root


def count_ops(name, setup, action, use_memo):
    store, r, root = _setup(setup, use_memo, True)
    tbody = root.children[0].children[0].el
    r.reset()
    action(store)
    tree = table(store, use_memo)
    root.render(tree)
    c = {"total": len(r.ops), "moves": r.moves, "set_text": 0, "class_changes": 0,
         "row_inserts": 0, "row_removes": 0}
    # The DOM after the operation must be exactly the tree rendered from scratch.
    c["dom_ok"] = inner_html(root.container) == render_to_string(table(store, use_memo)) and \
        len(tbody.children) == len(store.rows)
    for op in r.ops:
        k = op[0]
        if k == "set_text" or k == "set_text_content":
            c["set_text"] += 1
        elif k == "set_class" or (k == "remove_attribute" and op[2] == "class"):
            c["class_changes"] += 1
        elif k == "insert" and op[1] is tbody and op[3] is None:
            c["row_inserts"] += 1
        elif (k == "remove" and op[1] is tbody) or (k == "clear" and op[1] is tbody):
            c["row_removes"] += 1
    return c


def time_op(setup, action, use_memo, runs, warmup, builds, patches):
    """Time ``runs`` operations into ``builds``/``patches`` (a generator: see ``run``)."""
    for i in range(warmup + runs):
        store, r, root = _setup(setup, use_memo, False)
        action(store)
        gc.collect()
        yield  # the setup's handler returns: its garbage is collected
        t0 = now()
        tree = table(store, use_memo)
        t1 = now()
        root.render(tree)
        t2 = now()
        if i >= warmup:
            builds.append(t1 - t0)
            patches.append(t2 - t1)
        store = r = root = tree = None
        gc.collect()
        yield  # the timed handler returns


def stats(xs):
    s = sorted(xs)
    n = len(s)
    med = s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2.0
    return {"median": med, "min": s[0], "max": s[-1], "runs": n}


def memory(out):
    """Bytes per VNode of a 1,000-row tree, and per mounted row (MicroPython only), into ``out``.

    A generator (see ``run``): under ``mpy_run.mjs --steps`` every
    ``gc.collect()`` takes effect at the next yield, so the figures count
    live objects only.
    """
    if not hasattr(gc, "mem_alloc"):
        return
    store = Store(seed=7)
    store.run(1000)
    gc.collect()
    yield
    a = gc.mem_alloc()
    tree = table(store)
    gc.collect()
    yield
    b = gc.mem_alloc()
    n = 0
    st = [tree]
    while st:
        v = st.pop()
        n += 1
        if v.children:
            st.extend(v.children)
    r = MockRenderer(log=False)
    root = create_root(r, r.create_container())
    gc.collect()
    yield
    c = gc.mem_alloc()
    root.render(tree)
    gc.collect()
    yield
    d = gc.mem_alloc()
    out.update({"vnodes": n, "bytes_per_vnode": (b - a) / n, "tree_bytes": b - a,
                "mounted_bytes_per_row": (d - c) / 1000.0})


def run(argv):
    """The whole benchmark as a generator: it yields where a handler would return to JS."""
    runs = 5
    warmup = 1
    only = None
    variants = ["plain", "memo"]
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "--runs":
            runs = int(argv[i + 1])
            i += 1
        elif a == "--warmup":
            warmup = int(argv[i + 1])
            i += 1
        elif a == "--quick":
            runs = 1
            warmup = 0
        elif a == "--ops":
            only = argv[i + 1].split(",")
            i += 1
        elif a == "--variants":
            variants = argv[i + 1].split(",")
            i += 1
        i += 1
    ver = sys.implementation.version
    out = {"impl": IMPL, "version": "%d.%d.%d" % (ver[0], ver[1], ver[2]), "runs": runs, "results": {}}
    for variant in variants:
        use_memo = variant == "memo"
        res = {}
        for name, setup, action, label in OPERATIONS:
            if only and name not in only:
                continue
            b = []
            p = []
            yield from time_op(setup, action, use_memo, runs, warmup, b, p)
            tot = [b[k] + p[k] for k in range(len(b))]
            res[name] = {"label": label, "build": stats(b), "patch": stats(p), "total": stats(tot),
                         "ops": count_ops(name, setup, action, use_memo), "min_ops": minimum(name, 1000)}
            sys.stderr.write("[%s/%s] %-10s total %8.2f ms  (build %.2f, patch %.2f)\n" % (
                IMPL, variant, name, res[name]["total"]["median"], res[name]["build"]["median"],
                res[name]["patch"]["median"]))
        out["results"][variant] = res
    mem = {}
    yield from memory(mem)
    out["memory"] = mem or None
    out["steps"] = STEPPED
    print("BENCH_JSON " + json.dumps(out))


# tools/mpy_run.mjs --steps sets __steps__ and then calls __step__() until it returns False.
STEPPED = bool(globals().get("__steps__"))
_gen = run(sys.argv[1:])


def __step__():
    try:
        next(_gen)
        return True
    except StopIteration:
        return False


if not STEPPED:
    for _ in _gen:
        gc.collect()
