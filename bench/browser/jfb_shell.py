"""The JFB page around the rows, shared by the browser app and the bench server.

``app_pyvdom.py`` renders (or hydrates) ``page(...)`` in the browser; the
bench server (``bench/browser/run.py``, CPython) writes the same tree with
``render_to_string(..., hydratable=True)`` for the server-rendered pages
and the ``hydrate1k`` operation, with the rows from ``bench/jfb.py``'s
``row`` (issue 13).  Handlers are passed in (the server passes none: a
listener writes no markup).  Portable: CPython, MicroPython, Pyodide.
"""

from vdom import h

BUTTONS = (("run", "Create 1,000 rows"), ("runlots", "Create 10,000 rows"), ("add", "Append 1,000 rows"),
           ("update", "Update every 10th row"), ("clear", "Clear"), ("swaprows", "Swap Rows"))
_BTN_COL = {"class": "col-sm-6 smallpad"}
_TABLE = {"class": "table table-hover table-striped test-data"}
_ICON = {"class": "preloadicon glyphicon glyphicon-remove", "aria-hidden": "true"}
_CONTAINER = {"class": "container"}
ICON = h("span", _ICON)


def title(memo_rows):
    return "pyvdom (keyed%s)" % (", memo rows" if memo_rows else "")


def header(heading, handlers):
    """The jumbotron: the heading and the six buttons (``handlers``: button id -> on_click)."""
    buttons = []
    for bid, label in BUTTONS:
        props = {"type": "button", "class": "btn btn-primary btn-block", "id": bid}
        f = handlers.get(bid)
        if f is not None:
            props["on_click"] = f
        buttons.append(h("div", _BTN_COL, h("button", props, label)))
    return h("div", {"class": "jumbotron"}, h("div", {"class": "row"}, [
        h("div", {"class": "col-md-6"}, h("h1", None, heading)),
        h("div", {"class": "col-md-6"}, h("div", {"class": "row"}, buttons))]))


def page(head, tbody_props, rows):
    """What the app's root renders into ``#main``: header, the table with ``rows``, the icon."""
    return h("div", _CONTAINER, [head, h("table", _TABLE, h("tbody", tbody_props, rows)), ICON])
