"""Roots: a container whose content one VNode tree controls."""

from vdom.vnode import VNode, normalize_children
from vdom.reconcile import Patcher
from vdom.errors import RenderError


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
        p = self.patcher
        p.begin()
        p.patch_children(self.container, self.children, new, None, self.namespace, False)
        self.children = new
        self.vnode = node
        self._raise_errors()

    def update(self, *memo_vnodes):
        """Re-render mounted ``memo`` nodes in place, without touching the rest.

        For frameworks: a component is a memo, and when only its own state
        changes it calls its function again (with ``memo_vnode.args``, which
        the caller may replace first) and patches just its subtree.  Pass
        several memos to update them in one patch.  If a memo renders
        another memo, update the outer one.  Errors behave as in ``render``.
        """
        p = self.patcher
        p.begin()
        p.update(memo_vnodes)
        self._raise_errors()

    def _raise_errors(self):
        errors = self.patcher.errors
        if errors:
            v, e = errors[0]
            fn = getattr(v, "fn", None)
            raise RenderError(
                "memo render function %s (key %r) raised %s: %s; it keeps its previous content"
                % (getattr(fn, "__name__", repr(fn)), v.key, type(e).__name__, e),
                e,
                errors,
            )

    def unmount(self):
        """Remove everything this root rendered and release its listeners."""
        p = self.patcher
        p.begin()
        for v in self.children:
            p.unmount(v, self.container, True)
        self.children = []
        self.vnode = None

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
