"""Exceptions the core raises, so callers can tell bad input from bugs."""


class VDomError(Exception):
    """Base class of every error pyvdom raises on purpose."""


class RenderError(VDomError):
    """User code called during a patch (a memo's render function) raised.

    The patch still completed: the failing subtree kept what it showed before
    (or an empty placeholder on first mount), so the host tree is consistent
    and the next ``render`` works.  ``original`` is the exception raised;
    ``errors`` lists every failure of that patch as ``(vnode, exception)``.
    """

    def __init__(self, message, original=None, errors=None):
        super().__init__(message)
        self.original = original
        self.errors = errors or []


class PatchError(RenderError):
    """A call failed in the middle of a patch: a renderer method (a DOM exception under
    either interpreter included) or the renderer itself.

    The root never keeps a half-patched host tree.  The children list being
    patched when the call failed is rebuilt: every listener of its old and new
    nodes released, their hosts removed, the new nodes mounted afresh; the
    rest of the patch goes on, so nodes outside that list keep their hosts.
    If that rebuild fails too (or the failure was outside any list), the root
    gives up its whole tree the same way and mounts the new one afresh; if
    even that fails, the container is left empty and the next ``render``
    mounts afresh.  ``rebuilt`` says whether the host tree now shows the
    tree asked for.  ``node`` is the VNode being worked on (None if
    unknown), ``operation`` the call that raised (a renderer method such as
    ``"insert"``), ``original`` the exception.
    """

    def __init__(self, message, original=None, node=None, operation=None, rebuilt=False):
        super().__init__(message, original, [(node, original)])
        self.node = node
        self.operation = operation
        self.rebuilt = rebuilt
        self.faults = [(node, operation, original)]
