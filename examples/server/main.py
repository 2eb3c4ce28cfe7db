"""The browser half of ``examples/server``: adopt the page Flask rendered, then run."""

import js
from todos import make_app

make_app().mount("#app", hydrate=True)
js.document.body.setAttribute("data-py-ready", "1")
