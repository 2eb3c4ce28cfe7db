"""HTML rules the core and every renderer share: tag names, namespaces, and what runs as script.

One module below ``vdom.vnode`` (the checks ``h()`` makes), ``vdom.reconcile``
(the namespaces of the DOM it builds), ``renderers.html`` and
``renderers.markup`` (serialisation), so a tree the DOM renderer mounts and
the same tree server-rendered and parsed by a browser agree.  Where they did
not, text escaped as data reached the browser as markup: ``h("SVG", None,
h("style", None, text))`` was HTML to a case-sensitive namespace check but
``<svg>`` to the parser once lower-cased, so the style's text went out raw.

* Names: HTML tag names are case-insensitive; the three whose spelling
  decides a namespace (``svg``, ``math``, ``foreignObject``) are stored by
  ``h()`` in their canonical spelling (``canonical_tag``), so every later
  comparison is an exact one.  ``<script>`` in any case is checked apart.
* Namespaces: ``element_ns``/``child_ns``: ``svg`` and ``math`` start their
  namespace, children inherit it, and the children of an SVG
  ``foreignObject`` are HTML (the HTML parser's integration point; a
  ``foreignObject`` inside MathML is not one).
* Script: ``javascript:`` URLs, string event-handler attributes, ``srcdoc``
  and ``<script>`` run what they hold; ``h()`` refuses them unless the value
  is wrapped in ``trusted()`` (see the README, "Security defaults").
"""

SVG_NS = "http://www.w3.org/2000/svg"
MATHML_NS = "http://www.w3.org/1998/Math/MathML"

VOID = {
    "area": 1, "base": 1, "br": 1, "col": 1, "embed": 1, "hr": 1, "img": 1, "input": 1,
    "link": 1, "meta": 1, "source": 1, "track": 1, "wbr": 1,
    "basefont": 1, "bgsound": 1, "frame": 1, "keygen": 1, "param": 1,
}

# Elements whose text the HTML parser does not decode.
RAW_TEXT = {"script": 1, "style": 1, "xmp": 1, "iframe": 1, "noembed": 1, "noframes": 1}

# Elements whose content the HTML parser reads as text up to their end tag (entities decoded):
# they can hold text only, or an element's markup inside would come back as text.
RCDATA = {"textarea": 1, "title": 1}

# The tags whose name decides a namespace: lower-case spelling -> the spelling h() stores.
NS_TAGS = {"svg": "svg", "math": "math", "foreignobject": "foreignObject"}


def canonical_tag(tag):
    """``tag`` as ``h()`` stores it: ``SVG`` -> ``svg``, ``MATH`` -> ``math``,
    ``foreignobject`` -> ``foreignObject`` (the HTML parser reads them so in
    any case), ``SCRIPT`` -> ``script``; any other tag unchanged (SVG's own
    names are case-sensitive: ``linearGradient``)."""
    low = tag.lower()
    c = NS_TAGS.get(low)
    if c is not None:
        return c
    return "script" if low == "script" else tag


def element_ns(tag, ns):
    """The namespace of an element named ``tag`` (canonical spelling) inside context ``ns``."""
    if tag == "svg":
        return SVG_NS
    if tag == "math":
        return MATHML_NS
    return ns


def child_ns(tag, ens):
    """The context of the children of element ``tag`` whose own namespace is ``ens``:
    HTML (None) inside an SVG ``foreignObject``, else ``ens``."""
    if ens is not None and tag == "foreignObject" and ens == SVG_NS:
        return None
    return ens


# -- what runs as script --------------------------------------------------------------------

class Trusted(str):
    """A string its developer vouches for (``trusted(value)``): ``h()`` lets it through
    where it would run as script.  Anything computed from it is a plain ``str`` again."""

    __slots__ = ()

    def __repr__(self):
        return "trusted(%r)" % (str(self),)


def trusted(value):
    """Mark ``value`` (a string you wrote, never user data) as trusted.

    ``h()`` refuses, by default, values a browser would run as script:
    ``javascript:`` URLs (``href``, ``src``, ``action``...), string event
    handlers (``onclick``), ``srcdoc`` and ``<script>`` text and ``src``.
    Wrapped in ``trusted()``, the value is rendered as given by both
    renderers (still escaped as an attribute value or raw-text content).
    """
    if value.__class__ is Trusted:
        return value
    if not isinstance(value, str):
        raise TypeError("trusted() takes a str, got %s %r" % (type(value).__name__, value))
    return Trusted(value)


# Attributes whose value is a URL a browser follows, loads or submits to (lower case).  A
# javascript: (or vbscript:) URL there runs as script.  Not listed: srcset and ping (images and
# pings never run a URL).  to/from/by/values are SVG animation values, which can set an href.
URL_ATTRS = {
    "href": 1, "src": 1, "action": 1, "formaction": 1, "xlink:href": 1, "poster": 1, "data": 1,
    "cite": 1, "background": 1, "codebase": 1, "longdesc": 1, "usemap": 1, "lowsrc": 1,
    "dynsrc": 1, "manifest": 1, "archive": 1, "classid": 1, "profile": 1, "icon": 1,
    "to": 1, "from": 1, "by": 1, "values": 1,
}

URL = 1     # attr_risk(): a URL attribute (check_url_attr)
CODE = 2    # attr_risk(): its value is script or markup: on*, srcdoc, attributeName (check_code_attr)


def attr_risk(name):
    """``URL``, ``CODE`` or 0 (harmless) for attribute ``name`` (any case)."""
    low = name.lower()
    if low in URL_ATTRS:
        return URL
    if low == "srcdoc" or low == "attributename" or (low[:2] == "on" and len(low) > 2):
        return CODE
    return 0


def script_url(value):
    """Whether ``value`` is a URL that runs as script (``javascript:`` or ``vbscript:``),
    read as a browser's URL parser reads it: leading C0 controls and spaces skipped,
    tabs and newlines anywhere ignored, the scheme in any case."""
    i = value.find(":")
    if i < 0:
        return False
    s = value[:i]
    j = 0
    n = len(s)
    while j < n and s[j] <= " ":
        j += 1
    if j:
        s = s[j:]
    if "\t" in s or "\n" in s or "\r" in s:
        s = s.replace("\t", "").replace("\n", "").replace("\r", "")
    if len(s) != 10 and len(s) != 8:
        return False
    s = s.lower()
    return s == "javascript" or s == "vbscript"


def _as_text(value):
    """The string an attribute value renders as, or None for one that cannot hold a URL."""
    if value.__class__ is str:
        return value
    if value is None or value is True or value is False or value.__class__ is int or value.__class__ is float:
        return None
    html = getattr(value, "__html__", None)
    if html is not None:
        return str(html())
    return str(value)


def check_url_attr(tag, name, value):
    """Raise ``ValueError`` if ``value`` of ``URL`` attribute ``name`` is a script URL.

    ``None``/``False`` (absent) and ``trusted()`` values pass.
    """
    if value.__class__ is str:
        if ":" not in value:
            return  # no scheme: the common case, decided at once
        s = value
    else:
        if value is None or value is False or value.__class__ is Trusted:
            return
        s = _as_text(value)
        if s is None:
            return
    bad = script_url(s)
    if not bad and name.lower() == "values":  # an SVG animation's list: "a;b;c"
        for part in s.split(";"):
            if script_url(part):
                bad = True
                break
    if bad:
        raise ValueError(
            "h(%r): %s=%r is a javascript: URL, which runs as script in this page when it is "
            "followed; pyvdom refuses it by default. Pass vdom.trusted(url) if the URL is yours, "
            "never data" % (tag, name, s))


def check_code_attr(tag, name, value):
    """Raise ``ValueError`` unless ``value`` of ``CODE`` attribute ``name`` is absent or trusted
    (an ``attributeName`` may name any attribute but an ``on*`` one)."""
    if value is None or value is False or value.__class__ is Trusted:
        return
    low = name.lower()
    if low == "attributename":
        # <set attributeName="onclick" to="...">: an animation that writes a handler
        s = _as_text(value)
        if s is not None and s.strip().lower()[:2] == "on":
            raise ValueError(
                "h(%r): attributeName=%r animates an event-handler attribute, whose value would "
                "run as script; pass vdom.trusted(name) if this is your own markup" % (tag, s))
        return
    if low == "srcdoc":
        raise ValueError(
            "h(%r): srcdoc is an HTML document that runs its scripts in this page's origin; "
            "pyvdom refuses it by default. Pass vdom.trusted(html) for markup you wrote, never data"
            % (tag,))
    raise ValueError(
        "h(%r): %s=%r is a string event-handler attribute, which the browser runs as script; "
        "pyvdom refuses it by default. Listeners are on_<type> callables (on_%s=fn); pass "
        "vdom.trusted(code) for handler code you wrote, never data" % (tag, name, value, low[2:]))


def check_script(tag, props, children):
    """``<script>`` (any case, any namespace) runs its text and what its ``src`` (or SVG
    ``href``) names: both must be ``trusted()``, or ``h()`` raises ``ValueError``."""
    if props and isinstance(props, dict):  # (h() reports props that are not a dict)
        for name in props:
            v = props[name]
            if v is None or v is False or v.__class__ is Trusted:
                continue
            low = name.lower()
            if low == "src" or low == "href" or low == "xlink:href":
                raise ValueError(
                    "h(%r): a script's %s loads code that runs in this page; pyvdom refuses it by "
                    "default. Pass vdom.trusted(url) for a script you serve" % (tag, name))
    st = list(children)
    while st:
        c = st.pop()
        cls = c.__class__
        if cls is list or cls is tuple:
            st.extend(c)
        elif c is not None and c is not True and c is not False and cls is not Trusted:
            raise ValueError(
                "h(%r): a <script> runs its text as code; pyvdom refuses it by default. Give the "
                "code you wrote as vdom.trusted(code) (never data; for data use "
                "<script type=\"application/json\"> with trusted(json.dumps(data))), got %r" % (tag, c))


# -- style dict values: each one stays inside its property ------------------------------------

_style_names = {}  # valid style property names (cached)
_style_values = {}  # string values found contained (a few hundred at most: values repeat)


def check_style_item(name, value):
    """Raise ``ValueError`` unless ``name: value`` is one declaration.

    ``name`` is a property name (letters, digits, ``-``, ``_``, or non-ASCII;
    ``--custom`` too).  A string value must not end its declaration or
    swallow the next one, so both renderers apply exactly it (the DOM
    renderer's ``setProperty`` ignores such a value, a ``style`` attribute
    would have split it): no ``;``, ``{`` or ``}`` outside quotes or
    brackets, no unclosed quote, bracket or comment.
    """
    if name not in _style_names:
        for ch in name:
            if not (("a" <= ch <= "z") or ("A" <= ch <= "Z") or ("0" <= ch <= "9") or ch == "-"
                    or ch == "_" or ch > "\x7f"):
                raise ValueError("style property name %r: it contains %r (a property name is letters, "
                                 "digits, '-' and '_')" % (name, ch))
        if len(_style_names) > 1024:
            _style_names.clear()
        _style_names[name] = 1
    if value.__class__ is not str:
        if not isinstance(value, str):
            return  # numbers (and None/False: absent) cannot break out
        value = str(value)
    if value in _style_values:
        return
    if ";" in value or "{" in value or "}" in value or "(" in value or ")" in value or "[" in value \
            or "]" in value or '"' in value or "'" in value or "\\" in value or "/*" in value:
        if not _contained(value):
            raise ValueError(
                "style %s: %r would not stay one declaration (';', '{' or '}' outside quotes, or an "
                "unclosed quote, bracket or comment): give each property its own dict entry"
                % (name, value))
    if len(_style_values) >= 256:
        _style_values.clear()
    _style_values[value] = 1


def _contained(s):
    """Whether CSS value ``s`` is one declaration's value: balanced, no ``;{}`` at its top level."""
    opened = []
    q = None
    i = 0
    n = len(s)
    while i < n:
        ch = s[i]
        if ch == "\\":
            i += 2  # an escape: the next character is literal
            continue
        if q is not None:
            if ch == q:
                q = None
            elif ch == "\n" or ch == "\r" or ch == "\f":
                return False  # ends the string badly
        elif ch == '"' or ch == "'":
            q = ch
        elif ch == "(" or ch == "[":
            opened.append(")" if ch == "(" else "]")
        elif ch == ")" or ch == "]":
            if not opened or opened.pop() != ch:
                return False
        elif ch == "{" or ch == "}":
            return False
        elif ch == ";":
            if not opened:
                return False
        elif ch == "/" and s[i + 1:i + 2] == "*":
            return False
        i += 1
    return i == n and q is None and not opened
