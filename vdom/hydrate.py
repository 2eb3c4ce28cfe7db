"""Hydration: adopt host nodes a server rendered instead of creating them.

``Root.hydrate(vnode)`` calls ``hydrate()`` here (imported only then).  It
walks the container's existing children in step with the VNode tree, by
position (keys play no part: the server wrote the list in order), and
makes every VNode own the host node standing where it would have created
one.  On a match no host node is created: only listeners are attached and
element state the DOM keeps as properties is set; afterwards the tree is
exactly as if the root had mounted it, and renders patch it.

Markup from ``render_to_string(vnode, hydratable=True)`` carries comment
markers where the parsed DOM could not match the VNode tree by itself
(fragment start and end, a separator between adjacent texts, an empty
text, a raw-HTML range).  Plain markup hydrates too, with a few creations:
a fragment's start marker, split text, empty text.

Mismatches are repaired, never fatal: wrong text is set, a wrong node is
replaced (a node that matches the next VNode stays, and the missing one is
mounted before it), extra nodes are removed, missing ones mounted,
attributes/class/style made to match.  Each is counted and, with
``warn``, described once.  Not mismatches, and silent: whitespace-only
text where an element is expected (removed), the newline a parser drops
after ``<pre>``/``<textarea>``/``<listing>`` (restored), adjacent texts a
parser merged (split again).

The walk uses an explicit stack (MicroPython's call stack is shallow) and
reads the host tree only through the renderer's optional read methods
(``child_nodes``, ``node_type``, ``node_name``, ``node_text``,
``attributes``; see ``vdom.renderer``).
"""

from vdom.vnode import TEXT, Fragment, MEMO, RAW, STATIC, clone, option_value
from vdom.props import _kinds, prop_kind, attr_value, norm_class, norm_style, style_value
from vdom.props import ATTR, CLASS, STYLE, EVENT
from vdom.elements import element_ns, child_ns, RAW_TEXT, RCDATA

ELEMENT = 1
TEXT_NODE = 3
COMMENT = 8
# Comment markers (renderers.html writes them; the core only reads them).
_START = "["
_END = "]"
_SEP = ","
_RAW_START = "{"
_RAW_END = "}"
# Frame kinds: the children of an element (extra hosts after them are removed), of a
# fragment with markers (ends at its "]"), of a fragment without (ends where its VNodes do).
_ELEMENT = 0
_MARKED = 1
_BARE = 2
# Element state that no attribute carries in the DOM: always set (as the DOM renderer sets
# it, a property).  ``value``, ``checked`` and ``selected`` are left alone when the markup
# already says the same (the attribute; a ``<textarea>``'s content; for a ``<select>``'s
# ``value``, its option marked ``selected``): that is only the default, and the property
# holds what the user typed, ticked or chose before hydration.
_STATE = {"selectedIndex": 1, "muted": 1, "indeterminate": 1}
_VALUE_PROPERTY = {"select": 1}
_NEWLINE_DROPPED = {"pre": 1, "textarea": 1, "listing": 1}


class Hydration:
    """One hydration walk: the renderer's read methods, the counters and the reports."""

    def __init__(self, patcher, warn):
        r = patcher.r
        check_reader(r)
        self.p = patcher
        self.r = r
        self.kids = r.child_nodes
        self.ntype = r.node_type
        self.nname = r.node_name
        self.ntext = r.node_text
        self.outer = getattr(r, "outer_html", None)  # optional: compares raw HTML exactly
        self.warn = warn
        self.adopted = 0
        self.created = 0
        self.mounted = 0
        self.removed = 0
        self.mismatches = 0
        self.statics = {}  # id(Static) -> [the first use's host, its outer HTML] (see static_use)
        self.typ = 0       # skip()'s other results
        self.anchor = None
        self.hooks = []    # adopted VNodes with a create hook, run after the walk (see props)
        self.prerendered = None  # {id(memo)}: rendered by the fast path's attempt (see hydrate)
        self.selects = []  # [select host, its value, markup marks it] (see props and hydrate())
        self.tc = getattr(r, "text_content", None)  # optional: an element's text in one read
        self.attrs = r.attributes

    def use_tree(self, container):
        """Read the container's whole subtree at once when the renderer offers it and prefers
        it (``read_tree``, ``bulk_reads``): every later read is a dict lookup."""
        r = self.r
        if not getattr(r, "bulk_reads", False) or getattr(r, "read_tree", None) is None:
            return
        got = r.read_tree(container)
        if got is None:
            return
        t = TreeReads(r, container, got[0], got[1])
        self.kids = t.kids
        self.ntype = t.ntype
        self.nname = t.nname
        self.ntext = t.ntext
        self.attrs = t.attrs
        self.tc = t.text_content

    def report(self):
        return {"adopted": self.adopted, "created": self.created, "mounted": self.mounted,
                "removed": self.removed, "mismatches": self.mismatches}

    def mismatch(self, what, v, detail):
        self.mismatches += 1
        if self.warn is not None:
            self.warn("hydration mismatch: %s at %s: %s" % (what, _where(v), detail))

    # -- the walk ---------------------------------------------------------------

    def run(self, container, vnodes, ns):
        """Hydrate the list ``vnodes`` against all of ``container``'s children."""
        p = self.p
        # Frames: [vnodes, next index, host parent, cursor, ns, kind, owner VNode, stop]; a
        # cursor is [host children snapshot, index, host parent], shared by the frames
        # of fragments in the same host parent; ``stop``: the list ends at a "]" marker
        # (inside a marked fragment, also for the unmarked fragments in it).
        self.use_tree(container)
        stack = [[vnodes, 0, container, [self.kids(container), 0, container], ns, _ELEMENT, None, False]]
        while stack:
            f = stack[-1]
            vs = f[0]
            i = f[1]
            if i >= len(vs):
                stack.pop()
                self.finish(f)
                continue
            f[1] = i + 1
            v = vs[i]
            if v.el is not None:  # a VNode rendered elsewhere already: use a copy, as mounts do
                v = vs[i] = clone(v)
            wrappers = None
            while v.tag == MEMO or v.tag == STATIC:
                if v.tag == STATIC and self.static_use(v, f):
                    break
                if wrappers is None:
                    wrappers = []
                wrappers.append(v)
                if v.tag == MEMO:
                    pre = self.prerendered
                    if pre is not None and id(v) in pre:
                        v.parent = f[2]
                        v.ev = f[4]
                        v = v.children[0]
                    else:
                        v = p._memo_child(v, f[2], f[4])
                else:
                    v = clone(v.props.node)
            else:
                child = self.node(v, f, vs, i, stack, wrappers)
                if wrappers is not None:
                    for w in wrappers:
                        w.el = child.el
                        if w.tag == STATIC:
                            rec = self.statics.get(id(w.props))
                            if rec is not None and rec[0] is None:
                                rec[0] = child.el  # the first use: later ones compare with it
                continue
            if wrappers is not None:  # memos around a static use adopted by its root
                for w in wrappers:
                    w.el = v.el

    def static_use(self, v, f):
        """Adopt a ``static()`` use by its root when its markup equals the first use's (one
        ``outer_html`` read instead of a walk); the first use, or one that differs, is walked."""
        if self.outer is None:
            return False
        rec = self.statics.get(id(v.props))
        if rec is None:
            self.statics[id(v.props)] = [None, None]
            return False
        if rec[0] is None:
            return False
        if rec[1] is None:
            rec[1] = self.outer(rec[0])
        cur = f[3]
        node = self.skip(cur, f[7], True)
        if self.typ != ELEMENT or self.outer(node) != rec[1]:
            return False
        v.el = node
        cur[1] += 1
        self.adopted += 1
        return True

    def node(self, v, f, vs, i, stack, wrappers):
        """Adopt (or repair) the host for ``v`` at frame ``f``'s cursor; push its children."""
        parent = f[2]
        cur = f[3]
        ns = f[4]
        tag = v.tag
        node = self.skip(cur, f[7], tag != TEXT)
        typ = self.typ
        anchor = self.anchor
        if tag == TEXT:
            return self.text(v, parent, cur, node, typ, anchor, vs, i)
        if tag == Fragment:
            if typ == COMMENT and self.ntext(node) == _START:
                v.el = node
                cur[1] += 1
                self.adopted += 1
                stack.append([v.children, 0, parent, cur, ns, _MARKED, v, True])
            else:  # plain markup: the fragment's start marker is the one host it lacks
                el = v.el = self.r.create_text("")
                self.r.insert(parent, el, anchor)
                self.created += 1
                stack.append([v.children, 0, parent, cur, ns, _BARE, v, f[7]])
            return v
        if tag == RAW:
            if typ == COMMENT and self.ntext(node) == _RAW_START:
                return self.raw_range(v, parent, cur, ns)
            if node is None or not self.raw_fits(v.text, node, typ):
                if node is not None:
                    self.mismatch("missing raw HTML", v, "found %s" % _describe_host(self, node, typ))
                return self.mount(v, parent, anchor, ns, wrappers)
            v.el = node  # plain markup: the node the raw HTML parsed to
            cur[1] += 1
            self.adopted += 1
            return v
        # An element.
        ens = element_ns(tag, ns)
        name = self.nname(node) if typ == ELEMENT else None
        while True:
            if name is not None and _same_tag(name, tag):
                v.el = node
                cur[1] += 1
                self.adopted += 1
                self.props(v, node, ens)
                self.content(v, node, tag, ens, stack)
                return v
            if not self.extra_before(v, node, typ, cur):
                break
            node = self.skip(cur, f[7], True)  # an extra host went: try the next one
            typ = self.typ
            anchor = self.anchor
            name = self.nname(node) if typ == ELEMENT else None
        if node is None:
            self.mismatch("missing node", v, "the server rendered nothing here")
            return self.mount(v, parent, anchor, ns, wrappers)
        what = _describe_host(self, node, typ)
        if i + 1 < len(vs) and self.matches(vs[i + 1], node, typ):
            self.mismatch("missing node", v, "found %s, which matches the next node" % what)
            return self.mount(v, parent, node, ns, wrappers)
        self.mismatch("wrong node", v, "found %s" % what)
        v = self.mount(v, parent, node, ns, wrappers)
        self.drop(parent, cur, cur[1])
        return v

    def extra_before(self, v, node, typ, cur):
        """When host ``node`` does not fit ``v`` but the host after it does: ``node`` is extra
        (removed, reported) and True is returned."""
        if node is None:
            return False
        doms = cur[0]
        j = cur[1] + 1
        if typ == COMMENT and self.ntext(node) == _START:
            j = _range_end(self, doms, cur[1]) + 1
        if j >= len(doms):
            return False
        nxt = doms[j]
        if not self.matches(v, nxt, self.ntype(nxt)):
            return False
        self.mismatch("extra nodes", v, "found %s before it, removed" % _describe_host(self, node, typ))
        self.drop(cur[2], cur, cur[1])
        return True

    def matches(self, v, node, typ):
        """Whether host ``node`` (of type ``typ``) would be adopted for ``v`` (a look-ahead)."""
        t = v.tag
        if t == TEXT:
            return typ == TEXT_NODE
        if t == Fragment:
            return typ == COMMENT and self.ntext(node) == _START
        if t == MEMO or t == STATIC or t == RAW:
            return False
        return typ == ELEMENT and _same_tag(self.nname(node), t)

    def skip(self, cur, stop, element):
        """The host at the cursor (its type in ``self.typ``, and the host to insert a missing
        node before in ``self.anchor``: no tuple, they cost on MicroPython), after removing
        text separators (and, when an element is expected, whitespace-only text: indentation
        in the server's markup).  At the end of the list None (with ``stop``, a "]" marker
        ends it: it is the anchor)."""
        doms = cur[0]
        while cur[1] < len(doms):
            node = doms[cur[1]]
            typ = self.ntype(node)
            if typ == COMMENT:
                d = self.ntext(node)
                if d == _SEP:
                    self.r.remove(cur[2], node)
                    cur[1] += 1
                    continue
                if d == _END and stop:
                    self.typ = 0
                    self.anchor = node
                    return None
            elif typ == TEXT_NODE and element and not self.ntext(node).strip():
                self.r.remove(cur[2], node)
                cur[1] += 1
                continue
            self.typ = typ
            self.anchor = node
            return node
        self.typ = 0
        self.anchor = None
        return None

    def text(self, v, parent, cur, node, typ, anchor, vs, i):
        t = v.text
        r = self.r
        if not t:
            # Markup cannot hold an empty text node: create it (before "<!---->" if the
            # server wrote one, which then goes).
            el = v.el = r.create_text("")
            r.insert(parent, el, anchor)
            self.created += 1
            if typ == COMMENT and self.ntext(node) == "":
                r.remove(parent, node)
                cur[1] += 1
            return v
        if typ == TEXT_NODE:
            d = self.ntext(node)
            v.el = node
            cur[1] += 1
            self.adopted += 1
            if d == t:
                return v
            if cur[1] == 1 and "\n" + d == t and self.nname(parent) in _NEWLINE_DROPPED:
                r.set_text(node, t)  # the newline the parser dropped
                return v
            if len(d) > len(t) and d[:len(t)] == t and i + 1 < len(vs) and vs[i + 1].tag == TEXT:
                # Adjacent texts the parser merged: split them again.
                r.set_text(node, t)
                rest = r.create_text(d[len(t):])
                doms = cur[0]
                nxt = doms[cur[1]] if cur[1] < len(doms) else None
                r.insert(parent, rest, nxt)
                doms.insert(cur[1], rest)
                self.created += 1
                return v
            self.mismatch("text", v, "%r, expected %r" % (_short(d), _short(t)))
            r.set_text(node, t)
            return v
        if node is None:
            self.mismatch("missing text", v, "the server rendered nothing here")
        else:
            self.mismatch("missing text", v, "found %s" % _describe_host(self, node, typ))
        el = v.el = r.create_text(t)
        r.insert(parent, el, anchor)
        self.mounted += 1
        return v

    def raw_range(self, v, parent, cur, ns):
        """Raw HTML the server wrote between ``<!--{-->`` and ``<!--}-->``: adopt it when it
        is one node (as the DOM renderer makes it), else mount it afresh (a wrapper)."""
        doms = cur[0]
        j = cur[1]
        k = j + 1
        while k < len(doms) and not (self.ntype(doms[k]) == COMMENT and self.ntext(doms[k]) == _RAW_END):
            k += 1
        r = self.r
        if k == j + 2 and self.raw_fits(v.text, doms[j + 1], self.ntype(doms[j + 1])):
            v.el = doms[j + 1]
            self.adopted += 1
        else:
            if k == j + 2:
                self.mismatch("raw HTML", v, "found %s" % _describe_host(self, doms[j + 1], self.ntype(doms[j + 1])))
            v = self.p._mount(v, parent, doms[j], ns)
            self.mounted += 1
            for x in range(j + 1, min(k, len(doms))):
                r.remove(parent, doms[x])
        r.remove(parent, doms[j])
        if k < len(doms):
            r.remove(parent, doms[k])
        cur[1] = k + 1
        return v

    def raw_fits(self, html, node, typ):
        """Whether host ``node`` is what raw ``html`` parses to: the same markup (with the
        renderer's ``outer_html``, else an element of the tag it starts with) or the same
        text.  Markup written otherwise than a parser writes it back (``<br/>``, other
        quotes or case) does not compare equal: it is mounted afresh as a mismatch."""
        if html[:4] == "<!--":
            return typ == COMMENT
        if html[:1] == "<" and html[1:2].isalpha():
            if typ != ELEMENT:
                return False
            if self.outer is not None:
                return self.outer(node) == html
            name = self.nname(node)
            return html[1:1 + len(name)].lower() == name.lower() and html[1 + len(name):2 + len(name)] in (
                " ", ">", "/", "\t", "\n", "\r", "\f")
        return typ == TEXT_NODE and ("&" in html or self.ntext(node) == html)

    def mount(self, v, parent, anchor, ns, wrappers):
        """Mount ``v`` afresh before ``anchor`` (a static use from its template)."""
        p = self.p
        if wrappers is not None and wrappers[-1].tag == STATIC:
            w = p._mount(wrappers[-1], parent, anchor, ns)
            v.el = w.el
        else:
            v = p._mount(v, parent, anchor, ns)
        self.mounted += 1
        return v

    def drop(self, parent, cur, j):
        """Remove the host at ``cur[0][j]`` (with its whole range if it starts a fragment)."""
        doms = cur[0]
        node = doms[j]
        end = j
        if self.ntype(node) == COMMENT and self.ntext(node) == _START:
            end = _range_end(self, doms, j)
        for x in range(j, end + 1):
            self.r.remove(parent, doms[x])
            self.removed += 1
        cur[1] = end + 1

    def finish(self, f):
        """The VNodes of frame ``f`` are done: remove the hosts left over in its range."""
        kind = f[5]
        if kind == _BARE:
            return
        cur = f[3]
        doms = cur[0]
        parent = f[2]
        extra = 0
        first = None
        while cur[1] < len(doms):
            node = doms[cur[1]]
            typ = self.ntype(node)
            if kind == _MARKED and typ == COMMENT and self.ntext(node) == _END:
                self.r.remove(parent, node)  # the end marker: the start marker is enough
                cur[1] += 1
                break
            if typ == TEXT_NODE and not self.ntext(node).strip() or (
                    typ == COMMENT and self.ntext(node) == _SEP):
                self.r.remove(parent, node)
                cur[1] += 1
                continue
            if first is None:
                first = _describe_host(self, node, typ)
            extra += 1
            self.drop(parent, cur, cur[1])
        if extra:
            self.mismatch("extra nodes", f[6], "%d more than the VNodes (first: %s), removed" % (extra, first))

    # -- elements ---------------------------------------------------------------

    def content(self, v, el, tag, ens, stack):
        """Hydrate what is inside adopted element ``v``: its text content or children."""
        tx = v.text
        r = self.r
        if tx.__class__ is str:
            tc = self.tc
            if tc is not None:
                d = tc(el)  # the text when el holds no element (one or two reads, not five)
                if d == tx:
                    return
                if d is not None and "\n" + d == tx and ens is None and tag.lower() in _NEWLINE_DROPPED:
                    self.p._stc(el, tx)
                    return
            kids = self.kids(el)
            if not tx:
                if kids:
                    self.mismatch("text", v, "extra content, expected none")
                    r.clear(el)
                return
            if len(kids) == 1 and self.ntype(kids[0]) == TEXT_NODE:
                d = self.ntext(kids[0])
                if d == tx:
                    return
                if "\n" + d == tx and ens is None and tag.lower() in _NEWLINE_DROPPED:
                    self.p._stc(el, tx)
                    return
                self.mismatch("text", v, "%r, expected %r" % (_short(d), _short(tx)))
            else:
                self.mismatch("text", v, "%d child nodes, expected the text %r" % (len(kids), _short(tx)))
            self.p._stc(el, tx)
            return
        ch = v.children
        if not ch and tag == "textarea" and v.props and v.props.get("value") is not None:
            return  # its text is the default value (see props), not a child to remove
        if ch and len(ch) > 1 and ens is None and (tag.lower() in RAW_TEXT or tag.lower() in RCDATA):
            # Several text VNodes in one raw-text element, which has one text node.
            r.clear(el)
            p = self.p
            for j in range(len(ch)):
                ch[j] = p._mount(ch[j], el, None, ens)
                self.mounted += 1
            return
        stack.append([ch or (), 0, el, [self.kids(el), 0, el], child_ns(tag, ens), _ELEMENT, v, False])

    def props(self, v, el, ens):
        """Make adopted element ``el``'s attributes match ``v``'s props; attach listeners."""
        props = v.props
        dom = self.attrs(el)
        p = self.p
        r = self.r
        if props:
            kinds = _kinds
            for name in props:
                value = props[name]
                k = kinds.get(name)
                if k is None:
                    k = prop_kind(name)
                if k == ATTR:
                    x = attr_value(name, value)
                    d = dom.pop(name, None)
                    if d is None:
                        # Parsers lowercase HTML attribute names (and SVG ones they do not know).
                        d = dom.pop(name.lower(), None)
                    if x is None:
                        if d is not None:
                            self.mismatch("attribute", v, "%s=%r, expected none" % (name, _short(d)))
                            r.remove_attribute(el, name)
                        continue
                    if name == "value" and v.tag == "textarea":
                        # Its default value is its content (hydratable markup writes it there):
                        # when that matches, what the user typed before hydration stays.
                        t = self.tc(el) if self.tc is not None else None
                        if t is not None and (t == x or "\n" + t == x):
                            continue
                        if t and d is None:
                            self.mismatch("value", v, "%r, expected %r" % (_short(t), _short(x)))
                        r.set_attribute(el, name, x)
                        continue
                    if name == "value" and v.tag in _VALUE_PROPERTY:
                        self.selects.append([el, x, False])  # set after the walk unless marked
                        continue
                    if name in _STATE:
                        r.set_attribute(el, name, x)  # a DOM property only
                        continue
                    if d == x or (x is True and d == ""):
                        continue
                    self.mismatch("attribute", v, "%s=%r, expected %r" % (
                        name, None if d is None else _short(d), _short(x)))
                    r.set_attribute(el, name, x)
                elif k == CLASS:
                    d = dom.pop("class", None)
                    x = norm_class(value) if value.__class__ is not str else value
                    if (d or "") != (x or ""):
                        if _class_set(x) != _class_set(d or ""):
                            self.mismatch("class", v, "%r, expected %r" % (d, x))
                        # (else the same classes in another order: set silently, as a render would)
                        if not x:
                            r.remove_attribute(el, "class")
                        elif ens is None:
                            r.set_class(el, x)
                        else:
                            r.set_attribute(el, "class", x)
                elif k == STYLE:
                    d = dom.pop("style", None)
                    if _style_map(norm_style(value)) != _style_map(d):
                        self.mismatch("style", v, "%r, expected %r" % (d, value))
                        if d is not None:
                            r.remove_attribute(el, "style")
                        p._style(el, None, value)
                elif k == EVENT:
                    if value is not None:
                        p._listener(v, el, name, value)
            hook = props.get("hook")
            if hook:
                if hook.get("create") is not None:
                    self.hooks.append(v)
                if hook.get("insert") is not None:
                    p.inserted.append(v)
        for name in dom:
            if name == "selected" and v.tag == "option":
                # Hydratable markup marks the option its <select>'s value picks (selects do
                # not nest: the last one begun holds this option).
                sel = self.selects[-1] if self.selects else None
                if sel is not None and not sel[2] and option_value(v) == sel[1]:
                    sel[2] = True
                continue
            self.mismatch("attribute", v, "%s=%r, expected none" % (name, _short(dom[name])))
            r.remove_attribute(el, name)


class TreeReads:
    """Answers hydration's reads from one bulk read (``Renderer.read_tree``): ``nodes`` in
    document order and ``desc``, per node ``[1, name, child count, attr, value, ...]`` for
    an element or ``[type, data]``.  Keyed by ``id()``: ``nodes`` keeps them alive.  A node
    made since (the second half of a split text) is read through the renderer."""

    def __init__(self, r, container, nodes, desc):
        self.r = r
        self.nodes = nodes
        info = self.info = {}
        kids = self.kid_lists = {}
        top = []
        st = [[top, -1]]  # [list, children still to come] (-1: the container's, unbounded)
        for i in range(len(nodes)):
            c = nodes[i]
            d = desc[i]
            k = id(c)
            info[k] = d
            f = st[-1]
            f[0].append(c)
            f[1] -= 1
            while f[1] == 0:
                st.pop()
                f = st[-1]
            if d[0] == 1:
                lst = []
                kids[k] = lst
                if d[2]:
                    st.append([lst, d[2]])
        kids[id(container)] = top

    def kids(self, node):
        k = self.kid_lists.get(id(node))
        return list(k) if k is not None else self.r.child_nodes(node)

    def ntype(self, node):
        d = self.info.get(id(node))
        return d[0] if d is not None else self.r.node_type(node)

    def nname(self, el):
        d = self.info.get(id(el))
        return d[1] if d is not None else self.r.node_name(el)

    def ntext(self, node):
        d = self.info.get(id(node))
        return d[1] if d is not None else self.r.node_text(node)

    def attrs(self, el):
        d = self.info.get(id(el))
        if d is None:
            return self.r.attributes(el)
        out = {}
        for j in range(3, len(d), 2):
            out[d[j]] = d[j + 1]
        return out

    def text_content(self, el):
        parts = []
        for c in self.kids(el):
            d = self.info.get(id(c))
            if d is None:
                return None
            if d[0] == TEXT_NODE:
                parts.append(d[1])
            elif d[0] != COMMENT:
                return None
        return "".join(parts)


def check_reader(r):
    """Raise TypeError unless renderer ``r`` has the read methods hydration needs."""
    missing = [n for n in ("child_nodes", "node_type", "node_name", "node_text", "attributes")
               if getattr(r, n, None) is None]
    if missing:
        raise TypeError("hydrate() needs a renderer that can read host nodes; %s has no %s()" % (
            type(r).__name__, "(), ".join(missing)))


def hydrate(patcher, container, vnodes, ns, warn=None):
    """Adopt ``container``'s children for the list ``vnodes`` (see the module docs).

    Returns the counters: ``adopted`` host nodes, ``created`` (markers and
    split or empty texts markup cannot hold), ``mounted`` subtrees made
    afresh for mismatches, ``removed`` extra hosts, ``mismatches``.
    """
    memos = None
    if ns is None and getattr(patcher.r, "tree_match", False):
        # The markup matches exactly (the common case): one renderer call checks it all.
        from vdom.hydrate_fast import try_match

        rep, memos = try_match(patcher, container, vnodes)
        if rep is not None:
            return rep
    h = Hydration(patcher, warn)
    if memos:  # rendered by the attempt: the walk takes their children (no second call)
        h.prerendered = {}
        for k in range(0, len(memos), 2):
            h.prerendered[id(memos[k])] = 1
    h.run(container, vnodes, ns)
    # A <select>'s value is set only when its markup did not mark that option: else the
    # option the user chose before hydration stays (the replayed change reads it).
    for sel in h.selects:
        if not sel[2]:
            patcher.r.set_attribute(sel[0], "value", sel[1])
    # Create hooks after the walk (children first, as a mount runs them): user code that
    # changes the DOM cannot run while the walk reads it.
    hooks = h.hooks
    for j in range(len(hooks) - 1, -1, -1):
        v = hooks[j]
        patcher._hook(v, v.props["hook"]["create"])
    return h.report()


def _range_end(h, doms, j):
    """The index of the ``<!--]-->`` closing the fragment whose ``<!--[-->`` is ``doms[j]``."""
    depth = 0
    k = j
    while k < len(doms):
        node = doms[k]
        if h.ntype(node) == COMMENT:
            d = h.ntext(node)
            if d == _START:
                depth += 1
            elif d == _END:
                depth -= 1
                if depth == 0:
                    return k
        k += 1
    return len(doms) - 1


def _same_tag(name, tag):
    return name == tag or name.lower() == tag.lower()


def _class_set(s):
    if not s:
        return {}
    out = {}
    for c in s.split():
        out[c] = 1
    return out


def _style_map(value):
    """A style attribute or normalised style prop as ``{property: value}``, for comparing."""
    out = {}
    if not value:
        return out
    if value.__class__ is not str:
        for name, v in value:
            out[name] = v
        return out
    for part in value.split(";"):
        i = part.find(":")
        if i > 0:
            name = part[:i].strip()
            v = style_value(part[i + 1:].strip())
            if name and v is not None:
                out[name] = v
    return out


def _short(s):
    if s.__class__ is not str:
        return s
    return s if len(s) <= 40 else s[:37] + "..."


def _describe_host(h, node, typ):
    if typ == ELEMENT:
        return "<%s>" % h.nname(node)
    if typ == TEXT_NODE:
        return "the text %r" % _short(h.ntext(node))
    if typ == COMMENT:
        return "the comment <!--%s-->" % _short(h.ntext(node))
    return "a node of type %r" % (typ,)


def _where(v):
    if v is None:
        return "the container"
    tag = v.tag
    if tag == Fragment:
        return "a fragment" + ("" if v.key is None else " (key %r)" % (v.key,))
    if tag == TEXT:
        return "text %r" % _short(v.text)
    k = "" if v.key is None else " (key %r)" % (v.key,)
    return "<%s>%s" % (tag, k)
