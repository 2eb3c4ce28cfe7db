"""TodoMVC on vdom.app, following the TodoMVC app specification, with the standard look
(the ``todomvc-app-css`` npm package).  The app is in ``todomvc.py`` (shared with the
server-rendered ``ssr-todomvc``); here it keeps its list in ``localStorage``.
"""

from todomvc import make_app
from gallery import serve_app

serve_app(make_app())
