"""Components: classes with reactive state that render through ``populate()``.

A component instance is rendered as ``vdom.memo(render, instance, version)``:
the core skips it while ``version`` is unchanged, and when only its own
state changes the scheduler re-renders just its memo with
``root.update()``.  ``version`` goes up when its state changes (per its
``redraw_on_state_changes`` rule), when its parent passes other props or
attributes, or when it receives slot content.

Instances are kept by identity: the chain of (tag, key or position) from
the origin component's root to the place ``t.<name>()`` was called, so
state follows ``key=`` (or ``ref=``), not list position.

Framework internals live in one attribute, ``_vd``, and in module
functions: a user method named ``add``, ``render`` or ``update`` cannot
replace anything.  Overriding a framework name (``state``, ``refs``,
``slot``, ``insert_slot``, ``trigger_event``, ``page``, ...) raises a
TypeError when the class is first used.
"""

from vdom.app import tags
from vdom.app.tags import Tag, SlotPoint, merge_classes, attr_name, path_of, kebab, on_event
from vdom.app.css import names as css_names
from vdom.app.state import ReactiveDict
from vdom.app.errors import PageError, PropsError, report
from vdom.app.events import RootListener, ComponentEvent, call_handler, ComponentBind, get_path, mark_options

# The component whose populate() is running (app state read tracking).
reader = [None]
# (app, page, owner, props kwargs) of the instance being constructed.
_creating = []
_checked = {}

RESERVED = ("state", "refs", "application", "page", "router", "parent", "insert_slot", "slot",
            "trigger_event", "redraw", "_vd", "__enter__", "__exit__")


class Prop:
    """A declared prop: ``Prop("count", "how many", type=int, default=0)``."""

    def __init__(self, name, description=None, type=str, default=None, default_value=None):
        self.name = name
        self.description = description
        self.type = type
        self.default = default if default is not None else default_value
        self.default_value = self.default

    def __repr__(self):
        return "Prop(%r)" % (self.name,)


EMPTY = tags.EMPTY  # a shared empty dict for Record fields replaced, never changed in place


class Record:
    """Framework state of one component instance (``instance._vd``).

    Fields at their default value are class attributes, not set on the
    instance: MicroPython reallocates an instance's attribute table as it
    grows (2, 4, 6, 8, 10, 12, 17, 23 entries), so a record with 23 fields
    set in ``__init__`` cost nine allocations per component, most of
    several blocks (slow to place in a fragmented heap).  The dict fields
    default to ``EMPTY`` and are replaced, never changed in place, except
    ``props``, ``root_listeners`` and ``slot_in``, which get their own dict
    before the first change.
    """

    owner = None
    depth = 0
    version = 0
    dirty = False
    alive = True
    rendered = 0
    failed = False
    failed_version = -1
    error = None
    memo = None
    node = None
    kids = EMPTY
    props = EMPTY
    attrs = EMPTY
    classes = None
    listeners = EMPTY
    own_listeners = EMPTY
    root_listeners = EMPTY
    init_listeners = EMPTY  # on_* its own __init__ added to its kwargs (PuePy-style setup)
    bind = None             # the state key (or path) its parent gave as bind=
    init_attrs = EMPTY
    slot_in = EMPTY
    had_slots = False
    keyed = None   # key -> builder node of the last render (tags.build reuses unchanged ones)

    def __init__(self, app, page, owner):
        self.app = app
        self.page = page
        if owner is not None:
            self.owner = owner
            self.depth = owner._vd.depth + 1


def expanded_props(cls):
    """``{name: Prop}`` of a class's ``props`` (names, Prop objects or dicts); cached per class."""
    cache = _checked.get(cls)
    if cache is not None:
        return cache
    out = {}
    for p in cls.props:
        if isinstance(p, Prop):
            out[p.name] = p
        elif isinstance(p, str):
            out[p] = Prop(p)
        elif isinstance(p, dict):
            d = dict(p)
            out[d.pop("name")] = Prop(p["name"], d.get("description"), d.get("type", str),
                                      d.get("default"), d.get("default_value"))
        else:
            raise PropsError("%s.props: a prop is a name, a Prop or a dict, got %r" % (cls.__name__, p))
    for n in RESERVED:
        if getattr(cls, n, None) is not getattr(Component, n, None) and n != "_vd":
            raise TypeError(
                "%s defines %r, a name the framework uses (Component.%s): rename it" % (cls.__name__, n, n))
    for n in out:
        if n in RESERVED or n.startswith("_vd"):
            raise PropsError("%s: prop %r clashes with a framework name" % (cls.__name__, n))
        v = getattr(cls, n, None)
        if v is not None and callable(v):
            raise PropsError("%s: prop %r would hide the method %s.%s" % (cls.__name__, n, cls.__name__, n))
    _checked[cls] = out
    return out


class _StateNotify:
    __slots__ = ("inst",)

    def __init__(self, inst):
        self.inst = inst

    def __call__(self, key, value):
        inst = self.inst
        watch(inst, inst, key, value)
        rule = inst.redraw_on_state_changes
        if rule is True or (rule and rule is not True and key in rule):
            invalidate(inst)


def watch(target, inst, key, value):
    """Call ``on_state_change(key, value)`` and ``on_<key>_change(value)`` of ``target``."""
    app = inst._vd.app if inst is not None else target._vd.app
    try:
        target.on_state_change(key, value)
        if key.__class__ is str:
            f = getattr(target, "on_" + key + "_change", None)
            if f is not None:
                f(value)
    except Exception as e:
        report(app, e, "watcher of %r" % (key,))


def invalidate(inst):
    """Mark ``inst`` for re-rendering at the next flush."""
    vd = inst._vd
    if not vd.alive or (vd.rendered == 0 and not vd.failed):
        return
    vd.version += 1
    if not vd.dirty:
        vd.dirty = True
        app = vd.app
        if app is not None:
            from vdom.app.scheduler import schedule

            app._vd.dirty.append(inst)
            schedule(app)


class Component:
    """A reusable piece of UI with state (``initial()``), props and ``populate()``.

    Class attributes: ``enclosing_tag`` (default ``"div"``), ``component_name``
    (the ``t.<name>``; default: the class name in kebab case), ``props``,
    ``default_classes``, ``default_attrs``, ``default_role``,
    ``redraw_on_state_changes`` and ``redraw_on_app_state_changes`` (True,
    False or a list of keys).
    """

    enclosing_tag = "div"
    component_name = None
    redraw_on_state_changes = True
    redraw_on_app_state_changes = True
    props = []
    default_classes = []
    default_attrs = {}
    default_role = None

    def __init__(self, *args, **kwargs):
        tag_kwargs = None
        if _creating:
            app, page, owner, given, tag_kwargs = _creating[-1]
        else:
            app, page, owner, given = None, None, None, kwargs
        cls = self.__class__
        declared = expanded_props(cls)
        vd = self._vd = Record(app, page if page is not None else self, owner)
        self.refs = {}
        if declared:
            values = vd.props = {}
            for n in declared:
                p = declared[n]
                v = given.get(n, p.default)
                if v is None and p.default is None and n not in given and p.type is list:
                    v = []
                setattr(self, n, v)
                values[n] = v
        self.state = ReactiveDict(self.initial(), _StateNotify(self))
        if tag_kwargs is not None and kwargs:
            _init_extras(self, kwargs, tag_kwargs, declared)

    # -- to override ------------------------------------------------------------

    def initial(self):
        """The initial state dict."""
        return {}

    def populate(self):
        """Build the component's children with ``t``."""

    def precheck(self):
        """Raise ``Redirect``/``NotFound``/``Unauthorized``/``Forbidden`` before rendering."""

    def on_ready(self):
        """After the first mount (the elements exist)."""

    def on_redraw(self):
        """After every re-render."""

    def on_unmount(self):
        """When the component leaves the page: release timers and listeners here."""

    def on_state_change(self, key, value):
        """Called for every change of ``self.state``."""

    def get_default_classes(self):
        return list(self.default_classes)

    def get_default_attrs(self):
        return dict(self.default_attrs)

    # -- framework API ---------------------------------------------------------------

    @property
    def application(self):
        return self._vd.app

    @property
    def page(self):
        return self._vd.page

    @property
    def router(self):
        app = self._vd.app
        return app.router if app is not None else None

    @property
    def parent(self):
        """The component whose populate() created this one (None for a page)."""
        return self._vd.owner

    @property
    def bind(self):
        """The ``bind=`` its parent gave it (a state key or path), or None (PuePy's ``self.bind``)."""
        return self._vd.bind

    @property
    def origin(self):
        """The component whose populate() created this one (PuePy's ``self.origin``):
        ``self.origin.state[self.bind] = value`` writes the bound value."""
        return self._vd.owner

    @property
    def attrs(self):
        """The attributes of the root element given by the parent (PuePy's ``self.attrs``):
        a ``set_<name>(value)`` method writes the ones it computes here."""
        vd = self._vd
        if vd.attrs is EMPTY:
            vd.attrs = {}
        return vd.attrs

    @attrs.setter
    def attrs(self, value):
        self._vd.attrs = value

    @property
    def element(self):
        """The component's root host element (a DOM element in the browser)."""
        m = self._vd.memo
        return m.el if m is not None else None

    def redraw(self):
        """Re-render this component at the next flush."""
        invalidate(self)

    def insert_slot(self, name="default", **kwargs):
        """In populate(): put the content the consumer gave for slot ``name`` here (no wrapper)."""
        node = SlotPoint(self, name, "\x00slot:" + str(name))
        if tags.stack:
            tags.append_child(tags.stack[-1], node)
        if tags.contexts:
            ctx = tags.contexts[-1]
            if ctx.inst is self:
                used = ctx.slots_used
                if not used:
                    used = ctx.slots_used = []
                used.append(name)
        return node

    def slot(self, name="default"):
        """For the consumer: ``with card.slot("header"): ...`` fills slot ``name``."""
        vd = self._vd
        c = Tag("#slot", None, name)
        c.parent = vd.node
        if vd.slot_in is EMPTY:
            vd.slot_in = {}
        vd.slot_in[name] = c
        return c

    def trigger_event(self, event, detail=None, **kwargs):
        """Call the parent's ``on_<event>=`` handler with an event whose ``detail`` is ``detail``."""
        typ = event.replace("_", "-")
        vd = self._vd
        fn = vd.listeners.get(typ)
        ev = ComponentEvent(typ, detail, self)
        if fn is None:
            return ev
        if fn.__class__ is list or fn.__class__ is tuple:
            for f in fn:
                call_handler(vd.owner, f, ev)
        else:
            call_handler(vd.owner, fn, ev)
        return ev

    def __enter__(self):
        vd = self._vd
        c = vd.slot_in.get("default")
        if c is None:
            c = self.slot("default")
        tags.stack.append(c)
        return self

    def __exit__(self, *exc):
        if tags.stack:
            tags.stack.pop()
        return False

    def __repr__(self):
        return "<%s>" % (self.__class__.__name__,)


class Page(Component):
    """A component the application mounts for a route; ``page_title()`` sets the document title."""

    def page_title(self):
        return None

    def mount(self, selector_or_element, renderer=None):
        """Render this page into a container without an ``Application`` of your own
        (PuePy's ``Page().mount(element)``): one is made for it; returns it."""
        from vdom.app.application import Application

        app = Application()
        app._vd.adopt = self
        app.default_page = self.__class__
        app.mount(selector_or_element, renderer=renderer)
        return app


def create(cls, app, page, owner, props, tag_kwargs=None, children=None):
    """A new instance of component ``cls``.

    A class that overrides ``__init__(self, *args, **kwargs)`` gets what PuePy
    gives it: the tag's keyword arguments and ``children=``; what its
    ``__init__`` adds before calling ``super().__init__(**kwargs)`` (an
    ``on_click``, an attribute) applies to its root element on every render.
    """
    _creating.append((app, page, owner, props, tag_kwargs))
    try:
        if cls.__init__ is Component.__init__ or tag_kwargs is None:
            inst = cls()
        else:
            kw = dict(tag_kwargs)
            kw["children"] = tuple(children) if children else ()
            try:
                inst = cls(**kw)
            except TypeError:
                inst = cls()  # an __init__(self) that takes nothing (not PuePy's signature)
    finally:
        _creating.pop()
    return inst


_setter_names = {}  # class -> {kwarg: True if the class has set_<kwarg>}


def has_setter(cls, k):
    """Does component class ``cls`` define PuePy's ``set_<k>(value)`` hook?"""
    names = _setter_names.get(cls)
    if names is None:
        names = _setter_names[cls] = {}
    r = names.get(k)
    if r is None:
        r = names[k] = callable(getattr(cls, "set_" + k, None))
    return r


def _init_extras(inst, kwargs, tag_kwargs, declared):
    """What a component's own ``__init__`` added to the keyword arguments it passed on."""
    vd = inst._vd
    for k in kwargs:
        v = kwargs[k]
        if k == "children" or k in declared or (k in tag_kwargs and tag_kwargs[k] is v):
            continue
        if k.startswith("on_"):
            if v is not None:
                if vd.init_listeners is EMPTY:
                    vd.init_listeners = {}
                vd.init_listeners[on_event(k)] = v
        elif k not in ("key", "ref", "bind", "classes", "class_", "class_name"):
            if vd.init_attrs is EMPTY:
                vd.init_attrs = {}
            vd.init_attrs[attr_name(k)] = v


def make_component(cls, children, kwargs):
    """``t.<name>(...)`` for a component class, inside a populate()."""
    if not tags.contexts:
        raise ValueError("%s: components are created inside a populate() (or mounted by the app)" % cls.__name__)
    ctx = tags.contexts[-1]
    owner = ctx.inst
    declared = expanded_props(cls)
    key = kwargs.get("key")
    if key is not None and key.__class__ is not str and key.__class__ is not int:
        tags.check_key(key, cls.__name__)  # an unhashable key would fail in the lookups below
    ref = kwargs.get("ref")
    if ref is not None and key is None:
        key = "\x00ref:" + str(ref)
    node = _new(tags.CompTag)
    name = _comp_tags.get(cls)
    if name is None:
        name = _comp_tags[cls] = "@" + cls.__name__
    node.tag = name
    if key is not None:
        node.key = key
    if tags.stack:
        parent = tags.stack[-1]
        tags.append_child(parent, node)
        if key is None:
            node.slot = parent.nu - 1
    path = path_of(node)
    kids = ctx.kids
    if kids is EMPTY:
        kids = ctx.kids = {}
    if path in kids:
        raise ValueError("two %s components at the same place in %s: give them distinct key=" % (
            cls.__name__, owner.__class__.__name__))
    props = {}
    attrs = EMPTY
    listeners = EMPTY
    classes = None
    bind = None
    setters = None
    for k in kwargs:
        v = kwargs[k]
        if k in declared:
            props[k] = v
        elif k == "key" or k == "ref":
            continue
        elif k.startswith("on_"):
            if v is not None:
                if listeners is EMPTY:
                    listeners = {}
                listeners[on_event(k)] = v
        elif k == "classes" or k == "class_" or k == "class_name":
            classes = css_names(v, owner) if v.__class__ is not str else v
        elif k == "bind":
            bind = v
        elif has_setter(cls, k):
            if setters is None:
                setters = []
            setters.append(k)
        else:
            if attrs is EMPTY:
                attrs = {}
            attrs[attr_name(k)] = v
    if bind is not None:
        if attrs is EMPTY:
            attrs = {}
        if listeners is EMPTY:
            listeners = {}
        bind_component(cls, owner, bind, kwargs, declared, props, attrs, listeners)
    ovd = owner._vd
    inst = ovd.kids.get(path)
    if inst is None or inst.__class__ is not cls or not inst._vd.alive:
        inst = create(cls, ovd.app, ovd.page, owner, props, kwargs, children)
        changed = False
    else:
        changed = False
        old = inst._vd.props
        for n in declared:
            p = declared[n]
            v = props.get(n, p.default)
            # A list, dict or set counts as changed every time (as Vue's props by identity, and
            # more): even a new one equal to the last can hold state values edited in place.
            if n not in old or isinstance(v, _MUTABLE_PROPS) or old[n] != v:
                old[n] = v
                setattr(inst, n, v)
                changed = True
    vd = inst._vd
    if setters is not None:
        # PuePy's set_<name>(value) hooks: they write self.attrs (a fresh dict each render).
        old = vd.attrs
        vd.attrs = attrs = dict(attrs) if attrs else {}
        for k in setters:
            getattr(inst, "set_" + k)(kwargs[k])
        attrs = vd.attrs
        vd.attrs = old
    if attrs != vd.attrs or classes != vd.classes:
        changed = True
    if len(listeners) != len(vd.listeners):
        changed = True
    else:
        for typ in listeners:
            if typ not in vd.listeners:
                changed = True
                break
    vd.attrs = attrs
    vd.classes = classes
    vd.listeners = listeners
    if bind is not None or vd.bind is not None:
        vd.bind = bind
    vd.slot_in = EMPTY
    if changed:
        vd.version += 1
    node.comp = inst
    vd.node = node
    kids[path] = inst
    if children:
        c = inst.slot("default")
        for x in children:
            tags.append_child(c, x)
    if ref is not None:
        tags.set_ref(ref, inst)
    return inst


_new = object.__new__
_MUTABLE_PROPS = (list, dict, set)  # always "changed" as props: they can hold values edited in place (ReactiveDict too)
_comp_tags = {}  # component class -> its placeholder's tag ("@Name")


def bind_component(cls, owner, path, kwargs, declared, props, attrs, listeners):
    """``t.<component>(bind="key")``: the bound value goes to the component's ``value`` prop
    (or, without one, its root element's ``value``, as in PuePy); ``input`` events on its root
    (bubbling from its inputs, or its ``trigger_event("input", detail={"value": v})``) write back."""
    if "value" in kwargs:
        raise PropsError("%s(bind=%r): give bind= or value=, not both" % (cls.__name__, path))
    try:
        value = get_path(owner.state, path)
    except (KeyError, IndexError, TypeError) as e:
        raise PropsError("%s(bind=%r): %s.state has no value at that path (%s: %s)" % (
            cls.__name__, path, owner.__class__.__name__, e.__class__.__name__, e))
    if "value" in declared:
        props["value"] = value
    elif value is not None and not isinstance(value, bool) and isinstance(value, (str, int, float)):
        attrs["value"] = value
    fn = ComponentBind(owner, path)
    cur = listeners.get("input")
    if cur is None:
        listeners["input"] = fn
    elif cur.__class__ is list or cur.__class__ is tuple:
        listeners["input"] = [fn] + list(cur)
    else:
        listeners["input"] = [fn, cur]


def root_props(inst):
    """The props of a component's enclosing element."""
    vd = inst._vd
    props = {}
    own = {}
    da = inst.get_default_attrs()
    for k in da:
        v = da[k]
        if k.startswith("on_"):
            if v is not None:
                own[attr_name(k[3:])] = v
        elif k in ("classes", "class_", "class_name", "class"):
            continue
        else:
            props[attr_name(k)] = v
    attrs = vd.init_attrs
    for k in attrs:
        props[k] = attrs[k]
    attrs = vd.attrs
    for k in attrs:
        props[k] = attrs[k]
    dc = inst.get_default_classes()
    if dc and dc.__class__ is not str:
        dc = css_names(dc, inst)
    extra = da.get("classes") or da.get("class")
    if extra and extra.__class__ is not str:
        extra = css_names(extra, inst)
    if vd.classes or extra:
        names = merge_classes(dc, extra, vd.classes)
        if names:
            props["class"] = " ".join(names)
    elif dc:
        props["class"] = dc if isinstance(dc, str) else list(dc)
    if inst.default_role and "role" not in props:
        props["role"] = inst.default_role
    il = vd.init_listeners
    for typ in il:
        if typ not in own:
            if own is EMPTY:
                own = {}
            own[typ] = il[typ]
    vd.own_listeners = own
    rl = vd.root_listeners
    if rl is EMPTY and (own or vd.listeners):
        rl = vd.root_listeners = {}
    for typ in own:
        _root_listener(props, rl, inst, typ)
    for typ in vd.listeners:
        _root_listener(props, rl, inst, typ)
    return props


def _root_listener(props, rl, inst, typ):
    lst = rl.get(typ)
    if lst is None:
        lst = rl[typ] = RootListener(inst, typ)
    props["on_" + typ] = lst


def render(inst, version):
    """The memo function of every component: run populate() and build the VNodes."""
    vd = inst._vd
    app = vd.app
    vd.dirty = False
    if vd.failed and vd.failed_version == version and vd.error is not None:
        # The core retries a failed memo whenever its parent re-renders; with the
        # same state and props it would fail the same way: report it once, keep
        # the last good DOM, try again when the component's version changes.
        raise vd.error
    ctx = tags.Context(inst, vd.keyed)
    stack = tags.stack
    base = len(stack)
    prev = reader[0]
    try:
        root = ctx.root = Tag(inst.enclosing_tag, root_props(inst))
        tags.reset_replay()
        tags.contexts.append(ctx)
        stack.append(root)
        reader[0] = inst
        if app is not None:
            app.state.forget(inst)
        inst.precheck()
        inst.populate()
        if tags.pending[0] is not None:
            tags.resolve_pending()
        if tags.replaying:  # a with block left open by the page's code
            tags.reset_replay()
            ctx.stale = True
        if vd.slot_in and "default" in vd.slot_in and "default" not in ctx.slots_used:
            unslotted_children(inst, root)
        del stack[base:]
        if ctx.selects:
            mark_options(ctx)
        vnode = tags.build(root, ctx)
    except Exception as e:
        vd.failed = True
        vd.failed_version = version
        vd.error = e
        if not isinstance(e, PageError):
            report(app, e, "rendering %s (precheck/populate)" % (inst.__class__.__name__,))
        raise
    finally:
        del stack[base:]
        tags.reset_replay()
        if tags.contexts and tags.contexts[-1] is ctx:
            tags.contexts.pop()
        reader[0] = prev
        tags.path_cache[0] = tags.path_cache[1] = None
    commit(inst, ctx)
    return vnode


def unslotted_children(inst, root):
    """Children given to a component whose populate() has no ``insert_slot()``
    (``t.badge("label")``) go first in its root element, as in PuePy."""
    node = SlotPoint(inst, "default", "\x00slot:default")
    node.parent = root
    ch = root.children
    root.children = [node] + ch if ch else [node]


def commit(inst, ctx):
    vd = inst._vd
    old = vd.kids
    new = ctx.kids
    gone = None
    for path in old:
        k = old[path]
        if new.get(path) is not k:
            if gone is None:
                gone = []
            gone.append(k)
    vd.kids = new
    vd.keyed = ctx.keyed
    refs = ctx.refs
    inst.refs = refs if refs is not EMPTY else {}
    a = ctx.assign
    for i in range(0, len(a), 2):
        a[i]._vd.memo = a[i + 1]
    app = vd.app
    q = app._vd if app is not None else None
    if gone:
        drop(gone, q)
    vd.failed = False
    vd.error = None
    if q is not None:
        if vd.rendered == 0:
            q.ready.append(inst)
        else:
            q.redrawn.append(inst)
    vd.rendered += 1


def drop(instances, q):
    """Instances that left the page (with everything they own): queue on_unmount."""
    st = list(instances)
    out = []
    while st:
        x = st.pop()
        xv = x._vd
        if not xv.alive:
            continue
        xv.alive = False
        xv.dirty = False
        out.append(x)
        for p in xv.kids:
            st.append(xv.kids[p])
    out.reverse()
    if q is not None:
        for x in out:
            q.unmounted.append(x)
            app = x._vd.app
            if app is not None:
                app.state.forget(x)


tags.factory[0] = make_component
tags.factory[1] = render
