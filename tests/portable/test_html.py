"""renderers.html.render_to_string and renderers.markup: exact HTML strings.

Portable (CPython via pytest, MicroPython via tests/run_portable.py): plain
test functions, plain asserts, vdom.testing.raises for exceptions, no reliance
on dict order.
"""

from vdom import h, Fragment, memo, text, trusted as T
from vdom.testing import raises
from renderers.html import render_to_string, attributes
from renderers import markup

R = render_to_string

# WHATWG void elements plus the legacy ones the serializer treats as void.
VOID_NAMES = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
    "source", "track", "wbr", "basefont", "bgsound", "frame", "keygen", "param",
]


class Trusted:
    """A minimal markupsafe.Markup stand-in: only the ``__html__`` protocol."""

    def __init__(self, s):
        self.s = s

    def __html__(self):
        return self.s


def _noop(e=None):
    return None


# -- markup helpers ------------------------------------------------------------


def test_escape_text_exact():
    assert markup.escape_text("") == ""
    assert markup.escape_text("plain") == "plain"
    assert markup.escape_text("a & b < c > d") == "a &amp; b &lt; c &gt; d"
    # quotes are left alone in text
    assert markup.escape_text("\"'") == "\"'"
    # & is escaped first: existing entities are not preserved
    assert markup.escape_text("&lt;&amp;") == "&amp;lt;&amp;amp;"
    assert markup.escape_text("<<>>&&") == "&lt;&lt;&gt;&gt;&amp;&amp;"


def test_escape_attr_exact():
    assert markup.escape_attr("") == ""
    assert markup.escape_attr("plain text") == "plain text"
    assert markup.escape_attr("& < > \" '") == "&amp; &lt; &gt; &quot; &#39;"
    assert markup.escape_attr("&quot;") == "&amp;quot;"
    assert markup.escape_attr("\"><script>") == "&quot;&gt;&lt;script&gt;"


def test_open_tag_exact():
    assert markup.open_tag("div", []) == "<div>"
    assert markup.open_tag("div", None) == "<div>"
    assert markup.open_tag("input", [("disabled", True), ("value", "a\"b")]) == '<input disabled value="a&quot;b">'
    assert markup.open_tag("a", [("href", "?a=1&b=2")]) == '<a href="?a=1&amp;b=2">'
    # empty string value is written as an empty quoted value, not bare
    assert markup.open_tag("option", [("value", "")]) == '<option value="">'


def test_raw_text_helper():
    rt = markup.raw_text
    assert rt("script", "a < b && c > d") == "a < b && c > d"
    assert rt("script", "x</script>y") == "x\\x3C/script>y"
    assert rt("script", "</SCRIPT></ScRiPt>") == "\\x3C/SCRIPT>\\x3C/ScRiPt>"
    assert rt("script", "<script><SCRIPT ") == "\\x3Cscript>\\x3CSCRIPT "
    assert rt("script", "<!-- c -->") == "\\x3C!-- c -->"
    assert rt("script", "</scrip <scrip <!- </style") == "</scrip <scrip <!- </style"
    assert rt("style", "a>b{c:d}") == "a>b{c:d}"
    assert rt("style", "</style></STYLE>") == "\\3C /style>\\3C /STYLE>"
    # style only guards its own end tag
    assert rt("style", "</script><!--") == "</script><!--"
    assert rt("xmp", "a</xmp>b</XMP") == "a&lt;/xmp>b&lt;/XMP"
    assert rt("iframe", "<b></iframe>") == "<b>&lt;/iframe>"


def test_void_and_raw_text_tables():
    names = [n for n in markup.VOID]
    names.sort()
    expected = list(VOID_NAMES)
    expected.sort()
    assert names == expected
    raw = [n for n in markup.RAW_TEXT]
    raw.sort()
    assert raw == ["iframe", "noembed", "noframes", "script", "style", "xmp"]
    # escapable raw text elements are not raw text
    assert "textarea" not in markup.RAW_TEXT
    assert "title" not in markup.RAW_TEXT


# -- text and attribute escaping through render_to_string ------------------------


def test_text_escaping():
    assert R(h("p", None, "a & b < c > d \" '")) == "<p>a &amp; b &lt; c &gt; d \" '</p>"
    assert R(h("p", None, "<script>alert(1)</script>")) == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"
    assert R(h("p", None, text("&amp;"))) == "<p>&amp;amp;</p>"
    assert R(h("p", None, "")) == "<p></p>"


def test_attribute_escaping():
    assert R(h("a", {"title": "& < > \" '"})) == '<a title="&amp; &lt; &gt; &quot; &#39;"></a>'
    assert R(h("a", {"href": "/x?a=1&b=\"2\""})) == '<a href="/x?a=1&amp;b=&quot;2&quot;"></a>'
    assert R(h("div", {"data-x": "\"><img src=x>"})) == '<div data-x="&quot;&gt;&lt;img src=x&gt;"></div>'
    assert R(h("div", {"title": ""})) == '<div title=""></div>'


def test_textarea_and_title_are_escaped_normally():
    assert R(h("textarea", None, "a < b & </textarea>")) == "<textarea>a &lt; b &amp; &lt;/textarea&gt;</textarea>"
    assert R(h("title", None, "x</title>&")) == "<title>x&lt;/title&gt;&amp;</title>"


# -- script / style ------------------------------------------------------------


def test_script_content_is_raw():
    # (a script's text must be trusted(): see test_security.py)
    assert R(h("script", None, T("if (a < b && c > d) x = '&amp;';"))) == (
        "<script>if (a < b && c > d) x = '&amp;';</script>"
    )
    assert R(h("script", {"type": "module"}, T("a < b && c"))) == '<script type="module">a < b && c</script>'
    assert R(h("style", None, "a > b { content: '&'; }")) == "<style>a > b { content: '&'; }</style>"
    assert R(h("script")) == "<script></script>"


def test_script_cannot_be_closed_early():
    assert R(h("script", None, T("s = '</script><b>x</b>';"))) == "<script>s = '\\x3C/script><b>x</b>';</script>"
    for end in ("</script", "</SCRIPT", "</Script", "</sCrIpT"):
        out = R(h("script", None, T("a" + end + ">b")))
        assert out == "<script>a\\x3C" + end[1:] + ">b</script>", out
        assert out.lower().count("</script") == 1
    assert R(h("script", None, T("<script>"))) == "<script>\\x3Cscript></script>"
    assert R(h("script", None, T("<SCRIPT src=x>"))) == "<script>\\x3CSCRIPT src=x></script>"
    assert R(h("script", None, T("<!-- hi"))) == "<script>\\x3C!-- hi</script>"
    # several occurrences, all guarded
    assert R(h("script", None, T("<!--<script></script>"))) == "<script>\\x3C!--\\x3Cscript>\\x3C/script></script>"


def test_style_cannot_be_closed_early():
    assert R(h("style", None, "a{}</style><b>")) == "<style>a{}\\3C /style><b></style>"
    assert R(h("style", None, "</STYLE>")) == "<style>\\3C /STYLE></style>"


def test_other_raw_text_elements():
    assert R(h("xmp", None, "<b>&</b></xmp>")) == "<xmp><b>&</b>&lt;/xmp></xmp>"
    assert R(h("noframes", None, "a<b")) == "<noframes>a<b</noframes>"


def test_script_guard_with_case_changing_characters():
    # U+0130 lower-cases to two code points on CPython; the guard must still
    # find the real "</script" (on MicroPython str.lower() is ASCII-only).
    payload = "\u0130" * 8 + "</script><img src=x onerror=alert(1)>"
    out = R(h("script", None, T(payload)))
    assert out.lower().count("</script") == 1, out
    assert out == "<script>" + "\u0130" * 8 + "\\x3C/script><img src=x onerror=alert(1)></script>", out
    out = R(h("style", None, "\u0130" * 7 + "</style><b>"))
    assert out == "<style>" + "\u0130" * 7 + "\\3C /style><b></style>", out


def test_script_guard_across_adjacent_text_children():
    # Adjacent text children form one script body; the serialised body must
    # not contain an end tag even when it is split across children.
    out = R(h("script", None, T("var s = '<"), T("/script><img src=x onerror=alert(1)>';")))
    assert out.lower().count("</script") == 1, out
    out = R(h("script", None, [T("<!-"), T("-")]))
    assert "<!--" not in out, out
    out = R(h("style", None, h(Fragment, None, "<", "/sty"), "le>"))
    assert out.lower().count("</style") == 1, out
    out = R(h("style", None, "<", "/style><b>"))
    assert out.lower().count("</style") == 1, out


def test_raw_text_through_fragment_and_memo():
    # (a script takes trusted strings only: fragments, memos and numbers are refused by h())
    assert R(h("style", None, h(Fragment, None, "a<b", "&c"))) == "<style>a<b&c</style>"
    assert R(h("style", None, memo(lambda s: s, "x && y</style>"))) == "<style>x && y\\3C /style></style>"
    assert R(h("style", None, 1, " < ", 2)) == "<style>1 < 2</style>"
    assert R(h("script", None, T("1"), T(" < "), T("2"))) == "<script>1 < 2</script>"


def test_elements_inside_raw_text_raise():
    e = raises(ValueError, R, h("style", None, h("b", None, "x")))
    assert "style" in str(e)
    raises(ValueError, R, h("style", None, "a", h("i")))
    raises(ValueError, R, h("style", None, h(Fragment, None, "t", h("b"))))
    raises(ValueError, R, h("style", None, memo(lambda: h("b"))))
    raises(ValueError, R, h("xmp", None, h("b")))
    # (a script with an element child is refused by h() already)
    raises(ValueError, h, "script", None, h("b", None, "x"))
    # element children are fine in ordinary elements of the same tree
    assert R(h("div", None, h("script", None, T("1")), h("b"))) == "<div><script>1</script><b></b></div>"


# -- void elements -------------------------------------------------------------


def test_every_void_element_has_no_end_tag():
    for name in VOID_NAMES:
        assert R(h(name)) == "<" + name + ">", name
        assert R(h(name, {"id": "x"})) == "<" + name + ' id="x">', name
        assert R(h(name, None, None, False)) == "<" + name + ">", name  # holes are not children
        assert R(h("div", None, h(name), "t")) == "<div><" + name + ">t</div>", name


def test_void_element_examples():
    assert R(h("input", {"type": "text", "disabled": True, "value": "a\"b"})) == (
        '<input disabled type="text" value="a&quot;b">'
    )
    assert R(h("p", None, "a", h("br"), "b", h("hr"))) == "<p>a<br>b<hr></p>"
    assert R(h("img", {"src": "a.png", "alt": ""})) == '<img alt="" src="a.png">'


def test_children_on_void_elements_raise_in_h():
    for name in VOID_NAMES:
        e = raises(ValueError, h, name, None, "x")
        assert name in str(e), str(e)
        raises(ValueError, h, name, {"id": "a"}, h("span"))
        raises(ValueError, h, name, None, [["nested"]])
        raises(ValueError, h, name, None, 0)


def test_children_on_upper_case_void_elements_raise_in_h():
    # Tag names of HTML elements are case-insensitive (the renderer writes
    # <BR> as <br> and treats it as void), so h() must reject these too.
    for name in ("BR", "Img", "INPUT"):
        raises(ValueError, h, name, None, "x")


def test_void_children_never_serialised():
    # Whichever layer rejects it (h() or the renderer), <BR>x</BR> is never output.
    try:
        v = h("BR", None, "x")
    except ValueError:
        return
    raises(ValueError, R, v)
    raises(ValueError, R, h("div", None, v))


def test_upper_case_void_element_renders_as_void():
    assert R(h("BR")) == "<br>"
    assert R(h("IMG", {"src": "x"})) == '<img src="x">'


# -- boolean and enumerated attributes -----------------------------------------


def test_boolean_attributes():
    assert R(h("button", {"disabled": True})) == "<button disabled></button>"
    assert R(h("button", {"disabled": False})) == "<button></button>"
    assert R(h("button", {"disabled": None})) == "<button></button>"
    assert R(h("input", {"checked": True, "required": True, "readonly": False, "hidden": None})) == (
        "<input checked required>"
    )
    assert R(h("details", {"open": True})) == "<details open></details>"
    # never disabled="false"
    assert "false" not in R(h("select", {"multiple": False, "disabled": False}))


def test_enumerated_attributes():
    assert R(h("div", {"aria-hidden": True})) == '<div aria-hidden="true"></div>'
    assert R(h("div", {"aria-expanded": False})) == '<div aria-expanded="false"></div>'
    assert R(h("div", {"aria-label": "x"})) == '<div aria-label="x"></div>'
    assert R(h("div", {"aria-busy": None})) == "<div></div>"
    assert R(h("div", {"draggable": True, "spellcheck": False, "contenteditable": True})) == (
        '<div contenteditable="true" draggable="true" spellcheck="false"></div>'
    )
    assert R(h("div", {"draggable": False, "contenteditable": False})) == (
        '<div contenteditable="false" draggable="false"></div>'
    )
    assert R(h("div", {"draggable": None, "contenteditable": None, "spellcheck": None})) == "<div></div>"


def test_attributes_function():
    assert attributes(None) == []
    assert attributes({}) == []
    got = attributes({"title": "x", "disabled": True, "hidden": False, "key": 1, "on_click": _noop,
                      "class": "c", "style": {"b": 1, "a": "2"}, "aria-x": False, "n": 3})
    assert got == [("aria-x", "false"), ("class", "c"), ("disabled", True), ("n", "3"),
                   ("style", "a:2;b:1"), ("title", "x")], got


# -- class ---------------------------------------------------------------------


def test_class_forms():
    assert R(h("div", {"class": "a b"})) == '<div class="a b"></div>'
    assert R(h("div", {"class": ["x", None, "", False, "y"]})) == '<div class="x y"></div>'
    assert R(h("div", {"class": ("t1", "t2")})) == '<div class="t1 t2"></div>'
    assert R(h("div", {"class": {"zeta": True, "alpha": 1, "mid": 0, "beta": None, "gamma": "yes"}})) == (
        '<div class="alpha gamma zeta"></div>'
    )
    assert R(h("div", {"class": ["a", ["b", {"d": True, "c": True, "e": False}]]})) == '<div class="a b c d"></div>'
    assert R(h("div", {"class": "<\"&'>"})) == '<div class="&lt;&quot;&amp;&#39;&gt;"></div>'


def test_empty_class_is_absent():
    for empty in ("", [], (), {}, {"a": False}, [None, ""], None, False):
        assert R(h("div", {"class": empty})) == "<div></div>", empty
    assert R(h("div", {"class": "", "id": "i"})) == '<div id="i"></div>'


def test_bad_class_values_raise():
    raises(TypeError, h, "div", {"class": 5})
    raises(TypeError, h, "div", {"class": ["a", 5]})


# -- style ---------------------------------------------------------------------


def test_style_forms():
    assert R(h("div", {"style": "color: red; top: 0"})) == '<div style="color: red; top: 0"></div>'
    assert R(h("div", {"style": {"z-index": 2, "color": "red", "margin": 0, "top": None,
                                 "left": False, "opacity": 0.5}})) == (
        '<div style="color:red;margin:0;opacity:0.5;z-index:2"></div>'
    )
    # shorthand sorts before its longhands
    assert R(h("p", {"style": {"margin-top": "1px", "margin": "0"}})) == '<p style="margin:0;margin-top:1px"></p>'
    assert R(h("p", {"style": {"font-family": "\"A\" & <B>"}})) == (
        '<p style="font-family:&quot;A&quot; &amp; &lt;B&gt;"></p>'
    )
    assert R(h("p", {"style": "a:'x'"})) == '<p style="a:&#39;x&#39;"></p>'


def test_empty_style_is_absent():
    for empty in ("", {}, {"color": None}, {"a": False, "b": None}, {"c": ""}, None, False):
        assert R(h("div", {"style": empty})) == "<div></div>", empty


def test_bad_style_values_raise():
    raises(TypeError, h, "div", {"style": 5})
    raises(TypeError, h, "div", {"style": ["color:red"]})
    raises(TypeError, h, "div", {"style": {"": "x"}})


# -- attributes in general -------------------------------------------------------


def test_attributes_sorted_by_name():
    v = h("div", {"id": "i", "b": "1", "style": "s:1", "a": "2", "data-x": "y", "class": "c", "z": True})
    assert R(v) == '<div a="2" b="1" class="c" data-x="y" id="i" style="s:1" z></div>'


def test_key_hook_and_listeners_never_rendered():
    v = h("div", {"key": "k", "hook": {"insert": _noop}, "on_click": _noop, "on_input": None, "id": "x"}, "t")
    assert R(v) == '<div id="x">t</div>'
    assert R(h("ul", None, h("li", {"key": 1}, "a"), h("li", {"key": 2}, "b"))) == "<ul><li>a</li><li>b</li></ul>"


def test_number_attribute_values():
    assert R(h("input", {"tabindex": 0, "maxlength": 10, "step": 1.5, "min": -3})) == (
        '<input maxlength="10" min="-3" step="1.5" tabindex="0">'
    )


# -- children ------------------------------------------------------------------


def test_numbers_as_text():
    assert R(h("p", None, 0)) == "<p>0</p>"
    assert R(h("p", None, 1, -2, 1.5, "|", 42)) == "<p>1-21.5|42</p>"


def test_holes_render_nothing():
    assert R(h("p", None, None, True, False)) == "<p></p>"
    assert R(h("p", None, None, "a", True, h("b"), False, "c", None)) == "<p>a<b></b>c</p>"
    assert R(h("p", None, [None, [False, [True]]])) == "<p></p>"


def test_nested_lists_flattened():
    v = h("ul", None, [h("li", None, "a"), [h("li", None, "b"), ("c", [["d", (1,)]])]], "e")
    assert R(v) == "<ul><li>a</li><li>b</li>cd1e</ul>"
    assert R(h("div", None, [], (), [[]])) == "<div></div>"


def test_fragment_renders_only_children():
    assert R(h(Fragment)) == ""
    assert R(h(Fragment, None, "a", h("i"), "<")) == "a<i></i>&lt;"
    v = h("div", None, "x", h(Fragment, {"key": "k"}, h("b"), h(Fragment, None, "y", h(Fragment))), "z")
    assert R(v) == "<div>x<b></b>yz</div>"
    # props of a fragment other than key are not rendered anywhere
    assert R(h(Fragment, {"key": "f"}, h("span"))) == "<span></span>"


def test_memo_renders_fn_of_args():
    calls = []

    def row(label, n):
        calls.append((label, n))
        return h("li", {"data-n": n}, label)

    assert R(h("ul", None, memo(row, "a<", 1, key="a"), memo(row, "b", 2))) == (
        '<ul><li data-n="1">a&lt;</li><li data-n="2">b</li></ul>'
    )
    assert calls == [("a<", 1), ("b", 2)]
    assert R(memo(lambda: "x&y")) == "x&amp;y"
    assert R(memo(lambda: None)) == ""
    assert R(memo(lambda: [h("i"), "t", None, h("b")])) == "<i></i>t<b></b>"
    assert R(memo(lambda: memo(lambda x: h("em", None, x), "deep"))) == "<em>deep</em>"


def test_memo_function_errors_propagate():
    def boom():
        raise KeyError("boom")

    raises(KeyError, R, h("div", None, memo(boom)))


def test_text_vnodes():
    assert R(text("a<b")) == "a&lt;b"
    assert R(h("p", None, text("x"), text("&"))) == "<p>x&amp;</p>"


# -- trusted HTML (__html__) -------------------------------------------------------


def test_html_protocol_children_are_trusted():
    assert R(h("div", None, Trusted("<b>x</b>"), "<")) == "<div><b>x</b>&lt;</div>"
    assert R(Trusted("<i>&amp;</i>")) == "<i>&amp;</i>"
    assert R([Trusted("<hr>"), "<hr>"]) == "<hr>&lt;hr&gt;"
    assert R(h("p", None, [Trusted("<br>"), [Trusted("&nbsp;")]])) == "<p><br>&nbsp;</p>"


def test_html_protocol_attribute_values_still_escaped():
    assert R(h("div", {"title": Trusted("<b>\"&'</b>")})) == (
        '<div title="&lt;b&gt;&quot;&amp;&#39;&lt;/b&gt;"></div>'
    )


def test_markupsafe_interop():
    try:
        import markupsafe
    except ImportError:
        return  # not available (MicroPython): covered by the Trusted stand-in
    m = markupsafe.Markup("<b>&amp;</b>")
    assert R(h("div", None, m)) == "<div><b>&amp;</b></div>"
    assert R(m) == "<b>&amp;</b>"
    assert R(h("a", {"title": m})) == '<a title="&lt;b&gt;&amp;amp;&lt;/b&gt;"></a>'
    # VNodes embed into markupsafe as trusted HTML
    v = h("p", {"class": "c"}, "<x>")
    assert markupsafe.Markup(v) == '<p class="c">&lt;x&gt;</p>'
    assert markupsafe.escape(v) == '<p class="c">&lt;x&gt;</p>'
    assert markupsafe.Markup("<div>%s</div>") % v == '<div><p class="c">&lt;x&gt;</p></div>'
    # escaped markupsafe text as a child is used verbatim
    assert R(h("p", None, markupsafe.escape("<&>"))) == "<p>&lt;&amp;&gt;</p>"


def test_vnode_has_html_method():
    v = h("p", {"id": "a\"b"}, "x<y", h("br"))
    assert v.__html__() == '<p id="a&quot;b">x&lt;y<br></p>'
    assert v.__html__() == R(v)
    assert h(Fragment, None, "a", h("i")).__html__() == "a<i></i>"
    assert memo(lambda: h("b")).__html__() == "<b></b>"


# -- SVG / MathML and tag case -------------------------------------------------


def test_svg_tags_keep_case():
    v = h("svg", {"viewBox": "0 0 10 10", "class": ["icon", "big"]},
          h("defs", None, h("clipPath", {"id": "c"}, h("rect", {"width": 1}))),
          h("linearGradient", {"gradientUnits": "userSpaceOnUse"}),
          h("foreignObject", None, h("DIV", None, h("Span", None, "t"))))
    assert R(v) == (
        '<svg class="icon big" viewBox="0 0 10 10"><defs><clipPath id="c"><rect width="1"></rect></clipPath></defs>'
        '<linearGradient gradientUnits="userSpaceOnUse"></linearGradient>'
        "<foreignObject><div><span>t</span></div></foreignObject></svg>"
    )


def test_html_tags_lower_cased():
    assert R(h("DIV", {"ID": "x"}, h("SpAn"), h("clipPath"))) == '<div ID="x"><span></span><clippath></clippath></div>'
    # svg inside foreignObject is SVG again
    v = h("svg", None, h("foreignObject", None, h("P"), h("svg", None, h("feGaussianBlur"))))
    assert R(v) == "<svg><foreignObject><p></p><svg><feGaussianBlur></feGaussianBlur></svg></foreignObject></svg>"


def test_svg_text_is_escaped_and_void_names_are_not_special():
    assert R(h("svg", None, h("style", None, "a<b"), h("script", None, T("&")))) == (
        "<svg><style>a&lt;b</style><script>&amp;</script></svg>"
    )


def test_mathml():
    assert R(h("math", None, h("mi", None, "x"), h("mo", None, "<"))) == "<math><mi>x</mi><mo>&lt;</mo></math>"


# -- deep trees and top-level values --------------------------------------------


def test_deep_tree_renders():
    n = 1000
    v = "leaf<"
    opens = []
    for i in range(n):
        tag = "div" if i % 2 else "span"
        v = h(tag, {"class": "c"} if i % 3 == 0 else None, v)
        opens.append(("<%s class=\"c\">" if i % 3 == 0 else "<%s>") % tag)
    expected = "".join(reversed(opens)) + "leaf&lt;"
    expected += "".join(["</%s>" % ("div" if i % 2 else "span") for i in range(n)])
    out = R(v)
    assert out == expected
    assert out.startswith('<div class="c"><span><div><span class="c">')
    # fragments nested deep
    f = h("b")
    for i in range(n):
        f = h(Fragment, None, f)
    assert R(f) == "<b></b>"


def test_deep_tree_exact():
    v = "x"
    for i in range(1000):
        v = h("i", None, v)
    assert R(v) == "<i>" * 1000 + "x" + "</i>" * 1000


def test_render_to_string_of_plain_values():
    assert R("a < b & c") == "a &lt; b &amp; c"
    assert R("") == ""
    assert R(None) == ""
    assert R(True) == ""
    assert R(False) == ""
    assert R(7) == "7"
    assert R([]) == ""
    assert R(["a", h("b", None, "<"), None, 3, ["&"]]) == "a<b>&lt;</b>3&amp;"
    assert R((h("i"), h("u"))) == "<i></i><u></u>"


def test_render_to_string_rejects_bad_values():
    raises(TypeError, R, object())
    raises(TypeError, R, [1, {"a": 1}])


def test_render_does_not_change_the_tree():
    v = h("div", {"class": {"b": True, "a": True}, "style": {"y": 1, "x": 2}}, "t", [h("i")], memo(lambda: "m"))
    first = R(v)
    assert first == '<div class="a b" style="x:2;y:1">t<i></i>m</div>'
    assert R(v) == first
    # the same vnode used as a child after rendering it on its own
    assert R(h("section", None, v, v)) == "<section>" + first + first + "</section>"
