"""What the generators draw from: tags, texts, attribute values, listeners, memo functions,
trusted HTML (``Html``) and the shared static subtrees (``STATICS``, ``STATIC_A``...).
"""

from vdom.vnode import h, static, Fragment


class Html:
    """Trusted HTML (``__html__``): ``h()`` makes a raw-HTML node of it."""

    def __init__(self, html):
        self.html = html

    def __html__(self):
        return self.html

    def __repr__(self):
        return "Html(%r)" % (self.html,)


# Listener and memo functions the generators use (named, so messages show them).
def on_a(event):
    """A listener used by the generators."""
    return "a"


def on_b(event):
    """A listener used by the generators."""
    return "b"


def on_c(event):
    """A listener used by the generators."""
    return "c"


def memo_span(label, n):
    """A memo render function used by the generators: one element."""
    return h("span", {"class": "m"}, label, n)


def memo_list(label, n):
    """A memo render function used by the generators: a list (a fragment)."""
    return [label, h("b", None, n), None]


def memo_text(label, n):
    """A memo render function used by the generators: text."""
    return "%s%d" % (label, n)


# Static subtrees the generators use: module-level, so the trees of a pair
# share them (same object: kept) or not (another one at a slot: replaced).
STATIC_A = static(h("span", {"class": "st"}, "static"))
STATIC_A2 = static(h("span", {"class": "st"}, "static"))  # equal to STATIC_A, another object
STATIC_B = static(h("p", {"id": "sb", "style": {"color": "red", "margin": 0}}, h("b", None, "b"), None,
                    "t&<", h("input", {"type": "text", "disabled": True})))
STATIC_C = static(h("div", {"class": ["c", "d"]}, h(Fragment, None, "f", h("i")), Html("<em>r</em>"), ""))
STATIC_LINK = static(h("a", {"href": "#s", "class": "l"}, "link"))  # used in HTML and in SVG
STATIC_ICON = static(h("svg", {"viewBox": "0 0 2 2"}, h("rect", {"width": 1, "class": "r"}),
                       h("foreignObject", None, h("b", {"title": "fo"}, "fo"))))
STATIC_CIRCLE = static(h("circle", {"r": 1, "class": "c"}))
STATIC_NEST = static(h("div", {"class": "n"}, STATIC_A, h("i", None, "n"), STATIC_LINK))
_STATIC_NAMES = (("STATIC_A", STATIC_A), ("STATIC_A2", STATIC_A2), ("STATIC_B", STATIC_B),
                 ("STATIC_C", STATIC_C), ("STATIC_LINK", STATIC_LINK), ("STATIC_ICON", STATIC_ICON),
                 ("STATIC_CIRCLE", STATIC_CIRCLE), ("STATIC_NEST", STATIC_NEST))
STATICS = tuple([x for name, x in _STATIC_NAMES])
_HTML_STATICS = (STATIC_A, STATIC_A2, STATIC_B, STATIC_C, STATIC_LINK, STATIC_ICON, STATIC_NEST)
_SVG_STATICS = (STATIC_LINK, STATIC_CIRCLE, STATIC_ICON)

_TAGS = ("div", "span", "p", "ul", "li", "a", "b")
_VOIDS = ("input", "br")
_SVG_TAGS = ("g", "rect", "circle", "path", "text", "linearGradient", "foreignObject")
_TEXTS = ("a", "b", "", "x y", "a&b", "<i>", "\"q'", "\u00e9t\u00e9", "1", "  ")
_RAWS = ("<i>r</i>", "<b>&amp;</b>", "", "r")
_ATTRS = ("id", "title", "href", "data-n", "tabindex", "hidden", "aria-hidden", "draggable", "lang")
_ATTR_VALUES = ("x", "", "a b", "&<>\"'", 0, 1, 2.5, True, False, None)
_CLASS_NAMES = ("a", "b", "c", "d-e")
_STYLE_PROPS = ("color", "margin", "margin-top", "--v", "top")
_STYLE_VALUES = ("red", "0", 0, 1.5, "", None, False, "1px")
_STYLE_STRINGS = ("color:red", "", "margin:0;top:1px")
_EVENTS = ("click", "input", "my-event")
_HANDLERS = (on_a, on_b, on_c, None)
_MEMO_FNS = (memo_span, memo_list, memo_text)
_LABELS = ("a", "b")
