"""The renderer protocol: the one seam between the core and a host.

The reconciler never touches host nodes itself: it creates, moves, removes
and decorates them only through these methods, so the same core drives the
browser DOM, an in-memory mock and anything else.  Subclass ``Renderer``
and implement every method; the base raises ``NotImplementedError`` so a
missing method is named at the first call.

What the core guarantees to a renderer:

* Values are already normalised: attribute values are ``str`` or ``True``
  (a bare boolean attribute); absent values are removed with
  ``remove_attribute``, never set to ``None``/``False``.
* ``set_class`` gets a non-empty string; an absent class is
  ``remove_attribute(el, "class")``.  SVG/MathML elements get their class
  through ``set_attribute(el, "class", value)`` instead.
* A string ``style`` prop arrives as ``set_attribute(el, "style", text)``
  and a dict as one ``set_style``/``remove_style`` per property;
  ``remove_attribute(el, "style")`` removes every style property.
* ``add_listener`` is called once per element and event type with a stable
  ``Listener``; changing the handler swaps ``listener.handler`` and makes
  no renderer call.  ``remove_listener`` gets that same object when the
  prop goes away, ``release_listener`` when the element is unmounted.
* Relocating an already mounted child goes through ``move``; ``insert`` is
  only for nodes the core just created.  ``move`` and ``release_listener``
  are optional (the base class falls back to ``insert``/``remove_listener``).
* ``clone(node)`` (optional) returns a deep copy of a detached host subtree
  the core built through the protocol (a ``static()`` template) and mounts
  the copy like a new node.  Without it every use of a static subtree is
  built node by node.
* An element whose only child is a string gets it through
  ``set_text_content(el, text)`` (optional, see the method); patching that
  text calls it again.
* ``clear(parent)`` is used only when every child of an element goes away,
  in place of one ``remove`` per child.
* Reads are never needed to render and patch: the core knows the host tree
  from its VNodes.  Only ``Root.hydrate`` reads, to adopt server-rendered
  nodes, through five optional methods (``child_nodes``, ``node_type``,
  ``node_name``, ``node_text``, ``attributes``); a renderer without them
  cannot hydrate and says so.
"""


class Renderer:
    """Base class and documentation of the protocol every renderer implements."""

    # Optional: ``clone(node)`` -> a deep copy of the detached host subtree
    # ``node`` (no listeners are ever on it).  None: not supported.
    clone = None

    def create_element(self, tag):
        """Return a new, detached element named ``tag`` (HTML namespace)."""
        raise NotImplementedError("create_element")

    def create_element_ns(self, namespace, tag):
        """Return a new element in ``namespace`` (the SVG or MathML URI)."""
        raise NotImplementedError("create_element_ns")

    def create_text(self, text):
        """Return a new text node holding ``text``."""
        raise NotImplementedError("create_text")

    def create_raw(self, html):
        """Return a node that shows the trusted HTML string ``html`` as is."""
        raise NotImplementedError("create_raw")

    def insert(self, parent, node, anchor):
        """Insert ``node`` into ``parent`` before ``anchor`` (None: append).

        ``node`` may already be attached (to ``parent``): then this is a move.
        """
        raise NotImplementedError("insert")

    def move(self, parent, node, anchor):
        """Move the attached child ``node`` of ``parent`` before ``anchor``.

        Optional: the default is ``insert``.  A DOM renderer can keep the
        moved element's state (focus, iframes) with ``moveBefore``.
        """
        self.insert(parent, node, anchor)

    def remove(self, parent, node):
        """Detach ``node`` from ``parent``."""
        raise NotImplementedError("remove")

    def set_text_content(self, el, text):
        """Replace all children of ``el`` by one text node holding ``text`` (none for "").

        Used for elements whose only child is a string.  Optional: the
        default clears ``el`` and inserts a new text node; the DOM renderer
        sets ``textContent`` (one call).
        """
        self.clear(el)
        if text:
            self.insert(el, self.create_text(text), None)

    def clear(self, parent):
        """Detach every child of ``parent`` at once."""
        raise NotImplementedError("clear")

    def set_text(self, node, text):
        """Replace the text of a text node."""
        raise NotImplementedError("set_text")

    def set_attribute(self, el, name, value):
        """Set attribute ``name`` to ``value`` (``str``, or ``True`` for a bare boolean)."""
        raise NotImplementedError("set_attribute")

    def remove_attribute(self, el, name):
        """Remove attribute ``name`` (``"style"``: every style property)."""
        raise NotImplementedError("remove_attribute")

    def set_class(self, el, value):
        """Set the class attribute of an HTML element to a non-empty string."""
        raise NotImplementedError("set_class")

    def set_style(self, el, name, value):
        """Set one style property (``name`` as written in the style dict)."""
        raise NotImplementedError("set_style")

    def remove_style(self, el, name):
        """Remove one style property."""
        raise NotImplementedError("remove_style")

    def add_listener(self, el, event_type, listener):
        """Make ``listener(event)`` run for ``event_type`` events on ``el``."""
        raise NotImplementedError("add_listener")

    def remove_listener(self, el, event_type, listener):
        """Undo ``add_listener`` with the same ``listener`` object; release what it holds."""
        raise NotImplementedError("remove_listener")

    def release_listener(self, el, event_type, listener):
        """``el`` is being unmounted: release what ``add_listener`` holds.

        Optional: the default is ``remove_listener``.  The element is
        discarded, so a DOM renderer may skip ``removeEventListener`` and
        only free its proxy.
        """
        self.remove_listener(el, event_type, listener)


class HostReader:
    """The optional read methods ``Root.hydrate`` needs (documentation; not a base class).

    ``child_nodes(node)``: a list of ``node``'s children (a snapshot).
    ``node_type(node)``: the DOM's ``nodeType``: 1 element, 3 text, 8 comment.
    ``node_name(el)``: an element's local name (``div``, ``foreignObject``).
    ``node_text(node)``: the data of a text or comment node.
    ``attributes(el)``: ``{name: value}`` of an element's attributes (``class``
    and ``style`` included, as written in the markup).
    Optional even there, for speed: ``outer_html(el)`` (markup of an element, to
    compare raw HTML and ``static()`` uses in one read) and ``text_content(el)``
    (the text of an element that holds no element, else None).
    """


class Listener:
    """The stable callable a renderer registers for one element and event type.

    ``handler`` is the current Python handler; re-rendering with another
    handler only swaps this attribute, so the host listener (a JS proxy in
    the browser) is created once and never re-added.
    """

    __slots__ = ("handler", "event_type", "host")

    def __init__(self, handler, event_type):
        self.handler = handler
        self.event_type = event_type
        # Free for the renderer: e.g. the JS proxy the DOM renderer made for
        # this listener, so remove_listener can detach and destroy it.
        self.host = None

    def __call__(self, event):
        handler = self.handler
        if handler is not None:
            return handler(event)
        return None

    def __repr__(self):
        return "Listener(%r, %r)" % (self.event_type, self.handler)
