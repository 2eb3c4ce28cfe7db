"""vdom.app: a renderer error during a flush is reported and the page repairs itself (issue 11)."""

from vdom import PatchError
from vdom.app import Page, t
from vdom.app.testing import mount
from vdom.testing.faults import FaultRenderer
from renderers.mock import to_html, MockNode


class Rows(Page):
    def initial(self):
        return {"rows": [1, 2, 3, 4, 5], "sel": None}

    def populate(self):
        with t.ul(id="list"):
            for k in self.state["rows"]:
                with t.li(key=k, classes={"sel": k == self.state["sel"]}):
                    t.a("row %d" % k, on_click=self.remove_handler(k))

    def remove_handler(self, k):
        def handler(event):
            self.state["rows"] = [r for r in self.state["rows"] if r != k]
        return handler


def _fresh(rows, sel=None):
    r = FaultRenderer()
    app, _, c = mount(Rows, renderer=r)
    page = app.active_page
    page.state["rows"] = rows
    page.state["sel"] = sel
    app.flush()
    return to_html(c)


def test_a_failed_flush_is_reported_and_the_page_repaired():
    want = _fresh([1, 2, 4, 5], 4)
    checked = 0
    for k in range(1, 40):
        r = FaultRenderer()
        app, _, c = mount(Rows, renderer=r)
        page = app.active_page
        r.arm(k)
        page.state["rows"] = [1, 2, 4, 5]  # row 3 goes
        page.state["sel"] = 4
        app.flush()  # never raises: the error goes to app.errors
        if r.failed is None:
            break
        checked += 1
        errs = [e for where, e in app.errors if isinstance(e, PatchError)]
        assert errs, (k, app.errors)
        assert errs[0].operation == r.failed
        app.flush()
        assert to_html(c) == want, (k, r.failed, to_html(c))
        # The page is live again: a click on a row's link still removes it.
        page.state["rows"] = [1, 5]
        app.flush()
        assert to_html(c) == _fresh([1, 5], 4), k
    assert checked >= 3  # remove row 3, unselect nothing, select row 4: each call faulted once
