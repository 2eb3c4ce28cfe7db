"""Event handlers, two-way binding and component events.

Every ``on_<event>=fn`` given to ``t.<tag>()`` is wrapped in a ``Handler``
that reports exceptions (the page keeps working) and runs coroutines of
``async def`` handlers.  The core keeps one host listener per element and
event type and only swaps the handler behind it, so re-rendering never
adds listeners.  ``bind="key"`` (or a path ``("form", "name")``) adds the
value/checked prop from the origin component's state and a handler
writing the user's input back into it; on a ``<select multiple>`` the
state holds the list of selected values and each ``<option>`` gets its
``selected`` prop (set when the origin's ``populate()`` returns, once the
options exist).  ``ComponentBind`` is ``bind=`` on a component.
"""

import sys

from vdom.app import tags
from vdom.app.errors import report, PageError
from vdom.app.runtime import IN_BROWSER

_MICROPYTHON = sys.implementation.name == "micropython"

_TEXT = 0
_NUMBER = 1
_CHECK = 2
_RADIO = 3
_MULTI = 4


def _app_of(origin):
    return origin._vd.app if origin is not None else None


class Handler:
    """The listener behind ``on_<event>=``: calls ``fn`` (a callable or a list of them)."""

    __slots__ = ("fn", "origin", "bind")

    def __init__(self, origin, fn, bind=None):
        self.origin = origin
        self.fn = fn
        self.bind = bind

    def __call__(self, event=None):
        if self.bind is not None:
            try:
                apply_bind(self.origin, self.bind, event)
            except Exception as e:
                report(_app_of(self.origin), e, "bind=%r" % (self.bind[0],))
        fn = self.fn
        if fn is None:
            return None
        if fn.__class__ is list or fn.__class__ is tuple:
            for f in fn:
                call_handler(self.origin, f, event)
            return None
        return call_handler(self.origin, fn, event)


def call_handler(origin, fn, event):
    """Call ``fn(event)``; report exceptions; run coroutines.  Returns fn's result."""
    try:
        res = fn(event)
    except PageError as e:  # raise Redirect("/login") in a handler: navigate
        app = _app_of(origin)
        if app is not None:
            app.handle_page_error(e)
        return None
    except Exception as e:
        report(_app_of(origin), e, "event handler %s" % (getattr(fn, "__name__", fn),))
        return None
    if res is not None and hasattr(res, "send") and hasattr(res, "throw"):
        run_async(res, _app_of(origin))
        return None
    return res


def make_listener(origin, fn):
    if not callable(fn) and not (fn.__class__ is list or fn.__class__ is tuple):
        raise TypeError("an event handler must be callable, got %r" % (fn,))
    return Handler(origin, fn)


async def _guard(coro, app):
    try:
        await coro
    except Exception as e:
        report(app, e, "async handler")


def _resume(g, y):
    """Drive ``g`` on from the value ``y`` its first step yielded, passing every
    yield, send and throw (a cancel) through, as if the task drove ``g`` itself."""
    while True:
        try:
            v = yield y
        except BaseException as e:
            try:
                y = g.throw(e)
            except StopIteration:
                return
        else:
            try:
                y = g.send(v)
            except StopIteration:
                return


try:
    import types

    _resume = types.coroutine(_resume)  # CPython awaits only marked generators
except (ImportError, AttributeError):  # MicroPython awaits any generator
    pass


async def _rest(g, y):
    await _resume(g, y)


def _first_step_mpy(g, asyncio):
    """MicroPython's asyncio ties what a coroutine awaits to the task running
    it (``asyncio.core.cur_task``), so its first step runs as the task itself:
    made, taken off the run queue, stepped with ``cur_task`` set to it; the loop
    resumes it when what it awaits is done.  With another asyncio than 1.27's
    (no such internals) the coroutine is a plain task: no first step now."""
    core = getattr(asyncio, "core", None)
    if core is None or not hasattr(core, "_task_queue") or not hasattr(core, "cur_task"):
        return asyncio.create_task(g)
    task = asyncio.create_task(g)
    core._task_queue.remove(task)
    prev = core.cur_task
    core.cur_task = task
    try:
        g.send(None)
    except StopIteration:
        return None
    finally:
        core.cur_task = prev
    return task


def run_async(coro, app=None):
    """Run the coroutine of an async handler.

    In a browser it runs at once up to its first ``await``, as a JS async
    function does, so ``event.preventDefault()`` written before it still
    stops the default action (a form's submit, a link); the rest runs as an
    asyncio task.  Elsewhere (CPython/Pyodide tests, no page) it runs to
    completion right away, so tests need no event loop (awaiting a real
    timer there is reported).
    """
    g = _guard(coro, app)
    if IN_BROWSER:
        try:
            import asyncio
        except ImportError as e:
            report(app, e, "async handler (no asyncio)")
            return None
        if _MICROPYTHON:
            return _first_step_mpy(g, asyncio)
        try:
            y = g.send(None)
        except StopIteration:
            return None
        return asyncio.create_task(_rest(g, y))
    try:
        for _ in range(100000):
            if g.send(None) is not None:
                g.throw(RuntimeError("an async handler awaited a real timer/future outside a browser"))
    except StopIteration:
        pass
    return None


# -- reading an input's state: DOM elements in the browser, MockNodes in tests --

def target_of(event):
    t = getattr(event, "target", None)
    if t is None:
        t = getattr(event, "currentTarget", None)
    return t


def read_prop(target, name):
    """``target.value`` / ``target.checked``: the live property, in a browser and on a
    ``MockRenderer`` node alike (the mock models them)."""
    return getattr(target, name)


def to_number(s):
    if s is None:
        return None
    if isinstance(s, (int, float)):
        return s
    s = str(s).strip()
    if s == "":
        return None
    try:
        if "." in s or "e" in s or "E" in s:
            return float(s)
        return int(s)
    except ValueError:
        return s


def get_path(state, path):
    if path.__class__ is list or path.__class__ is tuple:
        v = state
        for k in path:
            v = v[k]
        return v
    return state.get(path)


def set_path(state, path, value):
    if path.__class__ is list or path.__class__ is tuple:
        if len(path) == 1:
            state[path[0]] = value
            return
        with state.mutate(path[0]) as d:
            for k in path[1:-1]:
                d = d[k]
            d[path[-1]] = value
    else:
        state[path] = value


def bind_props(node, origin, path):
    """Set ``value``/``checked`` from ``origin.state`` and the handler writing input back."""
    props = node.props
    tag = node.tag.lower()
    typ = str(props.get("type") or "").lower()
    value = get_path(origin.state, path)
    radio_value = None
    if tag == "input" and typ == "checkbox":
        props["checked"] = bool(value)
        kind = _CHECK
        ev = "on_change"
    elif tag == "input" and typ == "radio":
        radio_value = props.get("value")
        props["checked"] = value is not None and (value == radio_value or str(value) == str(radio_value))
        kind = _RADIO
        ev = "on_change"
    elif tag == "select" and _truthy(props.get("multiple")):
        if "value" in props:
            raise ValueError("<select multiple bind=%r>: give bind= or value=, not both" % (path,))
        if value is None:
            value = ()
        elif not isinstance(value, (list, tuple, set)):
            raise TypeError("<select multiple bind=%r>: the bound state value must be a list of the "
                            "selected options' values, got %r" % (path, value))
        chosen = {}
        for v in value:
            chosen[str(v)] = True
        kind = _MULTI
        ev = "on_input"
        # str(option value) -> the Python value given as the option's value=, filled by mark_options()
        radio_value = {}
        ctx = tags.contexts[-1]
        ctx.late = True  # its options get ``selected`` before they are built
        if not ctx.selects:
            ctx.selects = []
        ctx.selects.append((node, path, chosen, radio_value))
    else:
        if "value" in props:
            raise ValueError("<%s bind=%r>: give bind= or value=, not both" % (tag, path))
        props["value"] = "" if value is None else str(value)
        kind = _NUMBER if (typ == "number" or typ == "range") else _TEXT
        ev = "on_input"
    spec = (path, kind, radio_value)
    h = props.get(ev)
    if h is None:
        props[ev] = Handler(origin, None, spec)
    else:
        h.bind = spec


def _truthy(v):
    return v is not None and v is not False and v != "false"


def mark_options(ctx):
    """After a populate(): set ``selected`` on the options of its bound ``<select multiple>``s."""
    for node, path, chosen, values in ctx.selects:
        st = list(node.kids())
        while st:
            c = st.pop()
            if not isinstance(c, tags.Tag) or c.comp is not None:
                continue
            if c.tag.lower() != "option":
                for x in c.kids():
                    st.append(x)
                continue
            props = c.props
            if props is None:
                props = c.props = tags.tag_props(c, ctx.inst)
            if "selected" in props:
                raise ValueError("<select multiple bind=%r>: an <option selected=...> inside it; the "
                                 "binding selects the options, remove selected=" % (path,))
            if "value" in props:
                v = props["value"]
            else:
                v = " ".join(_text_of_tag(c).split())
            s = str(v)
            values[s] = v
            props["selected"] = s in chosen


def _text_of_tag(node):
    parts = []
    st = [node]
    while st:
        n = st.pop()
        if isinstance(n, tags.Tag):
            ch = n.kids()
            for i in range(len(ch) - 1, -1, -1):
                st.append(ch[i])
        elif isinstance(n, str):
            parts.append(n)
        elif isinstance(n, (int, float)):
            parts.append(str(n))
    return "".join(parts)


def read_selected(target):
    """The values of the selected options of a ``<select>`` (a DOM element or a mock node)."""
    opts = target.selectedOptions
    return [str(opts.item(i).value) for i in range(int(opts.length))]


def apply_bind(origin, spec, event):
    path = spec[0]
    kind = spec[1]
    target = target_of(event)
    if kind == _MULTI:
        values = spec[2]
        out = []
        for s in read_selected(target):
            out.append(values.get(s, s))
        set_path(origin.state, path, out)
    elif kind == _CHECK:
        set_path(origin.state, path, bool(read_prop(target, "checked")))
    elif kind == _RADIO:
        if read_prop(target, "checked"):
            set_path(origin.state, path, spec[2])
    elif kind == _NUMBER:
        set_path(origin.state, path, to_number(read_prop(target, "value")))
    else:
        v = read_prop(target, "value")
        set_path(origin.state, path, "" if v is None else str(v))


def _kind_of(target):
    """What a bound element holds, from the element that fired (as PuePy reads ``event.target``)."""
    tag = str(target.tagName).lower()
    typ = str(target.type or "").lower() if tag in ("input", "select") else ""
    if tag == "input":
        if typ == "checkbox":
            return _CHECK
        if typ == "radio":
            return _RADIO
        if typ == "number" or typ == "range":
            return _NUMBER
    elif tag == "select" and typ == "select-multiple":
        return _MULTI
    return _TEXT


class ComponentBind:
    """``t.<component>(bind=path)``: writes ``input`` events of the component into the origin's state.

    A ``trigger_event("input", detail={"value": v})`` of the component writes ``v``; a DOM
    ``input`` event reaching its root element (bubbling from an input inside) writes what the
    element that fired holds: its ``value`` (a number for number/range inputs), ``checked`` for a
    checkbox, a radio's ``value`` when checked, the selected values of a ``<select multiple>``.
    """

    __slots__ = ("origin", "path")

    def __init__(self, origin, path):
        self.origin = origin
        self.path = path

    def __repr__(self):
        return "bind=%r" % (self.path,)

    def __call__(self, event=None):
        if isinstance(event, ComponentEvent):
            d = event.detail
            if "value" not in d:
                raise ValueError("bind=%r on %s: trigger_event(\"input\") needs detail={\"value\": ...}" % (
                    self.path, event.component.__class__.__name__))
            set_path(self.origin.state, self.path, d["value"])
            return
        target = target_of(event)
        if target is None:
            raise ValueError("bind=%r: the input event has no target" % (self.path,))
        kind = _kind_of(target)
        state = self.origin.state
        if kind == _MULTI:
            set_path(state, self.path, read_selected(target))
        elif kind == _CHECK:
            set_path(state, self.path, bool(read_prop(target, "checked")))
        elif kind == _RADIO:
            if read_prop(target, "checked"):
                set_path(state, self.path, read_prop(target, "value"))
        elif kind == _NUMBER:
            set_path(state, self.path, to_number(read_prop(target, "value")))
        else:
            v = read_prop(target, "value")
            set_path(state, self.path, "" if v is None else str(v))


class Detail(dict):
    """``event.detail`` of a component event: ``detail["k"]``, ``detail.get("k")``, ``detail.k``."""

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)


class ComponentEvent:
    """What the parent's ``on_<name>=`` handler receives from ``trigger_event``."""

    def __init__(self, type, detail, component):
        self.type = type
        self.detail = Detail(detail or {})
        self.component = component
        vn = component._vd.memo
        el = vn.el if vn is not None else None
        self.target = el
        self.currentTarget = el
        self.current_target = el
        self.default_prevented = False
        self.defaultPrevented = False

    def preventDefault(self):
        self.default_prevented = True
        self.defaultPrevented = True

    def stopPropagation(self):
        pass

    def __repr__(self):
        return "ComponentEvent(%r, %r)" % (self.type, dict(self.detail))


class RootListener:
    """The stable listener of a component's root element for one event type.

    It calls what the component itself declared in ``get_default_attrs()``
    (e.g. ``Link``'s navigation) and the handler the parent passed as
    ``on_<type>=``, looked up at call time (the parent may pass a new
    function on every render without re-rendering the component).
    """

    __slots__ = ("inst", "type")

    def __init__(self, inst, type):
        self.inst = inst
        self.type = type

    def __call__(self, event=None):
        vd = self.inst._vd
        own = vd.own_listeners.get(self.type)
        if own is not None:
            if own.__class__ is list or own.__class__ is tuple:   # PuePy's Link: on_click=[...]
                for f in own:
                    call_handler(self.inst, f, event)
            else:
                call_handler(self.inst, own, event)
        fn = vd.listeners.get(self.type)
        if fn is not None:
            owner = vd.owner
            if fn.__class__ is list or fn.__class__ is tuple:
                for f in fn:
                    call_handler(owner, f, event)
            else:
                call_handler(owner, fn, event)


tags.listener_factory[0] = make_listener
tags.bind_factory[0] = bind_props
