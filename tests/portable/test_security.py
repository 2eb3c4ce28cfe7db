"""Security defaults (issue 11, section 3): data never becomes script.

Every rule, on every interpreter: tag names and namespaces read alike by the
core, both renderers and a browser's HTML parser (case-insensitively), and
what ``h()`` refuses by default unless the value is ``vdom.trusted()``:
``javascript:`` URLs, string event handlers, ``srcdoc``, ``<script>`` text
and ``src``; style dict values that would leave their property.  The same
payloads in a real browser: tests/browser/test_xss.py.
"""

from vdom import h, memo, static, create_root, trusted, Trusted, Fragment, SVG_NS, MATHML_NS
from vdom.testing import raises, check_patch
from vdom import elements
from renderers.mock import MockRenderer, to_html, inner_html
from renderers.html import render_to_string as R

PAYLOAD = "<img src=x onerror=pwn()>"


def mount(vnode):
    r = MockRenderer()
    c = r.create_container()
    root = create_root(r, c)
    root.render(vnode)
    return r, c, root


def refused(fn, *args):
    """The ValueError ``fn(*args)`` raises (it must raise one)."""
    return str(raises(ValueError, fn, *args))


# -- tag names and namespaces, any case -------------------------------------------------------

def test_namespace_tags_are_stored_in_their_canonical_spelling():
    assert h("SVG").tag == "svg" and h("Svg").tag == "svg"
    assert h("MATH").tag == "math" and h("mAtH").tag == "math"
    assert h("foreignobject").tag == "foreignObject" and h("FOREIGNOBJECT").tag == "foreignObject"
    assert h("script", None, trusted("1")).tag == "script" and h("SCRIPT", None, trusted("1")).tag == "script"
    # other names keep their case (SVG's are case-sensitive)
    assert h("linearGradient").tag == "linearGradient" and h("DIV").tag == "DIV"
    assert elements.canonical_tag("Svg") == "svg" and elements.canonical_tag("clipPath") == "clipPath"


def test_upper_case_svg_is_svg_in_the_dom_and_in_the_string():
    for tag in ("SVG", "Svg", "svg"):
        v = h(tag, None, h("style", None, PAYLOAD), h("iframe", None, PAYLOAD))
        r, c, root = mount(v)
        svg = c.children[0]
        assert svg.namespace == SVG_NS and svg.children[0].namespace == SVG_NS
        out = R(h(tag, None, h("style", None, PAYLOAD), h("iframe", None, PAYLOAD)))
        assert out == ("<svg><style>&lt;img src=x onerror=pwn()&gt;</style>"
                       "<iframe>&lt;img src=x onerror=pwn()&gt;</iframe></svg>"), out
        assert inner_html(c) == out


def test_upper_case_math_is_mathml():
    for tag in ("MATH", "Math"):
        out = R(h(tag, None, h("xmp", None, PAYLOAD), h("style", None, PAYLOAD)))
        assert "<img" not in out, out
        assert out.startswith("<math><xmp>&lt;img"), out
        r, c, root = mount(h(tag, None, h("xmp", None, "x")))
        assert c.children[0].namespace == MATHML_NS and c.children[0].children[0].namespace == MATHML_NS


def test_foreign_object_children_are_html_in_svg_only():
    # in SVG (any case of the name): HTML children, raw text as in any HTML element
    for fo in ("foreignObject", "FOREIGNOBJECT", "foreignobject"):
        v = h("svg", None, h(fo, None, h("style", None, "a>b")))
        assert R(v) == "<svg><foreignObject><style>a>b</style></foreignObject></svg>"
        r, c, root = mount(h("svg", None, h(fo, None, h("p"))))
        assert c.children[0].children[0].children[0].namespace is None
    # in MathML a foreignObject is no HTML integration point: children stay MathML
    v = h("math", None, h("foreignObject", None, h("style", None, PAYLOAD)))
    assert R(v) == "<math><foreignObject><style>&lt;img src=x onerror=pwn()&gt;</style></foreignObject></math>"
    r, c, root = mount(h("math", None, h("foreignObject", None, h("style", None, "x"))))
    assert c.children[0].children[0].children[0].namespace == MATHML_NS
    check_patch(h("math", None, h("foreignObject", None, h("i", None, "a"))),
                h("math", None, h("foreignObject", None, h("i", None, "b"), h("b"))))


def test_string_never_has_raw_text_where_the_parser_reads_foreign_content():
    # An svg directly inside math is MathML to the HTML parser, so its foreignObject is no
    # integration point there: the style's text must be escaped, whatever the core's namespaces.
    v = h("math", None, h("svg", None, h("foreignObject", None, h("style", None, PAYLOAD),
                                            h("script", None, trusted("a<b")))))
    out = R(v)
    assert "<img" not in out and "a&lt;b" in out, out
    # the ordinary nesting keeps raw text raw
    out = R(h("div", None, h("svg", None, h("foreignObject", None, h("style", None, "a>b")))))
    assert "<style>a>b</style>" in out, out
    # svg inside an HTML element inside foreignObject inside svg: SVG again
    out = R(h("svg", None, h("foreignObject", None, h("div", None, h("svg", None, h("style", None, PAYLOAD))))))
    assert "<img" not in out, out


def test_no_raw_text_inside_select():
    # A parser without customizable-select parsing ignores <xmp>/<style> start tags in a
    # <select> and reads their content as markup (where </select> or <input> leaves it).
    for raw in ("xmp", "style", "iframe", "noembed"):
        out = R(h("select", None, h("option", None, "o"), h(raw, None, "</select><input>" + PAYLOAD)))
        assert "<img" not in out and "<input" not in out, out
    out = R(h("select", None, h("optgroup", None, h("option", None, h("style", None, "a<b")))))
    assert "<style>a&lt;b</style>" in out, out
    # outside a select (and after it) raw text is raw again
    out = R(h("div", None, h("select"), h("style", None, "a>b")))
    assert out == "<div><select></select><style>a>b</style></div>", out


def test_the_mock_serialises_like_render_to_string():
    # check_patch asserts renderers.mock.to_html of the patched tree == render_to_string
    trees = [
        lambda: h("div", None, h("select", None, h("style", None, "a<b"), h("option", None, "o")),
                  h("style", None, "a>b")),
        lambda: h("math", None, h("svg", None, h("foreignObject", None, h("style", None, "a<b")))),
        lambda: h("svg", None, h("math", None, h("foreignObject", None, h("xmp", None, "x<y")))),
        lambda: h("noscript", None, h("style", None, "</noscript>" + PAYLOAD)),
    ]
    for make in trees:
        check_patch(h("div"), make())
    r, c, root = mount(h("select", None, h("xmp", None, "a<b")))
    assert inner_html(c.children[0]) == "<xmp>a&lt;b</xmp>"
    assert inner_html(c.children[0].children[0]) == "a&lt;b"
    r, c, root = mount(h("textarea", None, h("b")))
    raises(ValueError, to_html, c.children[0])


def test_noscript_cannot_be_closed_from_raw_text():
    out = R(h("noscript", None, h("style", None, "</noscript>" + PAYLOAD)))
    assert out.lower().count("</noscript") == 1, out
    assert out == "<noscript><style>\\3C /noscript>" + PAYLOAD + "</style></noscript>", out
    out = R(h("noscript", None, h("xmp", None, "</NOSCRIPT>" + PAYLOAD)))
    assert out.lower().count("</noscript") == 1, out
    out = R(h("noscript", None, h("script", None, trusted("s='</noscript>'"))))
    assert out == "<noscript><script>s='\\x3C/noscript>'</script></noscript>", out
    # the mock serialises alike
    r, c, root = mount(h("noscript", None, h("style", None, "</noscript>" + PAYLOAD)))
    assert inner_html(c) == R(h("noscript", None, h("style", None, "</noscript>" + PAYLOAD)))


def test_textarea_and_title_hold_text_only():
    assert R(h("textarea", None, "a", "</textarea>" + PAYLOAD)) == (
        "<textarea>a&lt;/textarea&gt;&lt;img src=x onerror=pwn()&gt;</textarea>")
    assert R(h("title", None, h(Fragment, None, "x<"), memo(lambda: "y"))) == "<title>x&lt;y</title>"
    e = refused(R, h("textarea", None, h("style", None, "</textarea>" + PAYLOAD)))
    assert "textarea" in e and "text" in e
    refused(R, h("TITLE", None, h("b")))
    # SVG's title is an ordinary element
    assert R(h("svg", None, h("title", None, h("tspan", None, "t")))) == "<svg><title><tspan>t</tspan></title></svg>"


# -- javascript: URLs ---------------------------------------------------------------------------

BAD_URLS = [
    "javascript:pwn()", "JavaScript:pwn()", "JAVASCRIPT:pwn()", " javascript:pwn()",
    "\t\n javascript:pwn()", "\x00\x01\x1f javascript:pwn()", "java\tscript:pwn()", "java\nscript:pwn()",
    "j\ra\tv\na script:pwn()".replace(" ", ""), "javascript\t:pwn()", "vbscript:msgbox(1)", "VBScript:x",
]
GOOD_URLS = [
    "https://example.com/?q=javascript:x", "/javascript:x", "./javascript:x", "#javascript:x", "mailto:a@b.c",
    "javascript", "java script:x", "j\x01avascript:x", "\ufeffjavascript:x", "jav&#x61;script:x",
    "data:image/png;base64,AAAA", "", "x:y", "javascripts:x",
]


def test_javascript_urls_are_refused_in_every_url_attribute():
    for url in BAD_URLS:
        assert elements.script_url(url), url
        for name in ("href", "src", "action", "formaction", "xlink:href", "poster", "data", "cite",
                     "background", "HREF", "Src", "FormAction", "XLINK:HREF"):
            e = refused(h, "a", {name: url})
            assert name in e and "javascript:" in e and "trusted" in e, e
    # SVG links, MathML href, forms, frames, objects
    refused(lambda: h("svg", None, h("a", {"href": "javascript:pwn()"}, h("text", None, "x"))))
    refused(h, "a", {"xlink:href": "javascript:pwn()"})
    refused(h, "math", {"href": "javascript:pwn()"})
    refused(h, "iframe", {"src": "javascript:pwn()"})
    refused(h, "object", {"data": "javascript:pwn()"})
    refused(h, "button", {"formaction": "javascript:pwn()"})
    # SVG animation writing a link
    refused(h, "animate", {"attributeName": "href", "values": "#a;javascript:pwn()"})
    refused(h, "set", {"attributeName": "href", "to": "javascript:pwn()"})
    refused(h, "animate", {"attributeName": "href", "from": " javascript:pwn()"})
    refused(h, "set", {"attributeName": "onclick", "to": "pwn()"})
    # a value whose rendered form is a javascript: URL (an escaped Markup is no trusted URL)
    class Markup:
        def __html__(self):
            return "javascript:pwn()"
    refused(h, "a", {"href": Markup()})


def test_safe_urls_pass_and_render_as_given():
    for url in GOOD_URLS:
        assert not elements.script_url(url), url
        v = h("a", {"href": url}, "x")
        r, c, root = mount(v)
        assert c.children[0].attributes.get("href") == url
    assert R(h("a", {"href": "jav&#x61;script:x"})) == '<a href="jav&amp;#x61;script:x"></a>'
    # absent values, numbers and booleans are no URLs
    for v in (None, False, True, 0, 1.5):
        h("a", {"href": v})
    h("animate", {"attributeName": "x", "values": "0;10;0"})


def test_trusted_urls_render_in_both_renderers():
    v = h("a", {"href": trusted("javascript:void 0"), "class": "x"}, "x")
    r, c, root = mount(v)
    a = c.children[0]
    assert a.attributes["href"] == "javascript:void 0" and a.attributes["href"].__class__ is str
    assert R(v) == '<a class="x" href="javascript:void 0">x</a>' == inner_html(c)
    check_patch(h("a", {"href": "/x"}), h("a", {"href": trusted("javascript:void 0")}))


def test_a_refused_render_changes_nothing():
    r, c, root = mount(h("a", {"href": "/ok"}, "x"))
    before = inner_html(c)
    raises(ValueError, lambda: root.render(h("a", {"href": "javascript:pwn()"}, "x")))
    assert inner_html(c) == before
    root.render(h("a", {"href": "/next"}, "x"))
    assert c.children[0].attributes["href"] == "/next"


# -- string event handlers, srcdoc --------------------------------------------------------------

def test_string_event_handler_attributes_are_refused():
    for name in ("onclick", "ONCLICK", "onError", "onfocus", "onload", "onmouseover", "onanimationstart"):
        e = refused(h, "img", {name: "pwn()"})
        assert name in e and "on_" in e and "trusted" in e, e
    refused(h, "input", {"autofocus": True, "onfocus": "pwn()"})
    refused(h, "svg", {"onload": "pwn()"})
    refused(h, "a", {"onclick": True})
    # absent is fine; listeners are on_<type> callables; a trusted handler renders
    h("img", {"onerror": None, "onload": False, "on_error": lambda e: None})
    v = h("button", {"onclick": trusted("go()")}, "x")
    r, c, root = mount(v)
    assert c.children[0].attributes["onclick"] == "go()"
    assert R(v) == '<button onclick="go()">x</button>' == inner_html(c)


def test_srcdoc_is_refused_unless_trusted():
    e = refused(h, "iframe", {"srcdoc": "<script>pwn()</script>"})
    assert "srcdoc" in e and "trusted" in e
    refused(h, "iframe", {"SRCDOC": "x"})
    v = h("iframe", {"srcdoc": trusted("<p>hi</p>")})
    assert R(v) == '<iframe srcdoc="&lt;p&gt;hi&lt;/p&gt;"></iframe>'


# -- <script> ---------------------------------------------------------------------------------

def test_script_text_and_src_must_be_trusted():
    for tag in ("script", "SCRIPT", "Script"):
        e = refused(h, tag, None, "pwn()")
        assert "script" in e and "trusted" in e
        refused(h, tag, {"src": "/app.js"})
        refused(h, tag, None, ["a", trusted("b")])
    refused(lambda: h("svg", None, h("script", {"href": "/x.js"})))
    refused(h, "script", {"xlink:href": "/x.js"})
    refused(h, "script", None, memo(lambda: "pwn()"))
    refused(h, "script", None, h(Fragment, None, "pwn()"))
    refused(h, "script", None, 1)
    # trusted text and src, holes and an empty script are fine
    v = h("script", {"src": trusted("/app.js"), "type": "module"})
    assert R(v) == '<script src="/app.js" type="module"></script>'
    v = h("SCRIPT", {"type": "application/json"}, [trusted('{"a": "</script>"}'), None])
    assert R(v) == '<script type="application/json">{"a": "\\x3C/script>"}</script>'
    assert R(h("script")) == "<script></script>"
    r, c, root = mount(h("script", None, trusted("go()")))
    assert inner_html(c) == "<script>go()</script>"


def test_script_is_checked_on_every_call_and_in_static():
    # never cached as a good tag: the second call is checked too
    h("script", None, trusted("1"))
    refused(h, "script", None, "2")
    s = static(h("div", None, h("script", None, trusted("1"))))
    assert R(h("p", None, s)) == "<p><div><script>1</script></div></p>"


# -- style dicts ----------------------------------------------------------------------------------

def test_style_values_stay_in_their_property():
    for value in ("red;background:url(x)", "red}", "{", "red\"", "'red", "url(x", "a)", "rgb(1,2",
                  "red /* x", "a[", "x\\", "red;", "a](b"):
        e = refused(h, "div", {"style": {"color": value}})
        assert "color" in e and "declaration" in e, e
    for name in ("color;top", "color:red", "a b", "x{", "", "--a;b"):
        if name:
            refused(h, "div", {"style": {name: "1"}})
    ok = {"background": "url(data:image/png;base64,AAAA)", "font-family": '"a;b", \'c}\'',
          "width": "calc(1px + (2% * 3))", "color": "red !important", "--my-var": "x",
          "content": '"\\""', "grid-template-columns": "[a] 1fr [b]", "margin": 0, "opacity": 0.5,
          "z-index": None, "top": False}
    v = h("div", {"style": ok})
    r, c, root = mount(v)
    assert R(v) == inner_html(c)
    assert c.children[0].styles["background"] == "url(data:image/png;base64,AAAA)"
    # a style string is the whole attribute, passed as given (escaped)
    assert R(h("div", {"style": "color:red;top:0"})) == '<div style="color:red;top:0"></div>'


def test_style_containment_matches_both_renderers():
    check_patch(h("div", {"style": {"color": "red", "background": "url('a;b')"}}),
                h("div", {"style": {"color": "blue", "background": "url(\"c)d\")"}}))


# -- the framework's fast path ------------------------------------------------------------------

def test_vdom_app_tags_are_checked_too():
    from vdom.app import Page, t
    from vdom.app.testing import mount as app_mount, find1

    class Links(Page):
        def initial(self):
            return {"url": "/ok", "style": "red"}

        def populate(self):
            t.a("x", href=self.state["url"], id="a")
            t.p("y", style={"color": self.state["style"]})
            t.a("t", href=trusted("javascript:void 0"), id="b")

    app, r, c = app_mount(Links)
    assert find1(c, "a", id="a").attributes["href"] == "/ok"
    assert find1(c, "a", id="b").attributes["href"] == "javascript:void 0"
    before = inner_html(c)
    inst = _page_of(app)
    inst.state["url"] = "javascript:pwn()"
    app.flush()
    assert inner_html(c) == before
    assert app.errors and isinstance(app.errors[-1][1], ValueError), app.errors
    inst.state["url"] = "/fine"
    app.flush()
    inst.state["style"] = "red;background:blue"
    app.flush()
    assert isinstance(app.errors[-1][1], ValueError)
    assert find1(c, "a", id="a").attributes["href"] == "/fine"


def _page_of(app):
    return app.active_page


def test_vdom_app_refuses_handler_strings_and_scripts():
    from vdom.app import Page, t
    from vdom.app.testing import mount as app_mount

    class Bad(Page):
        def populate(self):
            t.img(src="x.png", onerror="pwn()")

    app, r, c = app_mount(Bad)
    assert app.errors and isinstance(app.errors[0][1], ValueError), app.errors

    class Scripted(Page):
        def populate(self):
            t.script("pwn()")

    app, r, c = app_mount(Scripted)
    assert app.errors and isinstance(app.errors[0][1], ValueError), app.errors

    class Fine(Page):
        def populate(self):
            t.script(trusted("go()"), type="module")

    app, r, c = app_mount(Fine)
    assert not app.errors, app.errors
    assert '<script type="module">go()</script>' in inner_html(c)


# -- trusted() and the core/renderer boundary ---------------------------------------------------

def test_trusted_marker():
    s = trusted("a")
    assert s.__class__ is Trusted and s == "a" and isinstance(s, str)
    assert trusted(s) is s
    assert str(s).__class__ is str
    assert repr(s) == "trusted('a')"
    raises(TypeError, trusted, 1)
    raises(TypeError, trusted, None)
    # a trusted string child is plain text
    r, c, root = mount(h("p", None, trusted("<b>")))
    assert inner_html(c) == "<p>&lt;b&gt;</p>" == R(h("p", None, trusted("<b>")))


def test_vnode_html_is_render_to_string_without_the_core_importing_renderers():
    v = h("p", {"title": '"'}, PAYLOAD)
    assert v.__html__() == R(v) == '<p title="&quot;">&lt;img src=x onerror=pwn()&gt;</p>'
    import vdom
    base = vdom.__file__.rsplit("/", 1)[0]
    for mod in ("__init__", "vnode", "props", "elements", "reconcile", "root", "renderer", "errors", "lis"):
        f = open(base + "/" + mod + ".py")
        try:
            src = f.read()
        finally:
            f.close()
        for line in src.split("\n"):
            line = line.strip()
            assert not line.startswith("from renderers") and not line.startswith("import renderers"), mod
