"""Server-side rendering: a VNode tree to an HTML string.

Walks the VNode tree directly (no host nodes) with an explicit stack, so
deep trees work on MicroPython too.  Attributes come out sorted by name and
style properties sorted by property, so output is identical on every
interpreter and equal to ``renderers.mock.to_html`` of a patched tree.
"""

from vdom.vnode import VNode, TEXT, Fragment, MEMO, RAW, STATIC, as_vnode
from vdom.props import _kinds, prop_kind, attr_value, norm_class, norm_style, style_text
from vdom.props import ATTR, CLASS, STYLE
from vdom.reconcile import element_ns, _child_ns
from renderers.markup import VOID, RAW_TEXT, escape_text, raw_text, open_tag


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


def render_to_string(vnode):
    """Render ``vnode`` (a VNode, string, number, None or list) to HTML.

    Text and attribute values are escaped, void elements get no end tag,
    ``script``/``style`` text is raw but cannot close its element, objects
    with ``__html__()`` are inserted as trusted HTML, and memos are
    rendered by calling their function.
    """
    if vnode.__class__ is str:
        return escape_text(vnode)
    if not isinstance(vnode, VNode):
        vnode = as_vnode(vnode, "render_to_string")
    out = []
    # Stack entries: [vnode, ns] or a closing-tag string.
    st = [[vnode, None]]
    while st:
        item = st.pop()
        if item.__class__ is str:
            out.append(item)
            continue
        v, ns = item
        tag = v.tag
        if tag == TEXT:
            out.append(escape_text(v.text))
            continue
        if tag == RAW:
            out.append(v.text)
            continue
        if tag == Fragment:
            _push_children(st, v.children, ns)
            continue
        if tag == MEMO:
            st.append([as_vnode(v.fn(*v.args), "memo"), ns])
            continue
        if tag == STATIC:
            st.append([v.props.node, ns])
            continue
        ens = element_ns(tag, ns)
        name = tag.lower() if ens is None else tag
        out.append(open_tag(name, attributes(v.props)))
        ch = v.children
        if ens is None and name in VOID:
            if ch:
                raise ValueError("<%s> is a void element and cannot have children" % name)
            continue
        tx = v.text
        if tx.__class__ is not str:
            tx = None
        if ens is None and name in RAW_TEXT:
            if ch:
                out.append(raw_text(name, _text_content(ch, name)))
            elif tx:
                out.append(raw_text(name, tx))
            out.append("</" + name + ">")
            continue
        if tx is not None:  # text content (see VNode.text)
            out.append(escape_text(tx))
            out.append("</" + name + ">")
            continue
        st.append("</" + name + ">")
        if ch:
            _push_children(st, ch, _child_ns(tag, ens))
    return "".join(out)


def _text_content(children, raw):
    """The joined text of a raw-text element's children (guarded as a whole)."""
    parts = []
    st = list(children)
    st.reverse()
    while st:
        v = st.pop()
        tag = v.tag
        if tag == TEXT or tag == RAW:
            parts.append(v.text)
        elif tag == Fragment:
            for i in range(len(v.children) - 1, -1, -1):
                st.append(v.children[i])
        elif tag == MEMO:
            st.append(as_vnode(v.fn(*v.args), "memo"))
        elif tag == STATIC:
            st.append(v.props.node)
        else:
            raise ValueError("<%s> can only contain text, got an element <%s>" % (raw, tag))
    return "".join(parts)


def _push_children(st, ch, ns):
    # Stack entries are 2-item lists: 3-tuples cost ~3.5 us each on MicroPython.
    for i in range(len(ch) - 1, -1, -1):
        st.append([ch[i], ns])
