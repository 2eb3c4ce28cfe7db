"""An in-memory DOM that records every renderer call: the test renderer.

``MockRenderer`` implements the protocol on plain Python nodes and appends
each call to ``renderer.ops`` as ``(method_name, *arguments)``, so tests can
assert exactly what the core did (how many moves, which attributes) and
benchmarks can count host operations without a browser.  It checks its
input like a DOM would (inserting before a node that is not a child,
removing a node from the wrong parent) so core bugs fail loudly.
"""

from vdom.renderer import Renderer
from vdom.props import style_text
from renderers.markup import VOID, RAW_TEXT, RCDATA, escape_text, raw_text, open_tag, parser_ns, parser_child_ctx
from renderers.markup import SVG_NS, MATHML_NS

# Event types that do not bubble in the DOM.
_NO_BUBBLE = {"focus": 1, "blur": 1, "load": 1, "unload": 1, "scroll": 1, "mouseenter": 1,
              "mouseleave": 1, "pointerenter": 1, "pointerleave": 1, "error": 1}


class MockNode:
    """A host node: an element (``tag`` is its lower-case name), a text node
    (``tag`` is None, ``text`` holds the string), raw HTML (``tag`` is "#raw") or a
    comment (``tag`` is "#comment", ``text`` its data; only ``load_html`` makes them).
    """

    __slots__ = ("tag", "namespace", "attributes", "styles", "children", "parent", "text", "listeners",
                 "live")

    def __init__(self, tag, namespace=None, text=None):
        self.tag = tag
        self.namespace = namespace
        self.attributes = {}
        self.styles = None
        self.children = []
        self.parent = None
        self.text = text
        self.listeners = None
        self.live = None  # value/checked/selected as the user (or a property set) left them

    # -- what handlers read, as on a DOM element -----------------------------------
    # ``value``, ``checked`` and ``selected`` are live properties, distinct from the
    # attributes: the attribute is the default, the user's typing (``vdom.app.testing``'s
    # ``type_into``...) changes the property, and the renderer's ``set_attribute`` sets
    # both (the DOM renderer sets the property).

    @property
    def tagName(self):
        t = self.tag or "#text"
        return t.upper() if self.namespace is None else t

    @property
    def localName(self):
        return self.tag

    @property
    def type(self):
        t = self.tag
        a = self.attributes
        if t == "select":
            return "select-multiple" if _present(a.get("multiple")) else "select-one"
        typ = str(a.get("type") or "").lower()
        if t == "input" and not typ:
            return "text"
        return typ

    @property
    def textContent(self):
        return "".join([n.text or "" for n in walk(self) if n.tag is None])

    def _live_get(self, name):
        live = self.live
        if live is not None and name in live:
            return live[name]
        return _NOT_SET

    def _live_set(self, name, value):
        if self.live is None:
            self.live = {}
        self.live[name] = value

    @property
    def value(self):
        t = self.tag
        if t == "select":  # the first selected option's (a value set before its options existed)
            for o in self.selectedOptions:
                return o.value
            v = self._live_get("value")
            return "" if v is _NOT_SET else v
        v = self._live_get("value")
        if v is not _NOT_SET:
            return v
        if t == "textarea":
            return self.textContent
        v = self.attributes.get("value")
        if v is None:
            return " ".join(self.textContent.split()) if t == "option" else ""
        return "" if v is True else str(v)

    @value.setter
    def value(self, v):
        v = "" if v is None else str(v)
        if self.tag == "select":
            for o in walk(self):
                if o.tag == "option":
                    o._live_set("selected", o.value == v)
        self._live_set("value", v)

    def _flag(self, name):
        v = self._live_get(name)
        return _present(self.attributes.get(name)) if v is _NOT_SET else v

    checked = property(lambda self: self._flag("checked"), lambda self, v: self._live_set("checked", bool(v)))
    selected = property(lambda self: self._flag("selected"), lambda self, v: self._live_set("selected", bool(v)))

    @property
    def options(self):
        return MockCollection([n for n in walk(self) if n.tag == "option"])

    @property
    def selectedOptions(self):
        return MockCollection([n for n in walk(self) if n.tag == "option" and n.selected])

    @property
    def selectedIndex(self):
        opts = self.options.items
        for i in range(len(opts)):
            if opts[i].selected:
                return i
        return -1

    def __repr__(self):
        if self.tag is None:
            return "MockText(%r)" % (self.text,)
        return "MockNode(%s)" % to_html(self)[:80]

    def __html__(self):
        return to_html(self)


_NOT_SET = object()
_LIVE = {"value": 1, "checked": 1, "selected": 1}


def _present(v):
    return v is not None and v is not False and v != "false"


class MockCollection:
    """A DOM collection (``options``, ``selectedOptions``): ``length``, ``item(i)``, ``[i]``."""

    def __init__(self, items):
        self.items = items
        self.length = len(items)

    def item(self, i):
        return self.items[i]

    def __getitem__(self, i):
        return self.items[i]

    def __len__(self):
        return self.length

    def __iter__(self):
        return iter(self.items)


class MockEvent:
    """What ``MockRenderer.dispatch`` passes to listeners (DOM Event-like)."""

    def __init__(self, type, target=None, detail=None, bubbles=None):
        self.type = type
        self.target = target
        self.current_target = None
        self.currentTarget = None
        self.detail = detail
        self.bubbles = (type not in _NO_BUBBLE) if bubbles is None else bubbles
        self.default_prevented = False
        self.defaultPrevented = False
        self.propagation_stopped = False

    def stopPropagation(self):
        self.propagation_stopped = True

    def preventDefault(self):
        self.default_prevented = True
        self.defaultPrevented = True


class MockRenderer(Renderer):
    """In-memory renderer.  ``ops`` logs every call; ``moves`` counts inserts
    of nodes that were already attached (the core's ``move`` calls arrive
    here as ``insert``, through the base class, and are logged as such;
    ``release_listener`` arrives as ``remove_listener``).  Pass ``log=False`` to keep only the
    counters (``counts``: calls per method name), e.g. in benchmarks.
    """

    def __init__(self, log=True):
        self.log = log
        self.ops = []
        self.counts = {}
        self.moves = 0

    def reset(self):
        """Forget the recorded ops and counters (the nodes stay)."""
        self.ops = []
        self.counts = {}
        self.moves = 0

    def count(self, name=None):
        """How many calls of ``name`` were recorded (all calls when None)."""
        if name is None:
            n = 0
            for k in self.counts:
                n += self.counts[k]
            return n
        return self.counts.get(name, 0)

    def create_container(self, tag="div"):
        """A fresh element to render into (not recorded)."""
        return MockNode(tag)

    def _count(self, name):
        # The op tuple is built only when logging: tuples of 3+ items are slow on MicroPython.
        c = self.counts
        c[name] = c.get(name, 0) + 1
        return self.log

    # -- the protocol ---------------------------------------------------------

    def create_element(self, tag):
        if self._count("create_element"):
            self.ops.append(("create_element", tag))
        return MockNode(tag.lower())

    def create_element_ns(self, namespace, tag):
        if self._count("create_element_ns"):
            self.ops.append(("create_element_ns", namespace, tag))
        return MockNode(tag, namespace)

    def create_text(self, text):
        if self._count("create_text"):
            self.ops.append(("create_text", text))
        return MockNode(None, None, text)

    def create_raw(self, html):
        if self._count("create_raw"):
            self.ops.append(("create_raw", html))
        return MockNode("#raw", None, html)

    def clone(self, node):
        """A deep copy of ``node`` (what ``cloneNode(true)`` does; listeners are not copied)."""
        if self._count("clone"):
            self.ops.append(("clone", node))
        top = _copy_node(node)
        st = [[node, top]]
        while st:
            src, dst = st.pop()
            for c in src.children:
                d = _copy_node(c)
                d.parent = dst
                dst.children.append(d)
                if c.children:
                    st.append([c, d])
        return top

    def insert(self, parent, node, anchor):
        if self._count("insert"):
            self.ops.append(("insert", parent, node, anchor))
        # Check everything first, like DOM insertBefore: a rejected call changes nothing.
        if node is anchor:
            raise ValueError("insert: a node cannot be inserted before itself")
        if anchor is not None and anchor.parent is not parent:
            raise ValueError("insert: the anchor %r is not a child of %r" % (anchor, parent))
        pt = parent.tag
        if pt is None or pt == "#raw" or pt == "#comment":
            raise ValueError("insert: %r is not an element" % (parent,))
        if parent is node:
            raise ValueError("insert: %r would become its own child" % (node,))
        # Only a node with an element child can be an ancestor of ``parent`` (an element): the
        # core mounts top-down, inserting childless or text-only nodes, so mounting stays linear
        # in the depth (walking every time made a 40,000-deep tree quadratic: 55 s to mount).
        for c in node.children:
            t = c.tag
            if t is not None and t != "#raw":
                p = parent.parent
                while p is not None:
                    if p is node:
                        raise ValueError("insert: %r would become its own descendant" % (node,))
                    p = p.parent
                break
        old = node.parent
        if old is not None:
            self.moves += 1
            old.children.remove(node)
        ch = parent.children
        if anchor is None:
            ch.append(node)
        else:
            ch.insert(ch.index(anchor), node)
        node.parent = parent

    def remove(self, parent, node):
        if self._count("remove"):
            self.ops.append(("remove", parent, node))
        if node.parent is not parent:
            raise ValueError("remove: %r is not a child of %r" % (node, parent))
        parent.children.remove(node)
        node.parent = None

    def clear(self, parent):
        if self._count("clear"):
            self.ops.append(("clear", parent))
        for c in parent.children:
            c.parent = None
        parent.children = []

    def set_text_content(self, el, text):
        """Like DOM ``el.textContent = text``: all children replaced by one new text node (none for "")."""
        if self._count("set_text_content"):
            self.ops.append(("set_text_content", el, text))
        if el.tag is None or el.tag == "#raw" or el.tag == "#comment":
            raise ValueError("set_text_content: %r is not an element" % (el,))
        for c in el.children:
            c.parent = None
        el.children = []
        if text:
            t = MockNode(None, None, text)
            t.parent = el
            el.children.append(t)

    def set_text(self, node, text):
        if self._count("set_text"):
            self.ops.append(("set_text", node, text))
        node.text = text

    def set_attribute(self, el, name, value):
        if self._count("set_attribute"):
            self.ops.append(("set_attribute", el, name, value))
        if name == "style":
            el.styles = None
        el.attributes[name] = value
        if name in _LIVE:  # as the DOM renderer, which sets the property
            if name == "value":
                el.value = "" if value is True else value
            else:
                el._live_set(name, _present(value))

    def remove_attribute(self, el, name):
        if self._count("remove_attribute"):
            self.ops.append(("remove_attribute", el, name))
        if name == "style":
            el.styles = None
        el.attributes.pop(name, None)
        if name in _LIVE:
            el._live_set(name, "" if name == "value" else False)

    def set_class(self, el, value):
        if self._count("set_class"):
            self.ops.append(("set_class", el, value))
        el.attributes["class"] = value

    def set_style(self, el, name, value):
        if self._count("set_style"):
            self.ops.append(("set_style", el, name, value))
        if el.styles is None:
            el.styles = {}
        el.styles[name] = value
        _sync_style(el)

    def remove_style(self, el, name):
        if self._count("remove_style"):
            self.ops.append(("remove_style", el, name))
        if el.styles is not None:
            el.styles.pop(name, None)
        _sync_style(el)

    def add_listener(self, el, event_type, listener):
        if self._count("add_listener"):
            self.ops.append(("add_listener", el, event_type, listener))
        if el.listeners is None:
            el.listeners = {}
        lst = el.listeners.get(event_type)
        if lst is None:
            lst = el.listeners[event_type] = []
        lst.append(listener)

    def remove_listener(self, el, event_type, listener):
        if self._count("remove_listener"):
            self.ops.append(("remove_listener", el, event_type, listener))
        lst = el.listeners.get(event_type) if el.listeners else None
        if not lst or listener not in lst:
            raise ValueError("remove_listener: no %r listener %r on %r" % (event_type, listener, el))
        lst.remove(listener)
        if not lst:
            del el.listeners[event_type]

    # -- test helpers -----------------------------------------------------------

    # -- reading host nodes (hydration) -------------------------------------------

    def child_nodes(self, node):
        return list(node.children)

    def node_type(self, node):
        t = node.tag
        if t is None:
            return 3
        if t == "#comment":
            return 8
        return 1

    def node_name(self, el):
        return el.tag

    def node_text(self, node):
        return node.text

    def attributes(self, el):
        return dict(el.attributes)

    def outer_html(self, el):
        return to_html(el)

    # Hydration reads node by node here; a subclass with bulk_reads = True reads the whole
    # tree at once, as the DOM renderer does under Pyodide (tests cover both paths).
    bulk_reads = False

    def read_tree(self, container):
        nodes = []
        desc = []
        st = list(container.children)
        st.reverse()
        while st:
            x = st.pop()
            nodes.append(x)
            if x.tag is None:
                desc.append([3, x.text])
            elif x.tag == "#comment":
                desc.append([8, x.text])
            else:
                d = [1, x.tag, len(x.children)]
                for k in x.attributes:
                    d.append(k)
                    d.append(x.attributes[k])
                desc.append(d)
                for i in range(len(x.children) - 1, -1, -1):
                    st.append(x.children[i])
        return nodes, desc

    # Hydration's fast path (vdom/hydrate_fast.py) is the DOM renderer's; a subclass with
    # tree_match = True takes it here too (tests cover both paths).
    tree_match = False

    def match_tree(self, container, description):
        """The nodes matching ``description`` (see vdom/hydrate_fast.py) under ``container``,
        in its order (the fragments' "]" markers removed), or None at the first difference;
        what the DOM renderer's JS does, with an explicit stack."""
        t = description.split("\x1f")
        i = 1
        out = []
        ends = []
        # Frames: [host list, position, items left, fragment?]; a fragment's frame reads the
        # same list as its parent's and hands the position back after its "]".
        stack = [[container.children, 0, int(t[0]), False]]
        while stack:
            f = stack[-1]
            kids = f[0]
            if f[2] == 0:
                stack.pop()
                if f[3]:
                    j = f[1]
                    if j >= len(kids) or kids[j].tag != "#comment" or kids[j].text != "]":
                        return None
                    ends.append(kids[j])
                    stack[-1][1] = j + 1
                elif f[1] != len(kids):
                    return None
                continue
            f[2] -= 1
            if f[1] >= len(kids):
                return None
            c = kids[f[1]]
            f[1] += 1
            tok = t[i]
            i += 1
            if tok == "#":
                if c.tag is not None or c.text != t[i]:
                    return None
                i += 1
                out.append(c)
                continue
            if tok == "@":
                k = int(t[i])
                i += 1
                if c.tag is None or c.tag[:1] == "#" or k >= len(out) or to_html(c) != to_html(out[k]):
                    return None
                out.append(c)
                continue
            if tok == "[":
                if c.tag != "#comment" or c.text != "[":
                    return None
                out.append(c)
                stack.append([kids, f[1], int(t[i]), True])
                i += 1
                continue
            if c.tag != tok or c.namespace is not None:
                return None
            out.append(c)
            n = int(t[i])
            i += 1
            a = c.attributes
            if len(a) != n:
                return None
            for _ in range(n):
                if a.get(t[i]) != t[i + 1]:
                    return None
                i += 2
            x = t[i]
            i += 1
            ch = c.children
            if x == "=":
                x = t[i]
                i += 1
                if len(ch) != 1 or ch[0].tag is not None or ch[0].text != x:
                    return None
                continue
            stack.append([ch, 0, int(x), False])
        if i != len(t):
            return None
        for e in ends:
            self.remove(e.parent, e)
        return out

    def text_content(self, el):
        parts = []
        for c in el.children:
            if c.tag is None:
                parts.append(c.text)
            elif c.tag != "#comment":
                return None
        return "".join(parts)

    def dispatch(self, node, event_type, event=None):
        """Fire ``event_type`` at ``node``: call its listeners, then (for a
        bubbling event) its ancestors', until one calls ``stopPropagation``.
        Returns the event.  Exceptions from handlers propagate.
        """
        if event is None:
            event = MockEvent(event_type, node)
        elif getattr(event, "target", None) is None:
            try:
                event.target = node
            except AttributeError:
                pass
        bubbles = getattr(event, "bubbles", True)
        cur = node
        while cur is not None:
            ls = cur.listeners.get(event_type) if cur.listeners else None
            if ls:
                try:
                    event.current_target = cur
                    event.currentTarget = cur
                except AttributeError:
                    pass
                for f in list(ls):
                    f(event)
            if not bubbles or getattr(event, "propagation_stopped", False):
                break
            cur = cur.parent
        return event

    def listener_count(self, node=None):
        """Listeners registered on ``node`` and its descendants."""
        n = 0
        for x in walk(node):
            if x.listeners:
                for t in x.listeners:
                    n += len(x.listeners[t])
        return n

    def load_html(self, container, html):
        """Parse ``html`` as a browser's ``innerHTML`` would in ``container`` (its tag and
        namespace are the parser's context) and append the nodes to it; returns the list of
        top-level nodes.  Loading is not rendering: nothing is logged or counted.  See
        ``parse_html`` for how the nodes are made."""
        if not isinstance(container, MockNode) or container.tag is None or container.tag[:1] == "#":
            raise TypeError("load_html: the container must be a MockNode element, got %r" % (container,))
        from renderers.htmlparse import parse_fragment
        return parse_fragment(html, container.tag, container.namespace, _Loader(container), True)


class _Loader:
    """The ``renderers.htmlparse`` builder that makes MockNodes under ``container``."""

    def __init__(self, container):
        self.container = container

    def element(self, tag, namespace, attrs):
        n = MockNode(tag, namespace)
        n.attributes = attrs
        return n

    def text(self, data):
        return MockNode(None, None, data)

    def comment(self, data):
        return MockNode("#comment", None, data)

    def append(self, parent, node):
        if parent is None:
            parent = self.container
        node.parent = parent
        parent.children.append(node)


def parse_html(html, tag="div"):
    """A detached ``tag`` MockNode holding ``html`` parsed as its content (see ``load_html``).

    Elements, text and comments (``tag`` "#comment") come out as the core's renderer calls
    would have made them: lower-case HTML tags with namespace None, SVG/MathML ones with
    theirs (``linearGradient``), adjacent text merged into one node, and attributes written
    without a value (``<input disabled>``) as ``True`` (``h()``'s value for them), so that
    ``inner_html(parse_html(render_to_string(tree)))`` gives the same string back.
    """
    container = MockNode(tag)
    if tag == "svg" or tag == "math":
        container.namespace = SVG_NS if tag == "svg" else MATHML_NS
    MockRenderer().load_html(container, html)
    return container


def _copy_node(x):
    c = MockNode(x.tag, x.namespace, x.text)
    c.attributes = dict(x.attributes)
    if x.styles is not None:
        c.styles = dict(x.styles)
    return c


def _sync_style(el):
    st = el.styles
    if st:
        items = [(k, st[k]) for k in st]
        items.sort()
        el.attributes["style"] = style_text(items)
    else:
        el.attributes.pop("style", None)


def walk(node):
    """All nodes of the subtree at ``node`` in document order."""
    out = []
    st = [node]
    while st:
        x = st.pop()
        out.append(x)
        ch = x.children
        for i in range(len(ch) - 1, -1, -1):
            st.append(ch[i])
    return out


def to_html(node):
    """Outer HTML of a mock node, with exactly the HTML renderer's escaping."""
    out = []
    _serialize(node, out, True)
    return "".join(out)


def inner_html(node):
    """The HTML of a mock node's children."""
    out = []
    _serialize(node, out, False)
    return "".join(out)


def _serialize(node, out, outer):
    # As renderers.html: raw text is written raw only where a browser's parser reads raw text
    # (ctx: the parser context, renderers.markup.parser_ns); stack entries are [node, ctx] or
    # closing-tag strings.
    ctx = _parser_ctx(node.parent)
    if outer:
        st = [[node, ctx]]
    else:
        pns = parser_ns(node.tag.lower(), ctx) if node.tag else ctx
        raw = _raw_of(node)
        if raw is not None:
            body = _text_content(node)
            out.append(raw_text(raw, body) if pns is None else escape_text(body))
            return
        ctx = parser_child_ctx(node.tag.lower(), pns) if node.tag else ctx
        st = [[c, ctx] for c in node.children]
        st.reverse()
    while st:
        item = st.pop()
        if item.__class__ is str:
            out.append(item)
            continue
        x, ctx = item
        tag = x.tag
        if tag is None:
            out.append(escape_text(x.text))
            continue
        if tag == "#raw":
            out.append(x.text)
            continue
        if tag == "#comment":
            out.append("<!--" + x.text + "-->")
            continue
        attrs = [(k, x.attributes[k]) for k in x.attributes]
        attrs.sort()
        out.append(open_tag(tag, attrs))
        if x.namespace is None and tag in VOID:
            if x.children:
                raise ValueError("<%s> is a void element and cannot have children" % tag)
            continue
        low = tag.lower()
        pns = parser_ns(low, ctx)
        raw = _raw_of(x)
        if raw is not None:
            if x.children:
                body = _text_content(x)
                out.append(raw_text(raw, body) if pns is None else escape_text(body))
            out.append("</" + tag + ">")
            continue
        if x.namespace is None and tag in RCDATA:
            _text_content(x)  # raises for an element child, as render_to_string does
        st.append("</" + tag + ">")
        ch = x.children
        ctx = parser_child_ctx(low, pns)
        for i in range(len(ch) - 1, -1, -1):
            st.append([ch[i], ctx])


def _parser_ctx(node):
    """The parser context of the children of ``node`` (None: HTML), from its ancestors."""
    chain = []
    while node is not None:
        if node.tag is not None and node.tag != "#raw":
            chain.append(node.tag.lower())
        node = node.parent
    ctx = None
    for i in range(len(chain) - 1, -1, -1):
        low = chain[i]
        ctx = parser_child_ctx(low, parser_ns(low, ctx))
    return ctx


def _text_content(x):
    """The joined text of a raw-text element (guarded as a whole)."""
    parts = []
    for c in x.children:
        if c.tag is not None and c.tag != "#raw":
            raise ValueError("<%s> can only contain text, got an element <%s>" % (x.tag, c.tag))
        parts.append(c.text)
    return "".join(parts)


def _raw_of(x):
    if x.namespace is None and x.tag in RAW_TEXT:
        return x.tag
    return None
