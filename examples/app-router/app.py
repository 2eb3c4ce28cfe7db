"""A routed app on vdom.app: hash routing, <param> routes, query args, a login guard.

* ``app.install_router(Router, link_mode="hash")``: URLs look like ``#/pets/2``;
  Back and Forward work, nothing reloads.
* The app itself is in ``pets.py`` (shared with the server-rendered ``ssr-router``).
"""

from pets import make_app
from gallery import serve_app

serve_app(make_app("hash"))
