"""Batching: state changes mark components dirty; one flush renders them.

In a browser the flush runs on the next tick (``js.setTimeout`` with one
stable proxy per application); elsewhere (CPython tests) ``app.flush()``
runs it.  A flush renders pending navigation first, then every dirty
component, parents before children, each with ``root.update(memo)`` so
only its own subtree is diffed (a child whose props did not change is
skipped by the core).  Lifecycle callbacks run after each patch:
``on_unmount`` of the components that left, ``on_ready`` of the new ones
(children first) and ``on_redraw`` of the re-rendered ones.
"""

from vdom import RenderError, PatchError
from vdom.app.errors import PageError, report
from vdom.app.runtime import IN_BROWSER, js, create_proxy
from vdom.app import css

MAX_ROUNDS = 100


def schedule(app):
    vd = app._vd
    if vd.scheduled or vd.flushing:
        return
    vd.scheduled = True
    if IN_BROWSER and vd.root is not None:
        if vd.tick is None:
            vd.tick = create_proxy(vd.tick_fn)
        js.setTimeout(vd.tick, 0)


def _depth(inst):
    return inst._vd.depth


def flush(app):
    """Apply every pending navigation and render now."""
    vd = app._vd
    if vd.flushing:
        return
    vd.flushing = True
    try:
        for _ in range(MAX_ROUNDS):
            lifecycle(app)
            if vd.route is not None:
                path = vd.route
                vd.route = None
                from vdom.app.application import route_to

                route_to(app, path)
                continue
            if vd.repair:
                from vdom.app.application import repair

                vd.dirty = []
                repair(app)
                if vd.repair:
                    break  # still failing: reported; tried again at the next flush
                continue
            if not vd.dirty:
                break
            items = vd.dirty
            vd.dirty = []
            items.sort(key=_depth)
            for inst in items:
                if inst._vd.dirty and inst._vd.alive:
                    update(app, inst)
        else:
            report(app, RuntimeError("state changes keep causing renders (%d rounds): a render or "
                                     "on_redraw/on_ready changes state every time" % MAX_ROUNDS), "flush")
            vd.dirty = []
        lifecycle(app)
        if vd.css_dirty or css.unowned:
            css.write(app)
    finally:
        vd.flushing = False
        vd.scheduled = False
        idle = getattr(vd.renderer, "idle_gc", None)
        if idle is not None:
            idle.schedule()  # a flush from a timer: collect in idle time too


def update(app, inst):
    vd = app._vd
    ivd = inst._vd
    m = ivd.memo
    if m is None or vd.root is None or m.el is None or m.children is None:
        ivd.dirty = False
        return
    m.args = (inst, ivd.version)
    try:
        vd.root.update(m)
    except PatchError as e:
        from vdom.app.application import patch_failed

        patch_failed(app, e)
        return
    except RenderError as e:
        page_errors(app, e)
    except ValueError:
        ivd.dirty = False
        return
    if inst is vd.page:
        from vdom.app.application import update_title

        update_title(app, inst)


def page_errors(app, err):
    """After a RenderError: a PageError (Redirect, NotFound...) goes to the app's handlers.

    Other exceptions were reported where they happened (the failing part
    kept its last good DOM)."""
    for v, e in err.errors:
        if isinstance(e, PageError):
            app.handle_page_error(e)
            return


def lifecycle(app):
    vd = app._vd
    while vd.unmounted or vd.ready or vd.redrawn:
        gone = vd.unmounted
        vd.unmounted = []
        for inst in gone:
            _call(app, inst, "on_unmount")
        ready = vd.ready
        vd.ready = []
        for i in range(len(ready) - 1, -1, -1):
            inst = ready[i]
            if inst._vd.alive:
                _call(app, inst, "on_ready")
        redrawn = vd.redrawn
        vd.redrawn = []
        for i in range(len(redrawn) - 1, -1, -1):
            inst = redrawn[i]
            if inst._vd.alive:
                _call(app, inst, "on_redraw")


def _call(app, inst, name):
    try:
        res = getattr(inst, name)()
    except Exception as e:
        report(app, e, "%s.%s()" % (inst.__class__.__name__, name))
        return
    if res is not None and hasattr(res, "send") and hasattr(res, "throw"):
        from vdom.app.events import run_async

        run_async(res, app)
