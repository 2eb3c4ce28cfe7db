"""``Rng``, ``make_rng``, ``shuffled``: seeded randomness, the same on every interpreter."""


class Rng:
    """A small deterministic random generator (Lehmer / Park-Miller).

    Gives the same numbers on CPython, Pyodide and MicroPython (whose
    ``random`` module has no ``Random`` class and one global state), so a
    failing seed reproduces on every interpreter.  Only ``randrange`` is
    needed by the generators; ``random.Random`` instances work as well.
    """

    def __init__(self, seed=0):
        self.seed(seed)

    def seed(self, seed):
        """Restart the sequence from ``seed`` (an int)."""
        s = (int(seed) * 1103515245 + 12345) % 2147483646 + 1
        self.state = s
        for _ in range(4):
            self._next()

    def _next(self):
        s = (self.state * 48271) % 2147483647
        self.state = s
        return s

    def getrandbits(self, k):
        """An integer of ``k`` random bits (k <= 30)."""
        return self._next() >> (31 - k) if k else 0

    def randrange(self, n):
        """A uniform-enough integer in ``range(n)`` (n >= 1)."""
        if n <= 1:
            return 0
        return ((self._next() - 1) * n) // 2147483646

    def random(self):
        """A float in [0, 1)."""
        return (self._next() - 1) / 2147483646.0

    def choice(self, seq):
        """A random item of the non-empty sequence ``seq``."""
        return seq[self.randrange(len(seq))]

    def shuffle(self, lst):
        """Shuffle ``lst`` in place (Fisher-Yates)."""
        for i in range(len(lst) - 1, 0, -1):
            j = self.randrange(i + 1)
            lst[i], lst[j] = lst[j], lst[i]


def make_rng(seed=0):
    """Return ``Rng(seed)``: the seeded generator for ``random_tree``/``mutate``."""
    return Rng(seed)


def shuffled(rng, seq):
    """A new list with the items of ``seq`` in random order (Fisher-Yates, ``rng.randrange``)."""
    out = list(seq)
    for i in range(len(out) - 1, 0, -1):
        j = rng.randrange(i + 1)
        out[i], out[j] = out[j], out[i]
    return out
