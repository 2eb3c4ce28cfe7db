"""The reconciler: mounts, patches and unmounts VNode trees through a renderer.

Everything here is iterative (explicit stacks), because MicroPython's call
stack holds only a few dozen nested frames of this size.  Children lists
are diffed Vue 3 / Inferno style: sync the common prefix and suffix, then
match the middle by key (unkeyed nodes by slot), move only the nodes off a
longest increasing subsequence, walking right to left so that every anchor
is already in its final place.  Element pairs found in a list are patched
in place at once (props, text); their own children are diffed later from
the work stack, which is safe because every VNode's ``el`` (for a fragment
its start marker) is final as soon as its list has been diffed.
"""

from vdom.vnode import TEXT, Fragment, MEMO, RAW, STATIC, clone, as_vnode, text
from vdom.props import _kinds, prop_kind, event_type, attr_value, style_value, norm_class
from vdom.props import ATTR, KEY, CLASS, STYLE, EVENT
from vdom.renderer import Listener, Renderer
from vdom.lis import lis
from vdom.elements import SVG_NS, MATHML_NS, element_ns, child_ns as _child_ns

_EMPTY = {}
_GENERAL = {Fragment: 1, MEMO: 1, RAW: 1}  # children that need the general mount path


def _has_style(value):
    if not value:
        return False
    if isinstance(value, str):
        return True
    for p in value:
        if style_value(value[p]) is not None:
            return True
    return False


class Patcher:
    """Applies VNode changes to host nodes through one renderer.

    Counters of the last patch (``moves``, ``mounted``, ``unmounted``) are
    kept for tests and benchmarks: a move is one relocation of an already
    mounted child (a fragment counts once), mounted/unmounted count the
    top-level subtrees created and removed by list diffs.
    """

    def __init__(self, renderer):
        self.r = renderer
        # Optional protocol methods, with their fallbacks for duck-typed renderers.
        self._mv = getattr(renderer, "move", None) or renderer.insert
        self._release = getattr(renderer, "release_listener", None) or renderer.remove_listener
        self._clone = getattr(renderer, "clone", None)
        stc = getattr(renderer, "set_text_content", None)
        if stc is None:  # a renderer that does not subclass Renderer: its default, on this renderer
            def stc(el, text):
                Renderer.set_text_content(renderer, el, text)
        self._stc = stc
        self.stack = []
        self.inserted = []
        self.errors = []
        self.moves = 0
        self.mounted = 0
        self.unmounted = 0
        # Fault bookkeeping (see Root): the VNode being worked on when an exception
        # passed through (recorded once, by the innermost handler) and the top-level
        # hosts an unmount was detaching, which a failure there would orphan.
        self.fault = None
        self.detaching = None
        self.faults = []
        self.repairing = False
        self.limbo = []  # VNodes out of the trees while a call runs (a memo's replaced child)
        self.leftover = []  # (el, type, listener) / (parent, node, None) a rebuild could not let go of

    # -- entry points -------------------------------------------------------

    def begin(self):
        """Reset the per-patch counters and error list."""
        self.moves = 0
        self.mounted = 0
        self.unmounted = 0
        self.errors = []
        self.inserted = []
        self.stack = []
        self.fault = None
        self.detaching = None
        self.faults = []
        self.limbo = []
        self.leftover = []

    def patch_children(self, parent, old, new, anchor=None, ns=None, own=False):
        """Make the hosts of ``old`` (children of ``parent``) match ``new``.

        ``anchor`` is the host node that follows the list (None: the list
        ends ``parent``); ``own`` says the list is all of ``parent``'s
        children, which allows one ``clear`` instead of many removes.
        Runs the whole patch, including the insert hooks.
        """
        self._children(parent, old, new, anchor, ns, own)
        self._drain()
        self.flush_hooks()

    def update(self, memos):
        """Re-render each mounted memo of ``memos`` in place, as one patch (see ``rerender``)."""
        for m in memos:
            self.rerender(m)
        self._drain()
        self.flush_hooks()

    def mount(self, vnode, parent, anchor=None, ns=None):
        """Create the hosts of ``vnode`` and insert them before ``anchor``."""
        v = self._mount(vnode, parent, anchor, ns)
        self.mounted += 1
        return v

    def unmount(self, vnode, parent, detach=True):
        """Remove ``vnode``'s hosts (when ``detach``), run remove hooks, release listeners."""
        self.unmounted += 1
        self._unmount(vnode, parent, detach)

    def flush_hooks(self):
        """Run the insert hooks queued by mounts, children first."""
        q = self.inserted
        if q:
            self.inserted = []
            for v in q:
                try:
                    v.props["hook"]["insert"](v)
                except Exception as e:
                    self.errors.append((v, e))

    def _hook(self, v, f):
        """Call hook ``f(v)``; an exception is recorded (raised by the root after the patch)."""
        try:
            f(v)
        except Exception as e:
            self.errors.append((v, e))

    def _rebuild(self, parent, oc, nc, end, ns, own, mark, exc):
        """A call failed while the children ``oc`` -> ``nc`` of ``parent`` were patched.

        That list's hosts are now a mix of old and new: release and remove all of
        them, then mount ``nc`` afresh, so the patch can go on everywhere else
        (nodes outside this list keep their hosts).  The failure is kept in
        ``faults`` for the root to raise once the patch is done; if the rebuild
        fails too, the exception goes up to the root, which gives up the tree.
        """
        from vdom.salvage import rebuild_list

        self.repairing = True
        try:
            rebuild_list(self, parent, oc, nc, end, ns, own, mark, exc)
        finally:
            self.repairing = False

    def _note(self, v, op):
        # Called from the except clauses of the walks: the innermost one wins.
        if self.fault is None:
            self.fault = (v, op)

    # -- children -----------------------------------------------------------

    def _drain(self):
        st = self.stack
        children = self._children
        while st:
            if st.pop() == 0:
                ns = st.pop()
                b = st.pop()
                a = st.pop()
                children(b.el, a.children, b.children, None, ns, True)
            else:
                end = st.pop()
                nxt = st.pop()
                parent = st.pop()
                ns = st.pop()
                b = st.pop()
                a = st.pop()
                b.ev = None
                children(parent, a.children, b.children, end if nxt is None else nxt.el, ns, False)

    def _children(self, parent, oc, nc, end, ns, own):
        b = None
        mark = len(self.stack)
        try:
            ol = len(oc) if oc else 0
            nl = len(nc) if nc else 0
            if nl == 0:
                if ol:
                    if own:
                        for a in oc:
                            self.unmount(a, parent, False)
                        self.r.clear(parent)
                    else:
                        for a in oc:
                            self.unmount(a, parent, True)
                return
            if ol == 0:
                for j in range(nl):
                    nc[j] = self.mount(nc[j], parent, end, ns)
                return
            pair = self._pair
            i = 0
            e1 = ol - 1
            e2 = nl - 1
            # 1. common prefix
            while i <= e1 and i <= e2:
                a = oc[i]
                b = nc[i]
                if a.key != b.key or a.slot != b.slot or a.tag != b.tag:
                    break
                if b.el is not None and a is not b:
                    b = nc[i] = clone(b)  # a reused keyed node mounted elsewhere
                pair(a, b, parent, nc[i + 1] if i < e2 else None, end, ns)
                i += 1
            # 2. common suffix
            while i <= e1 and i <= e2:
                a = oc[e1]
                b = nc[e2]
                if a.key != b.key or a.slot != b.slot or a.tag != b.tag:
                    break
                if b.el is not None and a is not b:
                    b = nc[e2] = clone(b)
                pair(a, b, parent, nc[e2 + 1] if e2 + 1 < nl else None, end, ns)
                e1 -= 1
                e2 -= 1
            # 3. only additions
            if i > e1:
                if i <= e2:
                    anchor = nc[e2 + 1].el if e2 + 1 < nl else end
                    for j in range(i, e2 + 1):
                        nc[j] = self.mount(nc[j], parent, anchor, ns)
                return
            # 4. only removals
            if i > e2:
                for k in range(i, e1 + 1):
                    self.unmount(oc[k], parent, True)
                return
            # 5. unknown middle
            self._middle(parent, oc, nc, i, e1, e2, end, ns, own)
        except Exception as e:
            self._note(b, "patch")
            if self.repairing:
                raise
            self._rebuild(parent, oc, nc, end, ns, own, mark, e)

    def _middle(self, parent, oc, nc, s, e1, e2, end, ns, own):
        b = None
        try:
            nl = len(nc)
            keymap = None
            slotmap = None
            for j in range(s, e2 + 1):
                b = nc[j]
                if b.key is None:
                    if slotmap is None:
                        slotmap = {}
                    slotmap[b.slot] = j
                else:
                    if keymap is None:
                        keymap = {}
                    keymap[b.key] = j
            count = e2 - s + 1
            src = [-1] * count
            moved = False
            last = -1
            matched = 0
            gone = None
            pair = self._pair
            for k in range(s, e1 + 1):
                a = oc[k]
                if a.key is None:
                    j = slotmap.get(a.slot) if slotmap is not None else None
                else:
                    j = keymap.get(a.key) if keymap is not None else None
                if j is not None:
                    b = nc[j]
                    if b.tag == a.tag:
                        src[j - s] = k
                        if j < last:
                            moved = True
                        else:
                            last = j
                        matched += 1
                        if b.el is not None and a is not b:
                            b = nc[j] = clone(b)
                        pair(a, b, parent, nc[j + 1] if j + 1 < nl else None, end, ns)
                        continue
                if gone is None:
                    gone = []
                gone.append(a)
            if matched == 0 and own and s == 0 and e1 == len(oc) - 1 and e2 == nl - 1:
                # Nothing survives: one clear instead of a remove per child (Inferno's trick).
                for a in oc:
                    self.unmount(a, parent, False)
                self.r.clear(parent)
                for j in range(nl):
                    nc[j] = self.mount(nc[j], parent, None, ns)
                return
            if gone is not None:
                for a in gone:
                    self.unmount(a, parent, True)
            if moved:
                seq = lis(src)
                q = len(seq) - 1
            else:
                seq = None
                q = -1
            for t in range(count - 1, -1, -1):
                j = s + t
                anchor = nc[j + 1].el if j + 1 < nl else end
                if src[t] < 0:
                    nc[j] = self.mount(nc[j], parent, anchor, ns)
                elif moved:
                    if q >= 0 and seq[q] == t:
                        q -= 1
                    else:
                        self._move(nc[j], parent, anchor)
        except BaseException:
            self._note(b, "patch")
            raise

    # -- pairs --------------------------------------------------------------

    def _pair(self, a, b, parent, nxt, end, ns):
        """Patch ``a`` into ``b`` (same tag and key); children are queued.

        A chain of only children (``td > a > text``) is followed in this
        loop instead of going through the work stack: most leaves of real
        trees sit at the end of such chains.
        """
        while a is not b:
            tag = b.tag
            b.el = a.el
            if tag == TEXT:
                if a.text != b.text:
                    self.r.set_text(b.el, b.text)
                return
            if tag == MEMO:
                self._pair_memo(a, b, parent, nxt, end, ns)
                return
            if tag == Fragment:
                # Until its children are diffed, the fragment's hosts are still
                # those of ``a``: remember it so a move can find them.
                b.ev = a
                st = self.stack
                st.append(a)
                st.append(b)
                st.append(ns)
                st.append(parent)
                st.append(nxt)
                st.append(end)
                st.append(1)
                return
            if tag == RAW or tag == STATIC:
                if a.text != b.text or a.props is not b.props:
                    b.el = None
                    self.mount(b, parent, a.el, ns)
                    self.unmount(a, parent, True)
                return
            b.ev = a.ev
            if tag == "svg":
                ns = SVG_NS
            elif tag == "math":
                ns = MATHML_NS
            bp = b.props
            if a.props is not bp:
                self._props(b, a.props, bp, ns)
            if bp is not None and "hook" in bp:
                hook = bp["hook"]
                if hook:
                    f = hook.get("update")
                    if f is not None:
                        try:
                            f(a, b)
                        except Exception as e:  # user code: reported after the patch, as a memo's
                            self.errors.append((b, e))
            oc = a.children
            nc = b.children
            if not oc or not nc:
                at = a.text
                bt = b.text
                if at.__class__ is str or bt.__class__ is str:
                    self._content(a, b, at, bt, _child_ns(tag, ns))
                    return
                if not oc and not nc:
                    return
            if ns is not None and tag == "foreignObject" and ns == SVG_NS:
                ns = None
            if len(oc) == 1 and len(nc) == 1:
                x = oc[0]
                y = nc[0]
                if x.key == y.key and x.slot == y.slot and x.tag == y.tag:
                    if y.el is not None and x is not y:
                        y = nc[0] = clone(y)
                    parent = b.el
                    nxt = None
                    end = None
                    a = x
                    b = y
                    continue
            st = self.stack
            st.append(a)
            st.append(b)
            st.append(ns)
            st.append(0)
            return

    def rerender(self, v):
        """Re-render the mounted memo ``v`` in place with its current ``fn`` and ``args``.

        Used for a component whose own state changed: nothing outside ``v``
        is visited.  A memo that rendered a fragment and renders a fragment
        again is replaced (its nodes are recreated), because patching a
        fragment in place needs the host that follows it.
        """
        ch = v.children
        if v.el is None or ch is None:
            raise ValueError("update(): %r is not mounted" % (v,))
        self._memo_call(v, ch, v.el, v.parent, None, None, v.ev, ch[0].tag == Fragment)

    def _pair_memo(self, a, b, parent, nxt, end, ns):
        b.parent = parent
        b.ev = ns  # a memo keeps its host parent's namespace in ev
        if a.args == b.args and a.fn == b.fn and not a.failed:
            b.children = a.children
            b.el = a.el
            return
        self._memo_call(b, a.children, a.el, parent, nxt, end, ns, False)

    def _memo_call(self, b, old_children, old_el, parent, nxt, end, ns, replace):
        """Call memo ``b``'s function and patch (or, with ``replace``, swap) what it rendered."""
        old = old_children[0]
        try:
            res = b.fn(*b.args)
            b.failed = False
            if res is old:
                b.children = old_children
                b.el = old_el
                return
            new = as_vnode(res, "memo")
            if new.el is not None and new is not old:
                new = clone(new)
        except Exception as e:
            self.errors.append((b, e))
            b.children = old_children
            b.el = old_el
            b.failed = True
            return
        if not replace and new.key == old.key and new.tag == old.tag and new.slot == old.slot:
            self._pair(old, new, parent, nxt, end, ns)
            b.children = [new]
            b.el = new.el
        else:
            self.limbo.append(old)  # reachable while it is being replaced, if a call fails
            b.children = [new]
            new = self._mount(new, parent, old.el, ns)
            b.children = [new]
            b.el = new.el
            self._unmount(old, parent, True)
            self.limbo.pop()

    def _memo_child(self, v, parent, ns):
        """Render memo ``v`` for mounting under ``parent``: its one child, not mounted yet."""
        v.parent = parent
        v.ev = ns
        c = self._render_memo(v)
        if c.el is not None:
            c = clone(c)
        v.children = [c]
        return c

    def _render_memo(self, v):
        try:
            return as_vnode(v.fn(*v.args), "memo")
        except Exception as e:
            self.errors.append((v, e))
            v.failed = True
            t = text("")
            t.slot = 0
            return t

    # -- props --------------------------------------------------------------

    def _set_props(self, v, el, props, ens):
        r = self.r
        kinds = _kinds
        for name in props:
            value = props[name]
            k = kinds.get(name)
            if k is None:
                k = prop_kind(name)
            if k == CLASS:
                if value.__class__ is not str:
                    value = norm_class(value)
                if value:
                    if ens is None:
                        r.set_class(el, value)
                    else:
                        r.set_attribute(el, "class", value)
            elif k == ATTR:
                if value.__class__ is not str:
                    value = attr_value(name, value)
                    if value is None:
                        continue
                r.set_attribute(el, name, value)
            elif k == KEY:
                continue
            elif k == EVENT:
                if value is not None:
                    t = event_type(name)
                    lst = Listener(value, t)
                    ev = v.ev
                    if ev is None:
                        ev = v.ev = {}
                    ev[t] = lst
                    r.add_listener(el, t, lst)
            elif k == STYLE:
                self._style(el, None, value)

    def _props(self, v, op, np, ens):
        r = self.r
        el = v.el
        kinds = _kinds
        if op is None:
            op = _EMPTY
        if np is None:
            np = _EMPTY
        for name in np:
            nv = np[name]
            ov = op.get(name)
            if ov is nv:
                continue
            k = kinds.get(name)
            if k is None:
                k = prop_kind(name)
            if k == ATTR:
                x = attr_value(name, nv)
                y = None if ov is None else attr_value(name, ov)
                if x != y:
                    if x is None:
                        r.remove_attribute(el, name)
                    else:
                        r.set_attribute(el, name, x)
            elif k == CLASS:
                if nv is not None and nv.__class__ is not str:
                    nv = norm_class(nv)
                if ov is not None and ov.__class__ is not str:
                    ov = norm_class(ov)
                if nv != ov and (nv or ov):
                    if nv:
                        if ens is None:
                            r.set_class(el, nv)
                        else:
                            r.set_attribute(el, "class", nv)
                    else:
                        r.remove_attribute(el, "class")
            elif k == EVENT:
                self._listener(v, el, name, nv)
            elif k == STYLE:
                self._style(el, ov, nv)
        for name in op:
            if name in np:
                continue
            ov = op[name]
            if ov is None:
                continue
            k = kinds.get(name)
            if k is None:
                k = prop_kind(name)
            if k == ATTR:
                if attr_value(name, ov) is not None:
                    r.remove_attribute(el, name)
            elif k == CLASS:
                if ov.__class__ is not str:
                    ov = norm_class(ov)
                if ov:
                    r.remove_attribute(el, "class")
            elif k == EVENT:
                self._listener(v, el, name, None)
            elif k == STYLE:
                self._style(el, ov, None)

    def _listener(self, v, el, name, handler):
        t = event_type(name)
        ev = v.ev
        lst = ev.get(t) if ev is not None else None
        if handler is None:
            if lst is not None:
                self.r.remove_listener(el, t, lst)
                del ev[t]
        elif lst is not None:
            lst.handler = handler
        else:
            lst = Listener(handler, t)
            if ev is None:
                ev = v.ev = {}
            ev[t] = lst
            self.r.add_listener(el, t, lst)

    def _style(self, el, ov, nv):
        if ov == nv:
            return
        r = self.r
        if nv is None or nv is False or isinstance(nv, str):
            if nv:
                r.set_attribute(el, "style", nv)
            elif _has_style(ov):
                r.remove_attribute(el, "style")
            return
        if ov is None or ov is False or isinstance(ov, str):
            if ov:
                r.remove_attribute(el, "style")
            ov = _EMPTY
        for p in nv:
            x = style_value(nv[p])
            y = style_value(ov.get(p))
            if x != y:
                if x is None:
                    r.remove_style(el, p)
                else:
                    r.set_style(el, p, x)
        for p in ov:
            if p not in nv and style_value(ov[p]) is not None:
                r.remove_style(el, p)

    # -- mount, move, unmount -----------------------------------------------

    def _mount(self, v, parent, anchor, ns):
        """Build ``v``'s host subtree, then insert it before ``anchor``.

        Descendants are appended to their (still detached) parents as they
        are created; the top node goes in last, so the live tree changes
        once.  Returns the VNode mounted (a copy if ``v`` was mounted already).

        Work items on the stack are five values (vnode, parent, anchor, ns,
        kind): 0 mount and append, 1 mount the top and insert it last,
        2 post-order step (create hook, insert, insert hook), 3 set a memo's
        host, 5 create the children of an element already built.  Text
        children and plain elements are created inline by kind 5, without a
        stack round trip; the rest of a list goes through the stack as soon
        as a child needs the general path (fragment, memo, raw, hook).
        """
        if v.el is not None:
            v = clone(v)
        top = v
        r = self.r
        if v.tag == MEMO:
            # A memo at the top (a row of a list): render it here instead of
            # through two stack entries; what it rendered is mounted directly
            # unless it is a memo or fragment itself (then the stack handles it).
            c = self._memo_child(v, parent, ns)
            t = c.tag
            if t != MEMO and t != Fragment:
                self._mount(c, parent, anchor, ns)  # c is no memo: at most one nested call
                v.el = c.el
                return v
            st = [v, None, None, None, 3, c, parent, anchor, ns, 1]
        else:
            st = [v, parent, anchor, ns, 1]
        c = None
        kind = 1
        try:
            while st:
                kind = st.pop()
                ns = st.pop()
                anchor = st.pop()
                parent = st.pop()
                v = st.pop()
                if kind == 5:
                    el = v.el
                    ch = v.children
                    n = len(ch)
                    for i in range(n):
                        c = ch[i]
                        if c.el is not None:
                            c = ch[i] = clone(c)
                        t = c.tag
                        if t == TEXT:
                            ce = c.el = r.create_text(c.text)
                            r.insert(el, ce, None)
                            continue
                        if t == STATIC:
                            ce = c.el = self._static(c, ns)
                            r.insert(el, ce, None)
                            continue
                        props = c.props
                        if t in _GENERAL or (props is not None and "hook" in props):
                            _push_mounts(st, ch, i, el, None, ns, 0)
                            break
                        if t == "svg":
                            ens = SVG_NS
                        elif t == "math":
                            ens = MATHML_NS
                        else:
                            ens = ns
                        if ens is None:
                            ce = r.create_element(t)
                        else:
                            ce = r.create_element_ns(ens, t)
                        c.el = ce
                        if props is not None:
                            self._set_props(c, ce, props, ens)
                        tx = c.text
                        if tx.__class__ is str and tx:
                            self._stc(ce, tx)
                        r.insert(el, ce, None)
                        if c.children:
                            st.append(c)
                            st.append(None)
                            st.append(None)
                            st.append(None if (ens is not None and t == "foreignObject" and ens == SVG_NS) else ens)
                            st.append(5)
                    continue
                if kind == 2:
                    props = v.props
                    hook = props.get("hook") if props is not None else None
                    if hook:
                        f = hook.get("create")
                        if f is not None:
                            self._hook(v, f)
                    if parent is None:  # a detached build (a static template)
                        continue
                    r.insert(parent, v.el, anchor)
                    if hook and hook.get("insert") is not None:
                        self.inserted.append(v)
                    continue
                if kind == 3:
                    v.el = v.children[0].el
                    continue
                tag = v.tag
                if tag == TEXT:
                    el = v.el = r.create_text(v.text)
                    r.insert(parent, el, anchor)
                    continue
                if tag == Fragment:
                    el = v.el = r.create_text("")
                    r.insert(parent, el, anchor)
                    if v.children:
                        _push_mounts(st, v.children, 0, parent, anchor, ns, kind)
                    continue
                if tag == MEMO:
                    c = self._memo_child(v, parent, ns)
                    st.append(v)
                    st.append(None)
                    st.append(None)
                    st.append(None)
                    st.append(3)
                    st.append(c)
                    st.append(parent)
                    st.append(anchor)
                    st.append(ns)
                    st.append(kind)
                    continue
                if tag == RAW:
                    el = v.el = r.create_raw(v.text)
                    r.insert(parent, el, anchor)
                    continue
                if tag == STATIC:
                    el = v.el = self._static(v, ns)
                    r.insert(parent, el, anchor)
                    continue
                ens = element_ns(tag, ns)
                if ens is None:
                    el = r.create_element(tag)
                else:
                    el = r.create_element_ns(ens, tag)
                v.el = el
                props = v.props
                if props is not None:
                    self._set_props(v, el, props, ens)
                tx = v.text
                if tx.__class__ is str and tx:
                    self._stc(el, tx)
                if kind == 1 or (props is not None and props.get("hook")):
                    st.append(v)
                    st.append(parent)
                    st.append(anchor)
                    st.append(ns)
                    st.append(2)
                else:
                    r.insert(parent, el, None)
                if v.children:
                    st.append(v)
                    st.append(None)
                    st.append(None)
                    st.append(_child_ns(tag, ens))
                    st.append(5)
        except BaseException:
            self._note(c if kind == 5 else v, "mount")
            self.limbo.append(top)  # may be a copy nobody else points at: cleanup must see it
            raise
        return top

    def _content(self, a, b, at, bt, ns):
        """Patch element ``a`` into ``b`` when either has text content (see ``VNode.text``)."""
        el = b.el
        if bt.__class__ is str:
            if at.__class__ is str:
                if at != bt:
                    self._stc(el, bt)
                return
            oc = a.children
            if oc:
                for c in oc:
                    self.unmount(c, el, False)
                self._stc(el, bt)  # replaces the old children too
            elif bt:
                self._stc(el, bt)
            return
        # Text content -> children (or none).
        if at:
            self.r.clear(el)
        nc = b.children
        for j in range(len(nc)):
            nc[j] = self.mount(nc[j], el, None, ns)

    def _static(self, v, ns):
        """A new host subtree for the ``STATIC`` node ``v``: a clone of its template.

        The template is built once per renderer (the last 8) and namespace, detached,
        through the ordinary create calls; renderers without ``clone``
        build a fresh subtree every time instead.
        """
        s = v.props
        cl = self._clone
        if cl is None:
            return self._detached(s.node, ns)
        hosts = s.hosts
        if hosts is None:
            hosts = s.hosts = {}
        per = hosts.get(self.r)
        if per is None:
            if len(hosts) >= 8:  # many short-lived renderers (tests): forget the old ones
                hosts.clear()
            per = hosts[self.r] = {}
        tpl = per.get(ns)
        if tpl is None:
            tpl = per[ns] = self._detached(s.node, ns)
        return cl(tpl)

    def _detached(self, node, ns):
        """The host subtree of a copy of ``node``, built and left detached."""
        c = clone(node)
        self._mount(c, None, None, ns)
        return c.el

    def _move(self, v, parent, anchor):
        self.moves += 1
        t = v.tag
        if t == Fragment or t == MEMO:
            mv = self._mv
            for node in hosts(v):
                mv(parent, node, anchor)
        else:
            self._mv(parent, v.el, anchor)

    def _unmount(self, v, parent, detach):
        """Run remove hooks and release listeners in the whole subtree, then detach.

        Hooks all run while every node is still attached; only the
        top-level hosts are detached (descendants leave with them).  Subtrees
        without a listener, hook or memo (``vnode.text`` not True, see
        VNode) are not walked.
        """
        r = self.r
        if v.text is not True:
            # No listener, hook or memo below: nothing to visit, only detach.
            if detach:
                if v.tag == Fragment:
                    for node in hosts(v):
                        r.remove(parent, node)
                else:
                    r.remove(parent, v.el)
            v.el = None
            return
        x = v
        try:
            tops = [] if detach else None
            self.detaching = tops  # hosts whose VNodes are cleared: a failure before they go would orphan them
            st = [v, detach]
            while st:
                top = st.pop()
                x = st.pop()
                if x.text is not True:
                    if top:
                        if x.tag == Fragment:
                            tops.extend(hosts(x))
                        else:
                            tops.append(x.el)
                    x.el = None
                    continue
                t = x.tag
                if t == TEXT or t == RAW:
                    if top:
                        tops.append(x.el)
                    x.el = None
                    continue
                if t == MEMO:
                    ch = x.children
                    if ch:
                        st.append(ch[0])
                        st.append(top)
                    x.el = None
                    continue
                props = x.props
                if props is not None:
                    hook = props.get("hook")
                    if hook:
                        f = hook.get("remove")
                        if f is not None:
                            self._hook(x, f)
                if top:
                    tops.append(x.el)
                if t == Fragment:
                    for c in x.children:
                        st.append(c)
                        st.append(top)
                else:
                    ev = x.ev
                    if ev:
                        el = x.el
                        release = self._release
                        for typ in ev:
                            release(el, typ, ev[typ])
                        x.ev = None
                    ch = x.children
                    if ch:
                        for c in ch:
                            st.append(c)
                            st.append(False)
                x.el = None
            if tops:
                for node in tops:
                    r.remove(parent, node)
            self.detaching = None
        except BaseException:
            self._note(x, "unmount")
            raise


def _push_mounts(st, ch, start, parent, anchor, ns, kind):
    """Queue ``ch[start:]`` for mounting, in order (pushed last to first).

    A child that is mounted already (a VNode reused by a render function)
    is replaced by a copy in ``ch``.
    """
    for i in range(len(ch) - 1, start - 1, -1):
        c = ch[i]
        if c.el is not None:
            c = ch[i] = clone(c)
        st.append(c)
        st.append(parent)
        st.append(anchor)
        st.append(ns)
        st.append(kind)


def hosts(vnode):
    """The top-level host nodes of a mounted VNode, in document order."""
    out = []
    st = [vnode]
    while st:
        x = st.pop()
        t = x.tag
        if t == MEMO:
            st.append(x.children[0])
        elif t == Fragment:
            out.append(x.el)
            # x.ev holds the old fragment while x's children await their diff.
            ch = (x if x.ev is None else x.ev).children
            for i in range(len(ch) - 1, -1, -1):
                st.append(ch[i])
        else:
            out.append(x.el)
    return out
