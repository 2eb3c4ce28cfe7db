"""Prop names and values: how each prop is classified and normalised.

Shared by the reconciler and the HTML renderer so that a patched tree and a
server-rendered string agree exactly.  Classification of a prop name is
cached: names repeat across nodes, and a dict lookup is far cheaper than
re-checking the characters (this runs for every prop under MicroPython).
"""

from vdom.elements import check_style_item

ATTR = 0    # plain attribute
KEY = 1     # "key": identifies the node, never rendered
CLASS = 2   # "class": str, list of str, or {name: bool}
STYLE = 3   # "style": str or {property: value}
EVENT = 4   # "on_<type>": a listener
HOOK = 5    # "hook": lifecycle callbacks, never rendered
# Kinds above KEY need their value checked in h().

_BUILTIN = {"key": KEY, "hook": HOOK, "class": CLASS, "style": STYLE}
_kinds = dict(_BUILTIN)
_events = {}
_CACHE_MAX = 4096

# Attributes that are enumerated ("true"/"false") rather than boolean.
_ENUMERATED = {"draggable": 1, "contenteditable": 1, "spellcheck": 1}

_BAD_NAME_CHARS = " \"'>/=<`"


def prop_kind(name):
    """Classify a prop name (ATTR, KEY, CLASS, STYLE, EVENT or HOOK).

    Raises ``TypeError``/``ValueError`` naming the prop when the name cannot
    be an attribute (not a string, empty, spaces, quotes, ``>``, ``/``, ``=``
    or control characters), so bad input fails in ``h()`` rather than deep
    inside a patch.
    """
    k = _kinds.get(name)
    if k is not None:
        return k
    if not isinstance(name, str):
        raise TypeError("prop names must be strings, got %r" % (name,))
    if name.startswith("on_"):
        if len(name) == 3:
            raise ValueError("invalid event prop 'on_': no event type after 'on_'")
        k = EVENT
        _events[name] = name[3:]
    else:
        check_name(name, "attribute")
        k = ATTR
    if len(_kinds) > _CACHE_MAX:
        _kinds.clear()
        _kinds.update(_BUILTIN)
    _kinds[name] = k
    return k


def event_type(name):
    """``"on_click"`` -> ``"click"`` (cached: slicing allocates)."""
    t = _events.get(name)
    if t is None:
        t = name[3:]
        _events[name] = t
    return t


def check_name(name, what):
    """Raise ``ValueError`` unless ``name`` is a valid attribute/tag name."""
    if not name:
        raise ValueError("invalid %s name: empty string" % what)
    for ch in name:
        o = ord(ch)
        if o < 0x21 or o == 0x7F or ch in _BAD_NAME_CHARS:
            raise ValueError("invalid %s name %r: it contains %r" % (what, name, ch))


def norm_class(value):
    """Return the class attribute string for a ``class`` prop, or None.

    A list keeps its order and skips falsy items; a dict keeps the names
    whose value is truthy, sorted so the result is the same on every
    interpreter (MicroPython dicts are unordered).
    """
    if value is None or value is False:
        return None
    cls = value.__class__
    if cls is str:
        return value or None
    if cls is list or cls is tuple:
        parts = []
        for item in value:
            if not item:
                continue
            if item.__class__ is not str:
                if isinstance(item, (list, tuple, dict)):
                    item = norm_class(item)
                    if not item:
                        continue
                else:
                    raise TypeError("class list items must be strings, got %r" % (item,))
            parts.append(item)
        return " ".join(parts) or None
    if cls is dict or isinstance(value, dict):
        names = [n for n in value if value[n]]
        names.sort()
        return " ".join(names) or None
    if isinstance(value, str):
        return str(value) or None
    raise TypeError(
        "the class prop takes a string, a list of strings or a dict {name: bool}, got %r" % (value,)
    )


def check_style(value):
    """Raise ``TypeError`` unless ``value`` is a valid ``style`` prop.

    A dict's names and string values are also checked to stay one
    declaration each (``ValueError``, see ``vdom.elements.check_style_item``).
    """
    if value is None or value is False or isinstance(value, str):
        return
    if isinstance(value, dict):
        for name in value:
            if not isinstance(name, str) or not name:
                raise TypeError("style property names must be non-empty strings, got %r" % (name,))
            check_style_item(name, value[name])
        return
    raise TypeError("the style prop takes a string or a dict {property: value}, got %r" % (value,))


def style_value(value):
    """A style property's value as a string, or None when it is absent."""
    if value is None or value is False:
        return None
    if value.__class__ is str:
        return value or None
    return str(value)


def norm_style(value):
    """``style`` prop -> ``str`` (string form), sorted ``[(prop, value)]`` (dict form) or None."""
    if value is None or value is False:
        return None
    if isinstance(value, str):
        return value or None
    items = []
    for name in value:
        v = style_value(value[name])
        if v is not None:
            items.append((name, v))
    if not items:
        return None
    items.sort()
    return items


def style_text(items):
    """Serialise sorted style items as ``prop:value;prop:value``.

    Sorting puts a shorthand (``margin``) before its longhands
    (``margin-top``), so the longhand wins as the author meant.
    """
    return ";".join([name + ":" + v for name, v in items])


def attr_value(name, value):
    """Normalise an attribute value: None (absent), True (bare boolean) or str.

    ``None``/``False`` mean absent and ``True`` a bare boolean attribute,
    except for enumerated attributes (``aria-*``, ``draggable``,
    ``contenteditable``, ``spellcheck``), where they become "true"/"false".
    """
    cls = value.__class__
    if cls is str:
        return value
    if value is None:
        return None
    if value is True or value is False:
        if name.startswith("aria-") or name in _ENUMERATED:
            return "true" if value else "false"
        return True if value else None
    if cls is int or cls is float:
        return str(value)
    html = getattr(value, "__html__", None)
    if html is not None:
        return str(html())
    return str(value)
