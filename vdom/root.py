"""Roots: a container whose content one VNode tree controls."""

from vdom.vnode import VNode, normalize_children, clone, MEMO, Fragment
from vdom.reconcile import Patcher
from vdom.errors import RenderError, PatchError


class Root:
    """Renders VNodes into ``container`` and patches it on every ``render``.

    The root owns only the nodes it inserted: other children of the
    container are left alone and stay before what the root renders.
    """

    def __init__(self, renderer, container, namespace=None):
        self.renderer = renderer
        self.container = container
        self.namespace = namespace
        self.vnode = None
        self.children = []
        self.patcher = Patcher(renderer)
        self.busy = False
        self.leftover = None  # hosts and listeners a failed cleanup could not let go of
        self.hydration = None  # the counters of hydrate()

    def _enter(self, what):
        if self.busy:
            raise RuntimeError(
                "%s() called on a root while it is patching (from a hook or a render function): "
                "render after the patch returns instead" % what)
        self.busy = True
        if self.leftover:
            from vdom.salvage import retry_leftovers

            left = self.leftover
            self.leftover = None
            retry_leftovers(self.patcher, left)

    def render(self, node):
        """Patch the container's content to match ``node``.

        ``node`` is a VNode, a string or number, None (render nothing) or a
        list of these.  Rendering the very VNode rendered last makes no
        renderer call at all.  Invalid input raises before anything
        changes.  If a memo's render function raises, the rest of the tree
        is still patched, the failing part keeps its previous content, and
        ``RenderError`` is raised afterwards.
        """
        if node is self.vnode and node is not None and isinstance(node, VNode):
            return
        new = normalize_children((node,), "root")
        self._enter("render")
        p = self.patcher
        p.begin()
        try:
            p.patch_children(self.container, self.children, new, None, self.namespace, False)
        except BaseException as e:
            self._failed(e, self.children, new, node)
        self.busy = False
        self.children = new
        self.vnode = node
        self._raise_errors()

    def hydrate(self, node, warn=None):
        """Adopt the container's server-rendered children for ``node`` instead of creating them.

        The container holds markup for ``node`` (best: ``render_to_string(node,
        hydratable=True)``); the root walks it in step with the VNode tree and
        makes each VNode own the host node standing where it would have created
        one, attaching only listeners and element state the DOM keeps as
        properties.  Afterwards the root is as if ``render(node)`` had mounted
        it, and renders patch.  Mismatches are repaired, never raised: each is
        counted and, with ``warn`` (a callable taking a message), described
        once.  The root takes over every child of the container.  Returns (and
        keeps as ``root.hydration``) the counters of ``vdom.hydrate.hydrate``.
        The renderer needs the read methods of the protocol (``child_nodes``...).
        """
        from vdom.hydrate import hydrate, check_reader

        check_reader(self.renderer)
        new = normalize_children((node,), "root")
        self._enter("hydrate")
        if self.children:
            self.busy = False
            raise RuntimeError("hydrate() on a root that has rendered already: call it once, first")

        p = self.patcher
        p.begin()
        try:
            self.hydration = hydrate(p, self.container, new, self.namespace, warn)
            p.flush_hooks()
        except BaseException as e:
            self._hydrate_failed(e, new, node)
        self.busy = False
        self.children = new
        self.vnode = node
        self._raise_errors()
        return self.hydration

    def _hydrate_failed(self, e, new, node):
        """A renderer call failed while hydrating: release what was attached and remove what
        was adopted (``salvage``: every call tried, failures kept for a retry), empty the
        container of the server's rest, then mount copies of ``node`` afresh (``_failed``,
        which raises PatchError), so the root stays usable."""
        from vdom.salvage import salvage

        p = self.patcher
        left = salvage(p, self.container, new, ())[1]
        try:
            self.renderer.clear(self.container)
        except Exception:
            pass
        p.leftover.extend(left)
        self.hydration = None
        # Mount copies: the VNodes of ``node`` hold state of the half-done hydration.
        fresh = [clone(v) for v in normalize_children((node,), "root")]
        self._failed(e, (), fresh, node)

    def update(self, *memo_vnodes):
        """Re-render mounted ``memo`` nodes in place, without touching the rest.

        For frameworks: a component is a memo, and when only its own state
        changes it calls its function again (with ``memo_vnode.args``, which
        the caller may replace first) and patches just its subtree.  Pass
        several memos to update them in one patch.  If a memo renders
        another memo, update the outer one.  Errors behave as in ``render``.
        """
        self._enter("update")
        p = self.patcher
        p.begin()
        try:
            p.update(memo_vnodes)
        except ValueError as e:
            if p.fault is not None:
                self._failed(e, self.children, self.children, self.vnode)
            self.busy = False
            raise  # update() of a memo that is not mounted: nothing was touched
        except BaseException as e:
            self._failed(e, self.children, self.children, self.vnode)
        self.busy = False
        self._raise_errors()

    def _failed(self, e, old, new, vnode):
        """A failure the patch could not repair where it happened (see ``PatchError``).

        Gives up both trees (every listener released, every host removed), then
        mounts ``new`` afresh; if even that fails, the container is left empty
        and the next render mounts afresh.  Raises ``PatchError``.
        """
        from vdom.salvage import salvage, operation_of  # only after a failure

        p = self.patcher
        if p.faults and isinstance(e, Exception):  # a list rebuild failed too: report the first failure
            node, op, e = p.faults[0]
        else:
            fault = p.fault
            node = fault[0] if fault is not None else None
            op = operation_of(e) or (fault[1] if fault is not None else None)
        problems, left = salvage(p, self.container, old, new)
        self.leftover = p.leftover + left
        self.children = []
        self.vnode = None
        shown = False
        if isinstance(e, Exception) and new:
            p.begin()
            p.repairing = True
            try:
                for j in range(len(new)):
                    new[j] = p.mount(new[j], self.container, None, self.namespace)
                p.flush_hooks()
                self.children = new
                self.vnode = vnode
                shown = True
            except Exception:
                more = salvage(p, self.container, (), new)[1]
                self.leftover.extend(more)
            p.repairing = False
        self.busy = False
        msg = _fault_message(op, node, e, "the root rebuilt its whole tree" if shown else
                             "the root removed what it had rendered and the next render mounts afresh")
        if problems:
            msg += " (%d cleanup calls failed too)" % problems
        if not isinstance(e, Exception):
            raise e  # KeyboardInterrupt, SystemExit: cleaned up, passed on as they are
        raise PatchError(msg, e, node, op, shown)

    def _raise_errors(self):
        p = self.patcher
        if p.leftover:
            self.leftover = (self.leftover or []) + p.leftover
        faults = p.faults
        if faults:
            node, op, e = faults[0]
            msg = _fault_message(op, node, e, "that children list was rebuilt and the patch completed")
            if len(faults) > 1:
                msg += " (%d failures: .faults)" % len(faults)
            err = PatchError(msg, e, node, op, True)
            err.faults = faults
            raise err
        errors = p.errors
        if errors:
            # An enclosing memo skipped next time would never retry a failed one: mark the path.
            from vdom.salvage import mark_failed_memos

            mark_failed_memos(self.children, errors)
            v, e = errors[0]
            if v.tag == MEMO:
                fn = getattr(v, "fn", None)
                msg = "memo render function %s (key %r) raised %s: %s; it keeps its previous content" % (
                    getattr(fn, "__name__", repr(fn)), v.key, type(e).__name__, e)
            else:
                msg = "a hook of %s raised %s: %s; the patch completed" % (_describe(v), type(e).__name__, e)
            if len(errors) > 1:
                msg += " (%d errors in all: .errors)" % len(errors)
            raise RenderError(msg, e, errors)

    def unmount(self):
        """Remove everything this root rendered and release its listeners.

        Runs to the end even when a renderer call or a remove hook raises:
        every listener is released and every host node the root inserted is
        removed, then the first error is raised as ``PatchError``.
        """
        self._enter("unmount")
        p = self.patcher
        p.begin()
        try:
            for v in self.children:
                p.unmount(v, self.container, True)
        except BaseException as e:
            self._failed(e, self.children, (), None)
        self.children = []
        self.vnode = None
        self.busy = False
        self._raise_errors()  # remove hooks that raised (everything was released and removed)

    @property
    def stats(self):
        """Counters of the last render: moves, mounted and unmounted subtrees."""
        p = self.patcher
        return {"moves": p.moves, "mounted": p.mounted, "unmounted": p.unmounted}


def create_root(renderer, container, namespace=None):
    """Return a ``Root`` that renders into ``container`` through ``renderer``.

    ``namespace`` is the namespace of the container's children when it is
    an SVG or MathML element (``vdom.SVG_NS``/``vdom.MATHML_NS``).
    """
    return Root(renderer, container, namespace)


def _fault_message(op, node, e, outcome):
    """"remove failed on <li> (key 4): NotFoundError: ...; <outcome>" (PatchError's message)."""
    where = "" if node is None else " on %s" % _describe(node)
    return "%s failed%s: %s: %s; %s" % (op or "the patch", where, type(e).__name__, e, outcome)


def _describe(v):
    tag = getattr(v, "tag", None)
    if tag == MEMO:
        fn = getattr(v, "fn", None)
        return "memo %s (key %r)" % (getattr(fn, "__name__", "?"), v.key)
    if tag == Fragment:
        return "a fragment (key %r)" % (v.key,)
    if isinstance(tag, str) and tag[:1] != "#":
        return "<%s>%s" % (tag, "" if v.key is None else " (key %r)" % (v.key,))
    return repr(v)
