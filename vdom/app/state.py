"""Reactive state: dicts that report every change.

``ReactiveDict`` is a ``dict`` whose every mutator (``d[k] = v``, ``del``,
``pop``, ``popitem``, ``clear``, ``setdefault``, ``update``) reports the
keys it changed to its owner (a component or the application).  In-place
edits of values (a list inside the dict) are reported through
``mutate()``::

    with self.state.mutate("items") as items:
        items.append(new)          # one change of "items" when the block ends

Changes made inside ``mutate()`` blocks are reported once, when the
outermost block exits.
"""

_MUTABLE = (list, dict, set, bytearray)


class Listener:
    """Callbacks called with ``(key, value)`` on every change of a ``ReactiveDict``
    (PuePy's ``puepy.reactivity.Listener``): ``state.listener.add_callback(fn)``.

    A callback that raises is printed and the others still run.
    """

    def __init__(self):
        self.callbacks = []

    def add_callback(self, callback):
        self.callbacks.append(callback)

    def remove_callback(self, callback):
        self.callbacks.remove(callback)

    def notify(self, *args, **kwargs):
        for cb in list(self.callbacks):
            try:
                cb(*args, **kwargs)
            except Exception as e:
                from vdom.app.errors import print_exception

                print_exception(e, "listener callback %r" % (cb,))

    def __str__(self):
        n = len(self.callbacks)
        if n == 1:
            return "Listener: %r" % (self.callbacks[0],)
        return "Listener with %s callbacks" % (n if n else "no")

    def __repr__(self):
        return "<%s>" % (self,)


class ReactiveDict(dict):
    """A dict that calls ``notify(key, value)`` for each key it changes."""

    def __init__(self, data=None, notify=None):
        super().__init__()
        if data:
            for k in data:
                super().__setitem__(k, data[k])
        self._notify = notify
        self._depth = 0
        self._pending = None
        self._listener = None       # made on first use (most dicts never have one)
        self._key_listeners = None

    # -- reporting ------------------------------------------------------------

    def _changed(self, key):
        if self._depth:
            p = self._pending
            if p is None:
                p = self._pending = []
            if key not in p:
                p.append(key)
            return
        n = self._notify
        if n is not None:
            n(key, self.get(key))
        if self._listener is not None or self._key_listeners is not None:
            self._tell(key)

    def _tell(self, key):
        value = self.get(key)
        if self._listener is not None:
            self._listener.notify(key, value)
        kl = self._key_listeners
        if kl is not None and key in kl:
            kl[key].notify(key, value)

    @property
    def listener(self):
        """A ``Listener`` told ``(key, value)`` of every change (PuePy's ``state.listener``)."""
        if self._listener is None:
            self._listener = Listener()
        return self._listener

    @property
    def key_listeners(self):
        if self._key_listeners is None:
            self._key_listeners = {}
        return self._key_listeners

    def add_key_listener(self, key, callback):
        """Call ``callback(key, value)`` whenever ``key`` changes (PuePy's ``add_key_listener``)."""
        kl = self.key_listeners
        lst = kl.get(key)
        if lst is None:
            lst = kl[key] = Listener()
        lst.add_callback(callback)

    def notify(self, *keys):
        """Report ``keys`` (all keys when none given) as changed."""
        if not keys:
            keys = list(self.keys())
        for k in keys:
            self._changed(k)

    def mutate(self, *keys):
        """A context manager for in-place edits: ``with state.mutate("items") as items:``.

        It returns the value of the key (one key), a list of values (several
        keys) or the dict itself (no key); the keys are reported changed, and
        every change made inside the block is reported once, at its end.
        """
        return _Mutation(self, keys)

    # -- the mutators -----------------------------------------------------------

    def __setitem__(self, key, value):
        if key in self:
            old = super().__getitem__(key)
            if old is value:
                if not isinstance(value, _MUTABLE):
                    return
            elif old.__class__ is value.__class__ and not isinstance(value, _MUTABLE):
                try:
                    if old == value:
                        return
                except Exception:
                    pass
        super().__setitem__(key, value)
        self._changed(key)

    def __delitem__(self, key):
        super().__delitem__(key)
        self._changed(key)

    def pop(self, key, *default):
        if key in self:
            v = super().pop(key)
            self._changed(key)
            return v
        if default:
            return default[0]
        raise KeyError(key)

    def popitem(self):
        k, v = super().popitem()
        self._changed(k)
        return k, v

    def clear(self):
        keys = list(self.keys())
        super().clear()
        self._batch(keys)

    def setdefault(self, key, default=None):
        if key in self:
            return super().__getitem__(key)
        super().__setitem__(key, default)
        self._changed(key)
        return default

    def update(self, *args, **kwargs):
        other = {}
        for a in args:
            if hasattr(a, "keys"):
                for k in a.keys():
                    other[k] = a[k]
            else:
                for k, v in a:
                    other[k] = v
        for k in kwargs:
            other[k] = kwargs[k]
        self._depth += 1
        try:
            for k in other:
                self[k] = other[k]
        finally:
            self._end()

    def _batch(self, keys):
        self._depth += 1
        try:
            for k in keys:
                self._changed(k)
        finally:
            self._end()

    def _end(self):
        self._depth -= 1
        if self._depth == 0:
            p = self._pending
            while p:
                self._pending = None
                for k in p:
                    self._changed(k)
                p = self._pending

    def copy(self):
        return self._plain()

    def __repr__(self):
        return "ReactiveDict(%r)" % (self._plain(),)

    def __str__(self):
        return repr(self._plain())  # as PuePy (a plain dict's text): f"{self.state}"

    def _plain(self):
        # dict(self) fails under MicroPython for a dict subclass ("dict update sequence has
        # wrong length"), and must not count as a read of every key (TrackedDict).
        out = {}
        for k in super().keys():
            out[k] = super().__getitem__(k)
        return out


class _Mutation:
    """What ``ReactiveDict.mutate()`` returns (MicroPython has no contextlib)."""

    def __init__(self, d, keys):
        self.d = d
        self.keys = keys

    def __enter__(self):
        d = self.d
        d._depth += 1
        keys = self.keys
        for k in keys:
            d._changed(k)
        if not keys:
            return d
        if len(keys) == 1:
            return d.get(keys[0])
        return [d.get(k) for k in keys]

    def __exit__(self, *exc):
        d = self.d
        if not self.keys:
            for k in d.keys():
                d._changed(k)
        d._end()
        return False


class TrackedDict(ReactiveDict):
    """A ReactiveDict that also records which keys each render reads.

    Used for the application's state: a component re-renders on a change
    of an app key only if its last ``populate()`` read that key (or it
    lists the key in ``redraw_on_app_state_changes``).  ``reader`` is a
    one-item list holding the component being rendered (or None).
    """

    def __init__(self, data=None, notify=None, reader=None):
        super().__init__(data, notify)
        self._reader = reader
        self._readers = {}   # key -> {id(component): component}; "*" = reads everything

    def _read(self, key):
        c = self._reader[0]
        if c is not None:
            rs = self._readers.get(key)
            if rs is None:
                rs = self._readers[key] = {}
            rs[id(c)] = c

    def __getitem__(self, key):
        if self._reader[0] is not None:
            self._read(key)
        return super().__getitem__(key)

    def get(self, key, default=None):
        if self._reader[0] is not None:
            self._read(key)
        if key in self:
            return super().__getitem__(key)
        return default

    def __contains__(self, key):
        if self._reader[0] is not None:
            self._read(key)
        try:
            super().__getitem__(key)
            return True
        except KeyError:
            return False

    def keys(self):
        if self._reader[0] is not None:
            self._read("*")
        return super().keys()

    def values(self):
        if self._reader[0] is not None:
            self._read("*")
        return super().values()

    def items(self):
        if self._reader[0] is not None:
            self._read("*")
        return super().items()

    def __iter__(self):
        if self._reader[0] is not None:
            self._read("*")
        return iter(super().keys())

    def readers(self, key):
        """The components that read ``key`` (or everything) since they last rendered."""
        out = []
        for k in (key, "*"):
            rs = self._readers.get(k)
            if rs:
                for i in rs:
                    out.append(rs[i])
        return out

    def forget(self, component):
        """Drop ``component`` from every key's readers (before it renders again, or when it leaves)."""
        i = id(component)
        for k in self._readers:
            rs = self._readers[k]
            if i in rs:
                del rs[i]
