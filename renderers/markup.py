"""HTML serialisation rules shared by every renderer that produces markup.

One implementation, so ``renderers.html.render_to_string`` and
``renderers.mock.to_html`` escape exactly alike (WHATWG serialisation:
void elements, raw-text elements, escaped text and attribute values).
"""

from vdom.elements import VOID, RAW_TEXT, RCDATA, SVG_NS, MATHML_NS  # noqa: F401  (re-exported)

# Where a browser's HTML parser reads what a renderer writes (``parser_ns``): None (HTML),
# SVG_NS, MATHML_NS, or IN_SELECT (HTML inside a <select>).
IN_SELECT = "select"


def parser_ns(low, ctx):
    """The parser's namespace for an element named ``low`` (lower case) in parser context ``ctx``.

    It can differ from the core's (``vdom.elements.element_ns``) for odd
    nestings, and only there: ``svg`` and ``math`` start their namespace
    from HTML content only (an ``svg`` directly inside ``math`` is MathML to
    the parser); integration points other than SVG's ``foreignObject`` and
    breakout tags are ignored, which errs towards foreign content, where
    raw text is written escaped.
    """
    if ctx is None:
        if low == "svg":
            return SVG_NS
        if low == "math":
            return MATHML_NS
    return ctx


def parser_child_ctx(low, pns):
    """The parser context of the children of element ``low`` whose parser namespace is ``pns``.

    HTML inside an SVG ``foreignObject``; ``IN_SELECT`` below an HTML
    ``<select>``, which stays for the whole subtree: a parser without the
    2025 customizable-select parsing ignores ``<style>``, ``<xmp>``... start
    tags there and reads their content as markup.
    """
    if pns is None:
        return IN_SELECT if low == "select" else None
    if pns == SVG_NS and low == "foreignobject":
        return None
    return pns


def escape_text(s):
    """Escape ``& < >`` for text content."""
    if "&" in s:
        s = s.replace("&", "&amp;")
    if "<" in s:
        s = s.replace("<", "&lt;")
    if ">" in s:
        s = s.replace(">", "&gt;")
    return s


def escape_attr(s):
    """Escape ``& < > " '`` for a double-quoted attribute value."""
    s = escape_text(s)
    if '"' in s:
        s = s.replace('"', "&quot;")
    if "'" in s:
        s = s.replace("'", "&#39;")
    return s


def raw_text(tag, s):
    """Content of a raw-text element, unescaped but unable to close it early.

    ``s`` must be the element's whole text (adjacent text children joined):
    a guard applied per piece could be split across two of them.
    In ``<script>``, ``</script``, ``<script`` and ``<!--`` (any case) get
    their ``<`` written as ``\\x3C``, which JavaScript strings, templates
    and regexes read as ``<``; in ``<style>`` a ``</style`` gets CSS's
    ``\\3C ``.  Other raw-text elements get ``&lt;`` before their end tag.
    ``</noscript`` is guarded the same way in all of them: inside a
    ``<noscript>`` (raw text itself to a parser that runs scripts) it would
    end the noscript early and let the rest be read as markup.
    """
    if "<" not in s:
        return s
    if tag == "script":
        needles = ("/script", "script", "!--", "/noscript")
        repl = "\\x3C"
    elif tag == "style":
        needles = ("/style", "/noscript")
        repl = "\\3C "
    else:
        needles = ("/" + tag, "/noscript")
        repl = "&lt;"
    out = []
    start = 0
    i = s.find("<")
    while i >= 0:
        for n in needles:
            # ASCII case-insensitive, like the HTML tokenizer; compare slices of
            # the original string so non-ASCII case mappings cannot shift offsets.
            if s[i + 1:i + 1 + len(n)].lower() == n:
                out.append(s[start:i])
                out.append(repl)
                start = i + 1
                break
        i = s.find("<", i + 1)
    if not out:
        return s
    out.append(s[start:])
    return "".join(out)


def open_tag(tag, attrs):
    """``<tag a="v" b>`` from ``attrs``, a list of ``(name, value)`` sorted by name.

    ``value`` is a string (escaped) or ``True`` (a bare boolean attribute).
    """
    if not attrs:
        return "<" + tag + ">"
    parts = ["<", tag]
    for name, value in attrs:
        if value is True:
            parts.append(" " + name)
        else:
            parts.append(" " + name + '="' + escape_attr(value) + '"')
    parts.append(">")
    return "".join(parts)
