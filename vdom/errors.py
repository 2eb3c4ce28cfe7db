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
