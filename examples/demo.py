"""pyvdom demo: render and patch a keyed table through the mock and HTML renderers.

Run from the repository root (no installation needed):

    python3 examples/demo.py

It prints the server-side HTML of a small table, then applies a few
updates through the mock renderer and shows the exact host operations each
patch made (a swap is two moves, an update one text change, ...) and how
long building and patching 1,000 rows takes on this interpreter.
"""

import os
import sys

try:
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
except Exception:  # MicroPython without __file__: run from the repo root
    sys.path.insert(0, "")

from vdom import h, create_root, memo  # noqa: E402
from renderers.mock import MockRenderer, inner_html  # noqa: E402
from renderers.html import render_to_string  # noqa: E402

try:
    from time import perf_counter as _now
except ImportError:  # MicroPython
    try:
        import js

        def _now():
            return js.performance.now() / 1000.0
    except ImportError:
        from time import ticks_ms

        def _now():
            return ticks_ms() / 1000.0


def row(item, selected):
    """One table row; keyed by id so its host node follows the item."""
    rid, label = item
    return h("tr", {"key": rid, "class": {"danger": selected}},
             h("td", {"class": "id"}, rid),
             h("td", None, h("a", None, label)))


def table(items, selected=None, use_memo=False):
    if use_memo:
        rows = [memo(row, it, it[0] == selected, key=it[0]) for it in items]
    else:
        rows = [row(it, it[0] == selected) for it in items]
    return h("table", {"class": "table"}, h("tbody", None, rows))


def describe(op):
    name = op[0]
    args = []
    for a in op[1:]:
        if hasattr(a, "tag") and hasattr(a, "children"):
            args.append("<%s>" % (a.tag or "#text"))
        elif callable(a):
            args.append("listener")
        else:
            args.append(repr(a))
    return "%s(%s)" % (name, ", ".join(args))


def show(title, renderer, root, vnode):
    renderer.reset()
    root.render(vnode)
    print("\n== %s: %d host operations, %d moves" % (title, len(renderer.ops), root.stats["moves"]))
    for op in renderer.ops[:8]:
        print("   ", describe(op))
    if len(renderer.ops) > 8:
        print("    ... %d more" % (len(renderer.ops) - 8))


def main():
    items = [(1, "pretty red table"), (2, "large blue chair"), (3, "small green house"), (4, "tall pink pony")]
    print("Server-side HTML (renderers.html.render_to_string):")
    print("   ", render_to_string(table(items)))

    r = MockRenderer()
    container = r.create_container("div")
    root = create_root(r, container)
    show("first render", r, root, table(items))
    show("same tree again", r, root, table(items))
    show("select row 2", r, root, table(items, selected=2))
    swapped = [items[0], items[2], items[1], items[3]]
    show("swap rows 2 and 3", r, root, table(swapped, selected=2))
    renamed = [(i, l + " !!!") if i == 3 else (i, l) for i, l in swapped]
    show("update one label", r, root, table(renamed, selected=2))
    show("remove a row", r, root, table(renamed[1:], selected=2))
    print("\nMock DOM now:", inner_html(container))

    # Timings on 1,000 rows.
    data = [(i, "label %d" % i) for i in range(1, 1001)]
    for use_memo in (False, True):
        r = MockRenderer(log=False)
        root = create_root(r, r.create_container())
        t0 = _now()
        tree = table(data, use_memo=use_memo)
        t1 = _now()
        root.render(tree)
        t2 = _now()
        sw = list(data)
        sw[1], sw[998] = sw[998], sw[1]
        t3 = _now()
        tree2 = table(sw, use_memo=use_memo)
        t4 = _now()
        r.reset()
        root.render(tree2)
        t5 = _now()
        print("\n1,000 rows%s: build %.1f ms, mount %.1f ms; swap 2 rows: build %.1f ms, patch %.1f ms "
              "(%d host calls, %d moves)" % (
                  " with memo" if use_memo else "", (t1 - t0) * 1e3, (t2 - t1) * 1e3,
                  (t4 - t3) * 1e3, (t5 - t4) * 1e3, r.count(), root.stats["moves"]))
    print("\n(%s %s)" % (sys.implementation.name, sys.version.split()[0]))


main()
