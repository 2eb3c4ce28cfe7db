"""The XSS corpus of tests/browser/test_xss.py (runs under CPython, MicroPython and Pyodide).

Each case builds a tree from a payload that calls the page's ``pwn(name)``
if it ever runs.  ``CASES`` holds ``(name, expected, build)``:

* ``"refused"``: ``h()`` raises ValueError (the value would run as script);
* ``"safe"``: it renders, through ``DomRenderer`` and through
  ``render_to_string`` loaded as a page, and nothing runs;
* ``"runs"``: a control, marked ``trusted()`` (or raw HTML): it must run in
  both renderers, which shows the test would see a payload that ran.
"""

from vdom import h, trusted, Fragment


class Markup:
    """Trusted HTML (markupsafe's ``__html__`` protocol)."""

    def __init__(self, s):
        self.s = s

    def __html__(self):
        return self.s


def img(name):
    """Markup that calls pwn(name) as soon as a browser parses and inserts it."""
    return '<img src="data:," onerror="pwn(\'%s\')">' % name


def call(name):
    return "pwn('%s')" % name


CASES = [
    # -- text and attribute values: escaped --
    ("text", "safe", lambda p, n: h("div", None, p)),
    ("text-content-and-children", "safe", lambda p, n: h("p", None, p, h("b", None, p))),
    ("attr-double-quote", "safe", lambda p, n: h("div", {"title": '">' + p})),
    ("attr-single-quote", "safe", lambda p, n: h("div", {"data-x": "'>" + p})),
    ("href-breakout", "safe", lambda p, n: h("a", {"href": '"><' + p[1:]}, "x")),
    ("comment-text", "safe", lambda p, n: h("div", None, "<!--", p, "-->")),
    ("entity-javascript", "safe", lambda p, n: h("a", {"href": "jav&#x61;script:" + call(n)}, "x")),
    ("option-text", "safe", lambda p, n: h("select", None, h("option", None, "</option></select>" + p))),
    ("table-cell", "safe", lambda p, n: h("table", None, h("tbody", None, h("tr", None, h("td", None, p))))),
    ("svg-text", "safe", lambda p, n: h("svg", None, h("text", None, p), h("title", None, p))),
    # -- raw-text elements cannot be closed from inside --
    ("style-close", "safe", lambda p, n: h("style", None, "</style>" + p)),
    ("style-close-case", "safe", lambda p, n: h("style", None, "</STYLE >" + p)),
    ("xmp-close", "safe", lambda p, n: h("xmp", None, "</xmp>" + p)),
    ("iframe-close", "safe", lambda p, n: h("iframe", None, "</iframe>" + p)),
    ("noembed-close", "safe", lambda p, n: h("noembed", None, "</noembed>" + p)),
    ("noframes-close", "safe", lambda p, n: h("noframes", None, "</noframes>" + p)),
    ("textarea-close", "safe", lambda p, n: h("textarea", None, "</textarea>" + p)),
    ("title-close", "safe", lambda p, n: h("title", None, "</title>" + p)),
    ("noscript-style", "safe", lambda p, n: h("noscript", None, h("style", None, "</noscript>" + p))),
    ("noscript-text", "safe", lambda p, n: h("noscript", None, "</noscript>" + p)),
    ("select-xmp", "safe", lambda p, n: h("select", None, h("xmp", None, "</select>" + p))),
    ("table-style", "safe", lambda p, n: h("table", None, h("style", None, "</table>" + p))),
    # -- namespaces, any case: what the parser reads as foreign content gets escaped text --
    ("SVG-style", "safe", lambda p, n: h("SVG", None, h("style", None, p))),
    ("Svg-iframe", "safe", lambda p, n: h("Svg", None, h("iframe", None, p))),
    ("MATH-xmp", "safe", lambda p, n: h("MATH", None, h("xmp", None, p))),
    ("svg-style-close", "safe", lambda p, n: h("svg", None, h("style", None, "</style>" + p))),
    ("svg-noembed", "safe", lambda p, n: h("svg", None, h("noembed", None, p))),
    ("math-mtext-style", "safe", lambda p, n: h("math", None, h("mtext", None, h("style", None, p)))),
    ("math-foreignObject", "safe", lambda p, n: h("math", None, h("foreignObject", None, h("style", None, p)))),
    ("math-svg-foreignObject", "safe",
     lambda p, n: h("math", None, h("svg", None, h("foreignObject", None, h("style", None, p))))),
    ("svg-foreignobject-lower", "safe",
     lambda p, n: h("svg", None, h("foreignobject", None, h("style", None, "</style>" + p)))),
    ("svg-math-foreignObject", "safe",
     lambda p, n: h("svg", None, h("math", None, h("foreignObject", None, h("style", None, p))))),
    # -- style dict values stay in their property --
    ("style-dict", "safe", lambda p, n: h("div", {"style": {"color": "red", "background": "url(data:,x)",
                                                            "font-family": '"</style>' + p + '"'}}, "s")),
    # -- refused by h(): they would run --
    ("href-javascript", "refused", lambda p, n: h("a", {"href": "javascript:" + call(n)}, "x")),
    ("href-javascript-tricks", "refused", lambda p, n: h("a", {"href": " \x01\tJaVa\nScRiPt\t:" + call(n)}, "x")),
    ("HREF-upper", "refused", lambda p, n: h("a", {"HREF": "javascript:" + call(n)}, "x")),
    ("svg-a-href", "refused", lambda p, n: h("svg", None, h("a", {"href": "javascript:" + call(n)}, h("text", None, "x")))),
    ("svg-xlink-href", "refused", lambda p, n: h("svg", None, h("a", {"xlink:href": "javascript:" + call(n)}))),
    ("iframe-src", "refused", lambda p, n: h("iframe", {"src": "javascript:" + call(n)})),
    ("embed-src", "refused", lambda p, n: h("embed", {"src": "javascript:" + call(n)})),
    ("object-data", "refused", lambda p, n: h("object", {"data": "javascript:" + call(n)})),
    ("form-action", "refused", lambda p, n: h("form", {"action": "javascript:" + call(n)})),
    ("button-formaction", "refused", lambda p, n: h("button", {"formaction": "javascript:" + call(n)}, "b")),
    ("math-href", "refused", lambda p, n: h("math", {"href": "javascript:" + call(n)}, h("mi", None, "x"))),
    ("animate-values", "refused", lambda p, n: h("svg", None, h("a", None, h("animate", {
        "attributeName": "href", "values": "#;javascript:" + call(n)}), h("text", None, "x")))),
    ("set-onclick", "refused", lambda p, n: h("svg", None, h("set", {"attributeName": "onclick", "to": call(n)}))),
    ("onerror-string", "refused", lambda p, n: h("img", {"src": "data:,", "onerror": call(n)})),
    ("onclick-upper", "refused", lambda p, n: h("div", {"ONCLICK": call(n)}, "x")),
    ("autofocus-onfocus", "refused", lambda p, n: h("input", {"autofocus": True, "onfocus": call(n)})),
    ("svg-onload", "refused", lambda p, n: h("svg", {"onload": call(n)})),
    ("srcdoc", "refused", lambda p, n: h("iframe", {"srcdoc": "<script>parent." + call(n) + "</script>"})),
    ("script-text", "refused", lambda p, n: h("script", None, call(n))),
    ("SCRIPT-upper", "refused", lambda p, n: h("SCRIPT", None, call(n))),
    ("script-src", "refused", lambda p, n: h("script", {"src": "data:text/javascript," + call(n)})),
    ("svg-script", "refused", lambda p, n: h("svg", None, h("script", None, call(n)))),
    ("style-dict-breakout", "refused", lambda p, n: h("div", {"style": {"color": "red;background:url(x)"}})),
    # -- controls: trusted values run, identically in both renderers --
    ("control-onerror", "runs", lambda p, n: h("img", {"src": "data:,", "onerror": trusted(call(n))})),
    ("control-script", "runs", lambda p, n: h("script", None, trusted(call(n)))),
    ("control-raw-html", "runs", lambda p, n: h("div", None, Markup(p))),
    ("control-fragment-raw", "runs", lambda p, n: h(Fragment, None, "a", Markup(p))),
]
