"""Small facts about render inputs shared by the checker, the printer and the generators.

Copies of render inputs (``copy_tree``), the namespace rules of elements and
their children, and the children of a node with their holes put back.
"""

from vdom.vnode import VNode, clone, text_content
from vdom.elements import element_ns as _elem_ns, child_ns as _kid_ns  # the core's rules


def _clone_input(x):
    """A copy of a render input (VNode, list/tuple of inputs, or a leaf) safe to mount."""
    if isinstance(x, VNode):
        return clone(x)
    if isinstance(x, (list, tuple)):
        return [_clone_input(c) for c in x]
    return x


def copy_tree(tree):
    """A fresh copy of a render input (VNode, list/tuple of inputs, str, None...).

    VNodes are cloned (``vdom.clone``: no host nodes, props dicts shared), so
    the copy can be rendered while ``tree`` stays unmounted.
    """
    return _clone_input(tree)


def _child_items(v):
    """The children of an element/fragment VNode with holes put back (from slots).

    An element with text content (``VNode.text`` a string) has that string.
    """
    t = text_content(v)
    if t is not None:
        return [t]
    out = []
    nxt = 0
    for c in v.children or ():
        if c.key is None and c.slot is not None and c.slot >= 0:
            while nxt < c.slot:
                out.append(None)
                nxt += 1
            nxt = c.slot + 1
        out.append(c)
    return out
