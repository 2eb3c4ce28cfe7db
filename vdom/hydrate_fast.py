"""Hydration's fast path: the whole match checked by the renderer in one call.

When the server's markup is exactly what the VNodes render to (the common
case), hydrating is only "give every VNode its host node".  Walking the host
tree from Python costs several renderer calls per node (each a JS crossing in a
browser, ~35 a table row); here Python describes the VNodes once, as one
string, the renderer's ``match_tree(container, description)`` compares the
host tree with it (in JS for the DOM renderer) and returns the hosts in the
VNodes' order, or None at the first difference.  Python then sets ``el`` on
each VNode and attaches the listeners: no reads.

Only trees whose markup is unambiguous take this path: elements with plain
attributes, classes and listeners, text content, text nodes, fragments (between
their ``[``/``]`` markers), memos (rendered once, here) and ``static()`` uses.
Anything else (raw HTML, styles, hooks, element state kept as properties,
SVG/MathML, ``<pre>``/``<textarea>``/``<select>``) makes ``describe`` give up,
and any difference in the markup (whitespace between elements, a wrong
attribute, the comment between adjacent texts) makes the renderer answer None:
``vdom.hydrate`` then walks as before and repairs.  Nothing is changed before the
match is known (then the fragments' end markers go, as the walk removes them),
so falling back is safe.

The description is the tokens of a pre-order walk joined by ``SEP`` (U+001F, the unit
separator; not NUL, which MicroPython's strings end at when they cross into JS; a text or
value holding it is left to the walk):
an element is ``tag, attribute count, (name, value)*`` then either ``"="``
and its text content or the number of its children, followed by them; a text
node is ``"#", text``; a fragment is ``"["``, its item count and its items; a
``static()`` use after its first is ``"@"`` and the
index (in the returned list) of the first use's host, which it must equal
(``isEqualNode``).  The whole is preceded by the container's item count.
"""

from vdom.vnode import TEXT, STATIC, MEMO, Fragment, clone
from vdom.props import _kinds, prop_kind, attr_value, norm_class
from vdom.props import ATTR, KEY, CLASS, EVENT

SEP = "\x1f"
# Props this path leaves to the walk: element state set as a property.
_STATE = {"selectedIndex": 1, "muted": 1, "indeterminate": 1}
# Elements the walk treats apart (a dropped newline, a value, a namespace, inert content).
_SPECIAL_TAGS = {"pre": 1, "textarea": 1, "listing": 1, "select": 1, "svg": 1, "math": 1,
                 "template": 1}


class _GiveUp(Exception):
    pass


class Description:
    """What ``describe`` found: ``tokens``; ``order``, the VNodes in the order of the hosts
    ``match_tree`` returns; ``events``, ``[vnode, name, handler, ...]``; ``wraps``,
    ``[static use, the VNode whose host it takes, ...]``; ``memos``, ``[memo, the element
    VNode whose host is its parent (None: the container), ...]`` in the order rendered;
    ``ok``, False when the tree has something only the walk handles (the memos rendered
    so far stay rendered: the walk takes their children rather than calling them again)."""

    def __init__(self):
        self.tokens = None
        self.order = None
        self.events = None
        self.wraps = None
        self.memos = []
        self.ok = False


class _NeedParents(Exception):
    pass


_END = [None]  # on the stack after an element's children (when memos need their parent)


def describe(vnodes, patcher=None):
    """The ``Description`` of the list ``vnodes``.  Memos are rendered with ``patcher``
    (as a mount renders them); without one, a memo gives up."""
    d = Description()
    try:
        try:
            _describe(vnodes, d, patcher, False)
        except _NeedParents:  # a memo: describe again, knowing each one's host parent
            _describe(vnodes, d, patcher, True)
        d.ok = True
    except _GiveUp:
        pass
    return d


def _describe(vnodes, d, patcher, track):
    # Written for MicroPython: no per-node allocation but the tokens, table lookups for
    # counts, children pushed with one extend.  Adjacent or empty text nodes need no check
    # here: the markup has a comment there, which the match refuses (the walk handles it).
    out = [_count(len(vnodes))]
    ap = out.append
    order = []
    oap = order.append
    events = []
    wraps = []
    firsts = {}  # id(Static) -> index in order of its first use's host
    # Globals as locals: each global read is a dict lookup on MicroPython.
    kinds = _kinds
    counts = _COUNTS
    special = _SPECIAL
    state = _STATE
    sep = SEP
    text_tag = TEXT
    static_tag = STATIC
    key_kind = KEY
    attr_kind = ATTR
    class_kind = CLASS
    event_kind = EVENT
    string = str
    shared = {}  # id(props dict) -> its tokens, for dicts without keys or listeners
    extend_out = out.extend
    memo_tag = MEMO
    fragment_tag = Fragment
    memos = d.memos
    parents = []  # with track: the element VNodes whose children are being described
    stack = list(vnodes)
    stack.reverse()
    pop = stack.pop
    push = stack.append
    extend = stack.extend
    while stack:
        v = pop()
        if v is _END:
            parents.pop()
            continue
        if v.el is not None:
            raise _GiveUp()  # rendered elsewhere already: the walk mounts a copy
        tag = v.tag
        if tag in special:  # one lookup for an element: the other kinds are rare
            if tag == text_tag:
                t = v.text
                if sep in t:
                    raise _GiveUp()
                ap("#")
                ap(t)
                oap(v)
                continue
            if tag == memo_tag:
                if not track:
                    raise _NeedParents()
                if patcher is None:
                    raise _GiveUp()
                memos.append(v)
                memos.append(parents[-1] if parents else None)
                push(patcher._memo_child(v, None, None))
                continue
            if tag == fragment_tag:
                # Its host is the server's "[" marker; its items follow in the same parent,
                # then the "]" marker, which match_tree removes (as the walk does) on success.
                oap(v)
                ap("[")
                ch = v.children
                if not ch:
                    ap("0")
                    continue
                n = len(ch)
                ap(counts[n] if n < 64 else string(n))
                extend(reversed(ch))
                continue
            if tag != static_tag:
                raise _GiveUp()  # raw HTML, or an element the walk treats apart
            k = id(v.props)
            first = firsts.get(k)
            if first is not None:
                ap("@")
                ap(string(first))
                oap(v)
                continue
            firsts[k] = len(order)
            node = clone(v.props.node)
            wraps.append(v)
            wraps.append(node)
            v = node
            tag = v.tag
            if tag in special:
                raise _GiveUp()  # a static template that is not one element
        oap(v)
        ap(tag)
        props = v.props
        if props:
            got = shared.get(id(props))
            if got is not None:
                extend_out(got)  # a props dict elements share (a constant): its tokens again
            else:
                n_at = len(out)
                ap("0")  # the attribute count, set below
                n = 0
                cache = True
                for name in props:
                    k = kinds.get(name)
                    if k is None:
                        k = prop_kind(name)
                    if k == key_kind:
                        cache = False  # keys differ: this dict is this element's own
                        continue
                    value = props[name]
                    if k == attr_kind:
                        if name in state:
                            raise _GiveUp()
                        if value.__class__ is not string:
                            value = attr_value(name, value)
                            if value is None:
                                continue
                            if value is True:
                                value = ""
                        if sep in value:
                            raise _GiveUp()
                        ap(name)
                        ap(value)
                        n += 1
                    elif k == class_kind:
                        if value.__class__ is not string:
                            value = norm_class(value)
                        if value:
                            ap("class")
                            ap(value)
                            n += 1
                    elif k == event_kind:
                        if value is not None:
                            cache = False  # listeners are recorded per VNode
                            events.append(v)
                            events.append(name)
                            events.append(value)
                    else:
                        raise _GiveUp()  # style, hook, ref...: the walk's
                if n:
                    out[n_at] = counts[n] if n < 64 else string(n)
                if cache:
                    shared[id(props)] = out[n_at:]
        else:
            ap("0")
        t = v.text
        if t.__class__ is string:
            if not t:
                ap("0")
            elif sep in t:
                raise _GiveUp()
            else:
                ap("=")
                ap(t)
            continue
        ch = v.children
        if not ch:
            ap("0")
            continue
        n = len(ch)
        ap(counts[n] if n < 64 else string(n))
        if track:
            push(_END)
            parents.append(v)
        extend(reversed(ch))
    d.tokens = out
    d.order = order
    d.events = events
    d.wraps = wraps


def _count(n):
    return _COUNTS[n] if n < 64 else str(n)


_COUNTS = [str(i) for i in range(64)]
# Tags that are not a plain element: the node kinds, and the elements the walk treats apart.
_SPECIAL = {TEXT: 1, MEMO: 1, Fragment: 1, STATIC: 1, "#raw": 1}
for _t in _SPECIAL_TAGS:
    _SPECIAL[_t] = 1


def try_match(patcher, container, vnodes):
    """Hydrate ``vnodes`` over ``container`` in one ``match_tree`` call when the markup
    matches exactly: ``(report, None)``; else ``(None, memos)``: nothing was changed but the
    memos rendered on the way (``Description.memos``), whose children the walk then takes."""
    d = describe(vnodes, patcher)
    if not d.ok:
        return None, d.memos
    order = d.order
    hosts = patcher.r.match_tree(container, SEP.join(d.tokens))
    if hosts is None or len(hosts) != len(order):
        return None, d.memos
    n = len(order)
    for k in range(n):
        order[k].el = hosts[k]
    wraps = d.wraps
    for k in range(0, len(wraps), 2):
        wraps[k].el = wraps[k + 1].el
    memos = d.memos
    for k in range(len(memos) - 2, -1, -2):  # inner memos (rendered later) first
        m = memos[k]
        m.el = m.children[0].el
        pv = memos[k + 1]
        m.parent = container if pv is None else pv.el
    listener = patcher._listener
    events = d.events
    for k in range(0, len(events), 3):
        v = events[k]
        listener(v, v.el, events[k + 1], events[k + 2])
    return {"adopted": n, "created": 0, "mounted": 0, "removed": 0, "mismatches": 0}, None
