"""``Application``: app state, pages, the router, mounting and error pages."""

from vdom import create_root, memo, RenderError, PatchError
from vdom.app import component as _c
from vdom.app.component import Page, Prop, create, expanded_props, render, drop, invalidate
from vdom.app.tags import t
from vdom.app.state import TrackedDict
from vdom.app import errors as _e
from vdom.app.errors import NotFound, Forbidden, Unauthorized, Redirect, PageError, report
from vdom.app.runtime import IN_BROWSER, js, create_proxy, set_document_title, location_path, is_null
from vdom.app.storage import make_storage
from vdom.app import scheduler
from vdom.app.css import stylesheet


class GenericErrorPage(Page):
    props = ["error"]

    def populate(self):
        t.h1("Error: %s" % (self.error,))


class TracebackErrorPage(Page):
    props = ["error"]

    def populate(self):
        t.h1("Error: %s" % (self.error,))
        t.pre(_e.format_exception(self.error))


class AppRecord:
    """Framework state of an Application (``app._vd``)."""

    def __init__(self, app):
        self.renderer = None
        self.container = None
        self.root = None
        self.page = None
        self.dirty = []
        self.scheduled = False
        self.flushing = False
        self.route = None
        self.last_path = None
        self.tick = None
        self.tick_fn = lambda *a: scheduler.flush(app)
        self.ready = []
        self.redrawn = []
        self.unmounted = []
        self.overlay = None
        self.title = None
        self.browser_listeners = None
        self.showing_error = False
        self.repair = False    # a patch failed half-way (PatchError): re-render the page at the next flush
        self.adopt = None      # a Page instance made by the user (Page().mount()): shown instead of a new one
        self.css = {}          # class name -> CssClass used by a render
        self.css_order = []
        self.css_dirty = False
        self.restore = None    # (Page class name or None, state): given to the next page shown (server data)
        self.hydrate = None    # the serialised state while the first render adopts the server's DOM
        self.local_storage = None    # app.local_storage / session_storage, made on first use
        self.session_storage = None


class _AppNotify:
    __slots__ = ("app",)

    def __init__(self, app):
        self.app = app

    def __call__(self, key, value):
        app = self.app
        try:
            app.on_state_change(key, value)
            if key.__class__ is str:
                f = getattr(app, "on_" + key + "_change", None)
                if f is not None:
                    f(value)
        except Exception as e:
            report(app, e, "app watcher of %r" % (key,))
        readers = {}
        for c in app.state.readers(key):
            readers[id(c)] = 1
        page = app._vd.page
        if page is None:
            return
        st = [page]
        while st:
            inst = st.pop()
            vd = inst._vd
            rule = inst.redraw_on_app_state_changes
            if rule is True:
                if id(inst) in readers:
                    invalidate(inst)
            elif rule and key in rule:
                invalidate(inst)
            kids = vd.kids
            for p in kids:
                st.append(kids[p])


class Application:
    """The app: ``state`` (from ``initial()``), pages, router, storage, mounting.

    ``development=True`` also shows errors in an in-page overlay.
    """

    development = False

    def __init__(self, development=None):
        self._vd = AppRecord(self)
        if development is not None:
            self.development = development
        self.errors = []
        self.router = None
        self.default_page = None
        self.active_page = None
        self.not_found_page = GenericErrorPage
        self.forbidden_page = GenericErrorPage
        self.unauthorized_page = GenericErrorPage
        self.error_page = TracebackErrorPage
        self.state = TrackedDict(self.initial(), _AppNotify(self), _c.reader)
        self.hydration = None  # after mount(hydrate=...): what Root.hydrate reported, and "replayed"

    def initial(self):
        """The initial app state dict."""
        return {}

    # A browser opens its storage on the first access (~2 ms of a MicroPython app's start-up,
    # measured): the stores are made when the app first uses them.
    @property
    def local_storage(self):
        """The page's ``localStorage`` as a dict-like store (a memory store outside a browser)."""
        vd = self._vd
        if vd.local_storage is None:
            vd.local_storage = make_storage("localStorage")
        return vd.local_storage

    @local_storage.setter
    def local_storage(self, store):
        self._vd.local_storage = store

    @property
    def session_storage(self):
        """The page's ``sessionStorage`` as a dict-like store (a memory store outside a browser)."""
        vd = self._vd
        if vd.session_storage is None:
            vd.session_storage = make_storage("sessionStorage")
        return vd.session_storage

    @session_storage.setter
    def session_storage(self, store):
        self._vd.session_storage = store

    def on_state_change(self, key, value):
        """Called for every change of ``app.state``."""

    # -- pages and routing ----------------------------------------------------------

    def install_router(self, router_class, **kwargs):
        """``app.install_router(Router, link_mode="hash" | "html5", base_path=None)``."""
        self.router = router_class(application=self, **kwargs)
        return self.router

    def page(self, route=None, name=None):
        """Decorator: ``@app.page("/pets/<pet_id>")``; without a route, the default page."""

        def decorator(cls):
            if route is None:
                self.default_page = cls
            else:
                if self.router is None:
                    raise ValueError("@app.page(%r): install a router first (app.install_router(Router))" % route)
                self.router.add_route(route, cls, name=name)
            return cls

        return decorator

    @property
    def current_path(self):
        if self.router is None:
            return None
        p = location_path(self.router.link_mode)
        return p if p is not None else (self._vd.last_path or "/")

    @property
    def python_css_classes(self):
        """The ``CssClass``es the app's renders used, in order of first use."""
        return list(self._vd.css_order)

    @property
    def runtime_css(self):
        """The text of ``<style id="puepy-runtime-css">``: the rules of ``python_css_classes``."""
        return stylesheet(self)

    @property
    def document_title(self):
        """The title the active page asked for (``page_title()``)."""
        return self._vd.title

    def mount(self, selector_or_element, path=None, renderer=None, page_kwargs=None, hydrate=False,
              early_events=None, state_id=None):
        """Render the app into a container (a CSS selector or an element).

        ``renderer`` defaults to the browser DOM renderer; tests pass a
        ``MockRenderer`` and one of its nodes.  With a router, ``path``
        (default: the browser's location) picks the page.  Returns the page.

        ``hydrate``: the container holds what ``vdom.app.server.render_page``
        rendered; True reads the state it serialised from the page's
        ``<script type="application/json" id="vdom-app-state">`` (``state_id``),
        ``"auto"`` does when the page has that script (else renders afresh: one
        ``app.py`` for prerendered and plain pages), a dict or JSON string is
        that state.  The app and page state are
        restored, the first render adopts the server's nodes
        (``Root.hydrate``: ``app.hydration`` holds its counts), then the
        events the page's inline recorder kept (``early_events``: default
        ``window.pyvdomEarly``) are dispatched again on the adopted nodes.
        """
        vd = self._vd
        data = None
        if hydrate is not False and hydrate is not None:
            from vdom.app.hydration import load_data, STATE_ID

            data = load_data(hydrate, state_id or STATE_ID)
        if renderer is None:
            renderer = vd.renderer
        if renderer is None:
            from renderers.dom import DomRenderer

            renderer = DomRenderer()
        container = selector_or_element
        if isinstance(container, str):
            doc = getattr(renderer, "document", None)
            if doc is None and IN_BROWSER:
                doc = js.document
            if doc is None:
                raise ValueError("mount(%r): a selector needs a browser; pass an element" % (container,))
            container = doc.querySelector(selector_or_element)
            if is_null(container):
                raise ValueError("mount: no element matches %r" % (selector_or_element,))
        if vd.root is None or vd.container is not container or vd.renderer is not renderer or data is not None:
            if vd.root is not None:
                vd.root.unmount()
            vd.renderer = renderer
            vd.container = container
            if data is None:
                # The container's placeholder ("Loading...") goes: the app owns it.
                renderer.clear(container)
            vd.root = create_root(renderer, container)
            vd.overlay = None
        if data is not None:
            from vdom.app.hydration import set_silently

            set_silently(self.state, data.get("state"))
            vd.restore = (data.get("page"), data.get("page_state"))
            vd.hydrate = data
            if data.get("path") is not None:
                path = data["path"]
            kw = data.get("page_kwargs")
            if kw:
                merged = dict(kw)
                if page_kwargs:
                    for k in page_kwargs:
                        merged[k] = page_kwargs[k]
                page_kwargs = merged
        try:
            if self.router is not None:
                if path is None:
                    path = location_path(self.router.link_mode)
                route_to(self, path or "/", page_kwargs)
                _listen_browser(self)
            elif self.default_page is not None:
                show_page(self, self.default_page, None, page_kwargs or {})
            else:
                raise ValueError("mount(): no page: decorate a Page with @app.page() or install a router")
        finally:
            vd.restore = None
            vd.hydrate = None
        self.flush()
        if data is not None:
            _after_hydration(self, path, early_events)
        return self.active_page

    def remount(self, path=None, page_kwargs=None):
        vd = self._vd
        return self.mount(vd.container, path, vd.renderer, page_kwargs)

    def flush(self):
        """Apply pending navigation and renders now (the browser does it on the next tick)."""
        scheduler.flush(self)

    # -- error pages (override to customise) ---------------------------------------

    def handle_page_error(self, exc):
        if isinstance(exc, Redirect):
            self.handle_redirect(exc)
        elif isinstance(exc, NotFound):
            self.handle_not_found(exc)
        elif isinstance(exc, Forbidden):
            self.handle_forbidden(exc)
        elif isinstance(exc, Unauthorized):
            self.handle_unauthorized(exc)
        else:
            self.handle_error(exc)

    def handle_not_found(self, exception):
        show_page(self, self.not_found_page, None, {"error": exception}, False)

    def handle_forbidden(self, exception):
        show_page(self, self.forbidden_page, None, {"error": exception}, False)

    def handle_unauthorized(self, exception):
        show_page(self, self.unauthorized_page, None, {"error": exception}, False)

    def handle_error(self, exception):
        show_page(self, self.error_page, None, {"error": exception}, False)

    def handle_redirect(self, exception):
        if self.router is None:
            raise ValueError("Redirect(%r) needs a router" % (exception.path,))
        from vdom.app.router import navigate

        navigate(self.router, exception.path, exception.kwargs, True)


def request_route(app, path):
    """Route to ``path`` at the next flush."""
    vd = app._vd
    vd.route = path
    scheduler.schedule(app)


def route_to(app, path, page_kwargs=None):
    vd = app._vd
    vd.last_path = path
    router = app.router
    route, args = router.match(path)
    kwargs = {}
    if page_kwargs:
        for k in page_kwargs:
            kwargs[k] = page_kwargs[k]
    if route is not None:
        for k in args:
            kwargs[k] = args[k]
        show_page(app, route.page, route, kwargs)
        return
    bare = path.split("?")[0].split("#")[0]
    base = router.base_path
    if base and bare.startswith(base.rstrip("/")):
        bare = bare[len(base.rstrip("/")):]
    if bare in ("", "/") and app.default_page is not None:
        show_page(app, app.default_page, None, kwargs)
        return
    try:
        app.handle_not_found(NotFound())
    except Exception as e:
        report(app, e, "handle_not_found")


def _page_props(cls, kwargs):
    declared = expanded_props(cls)
    props = {}
    extra = {}
    for k in kwargs:
        v = kwargs[k]
        p = declared.get(k)
        if p is None:
            extra[k] = v
            continue
        if p.type is list:
            v = v if v.__class__ is list else [v]
        else:
            if v.__class__ is list:
                v = v[0] if v else None
            if v.__class__ is str and p.type in (int, float):
                try:
                    v = p.type(v)
                except ValueError:
                    pass
            elif v.__class__ is str and p.type is bool:
                v = v.lower() not in ("", "0", "false", "no", "off")
        props[k] = v
    return props, extra


def show_page(app, cls, route, kwargs, handle=True):
    """Mount a new instance of Page class ``cls`` (the previous page leaves)."""
    vd = app._vd
    props, extra = _page_props(cls, kwargs)
    try:
        page = vd.adopt
        if page is not None and page.__class__ is cls:
            vd.adopt = None
            page._vd.app = app
        else:
            page = create(cls, app, None, None, props)
    except Exception as e:
        report(app, e, "%s()" % (cls.__name__,))
        if handle and not vd.showing_error:
            _show_error(app, e)
        return None
    restore = vd.restore
    if restore is not None:
        vd.restore = None
        if restore[0] is None or restore[0] == cls.__name__:
            from vdom.app.hydration import set_silently

            set_silently(page.state, restore[1])
    page.matched_route = route
    page.extra_args = extra
    old = vd.page
    vd.page = page
    app.active_page = page
    if old is not None:
        drop([old], vd)
    m = memo(render, page, 0)
    page._vd.memo = m
    try:
        if vd.hydrate is not None:
            vd.hydrate = None
            _hydrate(app, m)
        else:
            vd.root.render(m)
    except PatchError as err:
        patch_failed(app, err)
        return page
    except RenderError as err:
        exc = None
        for v, e in err.errors:
            if getattr(v, "args", None) and v.args[0] is page:
                exc = e
            elif exc is None and isinstance(e, PageError):
                exc = e  # a child's precheck (a layout's Unauthorized): the app's handler, as in PuePy
        if exc is None:
            return page  # a child failed: reported, the page shows the rest
        if not handle or vd.showing_error:
            return None
        if isinstance(exc, PageError):
            app.handle_page_error(exc)
        else:
            _show_error(app, exc)
        return None
    update_title(app, page)
    return page


def _hydrate(app, m):
    """The first render of a mount(hydrate=...): adopt the server's nodes."""
    vd = app._vd
    root = vd.root
    warn = _warn_mismatch if app.development else None
    try:
        root.hydrate(m, warn)
    finally:  # a component that raised (RenderError) leaves the rest hydrated: the counts stand
        h = getattr(root, "hydration", None)
        app.hydration = dict(h) if h else {}


def _warn_mismatch(message):
    msg = "vdom.app hydration: %s" % (message,)
    if IN_BROWSER:
        try:
            js.console.warn(msg)
            return
        except Exception:
            pass
    print(msg)


def _after_hydration(app, path, early_events):
    """Replay the events recorded before the app was live; then, if the address bar
    shows another route than the server rendered (a hash the server never sees),
    route to it."""
    from vdom.app.hydration import replay, early_source

    src = early_events if early_events is not None else early_source()
    n = replay(app, src)
    h = app.hydration
    if h is None:
        h = app.hydration = {}
    h["replayed"] = n
    router = app.router
    if router is not None and IN_BROWSER:
        loc = location_path(router.link_mode)
        if loc and _other_path(loc, path) and _other_path(loc, app._vd.last_path):
            request_route(app, loc)


def _other_path(a, b):
    """Whether paths ``a`` and ``b`` differ beyond a trailing slash (a static host serves
    ``about/index.html`` at ``/about`` and ``/about/``)."""
    if b is None:
        return True
    return a.rstrip("/") != b.rstrip("/")


def patch_failed(app, err):
    """A renderer or DOM call raised during a patch (see ``vdom.PatchError``).  Report it
    like any error; if the root could not rebuild what it was patching (it gave its
    tree up), re-render the whole page in this flush (else the next), afresh."""
    report(app, err, "render")
    if err.rebuilt:
        return  # the root rebuilt the failing part: the page shows what was rendered
    vd = app._vd
    vd.repair = True
    scheduler.schedule(app)


def repair(app):
    """Re-render the current page after a failed patch (called by the flush)."""
    vd = app._vd
    vd.repair = False
    page = vd.page
    if page is None or vd.root is None:
        return
    m = memo(render, page, page._vd.version)
    page._vd.memo = m
    try:
        vd.root.render(m)
    except PatchError as err:
        report(app, err, "render")  # the next state change or flush tries again
        vd.repair = True
    except RenderError as err:
        scheduler.page_errors(app, err)


def _show_error(app, exc):
    vd = app._vd
    vd.showing_error = True
    try:
        app.handle_error(exc)
    except Exception as e:
        report(app, e, "handle_error")
    finally:
        vd.showing_error = False


def update_title(app, page):
    try:
        title = page.page_title() if hasattr(page, "page_title") else None
    except Exception as e:
        report(app, e, "%s.page_title()" % (page.__class__.__name__,))
        return
    if title is not None:
        app._vd.title = title
        set_document_title(title)


def _listen_browser(app):
    vd = app._vd
    if not IN_BROWSER or vd.browser_listeners is not None:
        return

    def on_location(event=None):
        p = location_path(app.router.link_mode)
        if p is not None and p != vd.last_path:
            request_route(app, p)

    proxy = create_proxy(on_location)
    vd.browser_listeners = proxy
    js.window.addEventListener("popstate", proxy)
    if app.router.link_mode == "hash":
        js.window.addEventListener("hashchange", proxy)
