"""The XSS corpus under the page's interpreter (tests/browser/test_xss.py).

Every case of xss_corpus.CASES is built; a case h() refuses is reported as
such, any other one is mounted with DomRenderer in its own container and
rendered with render_to_string.  window.xssReport (JSON) holds the outcome
and the string of every case; the test loads the strings as pages.
"""

import json
import sys

import js
from vdom import create_root
from renderers.dom import DomRenderer
from renderers.html import render_to_string
import xss_corpus

renderer = DomRenderer()
app = js.document.getElementById("app")
report = []
for name, expected, build in xss_corpus.CASES:
    entry = {"name": name}
    payload = xss_corpus.img(name)
    try:
        vnode = build(payload, name)
    except ValueError as e:
        entry["outcome"] = "refused"
        entry["error"] = str(e)
    else:
        entry["outcome"] = "rendered"
        entry["html"] = render_to_string(build(payload, name))
        box = js.document.createElement("div")
        box.setAttribute("data-case", name)
        app.appendChild(box)
        create_root(renderer, box).render(vnode)
    report.append(entry)
js.window.xssReport = json.dumps(report)
js.document.body.setAttribute("data-ready", sys.implementation.name)
