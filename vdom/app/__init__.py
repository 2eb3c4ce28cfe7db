"""vdom.app: reactive components, pages and routing on the pyvdom core (PuePy's API).

    from vdom.app import Application, Page, Component, Prop, t, Router, Link

Importing ``vdom`` does not import this package: load it only when used.
"""

from vdom.app.tags import t, html, Tag
from vdom.app.css import CssClass
from vdom.app.state import ReactiveDict
from vdom.app.events import ComponentEvent, run_async
from vdom.app.component import Component, Page, Prop
from vdom.app.errors import PageError, NotFound, Forbidden, Unauthorized, Redirect, PropsError
from vdom.app.router import Router, Route, Link
from vdom.app.application import Application, GenericErrorPage, TracebackErrorPage
from vdom.app.storage import BrowserStorage, MemoryStorage

t.add_component(Link)

__all__ = [
    "Application", "Page", "Component", "Prop", "t", "html", "Router", "Route", "Link",
    "Redirect", "NotFound", "Unauthorized", "Forbidden", "PageError", "PropsError",
    "ReactiveDict", "ComponentEvent", "Tag", "GenericErrorPage", "TracebackErrorPage",
    "BrowserStorage", "MemoryStorage", "run_async", "CssClass",
]
