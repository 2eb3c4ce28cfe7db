"""What a root does when a patch fails half-way (see ``vdom.PatchError``).

A renderer call, a hook or anything else can raise in the middle of a
patch; the host tree is then neither the old tree nor the new one, and the
VNodes no longer say which host is where.  Rather than guess, the root
gives up that tree cleanly: ``salvage`` runs the remove hooks, releases
every listener of the old and the new tree (each once), and removes every
host node the root may have put into its container; the root then starts
from an empty container.  Nothing here is on the normal path: it runs only
after a failure, so it favours certainty over speed.  Every cleanup call is
guarded, so a renderer that keeps failing cannot stop the rest.
"""

from vdom.vnode import VNode, MEMO, Fragment, TEXT, RAW, STATIC

_LEAVES = {TEXT: 1, RAW: 1, STATIC: 1}


def rebuild_list(patcher, parent, oc, nc, end, ns, own, mark, exc):
    """Rebuild the children list ``oc`` -> ``nc`` of ``parent`` after a failed call (see
    ``Patcher._rebuild``): release and remove everything of both, mount ``nc`` afresh."""
    fault = patcher.fault
    patcher.fault = None
    node = fault[0] if fault is not None else None
    op = operation_of(exc) or (fault[1] if fault is not None else None)
    patcher.faults.append((node, op, exc))
    del patcher.stack[mark:]  # children diffs queued by this list: those subtrees are rebuilt whole
    oc, tops = _doomed(patcher, oc, nc)
    seen = {}
    _release_all(patcher, oc, nc, seen, patcher.leftover)
    q = patcher.inserted
    if q:
        patcher.inserted = [v for v in q if id(v) not in seen]
    if own:  # the list is all of parent's children (hosts an unmount had let go of included)
        patcher.r.clear(parent)
    else:
        _detach(patcher.r, parent, tops, patcher.leftover)  # retried before the next patch, as salvage's
    if nc:
        for j in range(len(nc)):
            nc[j] = patcher.mount(nc[j], parent, end, ns)


def _doomed(patcher, old, new):
    """``old`` plus the VNodes the failed call had taken out of the trees, and every host
    node ``old`` and ``new`` may have put directly into their parent (those an unmount was
    detaching included)."""
    limbo = patcher.limbo
    if limbo:
        patcher.limbo = []
        old = list(old) if old else []
        old.extend(limbo)
    tops = []
    for lst in (old, new):
        if lst:
            for v in lst:
                _tops(v, tops)
    if patcher.detaching:
        tops.extend(patcher.detaching)
        patcher.detaching = None
    return old, tops


def _detach(r, parent, tops, leftover=None):
    done = {}
    for node in tops:
        k = id(node)
        if k in done:
            continue
        done[k] = 1
        try:
            r.remove(parent, node)
        except Exception:
            # Not (or no longer) attached there, or the renderer is failing: the root tries
            # once more before its next patch (see retry_leftovers).
            if leftover is not None:
                leftover.append((parent, node, None))


def salvage(patcher, container, old, new):
    """Release and detach everything of ``old`` and ``new`` (top-level VNode lists).

    Returns how many remove hooks and listener releases raised (removals
    of nodes that are not attached any more are expected to fail and are
    not counted).
    """
    old, tops = _doomed(patcher, old, new)
    leftover = []
    problems = _release_all(patcher, old, new, {}, leftover)
    _detach(patcher.r, container, tops, leftover)
    patcher.stack = []
    patcher.inserted = []
    return problems, leftover


def retry_leftovers(patcher, leftover):
    """Remove the hosts and release the listeners a salvage could not; once, quietly."""
    r = patcher.r
    release = patcher._release
    for parent, x, lst in leftover:
        try:
            if lst is None:
                r.remove(parent, x)
            else:
                release(parent, x, lst)  # (el, type, listener)
        except Exception:
            pass


def _tops(v, out):
    """Append the host nodes ``v`` may have put directly into its parent."""
    st = [v]
    while st:
        x = st.pop()
        if x is None or not isinstance(x, VNode):
            continue
        t = x.tag
        if t == MEMO:
            if x.children:
                st.extend(x.children)
        elif t == Fragment:
            if x.el is not None:
                out.append(x.el)
            if x.children:
                st.extend(x.children)
            if isinstance(x.ev, VNode):  # the old fragment, while the new one's children await their diff
                st.append(x.ev)
        elif x.el is not None:
            out.append(x.el)


def _release_all(patcher, old, new, seen, leftover=None):
    release = patcher._release
    problems = 0
    st = []
    if old:
        st.extend(old)
    if new:
        st.extend(new)
    while st:
        x = st.pop()
        if x is None or not isinstance(x, VNode):
            continue
        k = id(x)
        if k in seen:
            continue
        seen[k] = 1
        t = x.tag
        ch = x.children
        if t == MEMO:
            if ch:
                st.extend(ch)
            x.el = None
            continue
        if t == Fragment:
            if ch:
                st.extend(ch)
            if isinstance(x.ev, VNode):
                st.append(x.ev)
            x.ev = None
            x.el = None
            continue
        if t in _LEAVES:
            x.el = None
            continue
        el = x.el
        props = x.props
        hook = props.get("hook") if props else None
        if hook and el is not None and id(el) not in seen:
            seen[id(el)] = 1
            f = hook.get("remove")
            if f is not None:
                try:
                    f(x)
                except Exception:
                    problems += 1
        ev = x.ev
        if ev:
            for typ in list(ev):
                lst = ev[typ]
                if id(lst) in seen:
                    continue
                seen[id(lst)] = 1
                try:
                    release(el, typ, lst)
                except Exception:
                    problems += 1
                    if leftover is not None:
                        leftover.append((el, typ, lst))
            ev.clear()  # shared by the old and the new VNode of a patched element
        x.ev = None
        if ch:
            st.extend(ch)
        x.el = None
    return problems


def mark_failed_memos(children, errors):
    """Mark every memo enclosing a failed one as failed, so the next patch re-renders it.

    Without this, an outer memo whose arguments did not change is skipped
    whole, and the inner memo that raised is never called again.
    """
    failed = {}
    for v, e in errors:
        failed[id(v)] = 1
    up = {}  # id(memo) -> nearest enclosing memo
    found = []
    st = []
    outer = []
    for c in children:
        st.append(c)
        outer.append(None)
    while st:
        x = st.pop()
        m = outer.pop()
        if x is None or not isinstance(x, VNode):
            continue
        if x.tag == MEMO:
            up[id(x)] = m
            if id(x) in failed:
                found.append(x)
            m = x
        ch = x.children
        if ch:
            for c in ch:
                st.append(c)
                outer.append(m)
    for x in found:
        m = up.get(id(x))
        while m is not None:
            m.failed = True
            m = up.get(id(m))


def operation_of(exc):
    """The name of the function the core called when ``exc`` was raised (a renderer
    method, a hook), read from its traceback; None when it cannot be told."""
    try:
        text = _traceback_text(exc)
    except Exception:
        return None
    frames = []
    for line in text.split("\n"):
        line = line.strip()
        if not line.startswith("File "):
            continue
        q = line.find('"', 6)
        i = line.rfind(", in ")
        frames.append((line[6:q] if q > 6 else "", line[i + 5:] if i >= 0 else "?"))
    last = -1
    for i in range(len(frames)):
        f = frames[i][0]
        if "reconcile" in f or "vdom/root" in f or "vdom\\root" in f:
            last = i
    if 0 <= last < len(frames) - 1:
        name = frames[last + 1][1]
        if name.startswith("_") and name.endswith("_g"):  # a renderer's guarded variant of NAME
            name = name[1:-2]
        return name
    return None


def _traceback_text(exc):
    import sys

    pe = getattr(sys, "print_exception", None)
    if pe is not None:  # MicroPython
        import io

        buf = io.StringIO()
        pe(exc, buf)
        return buf.getvalue()
    import traceback

    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
