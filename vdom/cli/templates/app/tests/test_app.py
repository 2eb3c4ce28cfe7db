"""Tests of the app on the mock renderer: no browser, any interpreter (run: python -m pytest)."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from vdom.app.testing import mount, find1, type_into, html  # noqa: E402

from app import make_app  # noqa: E402


def test_home_greets_whoever_types_their_name():
    app, r, c = mount(make_app(), path="/")
    assert "Hello, world!" in html(c)
    type_into(r, find1(c, "input", id="name"), "Ann")
    app.flush()
    assert find1(c, "h1", text="Hello, Ann!")
    assert app.document_title == "Hello Ann"


def test_the_counter_counts_clicks():
    app, r, c = mount(make_app(), path="/")
    r.dispatch(find1(c, "button"), "click")
    r.dispatch(find1(c, "button"), "click")
    app.flush()
    assert "Clicks: 2" in html(c)


def test_about_is_a_route():
    app, r, c = mount(make_app(), path="/about")
    assert find1(c, "h1", text="About")
    assert 'href="#/"' in html(c)
