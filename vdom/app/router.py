"""Client-side routing: routes with ``<param>`` segments, reverse, navigation, ``Link``.

``app.install_router(Router, link_mode="hash")`` (URLs like ``#/pets/3``)
or ``link_mode="html5"`` (``/pets/3`` through ``history.pushState``).
Query arguments (``?page=2``) go to the page's declared props.
"""

from vdom.app.component import Component, Page, Prop
from vdom.app.runtime import IN_BROWSER, js, push_state, replace_state

_SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~"


def url_quote(s):
    """Percent-encode ``s`` (UTF-8) except unreserved characters."""
    out = []
    for b in str(s).encode("utf-8"):
        c = chr(b)
        if c in _SAFE:
            out.append(c)
        else:
            out.append("%%%02X" % b)
    return "".join(out)


def url_unquote(s, plus=False):
    """Decode ``%XX`` escapes (UTF-8) and, for query strings, ``+`` as a space."""
    if "%" not in s and not (plus and "+" in s):
        return s
    buf = bytearray()
    i = 0
    n = len(s)
    while i < n:
        c = s[i]
        if c == "%" and i + 2 < n:
            try:
                buf.append(int(s[i + 1:i + 3], 16))
                i += 3
                continue
            except ValueError:
                pass
        if c == "+" and plus:
            buf.append(32)
        else:
            for b in c.encode("utf-8"):
                buf.append(b)
        i += 1
    try:
        return bytes(buf).decode("utf-8")
    except UnicodeError:
        return s


def parse_query(qs):
    """``"a=1&a=2&b"`` -> ``{"a": ["1", "2"], "b": [""]}`` (values are lists)."""
    out = {}
    if qs.startswith("?"):
        qs = qs[1:]
    for part in qs.split("&"):
        if not part:
            continue
        i = part.find("=")
        if i >= 0:
            k = url_unquote(part[:i], True)
            v = url_unquote(part[i + 1:], True)
        else:
            k = url_unquote(part, True)
            v = ""
        lst = out.get(k)
        if lst is None:
            out[k] = [v]
        else:
            lst.append(v)
    return out


def query_string(kwargs):
    keys = sorted(kwargs)
    parts = []
    for k in keys:
        v = kwargs[k]
        if v.__class__ is list or v.__class__ is tuple:
            for x in v:
                parts.append(url_quote(k) + "=" + url_quote(x))
        else:
            parts.append(url_quote(k) + "=" + url_quote(v))
    return "&".join(parts)


class Route:
    """A path pattern (``/pets/<pet_id>``), the Page class it shows, and its name."""

    def __init__(self, path_match, page, name, base_path=None, router=None):
        self.path_match = path_match
        self.page = page
        self.name = name
        self.base_path = base_path
        self.router = router
        self._parts = path_match.strip("/").split("/")

    def match(self, path):
        """``(True, {param: value})`` if ``path`` matches, else ``(False, None)``."""
        if self.base_path and path.startswith(self.base_path):
            path = path[len(self.base_path):]
        parts = path.strip("/").split("/")
        pat = self._parts
        if len(parts) != len(pat):
            return False, None
        kwargs = {}
        for i in range(len(pat)):
            p = pat[i]
            if p.startswith("<") and p.endswith(">"):
                if parts[i] == "":
                    return False, None
                kwargs[p[1:-1]] = url_unquote(parts[i])
            elif p != parts[i]:
                return False, None
        return True, kwargs

    def reverse(self, **kwargs):
        """The URL of this route with ``kwargs`` filled in (the rest as a query string)."""
        rest = {}
        result = self.path_match
        for k in kwargs:
            token = "<" + k + ">"
            if token in result:
                result = result.replace(token, url_quote(kwargs[k]))
            else:
                rest[k] = kwargs[k]
        if "<" in result:
            raise ValueError("reverse(%r): missing arguments for %s" % (self.name, result))
        if self.base_path:
            result = self.base_path.rstrip("/") + result
        if self.router is not None and self.router.link_mode == Router.LINK_MODE_HASH:
            result = "#" + result
        if rest:
            result += "?" + query_string(rest)
        return result

    def __repr__(self):
        return "<Route %s %s>" % (self.name, self.path_match)


class Router:
    """Routes of an application; installed with ``app.install_router(Router, link_mode=...)``."""

    LINK_MODE_DIRECT = "direct"
    LINK_MODE_HTML5 = "html5"
    LINK_MODE_HASH = "hash"

    def __init__(self, application=None, base_path=None, link_mode=LINK_MODE_HASH):
        if link_mode not in (self.LINK_MODE_DIRECT, self.LINK_MODE_HTML5, self.LINK_MODE_HASH):
            raise ValueError("link_mode must be 'hash', 'html5' or 'direct', got %r" % (link_mode,))
        self.routes = []
        self.routes_by_name = {}
        self.routes_by_page = {}
        self.application = application
        self.base_path = base_path
        self.link_mode = link_mode

    def add_route_instance(self, route):
        if route.name in self.routes_by_name:
            raise ValueError("route name %r already exists" % (route.name,))
        self.routes.append(route)
        self.routes_by_name[route.name] = route
        self.routes_by_page[route.page] = route
        route.router = self
        return route

    def add_route(self, path_match, page_class, name=None):
        if not name:
            from vdom.app.tags import kebab

            name = kebab(page_class.__name__, "_")
        return self.add_route_instance(Route(path_match, page_class, name, self.base_path))

    def reverse(self, destination, **kwargs):
        """URL of a route (a Route, a route name or a Page class) with ``kwargs`` filled in."""
        if isinstance(destination, Route):
            return destination.reverse(**kwargs)
        route = None
        if destination.__class__ is str:
            route = self.routes_by_name.get(destination)
        if route is None:
            try:
                route = self.routes_by_page.get(destination)
            except TypeError:
                route = None
        if route is None:
            app = self.application
            if app is not None and destination is app.default_page:
                path = (self.base_path or "").rstrip("/") + "/"
                if self.link_mode == self.LINK_MODE_HASH:
                    path = "#" + path
                if kwargs:
                    path += "?" + query_string(kwargs)
                return path
            raise KeyError("%r is not a route" % (destination,))
        return route.reverse(**kwargs)

    def match(self, path):
        """``(route, arguments)`` for ``path`` (arguments: query lists plus path params), or (None, None)."""
        i = path.find("#")
        if i >= 0:
            path = path[:i]
        i = path.find("?")
        if i >= 0:
            args = parse_query(path[i + 1:])
            path = path[:i]
        else:
            args = {}
        for route in self.routes:
            ok, params = route.match(path)
            if ok:
                for k in params:
                    args[k] = params[k]
                return route, args
        return None, None

    def navigate_to_path(self, path, **kwargs):
        """Go to ``path`` (a path, a route name or a Page class; ``kwargs`` become the query).

        The page renders at the next flush (the next tick in a browser,
        ``app.flush()`` in tests); the browser's address and history follow
        (a new history entry).
        """
        navigate(self, path, kwargs, False)

    def _navigate(self, path, kwargs, replace):
        if isinstance(path, type) or (path.__class__ is str and path in self.routes_by_name):
            path = self.reverse(path, **kwargs)
        elif kwargs:
            path += ("&" if "?" in path else "?") + query_string(kwargs)
        if path.startswith("#"):
            path = path[1:]
        app = self.application
        if self.link_mode == self.LINK_MODE_DIRECT and IN_BROWSER:
            js.window.location = path
            return
        if self.link_mode == self.LINK_MODE_HASH:
            url = "#" + path
        elif self.base_path and path.startswith("/") and not path.startswith(self.base_path.rstrip("/") + "/") \
                and path != self.base_path.rstrip("/"):
            url = self.base_path.rstrip("/") + path  # html5: the address stays under the app's base path
        else:
            url = path
        if app is not None:
            from vdom.app.application import request_route

            if IN_BROWSER:
                if replace:
                    replace_state(url)
                else:
                    push_state(url)
            request_route(app, path)

    def href(self, target, **kwargs):
        """What an ``<a href>`` needs for ``target``: a path ("/pets"), a route name or a Page class."""
        if isinstance(target, type) or (target.__class__ is str and target in self.routes_by_name):
            return self.reverse(target, **kwargs)
        if kwargs:
            target += ("&" if "?" in target else "?") + query_string(kwargs)
        if target.startswith("#"):
            return target
        if self.link_mode == self.LINK_MODE_HASH:
            return "#" + target
        if self.base_path and target.startswith("/") and not target.startswith(self.base_path):
            return self.base_path.rstrip("/") + target
        return target


def navigate(router, path, kwargs=None, replace=False):
    """``router.navigate_to_path(path, **kwargs)``; ``replace=True`` replaces the current
    history entry instead of adding one (redirects: Back must not land on the guard again)."""
    router._navigate(path, kwargs or {}, replace)


class _LinkClick:
    __slots__ = ("link",)

    def __init__(self, link):
        self.link = link

    def __call__(self, event):
        for m in ("ctrlKey", "metaKey", "shiftKey", "altKey"):
            if getattr(event, m, False):
                return
        button = getattr(event, "button", 0)
        if button not in (0, None):
            return
        if getattr(event, "defaultPrevented", False):
            return
        link = self.link
        router = link.router
        if router is None or link._vd.attrs.get("target") not in (None, "_self"):
            return
        if router.link_mode == Router.LINK_MODE_DIRECT:
            return
        pd = getattr(event, "preventDefault", None)
        if pd is not None:
            pd()
        href = router.href(link.href, **(link.args or {}))
        if href.startswith("#"):
            href = href[1:]
        router.navigate_to_path(href)


class Link(Component):
    """``t(Link, "Pets", href="/pets")`` or ``t.router_link(...)``: an ``<a>`` that navigates
    without reloading.  ``href`` is a path, a route name or a Page class; ``args``
    fills the route's ``<params>`` (the rest become the query string)."""

    enclosing_tag = "a"
    component_name = "router-link"
    props = [Prop("href", "path, route name or Page class", default="/"),
             Prop("args", "route parameters", type=dict)]

    def get_default_attrs(self):
        attrs = dict(self.default_attrs)
        router = self.router
        href = self.href
        if router is not None:
            href = router.href(href, **(self.args or {}))
        attrs["href"] = href
        attrs["on_click"] = _LinkClick(self)
        return attrs

    def populate(self):
        self.insert_slot()
