"""``ssr-todomvc``: TodoMVC (``todomvc.py``) keeping its list in a cookie, rendered by the
gallery's server (``examples/ssr_pages.py``) and hydrated here."""

from todomvc import make_app, CookieStore
from gallery import serve_app

serve_app(make_app(CookieStore()), hydrate=True)
