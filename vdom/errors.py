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
    """A patch stopped in the middle: a renderer call, a hook or the renderer raised.

    The root did not keep a half-patched host tree: it released every
    listener of the old and the new tree, removed every host node it had
    put in its container and forgot its tree, so the next ``render(x)``
    mounts ``x`` afresh and gives exactly the DOM a first render of ``x``
    gives (hosts are not kept across a failed patch).  ``node`` is the
    VNode being worked on when it failed (None if unknown), ``operation``
    what was running (a renderer method such as ``"insert"``, or the
    hook or function called), ``original`` the exception raised.
    """

    def __init__(self, message, original=None, node=None, operation=None):
        super().__init__(message, original, [(node, original)])
        self.node = node
        self.operation = operation
