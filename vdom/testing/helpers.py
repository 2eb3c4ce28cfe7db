"""``raises`` and ``mount``: small helpers for tests that also run on MicroPython."""

from vdom.vnode import clone
from vdom.root import create_root


def raises(exc_type, fn, *args, **kwargs):
    """Call ``fn`` and return the ``exc_type`` it raises; fail if it does not.

    A portable stand-in for ``pytest.raises`` (MicroPython has no pytest).
    """
    try:
        fn(*args, **kwargs)
    except exc_type as e:
        return e
    raise AssertionError("%s did not raise %s" % (getattr(fn, "__name__", fn), exc_type.__name__))


def mount(vnode, renderer=None):
    """Render a copy of ``vnode`` into a fresh mock container.

    Returns ``(renderer, container, root)``; the renderer's op log starts
    empty after the render when ``renderer`` is None (a new MockRenderer).
    """
    fresh = renderer is None
    if fresh:
        from renderers.mock import MockRenderer

        renderer = MockRenderer()
    container = renderer.create_container()
    root = create_root(renderer, container)
    root.render(clone(vnode))
    if fresh:
        renderer.reset()
    return renderer, container, root
