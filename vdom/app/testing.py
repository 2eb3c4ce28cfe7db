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
