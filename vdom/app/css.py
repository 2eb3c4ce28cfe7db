"""``CssClass``: a CSS class defined in Python (PuePy's API).

    BIG = CssClass("font-size: 2em", font_weight="bold")     # font_weight -> font-weight
    t.p("hi", classes=[BIG, "note"])                          # or classes=BIG, {BIG: cond}

A ``CssClass`` gets a unique name (``-ps-1``, ``-ps-2``...; ``str(c)`` and
``c.class_name``) and stands for that name wherever classes are given
(``classes=`` of tags and components, ``default_classes``).  The first
render that uses it registers it with the application, and after that
render the application writes the rules of every class it has used
(``app.runtime_css``) into ``<style id="puepy-runtime-css">`` in the
document's head.
"""

_count = [0]
# Classes used where no application is known (a tag built outside a component): the next flush takes them.
unowned = []


class CssClass:
    """CSS rules under a generated class name: ``CssClass("color: red", margin_top="1em")``."""

    def __init__(self, *rules, **kw_rules):
        out = []
        for r in rules:
            if not isinstance(r, str):
                raise TypeError("CssClass: a rule is a string like 'color: red', got %r" % (r,))
            out.append(r)
        for k in kw_rules:
            v = kw_rules[k]
            if v is None:
                continue
            out.append("%s: %s" % (k.replace("_", "-"), v))
        self.rules = out
        _count[0] += 1
        self.class_name = "-ps-%d" % _count[0]

    def __str__(self):
        return self.class_name

    def render_css(self):
        """``.-ps-1 { color: red;margin-top: 1em }``"""
        return ".%s { %s }" % (self.class_name, ";".join(self.rules))

    def __repr__(self):
        return "CssClass(%r: %r)" % (self.class_name, self.rules)


def use(origin, c):
    """Register ``c`` with the application of component ``origin`` (written after the render)."""
    app = origin._vd.app if origin is not None else None
    if app is None:
        unowned.append(c)
        return
    register(app, c)


def register(app, c):
    vd = app._vd
    if c.class_name not in vd.css:
        vd.css[c.class_name] = c
        vd.css_order.append(c)
        vd.css_dirty = True


def names(value, origin):
    """``value`` (a ``classes=`` value) with every CssClass replaced by its name.

    Returns ``value`` itself when it holds none (strings, the common case,
    cost one class check).
    """
    cls = value.__class__
    if cls is str or not value:
        return value
    if cls is CssClass:
        use(origin, value)
        return value.class_name
    if cls is dict:
        found = False
        for k in value:
            if k.__class__ is CssClass:
                found = True
                break
        if not found:
            return value
        out = {}
        for k in value:
            v = value[k]
            if k.__class__ is CssClass:
                if v:
                    use(origin, k)
                k = k.class_name
            out[k] = v
        return out
    if cls is not list and cls is not tuple and cls is not set:
        return value
    found = False
    for x in value:
        if x.__class__ is CssClass:
            found = True
            break
    if not found:
        return value
    out = []
    for x in value:
        if x.__class__ is CssClass:
            use(origin, x)
            x = x.class_name
        out.append(x)
    return out


def stylesheet(app):
    """The text of the runtime style element: one rule per class the app used."""
    return "\n".join([c.render_css() for c in app._vd.css_order])


def write(app):
    """After a flush: take unowned classes, then write the style element if something new was used."""
    vd = app._vd
    while unowned:
        register(app, unowned.pop())
    if not vd.css_dirty:
        return
    vd.css_dirty = False
    from vdom.app.runtime import set_runtime_css

    set_runtime_css(stylesheet(app))
