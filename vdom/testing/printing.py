"""``describe``: a render input as ``h()`` source, for failure messages and bug reports."""

from vdom.vnode import VNode, Static
from vdom.vnode import TEXT, Fragment, MEMO, RAW, STATIC
from vdom.testing.vtree import _child_items
from vdom.testing.pool import _STATIC_NAMES


def _fn_name(f):
    return getattr(f, "__name__", None) or repr(f)


def _value_src(v):
    if callable(v) and not isinstance(v, (str, dict, list, tuple)):
        return _fn_name(v)
    if isinstance(v, dict):
        names = [k for k in v]
        names.sort(key=repr)
        return "{" + ", ".join([repr(k) + ": " + _value_src(v[k]) for k in names]) + "}"
    if isinstance(v, list):
        return "[" + ", ".join([_value_src(c) for c in v]) + "]"
    return repr(v)


def _props_src(props):
    if not props:
        return "None"
    return _value_src(props)


def _static_name(s):
    """The name of ``s`` in ``vdom.testing`` when it is one of ``STATICS``, else None."""
    for name, x in _STATIC_NAMES:
        if x is s:
            return name
    return None


def describe(tree, indent="  "):
    """Return ``tree`` (VNode, list, str, None) as ``h()`` source, one node per line.

    Holes are shown as ``None`` (recovered from the children's slots),
    listeners and memo functions by name, raw HTML as ``Html(...)``, a use of
    a static subtree by its name when it is one of ``STATICS`` (the same
    object, as a patch needs), else as ``static(<its source>)``.  Used in
    the messages of ``check_patch``; handy to paste a failing case into a test.
    """
    lines = []
    # stack items: (item, depth, suffix) or ("#close", depth, suffix, text)
    st = [(tree, 0, "")]
    while st:
        item = st.pop()
        if len(item) == 4:
            lines.append(indent * item[1] + item[3] + item[2])
            continue
        x, d, suffix = item
        pad = indent * d
        s = x if isinstance(x, Static) else (x.props if isinstance(x, VNode) and x.tag == STATIC else None)
        if s is not None:
            name = _static_name(s)
            if name is not None:
                lines.append(pad + name + suffix)
            else:
                lines.append(pad + "static(")
                st.append(("#close", d, suffix, ")"))
                st.append((s.node, d + 1, ""))
            continue
        if isinstance(x, (list, tuple)):
            if not x:
                lines.append(pad + "[]" + suffix)
                continue
            lines.append(pad + "[")
            st.append(("#close", d, suffix, "]"))
            for i in range(len(x) - 1, -1, -1):
                st.append((x[i], d + 1, ","))
            continue
        if not isinstance(x, VNode):
            if hasattr(x, "__html__") and not isinstance(x, str):
                lines.append(pad + "Html(%r)" % (str(x.__html__()),) + suffix)
            else:
                lines.append(pad + repr(x) + suffix)
            continue
        t = x.tag
        if t == TEXT:
            lines.append(pad + repr(x.text) + suffix)
            continue
        if t == RAW:
            lines.append(pad + "Html(%r)" % (x.text,) + suffix)
            continue
        if t == MEMO:
            parts = [_fn_name(x.fn)]
            for a in x.args:
                parts.append(_value_src(a))
            if x.key is not None:
                parts.append("key=%r" % (x.key,))
            lines.append(pad + "memo(" + ", ".join(parts) + ")" + suffix)
            continue
        head = "h(%s, %s" % ("Fragment" if t == Fragment else repr(t), _props_src(x.props))
        kids = _child_items(x)
        if not kids:
            lines.append(pad + head + ")" + suffix)
            continue
        lines.append(pad + head + ",")
        st.append(("#close", d, suffix, ")"))
        for i in range(len(kids) - 1, -1, -1):
            st.append((kids[i], d + 1, ","))
    return "\n".join(lines)
