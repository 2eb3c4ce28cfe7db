"""The tree of the hydration page (tests/browser/test_hydrate_dom.py): imported by the page
under MicroPython/Pyodide and by the test under CPython (which writes the server markup)."""

from vdom import h, Fragment, memo, trusted


class Markup:
    def __init__(self, s):
        self.s = s

    def __html__(self):
        return self.s


def row(i, label):
    return h("li", {"key": i, "id": "r%d" % i, "class": {"odd": i % 2 == 1}}, h("b", None, str(i)), " ", label)


def tree(count, items, on_click=None, on_input=None, name="", title="Hydrated"):
    return h("main", {"id": "page"},
             h("h1", None, title),
             h("p", None, "count: ", str(count)),
             h("button", {"id": "inc", "on_click": on_click}, "+1"),
             h("input", {"id": "name", "value": name, "on_input": on_input}),
             h("p", {"id": "hello"}, "hello ", name or "nobody"),
             h("ul", {"id": "list"}, [memo(row, i, label, key=i) for i, label in items]),
             h(Fragment, None, h("em", None, "in a fragment"), ""),
             h("svg", {"viewBox": "0 0 10 10", "width": "10"}, h("circle", {"cx": "5", "cy": "5", "r": "4"})),
             h("div", {"id": "raw"}, Markup("<strong>raw</strong>")),
             h("pre", None, "\nline two"))


ITEMS = [(i, "item %d" % i) for i in range(1, 6)]
