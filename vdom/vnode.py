"""VNodes and ``h()``: the immutable description of a tree.

A VNode is created by ``h()`` (elements and fragments), by ``memo()``, or
implicitly for text children.  Once passed to ``h()`` or rendered, treat a
VNode and its props dict as immutable: the reconciler skips work by
identity (``old.props is new.props``) and stores host nodes on VNodes.
"""

from vdom.props import _kinds, prop_kind, norm_class, check_style, check_name, EVENT, CLASS, STYLE, KEY
from vdom.props import ATTR, HOOK, attr_value
from vdom.elements import VOID, canonical_tag, attr_risk, check_url_attr, check_code_attr, check_script

TEXT = "#text"
Fragment = "#fragment"
MEMO = "#memo"
RAW = "#raw"
STATIC = "#static"

_SPECIAL = {TEXT: 1, Fragment: 1, MEMO: 1, RAW: 1, STATIC: 1}
# Set by normalize_children: whether any child it returned is deep (a
# module-level cell instead of a second loop in h(); pages are single-threaded).
_deep = [False]
_good_tags = {}  # valid tag -> 1, or 2 for a void element (any case)
_NO_CHILDREN = ()  # the children of an element with text content (shared, never mutated)
# h()'s kind of each prop name: vdom.props' kind, or _STATE for an element-state prop (set as a
# DOM property: its value is checked too).  Cached like vdom.props._kinds, so h() still makes one
# dict lookup per prop; filled by prop_check_kind().
_STATE = 16
# h()'s kinds of attributes that can run script (vdom.elements.attr_risk): a URL
# (href, src... : no javascript:) or code (on*, srcdoc: only trusted(); attributeName: no on*).
_URL = 17
_CODE = 18
# (``value`` takes any attribute value, so it is a plain attribute here.)
_STATE_PROPS = {"checked": 1, "selected": 1, "selectedIndex": 1, "muted": 1, "indeterminate": 1}
_checks = {"key": KEY}  # "key" is never missing: h() reads the key in its props loop
_HOOKS = {"create": 1, "insert": 1, "update": 1, "remove": 1}
# Classes of attribute values and keys that need no further look (None included).
_PLAIN = {str: 1, int: 1, float: 1, bool: 1, type(None): 1}
_KEYS = {str: 1, int: 1, type(None): 1}


def text_content(v):
    """The text content of element VNode ``v`` (see ``VNode.text``), or None."""
    t = v.text
    return t if t.__class__ is str and v.tag[:1] != "#" else None


class VNode:
    """One node of a virtual tree.

    ``tag``: the element name, or ``TEXT``, ``Fragment``, ``MEMO``, ``RAW``,
    ``STATIC``.
    ``props``: the props dict (``None`` when empty); ``key``: ``props["key"]``;
    for a ``STATIC`` node, the ``Static`` it is a use of.
    ``children``: list of VNodes (holes removed), or None for text.
    ``text``: the string of a text or raw-HTML node; for any other node True
    when it or a descendant has a listener or a hook or is a memo (set by
    ``h()``: unmounting walks only such subtrees), else None.  One attribute
    serves both because an object with a ninth attribute made building
    trees ~10% slower on MicroPython.  An element whose only child is one
    string and that has no listener or hook (``h("td", None, "label")``)
    keeps that string in ``text`` instead of a text child (``children`` is
    an empty tuple): it is rendered with one ``set_text_content`` call, as
    snabbdom and Vue do with text-only children.
    ``slot``: position among the unkeyed children of its parent (holes
    count, keyed siblings do not); -1 for keyed nodes, None until owned.
    ``el``: the host node once mounted (for a fragment: its start marker, an
    empty text node; for a memo: the first host of what it rendered).
    ``ev``: ``{event_type: Listener}`` of a mounted element; for a mounted
    memo, the namespace of its host parent.
    """

    # All eight attributes are set in __init__: on MicroPython (which
    # ignores __slots__) adding attributes later, or shadowing class-level
    # defaults, made patches 4-5x slower (measured with bench/run_one.py).
    __slots__ = ("tag", "props", "children", "key", "slot", "el", "text", "ev")

    def __init__(self, tag, props=None, children=None, key=None, text=None):
        self.tag = tag
        self.props = props
        self.children = children
        self.key = key
        self.text = text
        self.slot = None
        self.el = None
        self.ev = None

    def __repr__(self):
        t = self.tag
        if t == TEXT:
            return "VNode(text %r)" % (self.text,)
        if t == RAW:
            return "VNode(raw %r)" % (self.text,)
        k = "" if self.key is None else " key=%r" % (self.key,)
        n = len(self.children) if self.children else 0
        return "VNode(<%s>%s, %d children)" % (t, k, n)

    def __html__(self):
        """markupsafe protocol: a VNode embeds in Jinja/markupsafe as trusted HTML.

        It is ``renderers.html.render_to_string(self)``, which that module
        registers in ``html_serializer`` when it is imported: the core never
        imports a renderer.
        """
        return _serialize(self)


class MemoNode(VNode):
    """A subtree rendered by ``fn(*args)``, skipped while ``args`` stay equal."""

    # Twelve attributes, not thirteen: MicroPython grows an instance's
    # attribute table 12 -> 17 entries at the thirteenth (a 9-block
    # allocation per memo, slow to place in a fragmented heap), so the
    # namespace of the host parent lives in ``ev``, which memos do not use.
    __slots__ = ("fn", "args", "parent", "failed")

    def __init__(self, fn, args, key=None):
        self.tag = MEMO
        self.props = None
        self.children = None
        self.key = key
        self.text = True  # visited on unmount
        self.slot = None
        self.el = None
        # Once mounted: the namespace of the host parent (see above).
        self.ev = None
        self.fn = fn
        self.args = args
        # Where the memo's hosts live once mounted, so Root.update() can
        # re-render it in place (a component whose own state changed).
        self.parent = None
        # True after fn raised: the next render calls it again even if args are equal.
        self.failed = False

    def __repr__(self):
        return "MemoNode(%r, %d args)" % (getattr(self.fn, "__name__", self.fn), len(self.args))


class Static:
    """A subtree that never changes, shared by every place that shows it.

    Made by ``static()``.  Each use in a children list becomes its own
    ``STATIC`` VNode (one small object, no copy of the subtree), which a
    renderer with ``clone`` mounts with one call: a deep copy of a host
    subtree built once per renderer and namespace.  Patching two uses of
    the same ``Static`` does nothing at all.
    """

    __slots__ = ("node", "hosts")

    def __init__(self, node):
        self.node = node
        # {renderer: {namespace: prepared host subtree}} (see template()).
        self.hosts = None

    def template(self, renderer, ns=None):
        """The host subtree prepared for ``renderer`` in namespace ``ns``, or None."""
        per = self.hosts.get(renderer) if self.hosts else None
        return per.get(ns) if per else None

    def __repr__(self):
        return "static(%r)" % (self.node,)

    def __html__(self):
        return _serialize(self.node)


# VNode/Static.__html__: renderers.html puts its render_to_string here when it is imported
# (markupsafe's protocol without the core importing a renderer).
html_serializer = [None]


def _serialize(node):
    f = html_serializer[0]
    if f is None:
        raise RuntimeError("VNode.__html__ is renderers.html.render_to_string: import renderers.html "
                           "first (the core does not import renderers)")
    return f(node)


def static(node):
    """Hoist a subtree that never changes: mount it by cloning, never diff it.

    Like Vue's hoisted static trees or a template's ``cloneNode``: build it
    once at module level and use the result as a child anywhere, as often as
    needed (``h("tr", None, [h("td", None, label), REMOVE_CELL])``).  Every
    use costs one renderer call (``clone``) to mount instead of one per
    node, attribute and class, and nothing to patch.  ``node`` must be an
    element VNode without listeners, hooks or memos anywhere inside (a
    static subtree is never visited again, so they could never run); a use
    is unkeyed (its identity is its slot, like any unkeyed child).
    """
    if not isinstance(node, VNode):
        node = as_vnode(node, "static")
    t = node.tag
    if t in _SPECIAL:
        raise TypeError("static() needs an element VNode, got %r" % (node,))
    if node.text is True:
        raise ValueError(
            "static(<%s>): a static subtree cannot hold listeners, hooks or memos "
            "(it is never patched, so they would never update)" % (t,)
        )
    if node.key is not None:
        raise ValueError("static(<%s>): a static subtree cannot have a key (uses are unkeyed)" % (t,))
    _check_static_props(node)
    if node.slot is not None:
        node = clone(node)
    node.slot = 0
    return Static(node)


# Set as DOM properties by the DOM renderer, and not (all) copied by cloneNode.
_LIVE_PROPS = ("value", "checked", "selected", "selectedIndex", "muted", "indeterminate")


def _check_static_props(node):
    st = [node]
    while st:
        v = st.pop()
        if v.tag == STATIC:  # a nested use: checked when it was made
            continue
        props = v.props
        if props:
            for name in _LIVE_PROPS:
                if name in props:
                    raise ValueError(
                        "static(): <%s %s> is live element state, which cloning does not copy "
                        "everywhere; keep it out of the static subtree" % (v.tag, name)
                    )
        if v.children:
            st.extend(v.children)


def text(value):
    """A text VNode (what ``h()`` makes of a ``str`` child)."""
    return VNode(TEXT, None, None, None, value)


def memo(fn, *args, key=None):
    """A VNode that renders ``fn(*args)`` and skips the subtree while ``args`` are equal.

    Like snabbdom's thunk or Vue's v-memo: give each row of a large list a
    ``memo(render_row, item_id, label, selected, key=item_id)`` and a
    re-render patches only the rows whose arguments changed.  ``fn`` may
    return a VNode, a string, None or a list (rendered as a fragment).
    """
    if not callable(fn):
        raise TypeError("memo() needs a callable first, got %r" % (fn,))
    if key.__class__ not in _KEYS:
        check_key(key, None)
    return MemoNode(fn, args, key)


def h(tag, props=None, *children):
    """Build an element (or ``Fragment``) VNode.

    ``props`` is a dict or None; ``props["key"]`` identifies the node among
    its siblings.  ``on_<type>`` props are listeners, ``class`` takes a
    string, list or dict, ``style`` a string or dict, ``hook`` a dict of
    lifecycle callbacks (``create``, ``insert``, ``update``, ``remove``).
    Children may be VNodes, strings, numbers, None/True/False (holes) or
    nested lists/tuples of these.  Errors (bad tag, props that are not a
    dict, duplicate, unhashable or NaN keys, bad prop names or values:
    hooks, element state, attribute values that are not str, numbers,
    bools or None; a child list that contains itself) raise here, before
    any rendering starts.
    """
    t = _good_tags.get(tag) if tag.__class__ is str else None
    if t is None:
        t = _check_tag(tag)
        if t == 3:  # svg/math/foreignObject in another case, or script: never cached
            if tag.lower() == "script":
                check_script(tag, props, children)
            tag = canonical_tag(tag)
            t = 1
    key = None
    deep = False
    if props is not None:
        if props.__class__ is not dict and not isinstance(props, dict):
            raise TypeError(
                "h(%r, props, ...): props must be a dict or None, got %s %r"
                " (children go after props: h(tag, None, child))" % (tag, type(props).__name__, props)
            )
        if props:
            kinds = _checks
            plain = _PLAIN
            for name in props:
                # -1: a name not classified yet.  A plain attribute (ATTR, 0) costs one
                # dict test of its value's class, the key (KEY, 1, always in _checks)
                # one more; literals, not the names, and dict tests, not `is` chains:
                # each global lookup shows under MicroPython.
                k = kinds.get(name, -1)
                if not k:
                    if props[name].__class__ not in plain:
                        check_attr(tag, name, props[name])
                elif k == 1:
                    key = props[name]
                    if key.__class__ not in _KEYS:
                        check_key(key, tag)
                elif k != 2 or props[name].__class__ is not str:  # CLASS (2): a str needs no look
                    if _check_prop(tag, props, name):
                        deep = True
        else:
            props = None
    if not children:
        return VNode(tag, props, [], key, True if deep else None)
    if len(children) == 1 and t == 1:
        # Fast paths for the most common case, one text or one fresh VNode child.
        c = children[0]
        cls = c.__class__
        if cls is str:
            if not deep and tag != Fragment:
                # Text content: no text child (see VNode.text).
                return VNode(tag, props, _NO_CHILDREN, key, c)
            c = VNode(TEXT, None, None, None, c)
            c.slot = 0
            return VNode(tag, props, [c], key, True if deep else None)
        if cls is VNode and c.slot is None and c.key is None:
            c.slot = 0
            return VNode(tag, props, [c], key, True if (deep or c.text is True) else None)
    ch = normalize_children(children, tag)
    if ch and t == 2:
        raise ValueError("<%s> is a void element and cannot have children" % tag)
    return VNode(tag, props, ch, key, True if (deep or _deep[0]) else None)


def element(tag, props, children, deep=False):
    """``h(tag, props, children)`` for frameworks that made ``props`` themselves: faster, same result.

    Requires: every prop name already valid (``vdom.props.prop_kind``
    accepted it), ``class`` a string, no ``style`` or ``hook`` (their
    values need h()'s checks, as do ``_URL``/``_CODE`` props: ``href``,
    ``on*``...), every other value checked (``check_attr``,
    or ``check_state`` for a ``prop_check_kind`` of ``_STATE``), the key
    too (``check_key``, unless a str, an int or None); ``deep`` True if a
    prop is a listener.
    ``children`` is a list; strings, numbers, holes and VNodes not yet
    owned (fresh or keyed) take the fast path, anything else (raw HTML,
    ``Static``, nested lists, an unknown or void tag) goes through
    ``h()``.  Skips h()'s per-call work (varargs, the props loop, the
    general child normalisation): about half of building a row's VNodes
    under MicroPython.
    """
    t = _good_tags.get(tag)
    if t is None or (t == 2 and children):
        return h(tag, props, children)  # validates the tag; a void element with children raises
    key = props.get("key") if props else None
    if not children:
        return VNode(tag, props, [], key, True if deep else None)
    for c in children:
        cls = c.__class__
        if cls is VNode or cls is MemoNode:
            if c.slot is not None and c.key is None:
                return h(tag, props, children)  # an owned unkeyed VNode: h() copies it
        elif cls is not str and cls is not int and cls is not float and c is not None \
                and c is not True and c is not False:
            return h(tag, props, children)
    if len(children) == 1 and children[0].__class__ is str and not deep:
        return VNode(tag, props, _NO_CHILDREN, key, children[0])  # text content
    # normalize_children's rules for the kinds checked above, inlined: calling it here made
    # building a row 5-10% slower under MicroPython (measured in Node).
    out = []
    slot = 0
    keyed = 0
    for c in children:
        cls = c.__class__
        if cls is str:
            c = VNode(TEXT, None, None, None, c)
        elif cls is VNode or cls is MemoNode:
            if c.text is True:
                deep = True
            if c.key is not None:
                c.slot = -1
                keyed += 1
                out.append(c)
                continue
        elif cls is int or cls is float:
            c = VNode(TEXT, None, None, None, str(c))
        else:  # a hole keeps its slot
            slot += 1
            continue
        c.slot = slot
        slot += 1
        out.append(c)
    if keyed > 1:
        _check_keys(out, tag)
    return VNode(tag, props, out, key, True if deep else None)


def _check_tag(tag):
    if not isinstance(tag, str):
        raise TypeError("h(): the tag must be a string (or vdom.Fragment), got %r" % (tag,))
    if tag in _SPECIAL:
        if tag != Fragment:
            raise ValueError("h(): %r is an internal tag; use vdom.text()/vdom.memo()" % (tag,))
        return 1
    c = tag[:1]
    if not (("a" <= c <= "z") or ("A" <= c <= "Z")):
        raise ValueError("h(): invalid tag %r: a tag starts with a letter" % (tag,))
    check_name(tag, "tag")
    low = tag.lower()
    if low == "script" or canonical_tag(tag) != tag:
        return 3  # h() checks (script) or respells (SVG -> svg) it on every call
    if len(_good_tags) > 2048:
        _good_tags.clear()
    t = 2 if low in VOID else 1
    _good_tags[tag] = t
    return t


def _check_prop(tag, props, name):
    """Validate one prop whose kind needs a look at its value (or is unknown).

    Returns True for a listener or a hook (the node must be visited on unmount).
    """
    k = _checks.get(name)
    if k is None:
        k = prop_check_kind(name)
    v = props[name]
    if k == EVENT:
        if v is not None and not callable(v):
            raise TypeError("<%s %s>: a listener must be callable or None, got %r" % (tag, name, v))
        return v is not None
    elif k == CLASS:
        if v.__class__ is not str:
            norm_class(v)  # raises TypeError for a bad value
    elif k == STYLE:
        check_style(v)
    elif k == HOOK:
        if v is None:
            return False
        if not isinstance(v, dict):
            raise TypeError("<%s>: the hook prop must be a dict of callables, got %r" % (tag, v))
        for n in v:
            if n not in _HOOKS:
                raise ValueError("h(%r): unknown hook %r (the hooks are create, insert, update and remove)"
                                 % (tag, n))
            f = v[n]
            if f is not None and not callable(f):
                raise TypeError("h(%r): hook %r must be callable or None, got %r" % (tag, n, f))
        return bool(v)
    elif k == _STATE:
        check_state(tag, name, v)
    elif k == ATTR:
        check_attr(tag, name, v)
    elif k == _URL:
        if v.__class__ is not str:
            check_attr(tag, name, v)
            check_url_attr(tag, name, v)
        elif ":" in v:  # (no scheme: no script)
            check_url_attr(tag, name, v)
    elif k == _CODE:
        check_attr(tag, name, v)
        check_code_attr(tag, name, v)
    return False


def prop_check_kind(name):
    """h()'s kind of prop ``name`` (cached in ``_checks``): ``vdom.props.prop_kind``'s, or
    ``_STATE`` for an element-state prop (``checked``, ``selectedIndex``...), ``_URL``/``_CODE`` for an
    attribute that can run script (``href``, ``onclick``: ``vdom.elements.attr_risk``).  Raises
    for a bad name."""
    k = prop_kind(name)
    if k == ATTR:
        if name in _STATE_PROPS:
            k = _STATE
        else:
            r = attr_risk(name)
            if r:
                k = _URL if r == 1 else _CODE
    if len(_checks) > 4096:
        _checks.clear()
        _checks["key"] = KEY
    _checks[name] = k
    return k


def check_attr(tag, name, value):
    """Raise unless ``value`` can be the value of attribute ``name``.

    Accepted: str, int, float (written as ``str(value)``, NaN as ``nan``:
    a finiteness test on every float attribute, common in SVG, measurably
    slowed h() under MicroPython), bool, None, their subclasses, and an
    object with ``__html__`` (its markup string, escaped like any value).
    A list, dict, set or other object raises instead of being rendered as
    its ``str()``.
    """
    if value.__class__ in _PLAIN or isinstance(value, (str, int, float)) or hasattr(value, "__html__"):
        return
    raise TypeError(
        "h(%r): attribute %r takes a str, a number, a bool or None, got %s %r (convert it first, e.g. "
        "with ' '.join() or json.dumps())" % (tag, name, type(value).__name__, value)
    )


def check_state(tag, name, value):
    """Raise unless ``value`` suits element-state prop ``name`` (set as a DOM property).

    None and False mean absent.  ``selectedIndex`` takes an int or a
    string of one (``"2"``, ``"-1"``);
    ``checked``, ``selected``, ``muted`` and ``indeterminate`` True (or a
    string, present as in HTML): a number raises, as ``0`` would make it true.
    """
    if value is None or value is False:
        return
    if name == "selectedIndex":
        if value is True or not isinstance(value, (int, str)):
            raise TypeError("h(%r): selectedIndex must be an int, got %r" % (tag, value))
        if isinstance(value, str):
            s = value[1:] if value[:1] == "-" else value
            if not s:
                s = "x"
            for ch in s:
                if ch < "0" or ch > "9":
                    raise ValueError("h(%r): selectedIndex must be an int (or a string of one), got %r"
                                     % (tag, value))
    elif value is not True and not isinstance(value, str):
        raise TypeError("h(%r): %s takes a bool (or None), got %r: any value but None or False makes it true"
                        % (tag, name, value))


def check_key(key, tag):
    """Raise unless ``key`` can be a key: hashable, and no NaN in it (NaN never equals itself,
    so the node would be remounted on every render).  ``tag`` is None for a memo."""
    where = "memo()" if tag is None else "h(%r)" % (tag,)
    try:
        hash(key)
    except TypeError:
        raise TypeError("%s: key %r is not hashable (use a str, an int or a tuple of these)" % (where, key))
    st = [key]
    while st:
        k = st.pop()
        if isinstance(k, float):
            if k != k:
                raise ValueError("%s: key %r is NaN, which never equals itself: the node would be "
                                 "remounted on every render" % (where, key))
        elif isinstance(k, (tuple, frozenset)):
            st.extend(k)


def normalize_children(items, parent_tag="#root"):
    """Flatten ``items`` into a list of owned VNodes.

    Strings and numbers become text nodes, each ``Static`` a ``STATIC``
    node, objects with ``__html__`` raw HTML nodes, holes (None/True/False) are dropped but keep their slot so that
    unkeyed siblings after a conditional child keep their identity.  An
    unkeyed VNode already used elsewhere is deep-copied; a keyed one is kept
    as is: rendering the very keyed VNode object that is mounted at that
    place skips it and its whole subtree (it is unchanged by definition),
    and the reconciler copies it if it turns out to be mounted elsewhere.  Raises ``ValueError`` naming the
    key when two siblings share one.
    """
    if len(items) == 1:
        c = items[0].__class__
        if c is list or c is tuple:
            items = items[0]  # h(tag, props, [children]): use the list as is
    for c in items:
        cls = c.__class__
        if cls is list or cls is tuple:
            items = _flatten(items, parent_tag)
            break
    out = []
    slot = 0
    keyed = 0
    deep = False
    for c in items:
        cls = c.__class__
        if cls is VNode or cls is MemoNode:
            if c.slot is not None and c.key is None:
                c = clone(c)
            if c.text is True:
                deep = True
            if c.key is None:
                c.slot = slot
                slot += 1
            else:
                c.slot = -1
                keyed += 1
            out.append(c)
            continue
        if cls is str:
            c = VNode(TEXT, None, None, None, c)
        elif c is None or c is True or c is False:
            slot += 1
            continue
        elif cls is int or cls is float:
            c = VNode(TEXT, None, None, None, str(c))
        elif cls is Static or isinstance(c, Static):
            c = VNode(STATIC, c, None, None, None)
        elif isinstance(c, VNode):
            if c.slot is not None and c.key is None:
                c = clone(c)
            if c.text is True:
                deep = True
            if c.key is not None:
                c.slot = -1
                keyed += 1
                out.append(c)
                continue
        elif hasattr(c, "__html__"):
            c = VNode(RAW, None, None, None, str(c.__html__()))
        elif isinstance(c, str):
            c = VNode(TEXT, None, None, None, str(c))
        elif isinstance(c, (int, float)):
            c = VNode(TEXT, None, None, None, str(c))
        else:
            raise TypeError(
                "<%s>: a child must be a VNode, static(), str, number, None/bool or a list of these, got %s %r"
                % (parent_tag, type(c).__name__, c)
            )
        c.slot = slot
        slot += 1
        out.append(c)
    if keyed > 1:
        _check_keys(out, parent_tag)
    _deep[0] = deep
    return out


def _flatten(items, parent_tag):
    """Flatten nested lists/tuples iteratively (holes kept: they hold slots).

    Raises ValueError for a list that contains itself, directly or through
    nesting (flattening it would never end): ``path`` holds the lists being
    flattened, a few at most, so the check is a short scan.
    """
    out = []
    stack = [iter(items)]
    path = [items]
    while stack:
        for c in stack[-1]:
            cls = c.__class__
            if cls is list or cls is tuple:
                for p in path:
                    if p is c:
                        raise ValueError("<%s>: a child list contains itself (a cycle): it cannot be "
                                         "flattened" % (parent_tag,))
                stack.append(iter(c))
                path.append(c)
                break
            out.append(c)
        else:
            stack.pop()
            path.pop()
    return out


def _check_keys(children, parent_tag):
    seen = set()
    for c in children:
        k = c.key
        if k is not None:
            try:
                if k in seen:
                    raise ValueError("duplicate key %r among the children of <%s>" % (k, parent_tag))
                seen.add(k)
            except TypeError:
                raise TypeError("key %r among the children of <%s> is not hashable" % (k, parent_tag))


def clone(vnode):
    """Deep-copy a VNode tree without its host nodes (safe to mount again)."""
    top = _copy1(vnode)
    stack = [top]
    while stack:
        v = stack.pop()
        ch = v.children
        if ch and v.tag != MEMO:
            ch = list(ch)
            v.children = ch
            for i in range(len(ch)):
                c = _copy1(ch[i])
                ch[i] = c
                if c.children:
                    stack.append(c)
    return top


def _copy1(v):
    if v.tag == MEMO:
        c = MemoNode(v.fn, v.args, v.key)
    else:
        c = VNode(v.tag, v.props, v.children, v.key, v.text)
    c.slot = v.slot
    return c


def as_vnode(value, where="render"):
    """Turn what a render function returned into one VNode (lists -> Fragment)."""
    if isinstance(value, VNode) and value.slot is None:
        value.slot = 0
        return value
    ch = normalize_children((value,), where)
    if len(ch) == 1:
        return ch[0]
    v = VNode(Fragment, None, ch, None, True if _deep[0] else None)
    v.slot = 0
    return v


def option_value(v):
    """An ``<option>`` VNode's value as a browser reads it: its ``value`` prop, else its
    text with whitespace collapsed (None when it cannot be told without rendering)."""
    props = v.props
    if props is not None and props.get("value") is not None:
        x = attr_value("value", props["value"])
        return "" if x is True else x
    t = v.text
    if t.__class__ is not str:
        parts = []
        for c in v.children or ():
            if c.tag != TEXT:
                return None
            parts.append(c.text)
        t = "".join(parts)
    return " ".join(t.split())
