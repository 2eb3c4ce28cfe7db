"""``app.local_storage`` / ``app.session_storage``: dict-like browser storage.

In a browser they wrap ``localStorage``/``sessionStorage`` (values are
strings, as there); elsewhere (tests, server side) they are in-memory
stores with the same methods.
"""

from vdom.app.runtime import IN_BROWSER, js, is_null

_NO_DEFAULT = object()


class _Storage:
    """The dict-like API shared by both stores (``_get``/``_set``/``_del``/``keys`` underneath)."""

    def __getitem__(self, key):
        v = self._get(key)
        if v is None:
            raise KeyError(key)
        return v

    def __setitem__(self, key, value):
        self._set(key, str(value))

    def __delitem__(self, key):
        if self._get(key) is None:
            raise KeyError(key)
        self._del(key)

    def __contains__(self, key):
        return self._get(key) is not None

    def __iter__(self):
        return iter(self.keys())

    def __len__(self):
        return len(self.keys())

    def get(self, key, default=None):
        v = self._get(key)
        return default if v is None else v

    def pop(self, key, default=_NO_DEFAULT):
        v = self._get(key)
        if v is None:
            if default is _NO_DEFAULT:
                raise KeyError(key)
            return default
        self._del(key)
        return v

    def setdefault(self, key, default=None):
        v = self._get(key)
        if v is None:
            self[key] = default
            return self._get(key)
        return v

    def update(self, other):
        for k in other:
            self[k] = other[k]

    def items(self):
        return [(k, self._get(k)) for k in self.keys()]

    def values(self):
        return [self._get(k) for k in self.keys()]

    def copy(self):
        return dict(self.items())

    def __repr__(self):
        return "<%s %s>" % (self.__class__.__name__, self.description)


class MemoryStorage(_Storage):
    def __init__(self, description="memory"):
        self.description = description
        self.data = {}

    def _get(self, key):
        return self.data.get(key)

    def _set(self, key, value):
        self.data[key] = value

    def _del(self, key):
        del self.data[key]

    def keys(self):
        return list(self.data.keys())

    def clear(self):
        self.data.clear()


class BrowserStorage(_Storage):
    """``localStorage``/``sessionStorage`` of the page."""

    def __init__(self, target, description):
        self.target = target
        self.description = description

    def _get(self, key):
        v = self.target.getItem(key)
        return None if is_null(v) else str(v)

    def _set(self, key, value):
        self.target.setItem(key, value)

    def _del(self, key):
        self.target.removeItem(key)

    def keys(self):
        t = self.target
        return [str(t.key(i)) for i in range(int(t.length))]

    def clear(self):
        self.target.clear()


def make_storage(name):
    """``"localStorage"`` / ``"sessionStorage"`` of the page, or a memory store."""
    if IN_BROWSER:
        try:
            target = getattr(js, name)
            target.length
            return BrowserStorage(target, name)
        except Exception:
            pass
    return MemoryStorage(name)
