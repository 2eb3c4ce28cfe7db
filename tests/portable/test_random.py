"""Seeded random property checks of the reconciler (portable: MicroPython too).

Each test draws trees with ``vdom.testing.random_tree``/``mutate`` from a
deterministic ``make_rng(seed)`` (the same trees on every interpreter) and
runs ``check_patch``/``check_sequence`` on them: the patched host tree must
equal a fresh render and the HTML renderer's output, kept nodes keep their
host node, moves/creations/removals are minimal and re-rendering an equal
tree makes no renderer call.  A failure names the seed; replay it with
``check_patch(*pair_for(seed))`` and read the trees in the message.
"""

from vdom import h, Fragment, MEMO
from vdom.testing import (
    check_patch, check_sequence, check_unmount, make_rng, random_tree, mutate, keyed_list,
    shuffled, min_moves, reorder_pair, raises, describe,
)
from renderers.mock import MockRenderer


def _run(label, seeds, fn):
    for seed in seeds:
        try:
            fn(seed)
        except AssertionError as e:
            raise AssertionError("%s, seed %d:\n%s" % (label, seed, e))


def pair_for(seed):
    """The (old, new) pair that test_mutation_pairs checks for ``seed``."""
    rng = make_rng(seed)
    old = random_tree(rng)
    new = mutate(rng, old)
    return old, new


def test_mutation_pairs():
    def one(seed):
        old, new = pair_for(seed)
        check_patch(old, new)

    _run("check_patch(random_tree, mutate)", range(700), one)


def test_mutation_pairs_heavy():
    # Every list and node is edited: far-reaching diffs, many keys reused.
    def one(seed):
        rng = make_rng(10000 + seed)
        old = random_tree(rng, max_nodes=30)
        check_patch(old, mutate(rng, old, rate=1))

    _run("check_patch(random_tree, mutate(rate=1))", range(200), one)


def test_independent_pairs():
    def one(seed):
        rng = make_rng(20000 + seed)
        check_patch(random_tree(rng, max_nodes=25), random_tree(rng, max_nodes=25))

    _run("check_patch(random_tree, random_tree)", range(150), one)


def test_keyed_permutations_move_minimally():
    def one(seed):
        rng = make_rng(30000 + seed)
        n = rng.randrange(14)
        keys = shuffled(rng, list(range(n)))
        perm = shuffled(rng, keys)
        rep = check_patch(keyed_list(keys), keyed_list(perm))
        assert rep["moves"] == min_moves(keys, perm), (keys, perm, rep)
        assert rep["creates"] == 0 and rep["removes"] == 0 and rep["clears"] == 0, rep
        assert rep["calls"] == rep["moves"], rep  # nothing but the moves

    _run("keyed permutation", range(300), one)


def test_keyed_lists_overlapping():
    # Insertions, removals and moves at once: creations/removals exact, moves minimal.
    def one(seed):
        rng = make_rng(40000 + seed)
        a = [k for k in range(12) if rng.randrange(2)]
        b = shuffled(rng, [k for k in range(12) if rng.randrange(2)])
        a = shuffled(rng, a)
        rep = check_patch(keyed_list(a), keyed_list(b))
        common = [k for k in b if k in a]
        assert rep["moves"] == min_moves(a, b), (a, b, rep)
        assert rep["creates"] == len(b) - len(common), (a, b, rep)  # each <li> (its text is text content)
        if a and not common:
            assert rep["clears"] == 1 and rep["removes"] == 0, (a, b, rep)
        else:
            assert rep["removes"] == len(a) - len(common), (a, b, rep)

    _run("overlapping keyed lists", range(200), one)


def test_reorders_of_keyed_subtrees():
    # Keyed elements, fragments and memos reordered: only moves.
    def one(seed):
        old, new = reorder_pair(make_rng(50000 + seed))
        rep = check_patch(old, new)
        assert rep["creates"] == 0 and rep["removes"] == 0, rep
        keys = [c.key for c in old.children]
        assert rep["moves"] == min_moves(keys, [c.key for c in new.children]), rep

    _run("reorder_pair", range(150), one)


def test_successive_patches():
    def one(seed):
        rng = make_rng(60000 + seed)
        n = 2 + rng.randrange(5)
        trees = [random_tree(rng, max_nodes=25)]
        while len(trees) < n:
            if rng.randrange(5) == 0:
                trees.append(random_tree(rng, max_nodes=25))
            else:
                trees.append(mutate(rng, trees[-1]))
        check_sequence(trees)

    _run("check_sequence", range(100), one)


def test_unmount_releases_everything():
    def one(seed):
        check_unmount(random_tree(make_rng(70000 + seed)))

    _run("check_unmount", range(100), one)


def test_generators_are_deterministic_and_fresh():
    a = describe(random_tree(make_rng(7)))
    assert a == describe(random_tree(make_rng(7)))
    rng = make_rng(8)
    old = random_tree(rng, any_root=False)
    before = describe(old)
    new = mutate(rng, old, rate=1)
    assert describe(old) == before  # mutate never changes its input
    seen = {}
    st = [old]
    while st:
        v = st.pop()
        seen[id(v)] = 1
        for c in (v.children or []) if v.tag != MEMO else []:
            st.append(c)
    st = [new] if not isinstance(new, list) else list(new)
    while st:
        v = st.pop()
        if hasattr(v, "tag"):
            assert id(v) not in seen
            for c in (v.children or []) if v.tag != MEMO else []:
                st.append(c)


def test_check_patch_catches_a_broken_renderer():
    # The checker must not be fooled: renderers that break the host tree are caught.
    class NoSetText(MockRenderer):
        def set_text(self, node, text):
            self.counts["set_text"] = self.counts.get("set_text", 0) + 1

    e = raises(AssertionError, check_patch, h("p", None, "a", "!"), h("p", None, "b", "!"), NoSetText)
    assert "HTML differs" in str(e)

    class NoTextContent(MockRenderer):
        def set_text_content(self, el, text):
            self.counts["set_text_content"] = self.counts.get("set_text_content", 0) + 1

    e = raises(AssertionError, check_patch, h("p", None, "a"), h("p", None, "b"), NoTextContent)
    assert "HTML differs" in str(e)

    class KeepsListeners(MockRenderer):
        def remove_listener(self, el, event_type, listener):
            self.counts["remove_listener"] = self.counts.get("remove_listener", 0) + 1

    def click(event):
        return None

    old = h("div", None, h("b", {"key": 1, "on_click": click}), h("i", {"key": 2}))
    e = raises(AssertionError, check_patch, old, h("div", None, h("i", {"key": 2})), KeepsListeners)
    assert "listener" in str(e)
    e = raises(AssertionError, check_patch, h("b", {"on_click": click}), h("b", None), KeepsListeners)
    assert "listener" in str(e)

    class NoMoves(MockRenderer):
        def insert(self, parent, node, anchor):
            if node.parent is parent:
                self.counts["insert"] = self.counts.get("insert", 0) + 1
                return
            MockRenderer.insert(self, parent, node, anchor)

    e = raises(AssertionError, check_patch, keyed_list([1, 2, 3]), keyed_list([3, 1, 2]), NoMoves)
    assert "HTML differs" in str(e)
    # The real MockRenderer passes the same cases.
    check_patch(keyed_list([1, 2, 3]), keyed_list([3, 1, 2]))
    check_patch(old, h("div", None, h("i", {"key": 2})))
