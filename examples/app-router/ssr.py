"""``ssr-router``: the pets app (``pets.py``) with html5 routing, rendered by the gallery's
server (``examples/ssr_pages.py``) and hydrated here: the page shows its content before the
interpreter is ready, and this adopts it."""

import sys

from pets import make_app
from gallery import serve_app

INTERP = "mpy" if sys.implementation.name == "micropython" else "py"
serve_app(make_app("html5", "/examples/ssr-router/" + INTERP), hydrate=True)
