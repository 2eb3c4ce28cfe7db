"""Helpers to test components and apps on the mock renderer (any interpreter).

    from vdom.app.testing import mount
    app, r, c = mount(MyPage)            # or mount(app_instance, path="/pets")
    r.dispatch(node, "click"); app.flush(); inner_html(c)
"""

from renderers.mock import MockRenderer, inner_html, walk


def mount(page_or_app, path=None, development=False, renderer=None):
    """Mount a Page class (in a fresh Application) or an Application on a mock container.

    Returns ``(app, renderer, container)``.
    """
    from vdom.app import Application

    if isinstance(page_or_app, Application):
        app = page_or_app
    else:
        app = Application(development=development)
        app.default_page = page_or_app
    r = renderer or MockRenderer()
    c = r.create_container()
    app.mount(c, path=path, renderer=r)
    return app, r, c


def html(container):
    """The HTML of what the app rendered (the container's children)."""
    return inner_html(container)


def find(container, tag=None, text=None, **attrs):
    """Mock nodes under ``container`` matching a tag, a text content and attributes."""
    out = []
    for n in walk(container):
        if n.tag is None or n.tag == "#raw":
            continue
        if tag is not None and n.tag != tag:
            continue
        ok = True
        for k in attrs:
            name = k[:-1] if k.endswith("_") else k
            name = name.replace("_", "-")
            if n.attributes.get(name) != attrs[k]:
                ok = False
                break
        if ok and text is not None and text_of(n) != text:
            ok = False
        if ok:
            out.append(n)
    return out


def find1(container, tag=None, text=None, **attrs):
    """The only node matching (AssertionError otherwise)."""
    found = find(container, tag, text, **attrs)
    if len(found) != 1:
        raise AssertionError("expected one <%s> (text=%r, %r), found %d" % (tag, text, attrs, len(found)))
    return found[0]


def text_of(node):
    parts = []
    for n in walk(node):
        if n.tag is None:
            parts.append(n.text)
    return "".join(parts)


def type_into(renderer, node, value, event="input"):
    """Simulate typing: set the input's live ``value`` (not its attribute), then dispatch ``input``."""
    node.value = value
    return renderer.dispatch(node, event)


def set_checked(renderer, node, checked=True):
    """Simulate ticking a checkbox/radio: set its live ``checked``, dispatch ``change``.

    Ticking a radio unticks the others of its group (same ``name``), as a browser does."""
    node.checked = bool(checked)
    name = node.attributes.get("name")
    if checked and node.type == "radio" and name is not None:
        top = node
        while top.parent is not None:
            top = top.parent
        for n in walk(top):
            if n is not node and n.tag == "input" and n.type == "radio" and n.attributes.get("name") == name:
                n.checked = False
    return renderer.dispatch(node, "change")


def select_options(renderer, select, values, event="input"):
    """Simulate choosing in a ``<select multiple>``: select exactly the options whose value
    (or text, without a ``value``) is in ``values`` (compared as strings), dispatch ``input``."""
    want = {}
    for v in values:
        want[str(v)] = True
    for n in walk(select):
        if n.tag != "option":
            continue
        n.selected = n.value in want
    return renderer.dispatch(select, event)


class EarlyEvents:
    """The page's early-events recorder (``vdom.app.hydration.EARLY_EVENTS_JS``) on mock nodes.

    Record what a user did before the app was live, then hydrate with it::

        early = EarlyEvents(renderer)
        node.value = "Ann"; early.record(node, "input")
        app.mount(container, renderer=renderer, hydrate=data, early_events=early)

    ``take()``/``fire(i)`` behave as the inline script's: consecutive input events on one
    node count once, a node no longer attached is skipped.
    """

    def __init__(self, renderer):
        self.renderer = renderer
        self.records = []
        self.taken = []

    def record(self, node, event_type, key=None):
        self.records.append((event_type, node, key))

    def pending(self):
        return len(self.records)

    def take(self):
        q = self.records
        self.taken = [q[i] for i in range(len(q))
                      if not (q[i][0] == "input" and i + 1 < len(q) and q[i + 1][0] == "input" and q[i + 1][1] is q[i][1])]
        self.records = []
        return len(self.taken)

    def fire(self, i):
        from renderers.mock import MockEvent

        event_type, node, key = self.taken[i]
        if node.parent is None:
            return False
        ev = MockEvent(event_type, node)
        if key:
            ev.key = key
        self.renderer.dispatch(node, event_type, ev)
        return True
