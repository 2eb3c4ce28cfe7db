"""vdom.app against the core: a page built with ``t`` renders what ``h()`` builds from the same data.

A seeded sequence of changes to a list of keyed and unkeyed rows (text, numbers, holes, raw HTML,
nested blocks, classes, handlers, rows that stay the same, change, move, appear and go) is rendered
by a vdom.app page (whole-page populate, so reuse of unchanged keyed rows is exercised) and, from the
same data, by ``h()`` through a separate root; after every flush the two hosts must be equal.
"""

from vdom import h, create_root
from vdom.app import Page, t, html
from vdom.app.testing import mount
from renderers.mock import MockRenderer, inner_html


class Rand:
    def __init__(self, seed):
        self.s = seed

    def __call__(self, n):
        self.s = (self.s * 16807) % 2147483647
        return self.s % n


def make_row(rnd, i):
    return {"id": i, "label": "r%d" % rnd(5), "n": rnd(3), "hole": rnd(2) == 0, "raw": rnd(4) == 0,
            "cls": rnd(3), "keyed": rnd(4) != 0, "deep": rnd(2) == 0}


def mutate(rnd, rows, next_id):
    rows = list(rows)
    op = rnd(6)
    if op == 0 and rows:
        i = rnd(len(rows))
        r = dict(rows[i])
        r["label"] = "r%d" % rnd(5)
        rows[i] = r
    elif op == 1 and len(rows) > 1:
        i, j = rnd(len(rows)), rnd(len(rows))
        rows[i], rows[j] = rows[j], rows[i]
    elif op == 2 and rows:
        del rows[rnd(len(rows))]
    elif op == 3:
        rows.insert(rnd(len(rows) + 1), make_row(rnd, next_id))
        next_id += 1
    elif op == 4 and rows:
        i = rnd(len(rows))
        r = dict(rows[i])
        r["cls"] = rnd(3)
        r["deep"] = not r["deep"]
        rows[i] = r
    # op 5: nothing changes (every keyed row is reused)
    return rows, next_id


CLASSES = (None, "a", {"b": True, "c": False})


def noop(event):
    return None


def view_h(rows):
    """The expected tree, with h()."""
    kids = []
    for r in rows:
        cells = [h("td", None, r["label"]), h("td", None, [str(r["n"]), None if r["hole"] else "x"])]
        if r["raw"]:
            cells.append(h("td", None, html("<i>%s</i>" % r["label"])))
        if r["deep"]:
            cells.append(h("td", None, h("b", {"on_click": noop}, h("span", None, r["n"]))))
        props = {"class": CLASSES[r["cls"]]}
        if r["keyed"]:
            props["key"] = r["id"]
        kids.append(h("tr", props, cells))
    return h("div", None, h("table", None, h("tbody", None, kids)))


class Diff(Page):
    def initial(self):
        return {"rows": []}

    def populate(self):
        with t.table():
            with t.tbody():
                for r in self.state["rows"]:
                    kw = {"classes": CLASSES[r["cls"]]}
                    if r["keyed"]:
                        kw["key"] = r["id"]
                    with t.tr(**kw):
                        t.td(r["label"])
                        t.td(str(r["n"]), None if r["hole"] else "x")
                        if r["raw"]:
                            t.td(html("<i>%s</i>" % r["label"]))
                        if r["deep"]:
                            with t.td():
                                with t.b(on_click=lambda e, r=r: None):
                                    t.span(r["n"])


def test_whole_page_populate_matches_h_over_a_sequence_of_changes():
    for seed in (1, 7, 42):
        rnd = Rand(seed)
        app, r, c = mount(Diff)
        page = app.active_page
        ref = MockRenderer(log=False)
        rc = ref.create_element("div")
        root = create_root(ref, rc)
        rows = [make_row(rnd, i) for i in range(6)]
        next_id = 6
        for step in range(40):
            page.state["rows"] = rows
            app.flush()
            root.render(view_h(rows))
            assert inner_html(c) == inner_html(rc), "seed %d, step %d" % (seed, step)
            rows, next_id = mutate(rnd, rows, next_id)
