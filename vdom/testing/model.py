"""The reference model of a patch: what the host tree must hold and what a patch must do.

Reference trees (``_R``) built from VNode lists, the pairing of an old and a
new reference tree by the identity rules (``_match``), and the minimal moves,
creations, removals and clears that follow (``_Expect``), written without
trusting the reconciler (``min_moves`` has its own LIS).
"""

from vdom.vnode import VNode, as_vnode, text_content
from vdom.vnode import TEXT, Fragment, MEMO, RAW, STATIC
from vdom.testing.vtree import _elem_ns, _kid_ns


def _lis_len(seq):
    """Length of a longest strictly increasing subsequence (patience sorting).

    Written here on purpose (not ``vdom.lis``): the checker must not trust
    the code it checks.
    """
    tails = []
    for x in seq:
        lo = 0
        hi = len(tails)
        while lo < hi:
            mid = (lo + hi) // 2
            if tails[mid] < x:
                lo = mid + 1
            else:
                hi = mid
        if lo == len(tails):
            tails.append(x)
        else:
            tails[lo] = x
    return len(tails)


def min_moves(old_keys, new_keys):
    """Minimal number of moves turning keyed list ``old_keys`` into ``new_keys``.

    Keys present in both lists keep their node; the nodes on a longest
    increasing subsequence (of their old positions, in new order) stay put
    and every other common key moves once: ``|common| - LIS``.
    """
    pos = {}
    for i in range(len(old_keys)):
        pos[old_keys[i]] = i
    seq = []
    for k in new_keys:
        i = pos.get(k)
        if i is not None:
            seq.append(i)
    return len(seq) - _lis_len(seq)


# -- the reference model -------------------------------------------------------


class _R:
    """Reference node: what the host tree must contain for one VNode.

    ``kids``: reference children (a memo has one: what it rendered; a use
    of a static subtree one: the ``Static``'s source node, whose host is the
    use's host); ``host``: the host node found there after a render;
    ``mate``: the old reference node whose host it must keep; ``replaced``:
    matched, but the host is replaced (raw HTML whose text changed, another
    ``Static`` at the same slot).
    """

    __slots__ = ("v", "tag", "key", "slot", "text", "kids", "host", "mate", "ns", "replaced", "content", "synth")

    def __init__(self, v, ns):
        self.v = v
        self.tag = v.tag
        self.key = v.key
        self.slot = v.slot
        self.text = v.text
        self.kids = None
        self.host = None
        self.mate = None
        self.ns = ns
        self.replaced = False
        # An element's text content (VNode.text is a str): its one text host is
        # made by set_text_content (no create call) and replaced when it changes.
        self.content = text_content(v)
        self.synth = False  # the reference of that text host


def _build(vlist, ns, flags):
    """Reference list for a normalized VNode list (memos rendered by calling them)."""
    out = []
    st = [(vlist, out, ns)]
    while st:
        vl, dst, ns = st.pop()
        for v in vl:
            t = v.tag
            if t == TEXT or t == RAW:
                dst.append(_R(v, ns))
                continue
            if t == MEMO:
                r = _R(v, ns)
                flags["frag"] = True
                r.kids = []
                st.append(([as_vnode(v.fn(*v.args), "memo")], r.kids, ns))
            elif t == Fragment:
                r = _R(v, ns)
                flags["frag"] = True
                r.kids = []
                st.append((v.children or [], r.kids, ns))
            elif t == STATIC:
                r = _R(v, ns)
                r.kids = []
                st.append(([v.props.node], r.kids, ns))
            else:
                ens = _elem_ns(t, ns)
                r = _R(v, ens)
                r.kids = []
                if r.content is not None:
                    if r.content:
                        r.kids.append(_content_ref(r.content, _kid_ns(t, ens)))
                else:
                    st.append((v.children or [], r.kids, _kid_ns(t, ens)))
            dst.append(r)
    return out


def _content_ref(text, ns):
    """The reference of the text host an element with text content shows."""
    tv = VNode(TEXT, None, None, None, text)
    tv.slot = 0
    k = _R(tv, ns)
    k.synth = True
    return k


def _copy_kept(kids):
    """Copies of old reference nodes, each the mate of its original (a skipped memo)."""
    out = []
    st = [(kids, out)]
    while st:
        src, dst = st.pop()
        for a in src:
            b = _R(a.v, a.ns)
            b.mate = a
            b.synth = a.synth
            if a.kids is not None:
                b.kids = []
                st.append((a.kids, b.kids))
            dst.append(b)
    return out


def _flat(refs):
    """The reference nodes that own a host node, in host order (memos expanded)."""
    out = []
    st = []
    for i in range(len(refs) - 1, -1, -1):
        st.append(refs[i])
    while st:
        x = st.pop()
        t = x.tag
        if t == MEMO or t == Fragment or t == STATIC:
            if t == Fragment:
                out.append(x)
            k = x.kids
            for i in range(len(k) - 1, -1, -1):
                st.append(k[i])
        else:
            out.append(x)
    return out


def _all_refs(refs):
    out = []
    st = list(refs)
    while st:
        x = st.pop()
        out.append(x)
        if x.kids:
            for c in x.kids:
                st.append(c)
    return out


def _count_hosts(r, ex):
    """The host nodes a mount of reference node ``r`` creates.

    With a renderer that clones (``ex.clone``), a use of a static subtree is
    one node (one ``clone`` call), and is recorded in ``ex.statics`` (its
    template may have to be built first, see ``_template_creates``);
    without, its whole subtree is built.
    """
    n = 0
    st = [r]
    while st:
        x = st.pop()
        if x.synth:  # made by set_text_content, no create call
            continue
        t = x.tag
        if t == STATIC:
            if ex.clone:
                n += 1
                ex.statics.append(x)
                continue
        elif t != MEMO:
            n += 1
        if x.kids:
            for c in x.kids:
                st.append(c)
    return n


class _Expect:
    """What one patch must do, computed by ``_match``."""

    def __init__(self, clone):
        self.clone = clone  # the renderer has ``clone``: static subtrees are cloned from templates
        self.statics = []  # reference nodes of the static uses mounted by cloning
        self.moves = 0
        self.creates = 0
        self.removes = []  # (host parent, host node)
        self.clears = []   # host parents
        self.gone = []     # top-level hosts of removed subtrees
        self.kept = 0


def _match(old, new, container, ex):
    """Pair the reference trees ``old`` and ``new`` by the identity rules.

    A child is kept when its parent was kept and the old list has a child
    with the same key (keyed) or the same slot (unkeyed) and the same tag;
    raw HTML with another text and a use of another ``Static`` are matched
    but replaced (a new host, the old one removed).  Computes the expected
    moves (``|kept| - LIS`` per list), creations, removals and clears into
    ``ex``.
    """
    # stack items: (old list, new list, host parent, own)
    st = [(old, new, container, False)]
    while st:
        A, B, ph, own = st.pop()
        bykey = {}
        byslot = {}
        for i in range(len(A)):
            a = A[i]
            if a.key is None:
                byslot[a.slot] = i
            else:
                bykey[a.key] = i
        used = [False] * len(A)
        seq = []
        for b in B:
            if b.key is None:
                i = byslot.get(b.slot)
            else:
                i = bykey.get(b.key)
            if i is None or used[i] or A[i].tag != b.tag:
                ex.creates += _count_hosts(b, ex)
                continue
            a = A[i]
            used[i] = True
            seq.append(i)
            b.mate = a
            t = b.tag
            if t == RAW or t == STATIC:
                if a.text != b.text or a.v.props is not b.v.props:
                    b.replaced = True  # new host before the old one, then the old one removed
                    ex.creates += _count_hosts(b, ex)
                    host = _flat([a])[0].host
                    ex.removes.append((ph, host))
                    ex.gone.append(host)
                else:
                    ex.kept += 1
                    if t == STATIC:  # the same Static: nothing inside is touched
                        b.kids = _copy_kept(a.kids)
                        ex.kept += len(_all_refs(b.kids))
                continue
            ex.kept += 1
            if t == TEXT:
                continue
            if t == MEMO:
                va = a.v
                vb = b.v
                if va.args == vb.args and va.fn == vb.fn:
                    b.kids = _copy_kept(a.kids)
                    ex.kept += len(_all_refs(b.kids))
                else:
                    st.append((a.kids, b.kids, ph, False))
            elif t == Fragment:
                st.append((a.kids, b.kids, ph, False))
            elif a.content is None and b.content is None:
                st.append((a.kids, b.kids, a.host, True))
            else:
                _match_content(ex, a, b)
        ex.moves += len(seq) - _lis_len(seq)
        if not A:
            continue
        if own and not seq:
            ex.clears.append(ph)
            for a in A:
                for x in _flat([a]):
                    ex.gone.append(x.host)
            continue
        for i in range(len(A)):
            if not used[i]:
                for x in _flat([A[i]]):
                    ex.removes.append((ph, x.host))
                    ex.gone.append(x.host)


def _match_content(ex, a, b):
    """Kept element ``a`` -> ``b`` where either has text content (see ``VNode.text``).

    Same text: the text host is kept.  Another text: ``set_text_content``
    replaces it (no create, no remove).  Text -> children: one ``clear``
    (when there was text), then every child is new.  Children -> text: the
    old children are detached by ``set_text_content`` (no remove calls).
    """
    if a.content is not None and b.content is not None:
        if a.content == b.content:
            b.kids = _copy_kept(a.kids)
            ex.kept += len(b.kids)
        else:
            for x in a.kids:
                ex.gone.append(x.host)
        return
    if a.content is not None:
        if a.content:
            ex.clears.append(a.host)
            for x in a.kids:
                ex.gone.append(x.host)
        for x in b.kids:
            ex.creates += _count_hosts(x, ex)
        return
    for x in _flat(a.kids):
        ex.gone.append(x.host)


def _template_creates(ex, r):
    """Host nodes ``r`` must create to build the templates of the static uses in ``ex.statics``.

    A template is built once per renderer and namespace: a ``(Static,
    namespace)`` pair needs one unless ``r`` has it already, which only the
    ``Static`` knows (``Static.template``, asked before the patch), or an
    earlier use of the same patch built it.  A nested use inside a template
    is one more clone (and maybe one more template).
    """
    n = 0
    built = {}
    q = ex.statics
    i = 0
    while i < len(q):
        x = q[i]
        i += 1
        s = x.v.props
        k = (id(s), x.ns)
        if k in built:
            continue
        built[k] = 1
        if s.template(r, x.ns) is not None:
            continue
        n += _count_hosts(x.kids[0], ex)  # may append nested uses to q
    return n
