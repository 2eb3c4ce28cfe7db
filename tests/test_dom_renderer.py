"""renderers.dom.DomRenderer against a fake ``js`` module (no browser): CPython and Pyodide.

The fake implements just the DOM the renderer touches, with JS's calling
conventions (``Function.prototype.call.bind(f)`` uncurries ``this``), so the
renderer's choices are checked exactly: properties vs attributes, style
calls, namespaces, clear, listener proxies, the select-value re-application
and the crossing counters.  The real DOM is tested in tests/browser/.
"""

import pytest

from vdom import h, create_root
from renderers.dom import DomRenderer, CROSSINGS, IDLE_GC_THRESHOLD, IdleGC, mount
from renderers.mock import MockRenderer

SVG = "http://www.w3.org/2000/svg"


class FakeStyle:
    def __init__(self):
        self.props = {}

    def setProperty(self, name, value, priority=""):
        self.props[name] = (value, priority) if priority else value

    def removeProperty(self, name):
        self.props.pop(name, None)


class FakeNode:
    def __init__(self, tag=None, ns=None, text=None):
        self.tag = tag
        self.ns = ns
        self.nodeValue = text
        self.attrs = {}
        self.children = []
        self.parentNode = None
        self.listeners = []
        self.style = FakeStyle()
        self.value = ""
        self.checked = False
        self.isConnected = False
        self.localName = tag if tag is not None else "#text"

    # Node / Element / EventTarget methods, called with an explicit ``this`` (uncurried).
    @staticmethod
    def insertBefore(this, node, anchor):
        if node.parentNode is not None:
            node.parentNode.children.remove(node)
        if anchor is None:
            this.children.append(node)
        else:
            this.children.insert(this.children.index(anchor), node)
        node.parentNode = this
        return node

    @staticmethod
    def cloneNode(this, deep=False):
        c = FakeNode(this.tag, this.ns, this.nodeValue)
        c.attrs = dict(this.attrs)
        if deep:
            for x in this.children:
                FakeNode.insertBefore(c, FakeNode.cloneNode(x, True), None)
        return c

    @staticmethod
    def moveBefore(this, node, anchor):
        # State-preserving move (Chromium 133+): recorded so tests can see it was used.
        this.state_moves = getattr(this, "state_moves", 0) + 1
        return FakeNode.insertBefore(this, node, anchor)

    @staticmethod
    def removeChild(this, node):
        this.children.remove(node)
        node.parentNode = None
        return node

    @staticmethod
    def setAttribute(this, name, value):
        this.attrs[name] = value

    @staticmethod
    def removeAttribute(this, name):
        this.attrs.pop(name, None)

    @staticmethod
    def addEventListener(this, type, f):
        this.listeners.append((type, f))

    @staticmethod
    def removeEventListener(this, type, f):
        this.listeners.remove((type, f))

    def _set_text_content(self, v):
        # Like the DOM: all children replaced by one new text node (none for "").
        for c in self.children:
            c.parentNode = None
        self.children = []
        if v:
            FakeNode.insertBefore(self, FakeNode(None, None, v), None)

    textContent = property(None, _set_text_content)

    def fire(self, type, event=None):
        for t, f in list(self.listeners):
            if t == type:
                f(event if event is not None else type)


class FakeSelect(FakeNode):
    """A select's value picks the option with that value, or "" when there is none (like the DOM)."""

    def _get(self):
        return self.__dict__.get("_value", "")

    def _set(self, v):
        for o in self.children:
            if o.value == v:
                self.__dict__["_value"] = v
                return
        self.__dict__["_value"] = ""

    value = property(_get, _set)


class FakeDocument:
    def createElement(self, tag):
        return FakeSelect(tag) if tag == "select" else FakeNode(tag)

    def createElementNS(self, ns, tag):
        return FakeNode(tag, ns)

    def createTextNode(self, text):
        return FakeNode(None, None, text)

    def querySelector(self, sel):
        return FakeNode("div") if sel == "#app" else None


class FakeProxy:
    created = 0
    made = []

    def __init__(self, fn):
        self.fn = fn
        self.destroyed = False
        FakeProxy.created += 1
        FakeProxy.made.append(self)

    def __call__(self, *a):
        assert not self.destroyed, "called a destroyed proxy"
        return self.fn(*a)

    def destroy(self):
        self.destroyed = True


class Obj:
    def __init__(self, **kw):
        self.__dict__.update(kw)


class FakeBound:
    """``Function.prototype.bind(f, this, *args)``: a JS function holding ``args`` (numbers)."""

    def __init__(self, fn, this, *args):
        assert all(isinstance(a, int) for a in args), "only numbers are bound, never Python objects"
        self.fn = fn
        self.args = args

    def __call__(self, *a):
        return self.fn(*(self.args + a))


def fake_js():
    proto = Obj(insertBefore=FakeNode.insertBefore, moveBefore=FakeNode.moveBefore, cloneNode=FakeNode.cloneNode,
                removeChild=FakeNode.removeChild,
                setAttribute=FakeNode.setAttribute, removeAttribute=FakeNode.removeAttribute,
                addEventListener=FakeNode.addEventListener, removeEventListener=FakeNode.removeEventListener)
    style_proto = Obj(setProperty=lambda this, *a: this.setProperty(*a),
                      removeProperty=lambda this, *a: this.removeProperty(*a))
    micro = []
    js = Obj(
        Function=Obj(prototype=Obj(call=Obj(bind=lambda f: f), bind=FakeBound)),
        Reflect=Obj(get=getattr, has=hasattr),
        Node=Obj(prototype=proto), Element=Obj(prototype=proto), EventTarget=Obj(prototype=proto),
        CSSStyleDeclaration=Obj(prototype=style_proto),
        queueMicrotask=micro.append, microtasks=micro,
    )
    return js


def make(count=True):
    js = fake_js()
    # bind_listeners: the bound-number path on every interpreter (its default under Pyodide is
    # a proxy per listener, tested on its own below).
    r = DomRenderer(document=FakeDocument(), js=js, create_proxy=FakeProxy, count=count, bind_listeners=True)
    container = FakeNode("div")
    return r, container, create_root(r, container), js


def test_properties_attributes_class_style_text():
    r, c, root, js = make()
    root.render(h("form", {"class": ["a", "b"], "style": {"color": "red", "margin": "0 !important"}, "id": "f"},
                  h("input", {"value": "hi", "disabled": True}),
                  h("input", {"type": "checkbox", "checked": True, "indeterminate": True}),
                  "text"))
    form = c.children[0]
    inp, box, txt = form.children
    assert form.tag == "form" and form.attrs == {"class": "a b", "id": "f"}
    assert form.style.props == {"color": "red", "margin": ("0", "important")}
    assert inp.value == "hi" and "value" not in inp.attrs and inp.attrs["disabled"] == ""
    assert box.checked is True and "checked" not in box.attrs and box.indeterminate is True
    assert txt.nodeValue == "text"
    root.render(h("form", {"style": {"color": "blue"}},
                  h("input", {"disabled": False}),
                  h("input", {"type": "checkbox"}),
                  "changed"))
    assert form.attrs == {} and form.style.props == {"color": "blue"}
    assert inp.value == "" and inp.attrs == {}
    assert box.checked is False and box.indeterminate is False
    assert txt.nodeValue == "changed" and form.children[2] is txt


def test_calls_match_the_mock_renderer_and_crossings_follow_the_table():
    trees = [
        h("ul", None, [h("li", {"key": i, "class": "x" if i % 2 else None}, str(i)) for i in range(10)]),
        h("ul", None, [h("li", {"key": i, "class": "y"}, str(i)) for i in (9, 1, 2, 3, 4, 5, 6, 7, 8, 0, 10)]),
        h("ul", {"title": "t"}, [h("li", {"key": i}, "n%d" % i) for i in (3, 10)]),
        h("ul", None),
    ]
    r, c, root, js = make()
    m = MockRenderer(log=False)
    mroot = create_root(m, m.create_container())
    for t in trees:
        r.reset_counts()
        m.reset()
        root.render(t)
        mroot.render(t)
        # The mock takes moves through the base class's move() -> insert(); fold them.
        calls = dict(r.calls)
        if "move" in calls:
            calls["insert"] = calls.get("insert", 0) + calls.pop("move")
        assert calls == m.counts
        assert r.crossings == sum(CROSSINGS[k] * n for k, n in r.calls.items())
        assert r.count() == m.count()
    assert c.children[0].children == []          # the last render cleared the list in one call
    assert r.calls == {"clear": 1, "remove_attribute": 1}


def test_listeners_one_function_per_element_and_type_released_on_removal():
    FakeProxy.created = 0
    r, c, root, js = make()
    assert FakeProxy.created == 1                # the renderer's one dispatch proxy
    seen = []
    for i in range(500):
        root.render(h("div", None, h("button", {"on_click": lambda e, i=i: seen.append(i)}, "b")))
    assert FakeProxy.created == 1 and r.live_proxies == 1
    btn = c.children[0].children[0]
    assert len(btn.listeners) == 1
    btn.fire("click")
    assert seen == [499]                         # the current handler, behind the same function
    fn = btn.listeners[0][1]
    assert isinstance(fn, FakeBound)             # JS holds a number, not a Python object
    root.render(h("div", None, h("button", None, "b")))
    assert btn.listeners == [] and r.live_proxies == 0 and r._listeners == {}
    fn("click")                                  # a stale call (event already on its way) does nothing
    assert seen == [499]
    root.render(h("div", None, h("button", {"on_click": seen.append, "on_input": seen.append}, "b")))
    assert r.live_proxies == 2
    root.unmount()
    assert r.live_proxies == 0 and c.children == [] and r._listeners == {}


def test_listener_table_is_compacted_after_many_removals():
    r, c, root, js = make(count=False)
    for i in range(30):
        root.render(h("ul", None, [h("li", {"key": (i, k), "on_click": seen_nothing}) for k in range(400)]))
    assert r.live_proxies == 400 and len(r._listeners) == 400
    assert r._freed <= 2 * 400 + 4096             # rebuilt instead of accumulating deleted slots
    root.unmount()
    assert r.live_proxies == 0 and r._listeners == {}


def test_listeners_as_proxies_are_destroyed_when_released():
    # Pyodide's path (bind_listeners=False): a proxy per listener, destroyed on release.
    js = fake_js()
    r = DomRenderer(document=FakeDocument(), js=js, create_proxy=FakeProxy, bind_listeners=False)
    c = FakeNode("div")
    root = create_root(r, c)
    seen = []
    root.render(h("div", None, [h("button", {"key": i, "on_click": seen.append}) for i in range(3)]))
    made = FakeProxy.made[-3:]
    c.children[0].children[1].fire("click")
    assert len(seen) == 1 and r.live_proxies == 3 and not any(p.destroyed for p in made)
    root.render(h("div", None, [h("button", {"key": 0, "on_click": seen.append})]))
    # Destroyed after the patch (a microtask): a removed focused element still fires blur.
    assert not any(p.destroyed for p in made) and len(js.microtasks) == 1 and r.live_proxies == 1
    js.microtasks.pop()()
    assert [p.destroyed for p in made] == [False, True, True]
    root.unmount()
    js.microtasks.pop()()
    assert all(p.destroyed for p in made) and r.live_proxies == 0 and r._listeners == {}


def seen_nothing(event):
    return None


def test_namespaces_use_create_element_ns_and_attributes():
    r, c, root, js = make()
    root.render(h("svg", {"viewBox": "0 0 10 10", "class": "chart"}, h("circle", {"r": "4", "class": "dot"})))
    svg = c.children[0]
    assert svg.ns == SVG and svg.attrs == {"viewBox": "0 0 10 10", "class": "chart"}
    assert svg.children[0].ns == SVG and svg.children[0].attrs == {"r": "4", "class": "dot"}
    assert r.calls.get("create_element", 0) == 0 and r.calls["create_element_ns"] == 2


def test_select_value_is_applied_once_its_options_exist():
    r, c, root, js = make()

    def view(value, opts):
        return h("select", {"value": value}, [h("option", {"key": o, "value": o}, o.upper()) for o in opts])

    root.render(view("b", ["a", "b"]))
    sel = c.children[0]
    assert sel.value == "b"                      # set before the options, set again as they went in
    assert len(js.microtasks) == 1               # the pending values are dropped after the render
    js.microtasks.pop()()
    assert r._pending is None
    root.render(view("c", ["a", "b", "c"]))      # value and a new option in the same patch
    assert sel.value == "c"


def test_counting_is_optional():
    r, c, root, js = make(count=False)
    root.render(h("p", None, "x"))
    assert r.calls is None and r.crossings == 0 and r.count() == 0
    assert c.children[0].children[0].nodeValue == "x"


def test_mount_finds_the_container_by_selector():
    js = fake_js()
    r = DomRenderer(document=FakeDocument(), js=js, create_proxy=FakeProxy)
    root = mount("#app", renderer=r)
    root.render(h("b", None, "ok"))
    assert root.container.children[0].tag == "b"
    try:
        mount("#nope", renderer=r)
    except ValueError as e:
        assert "#nope" in str(e)
    else:
        raise AssertionError("mount of a missing element did not raise")


def test_moves_use_move_before_in_the_document_and_insert_before_outside():
    from vdom import h
    r, container, root, js = make()
    view = lambda keys: h("ul", None, [h("li", {"key": k}, k) for k in keys])
    root.render(view("abc"))
    ul = container.children[0]
    root.render(view("cab"))
    assert [li.children[0].nodeValue for li in ul.children] == ["c", "a", "b"]
    assert getattr(ul, "state_moves", 0) == 0          # detached: plain insertBefore
    ul.isConnected = True
    root.render(view("bca"))
    assert [li.children[0].nodeValue for li in ul.children] == ["b", "c", "a"]
    assert ul.state_moves == 1 and root.stats["moves"] == 1


def test_unmount_releases_proxies_without_dom_calls():
    from vdom import h
    r, container, root, js = make()
    root.render(h("div", None, [h("button", {"key": i, "on_click": lambda e: None}) for i in range(3)]))
    assert r.live_proxies == 3
    r.reset_counts()
    root.render(h("div", None))
    assert r.live_proxies == 0
    assert r.count("remove_listener") == 0 and r.count("release_listener") == 3
    assert r._listeners == {}


class FakeGc:
    def __init__(self):
        self.thresholds = []
        self.collects = 0

    def threshold(self, n):
        self.thresholds.append(n)

    def collect(self):
        self.collects += 1


def test_idle_gc_raises_the_threshold_and_collects_once_after_the_next_paint():
    js = fake_js()
    frames, timers = [], []
    js.requestAnimationFrame = frames.append
    js.setTimeout = lambda cb, ms: timers.append((cb, ms))
    gc = FakeGc()
    idle = IdleGC(js, FakeProxy, threshold=12345, gc=gc)
    assert gc.thresholds == [12345]
    r = DomRenderer(document=FakeDocument(), js=js, create_proxy=FakeProxy, idle_gc=idle)
    assert r.idle_gc is idle
    c = FakeNode("div")
    root = create_root(r, c)
    clicks = []
    root.render(h("button", {"on_click": lambda e: clicks.append(e)}, "go"))
    btn = c.children[0]
    btn.fire("click", "e1")
    btn.fire("click", "e2")
    assert clicks == ["e1", "e2"]
    assert len(frames) == 1 and timers == []  # one pending request for both clicks
    frames[0](16.6)  # the frame callback (before the paint) only queues a timer
    assert gc.collects == 0 and len(timers) == 1 and timers[0][1] == 0
    timers[0][0]()  # after the paint
    assert gc.collects == 1 and idle.collections == 1 and not idle.pending
    btn.fire("click", "e3")
    assert len(frames) == 2


def test_idle_gc_is_scheduled_even_when_the_handler_raises_and_falls_back_to_set_timeout():
    js = fake_js()
    timers = []
    js.setTimeout = lambda cb, ms: timers.append((cb, ms))
    gc = FakeGc()
    r = DomRenderer(document=FakeDocument(), js=js, create_proxy=FakeProxy, idle_gc=IdleGC(js, FakeProxy, gc=gc))
    c = FakeNode("div")
    root = create_root(r, c)

    def boom(e):
        raise ValueError("handler failed")

    root.render(h("button", {"on_click": boom}))
    with pytest.raises(ValueError):
        c.children[0].fire("click")
    assert len(timers) == 1 and timers[0][1] == 0
    timers[0][0]()
    assert gc.collects == 1
    assert gc.thresholds == [IDLE_GC_THRESHOLD]


def test_idle_gc_is_off_by_default_outside_micropython():
    r, c, root, js = make()
    assert r.idle_gc is None
    assert DomRenderer(document=FakeDocument(), js=js, create_proxy=FakeProxy, idle_gc=False).idle_gc is None


def test_custom_elements_get_value_and_checked_as_attributes():
    # Web components read attributes (issue 12): <sl-menu-item value="x">, not a property.
    r, container, root, js = make()
    root.render(h("div", None, h("sl-menu-item", {"value": "x", "checked": True}), h("input", {"value": "y"})))
    item, inp = container.children[0].children
    assert item.attrs == {"value": "x", "checked": ""} and item.value == ""
    assert inp.value == "y" and "value" not in inp.attrs
    root.render(h("div", None, h("sl-menu-item", {"value": "z"}), h("input", {"value": "y"})))
    assert item.attrs == {"value": "z"}
