"""The tag builder ``t`` and the builder tree it makes.

Inside a component's ``populate()``::

    with t.div(classes=["card", "big"], id="main"):
        t.h1("Title")
        t("some text")
        t.input(bind="name", ref="name_input")

Each ``t.<tag>(...)`` call makes a ``Tag`` (a mutable builder node) and
appends it to the innermost open ``with`` block (a module-level stack: the
browser is single-threaded).  When ``populate()`` returns, the tree is
turned into ``vdom`` VNodes (``build``), iteratively.  Attribute names lose
a trailing ``_`` and turn ``_`` into ``-`` (``for_`` -> ``for``,
``aria_label`` -> ``aria-label``); ``classes`` (also ``class_``,
``class_name``) takes a str, list or dict, ``style`` a str or dict.
``t.sl_button`` makes ``<sl-button>``; ``t.<name>`` of a registered
component (``@t.component()``) makes that component.
"""

from vdom import h, Fragment, memo
from vdom.vnode import element, check_attr, check_state, check_key, prop_check_kind, _checks, _PLAIN, _KEYS
from vdom.vnode import _STATE as _STATE_KIND, _URL as _URL_KIND
from vdom.elements import check_url_attr
from vdom.props import norm_class, KEY as _KEY_KIND
from vdom.app.css import CssClass, names as css_names
from vdom.elements import VOID

# A shared empty dict for collections that are replaced, never changed in place, until they get their own.
EMPTY = {}

# The open builder nodes of ``with`` blocks; the last one is the current parent.
stack = []
# Render contexts (one per component populate() in progress).
contexts = []

# name -> component class, filled by @t.component()
components = {}
# Set by vdom.app.component: [make_component(cls, children, kwargs) -> instance,
# render(instance, version) -> VNode (the memo function of every component)].
factory = [None, None]
# Set by vdom.app.events: make_listener(origin, fn) and bind_props(node, origin, bind).
listener_factory = [None]
bind_factory = [None]

# The keyword arguments of t.<tag>() that are not attributes, told apart with one dict lookup
# (key, ref, bind and tag= are read by make_tag and are not props).
_K_OTHER = 0
_K_CLASS = 1
_K_STYLE = 2
_KWARGS = {"classes": _K_CLASS, "class_": _K_CLASS, "class_name": _K_CLASS, "class": _K_CLASS, "key": _K_OTHER,
           "ref": _K_OTHER, "bind": _K_OTHER, "tag": _K_OTHER, "style": _K_STYLE}
_attr_names = {}   # python kwarg name -> attribute name (cached)
_tag_names = {}    # t.<name> -> tag name


def attr_name(name):
    """``for_`` -> ``for``, ``aria_label`` -> ``aria-label`` (cached)."""
    a = _attr_names.get(name)
    if a is None:
        a = name
        if a.endswith("_") and len(a) > 1:
            a = a[:-1]
        a = a.replace("_", "-")
        if len(_attr_names) > 2048:
            _attr_names.clear()
        if not name.startswith("on_"):  # make_tag reads this cache for plain attributes only
            _attr_names[name] = a
    return a


def tag_name(name):
    n = _tag_names.get(name)
    if n is None:
        n = name.strip()
        if n.endswith("_") and len(n) > 1:
            n = n[:-1]
        n = n.replace("_", "-")
        _tag_names[name] = n
    return n


def merge_classes(*values):
    """Merge ``classes`` values (str, list, dict, None) into one sorted list of names.

    A dict maps names to booleans (False removes a name given earlier); a
    name starting with ``/`` removes that name (PuePy's convention); a
    ``CssClass`` stands for its generated name.
    """
    names = {}
    for v in values:
        if not v:
            continue
        if isinstance(v, str):
            for n in v.split():
                names[n] = True
        elif isinstance(v, dict):
            for n in v:
                names[str(n)] = bool(v[n])
        elif v.__class__ is CssClass:
            names[v.class_name] = True
        else:
            for item in v:
                if item:
                    for n in str(item).split():
                        names[n] = True
    out = []
    for n in names:
        if names[n] and not n.startswith("/") and ("/" + n) not in names:
            out.append(n)
    out.sort()
    return out


class Tag:
    """A builder node: an element (``tag`` is its name), a component
    placeholder (``comp`` is the instance), a slot's content (``tag`` is
    ``"#slot"``) or a slot's insertion point (``tag`` is ``"#insert"``).

    An element keeps what ``t.<tag>(*args, **kw)`` was given (``args``,
    ``kw``); the props given to ``h()`` are computed from them when the
    node is built (``tag_props``), so a row that turns out to be unchanged
    never computes them.  ``children``: what was added inside its ``with``
    block (None until something is); ``nu``: how many unkeyed children it
    has so far; ``vn``: its VNode once built.

    Attributes with their default value are not set on the instance:
    MicroPython keeps an instance's attributes in a table that is
    reallocated as it grows (tables of 2, 4, 6, 8, ... entries), so an
    object with eleven attributes cost six allocations, five of them of
    several blocks, the kind MicroPython's allocator is slow to place in a
    fragmented heap (bench/README.md).  A typical element now sets four to
    six.
    """

    kw = None
    args = ()
    props = None
    children = None
    key = None
    parent = None
    slot = None
    nu = 0
    comp = None
    vn = None
    rk = None   # a ref= in its subtree: an unkeyed element holding one is keyed by it (``post``)

    def __init__(self, tag, props=None, key=None, kw=None, args=()):
        self.tag = tag
        if kw is not None:
            self.kw = kw
        if args:
            self.args = args
            self.nu = len(args)
        if props is not None:
            self.props = props
        if key is not None:
            self.key = key

    def __enter__(self):
        stack.append(self)
        if pending[0] is self:
            pending[0] = None
        if self.vn is not None:
            # Last render's node, given again the same inputs (see ``reuse``).
            if self.children is not None:
                replaying.append(self)  # its block is compared with last render's, call by call
                rindex.append(0)
            else:
                self.vn = None  # it had no children: whatever the block adds, it is rebuilt
                if replaying:
                    replay_dirty[0] = True
        return self

    def __exit__(self, typ, value, tb):
        if stack and stack[-1] is self:
            stack.pop()
        if pending[0] is not None:
            resolve_pending()
        if replaying and replaying[-1] is self:
            replaying.pop()
            i = rindex.pop()
            if i < len(self.children):
                diverge(self, i)  # last render's block had more
            if not replaying and contexts:
                end_replay(self, contexts[-1])
            return False
        if typ is None and contexts and self.vn is None and self.tag[:1] != "#" and not replaying:
            built_on_exit(self, contexts[-1])
        return False

    def add(self, *children):
        """Append children (strings, numbers, builder nodes) to this node."""
        for c in children:
            append_child(self, c)

    def kids(self):
        """Every child in order: the positional ones, then those added inside ``with``."""
        ch = self.children
        if not self.args:
            return ch or []
        return list(self.args) + (ch or [])

    @property
    def element(self):
        """The host node once rendered (a DOM element in the browser)."""
        vn = self.vn
        return None if vn is None else vn.el

    def __repr__(self):
        return "<Tag %s>" % (self.tag,)


def append_child(parent, c):
    if pending[0] is not None:
        resolve_pending()
    if replaying and replaying[-1] is parent:
        i = rindex[-1]
        ch = parent.children
        if i < len(ch) and ch[i].__class__ is c.__class__ and c.__class__ is not Tag and ch[i] == c:
            rindex[-1] = i + 1  # the same text as last render
            return
        diverge(parent, i)
    elif parent.vn is not None and contexts:
        contexts[-1].stale = True  # added to after it was built (Tag.add() late): rebuild all
    cls = c.__class__
    if cls is str or cls is int or cls is float:
        parent.nu += 1
    elif isinstance(c, Tag):
        old = c.parent
        if old is None and c.vn is not None and contexts:
            # Built as its parent's block ended (and unlinked from it), now moved: find it.
            ctx = contexts[-1]
            ctx.stale = True
            old = _parent_in(ctx.root, c)
        if old is not None:
            if old is parent:
                return
            ch = old.children or ()
            for i in range(len(ch)):
                if ch[i] is c:
                    del ch[i]
                    break
        c.parent = parent
        if c.key is None:
            parent.nu += 1
    elif cls is list or cls is tuple:
        for x in c:
            append_child(parent, x)
        return
    else:
        comp_node = getattr(c, "_vd", None)
        if comp_node is not None and getattr(comp_node, "node", None) is not None and hasattr(c, "populate"):
            append_child(parent, comp_node.node)  # a component instance given as a child
            return
        parent.nu += 1
    add_child(parent, c)


def add_child(parent, c):
    """Put ``c`` at the end of ``parent``'s children (the list is made on the first one)."""
    ch = parent.children
    if ch is None:
        parent.children = [c]
    else:
        ch.append(c)


def _parent_in(root, node):
    """The node whose children hold ``node``, searched from ``root`` (a rare path: a late move)."""
    st = [root] if root is not None else []
    while st:
        n = st.pop()
        for c in n.children or ():
            if c is node:
                return n
            if isinstance(c, Tag):
                st.append(c)
    return None


def path_of(node):
    """The identity of ``node`` within its render: the (tag, key or slot) chain to the root.

    Siblings share their parent's part, computed once: ``path_cache`` holds
    the last parent and its path (cleared when a render ends, so it never
    keeps an old tree alive).
    """
    seg = _segment(node)
    p = node.parent
    if p is None:
        return (seg,)
    c = path_cache
    if c[0] is not p:
        segs = []
        n = p
        while n is not None:
            segs.append(_segment(n))
            n = n.parent
        c[0] = p
        c[1] = tuple(segs)
    return (seg,) + c[1]


def _segment(n):
    return (n.tag, n.key) if n.key is not None else n.tag + "#" + str(slot_of(n))


path_cache = [None, None]


def slot_of(node):
    """``node``'s position among the unkeyed children of its parent (holes and text count).

    Set by make_component for component placeholders as they are added;
    for an element (an ancestor of one) counted once from its parent's
    children.
    """
    s = node.slot
    if s is None:
        p = node.parent
        s = node.slot = unkeyed_before(p, node) if p is not None else 0
    return s


def unkeyed_before(parent, stop):
    """How many of ``parent``'s children before ``stop`` (all when None) are unkeyed (text and holes count)."""
    n = len(parent.args)
    for c in parent.children or ():
        if c is stop:
            break
        if not isinstance(c, Tag) or c.key is None:
            n += 1
    return n


def on_prop(kwarg):
    """``on_click`` -> ``on_click`` prop name, ``on_my_event`` -> ``on_my-event`` (cached)."""
    p = _on_props.get(kwarg)
    if p is None:
        p = _on_props[kwarg] = "on_" + on_event(kwarg)
    return p


_on_props = {}


def on_event(kwarg):
    """``on_click`` -> ``click``, ``on_my_event`` -> ``my-event`` (cached: slicing allocates)."""
    e = _on_events.get(kwarg)
    if e is None:
        e = _on_events[kwarg] = attr_name(kwarg[3:])
    return e


_on_events = {}


def make_tag(name, children, kwargs):
    """``t.<name>(*children, **kwargs)``: a builder node appended to the current parent.

    Only what identifies the node is looked at here (``key``, ``ref``,
    ``tag``; ``bind`` reads the state now); the props are computed when
    the node is built, and not at all for a keyed row found unchanged.
    """
    key = None
    ref = None
    if kwargs:
        key = kwargs.get("key")
        if key.__class__ not in _KEYS:
            check_key(key, name)  # an unhashable key would fail in the reuse lookups below
        ref = kwargs.get("ref")
        if ref is not None and key is None:
            key = "\x00ref:" + str(ref)
        if "tag" in kwargs:
            name = kwargs["tag"]
    else:
        kwargs = None
    if pending[0] is not None:
        resolve_pending()
    if stack:
        parent = stack[-1]
        if replaying and replaying[-1] is parent:
            # Inside a reused row: compare with last render's next child (``reuse``, inlined).
            i = rindex[-1]
            ch = parent.children
            old = ch[i] if i < len(ch) else None
            if old is not None and old.__class__ is Tag and matches(old, name, children, kwargs):
                rindex[-1] = i + 1
                if old.children is not None:
                    pending[0] = old
            else:
                diverge(parent, i)
                old = None
        else:
            old = reuse(parent, key, name, children, kwargs) if key is not None else None
        if old is not None:
            if ref is not None:
                set_ref(ref, old)
            return old
    if children and name in VOID:
        children = void_children(name, children)
    # Tag(name, None, key, kwargs, children) without the __init__ call (about 1 µs on MicroPython).
    node = _new(Tag)
    node.tag = name
    if key is not None:
        node.key = key
    if kwargs is not None:
        node.kw = kwargs
        if ref is not None:
            node.rk = ref
    for c in children:
        cls = c.__class__
        if cls is not str and cls is not int and cls is not float:
            for x in children:
                append_child(node, x)
            break
    else:
        if children:
            node.args = children
            node.nu = len(children)
    if stack:
        parent = stack[-1]
        node.parent = parent
        if key is None:
            parent.nu += 1
        ch = parent.children  # add_child(parent, node), inlined: a call per element costs ~1 µs on MicroPython
        if ch is None:
            parent.children = [node]
        else:
            ch.append(node)
    if kwargs is not None:
        if "bind" in kwargs:
            origin = contexts[-1].inst if contexts else None
            if origin is None:
                raise ValueError("bind=%r needs a component: use t.%s(bind=...) inside populate()" % (
                    kwargs["bind"], name))
            node.props = tag_props(node, origin)
            bind_factory[0](node, origin, kwargs["bind"])
        if ref is not None and contexts:
            set_ref(ref, node)
    return node


def set_ref(name, target):
    """``ref=name`` in the render in progress: ``self.refs[name]`` once it is committed."""
    ctx = contexts[-1]
    refs = ctx.refs
    if refs is EMPTY:
        refs = ctx.refs = {}
    refs[name] = target


def tag_props(node, origin):
    """The props dict of an element node, from the keyword arguments it was given.

    Also sets ``prop_flags``: [a listener is among them, they can go to
    ``vdom.vnode.element`` (names checked, class a string, no style or
    hook)].
    """
    kwargs = node.kw
    props = {}
    flags = prop_flags
    flags[0] = False
    flags[1] = True
    if not kwargs:
        return props
    classes = None
    for k in kwargs:
        v = kwargs[k]
        kind = _KWARGS.get(k)
        if kind is None:
            a = _attr_names.get(k)
            if a is None:
                if k.startswith("on_"):
                    if v is not None:
                        props[on_prop(k)] = listener_factory[0](origin, v)
                        flags[0] = True
                    continue
                a = attr_name(k)
            pk = _checks.get(a)
            if pk is None:
                pk = prop_check_kind(a)  # a name that cannot be an attribute raises here
            if pk:
                if pk == _STATE_KIND:
                    check_state(node.tag, a, v)  # value=, checked=...: checked here, element() does not
                elif pk == _URL_KIND:
                    # href=, src=...: h()'s check (no javascript: URL) here, so links stay on the fast path
                    if v.__class__ is not str:
                        check_attr(node.tag, a, v)
                        check_url_attr(node.tag, a, v)
                    elif ":" in v:
                        check_url_attr(node.tag, a, v)
                elif pk > _KEY_KIND:
                    flags[1] = False  # hook= and the like: h() checks the value
            elif v.__class__ not in _PLAIN:
                check_attr(node.tag, a, v)  # h() checks it too; element() does not
            props[a] = v
        elif kind == _K_CLASS:
            if v.__class__ is not str:
                v = css_names(v, origin)
            classes = v if classes is None else merge_classes(classes, v)
        elif kind == _K_STYLE:
            if v:
                props["style"] = v
                flags[1] = False
    if classes:
        if classes.__class__ is not str:
            classes = norm_class(classes)
        if classes:
            props["class"] = classes
    if node.key is not None:
        props["key"] = node.key
    return props


prop_flags = [False, True]
_new = object.__new__


class Builder:
    """``t``: ``t.div(...)``, ``t("text")``, ``t(ComponentClass, ...)``, ``@t.component()``."""

    def __init__(self):
        self._fns = {}

    def __getattr__(self, name):
        # Called once per name: the function is then an instance attribute,
        # so later ``t.<name>`` lookups never come here (a Python-level call
        # per element saved; components are looked up when it is called).
        if name.startswith("__"):
            raise AttributeError(name)
        fns = self._fns
        f = fns.get(name)
        if f is None:
            f = fns[name] = _tag_fn(tag_name(name))
        if len(fns) <= 512:
            setattr(self, name, f)
        return f

    def __call__(self, *items, **kwargs):
        """``t("text", ...)`` adds text to the current parent; ``t(Cls, ...)`` makes component ``Cls``."""
        if items and isinstance(items[0], type):
            return factory[0](items[0], items[1:], kwargs)
        if not stack:
            raise ValueError("t(%r): text needs a parent (call it inside populate() or a with block)" % (items,))
        p = stack[-1]
        for c in items:
            append_child(p, c)
        return None

    def component(self, name=None):
        """Decorator registering a Component class as ``t.<name>``.

        The name is ``component_name`` or the class name in kebab case
        (``MyCard`` -> ``t.my_card`` / ``my-card``).
        """

        def register(cls):
            self.add_component(cls, name)
            return cls

        return register

    def add_component(self, cls, name=None):
        n = name or getattr(cls, "component_name", None) or kebab(cls.__name__)
        components[n.replace("_", "-").lower()] = cls
        # The tag functions made so far looked components up when they were made: forget them.
        fns = self._fns
        for k in list(fns):
            try:
                delattr(self, k)
            except AttributeError:
                pass
        fns.clear()

    def add_library(self, library):
        for cls in library.components:
            self.add_component(cls)


def _tag_fn(name):
    """The function behind ``t.<name>``: a component's maker if one is registered under the name
    now (``add_component`` drops these functions), else an element's."""
    cls = components.get(name) or components.get(name.lower())
    if cls is not None:
        def make_component(*children, **kwargs):
            return factory[0](cls, children, kwargs)

        return make_component

    def make(*children, **kwargs):
        return make_tag(name, children, kwargs)

    return make


def kebab(s, sep="-"):
    out = []
    for i in range(len(s)):
        ch = s[i]
        if ch.isupper() and i > 0:
            out.append(sep)
        out.append(ch.lower())
    return "".join(out)


t = Builder()


class html(str):
    """Trusted HTML: ``t(html("<b>bold</b>"))`` inserts it as markup."""

    def __html__(self):
        return str(self)


class Context:
    """One component render in progress: its origin, refs and new children.

    ``prev``: the keyed builder nodes of the component's last render
    (key -> node); ``keyed``: this render's, for the next one.  The
    collections start as the shared ``EMPTY`` and get their own the first
    time something goes in (most component renders fill none of them;
    see ``Record`` in vdom.app.component for why fewer attributes matter).
    """

    refs = EMPTY
    kids = EMPTY
    keyed = EMPTY
    assign = ()
    selects = ()
    prev = None
    root = None     # the render's root builder node
    late = False    # build everything after populate() (a bound <select multiple> marks its options first)
    slots_used = ()  # names given to insert_slot() in this render
    stale = False   # a node changed after it was built: the final walk rebuilds all

    def __init__(self, inst, prev=None):
        self.inst = inst
        if prev:
            self.prev = prev


def build(root, ctx):
    """Turn the builder tree at ``root`` into VNodes (iteratively); return root's VNode.

    Component nodes become ``memo(render, instance, version)`` nodes (the
    pairs are collected in ``ctx.assign`` and committed by the caller);
    slot insertion points become fragments of the consumer's slot content.
    Most nodes are already built when this runs: an element is built as
    its ``with`` block ends (``Tag.__exit__``), and a keyed row that got
    the same inputs as last render is last render's, VNode included (see
    ``reuse``); this walk builds the rest (the root, and everything when
    ``ctx.stale``: a node changed after it was built).  Each node is
    unlinked from its parent once built: under MicroPython's conservative
    collector one stale pointer to any node of an old tree kept the whole
    tree alive.
    """
    rebuild = ctx.stale
    if rebuild:  # start again: every node is built (and registered) once by this walk
        ctx.keyed = EMPTY
        ctx.assign = ()
    st = [root, False]
    while st:
        done = st.pop()
        n = st.pop()
        if not done:
            if n.vn is not None and not rebuild:
                continue
            if pre(n, ctx):
                continue
            st.append(n)
            st.append(True)
            ch = n.children if n.tag != "#insert" else n.slot_kids()
            for i in range(len(ch) - 1, -1, -1):
                c = ch[i]
                if isinstance(c, Tag):
                    st.append(c)
                    st.append(False)
            continue
        post(n, ctx)
    return root.vn


def reset_replay():
    """Forget any comparison in progress (a render starts or ended early)."""
    del replaying[:]
    del rindex[:]
    replay_dirty[0] = False
    pending[0] = None


def pre(n, ctx):
    """Build ``n`` if it needs no child built first (a component, a reused keyed node, a leaf): True if done."""
    if n.__class__ is not Tag:
        comp = n.comp
        if comp is not None:
            vd = comp._vd
            slot_in = vd.slot_in
            if slot_in or vd.had_slots:
                vd.had_slots = bool(slot_in)
                if not vd.dirty:
                    vd.version += 1
            m = vd.memo
            if m is None or m.args[1] != vd.version or m.el is None or m.failed or m.key != n.key:
                m = memo(factory[1], comp, vd.version, key=n.key)
            # else: the mounted memo itself, unchanged: the diff skips it by identity
            n.vn = m
            a = ctx.assign
            if not a:
                a = ctx.assign = []
            a.append(comp)
            a.append(m)
            return True
        if n.tag == "#insert":
            return False
    k = n.key
    if k is not None:
        keyed = ctx.keyed
        if keyed is EMPTY:
            keyed = ctx.keyed = {}
        if k in keyed:
            if keyed[k] is not n:
                keyed[k] = None  # the same key twice in one render: never reused
        else:
            keyed[k] = n
    if n.children is not None:
        return False
    props = n.props
    if props is None:
        props = tag_props(n, ctx.inst)
        if prop_flags[1]:
            n.vn = element(n.tag, props or None, n.args, prop_flags[0])
            return True
    n.vn = h(n.tag, props or None, list(n.args))
    return True


def post(n, ctx):
    """Build ``n`` from its children's VNodes (all built); unlink the children from it."""
    tag = n.tag
    if tag == "#insert":
        ch = n.slot_kids()
        kids = []
    else:
        ch = n.children
        if ch and tag in VOID:
            ch = n.children = list(void_children(tag, ch))
        kids = list(n.args) if n.args else []
    r = 0
    for c in ch:
        if isinstance(c, Tag):
            kids.append(c.vn)
            c.parent = None
            if c.rk is not None:
                r = ref_holder(c, r)
                n.rk = 1
        else:
            kids.append(c)
    if tag == "#insert":
        n.vn = h(Fragment, n.props, kids)
        return
    props = n.props
    if props is None:
        props = tag_props(n, ctx.inst)
        if prop_flags[1]:
            n.vn = element(tag, props or None, kids, prop_flags[0])
            return
    n.vn = h(tag, props or None, kids)


_void_warned = {}


def void_children(tag, children):
    """Children given to a void element (``t.input("Enabled", type="checkbox")``) are
    dropped with a console notice, once per tag, instead of failing the page: PuePy
    tolerated them (the browser never shows them either)."""
    if tag not in _void_warned:
        _void_warned[tag] = True
        print("vdom.app: <%s> cannot have children; ignored: %r (put text next to it, e.g. in a "
              "<label>)" % (tag, children[0] if len(children) == 1 else list(children)))
    return ()


def ref_holder(c, r):
    """``c`` is, or holds, the element of a ``ref=``: key it if it has no key of its own.

    A ref names one element of a render (PuePy: ``t.input(ref="box")`` keeps its
    input, and its focus, across renders): it is that element's key, and each
    unkeyed element holding one is keyed by its place among the siblings that
    hold refs (``r``), so it keeps its host however many other unkeyed siblings
    come and go before it (the core matches unkeyed nodes by position).  An
    element whose subtree holds a ref only in some renders changes identity
    when the ref comes or goes.  Returns the next ``r``.
    """
    k = c.key
    if k is None or (k.__class__ is str and k.startswith("\x00refin#")):
        if c.tag[:1] == "#":
            return r
        k = c.key = "\x00refin#" + str(r)
        vn = c.vn
        if vn is not None:
            vn.key = k
        return r + 1
    return r


def built_on_exit(n, ctx):
    """``n``'s ``with`` block ended: build it now if its subtree allows."""
    if ctx.late:
        return
    for c in n.children or ():
        if c.__class__ is Tag or isinstance(c, Tag):
            if c.vn is None and not pre(c, ctx):
                return  # a child with children that was never a with block: the final walk builds it
    if pre(n, ctx):
        return
    post(n, ctx)


# Reuse of last render's builder nodes.  A keyed (or ref'd) call whose tag, arguments and
# keywords equal those of the node of that key last render (handlers aside) gets that very
# node back, with its mounted VNode; inside its ``with`` block every call is compared with the
# node's next child of last render (``replaying``: the open nodes being compared, ``rindex`` the
# next child's index in each) and, while they match, gets that child back: an unchanged row allocates
# no builder node and no VNode, and the diff skips it by identity.  At the first difference
# the rest of that block is built anew (``diverge``) and the whole row is rebuilt when its
# block ends (``end_replay``).  New handler functions go into the handler objects of the
# mounted props as calls match.
replaying = []
rindex = []  # for each node of ``replaying``: the index of the child the next call is compared with
replay_dirty = [False]
# A node given back for a call whose ``with`` has not been seen yet: if none comes (the next
# builder event), last render's children were not asked for (``resolve_pending``).
pending = [None]


def reuse(parent, key, name, args, kwargs):
    """Last render's node for this call, or None (a new node is made)."""
    if replaying and replaying[-1] is parent:
        i = rindex[-1]
        ch = parent.children
        if i < len(ch):
            old = ch[i]
            if old.__class__ is Tag and matches(old, name, args, kwargs):
                rindex[-1] = i + 1
                if old.children is not None:
                    pending[0] = old
                return old
        diverge(parent, i)
        return None
    if key is None or not contexts:
        return None
    ctx = contexts[-1]
    prev = ctx.prev
    if not prev or ctx.late:
        return None
    old = prev.get(key)
    if old is None or old.__class__ is not Tag or not matches(old, name, args, kwargs):
        return None
    keyed = ctx.keyed
    if keyed is EMPTY:
        keyed = ctx.keyed = {}
    if key in keyed:
        if keyed[key] is not old:
            keyed[key] = None  # the same key twice in one render
    else:
        keyed[key] = old
    old.parent = parent
    add_child(parent, old)
    if old.children is not None:
        pending[0] = old
    return old


def matches(old, name, args, kwargs):
    """Whether ``old`` (mounted) was given ``name``, ``args``, ``kwargs``; swaps in new handlers."""
    vn = old.vn
    if vn is None or vn.el is None or old.tag != name or old.args != args:
        return False
    ok = old.kw
    if kwargs is None:
        return ok is None
    if ok is None or "bind" in kwargs:
        return False
    if ok != kwargs:
        if len(ok) != len(kwargs):
            return False
        props = vn.props
        for k in kwargs:
            v = kwargs[k]
            ov = ok.get(k, _MISSING)
            if v is not ov and v != ov:
                p = _on_props.get(k)  # the prop of an on_<event> keyword (made when old was built)
                if p is None or ov is _MISSING or v is None or ov is None:
                    return False
                props[p].fn = v
    return True


def diverge(parent, i):
    """``parent``'s block differs from last render's from child ``i`` on: keep what matched."""
    ch = parent.children
    if i < len(ch):
        parent.children = ch = ch[:i]
    parent.nu = unkeyed_before(parent, None)
    parent.vn = None
    if replaying and replaying[-1] is parent:
        replaying.pop()
        rindex.pop()
    replay_dirty[0] = True


def resolve_pending():
    """A node given back with children was not entered: it has none now."""
    c = pending[0]
    pending[0] = None
    if c.vn is not None and c.children is not None:
        c.children = None
        c.nu = len(c.args)
        c.vn = None
        replay_dirty[0] = True


def end_replay(root, ctx):
    """The block of a reused keyed node ended: keep its VNode, or rebuild it if anything differed."""
    if not replay_dirty[0]:
        return
    replay_dirty[0] = False
    st = [root]
    while st:
        n = st.pop()
        n.vn = None
        for c in n.children or ():
            if c.__class__ is Tag:
                st.append(c)
    if not ctx.late:
        build(root, ctx)


_MISSING = object()


class CompTag(Tag):
    """A component's place in its owner's builder tree (``comp``: the instance)."""


class SlotPoint(Tag):
    """Where a component's ``insert_slot(name)`` puts the consumer's content (no wrapper)."""

    def __init__(self, owner, name, key):
        Tag.__init__(self, "#insert", {"key": key}, key)
        self.owner = owner
        self.name = name

    def comp_slot(self):
        return self.owner._vd.slot_in.get(self.name)

    def slot_kids(self):
        content = self.comp_slot()
        return content.kids() if content is not None else ()
