"""The js-framework-benchmark app, built with pyvdom (portable to MicroPython).

Same data as the original vanilla JS store: ids count up from 1 and never
reset, labels are ``adjective colour noun`` picked with
``round(random * 1000) % len(list)``, and the same row markup::

    <tr [class="danger"]><td class="col-md-1">{id}</td>
      <td class="col-md-4"><a>{label}</a></td>
      <td class="col-md-1"><a><span class="glyphicon glyphicon-remove" aria-hidden="true"></span></a></td>
      <td class="col-md-6"></td></tr>

Rows carry no listeners: like vanilla JS, the app delegates clicks to the
table body.  Props dicts that never change are module constants, so the
reconciler skips them by identity.
"""

from vdom import h, memo, static

ADJECTIVES = ("pretty", "large", "big", "small", "tall", "short", "long", "handsome", "plain",
              "quaint", "clean", "elegant", "easy", "angry", "crazy", "helpful", "mushy", "odd",
              "unsightly", "adorable", "important", "inexpensive", "cheap", "expensive", "fancy")
COLOURS = ("red", "yellow", "blue", "green", "pink", "brown", "purple", "brown", "white", "black",
           "orange")
NOUNS = ("table", "chair", "house", "bbq", "desk", "car", "pony", "cookie", "sandwich", "burger",
         "pizza", "mouse", "keyboard")

_TD1 = {"class": "col-md-1"}
_TD4 = {"class": "col-md-4"}
_TD6 = {"class": "col-md-6"}
_ICON = {"class": "glyphicon glyphicon-remove", "aria-hidden": "true"}
# The two cells that are the same in every row, hoisted: each use is one
# clone of a prepared host subtree (one renderer call) and is never diffed.
REMOVE_CELL = static(h("td", _TD1, h("a", None, h("span", _ICON))))
EMPTY_CELL = static(h("td", _TD6))
_TABLE = {"class": "table table-hover table-striped test-data"}
_TBODY = {"id": "tbody"}
_DANGER = "danger"


class Store:
    """The benchmark's state: rows as immutable ``(id, label)`` tuples."""

    def __init__(self, seed=1):
        self.next_id = 1
        self.rows = []
        self.selected = None
        self._seed = seed & 0x7FFFFFFF

    def _rand(self, n):
        # Park-Miller minimal standard generator: identical on every interpreter.
        self._seed = (self._seed * 16807) % 2147483647
        return ((self._seed % 1000000) * 1001 // 1000000) % n

    def build(self, count):
        r = self._rand
        nid = self.next_id
        out = []
        for i in range(count):
            out.append((nid + i, ADJECTIVES[r(25)] + " " + COLOURS[r(11)] + " " + NOUNS[r(13)]))
        self.next_id = nid + count
        return out

    # The nine operations (state changes only; rendering is separate).
    def run(self, count=1000):
        self.rows = self.build(count)
        self.selected = None

    def add(self, count=1000):
        self.rows = self.rows + self.build(count)

    def update(self, step=10):
        rows = list(self.rows)
        for i in range(0, len(rows), step):
            rid, label = rows[i]
            rows[i] = (rid, label + " !!!")
        self.rows = rows

    def select(self, rid):
        self.selected = rid

    def remove(self, rid):
        self.rows = [r for r in self.rows if r[0] != rid]

    def swap(self):
        if len(self.rows) > 998:
            rows = list(self.rows)
            rows[1], rows[998] = rows[998], rows[1]
            self.rows = rows

    def clear(self):
        self.rows = []
        self.selected = None


def row(item, selected):
    """One benchmark row."""
    rid = item[0]
    # Children as one list: on MicroPython a call with 3+ varargs builds a
    # tuple that costs ~3.4 us more than a list.
    return h("tr", {"key": rid, "class": _DANGER} if selected else {"key": rid}, [
        h("td", _TD1, str(rid)),
        h("td", _TD4, h("a", None, item[1])),
        REMOVE_CELL,
        EMPTY_CELL])


def table(store, use_memo=False):
    """The table for ``store``; with ``use_memo`` each row is a memo keyed by id."""
    sel = store.selected
    if use_memo:
        rows = [memo(row, it, it[0] == sel, key=it[0]) for it in store.rows]
    else:
        rows = [row(it, it[0] == sel) for it in store.rows]
    return h("table", _TABLE, h("tbody", _TBODY, rows))


# name -> (setup(store), action(store), label)
def _noop(store):
    pass


def _run1k(store):
    store.run(1000)


def _run1k_select(store):
    store.run(1000)
    store.select(store.rows[4][0])


OPERATIONS = (
    ("create1k", _noop, lambda s: s.run(1000), "create 1,000 rows"),
    ("replace1k", _run1k, lambda s: s.run(1000), "replace all 1,000 rows"),
    ("update10th", _run1k, lambda s: s.update(10), "update every 10th row"),
    ("select", _run1k_select, lambda s: s.select(s.rows[1][0]), "select a row"),
    ("swap", _run1k, lambda s: s.swap(), "swap rows 1 and 998"),
    ("remove", _run1k, lambda s: s.remove(s.rows[3][0]), "remove one row"),
    ("create10k", _noop, lambda s: s.run(10000), "create 10,000 rows"),
    ("append1k", _run1k, lambda s: s.add(1000), "append 1,000 to 1,000 rows"),
    ("clear1k", _run1k, lambda s: s.clear(), "clear 1,000 rows"),
)
