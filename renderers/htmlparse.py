"""A small, portable HTML parser: markup to nodes, on CPython, Pyodide and MicroPython.

``renderers.mock`` loads HTML with it (``MockRenderer.load_html``), so that
hydration can be tested on every interpreter, and it is meant to back an
HTML-to-Python converter.  It follows the WHATWG tokenizer and the parts of
the tree builder that real pages and ``renderers.html`` need; it never
raises for malformed markup (it recovers, as browsers do).

API
---
``parse_fragment(html, context="div", namespace=None, builder=None, bare="")``
    Parse ``html`` (a str) as the content of a ``context`` element (what
    ``innerHTML = html`` does there) and return the list of top-level nodes.
    ``namespace`` is the context's (None: HTML; ``context="svg"``/``"math"``
    imply theirs; pass ``SVG_NS`` with ``context="g"`` for an SVG group).
    Without a ``builder`` the nodes are ``Node`` objects.  ``bare`` is the
    value of an attribute written without one (``<input disabled>``): ""
    as the DOM has it, or ``True`` to tell them apart.
``Node``
    ``tag`` (None for text, ``"#comment"`` for a comment), ``namespace``,
    ``attrs`` (a dict), ``children`` (a list), ``text``.
A builder is any object with four methods, called in document order:
    ``element(tag, namespace, attrs)`` -> a new element (``attrs`` is a fresh
    dict the builder may keep), ``text(data)`` -> a new text node,
    ``comment(data)`` -> a new comment node, and ``append(parent, node)``
    (``parent`` is None for a top-level node).  Adjacent text arrives merged
    into one ``text()`` call, as the browser's parser builds one text node.

What is modelled
----------------
* Tokenizer: start/end tags (names lower-cased), attributes (double/single
  quoted, unquoted, bare; names lower-cased; the first of duplicates wins),
  character references in text and attribute values (decimal, hex, the
  Windows-1252 remapping of 0x80-0x9F, a few hundred named ones: all of
  HTML 4's and common HTML5 ones; the legacy names without ``;`` as browsers
  read them, except in attribute values before ``=`` or an alphanumeric),
  comments (also ``<!-->``, ``--!>`` and unterminated ones), bogus comments
  (``<?...>``, ``<!x>``, ``</ x>``), doctype (ignored), CDATA sections in
  foreign content, ``/>`` (self-closing in SVG/MathML, ignored on HTML
  elements), raw text (``vdom.elements.RAW_TEXT``: ``script``, ``style``,
  ``xmp``, ``iframe``, ``noembed``, ``noframes``) up to the matching end tag
  in any case, RCDATA (``textarea``, ``title``: references decoded, no tags),
  ``plaintext``, CR/CRLF -> LF, the newline right after ``<pre>``,
  ``<listing>`` and ``<textarea>`` dropped.
* Tree builder ("in body" rules): ``p`` closed by block starts (in button
  scope), ``li``, ``dd``/``dt``, ``option``/``optgroup``, headings, ``a``
  inside ``a``, ``button`` and ``nobr`` closing their open namesake, ruby
  ``rb``/``rt``/``rp``/``rtc``; tables: ``td``/``th``/``tr``/``tbody``/
  ``thead``/``tfoot``/``caption``/``colgroup`` closing each other, implied
  ``tbody``, ``tr`` and ``colgroup``, table-part start tags outside a table
  ignored, ``table`` in a table closing it; end tags close the nearest open
  element of that name within the spec's scope (stray ones are ignored;
  ``</p>`` without an open ``p`` makes an empty ``<p></p>`` and ``</br>`` a
  ``<br>``, as browsers do); void elements; ``<image>`` -> ``<img>``;
  ``html``/``head``/``body``/``frameset``/``frame`` tags ignored (fragment
  parsing).  Foreign content: ``svg``/``math`` switch namespace, SVG tag and
  attribute names get their case (``foreignObject``, ``linearGradient``,
  ``viewBox``...), MathML's ``definitionURL``, HTML integration points
  (``foreignObject``, ``desc``, ``title``, ``annotation-xml`` with an HTML
  ``encoding``) and MathML text integration points (``mi``...), and the
  "breakout" HTML start tags (``<b>``, ``<div>``, ``<p>``... and
  ``</p>``/``</br>``) that close foreign content.

Not modelled (documented deviations from a browser)
----------------------------------------------------
* The adoption agency algorithm and the reconstruction of active formatting
  elements: an end tag of a formatting element (``</b>``, ``</a>``...)
  closes it and everything opened inside it (exact when no block element is
  open inside it: ``<b><div>x</b>`` differs), and ``<p><b>x</p>y`` leaves
  ``y`` outside any ``<b>`` (a browser re-opens the ``<b>``).  ``<a>`` inside
  an open ``<a>`` closes the first one.
* Foster parenting: text and non-table elements directly inside
  ``table``/``tbody``/``tr`` stay there (a browser moves them before the
  table); ``form``, ``input type=hidden``, ``style``, ``script`` in tables
  are inserted in place too.
* ``select`` parsing (tags a legacy "in select" parser drops); inside a
  ``select`` the raw-text elements other than ``script`` read their content
  as markup, as ``renderers.markup`` assumes when it serialises.
* ``template`` contents are ordinary children; ``noscript`` is parsed as
  with scripting disabled (markup inside), as ``vdom.elements.RAW_TEXT``
  says; the script data escape states (``<!--`` ... ``<script>`` inside a
  script) are not modelled: ``</script>`` always ends a script.
* Whole documents (no implied ``html``/``head``/``body`` elements), quirks
  mode, ``<form>`` pointers, encodings (input is a str); U+0000 becomes
  U+FFFD everywhere (a browser drops it from text in the body).

Performance: the input is scanned as UTF-8 bytes with ``find`` (MicroPython's
``str`` indexing and ``find(sub, start)`` walk the string from its start,
which made a ``str`` scanner quadratic there; bytes are O(1)), per-byte loops
only over names, and no recursion: the parse is linear in the input.
"""

from vdom.elements import VOID, RAW_TEXT, RCDATA, SVG_NS, MATHML_NS

# -- character classes (by byte): 1 whitespace, 2 "/", 4 ">", 8 "=" --------------------------
_cls = bytearray(256)
for _c in (9, 10, 12, 13, 32):
    _cls[_c] = 1
_cls[47] = 2
_cls[62] = 4
_cls[61] = 8
_CLS = bytes(_cls)
# 1 ASCII letter, 2 digit, 4 hex digit letter
_an = bytearray(256)
for _c in range(65, 91):
    _an[_c] = 1
    _an[_c + 32] = 1
for _c in range(48, 58):
    _an[_c] = 2
for _c in (65, 66, 67, 68, 69, 70, 97, 98, 99, 100, 101, 102):
    _an[_c] = 5
_ALNUM = bytes(_an)
del _cls, _an, _c

# Tokenizer modes a start tag switches to.
_DATA = 0
_RAWTEXT = 1
_RCDATA = 2
_PLAINTEXT = 3


def _names(s):
    d = {}
    for w in s.split():
        d[w] = 1
    return d


# -- tree builder tables ------------------------------------------------------------------
# Start-tag actions ("in body").
_BLOCK, _HEADING, _PRE, _LI, _DDDT, _PLAIN, _BUTTON, _A, _NOBR, _TABLE, _HR, _IMAGE = range(1, 13)
_TEXTAREA, _XMP, _SELECT_RAW, _OPTION, _OPTGROUP, _RB, _RT, _CELL, _TR, _TBODY, _CAPTION = range(13, 24)
_COL, _IGNORE, _FOREIGN, _FORM, _TITLE = range(24, 29)

_START = {}
for _t in ("address article aside blockquote center details dialog dir div dl fieldset figcaption "
           "figure footer header hgroup main menu nav ol p search section summary ul").split():
    _START[_t] = _BLOCK
for _t in ("h1", "h2", "h3", "h4", "h5", "h6"):
    _START[_t] = _HEADING
_START.update({
    "pre": _PRE, "listing": _PRE, "li": _LI, "dd": _DDDT, "dt": _DDDT, "plaintext": _PLAIN,
    "button": _BUTTON, "a": _A, "nobr": _NOBR, "table": _TABLE, "hr": _HR, "image": _IMAGE,
    "textarea": _TEXTAREA, "xmp": _XMP, "option": _OPTION, "optgroup": _OPTGROUP, "rb": _RB,
    "rtc": _RB, "rp": _RT, "rt": _RT, "td": _CELL, "th": _CELL, "tr": _TR, "tbody": _TBODY,
    "thead": _TBODY, "tfoot": _TBODY, "caption": _CAPTION, "colgroup": _CAPTION, "col": _COL,
    "html": _IGNORE, "head": _IGNORE, "body": _IGNORE, "frameset": _IGNORE, "frame": _IGNORE,
    "svg": _FOREIGN, "math": _FOREIGN, "form": _FORM,
})
for _t in RAW_TEXT:
    if _t not in _START:
        _START[_t] = _SELECT_RAW  # raw text, unless inside a select
for _t in RCDATA:
    if _t not in _START:
        _START[_t] = _TITLE  # escapable raw text (title)

_SPECIAL = _names(
    "address applet area article aside base basefont bgsound blockquote body br button caption "
    "center col colgroup dd details dir div dl dt embed fieldset figcaption figure footer form frame "
    "frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html iframe img input keygen li link listing "
    "main marquee menu meta nav noembed noframes noscript object ol p param plaintext pre script "
    "search section select source style summary table tbody td template textarea tfoot th thead "
    "title tr track ul wbr xmp")
_SCOPE = _names("applet caption html table td th marquee object template")
_BUTTON_SCOPE = _names("applet caption html table td th marquee object template button")
_LIST_SCOPE = _names("applet caption html table td th marquee object template ol ul")
_TABLE_SCOPE = _names("html table template")
_IMPLIED = _names("dd dt li optgroup option p rb rp rt rtc")
_HEADINGS = _names("h1 h2 h3 h4 h5 h6")
_TABLE_CTX = _names("table tbody thead tfoot tr td th caption colgroup")
_MARKERS = _names("applet object marquee template td th caption")
_BREAKOUT = _names(
    "b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i img li "
    "listing menu meta nobr ol p pre ruby s small span strong strike sub sup table tt u ul var")

# End-tag actions.
_E_BLOCK, _E_P, _E_LI, _E_DDDT, _E_HEADING, _E_TABLE, _E_FORMAT, _E_BR, _E_IGNORE = range(1, 10)
_END = {}
for _t in ("address article aside blockquote button center details dialog dir div dl fieldset "
           "figcaption figure footer header hgroup listing main menu nav ol pre search section "
           "summary ul form applet marquee object").split():
    _END[_t] = _E_BLOCK
for _t in _HEADINGS:
    _END[_t] = _E_HEADING
for _t in ("table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "colgroup"):
    _END[_t] = _E_TABLE
for _t in "a b big code em font i nobr s small strike strong tt u".split():
    _END[_t] = _E_FORMAT
_END.update({"p": _E_P, "li": _E_LI, "dd": _E_DDDT, "dt": _E_DDDT, "br": _E_BR, "body": _E_IGNORE,
             "html": _E_IGNORE})

# Foreign content: element kinds on the stack.  0 HTML, 1 foreign, 2 HTML integration point,
# 3 MathML text integration point, 4 annotation-xml that is not an HTML integration point.
_MATH_TEXT_IP = _names("mi mo mn ms mtext")
_SVG_TAGS = {}
for _t in ("altGlyph altGlyphDef altGlyphItem animateColor animateMotion animateTransform clipPath "
           "feBlend feColorMatrix feComponentTransfer feComposite feConvolveMatrix feDiffuseLighting "
           "feDisplacementMap feDistantLight feDropShadow feFlood feFuncA feFuncB feFuncG feFuncR "
           "feGaussianBlur feImage feMerge feMergeNode feMorphology feOffset fePointLight "
           "feSpecularLighting feSpotLight feTile feTurbulence foreignObject glyphRef linearGradient "
           "radialGradient textPath").split():
    _SVG_TAGS[_t.lower()] = _t
_SVG_ATTRS = {}
for _t in ("attributeName attributeType baseFrequency baseProfile calcMode clipPathUnits "
           "diffuseConstant edgeMode filterUnits glyphRef gradientTransform gradientUnits kernelMatrix "
           "kernelUnitLength keyPoints keySplines keyTimes lengthAdjust limitingConeAngle markerHeight "
           "markerUnits markerWidth maskContentUnits maskUnits numOctaves pathLength "
           "patternContentUnits patternTransform patternUnits pointsAtX pointsAtY pointsAtZ "
           "preserveAlpha preserveAspectRatio primitiveUnits refX refY repeatCount repeatDur "
           "requiredExtensions requiredFeatures specularConstant specularExponent spreadMethod "
           "startOffset stdDeviation stitchTiles surfaceScale systemLanguage tableValues targetX "
           "targetY textLength viewBox viewTarget xChannelSelector yChannelSelector zoomAndPan").split():
    _SVG_ATTRS[_t.lower()] = _t
del _t


def _foreign_kind(name, ns, attrs):
    """The stack kind of a foreign element ``name`` (lower case) in namespace ``ns``."""
    if ns == SVG_NS:
        return 2 if (name == "foreignobject" or name == "desc" or name == "title") else 1
    if name in _MATH_TEXT_IP:
        return 3
    if name == "annotation-xml":
        enc = str(attrs.get("encoding", "")).lower() if attrs else ""
        return 2 if (enc == "text/html" or enc == "application/xhtml+xml") else 4
    return 1


def _adjust_attrs(attrs, ns):
    if not attrs:
        return attrs
    if ns == SVG_NS:
        table = _SVG_ATTRS
    elif "definitionurl" in attrs:
        table = {"definitionurl": "definitionURL"}
    else:
        return attrs
    out = None
    for k in attrs:
        a = table.get(k)
        if a is not None:
            if out is None:
                out = {}
            out[k] = a
    if out is None:
        return attrs
    d = {}
    for k in attrs:
        d[out.get(k, k)] = attrs[k]
    return d


class Node:
    """A parsed node (what ``parse_fragment`` returns without a builder): an element
    (``tag``, ``namespace``, ``attrs``, ``children``), text (``tag`` None, ``text``) or a
    comment (``tag`` "#comment", ``text``)."""

    __slots__ = ("tag", "namespace", "attrs", "children", "text")

    def __init__(self, tag, namespace=None, attrs=None, text=None):
        self.tag = tag
        self.namespace = namespace
        self.attrs = attrs if attrs is not None else {}
        self.children = []
        self.text = text

    def __repr__(self):
        if self.tag is None:
            return "Text(%r)" % (self.text,)
        if self.tag == "#comment":
            return "Comment(%r)" % (self.text,)
        return "Element(%r, %d children)" % (self.tag, len(self.children))


class NodeBuilder:
    """The default builder: ``Node`` objects."""

    def element(self, tag, namespace, attrs):
        return Node(tag, namespace, attrs)

    def text(self, data):
        return Node(None, None, None, data)

    def comment(self, data):
        return Node("#comment", None, None, data)

    def append(self, parent, node):
        if parent is not None:
            parent.children.append(node)


class _Tree:
    """The tree builder: a stack of open elements in four parallel lists (index 0 is the
    fragment's root, standing for the context element) and the pending text."""

    def __init__(self, builder, ctx, ctx_ns):
        self.b_element = builder.element
        self.b_text = builder.text
        self.b_comment = builder.comment
        self.b_append = builder.append
        self.names = ["html"]
        self.nss = [None]
        self.nodes = [None]
        self.kinds = [0]
        # Open HTML elements per name: a scope check for a name that is not open answers at
        # once, so deep nesting (<div> x 10,000) stays linear.
        self.count = {}
        self.ctx = ctx
        self.ctx_ns = ctx_ns
        self.ctx_kind = 0 if ctx_ns is None else _foreign_kind(ctx, ctx_ns, None)
        self.top = []
        self.pending = None  # text for pnode, not yet made a node (the next text may join it)
        self.pnode = None
        self.skipnl = False

    # -- insertion ------------------------------------------------------------------
    def flush(self):
        data = self.pending
        if data is not None:
            if data.__class__ is list:
                data = "".join(data)
            self.pending = None
            parent = self.pnode
            node = self.b_text(data)
            if parent is None:
                self.top.append(node)
            self.b_append(parent, node)

    def text(self, data):
        if self.skipnl:
            self.skipnl = False
            if data[:1] == "\n":
                data = data[1:]
        if not data:
            return
        top = self.nodes[-1]  # None (the root) only at index 0: identity tells them apart
        p = self.pending
        if p is not None:
            if self.pnode is top:  # adjacent text: one node (a list, so merging stays linear)
                if p.__class__ is list:
                    p.append(data)
                else:
                    self.pending = [p, data]
                return
            self.flush()
        self.pending = data
        self.pnode = top

    def comment(self, data):
        self.skipnl = False
        if self.pending is not None:
            self.flush()
        parent = self.nodes[-1]
        node = self.b_comment(data)
        if parent is None:
            self.top.append(node)
        self.b_append(parent, node)

    def insert(self, name, tag, ns, attrs, kind, push):
        """Insert element ``tag`` (``name``: its lower-case name) into the current node."""
        if self.pending is not None:
            self.flush()
        node = self.b_element(tag, ns, attrs if attrs is not None else {})
        parent = self.nodes[-1]
        if parent is None:
            self.top.append(node)
        self.b_append(parent, node)
        if push:
            self.names.append(name)
            self.nss.append(ns)
            self.nodes.append(node)
            self.kinds.append(kind)
            if kind == 0:
                c = self.count
                c[name] = c.get(name, 0) + 1
        return node

    def pop_to(self, i):
        """Pop the stack down to (and including) index ``i``."""
        names = self.names
        kinds = self.kinds
        c = self.count
        if i == len(names) - 1:  # the current node (the usual case)
            n = names.pop()
            self.nss.pop()
            self.nodes.pop()
            if kinds.pop() == 0:
                c[n] -= 1
            return
        if i >= len(names):
            return
        for j in range(i, len(names)):
            if kinds[j] == 0:
                c[names[j]] -= 1
        del self.names[i:]
        del self.nss[i:]
        del self.nodes[i:]
        del self.kinds[i:]

    # -- stack queries ------------------------------------------------------------------
    def find(self, name, scope):
        """Index of the nearest open HTML element ``name`` in ``scope`` (a dict), or -1."""
        if not self.count.get(name):
            return -1
        names = self.names
        kinds = self.kinds
        i = len(names) - 1
        while i > 0:
            k = kinds[i]
            if k == 0:
                n = names[i]
                if n == name:
                    return i
                if n in scope:
                    return -1
            elif k >= 2 and scope is not _TABLE_SCOPE:
                return -1
            i -= 1
        return -1

    def close_p(self):
        i = self.find("p", _BUTTON_SCOPE)
        if i > 0:
            self.pop_to(i)

    def implied(self, keep):
        names = self.names
        kinds = self.kinds
        while len(names) > 1 and kinds[-1] == 0 and names[-1] in _IMPLIED and names[-1] != keep:
            self.pop_to(len(names) - 1)

    def table_mode(self):
        """The nearest table-related open element: ``(name, index)``; index 0 for the context
        element, ``(None, 0)`` outside tables."""
        if self.ctx_ns is not None or self.ctx not in _TABLE_CTX:
            c = self.count
            if not c.get("table"):
                return None, 0
        names = self.names
        kinds = self.kinds
        i = len(names) - 1
        while i > 0:
            if kinds[i] == 0 and names[i] in _TABLE_CTX:
                return names[i], i
            i -= 1
        if self.ctx_ns is None and self.ctx in _TABLE_CTX:
            return self.ctx, 0
        return None, 0

    def foreign(self):
        """Whether the adjusted current node is not an HTML element (CDATA is allowed)."""
        k = self.kinds[-1] if len(self.kinds) > 1 else self.ctx_kind
        return k != 0

    # -- tokens ---------------------------------------------------------------------------
    def start(self, name, attrs, sc):
        """A start tag; returns the tokenizer mode for the element's content."""
        self.skipnl = False
        kinds = self.kinds
        k = kinds[-1] if len(kinds) > 1 else self.ctx_kind
        if k != 0 and not (k == 2 or (k == 3 and name != "mglyph" and name != "malignmark")
                           or (k == 4 and name == "svg")):
            if name in _BREAKOUT or (name == "font" and attrs is not None and (
                    "color" in attrs or "face" in attrs or "size" in attrs)):
                # Pop to an HTML element or an integration point (the root stands for one: in
                # a fragment for an SVG context, <b> is HTML), then the HTML rules below.
                while len(kinds) > 1 and (kinds[-1] == 1 or kinds[-1] == 4):
                    self.pop_to(len(kinds) - 1)
            else:
                self.foreign_start(name, attrs, sc, self.nss[-1] if len(kinds) > 1 else self.ctx_ns)
                return _DATA
        act = _START.get(name)
        if act is None:
            self.insert(name, name, None, attrs, 0, name not in VOID)
            return _DATA
        if act == _BLOCK or act == _FORM:
            self.close_p()
        elif act == _A and self.count.get("a"):
            names = self.names
            i = len(names) - 1
            while i > 0:
                if kinds[i] == 0:
                    n = names[i]
                    if n == "a":
                        self.pop_to(i)
                        break
                    if n in _MARKERS:
                        break
                i -= 1
        elif act == _LI or act == _DDDT:
            c = self.count
            names = self.names if (c.get(name) or (act == _DDDT and (c.get("dd") or c.get("dt")))) else ()
            i = len(names) - 1
            while i > 0:
                n = names[i]
                if kinds[i] == 0:
                    if n == name or (act == _DDDT and (n == "dd" or n == "dt")):
                        self.pop_to(i)
                        break
                    if n in _SPECIAL and n != "address" and n != "div" and n != "p":
                        break
                elif kinds[i] >= 2:
                    break
                i -= 1
            self.close_p()
        elif act == _HEADING:
            self.close_p()
            if kinds[-1] == 0 and self.names[-1] in _HEADINGS and len(kinds) > 1:
                self.pop_to(len(kinds) - 1)
        elif act == _PRE:
            self.close_p()
            self.insert(name, name, None, attrs, 0, True)
            self.skipnl = True
            return _DATA
        elif act == _TEXTAREA or act == _TITLE:
            self.insert(name, name, None, attrs, 0, True)
            self.skipnl = act == _TEXTAREA
            return _RCDATA
        elif act == _SELECT_RAW:
            mode = _RAWTEXT if (name == "script" or "select" not in self.names) else _DATA
            self.insert(name, name, None, attrs, 0, True)
            return mode
        elif act == _XMP:
            self.close_p()
            mode = _DATA if "select" in self.names else _RAWTEXT
            self.insert(name, name, None, attrs, 0, True)
            return mode
        elif act == _PLAIN:
            self.close_p()
            self.insert(name, name, None, attrs, 0, True)
            return _PLAINTEXT
        elif act == _BUTTON or act == _NOBR:
            i = self.find(name, _SCOPE)
            if i > 0:
                self.pop_to(i)
        elif act == _HR:
            self.close_p()
        elif act == _IMAGE:
            name = "img"
        elif act == _OPTION or act == _OPTGROUP:
            names = self.names
            if len(names) > 1 and kinds[-1] == 0 and names[-1] == "option":
                self.pop_to(len(names) - 1)
            if act == _OPTGROUP and len(names) > 1 and kinds[-1] == 0 and names[-1] == "optgroup":
                self.pop_to(len(names) - 1)
        elif act == _RB or act == _RT:
            if self.find("ruby", _SCOPE) > 0:
                self.implied("rtc" if act == _RT else None)
        elif act == _FOREIGN:
            ns = SVG_NS if name == "svg" else MATHML_NS
            self.foreign_start(name, attrs, sc, ns)
            return _DATA
        elif act == _IGNORE:
            return _DATA
        elif _CELL <= act <= _COL:  # table parts (a parse outside a table ignores them)
            self.table_start(name, act, attrs)
            return _DATA
        elif act == _TABLE:
            t, i = self.table_mode()
            if t is not None and t != "td" and t != "th" and t != "caption":
                j = self.find("table", _TABLE_SCOPE)
                if j <= 0:
                    return _DATA
                self.pop_to(j)
            else:
                self.close_p()
        self.insert(name, name, None, attrs, 0, name not in VOID)
        return _DATA

    def table_start(self, name, act, attrs):
        """``td``/``th``/``tr``/``tbody``.../``caption``/``colgroup``/``col``: close what they
        close, insert the implied ``tbody``/``tr``/``colgroup``; False if ignored."""
        while True:
            t, i = self.table_mode()
            if t is None:
                return False  # a table part outside a table: ignored
            if act == _COL and t == "colgroup":
                self.pop_to(i + 1)
                break
            if t == "table":
                self.pop_to(i + 1)
                if act == _CELL or act == _TR:
                    self.insert("tbody", "tbody", None, None, 0, True)
                elif act == _COL:
                    self.insert("colgroup", "colgroup", None, None, 0, True)
                if act == _CELL:
                    self.insert("tr", "tr", None, None, 0, True)
                break
            if t == "tbody" or t == "thead" or t == "tfoot":
                if act == _CELL or act == _TR:
                    self.pop_to(i + 1)
                    if act == _CELL:
                        self.insert("tr", "tr", None, None, 0, True)
                    break
            elif t == "tr" and act == _CELL:
                self.pop_to(i + 1)
                break
            # close t and look again
            if i == 0:
                return False  # it would close the context element: ignored
            self.pop_to(i)
        self.insert(name, name, None, attrs, 0, act != _COL)
        return True

    def foreign_start(self, name, attrs, sc, ns):
        if ns == SVG_NS:
            tag = _SVG_TAGS.get(name, name)
        else:
            tag = name
        attrs = _adjust_attrs(attrs, ns)
        self.insert(name, tag, ns, attrs, _foreign_kind(name, ns, attrs), not sc)

    def end(self, name):
        self.skipnl = False
        names = self.names
        kinds = self.kinds
        k = kinds[-1] if len(kinds) > 1 else self.ctx_kind
        if k != 0:
            if name == "br" or name == "p":
                while len(kinds) > 1 and (kinds[-1] == 1 or kinds[-1] == 4):
                    self.pop_to(len(kinds) - 1)
            else:
                i = len(names) - 1
                while i > 0:
                    if names[i] == name:
                        self.pop_to(i)
                        return
                    i -= 1
                    if kinds[i] == 0:
                        break
                if i <= 0:
                    return
        act = _END.get(name)
        if act is None or act == _E_FORMAT:
            if not self.count.get(name):
                return  # not open: ignored
            i = len(names) - 1
            while i > 0:
                n = names[i]
                if kinds[i] == 0:
                    if n == name:
                        self.pop_to(i)
                        return
                    if n in _SPECIAL:
                        return
                elif kinds[i] >= 2:
                    return
                i -= 1
            return
        if act == _E_BLOCK or act == _E_DDDT:
            i = self.find(name, _SCOPE)
        elif act == _E_P:
            i = self.find("p", _BUTTON_SCOPE)
            if i < 0:  # </p> without an open <p>: an empty one, as browsers make
                self.insert("p", "p", None, None, 0, False)
                return
        elif act == _E_LI:
            i = self.find("li", _LIST_SCOPE)
        elif act == _E_TABLE:
            i = self.find(name, _TABLE_SCOPE)
        elif act == _E_HEADING:
            i = -1
            for h in _HEADINGS:
                j = self.find(h, _SCOPE)
                if j > i:
                    i = j
        elif act == _E_BR:
            self.insert("br", "br", None, None, 0, False)
            return
        else:
            return
        if i > 0:
            self.pop_to(i)


# -- character references --------------------------------------------------------------------

_LATIN1 = ("nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg "
           "plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest "
           "Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute "
           "Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml "
           "Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc "
           "euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash "
           "ugrave uacute ucirc uuml yacute thorn yuml")
# name code, ... (HTML 4's other entities and common HTML5 ones)
_OTHER = ("quot 34 amp 38 apos 39 lt 60 gt 62 QUOT 34 AMP 38 LT 60 GT 62 COPY 169 REG 174 "
          "OElig 338 oelig 339 Scaron 352 scaron 353 Yuml 376 fnof 402 circ 710 tilde 732 "
          "Alpha 913 Beta 914 Gamma 915 Delta 916 Epsilon 917 Zeta 918 Eta 919 Theta 920 Iota 921 "
          "Kappa 922 Lambda 923 Mu 924 Nu 925 Xi 926 Omicron 927 Pi 928 Rho 929 Sigma 931 Tau 932 "
          "Upsilon 933 Phi 934 Chi 935 Psi 936 Omega 937 alpha 945 beta 946 gamma 947 delta 948 "
          "epsilon 949 zeta 950 eta 951 theta 952 iota 953 kappa 954 lambda 955 mu 956 nu 957 xi 958 "
          "omicron 959 pi 960 rho 961 sigmaf 962 sigma 963 tau 964 upsilon 965 phi 966 chi 967 psi 968 "
          "omega 969 thetasym 977 upsih 978 piv 982 ensp 8194 emsp 8195 thinsp 8201 zwnj 8204 "
          "zwj 8205 lrm 8206 rlm 8207 hyphen 8208 dash 8208 ndash 8211 mdash 8212 lsquo 8216 "
          "rsquo 8217 sbquo 8218 ldquo 8220 rdquo 8221 bdquo 8222 dagger 8224 Dagger 8225 bull 8226 "
          "hellip 8230 permil 8240 prime 8242 Prime 8243 lsaquo 8249 rsaquo 8250 oline 8254 "
          "frasl 8260 euro 8364 image 8465 weierp 8472 real 8476 trade 8482 alefsym 8501 larr 8592 "
          "uarr 8593 rarr 8594 darr 8595 harr 8596 crarr 8629 lArr 8656 uArr 8657 rArr 8658 "
          "dArr 8659 hArr 8660 forall 8704 part 8706 exist 8707 empty 8709 nabla 8711 isin 8712 "
          "notin 8713 ni 8715 prod 8719 sum 8721 minus 8722 lowast 8727 radic 8730 prop 8733 "
          "infin 8734 ang 8736 and 8743 or 8744 cap 8745 cup 8746 int 8747 there4 8756 sim 8764 "
          "cong 8773 asymp 8776 ne 8800 equiv 8801 le 8804 ge 8805 sub 8834 sup 8835 nsub 8836 "
          "sube 8838 supe 8839 oplus 8853 otimes 8855 perp 8869 sdot 8901 lceil 8968 rceil 8969 "
          "lfloor 8970 rfloor 8971 lang 10216 rang 10217 loz 9674 spades 9824 clubs 9827 "
          "hearts 9829 diams 9830 Tab 9 NewLine 10 excl 33 num 35 dollar 36 percnt 37 lpar 40 "
          "rpar 41 ast 42 plus 43 comma 44 period 46 sol 47 colon 58 semi 59 equals 61 quest 63 "
          "commat 64 lsqb 91 lbrack 91 bsol 92 rsqb 93 rbrack 93 Hat 94 lowbar 95 grave 96 lcub 123 "
          "lbrace 123 verbar 124 vert 124 rcub 125 rbrace 125 half 189 centerdot 183 check 10003 "
          "cross 10007 star 9734 starf 9733 larrow 8592 rarrow 8594 nbsp 160 middot 183 times 215 "
          "divide 247 deg 176 micro 181 laquo 171 raquo 187 copy 169 reg 174 trade 8482")
# Names a browser also reads without the ";" (HTML's legacy ones).
_LEGACY_EXTRA = "quot amp lt gt QUOT AMP LT GT COPY REG"
_named = None
_legacy = None

# Windows-1252 meanings of numeric references 0x80-0x9F.
_C1 = (0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
       0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
       0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178)


def _tables():
    global _named, _legacy
    named = {}
    legacy = {}
    code = 160
    for w in _LATIN1.split():
        named[w] = legacy[w] = chr(code)
        code += 1
    parts = _OTHER.split()
    for i in range(0, len(parts), 2):
        named[parts[i]] = chr(int(parts[i + 1]))
    for w in _LEGACY_EXTRA.split():
        legacy[w] = named[w]
    _legacy = legacy
    _named = named


def _num_char(num):
    if num == 0 or num > 0x10FFFF or 0xD800 <= num <= 0xDFFF:
        return "\ufffd"
    if 0x80 <= num <= 0x9F:
        num = _C1[num - 0x80]
    return chr(num)


def _refs(b, i, end, a, attr):
    """The text of ``b[i:end]`` with its character references decoded (``a``: the first "&")."""
    if _named is None:
        _tables()
    an = _ALNUM
    out = []
    while a >= 0:
        if a > i:
            out.append(b[i:a].decode())
        k = a + 1
        if k < end and b[k] == 35:  # "&#"
            k += 1
            hexa = k < end and (b[k] == 120 or b[k] == 88)
            if hexa:
                k += 1
            d = k
            if hexa:
                while k < end and an[b[k]] & 6:
                    k += 1
            else:
                while k < end and an[b[k]] == 2:
                    k += 1
            if k == d:  # "&#" with no digits: not a reference
                out.append("&")
                i = a + 1
            else:
                digits = b[d:k]
                num = 0x110000 if len(digits) > 8 else int(digits, 16 if hexa else 10)
                out.append(_num_char(num))
                if k < end and b[k] == 59:
                    k += 1
                i = k
        else:
            while k < end and k - a <= 32 and an[b[k]]:
                k += 1
            ch = None
            if k > a + 1:
                name = b[a + 1:k].decode()
                if k < end and b[k] == 59:
                    ch = _named.get(name)
                    if ch is not None:
                        out.append(ch)
                        i = k + 1
                if ch is None:
                    # no ";" (or an unknown name): the longest legacy name it starts with
                    L = len(name) if len(name) < 6 else 6
                    while L > 1:
                        ch = _legacy.get(name[:L])
                        if ch is not None:
                            break
                        L -= 1
                    if ch is not None:
                        nxt = b[a + 1 + L] if a + 1 + L < end else 0
                        if attr and (nxt == 61 or an[nxt]):
                            ch = None  # "&amp=..." in an attribute value stays as written
                        else:
                            out.append(ch)
                            i = a + 1 + L
            if ch is None:
                out.append("&")
                i = a + 1
        a = b.find(b"&", i, end)
    if i < end:
        out.append(b[i:end].decode())
    return "".join(out)


def _chars(b, i, end, attr):
    a = b.find(b"&", i, end)
    if a < 0:
        return b[i:end].decode()
    return _refs(b, i, end, a, attr)


# -- tokenizer ----------------------------------------------------------------------------------

def _tag_end(b, j, n):
    """Skip the attributes of an end tag from ``j``: the index after its ">", or -1 at EOF."""
    C = _CLS
    while j < n:
        c = b[j]
        if c == 62:
            return j + 1
        if c == 34 or c == 39:
            # a quoted value only after "=": as the tokenizer's attribute value states
            k = j - 1
            while k > 0 and C[b[k]] & 1:
                k -= 1
            if b[k] == 61:
                e = b.find(b'"' if c == 34 else b"'", j + 1)
                if e < 0:
                    return -1
                j = e + 1
                continue
        j += 1
    return -1


def _raw_end(b, j, n, nameb):
    """The index of the end tag ``</name`` (any case) closing raw text from ``j``, or -1."""
    L = len(nameb)
    while True:
        k = b.find(b"</", j)
        if k < 0:
            return -1
        e = k + 2 + L
        if e < n and b[k + 2:e].lower() == nameb and _CLS[b[e]] & 7:
            return k
        j = k + 2


def _encode(html):
    try:
        return html.encode()
    except UnicodeError:  # lone surrogates (CPython): browsers' input cannot hold them either
        out = []
        for ch in html:
            out.append("\ufffd" if "\ud800" <= ch <= "\udfff" else ch)
        return "".join(out).encode()


def parse_fragment(html, context="div", namespace=None, builder=None, bare=""):
    """Parse ``html`` as the children of a ``context`` element; the top-level nodes (a list).

    See the module docstring for the builder protocol and what is modelled.
    """
    if not isinstance(html, str):
        raise TypeError("parse_fragment: html must be a str, got %s %r"
                        % (type(html).__name__, html if isinstance(html, bytes) else type(html)))
    if not isinstance(context, str) or not context:
        raise TypeError("parse_fragment: context must be a tag name (a non-empty str), got %r"
                        % (context,))
    if namespace is not None and namespace != SVG_NS and namespace != MATHML_NS:
        raise TypeError("parse_fragment: namespace must be None, SVG_NS or MATHML_NS, got %r"
                        % (namespace,))
    if builder is None:
        builder = NodeBuilder()
    else:
        for m in ("element", "text", "comment", "append"):
            if not callable(getattr(builder, m, None)):
                raise TypeError("parse_fragment: the builder %r has no %s() method" % (builder, m))
    ctx = context.lower()
    if namespace is None:
        if ctx == "svg":
            namespace = SVG_NS
        elif ctx == "math":
            namespace = MATHML_NS
    if "\r" in html:
        html = html.replace("\r\n", "\n").replace("\r", "\n")
    if "\0" in html:
        html = html.replace("\0", "\ufffd")
    tree = _Tree(builder, ctx, namespace)
    b = _encode(html)
    n = len(b)
    mode = _DATA
    if namespace is None:
        if ctx in RCDATA:
            mode = _RCDATA
        elif ctx in RAW_TEXT:
            mode = _RAWTEXT
        elif ctx == "plaintext":
            mode = _PLAINTEXT
    if mode != _DATA:  # no start tag to match an end tag: all of it is text
        if n:
            tree.text(_chars(b, 0, n, False) if mode == _RCDATA else html)
    else:
        _tokenize(b, n, tree, bare)
    tree.flush()
    return tree.top


def _tokenize(b, n, tree, bare):
    C = _CLS
    AN = _ALNUM
    find = b.find
    t_text = tree.text
    t_start = tree.start
    t_end = tree.end
    i = 0
    while i < n:
        lt = find(b"<", i)
        if lt < 0:
            lt = n
        if lt > i:
            t_text(_chars(b, i, lt, False))
            if lt >= n:
                break
        i = lt
        j = i + 1
        c = b[j] if j < n else 0
        if AN[c] & 1:  # a start tag
            j += 1
            while j < n and not (C[b[j]] & 7):
                j += 1
            name = b[i + 1:j].lower().decode()
            attrs = None
            sc = False
            closed = False
            while True:
                while j < n and C[b[j]] & 1:
                    j += 1
                if j >= n:
                    break
                c = b[j]
                if c == 62:  # ">"
                    j += 1
                    closed = True
                    break
                if c == 47:  # "/"
                    j += 1
                    if j < n and b[j] == 62:
                        sc = True
                        closed = True
                        j += 1
                        break
                    continue
                k = j + 1
                while k < n and not (C[b[k]] & 15):
                    k += 1
                aname = b[j:k].lower().decode()
                j = k
                while j < n and C[b[j]] & 1:
                    j += 1
                value = bare
                if j < n and b[j] == 61:  # "="
                    j += 1
                    while j < n and C[b[j]] & 1:
                        j += 1
                    if j >= n:
                        break
                    q = b[j]
                    if q == 34 or q == 39:
                        e = find(b'"' if q == 34 else b"'", j + 1)
                        if e < 0:
                            j = n
                            break
                        value = _chars(b, j + 1, e, True)
                        j = e + 1
                    elif q != 62:
                        k = j
                        while k < n and not (C[b[k]] & 5):
                            k += 1
                        value = _chars(b, j, k, True)
                        j = k
                    else:
                        value = ""
                if attrs is None:
                    attrs = {aname: value}
                elif aname not in attrs:
                    attrs[aname] = value
            if not closed:
                break  # EOF inside the tag: a browser drops it
            i = j
            mode = t_start(name, attrs, sc)
            if mode:
                if mode == _PLAINTEXT:
                    if i < n:
                        t_text(b[i:n].decode())
                    break
                nameb = name.encode()
                e = _raw_end(b, i, n, nameb)
                stop = n if e < 0 else e
                if stop > i:
                    t_text(_chars(b, i, stop, False) if mode == _RCDATA else b[i:stop].decode())
                if e < 0:
                    break
                i = _tag_end(b, e + 2 + len(nameb), n)
                t_end(name)
                if i < 0:
                    break
            continue
        if c == 47:  # "</"
            c = b[j + 1] if j + 1 < n else 0
            if AN[c] & 1:
                k = j + 2
                while k < n and not (C[b[k]] & 7):
                    k += 1
                name = b[j + 1:k].lower().decode()
                e = _tag_end(b, k, n)
                if e < 0:
                    break  # EOF inside the tag
                t_end(name)
                i = e
            elif c == 62:  # "</>": nothing
                i = j + 2
            elif j + 1 >= n:
                t_text("</")
                i = n
            else:  # "</ x>": a bogus comment up to ">"
                i = _bogus(b, j + 1, n, tree)
            continue
        if c == 33:  # "<!"
            if b.startswith(b"<!--", i):
                k = i + 4
                if b.startswith(b">", k):
                    tree.comment("")
                    i = k + 1
                    continue
                if b.startswith(b"->", k):
                    tree.comment("")
                    i = k + 2
                    continue
                e = find(b"--", k)
                while e >= 0 and not (b.startswith(b">", e + 2) or b.startswith(b"!>", e + 2)):
                    e = find(b"--", e + 1)
                if e < 0:
                    tree.comment(b[k:n].decode())
                    break
                tree.comment(b[k:e].decode())
                i = e + (3 if b[e + 2] == 62 else 4)
                continue
            if b.startswith(b"[CDATA[", j + 1) and tree.foreign():
                k = j + 8
                e = find(b"]]>", k)
                if e < 0:
                    t_text(b[k:n].decode())
                    break
                if e > k:
                    t_text(b[k:e].decode())
                i = e + 3
                continue
            if b[j + 1:j + 8].lower() == b"doctype":
                e = find(b">", j)
                i = n if e < 0 else e + 1
                continue
            i = _bogus(b, j + 1, n, tree)
            continue
        if c == 63:  # "<?"
            i = _bogus(b, j, n, tree)
            continue
        t_text("<")
        i = j


def _bogus(b, k, n, tree):
    """A bogus comment from ``k`` up to the next ">" (or EOF); the index after it."""
    e = b.find(b">", k)
    if e < 0:
        tree.comment(b[k:n].decode())
        return n
    tree.comment(b[k:e].decode())
    return e + 1
