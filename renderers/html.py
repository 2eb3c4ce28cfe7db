"""Server-side rendering: a VNode tree to an HTML string.

Walks the VNode tree directly (no host nodes) with an explicit stack, so
deep trees work on MicroPython too.  Attributes come out sorted by name and
style properties sorted by property, so output is identical on every
interpreter and equal to ``renderers.mock.to_html`` of a patched tree.

Tag names and namespaces follow ``vdom.elements``, as the DOM the core
builds does (``svg``/``math`` in any case, HTML inside an SVG
``foreignObject`` only).  The output is meant for an HTML context (inside
``<body>``, or a whole document).  Beside the core's namespace of each
element, the walk tracks where a browser's HTML parser will be in foreign
(SVG/MathML) content, which differs for odd nestings (an ``svg`` directly
inside ``math`` is MathML to the parser), and inside a ``<select>`` (whose
parser mode, in browsers without the 2025 customizable-select parsing,
ignores ``<style>``, ``<xmp>``... start tags and reads their content as
markup): raw-text content (``style``...) is written raw only where the
parser reads it as raw text, and escaped everywhere else, so no text ever
comes back as markup.
"""

from vdom.vnode import VNode, TEXT, Fragment, MEMO, RAW, STATIC, as_vnode, html_serializer, normalize_children
from vdom.vnode import option_value
from vdom.props import _kinds, prop_kind, attr_value, norm_class, norm_style, style_text
from vdom.props import ATTR, CLASS, STYLE
from vdom.elements import NS_TAGS, RCDATA, element_ns, child_ns
from renderers.markup import VOID, RAW_TEXT, escape_text, raw_text, open_tag, parser_ns, parser_child_ctx


def attributes(props):
    """The rendered attributes of a props dict: sorted ``[(name, str | True)]``."""
    out = []
    if not props:
        return out
    for name in props:
        value = props[name]
        k = _kinds.get(name)
        if k is None:
            k = prop_kind(name)
        if k == ATTR:
            value = attr_value(name, value)
            if value is not None:
                out.append((name, value))
        elif k == CLASS:
            value = norm_class(value)
            if value:
                out.append(("class", value))
        elif k == STYLE:
            value = norm_style(value)
            if value:
                out.append(("style", value if isinstance(value, str) else style_text(value)))
    out.sort()
    return out


# Comment markers of hydratable output (see render_to_string): a fragment's start and end,
# a separator between two text nodes (the parser would merge them), an empty text node
# (which markup cannot hold otherwise), and the range of one raw-HTML insertion.
FRAGMENT_START = "<!--[-->"
FRAGMENT_END = "<!--]-->"
TEXT_SEPARATOR = "<!--,-->"
EMPTY_TEXT = "<!---->"
RAW_START = "<!--{-->"
RAW_END = "<!--}-->"
# Elements whose first newline the HTML parser drops.
_NEWLINE_DROPPED = {"pre": 1, "textarea": 1, "listing": 1}


def render_to_string(vnode, hydratable=False):
    """Render ``vnode`` (a VNode, string, number, None or list) to HTML.

    Text and attribute values are escaped, void elements get no end tag,
    ``script``/``style`` text is raw but cannot close its element (nor an
    enclosing ``noscript``), ``textarea``/``title`` hold only text, objects
    with ``__html__()`` are inserted as trusted HTML, and memos are
    rendered by calling their function (a memo already rendered by a root
    is written from what it rendered, without calling it again: a server
    can mount an app on the mock renderer, then serialise its tree).

    ``hydratable``: the markup ``Root.hydrate`` adopts without creating
    nodes.  Plain elements are written exactly as without it; comment
    markers are added only where the parsed DOM could not otherwise match
    the VNode tree: ``<!--[-->``/``<!--]-->`` around a fragment's children
    (the start marker becomes the fragment's host), ``<!--,-->`` between
    two adjacent text nodes (a parser merges them), ``<!---->`` for an
    empty text node, ``<!--{-->``/``<!--}-->`` around raw HTML; and a
    ``<pre>``/``<textarea>``/``<listing>`` whose content starts with a
    newline gets one more (the parser drops the first); a ``<textarea>``'s
    ``value`` is written as its content and a ``<select>``'s as the
    ``selected`` attribute of its option with that value (what a browser
    shows before the app is live), not as attributes.
    """
    if vnode.__class__ is str and not hydratable:
        return escape_text(vnode)
    if hydratable:
        # As a root lays out what it renders (no fragment around a list, nothing for None).
        tops = normalize_children((vnode,), "render_to_string")
    else:
        if not isinstance(vnode, VNode):
            vnode = as_vnode(vnode, "render_to_string")
        tops = (vnode,)
    out = []
    # Stack entries: [vnode, ctx] or a closing-tag string.  ctx is the namespace of the
    # context (None: HTML), or (namespace, parser context) where a browser's HTML parser
    # will read the markup in another one (renderers.markup.parser_ns).
    st = []
    _push_children(st, tops, None)
    hyd = hydratable
    sel = None  # hydratable: the value of the <select> being written (marks its option)
    after_text = False  # hydratable: the last thing written was text (another would merge)
    while st:
        item = st.pop()
        if item.__class__ is str:
            out.append(item)
            after_text = False
            continue
        if item.__class__ is tuple:  # the end of a <select> whose value marks its options
            sel = None
            continue
        v, ns = item
        tag = v.tag
        if tag == TEXT:
            if hyd:
                if not v.text:
                    out.append(EMPTY_TEXT)
                    after_text = False
                    continue
                if after_text:
                    out.append(TEXT_SEPARATOR)
                after_text = True
            out.append(escape_text(v.text))
            continue
        if tag == RAW:
            if hyd:
                out.append(RAW_START)
                out.append(v.text)
                out.append(RAW_END)
                after_text = False
            else:
                out.append(v.text)
            continue
        if tag == Fragment:
            if hyd:
                out.append(FRAGMENT_START)
                after_text = False
                st.append(FRAGMENT_END)
            _push_children(st, v.children, ns)
            continue
        if tag == MEMO:
            st.append([_memo_output(v), ns])
            continue
        if tag == STATIC:
            st.append([v.props.node, ns])
            continue
        after_text = False
        if ns.__class__ is tuple:
            ns, pns = ns
        else:
            pns = ns
        low = tag.lower()
        c = NS_TAGS.get(low)
        if c is not None:
            tag = c  # svg, math, foreignObject in any case: as h() spells them
        ens = element_ns(tag, ns)
        pens = parser_ns(low, pns)
        name = low if ens is None else tag
        attrs = attributes(v.props)
        ch = v.children
        tx = v.text
        if tx.__class__ is not str:
            tx = None
        if hyd and ens is None:
            if name == "textarea" and not ch and tx is None:
                tx = _take_value(attrs)  # its value as content: a parser's default value
            elif name == "select":
                # Its value as the option marked selected (a browser ignores a value attribute).
                value = _take_value(attrs)
                if value is not None:
                    sel = value
                    st.append(("select",))
            elif name == "option" and sel is not None and option_value(v) == sel:
                _mark_selected(attrs)
        out.append(open_tag(name, attrs))
        if ens is None and name in VOID:
            if ch:
                raise ValueError("<%s> is a void element and cannot have children" % name)
            continue
        if hyd and ens is None and name in _NEWLINE_DROPPED and _starts_with_newline(tx, ch):
            out.append("\n")
        if ens is None and (name in RAW_TEXT or name in RCDATA):
            if name in RCDATA:  # text only, escaped (the parser decodes it)
                if ch:
                    out.append(_text_content(ch, name, True))
                elif tx:
                    out.append(escape_text(tx))
            else:
                body = _text_content(ch, name, False) if ch else (tx or "")
                # Raw only where the parser reads raw text; in foreign content it reads markup.
                out.append(raw_text(name, body) if pens is None else escape_text(body))
            out.append("</" + name + ">")
            continue
        if tx is not None:  # text content (see VNode.text)
            out.append(escape_text(tx))
            out.append("</" + name + ">")
            continue
        st.append("</" + name + ">")
        if ch:
            cns = child_ns(tag, ens)
            cpns = parser_child_ctx(low, pens)
            _push_children(st, ch, cns if cns == cpns else (cns, cpns))
    return "".join(out)


def _take_value(attrs):
    """Remove ``value`` from a ``<textarea>``'s or ``<select>``'s attributes (a browser
    ignores it there) and return it (written as the textarea's content, or as the option
    marked ``selected``), or None."""
    for i in range(len(attrs)):
        if attrs[i][0] == "value":
            value = attrs.pop(i)[1]
            return "" if value is True else value
    return None


def _mark_selected(attrs):
    for name, _ in attrs:
        if name == "selected":
            return
    attrs.append(("selected", True))
    attrs.sort()


def _memo_output(v):
    """What memo ``v`` renders: its mounted output if a root rendered it, else ``fn(*args)``."""
    ch = v.children
    if ch:
        return ch[0]
    return as_vnode(v.fn(*v.args), "memo")


def _starts_with_newline(tx, children):
    """Whether an element's content (text content ``tx`` or ``children``) starts with "\\n"."""
    if tx is not None:
        return tx[:1] == "\n"
    while children:
        v = children[0]
        t = v.tag
        if t == TEXT or t == RAW:
            return v.text[:1] == "\n"
        if t == Fragment:
            children = v.children
        elif t == MEMO:
            children = [_memo_output(v)]
        elif t == STATIC:
            children = [v.props.node]
        else:
            return False
    return False


def _text_content(children, raw, escape):
    """The joined text of a raw-text (``escape`` False: guarded as a whole by the caller)
    or RCDATA element's children (``escape`` True: text escaped, raw HTML as is)."""
    parts = []
    st = list(children)
    st.reverse()
    while st:
        v = st.pop()
        tag = v.tag
        if tag == TEXT:
            parts.append(escape_text(v.text) if escape else v.text)
        elif tag == RAW:
            parts.append(v.text)
        elif tag == Fragment:
            for i in range(len(v.children) - 1, -1, -1):
                st.append(v.children[i])
        elif tag == MEMO:
            st.append(_memo_output(v))
        elif tag == STATIC:
            st.append(v.props.node)
        else:
            raise ValueError("<%s> can only contain text, got an element <%s>" % (raw, tag))
    return "".join(parts)


def _push_children(st, ch, ns):
    # Stack entries are 2-item lists: 3-tuples cost ~3.5 us each on MicroPython.
    for i in range(len(ch) - 1, -1, -1):
        st.append([ch[i], ns])


# VNode.__html__ (markupsafe's protocol) is render_to_string: registered here, so the
# core never imports a renderer.
html_serializer[0] = render_to_string
