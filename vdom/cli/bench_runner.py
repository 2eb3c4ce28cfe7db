"""Run the scenarios of a ``pyvdom bench`` file on this interpreter; print ``BENCH_JSON {...}``.

Portable (CPython, Pyodide, MicroPython): ``pyvdom bench`` runs it once per interpreter (the two
wasm ones under Node through ``bench_node.mjs``).  Usage::

    python bench_runner.py SCENARIO_FILE [--runs N] [--warmup N] [--only a,b] [--check]

The work is a generator that yields wherever a browser handler would return to JS, each time
after asking for a collection: ``bench_node.mjs`` calls ``__step__()`` once per step, so
MicroPython (which cannot collect while Python runs) collects between steps as in a browser.
On CPython the generator is drained in one go, collecting at every step.
"""

import sys
import gc
import json

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

from vdom import create_root  # noqa: E402
from renderers.mock import MockRenderer  # noqa: E402


def load(path):
    """The SCENARIOS of the file at ``path``: {name: (initial, [update, ...])}."""
    ns = {"__name__": "pyvdom_bench_scenarios", "__file__": path}
    f = open(path)
    try:
        src = f.read()
    finally:
        f.close()
    exec(compile(src, path, "exec"), ns)
    sc = ns.get("SCENARIOS")
    if sc is None:
        raise ValueError("%s defines no SCENARIOS dict" % path)
    if not isinstance(sc, dict) or not sc:
        raise ValueError("%s: SCENARIOS must be a non-empty dict {name: (initial, [updates])}" % path)
    out = {}
    for name in sc:
        v = sc[name]
        if isinstance(v, dict):
            v = (v.get("initial"), v.get("updates", ()))
        if not isinstance(v, (tuple, list)) or len(v) != 2 or not callable(v[0]):
            raise ValueError("SCENARIOS[%r] must be (initial_fn, [update_fn, ...])" % (name,))
        ups = list(v[1])
        for u in ups:
            if not callable(u):
                raise ValueError("SCENARIOS[%r]: update %r is not callable" % (name, u))
        out[name] = (v[0], ups)
    return out


def stats(xs):
    s = sorted(xs)
    n = len(s)
    if not n:
        return None
    med = s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2.0
    return {"median": med, "min": s[0], "max": s[-1], "runs": n}


def count_vnodes(tree):
    n = 0
    st = [tree]
    while st:
        v = st.pop()
        if v is None:
            continue
        if isinstance(v, (list, tuple)):
            st.extend(v)
            continue
        n += 1
        ch = getattr(v, "children", None)
        if ch:
            st.extend(ch)
    return n


def timed(initial, updates, runs, warmup, builds, patches):
    """``runs`` timed passes over the steps (mount + updates), into ``builds``/``patches``."""
    steps = [initial] + updates
    for i in range(warmup + runs):
        r = MockRenderer(log=False)
        root = create_root(r, r.create_container())
        for k in range(len(steps)):
            gc.collect()
            yield  # the previous handler returns: its garbage is collected
            t0 = now()
            tree = steps[k]()
            t1 = now()
            root.render(tree)
            t2 = now()
            if i >= warmup:
                builds[k].append(t1 - t0)
                patches[k].append(t2 - t1)
            tree = None
        r = root = None


def calls(initial, updates):
    """Renderer calls per step, from one logged pass."""
    r = MockRenderer(log=True)
    root = create_root(r, r.create_container())
    out = []
    for fn in [initial] + updates:
        tree = fn()
        r.reset()
        root.render(tree)
        kinds = {}
        for op in r.ops:
            kinds[op[0]] = kinds.get(op[0], 0) + 1
        out.append({"total": len(r.ops), "moves": r.moves, "kinds": kinds})
    return out


def minimal(initial, updates):
    """vdom.testing's model of the fewest calls, per step (CPython: it is the same core code
    everywhere); an error string when a step does more than the minimum or renders wrongly."""
    from vdom.testing import check_sequence
    try:
        reports = check_sequence([fn() for fn in [initial] + updates])
    except AssertionError as exc:
        msg = str(exc)
        return {"ok": False, "error": msg[:600]}
    return {"ok": True, "steps": reports}


def memory(initial, out):
    """Bytes per VNode of the initial tree, and per VNode once mounted (MicroPython: gc.mem_alloc)."""
    if not hasattr(gc, "mem_alloc"):
        return
    gc.collect()
    yield
    a = gc.mem_alloc()
    tree = initial()
    gc.collect()
    yield
    b = gc.mem_alloc()
    n = count_vnodes(tree)
    r = MockRenderer(log=False)
    root = create_root(r, r.create_container())
    gc.collect()
    yield
    c = gc.mem_alloc()
    root.render(tree)
    gc.collect()
    yield
    d = gc.mem_alloc()
    out.update({"vnodes": n, "tree_bytes": b - a, "bytes_per_vnode": (b - a) / n if n else None,
                "mounted_bytes": d - c, "mounted_bytes_per_vnode": (d - c) / n if n else None})


def run(argv):
    runs = 5
    warmup = 1
    only = None
    check = False
    path = None
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "--runs":
            runs = int(argv[i + 1])
            i += 1
        elif a == "--warmup":
            warmup = int(argv[i + 1])
            i += 1
        elif a == "--only":
            only = argv[i + 1].split(",")
            i += 1
        elif a == "--check":
            check = True
        else:
            path = a
        i += 1
    try:
        scenarios = load(path)
    except (ValueError, SyntaxError, ImportError) as exc:
        print("BENCH_ERROR " + json.dumps("%s: %s" % (type(exc).__name__, exc)))
        return
    ver = sys.implementation.version
    out = {"impl": IMPL, "version": "%d.%d.%d" % (ver[0], ver[1], ver[2]), "runs": runs,
           "stepped": STEPPED, "scenarios": {}}
    names = sorted(scenarios)
    for name in names:
        if only and name not in only:
            continue
        initial, updates = scenarios[name]
        n = 1 + len(updates)
        builds = [[] for _ in range(n)]
        patches = [[] for _ in range(n)]
        yield from timed(initial, updates, runs, warmup, builds, patches)
        res = {"steps": [], "calls": calls(initial, updates)}
        for k in range(n):
            res["steps"].append({"name": "mount" if k == 0 else "update %d" % k,
                                 "build": stats(builds[k]), "patch": stats(patches[k])})
        if check:
            res["minimal"] = minimal(initial, updates)
        mem = {}
        yield from memory(initial, mem)
        res["memory"] = mem or None
        out["scenarios"][name] = res
        sys.stderr.write("[%s] %s: %d steps\n" % (IMPL, name, n))
    print("BENCH_JSON " + json.dumps(out))


# bench_node.mjs sets __steps__ and then calls __step__() until it returns False.
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
